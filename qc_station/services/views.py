"""Plain, immutable views that services return to the UI and the command line.

They hold values only (strings, numbers, dates, enums and the domain's frozen value objects),
never entities or database objects, so a widget can keep them as long as it likes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from qc_station.domain.decision import Window
from qc_station.domain.enums import (
    ChecklistAnswer,
    Finding,
    Grade,
    RequestedResolution,
    RmaSource,
    Role,
    UnitState,
)
from qc_station.domain.model import Decision, Inspection, Rma, Unit, User
from qc_station.domain.outcome import Outcome, Reason


@dataclass(frozen=True)
class LineView:
    line_no: int
    sku: str
    product_name: str
    category: str
    supplier: str
    unit_price: Decimal | None
    quantity: int


@dataclass(frozen=True)
class DecisionView:
    id: str
    lpn: str
    proposed: Outcome
    final: Outcome
    currency: str
    unit_price: Decimal
    overridden: bool
    override_reason: str
    reasons: tuple[Reason, ...]
    approval_reasons: tuple[Reason, ...]
    decided_by: str
    station: str
    decided_at: datetime
    policy_hash: str
    status: str
    approved_by: str | None
    approved_at: datetime | None
    approval_comment: str
    refund_due_at: datetime | None
    dispute_due_at: datetime | None
    export_batch: str | None

    @property
    def needs_approval(self) -> bool:
        return bool(self.approval_reasons)

    @classmethod
    def of(cls, d: Decision) -> DecisionView:
        return cls(
            d.id,
            d.lpn,
            d.proposed,
            d.final,
            d.currency,
            d.unit_price,
            d.overridden,
            d.override_reason,
            d.reasons,
            d.approval_reasons,
            d.decided_by,
            d.station,
            d.decided_at,
            d.policy_hash,
            d.status,
            d.approved_by,
            d.approved_at,
            d.approval_comment,
            d.refund_due_at,
            d.dispute_due_at,
            d.export_batch,
        )


@dataclass(frozen=True)
class UnitView:
    lpn: str
    unit_no: int
    line_no: int
    sku: str
    product_name: str
    category: str
    supplier: str
    unit_price: Decimal | None
    state: UnitState
    claimed_station: str | None
    claimed_by: str | None
    claimed_at: datetime | None
    version: int
    decision: DecisionView | None = None
    reopened_by: str | None = None  # who last reopened the unit (SPEC §7.3)


@dataclass(frozen=True)
class RmaView:
    code: str
    order_id: str
    customer: str
    market: str
    currency: str
    order_date: date | None
    delivery_date: date | None
    request_date: date | None
    requested_resolution: RequestedResolution
    stated_reason: str
    carrier: str
    tracking: str
    source: RmaSource
    source_name: str
    lines: tuple[LineView, ...]
    units: tuple[UnitView, ...]
    window: Window
    days_since_delivery: int | None
    #: The unit the scanned code named (an LPN scan), or the next one to inspect.
    focus_lpn: str | None

    @property
    def unexpected(self) -> bool:
        return self.source == RmaSource.UNEXPECTED

    @property
    def complete(self) -> bool:
        return bool(self.units) and all(u.state == UnitState.DECIDED for u in self.units)

    def unit(self, lpn: str) -> UnitView | None:
        return next((u for u in self.units if u.lpn == lpn), None)


@dataclass(frozen=True)
class PhotoView:
    sha256: str
    captured_at: datetime
    station: str
    original_name: str


@dataclass(frozen=True)
class InspectionView:
    id: str
    lpn: str
    inspector: str
    station: str
    started_at: datetime
    ended_at: datetime | None
    grade: Grade
    finding: Finding
    checklist: tuple[tuple[str, ChecklistAnswer], ...]
    serial: str
    notes: str
    photos: tuple[PhotoView, ...]

    @classmethod
    def of(cls, i: Inspection) -> InspectionView:
        return cls(
            i.id,
            i.lpn,
            i.inspector,
            i.station,
            i.started_at,
            i.ended_at,
            i.grade,
            i.finding,
            tuple(i.checklist.items()),
            i.serial,
            i.notes,
            tuple(PhotoView(p.sha256, p.captured_at, p.station, p.original_name) for p in i.photos),
        )


@dataclass(frozen=True)
class UserView:
    username: str
    full_name: str
    role: Role
    active: bool
    has_badge: bool

    @classmethod
    def of(cls, u: User) -> UserView:
        return cls(u.username, u.full_name, u.role, u.active, bool(u.badge))


def unit_view(rma: Rma, unit: Unit, decision: Decision | None) -> UnitView:
    line = rma.line_of(unit)
    return UnitView(
        unit.lpn,
        unit.unit_no,
        unit.line_no,
        line.sku,
        line.product_name,
        line.category,
        line.supplier,
        line.unit_price,
        unit.state,
        unit.claimed_station,
        unit.claimed_by,
        unit.claimed_at,
        unit.version,
        DecisionView.of(decision) if decision else None,
        unit.reopened_by,
    )
