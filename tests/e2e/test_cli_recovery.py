"""``qc-station recovery`` end to end on a real SQLite file: the DEFECT unit of the documents
site collects in its supplier's batch, ``close-batch`` writes the packing list (its barcode
decodes at 203 dpi), the claim CSV and the inspection report, and ``record-payment`` refuses
too much and records a part payment."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from tests.e2e.conftest import Run
from tests.e2e.test_cli_documents import PASSWORD, RMA, site  # noqa: F401 - the fixture
from tests.unit.printing.pdftools import decode, rasterise

SUPPLIER = "深圳音频"


def test_close_batch_writes_its_files_and_payments_are_checked(qc: Run, site: Path) -> None:  # noqa: F811
    listed = qc("recovery", "list", "--units", user="admin", password=PASSWORD)
    assert listed.code == 0, listed.err
    assert SUPPLIER in listed.out and f"{RMA}-1" in listed.out
    assert "claimed 89.00 EUR" in listed.out

    out = site / "rtv"
    missing = qc(
        "recovery", "close-batch", SUPPLIER, "-o", str(out), user="admin", password=PASSWORD
    )
    assert missing.code == 2 and "not an existing folder" in missing.err
    out.mkdir()
    # One unit cannot fill two cartons: refused, the batch stays open, nothing is written.
    empty_carton = qc(
        "recovery",
        "close-batch",
        SUPPLIER,
        "-o",
        str(out),
        "--cartons",
        "2",
        user="admin",
        password=PASSWORD,
    )
    assert (
        empty_carton.code == 1 and "ships in 1 to 1 cartons; 2 cannot be right" in empty_carton.err
    )
    assert list(out.iterdir()) == []
    assert "(open)" in qc("recovery", "list", user="admin", password=PASSWORD).out
    closed = qc(
        "recovery", "close-batch", SUPPLIER, "-o", str(out), user="admin", password=PASSWORD
    )
    assert closed.code == 0, closed.err
    number = re.search(r"closed (VR-\d{8}-\d{3})", closed.out)
    assert number, closed.out
    vr = number.group(1)
    files = sorted(p.name for p in out.iterdir())
    assert files == [
        f"{vr}-carton-labels.pdf",
        f"{vr}-claim.csv",
        f"{vr}-packing-list.pdf",
        f"inspection-report-{RMA}-1.pdf",
    ]
    page = rasterise((out / f"{vr}-packing-list.pdf").read_bytes(), site, 203, page=1)[0]
    assert vr in decode(page)
    labels = rasterise((out / f"{vr}-carton-labels.pdf").read_bytes(), site, 203)
    assert [decode(label) for label in labels] == [[vr]]
    (out / f"{vr}-carton-labels.pdf").unlink()
    reprinted = qc("recovery", "reprint", vr, "-o", str(out), user="admin", password=PASSWORD)
    assert reprinted.code == 0, reprinted.err
    assert (out / f"{vr}-carton-labels.pdf").read_bytes().startswith(b"%PDF")
    rows = list(csv.DictReader(io.StringIO((out / f"{vr}-claim.csv").read_text("utf-8-sig"))))
    assert [(r["lpn"], r["amount_claimed"], r["currency"]) for r in rows] == [
        (f"{RMA}-1", "89.00", "EUR")
    ]

    again = qc("recovery", "close-batch", SUPPLIER, "-o", str(out), user="admin", password=PASSWORD)
    assert again.code == 1 and "no open vendor-return batch" in again.err

    too_much = qc("recovery", "record-payment", vr, "89.01", user="admin", password=PASSWORD)
    assert too_much.code == 1 and "more than the 89.00 EUR still claimed" in too_much.err
    wrong = qc(
        "recovery", "record-payment", vr, "10", "--currency", "USD", user="admin", password=PASSWORD
    )
    assert wrong.code == 1 and "claims no USD" in wrong.err
    both = qc("recovery", "record-payment", vr, "10", "--denied", user="admin", password=PASSWORD)
    assert both.code == 2
    part = qc("recovery", "record-payment", vr, "50.00", user="admin", password=PASSWORD)
    assert part.code == 0, part.err
    assert "partly_paid" in part.out and "recovered 50.00 EUR" in part.out
    rates = qc("recovery", "list", "--figures", user="admin", password=PASSWORD)
    assert rates.code == 0, rates.err
    assert "recovered 50.00 EUR  rate 56.2%" in rates.out

    # The same figures in the dashboard's export, JSON and CSV.
    stats = qc("stats", user="admin", password=PASSWORD)
    assert stats.code == 0, stats.err
    assert json.loads(stats.out)["recovery"] == [
        {
            "kind": "vendor_return",
            "party": SUPPLIER,
            "currency": "EUR",
            "claimed": "89.00",
            "recovered": "50.00",
            "recovery_rate_pct": "56.2",
        }
    ]
    table = list(
        csv.reader(io.StringIO(qc("stats", "--format", "csv", user="admin", password=PASSWORD).out))
    )
    assert ["recovery", f"vendor_return:{SUPPLIER}", "recovery_rate_pct_EUR", "56.2", ""] in table
