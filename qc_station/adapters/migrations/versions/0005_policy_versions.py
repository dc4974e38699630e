"""Policy versions: each activation of a return policy, kept beside the policy texts.

Revision ID: 0005_policy_versions
Revises: 0004_disputes
Create Date: 2026-11-24

``policies`` already keeps the text of every policy a decision was made under, once per hash.
``policy_activations`` records each time an admin made one of them the site's active policy
(who, from which station, when, and a note); the newest row is the active policy, the older
ones are its history. Nothing is ever deleted or updated here, so the text a decision names
by its hash, and when it was in force, can always be shown.

A database with no activation keeps using the policy file of each station's configuration,
as before this revision.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_policy_versions"
down_revision: str | Sequence[str] | None = "0004_disputes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "policy_activations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_hash", sa.String(length=64), nullable=False),
        sa.Column("activated_at", TZ, nullable=False),
        sa.Column("activated_by", sa.String(length=255), nullable=False),
        sa.Column("station", sa.String(length=255), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["policy_hash"],
            ["policies.hash"],
            name="fk_policy_activations_policy_hash_policies",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_policy_activations"),
    )
    op.create_index("ix_policy_activations_policy_hash", "policy_activations", ["policy_hash"])


def downgrade() -> None:
    op.drop_index("ix_policy_activations_policy_hash", table_name="policy_activations")
    op.drop_table("policy_activations")
