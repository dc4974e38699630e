"""The dashboard's drill-down: the units of one SKU, carrier or supplier, with a way back.
Its words are the dashboard page's (translation context ``DashboardPage``)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qc_station.services.stats import Dimension, UnitItem

from ..labels import decision_status_text, finding_text, grade_text, headline_text
from ..local_time import local_time
from .rows_table import Column, RowsTableModel, rows_view


def _tr(source: str) -> str:
    return QCoreApplication.translate("DashboardPage", source)


class DrillDownPanel(QWidget):
    """``back`` (its ``clicked`` leaves the drill-down), ``title`` and ``table``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back = QPushButton(_tr("Back to the dashboard"))
        self.back.setObjectName("drillBackButton")
        self.title = QLabel()
        self.title.setObjectName("drillTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        layout.addLayout(top)
        self.model: RowsTableModel[UnitItem] = RowsTableModel(
            [
                Column(_tr("LPN"), lambda u: u.lpn),
                Column(_tr("RMA"), lambda u: u.rma_code),
                Column(_tr("SKU"), lambda u: u.sku),
                Column(_tr("Carrier"), lambda u: u.carrier),
                Column(_tr("Supplier"), lambda u: u.supplier),
                Column(_tr("Grade"), lambda u: grade_text(u.grade)),
                Column(_tr("Finding"), lambda u: finding_text(u.finding)),
                Column(_tr("Decision"), lambda u: headline_text(u.headline)),
                Column(_tr("Status"), lambda u: decision_status_text(u.status)),
                Column(_tr("Decided"), lambda u: local_time(u.decided_at)),
            ]
        )
        self.table = rows_view("drillTable", self.model)
        layout.addWidget(self.table, 1)

    def show_units(self, dimension: Dimension, key: str, units: Sequence[UnitItem]) -> None:
        what = {
            Dimension.SKU: _tr("SKU {key}"),
            Dimension.CARRIER: _tr("carrier {key}"),
            Dimension.SUPPLIER: _tr("supplier {key}"),
        }[dimension].format(key=key)
        self.title.setText(_tr("Units of {what}: {count}").format(what=what, count=len(units)))
        self.model.set_rows(units)
