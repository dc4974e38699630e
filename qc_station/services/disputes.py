"""Disputes after a DISPUTE decision is final (SPEC §2 step 8): open, evidence sent, and
closed as won, lost or settled with an amount; each step permission-checked and audited.

A dispute opens by itself when a DISPUTE decision becomes final. SPEC §5.5 makes every
DISPUTE wait for approval, so that happens in ``approval.approve`` (``open_for_decision``
runs inside its unit of work); its evidence deadline is the decision's ``dispute_due_at``
(the policy's ``dispute_evidence_due_hours`` after the approval). Reopening the unit
withdraws a dispute that is still active (``withdraw_for_unit``), since the decision it was
about no longer stands. The allowed steps are the table in ``domain/dispute.py``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from qc_station.domain.deadlines import DeadlineStatus, deadline_status
from qc_station.domain.dispute import Dispute, DisputeState
from qc_station.domain.enums import Resolution
from qc_station.domain.errors import Conflict, NotFound
from qc_station.domain.model import Decision, DecisionStatus

from . import audit
from .context import Actor, ServiceContext
from .permissions import Action, authorized, require
from .ports import UnitOfWork

#: How long closed disputes stay on the list when they are asked for.
RECENTLY_CLOSED = timedelta(days=14)


@dataclass(frozen=True)
class DisputeView:
    id: str
    lpn: str
    rma_code: str
    product_name: str
    customer: str
    decision_id: str
    currency: str
    disputed_amount: Decimal
    state: DisputeState
    opened_at: datetime
    opened_by: str
    evidence_due_at: datetime | None
    #: Where the evidence deadline stands now; None once the evidence went out or it closed.
    deadline: DeadlineStatus | None
    evidence_sent_at: datetime | None
    evidence_sent_by: str | None
    evidence_note: str
    closed_at: datetime | None
    closed_by: str | None
    close_note: str
    settled_amount: Decimal | None
    version: int

    @property
    def closed(self) -> bool:
        return self.state not in (DisputeState.OPEN, DisputeState.EVIDENCE_SENT)


def _view(uow: UnitOfWork, dispute: Dispute, now: datetime) -> DisputeView:
    rma = uow.rmas.get_by_lpn(dispute.lpn)
    unit = rma.unit(dispute.lpn) if rma else None
    product = rma.line_of(unit).product_name if rma and unit else ""
    deadline = None
    if dispute.state == DisputeState.OPEN and dispute.evidence_due_at is not None:
        deadline = deadline_status(dispute.evidence_due_at, now)
    return DisputeView(
        dispute.id,
        dispute.lpn,
        rma.code if rma else "",
        product,
        rma.customer if rma else "",
        dispute.decision_id,
        dispute.currency,
        dispute.disputed_amount,
        dispute.state,
        dispute.opened_at,
        dispute.opened_by,
        dispute.evidence_due_at,
        deadline,
        dispute.evidence_sent_at,
        dispute.evidence_sent_by,
        dispute.evidence_note,
        dispute.closed_at,
        dispute.closed_by,
        dispute.close_note,
        dispute.settled_amount,
        dispute.version,
    )


def _values(dispute: Dispute) -> dict[str, object]:
    return {
        "state": dispute.state.value,
        "note": dispute.close_note or dispute.evidence_note,
        "settled_amount": str(dispute.settled_amount)
        if dispute.settled_amount is not None
        else None,
        "currency": dispute.currency,
    }


# --- called inside other services' units of work -------------------------------------------


def open_for_decision(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, decision: Decision
) -> Dispute | None:
    """Open the dispute of a final DISPUTE decision (once; a second call returns the first).
    Any other decision opens nothing."""
    if decision.status != DecisionStatus.FINAL or decision.final.resolution != Resolution.DISPUTE:
        return None
    existing = uow.disputes.for_decision(decision.id)
    if existing is not None:
        return existing
    now = ctx.clock.now()
    dispute = Dispute(
        id=str(uuid.uuid4()),
        lpn=decision.lpn,
        decision_id=decision.id,
        currency=decision.currency,
        disputed_amount=decision.unit_price,
        opened_at=now,
        opened_by=actor.username,
        evidence_due_at=decision.dispute_due_at,
    )
    uow.disputes.add(dispute)
    audit.record(
        uow,
        ctx,
        actor,
        "dispute",
        dispute.id,
        "open",
        None,
        {
            "lpn": dispute.lpn,
            "decision": decision.id,
            "amount": str(dispute.disputed_amount),
            "currency": dispute.currency,
            "evidence_due_at": dispute.evidence_due_at,
        },
    )
    return dispute


def withdraw_for_unit(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, lpn: str, reason: str
) -> list[Dispute]:
    """Withdraw the unit's active disputes (it was reopened); returns those withdrawn."""
    withdrawn = []
    for dispute in uow.disputes.for_unit(lpn):
        if dispute.closed:
            continue
        before = dispute.state
        action = dispute.withdraw(actor.username, ctx.clock.now(), reason)
        dispute.version = uow.disputes.save(dispute)
        audit.record(
            uow,
            ctx,
            actor,
            "dispute",
            dispute.id,
            action,
            {"state": before.value},
            _values(dispute),
        )
        withdrawn.append(dispute)
    return withdrawn


# --- the supervisor's actions --------------------------------------------------------------


def list_disputes(
    ctx: ServiceContext, actor: Actor, include_closed: bool = False, limit: int = 500
) -> list[DisputeView]:
    """Active disputes, earliest evidence deadline first; with ``include_closed``, those
    closed in the last ``RECENTLY_CLOSED`` follow, newest first."""
    require(actor, Action.FOLLOW_UP)
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.FOLLOW_UP, read_only=True) as uow:
        found = uow.disputes.active(limit)
        if include_closed:
            found += uow.disputes.closed_since(now - RECENTLY_CLOSED, limit)
        return [_view(uow, d, now) for d in found]


def send_evidence(
    ctx: ServiceContext, actor: Actor, dispute_id: str, note: str = "", version: int | None = None
) -> DisputeView:
    """Record that the evidence went out (to the marketplace or the customer)."""
    require(actor, Action.MANAGE_DISPUTES)
    return _step(
        ctx, actor, dispute_id, version, lambda d, now: d.send_evidence(actor.username, now, note)
    )


def close_dispute(
    ctx: ServiceContext,
    actor: Actor,
    dispute_id: str,
    outcome: DisputeState,
    note: str = "",
    amount: Decimal | None = None,
    version: int | None = None,
) -> DisputeView:
    """Close as won, lost or settled; a settlement needs its amount in the unit's currency."""
    require(actor, Action.MANAGE_DISPUTES)
    return _step(
        ctx,
        actor,
        dispute_id,
        version,
        lambda d, now: d.close(outcome, actor.username, now, note, amount),
    )


def _step(
    ctx: ServiceContext,
    actor: Actor,
    dispute_id: str,
    version: int | None,
    change: Callable[[Dispute, datetime], str],
) -> DisputeView:
    """Load, change (through the domain's table), save with the version check, audit."""
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.MANAGE_DISPUTES) as uow:
        dispute = uow.disputes.get(dispute_id)
        if dispute is None:
            raise NotFound("dispute.unknown", dispute=dispute_id)
        if version is not None and version != dispute.version:
            # The screen showed an older state: act on what is there now, not on that.
            raise Conflict(
                "dispute.changed",
                lpn=dispute.lpn,
            )
        before = dispute.state
        action = change(dispute, now)
        dispute.version = uow.disputes.save(dispute)
        audit.record(
            uow,
            ctx,
            actor,
            "dispute",
            dispute.id,
            action,
            {"state": before.value},
            _values(dispute),
        )
        uow.commit()
        return _view(uow, dispute, now)
