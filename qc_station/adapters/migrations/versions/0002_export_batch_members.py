"""Export batch membership in its own narrow table.

Revision ID: 0002_export_batch_members
Revises: 0001_initial
Create Date: 2026-11-23

Marking a batch used to be one UPDATE of every exported (wide) ``decisions`` row; it is now
one ``INSERT … SELECT`` into ``export_batch_members``: decision pk (the key, so a decision
is in at most one batch), batch id, and the two columns the export is ordered by. The index
on (batch_id, lpn, decided_at, decision_id) hands ``export_rows`` its rows in export order.
On PostgreSQL ``lpn`` is collated "C", the bytewise order the export uses.

``decisions.export_batch`` and its index are dropped; the repositories derive
``Decision.export_batch`` from the new table. Existing batch assignments are copied over.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_export_batch_members"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)
LPN = sa.String(length=72).with_variant(sa.String(length=72, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "export_batch_members",
        sa.Column("decision_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("batch_id", sa.String(length=64), nullable=False),
        sa.Column("lpn", LPN, nullable=False),
        sa.Column("decided_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.pk"],
            name="fk_export_batch_members_decision_id_decisions",
        ),
        sa.PrimaryKeyConstraint("decision_id", name="pk_export_batch_members"),
    )
    op.create_index(
        "ix_export_batch_members_batch_id_lpn_decided_at_decision_id",
        "export_batch_members",
        ["batch_id", "lpn", "decided_at", "decision_id"],
    )
    op.execute(
        "INSERT INTO export_batch_members (decision_id, batch_id, lpn, decided_at) "
        "SELECT pk, export_batch, lpn, decided_at FROM decisions "
        "WHERE export_batch IS NOT NULL"
    )
    op.drop_index("ix_decisions_status_export_batch", table_name="decisions")
    op.drop_column("decisions", "export_batch")
    op.create_index("ix_decisions_status", "decisions", ["status"])


def downgrade() -> None:
    op.drop_index("ix_decisions_status", table_name="decisions")
    op.add_column("decisions", sa.Column("export_batch", sa.String(length=64), nullable=True))
    op.execute(
        "UPDATE decisions SET export_batch = (SELECT m.batch_id FROM export_batch_members m "
        "WHERE m.decision_id = decisions.pk)"
    )
    op.create_index("ix_decisions_status_export_batch", "decisions", ["status", "export_batch"])
    op.drop_table("export_batch_members")
