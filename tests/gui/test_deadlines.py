"""The "Deadlines & disputes" page over the real services on the fakes, with a fixed clock:
overdue red and due-soon amber (and said in words), the dispute's steps with a settled
amount, reopening with a required reason, and releasing a stale claim."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qc_station.domain.dispute import DisputeState
from qc_station.domain.enums import Finding, Grade, Role, UnitState
from qc_station.services import approval, returns
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.users import UserView
from tests.builders import INSPECTOR_2, make_rma, seed
from tests.fakes import FakeClock, FakeStore
from ui.pages.deadlines_page import STATUS_ROLE, DeadlinesPage
from ui.presenters.deadlines_presenter import DeadlinesPresenter
from ui.session import Session

from .tables import cell, texts
from .test_approvals import decide, line

SAM = Actor("sam", Role.SUPERVISOR, "DESK")


@pytest.fixture
def follow_up(store: FakeStore, ctx: ServiceContext, clock: FakeClock) -> None:
    """A partial refund approved at 09:00 UTC (due +48 h), a dispute approved at 11:00
    (evidence due +48 h), and a unit claimed at station ST-02 at 11:00."""
    seed(
        store,
        make_rma("RMA-PART", lines=line("99.00")),
        make_rma("RMA-WRONG", lines=line("80.00")),
        make_rma("RMA-HELD", lines=line("20.00")),
    )
    decide(ctx, "RMA-PART-1", Grade.B)
    decide(ctx, "RMA-WRONG-1", Grade.A, Finding.WRONG_ITEM, photos=2)
    approval.approve(ctx, SAM, "RMA-PART-1")
    clock.advance(hours=2)
    approval.approve(ctx, SAM, "RMA-WRONG-1")
    returns.claim_unit(ctx, INSPECTOR_2, "RMA-HELD-1")


@pytest.fixture
def page(qtbot: QtBot, session: Session, follow_up: None, clock: FakeClock) -> DeadlinesPage:
    session.sign_in(UserView("sofia", "Sofia", Role.SUPERVISOR, True, None, False, None, None))
    clock.advance(hours=43)  # 06:00 two days on: the refund is due at 09:00, evidence at 11:00
    widget = DeadlinesPage(DeadlinesPresenter(session))
    qtbot.addWidget(widget)
    widget.activated()
    qtbot.waitUntil(lambda: len(widget.presenter.state.deadlines) == 2)
    return widget


def test_due_soon_is_amber_and_overdue_red_with_words(
    qtbot: QtBot, page: DeadlinesPage, clock: FakeClock
) -> None:
    table = page.deadline_table
    found = texts(table)
    assert [(r[0], r[2], r[3], r[5]) for r in found] == [
        ("due soon", "Refund", "RMA-PART-1", "89.10 USD"),
        ("on track", "Dispute evidence", "RMA-WRONG-1", "80.00 USD"),
    ]
    assert cell(table, 0, 0, STATUS_ROLE) == "due_soon"
    assert cell(table, 0, 0, Qt.ItemDataRole.BackgroundRole).name() == "#fde6b8"
    assert page.summary.text() == "0 overdue · 1 due within 4 h · 1 open dispute(s)"
    clock.advance(hours=4)
    page.refresh_button.click()
    qtbot.waitUntil(lambda: cell(table, 0, 0) == "OVERDUE")
    assert cell(table, 0, 0, Qt.ItemDataRole.BackgroundRole).name() == "#f8d0d0"
    assert cell(table, 1, 0) == "due soon"


def test_a_dispute_goes_evidence_sent_then_settled_with_an_amount(
    qtbot: QtBot, page: DeadlinesPage
) -> None:
    page.tabs.setCurrentIndex(1)
    assert texts(page.dispute_table)[0][:5] == [
        "RMA-WRONG-1",
        "降噪耳机 Headphones",
        "Zoë Müller",
        "80.00 USD",
        "open",
    ]
    page.dispute_table.selectRow(0)
    assert page.evidence_button.isEnabled() and not page.won_button.isEnabled()
    page.dispute_note.setText("evidence pack sent to the marketplace")
    page.evidence_button.click()
    qtbot.waitUntil(lambda: page.presenter.state.disputes[0].state == DisputeState.EVIDENCE_SENT)
    assert len(page.presenter.state.deadlines) == 1  # the evidence is no longer due
    page.dispute_table.selectRow(0)
    page.settled_amount.setText("12.345")
    page.settled_button.click()  # refused by the service, off the GUI thread
    qtbot.waitUntil(lambda: "more decimals than USD allows" in page.message.text())
    assert page.presenter.state.disputes[0].state == DisputeState.EVIDENCE_SENT
    page.settled_amount.setText("")
    page.settled_button.click()
    assert page.message.text() == "Enter the settled amount in USD."
    page.settled_amount.setText("40,50")
    page.settled_button.click()
    qtbot.waitUntil(lambda: page.presenter.state.disputes == ())
    assert page.message.text() == "Dispute about RMA-WRONG-1 closed."
    page.include_closed.setChecked(True)
    qtbot.waitUntil(lambda: len(page.presenter.state.disputes) == 1)
    closed = page.presenter.state.disputes[0]
    assert closed.state == DisputeState.SETTLED and closed.settled_amount == Decimal("40.50")
    assert texts(page.dispute_table)[0][4] == "settled 40.50 USD"


def test_reopen_needs_a_reason_and_withdraws_the_dispute(
    qtbot: QtBot, page: DeadlinesPage, store: FakeStore
) -> None:
    page.tabs.setCurrentIndex(3)
    page.reopen_lpn.setText("RMA-WRONG-1")
    page.reopen_button.click()
    assert page.message.text() == "Write why the unit is reopened; the audit log keeps it."
    page.reopen_reason.setText("Serial was misread")
    page.reopen_button.click()
    qtbot.waitUntil(lambda: page.presenter.state.done == "reopen")
    assert page.reopen_lpn.text() == "" and page.reopen_reason.text() == ""
    qtbot.waitUntil(lambda: page.presenter.state.disputes == ())
    with store.uow() as uow:
        rma = uow.rmas.get("RMA-WRONG")
        assert rma is not None and rma.units[0].state == UnitState.IN_INSPECTION


def test_a_stale_claim_is_listed_and_released_with_a_reason(
    qtbot: QtBot, page: DeadlinesPage, store: FakeStore
) -> None:
    page.tabs.setCurrentIndex(2)
    found = texts(page.claim_table)
    assert [r[0] for r in found] == ["RMA-HELD-1"]
    assert found[0][2:4] == ["ST-02", "ivan"] and found[0][5] == "43 h 0 min"
    page.claim_table.selectRow(0)
    page.release_button.click()
    assert "Write why the claim is released" in page.message.text()
    page.release_reason.setText("station ST-02 is switched off")
    page.release_button.click()
    qtbot.waitUntil(lambda: page.presenter.state.claims == ())
    assert page.message.text() == "RMA-HELD-1 released from station ST-02."
    with store.uow() as uow:
        rma = uow.rmas.get("RMA-HELD")
        assert rma is not None and rma.units[0].claimed_station is None


def test_the_stale_threshold_filters_claims(qtbot: QtBot, page: DeadlinesPage) -> None:
    page.stale_minutes.setValue(60 * 44)
    page.stale_minutes.editingFinished.emit()
    qtbot.waitUntil(lambda: page.presenter.state.claims == () and not page.presenter.state.loading)
    assert page.presenter.state.stale_minutes == 60 * 44
    page.stale_minutes.setValue(60 * 42)
    page.stale_minutes.editingFinished.emit()
    qtbot.waitUntil(lambda: len(page.presenter.state.claims) == 1)
