"""The follow-up work list (SPEC §2 step 8, §10): refunds due, dispute evidence due, and
claims held too long, for the supervisor's "Deadlines & disputes" screen.

- A **refund** is due ``refund_due_hours`` after its decision became final. It stays on the
  list until it is exported to finance: from then on the refund is finance's to pay (the
  export carries its ``refund_due_at``), and the warehouse's part is done.
- **Dispute evidence** is due ``dispute_evidence_due_hours`` after the dispute decision
  became final; it stays on the list while the dispute is open (evidence not sent yet).

Each item says where its deadline stands at the context clock's now (``domain/deadlines``):
overdue, due soon (within ``DUE_SOON``) or on track.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from qc_station.domain.deadlines import DeadlineStatus, deadline_status
from qc_station.domain.dispute import DisputeState
from qc_station.domain.errors import ValidationError

from .context import Actor, ServiceContext
from .permissions import Action, authorized, require
from .ports import UnitOfWork

#: A claim held longer than this is offered for release (a station that went away, a
#: parcel left on a bench). The screen lets the supervisor choose another threshold.
DEFAULT_STALE_AFTER = timedelta(minutes=30)


class DeadlineKind(StrEnum):
    REFUND = "refund"
    DISPUTE_EVIDENCE = "dispute_evidence"


@dataclass(frozen=True)
class DeadlineItem:
    kind: DeadlineKind
    lpn: str
    rma_code: str
    product_name: str
    amount: Decimal  # the refund, or the disputed amount
    currency: str
    due_at: datetime
    status: DeadlineStatus
    decision_id: str
    #: Who made it final (the approver, or the inspector when no approval was needed).
    responsible: str
    dispute_id: str | None = None


@dataclass(frozen=True)
class ClaimItem:
    lpn: str
    rma_code: str
    product_name: str
    station: str
    user: str
    since: datetime | None
    held_for: timedelta | None


def _products(uow: UnitOfWork, lpns: list[str]) -> dict[str, tuple[str, str]]:
    """LPN → (RMA code, product name), loading each RMA once."""
    codes = {lpn: lpn.rsplit("-", 1)[0] for lpn in lpns}
    rmas = uow.rmas.get_many(set(codes.values()))
    found: dict[str, tuple[str, str]] = {}
    for lpn in lpns:
        rma = rmas.get(codes[lpn])
        unit = rma.unit(lpn) if rma else None
        if rma is None or unit is None:
            # An LPN whose RMA code has a dash in an unexpected place: look it up directly.
            rma = uow.rmas.get_by_lpn(lpn)
            unit = rma.unit(lpn) if rma else None
        found[lpn] = (rma.code, rma.line_of(unit).product_name) if rma and unit else ("", "")
    return found


def work_list(ctx: ServiceContext, actor: Actor, limit: int = 500) -> list[DeadlineItem]:
    """Refunds and dispute evidence still due, earliest deadline first (overdue on top)."""
    require(actor, Action.FOLLOW_UP)
    now = ctx.clock.now()
    items: list[DeadlineItem] = []
    with authorized(ctx, actor, Action.FOLLOW_UP, read_only=True) as uow:
        refunds = uow.decisions.refunds_due(limit)
        disputes = [
            d
            for d in uow.disputes.active(limit)
            if d.state == DisputeState.OPEN and d.evidence_due_at is not None
        ]
        names = _products(uow, [d.lpn for d in refunds] + [d.lpn for d in disputes])
        for decision in refunds:
            assert decision.refund_due_at is not None
            code, product = names[decision.lpn]
            items.append(
                DeadlineItem(
                    DeadlineKind.REFUND,
                    decision.lpn,
                    code,
                    product,
                    decision.final.refund_amount,
                    decision.currency,
                    decision.refund_due_at,
                    deadline_status(decision.refund_due_at, now),
                    decision.id,
                    decision.approved_by or decision.decided_by,
                )
            )
        for dispute in disputes:
            assert dispute.evidence_due_at is not None
            code, product = names[dispute.lpn]
            items.append(
                DeadlineItem(
                    DeadlineKind.DISPUTE_EVIDENCE,
                    dispute.lpn,
                    code,
                    product,
                    dispute.disputed_amount,
                    dispute.currency,
                    dispute.evidence_due_at,
                    deadline_status(dispute.evidence_due_at, now),
                    dispute.decision_id,
                    dispute.opened_by,
                    dispute.id,
                )
            )
    items.sort(key=lambda i: (i.due_at, i.lpn))
    return items[:limit]


def stale_claims(
    ctx: ServiceContext, actor: Actor, older_than: timedelta = DEFAULT_STALE_AFTER
) -> list[ClaimItem]:
    """Units claimed by a station for longer than ``older_than``, longest held first, with
    the station, the user and since when; a claim with no time recorded counts as stale."""
    require(actor, Action.RELEASE_CLAIM)
    if older_than < timedelta(0):
        raise ValidationError("claim.negative_age", field="minutes")
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.RELEASE_CLAIM, read_only=True) as uow:
        claims = [c for c in uow.stations.claims() if c.since is None or now - c.since > older_than]
        names = _products(uow, [c.lpn for c in claims])
        found = [
            ClaimItem(
                c.lpn,
                names[c.lpn][0],
                names[c.lpn][1],
                c.station,
                c.user,
                c.since,
                now - c.since if c.since is not None else None,
            )
            for c in claims
        ]
    found.sort(key=lambda c: (c.since is not None, c.since or now, c.lpn))
    return found
