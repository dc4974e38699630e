"""The shift at a glance, under the scan field (issue 16): how many units the inspector and
the station decided today, and the station's last decisions (local time, LPN, product, the
outcome in words, where it stands, who decided), each of which can have its label printed
again.

The panel never takes the keyboard focus: the scan field keeps it, so a scan typed at any
time still lands there. The page moves the selection (↑/↓, ``move_selection``) and asks for
the reprint (Ctrl+P); a click on a row or on the button does the same without moving focus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qc_station.services.shift import ShiftDecision, ShiftView

from ..labels import decision_status_text, headline_label, resolution_label
from ..local_time import local
from .rows_table import Column, RowsTableModel, rows_view, selected_row

#: The waiting decisions' status, in the colour of the approval notes elsewhere.
_WAITING = QColor("#9a5b00")


def _tr(source: str) -> str:
    return QCoreApplication.translate("ShiftPanel", source)


def _outcome(d: ShiftDecision) -> str:
    return _tr("{headline} · {resolution}").format(
        headline=headline_label(d.headline), resolution=resolution_label(d.resolution)
    )


def shift_columns() -> list[Column[ShiftDecision]]:
    bold = QFont()
    bold.setBold(True)
    return [
        Column(_tr("Time"), lambda d: f"{local(d.decided_at):%H:%M}"),
        Column(_tr("LPN"), lambda d: d.lpn, font=QFont("monospace")),
        Column(_tr("Product"), lambda d: d.product_name, tooltip=lambda d: d.product_name),
        Column(_tr("Decision"), _outcome),
        Column(
            _tr("Status"),
            lambda d: decision_status_text(d.status),
            font=lambda d: bold if d.awaiting_approval else None,
            foreground=lambda d: _WAITING if d.awaiting_approval else None,
        ),
        Column(_tr("Inspector"), lambda d: d.decided_by),
    ]


class ShiftPanel(QFrame):
    """The counts and the last decisions; ``reprint_requested`` carries the chosen LPN."""

    reprint_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.counts = QLabel()
        self.counts.setObjectName("shiftCounts")
        font = QFont(self.counts.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.counts.setFont(font)
        layout.addWidget(self.counts)

        header = QHBoxLayout()
        title = QLabel(_tr("Last decisions at this station"))
        title.setObjectName("shiftTitle")
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        header.addWidget(title)
        header.addStretch(1)
        self.hint = QLabel(_tr("↑/↓ choose a decision"))
        self.hint.setObjectName("shiftHint")
        self.hint.setStyleSheet("color: #4a5468;")
        header.addWidget(self.hint)
        self.reprint_button = QPushButton(_tr("Reprint label (Ctrl+P)"))
        self.reprint_button.setObjectName("reprintButton")
        # A click must not take the focus from the scan field.
        self.reprint_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header.addWidget(self.reprint_button)
        layout.addLayout(header)

        self.model: RowsTableModel[ShiftDecision] = RowsTableModel(shift_columns())
        self.table = rows_view("shiftTable", self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        heading = self.table.horizontalHeader()
        heading.setStretchLastSection(False)
        # The product takes what the other columns leave; a long title is cut with "…"
        # (the whole title is its tooltip).
        heading.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty = QLabel(_tr("No decisions at this station today yet."))
        self.empty.setObjectName("shiftEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #4a5468;")
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.table)
        layout.addWidget(self.body, 1)

        self.reprint_button.clicked.connect(self.request_reprint)
        self.table.doubleClicked.connect(lambda _index: self.request_reprint())
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.show_shift(None, "")

    # --- showing -------------------------------------------------------------------------

    def show_shift(self, shift: ShiftView | None, station: str) -> None:
        """Show ``shift`` (None: nothing read yet); the chosen decision stays chosen."""
        if shift is None:
            self.counts.setText("")
            self.counts.hide()
        else:
            self.counts.setText(
                _tr("Units decided today — you: {mine} · station {station}: {total}").format(
                    mine=shift.mine, station=station, total=shift.station_total
                )
            )
            self.counts.show()
        chosen = self.selected_lpn()
        rows = shift.recent if shift is not None else ()
        if self.model.set_rows(rows) and chosen is not None:
            again = next((n for n, d in enumerate(rows) if d.lpn == chosen), -1)
            if again >= 0:
                self.table.selectRow(again)
        self.body.setCurrentWidget(self.table if rows else self.empty)
        self._on_selection_changed()

    # --- choosing and reprinting ---------------------------------------------------------

    def selected_lpn(self) -> str | None:
        decision = self.model.row_at(selected_row(self.table))
        return decision.lpn if decision is not None else None

    def move_selection(self, step: int) -> None:
        """↑ (-1) or ↓ (+1): the decision above or below; the first ↓ chooses the newest."""
        count = self.model.rowCount()
        if not count:
            return
        row = selected_row(self.table)
        target = 0 if row < 0 else min(max(row + step, 0), count - 1)
        self.table.selectRow(target)
        self.table.scrollTo(self.model.index(target, 0))

    def reprint_target(self) -> str | None:
        """The chosen decision's LPN, or the newest one's when none is chosen (the label
        that just printed is the one most often wanted again)."""
        newest = self.model.row_at(0)
        return self.selected_lpn() or (newest.lpn if newest is not None else None)

    def request_reprint(self) -> None:
        lpn = self.reprint_target()
        if lpn is not None:
            self.reprint_requested.emit(lpn)

    def _on_selection_changed(self, *_args: object) -> None:
        rows = self.model.rowCount()
        self.reprint_button.setEnabled(rows > 0)
        self.hint.setVisible(rows > 1)
        lpn = self.reprint_target()
        self.reprint_button.setToolTip(
            _tr("Print the label of {lpn} again").format(lpn=lpn) if lpn else ""
        )
