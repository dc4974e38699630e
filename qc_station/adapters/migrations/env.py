"""Alembic's environment: runs the migrations on the connection ``migrate.upgrade`` passes in.

``qc_station.adapters.migrate`` builds the Alembic ``Config`` in code and hands over an open
connection in ``config.attributes["connection"]``, so the application needs no alembic.ini.
A developer running the ``alembic`` command from the repository root (with the alembic.ini
there) gets an engine from ``-x url=…`` or ``QC_STATION_DB`` instead.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection

from qc_station.adapters.orm import Base, UtcDateTime

target_metadata = Base.metadata


def _render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    # Autogenerate would otherwise write "qc_station.adapters.orm.UtcDateTime()" into the
    # migration, tying old migrations to today's module layout.
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        render_item=_render_item,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # Developer path: `alembic -x url=sqlite:///dev.db upgrade head`.
    from qc_station.adapters.database import make_engine

    url = context.get_x_argument(as_dictionary=True).get("url") or os.environ.get("QC_STATION_DB")
    if not url:
        raise SystemExit("give the database with -x url=URL or QC_STATION_DB")
    engine = make_engine(url)
    try:
        # One transaction, as migrate.upgrade does (Alembic would run SQLite without one).
        with engine.connect() as conn, conn.begin():
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run them on a database")
_run_online()
