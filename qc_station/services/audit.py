"""Writing to and checking the audit log (SPEC §6). Every state change goes through ``record``.

``record`` stages the event in the caller's unit of work, which chains and writes it just
before it commits: with many stations on one server every audited write of the site passes
through the chain's head, so the head is locked for the last statements of a transaction
only, not from the first recorded event to the commit."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from qc_station.domain.audit import (
    ABSENT,
    RECORD_ENTITIES,
    AuditEntry,
    AuditEvent,
    ChainReport,
    parse_checkpoint,
    verify_chain,
)
from qc_station.domain.errors import ValidationError

from .context import Actor, ServiceContext
from .ports import ExportBatch, UnitOfWork


def record(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    entity: str,
    entity_id: str,
    action: str,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> None:
    """Record an event in the caller's unit of work; it joins the chain when that commits."""
    at = ctx.clock.now()
    uow.audit.stage(
        AuditEntry(actor.username, actor.station, at, entity, entity_id, action, old, new)
    )


def write_now(uow: UnitOfWork) -> AuditEvent:
    """Chain what this unit of work recorded now, before the commit, and return the newest
    event: for the few callers that must quote the head (a finance batch, a backup)."""
    events = uow.audit.write_staged()
    if not events:
        raise RuntimeError("nothing was recorded to write")  # a bug in the caller
    return events[-1]


#: At most this many records are named as changed; the rest are counted.
MAX_RECORD_PROBLEMS = 20


def verify(ctx: ServiceContext, checkpoint: tuple[int, str] | None = None) -> ChainReport:
    """Walk the chain (``verify_chain``) and check what it vouches for (SPEC §6): each
    record's digest today against the one its latest audited change left, and each export
    batch's row and recorded head against the chain. A problem of either kind fails the report."""
    with ctx.uow() as uow:
        batches = uow.exports.list(limit=sys.maxsize)
        walk = _Walk({b.id: b for b in batches})
        report = verify_chain(walk.watch(uow.audit.iterate()), checkpoint)
        problems = walk.batch_problems() + _record_problems(uow, walk.latest)
    if not problems:
        return report
    return replace(report, ok=False, problems=report.problems + tuple(problems))


class _Walk:
    """What ``verify`` needs from the chain, gathered as ``verify_chain`` reads it once."""

    def __init__(self, batches: dict[str, ExportBatch]) -> None:
        self.batches = batches
        #: (entity, id) -> (seq, record digest) of the record's latest event.
        self.latest: dict[tuple[str, str], tuple[int, str | None]] = {}
        #: batch id -> (seq, rows, sha256) of its latest event that states them.
        self.exported: dict[str, tuple[int, Any, Any]] = {}
        #: seq -> hash of the events that export batches name as their head.
        self.wanted: set[int] = set()
        self.heads: dict[str, tuple[int, str] | None] = {}
        for batch in batches.values():
            try:
                head = parse_checkpoint(batch.audit_head)
            except ValidationError:
                head = None
            self.heads[batch.id] = head
            if head is not None:
                self.wanted.add(head[0])
        self.seen: dict[int, str] = {}

    def watch(self, events: Iterable[AuditEvent]) -> Iterator[AuditEvent]:
        for event in events:
            if event.entity in RECORD_ENTITIES:
                self.latest[(event.entity, event.entity_id)] = (event.seq, event.record_sha256)
                if event.entity == "export" and event.new and "sha256" in event.new:
                    new = event.new
                    self.exported[event.entity_id] = (event.seq, new.get("rows"), new["sha256"])
            if event.seq in self.wanted:
                self.seen[event.seq] = event.hash
            yield event

    def batch_problems(self) -> list[str]:
        problems = []
        for batch_id, head in self.heads.items():
            batch = self.batches[batch_id]
            if head is None or self.seen.get(head[0]) != head[1]:
                problems.append(
                    f"export batch {batch_id}: its audit head {batch.audit_head or '(none)'} "
                    "is not an event of the chain"
                )
            stated = self.exported.get(batch_id)
            if stated is not None and (batch.row_count, batch.sha256) != stated[1:]:
                problems.append(
                    f"record export {batch_id} changed since its last audited change "
                    f"(seq {stated[0]}): the batch row says {batch.row_count} rows, "
                    f"SHA-256 {batch.sha256}"
                )
        for batch_id, (seq, _rows, _sha) in self.exported.items():
            if batch_id not in self.batches:
                problems.append(f"record export {batch_id} missing (audited at seq {seq})")
        return problems


def _record_problems(
    uow: UnitOfWork, latest: dict[tuple[str, str], tuple[int, str | None]]
) -> list[str]:
    """Today's digest of every record against its latest event's."""
    problems: list[str] = []
    by_entity: dict[str, dict[str, tuple[int, str]]] = {}
    for (entity, entity_id), (seq, digest) in latest.items():
        if digest is not None:  # None: changed last before records had digests
            by_entity.setdefault(entity, {})[entity_id] = (seq, digest)
    for entity in sorted(RECORD_ENTITIES):
        wanted = by_entity.get(entity, {})
        current = uow.records.digests(entity, list(wanted)) if wanted else {}
        for entity_id, (seq, digest) in wanted.items():
            now = current.get(entity_id, ABSENT)
            if now == digest:
                continue
            if now == ABSENT:
                problems.append(f"record {entity} {entity_id} missing (audited at seq {seq})")
            else:
                problems.append(
                    f"record {entity} {entity_id} changed since its last audited change (seq {seq})"
                )
    if len(problems) > MAX_RECORD_PROBLEMS:
        more = len(problems) - MAX_RECORD_PROBLEMS
        problems = [*problems[:MAX_RECORD_PROBLEMS], f"… and {more} more records"]
    return problems
