"""The audit log's hash chain (SPEC §6): each event carries the hash of the one before.

``verify_chain`` finds any edited, inserted, deleted or reordered event; a head taken earlier
(``SEQ:HASH``) catches events cut off the end, which a chain alone cannot see.

An event about one of the :data:`RECORD_ENTITIES` also carries ``record_sha256``, the
:func:`record_digest` of the record as the change left it, inside its hash: ``audit verify``
recomputes the digests from today's rows, so a record edited behind the application's back
no longer matches its latest event. Events written before there were digests have none and
hash exactly as they always did. Whoever edits a record and writes its new digest into the
event must also rehash every event after it: the chain then verifies, but no longer extends a
head taken earlier (``--checkpoint``, the heads on export batches and reports).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .errors import ValidationError

GENESIS = "0" * 64

#: The entities whose events carry the digest of their record (SPEC §6): a decision (with its
#: approval), an inspection, an export batch's membership, a recovery case (its payments), a
#: user's role and state, a policy's activations.
RECORD_ENTITIES = frozenset({"decision", "inspection", "export", "recovery_case", "user", "policy"})


def record_digest(content: Any) -> str:
    """SHA-256 (hex) of a record's canonical content: JSON with sorted keys and no spaces.
    Adapters hand in plain values only (UTC ISO times, money as integer minor units), so
    SQLite and PostgreSQL give the same digest; ``None`` is a record that does not exist."""
    body = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


#: The digest of a record that does not exist.
ABSENT = record_digest(None)


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    actor: str
    station: str
    at: datetime  # UTC
    entity: str  # e.g. "unit", "rma", "user", "decision", "export"
    entity_id: str
    action: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    prev_hash: str
    hash: str
    #: :func:`record_digest` of the record as this change left it; None on events before
    #: digests, and on events about other entities.
    record_sha256: str | None = None


def _canonical(value: Any) -> Any:
    return json.loads(json.dumps(value, sort_keys=True, default=str)) if value is not None else None


def event_hash(
    seq: int,
    actor: str,
    station: str,
    at: datetime,
    entity: str,
    entity_id: str,
    action: str,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
    prev_hash: str,
    record_sha256: str | None = None,
) -> str:
    fields: list[Any] = [
        seq,
        actor,
        station,
        at.isoformat(timespec="microseconds"),
        entity,
        entity_id,
        action,
        _canonical(old),
        _canonical(new),
        prev_hash,
    ]
    if record_sha256 is not None:
        # Only when present: an event without a digest hashes as before digests existed.
        fields.append(record_sha256)
    body = json.dumps(
        fields,
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def make_event(
    previous: AuditEvent | None,
    actor: str,
    station: str,
    at: datetime,
    entity: str,
    entity_id: str,
    action: str,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    record_sha256: str | None = None,
) -> AuditEvent:
    seq = previous.seq + 1 if previous else 1
    prev_hash = previous.hash if previous else GENESIS
    old_c, new_c = _canonical(old), _canonical(new)
    digest = event_hash(
        seq, actor, station, at, entity, entity_id, action, old_c, new_c, prev_hash, record_sha256
    )
    return AuditEvent(
        seq,
        actor,
        station,
        at,
        entity,
        entity_id,
        action,
        old_c,
        new_c,
        prev_hash,
        digest,
        record_sha256,
    )


@dataclass(frozen=True)
class AuditEntry:
    """An event not yet in the chain: what happened, before its place (seq) and hashes are
    known. Units of work keep entries until they commit, then chain them with
    :func:`chain_entries`."""

    actor: str
    station: str
    at: datetime
    entity: str
    entity_id: str
    action: str
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None


def entry_record_digests(
    entries: Iterable[AuditEntry],
    digests: Callable[[str, Collection[str]], Mapping[str, str]],
) -> dict[tuple[str, str], str]:
    """The digest each entry's record has now, by (entity, entity id), for the entries about
    :data:`RECORD_ENTITIES`; ``digests(entity, ids)`` reads them (a record it leaves out does
    not exist: :data:`ABSENT`). Called at commit, after everything else was written."""
    wanted: dict[str, dict[str, None]] = {}
    for e in entries:
        if e.entity in RECORD_ENTITIES:
            wanted.setdefault(e.entity, {})[e.entity_id] = None
    found: dict[tuple[str, str], str] = {}
    for entity, ids in wanted.items():
        current = digests(entity, list(ids))
        for entity_id in ids:
            found[(entity, entity_id)] = current.get(entity_id, ABSENT)
    return found


def chain_entries(
    previous: AuditEvent | None,
    entries: Sequence[AuditEntry],
    record_digests: Mapping[tuple[str, str], str] | None = None,
) -> list[AuditEvent]:
    """The entries as events chained, in order, after ``previous`` (None: the first ones).
    ``record_digests`` gives, by (entity, entity id), the digest each event carries."""
    digests = record_digests or {}
    events: list[AuditEvent] = []
    for e in entries:
        previous = make_event(
            previous,
            e.actor,
            e.station,
            e.at,
            e.entity,
            e.entity_id,
            e.action,
            e.old,
            e.new,
            digests.get((e.entity, e.entity_id)),
        )
        events.append(previous)
    return events


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    count: int
    head_seq: int
    head_hash: str
    problems: tuple[str, ...]

    @property
    def head(self) -> str:
        return f"{self.head_seq}:{self.head_hash}"


def parse_checkpoint(text: str) -> tuple[int, str]:
    seq_text, _, digest = text.strip().partition(":")
    if (
        not (seq_text.isascii() and seq_text.isdigit() and len(seq_text) <= 18)
        or len(digest) != 64
        or any(c not in "0123456789abcdef" for c in digest)
    ):
        raise ValidationError("audit.bad_checkpoint", field="checkpoint", value=text.strip()[:100])
    return int(seq_text), digest


def verify_chain(
    events: Iterable[AuditEvent], checkpoint: tuple[int, str] | None = None, max_problems: int = 20
) -> ChainReport:
    """Walk the chain in sequence order, recomputing each hash."""
    problems: list[str] = []
    expected_seq, prev_hash, count = 1, GENESIS, 0
    checkpoint_seen = checkpoint is None
    for event in events:
        count += 1
        if event.seq != expected_seq:
            problems.append(
                f"event {event.seq}: expected sequence number {expected_seq} "
                "(an event was deleted, inserted or reordered)"
            )
        if event.prev_hash != prev_hash:
            problems.append(f"event {event.seq}: does not follow the event before it")
        digest = event_hash(
            event.seq,
            event.actor,
            event.station,
            event.at,
            event.entity,
            event.entity_id,
            event.action,
            event.old,
            event.new,
            event.prev_hash,
            event.record_sha256,
        )
        if digest != event.hash:
            problems.append(f"event {event.seq}: its content was changed")
        if checkpoint is not None and event.seq == checkpoint[0]:
            checkpoint_seen = True
            if event.hash != checkpoint[1]:
                problems.append(
                    f"event {event.seq}: differs from the checkpoint (the chain was rewritten)"
                )
        expected_seq, prev_hash = event.seq + 1, event.hash
        if len(problems) >= max_problems:
            break
    if not checkpoint_seen and checkpoint is not None:
        problems.append(
            f"checkpoint event {checkpoint[0]} is missing: the log was cut short "
            f"(it ends at {expected_seq - 1})"
        )
    return ChainReport(
        not problems, count, expected_seq - 1, prev_hash if count else GENESIS, tuple(problems)
    )
