"""Real databases for the integration tests: SQLite files and a throwaway PostgreSQL 15 cluster.

- ``sqlite_url``: a migrated SQLite file in the test's tmp_path (a copy of one migrated once
  per session, so each test starts clean and fast). ``sqlite_empty_url``: not migrated.
- ``pg_url``: a new, migrated database in the session's PostgreSQL cluster (``CREATE DATABASE
  … TEMPLATE`` of one migrated once). ``pg_empty_url``: a new, empty one.
- ``uow_factory``: the same contract tests on the in-memory fake, SQLite and PostgreSQL.
- ``engines``: makes engines that are disposed when the test ends.

The cluster is a ``pg_server.PgServer`` (initdb in a temporary folder, 127.0.0.1 only, fsync
off, run as the ``postgres`` OS user as root, ICU ``en-US`` collation when available), stopped
and deleted when the session ends. Missing PostgreSQL binaries FAIL the tests that need them,
on purpose: CI must run them, and a skip would go unnoticed.

Tests that use PostgreSQL are marked ``postgres`` (automatically, when they use ``pg_url``
or ``pg_empty_url``), so ``-m "not postgres"`` runs the rest on a machine without it.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Engine, text

from qc_station.adapters.database import make_engine
from qc_station.adapters.migrate import upgrade
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.services.ports import UnitOfWork
from tests.fakes import FakeStore

from .pg_server import PG_BIN, PgServer, missing_binaries

PG_FIXTURES = {"pg_url", "pg_empty_url", "pg_cluster"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if PG_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.postgres)


# --- engines -------------------------------------------------------------------------------

EngineMaker = Callable[[str], Engine]


@pytest.fixture
def engines() -> Iterator[EngineMaker]:
    made: list[Engine] = []

    def make(url: str) -> Engine:
        engine = make_engine(url)
        made.append(engine)
        return engine

    yield make
    for engine in made:
        engine.dispose()


# --- SQLite --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
    finally:
        # The last connection to close checkpoints the WAL into the file and removes it,
        # so the one file is the whole database.
        engine.dispose()
    return path


@pytest.fixture
def sqlite_url(_sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "db" / "qc_station.db"
    path.parent.mkdir()
    shutil.copyfile(_sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def sqlite_empty_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'empty' / 'qc_station.db'}"


# --- PostgreSQL ----------------------------------------------------------------------------


@dataclass
class PgCluster:
    """The session's running server (``pg_server.PgServer``, the one way tests and benchmarks
    make a PostgreSQL server); ``new_database`` makes one database per test."""

    server: PgServer
    _counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _admin: Engine | None = None
    _template: str | None = None

    def url(self, database: str) -> str:
        return self.server.url(database)

    @property
    def admin(self) -> Engine:
        if self._admin is None:
            # CREATE DATABASE cannot run inside a transaction.
            self._admin = make_engine(self.url("postgres")).execution_options(
                isolation_level="AUTOCOMMIT"
            )
        return self._admin

    def new_database(self, migrated: bool) -> str:
        name = f"test_{next(self._counter)}"
        template = self._migrated_template() if migrated else "template0"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        return self.url(name)

    def _migrated_template(self) -> str:
        # Migrate once, then copy: CREATE DATABASE … TEMPLATE is a file copy, much faster
        # than running the migration for every test.
        if self._template is None:
            name = "qc_template"
            with self.admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
            engine = make_engine(self.url(name))
            try:
                upgrade(engine)
            finally:
                engine.dispose()  # a template must have no open connections
            self._template = name
        return self._template

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.dispose()
        self.server.destroy()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    missing = missing_binaries()
    if missing:
        pytest.fail(
            f"PostgreSQL 15 server binaries not found in {PG_BIN} ({', '.join(missing)} "
            "missing). Install them with `bash .ci/system-deps.sh` (Debian package "
            "postgresql-15) or point QC_TEST_PG_BIN at their folder. These tests must run.",
            pytrace=False,
        )
    try:
        server = PgServer()
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        server.start()
    except RuntimeError as error:
        server.destroy()
        pytest.fail(f"the test PostgreSQL cluster did not start: {error}", pytrace=False)
    cluster = PgCluster(server)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> str:
    return pg_cluster.new_database(migrated=True)


@pytest.fixture
def pg_empty_url(pg_cluster: PgCluster) -> str:
    return pg_cluster.new_database(migrated=False)


# --- units of work over all three implementations ------------------------------------------

UowFactory = Callable[[], UnitOfWork]


def _factory(kind: str, request: pytest.FixtureRequest, engines: EngineMaker) -> UowFactory:
    if kind == "fake":
        # cast: the fake declares its repositories by their own classes, which mypy will
        # not match against the protocol's mutable attributes; the contract tests check it.
        return cast(UowFactory, FakeStore().uow)
    url = request.getfixturevalue("sqlite_url" if kind == "sqlite" else "pg_url")
    return SqlUnitOfWorkFactory(engines(url))


@pytest.fixture(params=["fake", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def uow_factory(request: pytest.FixtureRequest, engines: EngineMaker) -> UowFactory:
    """A unit-of-work factory on the fake, SQLite or PostgreSQL: contract tests take this."""
    return _factory(request.param, request, engines)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sql_uow_factory(request: pytest.FixtureRequest, engines: EngineMaker) -> UowFactory:
    """The SQL units of work only, for what the fake does not model (constraints, locks)."""
    return _factory(request.param, request, engines)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """A migrated database URL on each backend."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))
