"""The unit history (SPEC §8) on the fakes through the real services: a unit imported,
inspected, approved, exported, reopened, re-decided and exported again tells that story in
time order, with its decision as it stands; a SKU lists its units; an unknown code is refused."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade
from qc_station.domain.errors import NotFound, PermissionDenied
from qc_station.domain.model import DecisionStatus, RmaLine
from qc_station.services import approval
from qc_station.services.context import ServiceContext
from qc_station.services.finance import export_finance
from qc_station.services.history import UnitHistory, UnitList, describe_change, unit_history
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from tests.builders import INSPECTOR, SUPERVISOR, SUPERVISOR_2, make_rma, seed
from tests.fakes import FakeClock, FakeStore

CODE = "RMA-HIST-1"
LPN = f"{CODE}-1"
PHOTO = b"\xff\xd8\xff" + b"photo"


def _decide(ctx: ServiceContext, clock: FakeClock, grade: Grade) -> None:
    clock.advance(minutes=1)
    checklist = {i.key: ChecklistAnswer.PASS for i in ctx.policy.checklist_for("electronics")}
    photos = tuple(PhotoInput(PHOTO + bytes([n]), clock.now(), f"{n}.jpg") for n in range(2))
    view = submit_inspection(
        ctx, INSPECTOR, InspectionDraft(LPN, grade, Finding.NO_FAULT, checklist, photos=photos)
    )
    if view.status == DecisionStatus.PENDING:
        clock.advance(minutes=1)
        approval.approve(ctx, SUPERVISOR_2, LPN)


@pytest.fixture
def story(ctx: ServiceContext, clock: FakeClock, store: FakeStore) -> None:
    line = RmaLine(1, "SKU-HIST", "Headset", "electronics", "Acme", Decimal("99.00"), 2)
    rma = make_rma(CODE, lines=[line], created_at=clock.now(), delivery_date=date(2026, 10, 20))
    seed(store, rma)
    _decide(ctx, clock, Grade.C)  # a deduction: four eyes, approved by sam
    clock.advance(minutes=1)
    export_finance(ctx, SUPERVISOR, io.BytesIO())
    clock.advance(minutes=1)
    approval.reopen(ctx, SUPERVISOR, LPN, "customer sent proof")
    _decide(ctx, clock, Grade.A)
    clock.advance(minutes=1)
    export_finance(ctx, SUPERVISOR, io.BytesIO())


def test_the_story_of_a_unit_in_time_order(ctx: ServiceContext, story: None) -> None:
    found = unit_history(ctx, SUPERVISOR, LPN)
    assert isinstance(found, UnitHistory) and found.matched == "LPN"
    actions = [(line.subject.split()[0], line.action) for line in found.lines]
    steps = [
        ("rma", "import"),
        ("inspection", "record"),
        ("decision", "decide"),
        ("decision", "approve"),
        ("export", "finance_export"),
        ("unit", "reopen"),
        ("decision", "supersede"),
        ("inspection", "record"),
        ("decision", "decide"),
        ("export", "finance_export"),
    ]
    at = 0
    for step in steps:  # in this order, other events (unit transitions) in between
        at = actions.index(step, at) + 1
    times = [line.at for line in found.lines]
    assert times == sorted(times)
    reopen = next(line for line in found.lines if line.action == "reopen")
    assert reopen.actor == "sofia" and reopen.station == "DESK"
    assert "state: decided → in_inspection" in reopen.details
    assert "customer sent proof" in reopen.details
    (unit,) = found.units
    assert unit.state == "decided" and unit.headline == "RESTOCK"
    assert (unit.refund_amount, unit.currency) == (Decimal("99.00"), "USD")
    assert unit.status == DecisionStatus.FINAL
    assert unit.export_batch is not None
    # The second unit of the RMA has no events of its own in this story.
    assert all(f"{CODE}-2" not in line.subject for line in found.lines)


def test_an_rma_an_order_and_a_tracking_number_tell_the_story_of_all_units(
    ctx: ServiceContext, story: None
) -> None:
    for code, matched in ((CODE, "RMA"), ("ORD-1001", "order id"), ("1Z999", "tracking number")):
        found = unit_history(ctx, SUPERVISOR, code)
        assert isinstance(found, UnitHistory) and found.matched == matched
        assert [u.lpn for u in found.units] == [LPN, f"{CODE}-2"]
        assert found.units[1].headline is None and found.units[1].state == "expected"


def test_a_sku_and_a_customer_list_their_units(
    ctx: ServiceContext, store: FakeStore, story: None
) -> None:
    for n in range(2, 30):
        line = RmaLine(1, "SKU-HIST", "Headset", "electronics", "Acme", Decimal("99.00"), 2)
        seed(store, make_rma(f"RMA-HIST-{n}", lines=[line], order_id=f"ORD-{n}"))
    found = unit_history(ctx, SUPERVISOR, "SKU-HIST")
    assert isinstance(found, UnitList) and found.matched == "SKU"
    assert len(found.units) == 50 and found.truncated
    assert found.units[0].lpn == LPN and found.units[0].headline == "RESTOCK"
    by_customer = unit_history(ctx, SUPERVISOR, "Zoë Müller")
    assert isinstance(by_customer, UnitList) and by_customer.matched == "customer"


def test_an_unknown_code_is_not_found(ctx: ServiceContext, story: None) -> None:
    with pytest.raises(NotFound, match="NOPE-1"):
        unit_history(ctx, SUPERVISOR, "NOPE-1")


def test_inspectors_may_not_read_the_history(ctx: ServiceContext, story: None) -> None:
    with pytest.raises(PermissionDenied):
        unit_history(ctx, INSPECTOR, LPN)


def test_a_change_reads_as_old_to_new() -> None:
    text = describe_change(
        {"state": "decided", "lpn": "X-1"}, {"state": "in_inspection", "lpn": "X-1", "why": ""}
    )
    assert text == "state: decided → in_inspection; lpn: X-1"
    assert describe_change(None, {"sha256": "a" * 64}) == "sha256: aaaaaaaaaaaa…"
