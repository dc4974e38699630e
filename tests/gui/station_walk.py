"""A walk through every page and state of the real station window (issue 16), shared by the
pseudo-locale test (``tests/gui/test_pseudo_locale.py``: every visible text in each state) and
the screen gallery (``scripts/screens.py``: a picture of each page's main state).

The station is real: ``bootstrap.build`` on a SQLite file in a folder of the caller's, loaded
with the demo data of ``qc-station demo`` (fewer RMAs, placeholder photos), the real services
and the real main window at 1366×768; only the printer is a fake and no camera is opened.
The walk signs in as each role whose screens differ and visits the scan page, an inspection
(with a proposal, with Override open, with an error shown), an unexpected return, every
workspace of the registry (``ui.workspaces``) with each of its tabs and a row selected in each
of its lists, and the Settings dialog. Only ``QTest`` waits, so it runs under pytest-qt and in
a plain script alike.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QTabWidget,
    QWidget,
)

from qc_station.bootstrap import App, build
from qc_station.config import Config
from qc_station.demo import DEMO_PASSWORD, load_demo
from qc_station.domain.enums import Grade, Role
from qc_station.services.print_queue import Printer
from qc_station.services.station_ports import FrameSource
from ui.main_window import MainWindow
from ui.pages.history_page import HistoryPage
from ui.preferences import Preferences
from ui.printing.queue_page import PrintQueuePage
from ui.session import Session
from ui.sounds import Sounds
from ui.tasks import TaskRunner
from ui.workspaces import WORKSPACES, Workspace, available_to

SCREEN = (1366, 768)
STATION = "ST-WALK"
#: How many RMAs the walk's demo has: every state of every page, in a few seconds.
DEMO_RMAS = 60
#: A code no RMA, unit, order or tracking number has: the scan page offers an unexpected return.
UNKNOWN_CODE = "TRACK-404-0001"
USERS = {
    Role.ADMIN: "demo-admin",
    Role.SUPERVISOR: "demo-supervisor",
    Role.INSPECTOR: "demo-inspector",
}

Visit = Callable[[str, bool], None]
"""Called in each state: its name (``page/state``) and whether it is the page's main state
(the one the gallery shows)."""


def wait_until(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the station did not get there in time")
        QTest.qWait(20)


def settle(session: Session) -> None:
    """Until the background work the last step started has come back (twice: a result
    often starts a second load), and the window has repainted."""
    for _ in range(2):
        QTest.qWait(30)
        wait_until(lambda: not session.runner.busy)
    QTest.qWait(30)


def make_demo_database(folder: Path) -> Config:
    """A station's data folder with the demo in its SQLite file; the station's config."""
    config = Config(station_name=STATION, data_dir=str(folder), idle_lock_minutes=60)
    app = build(config)
    try:
        load_demo(app.ctx, STATION, photos=False, count=DEMO_RMAS)
    finally:
        app.close()
    return config


@dataclass(frozen=True)
class DemoCodes:
    decided: str  # an RMA whose units are all decided
    decided_lpn: str  # one of its units
    open_code: str  # an RMA with an electronics unit still to inspect (the longest checklist)


def demo_codes(config: Config) -> DemoCodes:
    with sqlite3.connect(config.data_path / "qc_station.sqlite3") as db:
        decided = db.execute(
            "SELECT rma_code FROM units GROUP BY rma_code HAVING min(state) = 'decided' "
            "AND max(state) = 'decided' ORDER BY rma_code LIMIT 1"
        ).fetchone()[0]
        open_code = db.execute(
            "SELECT u.rma_code FROM units u JOIN rma_lines l ON l.rma_code = u.rma_code "
            "WHERE u.state = 'expected' AND l.category = 'electronics' "
            "ORDER BY u.rma_code LIMIT 1"
        ).fetchone()[0]
        (lpn,) = db.execute(
            "SELECT lpn FROM units WHERE rma_code = ? ORDER BY lpn LIMIT 1", (decided,)
        ).fetchone()
    return DemoCodes(str(decided), str(lpn), str(open_code))


def _no_camera(source: int | str) -> FrameSource:
    raise RuntimeError(f"the walk opens no camera ({source!r})")


class Station:
    """The real station window on the demo database, signed out, at 1366×768."""

    def __init__(self, config: Config, printer: Callable[[], Printer]) -> None:
        self.config = config
        self.app: App = build(config, migrate=False)
        ports = replace(self.app.ports, make_printer=printer, open_camera=_no_camera)
        self.session = Session(self.app.ctx, config, TaskRunner(), Sounds(silent=True), ports=ports)
        self.window = MainWindow(
            self.session,
            idle_event_source=QObject(),
            preferences=Preferences.for_config(config),
        )
        self.window.resize(*SCREEN)
        self.window.move(0, 0)
        self.window.show()
        self.window.start()
        wait_until(lambda: not self.window.login_presenter.state.busy)
        settle(self.session)

    def close(self) -> None:
        self.window.sign_out()
        self.window.close()
        self.session.runner.wait_idle()
        QTest.qWait(50)
        self.window.deleteLater()
        self.app.close()

    # --- steps ---------------------------------------------------------------------------

    def sign_in(self, role: Role) -> None:
        login = self.window.login_page
        wait_until(lambda: login.username.isVisible() and login.username.isEnabled())
        login.username.setText(USERS[role])
        login.password.setText(DEMO_PASSWORD)
        login.sign_in_button.click()
        wait_until(lambda: self.window.pages.currentWidget() is self.window.scan_page)
        settle(self.session)

    def sign_out(self) -> None:
        self.window.sign_out()
        settle(self.session)

    def scan(self, code: str) -> None:
        scan = self.window.scan_page
        self.window.show_scan()
        scan.scan_edit.setText(code)
        scan.scan_edit.returnPressed.emit()
        settle(self.session)

    def open_area(self, workspace: Workspace) -> QWidget:
        action = self.window.findChild(QAction, f"{workspace.key}Action")
        assert action is not None, workspace.key
        action.trigger()
        settle(self.session)
        page = self.window.area_page(workspace.key)
        assert page is not None and page.isVisible(), workspace.key
        return page


def _visible_views(page: QWidget) -> list[QAbstractItemView]:
    return [
        v
        for v in page.findChildren(QAbstractItemView)
        if v.isVisible()
        and not isinstance(v, QHeaderView)
        and v.model() is not None
        and v.model().rowCount() > 0
        # A combo box's drop-down list is an item view of its own: its items are read there.
        and not v.window().inherits("QComboBoxPrivateContainer")
    ]


def _select_rows(station: Station, name: str, page: QWidget, visit: Visit) -> None:
    """Each visible list with rows, its first row selected (the details it opens)."""
    for number, view in enumerate(_visible_views(page)):
        if view.selectionMode() == QAbstractItemView.SelectionMode.NoSelection:
            continue
        view.setCurrentIndex(view.model().index(0, 0))  # the row, in a row-selecting table
        settle(station.session)
        label = view.objectName() or f"list{number}"
        visit(f"{name}/{label} row selected", False)


def _search_history(station: Station, page: QWidget, codes: DemoCodes, visit: Visit) -> None:
    """The unit history shows a unit's story once a code is searched."""
    assert isinstance(page, HistoryPage)
    page.search_edit.setText(codes.decided_lpn)
    page.search_edit.returnPressed.emit()
    settle(station.session)


def _print_previews(station: Station, page: QWidget, codes: DemoCodes, visit: Visit) -> None:
    """The print queue's previews of a label and of a report, each in its dialog."""
    assert isinstance(page, PrintQueuePage)
    previews = (
        (page.preview_label_button, codes.decided_lpn, False),
        (page.preview_report_button, codes.decided, True),
    )
    for button, code, main in previews:
        page.code.setText(code)
        button.click()
        wait_until(lambda: _open_dialog(station) is not None, 60)
        settle(station.session)
        visit(f"print preview/{button.objectName()}", main)
        dialog = _open_dialog(station)
        assert dialog is not None
        dialog.reject()
        QTest.qWait(30)


def _queue_a_label(station: Station, page: QWidget, codes: DemoCodes, visit: Visit) -> None:
    """A label that waits in the queue: the walk's station has no label printer set up."""
    assert isinstance(page, PrintQueuePage)
    station.window.print_center.print_label(codes.decided_lpn)
    settle(station.session)
    page.activated()
    settle(station.session)


#: Per workspace: a step before its main state is visited.
PREPARE: dict[str, Callable[[Station, QWidget, DemoCodes, Visit], None]] = {
    "historyArea": _search_history,
    "printQueueArea": _queue_a_label,
}
#: Per workspace: states beyond its tabs and lists (dialogs it opens).
EXTRA: dict[str, Callable[[Station, QWidget, DemoCodes, Visit], None]] = {
    "printQueueArea": _print_previews,
}


def _open_dialog(station: Station) -> QDialog | None:
    return next((d for d in station.window.findChildren(QDialog) if d.isVisible()), None)


def _visit_page(station: Station, name: str, page: QWidget, codes: DemoCodes, visit: Visit) -> None:
    if name in PREPARE:
        PREPARE[name](station, page, codes, visit)
    tabs = [t for t in page.findChildren(QTabWidget) if t.isVisible()]
    visit(name, not tabs)  # a page of tabs: each tab is a main state of its own
    if name in EXTRA:
        EXTRA[name](station, page, codes, visit)
    if not tabs:
        _select_rows(station, name, page, visit)
        return
    for tab_widget in tabs:
        for index in range(tab_widget.count()):
            tab_widget.setCurrentIndex(index)
            settle(station.session)
            tab = tab_widget.widget(index)
            assert tab is not None
            tab_name = f"{name}/{tab.objectName() or index}"
            visit(tab_name, True)
            _select_rows(station, tab_name, tab, visit)


def _inspection_states(station: Station, codes: DemoCodes, visit: Visit) -> None:
    window = station.window
    station.scan(codes.decided)
    visit("scan/decided RMA", True)
    station.scan(UNKNOWN_CODE)
    visit("scan/unknown code", False)
    window.scan_presenter.request_unexpected_return()
    settle(station.session)
    visit("unexpected return", True)
    QTest.keyClick(window.unexpected_page.edits["sku"], Qt.Key.Key_Escape)
    settle(station.session)

    station.scan(codes.open_code)
    wait_until(lambda: window.pages.currentWidget() is window.inspection_page)
    page = window.inspection_page
    presenter = window.inspection_presenter
    settle(station.session)
    visit("inspection/opened", False)
    page.grade_buttons[Grade.C].click()
    page.finding_combo.setCurrentIndex(1)
    settle(station.session)
    visit("inspection/proposal", True)
    presenter.submit()  # no photos yet: the evidence rules refuse
    settle(station.session)
    visit("inspection/refused", False)
    page.override_check.setChecked(True)
    settle(station.session)
    visit("inspection/override open", False)
    presenter.submit()  # Override without a reason
    settle(station.session)
    visit("inspection/override error", False)
    page.override_check.setChecked(False)
    presenter.release()
    settle(station.session)


def _settings_dialog(station: Station, visit: Visit) -> None:
    station.window.open_settings()
    QTest.qWait(50)
    dialog = _open_dialog(station)
    assert dialog is not None, "the Settings dialog did not open"
    visit("settings", True)
    dialog.reject()
    QTest.qWait(30)


def walk(station: Station, codes: DemoCodes, visit: Visit) -> None:
    """Every page and state; ``visit`` is called in each."""
    station.sign_in(Role.INSPECTOR)
    visit("scan", True)
    _inspection_states(station, codes, visit)
    seen: set[str] = set()
    for workspace in available_to(Role.INSPECTOR):
        _visit_page(station, workspace.key, station.open_area(workspace), codes, visit)
        seen.add(workspace.key)
    _settings_dialog(station, visit)
    station.sign_out()
    visit("login", True)
    login = station.window.login_page
    login.username.setText(USERS[Role.INSPECTOR])
    login.password.setText("not the password")
    login.sign_in_button.click()
    settle(station.session)
    visit("login/refused", False)

    # Admins have every area; the supervisor's toolbar is visited for its own chrome.
    station.sign_in(Role.SUPERVISOR)
    visit("scan (supervisor)", False)
    station.sign_out()
    station.sign_in(Role.ADMIN)
    for workspace in available_to(Role.ADMIN):
        if workspace.key not in seen:
            _visit_page(station, workspace.key, station.open_area(workspace), codes, visit)
            seen.add(workspace.key)
    missing = {w.key for w in WORKSPACES} - seen
    assert not missing, f"no role of the walk opens {missing}"
    station.sign_out()


def top_level_widgets() -> Iterator[QWidget]:
    """The visible windows and dialogs of the application."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            yield widget
