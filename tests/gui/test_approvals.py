"""The approval queue: the presenter over the real services on the fakes, and the page's
wiring — queue columns, the detail pane with thumbnails from the photo store, approve,
reject with a required comment, four eyes, bulk approval after one confirmation, and the
F5/F3 work areas offered to supervisors only."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Role, UnitState
from qc_station.domain.model import RmaLine
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import (
    InspectionDraft,
    PhotoInput,
    latest_rejection,
    submit_inspection,
)
from qc_station.services.users import UserView
from tests.builders import INSPECTOR, make_rma, seed, user
from tests.fakes import FakePrinter, FakeStore
from tests.gui.tables import cell, headers, row_count, texts
from ui.main_window import MainWindow
from ui.pages.approvals_page import ApprovalsPage
from ui.presenters.approvals_presenter import ApprovalsPresenter, BulkPlan
from ui.printing.print_center import PrintCenter
from ui.session import Session
from ui.translations import install_translators
from ui.workspaces import _approvals_page

from .test_main_window import sign_in

ALL_PASS = {
    k: ChecklistAnswer.PASS
    for k in ("powers_on", "screen_intact", "accessories_present", "serial_matches")
} | {"no_liquid_damage": ChecklistAnswer.PASS}


def jpeg(shade: int) -> bytes:
    image = np.full((90, 120, 3), shade, dtype=np.uint8)
    ok, data = cv2.imencode(".jpg", image)
    assert ok
    return data.tobytes()


def decide(
    ctx: ServiceContext,
    lpn: str,
    grade: Grade = Grade.A,
    finding: Finding = Finding.NO_FAULT,
    actor: Actor = INSPECTOR,
    photos: int = 0,
) -> None:
    taken = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
    submit_inspection(
        ctx,
        actor,
        InspectionDraft(
            lpn=lpn,
            grade=grade,
            finding=finding,
            checklist=ALL_PASS,
            notes="box dented",
            photos=tuple(PhotoInput(jpeg(40 + 60 * n), taken, f"p{n}.jpg") for n in range(photos)),
        ),
    )


def line(price: str) -> list[RmaLine]:
    return [RmaLine(1, "SKU-1", "降噪耳机 Headphones", "electronics", "Acme", Decimal(price), 1)]


@pytest.fixture
def queue(store: FakeStore, ctx: ServiceContext) -> None:
    """Three units waiting: a plain 250 USD refund, a 99 USD partial refund, and a
    wrong-item dispute with two photos; one decided by the supervisor herself."""
    seed(
        store,
        make_rma("RMA-BIG", lines=line("250.00")),
        make_rma("RMA-PART", lines=line("99.00")),
        make_rma("RMA-WRONG", lines=line("80.00")),
        make_rma("RMA-MINE", lines=line("300.00")),
    )
    decide(ctx, "RMA-BIG-1")
    decide(ctx, "RMA-PART-1", Grade.B)
    decide(ctx, "RMA-WRONG-1", Grade.A, Finding.WRONG_ITEM, photos=2)
    decide(ctx, "RMA-MINE-1", actor=Actor("sofia", Role.SUPERVISOR, "DESK"))


@pytest.fixture
def supervisor(session: Session) -> Session:
    session.sign_in(UserView("sofia", "Sofia", Role.SUPERVISOR, True, None, False, None, None))
    return session


@pytest.fixture
def page(qtbot: QtBot, supervisor: Session, queue: None) -> ApprovalsPage:
    presenter = ApprovalsPresenter(supervisor)
    widget = ApprovalsPage(presenter)
    qtbot.addWidget(widget)
    widget.activated()
    qtbot.waitUntil(lambda: len(presenter.state.items) == 4 and not presenter.state.loading)
    return widget


def select(qtbot: QtBot, page: ApprovalsPage, lpn: str) -> None:
    row = [cell(page.table, r, 0) for r in range(row_count(page.table))].index(lpn)
    page.table.selectRow(row)
    assert page.presenter.state.selected == lpn


def test_the_queue_shows_why_each_unit_waits(page: ApprovalsPage) -> None:
    table = page.table
    assert headers(table) == [
        "LPN",
        "Product",
        "Outcome",
        "Refund",
        "Why approval",
        "Inspector",
        "Age",
    ]
    rows = {row[0]: row for row in texts(table)}
    assert rows["RMA-BIG-1"][1:6] == [
        "降噪耳机 Headphones",
        "RESTOCK",
        "250.00 USD",
        "At or above the threshold of 200.00 USD",
        "ines",
    ]
    # The cell words each reason from its code (no language's lead cut off); its tooltip
    # and the detail pane give the reasons whole.
    assert rows["RMA-PART-1"][4] == "Partial refund"
    big = [r[0] for r in texts(table)].index("RMA-BIG-1")
    assert page.model.index(big, 4).data(Qt.ItemDataRole.ToolTipRole) == (
        "Needs approval: 250.00 USD is at or above the threshold of 200.00 USD"
    )
    assert rows["RMA-WRONG-1"][2] == "DISPUTE"
    assert rows["RMA-BIG-1"][6] == "0 min"
    assert page.count_label.text() == "4 waiting"
    # Plain: RMA-BIG and RMA-MINE; the supervisor's own is offered by the count, not the plan.
    assert page.bulk_button.text() == "Bulk approve plain (2)…"


def test_the_detail_pane_shows_the_inspection_and_loads_thumbnails(
    qtbot: QtBot, page: ApprovalsPage
) -> None:
    select(qtbot, page, "RMA-WRONG-1")
    assert "RMA-WRONG-1 · 降噪耳机 Headphones" in page.detail_title.text()
    assert page.detail_headline.text().startswith("DISPUTE · Dispute")
    why = page.detail_why.text()
    assert "Needs approval: Dispute needs a supervisor" in why and "Not a plain case" in why
    text = page.detail_inspection.text()
    assert "Grade: A · new · Finding: Wrong item / empty box" in text
    assert "pass · Powers on" in text and "Notes: box dented" in text
    assert "Wrong item" in text  # the policy's reason
    qtbot.waitUntil(lambda: len(page.presenter.state.thumbnails) == 2)
    assert page.photo_list.count() == 2
    assert page.photo_list.item(0).text() == "p0.jpg"
    assert not page.photo_list.item(0).icon().isNull()
    assert "SHA-256" in page.photo_list.item(0).toolTip()


def test_reject_needs_a_comment_and_sends_the_unit_back(
    qtbot: QtBot, page: ApprovalsPage, supervisor: Session
) -> None:
    select(qtbot, page, "RMA-PART-1")
    page.reject_button.click()
    assert page.message.text().startswith("Write a comment for the inspector")
    assert page.presenter.state.items[1].lpn == "RMA-PART-1"  # nothing was sent
    page.comment_edit.setPlainText("Check the accessories again")
    page.reject_button.click()
    qtbot.waitUntil(lambda: len(page.presenter.state.items) == 3)
    assert "sent back to inspection" in page.message.text()
    rejected = latest_rejection(supervisor.ctx, "RMA-PART-1")
    assert rejected is not None and rejected.approval_comment == "Check the accessories again"
    assert page.comment_edit.toPlainText() == ""


def test_approve_emits_the_decision_and_four_eyes_are_kept(
    qtbot: QtBot, page: ApprovalsPage, store: FakeStore
) -> None:
    select(qtbot, page, "RMA-MINE-1")
    page.approve_button.click()
    qtbot.waitUntil(lambda: "four eyes" in page.message.text())
    assert page.message.property("role") == "error"
    select(qtbot, page, "RMA-PART-1")
    with qtbot.waitSignal(page.presenter.decision_approved) as approved:
        page.approve_button.click()
    assert approved.args[0].lpn == "RMA-PART-1" and approved.args[0].approved_by == "sofia"
    qtbot.waitUntil(lambda: len(page.presenter.state.items) == 3)
    with store.uow() as uow:
        rma = uow.rmas.get("RMA-PART")
        assert rma is not None and rma.units[0].state == UnitState.DECIDED


def test_bulk_approval_asks_once_with_count_and_totals(qtbot: QtBot, page: ApprovalsPage) -> None:
    asked: list[str] = []

    def answer(_parent: object, _title: str, question: str) -> bool:
        asked.append(question)
        return True

    page.confirm = answer
    approved: list[str] = []
    page.presenter.decision_approved.connect(lambda d: approved.append(d.lpn))
    page.bulk_button.click()
    qtbot.waitUntil(lambda: len(page.presenter.state.items) == 3)
    assert len(asked) == 1
    assert "Approve 1 plain case(s)?" in asked[0] and "250.00 USD" in asked[0]
    assert approved == ["RMA-BIG-1"]
    assert page.message.text() == "1 approved."


def test_declining_the_confirmation_approves_nothing(qtbot: QtBot, page: ApprovalsPage) -> None:
    page.confirm = lambda *_: False
    page.bulk_button.click()
    assert not page.presenter.state.busy and len(page.presenter.state.items) == 4


def test_a_decision_no_longer_plain_is_refused_by_name(
    qtbot: QtBot, page: ApprovalsPage, supervisor: Session
) -> None:
    plan = page.presenter.bulk_plan()
    assert plan.lpns == ("RMA-BIG-1",)
    # Another supervisor takes it first: the bulk run names it and goes on.
    from qc_station.services import approval

    approval.approve(supervisor.ctx, Actor("sam", Role.SUPERVISOR, "DESK"), "RMA-BIG-1")
    page.presenter.bulk_approve(plan)
    qtbot.waitUntil(lambda: "not approved" in page.message.text())
    assert "RMA-BIG-1: Unit RMA-BIG-1 is decided, not awaiting approval" in page.message.text()


def test_supervisors_get_approvals_and_deadlines_areas(
    qtbot: QtBot, session: Session, store: FakeStore, queue: None
) -> None:
    with store.uow() as uow:
        uow.users.save(user("ines", Role.INSPECTOR))  # ines may be in the cast
        uow.users.save(user("sam", Role.SUPERVISOR))  # in the cast: the test password
        uow.commit()
    main = MainWindow(session, idle_event_source=QObject())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    sign_in(qtbot, main, "ines")
    assert main.findChild(QObject, "approvalsAreaAction") is None
    main.sign_out()
    sign_in(qtbot, main, "sam")
    approvals = main.findChild(QObject, "approvalsAreaAction")
    deadlines = main.findChild(QObject, "deadlinesAreaAction")
    # The shortcut is in the tooltip (the toolbar fits 1366 px); the text may get a count.
    assert approvals.toolTip() == "Approvals (F5)" and approvals.shortcut().toString() == "F5"
    assert approvals.text().startswith("Approvals")
    assert deadlines.text() == "Deadlines && disputes"
    approvals.trigger()
    page = main.area_page("approvalsArea")
    assert isinstance(page, ApprovalsPage)
    qtbot.waitUntil(lambda: len(page.presenter.state.items) == 4)
    deadlines.trigger()
    assert main.area_page("deadlinesArea") is main.pages.currentWidget()
    main.close()


def test_the_approvals_area_prints_the_label_of_each_approved_unit(
    qtbot: QtBot, supervisor: Session, queue: None, printer: FakePrinter
) -> None:
    # SPEC §9: a unit that needed approval gets its label when it is approved.
    supervisor.config = dataclasses.replace(supervisor.config, label_printer="Zebra")
    parent = QWidget()
    qtbot.addWidget(parent)
    area = _approvals_page(supervisor, parent, PrintCenter(supervisor, parent=supervisor))
    assert isinstance(area, ApprovalsPage)
    area.activated()
    qtbot.waitUntil(lambda: len(area.presenter.state.items) == 4)
    select(qtbot, area, "RMA-PART-1")
    area.approve_button.click()
    qtbot.waitUntil(lambda: len(printer.sent) == 1, timeout=10_000)
    queue_name, document, title, _media = printer.sent[0]
    assert queue_name == "Zebra" and "RMA-PART-1" in title
    assert document.startswith(b"%PDF")


@pytest.fixture
def chinese(qapp: QCoreApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    assert translators
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def test_a_bulk_refusal_is_worded_in_the_stations_language(
    qtbot: QtBot, page: ApprovalsPage, supervisor: Session, chinese: None
) -> None:
    from qc_station.services import approval

    # Sofia reopened the decided unit; its new decision is not hers to approve (SPEC §7.3).
    approval.approve(supervisor.ctx, Actor("sam", Role.SUPERVISOR, "DESK"), "RMA-PART-1")
    approval.reopen(supervisor.ctx, supervisor.require_actor(), "RMA-PART-1", "check again")
    decide(supervisor.ctx, "RMA-PART-1", Grade.B)
    page.presenter.bulk_approve(BulkPlan(("RMA-PART-1",), ()))
    qtbot.waitUntil(lambda: bool(page.presenter.state.error))
    # The refusal's catalogue code, worded through the Chinese catalogue (not its English).
    assert "RMA-PART-1: 您重新打开了单件 RMA-PART-1：其新处置决定须由另一位主管审批。" in (
        page.message.text()
    )
