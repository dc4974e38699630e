"""What the station records of a unit: inspections, their photos and unboxing videos, the decisions
and their facts for the dashboard."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import CODE, NAME, TEXT, Base, UtcDateTime


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
