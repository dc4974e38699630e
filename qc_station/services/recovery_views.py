"""Reading recovery cases: the views of a vendor-return batch or carrier claim and its units,
the list, one case by number, and the claimed/recovered figures per party for the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from qc_station.domain.deadlines import DeadlineStatus, deadline_status
from qc_station.domain.errors import NotFound
from qc_station.domain.recovery import RecoveryCase, RecoveryKind, RecoveryState

from .context import Actor, ServiceContext
from .permissions import Action, authorized, require
from .ports import UnitOfWork
from .recovery_collecting import collect_pending

#: A carrier claim whose filing deadline is this close stands out (SPEC §2 step 8's amber).
CLAIM_DUE_SOON = timedelta(days=7)


@dataclass(frozen=True)
class ItemView:
    lpn: str
    rma_code: str
    sku: str
    product_name: str
    finding: str
    photo_hashes: tuple[str, ...]
    tracking: str
    unit_price: Decimal
    currency: str
    amount: Decimal
    claim_due_at: datetime | None
    pulled: bool
    pull_reason: str


@dataclass(frozen=True)
class CaseView:
    id: str
    number: str | None
    kind: RecoveryKind
    party: str
    state: RecoveryState
    opened_at: datetime
    closed_at: datetime | None
    closed_by: str | None
    items: tuple[ItemView, ...]
    claimed: dict[str, Decimal]
    recovered: dict[str, Decimal]
    claim_due_at: datetime | None
    #: Where the filing deadline stands (open carrier claims only), else None.
    deadline: DeadlineStatus | None
    version: int

    @property
    def active_items(self) -> tuple[ItemView, ...]:
        return tuple(i for i in self.items if not i.pulled)


def claim_deadline_status(due_at: datetime, now: datetime) -> DeadlineStatus:
    """Where a filing deadline stands; "due soon" a week ahead (days, not a shift's hours)."""
    status = deadline_status(due_at, now)
    if status == DeadlineStatus.ON_TRACK and due_at - now <= CLAIM_DUE_SOON:
        return DeadlineStatus.DUE_SOON
    return status


def case_view(uow: UnitOfWork, case: RecoveryCase, now: datetime) -> CaseView:
    items = []
    for item in case.items:
        rma = uow.rmas.get_by_lpn(item.lpn)
        unit = rma.unit(item.lpn) if rma else None
        line = rma.line_of(unit) if rma and unit else None
        decision = uow.decisions.get(item.decision_id)
        inspection = uow.inspections.get(decision.inspection_id) if decision else None
        items.append(
            ItemView(
                lpn=item.lpn,
                rma_code=rma.code if rma else "",
                sku=line.sku if line else "",
                product_name=line.product_name if line else "",
                finding=inspection.finding.value if inspection else "",
                photo_hashes=tuple(p.sha256 for p in inspection.photos) if inspection else (),
                tracking=rma.tracking if rma else "",
                unit_price=decision.unit_price if decision else item.amount,
                currency=item.currency,
                amount=item.amount,
                claim_due_at=item.claim_due_at,
                pulled=not item.active,
                pull_reason=item.pull_reason,
            )
        )
    due = case.claim_due_at()
    deadline = None
    if case.kind == RecoveryKind.CARRIER_CLAIM and case.state == RecoveryState.OPEN and due:
        deadline = claim_deadline_status(due, now)
    return CaseView(
        case.id,
        case.number,
        case.kind,
        case.party,
        case.state,
        case.opened_at,
        case.closed_at,
        case.closed_by,
        tuple(items),
        case.claimed(),
        case.recovered(),
        due,
        deadline,
        case.version,
    )


def list_cases(
    ctx: ServiceContext, actor: Actor, states: set[RecoveryState] | None = None
) -> list[CaseView]:
    """Every case (or those in ``states``), open ones first, after collecting new units."""
    require(actor, Action.MANAGE_RECOVERY)
    collect_pending(ctx, actor)
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.MANAGE_RECOVERY, read_only=True) as uow:
        return [case_view(uow, c, now) for c in uow.recovery.cases(states)]


def get_case(ctx: ServiceContext, actor: Actor, number: str) -> CaseView:
    """A case by its number (or its id, for an open case, which has no number yet)."""
    require(actor, Action.MANAGE_RECOVERY)
    with authorized(ctx, actor, Action.MANAGE_RECOVERY, read_only=True) as uow:
        return case_view(uow, find_case(uow, number), ctx.clock.now())


def find_case(uow: UnitOfWork, number: str) -> RecoveryCase:
    key = (number or "").strip()
    case = uow.recovery.by_number(key.upper()) or uow.recovery.get(key)
    if case is None:
        raise NotFound("recovery.unknown_case", case=key)
    return case


@dataclass(frozen=True)
class PartyFigures:
    """What one supplier or carrier was claimed and paid back, in one currency: the figures
    the dashboard's supplier and carrier views show (open cases are not claimed yet)."""

    kind: RecoveryKind
    party: str
    currency: str
    claimed: Decimal
    recovered: Decimal

    @property
    def recovery_rate_pct(self) -> Decimal | None:
        """Recovered as a percentage of claimed, to one decimal; None when nothing claimed."""
        if not self.claimed:
            return None
        return (self.recovered * 100 / self.claimed).quantize(Decimal("0.1"))


def figures(ctx: ServiceContext, actor: Actor) -> list[PartyFigures]:
    """Claimed and recovered per party and currency over every closed batch and filed claim,
    by kind, party and currency."""
    require(actor, Action.MANAGE_RECOVERY)
    totals: dict[tuple[RecoveryKind, str, str], tuple[Decimal, Decimal]] = {}
    with authorized(ctx, actor, Action.MANAGE_RECOVERY, read_only=True) as uow:
        cases = uow.recovery.cases(
            {s for s in RecoveryState if s != RecoveryState.OPEN}, limit=100_000
        )
    for case in cases:
        recovered = case.recovered()
        for currency, claimed in case.claimed().items():
            key = (case.kind, case.party, currency)
            before = totals.get(key, (Decimal(0), Decimal(0)))
            totals[key] = (
                before[0] + claimed,
                before[1] + recovered.get(currency, Decimal(0)),
            )
    return [
        PartyFigures(kind, party, currency, claimed, recovered)
        for (kind, party, currency), (claimed, recovered) in sorted(totals.items())
    ]
