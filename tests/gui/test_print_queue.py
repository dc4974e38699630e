"""Printing from the window: the label prints after a decision that needs no approval, a
missing printer leaves the job in the print queue with its error, retry and discard work from
the "Print queue" area, and the preview shows the pages it will print."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from qc_station.config import Config
from qc_station.domain.enums import Role
from tests.builders import user
from tests.fakes import FakePrinter, FakeStore
from tests.gui.tables import cell, row_count
from tests.gui.test_main_window import scan, sign_in
from ui.main_window import MainWindow
from ui.printing.print_center import PrintCenter
from ui.printing.queue_page import PrintQueuePage
from ui.session import Session
from ui.workspaces import WORKSPACES


@pytest.fixture
def config() -> Config:
    return Config(station_name="ST-01", label_printer="Zebra", document_printer="Office")


@pytest.fixture
def center(signed_in: Session) -> PrintCenter:
    # Over the station's print queue (the session's ports: the test's spool, the fake printer).
    return PrintCenter(signed_in, parent=signed_in)


@pytest.fixture
def page(qtbot: QtBot, center: PrintCenter) -> PrintQueuePage:
    queue_page = PrintQueuePage(center)
    qtbot.addWidget(queue_page)
    return queue_page


def wait_idle(qtbot: QtBot, center: PrintCenter) -> None:
    qtbot.waitUntil(lambda: center._running == 0, timeout=10_000)


def test_a_label_prints_on_the_label_printer(
    qtbot: QtBot, center: PrintCenter, printer: FakePrinter, rma_code: str
) -> None:
    with qtbot.waitSignal(center.job_printed, timeout=10_000) as printed:
        center.print_label(f"{rma_code}-1")
    assert printed.args == [f"Label {rma_code}-1", "Zebra"]
    [(queue, pdf, title, media)] = printer.sent
    assert (queue, title, media) == ("Zebra", f"Label {rma_code}-1", "Custom.4x6in")
    assert pdf.startswith(b"%PDF")
    assert center.last_label == f"{rma_code}-1"


def test_a_missing_printer_queues_the_job_and_retry_prints_it(
    qtbot: QtBot, center: PrintCenter, page: PrintQueuePage, printer: FakePrinter, rma_code: str
) -> None:
    printer.queues = ["Office"]  # the label printer is unplugged
    with qtbot.waitSignal(center.job_failed, timeout=10_000) as failed:
        center.print_label(rma_code)
    assert "waits in the print queue" in failed.args[1]
    assert "'Zebra' does not exist" in failed.args[1]
    wait_idle(qtbot, center)
    qtbot.waitUntil(lambda: row_count(page.table) == 1)
    assert cell(page.table, 0, 0) == f"Label {rma_code}-1"
    assert "does not exist" in cell(page.table, 0, 4)
    assert page.message.text() == failed.args[1]

    printer.queues = ["Zebra", "Office"]  # plugged back in
    page.table.selectRow(0)
    with qtbot.waitSignal(center.job_printed, timeout=10_000):
        page.retry_button.click()
    qtbot.waitUntil(lambda: row_count(page.table) == 0)
    assert page.empty.isVisibleTo(page)
    assert printer.sent and printer.sent[0][0] == "Zebra"


def test_discard_asks_first(
    qtbot: QtBot, center: PrintCenter, page: PrintQueuePage, printer: FakePrinter, rma_code: str
) -> None:
    printer.queues = []  # no printer at all
    with qtbot.waitSignal(center.job_failed, timeout=10_000):
        center.print_report(rma_code)
    qtbot.waitUntil(lambda: row_count(page.table) == 1)
    page.table.selectRow(0)
    questions: list[str] = []
    page.ask = lambda question: questions.append(question) or False
    page.discard_button.click()
    assert questions == [f"Discard Report {rma_code}? It will not be printed."]
    page.activated()
    wait_idle(qtbot, center)
    assert row_count(page.table) == 1
    page.ask = lambda question: True
    page.table.selectRow(0)
    page.discard_button.click()
    qtbot.waitUntil(lambda: row_count(page.table) == 0, timeout=10_000)
    assert center.queue.pending() == []


# The offscreen platform cannot size top-level dialogs and says so; a real display does not.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_preview_shows_the_pages_and_prints_the_same_pdf(
    qtbot: QtBot, center: PrintCenter, page: PrintQueuePage, printer: FakePrinter, rma_code: str
) -> None:
    page.code.setText(rma_code)
    page.preview_report_button.click()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=10_000)
    dialog = page.preview
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.page_count >= 1, timeout=10_000)
    assert dialog.status.text() == f"{dialog.page_count} page(s)"
    shown = dialog.pdf
    with qtbot.waitSignal(center.job_printed, timeout=10_000) as printed:
        dialog.print_button.click()
    assert printed.args == [f"Report {rma_code}", "Office"]
    assert printer.sent[0][1] == shown


def test_preview_of_an_unknown_code_says_so(
    qtbot: QtBot, center: PrintCenter, page: PrintQueuePage
) -> None:
    page.code.setText("NOPE-1")
    with qtbot.waitSignal(center.render_failed, timeout=10_000):
        page.preview_label_button.click()
    assert "NOPE-1" in page.message.text()
    assert page.preview is None


def test_reprint_last_label(
    qtbot: QtBot, center: PrintCenter, page: PrintQueuePage, printer: FakePrinter, rma_code: str
) -> None:
    page.reprint_button.click()
    assert "No label" in page.message.text()
    center.last_label = rma_code
    with qtbot.waitSignal(center.job_printed, timeout=10_000):
        page.reprint_button.click()
    assert len(printer.sent) == 1


def test_the_print_queue_area_is_offered_to_every_role() -> None:
    [area] = [w for w in WORKSPACES if w.key == "printQueueArea"]
    assert area.roles == frozenset(Role)


@pytest.fixture
def window(qtbot: QtBot, session: Session, store: FakeStore, rma_code: str) -> Iterator[MainWindow]:
    with store.uow() as uow:
        uow.users.save(user("ines", Role.INSPECTOR))  # ines may be in the cast
        uow.commit()
    main = MainWindow(session, idle_event_source=QObject())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    yield main
    main.close()


def test_a_decision_without_approval_prints_its_label(
    qtbot: QtBot, window: MainWindow, printer: FakePrinter, rma_code: str
) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, rma_code)
    qtbot.keyClick(window.inspection_page, Qt.Key.Key_1)  # grade A: restock, no approval
    center = window.print_center
    with qtbot.waitSignal(center.job_printed, timeout=10_000) as printed:
        qtbot.keyClick(window.inspection_page, Qt.Key.Key_Return)
    assert printed.args == [f"Label {rma_code}-1", "Zebra"]


def test_a_decision_needing_approval_prints_nothing_yet(
    qtbot: QtBot, window: MainWindow, printer: FakePrinter, rma_code: str
) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, rma_code)
    qtbot.keyClick(window.inspection_page, Qt.Key.Key_2)  # grade B: partial refund, approval
    with qtbot.waitSignal(window.inspection_presenter.decision_submitted, timeout=10_000):
        qtbot.keyClick(window.inspection_page, Qt.Key.Key_Return)
    window.session.runner.wait_idle()
    qtbot.wait(50)
    assert printer.sent == []
    assert window.print_center.queue.pending() == []


def test_the_window_hands_its_one_print_center_to_the_pages(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window)
    [area] = [w for w in WORKSPACES if w.key == "printQueueArea"]
    window.show_area(area)
    page = window.area_page("printQueueArea")
    assert isinstance(page, PrintQueuePage)
    assert page.center is window.print_center
    assert window.print_center.queue is window.session.ports.print_queue
