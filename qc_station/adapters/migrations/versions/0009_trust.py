"""Trust (issue 15): forced password changes, finance reversals, reopeners, journal
sign-ins and record hashes in the audit chain.

Revision ID: 0009_trust
Revises: 0008_decision_facts
Create Date: 2026-12-05

- ``users.must_change_password``: set by an admin's password reset; the user chooses a new
  password at their next sign-in (SPEC §6).
- ``export_batches.format_version``: the finance CSV format a batch was written in, so a batch
  written before a format change re-exports byte-identically (SPEC §7.3). Existing batches
  were written in format 1.
- ``export_reversals``: which exported decision a later batch reverses (the reversal row of a
  reopened and re-decided unit, SPEC §7.3); at most one reversal per exported decision. Like
  ``export_batch_members``, narrow and ordered for the export.
- ``units.reopened_by``: the supervisor who last reopened the unit; the new decision needs
  approval by someone else.
- ``sign_ins``: one row per sign-in at a station with the key that station's outage journal
  signs its entries with (SPEC §6: entries are bound to the signed-in user).
- ``audit_events.record_sha256``: the SHA-256 of the record as the audited change left it
  (SPEC §6); older events have none.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_trust"
down_revision: str | Sequence[str] | None = "0008_decision_facts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)
LPN = sa.String(length=72).with_variant(sa.String(length=72, collation="C"), "postgresql")


def upgrade() -> None:
    op.add_column(
        "users",
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "export_batches",
        sa.Column("format_version", sa.Integer(), nullable=False, server_default="1"),
    )
    op.create_table(
        "export_reversals",
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.String(length=64), nullable=False),
        sa.Column("reversed_batch", sa.String(length=64), nullable=False),
        sa.Column("lpn", LPN, nullable=False),
        sa.Column("decided_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.pk"],
            name="fk_export_reversals_decision_id_decisions",
        ),
        sa.PrimaryKeyConstraint("decision_id", name="pk_export_reversals"),
    )
    op.create_index(
        "ix_export_reversals_batch_id_lpn_decided_at_decision_id",
        "export_reversals",
        ["batch_id", "lpn", "decided_at", "decision_id"],
    )
    op.add_column("units", sa.Column("reopened_by", sa.String(length=255), nullable=True))
    op.create_table(
        "sign_ins",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=255), nullable=False),
        sa.Column("station", sa.String(length=255), nullable=False),
        sa.Column("signed_in_at", TZ, nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sign_ins"),
    )
    op.add_column("audit_events", sa.Column("record_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("record_sha256")
    op.drop_table("sign_ins")
    # Not a batch copy: on SQLite that rebuilds ``units``, which rows of other tables point
    # at, and the foreign keys refuse it. Both databases drop a plain column in place.
    op.execute("ALTER TABLE units DROP COLUMN reopened_by")
    op.drop_index(
        "ix_export_reversals_batch_id_lpn_decided_at_decision_id", table_name="export_reversals"
    )
    op.drop_table("export_reversals")
    with op.batch_alter_table("export_batches") as batch:
        batch.drop_column("format_version")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("must_change_password")
