"""Collecting units into recovery cases (SPEC §5.2 rule 2): which recovery a final decision asks
for, a carrier claim's filing deadline, and the sweep that puts every eligible unit into its
party's open case (``services/recovery.py`` describes the whole).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

from qc_station.domain.enums import Disposition, Recovery
from qc_station.domain.errors import Conflict
from qc_station.domain.model import Decision, Rma
from qc_station.domain.policy import Policy
from qc_station.domain.recovery import RecoveryCase, RecoveryItem, RecoveryKind

from . import audit
from .context import Actor, ServiceContext
from .permissions import Action, authorized
from .ports import UnitOfWork

_CHARGEBACK = {Recovery.SUPPLIER_CHARGEBACK}


def kind_for(decision: Decision) -> RecoveryKind | None:
    """Which recovery a final decision asks for, if any."""
    final = decision.final
    if final.disposition == Disposition.RETURN_TO_VENDOR or final.recovery in _CHARGEBACK:
        return RecoveryKind.VENDOR_RETURN
    if final.recovery == Recovery.CARRIER_CLAIM:
        return RecoveryKind.CARRIER_CLAIM
    return None


def claim_due_at(policy: Policy, rma: Rma) -> datetime | None:
    """The carrier's filing deadline for a unit of ``rma``: the end of the UTC day
    ``carrier_claim_days`` after delivery (order date + transit allowance when unknown)."""
    delivered = rma.delivery_date
    if delivered is None and rma.order_date is not None:
        delivered = rma.order_date + timedelta(days=policy.transit_allowance_days)
    if delivered is None:
        return None
    last_day = delivered + timedelta(days=policy.claim_days(rma.carrier))
    return datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=UTC)


def collect(uow: UnitOfWork, ctx: ServiceContext, actor: Actor) -> int:
    """Put every eligible unit into its party's open case (opened when missing), inside the
    caller's unit of work; returns how many units joined. A unit whose supplier (or carrier)
    is not known is left where it is: it cannot be claimed from nobody."""
    now = ctx.clock.now()
    cases: dict[tuple[RecoveryKind, str], RecoveryCase] = {}
    fresh: set[str] = set()
    added = 0
    for decision_id in uow.recovery.eligible_decisions():
        decision = uow.decisions.get(decision_id)
        kind = kind_for(decision) if decision else None
        rma = uow.rmas.get_by_lpn(decision.lpn) if decision else None
        unit = rma.unit(decision.lpn) if rma and decision else None
        if decision is None or kind is None or rma is None or unit is None:
            continue
        party = (
            rma.line_of(unit).supplier if kind == RecoveryKind.VENDOR_RETURN else rma.carrier
        ).strip()
        if not party:
            continue
        key = (kind, party)
        case = cases.get(key) or uow.recovery.open_case(kind, party)
        if case is None:
            case = RecoveryCase(str(uuid.uuid4()), kind, party, now, actor.username)
            fresh.add(case.id)
            audit.record(
                uow,
                ctx,
                actor,
                "recovery_case",
                case.id,
                "open",
                None,
                {"kind": kind.value, "party": party},
            )
        cases[key] = case
        amount = decision.final.recovery_amount
        if amount is None or amount <= 0:
            amount = decision.unit_price
        due = claim_due_at(ctx.policy, rma) if kind == RecoveryKind.CARRIER_CLAIM else None
        case.add_item(RecoveryItem(decision.lpn, decision.id, decision.currency, amount, now, due))
        audit.record(
            uow,
            ctx,
            actor,
            "recovery_case",
            case.id,
            "add_unit",
            None,
            {"lpn": decision.lpn, "amount": str(amount), "currency": decision.currency},
        )
        added += 1
    for case in cases.values():
        if case.id in fresh:
            uow.recovery.add(case)
        else:
            case.version = uow.recovery.save(case)
    return added


def collect_pending(ctx: ServiceContext, actor: Actor) -> None:
    """Run ``collect`` in its own unit of work; another station collecting at the same moment
    is not an error (its sweep took the units)."""
    try:
        with authorized(ctx, actor, Action.MANAGE_RECOVERY) as uow:
            if collect(uow, ctx, actor):
                uow.commit()
    except Conflict:
        pass
