"""A small fixed data set for the dashboard's figures, with every expected figure worked
out by hand (``EXPECTED_*`` below, written as numbers, not computed).

Forty-one returned units, one RMA each, written through the repositories of any unit of work
(the fake, SQLite or PostgreSQL), so the same expectations check the Python fake, the SQL
on both databases, the command line and the screen.

In November 2026 (the period the tests use), 39 units count:

- SKU-A, 10 units, US/USD 100.00, electronics, "Shenzhen Audio", carrier DHL, inspector ines
  (120 s each): A1 TRANSIT_DAMAGE/D (refund 100, carrier claim 100); A2–A3 DEFECT/C (refund
  100, chargeback 100); A4–A10 NO_FAULT/A (refund 100, restock). Reasons: A1 "Arrived
  damaged", A2–A7 "Defective", A8–A10 "Changed my mind". A1–A5 decided 9 Nov 10:00 and
  exported 10 Nov (on time); A6–A10 decided 5 Nov, exported 10 Nov (late).
- SKU-B, 10 units, DE/EUR 50.00, apparel, "杭州服饰有限公司", DHL, ines (300 s each): NO_FAULT/B,
  partial refund 45.00 (10 %), restock, "Changed my mind". B1–B4 final, decided 29 Nov 18:00
  (refund not yet due at "now"), B5–B7 final, decided 20 Nov (overdue), B8–B10 pending.
- SKU-C, 19 units, JP/JPY 2000, home, "Küchenwerk GmbH", carrier UPS, inspector ivan (C1–C9
  90 s, C10–C19 150 s), decided 15 Nov unless said: C1 TRANSIT_DAMAGE/D (refund 2000,
  carrier claim), "Arrived damaged"; C2–C3 WRONG_ITEM/A, dispute, hold, "Wrong size" (C2
  decided 30 Nov 12:00, evidence not yet due; C3 overdue); C4–C19 DEFECT/C (refund 2000,
  chargeback 2000), "Defective". C4 was decided TRANSIT_DAMAGE before, then reopened: that
  superseded decision does not count.

Left out: X1 (SKU-A, DHL, TRANSIT_DAMAGE) decided 15 Oct, before the period; X2 (SKU-B, DHL,
TRANSIT_DAMAGE) whose only decision was rejected.

Catalog: SKU-A sold 100 (10 % returned: exactly the threshold, not flagged), SKU-B sold 99
(10.10 %: flagged), SKU-C sales unknown, SKU-D sold 0. Carriers: DHL 1 of 20 transit damage
(5 %: not flagged), UPS 1 of 19 (5.26 %: flagged). "Now" is 1 Dec 2026 12:00 UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from qc_station.domain.enums import (
    Disposition,
    Finding,
    Grade,
    Headline,
    Recovery,
    RequestedResolution,
    Resolution,
    RmaSource,
    UnitState,
)
from qc_station.domain.model import Decision, DecisionStatus, Inspection, Product, Rma, RmaLine
from qc_station.domain.outcome import Outcome
from qc_station.services.ports import ExportBatch, UnitOfWork
from qc_station.services.stats_ports import StatsFilter

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
NOVEMBER = StatsFilter(datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC))
EXPORTED_AT = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class _Product:
    sku: str
    market: str
    currency: str
    price: Decimal
    category: str
    supplier: str
    carrier: str
    inspector: str


_A = _Product(
    "SKU-A", "US", "USD", Decimal("100.00"), "electronics", "Shenzhen Audio", "DHL", "ines"
)
_B = _Product("SKU-B", "DE", "EUR", Decimal("50.00"), "apparel", "杭州服饰有限公司", "DHL", "ines")
_C = _Product("SKU-C", "JP", "JPY", Decimal("2000"), "home", "Küchenwerk GmbH", "UPS", "ivan")

# (finding, grade, resolution, disposition, headline, deduction %, recovery)
_TRANSIT = (Finding.TRANSIT_DAMAGE, Grade.D, Resolution.FULL_REFUND, Disposition.LIQUIDATE,
            Headline.REFUND, 0, Recovery.CARRIER_CLAIM)  # fmt: skip
_DEFECT = (Finding.DEFECT, Grade.C, Resolution.FULL_REFUND, Disposition.RETURN_TO_VENDOR,
           Headline.REFUND, 0, Recovery.SUPPLIER_CHARGEBACK)  # fmt: skip
_NO_FAULT_A = (Finding.NO_FAULT, Grade.A, Resolution.FULL_REFUND, Disposition.RESTOCK,
               Headline.RESTOCK, 0, None)  # fmt: skip
_NO_FAULT_B = (Finding.NO_FAULT, Grade.B, Resolution.PARTIAL_REFUND, Disposition.RESTOCK,
               Headline.RESTOCK, 10, None)  # fmt: skip
_WRONG = (Finding.WRONG_ITEM, Grade.A, Resolution.DISPUTE, Disposition.HOLD,
          Headline.DISPUTE, 0, None)  # fmt: skip


def _at(day: int, hour: int = 10, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


def _rma(code: str, p: _Product, reason: str) -> Rma:
    rma = Rma(
        code=code,
        order_id=f"ORD-{code}",
        customer="Zoë Müller",
        market=p.market,
        currency=p.currency,
        order_date=date(2026, 10, 1),
        delivery_date=date(2026, 10, 5),
        request_date=date(2026, 10, 20),
        requested_resolution=RequestedResolution.REFUND,
        stated_reason=reason,
        carrier=p.carrier,
        tracking="1Z999",
        source=RmaSource.MANIFEST,
        source_name="stats.csv",
        lines=[RmaLine(1, p.sku, f"{p.sku} product", p.category, p.supplier, p.price, 1)],
    )
    rma.build_units()
    return rma


class _Writer:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.n = 0

    def unit(
        self,
        code: str,
        p: _Product,
        reason: str,
        shape: tuple[Any, ...],
        decided_at: datetime,
        seconds: int,
        status: str = DecisionStatus.FINAL,
        *,
        state: UnitState = UnitState.DECIDED,
    ) -> str:
        rma = _rma(code, p, reason)
        rma.units[0].state = state
        self.uow.rmas.add(rma)
        lpn = rma.units[0].lpn
        self.decision(lpn, p, shape, decided_at, seconds, status)
        return lpn

    def decision(
        self,
        lpn: str,
        p: _Product,
        shape: tuple[Any, ...],
        decided_at: datetime,
        seconds: int,
        status: str,
    ) -> None:
        finding, grade, resolution, disposition, headline, deduction, recovery = shape
        self.n += 1
        inspection_id = f"insp-{self.n:03d}"
        self.uow.inspections.add(
            Inspection(
                id=inspection_id,
                lpn=lpn,
                inspector=p.inspector,
                station="ST-01",
                started_at=decided_at - timedelta(seconds=seconds),
                ended_at=decided_at,
                grade=grade,
                finding=finding,
            )
        )
        if resolution in (Resolution.DISPUTE, Resolution.EXCHANGE):
            refund = Decimal(0) * p.price
        else:
            refund = (p.price * (100 - deduction) / 100).quantize(p.price)
        recovery_amount = (
            refund if recovery in (Recovery.CARRIER_CLAIM, Recovery.SUPPLIER_CHARGEBACK) else None
        )
        outcome = Outcome(
            headline, resolution, disposition, deduction, refund, recovery, recovery_amount
        )
        final = status == DecisionStatus.FINAL
        self.uow.decisions.add(
            Decision(
                id=f"dec-{self.n:03d}",
                lpn=lpn,
                inspection_id=inspection_id,
                proposed=outcome,
                final=outcome,
                currency=p.currency,
                unit_price=p.price,
                overridden=False,
                override_reason="",
                reasons=(),
                approval_reasons=(),
                decided_by=p.inspector,
                station="ST-01",
                decided_at=decided_at,
                policy_hash="0" * 64,
                status=status,
                refund_due_at=decided_at + timedelta(hours=48) if final and refund > 0 else None,
                dispute_due_at=(
                    decided_at + timedelta(hours=48)
                    if final and resolution == Resolution.DISPUTE
                    else None
                ),
            )
        )


def build_stats_data(uow_factory: Callable[[], UnitOfWork]) -> None:
    """Write the data set described in the module docstring and commit it."""
    with uow_factory() as uow:
        w = _Writer(uow)
        uow.catalog.upsert_many(
            [
                Product(
                    "SKU-A", "SKU-A product", "electronics", "Shenzhen Audio", _A.price, "USD", 100
                ),
                Product(
                    "SKU-B", "SKU-B product", "apparel", "杭州服饰有限公司", _B.price, "EUR", 99
                ),
                Product("SKU-C", "SKU-C product", "home", "Küchenwerk GmbH", _C.price, "JPY", None),
                Product("SKU-D", "SKU-D product", "home", "Küchenwerk GmbH", _C.price, "JPY", 0),
            ]
        )
        # SKU-A first: these go out in the one export batch.
        w.unit("RMA-A1", _A, "Arrived damaged", _TRANSIT, _at(9), 120)
        for k in (2, 3):
            w.unit(f"RMA-A{k}", _A, "Defective", _DEFECT, _at(9), 120)
        for k in (4, 5):
            w.unit(f"RMA-A{k}", _A, "Defective", _NO_FAULT_A, _at(9), 120)
        for k in (6, 7):
            w.unit(f"RMA-A{k}", _A, "  Defective ", _NO_FAULT_A, _at(5), 120)
        for k in (8, 9, 10):
            w.unit(f"RMA-A{k}", _A, "Changed my mind", _NO_FAULT_A, _at(5), 120)
        uow.decisions.assign_export_batch("FIN-20261110-01")
        uow.exports.add(
            ExportBatch(
                "FIN-20261110-01", EXPORTED_AT, "sofia", "DESK", 10, "0" * 64, "10:" + "0" * 64
            )
        )

        for k in range(1, 11):
            when = _at(29, 18) if k <= 4 else _at(20)
            status = DecisionStatus.PENDING if k >= 8 else DecisionStatus.FINAL
            state = UnitState.AWAITING_APPROVAL if k >= 8 else UnitState.DECIDED
            w.unit(f"RMA-B{k}", _B, "Changed my mind", _NO_FAULT_B, when, 300, status, state=state)

        w.unit("RMA-C1", _C, "Arrived damaged", _TRANSIT, _at(15), 90)
        w.unit("RMA-C2", _C, "Wrong size", _WRONG, _at(30, 12), 90)
        w.unit("RMA-C3", _C, "Wrong size", _WRONG, _at(15), 90)
        lpn = w.unit("RMA-C4", _C, "Defective", _TRANSIT, _at(14), 90, DecisionStatus.SUPERSEDED)
        w.decision(lpn, _C, _DEFECT, _at(15), 90, DecisionStatus.FINAL)
        for k in range(5, 20):
            w.unit(f"RMA-C{k}", _C, "Defective", _DEFECT, _at(15), 90 if k <= 9 else 150)

        w.unit("RMA-X1", _A, "Arrived damaged", _TRANSIT, _at(15, month=10), 120)
        w.unit(
            "RMA-X2",
            _B,
            "Arrived damaged",
            _TRANSIT,
            _at(12),
            300,
            DecisionStatus.REJECTED,
            state=UnitState.IN_INSPECTION,
        )
        uow.commit()


# --- the expected figures, worked out by hand for NOVEMBER at NOW --------------------------

EXPECTED_RECEIVED = 39
# (sku, returned, units sold, rate %, flagged), highest rate first
EXPECTED_SKUS = [
    ("SKU-B", 10, 99, Decimal("10.10"), True),
    ("SKU-A", 10, 100, Decimal("10.00"), False),
]
# (carrier, received, transit damage, rate %, flagged)
EXPECTED_CARRIERS = [
    ("UPS", 19, 1, Decimal("5.26"), True),
    ("DHL", 20, 1, Decimal("5.00"), False),
]
# (supplier, received, defects, defect rate %, chargebacks [(currency, units, amount)])
EXPECTED_SUPPLIERS = [
    ("Küchenwerk GmbH", 19, 16, Decimal("84.21"), [("JPY", 16, Decimal("32000"))]),
    ("Shenzhen Audio", 10, 2, Decimal("20.00"), [("USD", 2, Decimal("200.00"))]),
    ("杭州服饰有限公司", 10, 0, Decimal("0.00"), []),
]
# (stated reason, units, {finding: units}, NO_FAULT %), most units first
EXPECTED_REASONS = [
    ("Defective", 22, {"DEFECT": 18, "NO_FAULT": 4}, Decimal("18.18")),
    ("Changed my mind", 13, {"NO_FAULT": 13}, Decimal("100.00")),
    ("Arrived damaged", 2, {"TRANSIT_DAMAGE": 2}, Decimal("0.00")),
    ("Wrong size", 2, {"WRONG_ITEM": 2}, Decimal("0.00")),
]
EXPECTED_GRADES = {"A": 9, "B": 10, "C": 18, "D": 2, "X": 0}
EXPECTED_DISPOSITIONS = {
    "RESTOCK": 17,
    "REFURBISH": 0,
    "LIQUIDATE": 2,
    "SCRAP": 0,
    "RETURN_TO_VENDOR": 18,
    "HOLD": 2,
}
# (currency, units, amount)
EXPECTED_REFUNDS = [
    ("EUR", 7, Decimal("315.00")),
    ("JPY", 17, Decimal("34000")),
    ("USD", 10, Decimal("1000.00")),
]
# on time, late, open, overdue; disputes open, overdue
EXPECTED_DEADLINES = (5, 5, 4, 20, 1, 1)
# (inspector, units, hours, units per hour, median seconds), most units first
EXPECTED_INSPECTORS = [
    ("ines", 20, Decimal("1.17"), Decimal("17.1"), Decimal("210.0")),
    ("ivan", 19, Decimal("0.64"), Decimal("29.6"), Decimal("150.0")),
]
EXPECTED_MEDIAN_SECONDS = Decimal("150.0")
