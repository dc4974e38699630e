"""The ``DatabaseMaintenance`` port: backup and restore of the whole database.

SQLite (one station):

- **Backup** uses SQLite's online backup API (``sqlite3.Connection.backup``) in one step,
  which reads a consistent snapshot; under WAL the stations keep writing while it runs. The
  copy goes to a temporary file beside the target, is switched to a single-file journal
  mode (so the backup is one self-contained file), passes ``PRAGMA integrity_check``, is
  fsynced, and only then renamed over the target: a full disk or a crash leaves no
  half-written file under the backup's name.
- **Restore** first copies the offered file to a private staging file and checks that copy:
  it opens as SQLite, passes ``integrity_check``, has QC Station's tables and an Alembic
  version this program knows (a backup made by a newer version is refused; an older one is
  migrated after the restore). The live database is then copied, again with the online
  backup, to ``*.before-restore`` beside it, and the checked staging copy is written into
  the live database with the backup API as well. Going through SQLite rather than renaming
  files matters under WAL: a ``-wal`` file left beside a swapped-in database would be
  replayed into it (corruption), and another process holding the file open would go on
  writing to the old inode. Last, the schema is migrated to this program's head.

PostgreSQL (many stations) is refused with the ``pg_dump``/``pg_restore`` commands to use.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from qc_station.services.maintenance_ports import (
    BackupResult,
    DatabaseInfo,
    DatabaseMaintenance,
    MaintenanceError,
    MaintenanceUnsupported,
    RestoreRefused,
    RestoreResult,
)

from .database import _SECRET_QUERY_KEYS, redact_url
from .files import fsync_folder
from .migrate import alembic_config, current_revision, upgrade

log = logging.getLogger(__name__)

#: Tables that make a SQLite file a QC Station database (besides ``alembic_version``).
_OUR_TABLES = frozenset({"rmas", "units", "decisions", "audit_events", "users"})

_HASH_CHUNK = 1024 * 1024


def maintenance_for(engine: Engine) -> DatabaseMaintenance:
    """The adapter for the engine's database."""
    if engine.dialect.name == "sqlite":
        return SqliteMaintenance(engine)
    return PostgresMaintenance(engine)


# --- helpers ---------------------------------------------------------------------------------


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _integrity(conn: sqlite3.Connection) -> str:
    """``ok``, or the first problems ``PRAGMA integrity_check`` found."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(5)").fetchall()]
    return "ok" if rows == ["ok"] else "; ".join(rows)


def _describe_os_error(exc: OSError | sqlite3.Error, where: Path) -> dict[str, Any]:
    """Why a file operation failed, as a message (``{"code", "params"}``) to nest in another."""
    text_ = str(exc).lower()
    errno = getattr(exc, "errno", None)
    if errno == 28 or "disk is full" in text_ or "database or disk is full" in text_:
        return {"code": "backup.cause_disk_full", "params": {"folder": str(where)}}
    if errno in (13, 30) or "readonly" in text_ or "read-only" in text_:
        return {"code": "backup.cause_not_writable", "params": {"folder": str(where)}}
    strerror = getattr(exc, "strerror", None)
    detail = str(strerror or exc)
    return {"code": "backup.cause_other", "params": {"detail": detail, "folder": str(where)}}


@contextlib.contextmanager
def _temp_beside(target: Path, suffix: str) -> Iterator[Path]:
    """A temporary file name in ``target``'s folder, removed (with any SQLite side files)
    unless the caller renamed it away."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)


# --- SQLite ----------------------------------------------------------------------------------


class SqliteMaintenance:
    """Backup and restore of a SQLite file through the engine's own connections."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        database = engine.url.database or ""
        if database in ("", ":memory:") or database.startswith("file::memory:"):
            self.path: Path | None = None
        else:
            self.path = Path(database).expanduser().resolve()

    def _file(self) -> Path:
        if self.path is None:
            raise MaintenanceUnsupported("backup.in_memory", guidance="")
        return self.path

    @contextlib.contextmanager
    def _live(self) -> Iterator[sqlite3.Connection]:
        """A connection to the live database from the engine's pool (with its pragmas)."""
        raw = self.engine.raw_connection()
        try:
            conn = raw.driver_connection
            assert isinstance(conn, sqlite3.Connection)
            yield conn
        finally:
            raw.close()

    def describe(self) -> DatabaseInfo:
        path = self._file()
        size = sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
        return DatabaseInfo("sqlite", str(path), size, current_revision(self.engine))

    # backup ----------------------------------------------------------------------------------

    def backup_to(self, path: Path) -> BackupResult:
        live_path = self._file()
        target = Path(path).expanduser().resolve()
        if target == live_path:
            raise MaintenanceError("backup.target_is_live", path=str(target))
        if not target.parent.is_dir():
            raise MaintenanceError("backup.no_folder", path=str(target), folder=str(target.parent))
        try:
            with _temp_beside(target, ".partial") as tmp:
                self._copy_live_to(tmp)
                _fsync_file(tmp)
                os.replace(tmp, target)
                fsync_folder(target.parent)
        except (OSError, sqlite3.Error) as exc:
            raise MaintenanceError(
                "backup.not_written",
                path=str(target),
                cause=_describe_os_error(exc, target.parent),
            ) from None
        size = target.stat().st_size
        log.info("backup of %s written to %s (%d bytes)", live_path, target, size)
        return BackupResult(target, size, _sha256(target))

    def _copy_live_to(self, tmp: Path) -> None:
        copy = sqlite3.connect(tmp, isolation_level=None)
        try:
            with self._live() as live:
                # pages=-1: the whole database in one step, i.e. one consistent snapshot.
                # Stepping in pieces would restart whenever a station commits meanwhile.
                live.backup(copy, pages=-1)
            # A standalone file: no WAL beside it that a copy to a USB stick could miss.
            copy.execute("PRAGMA journal_mode = DELETE")
            problems = _integrity(copy)
            if problems != "ok":
                raise MaintenanceError("backup.copy_damaged", problems=problems)
        finally:
            copy.close()

    # restore ---------------------------------------------------------------------------------

    def restore_from(self, path: Path) -> RestoreResult:
        live_path = self._file()
        source = Path(path).expanduser().resolve()
        if not source.is_file():
            raise RestoreRefused("restore.no_file", path=str(source))
        if source == live_path:
            raise RestoreRefused("restore.source_is_live", path=str(source))
        previous = live_path.with_name(live_path.name + ".before-restore")
        try:
            with (
                _temp_beside(live_path, ".restore") as staged,
                _temp_beside(previous, ".partial") as keep,
            ):
                shutil.copyfile(source, staged)
                wal = Path(f"{source}-wal")
                if wal.is_file():  # a raw copy of a live file: its WAL holds commits too
                    shutil.copyfile(wal, Path(f"{staged}-wal"))
                revision = self._check_restorable(staged, source)
                self._copy_live_to(keep)
                _fsync_file(keep)
                os.replace(keep, previous)
                fsync_folder(previous.parent)
                self._write_into_live(staged)
        except (OSError, sqlite3.Error) as exc:
            raise MaintenanceError(
                "restore.not_done",
                path=str(source),
                cause=_describe_os_error(exc, live_path.parent),
            ) from None
        # The pool's connections may hold the old schema in their statement caches.
        self.engine.dispose()
        upgrade(self.engine)
        now = current_revision(self.engine)
        log.info("database %s restored from %s (was at %s)", live_path, source, revision)
        return RestoreResult(source, previous, revision, now)

    def _check_restorable(self, staged: Path, source: Path) -> str:
        """The staged copy's schema revision, or ``RestoreRefused`` saying what is wrong."""
        name = source.name
        try:
            conn = sqlite3.connect(staged, isolation_level=None)
        except sqlite3.Error as exc:
            raise RestoreRefused(
                "restore.cannot_open", path=str(source), name=name, detail=str(exc)
            ) from None
        try:
            try:
                problems = _integrity(conn)
                tables = {
                    str(r[0])
                    for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                }
            except sqlite3.DatabaseError as exc:
                if "malformed" in str(exc):
                    raise RestoreRefused(
                        "restore.damaged", path=str(source), name=name, problems=str(exc)
                    ) from None
                raise RestoreRefused(
                    "restore.not_sqlite", path=str(source), name=name, detail=str(exc)
                ) from None
            if problems != "ok":
                raise RestoreRefused(
                    "restore.damaged", path=str(source), name=name, problems=problems
                )
            missing = sorted(({"alembic_version"} | _OUR_TABLES) - tables)
            if missing:
                raise RestoreRefused(
                    "restore.not_ours", path=str(source), name=name, missing=missing
                )
            revisions = sorted(
                str(r[0]) for r in conn.execute("SELECT version_num FROM alembic_version")
            )
            # Back to a single file before it is read page by page into the live database.
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        if not revisions:
            raise RestoreRefused("restore.no_schema_version", path=str(source), name=name)
        # Alembic only here, for a restore: it is not needed to start the station.
        from alembic.script import ScriptDirectory
        from alembic.util import CommandError

        script = ScriptDirectory.from_config(alembic_config())
        for revision in revisions:
            try:
                known = script.get_revision(revision)
            except CommandError:
                known = None
            if known is None:
                raise RestoreRefused(
                    "restore.newer_schema", path=str(source), name=name, revision=revision
                )
        return ", ".join(revisions)

    def _write_into_live(self, staged: Path) -> None:
        source = sqlite3.connect(staged, isolation_level=None)
        try:
            with self._live() as live:
                # The backup API locks the live database for the copy and handles its WAL;
                # other processes see either the old database or the restored one.
                source.backup(live, pages=-1)
                problems = _integrity(live)
                if problems != "ok":  # not expected; say so loudly rather than go on
                    raise MaintenanceError("restore.result_damaged", problems=problems)
        finally:
            source.close()


# --- PostgreSQL ------------------------------------------------------------------------------


class PostgresMaintenance:
    """PostgreSQL is backed up with its own tools; this says which, and describes the server."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _plain_url(self) -> str:
        # What pg_dump accepts: libpq's scheme, and no password (it asks, or reads ~/.pgpass).
        # (URL.set ignores None, so the password is left out by building the URL anew.)
        url = self.engine.url
        plain = URL.create(
            "postgresql",
            username=url.username,
            host=url.host,
            port=url.port,
            database=url.database,
            query={k: v for k, v in url.query.items() if k.lower() not in _SECRET_QUERY_KEYS},
        )
        return plain.render_as_string(hide_password=False)

    def _commands(self) -> tuple[str, str]:
        """The server's commands that back the database up and restore it."""
        url = self._plain_url()
        return (
            f"pg_dump --format=custom --file=BACKUP.dump '{url}'",
            f"pg_restore --clean --if-exists --dbname='{url}' BACKUP.dump",
        )

    def guidance(self) -> str:
        backup, restore = self._commands()
        return f"{backup}  to back up, and {restore}  to restore (with every station closed)"

    def backup_to(self, path: Path) -> BackupResult:
        backup, restore = self._commands()
        raise MaintenanceUnsupported(
            "backup.postgres_backup",
            guidance=self.guidance(),
            backup_command=backup,
            restore_command=restore,
        )

    def restore_from(self, path: Path) -> RestoreResult:
        backup, restore = self._commands()
        raise MaintenanceUnsupported(
            "backup.postgres_restore",
            guidance=self.guidance(),
            backup_command=backup,
            restore_command=restore,
        )

    def describe(self) -> DatabaseInfo:
        with self.engine.connect() as conn:
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
        return DatabaseInfo(
            "postgresql",
            redact_url(self.engine.url),
            int(size) if size is not None else None,
            current_revision(self.engine),
        )
