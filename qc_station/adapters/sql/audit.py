"""The audit log (``AuditRepository``): staged entries chained and appended at commit."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from qc_station.domain.audit import AuditEntry, AuditEvent, chain_entries, entry_record_digests
from qc_station.domain.errors import Conflict
from qc_station.services.ports import RecordDigests

from ..orm import AUDIT_LOCK_ID, AuditEventRow, AuditHeadLockRow
from ._common import STREAM_BATCH, Repo, chunks

# The tables behind the models, for Core statements (bulk inserts, conditional updates).
_audit = cast(Table, AuditEventRow.__table__)

# --- audit log -----------------------------------------------------------------------------


def _event(r: Any) -> AuditEvent:
    return AuditEvent(
        seq=r.seq,
        actor=r.actor,
        station=r.station,
        at=r.at,
        entity=r.entity,
        entity_id=r.entity_id,
        action=r.action,
        old=r.old,
        new=r.new,
        prev_hash=r.prev_hash,
        hash=r.hash,
        record_sha256=r.record_sha256,
    )


def _audit_values(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "actor": event.actor,
        "station": event.station,
        "at": event.at,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "action": event.action,
        "old": event.old,
        "new": event.new,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
        "record_sha256": event.record_sha256,
    }


class SqlAuditRepository(Repo):
    def __init__(self, session: Session, records: RecordDigests | None = None) -> None:
        super().__init__(session)
        self._staged: list[AuditEntry] = []
        #: Where the digests of the records the events are about come from (SPEC §6).
        self._records = records

    def stage(self, entry: AuditEntry) -> None:
        self._staged.append(entry)

    def write_staged(self) -> list[AuditEvent]:
        if not self._staged:
            return []
        # Everything else of the transaction is flushed first (its row locks taken, its
        # constraints checked), so the head is locked only for the appends and the commit.
        self.session.flush()
        # The records as this transaction leaves them, read before the head is locked.
        digests = entry_record_digests(self._staged, self._records.digests) if self._records else {}
        events = chain_entries(self.last(), self._staged, digests)
        self._staged.clear()
        # One INSERT for all: last() read the head under its lock (PostgreSQL) or inside
        # SQLite's write transaction, so append's max(seq) check would only repeat it; the
        # unique seq still refuses anything that slipped past.
        with self._unique(Conflict("record.audit_moved_on", seq=events[0].seq)):
            self.session.execute(insert(_audit), [_audit_values(e) for e in events])
        return events

    def discard_staged(self) -> None:
        self._staged.clear()

    def last(self) -> AuditEvent | None:
        if self._is_pg:
            self._lock_head()
        row = self.session.execute(select(_audit).order_by(_audit.c.seq.desc()).limit(1)).first()
        return _event(row) if row is not None else None

    def _lock_head(self) -> None:
        # Imported here: a SQLite station never loads the PostgreSQL dialect.
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        # Under READ COMMITTED, a second station blocks here until the first commits; its
        # next statement then sees the event the first appended.
        lock = select(AuditHeadLockRow.id).where(AuditHeadLockRow.id == AUDIT_LOCK_ID)
        if self.session.scalar(lock.with_for_update()) is None:
            # The migration inserts the row; recreate it if someone removed it.
            self.session.execute(
                pg_insert(AuditHeadLockRow)
                .values(id=AUDIT_LOCK_ID)
                .on_conflict_do_nothing(index_elements=["id"])
            )
            self.session.scalar(lock.with_for_update())

    def append(self, event: AuditEvent) -> None:
        newest = self.session.scalar(select(func.max(AuditEventRow.seq)))
        if newest is not None and event.seq != newest + 1:
            raise Conflict("record.audit_moved_on", seq=event.seq, newest=newest)
        with self._unique(Conflict("record.audit_moved_on", seq=event.seq)):
            self.session.execute(insert(_audit).values(**_audit_values(event)))

    def iterate(self) -> Iterator[AuditEvent]:
        rows = self.session.execute(
            select(_audit).order_by(_audit.c.seq),
            execution_options={"yield_per": STREAM_BATCH},
        )
        for row in rows:
            yield _event(row)

    def for_entity(self, entity: str, entity_id: str) -> list[AuditEvent]:
        rows = self.session.execute(
            select(_audit)
            .where(_audit.c.entity == entity, _audit.c.entity_id == entity_id)
            .order_by(_audit.c.seq)
        )
        return [_event(r) for r in rows]

    def events_for(self, entity: str, entity_ids: Collection[str]) -> list[AuditEvent]:
        found: list[AuditEvent] = []
        for chunk in chunks(dict.fromkeys(entity_ids)):
            rows = self.session.execute(
                select(_audit).where(_audit.c.entity == entity, _audit.c.entity_id.in_(chunk))
            )
            found.extend(_event(r) for r in rows)
        return sorted(found, key=lambda e: e.seq)
