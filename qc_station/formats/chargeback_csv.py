"""The claim CSV of a vendor-return batch (the supplier's chargeback) or a carrier claim.

One row per unit: the case number, LPN, RMA, SKU, finding, unit price, currency, the amount
claimed, the carrier's tracking number (carrier claims) and the file name of the unit's
inspection report (or evidence pack) sent with it. The conventions are the finance export's
(``finance_csv``): UTF-8 with a BOM, CRLF, amounts as plain decimals with a dot and the
currency's minor digits, and every text cell neutralised against CSV injection (OWASP), since
SKUs and tracking numbers come from outside. No total row: a sum across currencies means
nothing, and a spreadsheet sums a column per currency better than a row we would add.

Pure: the standard library and the domain only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from qc_station.domain.money import format_amount

from .finance_csv import BOM, csv_line, neutralise

#: The header, in order. One constant: the writer, the tests and any reader take it from here.
COLUMNS: tuple[str, ...] = (
    "claim_number",
    "lpn",
    "rma_code",
    "sku",
    "finding",
    "unit_price",
    "currency",
    "amount_claimed",
    "tracking",
    "report_file",
)


@dataclass(frozen=True)
class ClaimRow:
    claim_number: str
    lpn: str
    rma_code: str
    sku: str
    finding: str
    unit_price: Decimal
    currency: str
    amount_claimed: Decimal
    tracking: str
    report_file: str


def row_cells(row: ClaimRow) -> list[str]:
    return [
        neutralise(row.claim_number),
        neutralise(row.lpn),
        neutralise(row.rma_code),
        neutralise(row.sku),
        neutralise(row.finding),
        format_amount(row.unit_price, row.currency),
        neutralise(row.currency),
        format_amount(row.amount_claimed, row.currency),
        neutralise(row.tracking),
        neutralise(row.report_file),
    ]


def claim_csv(rows: Iterable[ClaimRow], *, bom: bool = True) -> bytes:
    """The whole file as bytes (a case holds at most a few hundred units)."""
    parts = [BOM] if bom else []
    parts.append(csv_line(COLUMNS))
    parts.extend(csv_line(row_cells(row)) for row in rows)
    return "".join(parts).encode("utf-8")
