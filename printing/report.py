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
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
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
    TableStyle,
)

from qc_station.domain.display import format_money, format_percent

from .barcodes import Code128Flowable
from .data import DecisionData, PhotoData, ReportData, RmaFacts, Signature, UnitReport
from .fonts import FontSet, load_fonts
from .report_blocks import RULE, SHADE, ReportBlocks
from .report_clips import clip_section
from .report_pages import MARGIN, PAGE_SIZES, NumberedCanvas, ReportFooter
from .report_photos import (
    PHOTO_MAX_HEIGHT,
    PHOTO_MAX_PX,
    PHOTO_THREADS,
    UNREADABLE_PHOTO,
    UnreadablePhoto,
    jpeg_size,
    prepare_photo,
)
from .wording import DocumentWords

# The photos, the page furniture and the building blocks live in report_photos, report_pages
# and report_blocks; the names tests and benchmarks use are named from here too.
__all__ = ["PHOTO_MAX_PX", "UNREADABLE_PHOTO", "jpeg_size", "prepare_photo", "render_report"]

# Image streams are written binary, not ASCII85: reportlab's pure-Python ASCII85 encoder (its
# C accelerator is an optional extra) took most of a photo report's time, and binary streams
# are a fifth smaller. Every PDF reader handles binary streams.
rl_config.useA85 = 0


_ANSWERS = {"pass": "PASS", "fail": "FAIL", "na": "N/A"}


def render_report(data: ReportData, *, fonts: FontSet | None = None) -> bytes:
    """The inspection report as PDF bytes (A4 or Letter, from ``data.page_size``)."""
    if data.page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {data.page_size!r}; expected A4 or Letter")
    fonts = fonts or load_fonts()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=PAGE_SIZES[data.page_size],
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 8 * mm,
        title=f"{DocumentWords(data.language)(data.title)} {data.rma.code}",
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
    words = DocumentWords(data.language)
    builder = _Builder(fonts, doc.width, words)
    story = builder.story(data)
    footer = ReportFooter(fonts, data, words)
    doc.build(story, canvasmaker=functools.partial(NumberedCanvas, footer=footer))
    return buf.getvalue()


# --- the story -----------------------------------------------------------------------------


class _Builder(ReportBlocks):
    def __init__(self, fonts: FontSet, frame_width: float, words: DocumentWords) -> None:
        super().__init__(fonts, frame_width)
        self.w = words
        self._prepared: dict[int, tuple[bytes, int, int] | None] = {}

    def story(self, data: ReportData) -> list[Flowable]:
        self._prepare_photos(data)
        out: list[Flowable] = []
        out += self._title(data)
        out += self._rma(data.rma)
        for index, unit in enumerate(data.units, start=1):
            out += self._unit(unit, index, len(data.units), data.rma)
        if not data.units:
            out.append(self.p(self.w("No units on this report."), self.body))
        out += self._audit(data)
        return out

    def _prepare_photos(self, data: ReportData) -> None:
        """Decode and shrink every photo up front, several at a time: OpenCV releases the
        GIL while decoding, and decoding is most of a photo report's time."""
        photos = [photo for unit in data.units for photo in unit.photos]
        if len(photos) < 2:
            self._prepared = {id(p): prepare_photo(p.content) for p in photos}
            return
        workers = min(len(photos), PHOTO_THREADS)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="report-photo") as pool:
            prepared = list(pool.map(lambda p: prepare_photo(p.content), photos))
        self._prepared = {id(p): result for p, result in zip(photos, prepared, strict=True)}

    # --- sections ---

    def _title(self, data: ReportData) -> list[Flowable]:
        left: list[Flowable] = [
            self.p(self.w(data.title), self.h1),
            Spacer(1, 2),
            self.p(data.rma.code, self.big),
        ]
        meta = []
        if data.generated_at:
            meta.append(self.w("Generated {time}").format(time=data.generated_at))
        if data.generated_by:
            meta.append(self.w("by {name}").format(name=data.generated_by))
        if meta:
            left.append(self.p(" ".join(meta), self.small))
        barcode_width = self.width * 0.5
        barcode = Code128Flowable(data.rma.code, barcode_width, 15 * mm)
        code_text = self.p(data.rma.code, ParagraphStyle("bc", self.small, alignment=1))
        right = [barcode, Spacer(1, 2), code_text]
        table = self.table(
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
        w = self.w
        pairs = [
            (w("RMA"), rma.code),
            (w("Order"), rma.order_id),
            (w("Customer"), rma.customer),
            (w("Market"), rma.market),
            (w("Currency"), rma.currency),
            (w("Order date"), rma.order_date),
            (w("Delivery date"), rma.delivery_date or w("unknown")),
            (w("Request date"), rma.request_date),
            (w("Requested resolution"), w.requested(rma.requested_resolution)),
            (w("Source"), rma.source),
            (w("Carrier"), rma.carrier),
            (w("Tracking"), rma.tracking),
        ]
        flow: list[Flowable] = [self.p(w("RMA and order"), self.h2), self.facts(pairs)]
        flow.append(Spacer(1, 3))
        flow.append(self.facts([(w("Stated reason"), rma.stated_reason)], columns=1))
        return flow

    def _unit(self, unit: UnitReport, index: int, count: int, rma: RmaFacts) -> list[Flowable]:
        currency = unit.currency or rma.currency
        w = self.w
        price = self._money(unit.unit_price, currency) if unit.unit_price is not None else ""
        title = w("Unit {index} of {count}").format(index=index, count=count)
        out: list[Flowable] = [
            CondPageBreak(60 * mm),
            self.p(f"{title} — {unit.lpn}", self.h2),
            self.facts(
                [
                    (w("LPN"), unit.lpn),
                    (w("SKU"), unit.sku),
                    (w("Category"), unit.category),
                    (w("Supplier"), unit.supplier),
                    (w("Unit price"), price),
                    (w("Inspector"), unit.inspector),
                    (w("Station"), unit.station),
                    (w("Inspected at"), unit.inspected_at),
                ]
            ),
            Spacer(1, 3),
            self.facts([(w("Product"), unit.product_name)], columns=1),
            self.p(w("Inspection"), self.h3),
            self.facts(
                [
                    (w("Grade"), w.grade(unit.grade)),
                    (w("Finding"), w.finding(unit.finding)),
                    (w("Serial seen"), unit.serial or "—"),
                    (w("Photos"), str(len(unit.photos))),
                ]
            ),
        ]
        if unit.notes:
            out += [Spacer(1, 3), self.facts([(w("Notes"), unit.notes)], columns=1)]
        out += self._checklist(unit)
        out += self._photos(unit.photos)
        if unit.inspected_at:
            out += clip_section(self, unit.clips)
        out += self._decision(unit.decision)
        out += self._approvals(unit.approvals)
        return out

    def _checklist(self, unit: UnitReport) -> list[Flowable]:
        w = self.w
        head: list[Flowable] = [self.p(w("Checklist"), self.h3)]
        if not unit.checklist:
            return [*head, self.p(w("No checklist answers recorded."), self.small)]
        rows: list[list[Any]] = [
            [
                self.p(w("Question"), self.label),
                self.p(w("Required"), self.label),
                self.p(w("Answer"), self.label),
            ]
        ]
        style = [
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        for i, line in enumerate(unit.checklist, start=1):
            key = line.answer.lower()
            answer = w(_ANSWERS[key]) if key in _ANSWERS else (line.answer or "—")
            failed = line.answer.lower() == "fail"
            rows.append(
                [
                    self.p(line.question),
                    self.p(w("required") if line.required else w("optional"), self.small),
                    self.p(answer, bold=failed),
                ]
            )
            if failed:
                style.append(("BACKGROUND", (0, i), (-1, i), SHADE))
        table = self.table(rows, colWidths=[self.width - 130, 70, 60], repeatRows=1, style=style)
        return [*head, table]

    def _photos(self, photos: Sequence[PhotoData]) -> list[Flowable]:
        head = self.p(self.w("Photos ({count})").format(count=len(photos)), self.h3)
        if not photos:
            return [head, self.p(self.w("No photos."), self.small)]
        gap = 6 * mm
        cell = (self.width - gap) / 2
        cells = [self._photo_cell(photo, n, cell) for n, photo in enumerate(photos, start=1)]
        out: list[Flowable] = []
        for i in range(0, len(cells), 2):
            pair = cells[i : i + 2]
            if len(pair) == 1:
                pair.append([])
            row = self.table(
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
            picture = UnreadablePhoto(
                self.f, photo.sha256, width, PHOTO_MAX_HEIGHT, self.w(UNREADABLE_PHOTO)
            )
        else:
            jpeg, px_w, px_h = prepared
            scale = min(width / px_w, PHOTO_MAX_HEIGHT / px_h)
            picture = Image(io.BytesIO(jpeg), width=px_w * scale, height=px_h * scale)
            picture.hAlign = "LEFT"
        captured = photo.captured_at or self.w("unknown")
        caption = f"#{number} · " + self.w("captured {time}").format(time=captured)
        if photo.station:
            caption += " · " + self.w("station {name}").format(name=photo.station)
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
        w = self.w
        head = self.p(w("Decision"), self.h3)
        if decision is None:
            return [head, self.p(w("Not decided yet."), self.body)]
        refund = self._money(decision.refund_amount, decision.currency)
        recovery = w.recovery(decision.recovery) if decision.recovery else w("none")
        if decision.recovery and decision.recovery_amount is not None:
            recovery += f" ({self._money(decision.recovery_amount, decision.currency)})"
        decided = " · ".join(x for x in (decision.decided_by, decision.decided_at) if x)
        pairs = [
            (w("Resolution"), w.resolution(decision.resolution)),
            (w("Disposition"), w.disposition(decision.disposition)),
            (w("Deduction"), format_percent(decision.deduction_pct, w.language)),
            (w("Refund"), refund),
            (w("Recovery"), recovery),
            (w("Decided by"), decided),
        ]
        if decision.policy_version:
            pairs.append((w("Policy version"), decision.policy_version))
        out: list[Flowable] = [
            head,
            self._headline_box(w.headline(decision.headline)),
            Spacer(1, 4),
            self.facts(pairs),
        ]
        if decision.reasons:
            out.append(self.p(w("Reasons"), self.h3))
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
                self.boxed(
                    [
                        self.p(w("Overridden by the inspector. Reason:"), self.label),
                        self.p(decision.override_reason, bold=True),
                    ]
                )
            )
        return [KeepTogether(out[:4]), *out[4:]]

    def _money(self, amount: Decimal, currency: str) -> str:
        return format_money(amount, currency, self.w.language)

    def _headline_box(self, headline: str) -> Flowable:
        style = ParagraphStyle(
            "headline", self.big, textColor=colors.white, fontSize=16, leading=19
        )
        return self.table(
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
        head = self.p(self.w("Approvals"), self.h3)
        if not signatures:
            return [head, self.p(self.w("No approvals recorded."), self.small)]
        gap = 6 * mm
        cell = (self.width - gap) / 2
        blocks = [self._signature(s, cell) for s in signatures]
        out: list[Flowable] = []
        for i in range(0, len(blocks), 2):
            pair: list[Any] = blocks[i : i + 2]
            if len(pair) == 1:
                pair.append([])
            row = self.table(
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
            [self.p(self.w(signature.meaning), self.label)],
            [self.p(signature.name, self.big)],
            [self.p(signature.signed_at, self.body)],
        ]
        if signature.comment:
            content.append([self.p(f"“{signature.comment}”", self.small)])
        return self.table(
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
                    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ]
            ),
        )

    def _audit(self, data: ReportData) -> list[Flowable]:
        out: list[Flowable] = [CondPageBreak(30 * mm), self.p(self.w("Audit"), self.h2)]
        if data.audit_excerpt:
            style = ParagraphStyle("audit", self.tiny, wordWrap="CJK")
            out += [Paragraph(self.f.markup(line), style) for line in data.audit_excerpt]
        else:
            out.append(self.p(self.w("No audit events in this excerpt."), self.small))
        out.append(Spacer(1, 4))
        head = data.audit_head or "—"
        out.append(
            self.boxed(
                [
                    self.p(self.w("Audit head (SEQ:HASH)"), self.label),
                    Paragraph(
                        self.f.markup(head, bold=True),
                        ParagraphStyle("head", self.small, wordWrap="CJK"),
                    ),
                ]
            )
        )
        return out
