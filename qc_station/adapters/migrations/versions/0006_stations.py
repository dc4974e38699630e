"""Stations: each station's identity and heartbeat, for multi-station sites.

Revision ID: 0006_stations
Revises: 0005_policy_versions
Create Date: 2026-11-24

``stations`` has one row per station name (from the station's configuration): the host it
runs on, the program version, when it started and when it last reported in (its heartbeat,
every few seconds while it runs). Supervisors see from it which stations are online and
which claims belong to a station that went away (SPEC §10).

The index on ``units.claimed_station`` lets the stations screen list every claimed unit
without reading the whole units table.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_stations"
down_revision: str | Sequence[str] | None = "0005_policy_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "stations",
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("last_seen", TZ, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_stations"),
    )
    op.create_index("ix_units_claimed_station", "units", ["claimed_station"])


def downgrade() -> None:
    op.drop_index("ix_units_claimed_station", table_name="units")
    op.drop_table("stations")
