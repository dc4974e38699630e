"""Labels, inspection reports and evidence packs from what the database holds (SPEC §7.4, §9).

The ``printing`` package renders pure data; this module gathers that data in one read-only
unit of work — the RMA, its lines and units, inspections with their photos (from the photo
store), the current decisions with reasons and approvals, who the people are, and the audit
events about the unit — and turns times into the station's local time.

A label reflects where the unit stands:

- not yet decided (``expected`` or ``in_inspection``): "received — not inspected";
- awaiting approval: the proposed headline, grade and disposition, held with the reason
  "awaiting supervisor approval", so nobody puts it away before the second pair of eyes;
- decided: headline, grade, disposition, and the bin configured for the disposition — or,
  for a HOLD, the decision's reason instead of a bin.

Nothing here writes: printing a document is not a change of state, so it is not audited.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any, cast

from printing.data import (
    ChecklistLine,
    DecisionData,
    LabelData,
    LabelSize,
    PageSize,
    PhotoData,
    ReportData,
    RmaFacts,
    Signature,
    UnitReport,
)
from printing.evidence import build_evidence_pack
from printing.labels import render_labels
from printing.report import render_report
from qc_station.domain.audit import AuditEvent
from qc_station.domain.enums import Disposition, Resolution, UnitState
from qc_station.domain.errors import NotFound, PolicyError, QcError, ValidationError
from qc_station.domain.fields import safe_file_name
from qc_station.domain.model import Decision, DecisionStatus, Inspection, Rma, Unit
from qc_station.domain.policy import ChecklistItem, load_policy

from .context import Actor, ServiceContext
from .permissions import Action, authorized, require
from .ports import UnitOfWork
from .returns import normalise_code

AWAITING_APPROVAL = "Awaiting approval"
LABEL_SIZES = ("4x6", "2x1")
PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class LabelSettings:
    """How this station's label printer wants its labels (from the configuration)."""

    size: str = "4x6"
    """``4x6`` or ``2x1`` (inches)."""
    dpi: int = 203
    bins: Mapping[str, str] = field(default_factory=dict)
    """The put-away bin per disposition (``RESTOCK`` → ``A-01``); missing ones print none."""
    tz: tzinfo | None = None
    """The zone times are shown in; ``None`` is the station's local zone."""


@dataclass(frozen=True)
class LabelDocument:
    """A label PDF and the codes on it, one page each, in order."""

    pdf: bytes
    codes: tuple[str, ...]
    rma_code: str


@dataclass(frozen=True)
class ReportDocument:
    pdf: bytes
    rma_code: str
    lpns: tuple[str, ...]


@dataclass(frozen=True)
class EvidencePack:
    content: bytes
    lpn: str
    rma_code: str
    photo_count: int


def local_time(value: datetime | None, tz: tzinfo | None = None) -> str:
    """``2026-03-14 10:42 CET``: a stored UTC time as the station shows it."""
    if value is None:
        return ""
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z").strip()


# --- labels --------------------------------------------------------------------------------


def label_data(
    ctx: ServiceContext, actor: Actor, code: str, settings: LabelSettings | None = None
) -> tuple[str, list[LabelData]]:
    """The labels for ``code``: one for an LPN, one per unit (in unit order) for an RMA code.

    Returns the RMA's code and the labels. Unknown code → ``NotFound``."""
    require(actor, Action.PRINT_DOCUMENTS)
    settings = settings or LabelSettings()
    code = normalise_code(code)
    printed_at = local_time(ctx.clock.now(), settings.tz)
    with authorized(ctx, actor, Action.PRINT_DOCUMENTS, read_only=True) as uow:
        rma, lpn = _find(uow, code)
        units = [u for u in rma.units if lpn is None or u.lpn == lpn]
        if not units:
            raise ValidationError(f"RMA {rma.code} has no units to label", code=rma.code)
        labels = [_label(uow, rma, unit, settings, printed_at, actor.station) for unit in units]
    return rma.code, labels


def label_pdf(
    ctx: ServiceContext, actor: Actor, code: str, settings: LabelSettings | None = None
) -> LabelDocument:
    """The label PDF for an LPN (one page) or an RMA code (one page per unit)."""
    settings = settings or LabelSettings()
    size = cast(LabelSize, _check_choice("label size", settings.size, LABEL_SIZES))
    rma_code, labels = label_data(ctx, actor, code, settings)
    pdf = _render(lambda: render_labels(labels, size, dpi=settings.dpi))
    return LabelDocument(pdf, tuple(label.code for label in labels), rma_code)


def _label(
    uow: UnitOfWork,
    rma: Rma,
    unit: Unit,
    settings: LabelSettings,
    printed_at: str,
    station: str,
) -> LabelData:
    line = rma.line_of(unit)
    common: dict[str, Any] = {
        "code": unit.lpn,
        "sku": line.sku,
        "product_name": line.product_name,
        "printed_at": printed_at,
        "station": station,
    }
    decision = uow.decisions.current(unit.lpn)
    decided = unit.state in (UnitState.DECIDED, UnitState.AWAITING_APPROVAL)
    if decision is None or not decided:
        return LabelData(**common)
    inspection = uow.inspections.get(decision.inspection_id)
    final = decision.final
    tz = settings.tz
    hold_reason: str | None = None
    if decision.status == DecisionStatus.PENDING:
        hold_reason = AWAITING_APPROVAL
    elif final.disposition == Disposition.HOLD:
        hold_reason = _hold_reason(decision, inspection, tz)
    return LabelData(
        **common,
        grade=inspection.grade.value if inspection else None,
        headline=final.headline.value,
        disposition=final.disposition.value,
        bin_location=None if hold_reason else (settings.bins.get(final.disposition.value) or None),
        hold_reason=hold_reason,
    )


def _hold_reason(decision: Decision, inspection: Inspection | None, tz: tzinfo | None) -> str:
    """Why a unit is held, short enough for a label: what kind of hold, the finding, and
    when the dispute evidence is due. The policy's full sentences are on the report."""
    final = decision.final
    kind = "Dispute" if final.resolution == Resolution.DISPUTE else "Hold"
    parts = [kind]
    if inspection is not None:
        parts[0] += f": {inspection.finding.value.replace('_', ' ').lower()}"
    if decision.dispute_due_at is not None:
        parts.append(f"evidence due {local_time(decision.dispute_due_at, tz)}")
    return " · ".join(parts)


# --- reports -------------------------------------------------------------------------------


def report_data(
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    *,
    page_size: str = "A4",
    tz: tzinfo | None = None,
) -> ReportData:
    """The inspection report of an RMA (all its units), or of one unit when given its LPN."""
    require(actor, Action.PRINT_DOCUMENTS)
    paper = cast(PageSize, _check_choice("page size", page_size, PAGE_SIZES))
    code = normalise_code(code)
    with authorized(ctx, actor, Action.PRINT_DOCUMENTS, read_only=True) as uow:
        rma, lpn = _find(uow, code)
        return _report(ctx, uow, actor, rma, lpn, paper, tz)


def report_pdf(
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    *,
    page_size: str = "A4",
    tz: tzinfo | None = None,
) -> ReportDocument:
    data = report_data(ctx, actor, code, page_size=page_size, tz=tz)
    pdf = _render(lambda: render_report(data))
    return ReportDocument(pdf, data.rma.code, tuple(u.lpn for u in data.units))


def _report(
    ctx: ServiceContext,
    uow: UnitOfWork,
    actor: Actor,
    rma: Rma,
    lpn: str | None,
    page_size: PageSize,
    tz: tzinfo | None,
) -> ReportData:
    names = _Names(uow)
    units = [u for u in rma.units if lpn is None or u.lpn == lpn]
    reports: list[UnitReport] = []
    events: dict[int, AuditEvent] = {}
    for event in uow.audit.for_entity("rma", rma.code):
        events[event.seq] = event
    for unit in units:
        report, unit_events = _unit_report(ctx, uow, rma, unit, names, tz)
        reports.append(report)
        events.update((e.seq, e) for e in unit_events)
    head = uow.audit.last()
    return ReportData(
        rma=_facts(rma),
        units=tuple(reports),
        audit_excerpt=tuple(_audit_line(e, tz) for _, e in sorted(events.items())),
        audit_head=f"{head.seq}:{head.hash}" if head else "",
        generated_at=local_time(ctx.clock.now(), tz),
        generated_by=names.full(actor.username),
        page_size=page_size,
        title="Inspection report" if lpn is None else "Inspection report (one unit)",
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
    names: _Names,
    tz: tzinfo | None,
) -> tuple[UnitReport, list[AuditEvent]]:
    line = rma.line_of(unit)
    inspections = uow.inspections.for_unit(unit.lpn)
    decisions = uow.decisions.for_unit(unit.lpn)
    decision = uow.decisions.current(unit.lpn)
    inspection = _inspection_for(inspections, decision)
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
            content=_photo_bytes(ctx, p.sha256),
            captured_at=local_time(p.captured_at, tz),
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
        inspected_at=local_time(inspection.ended_at or inspection.started_at, tz),
        checklist=_checklist(checklist_items, inspection),
        grade=inspection.grade.value,
        finding=inspection.finding.value,
        serial=inspection.serial or None,
        notes=inspection.notes,
        photos=photos,
        decision=_decision(decision, names, tz) if decision else None,
        approvals=_signatures(decision, names, tz) if decision else (),
    )
    return report, events


def _inspection_for(inspections: list[Inspection], decision: Decision | None) -> Inspection | None:
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


def _decision(decision: Decision, names: _Names, tz: tzinfo | None) -> DecisionData:
    final = decision.final
    reasons = [r.text for r in decision.reasons]
    reasons += [r.text for r in decision.approval_reasons]  # each says "Needs approval: …"
    if decision.overridden and decision.proposed != final:
        reasons.append(
            f"The policy proposed {decision.proposed.headline.value} "
            f"({decision.proposed.resolution.value}); the inspector overrode it."
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
        decided_at=local_time(decision.decided_at, tz),
        policy_version=decision.policy_hash[:16],
    )


def _signatures(decision: Decision, names: _Names, tz: tzinfo | None) -> tuple[Signature, ...]:
    meaning = "Decided as inspector"
    if decision.overridden:
        meaning = "Decided as inspector (overriding the proposal)"
    signatures = [
        Signature(
            names.full(decision.decided_by),
            f"{local_time(decision.decided_at, tz)} · station {decision.station}",
            meaning,
        )
    ]
    if decision.approved_by:
        signatures.append(
            Signature(
                names.full(decision.approved_by),
                local_time(decision.approved_at, tz),
                "Approved as supervisor (four eyes)",
                decision.approval_comment,
            )
        )
    elif decision.status == DecisionStatus.PENDING:
        signatures.append(Signature("—", "—", AWAITING_APPROVAL))
    return tuple(signatures)


def _audit_line(event: AuditEvent, tz: tzinfo | None) -> str:
    change = ""
    if event.new:
        change = " " + ", ".join(f"{k}={_short(v)}" for k, v in sorted(event.new.items()))
    return (
        f"#{event.seq} {local_time(event.at, tz)} · {event.station} · {event.actor} · "
        f"{event.entity} {event.entity_id} {event.action}{change}"
    )


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _photo_bytes(ctx: ServiceContext, sha256: str) -> bytes:
    """The stored photo, or nothing when it is missing: the report then shows a box saying
    the photo could not be read, with its hash, rather than failing."""
    try:
        return ctx.photos.get(sha256)
    except NotFound:
        return b""


class _Names:
    """Users' full names, looked up once each: ``Ines Inspector (ines)``."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        self._cache: dict[str, str] = {}

    def full(self, username: str) -> str:
        if username not in self._cache:
            user = self._uow.users.get(username)
            name = user.full_name.strip() if user else ""
            self._cache[username] = (
                f"{name} ({username})" if name and name != username else username
            )
        return self._cache[username]


# --- evidence packs ------------------------------------------------------------------------


def evidence_pack(
    ctx: ServiceContext,
    actor: Actor,
    lpn: str,
    *,
    page_size: str = "A4",
    tz: tzinfo | None = None,
) -> EvidencePack:
    """The dispute evidence pack of one unit (SPEC §7.4): its report, the original photos and
    ``manifest.json``. A photo missing from the store is refused: evidence must be whole."""
    require(actor, Action.PRINT_DOCUMENTS)
    paper = cast(PageSize, _check_choice("page size", page_size, PAGE_SIZES))
    lpn = normalise_code(lpn)
    with authorized(ctx, actor, Action.PRINT_DOCUMENTS, read_only=True) as uow:
        rma, found = _find(uow, lpn)
        if found is None:
            raise ValidationError(
                f"{lpn} is an RMA code; an evidence pack is made per unit: give one of its "
                f"LPNs ({', '.join(u.lpn for u in rma.units[:3])}…)",
                code=lpn,
            )
        inspections = uow.inspections.for_unit(found)
        decision = uow.decisions.current(found)
        inspection = _inspection_for(inspections, decision)
        if inspection is None:
            raise ValidationError(
                f"unit {found} has not been inspected: there is no evidence to pack yet",
                lpn=found,
            )
        data = _report(ctx, uow, actor, rma, found, paper, tz)
        names = _Names(uow)
        decision_facts = _decision_facts(decision, names) if decision else {"status": "none"}
    photos = []
    photo_facts = []
    for n, photo in enumerate(inspection.photos, start=1):
        content = ctx.photos.get(photo.sha256)  # NotFound: the pack would be incomplete
        if hashlib.sha256(content).hexdigest() != photo.sha256:
            raise ValidationError(
                f"photo {photo.sha256} in the store no longer matches its hash; the evidence "
                "cannot be packed",
                sha256=photo.sha256,
            )
        name = f"{n:02d}-{photo.sha256[:12]}{_extension(content)}"
        photos.append((name, content))
        photo_facts.append(
            {
                "file": f"photos/{name}",
                "sha256": photo.sha256,
                "captured_at_utc": photo.captured_at,
                "station": photo.station,
                "original_name": photo.original_name,
            }
        )
    pdf = _render(lambda: render_report(data))
    unit = data.units[0]
    facts: dict[str, Any] = {
        "rma": _rma_facts(rma),
        "unit": {
            "lpn": unit.lpn,
            "sku": unit.sku,
            "product_name": unit.product_name,
            "category": unit.category,
            "supplier": unit.supplier,
            "unit_price": unit.unit_price,
            "currency": unit.currency,
        },
        "inspection": {
            "id": inspection.id,
            "inspector": inspection.inspector,
            "station": inspection.station,
            "started_at_utc": inspection.started_at,
            "ended_at_utc": inspection.ended_at,
            "grade": inspection.grade,
            "finding": inspection.finding,
            "serial": inspection.serial,
            "checklist": {k: v.value for k, v in sorted(inspection.checklist.items())},
            "notes": inspection.notes,
        },
        "photos": photo_facts,
        "audit_head": data.audit_head,
    }
    now = ctx.clock.now().astimezone(tz)
    content = _render(
        lambda: build_evidence_pack(
            pdf,
            photos,
            facts,
            decision_facts,
            timestamp=(now.year, now.month, now.day, now.hour, now.minute, now.second),
            report_name=f"inspection-report-{safe_file_name(found)}.pdf",
        )
    )
    return EvidencePack(content, found, rma.code, len(photos))


def _rma_facts(rma: Rma) -> dict[str, Any]:
    return {
        "code": rma.code,
        "order_id": rma.order_id,
        "customer": rma.customer,
        "market": rma.market,
        "currency": rma.currency,
        "order_date": rma.order_date,
        "delivery_date": rma.delivery_date,
        "request_date": rma.request_date,
        "requested_resolution": rma.requested_resolution,
        "stated_reason": rma.stated_reason,
        "carrier": rma.carrier,
        "tracking": rma.tracking,
        "source": rma.source,
    }


def _decision_facts(decision: Decision, names: _Names) -> dict[str, Any]:
    final = decision.final
    return {
        "id": decision.id,
        "status": decision.status,
        "headline": final.headline,
        "resolution": final.resolution,
        "disposition": final.disposition,
        "deduction_pct": final.deduction_pct,
        "refund_amount": final.refund_amount,
        "currency": decision.currency,
        "recovery": final.recovery,
        "recovery_amount": final.recovery_amount,
        "proposed_headline": decision.proposed.headline,
        "overridden": decision.overridden,
        "override_reason": decision.override_reason,
        "reasons": [r.text for r in decision.reasons],
        "approval_reasons": [r.text for r in decision.approval_reasons],
        "decided_by": names.full(decision.decided_by),
        "decided_at_utc": decision.decided_at,
        "station": decision.station,
        "approved_by": names.full(decision.approved_by) if decision.approved_by else None,
        "approved_at_utc": decision.approved_at,
        "approval_comment": decision.approval_comment,
        "dispute_due_at_utc": decision.dispute_due_at,
        "refund_due_at_utc": decision.refund_due_at,
        "policy_hash": decision.policy_hash,
    }


def _extension(content: bytes) -> str:
    if content.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    return ".bin"


# --- shared --------------------------------------------------------------------------------


def _find(uow: UnitOfWork, code: str) -> tuple[Rma, str | None]:
    """The RMA named by an RMA code or an LPN (exact, then upper case), and the LPN if the
    code was one."""
    for candidate in dict.fromkeys((code, code.upper())):
        rma = uow.rmas.get(candidate)
        if rma is not None:
            return rma, None
        rma = uow.rmas.get_by_lpn(candidate)
        if rma is not None:
            return rma, candidate
    raise NotFound(f"unknown code {code}: no RMA or unit has it", code=code)


def _check_choice(what: str, value: str, choices: Iterable[str]) -> str:
    options = tuple(choices)
    if value not in options:
        raise ValidationError(
            f"unknown {what} {value!r}; expected {' or '.join(options)}", value=value
        )
    return value


def _render(make: Any) -> bytes:
    """Run a renderer, turning its refusals (a code too long for the label, a character
    Code128 cannot carry) into a ``ValidationError`` the user can act on."""
    try:
        result: bytes = make()
    except QcError:
        raise
    except ValueError as exc:
        raise ValidationError(f"cannot render the document: {exc}") from exc
    return result
