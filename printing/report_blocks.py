"""The building blocks of the inspection report: its paragraph styles and colours, text in any
script, label/value tables and boxes, each table set in the report's own font.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from .fonts import FontSet

GREY = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.6, 0.6, 0.6)
SHADE = colors.Color(0.93, 0.93, 0.93)


class ReportBlocks:
    """The styles and blocks every section of the report is made of."""

    def __init__(self, fonts: FontSet, frame_width: float) -> None:
        self.f = fonts
        self.width = frame_width
        base = ParagraphStyle(
            "body", fontName=fonts.regular, bulletFontName=fonts.regular, fontSize=9, leading=11.5
        )
        self.body = base
        self.small = ParagraphStyle("small", base, fontSize=7.5, leading=9.5)
        self.tiny = ParagraphStyle("tiny", base, fontSize=6.5, leading=8)
        self.label = ParagraphStyle("label", base, fontSize=7.5, leading=9.5, textColor=GREY)
        self.h1 = ParagraphStyle("h1", base, fontName=fonts.bold, fontSize=18, leading=22)
        self.h2 = ParagraphStyle(
            "h2", base, fontName=fonts.bold, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4
        )
        self.h3 = ParagraphStyle(
            "h3", base, fontName=fonts.bold, fontSize=10, leading=13, spaceBefore=7, spaceAfter=3
        )
        self.big = ParagraphStyle("big", base, fontName=fonts.bold, fontSize=15, leading=18)

    def p(self, text: str, style: ParagraphStyle | None = None, *, bold: bool = False) -> Paragraph:
        style = style or self.body
        if self.f.has_cjk(text):
            # Chinese has no spaces to break at; CJK wrapping breaks between any characters.
            style = ParagraphStyle(style.name + "-cjk", style, wordWrap="CJK")
        return Paragraph(self.f.markup(text, bold=bold), style)

    def facts(self, pairs: Sequence[tuple[str, str]], columns: int = 2) -> Flowable:
        """Label/value pairs in ``columns`` columns, values wrapping in any script."""
        label_w = 27 * mm
        value_w = self.width / columns - label_w
        rows: list[list[Any]] = []
        for i in range(0, len(pairs), columns):
            row: list[Any] = []
            for label, value in pairs[i : i + columns]:
                row += [self.p(label, self.label), self.p(value or "—")]
            while len(row) < 2 * columns:
                row.append([])
            rows.append(row)
        return self.table(
            rows,
            colWidths=[label_w, value_w] * columns,
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            ),
        )

    def table(self, rows: list[Any], *, style: Any, **kwargs: Any) -> Table:
        """A ``Table`` whose own text state uses our font: reportlab sets each cell's font
        even when the cell holds only flowables, and its default would pull in Helvetica."""
        table = Table(rows, **kwargs)
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), self.f.regular)])
        table.setStyle(style)
        return table

    def boxed(self, flowables: list[Flowable]) -> Flowable:
        return self.table(
            [[flowables]],
            colWidths=[self.width],
            style=TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            ),
        )
