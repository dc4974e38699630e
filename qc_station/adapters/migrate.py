"""Schema migrations, run from code at start-up or by ``qc-station db upgrade`` (SPEC §10).

The Alembic configuration is built here, with the scripts inside this package, so an installed
station needs no alembic.ini. Upgrading is idempotent: a database at the head is left alone.

Several stations may start at once against one PostgreSQL server. Each takes the same
session-level advisory lock before looking at the schema version, so one upgrades and the
others wait, then find the work done. On SQLite the migration's ``BEGIN IMMEDIATE``
transaction serializes processes the same way.

Alembic itself takes about a third of a second to import and read its scripts, at every
start. A station whose database is already at :data:`SHIPPED_HEADS` (the usual start) learns
that from one query and never imports it; a test keeps the constant equal to what Alembic
reads from the scripts.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from .database import redact_url

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: Any fixed 64-bit number will do, as long as every station uses the same one.
#: (0x5143535441 spells "QCSTA".)
PG_ADVISORY_LOCK_KEY = 0x5143535441

#: The revisions the scripts in ``migrations/versions`` end at. Add a migration, move this
#: (tests/integration/test_database.py checks it against Alembic's reading of the scripts).
#: Were it ever stale, start-up would only take the slower path through Alembic.
SHIPPED_HEADS = frozenset({"0011_history_indexes"})

_PROCESS_LOCK = threading.Lock()


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic ``Config`` pointing at the packaged scripts, optionally bound to a connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """The newest revision this version of the program ships (heads joined by ", " should
    branches ever meet unmerged)."""
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return ", ".join(sorted(heads)) or None


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for an empty database."""
    with engine.connect() as conn:
        return _revision(conn)


def _revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    heads = MigrationContext.configure(conn).get_current_heads()
    return ", ".join(sorted(heads)) or None


def is_at_shipped_heads(engine: Engine) -> bool:
    """Whether the database is exactly at :data:`SHIPPED_HEADS`, read with one query.

    Any doubt (no version table yet, an empty or a foreign database) answers False, and the
    caller takes the full path through Alembic.
    """
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:
        return False
    return {row[0] for row in rows} == SHIPPED_HEADS


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision; a no-op when it is there already."""
    if is_at_shipped_heads(engine):
        return
    from alembic import command

    is_pg = engine.dialect.name == "postgresql"
    # Alembic keeps its running context in module globals (alembic.context, alembic.op):
    # two threads of one process must not migrate at the same time.
    with _PROCESS_LOCK, engine.connect() as conn:
        if is_pg:
            log.info("waiting for the migration lock on %s", redact_url(engine.url))
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": PG_ADVISORY_LOCK_KEY})
            # The lock belongs to the server session, not to this transaction.
            conn.commit()
        try:
            # One transaction around reading the version, every migration and the new
            # version stamp: a failed migration leaves the schema as it was. On SQLite this
            # is BEGIN IMMEDIATE, which also makes other processes wait here. (Alembic would
            # otherwise run SQLite migrations without a transaction, assuming non-transactional
            # DDL, and two processes could both see an empty database.)
            with conn.begin():
                before = _revision(conn)
                command.upgrade(alembic_config(conn), "heads")
                after = _revision(conn)
            if before != after:
                log.info(
                    "database %s upgraded from %s to %s",
                    redact_url(engine.url),
                    before or "empty",
                    after,
                )
        finally:
            if is_pg:
                _release_lock(conn)


def _release_lock(conn: Connection) -> None:
    try:
        conn.rollback()
        conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_ADVISORY_LOCK_KEY})
        conn.commit()
    except Exception:
        # A pooled connection must never keep the lock: other stations would wait forever.
        # Dropping the connection ends the server session and with it the lock.
        log.exception("could not release the migration lock; dropping the connection")
        conn.invalidate()
