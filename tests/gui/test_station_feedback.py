"""What the station says back (issue 16): Submit and the headline tell apart a decision that
stores at once, one that goes for approval and one still missing photos, in colour and in
words; a stale "more photos needed" goes when the photos come; a label that did not print is
said on the scan page with where to fix it; the toolbar checks the area on screen and counts
failed prints; the print preview fits a 768 px screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from qc_station.config import Config
from qc_station.domain.enums import Finding, Grade, Headline, Role
from tests.builders import user
from tests.fakes import FakePrinter, FakeStore
from tests.gui.test_inspection import _open, _png
from tests.gui.test_main_window import sign_in
from ui.main_window import MainWindow
from ui.printing.preview_dialog import PrintPreviewDialog
from ui.session import Session
from ui.tasks import TaskRunner
from ui.workspaces import WORKSPACES

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def config() -> Config:
    return Config(station_name="ST-01", label_printer="Zebra", document_printer="Office")


def test_submit_says_what_enter_will_do(qtbot: QtBot, signed_in: Session, rma_code: str) -> None:
    _presenter, page = _open(qtbot, signed_in, rma_code)
    page.grade_buttons[Grade.A].click()  # a change of mind, as new: restock at once
    assert page.submit_button.text() == "Submit (Enter)"
    assert page.submit_button.property("readiness") == "ready"
    assert not page.headline.property("pending")

    page.override_check.setChecked(True)  # an override needs approval
    page.override_combo.setCurrentIndex(page.override_combo.findData(Headline.REFUND.value))
    assert page.submit_button.text() == "Submit for approval (Enter)"
    assert page.submit_button.property("readiness") == "approval"
    assert page.headline.property("pending")
    assert "needs a supervisor's approval" in page.headline.text()

    page.override_check.setChecked(False)
    page.grade_buttons[Grade.B].click()
    page.finding_combo.setCurrentIndex(page.finding_combo.findData(Finding.DEFECT.value))
    assert page.submit_button.text() == "Submit (Enter): 2 more photo(s) needed"
    assert page.submit_button.property("readiness") == "blocked"
    assert "2 missing" in page.photo_status.text()


def test_photos_added_clear_the_photos_needed_error(
    qtbot: QtBot, signed_in: Session, rma_code: str, tmp_path: Path
) -> None:
    presenter, page = _open(qtbot, signed_in, rma_code)
    page.grade_buttons[Grade.B].click()
    page.finding_combo.setCurrentIndex(page.finding_combo.findData(Finding.DEFECT.value))
    page.submit_button.click()
    qtbot.waitUntil(lambda: "photo" in page.error_label.text())
    assert page.error_label.isVisibleTo(page)
    files = [str(_png(tmp_path / "a.png")), str(_png(tmp_path / "b.png"))]
    page.ask_files = lambda: files
    page.add_photos_button.click()
    qtbot.waitUntil(lambda: len(presenter.state.photos) == 2)
    assert not page.error_label.isVisibleTo(page)
    assert page.submit_button.property("readiness") != "blocked"


@pytest.fixture
def window(qtbot: QtBot, session: Session, store: FakeStore, rma_code: str) -> Iterator[MainWindow]:
    with store.uow() as uow:
        uow.users.save(user("ines", Role.INSPECTOR))
        uow.commit()
    main = MainWindow(session, idle_event_source=QObject())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    yield main
    main.close()


def test_a_label_that_fails_to_print_is_said_on_the_scan_page(
    qtbot: QtBot, window: MainWindow, printer: FakePrinter, rma_code: str
) -> None:
    sign_in(qtbot, window)
    printer.queues = ["Office"]  # the label printer is unplugged
    with qtbot.waitSignal(window.print_center.job_failed, timeout=10_000):
        window.print_center.print_label(f"{rma_code}-1")
    message = window.scan_page.message.text()
    assert "was not printed" in message
    assert "Print queue (F11)" in message
    assert "Administration → Printers" in message
    assert window.scan_page.message.property("role") == "error"
    # The toolbar counts it, in words.
    action = window.findChild(type(window.scan_action), "printQueueAreaAction")
    qtbot.waitUntil(lambda: "(1 failed)" in action.text(), timeout=10_000)


def test_the_toolbar_checks_the_area_on_screen(qtbot: QtBot, window: MainWindow) -> None:
    assert window.area_group.checkedAction() is None  # the login page
    sign_in(qtbot, window)
    assert window.scan_action.isChecked()
    queue = next(w for w in WORKSPACES if w.key == "printQueueArea")
    window.show_area(queue)
    action = window.findChild(type(window.scan_action), "printQueueAreaAction")
    assert action.isChecked() and not window.scan_action.isChecked()
    action.trigger()  # again: still the area on screen, still checked
    assert action.isChecked()
    window.show_scan()
    assert window.scan_action.isChecked()


def test_the_preview_fits_the_screen(qtbot: QtBot, runner: TaskRunner) -> None:
    dialog = PrintPreviewDialog(b"%PDF-1.4", "Label X", runner)
    qtbot.addWidget(dialog)
    free = dialog.screen().availableGeometry()
    assert dialog.height() <= free.height() - 40
    assert dialog.width() <= free.width()
    dialog.show()
    bottom = dialog.print_button.mapTo(dialog, dialog.print_button.rect().bottomLeft()).y()
    assert dialog.print_button.isVisible() and bottom <= dialog.height()
