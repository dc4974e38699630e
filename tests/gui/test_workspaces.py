"""The role-gated work areas: offered by role, built once when first opened, refreshed each
time they are shown, and gone when the user signs out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Role
from tests.builders import user
from tests.fakes import FakeStore
from ui import workspaces
from ui.main_window import MainWindow
from ui.session import Session
from ui.workspaces import SUPERVISORS, Workspace

from .test_main_window import sign_in


class CountingPage(QLabel):
    built = 0

    def __init__(self, parent: QWidget) -> None:
        super().__init__("area", parent)
        CountingPage.built += 1
        self.activations = 0

    def activated(self) -> None:
        self.activations += 1


@pytest.fixture
def window(
    qtbot: QtBot, session: Session, store: FakeStore, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    CountingPage.built = 0
    area = Workspace(
        "reviewArea", "Review", SUPERVISORS, "F6", lambda _s, parent, _p: CountingPage(parent)
    )
    monkeypatch.setattr(workspaces, "WORKSPACES", (area,))
    with store.uow() as uow:
        uow.users.save(user("ines", Role.INSPECTOR))  # ines may be in the cast
        uow.users.save(user("sam", Role.SUPERVISOR))  # in the cast: the test password
        uow.commit()
    main = MainWindow(session, idle_event_source=QObject())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    yield main
    main.close()


def area_action(main: MainWindow):  # type: ignore[no-untyped-def]
    return main.findChild(QObject, "reviewAreaAction")


def test_an_inspector_is_not_offered_a_supervisor_area(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "ines")
    assert area_action(window) is None


def test_a_supervisor_opens_the_area_once_and_it_refreshes_each_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    sign_in(qtbot, window, "sam")
    action = area_action(window)
    # The shortcut is in the tooltip: the toolbar must fit 1366 px (issue 16).
    assert action is not None and action.text() == "Review"
    assert action.toolTip() == "Review (F6)"
    action.trigger()
    page = window.area_page("reviewArea")
    assert isinstance(page, CountingPage)
    assert window.pages.currentWidget() is page and page.activations == 1
    window.show_scan()
    action.trigger()
    assert CountingPage.built == 1 and page.activations == 2


def test_signing_out_removes_the_area_and_its_page(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "sam")
    area_action(window).trigger()
    window.sign_out()
    assert window.area_page("reviewArea") is None
    assert all(a.objectName() != "reviewAreaAction" for a in window.toolbar.actions())
    sign_in(qtbot, window, "ines")
    assert area_action(window) is None


def test_the_lock_returns_to_the_open_area(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "sam")
    area_action(window).trigger()
    page = window.area_page("reviewArea")
    window.lock()
    assert window.pages.currentWidget() is window.login_page
    sign_in(qtbot, window, "sam")
    assert window.pages.currentWidget() is page
