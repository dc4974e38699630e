"""The scan page: one big field that takes a scanned or typed code (Enter submits), the result
of the last scan in green or red, and the RMA that was found."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ..presenters.scan_presenter import ScanPresenter, ScanState
from ..widgets.rma_panel import RmaPanelWidget


class ScanPage(QWidget):
    def __init__(self, presenter: ScanPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanPage")
        self.presenter = presenter
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Scan the RMA barcode or the unit label"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("scanEdit")
        self.scan_edit.setPlaceholderText(self.tr("Scan or type a code, then Enter"))
        self.scan_edit.setClearButtonEnabled(True)
        layout.addWidget(self.scan_edit)
        self.message = QLabel()
        self.message.setObjectName("scanMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.rma_panel = RmaPanelWidget()
        layout.addWidget(self.rma_panel)
        layout.addStretch(1)

        self.scan_edit.returnPressed.connect(self._on_scan_edit_return_pressed)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    def focus_scan(self) -> None:
        self.scan_edit.setFocus()
        self.scan_edit.selectAll()

    def _on_scan_edit_return_pressed(self) -> None:
        code = self.scan_edit.text()
        self.scan_edit.clear()
        self.presenter.submit_code(code)

    def _on_presenter_state_changed(self, state: ScanState) -> None:
        if state.error:
            self.message.setText(state.error)
            role = "error"
        elif state.confirmation:
            self.message.setText(state.confirmation)
            role = "success"
        elif state.busy:
            self.message.setText(self.tr("Looking up {code}…").format(code=state.last_code))
            role = "info"
        else:
            self.message.setText("")
            role = "info"
        self.message.setProperty("role", role)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(self.message.text()))
        self.scan_edit.setEnabled(True)
        self.rma_panel.show_rma(state.rma, state.rma.focus_lpn if state.rma else None)
