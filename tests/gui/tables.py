"""Reading the tables of the pages (``QTableView`` over ``RowsTableModel``) as text, the way
an operator reads them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView


def row_count(view: QTableView) -> int:
    return view.model().rowCount()


def cell(view: QTableView, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    """What the cell holds for ``role`` (its text by default)."""
    model = view.model()
    return model.data(model.index(row, column), role)


def texts(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def headers(view: QTableView) -> list[str]:
    model = view.model()
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
