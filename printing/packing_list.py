"""The packing list of a vendor-return batch (or a carrier claim) as PDF.

A4 or Letter, portrait. The head carries the batch number as text and as a Code128 sized in
whole thermal dots and snapped to the dot grid (``barcodes``), so it decodes when the page is
rasterised at 203 dpi as a label would be; the supplier, who closed it and when; then one block
per unit (LPN, RMA, SKU, product, finding, price and amount claimed, the photos' SHA-256 in
full, so the supplier can check them against the evidence); then the totals per currency and
page numbers. Text in any script goes through ``fonts``.

Pure: plain data in (``PackingListData``), PDF bytes out; the same data gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

from qc_station.domain.display import format_money

from .barcodes import draw_code128, plan_code128
from .data import PageSize
from .fonts import FontSet, load_fonts
from .wording import DocumentWords

_PAGES = {"A4": A4, "Letter": LETTER}
_MARGIN = 42.0
_BARCODE_HEIGHT = 54.0
_BARCODE_MAX_WIDTH = 260.0


@dataclass(frozen=True)
class PackingLine:
    lpn: str
    rma_code: str
    sku: str
    product_name: str
    finding: str
    unit_price: Decimal
    amount: Decimal
    currency: str
    photo_hashes: tuple[str, ...] = ()
    tracking: str = ""


@dataclass(frozen=True)
class PackingListData:
    number: str
    """The batch (or claim) number: printed and encoded as Code128 (ASCII)."""
    title: str
    """``Vendor return`` or ``Carrier claim``: the document's heading."""
    party_label: str
    """``Supplier`` or ``Carrier``."""
    party: str
    closed_at: str
    """Local time string, made by the caller."""
    closed_by: str
    station: str
    lines: tuple[PackingLine, ...]
    totals: tuple[tuple[str, Decimal], ...]
    """(currency, amount claimed) in currency order."""
    language: str = "en"
    """The language the codes (the findings) are worded in; a supplier reads English."""


def render_packing_list(
    data: PackingListData, page_size: PageSize = "A4", *, fonts: FontSet | None = None
) -> bytes:
    """The packing list as PDF bytes."""
    if page_size not in _PAGES:
        raise ValueError(f"unknown page size {page_size!r}; expected A4 or Letter")
    fonts = fonts or load_fonts()
    width, height = _PAGES[page_size]
    buf = io.BytesIO()
    # invariant: no creation date or random id, so the same batch is the same bytes.
    canvas = Canvas(
        buf,
        pagesize=(width, height),
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.regular,
    )
    canvas.setTitle(f"{data.title} {data.number}")
    canvas.setCreator("Returns QC Station")
    _Writer(canvas, fonts, width, height, data).write()
    canvas.save()
    return buf.getvalue()


class _Writer:
    def __init__(
        self, canvas: Any, fonts: FontSet, width: float, height: float, data: PackingListData
    ) -> None:
        self.c, self.fonts, self.width, self.height, self.data = (
            canvas,
            fonts,
            width,
            height,
            data,
        )
        self.page = 1
        self.y = height - _MARGIN
        self.words = DocumentWords(data.language)

    def write(self) -> None:
        self._head()
        for n, line in enumerate(self.data.lines, start=1):
            self._line(n, line)
        self._totals()
        self._footer()

    def _text(self, x: float, text: str, size: float, *, bold: bool = False) -> None:
        max_width = self.width - _MARGIN - x
        self.fonts.draw(
            self.c, x, self.y, self.fonts.truncate(text, size, max_width), size, bold=bold
        )

    def _need(self, points: float) -> None:
        if self.y - points < _MARGIN + 20:
            self._footer()
            self.c.showPage()
            self.page += 1
            self.y = self.height - _MARGIN
            self._text(_MARGIN, f"{self.data.title} {self.data.number} (cont.)", 10, bold=True)
            self.y -= 20

    def _head(self) -> None:
        d = self.data
        self.y -= 16
        self._text(_MARGIN, f"{d.title} — packing list", 18, bold=True)
        self.y -= 24
        self._text(_MARGIN, d.number, 14, bold=True)
        # The barcode sits at the right of the head, its bars on the thermal dot grid.
        layout = plan_code128(d.number, _BARCODE_MAX_WIDTH)
        top = self.height - _MARGIN
        draw_code128(
            self.c,
            layout,
            self.width - _MARGIN - layout.width_pt,
            top - _BARCODE_HEIGHT,
            _BARCODE_HEIGHT,
        )
        self.y -= 20
        self._text(_MARGIN, f"{d.party_label}: {d.party}", 11)
        self.y -= 15
        self._text(_MARGIN, f"Closed: {d.closed_at} by {d.closed_by} at {d.station}", 9)
        self.y -= 15
        self._text(_MARGIN, f"Units: {len(d.lines)}", 9)
        self.y = min(self.y, top - _BARCODE_HEIGHT) - 22

    def _line(self, n: int, line: PackingLine) -> None:
        self._need(62 + 10 * len(line.photo_hashes))
        self.c.setLineWidth(0.5)
        self.c.line(_MARGIN, self.y + 12, self.width - _MARGIN, self.y + 12)
        self._text(_MARGIN, f"{n}. {line.lpn}", 11, bold=True)
        self._text(_MARGIN + 230, f"RMA {line.rma_code}", 9)
        self.y -= 14
        self._text(_MARGIN + 12, f"SKU {line.sku} — {line.product_name}", 9)
        self.y -= 12
        tracking = f"   Tracking: {line.tracking}" if line.tracking else ""
        finding = self.words.finding(line.finding)
        price = format_money(line.unit_price, line.currency, self.words.language)
        claimed = format_money(line.amount, line.currency, self.words.language)
        self._text(
            _MARGIN + 12,
            f"Finding: {finding}   Unit price: {price}   Claimed: {claimed}{tracking}",
            9,
        )
        self.y -= 12
        if line.photo_hashes:
            self._text(_MARGIN + 12, "Photos (SHA-256):", 8)
            self.y -= 10
            for digest in line.photo_hashes:
                self._text(_MARGIN + 24, digest, 7)
                self.y -= 10
        else:
            self._text(_MARGIN + 12, "Photos: none", 8)
            self.y -= 10
        self.y -= 12

    def _totals(self) -> None:
        self._need(20 + 14 * len(self.data.totals))
        self.c.line(_MARGIN, self.y + 12, self.width - _MARGIN, self.y + 12)
        self._text(_MARGIN, "Total claimed", 11, bold=True)
        for currency, amount in self.data.totals:
            self.y -= 14
            self._text(_MARGIN + 12, format_money(amount, currency, self.words.language), 10)

    def _footer(self) -> None:
        self.fonts.draw(
            self.c,
            self.width - _MARGIN,
            _MARGIN / 2,
            f"{self.data.number} — page {self.page}",
            8,
            align="right",
        )


def totals_of(lines: Sequence[PackingLine]) -> tuple[tuple[str, Decimal], ...]:
    """The amount claimed per currency, in currency order."""
    totals: dict[str, Decimal] = {}
    for line in lines:
        totals[line.currency] = totals.get(line.currency, Decimal(0)) + line.amount
    return tuple(sorted(totals.items()))
