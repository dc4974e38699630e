"""The database schema as SQLAlchemy 2 typed models (one class per table).

These classes are the schema, nothing more, one module per part of the business (``base``,
``returns``, ``inspections``, ``finance``, ``people``, ``audit``, ``recovery``), all named
here: repositories in ``adapters/sql/`` turn rows into the domain's dataclasses and back, so
no ORM object ever leaves a unit of work.

Conventions, each chosen so SQLite (one station) and PostgreSQL (many stations) behave alike:

- Money is an exact integer count of minor units (cents, yen) in a ``BigInteger`` next to its
  currency; the repositories convert with ``qc_station.domain.money.minor_digits``. SQLite has
  no exact decimal type (``NUMERIC`` is stored as a float there), integers are exact on both.
- Times go through ``UtcDateTime``: stored as UTC, handed back timezone-aware UTC. SQLite
  keeps no time zone, PostgreSQL's ``timestamptz`` comes back in the session's zone.
- Enumerations are plain strings holding the enum's value, readable in any SQL client.
- Foreign keys follow the domain keys (RMA code, LPN, inspection id) so that bulk imports
  need no generated ids; the integer ``id`` columns give a stable insertion order.
- Constraint and index names come from one naming convention, so Alembic migrations can name
  them on both backends.

Keep ``migrations/versions`` in step with this file: ``tests/integration/test_database.py``
compares the two on SQLite and PostgreSQL.
"""

from __future__ import annotations

from .audit import AUDIT_LOCK_ID, AuditEventRow, AuditHeadLockRow, PolicyActivationRow, PolicyRow
from .base import CODE, NAME, NAMING_CONVENTION, TEXT, Base, UtcDateTime
from .finance import ExportBatchMemberRow, ExportBatchRow, ExportReversalRow
from .inspections import DecisionFactRow, DecisionRow, InspectionRow, InspectionVideoRow, PhotoRow
from .people import SignInRow, StationRow, UserRow
from .recovery import DisputeRow, RecoveryCaseRow, RecoveryItemRow, RecoveryPaymentRow
from .returns import ProductRow, RmaLineRow, RmaRow, UnitRow

__all__ = [
    "AUDIT_LOCK_ID",
    "CODE",
    "NAME",
    "NAMING_CONVENTION",
    "TEXT",
    "AuditEventRow",
    "AuditHeadLockRow",
    "Base",
    "DecisionFactRow",
    "DecisionRow",
    "DisputeRow",
    "ExportBatchMemberRow",
    "ExportBatchRow",
    "ExportReversalRow",
    "InspectionRow",
    "InspectionVideoRow",
    "PhotoRow",
    "PolicyActivationRow",
    "PolicyRow",
    "ProductRow",
    "RecoveryCaseRow",
    "RecoveryItemRow",
    "RecoveryPaymentRow",
    "RmaLineRow",
    "RmaRow",
    "SignInRow",
    "StationRow",
    "UnitRow",
    "UserRow",
    "UtcDateTime",
]
