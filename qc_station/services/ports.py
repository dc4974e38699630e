"""The ports the services need, as protocols: repositories, the unit of work, the photo
store, the password hasher and the clock. ``adapters`` implements them for SQLAlchemy and the
file system; ``tests/fakes.py`` implements them in memory.

Rules every implementation keeps:
- objects handed out are copies: changing one changes nothing until it is given back to
  ``add``/``save`` and the unit of work commits;
- ``commit`` is explicit; leaving the ``with`` block without it rolls back;
- ``RmaRepository.save_unit`` is an optimistic update: it raises ``Conflict`` when the
  unit's ``version`` is no longer the stored one (another station changed it), and bumps
  the version of the object it was given on success.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from qc_station.domain.audit import AuditEntry, AuditEvent
from qc_station.domain.dispute import Dispute
from qc_station.domain.enums import UnitState
from qc_station.domain.model import Decision, Inspection, Product, Rma, User

# ExportRow lives with the finance rows; it is imported from here too (``ports.ExportRow``).
from .finance_rows import ExportRow as ExportRow
from .recovery_ports import RecoveryRepository
from .sign_in_ports import SignInRepository
from .stats_ports import StatsQueries
from .video_ports import VideoRepository


class RmaRepository(Protocol):
    def get(self, code: str) -> Rma | None:
        """The RMA with its lines and units, by its code (exact match)."""

    def get_by_lpn(self, lpn: str) -> Rma | None:
        """The RMA that holds the unit with this LPN (exact match)."""

    def get_many(self, codes: Collection[str]) -> dict[str, Rma]:
        """The RMAs among ``codes`` that exist, keyed by code (for imports, in bulk)."""

    def add(self, rma: Rma) -> None:
        """Insert a new RMA with its lines and units."""

    def add_many(self, rmas: Sequence[Rma]) -> None:
        """Insert many new RMAs at once (imports); the fast path, same result as ``add``."""

    def replace_lines(self, rma: Rma) -> None:
        """Rewrite the header, lines and units of an RMA whose units are all ``expected``
        (a changed manifest row); the units are rebuilt from the lines."""

    def save_unit(
        self,
        lpn: str,
        state: UnitState,
        claimed_station: str | None,
        claimed_by: str | None,
        claimed_at: datetime | None,
        expected_version: int,
    ) -> int:
        """Write a unit's state and claim if its version is still ``expected_version``;
        return the new version. Raises ``Conflict`` otherwise."""

    def set_reopened_by(self, lpn: str, username: str) -> None:
        """Record who reopened the unit (SPEC §7.3), inside the reopen's unit of work."""

    def lock_unit(self, lpn: str) -> None:
        """Hold the unit's row until the unit of work ends, before reading it to change it.

        Every write path takes the unit first (then the audit head), so two stations never
        wait on each other in opposite orders, and the second reads the first's result
        instead of failing on a stale version. PostgreSQL: ``SELECT … FOR UPDATE``; SQLite
        and the fake need nothing (writers take turns). An unknown LPN is not an error."""

    def units_in_state(self, state: UnitState, limit: int = 500) -> list[str]:
        """LPNs of units in ``state``, oldest RMA first."""

    def units_matching(self, field: str, value: str, limit: int = 50) -> list[UnitRef]:
        """The units of the RMAs whose ``field`` (one of :data:`UNIT_SEARCH_FIELDS`: order
        id, tracking number, customer, or a line's SKU, then only that line's units) is
        exactly ``value``, oldest RMA first, then by unit: at most ``limit`` (the unit
        history, SPEC §8)."""

    def count(self) -> int: ...


#: The RMA fields ``RmaRepository.units_matching`` searches.
UNIT_SEARCH_FIELDS = ("order_id", "tracking", "customer", "sku")


@dataclass(frozen=True)
class UnitRef:
    """A unit found by a search: its RMA's code and its LPN."""

    rma_code: str
    lpn: str


class InspectionRepository(Protocol):
    def add(self, inspection: Inspection) -> None: ...

    def get(self, inspection_id: str) -> Inspection | None: ...

    def for_unit(self, lpn: str) -> list[Inspection]:
        """Every inspection of the unit, oldest first, with photos and checklist."""


class DecisionRepository(Protocol):
    def add(self, decision: Decision) -> None: ...

    def save(self, decision: Decision) -> None:
        """Write status, approval, deadlines and export batch of an existing decision."""

    def get(self, decision_id: str) -> Decision | None: ...

    def current(self, lpn: str) -> Decision | None:
        """The unit's latest decision that is not superseded or rejected, if any."""

    def current_many(self, lpns: Collection[str]) -> dict[str, Decision]:
        """:meth:`current` of several units at once (those without one are left out)."""

    def for_unit(self, lpn: str) -> list[Decision]:
        """Every decision of the unit, oldest first."""

    def pending(self, limit: int = 1000) -> list[Decision]:
        """Decisions awaiting approval, oldest first."""

    def made_at_station(self, station: str, since: datetime, limit: int) -> list[Decision]:
        """Decisions made at ``station`` at or after ``since``, whatever their status,
        newest first: at most ``limit`` (the scan page's last decisions, issue 16)."""

    def units_decided_at_station(
        self, station: str, since: datetime, decided_by: str | None = None
    ) -> int:
        """How many units have a decision made at ``station`` at or after ``since`` (by
        ``decided_by`` when given), whatever its status: a unit decided twice counts once."""

    def assign_export_batch(self, batch_id: str) -> int:
        """Mark every final decision with no batch as part of ``batch_id`` in one statement
        (so two exports at once never take the same decision), then record the reversals
        the batch carries (SPEC §7.3): every exported decision that a reopen superseded, that
        no batch reverses yet, whose unit has a decision in ``batch_id`` (and that is not
        itself in ``batch_id``). Return how many rows the batch has: decisions plus
        reversals."""

    def reversed_rows(self, batch_id: str) -> list[ExportRow]:
        """The rows that ``batch_id`` reverses, exactly as they were exported (their own
        batch id in ``batch_id``), by LPN bytewise, decision time, decision pk. Few: loaded
        at once. The service turns each into its reversal row."""

    def export_rows(self, batch_id: str) -> Iterator[ExportRow]:
        """The batch's rows in a stable order (by LPN, then decision time), streamed."""

    def count_unexported(self) -> int: ...

    def unexported_rows(self, limit: int) -> list[ExportRow]:
        """The first ``limit`` rows the next export would take, in export order, with an
        empty ``batch_id``: a preview, nothing is marked."""

    def unexported_totals(self) -> list[CurrencyTotal]:
        """Rows and refund total per currency of what the next export would take, by
        currency code."""

    def batch_totals(self, batch_ids: Collection[str]) -> dict[str, list[CurrencyTotal]]:
        """Rows and refund total per currency of each of the recorded batches ``batch_ids``
        (a batch with no rows is left out), by currency code."""

    def refunds_due(self, limit: int = 500) -> list[Decision]:
        """Final decisions with a refund deadline that are not exported yet (the refund is
        still the warehouse's to hand to finance), earliest deadline first."""


class DisputeRepository(Protocol):
    def add(self, dispute: Dispute) -> None:
        """Insert a new dispute; ``Conflict`` if its decision has one already."""

    def save(self, dispute: Dispute) -> int:
        """Write a dispute's state, evidence and closing if its ``version`` is still the
        stored one; return the new version. ``Conflict`` otherwise (someone acted first)."""

    def get(self, dispute_id: str) -> Dispute | None: ...

    def for_decision(self, decision_id: str) -> Dispute | None: ...

    def for_unit(self, lpn: str) -> list[Dispute]:
        """Every dispute of the unit, oldest first."""

    def active(self, limit: int = 500) -> list[Dispute]:
        """Disputes not closed yet, earliest evidence deadline first (none last)."""

    def closed_since(self, since: datetime, limit: int = 500) -> list[Dispute]:
        """Disputes closed at or after ``since``, newest first."""


@dataclass(frozen=True)
class CurrencyTotal:
    """How many export rows are in one currency, and the sum of their refunds."""

    currency: str
    rows: int
    refund_amount: Decimal


@dataclass(frozen=True)
class ExportBatch:
    id: str
    created_at: datetime
    created_by: str
    station: str
    row_count: int
    sha256: str
    audit_head: str
    #: The finance CSV format the batch was written in (``formats/finance_csv.py``); a
    #: re-export writes that format again. Batches made before format 2 are format 1.
    format_version: int = 1


class ExportBatchRepository(Protocol):
    def add(self, batch: ExportBatch) -> None: ...

    def get(self, batch_id: str) -> ExportBatch | None: ...

    def list(self, limit: int = 100) -> list[ExportBatch]:
        """Newest first."""

    def last_id_with_prefix(self, prefix: str) -> str | None:
        """The highest batch id starting with ``prefix`` (to number today's batches).

        It also holds the batch numbering until the unit of work ends (PostgreSQL: a
        transaction advisory lock), so two exports at once take turns: the second then sees
        the first's batch id and members, and neither fails on a taken id."""


class UserRepository(Protocol):
    def get(self, username: str) -> User | None: ...

    def get_for_update(self, username: str) -> User | None:
        """The user as stored now, the row held until the unit of work ends (PostgreSQL:
        ``SELECT … FOR UPDATE``; SQLite and the fake need nothing, writers take turns), so
        that two stations counting failed sign-ins at once lose no count."""

    def lock_users(self) -> None:
        """Hold the set of users until the unit of work ends (PostgreSQL: a transaction
        advisory lock), so that two first-admin steps, or two changes that each leave one
        admin, take turns: the second then sees the first's result."""

    def get_by_badge(self, badge: str) -> User | None: ...

    def add(self, user: User) -> None: ...

    def save(self, user: User) -> None: ...

    def count(self) -> int: ...

    def list(self) -> list[User]: ...


class AuditRepository(Protocol):
    """The hash-chained audit log. Services :meth:`stage` what happened; the unit of work
    chains and appends the staged entries as the last thing before it commits, so the chain's
    head (one row every writer of the site locks) is held for that moment only."""

    def last(self) -> AuditEvent | None:
        """The newest event, locked against a concurrent append until commit."""

    def append(self, event: AuditEvent) -> None: ...

    def stage(self, entry: AuditEntry) -> None:
        """Keep ``entry`` for the chain; written by :meth:`write_staged` or at commit."""

    def write_staged(self) -> list[AuditEvent]:
        """Chain the staged entries after the (locked) head and append them; return them."""

    def iterate(self) -> Iterator[AuditEvent]:
        """Every event in sequence order, streamed."""

    def for_entity(self, entity: str, entity_id: str) -> list[AuditEvent]: ...

    def events_for(self, entity: str, entity_ids: Collection[str]) -> list[AuditEvent]:
        """Every event about one of ``entity_ids`` of ``entity``, in sequence order (read in
        batches, by the (entity, entity_id) index)."""


class RecordDigests(Protocol):
    """The digests of the records that audited changes leave (SPEC §6; ``domain/audit.py``
    ``RECORD_ENTITIES``), read from the rows as they stand in this unit of work."""

    def digests(self, entity: str, entity_ids: Collection[str]) -> dict[str, str]:
        """``record_digest`` of each record of ``entity`` named in ``entity_ids`` that
        exists (the others are left out); read in batches."""


class CatalogRepository(Protocol):
    def get(self, sku: str) -> Product | None: ...

    def get_many(self, skus: Collection[str]) -> dict[str, Product]: ...

    def upsert_many(self, products: Sequence[Product]) -> tuple[int, int]:
        """Insert new SKUs and update changed ones; return (added, updated)."""


class PolicyRepository(Protocol):
    def ensure(self, policy_hash: str, text: str, at: datetime) -> None:
        """Keep the text of every policy a decision was made under, once per hash."""

    def get(self, policy_hash: str) -> str | None: ...

    def activate(self, activation: PolicyActivation) -> None:
        """Record that the policy ``activation.policy_hash`` (whose text ``ensure`` kept) is
        the site's active one from now on; earlier activations stay as its history."""

    def active(self) -> PolicyActivation | None:
        """The latest activation, if a policy was ever activated."""

    def activations(self, limit: int = 100) -> list[PolicyActivation]:
        """Every activation, newest first."""


@dataclass(frozen=True)
class PolicyActivation:
    """A policy made the site's active one: by whom, from which station, when and why."""

    policy_hash: str
    activated_at: datetime
    activated_by: str
    station: str
    note: str


@dataclass(frozen=True)
class StationRecord:
    """A station as it last reported in (its heartbeat)."""

    name: str
    host: str
    version: str
    started_at: datetime
    last_seen: datetime


@dataclass(frozen=True)
class ClaimRecord:
    """A unit held by a station for inspection."""

    lpn: str
    station: str
    user: str
    since: datetime | None


class StationRepository(Protocol):
    def heartbeat(self, station: StationRecord) -> None:
        """Insert the station, or update its host, version, start and last-seen time."""

    def list_all(self) -> list[StationRecord]:
        """Every station that ever reported in, by name (bytewise)."""

    def claims(self) -> list[ClaimRecord]:
        """Every claimed unit, oldest claim first (then by LPN)."""


class UnitOfWork(Protocol):
    rmas: RmaRepository
    inspections: InspectionRepository
    decisions: DecisionRepository
    exports: ExportBatchRepository
    users: UserRepository
    audit: AuditRepository
    catalog: CatalogRepository
    policies: PolicyRepository
    stations: StationRepository
    sign_ins: SignInRepository  # journal sign-ins (sign_ins.py)
    disputes: DisputeRepository
    stats: StatsQueries  # the dashboard's aggregates (stats_ports.py)
    recovery: RecoveryRepository  # vendor returns and carrier claims (recovery_ports.py)
    records: RecordDigests  # what audited changes left, for the audit log (domain/audit.py)
    videos: VideoRepository  # unboxing videos of inspections (video_ports.py)

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    """``ServiceContext.uow``: each call returns a new, not yet opened, unit of work.

    ``read_only=True`` promises that the unit of work will not write or commit. On SQLite it
    then starts a deferred ``BEGIN`` instead of ``BEGIN IMMEDIATE``, so a lookup or a
    re-export never takes, or waits for, the write lock (WAL readers never wait for a
    writer). Other backends may ignore it.
    """

    def __call__(self, *, read_only: bool = False) -> UnitOfWork: ...


class PhotoStore(Protocol):
    """Content-addressed photo files: the SHA-256 of the bytes is the name."""

    def put(self, data: bytes) -> str:
        """Store the bytes (idempotent) and return their SHA-256 in hex."""

    def get(self, sha256: str) -> bytes: ...

    def path(self, sha256: str) -> Path: ...

    def exists(self, sha256: str) -> bool: ...


class PasswordHasher(Protocol):
    def hash(self, secret: str) -> str: ...

    def verify(self, stored_hash: str, secret: str) -> bool: ...


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""


@dataclass(frozen=True)
class JournalEntry:
    """A submission kept on the station while the server cannot take it (SPEC §10).

    ``id`` is the inspection's idempotent id; ``record`` holds the draft's fields as JSON
    values (``services.outbox`` writes and reads them); ``photos`` are the photo bytes in
    order; ``refused`` says why the server refused it on a replay, in English (the log, the
    command line; empty while it is only waiting), and ``refused_code`` with
    ``refused_params`` the same refusal as a code of the message catalogue, for the screens
    to word. An entry refused by an older version has only the English (no code)."""

    id: str
    record: dict[str, Any]
    photos: tuple[bytes, ...]
    refused: str = ""
    refused_code: str = ""
    refused_params: Mapping[str, Any] = field(default_factory=dict)


class Journal(Protocol):
    """The station's local, durable outbox of submissions."""

    def put(self, entry: JournalEntry) -> None:
        """Store the entry (replacing one with the same id) durably and atomically: after a
        crash the whole entry is there, or the previous one."""

    def entries(self) -> list[JournalEntry]:
        """Every entry, oldest first. Entries that cannot be read are set aside (never
        deleted) and left out."""

    def mark_refused(
        self,
        entry_id: str,
        reason: str,
        code: str = "",
        params: Mapping[str, Any] | None = None,
    ) -> None:
        """Keep the entry with the server's refusal: ``reason`` in English, ``code`` and
        ``params`` as the message catalogue has it (kept outside the signed record)."""

    def set_aside(
        self,
        entry_id: str,
        reason: str,
        code: str = "",
        params: Mapping[str, Any] | None = None,
    ) -> None:
        """Refuse an entry for good: out of ``entries``, never deleted (SPEC §6); the
        refusal is kept as ``mark_refused`` keeps it."""

    def kept_aside(self) -> list[JournalEntry]:
        """The entries ``set_aside`` refused, with their reason, oldest first."""

    def remove(self, entry_id: str) -> None:
        """Forget an entry (after the server stored it); an unknown id is not an error."""
