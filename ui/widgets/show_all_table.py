"""A dashboard table that shows its first rows and, under them, "Show all N rows" (issue 16):
the page scrolls, the table never does, and a long table (hundreds of SKUs) does not push
everything after it out of reach until someone asks for it. The choice holds across refreshes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from .figure_tables import FigureLine, FigureTableView

#: Rows shown before "Show all".
FIRST_ROWS = 10


def _tr(source: str) -> str:
    return QCoreApplication.translate("ShowAllTable", source)


class ShowAllTable(QWidget):
    """``table`` (as tall as the rows it shows) and the button that shows the rest."""

    def __init__(
        self, table: FigureTableView, first_rows: int = FIRST_ROWS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.first_rows = first_rows
        self.showing_all = False
        self._lines: tuple[FigureLine, ...] = ()
        table.max_rows = None  # the rows are capped here, never by an inner scroll bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(table)
        row = QHBoxLayout()
        self.show_all_button = QPushButton()
        self.show_all_button.setObjectName(f"{table.objectName()}ShowAll")
        row.addWidget(self.show_all_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.show_all_button.clicked.connect(self.show_all)
        self.set_lines(())

    def set_lines(self, lines: Sequence[FigureLine]) -> None:
        self._lines = tuple(lines)
        capped = not self.showing_all and len(self._lines) > self.first_rows
        self.table.set_lines(self._lines[: self.first_rows] if capped else self._lines)
        self.table.fit()
        self.show_all_button.setText(_tr("Show all {count} rows").format(count=len(self._lines)))
        self.show_all_button.setVisible(capped)

    def show_all(self) -> None:
        self.showing_all = True
        self.set_lines(self._lines)
        self.table.setFocus()  # the button goes away: the keyboard stays in the table
