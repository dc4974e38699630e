"""The "Print queue" work area (every role): the jobs the printers have not taken, with the
error each got, and retry / retry all / discard; plus previewing and printing a label or a
report for any code, and reprinting the last label.

A thin page over the window's ``PrintCenter``: every action runs there, off the GUI thread.
Discarding asks for confirmation through ``ask`` (tests replace it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qc_station.services import documents
from qc_station.services.print_queue import PrintJob, PrintKind, PrintSubject

from ..widgets.rows_table import Column, RowsTableModel, rows_view
from .preview_dialog import PrintPreviewDialog
from .print_center import PrintCenter, job_problem


class PrintQueuePage(QWidget):
    def __init__(self, center: PrintCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.center = center
        self.jobs: list[PrintJob] = []
        # Asks a yes/no question; tests replace it.
        self.ask: Callable[[str], bool] = self._ask
        # The last preview opened (for tests and screenshots).
        self.preview: PrintPreviewDialog | None = None

        title = QLabel(self.tr("Print queue"))
        title.setObjectName("pageTitle")
        hint = QLabel(
            self.tr(
                "Labels and reports that a printer has not taken yet. Nothing here is lost: "
                "fix the printer, then retry."
            )
        )
        hint.setWordWrap(True)

        # Each cell's tooltip is its whole text: a long problem is cut in the column.
        self.model: RowsTableModel[PrintJob] = RowsTableModel(
            [
                Column(header, text, tooltip=text)
                for header, text in (
                    (self.tr("Document"), lambda j: j.title),
                    (self.tr("Printer"), lambda j: j.printer or self.tr("(none set)")),
                    (
                        self.tr("Queued"),
                        lambda j: j.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    ),
                    (self.tr("Tries"), lambda j: str(j.attempts)),
                    (self.tr("Problem"), job_problem),
                )
            ]
        )
        self.table = rows_view("printJobsTable", self.model)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.empty = QLabel(self.tr("Every job has been printed."))
        self.empty.setObjectName("printQueueEmpty")

        self.retry_button = self._button("retryButton", self.tr("Retry"))
        self.retry_all_button = self._button("retryAllButton", self.tr("Retry all"))
        self.discard_button = self._button("discardButton", self.tr("Discard…"))
        self.preview_job_button = self._button("previewJobButton", self.tr("Preview"))
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        self.retry_all_button.clicked.connect(self.center.retry_all)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.preview_job_button.clicked.connect(self._on_preview_job_button_clicked)
        job_buttons = QHBoxLayout()
        for button in (
            self.retry_button,
            self.retry_all_button,
            self.preview_job_button,
            self.discard_button,
        ):
            job_buttons.addWidget(button)
        job_buttons.addStretch(1)

        self.code = QLineEdit()
        self.code.setObjectName("printCode")
        self.code.setPlaceholderText(self.tr("LPN or RMA code"))
        self.preview_label_button = self._button("previewLabelButton", self.tr("Label…"))
        self.preview_report_button = self._button("previewReportButton", self.tr("Report…"))
        self.reprint_button = self._button("reprintButton", self.tr("Reprint last label"))
        self.preview_label_button.clicked.connect(self._on_preview_label_button_clicked)
        self.preview_report_button.clicked.connect(self._on_preview_report_button_clicked)
        self.reprint_button.clicked.connect(self._on_reprint_button_clicked)
        documents_row = QHBoxLayout()
        documents_row.addWidget(QLabel(self.tr("Preview and print:")))
        documents_row.addWidget(self.code, 1)
        for button in (
            self.preview_label_button,
            self.preview_report_button,
            self.reprint_button,
        ):
            documents_row.addWidget(button)

        self.message = QLabel()
        self.message.setObjectName("printMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(documents_row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(job_buttons)

        center.jobs_loaded.connect(self._on_center_jobs_loaded)
        center.job_printed.connect(self._on_center_job_printed)
        center.job_failed.connect(self._on_center_job_failed)
        center.render_failed.connect(self._on_center_render_failed)
        self._update_buttons()

    def activated(self) -> None:
        """Shown again: reload the list (another window may have printed meanwhile)."""
        self.center.refresh()

    def selected_job(self) -> PrintJob | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.jobs):
            return None
        return self.jobs[rows[0].row()]

    # --- slots ---------------------------------------------------------------------------

    def _on_center_jobs_loaded(self, jobs: list[PrintJob]) -> None:
        selected = self.selected_job()
        self.jobs = list(jobs)
        self.model.set_rows(self.jobs)
        for row, job in enumerate(self.jobs):
            if selected is not None and job.id == selected.id:
                self.table.selectRow(row)
        self.table.setVisible(bool(self.jobs))
        self.empty.setVisible(not self.jobs)
        self._update_buttons()

    def _on_center_job_printed(self, title: str, printer: str) -> None:
        self.message.setProperty("role", "")
        self.message.setText(
            self.tr("{title} sent to {printer}.").format(title=title, printer=printer)
        )

    def _on_center_job_failed(self, _title: str, text: str) -> None:
        self.message.setProperty("role", "error")
        self.message.setText(text)

    def _on_center_render_failed(self, text: str) -> None:
        self.message.setProperty("role", "error")
        self.message.setText(text)

    def _on_retry_button_clicked(self) -> None:
        job = self.selected_job()
        if job is not None:
            self.center.retry(job.id)

    def _on_discard_button_clicked(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        question = self.tr("Discard {title}? It will not be printed.").format(title=job.title)
        if self.ask(question):
            self.center.discard(job.id)

    def _on_preview_job_button_clicked(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        self.center.document(
            job, lambda pdf: self._open_preview(pdf, job.title, job.kind, job.subject), self
        )

    def _on_preview_label_button_clicked(self) -> None:
        code = self.code.text().strip()
        if not code:
            return

        def show(document: documents.LabelDocument) -> None:
            self.center.last_label = code
            title = self.tr("Label {code}").format(code=code)
            self._open_preview(
                document.pdf, title, PrintKind.LABEL, self.center.label_subject(document)
            )

        self.center.render_label(code, show, self)

    def _on_preview_report_button_clicked(self) -> None:
        code = self.code.text().strip()
        if not code:
            return

        def show(document: documents.ReportDocument) -> None:
            title = self.tr("Report {code}").format(code=document.rma_code)
            subject = self.center.report_subject(document)
            self._open_preview(document.pdf, title, PrintKind.REPORT, subject)

        self.center.render_report(code, show, self)

    def _on_reprint_button_clicked(self) -> None:
        if not self.center.reprint_last_label():
            self.message.setText(self.tr("No label has been printed at this station yet."))

    # --- helpers -------------------------------------------------------------------------

    def _open_preview(
        self, pdf: bytes, title: str, kind: PrintKind, subject: PrintSubject | None = None
    ) -> None:
        dialog = PrintPreviewDialog(
            pdf,
            title,
            self.center.session.runner,
            self,
            file_name=title.replace(" ", "-") + ".pdf",
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Printed from the preview, it joins the units' story as any print does (issue 18).
        dialog.print_requested.connect(
            lambda data: self.center.print_pdf(data, kind, title, subject)
        )
        self.preview = dialog
        dialog.open()

    def _update_buttons(self) -> None:
        has_job = self.selected_job() is not None
        for button in (self.retry_button, self.discard_button, self.preview_job_button):
            button.setEnabled(has_job)
        self.retry_all_button.setEnabled(bool(self.jobs))

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Print queue"), question)
        return answer == QMessageBox.StandardButton.Yes


def build_print_queue_page(center: PrintCenter, parent: QWidget) -> QWidget:
    """The work area's factory (``ui/workspaces.py``), over the window's print center."""
    return PrintQueuePage(center, parent)
