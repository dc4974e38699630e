"""The inspection report (SPEC §9): its data gathered in one read-only unit of work (the RMA,
its units, inspections with photos, decisions with reasons and approvals, who the people are,
the audit events about each unit), times in the station's zone, and the PDF.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any, cast

from printing.data import (
    ChecklistLine,
    ClipData,
    DecisionData,
    KeyFrame,
    PageSize,
    PhotoData,
    ReportData,
    RmaFacts,
    Signature,
    UnitReport,
)
from printing.report import render_report
from printing.wording import DOCUMENT_LANGUAGES, DocumentWords
from qc_station.domain.audit import AuditEvent
from qc_station.domain.errors import PolicyError
from qc_station.domain.local_time import document_time, local
from qc_station.domain.messages import vocabulary_of
from qc_station.domain.model import Decision, DecisionStatus, Inspection, Rma, Unit
from qc_station.domain.policy import ChecklistItem, load_policy

from .context import Actor, ServiceContext
from .document_sources import (
    AWAITING_APPROVAL,
    PAGE_SIZES,
    Names,
    check_choice,
    find_rma,
    photo_bytes,
    render,
)
from .permissions import Action, authorized, require
from .ports import UnitOfWork
from .returns import normalise_code
from .video_ports import InspectionVideo, KeyFrameReader, VideoStore

#: The key frames the report shows of each clip (issue 18).
KEY_FRAMES = 4


@dataclass(frozen=True)
class ClipFrames:
    """Where the report finds a clip's file and how it takes key frames out of it (the
    station's ``StationPorts.videos`` and ``key_frames``); without them the report lists each
    clip's facts only."""

    store: VideoStore | None
    key_frames: KeyFrameReader | None


@dataclass(frozen=True)
class ReportDocument:
    pdf: bytes
    rma_code: str
    lpns: tuple[str, ...]


def report_data(
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    *,
    page_size: str = "A4",
    tz: tzinfo | None = None,
    language: str = "en",
    clips: ClipFrames | None = None,
) -> ReportData:
    """The inspection report of an RMA (all its units), or of one unit when given its LPN,
    worded in ``language`` (``printing.wording.DOCUMENT_LANGUAGES``)."""
    require(actor, Action.PRINT_DOCUMENTS)
    paper = cast(PageSize, check_choice("page size", page_size, PAGE_SIZES))
    check_choice("document language", language, DOCUMENT_LANGUAGES)
    code = normalise_code(code)
    with authorized(ctx, actor, Action.PRINT_DOCUMENTS, read_only=True) as uow:
        rma, lpn = find_rma(uow, code)
        return gather_report(ctx, uow, actor, rma, lpn, paper, tz, language=language, clips=clips)


def report_pdf(
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    *,
    page_size: str = "A4",
    tz: tzinfo | None = None,
    language: str = "en",
    clips: ClipFrames | None = None,
) -> ReportDocument:
    data = report_data(ctx, actor, code, page_size=page_size, tz=tz, language=language, clips=clips)
    pdf = render(lambda: render_report(data))
    return ReportDocument(pdf, data.rma.code, tuple(u.lpn for u in data.units))


def gather_report(
    ctx: ServiceContext,
    uow: UnitOfWork,
    actor: Actor,
    rma: Rma,
    lpn: str | None,
    page_size: PageSize,
    tz: tzinfo | None,
    *,
    language: str = "en",
    clips: ClipFrames | None = None,
) -> ReportData:
    names = Names(uow)
    words = DocumentWords(language)
    units = [u for u in rma.units if lpn is None or u.lpn == lpn]
    reports: list[UnitReport] = []
    events: dict[int, AuditEvent] = {}
    for event in uow.audit.for_entity("rma", rma.code):
        events[event.seq] = event
    for unit in units:
        report, unit_events = _unit_report(ctx, uow, rma, unit, names, tz, words, clips)
        reports.append(report)
        events.update((e.seq, e) for e in unit_events)
    head = uow.audit.last()
    return ReportData(
        rma=_facts(rma),
        units=tuple(reports),
        audit_excerpt=tuple(_audit_line(e, tz, words) for _, e in sorted(events.items())),
        audit_head=f"{head.seq}:{head.hash}" if head else "",
        generated_at=document_time(ctx.clock.now(), tz),
        generated_by=names.full(actor.username),
        page_size=page_size,
        title="Inspection report" if lpn is None else "Inspection report (one unit)",
        language=language,
    )


def _facts(rma: Rma) -> RmaFacts:
    return RmaFacts(
        code=rma.code,
        order_id=rma.order_id,
        customer=rma.customer,
        market=rma.market,
        currency=rma.currency,
        order_date=rma.order_date.isoformat() if rma.order_date else "",
        delivery_date=rma.delivery_date.isoformat() if rma.delivery_date else "",
        request_date=rma.request_date.isoformat() if rma.request_date else "",
        requested_resolution=rma.requested_resolution.value,
        stated_reason=rma.stated_reason,
        carrier=rma.carrier,
        tracking=rma.tracking,
        source=f"{rma.source.value} ({rma.source_name})" if rma.source_name else rma.source.value,
    )


def _unit_report(
    ctx: ServiceContext,
    uow: UnitOfWork,
    rma: Rma,
    unit: Unit,
    names: Names,
    tz: tzinfo | None,
    words: DocumentWords,
    clips: ClipFrames | None,
) -> tuple[UnitReport, list[AuditEvent]]:
    line = rma.line_of(unit)
    inspections = uow.inspections.for_unit(unit.lpn)
    decisions = uow.decisions.for_unit(unit.lpn)
    decision = uow.decisions.current(unit.lpn)
    inspection = inspection_for(inspections, decision)
    events = list(uow.audit.for_entity("unit", unit.lpn))
    for i in inspections:
        events += uow.audit.for_entity("inspection", i.id)
    for d in decisions:
        events += uow.audit.for_entity("decision", d.id)

    base = UnitReport(
        lpn=unit.lpn,
        sku=line.sku,
        product_name=line.product_name,
        category=line.category,
        supplier=line.supplier,
        unit_price=line.unit_price,
        currency=rma.currency,
    )
    if inspection is None:
        return base, events
    checklist_items = _checklist_items(ctx, uow, decision, line.category)
    photos = tuple(
        PhotoData(
            content=photo_bytes(ctx, p.sha256),
            captured_at=document_time(p.captured_at, tz),
            sha256=p.sha256,
            station=p.station,
        )
        for p in inspection.photos
    )
    report = UnitReport(
        lpn=base.lpn,
        sku=base.sku,
        product_name=base.product_name,
        category=base.category,
        supplier=base.supplier,
        unit_price=base.unit_price,
        currency=base.currency,
        inspector=names.full(inspection.inspector),
        station=inspection.station,
        inspected_at=document_time(inspection.ended_at or inspection.started_at, tz),
        checklist=_checklist(checklist_items, inspection),
        grade=inspection.grade.value,
        finding=inspection.finding.value,
        serial=inspection.serial or None,
        notes=inspection.notes,
        photos=photos,
        decision=_decision(decision, names, tz, words) if decision else None,
        approvals=_signatures(decision, names, tz) if decision else (),
        clips=tuple(_clip(video, tz, clips) for video in uow.videos.for_inspection(inspection.id)),
    )
    return report, events


def inspection_for(inspections: list[Inspection], decision: Decision | None) -> Inspection | None:
    """The inspection the current decision was made on, else the newest one."""
    if decision is not None:
        for inspection in inspections:
            if inspection.id == decision.inspection_id:
                return inspection
    return inspections[-1] if inspections else None


def _checklist_items(
    ctx: ServiceContext, uow: UnitOfWork, decision: Decision | None, category: str
) -> tuple[ChecklistItem, ...]:
    """The questions as worded in the policy the decision was made under (a later policy may
    word or require them differently), else as in the active policy."""
    policy = ctx.policy
    if decision is not None and decision.policy_hash and decision.policy_hash != policy.hash:
        text = uow.policies.get(decision.policy_hash)
        if text is not None:
            # An old policy that no longer loads: the active wording will do.
            with contextlib.suppress(PolicyError):
                policy = load_policy(text.encode("utf-8"))
    return policy.checklist_for(category)


def _checklist(
    items: tuple[ChecklistItem, ...], inspection: Inspection
) -> tuple[ChecklistLine, ...]:
    lines = []
    known = set()
    for item in items:
        known.add(item.key)
        answer = inspection.checklist.get(item.key)
        lines.append(ChecklistLine(item.text, answer.value if answer else "", item.required))
    # Answers to questions the policy no longer has are evidence too: keep them, by key.
    for key, answer in inspection.checklist.items():
        if key not in known:
            lines.append(ChecklistLine(key, answer.value, False))
    return tuple(lines)


def _decision(
    decision: Decision, names: Names, tz: tzinfo | None, words: DocumentWords
) -> DecisionData:
    final = decision.final
    reasons = [words.message(r.code, r.params, r.text) for r in decision.reasons]
    # each says "Needs approval: …"
    reasons += [words.message(r.code, r.params, r.text) for r in decision.approval_reasons]
    if decision.overridden and decision.proposed != final:
        reasons.append(
            words(
                "The policy proposed {headline} ({resolution}); the inspector overrode it."
            ).format(
                headline=words.headline(decision.proposed.headline.value),
                resolution=words.resolution(decision.proposed.resolution.value),
            )
        )
    return DecisionData(
        headline=final.headline.value,
        resolution=final.resolution.value,
        disposition=final.disposition.value,
        deduction_pct=final.deduction_pct,
        refund_amount=final.refund_amount,
        currency=decision.currency,
        recovery=final.recovery.value if final.recovery else None,
        recovery_amount=final.recovery_amount,
        reasons=tuple(reasons),
        override_reason=decision.override_reason if decision.overridden else None,
        decided_by=names.full(decision.decided_by),
        decided_at=document_time(decision.decided_at, tz),
        policy_version=decision.policy_hash[:16],
    )


def _signatures(decision: Decision, names: Names, tz: tzinfo | None) -> tuple[Signature, ...]:
    meaning = "Decided as inspector"
    if decision.overridden:
        meaning = "Decided as inspector (overriding the proposal)"
    signatures = [
        Signature(
            names.full(decision.decided_by),
            f"{document_time(decision.decided_at, tz)} · station {decision.station}",
            meaning,
        )
    ]
    if decision.approved_by:
        signatures.append(
            Signature(
                names.full(decision.approved_by),
                document_time(decision.approved_at, tz),
                "Approved as supervisor (four eyes)",
                decision.approval_comment,
            )
        )
    elif decision.status == DecisionStatus.PENDING:
        signatures.append(Signature("—", "—", AWAITING_APPROVAL))
    return tuple(signatures)


def _clip(video: InspectionVideo, tz: tzinfo | None, source: ClipFrames | None) -> ClipData:
    """A clip's facts, and its key frames where its file is still in the store."""
    clip = video.clip
    missing = ""
    stills = []
    if video.pruned_at is not None:
        missing = "pruned"
    elif source is not None and source.store is not None:
        if not source.store.exists(clip.sha256):
            missing = "absent"
        elif source.key_frames is not None:
            stills = source.key_frames(source.store.path(clip.sha256), KEY_FRAMES)
            missing = "" if stills else "unreadable"
    return ClipData(
        sha256=clip.sha256,
        duration_ms=clip.duration_ms,
        started_at=_clip_time(clip.started_at, tz),
        started_utc=_clip_time(clip.started_at, UTC),
        ended_at=_clip_time(clip.ended_at, tz),
        ended_utc=_clip_time(clip.ended_at, UTC),
        frames=clip.frames,
        key_frames=tuple(KeyFrame(s.jpeg, s.at_ms, s.width, s.height) for s in stills),
        missing=missing,
        pruned_at=document_time(video.pruned_at, tz),
    )


def _clip_time(moment: datetime, tz: tzinfo | None) -> str:
    """To the second, naming the zone: a clip's start and end are checked against the
    carrier's and the marketplace's own records."""
    return local(moment, tz).strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def _audit_line(event: AuditEvent, tz: tzinfo | None, words: DocumentWords) -> str:
    change = ""
    if event.new:
        change = " " + ", ".join(
            f"{k}={_short(_worded(k, v, words))}" for k, v in sorted(event.new.items())
        )
    return (
        f"#{event.seq} {document_time(event.at, tz)} · {event.station} · {event.actor} · "
        f"{event.entity} {event.entity_id} {event.action}{change}"
    )


def _worded(key: str, value: Any, words: DocumentWords) -> Any:
    """A recorded code (``finding=TRANSIT_DAMAGE``) in words, as everywhere on the report; the
    audit record itself keeps the code."""
    kind = vocabulary_of(key)
    return words.code(kind, value) if kind is not None and isinstance(value, str) else value


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"
