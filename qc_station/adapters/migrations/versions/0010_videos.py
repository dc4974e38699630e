"""Unboxing videos (issue 18, SPEC §7.5): the clips recorded on an inspection.

Revision ID: 0010_videos
Revises: 0009_trust
Create Date: 2026-12-05

- ``inspection_videos``: one row per clip of an inspection, named by its SHA-256 (the file is
  ``ROOT/ab/<sha256>.mp4`` beside the photos), with its start, end, duration, frame count,
  size and codec; ``pruned_at`` is set when ``maintenance prune-videos`` deleted the file
  (the row stays: the audit log and the report still name the clip).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_videos"
down_revision: str | Sequence[str] | None = "0009_trust"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "inspection_videos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("ended_at", TZ, nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("frames", sa.Integer(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("codec", sa.String(length=16), nullable=False),
        sa.Column("pruned_at", TZ, nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name="fk_inspection_videos_inspection_id_inspections",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_inspection_videos"),
        sa.UniqueConstraint(
            "inspection_id", "sha256", name="uq_inspection_videos_inspection_id_sha256"
        ),
    )
    op.create_index("ix_inspection_videos_sha256", "inspection_videos", ["sha256"])
    op.create_index("ix_inspection_videos_ended_at", "inspection_videos", ["ended_at"])


def downgrade() -> None:
    op.drop_index("ix_inspection_videos_ended_at", table_name="inspection_videos")
    op.drop_index("ix_inspection_videos_sha256", table_name="inspection_videos")
    op.drop_table("inspection_videos")
