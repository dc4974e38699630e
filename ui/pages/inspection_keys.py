"""The inspection page's keys (``ui/keymap.py``): a grade or finding key pressed by hand acts
at once, a letter inside a scanner's burst is no command, and the focused widget is kept from
taking the page's keys for its own type-ahead. The page's ``keyPressEvent`` and
``eventFilter`` hand their keys to these."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from qc_station.domain.enums import Finding, Grade

from ..keymap import FINDING_BY_KEY, GRADE_KEYS
from ..presenters.inspection_presenter import InspectionPresenter
from ..scanner import ScanBurstFilter

_NO_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def key_letter(event: QKeyEvent) -> str:
    """The letter or digit of a plain key press ("" for anything else): Qt's key codes for
    A–Z and 0–9 are their ASCII codes, whatever the keyboard layout's shift state."""
    if event.modifiers() & _NO_COMMAND_MODIFIERS:
        return ""
    key = event.key()
    if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 or Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        return chr(key)
    return ""


def is_text_field(widget: QObject) -> bool:
    return isinstance(widget, QLineEdit | QPlainTextEdit)


class CommandKeys:
    """The grade and finding keys, told from the letters of a scanned code."""

    def __init__(self, presenter: InspectionPresenter) -> None:
        self.presenter = presenter
        self.burst_filter: ScanBurstFilter | None = None
        #: Grade and finding before the last command key, taken back if it began a burst.
        self._before_command: tuple[Grade | None, Finding | None] | None = None

    def handle(self, event: QKeyEvent) -> bool:
        """A grade or finding key: act on it and say so. Not inside a scanner's burst (a
        letter of a scanned code is no command).

        The first key of a burst cannot be told from a key pressed by hand (a code such as
        ``AMZ-…`` or an EAN ``4006…`` starts with a grade key): it acts, and the second key,
        arriving within the burst gap, takes that back (``_before_command``)."""
        letter = key_letter(event)
        if not letter:
            return False
        if self.burst_filter is not None and self.burst_filter.key_is_in_burst():
            if self._before_command is not None:
                grade, finding = self._before_command
                self._before_command = None
                self.presenter.restore_choice(grade, finding)
            return False
        state = self.presenter.state
        if letter in GRADE_KEYS:
            self._before_command = (state.grade, state.finding)
            self.presenter.set_grade(GRADE_KEYS[letter])
            return True
        if letter in FINDING_BY_KEY:
            self._before_command = (state.grade, state.finding)
            self.presenter.set_finding(FINDING_BY_KEY[letter])
            return True
        self._before_command = None
        return False


def watch_keys(page: QWidget, root: QWidget) -> None:
    """Put the page's key filter on every focusable widget under ``root``."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is page or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.property("qcPageKeys"):
            continue
        widget.installEventFilter(page)
        widget.setProperty("qcPageKeys", True)


def filter_key(
    watched: QObject, event: QEvent, keys: CommandKeys, leave_field: Callable[[], None]
) -> bool:
    """Keys the focused widget must not take for itself: in a text field Esc leaves the
    field (``leave_field``); elsewhere a grade or finding key is the page's (a combo box or
    list would use it for type-ahead), a letter no key uses is dropped from a list's
    type-ahead, and Enter presses a focused button. True when the key was taken."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    if is_text_field(watched):
        if event.key() == Qt.Key.Key_Escape:
            leave_field()
            return True
        return False
    if keys.handle(event):
        return True
    if key_letter(event) and isinstance(watched, QComboBox | QListWidget):
        return True  # type-ahead would change the finding or the override unseen
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(
        watched, QAbstractButton
    ):
        if watched.isEnabled():
            watched.click()
        return True
    return False
