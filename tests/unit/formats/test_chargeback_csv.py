"""The claim CSV (formats/chargeback_csv.py): the finance export's conventions."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from qc_station.formats.chargeback_csv import COLUMNS, ClaimRow, claim_csv


def row(**changes: object) -> ClaimRow:
    values: dict[str, object] = {
        "claim_number": "VR-20261102-001",
        "lpn": "RMA-1-1",
        "rma_code": "RMA-1",
        "sku": "SKU-1",
        "finding": "DEFECT",
        "unit_price": Decimal("19.9"),
        "currency": "USD",
        "amount_claimed": Decimal("19.9"),
        "tracking": "",
        "report_file": "inspection-report-RMA-1-1.pdf",
    }
    values.update(changes)
    return ClaimRow(**values)  # type: ignore[arg-type]


def test_bom_crlf_header_and_amounts_in_minor_digits() -> None:
    data = claim_csv(
        [
            row(),
            row(
                lpn="RMA-J-1",
                currency="JPY",
                unit_price=Decimal(1200),
                amount_claimed=Decimal(1200),
            ),
        ]
    )
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.count("\r\n") == 3 and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert [(r[5], r[6], r[7]) for r in rows[1:]] == [
        ("19.90", "USD", "19.90"),
        ("1200", "JPY", "1200"),
    ]


def test_cells_from_outside_are_neutralised_and_quoted() -> None:
    data = claim_csv([row(sku="=HYPERLINK(1)", tracking="-12,3", finding='say "hi"')], bom=False)
    (parsed,) = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert parsed["sku"] == "'=HYPERLINK(1)"
    assert parsed["tracking"] == "'-12,3"
    assert parsed["finding"] == 'say "hi"'
