"""Initial schema: RMAs, lines, units, inspections and photos, decisions, users, audit log,
product catalog, policies, export batches.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23

Matches qc_station/adapters/orm.py at the time of writing (tests/integration/test_database.py
compares the two). Money columns are BigInteger minor units; times are
DateTime(timezone=True) (the models' UtcDateTime). Names follow the models' naming
convention, written out here so this file never changes meaning when the convention does.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "rmas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("order_id", sa.String(length=255), nullable=False),
        sa.Column("customer", sa.String(length=255), nullable=False),
        sa.Column("market", sa.String(length=8), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("order_date", sa.Date(), nullable=True),
        sa.Column("delivery_date", sa.Date(), nullable=True),
        sa.Column("request_date", sa.Date(), nullable=True),
        sa.Column("requested_resolution", sa.String(length=16), nullable=False),
        sa.Column("stated_reason", sa.String(length=2000), nullable=False),
        sa.Column("carrier", sa.String(length=255), nullable=False),
        sa.Column("tracking", sa.String(length=255), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_name", sa.String(length=255), nullable=False),
        sa.Column("created_at", TZ, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_rmas"),
        sa.UniqueConstraint("code", name="uq_rmas_code"),
    )
    op.create_table(
        "rma_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rma_code", sa.String(length=64), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=255), nullable=False),
        sa.Column("product_name", sa.String(length=2000), nullable=False),
        sa.Column("category", sa.String(length=255), nullable=False),
        sa.Column("supplier", sa.String(length=255), nullable=False),
        sa.Column("unit_price_minor", sa.BigInteger(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rma_code"], ["rmas.code"], name="fk_rma_lines_rma_code_rmas", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_rma_lines"),
        sa.UniqueConstraint("rma_code", "line_no", name="uq_rma_lines_rma_code_line_no"),
    )
    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lpn", sa.String(length=72), nullable=False),
        sa.Column("rma_code", sa.String(length=64), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("unit_no", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("claimed_station", sa.String(length=255), nullable=True),
        sa.Column("claimed_by", sa.String(length=255), nullable=True),
        sa.Column("claimed_at", TZ, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rma_code", "line_no"],
            ["rma_lines.rma_code", "rma_lines.line_no"],
            name="fk_units_rma_code_line_no_rma_lines",
        ),
        sa.ForeignKeyConstraint(["rma_code"], ["rmas.code"], name="fk_units_rma_code_rmas"),
        sa.PrimaryKeyConstraint("id", name="pk_units"),
        sa.UniqueConstraint("lpn", name="uq_units_lpn"),
    )
    op.create_index("ix_units_rma_code", "units", ["rma_code"])
    op.create_index("ix_units_state", "units", ["state"])

    op.create_table(
        "inspections",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("lpn", sa.String(length=72), nullable=False),
        sa.Column("inspector", sa.String(length=255), nullable=False),
        sa.Column("station", sa.String(length=255), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("ended_at", TZ, nullable=True),
        sa.Column("grade", sa.String(length=4), nullable=False),
        sa.Column("finding", sa.String(length=32), nullable=False),
        sa.Column("checklist", sa.JSON(), nullable=False),
        sa.Column("serial", sa.String(length=255), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["lpn"], ["units.lpn"], name="fk_inspections_lpn_units"),
        sa.PrimaryKeyConstraint("pk", name="pk_inspections"),
        sa.UniqueConstraint("id", name="uq_inspections_id"),
    )
    op.create_index("ix_inspections_lpn", "inspections", ["lpn"])

    op.create_table(
        "inspection_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("captured_at", TZ, nullable=False),
        sa.Column("station", sa.String(length=255), nullable=False),
        sa.Column("original_name", sa.String(length=2000), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name="fk_inspection_photos_inspection_id_inspections",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_inspection_photos"),
        sa.UniqueConstraint(
            "inspection_id", "position", name="uq_inspection_photos_inspection_id_position"
        ),
    )
    op.create_index("ix_inspection_photos_sha256", "inspection_photos", ["sha256"])

    op.create_table(
        "decisions",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("lpn", sa.String(length=72), nullable=False),
        sa.Column("inspection_id", sa.String(length=64), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("unit_price_minor", sa.BigInteger(), nullable=False),
        sa.Column("proposed_headline", sa.String(length=16), nullable=False),
        sa.Column("proposed_resolution", sa.String(length=24), nullable=False),
        sa.Column("proposed_disposition", sa.String(length=24), nullable=False),
        sa.Column("proposed_deduction_pct", sa.Integer(), nullable=False),
        sa.Column("proposed_refund_minor", sa.BigInteger(), nullable=False),
        sa.Column("proposed_recovery", sa.String(length=24), nullable=True),
        sa.Column("proposed_recovery_minor", sa.BigInteger(), nullable=True),
        sa.Column("final_headline", sa.String(length=16), nullable=False),
        sa.Column("final_resolution", sa.String(length=24), nullable=False),
        sa.Column("final_disposition", sa.String(length=24), nullable=False),
        sa.Column("final_deduction_pct", sa.Integer(), nullable=False),
        sa.Column("final_refund_minor", sa.BigInteger(), nullable=False),
        sa.Column("final_recovery", sa.String(length=24), nullable=True),
        sa.Column("final_recovery_minor", sa.BigInteger(), nullable=True),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("approval_reasons", sa.JSON(), nullable=False),
        sa.Column("decided_by", sa.String(length=255), nullable=False),
        sa.Column("station", sa.String(length=255), nullable=False),
        sa.Column("decided_at", TZ, nullable=False),
        sa.Column("policy_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("approved_by", sa.String(length=255), nullable=True),
        sa.Column("approved_at", TZ, nullable=True),
        sa.Column("approval_comment", sa.Text(), nullable=False),
        sa.Column("refund_due_at", TZ, nullable=True),
        sa.Column("dispute_due_at", TZ, nullable=True),
        sa.Column("export_batch", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name="fk_decisions_inspection_id_inspections"
        ),
        sa.ForeignKeyConstraint(["lpn"], ["units.lpn"], name="fk_decisions_lpn_units"),
        sa.PrimaryKeyConstraint("pk", name="pk_decisions"),
        sa.UniqueConstraint("id", name="uq_decisions_id"),
    )
    op.create_index("ix_decisions_lpn", "decisions", ["lpn"])
    op.create_index("ix_decisions_inspection_id", "decisions", ["inspection_id"])
    op.create_index("ix_decisions_status_export_batch", "decisions", ["status", "export_batch"])

    op.create_table(
        "users",
        sa.Column("username", sa.String(length=255), nullable=False),
        sa.Column("full_name", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=2000), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("badge", sa.String(length=255), nullable=True),
        sa.Column("pin_hash", sa.String(length=2000), nullable=True),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", TZ, nullable=True),
        sa.Column("created_at", TZ, nullable=True),
        sa.PrimaryKeyConstraint("username", name="pk_users"),
        sa.UniqueConstraint("badge", name="uq_users_badge"),
    )

    op.create_table(
        "audit_events",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("actor", sa.String(length=255), nullable=False),
        sa.Column("station", sa.String(length=255), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=255), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("old", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("new", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_audit_events"),
    )
    op.create_index("ix_audit_events_entity_entity_id", "audit_events", ["entity", "entity_id"])

    lock = op.create_table(
        "audit_head_lock",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_head_lock"),
    )
    # The one row AuditRepository.last() locks (orm.AUDIT_LOCK_ID).
    op.bulk_insert(lock, [{"id": 1}])

    op.create_table(
        "products",
        sa.Column("sku", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=2000), nullable=False),
        sa.Column("category", sa.String(length=255), nullable=False),
        sa.Column("supplier", sa.String(length=255), nullable=False),
        sa.Column("unit_price_minor", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("units_sold", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("sku", name="pk_products"),
    )
    op.create_table(
        "policies",
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("hash", name="pk_policies"),
    )
    op.create_table(
        "export_batches",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", sa.String(length=255), nullable=False),
        sa.Column("station", sa.String(length=255), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("audit_head", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_export_batches"),
    )


def downgrade() -> None:
    for table in (
        "export_batches",
        "policies",
        "products",
        "audit_head_lock",
        "audit_events",
        "users",
        "decisions",
        "inspection_photos",
        "inspections",
        "units",
        "rma_lines",
        "rmas",
    ):
        # Indexes go with their table on both SQLite and PostgreSQL.
        op.drop_table(table)
