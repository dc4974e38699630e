"""The camera chooser of the Settings (SPEC §7.5): the cameras of this computer by name, a
camera at an address (an RTSP or HTTP stream) or a video file (tests, demonstrations), and a
live preview of the one chosen, so the operator sees it is the right one before saving.

The list and the check of an address come from the station's ports (``Session.ports``:
``list_cameras``, ``parse_camera``); the preview is the station's own camera thread
(``ui.camera.worker``) on the chosen source, without decoding: frames never pass through the
GUI thread but as small preview images. When the source gives no picture, the preview says
so in words, and why.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qc_station.domain.errors import QcError
from qc_station.services.station_ports import Code, FrameSource, StationPorts

from ..messages import describe
from .preview import CameraPreviewWidget
from .worker import CameraController

#: The pause after each frame of a preview: a video file would otherwise play flat out.
PREVIEW_PAUSE_S = 1 / 25
_URL, _FILE = "url", "file"  # the two entries that ask for a source


def _tr(source: str) -> str:
    return QCoreApplication.translate("CameraPicker", source)


def _no_codes(_frame: object) -> list[Code]:
    return []  # the preview only shows: nothing to decode


def _label(source: int | str) -> str:
    """A source not in the list, as the operator reads it; never an address's password."""
    if isinstance(source, int):
        return _tr("Camera number {number}").format(number=source)
    parts = urlsplit(source)
    if parts.scheme and parts.hostname:
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        return _tr("Camera at {address}").format(address=parts._replace(netloc=host).geturl())
    if source.startswith("/dev/"):
        return _tr("Camera {device}").format(device=source)
    return _tr("Video file: {name}").format(name=PurePath(source).name)


class CameraPicker(QWidget):
    #: the source chosen changed (to this one)
    source_changed = Signal(object)

    def __init__(
        self, ports: StationPorts, current: int | str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPicker")
        self._ports = ports
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.setObjectName("cameraCombo")
        self.combo.setAccessibleName(_tr("Camera"))
        layout.addWidget(self.combo)
        self.preview = CameraPreviewWidget(minimum=QSize(320, 180))
        layout.addWidget(self.preview)

        for choice in ports.list_cameras():
            self.combo.addItem(choice.name, choice.source)
        self.combo.addItem(_tr("Camera at an address (URL)…"), _URL)
        self.combo.addItem(_tr("Video file…"), _FILE)
        self._select(current)
        self._last_index = self.combo.currentIndex()

        self.controller = CameraController(
            self._open_chosen,
            decode=_no_codes,
            new_debouncer=ports.new_debouncer,
            frame_pause=PREVIEW_PAUSE_S,
            parent=self,
        )
        self.controller.preview_ready.connect(self.preview.show_image)
        self.controller.camera_failed.connect(self._on_controller_camera_failed)
        self.combo.activated.connect(self._on_combo_activated)

    @property
    def source(self) -> int | str:
        """The source chosen (what is saved)."""
        data = self.combo.currentData()
        assert data not in (_URL, _FILE)
        return data  # type: ignore[no-any-return]

    def start_preview(self) -> None:
        self.controller.stop()
        self.preview.clear_image(_tr("Starting the camera…"))
        self.preview.set_status("")
        self.controller.start()

    def stop_preview(self) -> None:
        self.controller.stop()

    def choose(self, source: int | str) -> None:
        """Make ``source`` the choice (as picking it in the list would) and preview it."""
        self._select(source)
        self._last_index = self.combo.currentIndex()
        self.source_changed.emit(source)
        self.start_preview()

    # --- internals -----------------------------------------------------------------------

    def _select(self, source: int | str) -> None:
        index = self.combo.findData(source)
        if index < 0:
            # Not plugged in now, or an address or file chosen earlier: listed as it is.
            index = self.combo.count() - 2
            self.combo.insertItem(index, _label(source), source)
        self.combo.setCurrentIndex(index)

    def _open_chosen(self) -> FrameSource:
        # On the camera thread: opening a stream can take seconds.
        return self._ports.open_camera(self.source)

    def _on_combo_activated(self, index: int) -> None:
        data = self.combo.itemData(index)
        if data == _URL:
            self._ask_for_url()
        elif data == _FILE:
            self._ask_for_file()
        else:
            self.choose(data)

    def _ask_for_url(self) -> None:
        text, ok = QInputDialog.getText(
            self,
            _tr("Camera at an address"),
            _tr("The camera's address, such as rtsp://192.168.1.20/stream"),
            QLineEdit.EchoMode.Normal,
        )
        self._use_typed(text if ok else "")

    def _ask_for_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, _tr("Video file"), "", _tr("Videos (*.mp4 *.avi *.mkv *.mov *.webm);;All (*)")
        )
        self._use_typed(path)

    def _use_typed(self, text: str) -> None:
        if not text.strip():
            self.combo.setCurrentIndex(self._last_index)  # cancelled: the choice stays
            return
        try:
            source = self._ports.parse_camera(text) if self._ports.parse_camera else text
        except QcError as error:
            self.combo.setCurrentIndex(self._last_index)
            self.preview.set_status(describe(error), "error")
            return
        self.choose(source)

    def _on_controller_camera_failed(self) -> None:
        error = self.controller.error
        self.controller.stop()
        self.preview.clear_image(_tr("No picture from this camera."))
        reason = describe(error) if error is not None else ""
        self.preview.set_status(reason, "error")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.start_preview()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.controller.stop()  # never a camera left open behind a closed dialog
        super().hideEvent(event)
