"""Shared fixtures: the default policy, a service context on fakes, and test markers.

Tests under tests/gui are marked ``gui`` automatically; the Qt platform is offscreen unless a
test sets up a real display itself.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qc_station.domain.policy import Policy, load_policy
from qc_station.services.context import ServiceContext
from tests.fakes import FakeClock, FakePasswordHasher, FakePhotoStore, FakeStore

# Hypothesis: no per-example deadline (two shared cores make timings noisy, and a slow
# example is not a wrong one); modest example counts keep the suite fast. For a long fuzzing
# session: QC_HYPOTHESIS_PROFILE=thorough (20 times the examples).
settings.register_profile("qc", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", settings.get_profile("qc"), max_examples=2000)
settings.load_profile(os.environ.get("QC_HYPOTHESIS_PROFILE", "qc"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_POLICY_FILE = ROOT / "resources" / "policy" / "default_policy.toml"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in item.nodeid or item.nodeid.startswith("gui/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def default_policy() -> Policy:
    return load_policy(DEFAULT_POLICY_FILE.read_bytes())


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


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
    )
