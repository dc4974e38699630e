"""The input of the printing package: frozen dataclasses of plain values.

Everything a label, report or evidence pack shows comes in here already decided and already
formatted where formatting depends on the site: times are local-time strings made by the caller
(printing has no clock and no time zone), amounts are ``Decimal`` with their ISO 4217 currency.
Enum-like fields are plain ``str``: the domain's ``StrEnum`` members are ``str`` and can be
passed as they are, and printing stays usable without the domain.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

#: A key of ``label_formats.LABEL_FORMATS`` (``4x6``, ``2x1``…); checked where it is used.
LabelSize = str
PageSize = Literal["A4", "Letter"]


@dataclass(frozen=True)
class LabelData:
    """One disposition label: one unit (an LPN) or a whole RMA (its code).

    A label printed before any decision (``headline`` is ``None``) says
    "RECEIVED — NOT INSPECTED" instead of a grade and headline.
    """

    code: str
    """What the Code128 encodes and what is printed under it: an LPN or an RMA code (ASCII)."""
    sku: str = ""
    product_name: str = ""
    grade: str | None = None
    headline: str | None = None
    disposition: str | None = None
    bin_location: str | None = None
    """Where the unit goes (``"A-12-03"``); printed as ``BIN …``."""
    hold_reason: str | None = None
    """Why it is held (dispute, evidence…); printed instead of the bin when given."""
    printed_at: str = ""
    """Local date and time, already formatted by the caller."""
    station: str = ""

    @property
    def decided(self) -> bool:
        """A decision exists: the label shows grade and headline rather than "not inspected"."""
        return self.headline is not None


@dataclass(frozen=True)
class RmaFacts:
    """The RMA and order facts at the top of a report (SPEC §3)."""

    code: str
    order_id: str = ""
    customer: str = ""
    market: str = ""
    currency: str = ""
    order_date: str = ""
    delivery_date: str = ""
    """Empty when unknown; the report then says so."""
    request_date: str = ""
    requested_resolution: str = ""
    stated_reason: str = ""
    carrier: str = ""
    tracking: str = ""
    source: str = ""


@dataclass(frozen=True)
class ChecklistLine:
    question: str
    answer: str
    """``pass``, ``fail`` or ``na`` (the domain's ``ChecklistAnswer``), or empty if unanswered."""
    required: bool = False


@dataclass(frozen=True)
class PhotoData:
    """A photo as stored: the original bytes (any format OpenCV reads) and its evidence facts."""

    content: bytes = field(repr=False)
    captured_at: str
    sha256: str
    station: str = ""


@dataclass(frozen=True)
class KeyFrame:
    """One still of a clip, as printed: a small JPEG and where in the clip it is."""

    jpeg: bytes = field(repr=False)
    at_ms: int
    width: int
    height: int


@dataclass(frozen=True)
class ClipData:
    """The unboxing clip of an inspection (SPEC §7.5) as the report lists it. Times are
    already formatted by the caller, in the station's zone and in UTC. The facts print even
    when the file cannot be shown: ``missing`` is then ``pruned`` (deleted by the retention
    rule at ``pruned_at``), ``absent`` (not in the store) or ``unreadable``."""

    sha256: str
    duration_ms: int
    started_at: str
    started_utc: str
    ended_at: str
    ended_utc: str
    frames: int = 0
    key_frames: tuple[KeyFrame, ...] = ()
    missing: str = ""
    pruned_at: str = ""


@dataclass(frozen=True)
class Signature:
    """An approval (or the decision itself) shown as a signature block."""

    name: str
    signed_at: str
    meaning: str
    """What the signature means, e.g. "Approved as supervisor"."""
    comment: str = ""


@dataclass(frozen=True)
class DecisionData:
    headline: str
    resolution: str
    disposition: str
    deduction_pct: int
    refund_amount: Decimal
    currency: str
    recovery: str | None = None
    recovery_amount: Decimal | None = None
    reasons: tuple[str, ...] = ()
    override_reason: str | None = None
    decided_by: str = ""
    decided_at: str = ""
    policy_version: str = ""


@dataclass(frozen=True)
class UnitReport:
    """One physical unit: its line facts, inspection and decision."""

    lpn: str
    sku: str = ""
    product_name: str = ""
    category: str = ""
    supplier: str = ""
    unit_price: Decimal | None = None
    currency: str = ""
    inspector: str = ""
    station: str = ""
    inspected_at: str = ""
    checklist: tuple[ChecklistLine, ...] = ()
    grade: str | None = None
    finding: str | None = None
    serial: str | None = None
    notes: str = ""
    photos: tuple[PhotoData, ...] = ()
    decision: DecisionData | None = None
    approvals: tuple[Signature, ...] = ()
    clips: tuple[ClipData, ...] = ()
    """The unboxing clips recorded on the inspection (none when it had no video)."""


@dataclass(frozen=True)
class ReportData:
    """The inspection report of one RMA (all of its units, or only those the caller passes)."""

    rma: RmaFacts
    units: tuple[UnitReport, ...] = ()
    audit_excerpt: tuple[str, ...] = ()
    audit_head: str = ""
    """The audit chain's head as ``SEQ:HASH`` (SPEC §6), written on every report."""
    generated_at: str = ""
    generated_by: str = ""
    page_size: PageSize = "A4"
    title: str = "Inspection report"
    language: str = "en"
    """The language the report is worded in (``printing.wording.DOCUMENT_LANGUAGES``)."""


@dataclass(frozen=True)
class EvidenceData:
    """A dispute evidence pack (SPEC §7.4): the report, the original photos, facts and decision.

    ``facts`` and ``decision`` go into ``manifest.json`` as they are; they may hold ``str``,
    numbers, ``bool``, ``None``, ``Decimal`` (written as a string, so no digit is lost), dates,
    and lists or mappings of those.
    """

    report_pdf: bytes = field(repr=False)
    photos: tuple[tuple[str, bytes], ...] = field(repr=False)
    facts: Mapping[str, Any]
    decision: Mapping[str, Any]
    timestamp: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0)
    """The time written on every zip entry (local wall time, as zip has no zone)."""
    report_name: str = "inspection-report.pdf"
