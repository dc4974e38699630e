"""Signing in: the first-run admin form, a failed sign-in, badge login."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Role
from tests.builders import user
from tests.fakes import FakeStore
from ui.pages.login_page import LoginPage
from ui.presenters.login_presenter import LoginMode, LoginPresenter
from ui.session import Session


def _page(qtbot: QtBot, session: Session) -> tuple[LoginPresenter, LoginPage]:
    presenter = LoginPresenter(session)
    page = LoginPage(presenter, session.station)
    qtbot.addWidget(page)
    with qtbot.waitSignal(presenter.busy_changed, check_params_cb=lambda busy: not busy):
        presenter.check_setup()
    return presenter, page


def test_first_run_creates_the_first_administrator(
    qtbot: QtBot, session: Session, store: FakeStore
) -> None:
    presenter, page = _page(qtbot, session)
    assert presenter.state.mode == LoginMode.SETUP
    assert page.forms.currentWidget() is page._setup_page
    page.setup_username.setText("ada")
    page.setup_full_name.setText("Ada Admin")
    page.setup_password.setText("a-long-password")
    page.setup_repeat.setText("a-long-password")
    with qtbot.waitSignal(presenter.user_signed_in) as blocker:
        page.create_button.click()
    assert blocker.args[0].username == "ada"
    assert store.data.users["ada"].role == Role.ADMIN
    assert session.user is not None and session.user.username == "ada"


def test_first_run_refuses_two_different_passwords(qtbot: QtBot, session: Session) -> None:
    _presenter, page = _page(qtbot, session)
    page.setup_username.setText("ada")
    page.setup_password.setText("a-long-password")
    page.setup_repeat.setText("another-password")
    page.create_button.click()
    assert "differ" in page.error_label.text()
    assert session.user is None


def test_a_wrong_password_says_so_inline(qtbot: QtBot, session: Session, store: FakeStore) -> None:
    with store.uow() as uow:
        uow.users.add(user("ines", Role.INSPECTOR))
        uow.commit()
    presenter, page = _page(qtbot, session)
    assert presenter.state.mode == LoginMode.PASSWORD
    page.username.setText("ines")
    page.password.setText("not-the-password")
    with qtbot.waitSignal(presenter.error_message) as blocker:
        page.sign_in_button.click()
    assert blocker.args == ["Wrong user name or password"]
    assert page.error_label.text() == "Wrong user name or password"
    assert page.error_label.isVisibleTo(page)
    assert page.password.text() == ""  # cleared for the next attempt
    assert session.user is None
    assert session.sounds.played == ["error"]


def test_the_right_password_signs_in(qtbot: QtBot, session: Session, store: FakeStore) -> None:
    with store.uow() as uow:
        uow.users.add(user("ines", Role.INSPECTOR))
        uow.commit()
    presenter, page = _page(qtbot, session)
    page.username.setText("ines")
    page.password.setText("secret-password")
    with qtbot.waitSignal(presenter.user_signed_in):
        page.sign_in_button.click()
    assert session.actor is not None and session.actor.station == "ST-01"


def test_badge_and_pin_sign_in(qtbot: QtBot, session: Session, store: FakeStore) -> None:
    inspector = user("ines", Role.INSPECTOR)
    inspector.badge = "BADGE-0001"
    inspector.pin_hash = "fake$2026"
    with store.uow() as uow:
        uow.users.add(inspector)
        uow.commit()
    presenter, page = _page(qtbot, session)
    page.use_badge_button.click()
    assert page.forms.currentWidget() is page._badge_page
    page.badge.setText("BADGE-0001")
    page.pin.setText("2026")
    with qtbot.waitSignal(presenter.user_signed_in):
        page.badge_button.click()
    assert session.user is not None and session.user.username == "ines"
