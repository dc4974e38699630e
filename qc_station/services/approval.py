"""The second pair of eyes (SPEC §2 step 5, §5.5): approve or reject a pending decision,
reopen a decided unit. Four eyes are enforced here, not by hiding buttons."""

from __future__ import annotations

from dataclasses import replace

from qc_station.domain.enums import UnitState
from qc_station.domain.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from qc_station.domain.model import Decision, DecisionStatus, Rma, Unit

from . import audit
from .context import Actor, ServiceContext
from .inspection import set_deadlines
from .permissions import Action, require
from .ports import UnitOfWork
from .returns import normalise_code
from .unit_moves import move_unit
from .views import DecisionView

MAX_COMMENT = 2000


def _pending(uow: UnitOfWork, lpn: str) -> tuple[Rma, Unit, Decision]:
    rma = uow.rmas.get_by_lpn(lpn)
    unit = rma.unit(lpn) if rma else None
    if rma is None or unit is None:
        raise NotFound(f"unknown LPN {lpn}", code=lpn)
    decision = uow.decisions.current(lpn)
    if (
        unit.state != UnitState.AWAITING_APPROVAL
        or decision is None
        or (decision.status != DecisionStatus.PENDING)
    ):
        raise InvalidTransition(
            f"unit {lpn} is {unit.state.value}, not awaiting approval",
            lpn=lpn,
            current=unit.state.value,
            target=UnitState.DECIDED.value,
        )
    return rma, unit, decision


def approve(ctx: ServiceContext, actor: Actor, lpn: str, comment: str = "") -> DecisionView:
    """Make a pending decision final. The approver must not be the inspector who decided."""
    require(actor, Action.APPROVE)
    lpn = normalise_code(lpn)
    if len(comment) > MAX_COMMENT:
        raise ValidationError(f"comments are limited to {MAX_COMMENT} characters")
    now = ctx.clock.now()
    with ctx.uow() as uow:
        _rma, unit, decision = _pending(uow, lpn)
        if decision.decided_by == actor.username:
            raise PermissionDenied(
                f"{actor.username} decided unit {lpn} and cannot also approve it: "
                "another supervisor must (four eyes)",
                lpn=lpn,
                user=actor.username,
            )
        decision = replace(
            decision,
            status=DecisionStatus.FINAL,
            approved_by=actor.username,
            approved_at=now,
            approval_comment=comment.strip(),
        )
        set_deadlines(ctx.policy, decision, now)
        uow.decisions.save(decision)
        audit.record(
            uow,
            ctx,
            actor,
            "decision",
            decision.id,
            "approve",
            {"status": DecisionStatus.PENDING},
            {"status": DecisionStatus.FINAL, "comment": decision.approval_comment},
        )
        move_unit(uow, ctx, actor, unit, UnitState.DECIDED)
        uow.commit()
        return DecisionView.of(decision)


def reject(ctx: ServiceContext, actor: Actor, lpn: str, comment: str) -> DecisionView:
    """Send a pending decision back to inspection with a comment the inspector will see."""
    require(actor, Action.REJECT)
    lpn = normalise_code(lpn)
    text = comment.strip()
    if not text:
        raise ValidationError("a rejection needs a comment for the inspector", field="comment")
    if len(text) > MAX_COMMENT:
        raise ValidationError(f"comments are limited to {MAX_COMMENT} characters")
    now = ctx.clock.now()
    with ctx.uow() as uow:
        _rma, unit, decision = _pending(uow, lpn)
        decision = replace(
            decision,
            status=DecisionStatus.REJECTED,
            approved_by=actor.username,
            approved_at=now,
            approval_comment=text,
        )
        uow.decisions.save(decision)
        audit.record(
            uow,
            ctx,
            actor,
            "decision",
            decision.id,
            "reject",
            {"status": DecisionStatus.PENDING},
            {"status": DecisionStatus.REJECTED, "comment": text},
        )
        move_unit(uow, ctx, actor, unit, UnitState.IN_INSPECTION)
        uow.commit()
        return DecisionView.of(decision)


def reopen(ctx: ServiceContext, actor: Actor, lpn: str, reason: str) -> None:
    """Bring a decided unit back to inspection (SPEC §3); its decision is superseded. An
    exported decision stays in its export batch; the new decision is exported on its own."""
    require(actor, Action.REOPEN)
    lpn = normalise_code(lpn)
    text = reason.strip()
    if not text:
        raise ValidationError("reopening a decided unit needs a reason", field="reason")
    with ctx.uow() as uow:
        rma = uow.rmas.get_by_lpn(lpn)
        unit = rma.unit(lpn) if rma else None
        if unit is None:
            raise NotFound(f"unknown LPN {lpn}", code=lpn)
        decision = uow.decisions.current(lpn)
        move_unit(
            uow,
            ctx,
            actor,
            unit,
            UnitState.IN_INSPECTION,
            action="reopen",
            old={"decision": decision.id if decision else None},
            new={"reason": text},
        )
        if decision is not None:
            uow.decisions.save(replace(decision, status=DecisionStatus.SUPERSEDED))
        uow.commit()


def pending_approvals(ctx: ServiceContext, actor: Actor, limit: int = 500) -> list[DecisionView]:
    """The supervisor queue, oldest first."""
    require(actor, Action.APPROVE)
    with ctx.uow() as uow:
        return [DecisionView.of(d) for d in uow.decisions.pending(limit)]
