"""Disposition labels (SPEC §9): PDFs in the sizes of ``label_formats``, one page per label.

Read at arm's length on a warehouse floor, so: the headline inverted in a black banner, the
grade as big as the space allows, black on white everywhere else, and nothing that can clip
(every text is fitted or truncated with an ellipsis against the room it has). The barcode is
laid on the 203 dpi dot grid (see ``barcodes``) and keeps its module width; text shrinks
around it instead.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from .barcodes import THERMAL_DPI, BarcodeTooWide, draw_code128, plan_code128
from .data import LabelData, LabelSize
from .fonts import FontSet, load_fonts
from .label_formats import DEFAULT_LABEL_FORMAT, label_format

NOT_INSPECTED = "RECEIVED — NOT INSPECTED"

#: Shorter spellings for the 2×1 label, tried when the full name does not fit.
_DISPOSITION_ABBREVIATIONS = {
    "RETURN_TO_VENDOR": "RTV",
    "REFURBISH": "REFURB",
    "LIQUIDATE": "LIQ",
}

# Narrower than this, a grade letter beside the 2×1 barcode would be too small to matter.
_MIN_GRADE_COLUMN = 20.0

# DejaVu Sans capitals stand 0.73 em tall; used to centre text vertically in boxes.
_CAP = 0.73


def render_label(
    data: LabelData,
    size: LabelSize = DEFAULT_LABEL_FORMAT,
    *,
    dpi: int = THERMAL_DPI,
    fonts: FontSet | None = None,
) -> bytes:
    """One label as a one-page PDF, its barcode laid on the dot grid of a ``dpi`` printer.

    The 4×6 barcode reads at 203 and 300 dpi alike. The 2×1 one does not: an 18-character LPN
    fits two inches only with one-dot modules, which a 300 dpi raster cannot reproduce, so a
    300 dpi printer must be given a label made with ``dpi=300``.
    """
    return render_labels([data], size, dpi=dpi, fonts=fonts)


def render_labels(
    labels: Iterable[LabelData],
    size: LabelSize = DEFAULT_LABEL_FORMAT,
    *,
    dpi: int = THERMAL_DPI,
    fonts: FontSet | None = None,
) -> bytes:
    """Several labels (an RMA's units) as one PDF, one page each, in the order given.

    ``size`` is a key of ``LABEL_FORMATS``; any other raises ``UnknownLabelFormat``.
    """
    fmt = label_format(size)
    fonts = fonts or load_fonts()
    width, height = fmt.page_size
    buf = io.BytesIO()
    # invariant: no creation date or random document id, so the same label is the same bytes.
    canvas = Canvas(
        buf,
        pagesize=(width, height),
        invariant=1,
        pageCompression=1,
        # Otherwise every page names Helvetica, a font the PDF does not embed.
        initialFontName=fonts.regular,
    )
    canvas.setTitle("Label")
    canvas.setCreator("Returns QC Station")
    count = 0
    for data in labels:
        painter = _Painter(canvas, fonts, width, height, dpi)
        fmt.paint(painter, data)
        canvas.showPage()
        count += 1
    if count == 0:
        raise ValueError("no labels to render")
    canvas.save()
    return buf.getvalue()


def disposition_text(disposition: str) -> str:
    """``RETURN_TO_VENDOR`` as people read it: ``RETURN TO VENDOR``."""
    return disposition.replace("_", " ")


@dataclass
class _Painter:
    canvas: Any
    fonts: FontSet
    width: float
    height: float
    dpi: int

    def _module_dots(self, target_pt: float) -> int:
        """The module closest to ``target_pt`` in whole dots of this printer."""
        return max(1, round(target_pt * self.dpi / 72))

    # --- 4 × 6 in -----------------------------------------------------------------------

    def label_4x6(self, data: LabelData) -> None:
        c, f, w, h = self.canvas, self.fonts, self.width, self.height
        m = 12.0
        top = h - m
        if data.decided:
            self._banner(data.headline or "", m, top - 62, w - 2 * m, 62, max_size=46)
            self._grade_box(data.grade, m, top - 182, 112, 112)
            self._disposition_column(data, m + 124, top - 70, w - m - (m + 124))
        else:
            self._not_inspected_box(data, m, top - 182, w - 2 * m, 182)

        # The barcode keeps its quiet zones inside a 4 pt page margin, the text a 12 pt one.
        layout = plan_code128(
            data.code, w - 8, max_module_dots=self._module_dots(1.06), dpi=self.dpi
        )
        bars_bottom = 150.0
        draw_code128(c, layout, (w - layout.width_pt) / 2, bars_bottom, 70)
        size = f.fit_size(data.code, w - 2 * m, 18, 8, bold=True)
        f.draw(c, w / 2, bars_bottom - 6 - size * _CAP, data.code, size, bold=True, align="center")

        # Details: SKU, product name (two lines), then date and station.
        y = 104.0
        f.draw(c, m, y, "SKU", 9)
        sku_x = m + f.width("SKU", 9) + 6
        sku = f.truncate(data.sku or "—", 17, w - m - sku_x, bold=True)
        f.draw(c, sku_x, y, sku, 17, bold=True)
        for i, line in enumerate(f.wrap(data.product_name, 12, w - 2 * m, 2)):
            f.draw(c, m, 86 - i * 15, line, 12)
        c.setLineWidth(1)
        c.line(m, 46, w - m, 46)
        self._date_and_station(data, m, 28, w - 2 * m)
        if not data.decided and (data.bin_location or data.hold_reason):
            f.draw(c, m, 12, f.truncate(_place(data), 9, w - 2 * m), 9)

    def _date_and_station(self, data: LabelData, x: float, y: float, width: float) -> None:
        """The print time on the left, whole (its time zone too), the station on the right:
        the station takes what it needs up to 40 % of the row, the date the rest, shrinking
        before it would ever be cut."""
        c, f = self.canvas, self.fonts
        station_room = min(f.width(data.station, 12, bold=True), width * 0.4)
        station = f.truncate(data.station, 12, station_room, bold=True)
        f.draw(c, x + width, y, station, 12, bold=True, align="right")
        date_room = width - f.width(station, 12, bold=True) - 10
        size = f.fit_size(data.printed_at, date_room, 12, 7)
        f.draw(c, x, y, f.truncate(data.printed_at, size, date_room), size)

    def _banner(
        self, text: str, x: float, y: float, width: float, height: float, max_size: float
    ) -> None:
        c, f = self.canvas, self.fonts
        c.saveState()
        c.setFillColorRGB(0, 0, 0)
        c.rect(x, y, width, height, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        size = f.fit_size(text, width - 16, min(max_size, height * 0.95 / 1.0), 8, bold=True)
        text = f.truncate(text, size, width - 16, bold=True)
        f.draw(
            c, x + width / 2, y + (height - size * _CAP) / 2, text, size, bold=True, align="center"
        )
        c.restoreState()

    def _grade_box(
        self, grade: str | None, x: float, y: float, width: float, height: float
    ) -> None:
        c, f = self.canvas, self.fonts
        c.saveState()
        c.setLineWidth(3)
        c.rect(x + 1.5, y + 1.5, width - 3, height - 3, stroke=1, fill=0)
        f.draw(c, x + width / 2, y + height - 16, "GRADE", 10, bold=True, align="center")
        letter = grade or "—"
        size = f.fit_size(letter, width - 16, 84, 20, bold=True)
        inner_top = y + height - 22
        f.draw(
            c,
            x + width / 2,
            y + (inner_top - y - size * _CAP) / 2 + 2,
            letter,
            size,
            bold=True,
            align="center",
        )
        c.restoreState()

    def _disposition_column(self, data: LabelData, x: float, top: float, width: float) -> None:
        c, f = self.canvas, self.fonts
        y = top - 10
        disposition = disposition_text(data.disposition or "—")
        lines: list[str] = []
        # The banner says RESTOCK already: the same word again would only take the room.
        if disposition != (data.headline or ""):
            f.draw(c, x, y, "DISPOSITION", 9)
            lines = f.wrap(disposition, 19, width, 2, bold=True)
            for line in lines:
                y -= 21
                size = f.fit_size(line, width, 19, 10, bold=True)
                f.draw(c, x, y, f.truncate(line, size, width, bold=True), size, bold=True)
            y -= 24 if len(lines) < 2 else 20
        if data.hold_reason:
            f.draw(c, x, y, "HOLD", 9)
            for line in f.wrap(data.hold_reason, 11, width, 3 if len(lines) < 2 else 2):
                y -= 13
                f.draw(c, x, y, line, 11, bold=True)
        elif data.bin_location:
            f.draw(c, x, y, "BIN", 9)
            size = f.fit_size(data.bin_location, width, 22, 10, bold=True)
            text = f.truncate(data.bin_location, size, width, bold=True)
            f.draw(c, x, y - 4 - size * _CAP, text, size, bold=True)

    def _not_inspected_box(
        self, data: LabelData, x: float, y: float, width: float, height: float
    ) -> None:
        c, f = self.canvas, self.fonts
        c.saveState()
        c.setLineWidth(4)
        c.rect(x + 2, y + 2, width - 4, height - 4, stroke=1, fill=0)
        first, second = NOT_INSPECTED.split(" — ")
        size1 = f.fit_size(first + " —", width - 24, 44, 10, bold=True)
        size2 = f.fit_size(second, width - 24, 44, 10, bold=True)
        size = min(size1, size2)
        centre = y + height / 2
        f.draw(c, x + width / 2, centre + 8, first + " —", size, bold=True, align="center")
        f.draw(c, x + width / 2, centre - 8 - size * _CAP, second, size, bold=True, align="center")
        c.restoreState()

    # --- 2 × 1 in -----------------------------------------------------------------------

    def label_2x1(self, data: LabelData) -> None:
        c, f, w, h = self.canvas, self.fonts, self.width, self.height
        m = 3.0
        bars_top = h - 3
        bars_height = 29.0
        bars_bottom = bars_top - bars_height
        # An 18-character LPN only fits two inches with one-dot modules at 203 dpi; shorter
        # codes get two. Never give up module width for the grade: the barcode takes the whole
        # width (quiet zones may reach the label's edge) unless the same module still fits
        # beside a grade column, and otherwise the grade moves down to the bottom row.
        max_dots = self._module_dots(0.71)
        full = plan_code128(data.code, w, max_module_dots=max_dots, dpi=self.dpi)
        grade_column = 0.0
        try:
            beside = plan_code128(
                data.code, w - m - _MIN_GRADE_COLUMN, max_module_dots=max_dots, dpi=self.dpi
            )
        except BarcodeTooWide:
            beside = None
        if beside is not None and beside.module_dots == full.module_dots:
            layout, x0 = beside, 0.0
            grade_column = w - m - layout.width_pt
        else:
            layout, x0 = full, (w - full.width_pt) / 2
        right = draw_code128(c, layout, x0, bars_bottom, bars_height)

        # The LPN text under the bars: as wide as the symbol when the grade sits beside it.
        if grade_column:
            text_left = m
            text_width = right - layout.quiet_pt / 2 - m
        else:
            text_left, text_width = m, w - 2 * m
        size = f.fit_size(data.code, text_width, 8, 5, bold=True)
        text = f.truncate(data.code, size, text_width, bold=True)
        f.draw(
            c,
            text_left + text_width / 2,
            bars_bottom - 1.5 - size * _CAP,
            text,
            size,
            bold=True,
            align="center",
        )

        row_top = bars_bottom - 11
        if not data.decided:
            self._not_inspected_row(m, 3, w - 2 * m, row_top - 3)
            return
        x = m
        if grade_column:
            box = min(grade_column - 2, bars_height + 10)
            self._grade_chip(data.grade, w - m - box, bars_top - box, box)
        else:
            # Kept 3 pt off the edge: label stock drifts about a millimetre in the printer.
            box = row_top - 3
            self._grade_chip(data.grade, m, 3, box)
            x = m + box + 4
        self._outcome_row(data, x, 3, w - m - x, row_top - 3)

    def _grade_chip(self, grade: str | None, x: float, y: float, size_pt: float) -> None:
        c, f = self.canvas, self.fonts
        c.saveState()
        c.setFillColorRGB(0, 0, 0)
        c.rect(x, y, size_pt, size_pt, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        letter = grade or "—"
        size = f.fit_size(letter, size_pt - 4, size_pt * 0.95, 6, bold=True)
        f.draw(
            c,
            x + size_pt / 2,
            y + (size_pt - size * _CAP) / 2,
            letter,
            size,
            bold=True,
            align="center",
        )
        c.restoreState()

    def _outcome_row(
        self, data: LabelData, x: float, y: float, width: float, height: float
    ) -> None:
        f, c = self.fonts, self.canvas
        headline = data.headline or ""
        size = f.fit_size(headline, width, min(14.0, height * 0.6), 6, bold=True)
        f.draw(
            c,
            x,
            y + height - size * _CAP,
            f.truncate(headline, size, width, bold=True),
            size,
            bold=True,
        )
        detail = self._detail_2x1(data, width)
        if detail:
            f.draw(c, x, y + 1, detail, 7, bold=True)

    def _detail_2x1(self, data: LabelData, width: float) -> str:
        f = self.fonts
        disposition = data.disposition or ""
        full = disposition_text(disposition)
        short = _DISPOSITION_ABBREVIATIONS.get(disposition, full)
        place = _place(data)
        if data.hold_reason:
            # A held unit goes to the hold shelf whatever its disposition will be ("HOLD ·
            # HOLD: reason" would say it twice, "REFURB · HOLD: …" would crowd out the
            # reason); the reason is what the picker needs on two inches.
            return f.truncate(place, 7, width, bold=True)
        candidates = [
            " · ".join(p for p in (full, place) if p),
            " · ".join(p for p in (short, place) if p),
        ]
        for text in candidates:
            if f.width(text, 7, bold=True) <= width:
                return text
        # The bin (or hold reason) matters more than the spelling of the disposition.
        return f.truncate(candidates[1], 7, width, bold=True)

    def _not_inspected_row(self, x: float, y: float, width: float, height: float) -> None:
        f, c = self.fonts, self.canvas
        first, second = NOT_INSPECTED.split(" — ")
        first += " —"
        size = min(
            f.fit_size(first, width, height / 2.3, 5, bold=True),
            f.fit_size(second, width, height / 2.3, 5, bold=True),
        )
        f.draw(c, x + width / 2, y + height - size * _CAP, first, size, bold=True, align="center")
        f.draw(c, x + width / 2, y + 1, second, size, bold=True, align="center")


def _place(data: LabelData) -> str:
    if data.hold_reason:
        return f"HOLD: {data.hold_reason}"
    if data.bin_location:
        return f"BIN {data.bin_location}"
    return ""
