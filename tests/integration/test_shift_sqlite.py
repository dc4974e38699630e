"""The shift at a station (``services.shift``, issue 16) through the real SQL on a SQLite
file: the same day as the fake's test (``tests/unit/services/test_shift.py``)."""

from __future__ import annotations

from sqlalchemy import Engine

from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.domain.policy import Policy
from qc_station.services.context import ServiceContext
from tests.builders import seed_cast_in
from tests.fakes import FakeClock, FakePasswordHasher, FakePhotoStamper, FakePhotoStore
from tests.unit.services.test_shift import build_shift, check_shift

from .conftest import EngineMaker


def test_the_day_at_a_station_on_sqlite(
    sqlite_url: str, engines: EngineMaker, default_policy: Policy
) -> None:
    engine: Engine = engines(sqlite_url)
    uow = SqlUnitOfWorkFactory(engine)
    seed_cast_in(uow)
    clock = FakeClock()
    ctx = ServiceContext(
        uow=lambda read_only=False: uow(),
        clock=clock,
        policy=default_policy,
        photos=FakePhotoStore(),
        passwords=FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
    build_shift(uow, ctx, clock)
    check_shift(ctx)
