"""The Recovery page (supervisors and admins): vendor-return batches and carrier claims over
``RecoveryPresenter``.

The cases table lists each batch or claim (number, kind, supplier or carrier, state, units,
claimed and recovered per currency, the carrier's filing deadline); an open claim whose
deadline is near is amber, one past it red, and the deadline column says so in words (colour
never carries meaning alone). Below, the selected case's units, and the actions: close the
batch or file the claim (its documents go to a chosen folder), write the documents again, take
a unit out with a reason, record a payment or a denial.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qc_station.domain.deadlines import DeadlineStatus
from qc_station.domain.recovery import RecoveryKind, RecoveryState
from qc_station.services.recovery_views import CaseView, ItemView

from ..labels import finding_text
from ..local_time import local_time
from ..presenters.recovery_presenter import RecoveryPageState, RecoveryPresenter
from ..widgets.rma_panel import money
from ..widgets.rows_table import Column, RowsTableModel, rows_view, selected_row
from ..widgets.tables import documents_folder, show_message

#: The item data role holding a case's id (cases table) or a unit's LPN (units table).
KEY_ROLE = Qt.ItemDataRole.UserRole.value + 1

_ROW_COLOURS = {
    DeadlineStatus.OVERDUE: QColor("#f8d0d0"),
    DeadlineStatus.DUE_SOON: QColor("#fde6b8"),
}
_ROW_TEXT = QColor("#202020")  # dark text on the light row colours, whatever the theme

#: A unit of the selected case, and whether that case is a carrier claim (its tracking shows).
UnitRow = tuple[ItemView, bool]


def _tr(source: str) -> str:
    return QCoreApplication.translate("RecoveryPage", source)


def _kind(kind: RecoveryKind) -> str:
    return _tr("Vendor return") if kind == RecoveryKind.VENDOR_RETURN else _tr("Carrier claim")


def _state(state: RecoveryState) -> str:
    return {
        RecoveryState.OPEN: _tr("Open"),
        RecoveryState.CLOSED: _tr("Closed"),
        RecoveryState.FILED: _tr("Filed"),
        RecoveryState.PARTLY_PAID: _tr("Partly paid"),
        RecoveryState.PAID: _tr("Paid"),
        RecoveryState.DENIED: _tr("Denied"),
    }[state]


def _amounts(amounts: dict[str, Decimal]) -> str:
    return ", ".join(money(v, c) for c, v in amounts.items()) or "—"


def _deadline(status: DeadlineStatus | None) -> str:
    if status == DeadlineStatus.OVERDUE:
        return _tr("overdue")
    if status == DeadlineStatus.DUE_SOON:
        return _tr("due soon")
    return ""


def _claim_by(case: CaseView) -> str:
    due = local_time(case.claim_due_at) if case.claim_due_at else ""
    words = _deadline(case.deadline)
    return f"{due} — {words}" if words else due


def _case_background(case: CaseView) -> QColor | None:
    return _ROW_COLOURS.get(case.deadline) if case.deadline else None


def _case_text(case: CaseView) -> QColor | None:
    return _ROW_TEXT if _case_background(case) is not None else None


class RecoveryPage(QWidget):
    def __init__(self, presenter: RecoveryPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryPage")
        self.presenter = presenter
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        title = QLabel(self.tr("Recovery: vendor returns and carrier claims"))
        title.setObjectName("pageTitle")
        top.addWidget(title, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("recoveryRefreshButton")
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical)

        def case_column(
            header: str, text: Callable[[CaseView], str], right: bool = False
        ) -> Column[CaseView]:
            return Column(
                header, text, right=right, background=_case_background, foreground=_case_text
            )

        self.case_model: RowsTableModel[CaseView] = RowsTableModel(
            [
                Column(
                    self.tr("Number"),
                    lambda c: c.number or self.tr("(open)"),
                    background=_case_background,
                    foreground=_case_text,
                    roles={KEY_ROLE: lambda c: c.id},
                ),
                case_column(self.tr("Kind"), lambda c: _kind(c.kind)),
                case_column(self.tr("Supplier / carrier"), lambda c: c.party),
                case_column(self.tr("State"), lambda c: _state(c.state)),
                case_column(self.tr("Units"), lambda c: str(len(c.active_items)), True),
                case_column(self.tr("Claimed"), lambda c: _amounts(c.claimed), True),
                case_column(self.tr("Recovered"), lambda c: _amounts(c.recovered), True),
                case_column(self.tr("Claim by"), _claim_by),
            ]
        )
        self.case_table = rows_view("recoveryCaseTable", self.case_model)
        self.unit_model: RowsTableModel[UnitRow] = RowsTableModel(
            [
                Column(self.tr("LPN"), lambda u: u[0].lpn, roles={KEY_ROLE: lambda u: u[0].lpn}),
                Column(self.tr("SKU"), lambda u: u[0].sku),
                Column(self.tr("Product"), lambda u: u[0].product_name),
                Column(self.tr("Finding"), lambda u: finding_text(u[0].finding)),
                Column(self.tr("Claimed"), lambda u: money(u[0].amount, u[0].currency), right=True),
                Column(self.tr("Tracking"), lambda u: u[0].tracking if u[1] else ""),
                Column(self.tr("Taken out"), lambda u: u[0].pull_reason if u[0].pulled else ""),
            ]
        )
        self.unit_table = rows_view("recoveryUnitTable", self.unit_model)
        splitter.addWidget(self.case_table)
        splitter.addWidget(self.unit_table)
        layout.addWidget(splitter, 1)

        actions = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Close batch / file claim…"))
        self.close_button.setObjectName("recoveryCloseButton")
        # A batch ships in this many cartons: one shipping label each (claims ship nothing).
        self.cartons_label = QLabel(self.tr("Cartons:"))
        self.cartons = QSpinBox()
        self.cartons.setObjectName("recoveryCartonsSpin")
        self.cartons.setRange(1, 999)
        self.cartons_label.setBuddy(self.cartons)
        self.documents_button = QPushButton(self.tr("Write documents again…"))
        self.documents_button.setObjectName("recoveryDocumentsButton")
        self.pull_reason = QLineEdit()
        self.pull_reason.setObjectName("recoveryPullReasonEdit")
        self.pull_reason.setPlaceholderText(self.tr("Why take the unit out? (required)"))
        self.pull_button = QPushButton(self.tr("Take unit out"))
        self.pull_button.setObjectName("recoveryPullButton")
        actions.addWidget(self.cartons_label)
        actions.addWidget(self.cartons)
        actions.addWidget(self.close_button)
        actions.addWidget(self.documents_button)
        actions.addWidget(self.pull_reason, 1)
        actions.addWidget(self.pull_button)
        layout.addLayout(actions)

        payment = QHBoxLayout()
        self.amount = QLineEdit()
        self.amount.setObjectName("recoveryAmountEdit")
        self.amount.setPlaceholderText(self.tr("Amount received"))
        self.currency = QLineEdit()
        self.currency.setObjectName("recoveryCurrencyEdit")
        self.currency.setPlaceholderText(self.tr("Currency (if several)"))
        self.currency.setMaximumWidth(160)
        self.denied = QCheckBox(self.tr("Denied"))
        self.denied.setObjectName("recoveryDeniedCheck")
        self.note = QLineEdit()
        self.note.setObjectName("recoveryNoteEdit")
        self.note.setPlaceholderText(self.tr("Note (remittance reference, reason)"))
        self.pay_button = QPushButton(self.tr("Record"))
        self.pay_button.setObjectName("recoveryPayButton")
        payment.addWidget(self.amount)
        payment.addWidget(self.currency)
        payment.addWidget(self.denied)
        payment.addWidget(self.note, 1)
        payment.addWidget(self.pay_button)
        layout.addLayout(payment)

        self.message = QLabel()
        self.message.setObjectName("recoveryMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.refresh_button.clicked.connect(presenter.refresh)
        self.case_table.selectionModel().selectionChanged.connect(self._on_case_selection_changed)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self.documents_button.clicked.connect(self._on_documents_button_clicked)
        self.pull_button.clicked.connect(self._on_pull_button_clicked)
        self.pay_button.clicked.connect(self._on_pay_button_clicked)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    def activated(self) -> None:
        self.presenter.refresh()

    # --- user actions --------------------------------------------------------------------

    def choose_folder(self) -> Path | None:
        """Asks where the documents go (a separate method so tests can answer it)."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the documents"), str(documents_folder())
        )
        return Path(chosen) if chosen else None

    def _on_case_selection_changed(self) -> None:
        if self._filling:
            return
        case = self.case_model.row_at(selected_row(self.case_table))
        self.presenter.select(case.id if case else None)

    def _on_close_button_clicked(self) -> None:
        self.presenter.close_selected(self.choose_folder(), self.cartons.value())

    def _on_documents_button_clicked(self) -> None:
        self.presenter.write_selected(self.choose_folder())

    def _on_pull_button_clicked(self) -> None:
        unit = self.unit_model.row_at(selected_row(self.unit_table))
        self.presenter.pull(unit[0].lpn if unit else "", self.pull_reason.text())

    def _on_pay_button_clicked(self) -> None:
        self.presenter.record_payment(
            self.amount.text(), self.currency.text(), self.denied.isChecked(), self.note.text()
        )

    # --- showing -------------------------------------------------------------------------

    def _on_presenter_state_changed(self, state: RecoveryPageState) -> None:
        self._filling = True
        try:
            self._fill_cases(state)
            self._fill_units(state)
        finally:
            self._filling = False
        selected = state.selected
        idle = not state.busy
        self.close_button.setEnabled(
            idle and selected is not None and selected.state == RecoveryState.OPEN
        )
        open_batch = (
            selected is not None
            and selected.state == RecoveryState.OPEN
            and selected.kind == RecoveryKind.VENDOR_RETURN
        )
        self.cartons.setEnabled(idle and open_batch)
        if open_batch and selected is not None:
            self.cartons.setMaximum(max(1, len(selected.active_items)))
        claimed = selected is not None and selected.number is not None
        self.documents_button.setEnabled(idle and claimed)
        self.pay_button.setEnabled(idle and claimed)
        self.pull_button.setEnabled(
            idle and selected is not None and selected.state == RecoveryState.OPEN
        )
        show_message(self.message, state.error, state.message)

    def _fill_cases(self, state: RecoveryPageState) -> None:
        self.case_model.set_rows(state.cases)
        ids = [c.id for c in state.cases]
        if state.selected_id in ids:
            row = ids.index(state.selected_id)
            if selected_row(self.case_table) != row:
                self.case_table.selectRow(row)
        else:
            self.case_table.clearSelection()

    def _fill_units(self, state: RecoveryPageState) -> None:
        case = state.selected
        claim = case is not None and case.kind == RecoveryKind.CARRIER_CLAIM
        self.unit_model.set_rows([(unit, claim) for unit in case.items] if case else [])
