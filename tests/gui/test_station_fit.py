"""The station window at 1366×768 (issue 16), in English and in Chinese with the station's
style sheet: opening Override never grows the window past the screen nor squeezes the decision
text (the decision scrolls, Submit stays in view), and the toolbar shows every action of the
most crowded role with nothing behind the "»" extension."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Grade, Role
from tests.builders import user
from tests.fakes import FakeStore
from tests.gui.test_main_window import scan, sign_in
from ui.app import style_sheet
from ui.main_window import MainWindow
from ui.session import Session
from ui.translations import install_translators

SCREEN = (1366, 768)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(params=["en", "zh_CN"])
def styled(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, request.param)
    qapp.setStyleSheet(style_sheet())
    yield request.param
    qapp.setStyleSheet("")
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def window(qtbot: QtBot, styled: str, session: Session, store: FakeStore) -> Iterator[MainWindow]:
    with store.uow() as uow:
        uow.users.save(user("ines", Role.INSPECTOR))
        uow.users.save(user("ada", Role.ADMIN))
        uow.commit()
    main = MainWindow(session, idle_event_source=QObject())
    qtbot.addWidget(main)
    main.resize(*SCREEN)
    main.show()
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    yield main
    main.close()


def test_override_keeps_the_window_on_screen_and_the_text_apart(
    qtbot: QtBot, window: MainWindow, rma_code: str
) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, rma_code)
    page = window.inspection_page
    page.grade_buttons[Grade.C].click()  # a partial refund: the longest decision text
    page.override_check.setChecked(True)
    qtbot.wait(50)
    assert window.height() <= SCREEN[1]
    assert window.minimumSizeHint().height() <= SCREEN[1]
    assert page.override_panel.isVisible()
    # Each label gets the height its wrapped text needs: none is squeezed over another.
    content = page.decision_scroll.widget()
    for label in content.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), label.objectName()
    # Submit stays in view below the scrolling decision.
    bottom = page.submit_button.mapTo(window, page.submit_button.rect().bottomLeft()).y()
    assert page.submit_button.isVisible() and bottom < window.height()


def _hidden_actions(toolbar: QToolBar) -> list[str]:
    """The toolbar's actions whose buttons do not fit (Qt moves them behind "»")."""
    hidden = []
    for action in toolbar.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        widget = toolbar.widgetForAction(action)
        if widget is None or not widget.isVisible():
            hidden.append(action.text() or action.objectName())
    return hidden


def test_every_toolbar_action_fits_for_an_admin(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "ada")
    qtbot.wait(50)
    toolbar = window.toolbar
    assert _hidden_actions(toolbar) == []
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()
    assert window.width() <= SCREEN[0]
    for action in (window.lock_action, window.sign_out_action, window.settings_action):
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.objectName()


def test_an_area_opened_from_more_is_named_on_it(qtbot: QtBot, window: MainWindow) -> None:
    sign_in(qtbot, window, "ada")
    qtbot.wait(50)
    (inside, *_) = window.more_menu.actions()
    inside.trigger()
    qtbot.waitUntil(lambda: window.more_button.isChecked())
    assert inside.text() in window.more_button.text()
    window.scan_action.trigger()
    qtbot.waitUntil(lambda: not window.more_button.isChecked())
    assert inside.text() not in window.more_button.text()
