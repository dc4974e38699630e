"""The station window around the inspector's exceptions: an unknown code becomes an unexpected
return with F8 and opens its inspection; a unit a supervisor sent back shows the supervisor's
comment, with the time in the station's zone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Finding, Grade, Role
from qc_station.domain.model import DecisionStatus
from qc_station.services import approval
from tests.builders import SUPERVISOR, user
from tests.fakes import FakeClock, FakeStore
from ui.local_time import local_time
from ui.main_window import MainWindow
from ui.session import Session

from .conftest import PASSWORD


@pytest.fixture
def window(qtbot: QtBot, session: Session, store: FakeStore) -> Iterator[MainWindow]:
    with store.uow() as uow:
        uow.users.save(user("ines", Role.INSPECTOR))  # ines may be in the cast
        uow.commit()
    main = MainWindow(session, idle_event_source=QObject())
    crashes: list[tuple[str, str]] = []
    main.show_crash = lambda summary, details: crashes.append((summary, details))
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    main.login_page.username.setText("ines")
    main.login_page.password.setText(PASSWORD)
    with qtbot.waitSignal(main.login_presenter.user_signed_in):
        main.login_page.sign_in_button.click()
    yield main
    assert crashes == []
    main.close()


def create_unexpected(qtbot: QtBot, main: MainWindow, code: str) -> None:
    scan_page = main.scan_page
    scan_page.scan_edit.setText(code)
    with qtbot.waitSignal(main.scan_presenter.busy_changed, check_params_cb=lambda b: not b):
        scan_page.scan_edit.returnPressed.emit()
    assert not scan_page.unexpected_button.isHidden()
    qtbot.keyClick(scan_page.scan_edit, Qt.Key.Key_F8)
    assert main.pages.currentWidget() is main.unexpected_page
    form = main.unexpected_page
    for key, text in (("sku", "SKU-MUG"), ("market", "US"), ("currency", "USD"), ("price", "12.5")):
        form.edits[key].setText(text)
        form.edits[key].textEdited.emit(text)
    with qtbot.waitSignal(main.unexpected_presenter.unit_claimed):
        form.create_button.click()


def test_f8_after_an_unknown_code_creates_an_unexpected_return_and_inspects_it(
    qtbot: QtBot, window: MainWindow, store: FakeStore
) -> None:
    create_unexpected(qtbot, window, "TRACK-0001")
    assert window.pages.currentWidget() is window.inspection_page
    (rma,) = store.data.rmas.values()
    assert rma.tracking == "TRACK-0001"
    presenter = window.inspection_presenter
    presenter.set_grade(Grade.A)
    presenter.set_finding(Finding.NO_FAULT)
    assert presenter.state.proposal is not None
    assert presenter.state.proposal.needs_approval  # SPEC §2: unexpected returns always do


def test_escape_leaves_the_form_for_the_scan_page(qtbot: QtBot, window: MainWindow) -> None:
    window.scan_presenter.state = window.scan_presenter.state.__class__(unknown_code="X-1")
    window.scan_presenter.request_unexpected_return()
    assert window.pages.currentWidget() is window.unexpected_page
    qtbot.keyClick(window.unexpected_page.edits["sku"], Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.scan_page


def test_a_rejected_unit_shows_the_supervisors_comment(
    qtbot: QtBot, window: MainWindow, store: FakeStore, clock: FakeClock
) -> None:
    create_unexpected(qtbot, window, "TRACK-0002")
    presenter = window.inspection_presenter
    lpn = presenter.state.lpn
    presenter.set_grade(Grade.A)
    presenter.set_finding(Finding.NO_FAULT)
    with qtbot.waitSignal(presenter.decision_submitted):
        presenter.submit()
    rejected_at: datetime = clock.now()
    approval.reject(window.session.ctx, SUPERVISOR, lpn, "Photograph the serial label, please")
    assert store.data.decisions and any(
        d.status == DecisionStatus.REJECTED for d in store.data.decisions.values()
    )
    assert window.inspection_page.rejection_banner.isHidden()

    window.scan_page.scan_edit.setText(lpn)
    with qtbot.waitSignal(window.scan_presenter.unit_claimed):
        window.scan_page.scan_edit.returnPressed.emit()
    page = window.inspection_page
    qtbot.waitUntil(lambda: presenter.state.rejection is not None)
    assert not page.rejection_banner.isHidden()
    assert page.rejection_banner.text() == (
        f"Sent back by sofia on {local_time(rejected_at)}: “Photograph the serial label, please”"
    )
