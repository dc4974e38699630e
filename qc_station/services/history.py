"""The unit history (SPEC §8, ``qc-station history CODE``): a unit's whole story in time order.

A code that is an RMA code, an LPN, an order id or a tracking number gives the story of its
units: the import, then every audit event about the RMA, its units, their inspections,
decisions, disputes, recovery cases and export batches, with the current state of each unit
and its decision. A SKU or a customer names many units: they are listed (at most
:data:`LIST_LIMIT`), each to be looked up by its LPN. Read only.

Each line keeps its audit event's record and values (``entity``, ``old``, ``new``) besides the
one-line English wording the command line prints, so the station's history page words it in
the station's language; the story also carries the units' inspections (with their photos),
decisions (with their reasons) and unboxing clips (with whether they were pruned).

Prints are audit events too (``services/print_history``: ``document.printed`` and
``document.print_failed`` about a unit, or about the RMA for a report): they take their place
in time order at the moment they happened, even when written later (the database was away).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from qc_station.domain.audit import AuditEvent
from qc_station.domain.errors import NotFound
from qc_station.domain.messages import english
from qc_station.domain.model import Decision, Rma, Unit

from .context import Actor, ServiceContext
from .permissions import Action, authorized, require
from .ports import UnitOfWork, UnitRef
from .print_history import HAPPENED_AT, PRINT_ACTIONS
from .returns import normalise_code
from .video_ports import InspectionVideo
from .views import DecisionView, InspectionView

#: At most this many units are listed for a SKU or a customer (and told so when cut).
LIST_LIMIT = 50

#: The fields a code may name with a story (order id, tracking) and with a list (the rest).
_STORY_FIELDS = (("order_id", "order id"), ("tracking", "tracking number"))
_LIST_FIELDS = (("sku", "SKU"), ("customer", "customer"))

#: Values not worth a line: long digests are cut to this many characters.
_DIGEST_CHARS = 12


@dataclass(frozen=True)
class UnitNow:
    """A unit as it stands, with its current decision (if any)."""

    lpn: str
    rma_code: str
    sku: str
    product: str
    state: str
    headline: str | None = None
    refund_amount: Decimal | None = None
    currency: str | None = None
    status: str | None = None
    decided_by: str | None = None
    approved_by: str | None = None
    export_batch: str | None = None


@dataclass(frozen=True)
class HistoryLine:
    """One thing that happened, in one readable line."""

    at: datetime  # UTC
    actor: str
    station: str
    subject: str  # what it is about: "unit RMA-…-1", "decision 3f2a…", "rma RMA-…"
    action: str
    details: str  # the meaningful values, "state: expected → in_inspection; grade: A"
    seq: int | None = None  # the audit event's number (None: from the record itself)
    #: the record it is about ("unit", "decision", …; "rma" for the import) and its id
    entity: str = ""
    entity_id: str = ""
    #: the audited values before and after, as recorded (for wording them on screen)
    old: dict[str, Any] | None = field(default=None, hash=False)
    new: dict[str, Any] | None = field(default=None, hash=False)


@dataclass(frozen=True)
class UnitHistory:
    """The story of the units a code names (an RMA, a unit, an order, a shipment)."""

    code: str
    matched: str  # "RMA", "LPN", "order id", "tracking number"
    units: tuple[UnitNow, ...]
    lines: tuple[HistoryLine, ...]
    #: the units' inspections (with their photos) and decisions (with their reasons), oldest
    #: first, and the unboxing clips recorded on the inspections
    inspections: tuple[InspectionView, ...] = ()
    decisions: tuple[DecisionView, ...] = ()
    videos: tuple[InspectionVideo, ...] = ()


@dataclass(frozen=True)
class UnitList:
    """The units a SKU or a customer names: too many for one story."""

    code: str
    matched: str  # "SKU", "customer"
    units: tuple[UnitNow, ...]
    truncated: bool  # more than :data:`LIST_LIMIT` matched


def unit_history(ctx: ServiceContext, actor: Actor, code: str) -> UnitHistory | UnitList:
    """The history of what ``code`` names (SPEC §8). ``NotFound`` when it names nothing."""
    require(actor, Action.FOLLOW_UP)
    text = normalise_code(code)
    with authorized(ctx, actor, Action.FOLLOW_UP, read_only=True) as uow:
        rma = uow.rmas.get(text)
        if rma is not None:
            return _story(uow, text, "RMA", [rma], {u.lpn for u in rma.units})
        rma = uow.rmas.get_by_lpn(text)
        if rma is not None:
            return _story(uow, text, "LPN", [rma], {text})
        for field, label in _STORY_FIELDS:
            refs = uow.rmas.units_matching(field, text, LIST_LIMIT)
            if refs:
                return _story(uow, text, label, _rmas_of(uow, refs), {r.lpn for r in refs})
        for field, label in _LIST_FIELDS:
            refs = uow.rmas.units_matching(field, text, LIST_LIMIT + 1)
            if refs:
                shown = refs[:LIST_LIMIT]
                units = _units_now(uow, _rmas_of(uow, shown), {r.lpn for r in shown})
                return UnitList(text, label, units, truncated=len(refs) > LIST_LIMIT)
    raise NotFound("history.nothing_found", code=text)


def _rmas_of(uow: UnitOfWork, refs: Sequence[UnitRef]) -> list[Rma]:
    found = uow.rmas.get_many([r.rma_code for r in refs])
    return [found[c] for c in dict.fromkeys(r.rma_code for r in refs) if c in found]


def _units_now(uow: UnitOfWork, rmas: Sequence[Rma], lpns: set[str]) -> tuple[UnitNow, ...]:
    units = [(rma, u) for rma in rmas for u in rma.units if u.lpn in lpns]
    current = uow.decisions.current_many([u.lpn for _, u in units])
    return tuple(_unit_now(rma, u, current.get(u.lpn)) for rma, u in units)


def _unit_now(rma: Rma, unit: Unit, decision: Decision | None) -> UnitNow:
    line = rma.line_of(unit)
    base = UnitNow(unit.lpn, rma.code, line.sku, line.product_name, unit.state.value)
    if decision is None:
        return base
    return UnitNow(
        base.lpn,
        base.rma_code,
        base.sku,
        base.product,
        base.state,
        headline=decision.final.headline.value,
        refund_amount=decision.final.refund_amount,
        currency=decision.currency,
        status=decision.status,
        decided_by=decision.decided_by,
        approved_by=decision.approved_by,
        export_batch=decision.export_batch,
    )


def _story(
    uow: UnitOfWork, code: str, matched: str, rmas: Sequence[Rma], lpns: set[str]
) -> UnitHistory:
    units = _units_now(uow, rmas, lpns)
    lines = [line for rma in rmas for line in _import_lines(uow, rma)]
    found = [i for lpn in sorted(lpns) for i in uow.inspections.for_unit(lpn)]
    inspections = [i.id for i in found]
    videos = [v for i in inspections for v in uow.videos.for_inspection(i)]
    decisions = [d for lpn in sorted(lpns) for d in uow.decisions.for_unit(lpn)]
    disputes = [d.id for lpn in sorted(lpns) for d in uow.disputes.for_unit(lpn)]
    batches = {d.export_batch for d in decisions if d.export_batch}
    cases = [
        c.id
        for c in uow.recovery.cases(limit=sys.maxsize)
        if any(item.lpn in lpns for item in c.items)
    ]
    events: list[AuditEvent] = []
    events += uow.audit.events_for("rma", [r.code for r in rmas])
    events += uow.audit.events_for("unit", lpns)
    events += uow.audit.events_for("inspection", inspections)
    events += uow.audit.events_for("decision", [d.id for d in decisions])
    events += uow.audit.events_for("dispute", disputes)
    events += uow.audit.events_for("export", batches)
    # A recovery case holds many units: only its events that are not about another unit.
    events += [e for e in uow.audit.events_for("recovery_case", cases) if _about(e, lpns)]
    seen: set[int] = set()
    for event in sorted(events, key=lambda e: e.seq):
        if event.seq not in seen:
            seen.add(event.seq)
            lines.append(_line(event))
    lines.sort(key=lambda line: (line.at, -1 if line.seq is None else line.seq))
    return UnitHistory(
        code,
        matched,
        units,
        tuple(lines),
        tuple(InspectionView.of(i) for i in sorted(found, key=lambda i: i.started_at)),
        tuple(DecisionView.of(d) for d in sorted(decisions, key=lambda d: d.decided_at)),
        tuple(sorted(videos, key=lambda v: v.clip.started_at)),
    )


def _about(event: AuditEvent, lpns: set[str]) -> bool:
    """False for an event that names units (``lpn``, ``units``) none of which is ours."""
    named: list[str] = []
    for values in (event.old or {}, event.new or {}):
        if isinstance(values.get("lpn"), str):
            named.append(values["lpn"])
        if isinstance(values.get("units"), list):
            named += [str(u) for u in values["units"]]
    return not named or any(n in lpns for n in named)


def _import_lines(uow: UnitOfWork, rma: Rma) -> list[HistoryLine]:
    """The RMA's arrival: when it was created, from which source; who imported it when the
    import's own audit event (about the manifest file, not the RMA) can be told."""
    created = rma.created_at
    if created is None:
        return []
    source = rma.source.value + (f" {rma.source_name}" if rma.source_name else "")
    actor = station = ""
    if rma.source_name:
        imports = uow.audit.for_entity("import", rma.source_name)
        if imports:
            nearest = min(imports, key=lambda e: abs((e.at - created).total_seconds()))
            actor, station = nearest.actor, nearest.station
    details = _join(
        [
            f"source: {source}",
            f"order: {rma.order_id}",
            f"customer: {rma.customer}",
            f"tracking: {rma.tracking}" if rma.tracking else "",
            f"units: {len(rma.units)}",
        ]
    )
    values = {
        "source": rma.source.value,
        "source_name": rma.source_name,
        "order": rma.order_id,
        "customer": rma.customer,
        "tracking": rma.tracking,
        "units": len(rma.units),
    }
    return [
        HistoryLine(
            created, actor, station, f"rma {rma.code}", "import", details,
            entity="rma", entity_id=rma.code, new=values,
        )
    ]  # fmt: skip


def _line(event: AuditEvent) -> HistoryLine:
    subject = f"{event.entity} {event.entity_id}"
    at, details = event.at, describe_change(event.old, event.new)
    if event.action in PRINT_ACTIONS and event.new:
        at, details = _print_time(event), _print_details(event.new)
    return HistoryLine(
        at,
        event.actor,
        event.station,
        subject,
        event.action,
        details,
        event.seq,
        event.entity,
        event.entity_id,
        dict(event.old) if event.old else None,
        dict(event.new) if event.new else None,
    )


def _print_time(event: AuditEvent) -> datetime:
    """When the print happened: the event's time, or the one it says when written late."""
    late = (event.new or {}).get(HAPPENED_AT)
    if isinstance(late, str):
        try:
            return datetime.fromisoformat(late)
        except ValueError:
            pass
    return event.at


def _print_details(values: dict[str, Any]) -> str:
    """A print in one English line: "label 4x6 on Zebra; copies: 1; job …; printer's job …"."""
    document = "label" if values.get("document") == "label" else "inspection report"
    size = f" {values['label_size']}" if values.get("label_size") else ""
    printer = values.get("printer") or "(no printer set)"
    params = values.get("problem_params")
    problem = values.get("problem")
    return _join(
        [
            f"{document}{size} on {printer}",
            f"units: {_text('units', values['units'])}" if values.get("units") else "",
            f"copies: {values.get('copies', 1)}",
            f"job {values.get('job', '')}",
            f"printer's job {values['system_job']}" if values.get("system_job") else "",
            f"discarded: {english(str(problem), params if isinstance(params, dict) else {})}"
            if problem
            else "",
            "written later: the database was away" if HAPPENED_AT in values else "",
        ]
    )


def describe_change(old: dict[str, Any] | None, new: dict[str, Any] | None) -> str:
    """The values of an audited change in one line: ``key: old → new`` for a changed value,
    ``key: value`` for one that was set or stays, empty values left out."""
    old, new = old or {}, new or {}
    parts: list[str] = []
    for key in dict.fromkeys([*new, *old]):
        before, after = old.get(key), new.get(key)
        if key in old and key in new and before != after:
            parts.append(f"{key}: {_text(key, before)} → {_text(key, after)}")
        elif key in new and _present(after):
            parts.append(f"{key}: {_text(key, after)}")
        elif key not in new and _present(before):
            parts.append(f"{key}: {_text(key, before)} → (none)")
    return _join(parts)


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _text(key: str, value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return ", ".join(_text(key, v) for v in value) or "(none)"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_text(k, v)}" for k, v in value.items()) or "(none)"
    text = str(value)
    if (key in ("sha256", "policy") or key.endswith("_sha256")) and len(text) > _DIGEST_CHARS:
        return text[:_DIGEST_CHARS] + "…"
    return text


def _join(parts: Iterable[str]) -> str:
    return "; ".join(p for p in parts if p)
