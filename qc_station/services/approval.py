"""The second pair of eyes (SPEC §2 step 5, §5.5): approve or reject a pending decision,
reopen a decided unit. Four eyes are enforced here, not by hiding buttons."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from qc_station.domain.enums import UnitState
from qc_station.domain.errors import (
    InvalidTransition,
    NotFound,
    PermissionDenied,
    QcError,
    ValidationError,
)
from qc_station.domain.fields import check_text
from qc_station.domain.messages import english
from qc_station.domain.model import Decision, DecisionStatus, Rma, Unit
from qc_station.domain.outcome import Reason
from qc_station.domain.plain_case import NotPlainCase, plain_case_problems

from . import audit, disputes, recovery
from .context import Actor, ServiceContext
from .inspection import set_deadlines
from .permissions import Action, authorized, check_allowed, require
from .ports import UnitOfWork
from .returns import normalise_code
from .unit_moves import move_unit
from .video_ports import InspectionVideo
from .views import DecisionView, InspectionView


def _pending(uow: UnitOfWork, lpn: str) -> tuple[Rma, Unit, Decision]:
    # Two supervisors at once: the second waits for the first's commit, then finds the
    # unit no longer awaiting approval (and the lock order stays unit → audit head).
    uow.rmas.lock_unit(lpn)
    rma = uow.rmas.get_by_lpn(lpn)
    unit = rma.unit(lpn) if rma else None
    if rma is None or unit is None:
        raise NotFound("unit.unknown_lpn", code=lpn)
    decision = uow.decisions.current(lpn)
    if (
        unit.state != UnitState.AWAITING_APPROVAL
        or decision is None
        or (decision.status != DecisionStatus.PENDING)
    ):
        raise InvalidTransition(
            "approval.not_awaiting",
            lpn=lpn,
            current=unit.state.value,
            target=UnitState.DECIDED.value,
        )
    return rma, unit, decision


def approve(
    ctx: ServiceContext, actor: Actor, lpn: str, comment: str = "", *, only_plain: bool = False
) -> DecisionView:
    """Make a pending decision final. The approver must not be the inspector who decided.

    A final DISPUTE decision opens its dispute (``disputes.open_for_decision``) in the same
    transaction. ``only_plain`` refuses, with the reasons, a decision that is not a plain
    case (``domain/plain_case.py``), as the bulk approval needs."""
    require(actor, Action.APPROVE)
    lpn = normalise_code(lpn)
    check_text(comment, "comment")
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.APPROVE) as uow:
        _rma, unit, decision = _pending(uow, lpn)
        if decision.decided_by == actor.username:
            raise PermissionDenied(
                "approval.decider_may_not_approve",
                lpn=lpn,
                user=actor.username,
            )
        if unit.reopened_by == actor.username:
            # SPEC §7.3: whoever reopened a decided unit must not also approve its new
            # decision, or one person could replace an exported refund alone.
            raise PermissionDenied(
                "approval.reopener_may_not_approve",
                lpn=lpn,
                user=actor.username,
                reopened_by=actor.username,
            )
        if only_plain:
            _refuse_unless_plain(ctx, uow, decision)
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
        disputes.open_for_decision(uow, ctx, actor, decision)
        move_unit(uow, ctx, actor, unit, UnitState.DECIDED)
        uow.commit()
        return DecisionView.of(decision)


def reject(ctx: ServiceContext, actor: Actor, lpn: str, comment: str) -> DecisionView:
    """Send a pending decision back to inspection with a comment the inspector will see."""
    require(actor, Action.REJECT)
    lpn = normalise_code(lpn)
    text = comment.strip()
    if not text:
        raise ValidationError("approval.reject_needs_comment", field="comment")
    check_text(text, "comment")
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.REJECT) as uow:
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
    """Bring a decided unit back to inspection (SPEC §3); its decision is superseded and
    the reopener recorded on the unit. An exported decision stays in its export batch; the
    batch that exports the new decision reverses it (SPEC §7.3, ``finance``). The new
    decision always needs approval, by someone other than its decider and the reopener."""
    require(actor, Action.REOPEN)
    lpn = normalise_code(lpn)
    text = reason.strip()
    if not text:
        raise ValidationError("approval.reopen_needs_reason", field="reason")
    check_text(text, "reason")
    with authorized(ctx, actor, Action.REOPEN) as uow:
        uow.rmas.lock_unit(lpn)
        rma = uow.rmas.get_by_lpn(lpn)
        unit = rma.unit(lpn) if rma else None
        if unit is None:
            raise NotFound("unit.unknown_lpn", code=lpn)
        decision = uow.decisions.current(lpn)
        # A unit shipped back to its vendor or claimed from a carrier is locked (SPEC §5.2
        # recovery); one still in an open batch leaves it with the reopen's reason.
        recovery.release_for_reopen(uow, ctx, actor, lpn, text)
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
        uow.rmas.set_reopened_by(lpn, actor.username)
        if decision is not None:
            uow.decisions.save(replace(decision, status=DecisionStatus.SUPERSEDED))
            # Its own event: the decision's record changed (its digest, SPEC §6).
            audit.record(
                uow,
                ctx,
                actor,
                "decision",
                decision.id,
                "supersede",
                {"status": decision.status},
                {"status": DecisionStatus.SUPERSEDED, "reason": text},
            )
        # The decision a dispute was about no longer stands.
        disputes.withdraw_for_unit(uow, ctx, actor, lpn, text)
        uow.commit()


def pending_approvals(ctx: ServiceContext, actor: Actor, limit: int = 500) -> list[DecisionView]:
    """The supervisor queue, oldest first."""
    require(actor, Action.APPROVE)
    with authorized(ctx, actor, Action.APPROVE) as uow:
        return [DecisionView.of(d) for d in uow.decisions.pending(limit)]


# --- the queue screen and bulk approval ----------------------------------------------------


@dataclass(frozen=True)
class ApprovalItem:
    """One row of the supervisor queue with what the detail pane shows: the decision, the
    unit's product, the inspection (photos, checklist, grade, finding) and earlier
    rejections with their comments."""

    decision: DecisionView
    rma_code: str
    product_name: str
    sku: str
    category: str
    customer: str
    market: str
    inspection: InspectionView | None
    #: Why this is not a plain case (empty when it is); see ``domain/plain_case.py``.
    plain_problems: tuple[Reason, ...]
    rejections: tuple[DecisionView, ...]
    #: The inspection's unboxing clips (SPEC §7.5), to be played in the queue; a pruned one
    #: has ``pruned_at`` set and no file.
    videos: tuple[InspectionVideo, ...] = ()

    @property
    def lpn(self) -> str:
        return self.decision.lpn

    @property
    def plain(self) -> bool:
        return not self.plain_problems


@dataclass(frozen=True)
class Refusal:
    """A unit the bulk approval left in the queue, and why: the refusal's catalogue
    ``message_code`` and ``params`` (the screens word them) and its ``code`` (the kind of
    refusal: ``"not_plain"``, ``"permission_denied"``…), as ``QcError`` has them."""

    lpn: str
    message_code: str
    params: Mapping[str, Any]
    code: str

    @property
    def message(self) -> str:
        """The refusal in English (command line, logs)."""
        return english(self.message_code, self.params)


@dataclass(frozen=True)
class BulkApproval:
    approved: tuple[DecisionView, ...]
    refused: tuple[Refusal, ...]


def _plain_problems(ctx: ServiceContext, uow: UnitOfWork, decision: Decision) -> tuple[Reason, ...]:
    inspection = uow.inspections.get(decision.inspection_id)
    return plain_case_problems(
        decision, inspection, uow.decisions.for_unit(decision.lpn), ctx.policy.hash
    )


def _refuse_unless_plain(ctx: ServiceContext, uow: UnitOfWork, decision: Decision) -> None:
    problems = _plain_problems(ctx, uow, decision)
    if problems:
        raise NotPlainCase(
            "approval.not_plain",
            lpn=decision.lpn,
            reasons=[p.code for p in problems],
            problems=[{"code": p.code, "params": p.params} for p in problems],
        )


def approval_queue(ctx: ServiceContext, actor: Actor, limit: int = 200) -> list[ApprovalItem]:
    """The supervisor queue, oldest first, with each unit's inspection and whether it is a
    plain case. Read only."""
    require(actor, Action.APPROVE)
    items = []
    with authorized(ctx, actor, Action.APPROVE, read_only=True) as uow:
        pending = uow.decisions.pending(limit)
        rmas = uow.rmas.get_many({d.lpn.rsplit("-", 1)[0] for d in pending})
        for decision in pending:
            rma = rmas.get(decision.lpn.rsplit("-", 1)[0]) or uow.rmas.get_by_lpn(decision.lpn)
            unit = rma.unit(decision.lpn) if rma else None
            line = rma.line_of(unit) if rma and unit else None
            history = uow.decisions.for_unit(decision.lpn)
            inspection = uow.inspections.get(decision.inspection_id)
            items.append(
                ApprovalItem(
                    DecisionView.of(decision),
                    rma.code if rma else "",
                    line.product_name if line else "",
                    line.sku if line else "",
                    line.category if line else "",
                    rma.customer if rma else "",
                    rma.market if rma else "",
                    InspectionView.of(inspection) if inspection else None,
                    plain_case_problems(decision, inspection, history, ctx.policy.hash),
                    tuple(
                        DecisionView.of(d) for d in history if d.status == DecisionStatus.REJECTED
                    ),
                    tuple(uow.videos.for_inspection(inspection.id)) if inspection else (),
                )
            )
    return items


def approve_many(
    ctx: ServiceContext, actor: Actor, lpns: Iterable[str], comment: str = ""
) -> BulkApproval:
    """Approve plain cases in bulk, one transaction per unit, so a refusal or a conflict on
    one leaves the others approved. Refused (and left in the queue, with the reason): a unit
    that is not a plain case, one the actor decided (four eyes), one no longer waiting."""
    require(actor, Action.APPROVE)
    check_allowed(ctx, actor, Action.APPROVE)
    approved: list[DecisionView] = []
    refused: list[Refusal] = []
    for raw in dict.fromkeys(lpns):
        try:
            approved.append(approve(ctx, actor, raw, comment, only_plain=True))
        except QcError as error:
            refused.append(Refusal(raw.strip(), error.message_code, error.params, error.code))
    return BulkApproval(tuple(approved), tuple(refused))
