"""The scanner burst rule, and the event filter that routes bursts to the scan presenter."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.scanner import ScanBurstDetector, ScanBurstFilter


def type_burst(detector: ScanBurstDetector, text: str, start: int, gap_ms: int) -> str | None:
    t = start
    for char in text:
        detector.feed(char, t)
        t += gap_ms
    return detector.feed_enter(t)


def test_a_burst_at_1000_characters_per_second_arrives_whole() -> None:
    detector = ScanBurstDetector()
    assert type_burst(detector, "RMA-2026-000123-1", 1000, 1) == "RMA-2026-000123-1"


def test_a_burst_at_the_gap_limit_is_still_a_burst() -> None:
    assert type_burst(ScanBurstDetector(), "ABCD", 0, 35) == "ABCD"


def test_slow_typing_is_not_a_burst() -> None:
    assert type_burst(ScanBurstDetector(), "RMA-2026-000123", 0, 120) is None


def test_fewer_than_four_characters_is_not_a_burst() -> None:
    assert type_burst(ScanBurstDetector(), "ABC", 0, 1) is None


def test_a_slow_enter_after_fast_keys_is_not_a_burst() -> None:
    detector = ScanBurstDetector()
    for i, char in enumerate("ABCDEF"):
        detector.feed(char, i)
    assert detector.feed_enter(500) is None


def test_typing_then_a_burst_keeps_only_the_burst() -> None:
    detector = ScanBurstDetector()
    detector.feed("h", 0)
    detector.feed("i", 300)  # a person typing notes
    assert type_burst(detector, "RMA-1-1", 700, 2) == "RMA-1-1"


def test_the_detector_starts_again_after_each_enter() -> None:
    detector = ScanBurstDetector()
    assert type_burst(detector, "AAAA", 0, 1) == "AAAA"
    assert type_burst(detector, "BBBB", 10, 1) == "BBBB"
    assert detector.pending == 0


class FakeClock:
    """One millisecond per key press: a scanner at 1,000 characters per second."""

    def __init__(self, step: int = 1) -> None:
        self.now = 0
        self.step = step

    def __call__(self) -> int:
        self.now += self.step
        return self.now


def _form(qtbot: QtBot) -> tuple[QWidget, QLineEdit, QPlainTextEdit]:
    form = QWidget()
    layout = QVBoxLayout(form)
    line = QLineEdit()
    notes = QPlainTextEdit()
    layout.addWidget(line)
    layout.addWidget(notes)
    qtbot.addWidget(form)
    return form, line, notes


def test_a_burst_in_a_text_field_is_taken_back_out_of_it(qtbot: QtBot) -> None:
    form, _line, notes = _form(qtbot)
    burst_filter = ScanBurstFilter(clock_ms=FakeClock(step=1))
    burst_filter.watch(form)
    notes.setPlainText("box dented ")
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    with qtbot.waitSignal(burst_filter.burst_scanned) as blocker:
        qtbot.keyClicks(notes, "RMA-2026-000123")
        qtbot.keyClick(notes, Qt.Key.Key_Return)
    assert blocker.args == ["RMA-2026-000123"]
    assert notes.toPlainText() == "box dented "


def test_slow_typing_stays_in_the_field(qtbot: QtBot) -> None:
    form, line, _ = _form(qtbot)
    burst_filter = ScanBurstFilter(clock_ms=FakeClock(step=200))
    burst_filter.watch(form)
    with qtbot.assertNotEmitted(burst_filter.burst_scanned):
        qtbot.keyClicks(line, "ABCDEF")
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == "ABCDEF"


def test_widgets_made_after_others_were_destroyed_are_watched_too(qtbot: QtBot) -> None:
    # Pages rebuild parts of themselves for every unit; each new field must hear a scanner
    # burst (a field keeps the letters it takes: they never reach a watched parent), even
    # where Python gives it the id() of a destroyed one (it often does: the old wrapper's
    # memory is the first free block of that size).
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    burst_filter = ScanBurstFilter(clock_ms=FakeClock(step=1))
    burst_filter.watch(root)
    for round_no in range(30):
        button = QLineEdit(root)
        layout.addWidget(button)
        burst_filter.watch(root)
        with qtbot.waitSignal(burst_filter.burst_scanned, timeout=1000) as blocker:
            qtbot.keyClicks(button, f"RMA-{round_no:04d}")
            qtbot.keyClick(button, Qt.Key.Key_Return)
        assert blocker.args == [f"RMA-{round_no:04d}"]
        assert button.text() == ""
        button.setParent(None)
        button.deleteLater()
        del button
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()  # the wrapper's memory free for the next button's (as the station's timer)


def test_a_stall_after_the_first_key_of_a_scan_in_the_scan_field_loses_nothing(
    qtbot: QtBot,
) -> None:
    # A loaded station took longer than the burst gap between "S" and "OAK-000825": the
    # burst was "OAK-000825" and the "S" stayed in the field. The scan field's text is a
    # code: its own Enter submits it whole.
    from ui.scanner import CODE_FIELD

    form, line, _notes = _form(qtbot)
    line.setProperty(CODE_FIELD, True)
    clock = FakeClock(step=1)
    burst_filter = ScanBurstFilter(clock_ms=clock)
    burst_filter.watch(form)
    submitted: list[str] = []
    line.returnPressed.connect(lambda: submitted.append(line.text()))
    with qtbot.assertNotEmitted(burst_filter.burst_scanned):
        qtbot.keyClicks(line, "S")
        clock.now += 500  # the stall
        qtbot.keyClicks(line, "OAK-000825")
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert submitted == ["SOAK-000825"]
