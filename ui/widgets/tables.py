"""Small helpers the pages share: the inline message line coloured by its ``role`` property
(see style.qss), the folder a save dialog starts in, and labels that never widen the window.
Tables are ``rows_table.rows_view`` over a ``RowsTableModel``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy


def show_message(label: QLabel, error: str, message: str, info: str = "") -> None:
    """The error in red, else the success in green, else ``info``; hidden when empty."""
    if error:
        label.setText(error)
        role = "error"
    elif message:
        label.setText(message)
        role = "success"
    else:
        label.setText(info)
        role = "info"
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setVisible(bool(label.text()))


def documents_folder() -> Path:
    """Where a save dialog starts: the user's documents folder, else the home folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def never_widen(*labels: QLabel) -> None:
    """Word-wrapped labels that may hold a long path or hash: they wrap or are cut, and never
    make the window wider than the screen (1366 px at the stations); the text stays
    selectable for copying."""
    for label in labels:
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
