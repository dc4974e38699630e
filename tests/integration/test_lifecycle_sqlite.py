"""The unit lifecycle state machine (tests/unit/services/lifecycle_machine.py) on a real
SQLite file: fewer steps than on the in-memory store, but through the SQL repositories, the
optimistic version checks and real transactions. A refused action must leave every table
exactly as it was (compared through ``iterdump``)."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

from qc_station.adapters.database import make_engine
from qc_station.adapters.migrate import upgrade
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.domain.policy import load_policy
from qc_station.services.context import ServiceContext
from tests.builders import seed_cast_in
from tests.conftest import DEFAULT_POLICY_FILE
from tests.fakes import FakeClock, FakePasswordHasher, FakePhotoStamper, FakePhotoStore
from tests.unit.services.lifecycle_machine import LifecycleMachine, lifecycle_rmas

POLICY = load_policy(DEFAULT_POLICY_FILE.read_bytes())
_TEMPLATE: Path | None = None


def _template() -> Path:
    """One migrated, seeded file per session; each run works on a copy."""
    global _TEMPLATE
    if _TEMPLATE is None:
        path = Path(tempfile.mkdtemp(prefix="qc-lifecycle-")) / "template.db"
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        with SqlUnitOfWorkFactory(engine)() as uow:
            uow.rmas.add_many(lifecycle_rmas())
            uow.commit()
        engine.dispose()
        _TEMPLATE = path
    return _TEMPLATE


class SqliteLifecycle(LifecycleMachine):
    def make_context(self, clock: FakeClock) -> ServiceContext:
        self.folder = Path(tempfile.mkdtemp(prefix="qc-lifecycle-run-"))
        self.path = self.folder / "station.db"
        shutil.copyfile(_template(), self.path)
        self.engine = make_engine(f"sqlite:///{self.path}")
        made = ServiceContext(
            SqlUnitOfWorkFactory(self.engine),
            clock,
            POLICY,
            FakePhotoStore(),
            FakePasswordHasher(),
            photo_stamper=FakePhotoStamper(),
        )
        seed_cast_in(made.uow)
        return made

    def snapshot(self) -> Any:
        conn = sqlite3.connect(self.path)
        try:
            return list(conn.iterdump())
        finally:
            conn.close()

    def teardown(self) -> None:
        self.engine.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)


SqliteLifecycle.TestCase.settings = settings(
    max_examples=8,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLifecycleOnSqlite = SqliteLifecycle.TestCase
