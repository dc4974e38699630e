"""Read-only tables of plain rows: one ``RowsTableModel`` over a tuple of rows (the
presenter's DTOs) and a column spec, shown in a ``QTableView`` set up by ``rows_view``.

A page declares its columns once (header, how a row reads in that column, alignment, and
optionally a tooltip, a font, background and text colours, or extra data roles such as a row's key)
and hands the model the state's rows; it never fills cells by hand. Rows that are equal to
the ones shown leave the model (and so the selection) untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

R = TypeVar("R")

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header and how a row reads in it."""

    header: str
    text: Callable[[R], str]
    right: bool = False  # numbers and amounts: aligned right
    tooltip: Callable[[R], str] | None = None
    #: one font for the column, or a font per row (``None``: the view's)
    font: QFont | Callable[[R], QFont | None] | None = None
    background: Callable[[R], QColor | None] | None = None
    foreground: Callable[[R], QColor | None] | None = None
    #: further roles (``Qt.ItemDataRole.UserRole`` and up): role → value for a row
    roles: Mapping[int, Callable[[R], Any]] = field(default_factory=dict)


class RowsTableModel(QAbstractTableModel, Generic[R]):
    """A flat, read-only table model over ``rows``, one ``Column`` per column."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: tuple[R, ...] = ()

    @property
    def rows(self) -> tuple[R, ...]:
        return self._rows

    @property
    def columns(self) -> tuple[Column[R], ...]:
        return self._columns

    def set_rows(self, rows: Sequence[R]) -> bool:
        """Show ``rows``; returns False (and changes nothing) when they are the rows shown."""
        new = tuple(rows)
        if new == self._rows:
            return False
        self.beginResetModel()
        self._rows = new
        self.endResetModel()
        return True

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def refresh(self) -> None:
        """The rows are the same but what they read as changed (the clock moved on)."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )

    # --- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._columns)):
            return None
        item, spec = self._rows[row], self._columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.text(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if spec.right else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return spec.tooltip(item) if spec.tooltip is not None else None
        if role == Qt.ItemDataRole.FontRole:
            return spec.font(item) if callable(spec.font) else spec.font
        if role == Qt.ItemDataRole.BackgroundRole:
            return spec.background(item) if spec.background is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return spec.foreground(item) if spec.foreground is not None else None
        getter = spec.roles.get(role)
        return getter(item) if getter is not None else None

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def rows_view(name: str, model: RowsTableModel[Any], parent: QWidget | None = None) -> QTableView:
    """A view of ``model`` whose rows are selected whole, one at a time, never edited."""
    return set_up_rows_view(QTableView(parent), name, model)


V = TypeVar("V", bound=QTableView)


def set_up_rows_view(view: V, name: str, model: RowsTableModel[Any]) -> V:
    """``view`` (a ``QTableView`` subclass) set up as ``rows_view`` sets up its view."""
    view.setObjectName(name)
    view.setModel(model)
    model.setParent(view)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def selected_row(view: QTableView) -> int:
    """The selected row of a ``rows_view``, or -1."""
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1
