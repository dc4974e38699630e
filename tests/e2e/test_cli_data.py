"""The data commands end to end: decide-batch, catalog and Amazon imports, demo."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from qc_station.formats.decide_batch import INPUT_COLUMNS
from qc_station.resources import resource
from tests.e2e.conftest import Run

CASES = resource("examples/decide_batch_cases.csv")
OUTPUT_COLUMNS = [
    "case_id",
    "headline",
    "resolution",
    "disposition",
    "deduction_pct",
    "refund_amount",
    "recovery",
    "needs_approval",
    "reasons",
]


def test_decide_batch_on_the_example_cases(qc: Run, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = qc("decide-batch", str(CASES), "-o", str(out))
    assert result.code == 0, result.err
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert list(rows[0]) == OUTPUT_COLUMNS
    assert len(rows) == len(CASES.read_text(encoding="utf-8").strip().splitlines()) - 1
    assert not (tmp_path / "data").exists()  # a simulation touches no database


def test_decide_batch_error_rows_exit_1_and_stdout_works(qc: Run, tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(
        "case_id,market,currency,unit_price,order_date,delivery_date,request_date,"
        "requested_resolution,grade,finding,photos\n"
        "ok,US,USD,100.00,2026-01-01,2026-01-05,2026-01-20,REFUND,A,NO_FAULT,0\n"
        "few,US,USD,100.00,2026-01-01,2026-01-05,2026-01-20,REFUND,C,DEFECT,1\n"
        "jpy,JP,JPY,1999,2026-01-01,2026-01-05,2026-01-20,REFUND,B,NO_FAULT,0\n",
        encoding="utf-8",
    )
    result = qc("decide-batch", str(cases))
    assert result.code == 1
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [r["headline"] for r in rows] == ["RESTOCK", "ERROR", "RESTOCK"]
    assert "1 more photo" in rows[1]["reasons"]
    assert rows[2]["refund_amount"] == "1799"
    assert rows[0]["needs_approval"] == "false"


def test_decide_batch_with_a_broken_policy_names_the_key(qc: Run, tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("return_windw_days = 20\n", encoding="utf-8")
    result = qc("decide-batch", str(CASES), "--policy", str(policy))
    assert result.code == 2
    assert "return_windw_days" in result.err and "return_window_days" in result.err


def test_catalog_then_amazon_report(qc: Run, tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(
        "sku,name,category,supplier,unit_price,currency\n"
        "SKU-EAR,无线蓝牙耳机,electronics,Shenzhen Audio,59.00,USD\n",
        encoding="utf-8",
    )
    loaded = qc("import-catalog", str(catalog))
    assert loaded.code == 0, loaded.err
    report = tmp_path / "amazon.tsv"
    header = (
        "return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\t"
        "fulfillment-center-id\tdetailed-disposition\treason\tstatus\t"
        "license-plate-number\tcustomer-comments\n"
    )
    report.write_text(
        header + "2026-10-20T08:00:00+00:00\t111-222\tSKU-EAR\tB0X\tX0F\t"
        "Earbuds\t1\tPHX3\tSELLABLE\tUNWANTED_ITEM\tReimbursed\tLPNRR0001\t"
        "no longer needed\n",
        encoding="utf-8",
    )
    imported = qc("import", str(report))
    assert imported.code == 0, imported.err
    assert qc("import", str(report)).code == 0  # again: nothing new, no error


def test_demo_loads_once(qc: Run) -> None:
    first = qc("demo")
    assert first.code == 0, first.err
    assert "demo-inspector" in first.out
    second = qc("demo")  # SPEC §6: only into an empty database
    assert second.code == 1 and "only into an empty database" in second.err
    verified = qc("audit", "verify", user="demo-admin", password="demo-password-2026")
    assert verified.code == 0, verified.err


def test_missing_input_file_is_a_usage_error(qc: Run, tmp_path: Path) -> None:
    result = qc("import", str(tmp_path / "nope.csv"))
    assert result.code == 2 and "Cannot read" in result.err


# --- issue 15: bad input that broke more than its row ----------------------------------------

MANIFEST_HEADER = (
    "rma_code,order_id,customer,market,currency,order_date,delivery_date,request_date,"
    "requested_resolution,reason,carrier,tracking,sku,product_name,category,supplier,"
    "unit_price,quantity\n"
)


def _manifest_row(code: str, price: str) -> str:
    return (
        f"{code},ORD-{code},Ann,US,USD,2026-01-01,2026-01-04,2026-01-10,REFUND,broken,UPS,"
        f"1Z{code},SKU-1,Kettle,home,Acme,{price},1\n"
    )


def test_import_with_a_huge_price_rejects_only_its_row(qc: Run, tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        MANIFEST_HEADER + _manifest_row("RMA-OK", "10.00") + _manifest_row("RMA-E", "1E+30")
        + _manifest_row("RMA-9", "9" * 32),
        encoding="utf-8",
    )  # fmt: skip
    result = qc("import", str(manifest))
    assert result.code == 1 and "Traceback" not in result.err
    assert "1 RMA added" in result.out
    errors = list(
        csv.DictReader(io.StringIO(Path(f"{manifest}.errors.csv").read_text("utf-8-sig")))
    )
    assert [(e["line"], e["reason"].split(" ")[0]) for e in errors] == [
        ("3", "unit_price"),
        ("4", "unit_price"),
    ]


def test_import_error_file_never_follows_a_planted_symlink(qc: Run, tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        MANIFEST_HEADER + _manifest_row("RMA-OK", "10.00") + _manifest_row("RMA-BAD", "x"),
        encoding="utf-8",
    )
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    Path(f"{manifest}.errors.csv").symlink_to(victim)
    result = qc("import", str(manifest))
    assert result.code == 1 and "symbolic link" in result.err
    assert "Traceback" not in result.err
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_decide_batch_output_is_neutralised_but_numbers_stay_numbers(
    qc: Run, tmp_path: Path
) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(
        ",".join(INPUT_COLUMNS) + "\n"
        '"=HYPERLINK(""http://x"")",US,USD,100.00,2026-01-01,2026-01-05,2026-01-20,REFUND,A,'
        "NO_FAULT,0\n"
        "+cmd,US,USD,100.00,2026-01-01,2026-01-05,2026-01-20,REFUND,C,DEFECT,1\n"
        "@sum,US,USD,1E+30,2026-01-01,2026-01-05,2026-01-20,REFUND,A,NO_FAULT,0\n"
        "-2+3,US,USD,1_0,2026-01-01,2026-01-05,2026-01-20,REFUND,A,NO_FAULT,0\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = qc("decide-batch", str(cases), "-o", str(out))
    assert result.code == 1 and "Traceback" not in result.err
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["case_id"] for r in rows] == [
        '\'=HYPERLINK("http://x")',
        "'+cmd",
        "'@sum",
        "'-2+3",
    ]
    assert rows[0]["refund_amount"] == "100.00" and rows[0]["deduction_pct"] == "0"
    assert "unit_price '1E+30' is not a number" in rows[2]["reasons"]
    assert "unit_price '1_0' is not a number" in rows[3]["reasons"]


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--since", "0001-01-01"),
        ("stats", "--until", "9999-12-31"),
        ("stats", "--since", "٢٠٢٦-٠١-٠١"),
        ("stats", "--since", "last tuesday"),
        ("label", "RMA-1", "-o", "x.pdf", "--dpi", "1_0"),
        ("label", "RMA-1", "-o", "x.pdf", "--dpi", "9" * 5000),
        ("policy", "history", "--limit", "1" + "0" * 30),
        ("recovery", "close-batch", "Acme", "-o", ".", "--cartons", "-1"),
    ],
    ids=lambda a: " ".join(x[:20] for x in a),
)
def test_bad_numbers_and_dates_on_the_command_line_are_usage_errors(
    qc: Run, args: tuple[str, ...]
) -> None:
    result = qc(*args)
    assert result.code == 2, result.err
    assert "Traceback" not in result.err and "error: argument" in result.err
