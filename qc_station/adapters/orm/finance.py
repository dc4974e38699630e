"""Finance exports: the batches, which decisions each carries, and the reversals of decisions
exported before a reopening."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import CODE, NAME, Base, UtcDateTime

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
