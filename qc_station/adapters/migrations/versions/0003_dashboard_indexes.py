"""Indexes for the dashboard's figures and drill-downs.

Revision ID: 0003_dashboard_indexes
Revises: 0002_export_batch_members
Create Date: 2026-11-24

Every dashboard figure starts from the current decisions of a period (status pending or
final, ``decided_at`` in the period): ``ix_decisions_status_decided_at`` gives them as a
range per status. The drill-down from a flagged SKU, supplier or carrier lists that one's
units: ``ix_rma_lines_sku``, ``ix_rma_lines_supplier`` and ``ix_rmas_carrier`` find them
without reading every line or RMA.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_dashboard_indexes"
down_revision: str | Sequence[str] | None = "0002_export_batch_members"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_decisions_status_decided_at", "decisions", ["status", "decided_at"])
    op.create_index("ix_rma_lines_sku", "rma_lines", ["sku"])
    op.create_index("ix_rma_lines_supplier", "rma_lines", ["supplier"])
    op.create_index("ix_rmas_carrier", "rmas", ["carrier"])


def downgrade() -> None:
    op.drop_index("ix_rmas_carrier", table_name="rmas")
    op.drop_index("ix_rma_lines_supplier", table_name="rma_lines")
    op.drop_index("ix_rma_lines_sku", table_name="rma_lines")
    op.drop_index("ix_decisions_status_decided_at", table_name="decisions")
