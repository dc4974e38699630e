"""The inspection report PDF (SPEC §9): the evidence for disputes and claims.

One report per RMA: the RMA and order facts, then for each unit its checklist, grade, finding,
photos (downscaled, each with capture time and SHA-256), decision and reasons, and approvals as
signature blocks; then an audit excerpt and the audit head ``SEQ:HASH``. Every page carries
"Page X of Y", the RMA code and the audit head; the first page carries the RMA's Code128.

Photos arrive as the stored bytes; they are decoded, shrunk and re-encoded here with OpenCV so
a 12-megapixel photo does not make a 12-megapixel report. A photo that cannot be decoded is
shown as a box that says so, with its hash, rather than failing the whole report.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import cv2
import numpy as np
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from qc_station.domain.errors import ValidationError
from qc_station.domain.money import format_amount

from .barcodes import Code128Flowable
from .data import DecisionData, PhotoData, ReportData, RmaFacts, Signature, UnitReport
from .fonts import FontSet, load_fonts

# Image streams are written binary, not ASCII85: reportlab's pure-Python ASCII85 encoder (its
# C accelerator is an optional extra) took most of a photo report's time, and binary streams
# are a fifth smaller. Every PDF reader handles binary streams.
rl_config.useA85 = 0

# A photo cell is half the text width, about 86 mm on A4: 1000 pixels print it at ~300 dpi.
PHOTO_MAX_PX = 1000
_PHOTO_THREADS = max(1, min(4, os.cpu_count() or 1))
PHOTO_JPEG_QUALITY = 85
PHOTO_MAX_HEIGHT = 62 * mm
UNREADABLE_PHOTO = "Photo could not be read"

_PAGE_SIZES = {"A4": A4, "Letter": LETTER}
_MARGIN = 16 * mm
_GREY = colors.Color(0.35, 0.35, 0.35)
_RULE = colors.Color(0.6, 0.6, 0.6)
_SHADE = colors.Color(0.93, 0.93, 0.93)
_ANSWERS = {"pass": "PASS", "fail": "FAIL", "na": "N/A", "": "—"}


def render_report(data: ReportData, *, fonts: FontSet | None = None) -> bytes:
    """The inspection report as PDF bytes (A4 or Letter, from ``data.page_size``)."""
    if data.page_size not in _PAGE_SIZES:
        raise ValueError(f"unknown page size {data.page_size!r}; expected A4 or Letter")
    fonts = fonts or load_fonts()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=_PAGE_SIZES[data.page_size],
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN + 8 * mm,
        title=f"{data.title} {data.rma.code}",
        author="Returns QC Station",
        creator="Returns QC Station",
        # No creation date or random id: the same data gives the same bytes, and printing
        # reads no clock.
        invariant=1,
        # Otherwise every page names Helvetica, a font the PDF does not embed.
        initialFontName=fonts.regular,
    )
    # No frame padding: tables are as wide as the text and line up with the footer rule.
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    builder = _Builder(fonts, doc.width)
    story = builder.story(data)
    footer = _Footer(fonts, data)
    doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, footer=footer))
    return buf.getvalue()


# --- page furniture ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Footer:
    fonts: FontSet
    data: ReportData

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        f = self.fonts
        width, _ = canvas._pagesize
        y = _MARGIN - 2 * mm
        canvas.saveState()
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.5)
        canvas.line(_MARGIN, y + 10, width - _MARGIN, y + 10)
        canvas.setFillColor(_GREY)
        left = f"{self.data.title} · {self.data.rma.code}"
        if self.data.generated_at:
            left += f" · generated {self.data.generated_at}"
        f.draw(canvas, _MARGIN, y, f.truncate(left, 7.5, width / 2), 7.5)
        f.draw(canvas, width - _MARGIN, y, f"Page {page} of {total}", 7.5, bold=True, align="right")
        if self.data.audit_head:
            head = f"Audit head {self.data.audit_head}"
            head = f.truncate(head, 6.5, width - 2 * _MARGIN)
            f.draw(canvas, _MARGIN, y - 9, head, 6.5)
        canvas.restoreState()


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """Holds every page back until the end so each can say "Page X of Y"."""

    def __init__(self, *args: Any, footer: _Footer, **kwargs: Any) -> None:
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


# --- the story -----------------------------------------------------------------------------


class _Builder:
    def __init__(self, fonts: FontSet, frame_width: float) -> None:
        self.f = fonts
        self.width = frame_width
        self._prepared: dict[int, tuple[bytes, int, int] | None] = {}
        base = ParagraphStyle(
            "body", fontName=fonts.regular, bulletFontName=fonts.regular, fontSize=9, leading=11.5
        )
        self.body = base
        self.small = ParagraphStyle("small", base, fontSize=7.5, leading=9.5)
        self.tiny = ParagraphStyle("tiny", base, fontSize=6.5, leading=8)
        self.label = ParagraphStyle("label", base, fontSize=7.5, leading=9.5, textColor=_GREY)
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

    def story(self, data: ReportData) -> list[Flowable]:
        self._prepare_photos(data)
        out: list[Flowable] = []
        out += self._title(data)
        out += self._rma(data.rma)
        for index, unit in enumerate(data.units, start=1):
            out += self._unit(unit, index, len(data.units), data.rma)
        if not data.units:
            out.append(self.p("No units on this report.", self.body))
        out += self._audit(data)
        return out

    def _prepare_photos(self, data: ReportData) -> None:
        """Decode and shrink every photo up front, several at a time: OpenCV releases the
        GIL while decoding, and decoding is most of a photo report's time."""
        photos = [photo for unit in data.units for photo in unit.photos]
        if len(photos) < 2:
            self._prepared = {id(p): prepare_photo(p.content) for p in photos}
            return
        workers = min(len(photos), _PHOTO_THREADS)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="report-photo") as pool:
            prepared = list(pool.map(lambda p: prepare_photo(p.content), photos))
        self._prepared = {id(p): result for p, result in zip(photos, prepared, strict=True)}

    # --- sections ---

    def _title(self, data: ReportData) -> list[Flowable]:
        left: list[Flowable] = [
            self.p(data.title, self.h1),
            Spacer(1, 2),
            self.p(data.rma.code, self.big),
        ]
        meta = []
        if data.generated_at:
            meta.append(f"Generated {data.generated_at}")
        if data.generated_by:
            meta.append(f"by {data.generated_by}")
        if meta:
            left.append(self.p(" ".join(meta), self.small))
        barcode_width = self.width * 0.5
        barcode = Code128Flowable(data.rma.code, barcode_width, 15 * mm)
        code_text = self.p(data.rma.code, ParagraphStyle("bc", self.small, alignment=1))
        right = [barcode, Spacer(1, 2), code_text]
        table = self._table(
            [[left, right]],
            colWidths=[self.width - barcode.width - 4, barcode.width + 4],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ]
            ),
        )
        return [table, Spacer(1, 4 * mm)]

    def _rma(self, rma: RmaFacts) -> list[Flowable]:
        pairs = [
            ("RMA", rma.code),
            ("Order", rma.order_id),
            ("Customer", rma.customer),
            ("Market", rma.market),
            ("Currency", rma.currency),
            ("Order date", rma.order_date),
            ("Delivery date", rma.delivery_date or "unknown"),
            ("Request date", rma.request_date),
            ("Requested resolution", rma.requested_resolution),
            ("Source", rma.source),
            ("Carrier", rma.carrier),
            ("Tracking", rma.tracking),
        ]
        flow: list[Flowable] = [self.p("RMA and order", self.h2), self._facts(pairs)]
        flow.append(Spacer(1, 3))
        flow.append(self._facts([("Stated reason", rma.stated_reason)], columns=1))
        return flow

    def _unit(self, unit: UnitReport, index: int, count: int, rma: RmaFacts) -> list[Flowable]:
        currency = unit.currency or rma.currency
        price = _money(unit.unit_price, currency) if unit.unit_price is not None else ""
        out: list[Flowable] = [
            CondPageBreak(60 * mm),
            self.p(f"Unit {index} of {count} — {unit.lpn}", self.h2),
            self._facts(
                [
                    ("LPN", unit.lpn),
                    ("SKU", unit.sku),
                    ("Category", unit.category),
                    ("Supplier", unit.supplier),
                    ("Unit price", price),
                    ("Inspector", unit.inspector),
                    ("Station", unit.station),
                    ("Inspected at", unit.inspected_at),
                ]
            ),
            Spacer(1, 3),
            self._facts([("Product", unit.product_name)], columns=1),
            self.p("Inspection", self.h3),
            self._facts(
                [
                    ("Grade", unit.grade or "—"),
                    ("Finding", unit.finding or "—"),
                    ("Serial seen", unit.serial or "—"),
                    ("Photos", str(len(unit.photos))),
                ]
            ),
        ]
        if unit.notes:
            out += [Spacer(1, 3), self._facts([("Notes", unit.notes)], columns=1)]
        out += self._checklist(unit)
        out += self._photos(unit.photos)
        out += self._decision(unit.decision)
        out += self._approvals(unit.approvals)
        return out

    def _checklist(self, unit: UnitReport) -> list[Flowable]:
        head: list[Flowable] = [self.p("Checklist", self.h3)]
        if not unit.checklist:
            return [*head, self.p("No checklist answers recorded.", self.small)]
        rows: list[list[Any]] = [
            [
                self.p("Question", self.label),
                self.p("Required", self.label),
                self.p("Answer", self.label),
            ]
        ]
        style = [
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, _RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        for i, line in enumerate(unit.checklist, start=1):
            answer = _ANSWERS.get(line.answer.lower(), line.answer)
            failed = line.answer.lower() == "fail"
            rows.append(
                [
                    self.p(line.question),
                    self.p("required" if line.required else "optional", self.small),
                    self.p(answer, bold=failed),
                ]
            )
            if failed:
                style.append(("BACKGROUND", (0, i), (-1, i), _SHADE))
        table = self._table(rows, colWidths=[self.width - 130, 70, 60], repeatRows=1, style=style)
        return [*head, table]

    def _photos(self, photos: Sequence[PhotoData]) -> list[Flowable]:
        head = self.p(f"Photos ({len(photos)})", self.h3)
        if not photos:
            return [head, self.p("No photos.", self.small)]
        gap = 6 * mm
        cell = (self.width - gap) / 2
        cells = [self._photo_cell(photo, n, cell) for n, photo in enumerate(photos, start=1)]
        out: list[Flowable] = []
        for i in range(0, len(cells), 2):
            pair = cells[i : i + 2]
            if len(pair) == 1:
                pair.append([])
            row = self._table(
                [pair],
                colWidths=[cell + gap / 2, cell + gap / 2],
                style=TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), gap / 2),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                    ]
                ),
            )
            # The heading stays with the first row rather than ending a page alone.
            out.append(KeepTogether([head, row]) if i == 0 else row)
        return out

    def _photo_cell(self, photo: PhotoData, number: int, width: float) -> list[Flowable]:
        key = id(photo)
        prepared = self._prepared[key] if key in self._prepared else prepare_photo(photo.content)
        picture: Flowable
        if prepared is None:
            picture = _UnreadablePhoto(self, photo.sha256, width, PHOTO_MAX_HEIGHT)
        else:
            jpeg, px_w, px_h = prepared
            scale = min(width / px_w, PHOTO_MAX_HEIGHT / px_h)
            picture = Image(io.BytesIO(jpeg), width=px_w * scale, height=px_h * scale)
            picture.hAlign = "LEFT"
        caption = f"#{number} · captured {photo.captured_at or 'unknown'}"
        if photo.station:
            caption += f" · station {photo.station}"
        digest = photo.sha256 or "—"
        hash_size = self.f.fit_size(digest, width, 6.5, 4.5)
        hash_style = ParagraphStyle("hash", self.tiny, fontSize=hash_size, leading=hash_size + 2)
        return [
            picture,
            Spacer(1, 2),
            self.p(caption, self.small),
            self.p(f"SHA-256 {digest}" if len(digest) < 20 else "SHA-256", self.tiny),
            *([self.p(digest, hash_style)] if len(digest) >= 20 else []),
        ]

    def _decision(self, decision: DecisionData | None) -> list[Flowable]:
        head = self.p("Decision", self.h3)
        if decision is None:
            return [head, self.p("Not decided yet.", self.body)]
        refund = _money(decision.refund_amount, decision.currency)
        recovery = decision.recovery or "none"
        if decision.recovery and decision.recovery_amount is not None:
            recovery += f" ({_money(decision.recovery_amount, decision.currency)})"
        pairs = [
            ("Resolution", decision.resolution),
            ("Disposition", decision.disposition),
            ("Deduction", f"{decision.deduction_pct} %"),
            ("Refund", refund),
            ("Recovery", recovery),
            ("Decided by", " · ".join(x for x in (decision.decided_by, decision.decided_at) if x)),
        ]
        if decision.policy_version:
            pairs.append(("Policy version", decision.policy_version))
        out: list[Flowable] = [
            head,
            self._headline_box(decision.headline),
            Spacer(1, 4),
            self._facts(pairs),
        ]
        if decision.reasons:
            out.append(self.p("Reasons", self.h3))
            for reason in decision.reasons:
                out.append(
                    Paragraph(
                        self.f.markup(reason),
                        ParagraphStyle(
                            "reason",
                            self.body,
                            leftIndent=10,
                            bulletIndent=2,
                            wordWrap="CJK" if self.f.has_cjk(reason) else None,
                        ),
                        bulletText="•",
                    )
                )
        if decision.override_reason:
            out.append(Spacer(1, 4))
            out.append(
                self._boxed(
                    [
                        self.p("Overridden by the inspector. Reason:", self.label),
                        self.p(decision.override_reason, bold=True),
                    ]
                )
            )
        return [KeepTogether(out[:4]), *out[4:]]

    def _headline_box(self, headline: str) -> Flowable:
        style = ParagraphStyle(
            "headline", self.big, textColor=colors.white, fontSize=16, leading=19
        )
        return self._table(
            [[self.p(headline, style)]],
            colWidths=[self.width],
            style=TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            ),
        )

    def _approvals(self, signatures: Sequence[Signature]) -> list[Flowable]:
        head = self.p("Approvals", self.h3)
        if not signatures:
            return [head, self.p("No approvals recorded.", self.small)]
        gap = 6 * mm
        cell = (self.width - gap) / 2
        blocks = [self._signature(s, cell) for s in signatures]
        out: list[Flowable] = []
        for i in range(0, len(blocks), 2):
            pair: list[Any] = blocks[i : i + 2]
            if len(pair) == 1:
                pair.append([])
            row = self._table(
                [pair],
                colWidths=[cell + gap / 2, cell + gap / 2],
                style=TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), gap / 2),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ]
                ),
            )
            out.append(KeepTogether([head, row]) if i == 0 else row)
        return out

    def _signature(self, signature: Signature, width: float) -> Flowable:
        content: list[Any] = [
            [self.p(signature.meaning, self.label)],
            [self.p(signature.name, self.big)],
            [self.p(signature.signed_at, self.body)],
        ]
        if signature.comment:
            content.append([self.p(f"“{signature.comment}”", self.small)])
        return self._table(
            content,
            colWidths=[width],
            style=TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                    # The line a pen would sign on, under the name.
                    ("LINEBELOW", (0, 1), (-1, 1), 0.8, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
                ]
            ),
        )

    def _audit(self, data: ReportData) -> list[Flowable]:
        out: list[Flowable] = [CondPageBreak(30 * mm), self.p("Audit", self.h2)]
        if data.audit_excerpt:
            style = ParagraphStyle("audit", self.tiny, wordWrap="CJK")
            out += [Paragraph(self.f.markup(line), style) for line in data.audit_excerpt]
        else:
            out.append(self.p("No audit events in this excerpt.", self.small))
        out.append(Spacer(1, 4))
        head = data.audit_head or "—"
        out.append(
            self._boxed(
                [
                    self.p("Audit head (SEQ:HASH)", self.label),
                    Paragraph(
                        self.f.markup(head, bold=True),
                        ParagraphStyle("head", self.small, wordWrap="CJK"),
                    ),
                ]
            )
        )
        return out

    # --- building blocks ---

    def _facts(self, pairs: Sequence[tuple[str, str]], columns: int = 2) -> Flowable:
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
        return self._table(
            rows,
            colWidths=[label_w, value_w] * columns,
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, _RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            ),
        )

    def _table(self, rows: list[Any], *, style: Any, **kwargs: Any) -> Table:
        """A ``Table`` whose own text state uses our font: reportlab sets each cell's font
        even when the cell holds only flowables, and its default would pull in Helvetica."""
        table = Table(rows, **kwargs)
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), self.f.regular)])
        table.setStyle(style)
        return table

    def _boxed(self, flowables: list[Flowable]) -> Flowable:
        return self._table(
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


class _UnreadablePhoto(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Stands where a photo that cannot be decoded would be: a crossed box that says so."""

    def __init__(self, builder: _Builder, sha256: str, width: float, height: float) -> None:
        super().__init__()
        self.fonts = builder.f
        self.sha256 = sha256
        self.width = width
        self.height = height * 0.5

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, f = self.canv, self.fonts
        c.saveState()
        c.setStrokeColor(_GREY)
        c.setLineWidth(1)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.setDash(2, 3)
        c.line(0, 0, self.width, self.height)
        c.line(0, self.height, self.width, 0)
        c.restoreState()
        c.saveState()
        c.setFillColor(colors.white)
        c.rect(8, self.height / 2 - 16, self.width - 16, 30, stroke=0, fill=1)
        c.setFillColor(colors.black)
        f.draw(
            c, self.width / 2, self.height / 2 + 2, UNREADABLE_PHOTO, 10, bold=True, align="center"
        )
        digest = f.truncate(self.sha256 or "no hash", 5.5, self.width - 20)
        f.draw(c, self.width / 2, self.height / 2 - 10, digest, 5.5, align="center")
        c.restoreState()


# --- helpers -------------------------------------------------------------------------------


def prepare_photo(content: bytes, max_px: int = PHOTO_MAX_PX) -> tuple[bytes, int, int] | None:
    """Decode ``content``, shrink it to ``max_px`` on its longer side and re-encode as JPEG.

    Returns ``(jpeg bytes, width, height)``, or ``None`` if the bytes are not an image OpenCV
    can read (truncated upload, wrong file, empty).
    """
    if not content:
        return None
    try:
        image = cv2.imdecode(np.frombuffer(content, dtype=np.uint8), _decode_flag(content, max_px))
    except cv2.error:
        return None
    if image is None or image.size == 0:
        return None
    height, width = image.shape[:2]
    scale = min(1.0, max_px / max(height, width))
    if scale < 1.0:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        # INTER_AREA averages the pixels it drops, so fine damage detail survives as well as
        # it can instead of aliasing away.
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
        width, height = size
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, PHOTO_JPEG_QUALITY])
    if not ok:
        return None
    return encoded.tobytes(), width, height


# libjpeg can decode at 1/2, 1/4 or 1/8 of the size directly (DCT scaling): a 12-megapixel
# photo decodes several times faster that way than at full size and then shrunk.
_REDUCED = (
    (8, cv2.IMREAD_REDUCED_COLOR_8),
    (4, cv2.IMREAD_REDUCED_COLOR_4),
    (2, cv2.IMREAD_REDUCED_COLOR_2),
)
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _decode_flag(content: bytes, max_px: int) -> int:
    """The OpenCV read flag that decodes a JPEG at the smallest scale still at least
    ``max_px`` on its longer side (so the final resize only ever shrinks)."""
    size = jpeg_size(content)
    if size is not None:
        longer = max(size)
        for factor, flag in _REDUCED:
            if longer // factor >= max_px:
                return flag
    return cv2.IMREAD_COLOR


def jpeg_size(content: bytes) -> tuple[int, int] | None:
    """``(width, height)`` from a JPEG's frame header, without decoding it; ``None`` for
    anything that is not a readable JPEG."""
    if not content.startswith(b"\xff\xd8"):
        return None
    i = 2
    while i + 9 < len(content):
        if content[i] != 0xFF:
            return None
        marker = content[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length field
            i += 2
            continue
        length = int.from_bytes(content[i + 2 : i + 4], "big")
        if marker in _SOF_MARKERS:
            height = int.from_bytes(content[i + 5 : i + 7], "big")
            width = int.from_bytes(content[i + 7 : i + 9], "big")
            return (width, height) if width and height else None
        i += 2 + length
    return None


def _money(amount: Decimal | None, currency: str) -> str:
    """``12.50 EUR``; the domain rounds to the currency's minor unit when it knows the code."""
    if amount is None:
        return ""
    try:
        text = format_amount(amount, currency)
    except ValidationError:  # an unknown currency must not stop the evidence from printing
        text = f"{amount:f}"
    return f"{text} {currency}".strip()
