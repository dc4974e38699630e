"""The weekly summary PDF for managers: the dashboard's figures as a few tables and simple
bar charts (SPEC §2 step 9, §8).

Pure: plain data in (``SummaryData``, already worded and formatted by the caller, times as
local-time strings), PDF bytes out. Text goes through ``fonts`` so Chinese supplier names and
stated reasons print. Flagged rows are printed in bold red with a "▲" mark, so the flag
survives a black-and-white printer.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .fonts import FontSet, load_fonts

_MARGIN = 15 * mm
_RED = colors.HexColor("#b3261e")
_BAR = colors.HexColor("#3b6ea8")
_GRID = colors.HexColor("#c8c8c8")
_HEAD = colors.HexColor("#eef1f5")
FLAG_MARK = "▲"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    flagged: bool = False


@dataclass(frozen=True)
class SummaryTable:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    flagged: frozenset[int] = frozenset()  # indexes of rows to mark
    note: str = ""
    bars: tuple[Bar, ...] = ()  # drawn above the table when given
    bar_unit: str = ""


@dataclass(frozen=True)
class SummaryData:
    title: str
    period: str  # "16 Nov 2026 – 23 Nov 2026 (local time)"
    generated_at: str
    headline: tuple[tuple[str, str], ...]  # (label, value) pairs shown first
    sections: tuple[SummaryTable, ...] = field(default_factory=tuple)


def _bar_chart(fonts: FontSet, bars: tuple[Bar, ...], width: float, unit: str) -> Drawing:
    """Horizontal bars, one per item, value written at the end; flagged bars in red."""
    row_h, label_w, value_w = 14.0, 150.0, 60.0
    height = row_h * len(bars) + 4
    drawing = Drawing(width, height)
    top = max((b.value for b in bars), default=0.0) or 1.0
    span = width - label_w - value_w
    for k, bar in enumerate(bars):
        y = height - (k + 1) * row_h
        label = fonts.truncate(bar.label, 8, label_w - 6)
        x = 0.0
        for run, font in fonts.runs(label):
            # One String per script run (Latin, CJK), each in the font that has it.
            drawing.add(String(x, y + 3, run, fontName=font, fontSize=8))
            x += fonts.width(run, 8)
        length = span * bar.value / top
        colour = _RED if bar.flagged else _BAR
        drawing.add(
            Rect(label_w, y + 2, max(length, 0.5), row_h - 4, fillColor=colour, strokeColor=None)
        )
        text = f"{bar.value:g}{unit}" + (f" {FLAG_MARK}" if bar.flagged else "")
        drawing.add(
            String(
                label_w + length + 4,
                y + 3,
                text,
                fontName=fonts.bold if bar.flagged else fonts.regular,
                fontSize=8,
            )
        )
    return drawing


def render_weekly_summary(data: SummaryData, *, fonts: FontSet | None = None) -> bytes:
    """The summary as PDF bytes (A4)."""
    fonts = fonts or load_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN,
        title=data.title,
        author="Returns QC Station",
        creator="Returns QC Station",
        invariant=1,
        initialFontName=fonts.regular,
    )
    title = ParagraphStyle("t", fontName=fonts.bold, fontSize=16, leading=20, spaceAfter=4)
    h2 = ParagraphStyle("h2", fontName=fonts.bold, fontSize=11.5, leading=15, spaceBefore=8)
    body = ParagraphStyle("b", fontName=fonts.regular, fontSize=8.5, leading=11)
    flagged = ParagraphStyle("f", parent=body, textColor=_RED)
    note = ParagraphStyle("n", parent=body, textColor=colors.HexColor("#555555"))

    story: list[object] = [
        Paragraph(fonts.markup(data.title, bold=True), title),
        Paragraph(fonts.markup(f"{data.period} · generated {data.generated_at}"), note),
        Spacer(0, 4 * mm),
    ]
    if data.headline:
        cells = [[Paragraph(fonts.markup(label), body) for label, _ in data.headline]]
        cells.append(
            [Paragraph(fonts.markup(value, bold=True), body) for _, value in data.headline]
        )
        head = Table(cells, colWidths=[doc.width / len(data.headline)] * len(data.headline))
        head.setStyle(
            TableStyle(
                [("BOX", (0, 0), (-1, -1), 0.5, _GRID), ("BACKGROUND", (0, 0), (-1, 0), _HEAD)]
            )
        )
        story.append(head)

    for section in data.sections:
        parts: list[object] = [Paragraph(fonts.markup(section.title, bold=True), h2)]
        if section.note:
            parts.append(Paragraph(fonts.markup(section.note), note))
        if section.bars:
            parts.append(Spacer(0, 2 * mm))
            parts.append(_bar_chart(fonts, section.bars, doc.width, section.bar_unit))
        if section.rows:
            rows = [[Paragraph(fonts.markup(h, bold=True), body) for h in section.headers]]
            for k, row in enumerate(section.rows):
                style = flagged if k in section.flagged else body
                cells_row = list(row)
                if k in section.flagged:
                    cells_row[0] = f"{FLAG_MARK} {cells_row[0]}"
                rows.append(
                    [
                        Paragraph(fonts.markup(c, bold=k in section.flagged), style)
                        for c in cells_row
                    ]
                )
            table = Table(rows, repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
                        ("BACKGROUND", (0, 0), (-1, 0), _HEAD),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            parts.append(Spacer(0, 2 * mm))
            parts.append(table)
        else:
            parts.append(Paragraph(fonts.markup("Nothing in this period."), note))
        story.append(KeepTogether(parts))
    doc.build(story)
    return buf.getvalue()
