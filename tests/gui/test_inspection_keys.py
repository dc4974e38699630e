"""The inspection by keyboard alone (SPEC §1, §8): every key goes to the widget that has focus,
as a keyboard would send it. Scan, grade key, Enter; the finding pre-filled from the stated
reason and changed by key; grade keys that a focused list never takes; Tab out of the notes;
Esc and F2 releasing the unit, asking first when something was entered; "unit 1 of 3"."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Finding, Grade, Role
from qc_station.domain.model import DecisionStatus, RmaLine
from tests.builders import make_rma, seed, user
from tests.fakes import FakeStore
from ui.main_window import MainWindow
from ui.session import Session

from .conftest import PASSWORD

# Keys reach the focused widget of a shown window; showing one under offscreen says this.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, session: Session, store: FakeStore, rma_code: str) -> Iterator[MainWindow]:
    with store.uow() as uow:
        uow.users.save(user("ines", Role.INSPECTOR))
        uow.commit()
    main = MainWindow(session, idle_event_source=QObject())
    crashes: list[tuple[str, str]] = []
    main.show_crash = lambda summary, details: crashes.append((summary, details))
    qtbot.addWidget(main)
    # A person's pace (150 ms a key), not a scanner's: the page ignores command keys inside
    # a scanner's burst, and test keys come faster than any hand.
    ticks = iter(range(0, 10**9, 150))
    main.burst_filter._clock_ms = lambda: next(ticks)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    main.login_page.username.setText("ines")
    main.login_page.password.setText(PASSWORD)
    with qtbot.waitSignal(main.login_presenter.user_signed_in):
        main.login_page.sign_in_button.click()
    yield main
    assert crashes == []
    main.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, text: str = "") -> None:
    """One key press, sent where the keyboard would send it: the focused widget."""
    qtbot.keyClick(focused(), key)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def scan_by_keys(qtbot: QtBot, main: MainWindow, code: str) -> None:
    """Type the code into the scan field (focused after sign-in and F2) and press Enter."""
    assert focused() is main.scan_page.scan_edit
    type_text(qtbot, code)
    with qtbot.waitSignal(main.scan_presenter.unit_claimed):
        press(qtbot, Qt.Key.Key_Return)
    assert main.pages.currentWidget() is main.inspection_page


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 40) -> None:
    for _ in range(limit):
        if focused() is target:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}")


def seed_reason(store: FakeStore, code: str, reason: str, *, quantity: int = 1) -> str:
    line = RmaLine(
        1, "SKU-TEE", "T-shirt", "apparel", "Guangzhou Textiles", Decimal("20.00"), quantity
    )
    seed(store, make_rma(code, stated_reason=reason, lines=[line]))
    return code


def claimed_station(store: FakeStore, lpn: str) -> str | None:
    for rma in store.data.rmas.values():
        unit = rma.unit(lpn)
        if unit is not None:
            return unit.claimed_station
    raise AssertionError(lpn)


def test_scan_then_1_then_enter_restocks_a_change_of_mind(
    qtbot: QtBot, window: MainWindow, store: FakeStore, rma_code: str
) -> None:
    scan_by_keys(qtbot, window, rma_code)
    assert window.inspection_presenter.state.finding == Finding.NO_FAULT
    press(qtbot, Qt.Key.Key_1)
    assert window.inspection_page.headline.text() == "RESTOCK"
    with qtbot.waitSignal(window.inspection_presenter.decision_submitted):
        press(qtbot, Qt.Key.Key_Return)
    (decision,) = store.data.decisions.values()
    assert decision.status == DecisionStatus.FINAL
    assert decision.final.headline.value == "RESTOCK"


def test_an_amazon_too_small_return_comes_with_no_fault_and_in_words(
    qtbot: QtBot, window: MainWindow, store: FakeStore
) -> None:
    code = seed_reason(store, "AMZ-ORDER-1-SKU-TEE", "APPAREL_TOO_SMALL: ran small")
    scan_by_keys(qtbot, window, code)
    page = window.inspection_page
    assert window.inspection_presenter.state.finding == Finding.NO_FAULT
    assert page.finding_combo.currentText() == "N · No fault (changed mind)"
    assert "“Too small: ran small”" in page.rma_summary.text()
    assert "APPAREL_TOO_SMALL" not in page.rma_summary.text()
    press(qtbot, Qt.Key.Key_B)
    with qtbot.waitSignal(window.inspection_presenter.decision_submitted):
        press(qtbot, Qt.Key.Key_Return)


def test_a_german_zu_klein_comes_with_no_fault(
    qtbot: QtBot, window: MainWindow, store: FakeStore
) -> None:
    code = seed_reason(store, "RMA-DE-0001", "Die Hose ist zu klein")
    scan_by_keys(qtbot, window, code)
    assert window.inspection_presenter.state.finding == Finding.NO_FAULT


def test_the_finding_changes_by_key_and_the_keys_are_on_the_form(
    qtbot: QtBot, window: MainWindow, rma_code: str
) -> None:
    scan_by_keys(qtbot, window, rma_code)
    page = window.inspection_page
    hint = page.finding_keys_hint.text()
    assert "F Defect" in hint and "T Transit damage" in hint and "W Wrong item" in hint
    assert page.finding_keys_hint.isVisible()
    press(qtbot, Qt.Key.Key_F)
    assert window.inspection_presenter.state.finding == Finding.DEFECT
    assert page.finding_combo.currentData() == Finding.DEFECT
    press(qtbot, Qt.Key.Key_T)
    assert window.inspection_presenter.state.finding == Finding.TRANSIT_DAMAGE
    assert window.inspection_presenter.state.grade is None  # a finding key is no grade


def test_d_with_the_finding_list_focused_sets_grade_d(
    qtbot: QtBot, window: MainWindow, rma_code: str
) -> None:
    scan_by_keys(qtbot, window, rma_code)
    page = window.inspection_page
    tab_to(qtbot, page.finding_combo)
    press(qtbot, Qt.Key.Key_D)
    state = window.inspection_presenter.state
    assert state.grade == Grade.D
    assert state.finding == Finding.NO_FAULT  # not "Defect" by type-ahead
    assert page.finding_combo.currentData() == Finding.NO_FAULT
    press(qtbot, Qt.Key.Key_M)  # a finding key works there too
    assert window.inspection_presenter.state.finding == Finding.MISSING_PARTS


def test_notes_keep_digits_tab_moves_on_and_esc_leaves_the_field(
    qtbot: QtBot, window: MainWindow, rma_code: str
) -> None:
    scan_by_keys(qtbot, window, rma_code)
    page = window.inspection_page
    tab_to(qtbot, page.notes_edit)
    type_text(qtbot, "1 cable")
    press(qtbot, Qt.Key.Key_Tab)
    assert page.notes_edit.toPlainText() == "1 cable"  # no grade, no tab character
    assert window.inspection_presenter.state.grade is None
    assert focused() is not page.notes_edit
    tab_to(qtbot, page.notes_edit)
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is page  # left the field, not the inspection
    assert window.pages.currentWidget() is page
    press(qtbot, Qt.Key.Key_2)
    assert window.inspection_presenter.state.grade == Grade.B


def test_tab_reaches_photos_override_and_submit(
    qtbot: QtBot, window: MainWindow, rma_code: str
) -> None:
    scan_by_keys(qtbot, window, rma_code)
    page = window.inspection_page
    tab_to(qtbot, page.notes_edit)
    seen: list[str] = []
    for _ in range(12):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(focused().objectName())
        if focused() is page.submit_button:
            break
    assert seen.index("addPhotosButton") < seen.index("overrideCheck") < seen.index("submitButton")
    press(qtbot, Qt.Key.Key_1)  # a grade key on a focused button is still the grade
    with qtbot.waitSignal(window.inspection_presenter.decision_submitted):
        press(qtbot, Qt.Key.Key_Return)


def test_esc_leaves_the_inspection_and_releases_the_unit(
    qtbot: QtBot, window: MainWindow, store: FakeStore, rma_code: str
) -> None:
    lpn = f"{rma_code}-1"
    scan_by_keys(qtbot, window, rma_code)
    assert claimed_station(store, lpn) == "ST-01"
    window.inspection_page.ask = lambda question: pytest.fail("nothing was entered: no question")
    with qtbot.waitSignal(window.inspection_presenter.unit_released):
        press(qtbot, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.scan_page
    assert focused() is window.scan_page.scan_edit
    assert claimed_station(store, lpn) is None
    assert not window.inspection_presenter.active
    assert (
        window.scan_page.message.text() == f"{lpn} released: not inspected, free for any station."
    )


def test_esc_asks_first_when_something_was_entered(
    qtbot: QtBot, window: MainWindow, store: FakeStore, rma_code: str
) -> None:
    lpn = f"{rma_code}-1"
    scan_by_keys(qtbot, window, rma_code)
    answers = [False, True]
    questions: list[str] = []

    def ask(question: str) -> bool:
        questions.append(question)
        return answers.pop(0)

    window.inspection_page.ask = ask
    press(qtbot, Qt.Key.Key_C)
    press(qtbot, Qt.Key.Key_Escape)  # "keep inspecting"
    assert window.pages.currentWidget() is window.inspection_page
    assert window.inspection_presenter.state.grade == Grade.C
    assert claimed_station(store, lpn) == "ST-01"
    with qtbot.waitSignal(window.inspection_presenter.unit_released):
        press(qtbot, Qt.Key.Key_Escape)  # "leave and release"
    assert len(questions) == 2 and lpn in questions[0]
    assert claimed_station(store, lpn) is None
    assert window.pages.currentWidget() is window.scan_page


def test_f2_while_inspecting_releases_the_unit(
    qtbot: QtBot, window: MainWindow, store: FakeStore, rma_code: str
) -> None:
    lpn = f"{rma_code}-1"
    scan_by_keys(qtbot, window, rma_code)
    with qtbot.waitSignal(window.inspection_presenter.unit_released):
        press(qtbot, Qt.Key.Key_F2)
    assert window.pages.currentWidget() is window.scan_page
    assert claimed_station(store, lpn) is None


def test_a_multi_unit_rma_says_which_unit(
    qtbot: QtBot, window: MainWindow, store: FakeStore
) -> None:
    code = seed_reason(store, "RMA-2026-000300", "wrong size", quantity=3)
    scan_by_keys(qtbot, window, code)
    label = window.inspection_page.unit_label.text()
    assert "unit 1 of 3" in label
    assert window.inspection_presenter.state.finding == Finding.NO_FAULT


def test_a_scan_that_begins_with_command_keys_changes_no_choice(
    qtbot: QtBot, window: MainWindow, store: FakeStore, rma_code: str
) -> None:
    # A scanner "types" a code while the inspection is open: "AMZ-…" begins with the grade
    # key A and then the finding key M. The first key cannot be told from a hand's; the
    # second, inside the burst gap, takes it back, so grade and finding are as they were.
    scan_by_keys(qtbot, window, rma_code)
    press(qtbot, Qt.Key.Key_3)  # grade C by hand
    state = window.inspection_presenter.state
    assert (state.grade, state.finding) == (Grade.C, Finding.NO_FAULT)
    questions: list[str] = []
    window.inspection_page.ask = lambda question: questions.append(question) or False
    ticks = iter(range(10**6, 10**9, 2))  # scanner pace: 2 ms a key
    window.burst_filter._clock_ms = lambda: next(ticks)
    with qtbot.waitSignal(window.burst_filter.burst_scanned) as scanned:
        type_text(qtbot, "AMZ-114-2203")
        press(qtbot, Qt.Key.Key_Return)
    assert scanned.args == ["AMZ-114-2203"]
    qtbot.waitUntil(lambda: bool(questions))  # something was entered: asked, and kept
    state = window.inspection_presenter.state
    assert (state.grade, state.finding) == (Grade.C, Finding.NO_FAULT)
