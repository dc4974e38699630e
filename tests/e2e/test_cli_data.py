"""The data commands end to end: decide-batch, catalog and Amazon imports, demo."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.conftest import ROOT
from tests.e2e.conftest import Run

CASES = ROOT / "resources" / "examples" / "decide_batch_cases.csv"
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
    second = qc("demo")
    assert second.code == 0 and "already loaded" in second.out
    assert qc("audit", "verify").code == 0


def test_missing_input_file_is_a_usage_error(qc: Run, tmp_path: Path) -> None:
    result = qc("import", str(tmp_path / "nope.csv"))
    assert result.code == 2 and "cannot read" in result.err
