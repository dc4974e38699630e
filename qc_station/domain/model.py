"""Entities of the domain: RMAs with lines and units, inspections, photos, decisions, users.

Plain dataclasses. Services load them through repositories, change them with the methods
here (which enforce the state table), and hand them back to be saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from .enums import (
    ChecklistAnswer,
    Finding,
    Grade,
    RequestedResolution,
    RmaSource,
    Role,
    UnitState,
)
from .errors import Conflict, InvalidTransition, ValidationError
from .outcome import Outcome, Reason
from .states import check_transition


def make_lpn(rma_code: str, unit_no: int) -> str:
    """The license plate number of a unit: the RMA code, a dash, the unit's number from 1."""
    return f"{rma_code}-{unit_no}"


@dataclass
class RmaLine:
    line_no: int
    sku: str
    product_name: str
    category: str
    supplier: str
    unit_price: Decimal | None
    quantity: int


@dataclass
class Unit:
    lpn: str
    rma_code: str
    line_no: int
    unit_no: int
    state: UnitState = UnitState.EXPECTED
    claimed_station: str | None = None
    claimed_by: str | None = None
    claimed_at: datetime | None = None
    version: int = 0
    #: Who last reopened the unit (SPEC §7.3): its new decision needs approval by someone
    #: else. None for a unit never reopened.
    reopened_by: str | None = None

    def move_to(self, target: UnitState) -> str:
        """Change state through the state table; returns the action name for the audit log."""
        action = check_transition(self.lpn, self.state, target)
        self.state = target
        return action

    def claim(self, station: str, user: str, now: datetime) -> bool:
        """Claim the unit for inspection at ``station``; True if anything changed.

        A unit held by another station is refused with who holds it and since when.
        """
        if self.claimed_station and self.claimed_station != station:
            if self.claimed_at is None:
                raise Conflict(
                    "unit.claimed",
                    lpn=self.lpn,
                    station=self.claimed_station,
                    user=self.claimed_by or "?",
                )
            raise Conflict(
                "unit.claimed_since",
                lpn=self.lpn,
                station=self.claimed_station,
                user=self.claimed_by or "?",
                since=self.claimed_at,
            )
        changed = False
        if self.state == UnitState.EXPECTED:
            self.move_to(UnitState.IN_INSPECTION)
            changed = True
        elif self.state != UnitState.IN_INSPECTION:
            # Decided or awaiting approval: only reopen or reject bring it back.
            if self.state == UnitState.DECIDED:
                raise InvalidTransition(
                    "unit.already_decided", lpn=self.lpn, current=self.state.value
                )
            if self.state == UnitState.AWAITING_APPROVAL:
                raise InvalidTransition(
                    "unit.awaiting_approval", lpn=self.lpn, current=self.state.value
                )
            raise InvalidTransition(
                "unit.cannot_be_claimed", lpn=self.lpn, current=self.state.value
            )
        if self.claimed_station != station or self.claimed_by != user:
            self.claimed_station, self.claimed_by, self.claimed_at = station, user, now
            changed = True
        return changed

    def release(self) -> None:
        self.claimed_station = self.claimed_by = None
        self.claimed_at = None


@dataclass
class Rma:
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
    source_name: str = ""
    lines: list[RmaLine] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    created_at: datetime | None = None

    @property
    def unexpected(self) -> bool:
        return self.source == RmaSource.UNEXPECTED

    @property
    def complete(self) -> bool:
        """An RMA is complete when all its units are decided."""
        return bool(self.units) and all(u.state == UnitState.DECIDED for u in self.units)

    def line_of(self, unit: Unit) -> RmaLine:
        for line in self.lines:
            if line.line_no == unit.line_no:
                return line
        raise ValidationError("rma.unit_without_line", lpn=unit.lpn, line=unit.line_no)

    def unit(self, lpn: str) -> Unit | None:
        for unit in self.units:
            if unit.lpn == lpn:
                return unit
        return None

    def build_units(self) -> None:
        """Create one unit per physical item, numbered from 1 across the RMA's lines."""
        self.units = []
        number = 0
        for line in sorted(self.lines, key=lambda ln: ln.line_no):
            for _ in range(line.quantity):
                number += 1
                self.units.append(
                    Unit(
                        lpn=make_lpn(self.code, number),
                        rma_code=self.code,
                        line_no=line.line_no,
                        unit_no=number,
                    )
                )


@dataclass(frozen=True)
class Photo:
    """A photo kept as evidence: its content hash names the file in the photo store."""

    sha256: str
    captured_at: datetime
    station: str
    original_name: str = ""
    width: int = 0
    height: int = 0


@dataclass
class Inspection:
    id: str
    lpn: str
    inspector: str
    station: str
    started_at: datetime
    ended_at: datetime | None
    grade: Grade
    finding: Finding
    checklist: dict[str, ChecklistAnswer] = field(default_factory=dict)
    serial: str = ""
    notes: str = ""
    photos: list[Photo] = field(default_factory=list)


class DecisionStatus:
    """Where a decision stands; plain strings so that the database column stays readable."""

    PENDING = "pending"  # waiting in the approval queue
    FINAL = "final"  # no approval needed, or approved
    REJECTED = "rejected"  # sent back to the inspector
    SUPERSEDED = "superseded"  # the unit was reopened and decided again


@dataclass
class Decision:
    id: str
    lpn: str
    inspection_id: str
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
    status: str = DecisionStatus.PENDING
    approved_by: str | None = None
    approved_at: datetime | None = None
    approval_comment: str = ""
    refund_due_at: datetime | None = None
    dispute_due_at: datetime | None = None
    export_batch: str | None = None

    @property
    def needs_approval(self) -> bool:
        return bool(self.approval_reasons)


@dataclass
class User:
    username: str
    full_name: str
    role: Role
    password_hash: str
    active: bool = True
    badge: str | None = None
    pin_hash: str | None = None
    failed_attempts: int = 0
    locked_until: datetime | None = None
    created_at: datetime | None = None
    #: Set by an admin's password reset: the user chooses a new one at the next sign-in.
    must_change_password: bool = False


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    category: str
    supplier: str
    unit_price: Decimal | None
    currency: str | None
    units_sold: int | None = None
