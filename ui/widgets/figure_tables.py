"""The dashboard's tables: rows of ready-written cells (``FigureLine``) in a ``QTableView`` over
``RowsTableModel`` that is as tall as its rows, so the page scrolls and the table does not
(up to ``MAX_ROWS`` rows; a longer table scrolls inside, its header always in sight).

A flagged row is red on pink, bold and marked "▲" (colour never carries meaning alone); a
row may keep a key (a SKU, carrier or supplier) for the drill-down, in ``KEY_ROLE`` of its
first cell. ``figure_lines`` writes the rows of a ``stats_tables.FigureTable`` as that
table describes them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QSizePolicy, QTableView, QWidget

from qc_station.services.stats_tables import FigureTable, Row

from .rows_table import Column, RowsTableModel, set_up_rows_view

FLAG_BACKGROUND = QColor("#fde2e1")
FLAG_FOREGROUND = QColor("#8c1d18")
FLAG_MARK = "▲ "
KEY_ROLE = Qt.ItemDataRole.UserRole
#: Taller than this, a table scrolls inside the page.
MAX_ROWS = 15
#: An empty table keeps room for this many rows, so the page does not jump when it fills.
MIN_ROWS = 2


@dataclass(frozen=True)
class FigureLine:
    """One row as people read it: its cells, whether it is flagged, its drill-down key."""

    cells: tuple[str, ...]
    flagged: bool = False
    key: str | None = None


def figure_lines(
    table: FigureTable[Row],
    rows: Sequence[Row],
    *,
    drill: bool = False,
    words: Mapping[str, Callable[[Row], str]] | None = None,
) -> list[FigureLine]:
    """The rows of ``table`` as ``stats_tables`` describes them; with ``drill``, each keeps
    its key (a SKU, carrier or supplier). ``words`` writes the cells of some columns (by
    column key) for people: codes in words, in their language; ``stats`` keeps the codes."""
    words = words or {}

    def cells(row: Row) -> tuple[str, ...]:
        return tuple(words[c.key](row) if c.key in words else c.cell(row) for c in table.shown)

    return [
        FigureLine(cells(row), table.is_flagged(row), table.row_key(row) if drill else None)
        for row in rows
    ]


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def figure_columns(headers: Sequence[str]) -> list[Column[FigureLine]]:
    """The first column is a name (left), the others figures (right)."""
    bold = _bold()

    def text(n: int) -> Column[FigureLine]:
        def cell(line: FigureLine) -> str:
            value = line.cells[n] if n < len(line.cells) else ""
            return FLAG_MARK + value if n == 0 and line.flagged else value

        return Column(
            headers[n],
            cell,
            right=n > 0,
            font=lambda line: bold if line.flagged else None,
            background=lambda line: FLAG_BACKGROUND if line.flagged else None,
            foreground=lambda line: FLAG_FOREGROUND if line.flagged else None,
            roles={KEY_ROLE: lambda line: line.key} if n == 0 else {},
        )

    return [text(n) for n in range(len(headers))]


class FigureTableView(QTableView):
    """A ``rows_view`` of ``FigureLine``s whose height follows its rows (see the module
    docstring)."""

    def __init__(self, name: str, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: RowsTableModel[FigureLine] = RowsTableModel(figure_columns(headers))
        set_up_rows_view(self, name, self.lines)
        # The name takes the room left, the figures stay together at the right.
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        if headers:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        #: Taller than this, the table scrolls inside; None: as tall as all its rows (its
        #: owner caps the rows it is given instead, ``ShowAllTable``).
        self.max_rows: int | None = MAX_ROWS
        self.lines.modelReset.connect(self.fit)
        self.fit()

    def set_lines(self, lines: Sequence[FigureLine]) -> None:
        self.lines.set_rows(lines)

    def line_at(self, index: QModelIndex) -> FigureLine | None:
        return self.lines.row_at(index.row())

    def fitted_height(self) -> int:
        shown = max(self.lines.rowCount(), MIN_ROWS)
        if self.max_rows is not None:
            shown = min(shown, self.max_rows)
        scroll_bar = self.horizontalScrollBar()
        return (
            2 * self.frameWidth()
            + self.horizontalHeader().sizeHint().height()
            + shown * self.verticalHeader().defaultSectionSize()
            + (scroll_bar.sizeHint().height() if scroll_bar.isVisible() else 0)
        )

    def fit(self) -> None:
        """Take the height of the rows shown now."""
        self.setFixedHeight(self.fitted_height())
