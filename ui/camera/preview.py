"""The live picture of the station camera, scaled to fit, with a line of text under it for
"starting…", "off" or why there is no picture."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class CameraPreviewWidget(QFrame):
    def __init__(self, parent: QWidget | None = None, *, minimum: QSize | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPreview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.picture = QLabel()
        self.picture.setObjectName("cameraPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(minimum or QSize(320, 180))
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setStyleSheet("background: #20242c; color: #d0d6e0;")
        layout.addWidget(self.picture, 1)
        self.status = QLabel()
        self.status.setObjectName("cameraStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._image: QImage | None = None
        self.frames_shown = 0

    def show_image(self, image: QImage) -> None:
        self._image = image
        self.frames_shown += 1
        self._render()

    def clear_image(self, text: str = "") -> None:
        self._image = None
        self.picture.clear()
        self.picture.setText(text)

    def set_status(self, text: str, role: str = "info") -> None:
        self.status.setText(text)
        self.status.setProperty("role", role)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setVisible(bool(text))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._render()

    def _render(self) -> None:
        if self._image is None:
            return
        pixmap = QPixmap.fromImage(self._image).scaled(
            self.picture.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
        self.picture.setPixmap(pixmap)
