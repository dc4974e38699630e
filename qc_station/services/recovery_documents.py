"""What goes to the party with a closed batch or a filed claim: the packing list, the claim CSV,
the per-unit reports or evidence packs, and a batch's carton labels (with the carton count
they are checked against).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import cast

from printing.carton_labels import CartonLabelData, render_carton_labels
from printing.data import PageSize
from printing.packing_list import PackingLine, PackingListData, render_packing_list, totals_of
from qc_station.domain.errors import ValidationError
from qc_station.domain.fields import safe_file_name
from qc_station.domain.local_time import document_time
from qc_station.domain.recovery import RecoveryKind
from qc_station.formats.chargeback_csv import ClaimRow, claim_csv

from . import documents
from .context import Actor, ServiceContext
from .permissions import Action, require
from .recovery_views import get_case


def check_cartons(cartons: int, units: int) -> None:
    """A batch ships in at least one carton and at most one per unit (no empty cartons)."""
    if cartons < 1:
        raise ValidationError(
            "recovery.cartons",
            field="cartons",
            value=cartons,
            units=units,
        )
    if cartons > units:
        raise ValidationError(
            "recovery.cartons",
            field="cartons",
            value=cartons,
            units=units,
        )


@dataclass(frozen=True)
class CaseDocuments:
    """What goes to the party with a closed batch or a filed claim."""

    number: str
    packing_list: bytes
    """The packing list PDF (``printing/packing_list.py``)."""
    claim_csv: bytes
    """The chargeback / claim CSV (``formats/chargeback_csv.py``)."""
    attachments: tuple[tuple[str, bytes], ...]
    """(file name, content): each unit's inspection report PDF (vendor returns) or its §7.4
    evidence pack (carrier claims); the CSV's ``report_file`` names them."""
    carton_labels: bytes | None = None
    """A vendor-return batch's 4×6 in shipping labels, one page per carton
    (``printing/carton_labels.py``); None for a carrier claim, which ships nothing."""


def case_documents(
    ctx: ServiceContext,
    actor: Actor,
    number: str,
    *,
    page_size: str = "A4",
    tz: tzinfo | None = None,
    cartons: int | None = None,
) -> CaseDocuments:
    """The packing list, the claim CSV, the per-unit reports or evidence packs of a closed
    batch or filed claim, and a batch's carton labels (``cartons`` of them; by default as
    many as it was closed with). Nothing is written: making documents changes no state."""
    require(actor, Action.MANAGE_RECOVERY)
    view = get_case(ctx, actor, number)
    if view.number is None:
        raise ValidationError(
            "recovery.case_no_number",
            field="case_number",
            case=view.id,
            party=view.party,
        )
    carrier = view.kind == RecoveryKind.CARRIER_CLAIM
    labels = None
    if not carrier:
        count = cartons if cartons is not None else _closed_with_cartons(ctx, view.id)
        # Checked before the slow part (reports of every unit), so a bad count costs nothing.
        check_cartons(count, len(view.active_items))
        labels = render_carton_labels(
            CartonLabelData(
                number=view.number,
                party=view.party,
                # No supplier address is on record anywhere yet (the catalog has names only):
                # the label carries the name alone until one is.
                address="",
                cartons=count,
                units=len(view.active_items),
                station=actor.station,
                date=document_time(view.closed_at, tz),
            )
        )
    attachments: list[tuple[str, bytes]] = []
    rows: list[ClaimRow] = []
    lines: list[PackingLine] = []
    for item in view.active_items:
        if carrier:
            pack = documents.evidence_pack(ctx, actor, item.lpn, page_size=page_size, tz=tz)
            # The LPN is data (an imported RMA code): reduced to a safe file name (SPEC §6).
            name = f"evidence-{safe_file_name(item.lpn)}.zip"
            attachments.append((name, pack.content))
        else:
            report = documents.report_pdf(ctx, actor, item.lpn, page_size=page_size, tz=tz)
            name = f"inspection-report-{safe_file_name(item.lpn)}.pdf"
            attachments.append((name, report.pdf))
        rows.append(
            ClaimRow(
                view.number,
                item.lpn,
                item.rma_code,
                item.sku,
                item.finding,
                item.unit_price,
                item.currency,
                item.amount,
                item.tracking if carrier else "",
                name,
            )
        )
        lines.append(
            PackingLine(
                item.lpn,
                item.rma_code,
                item.sku,
                item.product_name,
                item.finding,
                item.unit_price,
                item.amount,
                item.currency,
                item.photo_hashes,
                item.tracking if carrier else "",
            )
        )
    data = PackingListData(
        number=view.number,
        title="Carrier claim" if carrier else "Vendor return",
        party_label="Carrier" if carrier else "Supplier",
        party=view.party,
        closed_at=document_time(view.closed_at, tz),
        closed_by=view.closed_by or "",
        station=actor.station,
        lines=tuple(lines),
        totals=totals_of(lines),
    )
    paper = cast(PageSize, page_size if page_size in documents.PAGE_SIZES else "A4")
    pdf = render_packing_list(data, paper)
    return CaseDocuments(view.number, pdf, claim_csv(rows), tuple(attachments), labels)


def _closed_with_cartons(ctx: ServiceContext, case_id: str) -> int:
    """The carton count the batch was closed with (its audited close event), else 1."""
    with ctx.uow(read_only=True) as uow:
        events = uow.audit.for_entity("recovery_case", case_id)
    for event in reversed(events):
        count = (event.new or {}).get("cartons") if event.action == "close_batch" else None
        if isinstance(count, int):
            return count
    return 1
