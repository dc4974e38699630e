"""The station's one top-level window. At start it holds only the sign-in form, so the form is
on screen and taking keys as soon as Qt and that form are loaded; the station window
(``MainWindow``, with its pages, presenters and services: most of the start's imports) is
built afterwards and put inside it, taking the same sign-in form, with what was typed into
it and its focus, into its own page stack (``ui.app``).

One top-level window from first to last, rather than a second window replacing the first:
a window manager gives a new window its focus when it likes, and keys typed in between
would go nowhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QStackedLayout, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow


class StationFrame(QWidget):
    #: the first paint: the sign-in form is on screen (the start-up benchmark's mark)
    first_painted = Signal()

    def __init__(self, first_page: QWidget, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stationFrame")
        self.setWindowTitle(title)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(first_page)
        self._painted = False
        self.main: MainWindow | None = None

    @property
    def painted(self) -> bool:
        return self._painted

    def embed(self, main: MainWindow, focused: QWidget | None) -> None:
        """Show ``main`` inside this window from now on. Building it moved the sign-in form
        into its page stack, which takes the keyboard focus away: it goes back to
        ``focused`` (the focus before ``main`` was built), so the next key lands in the same
        field."""
        main.setWindowFlags(Qt.WindowType.Widget)
        self._stack.addWidget(main)
        self._stack.setCurrentWidget(main)
        self.main = main
        self.setWindowTitle(main.windowTitle())
        main.windowTitleChanged.connect(self.setWindowTitle)
        main.show()
        if focused is not None and focused.window() is self:
            focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # The station window is not a window of its own here: its close (timers, cameras)
        # runs when this one closes.
        if self.main is not None:
            self.main.close()
        super().closeEvent(event)
