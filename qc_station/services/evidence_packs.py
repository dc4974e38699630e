"""The evidence pack of one unit (SPEC §7.4): its inspection report, photos and the facts of
the RMA and the decision, in one archive for a dispute or a carrier claim.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any, cast

from printing.data import PageSize
from printing.evidence import build_evidence_pack
from printing.report import render_report
from qc_station.domain.errors import ValidationError
from qc_station.domain.fields import safe_file_name
from qc_station.domain.model import Decision, Rma

from .context import Actor, ServiceContext
from .document_sources import PAGE_SIZES, Names, check_choice, find_rma, render
from .permissions import Action, authorized, require
from .report_documents import gather_report, inspection_for
from .returns import normalise_code
from .video_ports import InspectionVideo, VideoStore


@dataclass(frozen=True)
class EvidencePack:
    content: bytes
    lpn: str
    rma_code: str
    photo_count: int
    video_count: int = 0


def evidence_pack(
    ctx: ServiceContext,
    actor: Actor,
    lpn: str,
    *,
    page_size: str = "A4",
    tz: tzinfo | None = None,
    videos: VideoStore | None = None,
) -> EvidencePack:
    """The dispute evidence pack of one unit (SPEC §7.4): its report, the original photos,
    the unboxing video (from ``videos``, where given) and ``manifest.json``. A photo or clip
    missing from its store, or no longer matching its hash, is refused: evidence must be
    whole. A clip pruned after its retention is listed in the facts, without its file."""
    require(actor, Action.PRINT_DOCUMENTS)
    paper = cast(PageSize, check_choice("page size", page_size, PAGE_SIZES))
    lpn = normalise_code(lpn)
    with authorized(ctx, actor, Action.PRINT_DOCUMENTS, read_only=True) as uow:
        rma, found = find_rma(uow, lpn)
        if found is None:
            raise ValidationError(
                "evidence.rma_not_unit", code=lpn, lpns=[u.lpn for u in rma.units[:3]]
            )
        inspections = uow.inspections.for_unit(found)
        decision = uow.decisions.current(found)
        inspection = inspection_for(inspections, decision)
        if inspection is None:
            raise ValidationError(
                "evidence.not_inspected",
                lpn=found,
            )
        data = gather_report(ctx, uow, actor, rma, found, paper, tz)
        names = Names(uow)
        clips = uow.videos.for_inspection(inspection.id)
        decision_facts = _decision_facts(decision, names) if decision else {"status": "none"}
    photos = []
    photo_facts = []
    for n, photo in enumerate(inspection.photos, start=1):
        content = ctx.photos.get(photo.sha256)  # NotFound: the pack would be incomplete
        if hashlib.sha256(content).hexdigest() != photo.sha256:
            raise ValidationError(
                "evidence.photo_changed",
                sha256=photo.sha256,
            )
        name = f"{n:02d}-{photo.sha256[:12]}{_extension(content)}"
        photos.append((name, content))
        photo_facts.append(
            {
                "file": f"photos/{name}",
                "sha256": photo.sha256,
                "captured_at_utc": photo.captured_at,
                "station": photo.station,
                "original_name": photo.original_name,
            }
        )
    video_files, video_facts = _videos(clips, videos)
    pdf = render(lambda: render_report(data))
    unit = data.units[0]
    facts: dict[str, Any] = {
        "rma": _rma_facts(rma),
        "unit": {
            "lpn": unit.lpn,
            "sku": unit.sku,
            "product_name": unit.product_name,
            "category": unit.category,
            "supplier": unit.supplier,
            "unit_price": unit.unit_price,
            "currency": unit.currency,
        },
        "inspection": {
            "id": inspection.id,
            "inspector": inspection.inspector,
            "station": inspection.station,
            "started_at_utc": inspection.started_at,
            "ended_at_utc": inspection.ended_at,
            "grade": inspection.grade,
            "finding": inspection.finding,
            "serial": inspection.serial,
            "checklist": {k: v.value for k, v in sorted(inspection.checklist.items())},
            "notes": inspection.notes,
        },
        "photos": photo_facts,
        "videos": video_facts,
        "audit_head": data.audit_head,
    }
    now = ctx.clock.now().astimezone(tz)
    content = render(
        lambda: build_evidence_pack(
            pdf,
            photos,
            facts,
            decision_facts,
            timestamp=(now.year, now.month, now.day, now.hour, now.minute, now.second),
            report_name=f"inspection-report-{safe_file_name(found)}.pdf",
            videos=video_files,
        )
    )
    return EvidencePack(content, found, rma.code, len(photos), len(video_files))


def _videos(
    clips: list[InspectionVideo], store: VideoStore | None
) -> tuple[list[tuple[str, bytes]], list[dict[str, Any]]]:
    files: list[tuple[str, bytes]] = []
    facts: list[dict[str, Any]] = []
    for n, video in enumerate(clips, start=1):
        clip = video.clip
        name = f"{n:02d}-{clip.sha256[:12]}.mp4"
        packed = video.pruned_at is None and store is not None
        if packed:
            assert store is not None
            content = store.get(clip.sha256)  # NotFound: the pack would be incomplete
            if hashlib.sha256(content).hexdigest() != clip.sha256:
                raise ValidationError(
                    "evidence.video_changed",
                    sha256=clip.sha256,
                )
            files.append((name, content))
        facts.append(
            {
                "file": f"video/{name}" if packed else None,
                "sha256": clip.sha256,
                "started_at_utc": clip.started_at,
                "ended_at_utc": clip.ended_at,
                "duration_ms": clip.duration_ms,
                "frames": clip.frames,
                "size_bytes": clip.size_bytes,
                "codec": clip.codec,
                "pruned_at_utc": video.pruned_at,
            }
        )
    return files, facts


def _rma_facts(rma: Rma) -> dict[str, Any]:
    return {
        "code": rma.code,
        "order_id": rma.order_id,
        "customer": rma.customer,
        "market": rma.market,
        "currency": rma.currency,
        "order_date": rma.order_date,
        "delivery_date": rma.delivery_date,
        "request_date": rma.request_date,
        "requested_resolution": rma.requested_resolution,
        "stated_reason": rma.stated_reason,
        "carrier": rma.carrier,
        "tracking": rma.tracking,
        "source": rma.source,
    }


def _decision_facts(decision: Decision, names: Names) -> dict[str, Any]:
    final = decision.final
    return {
        "id": decision.id,
        "status": decision.status,
        "headline": final.headline,
        "resolution": final.resolution,
        "disposition": final.disposition,
        "deduction_pct": final.deduction_pct,
        "refund_amount": final.refund_amount,
        "currency": decision.currency,
        "recovery": final.recovery,
        "recovery_amount": final.recovery_amount,
        "proposed_headline": decision.proposed.headline,
        "overridden": decision.overridden,
        "override_reason": decision.override_reason,
        "reasons": [r.text for r in decision.reasons],
        "approval_reasons": [r.text for r in decision.approval_reasons],
        "decided_by": names.full(decision.decided_by),
        "decided_at_utc": decision.decided_at,
        "station": decision.station,
        "approved_by": names.full(decision.approved_by) if decision.approved_by else None,
        "approved_at_utc": decision.approved_at,
        "approval_comment": decision.approval_comment,
        "dispute_due_at_utc": decision.dispute_due_at,
        "refund_due_at_utc": decision.refund_due_at,
        "policy_hash": decision.policy_hash,
    }


def _extension(content: bytes) -> str:
    if content.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    return ".bin"
