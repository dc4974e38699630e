"""Signing in: the first-run admin form, a failed sign-in, badge login."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Role
from tests.builders import user
from tests.fakes import FakeStore
from ui.pages.login_page import LoginPage
from ui.presenters.login_presenter import LoginMode, LoginPresenter
from ui.session import Session

# The first-run setup needs a site without users; the tests add the ones they sign in.
pytestmark = pytest.mark.empty_site


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
    assert blocker.args == ["Wrong user name or password."]
    assert page.error_label.text() == "Wrong user name or password."
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


def _reset_user(store: FakeStore) -> None:
    """ines, whose password an admin reset to "temporary-pass" (SPEC §6)."""
    reset = user("ines", Role.INSPECTOR)
    reset.password_hash = "fake$temporary-pass"
    reset.must_change_password = True
    reset.badge, reset.pin_hash = "BADGE-0001", "fake$2026"
    with store.uow() as uow:
        uow.users.save(reset)
        uow.commit()


def test_a_reset_password_must_be_changed_before_the_station_opens(
    qtbot: QtBot, session: Session, store: FakeStore
) -> None:
    _reset_user(store)
    presenter, page = _page(qtbot, session)
    page.username.setText("ines")
    page.password.setText("temporary-pass")
    with qtbot.waitSignal(presenter.state_changed, check_params_cb=lambda s: not s.busy):
        page.sign_in_button.click()
    assert presenter.state.mode == LoginMode.CHANGE_PASSWORD
    assert page.forms.currentWidget() is page._change_password_page
    assert page.password.text() == ""
    assert session.user is None  # not signed in yet

    page.new_password.setText("my-own-password")
    page.new_repeat.setText("my-0wn-password")
    page.change_password_button.click()
    assert "differ" in page.error_label.text()
    assert session.user is None

    page.new_password.setText("my-own-password")
    page.new_repeat.setText("my-own-password")
    with qtbot.waitSignal(presenter.user_signed_in) as blocker:
        page.change_password_button.click()
    assert blocker.args[0].username == "ines"
    assert not blocker.args[0].must_change_password
    stored = store.data.users["ines"]
    assert stored.password_hash == "fake$my-own-password"
    assert not stored.must_change_password
    assert store.data.audit[-1].action == "change_password"
    assert session.user is not None and session.user.username == "ines"


def test_a_new_password_that_breaks_the_rules_is_refused_inline(
    qtbot: QtBot, session: Session, store: FakeStore
) -> None:
    _reset_user(store)
    presenter, page = _page(qtbot, session)
    page.username.setText("ines")
    page.password.setText("temporary-pass")
    with qtbot.waitSignal(presenter.state_changed, check_params_cb=lambda s: not s.busy):
        page.sign_in_button.click()
    page.new_password.setText("temporary-pass")  # the reset one again
    page.new_repeat.setText("temporary-pass")
    with qtbot.waitSignal(presenter.error_message):
        page.change_password_button.click()
    assert presenter.state.mode == LoginMode.CHANGE_PASSWORD
    assert page.error_label.isVisibleTo(page)
    assert session.user is None
    assert store.data.users["ines"].must_change_password


def test_a_badge_cannot_skip_the_new_password(
    qtbot: QtBot, session: Session, store: FakeStore
) -> None:
    _reset_user(store)
    presenter, page = _page(qtbot, session)
    page.use_badge_button.click()
    page.badge.setText("BADGE-0001")
    page.pin.setText("2026")
    with qtbot.waitSignal(presenter.error_message) as blocker:
        page.badge_button.click()
    assert "password was reset" in blocker.args[0]
    assert presenter.state.mode == LoginMode.PASSWORD
    assert session.user is None
