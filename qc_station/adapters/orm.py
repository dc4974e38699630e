"""The database schema as SQLAlchemy 2 typed models (one class per table).

These classes are the schema, nothing more: repositories in ``adapters/sql/`` turn rows
into the domain's dataclasses and back, so no ORM object ever leaves a unit of work.

Conventions, each chosen so SQLite (one station) and PostgreSQL (many stations) behave alike:

- Money is an exact integer count of minor units (cents, yen) in a ``BigInteger`` next to its
  currency; the repositories convert with ``qc_station.domain.money.minor_digits``. SQLite has
  no exact decimal type (``NUMERIC`` is stored as a float there), integers are exact on both.
- Times go through ``UtcDateTime``: stored as UTC, handed back timezone-aware UTC. SQLite
  keeps no time zone, PostgreSQL's ``timestamptz`` comes back in the session's zone.
- Enumerations are plain strings holding the enum's value, readable in any SQL client.
- Foreign keys follow the domain keys (RMA code, LPN, inspection id) so that bulk imports
  need no generated ids; the integer ``id`` columns give a stable insertion order.
- Constraint and index names come from one naming convention, so Alembic migrations can name
  them on both backends.

Keep ``migrations/versions`` in step with this file: ``tests/integration/test_database.py``
compares the two on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: The id of the single row of ``audit_head_lock`` (see ``AuditHeadLockRow``).
AUDIT_LOCK_ID = 1


class UtcDateTime(TypeDecorator[datetime]):
    """A point in time, stored as UTC and always returned timezone-aware in UTC.

    A naive datetime is refused rather than guessed: a wrong guess would shift audit times and
    deadlines by hours without anyone noticing.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: times must be timezone-aware")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            # SQLite stores the text without an offset; all stored values are UTC.
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Column widths: generous, since PostgreSQL enforces them (SQLite does not) and a manifest
# with a long product title must not fail on one station and pass on another.
CODE = 64
NAME = 255
TEXT = 2000


class RmaRow(Base):
    __tablename__ = "rmas"
    # The dashboard's drill-down by carrier (migration 0003).
    __table_args__ = (Index(None, "carrier"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    order_id: Mapped[str] = mapped_column(String(NAME))
    customer: Mapped[str] = mapped_column(String(NAME))
    market: Mapped[str] = mapped_column(String(8))
    currency: Mapped[str] = mapped_column(String(3))
    order_date: Mapped[date | None] = mapped_column(Date)
    delivery_date: Mapped[date | None] = mapped_column(Date)
    request_date: Mapped[date | None] = mapped_column(Date)
    requested_resolution: Mapped[str] = mapped_column(String(16))
    stated_reason: Mapped[str] = mapped_column(String(TEXT))
    carrier: Mapped[str] = mapped_column(String(NAME))
    tracking: Mapped[str] = mapped_column(String(NAME))
    source: Mapped[str] = mapped_column(String(16))
    source_name: Mapped[str] = mapped_column(String(NAME))
    created_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class RmaLineRow(Base):
    __tablename__ = "rma_lines"
    __table_args__ = (
        UniqueConstraint("rma_code", "line_no"),
        # The dashboard's drill-downs by SKU and by supplier (migration 0003).
        Index(None, "sku"),
        Index(None, "supplier"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rma_code: Mapped[str] = mapped_column(ForeignKey("rmas.code", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(NAME))
    product_name: Mapped[str] = mapped_column(String(TEXT))
    category: Mapped[str] = mapped_column(String(NAME))
    supplier: Mapped[str] = mapped_column(String(NAME))
    # In the RMA's currency; None when the manifest had no price and the catalog none either.
    unit_price_minor: Mapped[int | None] = mapped_column(BigInteger)
    quantity: Mapped[int] = mapped_column(Integer)


class UnitRow(Base):
    __tablename__ = "units"
    __table_args__ = (
        ForeignKeyConstraint(["rma_code", "line_no"], ["rma_lines.rma_code", "rma_lines.line_no"]),
        Index(None, "rma_code"),
        Index(None, "state"),
        # The stations screen lists claimed units (migration 0006).
        Index(None, "claimed_station"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lpn: Mapped[str] = mapped_column(String(CODE + 8), unique=True)
    rma_code: Mapped[str] = mapped_column(ForeignKey("rmas.code"))
    line_no: Mapped[int] = mapped_column(Integer)
    unit_no: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(24))
    claimed_station: Mapped[str | None] = mapped_column(String(NAME))
    claimed_by: Mapped[str | None] = mapped_column(String(NAME))
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Optimistic locking: every write checks and bumps it (RmaRepository.save_unit).
    version: Mapped[int] = mapped_column(Integer)
    #: Who last reopened the unit: the new decision needs approval by someone else (§7.3).
    reopened_by: Mapped[str | None] = mapped_column(String(NAME))


class InspectionRow(Base):
    __tablename__ = "inspections"
    __table_args__ = (Index(None, "lpn"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(CODE), unique=True)
    lpn: Mapped[str] = mapped_column(ForeignKey("units.lpn"))
    inspector: Mapped[str] = mapped_column(String(NAME))
    station: Mapped[str] = mapped_column(String(NAME))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    grade: Mapped[str] = mapped_column(String(4))
    finding: Mapped[str] = mapped_column(String(32))
    # {item key: "pass" | "fail" | "na"}; the keys come from the policy file.
    checklist: Mapped[dict[str, Any]] = mapped_column(JSON)
    serial: Mapped[str] = mapped_column(String(NAME))
    notes: Mapped[str] = mapped_column(Text)


class PhotoRow(Base):
    __tablename__ = "inspection_photos"
    __table_args__ = (UniqueConstraint("inspection_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    # The photo's place in the inspection's list, so it comes back in the same order.
    position: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    captured_at: Mapped[datetime] = mapped_column(UtcDateTime)
    station: Mapped[str] = mapped_column(String(NAME))
    original_name: Mapped[str] = mapped_column(String(TEXT))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)


class InspectionVideoRow(Base):
    """An unboxing video of an inspection (SPEC §7.5, migration 0010); the file is named by
    its SHA-256 in the video store. ``pruned_at``: when ``prune-videos`` deleted the file."""

    __tablename__ = "inspection_videos"
    __table_args__ = (UniqueConstraint("inspection_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    duration_ms: Mapped[int] = mapped_column(Integer)
    frames: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    codec: Mapped[str] = mapped_column(String(16))
    pruned_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class DecisionRow(Base):
    __tablename__ = "decisions"
    __table_args__ = (
        Index(None, "lpn"),
        Index(None, "inspection_id"),
        Index(None, "status"),
        # The dashboard's period: current decisions by time (migration 0003).
        Index(None, "status", "decided_at"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(CODE), unique=True)
    lpn: Mapped[str] = mapped_column(ForeignKey("units.lpn"))
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"))
    # Every amount below is in minor units of this currency.
    currency: Mapped[str] = mapped_column(String(3))
    unit_price_minor: Mapped[int] = mapped_column(BigInteger)

    proposed_headline: Mapped[str] = mapped_column(String(16))
    proposed_resolution: Mapped[str] = mapped_column(String(24))
    proposed_disposition: Mapped[str] = mapped_column(String(24))
    proposed_deduction_pct: Mapped[int] = mapped_column(Integer)
    proposed_refund_minor: Mapped[int] = mapped_column(BigInteger)
    proposed_recovery: Mapped[str | None] = mapped_column(String(24))
    proposed_recovery_minor: Mapped[int | None] = mapped_column(BigInteger)

    final_headline: Mapped[str] = mapped_column(String(16))
    final_resolution: Mapped[str] = mapped_column(String(24))
    final_disposition: Mapped[str] = mapped_column(String(24))
    final_deduction_pct: Mapped[int] = mapped_column(Integer)
    final_refund_minor: Mapped[int] = mapped_column(BigInteger)
    final_recovery: Mapped[str | None] = mapped_column(String(24))
    final_recovery_minor: Mapped[int | None] = mapped_column(BigInteger)

    overridden: Mapped[bool] = mapped_column(Boolean)
    override_reason: Mapped[str] = mapped_column(Text)
    # Lists of {"code", "text", "params"}.
    reasons: Mapped[list[Any]] = mapped_column(JSON)
    approval_reasons: Mapped[list[Any]] = mapped_column(JSON)
    decided_by: Mapped[str] = mapped_column(String(NAME))
    station: Mapped[str] = mapped_column(String(NAME))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)
    policy_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    approved_by: Mapped[str | None] = mapped_column(String(NAME))
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    approval_comment: Mapped[str] = mapped_column(Text)
    refund_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    dispute_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The export batch a decision went out in lives in ``export_batch_members``.


#: An LPN compared bytewise: PostgreSQL's default collation may ignore dashes, and the export
#: is ordered by code point (``COLLATE "C"``), so the index must be built in that order.
_BYTEWISE_LPN = String(CODE + 8).with_variant(String(CODE + 8, collation="C"), "postgresql")


class ExportBatchMemberRow(Base):
    """Which export batch a decision went out in: at most one (the key is the decision).

    Narrow on purpose: marking a batch is one ``INSERT … SELECT`` here instead of an UPDATE
    of every wide ``decisions`` row, and the index holds the batch's rows in export order
    (LPN bytewise, decision time, decision pk). No foreign key to ``export_batches``: the
    members are written first, the batch row once its rows are hashed.
    """

    __tablename__ = "export_batch_members"
    __table_args__ = (Index(None, "batch_id", "lpn", "decided_at", "decision_id"),)

    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.pk"), primary_key=True, autoincrement=False
    )
    batch_id: Mapped[str] = mapped_column(String(CODE))
    # Copies of the decision's, so the index alone gives the export's order.
    lpn: Mapped[str] = mapped_column(_BYTEWISE_LPN)
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ExportReversalRow(Base):
    """An exported decision that a later batch reverses (SPEC §7.3): the unit was reopened
    and decided again, so the later batch carries the exported amounts negated, then the new
    decision's row. At most one reversal per exported decision (the key)."""

    __tablename__ = "export_reversals"
    __table_args__ = (Index(None, "batch_id", "lpn", "decided_at", "decision_id"),)

    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.pk"), primary_key=True, autoincrement=False
    )
    #: The batch that carries the reversal row.
    batch_id: Mapped[str] = mapped_column(String(CODE))
    #: The batch the reversed row went out in (the CSV's ``reverses_batch``).
    reversed_batch: Mapped[str] = mapped_column(String(CODE))
    lpn: Mapped[str] = mapped_column(_BYTEWISE_LPN)
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SignInRow(Base):
    """A sign-in at a station, with the key its outage journal signs entries with (SPEC
    §6): a journal entry replays only as the user of the sign-in whose key signed it."""

    __tablename__ = "sign_ins"

    id: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    username: Mapped[str] = mapped_column(String(NAME))
    station: Mapped[str] = mapped_column(String(NAME))
    signed_in_at: Mapped[datetime] = mapped_column(UtcDateTime)
    key: Mapped[str] = mapped_column(String(64))


class UserRow(Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(NAME), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(NAME))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(TEXT))
    active: Mapped[bool] = mapped_column(Boolean)
    badge: Mapped[str | None] = mapped_column(String(NAME), unique=True)
    pin_hash: Mapped[str | None] = mapped_column(String(TEXT))
    failed_attempts: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    #: Set by an admin's password reset: a new password at the next sign-in (SPEC §6).
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )


class AuditEventRow(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index(None, "entity", "entity_id"),)

    # The chain's own sequence number is the key: a gap or a duplicate is refused here too.
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    actor: Mapped[str] = mapped_column(String(NAME))
    station: Mapped[str] = mapped_column(String(NAME))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(NAME))
    action: Mapped[str] = mapped_column(String(64))
    old: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    new: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    #: SHA-256 of the record as the change left it (SPEC §6); None on older events.
    record_sha256: Mapped[str | None] = mapped_column(String(64))


class AuditHeadLockRow(Base):
    """One row that ``AuditRepository.last`` locks (``SELECT … FOR UPDATE``) on PostgreSQL.

    Two stations appending at once would otherwise both read the same last event and chain
    to it. The lock holds until commit; the second station then reads the new last event.
    SQLite needs no lock row: every write transaction there is ``BEGIN IMMEDIATE``.
    """

    __tablename__ = "audit_head_lock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class ProductRow(Base):
    __tablename__ = "products"

    sku: Mapped[str] = mapped_column(String(NAME), primary_key=True)
    name: Mapped[str] = mapped_column(String(TEXT))
    category: Mapped[str] = mapped_column(String(NAME))
    supplier: Mapped[str] = mapped_column(String(NAME))
    unit_price_minor: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    units_sold: Mapped[int | None] = mapped_column(Integer)


class PolicyRow(Base):
    __tablename__ = "policies"

    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PolicyActivationRow(Base):
    """Each time a policy became the site's active one (migration 0005). The newest row is
    the active policy; older rows are its history. The texts stay in ``policies``."""

    __tablename__ = "policy_activations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_hash: Mapped[str] = mapped_column(ForeignKey("policies.hash"), index=True)
    activated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    activated_by: Mapped[str] = mapped_column(String(NAME))
    station: Mapped[str] = mapped_column(String(NAME))
    note: Mapped[str] = mapped_column(Text)


class ExportBatchRow(Base):
    __tablename__ = "export_batches"

    id: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(NAME))
    station: Mapped[str] = mapped_column(String(NAME))
    row_count: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    audit_head: Mapped[str] = mapped_column(String(NAME))
    #: The finance CSV format the batch was written in (``formats/finance_csv.py``).
    format_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # False until the dashboard's fact rows carry this batch's time (adapters/sql/facts.py).
    facts_synced: Mapped[bool] = mapped_column(Boolean, default=False, server_default=true())


class StationRow(Base):
    """A station of the site and its heartbeat (migration 0006): one row per station name,
    written by the station itself every few seconds while it runs."""

    __tablename__ = "stations"

    name: Mapped[str] = mapped_column(String(NAME), primary_key=True)
    host: Mapped[str] = mapped_column(String(NAME))
    version: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen: Mapped[datetime] = mapped_column(UtcDateTime)


class DisputeRow(Base):
    """A dispute about a final DISPUTE decision (migration 0004; ``domain/dispute.py``).

    At most one per decision (the unique key); amounts in minor units of ``currency``, as
    everywhere; ``version`` is the optimistic lock of ``DisputeRepository.save``."""

    __tablename__ = "disputes"
    __table_args__ = (Index(None, "lpn"), Index(None, "state"))

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(CODE), unique=True)
    lpn: Mapped[str] = mapped_column(ForeignKey("units.lpn"))
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), unique=True)
    currency: Mapped[str] = mapped_column(String(3))
    disputed_minor: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16))
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    opened_by: Mapped[str] = mapped_column(String(NAME))
    evidence_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    evidence_sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    evidence_sent_by: Mapped[str | None] = mapped_column(String(NAME))
    evidence_note: Mapped[str] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(NAME))
    close_note: Mapped[str] = mapped_column(Text)
    settled_minor: Mapped[int | None] = mapped_column(BigInteger)
    version: Mapped[int] = mapped_column(Integer)


class RecoveryCaseRow(Base):
    """A vendor-return batch or a carrier claim (migration 0007; ``domain/recovery.py``).

    ``open_key`` is ``kind:party`` while the case is open and NULL after, so the unique key
    allows one open case per party and kind on both backends (NULLs never collide)."""

    __tablename__ = "recovery_cases"
    __table_args__ = (Index(None, "state"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(CODE), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    party: Mapped[str] = mapped_column(String(NAME))
    open_key: Mapped[str | None] = mapped_column(String(NAME + 20), unique=True)
    number: Mapped[str | None] = mapped_column(String(CODE), unique=True)
    state: Mapped[str] = mapped_column(String(16))
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    opened_by: Mapped[str] = mapped_column(String(NAME))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(NAME))
    version: Mapped[int] = mapped_column(Integer)


class RecoveryItemRow(Base):
    """A unit in a recovery case; a decision is in at most one case (pulled ones too)."""

    __tablename__ = "recovery_items"
    __table_args__ = (Index(None, "case_id"), Index(None, "lpn"))

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("recovery_cases.id"))
    lpn: Mapped[str] = mapped_column(ForeignKey("units.lpn"))
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), unique=True)
    currency: Mapped[str] = mapped_column(String(3))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claim_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    pulled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    pulled_by: Mapped[str | None] = mapped_column(String(NAME))
    pull_reason: Mapped[str] = mapped_column(Text)


class RecoveryPaymentRow(Base):
    """Money received on a recovery case, in minor units of ``currency``."""

    __tablename__ = "recovery_payments"
    __table_args__ = (Index(None, "case_id"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(CODE), unique=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("recovery_cases.id"))
    currency: Mapped[str] = mapped_column(String(3))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_by: Mapped[str] = mapped_column(String(NAME))
    outcome: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)
    export_batch: Mapped[str | None] = mapped_column(String(CODE))


class DecisionFactRow(Base):
    """The dashboard's narrow row per unit with a current decision (docs/dashboard.md).

    Derived data, never edited on its own: ``adapters/sql/facts.refresh_facts`` rewrites a
    unit's row in the same transaction as each change to its decisions
    (``SqlDecisionRepository.add/save``), from the decision, its inspection, the unit's RMA
    line and RMA. It holds the keys every figure groups or filters by, so each figure is a
    scan of one covering index instead of four joins by text keys (migration 0008).
    """

    __tablename__ = "decision_facts"
    __table_args__ = (
        Index(None, "decision_pk"),
        Index(None, "decided_at"),
        Index(None, "sku", "decided_at"),
        Index(None, "carrier", "finding", "decided_at"),
        Index(None, "supplier", "finding", "decided_at"),
        Index(None, "reason", "finding", "decided_at"),
        Index(None, "grade", "decided_at"),
        Index(None, "disposition", "decided_at"),
        Index(None, "inspector", "seconds", "decided_at"),
        Index(None, "seconds", "decided_at"),
        Index(None, "status", "currency", "refund_minor", "decided_at"),
        # Named: the generated name would pass PostgreSQL's 63-character limit.
        Index(
            "ix_decision_facts_chargebacks",
            "recovery",
            "status",
            "supplier",
            "currency",
            "recovery_minor",
            "decided_at",
        ),
        # Deadlines: each count is a range of one of these two.
        Index(None, "status", "exported_at", "refund_due_at", "decided_at"),
        Index(None, "status", "dispute_due_at", "decided_at"),
    )

    lpn: Mapped[str] = mapped_column(ForeignKey("units.lpn"), primary_key=True)
    decision_pk: Mapped[int] = mapped_column(Integer)
    rma_code: Mapped[str] = mapped_column(String(CODE))
    status: Mapped[str] = mapped_column(String(16))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sku: Mapped[str] = mapped_column(String(NAME))
    supplier: Mapped[str] = mapped_column(String(NAME))
    category: Mapped[str] = mapped_column(String(NAME))
    carrier: Mapped[str] = mapped_column(String(NAME))
    market: Mapped[str] = mapped_column(String(8))
    # The RMA's stated reason, trimmed (the figure groups by the trimmed text).
    reason: Mapped[str] = mapped_column(String(TEXT))
    grade: Mapped[str] = mapped_column(String(4))
    finding: Mapped[str] = mapped_column(String(32))
    inspector: Mapped[str] = mapped_column(String(NAME))
    # Whole seconds of the inspection (end − start, rounded by the database).
    seconds: Mapped[int | None] = mapped_column(Integer)
    headline: Mapped[str] = mapped_column(String(16))
    resolution: Mapped[str] = mapped_column(String(24))
    disposition: Mapped[str] = mapped_column(String(24))
    currency: Mapped[str] = mapped_column(String(3))
    refund_minor: Mapped[int] = mapped_column(BigInteger)
    recovery: Mapped[str | None] = mapped_column(String(24))
    recovery_minor: Mapped[int | None] = mapped_column(BigInteger)
    refund_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    dispute_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # When the decision went out in a finance export batch (the batch's created_at).
    exported_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
