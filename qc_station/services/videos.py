"""The unboxing video of an inspection (SPEC §7.5): attaching a finished clip (or the fact that
there is none) to the inspection, audited; and pruning clips past ``video_retention_days``.

A clip finishes on the recorder's thread after the decision is saved (the next scan must not
wait for it), so attaching is its own small unit of work, keyed by the inspection's id. The
event is on the ``inspection`` record, whose digest covers its videos: an edited row fails
``audit verify``; an edited file fails the evidence pack's manifest and the store's check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from qc_station.domain.errors import NotFound
from qc_station.domain.fields import check_text
from qc_station.domain.model import DecisionStatus
from qc_station.domain.recovery import FINAL_STATES, RecoveryState

from . import audit
from .context import Actor, ServiceContext
from .permissions import Action, authorized
from .ports import UnitOfWork
from .video_ports import ClipRecord, InspectionVideo, VideoStore

#: What an inspection without a clip records about why (a few words from the recorder).
MAX_FAILURE_TEXT = 500


def attach_video(
    ctx: ServiceContext,
    actor: Actor,
    inspection_id: str,
    clip: ClipRecord | None,
    failure: str = "",
) -> None:
    """Record ``clip`` on the inspection, audited with its SHA-256, start, end, duration and
    frame count; or, with ``clip=None``, record "no video" and why (``failure``). Attaching
    the same clip twice (a retry) records it once."""
    with authorized(ctx, actor, Action.DECIDE) as uow:
        inspection = uow.inspections.get(inspection_id)
        if inspection is None:
            raise NotFound("inspection.unknown", inspection_id=inspection_id)
        if clip is None:
            reason = check_text((failure or "no camera")[:MAX_FAILURE_TEXT], "video failure")
            audit.record(
                uow, ctx, actor, "inspection", inspection_id, "no_video", None,
                {"lpn": inspection.lpn, "reason": reason},
            )  # fmt: skip
            uow.commit()
            return
        if any(v.clip.sha256 == clip.sha256 for v in uow.videos.for_inspection(inspection_id)):
            return
        uow.videos.add(InspectionVideo(inspection_id, inspection.lpn, clip))
        audit.record(
            uow, ctx, actor, "inspection", inspection_id, "attach_video", None,
            {"lpn": inspection.lpn, **clip.audit_values()},
        )  # fmt: skip
        uow.commit()


def videos_of(ctx: ServiceContext, actor: Actor, inspection_id: str) -> list[InspectionVideo]:
    with authorized(ctx, actor, Action.INSPECT, read_only=True) as uow:
        return uow.videos.for_inspection(inspection_id)


@dataclass(frozen=True)
class PruneReport:
    """``pruned``: the clips deleted (or that would be, with ``dry_run``); ``kept``: clips past
    retention that stay, each with why."""

    dry_run: bool
    retention_days: int
    pruned: list[InspectionVideo] = field(default_factory=list)
    kept: list[tuple[InspectionVideo, str]] = field(default_factory=list)
    freed_bytes: int = 0


def prune_videos(
    ctx: ServiceContext, actor: Actor, store: VideoStore, *, dry_run: bool = False
) -> PruneReport:
    """Delete the clips that ended more than ``video_retention_days`` ago whose unit's current
    decision is final and exported and has no open dispute or recovery claim (SPEC §7.5).
    Each deletion is audited on its inspection; the rows stay, marked pruned. The rows are
    committed first, then the files deleted: a crash in between leaves a file too many,
    never a deleted clip the audit log does not know about."""
    days = ctx.policy.video_retention_days
    now = ctx.clock.now()
    cutoff = now - timedelta(days=days)
    report = PruneReport(dry_run, days)
    with authorized(ctx, actor, Action.MANAGE_DATABASE) as uow:
        candidates = uow.videos.ended_before(cutoff)
        open_states = [s for s in RecoveryState if s not in FINAL_STATES]
        claimed = {
            item.lpn
            for case in uow.recovery.cases(states=open_states, limit=100_000)
            for item in case.active_items()
        }
        for video in candidates:
            why = _keep_reason(uow, video.lpn, claimed)
            if why:
                report.kept.append((video, why))
                continue
            report.pruned.append(video)
            if not dry_run:
                uow.videos.mark_pruned(video.inspection_id, video.clip.sha256, now)
                audit.record(
                    uow, ctx, actor, "inspection", video.inspection_id, "prune_video", None,
                    {"lpn": video.lpn, "sha256": video.clip.sha256, "retention_days": days},
                )  # fmt: skip
        if not dry_run and report.pruned:
            uow.commit()
    freed = 0
    for video in report.pruned:
        freed += video.clip.size_bytes
        if not dry_run:
            store.delete(video.clip.sha256)
    return PruneReport(dry_run, days, report.pruned, report.kept, freed)


def _keep_reason(uow: UnitOfWork, lpn: str, claimed: set[str]) -> str:
    decision = uow.decisions.current(lpn)
    if decision is None or decision.status != DecisionStatus.FINAL:
        return "its decision is not final"
    if decision.export_batch is None:
        return "its decision is not exported"
    if any(not d.closed for d in uow.disputes.for_unit(lpn)):
        return "its unit has an open dispute"
    if lpn in claimed:
        return "its unit is in an open recovery claim"
    return ""
