"""The digests of audited records (SPEC §6; ``RecordDigests`` in ``services/ports.py``).

Each covered entity's canonical content is built from its rows as plain JSON values: times
as UTC ISO text with microseconds, money as integer minor units, booleans as booleans, so
SQLite and PostgreSQL give the same digest. A record's content holds only what changes
through an audited action on that entity:

- ``decision``: the whole decisions row (amounts, status, approval, deadlines), not its
  export batch (that is the ``export`` record's);
- ``inspection``: the inspection row and its photos, and its videos where it has any (an
  inspection without one keeps the digest it had before videos existed);
- ``export``: which decisions, reversals and recovery payments the batch took (the batch
  row itself is written after its event, with the head, and is checked against the event);
- ``recovery_case``: the case, its units and its payments (not the payments' export batch);
- ``user``: role, active, must_change_password (not the failed sign-in count or the lock's
  end, which a sign-in changes without an event; a lock itself is audited);
- ``policy``: the digest of its text and every activation of it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection
from datetime import UTC, datetime
from json.encoder import encode_basestring
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from qc_station.domain.audit import record_digest

from ..orm import (
    DecisionRow,
    ExportBatchMemberRow,
    ExportBatchRow,
    ExportReversalRow,
    InspectionRow,
    InspectionVideoRow,
    PhotoRow,
    PolicyActivationRow,
    PolicyRow,
    RecoveryCaseRow,
    RecoveryItemRow,
    RecoveryPaymentRow,
    UserRow,
)
from ._common import chunks

_decisions = cast(Table, DecisionRow.__table__)
_members = cast(Table, ExportBatchMemberRow.__table__)
_reversals = cast(Table, ExportReversalRow.__table__)
_batches = cast(Table, ExportBatchRow.__table__)
_inspections = cast(Table, InspectionRow.__table__)
_photos = cast(Table, PhotoRow.__table__)
_videos = cast(Table, InspectionVideoRow.__table__)
_activations = cast(Table, PolicyActivationRow.__table__)
_policies = cast(Table, PolicyRow.__table__)
_cases = cast(Table, RecoveryCaseRow.__table__)
_items = cast(Table, RecoveryItemRow.__table__)
_payments = cast(Table, RecoveryPaymentRow.__table__)
_users = cast(Table, UserRow.__table__)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:  # SQLite hands back naive UTC outside UtcDateTime
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    return value


#: Rows fetched at a time when a batch's decisions are streamed.
_STREAM_ROWS = 10_000


def _json(value: Any) -> bytes:
    """``value`` as ``record_digest`` writes it (no spaces, non-ASCII kept)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _code_point_order(session: Session, column: Any) -> Any:
    """``column`` ordered as Python sorts strings (by code point): SQLite's default collation
    compares UTF-8 bytes, which is that order; PostgreSQL's depends on the locale, so "C"."""
    if session.get_bind().dialect.name == "postgresql":
        return column.collate("C")
    return column


def _row(row: Any, skip: Collection[str] = ()) -> dict[str, Any]:
    return {k: _plain(v) for k, v in row._mapping.items() if k not in skip}


class SqlRecordDigests:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._content: dict[str, Callable[[list[str]], dict[str, Any]]] = {
            "decision": self._decisions,
            "inspection": self._inspections,
            "recovery_case": self._cases,
            "user": self._users,
            "policy": self._policies,
        }

    def digests(self, entity: str, entity_ids: Collection[str]) -> dict[str, str]:
        if entity == "export":
            return self._export_digests(entity_ids)
        content = self._content.get(entity)
        if content is None:
            return {}
        found: dict[str, str] = {}
        for chunk in chunks(dict.fromkeys(entity_ids)):
            for entity_id, record in content(chunk).items():
                found[entity_id] = record_digest(record)
        return found

    # --- canonical content per entity, for one chunk of ids -----------------------------

    def _decisions(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        rows = self.session.execute(select(_decisions).where(_decisions.c.id.in_(ids)))
        return {r.id: _row(r, ("pk",)) for r in rows}

    def _inspections(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        found = {
            r.id: {**_row(r, ("pk",)), "photos": []}
            for r in self.session.execute(select(_inspections).where(_inspections.c.id.in_(ids)))
        }
        photos = self.session.execute(
            select(_photos)
            .where(_photos.c.inspection_id.in_(ids))
            .order_by(_photos.c.inspection_id, _photos.c.position)
        )
        for p in photos:
            if p.inspection_id in found:
                found[p.inspection_id]["photos"].append(_row(p, ("id", "inspection_id")))
        videos = self.session.execute(
            select(_videos)
            .where(_videos.c.inspection_id.in_(ids))
            .order_by(_videos.c.inspection_id, _videos.c.id)
        )
        for v in videos:
            if v.inspection_id in found:
                found[v.inspection_id].setdefault("videos", []).append(
                    _row(v, ("id", "inspection_id"))
                )
        return found

    def _export_digests(self, ids: Collection[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for batch_id in dict.fromkeys(ids):
            digest = self._export_digest(batch_id)
            if digest is not None:
                found[batch_id] = digest
        return found

    def _export_digest(self, batch_id: str) -> str | None:
        """The digest of ``{"decisions": […], "payments": […], "reversals": […]}`` (each
        sorted), streamed: a batch may carry a million decisions, and the export takes its
        digest inside its write transaction, so the ids are hashed as the database hands
        them over in order, never held as a list (the same digest ``record_digest`` gives)."""
        d = _decisions.c
        exists = self.session.scalar(select(_batches.c.id).where(_batches.c.id == batch_id))
        reversals = sorted(
            [decision_id, reversed_batch]
            for decision_id, reversed_batch in self.session.execute(
                select(d.id, _reversals.c.reversed_batch)
                .join_from(_reversals, _decisions, _reversals.c.decision_id == d.pk)
                .where(_reversals.c.batch_id == batch_id)
            )
        )
        payments = sorted(
            self.session.scalars(select(_payments.c.id).where(_payments.c.export_batch == batch_id))
        )
        members = self.session.execute(
            select(d.id)
            .join_from(_members, _decisions, _members.c.decision_id == d.pk)
            .where(_members.c.batch_id == batch_id)
            .order_by(_code_point_order(self.session, d.id))
            .execution_options(yield_per=_STREAM_ROWS)
        )
        sha = hashlib.sha256(b'{"decisions":[')
        count = 0
        for part in members.scalars().partitions():
            # Each id as json.dumps writes a string (the same C encoder), a part at a time.
            text = ",".join(map(encode_basestring, part))
            sha.update((b"," if count else b"") + text.encode("utf-8"))
            count += len(part)
        if exists is None and not (count or reversals or payments):
            return None  # a record that does not exist (a recorded batch always exists)
        sha.update(b'],"payments":' + _json(payments) + b',"reversals":' + _json(reversals))
        sha.update(b"}")
        return sha.hexdigest()

    def _cases(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        found = {
            r.id: {**_row(r, ("pk", "version", "open_key")), "items": [], "payments": []}
            for r in self.session.execute(select(_cases).where(_cases.c.id.in_(ids)))
        }
        items = self.session.execute(
            select(_items).where(_items.c.case_id.in_(ids)).order_by(_items.c.decision_id)
        )
        for i in items:
            if i.case_id in found:
                found[i.case_id]["items"].append(_row(i, ("pk", "case_id")))
        payments = self.session.execute(
            select(_payments).where(_payments.c.case_id.in_(ids)).order_by(_payments.c.id)
        )
        for p in payments:
            if p.case_id in found:
                found[p.case_id]["payments"].append(_row(p, ("pk", "case_id", "export_batch")))
        return found

    def _users(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        u = _users.c
        rows = self.session.execute(
            select(u.username, u.role, u.active, u.must_change_password).where(u.username.in_(ids))
        )
        return {
            r.username: {
                "role": r.role,
                "active": bool(r.active),
                "must_change_password": bool(r.must_change_password),
            }
            for r in rows
        }

    def _policies(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        a = _activations.c
        found: dict[str, dict[str, Any]] = {}
        rows = self.session.execute(
            select(a.policy_hash, a.activated_at, a.activated_by, a.station, a.note)
            .where(a.policy_hash.in_(ids))
            .order_by(a.policy_hash, a.activated_at, a.id)
        )
        for r in rows:
            record = found.setdefault(r.policy_hash, {"text_sha256": None, "activations": []})
            record["activations"].append(
                [_plain(r.activated_at), r.activated_by, r.station, r.note]
            )
        texts = self.session.execute(
            select(_policies.c.hash, _policies.c.text).where(_policies.c.hash.in_(list(found)))
        )
        for policy_hash, text in texts:
            found[policy_hash]["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return found
