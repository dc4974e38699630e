"""The rows of the finance export (SPEC §7.3) as plain values: ``ExportRow``, one line ready to
write, and ``payment_row``, the row of one recovery payment received.

They sit here, not among the ports, so that ``ports.py`` and ``recovery_ports.py`` can both
name ``ExportRow`` in their protocols without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal

from qc_station.domain.enums import Recovery
from qc_station.domain.recovery import RecoveryKind
from qc_station.formats.finance_csv import check_row_fields


@dataclass(frozen=True)
class ExportRow:
    """One line of the finance export (SPEC §7.3), flat and ready to write."""

    batch_id: str
    rma_code: str
    order_id: str
    lpn: str
    sku: str
    market: str
    currency: str
    unit_price: Decimal
    deduction_pct: int
    refund_amount: Decimal
    resolution: str
    headline: str
    recovery: str
    recovery_amount: Decimal | None
    decided_by: str
    approved_by: str
    approved_at: datetime | None
    refund_due_at: datetime | None
    #: Format 2 only: on a reversal row, the batch of the row it reverses; empty otherwise.
    reverses_batch: str = ""


# The fields are the finance columns' attributes, in column order (formats/finance_csv.py
# declares the columns once); a field added or renamed on one side only fails here, at import.
check_row_fields([f.name for f in fields(ExportRow)], "ExportRow")


#: The finance export's ``recovery`` value of a payment on each kind of case (SPEC §7.3).
RECOVERY_OF_KIND = {
    RecoveryKind.VENDOR_RETURN: Recovery.SUPPLIER_CHARGEBACK,
    RecoveryKind.CARRIER_CLAIM: Recovery.CARRIER_CLAIM,
}


def payment_row(
    batch_id: str,
    number: str,
    kind: RecoveryKind,
    currency: str,
    amount: Decimal,
    recorded_by: str,
    recorded_at: datetime,
) -> ExportRow:
    """The finance export row of one payment received (SPEC §7.3's columns, unchanged): the
    case number in ``order_id`` (the reference the party's remittance quotes), the recovery
    kind and the amount received in ``recovery`` and ``recovery_amount``, who recorded it in
    ``decided_by`` and when in ``approved_at``. No unit, no refund: those went out with the
    decisions' own rows."""
    return ExportRow(
        batch_id=batch_id,
        rma_code="",
        order_id=number,
        lpn="",
        sku="",
        market="",
        currency=currency,
        unit_price=Decimal(0),
        deduction_pct=0,
        refund_amount=Decimal(0),
        resolution="",
        headline="",
        recovery=RECOVERY_OF_KIND[kind].value,
        recovery_amount=amount,
        decided_by=recorded_by,
        approved_by="",
        approved_at=recorded_at,
        refund_due_at=None,
    )
