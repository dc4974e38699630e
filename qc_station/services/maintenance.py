"""Backing up and restoring the database (SPEC §8 admin "database", §11 ``backup``/``restore``).

The services check who may do it (``Action.MANAGE_DATABASE``: admins), audit it, and leave
the work to the ``DatabaseMaintenance`` port that ``bootstrap`` puts into the
``ServiceContext`` as ``database``:

- on SQLite (one station) the adapter copies the live file with SQLite's online backup, so
  stations keep working while it runs, checks the copy and renames it into place only when
  it is whole; a restore checks that the file is a QC Station database this program can
  open, keeps the current database beside it as ``*.before-restore``, then replaces it and
  migrates it to this program's schema;
- on PostgreSQL (many stations) the server's own tools do this job better than an
  application could (``pg_dump``/``pg_restore``, run by whoever runs the server), so the
  adapter refuses with ``MaintenanceUnsupported`` naming those commands, never a silent
  no-op.

The admin screen calls ``backup``/``restore``/``describe`` off the GUI thread; the command
line calls the same functions.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import audit
from .context import Actor, ServiceContext
from .maintenance_ports import (
    DatabaseInfo,
    DatabaseMaintenance,
    MaintenanceError,
    MaintenanceUnsupported,
    RestoreRefused,
)
from .permissions import Action, authorized, check_allowed, require

# The port's errors and DatabaseInfo are named from here too (the callers' vocabulary).
__all__ = [
    "BackupReport",
    "DatabaseInfo",
    "MaintenanceError",
    "MaintenanceUnsupported",
    "RestoreRefused",
    "RestoreReport",
    "backup",
    "describe",
    "restore",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupReport:
    """What ``backup`` did, for the command line and the admin screen."""

    path: Path
    size_bytes: int
    sha256: str
    at: datetime
    audit_head: str  # the audit head when the backup was taken (``SEQ:HASH``)


@dataclass(frozen=True)
class RestoreReport:
    source: Path
    previous: Path
    revision_of_file: str
    revision_now: str | None
    at: datetime


def _port(ctx: ServiceContext) -> DatabaseMaintenance:
    if ctx.database is None:
        raise MaintenanceUnsupported(
            "maintenance.not_started",
            guidance="",
        )
    return ctx.database


def describe(ctx: ServiceContext, actor: Actor) -> DatabaseInfo:
    """The database's kind, location (password hidden), size and schema revision."""
    require(actor, Action.MANAGE_DATABASE)
    check_allowed(ctx, actor, Action.MANAGE_DATABASE)
    return _port(ctx).describe()


def backup(ctx: ServiceContext, actor: Actor, target: Path) -> BackupReport:
    """Copy the live database to ``target`` while the stations keep working.

    The audit log records who took the backup, where to and the file's SHA-256; the event
    itself is not in the copy (it is written once the copy is complete)."""
    require(actor, Action.MANAGE_DATABASE)
    check_allowed(ctx, actor, Action.MANAGE_DATABASE)
    port = _port(ctx)
    target = Path(target).expanduser()
    if target.is_dir():
        raise MaintenanceError("maintenance.backup_target_folder", path=str(target))
    result = port.backup_to(target)
    at = ctx.clock.now()
    with authorized(ctx, actor, Action.MANAGE_DATABASE) as uow:
        audit.record(
            uow,
            ctx,
            actor,
            "database",
            "backup",
            "backup",
            None,
            {"file": str(result.path), "bytes": result.size_bytes, "sha256": result.sha256},
        )
        event = audit.write_now(uow)
        uow.commit()
    log.info("database backed up to %s by %s", result.path, actor.username)
    return BackupReport(
        result.path,
        result.size_bytes,
        result.sha256,
        at,
        f"{event.seq - 1}:{event.prev_hash}",
    )


def restore(ctx: ServiceContext, actor: Actor, source: Path) -> RestoreReport:
    """Replace the live database by a backup. Every station must be closed first: what
    they wrote since the backup is gone afterwards (it stays in ``*.before-restore``)."""
    require(actor, Action.MANAGE_DATABASE)
    check_allowed(ctx, actor, Action.MANAGE_DATABASE)
    port = _port(ctx)
    source = Path(source).expanduser()
    result = port.restore_from(source)
    at = ctx.clock.now()
    # Recorded in the restored database: its own log says when it came back and from where.
    # (Checked before the restore: the restored database may not know the admin yet.)
    with ctx.uow() as uow:
        audit.record(
            uow,
            ctx,
            actor,
            "database",
            "restore",
            "restore",
            None,
            {
                "file": str(result.source),
                "previous": str(result.previous),
                "revision_of_file": result.revision_of_file,
                "revision_now": result.revision_now,
            },
        )
        uow.commit()
    log.warning(
        "database restored from %s by %s; the previous database is kept as %s",
        result.source,
        actor.username,
        result.previous,
    )
    return RestoreReport(
        result.source, result.previous, result.revision_of_file, result.revision_now, at
    )
