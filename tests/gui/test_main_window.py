"""The station window end to end on the fakes: sign in, scan, grade by key, Enter; scanner
bursts while typing notes; the idle lock that keeps the inspection; the database banner."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Grade, Role
from qc_station.domain.model import DecisionStatus
from tests.builders import user
from tests.fakes import FakeStore
from ui.main_window import MainWindow
from ui.session import Session

from .conftest import PASSWORD


class Ticks:
    """A clock for the scanner filter: ``step`` ms per key press."""

    def __init__(self, step: int) -> None:
        self.now = 0
        self.step = step

    def __call__(self) -> int:
        self.now += self.step
        return self.now


@pytest.fixture
def window(qtbot: QtBot, session: Session, store: FakeStore, rma_code: str) -> Iterator[MainWindow]:
    with store.uow() as uow:
        # ines and ivan may be in the cast; here both sign in with the test password.
        uow.users.save(user("ines", Role.INSPECTOR))
        uow.users.save(user("ivan", Role.INSPECTOR))
        uow.commit()
    # The idle watcher listens to a private object, not the whole test application.
    main = MainWindow(session, idle_event_source=QObject())
    crashes: list[tuple[str, str]] = []
    main.show_crash = lambda summary, details: crashes.append((summary, details))
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    yield main
    assert crashes == []
    main.close()


def sign_in(qtbot: QtBot, main: MainWindow, username: str = "ines") -> None:
    page = main.login_page
    page.username.setText(username)
    page.password.setText(PASSWORD)
    with qtbot.waitSignal(main.login_presenter.user_signed_in):
        page.sign_in_button.click()


def scan(qtbot: QtBot, main: MainWindow, code: str) -> None:
    main.scan_page.scan_edit.setText(code)
    with qtbot.waitSignal(main.scan_presenter.unit_claimed):
        main.scan_page.scan_edit.returnPressed.emit()


def test_signing_in_opens_the_scan_page(qtbot: QtBot, window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.login_page
    assert not window.sign_out_action.isEnabled()
    sign_in(qtbot, window)
    assert window.pages.currentWidget() is window.scan_page
    assert window.user_status.text() == "Ines (inspector)"
    assert window.station_status.text() == "Station ST-01"
    assert window.db_status.text() == "Database: OK"


@pytest.mark.parametrize("grade_key", [Qt.Key.Key_1, Qt.Key.Key_A])
def test_scan_grade_key_enter_decides_a_change_of_mind(
    qtbot: QtBot, window: MainWindow, store: FakeStore, rma_code: str, grade_key: Qt.Key
) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, rma_code)
    assert window.pages.currentWidget() is window.inspection_page
    qtbot.keyClick(window.inspection_page, grade_key)
    assert window.inspection_page.headline.text() == "RESTOCK"
    with qtbot.waitSignal(window.inspection_presenter.decision_submitted):
        qtbot.keyClick(window.inspection_page, Qt.Key.Key_Return)
    (decision,) = store.data.decisions.values()
    assert decision.status == DecisionStatus.FINAL
    assert decision.final.headline.value == "RESTOCK"
    assert decision.decided_by == "ines"
    assert window.pages.currentWidget() is window.scan_page
    assert window.scan_page.message.text() == f"{rma_code}-1: RESTOCK"
    assert window.scan_page.message.property("role") == "success"
    assert window.session.sounds.played == ["success"]


def test_a_burst_typed_into_the_notes_reaches_the_scan_presenter_whole(
    qtbot: QtBot, window: MainWindow, store: FakeStore, rma_code: str
) -> None:
    from tests.builders import make_rma, seed

    seed(store, make_rma("RMA-2026-000200"))
    sign_in(qtbot, window)
    scan(qtbot, window, rma_code)
    notes = window.inspection_page.notes_edit
    notes.setPlainText("outer box dented")
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    window.burst_filter._clock_ms = Ticks(step=1)  # a scanner: 1,000 characters a second
    questions: list[str] = []
    window.inspection_page.ask = lambda question: questions.append(question) or True
    with qtbot.waitSignal(window.scan_presenter.unit_claimed) as blocker:
        qtbot.keyClicks(notes, "RMA-2026-000200")
        qtbot.keyClick(notes, Qt.Key.Key_Return)
    rma, lpn = blocker.args
    assert (rma.code, lpn) == ("RMA-2026-000200", "RMA-2026-000200-1")
    assert window.scan_presenter.state.last_code == "RMA-2026-000200"
    assert "RMA" not in notes.toPlainText()
    assert "\n" not in notes.toPlainText()
    # The notes were work: leaving them for the next parcel was asked first.
    assert len(questions) == 1 and f"{rma_code}-1" in questions[0]


def test_letters_typed_slowly_into_the_notes_stay_there(
    qtbot: QtBot, window: MainWindow, rma_code: str
) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, rma_code)
    notes = window.inspection_page.notes_edit
    window.burst_filter._clock_ms = Ticks(step=150)
    with qtbot.assertNotEmitted(window.burst_filter.burst_scanned):
        qtbot.keyClicks(notes, "ABCD scuffs")
        qtbot.keyClick(notes, Qt.Key.Key_Return)
    assert notes.toPlainText() == "ABCD scuffs\n"
    assert window.inspection_presenter.state.grade is None  # letters in notes are not grades


def test_the_idle_lock_keeps_the_inspection_for_the_same_user(
    qtbot: QtBot, window: MainWindow, rma_code: str
) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, rma_code)
    window.inspection_page.grade_buttons[Grade.B].click()
    window.inspection_page.notes_edit.setPlainText("tape resealed")
    window.idle.set_timeout_ms(20)
    window.idle.start()
    with qtbot.waitSignal(window.idle.idle_timed_out):
        pass
    assert window.pages.currentWidget() is window.login_page
    assert window.login_page.lock_label.isVisibleTo(window.login_page)
    assert window.login_page.username.text() == "ines"
    assert not window.scan_action.isEnabled()
    sign_in(qtbot, window)
    assert window.pages.currentWidget() is window.inspection_page
    assert window.inspection_presenter.state.grade == Grade.B
    assert window.inspection_presenter.state.lpn == f"{rma_code}-1"
    assert window.inspection_page.notes_edit.toPlainText() == "tape resealed"
    assert window.inspection_page.grade_buttons[Grade.B].isChecked()


def test_another_user_after_the_lock_starts_afresh(
    qtbot: QtBot, window: MainWindow, rma_code: str
) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, rma_code)
    window.lock()
    sign_in(qtbot, window, "ivan")
    assert window.pages.currentWidget() is window.scan_page
    assert not window.inspection_presenter.active


def test_signing_out_returns_to_the_login_page(
    qtbot: QtBot, window: MainWindow, rma_code: str
) -> None:
    sign_in(qtbot, window)
    scan(qtbot, window, rma_code)
    window.sign_out_action.trigger()
    assert window.pages.currentWidget() is window.login_page
    assert window.session.user is None
    assert not window.inspection_presenter.active
    assert window.login_page.password.text() == ""


def test_an_unreachable_database_shows_the_banner(qtbot: QtBot, window: MainWindow) -> None:
    def broken() -> None:
        raise OSError("connection refused (fake)")

    # The context is frozen; swap its unit-of-work factory for one that cannot connect.
    object.__setattr__(window.session.ctx, "uow", broken)
    with qtbot.waitSignal(window.session.runner.busy_changed, check_params_cb=lambda b: not b):
        window.health.check()
    assert window.db_banner.isVisibleTo(window)
    assert "connection refused" in window.db_banner.text()
    assert window.db_status.text() == "Database: unreachable"


def test_a_bug_in_a_background_task_opens_the_crash_report(
    qtbot: QtBot, session: Session, rma_code: str
) -> None:
    main = MainWindow(session, idle_event_source=QObject())
    qtbot.addWidget(main)
    crashes: list[tuple[str, str]] = []
    main.show_crash = lambda summary, details: crashes.append((summary, details))

    def bug() -> None:
        raise ZeroDivisionError("division by zero")

    with qtbot.waitSignal(session.runner.unexpected_error):
        session.runner.run(bug)
    assert crashes[0][0] == "ZeroDivisionError: division by zero"
    assert "Traceback" in crashes[0][1]


def test_a_policy_activated_elsewhere_reaches_the_inspection_on_screen(
    qtbot: QtBot, window: MainWindow, session: Session, rma_code: str
) -> None:
    from qc_station.services import policy_admin
    from tests.builders import ADMIN
    from tests.conftest import DEFAULT_POLICY_FILE

    sign_in(qtbot, window)
    scan(qtbot, window, rma_code)
    qtbot.keyClick(window.inspection_page, Qt.Key.Key_1)
    proposal = window.inspection_presenter.state.proposal
    assert proposal is not None and proposal.policy_hash == session.ctx.policy.hash
    stricter = DEFAULT_POLICY_FILE.read_text(encoding="utf-8").replace(
        "B = 10, C = 30", "B = 20, C = 30"
    )
    activated = policy_admin.activate(session.ctx, ADMIN, stricter, "stricter on B").policy
    with qtbot.waitSignal(window.station_link.policy_changed):
        window.station_link.heartbeat()
    # The live decision on screen is the new policy's, the one Enter would save.
    proposal = window.inspection_presenter.state.proposal
    assert proposal is not None and proposal.policy_hash == activated.hash
    assert activated.hash[:12] in window.statusBar().currentMessage()
