"""The scan page: one big field that takes a scanned or typed code (Enter submits), the result
of the last scan in green or red, and the RMA that was found.

"Camera (F4)" shows the station webcam beside the RMA: a decoded code opens its RMA exactly as
a typed one does. An unknown code offers "Create an unexpected return (F8)".

Under them, the shift (``ShiftPanel``): today's counts and the station's last decisions. The
scan field keeps the focus throughout: ↑/↓ (which the field does not use) choose a decision
and Ctrl+P prints its label again, keys a wedge scanner never sends.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..camera.preview import CameraPreviewWidget
from ..camera.worker import CameraController
from ..messages import describe
from ..presenters.scan_presenter import ScanPresenter, ScanState
from ..scanner import CODE_FIELD
from ..widgets.rma_panel import RmaPanelWidget
from ..widgets.shift_panel import ShiftPanel


class ScanPage(QWidget):
    def __init__(
        self,
        presenter: ScanPresenter,
        parent: QWidget | None = None,
        *,
        camera: CameraController | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scanPage")
        self.presenter = presenter
        self.camera = camera
        self._codes_connected = False
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Scan the RMA barcode or the unit label"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        row = QHBoxLayout()
        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("scanEdit")
        # Its whole text is a code: scanner bursts are left to it (ui/scanner.py).
        self.scan_edit.setProperty(CODE_FIELD, True)
        self.scan_edit.setPlaceholderText(self.tr("Scan or type a code, then Enter"))
        self.scan_edit.setClearButtonEnabled(True)
        row.addWidget(self.scan_edit, 1)
        self.camera_button = QPushButton(self.tr("Camera (F4)"))
        self.camera_button.setObjectName("cameraButton")
        self.camera_button.setCheckable(True)
        self.camera_button.setMinimumHeight(64)
        self.camera_button.setEnabled(camera is not None)
        row.addWidget(self.camera_button)
        layout.addLayout(row)

        message_row = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("scanMessage")
        self.message.setWordWrap(True)
        message_row.addWidget(self.message, 1)
        self.unexpected_button = QPushButton(self.tr("Create an unexpected return (F8)"))
        self.unexpected_button.setObjectName("unexpectedReturnButton")
        self.unexpected_button.hide()
        message_row.addWidget(self.unexpected_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(message_row)

        body = QHBoxLayout()
        self.rma_panel = RmaPanelWidget()
        body.addWidget(self.rma_panel, 3)
        self.preview = CameraPreviewWidget(minimum=QSize(400, 225))
        self.preview.hide()
        body.addWidget(self.preview, 2, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(body)
        self.shift_panel = ShiftPanel()
        layout.addWidget(self.shift_panel, 1)
        reprint = QShortcut(QKeySequence("Ctrl+P"), self)
        reprint.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reprint.activated.connect(self.shift_panel.request_reprint)

        self.scan_edit.returnPressed.connect(self._on_scan_edit_return_pressed)
        self.camera_button.toggled.connect(self._on_camera_button_toggled)
        self.unexpected_button.clicked.connect(presenter.request_unexpected_return)
        self.shift_panel.reprint_requested.connect(presenter.reprint)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        if camera is not None:
            camera.preview_ready.connect(self._on_camera_preview_ready)
            camera.camera_failed.connect(self._on_camera_failed)
        self._on_presenter_state_changed(presenter.state)

    def focus_scan(self) -> None:
        self.scan_edit.setFocus()
        self.scan_edit.selectAll()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.presenter.shift_shown()  # the counts as they are now, not when last seen

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        # Keys the scan field does not use reach the page: F4 camera, F8 unexpected return,
        # ↑/↓ the shift's decisions.
        if event.key() == Qt.Key.Key_F4 and self.camera_button.isEnabled():
            self.camera_button.toggle()
        elif event.key() == Qt.Key.Key_F8:
            self.presenter.request_unexpected_return()
        elif event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.shift_panel.move_selection(-1 if event.key() == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- camera --------------------------------------------------------------------------

    @property
    def camera_wanted(self) -> bool:
        """The inspector turned the camera on here (it restarts when the page is shown)."""
        return self.camera_button.isChecked()

    def start_camera(self) -> None:
        """Start the camera if the inspector wants it (called when the page is shown)."""
        camera = self.camera
        if camera is None or not self.camera_wanted or camera.running:
            return
        self.presenter.camera_started()
        self.preview.clear_image(self.tr("Starting the camera…"))
        self.preview.set_status("")
        self.preview.show()
        # Codes go to this page's presenter only while the camera runs for it.
        camera.code_decoded.connect(self.presenter.submit_camera_code)
        self._codes_connected = True
        camera.start()

    def stop_camera(self) -> None:
        """Stop the camera (page left, signed out, window closed); the toggle is kept."""
        camera = self.camera
        if camera is None:
            return
        if self._codes_connected:
            camera.code_decoded.disconnect(self.presenter.submit_camera_code)
            self._codes_connected = False
        if camera.running:
            camera.stop()

    def _on_camera_button_toggled(self, on: bool) -> None:
        if on:
            self.start_camera()
        else:
            self.stop_camera()
            self.preview.hide()
            self.presenter.camera_started()  # forget an old camera error
        self.focus_scan()

    def _on_camera_preview_ready(self, image: QImage) -> None:
        if self._codes_connected:  # the camera is running for this page
            self.preview.show_image(image)

    def _on_camera_failed(self) -> None:
        if not self.camera_wanted or self.camera is None:
            return
        self.stop_camera()
        error = self.camera.error
        self.camera_button.blockSignals(True)
        self.camera_button.setChecked(False)
        self.camera_button.blockSignals(False)
        self.presenter.camera_failed(describe(error) if error else self.tr("No camera."))

    # --- scanning ------------------------------------------------------------------------

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
        self.unexpected_button.setVisible(bool(state.unknown_code))
        self.scan_edit.setEnabled(True)
        self.rma_panel.show_rma(state.rma, state.rma.focus_lpn if state.rma else None)
        self.shift_panel.show_shift(state.shift, self.presenter.session.station)
        if state.camera_error:
            # The preview stays, with the reason in red under it: no dialog, no crash.
            self.preview.show()
            self.preview.clear_image(self.tr("No picture"))
            self.preview.set_status(state.camera_error, "error")
        elif not self.camera_wanted:
            self.preview.hide()
