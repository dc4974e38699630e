"""Real databases for the integration tests: SQLite files and a throwaway PostgreSQL 15 cluster.

- ``sqlite_url``: a migrated SQLite file in the test's tmp_path (a copy of one migrated once
  per session, so each test starts clean and fast). ``sqlite_empty_url``: not migrated.
- ``pg_url``: a new, migrated database in the session's PostgreSQL cluster (``CREATE DATABASE
  … TEMPLATE`` of one migrated once). ``pg_empty_url``: a new, empty one.
- ``uow_factory``: the same contract tests on the in-memory fake, SQLite and PostgreSQL.
- ``engines``: makes engines that are disposed when the test ends.

The cluster is made with initdb in a temporary folder, listens on 127.0.0.1 only at a free
port (its socket in that folder too), runs with fsync off, and is stopped and deleted when
the session ends. As root (CI), initdb and pg_ctl run as the ``postgres`` OS user, since the
server refuses to run as root. Missing PostgreSQL binaries FAIL the tests that need them,
on purpose: CI must run them, and a skip would go unnoticed. Its default collation is ICU
``en-US`` when available, like a real server's, so ordering that only works under the C
collation shows up here.

Tests that use PostgreSQL are marked ``postgres`` (automatically, when they use ``pg_url``
or ``pg_empty_url``), so ``-m "not postgres"`` runs the rest on a machine without it.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Engine, text

from qc_station.adapters.database import make_engine
from qc_station.adapters.migrate import upgrade
from qc_station.adapters.sql_uow import SqlUnitOfWorkFactory
from qc_station.services.ports import UnitOfWork
from tests.fakes import FakeStore

PG_BIN = Path(os.environ.get("QC_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
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


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgCluster:
    """A running throwaway cluster; ``new_database`` makes one database per test."""

    folder: Path
    port: int
    run_as: list[str]
    _counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _admin: Engine | None = None
    _template: str | None = None

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

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
        _run(
            [
                *self.run_as,
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            check=False,
        )


def _run(cmd: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    if check and result.returncode != 0:
        pytest.fail(
            f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return result


def _pg_user() -> tuple[list[str], int, int]:
    """The command prefix to run server binaries, and the uid/gid that will own the files."""
    if os.geteuid() != 0:
        return [], os.getuid(), os.getgid()
    try:
        entry = pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail(
            "running as root, but there is no 'postgres' OS user to run the test cluster as "
            "(install the Debian package postgresql-15: bash .ci/system-deps.sh)",
            pytrace=False,
        )
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.fail("running as root, but runuser is missing (util-linux)", pytrace=False)
    return [runuser, "-u", "postgres", "--"], entry.pw_uid, entry.pw_gid


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    missing = [b for b in ("initdb", "pg_ctl", "postgres") if not (PG_BIN / b).exists()]
    if missing:
        pytest.fail(
            f"PostgreSQL 15 server binaries not found in {PG_BIN} ({', '.join(missing)} "
            "missing). Install them with `bash .ci/system-deps.sh` (Debian package "
            "postgresql-15) or point QC_TEST_PG_BIN at their folder. These tests must run.",
            pytrace=False,
        )
    run_as, uid, gid = _pg_user()
    folder = Path(tempfile.mkdtemp(prefix="qc-pg-"))
    os.chown(folder, uid, gid)
    data = folder / "data"
    try:
        base = [*run_as, str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres"]
        base += ["-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]
        icu = _run(
            [*base, "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US"], False
        )
        if icu.returncode != 0:  # a server built without ICU
            shutil.rmtree(data, ignore_errors=True)
            _run([*base, "--locale=C.UTF-8"])
        cluster = _start(folder, run_as)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _start(folder: Path, run_as: list[str]) -> PgCluster:
    log = folder / "postgres.log"
    last = ""
    for _ in range(3):  # the free port may be taken between choosing and binding
        port = _free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=100"
        )
        result = _run(
            [
                *run_as,
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(folder / "data"),
                "-l",
                str(log),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ],
            check=False,
        )
        if result.returncode == 0:
            return PgCluster(folder, port, run_as)
        last = log.read_text(errors="replace") if log.exists() else result.stderr
    pytest.fail(f"the test PostgreSQL cluster did not start:\n{last}", pytrace=False)


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
