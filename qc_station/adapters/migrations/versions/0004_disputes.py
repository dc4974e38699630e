"""Disputes: the life of a final DISPUTE decision after approval.

Revision ID: 0004_disputes
Revises: 0003_dashboard_indexes
Create Date: 2026-11-24

One row per dispute (at most one per decision): the unit, the decision, the disputed amount
in minor units of its currency, the state (open, evidence_sent, won, lost, settled,
withdrawn), the evidence deadline and when the evidence went out, the closing and a
settlement's amount, and a version for the optimistic lock. Indexed by LPN (a unit's
disputes) and state (the open ones, for the deadlines screen).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_disputes"
down_revision: str | Sequence[str] | None = "0003_dashboard_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "disputes",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("lpn", sa.String(length=72), nullable=False),
        sa.Column("decision_id", sa.String(length=64), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("disputed_minor", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("opened_at", TZ, nullable=False),
        sa.Column("opened_by", sa.String(length=255), nullable=False),
        sa.Column("evidence_due_at", TZ, nullable=True),
        sa.Column("evidence_sent_at", TZ, nullable=True),
        sa.Column("evidence_sent_by", sa.String(length=255), nullable=True),
        sa.Column("evidence_note", sa.Text(), nullable=False),
        sa.Column("closed_at", TZ, nullable=True),
        sa.Column("closed_by", sa.String(length=255), nullable=True),
        sa.Column("close_note", sa.Text(), nullable=False),
        sa.Column("settled_minor", sa.BigInteger(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name="fk_disputes_decision_id_decisions"
        ),
        sa.ForeignKeyConstraint(["lpn"], ["units.lpn"], name="fk_disputes_lpn_units"),
        sa.PrimaryKeyConstraint("pk", name="pk_disputes"),
        sa.UniqueConstraint("decision_id", name="uq_disputes_decision_id"),
        sa.UniqueConstraint("id", name="uq_disputes_id"),
    )
    op.create_index("ix_disputes_lpn", "disputes", ["lpn"])
    op.create_index("ix_disputes_state", "disputes", ["state"])


def downgrade() -> None:
    op.drop_index("ix_disputes_state", table_name="disputes")
    op.drop_index("ix_disputes_lpn", table_name="disputes")
    op.drop_table("disputes")
