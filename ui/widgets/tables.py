"""Small helpers the finance and administration pages share: read-only tables of plain
values, the inline message line coloured by its ``role`` property (see style.qss), and the
folder a save dialog starts in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
)


def read_only_table(name: str, headers: list[str]) -> QTableWidget:
    """A table whose rows are selected whole, one at a time, and never edited in place."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def cell(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def fill_row(table: QTableWidget, row: int, items: list[QTableWidgetItem]) -> None:
    for column, item in enumerate(items):
        table.setItem(row, column, item)


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
