"""Unit labels (SPEC §9): what a label says about where the unit stands (``documents.py``'s
docstring gives the rules), and the label PDF for an LPN or for every unit of an RMA.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any

from printing.data import LabelData, LabelSize
from printing.label_formats import DEFAULT_LABEL_FORMAT, LABEL_FORMATS
from printing.labels import render_labels
from printing.wording import ENGLISH
from qc_station.domain.enums import Disposition, Resolution, UnitState
from qc_station.domain.errors import ValidationError
from qc_station.domain.local_time import document_time
from qc_station.domain.model import Decision, DecisionStatus, Inspection, Rma, Unit

from .context import Actor, ServiceContext
from .document_sources import AWAITING_APPROVAL, check_choice, find_rma, render
from .permissions import Action, authorized, require
from .ports import UnitOfWork
from .returns import normalise_code


@dataclass(frozen=True)
class LabelSettings:
    """How this station's label printer wants its labels (from the configuration)."""

    size: str = DEFAULT_LABEL_FORMAT
    """A key of ``printing.label_formats.LABEL_FORMATS`` (``4x6``, ``2x1``: inches)."""
    dpi: int = 203
    bins: Mapping[str, str] = field(default_factory=dict)
    """The put-away bin per disposition (``RESTOCK`` → ``A-01``); missing ones print none."""
    tz: tzinfo | None = None
    """The zone times are shown in; ``None`` is the station's local zone."""


@dataclass(frozen=True)
class LabelDocument:
    """A label PDF and the codes on it, one page each, in order."""

    pdf: bytes
    codes: tuple[str, ...]
    rma_code: str


def label_data(
    ctx: ServiceContext, actor: Actor, code: str, settings: LabelSettings | None = None
) -> tuple[str, list[LabelData]]:
    """The labels for ``code``: one for an LPN, one per unit (in unit order) for an RMA code.

    Returns the RMA's code and the labels. Unknown code → ``NotFound``."""
    require(actor, Action.PRINT_DOCUMENTS)
    settings = settings or LabelSettings()
    code = normalise_code(code)
    printed_at = document_time(ctx.clock.now(), settings.tz)
    with authorized(ctx, actor, Action.PRINT_DOCUMENTS, read_only=True) as uow:
        rma, lpn = find_rma(uow, code)
        units = [u for u in rma.units if lpn is None or u.lpn == lpn]
        if not units:
            raise ValidationError("document.no_units_to_label", code=rma.code)
        labels = [_label(uow, rma, unit, settings, printed_at, actor.station) for unit in units]
    return rma.code, labels


def label_pdf(
    ctx: ServiceContext, actor: Actor, code: str, settings: LabelSettings | None = None
) -> LabelDocument:
    """The label PDF for an LPN (one page) or an RMA code (one page per unit)."""
    settings = settings or LabelSettings()
    size: LabelSize = check_choice("label size", settings.size, LABEL_FORMATS)
    rma_code, labels = label_data(ctx, actor, code, settings)
    pdf = render(lambda: render_labels(labels, size, dpi=settings.dpi))
    return LabelDocument(pdf, tuple(label.code for label in labels), rma_code)


def _label(
    uow: UnitOfWork,
    rma: Rma,
    unit: Unit,
    settings: LabelSettings,
    printed_at: str,
    station: str,
) -> LabelData:
    line = rma.line_of(unit)
    common: dict[str, Any] = {
        "code": unit.lpn,
        "sku": line.sku,
        "product_name": line.product_name,
        "printed_at": printed_at,
        "station": station,
    }
    decision = uow.decisions.current(unit.lpn)
    decided = unit.state in (UnitState.DECIDED, UnitState.AWAITING_APPROVAL)
    if decision is None or not decided:
        return LabelData(**common)
    inspection = uow.inspections.get(decision.inspection_id)
    final = decision.final
    tz = settings.tz
    hold_reason: str | None = None
    if decision.status == DecisionStatus.PENDING:
        hold_reason = AWAITING_APPROVAL
    elif final.disposition == Disposition.HOLD:
        hold_reason = _hold_reason(decision, inspection, tz)
    return LabelData(
        **common,
        grade=inspection.grade.value if inspection else None,
        headline=final.headline.value,
        disposition=final.disposition.value,
        bin_location=None if hold_reason else (settings.bins.get(final.disposition.value) or None),
        hold_reason=hold_reason,
    )


def _hold_reason(decision: Decision, inspection: Inspection | None, tz: tzinfo | None) -> str:
    """Why a unit is held, short enough for a label: what kind of hold, the finding, and
    when the dispute evidence is due. The policy's full sentences are on the report."""
    final = decision.final
    kind = "Dispute" if final.resolution == Resolution.DISPUTE else "Hold"
    parts = [kind]
    if inspection is not None:
        parts[0] += f": {ENGLISH.finding(inspection.finding.value).lower()}"
    if decision.dispute_due_at is not None:
        parts.append(f"evidence due {document_time(decision.dispute_due_at, tz)}")
    return " · ".join(parts)
