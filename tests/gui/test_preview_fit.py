"""The print preview at a 1366×768 station (issue 16 follow-up): an A4 report page is
wider than the dialog, so it is shown fitted to the dialog's width (no page cut off on the
right, no sideways scrolling); a label that fits keeps its natural size; zoom in, out and
back to "fit" with the buttons and the keys. Real PDFs, rendered by pdfium."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas

from ui.printing.preview_dialog import PREVIEW_DPI, PrintPreviewDialog
from ui.tasks import TaskRunner

#: The dialog's size on a 1366×768 screen (720 wide, as tall as the free height allows).
STATION_DIALOG = (720, 700)


def pdf(size: tuple[float, float], pages: int = 1) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=size)
    for n in range(pages):
        # Something at the right edge: what a cut-off page would hide.
        page.drawRightString(size[0] - 20, size[1] - 40, f"Refund 99.00 USD — page {n + 1}")
        page.showPage()
    page.save()
    return out.getvalue()


def opened(qtbot: QtBot, runner: TaskRunner, document: bytes) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(document, "Report RMA-1", runner)
    qtbot.addWidget(dialog)
    dialog.resize(*STATION_DIALOG)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.page_count >= 1 and dialog.zoom_label.text() != "")
    return dialog


def page_width(dialog: PrintPreviewDialog, n: int = 1) -> int:
    label = dialog.findChild(type(dialog.status), f"previewPage{n}")
    assert label is not None
    return label.pixmap().width()


# The offscreen platform cannot size top-level dialogs and says so; a real display does not.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_an_a4_page_is_fitted_to_the_dialogs_width(qtbot: QtBot, runner: TaskRunner) -> None:
    dialog = opened(qtbot, runner, pdf(A4, pages=2))
    natural = round(A4[0] / 72 * PREVIEW_DPI)
    assert natural > STATION_DIALOG[0]  # the page is wider than the dialog …
    viewport = dialog.page_area.viewport().width()
    assert page_width(dialog) <= viewport and page_width(dialog, 2) <= viewport  # … not now
    assert page_width(dialog) > viewport * 0.8  # fitted, not shrunk to a stamp
    assert dialog.page_area.horizontalScrollBar().maximum() == 0
    assert dialog.zoom is None and dialog.zoom_label.text().endswith("%")

    # Zoom in: wider than the dialog, it scrolls sideways; "0" fits it again.
    dialog.zoom_in_button.click()
    assert dialog.zoom is not None and page_width(dialog) > viewport
    qtbot.waitUntil(lambda: dialog.page_area.horizontalScrollBar().maximum() > 0)
    qtbot.keyClick(dialog, Qt.Key.Key_0)
    assert dialog.zoom is None and page_width(dialog) <= viewport
    qtbot.keyClick(dialog, Qt.Key.Key_Minus)
    assert dialog.zoom is not None and page_width(dialog) < viewport * 0.8


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_wider_dialog_fits_the_page_again(qtbot: QtBot, runner: TaskRunner) -> None:
    dialog = opened(qtbot, runner, pdf(A4))
    before = page_width(dialog)
    dialog.resize(STATION_DIALOG[0] - 120, STATION_DIALOG[1])
    qtbot.waitUntil(lambda: page_width(dialog) < before)
    assert page_width(dialog) <= dialog.page_area.viewport().width()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_label_that_fits_keeps_its_natural_size(qtbot: QtBot, runner: TaskRunner) -> None:
    dialog = opened(qtbot, runner, pdf((4 * inch, 6 * inch)))
    assert page_width(dialog) == round(4 * PREVIEW_DPI)
    assert dialog.zoom_label.text() == "100 %"
