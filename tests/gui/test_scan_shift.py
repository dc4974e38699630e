"""The scan page's shift (issue 16) on a real station: ``bootstrap.build`` on a SQLite file,
the real services and main window at 1366×768; only the printer is a fake and the passwords
are the test's. After decisions made with the keyboard the page shows today's counts and the
last decisions in words; ↑/↓ choose one and Ctrl+P queues its label again, while the scan
field keeps the focus and a scan still lands in it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from qc_station.bootstrap import App, build
from qc_station.config import Config
from qc_station.domain.enums import Role
from qc_station.services.print_queue import PrintKind
from tests.builders import make_rma, user
from tests.fakes import FakePasswordHasher, FakePrinter
from ui.main_window import MainWindow
from ui.session import Session
from ui.sounds import Sounds
from ui.tasks import TaskRunner

from .tables import cell, row_count
from .test_main_window import sign_in

SCREEN = (1366, 768)
STATION = "ST-01"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    config = Config(station_name=STATION, data_dir=str(tmp_path / "data"), label_printer="Zebra")
    built = build(config)
    built = replace(built, ctx=replace(built.ctx, passwords=FakePasswordHasher()))
    with built.ctx.uow() as uow:
        uow.users.add(user("ines", Role.INSPECTOR))
        for n in (1, 2, 3):
            uow.rmas.add(make_rma(f"RMA-2026-00030{n}", order_id=f"ORD-30{n}"))
        uow.commit()
    yield built
    built.close()


@pytest.fixture
def window(qtbot: QtBot, app: App, printer: FakePrinter) -> Iterator[MainWindow]:
    ports = replace(app.ports, make_printer=lambda: printer)
    runner = TaskRunner()
    session = Session(app.ctx, app.config, runner, Sounds(silent=True), ports=ports)
    main = MainWindow(session, idle_event_source=QObject())
    qtbot.addWidget(main)
    main.resize(*SCREEN)
    main.show()
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    yield main
    main.close()
    runner.wait_idle()


def _decide(qtbot: QtBot, main: MainWindow, code: str) -> None:
    """Scan, grade A with its key, Enter: the keyboard path of SPEC §8."""
    main.scan_page.scan_edit.setText(code)
    with qtbot.waitSignal(main.scan_presenter.unit_claimed):
        main.scan_page.scan_edit.returnPressed.emit()
    qtbot.keyClick(main.inspection_page, Qt.Key.Key_A)
    with qtbot.waitSignal(main.inspection_presenter.decision_submitted):
        qtbot.keyClick(main.inspection_page, Qt.Key.Key_Return)


def _shift_read(qtbot: QtBot, main: MainWindow, rows: int) -> None:
    panel = main.scan_page.shift_panel
    qtbot.waitUntil(lambda: row_count(panel.table) == rows and not main.session.runner.busy)


def test_the_scan_page_shows_the_shift_after_decisions(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window)
    panel = window.scan_page.shift_panel
    qtbot.waitUntil(lambda: panel.counts.isVisible())
    assert "you: 0" in panel.counts.text()
    assert panel.empty.isVisible()  # "No decisions at this station today yet."

    _decide(qtbot, window, "RMA-2026-000301")
    _decide(qtbot, window, "RMA-2026-000302")
    _shift_read(qtbot, window, 2)

    assert panel.counts.text() == "Units decided today — you: 2 · station ST-01: 2"
    table = panel.table
    assert [cell(table, r, 1) for r in range(2)] == ["RMA-2026-000302-1", "RMA-2026-000301-1"]
    assert cell(table, 0, 2) == "无线蓝牙耳机 Wireless headset"
    assert cell(table, 0, 3) == "RESTOCK · Full refund"  # words, never FULL_REFUND
    assert cell(table, 0, 4) == "final"
    assert cell(table, 0, 5) == "ines"
    assert len(cell(table, 0, 0)) == 5  # local HH:MM
    # The window fits the screen with the shift on it.
    assert window.height() <= SCREEN[1]
    bottom = table.mapTo(window, table.rect().bottomLeft()).y()
    assert table.isVisible() and bottom < window.height()


def test_arrows_choose_and_ctrl_p_queues_the_label_while_scans_still_land(
    qtbot: QtBot, window: MainWindow, printer: FakePrinter
) -> None:
    sign_in(qtbot, window)
    for n in (1, 2):
        _decide(qtbot, window, f"RMA-2026-00030{n}")
    _shift_read(qtbot, window, 2)
    qtbot.waitUntil(lambda: len(printer.sent) == 2)  # each decision printed its label
    page = window.scan_page
    edit = page.scan_edit
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    edit.setFocus()

    qtbot.keyClick(edit, Qt.Key.Key_Down)  # the newest
    qtbot.keyClick(edit, Qt.Key.Key_Down)  # the one before
    assert page.shift_panel.selected_lpn() == "RMA-2026-000301-1"
    assert page.shift_panel.hint.text() == "↑/↓ choose a decision"
    assert page.shift_panel.reprint_button.text() == "Reprint label (Ctrl+P)"
    with qtbot.waitSignal(window.print_center.job_printed, timeout=10_000) as printed:
        qtbot.keyClick(edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.args == ["Label RMA-2026-000301-1", "Zebra"]
    assert printer.sent[-1][2] == "Label RMA-2026-000301-1"
    assert printer.sent[-1][3] == window.print_center._media(PrintKind.LABEL)
    assert "RMA-2026-000301-1" in page.message.text()

    # The scan field kept the focus: the next code typed goes to it and is scanned.
    assert edit.hasFocus()
    qtbot.keyClicks(edit, "RMA-2026-000303")
    assert edit.text() == "RMA-2026-000303"
    with qtbot.waitSignal(window.scan_presenter.unit_claimed):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.inspection_page


def test_a_click_on_reprint_keeps_the_focus_in_the_scan_field(
    qtbot: QtBot, window: MainWindow, printer: FakePrinter
) -> None:
    sign_in(qtbot, window)
    _decide(qtbot, window, "RMA-2026-000301")
    _shift_read(qtbot, window, 1)
    qtbot.waitUntil(lambda: len(printer.sent) == 1)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.scan_page.focus_scan()
    with qtbot.waitSignal(window.print_center.job_printed, timeout=10_000):
        qtbot.mouseClick(window.scan_page.shift_panel.reprint_button, Qt.MouseButton.LeftButton)
    # Nothing chosen: the newest decision's label, the one most often wanted again.
    assert printer.sent[-1][2] == "Label RMA-2026-000301-1"
    assert window.scan_page.scan_edit.hasFocus()
