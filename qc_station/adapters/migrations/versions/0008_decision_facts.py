"""The dashboard's fact rows: one narrow row per unit with a current decision.

Revision ID: 0008_decision_facts
Revises: 0007_recovery
Create Date: 2026-11-23

``decision_facts`` holds, per unit whose current decision (pending or final) exists, the
keys the dashboard's figures group and filter by, copied from the decision, its inspection,
the unit's RMA line and RMA (see ``adapters/sql_facts.py``, which keeps it in step from now
on). The back-fill is one ``INSERT … SELECT`` written out here, as a migration must not change
when the application code does; the indexes are built after it, which is faster than
maintaining them row by row. Each index covers one figure, so the figure reads no table rows.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_decision_facts"
down_revision: str | Sequence[str] | None = "0007_recovery"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)

INDEXES: list[list[str]] = [
    ["decision_pk"],
    ["decided_at"],
    ["sku", "decided_at"],
    ["carrier", "finding", "decided_at"],
    ["supplier", "finding", "decided_at"],
    ["reason", "finding", "decided_at"],
    ["grade", "decided_at"],
    ["disposition", "decided_at"],
    ["inspector", "seconds", "decided_at"],
    ["seconds", "decided_at"],
    ["status", "currency", "refund_minor", "decided_at"],
    ["status", "exported_at", "refund_due_at", "decided_at"],
    ["status", "dispute_due_at", "decided_at"],
]
# Named: the generated name would pass PostgreSQL's 63-character limit.
CHARGEBACKS = "ix_decision_facts_chargebacks"
CHARGEBACK_COLUMNS = ["recovery", "status", "supplier", "currency", "recovery_minor", "decided_at"]


BACKFILL = """
INSERT INTO decision_facts (
    lpn, decision_pk, rma_code, status, decided_at, sku, supplier, category, carrier, market,
    reason, grade, finding, inspector, seconds, headline, resolution, disposition, currency,
    refund_minor, recovery, recovery_minor, refund_due_at, dispute_due_at, exported_at)
SELECT d.lpn, d.pk, u.rma_code, d.status, d.decided_at, l.sku, l.supplier, l.category,
    r.carrier, r.market, trim(r.stated_reason), i.grade, i.finding, i.inspector, {seconds},
    d.final_headline, d.final_resolution, d.final_disposition, d.currency,
    d.final_refund_minor, d.final_recovery, d.final_recovery_minor, d.refund_due_at,
    d.dispute_due_at, b.created_at
FROM decisions d
JOIN inspections i ON i.id = d.inspection_id
JOIN units u ON u.lpn = d.lpn
JOIN rma_lines l ON l.rma_code = u.rma_code AND l.line_no = u.line_no
JOIN rmas r ON r.code = u.rma_code
LEFT JOIN export_batch_members m ON m.decision_id = d.pk
LEFT JOIN export_batches b ON b.id = m.batch_id
WHERE d.status IN ('pending', 'final')
  AND NOT EXISTS (
    SELECT 1 FROM decisions n
    WHERE n.lpn = d.lpn AND n.status IN ('pending', 'final')
      AND (n.decided_at > d.decided_at OR (n.decided_at = d.decided_at AND n.pk > d.pk)))
"""

SECONDS = {
    "postgresql": "CAST(round(EXTRACT(EPOCH FROM i.ended_at - i.started_at)) AS INTEGER)",
    "sqlite": "CAST(round((julianday(i.ended_at) - julianday(i.started_at)) * 86400) AS INTEGER)",
}


def _name(columns: list[str]) -> str:
    return "ix_decision_facts_" + "_".join(columns)


def upgrade() -> None:
    op.create_table(
        "decision_facts",
        sa.Column("lpn", sa.String(length=72), nullable=False),
        sa.Column("decision_pk", sa.Integer(), nullable=False),
        sa.Column("rma_code", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_at", TZ, nullable=False),
        sa.Column("sku", sa.String(length=255), nullable=False),
        sa.Column("supplier", sa.String(length=255), nullable=False),
        sa.Column("category", sa.String(length=255), nullable=False),
        sa.Column("carrier", sa.String(length=255), nullable=False),
        sa.Column("market", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.String(length=2000), nullable=False),
        sa.Column("grade", sa.String(length=4), nullable=False),
        sa.Column("finding", sa.String(length=32), nullable=False),
        sa.Column("inspector", sa.String(length=255), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.Column("headline", sa.String(length=16), nullable=False),
        sa.Column("resolution", sa.String(length=24), nullable=False),
        sa.Column("disposition", sa.String(length=24), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("refund_minor", sa.BigInteger(), nullable=False),
        sa.Column("recovery", sa.String(length=24), nullable=True),
        sa.Column("recovery_minor", sa.BigInteger(), nullable=True),
        sa.Column("refund_due_at", TZ, nullable=True),
        sa.Column("dispute_due_at", TZ, nullable=True),
        sa.Column("exported_at", TZ, nullable=True),
        sa.ForeignKeyConstraint(["lpn"], ["units.lpn"], name="fk_decision_facts_lpn_units"),
        sa.PrimaryKeyConstraint("lpn", name="pk_decision_facts"),
    )
    dialect = op.get_bind().dialect.name
    op.execute(BACKFILL.format(seconds=SECONDS.get(dialect, SECONDS["sqlite"])))
    for columns in INDEXES:
        op.create_index(_name(columns), "decision_facts", columns)
    op.create_index(CHARGEBACKS, "decision_facts", CHARGEBACK_COLUMNS)
    # Batches whose export time is already on their fact rows (the back-fill above did it for
    # every batch so far); a new batch's rows are stamped later, by the dashboard (sql_facts).
    op.add_column(
        "export_batches",
        sa.Column("facts_synced", sa.Boolean(), nullable=False, server_default=sa.true()),
    )


def downgrade() -> None:
    with op.batch_alter_table("export_batches") as batch:
        batch.drop_column("facts_synced")
    op.drop_index(CHARGEBACKS, table_name="decision_facts")
    for columns in reversed(INDEXES):
        op.drop_index(_name(columns), table_name="decision_facts")
    op.drop_table("decision_facts")
