"""The audit log and its head lock, and the policy versions with their activations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import NAME, Base, UtcDateTime

#: The id of the single row of ``audit_head_lock`` (see ``AuditHeadLockRow``).
AUDIT_LOCK_ID = 1


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
