"""The finance page (SPEC §7.3, §8): what the next export holds, "Export…" with progress and
cancel, and the history of batches with "Re-export…". A thin view over ``FinancePresenter``;
the file dialogs go through ``ask_save_path`` so tests can answer them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qc_station.services.finance import ExportBatchView
from qc_station.services.ports import CurrencyTotal, ExportRow

from ..display import money
from ..labels import recovery_text, resolution_text
from ..local_time import local_time
from ..presenters.finance_presenter import FinancePresenter, FinanceState
from ..widgets.rows_table import Column, RowsTableModel, rows_view
from ..widgets.tables import documents_folder, never_widen, show_message

AskSavePath = Callable[[QWidget, str, str], str]
"""(parent, title, suggested path) → the chosen path, or "" when cancelled."""


def _ask_save_path(parent: QWidget, title: str, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        title,
        suggested,
        QCoreApplication.translate("FinancePage", "CSV files (*.csv);;All files (*)"),
    )
    return path


def totals_text(totals: Iterable[CurrencyTotal]) -> str:
    """``1,234.50 USD (12) · 99.00 EUR (1)``: refunds per currency, rows in brackets."""
    return " · ".join(f"{money(t.refund_amount, t.currency)} ({t.rows})" for t in totals)


def _recovery_text(row: ExportRow) -> str:
    """Who pays back and how much, in words (the CSV keeps the code)."""
    words = recovery_text(row.recovery)
    if row.recovery and row.recovery_amount is not None:
        return f"{words} {money(row.recovery_amount, row.currency)}"
    return words


class FinancePage(QWidget):
    def __init__(self, presenter: FinancePresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("financePage")
        self.presenter = presenter
        #: How the page asks for a file name; tests replace it.
        self.ask_save_path: AskSavePath = _ask_save_path
        self._selected_batch: str | None = None
        self._fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Finance export"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        # --- the next export -------------------------------------------------------------
        preview_box = QGroupBox(self.tr("Next export"))
        preview_layout = QVBoxLayout(preview_box)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("financeSummary")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("financeRefreshButton")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("financeExportButton")
        self.export_button.setDefault(True)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        preview_layout.addLayout(top)
        self.preview_model: RowsTableModel[ExportRow] = RowsTableModel(
            [
                Column(self.tr("LPN"), lambda r: r.lpn),
                Column(self.tr("RMA"), lambda r: r.rma_code),
                Column(self.tr("SKU"), lambda r: r.sku),
                Column(self.tr("Market"), lambda r: r.market),
                Column(self.tr("Resolution"), lambda r: resolution_text(r.resolution)),
                Column(self.tr("Refund"), lambda r: money(r.refund_amount, r.currency), right=True),
                Column(self.tr("Recovery"), _recovery_text),
                Column(self.tr("Approved by"), lambda r: r.approved_by or "—"),
                Column(self.tr("Approved at"), lambda r: local_time(r.approved_at)),
            ]
        )
        self.preview_table = rows_view("financePreviewTable", self.preview_model)
        preview_layout.addWidget(self.preview_table)
        self.preview_note = QLabel()
        self.preview_note.setObjectName("financePreviewNote")
        preview_layout.addWidget(self.preview_note)
        layout.addWidget(preview_box, 3)

        # --- progress and messages -------------------------------------------------------
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("financeProgress")
        self.progress.setFormat(self.tr("%v of %m rows"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("financeCancelButton")
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.message = QLabel()
        self.message.setObjectName("financeMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        # --- history ---------------------------------------------------------------------
        history_box = QGroupBox(self.tr("Exported batches"))
        history_layout = QVBoxLayout(history_box)
        self.batch_model: RowsTableModel[ExportBatchView] = RowsTableModel(
            [
                Column(self.tr("Batch"), lambda b: b.id),
                Column(self.tr("Exported at"), lambda b: local_time(b.created_at)),
                Column(self.tr("By"), lambda b: b.created_by),
                Column(self.tr("Station"), lambda b: b.station),
                Column(self.tr("Rows"), lambda b: str(b.row_count), right=True),
                Column(self.tr("SHA-256"), lambda b: b.sha256, font=self._fixed),
                Column(
                    self.tr("Refunds"),
                    lambda b: totals_text(b.totals),
                    tooltip=lambda b: totals_text(b.totals).replace(" · ", "\n"),
                ),
            ]
        )
        self.batch_table = rows_view("financeBatchTable", self.batch_model)
        # The refunds of many currencies are long: they take what is left, the tooltip
        # has them all; the hash is shown whole, in a fixed-width font, for comparing.
        self.batch_table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        history_layout.addWidget(self.batch_table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.reexport_button = QPushButton(self.tr("Re-export…"))
        self.reexport_button.setObjectName("financeReexportButton")
        buttons.addWidget(self.reexport_button)
        history_layout.addLayout(buttons)
        layout.addWidget(history_box, 2)

        never_widen(self.summary, self.message)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.reexport_button.clicked.connect(self._on_reexport_button_clicked)
        self.batch_table.selectionModel().selectionChanged.connect(
            self._on_batch_table_selection_changed
        )
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    def activated(self) -> None:
        """Shown again: what is waiting may have changed."""
        self.presenter.refresh()

    # --- slots ---------------------------------------------------------------------------

    def _on_refresh_button_clicked(self) -> None:
        self.presenter.refresh()

    def _on_export_button_clicked(self) -> None:
        name = self.presenter.default_export_name(datetime.now().strftime("%Y%m%d"))
        chosen = self.ask_save_path(
            self, self.tr("Export the finance CSV"), str(documents_folder() / name)
        )
        if chosen:
            self.presenter.export(Path(chosen))

    def _on_reexport_button_clicked(self) -> None:
        batch = self._selected_batch
        if batch is None:
            return
        name = self.presenter.default_reexport_name(batch)
        chosen = self.ask_save_path(
            self,
            self.tr("Write batch {batch} again").format(batch=batch),
            str(documents_folder() / name),
        )
        if chosen:
            self.presenter.reexport(batch, Path(chosen))

    def _on_cancel_button_clicked(self) -> None:
        self.presenter.cancel()

    def _on_batch_table_selection_changed(self) -> None:
        rows = self.batch_table.selectionModel().selectedRows()
        batches = self.presenter.state.batches
        self._selected_batch = (
            batches[rows[0].row()].id if rows and rows[0].row() < len(batches) else None
        )
        self._update_buttons(self.presenter.state)

    def _on_presenter_state_changed(self, state: FinanceState) -> None:
        self._show_preview(state)
        self._show_batches(state)
        exporting = state.exporting
        self.progress.setVisible(exporting)
        self.cancel_button.setVisible(exporting)
        if exporting:
            self.progress.setMaximum(max(state.progress_total, 0))
            self.progress.setValue(min(state.progress, self.progress.maximum()))
        show_message(
            self.message, state.error, state.message, self.tr("Exporting…") if exporting else ""
        )
        self._update_buttons(state)

    # --- rendering -----------------------------------------------------------------------

    def _update_buttons(self, state: FinanceState) -> None:
        self.export_button.setEnabled(self.presenter.can_export())
        self.refresh_button.setEnabled(not state.loading and not state.exporting)
        self.reexport_button.setEnabled(self._selected_batch is not None and not state.exporting)

    def _show_preview(self, state: FinanceState) -> None:
        preview = state.preview
        if preview is None:
            self.summary.setText(self.tr("Loading…") if state.loading else "")
            self.preview_model.set_rows(())
            self.preview_note.setText("")
            return
        if preview.row_count == 0:
            self.summary.setText(
                self.tr("Nothing to export: every final decision has been exported.")
            )
        else:
            self.summary.setText(
                self.tr("{count} decision(s) waiting to be exported. Refunds: {totals}").format(
                    count=preview.row_count, totals=totals_text(preview.totals)
                )
            )
        rows = preview.first_rows
        self.preview_model.set_rows(rows)
        hidden = preview.row_count - len(rows)
        self.preview_note.setText(
            self.tr("… and {count} more.").format(count=hidden) if hidden > 0 else ""
        )
        self.preview_note.setVisible(hidden > 0)

    def _show_batches(self, state: FinanceState) -> None:
        table = self.batch_table
        if [b.id for b in self.batch_model.rows] == [b.id for b in state.batches]:
            return  # unchanged: keep the selection
        selected = self._selected_batch
        table.blockSignals(True)
        table.selectionModel().blockSignals(True)
        self.batch_model.set_rows(state.batches)
        table.clearSelection()
        self._selected_batch = None
        for n, batch in enumerate(state.batches):
            if batch.id == selected:
                table.selectRow(n)
                self._selected_batch = selected
        table.selectionModel().blockSignals(False)
        table.blockSignals(False)
