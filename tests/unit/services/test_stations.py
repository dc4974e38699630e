"""Station heartbeats, the stations overview, stale claims and releasing them, on the fakes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from qc_station.domain.enums import UnitState
from qc_station.domain.errors import Conflict, PermissionDenied, ValidationError
from qc_station.services import returns, stations
from qc_station.services.context import ServiceContext
from qc_station.services.stations import StationInfo
from tests.builders import INSPECTOR, INSPECTOR_2, SUPERVISOR, make_rma, seed
from tests.fakes import FakeClock, FakeStore

START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _rmas(store: FakeStore) -> None:
    seed(store, make_rma("RMA-1"), make_rma("RMA-2"), make_rma("RMA-3"))


def beat(ctx: ServiceContext, name: str) -> None:
    stations.heartbeat(ctx, StationInfo(name, f"host-{name.lower()}", "0.1.0", START))


def test_heartbeat_upserts_and_online_follows_its_age(
    ctx: ServiceContext, clock: FakeClock, store: FakeStore
) -> None:
    beat(ctx, "ST-01")
    beat(ctx, "ST-02")
    clock.advance(seconds=30)
    beat(ctx, "ST-01")  # ST-02 has gone quiet
    assert len(store.data.stations) == 2
    assert store.data.stations["ST-01"].last_seen == clock.now()
    clock.advance(seconds=40)  # ST-02 last seen 70 s ago, ST-01 40 s ago
    views = {v.name: v for v in stations.list_stations(ctx, SUPERVISOR)}
    assert views["ST-01"].online
    assert not views["ST-02"].online
    assert views["ST-02"].host == "host-st-02"
    assert views["ST-02"].last_seen == clock.now() - timedelta(seconds=70)


def test_heartbeat_needs_a_name(ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError, match="needs a name"):
        beat(ctx, "  ")


def test_claims_are_listed_per_station_and_stale_ones_found(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    beat(ctx, "ST-01")
    beat(ctx, "ST-02")
    returns.claim_unit(ctx, INSPECTOR, "RMA-1-1")
    clock.advance(minutes=20)
    returns.claim_unit(ctx, INSPECTOR_2, "RMA-2-1")
    beat(ctx, "ST-01")
    beat(ctx, "ST-02")
    views = {v.name: v for v in stations.list_stations(ctx, SUPERVISOR)}
    assert [c.lpn for c in views["ST-01"].claims] == ["RMA-1-1"]
    assert [(c.lpn, c.user) for c in views["ST-02"].claims] == [("RMA-2-1", "ivan")]
    # Both stations online; only the 30-minute-old claim is stale at 30 minutes.
    clock.advance(minutes=10)
    beat(ctx, "ST-01")
    beat(ctx, "ST-02")
    assert [c.lpn for c in stations.stale_claims(ctx, SUPERVISOR, timedelta(minutes=30))] == [
        "RMA-1-1"
    ]
    # ST-02 goes away: its fresh claim is stale too, because nobody is working on it.
    clock.advance(minutes=2)
    beat(ctx, "ST-01")
    stale = stations.stale_claims(ctx, SUPERVISOR, timedelta(minutes=30))
    assert [(c.lpn, c.station_online) for c in stale] == [("RMA-1-1", True), ("RMA-2-1", False)]


def test_a_station_known_only_by_its_claim_is_listed_offline(ctx: ServiceContext) -> None:
    returns.claim_unit(ctx, INSPECTOR, "RMA-3-1")  # ST-01 never reported in (the CLI)
    [view] = stations.list_stations(ctx, SUPERVISOR)
    assert (view.name, view.online, view.last_seen, view.host) == ("ST-01", False, None, "")
    assert view.claims[0].stale


def test_supervisor_releases_a_stale_claim_with_a_reason(
    ctx: ServiceContext, store: FakeStore
) -> None:
    returns.claim_unit(ctx, INSPECTOR, "RMA-1-1")
    with pytest.raises(ValidationError, match="needs a reason"):
        stations.release_stale_claim(ctx, SUPERVISOR, "RMA-1-1", " ")
    stations.release_stale_claim(ctx, SUPERVISOR, "RMA-1-1", "station ST-01 crashed")
    unit = store.data.rmas["RMA-1"].units[0]
    assert (unit.state, unit.claimed_station) == (UnitState.IN_INSPECTION, None)
    event = store.data.audit[-1]
    assert (event.action, event.actor, event.new) == (
        "release_claim",
        "sofia",
        {"reason": "station ST-01 crashed"},
    )
    # Another station may take it now.
    returns.claim_unit(ctx, INSPECTOR_2, "RMA-1-1")
    with pytest.raises(Conflict, match="not claimed"):
        stations.release_stale_claim(ctx, SUPERVISOR, "RMA-2-1", "nothing to release")


def test_inspectors_may_not_see_or_release(ctx: ServiceContext) -> None:
    returns.claim_unit(ctx, INSPECTOR, "RMA-1-1")
    with pytest.raises(PermissionDenied):
        stations.list_stations(ctx, INSPECTOR_2)
    with pytest.raises(PermissionDenied):
        stations.release_stale_claim(ctx, INSPECTOR_2, "RMA-1-1", "mine now")
