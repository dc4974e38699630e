"""Shared fixtures: the default policy, a service context on fakes, and test markers.

Tests under tests/gui are marked ``gui`` automatically; the Qt platform is offscreen unless a
test sets up a real display itself.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qc_station.domain.policy import Policy, load_policy
from qc_station.resources import default_policy_file
from qc_station.services.context import ServiceContext
from tests.builders import seed_cast
from tests.fakes import (
    FakeClock,
    FakePasswordHasher,
    FakePhotoStamper,
    FakePhotoStore,
    FakeStore,
)
from ui.garbage import collect_if_due

# The test process follows the station's rule (ui/garbage.py): no automatic cycle collection,
# which could run on a task-runner thread and destroy a widget left over from an earlier test
# there (a segmentation fault we saw in CI). Garbage is collected between tests, here, on the
# main thread.
gc.disable()

# Hypothesis: no per-example deadline (two shared cores make timings noisy, and a slow
# example is not a wrong one); modest example counts keep the suite fast. For a long fuzzing
# session: QC_HYPOTHESIS_PROFILE=thorough (20 times the examples).
settings.register_profile("qc", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", settings.get_profile("qc"), max_examples=2000)
settings.load_profile(os.environ.get("QC_HYPOTHESIS_PROFILE", "qc"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_POLICY_FILE = default_policy_file()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in item.nodeid or item.nodeid.startswith("gui/"):
            item.add_marker(pytest.mark.gui)


def pytest_collection_finish(session: pytest.Session) -> None:
    # Everything imported so far lives for the whole run: keep it out of the collections
    # between tests, which then cost microseconds instead of a tenth of a second.
    gc.freeze()


@pytest.fixture(autouse=True)
def _collect_garbage_between_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    uses_qt = {"qapp", "qtbot"} & set(request.fixturenames)
    if uses_qt or request.node.get_closest_marker("gui") is not None:
        # GUI tests leave pages and presenters in cycles: free them all, before the next
        # test starts threads of its own.
        gc.collect()
    else:
        collect_if_due()


@pytest.fixture(scope="session")
def default_policy() -> Policy:
    return load_policy(DEFAULT_POLICY_FILE.read_bytes())


@pytest.fixture
def store(request: pytest.FixtureRequest) -> FakeStore:
    """The fake database, holding the users of ``tests.builders.CAST`` (services check the
    acting user's current role and state, SPEC §6); a test marked ``empty_site`` gets a
    store without any user (the first-admin setup, the local ``system`` operator)."""
    made = FakeStore()
    if request.node.get_closest_marker("empty_site") is None:
        seed_cast(made)
    return made


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ctx(store: FakeStore, clock: FakeClock, default_policy: Policy) -> ServiceContext:
    return ServiceContext(
        uow=store.uow,
        clock=clock,
        policy=default_policy,
        photos=FakePhotoStore(),
        passwords=FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
