"""Printing through Qt print support: the ``Printer`` port for stations without CUPS
(Windows). Each PDF page is rendered with pdfium at the printer's own resolution and painted
onto a ``QPrinter`` page of the PDF's size, so a label's bars land on the printer's dot grid
as they were laid out (see docs/decisions.md, "Printing on Windows").

Painting on a ``QPrinter`` is allowed outside the GUI thread (Qt documents QPrinter among
the paint devices usable from other threads), so this runs on the task runner's I/O lane.
"""

from __future__ import annotations

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from qc_station.services.print_queue import PrinterMissing, PrintError


def pdf_page_images(document: bytes, dpi: float) -> list[QImage]:
    """The PDF's pages as images at ``dpi``."""
    pdf = pdfium.PdfDocument(document)
    try:
        images = []
        for index in range(len(pdf)):
            page = pdf[index]
            # rev_byteorder: RGB rather than pdfium's BGR, the order QImage's RGB888 reads.
            bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True)
            pixels = bitmap.to_numpy()
            height, width = pixels.shape[:2]
            channels = pixels.shape[2] if pixels.ndim == 3 else 1
            fmt = {
                1: QImage.Format.Format_Grayscale8,
                3: QImage.Format.Format_RGB888,
                4: QImage.Format.Format_RGBA8888,
            }[channels]
            data = pixels.tobytes()  # contiguous rows, no stride padding
            image = QImage(data, width, height, width * channels, fmt)
            images.append(image.copy())  # own the pixels: the buffer goes away
            page.close()
        return images
    finally:
        pdf.close()


def pdf_page_sizes(document: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    pdf = pdfium.PdfDocument(document)
    try:
        return [tuple(pdf[i].get_size()) for i in range(len(pdf))]  # type: ignore[misc]
    finally:
        pdf.close()


class QtPrinter:
    """The ``services.print_queue.Printer`` port over ``QPrinter``."""

    def printers(self) -> list[str]:
        return list(QPrinterInfo.availablePrinterNames())

    def send(self, printer: str, document: bytes, *, title: str, media: str) -> str:
        if printer not in self.printers():
            raise PrinterMissing("printer.not_installed", printer=printer)
        info = QPrinterInfo.printerInfo(printer)
        qprinter = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        qprinter.setDocName(title)
        qprinter.setFullPage(True)
        sizes = pdf_page_sizes(document)
        if not sizes:
            raise PrintError("printer.no_pages", printer=printer)
        width, height = sizes[0]
        qprinter.setPageLayout(
            QPageLayout(
                QPageSize(QSizeF(width, height), QPageSize.Unit.Point, title),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        dpi = qprinter.resolution()
        painter = QPainter()
        if not painter.begin(qprinter):
            raise PrintError("printer.cannot_open", printer=printer)
        try:
            for n, image in enumerate(pdf_page_images(document, dpi)):
                if n:
                    qprinter.newPage()
                target = qprinter.pageLayout().fullRectPixels(dpi)
                painter.drawImage(QRectF(target), image)
        finally:
            painter.end()
        if qprinter.printerState() == QPrinter.PrinterState.Error:
            raise PrintError("printer.reported_error", printer=printer)
        return title
