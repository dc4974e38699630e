"""Getting money back: disputes with marketplaces, and recovery cases (supplier chargebacks,
carrier claims) with their items and payments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import CODE, NAME, Base, UtcDateTime


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
