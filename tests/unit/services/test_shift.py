"""The shift at a station (``services.shift``, issue 16) on the fakes: today's counts for the
inspector and the station, and the station's last decisions with their products. The same
day is checked on SQLite in ``tests/integration/test_shift_sqlite.py``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline, Resolution, Role
from qc_station.domain.model import DecisionStatus, Rma, RmaLine
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from qc_station.services.ports import UnitOfWork
from qc_station.services.returns import claim_unit
from qc_station.services.shift import day_start, shift_view
from tests.builders import INSPECTOR, INSPECTOR_2, make_rma
from tests.fakes import FakeClock

#: The second inspector working at the first one's station for a while.
IVAN_HERE = Actor(INSPECTOR_2.username, Role.INSPECTOR, INSPECTOR.station)
MORNING = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def _rma(code: str, product: str, price: str) -> Rma:
    line = RmaLine(1, f"SKU-{code[-1]}", product, "electronics", "Acme", Decimal(price), 1)
    return make_rma(code, lines=[line])


def _decide(ctx: ServiceContext, actor: Actor, lpn: str, grade: Grade = Grade.A) -> None:
    claim_unit(ctx, actor, lpn)
    items = ctx.policy.checklist_for("electronics")
    faulty = grade != Grade.A
    draft = InspectionDraft(
        lpn=lpn,
        grade=grade,
        finding=Finding.DEFECT if faulty else Finding.NO_FAULT,
        checklist={item.key: ChecklistAnswer.PASS for item in items},
        # A fault needs its photos (the policy's evidence rule).
        photos=tuple(PhotoInput(JPEG + bytes([n]), ctx.clock.now(), f"p{n}.jpg") for n in range(3))
        if faulty
        else (),
    )
    submit_inspection(ctx, actor, draft)


def build_shift(uow: Callable[[], UnitOfWork], ctx: ServiceContext, clock: FakeClock) -> None:
    """A day at ST-01: one decision yesterday; today Ines decides two units (the second, a
    refund above the approval threshold, waits for a supervisor), Ivan one at her station,
    and one at his own station, ST-02."""
    with uow() as work:
        work.rmas.add(_rma("RMA-SHIFT-1", "Wireless headset", "99.00"))
        work.rmas.add(_rma("RMA-SHIFT-2", "Espresso machine 咖啡机", "900.00"))
        work.rmas.add(_rma("RMA-SHIFT-3", "Kettle", "30.00"))
        work.rmas.add(_rma("RMA-SHIFT-4", "Toaster", "40.00"))
        work.rmas.add(_rma("RMA-SHIFT-5", "Lamp", "20.00"))
        work.commit()
    clock.current = MORNING - timedelta(hours=12)  # yesterday evening
    _decide(ctx, INSPECTOR, "RMA-SHIFT-5-1")
    clock.current = MORNING
    _decide(ctx, INSPECTOR, "RMA-SHIFT-1-1")
    clock.advance(minutes=5)
    _decide(ctx, INSPECTOR, "RMA-SHIFT-2-1", Grade.C)
    clock.advance(minutes=5)
    _decide(ctx, IVAN_HERE, "RMA-SHIFT-3-1")
    clock.advance(minutes=5)
    _decide(ctx, INSPECTOR_2, "RMA-SHIFT-4-1")


def check_shift(ctx: ServiceContext) -> None:
    """What ``build_shift`` leaves, as Ines and Ivan see it at ST-01."""
    view = shift_view(ctx, INSPECTOR, tz=UTC)

    assert view.since == MORNING.replace(hour=0)
    assert (view.mine, view.station_total) == (2, 3)
    assert [d.lpn for d in view.recent] == ["RMA-SHIFT-3-1", "RMA-SHIFT-2-1", "RMA-SHIFT-1-1"]
    kettle, machine, headset = view.recent
    assert (kettle.decided_by, kettle.product_name, kettle.sku) == ("ivan", "Kettle", "SKU-3")
    assert machine.product_name == "Espresso machine 咖啡机"
    assert machine.status == DecisionStatus.PENDING and machine.awaiting_approval
    assert not headset.awaiting_approval
    assert (headset.headline, headset.resolution) == (Headline.RESTOCK, Resolution.FULL_REFUND)
    assert headset.rma_code == "RMA-SHIFT-1"
    assert headset.decided_at == MORNING

    ivan = shift_view(ctx, IVAN_HERE, tz=UTC)
    assert (ivan.mine, ivan.station_total) == (1, 3)
    assert len(shift_view(ctx, INSPECTOR, tz=UTC, limit=2).recent) == 2


def test_the_day_at_a_station(ctx: ServiceContext, clock: FakeClock) -> None:
    build_shift(ctx.uow, ctx, clock)
    check_shift(ctx)


def test_a_new_day_starts_from_nothing(ctx: ServiceContext, clock: FakeClock) -> None:
    build_shift(ctx.uow, ctx, clock)
    clock.current = MORNING + timedelta(days=1)
    view = shift_view(ctx, INSPECTOR, tz=UTC)
    assert (view.mine, view.station_total, view.recent) == (0, 0, ())


def test_the_day_starts_at_local_midnight() -> None:
    tokyo = timezone(timedelta(hours=9))
    # 20:00 UTC on the 1st is 05:00 on the 2nd in Tokyo: the day began at 15:00 UTC.
    assert day_start(datetime(2026, 11, 1, 20, 0, tzinfo=UTC), tokyo) == datetime(
        2026, 11, 1, 15, 0, tzinfo=UTC
    )
    assert day_start(MORNING, UTC) == datetime(2026, 11, 2, tzinfo=UTC)
