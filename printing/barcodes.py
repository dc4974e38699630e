"""Code128 as PDF vectors, sized for thermal printers.

A label printer at 203 dpi has dots of 72/203 pt. A bar whose width is not a whole number of
dots comes out one dot too wide or too narrow depending on where it falls, and a decoder reads
that as a different module count. So the module (narrowest bar) is a whole number of dots and
every bar edge is put on the dot grid of the page, which starts at the page's left edge. The
symbol keeps a quiet zone of at least 10 modules each side. When a code is too long for the
width at the preferred module, the module shrinks a dot at a time, down to one dot; the caller
shrinks its text around the barcode, never the bars below that.

The encoding (Code128 B, switching to C for runs of digits long enough to save width) comes
from reportlab's ``Code128``; the bars are drawn here so their edges can be snapped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.barcode.code128 import Code128
from reportlab.platypus import Flowable

THERMAL_DPI = 203
DOT_PT = 72.0 / THERMAL_DPI
QUIET_MODULES = 10


class BarcodeTooWide(ValueError):
    """The code does not fit the width even with one-dot modules."""

    def __init__(self, code: str, needed_pt: float, available_pt: float) -> None:
        super().__init__(
            f"barcode {code!r} needs {needed_pt:.1f} pt at the narrowest module, "
            f"only {available_pt:.1f} pt available"
        )
        self.code = code
        self.needed_pt = needed_pt
        self.available_pt = available_pt


def code128_widths(code: str) -> list[int]:
    """The element widths in modules, alternately bar and space, starting with a bar.

    Raises ``ValueError`` for characters Code128 cannot carry (anything outside ASCII).
    """
    if not code:
        raise ValueError("nothing to encode")
    if any(ord(c) > 127 for c in code):
        raise ValueError(f"Code128 carries ASCII only, not {code!r}")
    symbol = Code128(code)
    symbol.validate()
    symbol.encode()
    pattern: str = symbol.decompose()
    # reportlab spells each element as a letter: upper case a bar, lower case a space, and the
    # letter's place in the alphabet its width in modules.
    widths = [ord(c.lower()) - ord("a") + 1 for c in pattern]
    assert all(c.isupper() == (i % 2 == 0) for i, c in enumerate(pattern))
    return widths


@dataclass(frozen=True)
class Code128Layout:
    """A Code128 symbol at a chosen module width."""

    code: str
    widths: tuple[int, ...]
    module_dots: int
    dpi: int = THERMAL_DPI

    @property
    def module_pt(self) -> float:
        return self.module_dots * 72.0 / self.dpi

    @property
    def symbol_modules(self) -> int:
        return sum(self.widths)

    @property
    def quiet_pt(self) -> float:
        return QUIET_MODULES * self.module_pt

    @property
    def width_pt(self) -> float:
        """Bars and both quiet zones."""
        return (self.symbol_modules + 2 * QUIET_MODULES) * self.module_pt

    def bars(self, x: float) -> list[tuple[float, float]]:
        """``(left, width)`` of each bar for a symbol whose quiet zone starts at ``x``."""
        out = []
        left = x + self.quiet_pt
        for i, w in enumerate(self.widths):
            if i % 2 == 0:
                out.append((left, w * self.module_pt))
            left += w * self.module_pt
        return out


def plan_code128(
    code: str, max_width_pt: float, *, max_module_dots: int = 3, dpi: int = THERMAL_DPI
) -> Code128Layout:
    """The widest whole-dot module, up to ``max_module_dots``, at which ``code`` and its quiet
    zones fit ``max_width_pt``."""
    widths = tuple(code128_widths(code))
    modules = sum(widths) + 2 * QUIET_MODULES
    dot_pt = 72.0 / dpi
    fitting = math.floor(max_width_pt / (modules * dot_pt) + 1e-9)
    if fitting < 1:
        raise BarcodeTooWide(code, modules * dot_pt, max_width_pt)
    return Code128Layout(code, widths, min(fitting, max_module_dots), dpi)


def snap_to_dots(x: float, dpi: int = THERMAL_DPI) -> float:
    """``x`` moved right to the next edge of the printer's dot grid."""
    dot = 72.0 / dpi
    return math.ceil(x / dot - 1e-6) * dot


def draw_code128(canvas: Any, layout: Code128Layout, x: float, y: float, height: float) -> float:
    """Draw the bars with the left quiet zone starting at ``x`` (snapped to the dot grid, so
    pass page coordinates on an untransformed canvas) and the bars' bottom at ``y``.

    Returns the x where the right quiet zone ends.
    """
    x = snap_to_dots(x, layout.dpi)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    for left, width in layout.bars(x):
        canvas.rect(left, y, width, height, stroke=0, fill=1)
    canvas.restoreState()
    return x + layout.width_pt


class Code128Flowable(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A Code128 for platypus documents (the report), centred on nothing: drawn at the left.

    On office printers (300–600 dpi) a module of three thermal dots is about 1 pt, sharp on
    both; the dot-grid snapping of labels does not apply inside a flowing document.
    """

    def __init__(self, code: str, max_width: float, height: float, module_dots: int = 3) -> None:
        super().__init__()
        self.layout = plan_code128(code, max_width, max_module_dots=module_dots)
        self.bar_height = height
        self.width = self.layout.width_pt
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        for left, width in self.layout.bars(0.0):
            canvas.rect(left, 0, width, self.bar_height, stroke=0, fill=1)
        canvas.restoreState()
