"""Inspecting a unit and deciding it (SPEC §2 steps 3–4): the live proposal while the form
is filled, and the submission that stores the inspection, its photos and the decision.

Photos come in as captured (a webcam frame, a file) with their capture time; the submission
burns the capture time and station into each one (``ctx.photo_stamper``) before storing it,
so no caller can skip the stamp or hand in a stamp of its own. What is stored is the stamped
JPEG, named by its SHA-256, as it always was.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from qc_station.domain.decision import Case, Proposal, apply_override, decide, propose
from qc_station.domain.enums import (
    ChecklistAnswer,
    Finding,
    Grade,
    Headline,
    Resolution,
    UnitState,
)
from qc_station.domain.errors import ValidationError
from qc_station.domain.fields import check_text
from qc_station.domain.model import Decision, DecisionStatus, Inspection, Photo, Rma
from qc_station.domain.policy import ChecklistItem, Policy

from . import audit
from .context import Actor, ServiceContext
from .permissions import Action, authorized, require
from .returns import claim_or_explain, normalise_code
from .station_ports import StampedPhoto
from .unit_moves import move_unit
from .views import DecisionView, RmaView

MAX_PHOTOS = 24
MAX_PHOTO_BYTES = 25 * 1024 * 1024
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


@dataclass(frozen=True)
class PhotoInput:
    """A photo as captured: encoded image bytes (JPEG, PNG or WebP, as the camera or the file
    gave them) and when it was taken. ``submit_inspection`` stamps it."""

    data: bytes
    captured_at: datetime
    original_name: str = ""


@dataclass(frozen=True)
class _Evidence:
    """A photo as stored: stamped, with what the inspection records about it."""

    stamped: StampedPhoto
    captured_at: datetime
    original_name: str


@dataclass(frozen=True)
class InspectionDraft:
    """What the inspector entered. ``inspection_id`` is made by the station when the
    inspection starts, so submitting the same draft twice (a retry after an outage) stores
    it once."""

    lpn: str
    grade: Grade
    finding: Finding
    checklist: Mapping[str, ChecklistAnswer] = field(default_factory=dict)
    serial: str = ""
    notes: str = ""
    photos: tuple[PhotoInput, ...] = ()
    override: Headline | None = None
    override_reason: str = ""
    started_at: datetime | None = None
    inspection_id: str = field(default_factory=lambda: str(uuid.uuid4()))


def case_for(
    rma: Rma | RmaView,
    unit_price: Decimal | None,
    grade: Grade,
    finding: Finding,
    photos: int,
    reopened_by: str | None = None,
) -> Case:
    if unit_price is None:
        raise ValidationError("inspection.no_unit_price", field="unit_price", rma=rma.code)
    return Case(
        rma.market,
        rma.currency,
        unit_price,
        rma.order_date,
        rma.delivery_date,
        rma.request_date,
        rma.requested_resolution,
        grade,
        finding,
        photos,
        rma.unexpected,
        reopened_by,
    )


def preview(
    policy: Policy,
    rma: RmaView,
    lpn: str,
    grade: Grade,
    finding: Finding,
    photos: int,
    override: Headline | None = None,
    override_reason: str = "",
    *,
    unwritten_reason: str = "(reason to be written)",
) -> Proposal:
    """The live decision shown while the form changes: no database work, and no evidence
    check (``photos_missing`` says what is still needed).

    An override whose reason is not written yet shows ``unwritten_reason`` in its place: a
    screen passes its own words for it, in the station's language (the default is English).

    Raises ``ContradictoryInspection`` for a grade and finding that cannot both be true."""
    unit = rma.unit(lpn)
    if unit is None:
        raise ValidationError("inspection.unit_not_in_rma", lpn=lpn, rma=rma.code)
    case = case_for(rma, unit.unit_price, grade, finding, photos, unit.reopened_by)
    proposal = propose(policy, case)
    if override is not None:
        proposal = apply_override(
            policy, case, proposal, override, override_reason.strip() or unwritten_reason
        )
    return proposal


def check_checklist(
    items: tuple[ChecklistItem, ...], answers: Mapping[str, ChecklistAnswer]
) -> None:
    """Refuse answers to items the category's checklist does not have, and required items
    left unanswered; ``items`` names them."""
    known = {item.key for item in items}
    unknown = [key for key in answers if key not in known]
    missing = [item.key for item in items if item.required and item.key not in answers]
    if unknown and missing:
        raise ValidationError(
            "inspection.checklist_unknown_and_missing",
            field="checklist",
            items=unknown,
            missing=missing,
        )
    if unknown:
        raise ValidationError("inspection.checklist_unknown", field="checklist", items=unknown)
    if missing:
        raise ValidationError("inspection.checklist_missing", field="checklist", items=missing)


def _check_draft(draft: InspectionDraft) -> None:
    """What can be refused before any photo is decoded."""
    check_text(draft.notes, "notes")
    check_text(draft.override_reason, "override reason")
    _check_captured(draft.photos)


def _check_captured(photos: tuple[PhotoInput, ...]) -> None:
    if len(photos) > MAX_PHOTOS:
        raise ValidationError("inspection.too_many_photos", field="photos", limit=MAX_PHOTOS)
    for number, photo in enumerate(photos, start=1):
        if photo.captured_at.tzinfo is None:
            raise ValidationError("inspection.photo_no_time_zone", field="photos", number=number)


def _check_stored(photos: tuple[_Evidence, ...]) -> None:
    for number, photo in enumerate(photos, start=1):
        if not photo.stamped.data.startswith(_IMAGE_MAGIC):
            raise ValidationError("inspection.photo_not_image", field="photos", number=number)
        if len(photo.stamped.data) > MAX_PHOTO_BYTES:
            raise ValidationError(
                "inspection.photo_too_large",
                field="photos",
                number=number,
                megabytes=MAX_PHOTO_BYTES // (1024 * 1024),
            )


def _stamp(
    ctx: ServiceContext, station: str, photos: tuple[PhotoInput, ...]
) -> tuple[_Evidence, ...]:
    """Each photo with its capture time and ``station`` burned in (SPEC §2 step 3)."""
    if not photos:
        return ()
    stamper = ctx.photo_stamper
    if stamper is None:
        raise RuntimeError("this service context has no photo stamper")  # a wiring bug
    return tuple(
        _Evidence(
            stamper.stamp(
                p.data,
                p.captured_at,
                station,
                f"photo {p.original_name}" if p.original_name else f"photo {number}",
            ),
            p.captured_at,
            p.original_name,
        )
        for number, p in enumerate(photos, start=1)
    )


def submit_inspection(ctx: ServiceContext, actor: Actor, draft: InspectionDraft) -> DecisionView:
    """Store the inspection and its decision; the unit moves on to awaiting approval or
    decided (SPEC §3). Refuses too few photos (SPEC §5.4), a contradictory grade and finding,
    unanswered required checklist items, and a unit another station holds. Each photo is
    stamped here, before the transaction (decoding and encoding take a while)."""
    require(actor, Action.DECIDE)
    _check_draft(draft)
    return _submit(ctx, actor, draft, _stamp(ctx, actor.station, draft.photos))


def _submit_stamped(
    ctx: ServiceContext,
    actor: Actor,
    draft: InspectionDraft,
    photos: tuple[StampedPhoto, ...],
) -> DecisionView:
    """Only for ``outbox.replay`` of a journal entry written before this service stamped
    photos: its photos were stamped by the station then and must not be stamped twice."""
    require(actor, Action.DECIDE)
    _check_draft(draft)
    evidence = tuple(
        _Evidence(s, p.captured_at, p.original_name)
        for s, p in zip(photos, draft.photos, strict=True)
    )
    return _submit(ctx, actor, draft, evidence)


def _submit(
    ctx: ServiceContext, actor: Actor, draft: InspectionDraft, photos: tuple[_Evidence, ...]
) -> DecisionView:
    lpn = normalise_code(draft.lpn)
    _check_stored(photos)
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.DECIDE) as uow:
        # The unit first, as every write path does: a retry racing the original waits here,
        # then finds it below (no duplicate), and lock order stays unit → audit head.
        uow.rmas.lock_unit(lpn)
        existing = uow.inspections.get(draft.inspection_id)
        if existing is not None:
            # A retry of a submission that already went through: answer as the first time.
            done = next(
                (d for d in uow.decisions.for_unit(existing.lpn) if d.inspection_id == existing.id),
                None,
            )
            if done is not None:
                return DecisionView.of(done)
        rma = uow.rmas.get_by_lpn(lpn)
        if rma is None:
            raise ValidationError("unit.unknown_lpn", code=lpn)
        unit = rma.unit(lpn)
        assert unit is not None
        line = rma.line_of(unit)
        check_checklist(ctx.policy.checklist_for(line.category), draft.checklist)

        state_at_start = unit.state
        if unit.state in (UnitState.EXPECTED, UnitState.IN_INSPECTION):
            # Takes an expected or unclaimed unit; refuses one another station holds,
            # saying who holds it and since when.
            claim_or_explain(unit, actor, now)
        else:
            unit.move_to(UnitState.AWAITING_APPROVAL)  # raises InvalidTransition, clearly

        case = case_for(
            rma, line.unit_price, draft.grade, draft.finding, len(draft.photos), unit.reopened_by
        )
        proposal = propose(ctx.policy, case)
        final = decide(ctx.policy, case, draft.override, draft.override_reason)

        stored = tuple(
            Photo(
                ctx.photos.put(p.stamped.data),
                p.captured_at,
                actor.station,
                p.original_name,
                p.stamped.width,
                p.stamped.height,
            )
            for p in photos
        )
        inspection = Inspection(
            id=draft.inspection_id,
            lpn=lpn,
            inspector=actor.username,
            station=actor.station,
            started_at=draft.started_at or now,
            ended_at=now,
            grade=draft.grade,
            finding=draft.finding,
            checklist=dict(draft.checklist),
            serial=draft.serial.strip(),
            notes=draft.notes.strip(),
            photos=list(stored),
        )
        status = DecisionStatus.PENDING if final.needs_approval else DecisionStatus.FINAL
        decision = Decision(
            id=str(uuid.uuid4()),
            lpn=lpn,
            inspection_id=inspection.id,
            proposed=proposal.outcome,
            final=final.outcome,
            currency=rma.currency,
            unit_price=case.unit_price,
            overridden=final.overridden,
            override_reason=final.override_reason,
            reasons=final.reasons,
            approval_reasons=final.approval_reasons,
            decided_by=actor.username,
            station=actor.station,
            decided_at=now,
            policy_hash=ctx.policy.hash,
            status=status,
        )
        if status == DecisionStatus.FINAL:
            set_deadlines(ctx.policy, decision, now)
        uow.inspections.add(inspection)
        uow.decisions.add(decision)
        uow.policies.ensure(ctx.policy.hash, ctx.policy.source_text, now)
        audit.record(
            uow,
            ctx,
            actor,
            "inspection",
            inspection.id,
            "record",
            None,
            {
                "lpn": lpn,
                "grade": draft.grade.value,
                "finding": draft.finding.value,
                "photos": [p.sha256 for p in stored],
                "checklist": dict(draft.checklist),
            },
        )
        audit.record(
            uow, ctx, actor, "decision", decision.id, "decide", None, _outcome_values(decision)
        )
        move_unit(
            uow,
            ctx,
            actor,
            unit,
            UnitState.AWAITING_APPROVAL if final.needs_approval else UnitState.DECIDED,
            from_state=state_at_start,
        )
        uow.commit()
        return DecisionView.of(decision)


def set_deadlines(policy: Policy, decision: Decision, final_at: datetime) -> None:
    """SPEC §2 step 8: refunds due within refund_due_hours of the final decision; dispute
    evidence within dispute_evidence_due_hours of the dispute decision."""
    outcome = decision.final
    if outcome.resolution in (Resolution.FULL_REFUND, Resolution.PARTIAL_REFUND) and (
        outcome.refund_amount > 0
    ):
        decision.refund_due_at = final_at + timedelta(hours=policy.refund_due_hours)
    if outcome.resolution == Resolution.DISPUTE:
        decision.dispute_due_at = final_at + timedelta(hours=policy.dispute_evidence_due_hours)


def _outcome_values(decision: Decision) -> dict[str, object]:
    o = decision.final
    return {
        "lpn": decision.lpn,
        "headline": o.headline.value,
        "resolution": o.resolution.value,
        "disposition": o.disposition.value,
        "deduction_pct": o.deduction_pct,
        "refund_amount": str(o.refund_amount),
        "currency": decision.currency,
        "recovery": o.recovery.value if o.recovery else None,
        "overridden": decision.overridden,
        "override_reason": decision.override_reason,
        "status": decision.status,
        "policy": decision.policy_hash,
        "approval_reasons": [r.code for r in decision.approval_reasons],
    }


def latest_rejection(ctx: ServiceContext, lpn: str) -> Decision | None:
    """The rejected decision an inspector must see again (with the supervisor's comment)."""
    with ctx.uow() as uow:
        decisions = uow.decisions.for_unit(normalise_code(lpn))
    if decisions and decisions[-1].status == DecisionStatus.REJECTED:
        return decisions[-1]
    return None
