"""Print preview: a rendered label or report, page by page, with Print and Save.

The pages are rasterised with pdfium on the I/O lane (a report with a dozen photos takes a
moment); the dialog shows "Rendering…" until they arrive. Print hands the very same PDF bytes
to the print center, so what is previewed is what is printed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..tasks import Lane, TaskRunner
from .qt_printer import pdf_page_images

# Screen resolution of the preview: sharp enough to read a hash, small enough to be quick.
PREVIEW_DPI = 110


class PrintPreviewDialog(QDialog):
    """Shows ``pdf``; emits ``print_requested`` with it when the user presses Print."""

    print_requested = Signal(bytes)

    def __init__(
        self,
        pdf: bytes,
        title: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        file_name: str = "document.pdf",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle(self.tr("Print preview — {title}").format(title=title))
        self.pdf = pdf
        self._file_name = file_name
        # Where Save writes; tests replace it instead of answering a file dialog.
        self.ask_save_path: Callable[[], str] = self._ask_save_path
        self.resize(720, 820)

        self.status = QLabel(self.tr("Rendering…"))
        self.status.setObjectName("previewStatus")
        self.pages = QWidget()
        self.pages.setObjectName("previewPages")
        self._pages_layout = QVBoxLayout(self.pages)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)

        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("previewPrintButton")
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("previewSaveButton")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

        runner.run(
            lambda: pdf_page_images(pdf, PREVIEW_DPI),
            self._on_pages_rendered,
            self._on_render_failed,
            lane=Lane.IO,
            expected=(Exception,),  # a PDF pdfium cannot read is shown, not a crash
        )

    @property
    def page_count(self) -> int:
        return self._pages_layout.count()

    def _on_pages_rendered(self, images: list[QImage]) -> None:
        for n, image in enumerate(images, start=1):
            label = QLabel()
            label.setObjectName(f"previewPage{n}")
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QLabel.Shape.Box)
            self._pages_layout.addWidget(label)
        self.status.setText(self.tr("{count} page(s)").format(count=len(images)))

    def _on_render_failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The preview cannot be shown: {error}").format(error=error))

    def _on_print_button_clicked(self) -> None:
        self.print_requested.emit(self.pdf)
        self.accept()

    def _on_save_button_clicked(self) -> None:
        path = self.ask_save_path()
        if not path:
            return
        try:
            with open(path, "wb") as stream:
                stream.write(self.pdf)
        except OSError as exc:
            self.status.setText(
                self.tr("Not saved: {error}").format(error=exc.strerror or str(exc))
            )
            return
        self.status.setText(self.tr("Saved to {path}").format(path=path))

    def _ask_save_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self._file_name, self.tr("PDF files (*.pdf)")
        )
        return path
