"""Recovery: vendor-return batches and carrier claims, their units and payments.

Revision ID: 0007_recovery
Revises: 0006_stations
Create Date: 2026-11-23

``recovery_cases`` (one per batch or claim; ``open_key`` unique while open, so a party has one
open case per kind), ``recovery_items`` (the units, a decision in at most one case, amounts in
minor units) and ``recovery_payments`` (money received, with the finance export batch it
went out in).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_recovery"
down_revision: str | Sequence[str] | None = "0006_stations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "recovery_cases",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("party", sa.String(length=255), nullable=False),
        sa.Column("open_key", sa.String(length=275), nullable=True),
        sa.Column("number", sa.String(length=64), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("opened_at", TZ, nullable=False),
        sa.Column("opened_by", sa.String(length=255), nullable=False),
        sa.Column("closed_at", TZ, nullable=True),
        sa.Column("closed_by", sa.String(length=255), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_recovery_cases"),
        sa.UniqueConstraint("id", name="uq_recovery_cases_id"),
        sa.UniqueConstraint("number", name="uq_recovery_cases_number"),
        sa.UniqueConstraint("open_key", name="uq_recovery_cases_open_key"),
    )
    op.create_index("ix_recovery_cases_state", "recovery_cases", ["state"])
    op.create_table(
        "recovery_items",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("lpn", sa.String(length=72), nullable=False),
        sa.Column("decision_id", sa.String(length=64), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("added_at", TZ, nullable=False),
        sa.Column("claim_due_at", TZ, nullable=True),
        sa.Column("pulled_at", TZ, nullable=True),
        sa.Column("pulled_by", sa.String(length=255), nullable=True),
        sa.Column("pull_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["recovery_cases.id"], name="fk_recovery_items_case_id_recovery_cases"
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name="fk_recovery_items_decision_id_decisions"
        ),
        sa.ForeignKeyConstraint(["lpn"], ["units.lpn"], name="fk_recovery_items_lpn_units"),
        sa.PrimaryKeyConstraint("pk", name="pk_recovery_items"),
        sa.UniqueConstraint("decision_id", name="uq_recovery_items_decision_id"),
    )
    op.create_index("ix_recovery_items_case_id", "recovery_items", ["case_id"])
    op.create_index("ix_recovery_items_lpn", "recovery_items", ["lpn"])
    op.create_table(
        "recovery_payments",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
        sa.Column("recorded_by", sa.String(length=255), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("export_batch", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["recovery_cases.id"], name="fk_recovery_payments_case_id_recovery_cases"
        ),
        sa.PrimaryKeyConstraint("pk", name="pk_recovery_payments"),
        sa.UniqueConstraint("id", name="uq_recovery_payments_id"),
    )
    op.create_index("ix_recovery_payments_case_id", "recovery_payments", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_recovery_payments_case_id", table_name="recovery_payments")
    op.drop_table("recovery_payments")
    op.drop_index("ix_recovery_items_lpn", table_name="recovery_items")
    op.drop_index("ix_recovery_items_case_id", table_name="recovery_items")
    op.drop_table("recovery_items")
    op.drop_index("ix_recovery_cases_state", table_name="recovery_cases")
    op.drop_table("recovery_cases")
