"""Indexes for the unit history's lookups (issue 18, SPEC §8 "Unit history").

Revision ID: 0011_history_indexes
Revises: 0010_videos
Create Date: 2026-12-05

The history finds a unit by its RMA's order id, tracking number or customer
(``RmaRepository.units_matching``). Without an index each lookup read every RMA; with
``ix_rmas_order_id``, ``ix_rmas_tracking`` and ``ix_rmas_customer`` it is a search, however
many returns the site has taken in.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011_history_indexes"
down_revision: str | Sequence[str] | None = "0010_videos"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The indexed columns of ``rmas``, in the order they are created.
COLUMNS = ("order_id", "tracking", "customer")


def upgrade() -> None:
    for column in COLUMNS:
        op.create_index(f"ix_rmas_{column}", "rmas", [column])


def downgrade() -> None:
    for column in reversed(COLUMNS):
        op.drop_index(f"ix_rmas_{column}", table_name="rmas")
