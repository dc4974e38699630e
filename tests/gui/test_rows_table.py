"""The read-only table model over plain rows (ui/widgets/rows_table.py), checked by Qt's
QAbstractItemModelTester through pytest-qt's ``qtmodeltester``."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ui.widgets.rows_table import Column, RowsTableModel, rows_view, selected_row

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Item:
    name: str
    count: int
    late: bool = False


COLUMNS = (
    Column[Item]("Name", lambda i: i.name, roles={KEY_ROLE: lambda i: i.name.upper()}),
    Column[Item](
        "Count",
        lambda i: str(i.count),
        right=True,
        tooltip=lambda i: f"{i.count} unit(s)",
        background=lambda i: QColor("#f8d0d0") if i.late else None,
    ),
)


def model_with(*items: Item) -> RowsTableModel[Item]:
    model = RowsTableModel(COLUMNS)
    model.set_rows(items)
    return model


def test_the_model_passes_qts_model_tester(qtmodeltester: ModelTester) -> None:
    model = model_with(Item("a", 1), Item("b", 22, late=True))
    qtmodeltester.check(model)  # Qt's QAbstractItemModelTester, watching what follows
    model.set_rows([Item("c", 3)])
    model.refresh()
    model.set_rows([])
    qtmodeltester.check(model_with(Item("d", 4)), force_py=True)


def test_cells_headers_and_roles() -> None:
    model = model_with(Item("a", 1), Item("b", 22, late=True))
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Count"
    assert model.index(1, 1).data() == "22"
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == "22 unit(s)"
    assert model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole) == QColor("#f8d0d0")
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, 0).data(KEY_ROLE) == "A"
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.rowCount(model.index(0, 0)) == 0  # flat: no children
    assert model.row_at(1) == Item("b", 22, late=True) and model.row_at(2) is None
    assert model.data(QModelIndex()) is None


def test_the_same_rows_keep_the_selection(qtbot: QtBot) -> None:
    model = model_with(Item("a", 1), Item("b", 2))
    view = rows_view("itemTable", model)
    qtbot.addWidget(view)
    assert view.objectName() == "itemTable"
    view.selectRow(1)
    assert selected_row(view) == 1
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    assert not model.set_rows([Item("a", 1), Item("b", 2)])
    assert selected_row(view) == 1 and resets == []
    assert model.set_rows([Item("a", 1)])
    assert selected_row(view) == -1 and resets == [True]


def test_colours_and_fonts_per_row() -> None:
    bold = QFont()
    bold.setBold(True)
    model: RowsTableModel[Item] = RowsTableModel(
        [
            Column[Item](
                "Name",
                lambda i: i.name,
                font=lambda i: bold if i.late else None,
                foreground=lambda i: QColor("#8c1d18") if i.late else None,
            ),
            Column[Item]("Count", lambda i: str(i.count), font=bold),
        ]
    )
    model.set_rows([Item("a", 1), Item("b", 2, late=True)])
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) == QColor("#8c1d18")
