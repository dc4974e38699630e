"""The inspection report's page furniture: page sizes and margin, and the footer every page
carries ("Page X of Y", the RMA code and the audit head), drawn once the page count is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .data import ReportData
from .fonts import FontSet
from .report_blocks import GREY, RULE
from .wording import ENGLISH, DocumentWords

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
MARGIN = 16 * mm


@dataclass(frozen=True)
class ReportFooter:
    fonts: FontSet
    data: ReportData
    words: DocumentWords = ENGLISH

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        f = self.fonts
        width, _ = canvas._pagesize
        y = MARGIN - 2 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 10, width - MARGIN, y + 10)
        canvas.setFillColor(GREY)
        w = self.words
        left = f"{w(self.data.title)} · {self.data.rma.code}"
        if self.data.generated_at:
            left += " · " + w("generated {time}").format(time=self.data.generated_at)
        f.draw(canvas, MARGIN, y, f.truncate(left, 7.5, width / 2), 7.5)
        number = w("Page {page} of {total}").format(page=page, total=total)
        f.draw(canvas, width - MARGIN, y, number, 7.5, bold=True, align="right")
        if self.data.audit_head:
            head = w("Audit head {head}").format(head=self.data.audit_head)
            head = f.truncate(head, 6.5, width - 2 * MARGIN)
            f.draw(canvas, MARGIN, y - 9, head, 6.5)
        canvas.restoreState()


class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """Holds every page back until the end so each can say "Page X of Y"."""

    def __init__(self, *args: Any, footer: ReportFooter, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  # reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            self._footer.draw(self, self._pageNumber, total)
            super().showPage()
        super().save()
