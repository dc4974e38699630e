"""Engines for the two deployments of SPEC §10: a SQLite file on one station, PostgreSQL for
many. Nothing is built at import time; ``bootstrap`` calls ``make_engine`` once.

SQLite is set up for durability and for several processes on one file (the GUI and a
scripted ``qc-station`` command):

- ``journal_mode=WAL`` lets readers work while one process writes;
- ``synchronous=FULL`` makes a committed decision survive a power cut (SPEC §10);
- ``foreign_keys=ON``, which SQLite leaves off by default;
- ``busy_timeout`` waits for the write lock instead of failing at once;
- every transaction starts with ``BEGIN IMMEDIATE``. Python's sqlite3 would issue a plain
  (deferred) ``BEGIN``; a deferred transaction that read first and then writes must upgrade
  its lock, and SQLite fails such an upgrade at once with "database is locked" when another
  process wrote in between, whatever the busy timeout. Taking the write lock up front turns
  that into an orderly wait. This is the pysqlite "BEGIN" recipe of the SQLAlchemy docs.
  A read-only unit of work (a connection with the ``READ_ONLY`` execution option, see
  ``sql/uow.py``) starts a plain deferred ``BEGIN`` instead: it never writes, so it needs no
  write lock, and under WAL it neither waits for a writer nor makes one wait.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError

from qc_station.domain.errors import QcError, ValidationError

log = logging.getLogger(__name__)

#: The file name of the single-station database inside the user data folder.
SQLITE_FILE_NAME = "qc_station.db"

#: The execution option that marks a connection's transactions as read only (``BEGIN``).
READ_ONLY = "qc_read_only"

#: Milliseconds a SQLite connection waits for another process's write lock.
SQLITE_BUSY_TIMEOUT_MS = 10_000

_SECRET_QUERY_KEYS = frozenset({"password", "passwd", "pwd", "sslpassword"})


def default_sqlite_url(data_dir: Path) -> str:
    """The URL of the single-station database in ``data_dir`` (SPEC §10)."""
    path = Path(data_dir).expanduser().resolve() / SQLITE_FILE_NAME
    return URL.create("sqlite", database=path.as_posix()).render_as_string()


def _parse(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError:
        raise ValidationError("database.bad_url", field="db", value=redact_url(url)) from None


def _normalise(parsed: URL) -> URL:
    # "postgresql://" alone means psycopg2 to SQLAlchemy, which is not installed; the
    # project ships psycopg 3, so a bare PostgreSQL URL is read as that.
    if parsed.drivername in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    return parsed


#: Seconds a station waits for a PostgreSQL server to accept a connection, unless the URL
#: says otherwise (``?connect_timeout=N``). Without it an unreachable server (a cable pulled,
#: a host down) answers only after the operating system's TCP timeout, minutes, while the
#: station should notice an outage within seconds (SPEC §10).
PG_CONNECT_TIMEOUT_S = 5


def make_engine(url: str) -> Engine:
    """Build the engine for ``url`` (``sqlite:///PATH`` or ``postgresql+psycopg://…``)."""
    parsed = _normalise(_parse(url))
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _make_sqlite_engine(parsed)
    if backend == "postgresql":
        connect_args: dict[str, object] = {"application_name": "qc-station"}
        if "connect_timeout" not in parsed.query:  # the URL's own value wins
            connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
        return create_engine(
            parsed,
            # A station runs for days; a server restart must not leave dead connections in
            # the pool that fail the next scan.
            pool_pre_ping=True,
            connect_args=connect_args,
        )
    raise ValidationError("database.unsupported", field="db", value=redact_url(url))


def _make_sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if not in_memory:
        folder = Path(database).expanduser().parent
        try:
            # 0700 when the station makes the folder (SPEC §6); a folder that exists is the
            # site's, and its mode is left alone.
            folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
        except OSError as exc:
            raise QcError(
                "database.cannot_make_folder", path=str(folder), detail=exc.strerror or str(exc)
            ) from None
        _refuse_read_only(Path(database).expanduser())
        make_private(Path(database).expanduser())
    engine = create_engine(url)
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


#: The modes of SPEC §6: the database, its -wal and -shm files and backups are readable by
#: the station's own account only, and so are the folders the station makes for them.
PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def make_private(path: Path) -> None:
    """Create the SQLite file ``path`` as 0600 if it does not exist yet (an empty file is an
    empty database), so SQLite, which gives its ``-wal`` and ``-shm`` files the mode of the
    database file, makes those 0600 too. A database (or -wal/-shm) that others can read, from
    an older version or another tool, is tightened with a log line. POSIX only: Windows
    files follow the folder's access list."""
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        pass
    except OSError:
        return  # the engine's own open reports it, with SQLite's words
    else:
        os.close(fd)
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            mode = file.stat().st_mode & 0o777
            if mode & 0o077:
                os.chmod(file, mode & 0o700)
                log.warning(
                    "%s could be read by other accounts (mode %o); tightened to %o",
                    file,
                    mode,
                    mode & 0o700,
                )
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("cannot make %s private: %s", file, exc.strerror or exc)


def _refuse_read_only(path: Path) -> None:
    """Say so at once when the file or its folder cannot be written.

    Otherwise SQLite only reports "unable to open database file" at the first query: in WAL
    mode it must create the ``-wal`` and ``-shm`` files beside the database even to read.
    (``os.access`` also sees a read-only mount, which file modes alone would not show root.)
    """
    if path.exists() and not os.access(path, os.W_OK):
        raise QcError("database.file_read_only", path=str(path))
    if not os.access(path.parent, os.W_OK):
        raise QcError("database.folder_read_only", path=str(path.parent))


def _on_sqlite_connect(dbapi_connection: Any, connection_record: Any) -> None:
    # Take transaction control away from the sqlite3 module: it would issue a deferred BEGIN
    # itself; ``_on_sqlite_begin`` issues BEGIN IMMEDIATE instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _on_sqlite_begin(conn: Connection) -> None:
    if conn.get_execution_options().get(READ_ONLY):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def redact_url(url: str | URL) -> str:
    """The URL with its password hidden, for logs and the admin screen."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except ArgumentError:
        # Not a URL SQLAlchemy understands: hide anything between "://user:" and "@".
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", str(url))
    if any(key.lower() in _SECRET_QUERY_KEYS for key in parsed.query):
        parsed = parsed.set(
            query={
                key: ("***" if key.lower() in _SECRET_QUERY_KEYS else value)
                for key, value in parsed.query.items()
            }
        )
    return parsed.render_as_string(hide_password=True)
