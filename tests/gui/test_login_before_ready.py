"""The sign-in form is on screen before the core is built (issue 16): what is typed or scanned
into it meanwhile is kept, and the sign-in happens once the core has answered; none lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Role
from qc_station.services.context import ServiceContext
from qc_station.services.station_ports import StationPorts
from tests.builders import user
from tests.fakes import FakeStore
from ui.pages.login_page import LoginPage
from ui.presenters.login_presenter import LoginMode, LoginPresenter
from ui.session import Session
from ui.sounds import Sounds

from .conftest import PASSWORD

pytestmark = [
    pytest.mark.empty_site,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def early(session: Session) -> Session:
    """A session as at start: the same station, no core attached yet."""
    return Session(None, session.config, session.runner, Sounds(silent=True))


def _form(qtbot: QtBot, early: Session) -> tuple[LoginPresenter, LoginPage]:
    presenter = LoginPresenter(early)
    page = LoginPage(presenter, early.station)
    qtbot.addWidget(page)
    page.show()
    page.focus_first()
    qtbot.waitUntil(page.username.hasFocus)
    return presenter, page


def _core_ready(
    early: Session,
    presenter: LoginPresenter,
    ctx: ServiceContext,
    ports: StationPorts,
) -> None:
    """What ``ui.app`` does when the core is built: attach it, then the first-run check."""
    early.attach(ctx, ports)
    presenter.check_setup()


def _add_ines(store: FakeStore, badge: bool = False) -> None:
    ines = user("ines", Role.INSPECTOR)
    if badge:
        ines.badge, ines.pin_hash = "BADGE-0001", "fake$2026"
    with store.uow() as uow:
        uow.users.add(ines)
        uow.commit()


def test_the_form_takes_keys_at_once_and_says_it_is_connecting(
    qtbot: QtBot, early: Session
) -> None:
    presenter, page = _form(qtbot, early)
    assert presenter.state.mode == LoginMode.PASSWORD
    assert presenter.state.connecting
    assert page.connecting_label.isVisibleTo(page)
    assert page.connecting_label.text() == "Connecting to the database…"
    qtbot.keyClicks(page.username, "ines")
    assert page.username.text() == "ines"


def test_a_password_typed_before_the_core_signs_in_when_it_is_there(
    qtbot: QtBot,
    early: Session,
    session: Session,
    ctx: ServiceContext,
    ports: StationPorts,
    store: FakeStore,
) -> None:
    _add_ines(store)
    presenter, page = _form(qtbot, early)
    # Typed fast, Enter after each field, as people do; nothing is there to ask yet.
    qtbot.keyClicks(page.username, "ines")
    qtbot.keyClick(page.username, Qt.Key.Key_Return)
    assert page.password.hasFocus()
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert presenter.state.queued
    assert "as soon as it answers" in page.connecting_label.text()
    assert early.user is None

    signed: list[object] = []
    presenter.user_signed_in.connect(signed.append)
    with qtbot.waitSignal(presenter.user_signed_in):
        _core_ready(early, presenter, ctx, ports)
    assert early.user is not None and early.user.username == "ines"
    assert len(signed) == 1  # once, not once per key
    assert not presenter.state.connecting and not presenter.state.queued
    assert not page.connecting_label.isVisibleTo(page)


def test_a_badge_scanned_before_the_core_signs_in_when_it_is_there(
    qtbot: QtBot, early: Session, ctx: ServiceContext, ports: StationPorts, store: FakeStore
) -> None:
    _add_ines(store, badge=True)
    presenter, page = _form(qtbot, early)
    page.use_badge_button.click()
    assert page.badge.hasFocus()
    # A scanner: fast keystrokes ending in Enter; then the PIN.
    qtbot.keyClicks(page.badge, "BADGE-0001")
    qtbot.keyClick(page.badge, Qt.Key.Key_Return)
    qtbot.keyClicks(page.pin, "2026")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert presenter.state.queued and early.user is None
    with qtbot.waitSignal(presenter.user_signed_in):
        _core_ready(early, presenter, ctx, ports)
    assert early.user is not None and early.user.username == "ines"


def test_a_wrong_password_typed_early_is_refused_when_the_core_answers(
    qtbot: QtBot, early: Session, ctx: ServiceContext, ports: StationPorts, store: FakeStore
) -> None:
    _add_ines(store)
    presenter, page = _form(qtbot, early)
    page.username.setText("ines")
    page.password.setText("not-the-password")
    page.sign_in_button.click()
    with qtbot.waitSignal(presenter.error_message) as blocker:
        _core_ready(early, presenter, ctx, ports)
    assert blocker.args[0].startswith("Wrong user name or password")
    assert early.user is None
    assert page.password.text() == ""


def test_on_a_first_run_the_setup_form_follows(
    qtbot: QtBot, early: Session, ctx: ServiceContext, ports: StationPorts
) -> None:
    presenter, page = _form(qtbot, early)
    page.username.setText("ada")
    page.password.setText("whatever")
    page.sign_in_button.click()
    with qtbot.waitSignal(presenter.state_changed, check_params_cb=lambda s: not s.connecting):
        _core_ready(early, presenter, ctx, ports)
    assert presenter.state.mode == LoginMode.SETUP
    assert page.forms.currentWidget() is page._setup_page
    assert page.setup_username.hasFocus()
    assert early.user is None
