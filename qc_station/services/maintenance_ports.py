"""The port for the database as a whole (``DatabaseMaintenance``), the values it hands back
and the errors it raises. ``services/maintenance.py`` holds the use cases over it;
``adapters/backup.py`` implements it; ``ServiceContext.database`` holds one.

Kept apart from ``maintenance.py`` so that ``context.py`` can name the port without importing
the use cases (which import ``context.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from qc_station.domain.errors import QcError


class MaintenanceError(QcError):
    """A backup or restore that could not be done; nothing was changed."""

    code = "maintenance_failed"


class MaintenanceUnsupported(MaintenanceError):
    """This database is backed up with other tools; ``params['guidance']`` says which."""

    code = "maintenance_unsupported"


class RestoreRefused(MaintenanceError):
    """The file offered for a restore is not a QC Station database this program can use
    (not SQLite, damaged, another application's, or made by a newer version)."""

    code = "restore_refused"


@dataclass(frozen=True)
class DatabaseInfo:
    """What the admin screen shows about the database: never a password."""

    kind: str  # "sqlite" or "postgresql"
    location: str  # the file path, or the URL with its password hidden
    size_bytes: int | None
    revision: str | None  # the schema revision (Alembic), None for an empty database


@dataclass(frozen=True)
class BackupResult:
    """A finished backup file, as the adapter made it."""

    path: Path
    size_bytes: int
    sha256: str


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore: ``previous`` is the database as it was before (kept on disk)."""

    source: Path
    previous: Path
    revision_of_file: str
    revision_now: str | None


class DatabaseMaintenance(Protocol):
    """The port for the database as a whole (files, not rows)."""

    def backup_to(self, path: Path) -> BackupResult:
        """Write a consistent copy of the live database to ``path`` (replacing it only once
        the copy is complete and checked)."""

    def restore_from(self, path: Path) -> RestoreResult:
        """Replace the live database by the backup at ``path`` after checking it; keep the
        current one as ``*.before-restore``; migrate the result to this program's schema."""

    def describe(self) -> DatabaseInfo: ...
