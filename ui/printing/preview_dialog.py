"""Print preview: a rendered label or report, page by page, with Print and Save.

The pages are rasterised with pdfium on the I/O lane (a report with a dozen photos takes a
moment); the dialog shows "Rendering…" until they arrive. Print hands the very same PDF bytes
to the print center, so what is previewed is what is printed.

A page is shown fitted to the dialog's width (an A4 report is wider than the dialog on a
1366×768 station, and a cut-off right side hid its amounts); a label that fits keeps its
natural size. Zoom out, Fit width and Zoom in (−, 0, + and Ctrl with them) change that; a
zoom other than "fit" scrolls as it must.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..presenters.base import for_receiver
from ..tasks import Lane, TaskRunner
from .qt_printer import pdf_page_images

# Screen resolution of the preview: sharp enough to read a hash, small enough to be quick.
PREVIEW_DPI = 110
#: The dialog's size where the screen has room for it.
PREFERRED_SIZE = (720, 820)
#: Pixels kept free around the dialog for its title bar and frame.
FRAME_ROOM = 48
#: The zoom steps of Zoom in / Zoom out, as a factor of the rendered page (110 dpi).
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 2.0)


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
        self._fit_screen()

        #: The rendered pages at ``PREVIEW_DPI``; what is shown is scaled from them.
        self._images: list[QImage] = []
        #: The zoom chosen with the buttons; None fits the pages to the dialog's width.
        self.zoom: float | None = None
        self._shown_scale = 0.0

        self.status = QLabel(self.tr("Rendering…"))
        self.status.setObjectName("previewStatus")
        self.pages = QWidget()
        self.pages.setObjectName("previewPages")
        self._pages_layout = QVBoxLayout(self.pages)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_area = QScrollArea()
        self.page_area.setObjectName("previewScroll")
        self.page_area.setWidgetResizable(True)
        self.page_area.setWidget(self.pages)
        # Refit when the dialog (and so the page area) changes width.
        self.page_area.viewport().installEventFilter(self)

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
        layout.addLayout(self._build_zoom_row())
        layout.addWidget(self.page_area, 1)
        layout.addWidget(buttons)

        runner.run(
            lambda: pdf_page_images(pdf, PREVIEW_DPI),
            # Signed out (or closed) while rendering: the dialog is gone, the pages are dropped.
            for_receiver(self, self._on_pages_rendered),
            for_receiver(self, self._on_render_failed),
            lane=Lane.IO,
            expected=(Exception,),  # a PDF pdfium cannot read is shown, not a crash
        )

    def _fit_screen(self) -> None:
        """720×820 where there is room; never taller or wider than the screen's free area
        (a 1366×768 station): the pages scroll, Print, Save and Close stay in view."""
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        width, height = PREFERRED_SIZE
        if screen is not None:
            free = screen.availableGeometry()
            # Room for the window's title bar and frame, which the size does not include.
            width = min(width, free.width() - FRAME_ROOM)
            height = min(height, free.height() - FRAME_ROOM)
        self.resize(width, height)

    def _build_zoom_row(self) -> QHBoxLayout:
        """The status, then Zoom out, Fit width, Zoom in and the zoom shown, with their keys."""
        self.zoom_out_button = QPushButton(self.tr("Zoom out (−)"))
        self.zoom_out_button.setObjectName("previewZoomOutButton")
        self.fit_button = QPushButton(self.tr("Fit width (0)"))
        self.fit_button.setObjectName("previewFitButton")
        self.zoom_in_button = QPushButton(self.tr("Zoom in (+)"))
        self.zoom_in_button.setObjectName("previewZoomInButton")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("previewZoom")
        for button in (self.zoom_out_button, self.fit_button, self.zoom_in_button):
            button.setAutoDefault(False)  # Enter stays Print
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit_width)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        for keys, slot in (
            (("-", "Ctrl+-"), self.zoom_out),
            (("+", "=", "Ctrl++", "Ctrl+="), self.zoom_in),
            (("0", "Ctrl+0"), self.fit_width),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self).activated.connect(slot)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.zoom_label)
        row.addWidget(self.zoom_out_button)
        row.addWidget(self.fit_button)
        row.addWidget(self.zoom_in_button)
        return row

    @property
    def page_count(self) -> int:
        return self._pages_layout.count()

    # --- zoom ----------------------------------------------------------------------------

    def fit_scale(self) -> float:
        """The scale that fits the widest page in the page area (at most its natural size)."""
        widest = max((image.width() for image in self._images), default=0)
        if widest <= 0:
            return 1.0
        margins = self._pages_layout.contentsMargins()
        # The vertical scroll bar's width is kept free: it appears once the pages are tall.
        room = (
            self.page_area.width()
            - 2 * self.page_area.frameWidth()
            - self.page_area.verticalScrollBar().sizeHint().width()
            - margins.left()
            - margins.right()
            - 2  # each page's box
        )
        return max(ZOOM_RANGE[0], min(1.0, room / widest))

    def scale(self) -> float:
        return self.fit_scale() if self.zoom is None else self.zoom

    def zoom_in(self) -> None:
        self._set_zoom(self.scale() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.scale() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.zoom = None
        self._show_pages()

    def _set_zoom(self, zoom: float) -> None:
        self.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], zoom))
        self._show_pages()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize and self.zoom is None and self._images:
            self._show_pages()
        return super().eventFilter(watched, event)

    def _show_pages(self) -> None:
        """Each page's picture at the scale in force (scaled again only when it changed)."""
        scale = self.scale()
        self.zoom_label.setText(f"{round(scale * 100)} %")
        if not self._images or abs(scale - self._shown_scale) < 1e-3:
            return
        self._shown_scale = scale
        for n, image in enumerate(self._images):
            item = self._pages_layout.itemAt(n)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel):
                continue
            shown = image
            if abs(scale - 1.0) >= 1e-3:
                shown = image.scaledToWidth(
                    max(1, round(image.width() * scale)),
                    Qt.TransformationMode.SmoothTransformation,
                )
            label.setPixmap(QPixmap.fromImage(shown))

    def _on_pages_rendered(self, images: list[QImage]) -> None:
        self._images = list(images)
        for n, _image in enumerate(images, start=1):
            label = QLabel()
            label.setObjectName(f"previewPage{n}")
            label.setFrameShape(QLabel.Shape.Box)
            self._pages_layout.addWidget(label)
        self._shown_scale = 0.0
        self._show_pages()
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
