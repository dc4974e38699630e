"""Recovery (SPEC §5.2 rule 2): vendor-return batches for suppliers and claims for carriers.

Units whose current final decision asks for a recovery — disposition RETURN_TO_VENDOR or
recovery SUPPLIER_CHARGEBACK (a vendor return), recovery CARRIER_CLAIM (a carrier claim) —
collect in their party's open case. Collecting is a sweep (``collect``) that every recovery
action runs first in its own unit of work, so the decision paths need not know about recovery
and a unit decided a moment ago is in its batch when a supervisor looks. A supervisor closes a
batch or files a claim (it gets its number; its units are locked), may pull a unit out of an
open case with a reason, and records what the party paid, part-paid or denied. Every change is
permission-checked (``Action.MANAGE_RECOVERY``) and audited; the steps are the table in
``domain/recovery.py``.

The amount claimed for a unit is the decision's recovery amount (SPEC §5.2: the refund, or the
unit price on an exchange), or the unit price where the decision has none. A carrier claim's
filing deadline is the carrier's ``carrier_claim_days`` after the delivery date (order date +
``transit_allowance_days`` when it is unknown); a case's deadline is its earliest unit's.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

from qc_station.domain.errors import Conflict, NotFound, ValidationError
from qc_station.domain.recovery import NUMBER_PREFIX, RecoveryCase, RecoveryKind, make_number

from . import audit
from .context import Actor, ServiceContext
from .permissions import Action, authorized, require
from .ports import UnitOfWork
from .recovery_collecting import claim_due_at, collect, collect_pending, kind_for
from .recovery_documents import CaseDocuments, case_documents, check_cartons
from .recovery_views import (
    CLAIM_DUE_SOON,
    CaseView,
    ItemView,
    PartyFigures,
    case_view,
    claim_deadline_status,
    figures,
    find_case,
    get_case,
    list_cases,
)

# Reading, collecting and documents live in recovery_views, recovery_collecting and
# recovery_documents; callers name them from here, the use cases' one address.
__all__ = [
    "CLAIM_DUE_SOON",
    "CaseDocuments",
    "CaseView",
    "ItemView",
    "PartyFigures",
    "case_documents",
    "check_cartons",
    "claim_deadline_status",
    "claim_due_at",
    "close_batch",
    "collect",
    "figures",
    "file_claim",
    "get_case",
    "kind_for",
    "list_cases",
    "pull_unit",
    "record_payment",
    "release_for_reopen",
]


# --- changing ------------------------------------------------------------------------------


def close_batch(ctx: ServiceContext, actor: Actor, supplier: str, cartons: int = 1) -> CaseView:
    """Close the supplier's open vendor-return batch: it gets its number, its units lock.
    ``cartons`` is how many cartons it ships in (one shipping label each); a count that
    cannot be right is refused before anything changes, and the count is audited so a
    reprint makes the same labels."""
    return _close(ctx, actor, RecoveryKind.VENDOR_RETURN, supplier, cartons)


def file_claim(ctx: ServiceContext, actor: Actor, carrier: str) -> CaseView:
    """File the carrier's open claim: it gets its number, its units lock."""
    return _close(ctx, actor, RecoveryKind.CARRIER_CLAIM, carrier)


def _close(
    ctx: ServiceContext, actor: Actor, kind: RecoveryKind, party: str, cartons: int | None = None
) -> CaseView:
    require(actor, Action.MANAGE_RECOVERY)
    name = (party or "").strip()
    collect_pending(ctx, actor)
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.MANAGE_RECOVERY) as uow:
        case = uow.recovery.open_case(kind, name)
        if case is None:
            if kind == RecoveryKind.VENDOR_RETURN:
                raise NotFound("recovery.no_open_vendor_batch", party=name, kind=kind.value)
            raise NotFound("recovery.no_open_claim", party=name, kind=kind.value)
        if cartons is not None and case.active_items():
            check_cartons(cartons, len(case.active_items()))
        day = now.astimezone(UTC).strftime("%Y%m%d")
        last = uow.recovery.last_number_with_prefix(f"{NUMBER_PREFIX[kind]}-{day}-")
        action = case.close(make_number(kind, day, last), actor.username, now)
        case.version = uow.recovery.save(case)
        claimed = {c: str(v) for c, v in case.claimed().items()}
        audit.record(
            uow,
            ctx,
            actor,
            "recovery_case",
            case.id,
            action,
            {"state": "open"},
            {
                "state": case.state.value,
                "number": case.number,
                "party": case.party,
                "units": [i.lpn for i in case.active_items()],
                "claimed": claimed,
                **({"cartons": cartons} if cartons is not None else {}),
            },
        )
        uow.commit()
        return case_view(uow, case, now)


def _case_holding(uow: UnitOfWork, lpn: str) -> RecoveryCase | None:
    """The case (open or not) that holds ``lpn`` as an active unit, if any. Every case, not
    the first page of the list: a locked unit in an old claim must still be found."""
    for case in uow.recovery.cases(limit=1_000_000):
        if any(i.lpn == lpn and i.active for i in case.items):
            return case
    return None


def _pull(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    case: RecoveryCase,
    lpn: str,
    reason: str,
    **why: str,
) -> None:
    """Take ``lpn`` out of ``case`` (refused by ``RecoveryCase.pull`` once the case is
    closed), save it and audit the pull; ``why`` adds to the audited event."""
    case.pull(lpn, actor.username, ctx.clock.now(), reason)
    case.version = uow.recovery.save(case)
    audit.record(
        uow,
        ctx,
        actor,
        "recovery_case",
        case.id,
        "pull_unit",
        {"lpn": lpn},
        {"lpn": lpn, "reason": reason.strip(), **why},
    )


def pull_unit(
    ctx: ServiceContext, actor: Actor, lpn: str, reason: str, version: int | None = None
) -> CaseView:
    """Take a unit out of its open case, with a reason; it is not collected again."""
    require(actor, Action.MANAGE_RECOVERY)
    code = (lpn or "").strip().upper()
    with authorized(ctx, actor, Action.MANAGE_RECOVERY) as uow:
        case = _case_holding(uow, code)
        if case is None:
            raise NotFound("recovery.unit_in_no_case", lpn=code)
        _check_version(case, version)
        _pull(uow, ctx, actor, case, code, reason)
        uow.commit()
        return case_view(uow, case, ctx.clock.now())


def release_for_reopen(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, lpn: str, reason: str
) -> None:
    """Inside a reopen's unit of work: a unit in an open batch or claim is pulled out with the
    reopen's reason (its decision no longer stands); a unit in a closed batch or a filed claim
    is locked, so the reopen is refused (``InvalidTransition`` from ``RecoveryCase.pull``)."""
    case = _case_holding(uow, lpn)
    if case is not None:
        _pull(uow, ctx, actor, case, lpn, reason, by="reopen")


def record_payment(
    ctx: ServiceContext,
    actor: Actor,
    number: str,
    amount: Decimal | None,
    currency: str | None = None,
    *,
    denied: bool = False,
    note: str = "",
    version: int | None = None,
) -> CaseView:
    """Record what the party paid on a closed batch or filed claim (paid in full or in part,
    per currency), or that it denied the claim (``denied``, no amount). ``currency`` may be
    left out when the case claims a single currency."""
    require(actor, Action.MANAGE_RECOVERY)
    if denied and amount is not None:
        raise ValidationError("recovery.denial_no_amount", field="amount")
    if not denied and amount is None:
        raise ValidationError("recovery.payment_needs_amount", field="amount")

    def change(case: RecoveryCase, now: datetime) -> tuple[str, dict[str, object]]:
        if denied:
            return case.deny(note), {"note": note.strip()}
        assert amount is not None
        code = currency or _single_currency(case)
        action, payment = case.record_payment(
            str(uuid.uuid4()), amount, code, actor.username, now, note
        )
        return action, {
            "payment": payment.id,
            "amount": str(payment.amount),
            "currency": payment.currency,
            "note": payment.note,
        }

    return _step(ctx, actor, number, version, change)


def _single_currency(case: RecoveryCase) -> str:
    claimed = sorted(case.claimed())
    if len(claimed) != 1:
        raise ValidationError(
            "recovery.payment_currency_needed",
            field="payment_currency",
            case=case.number or case.id,
            currencies=claimed,
        )
    return claimed[0]


def _check_version(case: RecoveryCase, version: int | None) -> None:
    if version is not None and version != case.version:
        # The screen showed an older state: act on what is there now, not on that.
        raise Conflict("recovery.case_changed", case=case.number or case.id)


def _step(
    ctx: ServiceContext,
    actor: Actor,
    number: str,
    version: int | None,
    change: Callable[[RecoveryCase, datetime], tuple[str, dict[str, object]]],
) -> CaseView:
    """Load, change (through the domain's table), save with the version check, audit."""
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.MANAGE_RECOVERY) as uow:
        case = find_case(uow, number)
        _check_version(case, version)
        before = case.state
        action, facts = change(case, now)
        case.version = uow.recovery.save(case)
        audit.record(
            uow,
            ctx,
            actor,
            "recovery_case",
            case.id,
            action,
            {"state": before.value},
            {"state": case.state.value, "number": case.number, **facts},
        )
        uow.commit()
        return case_view(uow, case, now)
