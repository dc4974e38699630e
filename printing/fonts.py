"""Embedded fonts and script-aware text drawing.

reportlab embeds TrueType (glyf) fonts only, and no single small free TTF covers Latin,
accented Latin and Simplified Chinese well, so we pair two: DejaVu Sans (regular and bold) for
Latin, Greek and Cyrillic, and Droid Sans Fallback for CJK, which has no Latin letters at all.
Text is cut into runs by which font has the glyph, and each run is drawn, measured or marked up
in its font. reportlab subsets both when embedding, so a PDF only carries the glyphs it uses.

This is the one module of ``printing`` that reads files: ``load_fonts`` reads the TTFs from a
folder it is given (``default_font_dir()``: the shipped fonts, from ``qc_station.resources``).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from qc_station.resources import resource

LATIN_FILE = "DejaVuSans.ttf"
LATIN_BOLD_FILE = "DejaVuSans-Bold.ttf"
CJK_FILE = "DroidSansFallbackFull.ttf"

_LATIN = "QCSans"
_LATIN_BOLD = "QCSans-Bold"
_CJK = "QCSansCJK"

#: Shown for a character neither font has, rather than an empty box (.notdef).
REPLACEMENT = "?"
ELLIPSIS = "…"


def default_font_dir() -> Path:
    """The fonts shipped with the station (``resources/fonts`` in a checkout)."""
    return resource("fonts")


@dataclass(frozen=True)
class FontSet:
    """The registered font names and the characters each covers."""

    regular: str
    bold: str
    cjk: str
    latin_chars: frozenset[int]
    cjk_chars: frozenset[int]

    def runs(self, text: str, *, bold: bool = False) -> list[tuple[str, str]]:
        """Split ``text`` into ``(run, font name)`` pieces; characters no font has become ``?``.

        Spaces and other characters both fonts have stay in the current run, so a Chinese
        phrase with a space in it is one run rather than three.
        """
        latin = self.bold if bold else self.regular
        out: list[tuple[str, str]] = []
        current_font = ""
        buf: list[str] = []
        for ch in unicodedata.normalize("NFC", text):
            code = ord(ch)
            if ch in "\n\r\t":
                ch, code = " ", 0x20
            in_latin = code in self.latin_chars
            in_cjk = code in self.cjk_chars
            if in_latin and in_cjk and current_font:
                font = current_font
            elif in_latin:
                font = latin
            elif in_cjk:
                font = self.cjk
            else:
                font, ch = latin, REPLACEMENT
            if font != current_font and buf:
                out.append(("".join(buf), current_font))
                buf = []
            current_font = font
            buf.append(ch)
        if buf:
            out.append(("".join(buf), current_font))
        return out

    def width(self, text: str, size: float, *, bold: bool = False) -> float:
        """The drawn width of ``text`` in points."""
        return sum(_string_width(run, font, size) for run, font in self.runs(text, bold=bold))

    def draw(
        self,
        canvas: Any,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        align: str = "left",
    ) -> float:
        """Draw ``text`` with its baseline at ``y``; ``align`` is left, centre or right of ``x``.

        Returns the width drawn.
        """
        runs = self.runs(text, bold=bold)
        total = sum(_string_width(r, f, size) for r, f in runs)
        if align == "center":
            x -= total / 2
        elif align == "right":
            x -= total
        for run, font in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, run)
            x += _string_width(run, font, size)
        return total

    def fit_size(
        self, text: str, max_width: float, max_size: float, min_size: float, *, bold: bool = False
    ) -> float:
        """The largest size up to ``max_size`` at which ``text`` fits ``max_width`` (not below
        ``min_size``: the caller truncates what still does not fit)."""
        width = self.width(text, max_size, bold=bold)
        if width <= max_width or width == 0:
            return max_size
        # Rounded down to a tenth of a point so float error cannot push it past the width.
        return max(min_size, int(max_size * max_width / width * 10) / 10)

    def truncate(self, text: str, size: float, max_width: float, *, bold: bool = False) -> str:
        """``text``, or as much of it as fits followed by an ellipsis."""
        text = unicodedata.normalize("NFC", text)
        if self.width(text, size, bold=bold) <= max_width:
            return text
        # Binary search on the prefix length: widths grow monotonically with the prefix.
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid].rstrip() + ELLIPSIS, size, bold=bold) <= max_width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + ELLIPSIS if lo else ELLIPSIS

    def wrap(
        self,
        text: str,
        size: float,
        max_width: float,
        max_lines: int,
        *,
        bold: bool = False,
    ) -> list[str]:
        """Break ``text`` into at most ``max_lines`` lines; the last gets an ellipsis if cut.

        Lines break at spaces where there are spaces and between any two characters otherwise,
        which is how Chinese text is broken.
        """
        text = " ".join(unicodedata.normalize("NFC", text).split())
        lines: list[str] = []
        rest = text
        while rest and len(lines) < max_lines:
            if self.width(rest, size, bold=bold) <= max_width:
                lines.append(rest)
                rest = ""
                break
            cut = self._longest_prefix(rest, size, max_width, bold)
            space = rest.rfind(" ", 0, cut + 1)
            if space > 0 and not _is_cjk(rest[cut - 1] if cut else ""):
                cut = space
            lines.append(rest[:cut].rstrip())
            rest = rest[cut:].lstrip()
        if rest and lines:
            lines[-1] = self.truncate(lines[-1] + " " + rest, size, max_width, bold=bold)
        return lines

    def _longest_prefix(self, text: str, size: float, max_width: float, bold: bool) -> int:
        lo, hi = 1, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid], size, bold=bold) <= max_width:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def markup(self, text: str, *, bold: bool = False) -> str:
        """``text`` escaped for a platypus ``Paragraph``, CJK runs wrapped in their font."""
        parts = []
        for run, font in self.runs(text, bold=bold):
            if font == self.cjk:
                parts.append(f'<font name="{font}">{escape(run)}</font>')
            else:
                parts.append(escape(run))
        body = "".join(parts)
        return f"<b>{body}</b>" if bold else body

    def has_cjk(self, text: str) -> bool:
        return any(font == self.cjk for _, font in self.runs(text))


def _string_width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))


def _is_cjk(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in ("W", "F")


def _chars(font: TTFont) -> frozenset[int]:
    # TTFontFace.charToGlyph maps every code point the font's cmap covers.
    return frozenset(font.face.charToGlyph)


@functools.lru_cache(maxsize=4)
def _load(font_dir: Path) -> FontSet:
    regular = TTFont(_LATIN, str(font_dir / LATIN_FILE))
    bold = TTFont(_LATIN_BOLD, str(font_dir / LATIN_BOLD_FILE))
    cjk = TTFont(_CJK, str(font_dir / CJK_FILE))
    for font in (regular, bold, cjk):
        pdfmetrics.registerFont(font)
    # Families let <b> inside a Paragraph pick the bold face; CJK has no bold of its own.
    for name, bold_name in ((_LATIN, _LATIN_BOLD), (_CJK, _CJK)):
        for is_bold, is_italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
            addMapping(name, is_bold, is_italic, bold_name if is_bold else name)
    return FontSet(
        regular=_LATIN,
        bold=_LATIN_BOLD,
        cjk=_CJK,
        # Bold and regular DejaVu cover nearly the same set; a character only the regular face
        # has would draw as a box in bold, so only the characters both have count as Latin.
        latin_chars=_chars(regular) & _chars(bold),
        cjk_chars=_chars(cjk),
    )


def load_fonts(font_dir: Path | str | None = None) -> FontSet:
    """Register the fonts in ``font_dir`` (default: ``default_font_dir()``) once and return them.

    reportlab keeps registered fonts in a process-wide table, so the names are fixed: loading
    from a second folder replaces the first's fonts under the same names.
    """
    path = Path(font_dir) if font_dir is not None else default_font_dir()
    return _load(path.resolve())
