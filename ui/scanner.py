"""Keyboard-wedge scanners: tell a scanner's burst of keys from a person typing.

A wedge scanner "types" the code, fast, and ends it with Enter. ``ScanBurstDetector`` is the
pure rule (no Qt, testable with made-up timestamps): a burst is at least ``MIN_LENGTH``
characters, each within ``MAX_GAP_MS`` of the one before, ending with Enter within the same gap.

``ScanBurstFilter`` is the event filter that applies the rule on the scan and inspection pages:
the characters still reach whatever field has focus (we cannot know it is a burst until it is
one), and when Enter completes a burst the filter removes exactly those characters from that
field again, swallows the Enter and emits ``burst_scanned``. So a code scanned while the
inspector was typing notes goes to the scan presenter whole, and nothing is left in the notes.

Other code sources (the webcam decoder, a typed entry) call the scan presenter directly; the
presenter takes a decoded code string from anywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

MIN_LENGTH = 4
MAX_GAP_MS = 35

#: The dynamic property that marks a field whose whole text is a code (the scan field): the
#: filter leaves its keys alone and the field submits its text on Enter, so a scan arrives
#: whole even when the station stalls between two of its keys (a loaded machine can take
#: longer than ``MAX_GAP_MS`` between the first key and the rest; the burst would then be
#: the code without its first characters, which are left in the field).
CODE_FIELD = "qcCodeField"


class ScanBurstDetector:
    """Feed it key presses with their times; ``feed_enter`` returns the code of a burst."""

    def __init__(self, min_length: int = MIN_LENGTH, max_gap_ms: int = MAX_GAP_MS) -> None:
        self.min_length = min_length
        self.max_gap_ms = max_gap_ms
        self._chars: list[str] = []
        self._last_ms: int | None = None

    @property
    def pending(self) -> int:
        """How many characters of a possible burst have been typed so far."""
        return len(self._chars)

    def in_burst(self, timestamp_ms: int) -> bool:
        """Whether a key at ``timestamp_ms`` would continue a run of fast keys."""
        return (
            self._last_ms is not None
            and bool(self._chars)
            and timestamp_ms - self._last_ms <= self.max_gap_ms
        )

    def feed(self, char: str, timestamp_ms: int) -> None:
        if not self.in_burst(timestamp_ms):
            self._chars = []
        self._chars.append(char)
        self._last_ms = timestamp_ms

    def feed_enter(self, timestamp_ms: int) -> str | None:
        """Enter pressed: the burst's code, or None if the keys before it were typed by hand."""
        code = None
        if self.in_burst(timestamp_ms) and len(self._chars) >= self.min_length:
            code = "".join(self._chars)
        self.reset()
        return code

    def reset(self) -> None:
        self._chars = []
        self._last_ms = None


def _is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _typed_char(event: QKeyEvent) -> str | None:
    """The printable character a key press types, or None (shortcuts, arrows, Backspace)."""
    mods = event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    )
    text = event.text()
    if mods or len(text) != 1 or not text.isprintable():
        return None
    return text


def _remove_typed(widget: QObject, count: int) -> None:
    """Take back the last ``count`` characters a burst typed into a text field."""
    if count <= 0:
        return
    if isinstance(widget, QLineEdit):
        if widget.isReadOnly():
            return
        widget.cursorBackward(True, count)
        widget.del_()
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        if widget.isReadOnly():
            return
        cursor = widget.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, count)
        cursor.removeSelectedText()
        widget.setTextCursor(cursor)


class ScanBurstFilter(QObject):
    """Watches key presses on a page's widgets and turns scanner bursts into scans."""

    burst_scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        clock_ms: Callable[[], int] | None = None,
        detector: ScanBurstDetector | None = None,
    ) -> None:
        super().__init__(parent)
        self.detector = detector or ScanBurstDetector()
        self._elapsed = QElapsedTimer()
        self._elapsed.start()
        # Our own monotonic clock rather than the event's timestamp: synthetic events (tests,
        # some remote desktops) carry none. Tests pass a clock to make timing exact.
        self._clock_ms = clock_ms or self._elapsed.elapsed
        self._last: tuple[QObject, int, str, int] | None = None
        # The dynamic property that marks a widget this filter watches (see ``watch``).
        self._mark = f"qcScanBurstFilter{id(self)}"

    def watch(self, root: QWidget) -> None:
        """Watch ``root`` and every widget under it that can take keyboard focus.

        Whether a widget is watched is marked on the widget itself (a dynamic property), not
        kept by ``id()``: Python's wrappers of Qt widgets come and go, and a new widget could
        get the id of a destroyed one and be taken as watched (a checklist rebuilt for the
        next unit, its buttons then missing a scanner burst)."""
        for widget in [root, *root.findChildren(QWidget)]:
            if widget.property(self._mark) or not (
                widget is root or widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            ):
                continue
            widget.installEventFilter(self)
            widget.setProperty(self._mark, True)

    def key_is_in_burst(self) -> bool:
        """Whether the key press being handled continued a fast run of keys: a page must not
        read a character inside a scanned code as a command key (a grade letter, say). The
        filter has already counted the key, so a run means at least two."""
        return self.detector.pending >= 2

    def _is_propagation(self, watched: QObject, event: QKeyEvent) -> bool:
        """Whether this is the same key press bubbling up from a child that ignored it.

        Qt hands an ignored key event to the parent, and our filter sits on both; the same
        press must be counted once. A propagated press reaches a strict ancestor of the widget
        that saw it last, with the same key, text and timestamp.
        """
        key = (watched, event.key(), event.text(), event.timestamp())
        last, self._last = self._last, key
        if last is None or last[1:] != key[1:]:
            return False
        previous = last[0]
        return (
            isinstance(watched, QWidget)
            and isinstance(previous, QWidget)
            and watched is not previous
            and watched.isAncestorOf(previous)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if self._is_propagation(watched, event):
            return False
        if watched.property(CODE_FIELD):
            self.detector.reset()  # its own Enter submits the whole text
            return False
        now = int(self._clock_ms())
        if _is_enter(event):
            typed = self.detector.pending
            code = self.detector.feed_enter(now)
            if code is None:
                return False
            _remove_typed(watched, typed)
            self.burst_scanned.emit(code)
            return True
        char = _typed_char(event)
        if char is None:
            if event.key() not in (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock):
                self.detector.reset()
            return False
        self.detector.feed(char, now)
        return False
