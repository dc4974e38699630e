"""The unit lifecycle state machine (``lifecycle_machine.py``) on the in-memory store: fast,
so it runs many steps. The same machine runs on a SQLite file in
``tests/integration/test_lifecycle_sqlite.py``."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, settings

from qc_station.domain.policy import load_policy
from qc_station.services.context import ServiceContext
from tests.builders import seed, seed_cast
from tests.conftest import DEFAULT_POLICY_FILE
from tests.fakes import FakeClock, FakePasswordHasher, FakePhotoStamper, FakePhotoStore, FakeStore

from .lifecycle_machine import LifecycleMachine, lifecycle_rmas

POLICY = load_policy(DEFAULT_POLICY_FILE.read_bytes())


class FakeLifecycle(LifecycleMachine):
    def make_context(self, clock: FakeClock) -> ServiceContext:
        self.store = FakeStore()
        seed(self.store, *lifecycle_rmas())
        seed_cast(self.store)  # services check the acting user in the store (SPEC §6)
        return ServiceContext(
            self.store.uow,
            clock,
            POLICY,
            FakePhotoStore(),
            FakePasswordHasher(),
            photo_stamper=FakePhotoStamper(),
        )

    def snapshot(self) -> Any:
        return copy.deepcopy(self.store.data), self.store.commits


FakeLifecycle.TestCase.settings = settings(
    max_examples=30,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestLifecycleOnFakeStore = FakeLifecycle.TestCase
