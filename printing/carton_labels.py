"""Shipping labels for the cartons of a closed vendor-return batch: 4×6 in, one page per carton.

Each carton of a batch going back to its supplier carries: the supplier (name, and the address
line when one is known), "Carton k of N" big enough to read across the dock, the batch number
as text and as a Code128 on the 203 dpi dot grid (``barcodes``, as the disposition labels do),
so the supplier's receiving scan finds the packing list, then the batch's unit count, the
ship-from station and the date. Black on white; every text is fitted or truncated against the
room it has, so nothing clips.

Pure: plain data in (``CartonLabelData``), PDF bytes out; the same data gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from .barcodes import THERMAL_DPI, draw_code128, plan_code128
from .fonts import FontSet, load_fonts

_WIDTH, _HEIGHT = 4 * inch, 6 * inch
_MARGIN = 12.0
# DejaVu Sans capitals stand 0.73 em tall; used to centre text vertically in boxes.
_CAP = 0.73


@dataclass(frozen=True)
class CartonLabelData:
    number: str
    """The batch number: printed and encoded as Code128 (ASCII)."""
    party: str
    """The supplier's name."""
    address: str
    """The supplier's address on one line, or "" when none is on record."""
    cartons: int
    """How many cartons the batch ships in: one label each."""
    units: int
    """How many units the batch holds (all cartons together)."""
    station: str
    """The ship-from station."""
    date: str
    """The closing date as the station shows it, made by the caller."""


def check_cartons(cartons: int, units: int) -> None:
    """Refuse a carton count that cannot be right: at least one, at most one per unit."""
    if cartons < 1:
        raise ValueError(f"a batch ships in at least 1 carton, not {cartons}")
    if cartons > units:
        raise ValueError(f"{cartons} cartons for {units} units: some cartons would be empty")


def render_carton_labels(
    data: CartonLabelData, *, dpi: int = THERMAL_DPI, fonts: FontSet | None = None
) -> bytes:
    """The batch's carton labels as one PDF, page k being carton k of N."""
    check_cartons(data.cartons, data.units)
    fonts = fonts or load_fonts()
    buf = io.BytesIO()
    # invariant: no creation date or random document id, so the same batch is the same bytes.
    canvas = Canvas(
        buf,
        pagesize=(_WIDTH, _HEIGHT),
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.regular,
    )
    canvas.setTitle(f"Carton labels {data.number}")
    canvas.setCreator("Returns QC Station")
    for carton in range(1, data.cartons + 1):
        _draw(canvas, fonts, data, carton, dpi)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _draw(c: Canvas, f: FontSet, data: CartonLabelData, carton: int, dpi: int) -> None:
    w, h, m = _WIDTH, _HEIGHT, _MARGIN
    text_width = w - 2 * m
    y = h - m - 10
    f.draw(c, m, y, "SHIP TO — RETURN TO VENDOR", 9, bold=True)
    for line in f.wrap(data.party, 22, text_width, 2, bold=True):
        y -= 24
        f.draw(c, m, y, line, 22, bold=True)
    if data.address:
        for line in f.wrap(data.address, 12, text_width, 3):
            y -= 15
            f.draw(c, m, y, line, 12)

    # "Carton k of N" inverted in a black banner: what the dock reads first.
    banner_top, banner_height = 268.0, 64.0
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.rect(m, banner_top - banner_height, text_width, banner_height, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    words = f"Carton {carton} of {data.cartons}"
    size = f.fit_size(words, text_width - 16, 40, 10, bold=True)
    base = banner_top - banner_height + (banner_height - size * _CAP) / 2
    f.draw(c, w / 2, base, words, size, bold=True, align="center")
    c.restoreState()

    # The barcode keeps its quiet zones inside a 4 pt page margin, its module whole dots.
    module = max(1, round(1.06 * dpi / 72))
    layout = plan_code128(data.number, w - 8, max_module_dots=module, dpi=dpi)
    bars_bottom = 126.0
    draw_code128(c, layout, (w - layout.width_pt) / 2, bars_bottom, 66)
    size = f.fit_size(data.number, text_width, 18, 8, bold=True)
    f.draw(c, w / 2, bars_bottom - 6 - size * _CAP, data.number, size, bold=True, align="center")

    units = f"{data.units} unit{'s' if data.units != 1 else ''} in this batch"
    f.draw(c, m, 76, f.truncate(units, 12, text_width), 12)
    c.setLineWidth(1)
    c.line(m, 46, w - m, 46)
    # The station gets what it needs up to half the width, the date the rest (shrunk to fit
    # before it is cut: a date missing its time zone is worse than a smaller one).
    station = f.truncate(f"From {data.station}", 12, w / 2 - m - 4, bold=True)
    f.draw(c, w - m, 28, station, 12, bold=True, align="right")
    room = text_width - f.width(station, 12, bold=True) - 10
    size = f.fit_size(data.date, room, 12, 8)
    f.draw(c, m, 28, f.truncate(data.date, size, room), size)
