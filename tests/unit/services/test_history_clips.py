"""The clip facts the screens need (issue 18, SPEC §7.5, §8): the approval queue carries the
inspection's unboxing clips, and the unit history carries the inspections with their photos,
the decisions with their reasons, the clips (pruned or not) and each line's audited values."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade
from qc_station.domain.model import RmaLine
from qc_station.services import approval, videos
from qc_station.services.context import ServiceContext
from qc_station.services.history import UnitHistory, unit_history
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from qc_station.services.video_ports import ClipRecord
from tests.builders import INSPECTOR, SUPERVISOR, make_rma, seed
from tests.fakes import FakeClock, FakeStore

SHA = "ab" * 32


def _decided_with_a_clip(ctx: ServiceContext, clock: FakeClock, store: FakeStore) -> str:
    """A headset over the approval threshold, inspected with a photo and a clip: pending."""
    line = RmaLine(1, "SKU-CLIP", "Headset", "electronics", "Acme", Decimal("250.00"), 1)
    seed(store, make_rma("RMA-CLIP", lines=[line], created_at=clock.now()))
    clock.advance(minutes=1)
    checklist = {i.key: ChecklistAnswer.PASS for i in ctx.policy.checklist_for("electronics")}
    photo = PhotoInput(b"\xff\xd8\xff" + b"p", clock.now(), "front.jpg")
    view = submit_inspection(
        ctx,
        INSPECTOR,
        InspectionDraft("RMA-CLIP-1", Grade.A, Finding.NO_FAULT, checklist, photos=(photo,)),
    )
    with store.uow() as uow:
        inspection_id = uow.decisions.current("RMA-CLIP-1").inspection_id  # type: ignore[union-attr]
    start = clock.now() - timedelta(minutes=1)
    clip = ClipRecord(SHA, start, clock.now(), 60_000, 720, 1_234_567, "avc1")
    videos.attach_video(ctx, INSPECTOR, inspection_id, clip)
    assert view.lpn == "RMA-CLIP-1"
    return inspection_id


def test_the_approval_queue_carries_the_inspections_clip(
    ctx: ServiceContext, clock: FakeClock, store: FakeStore
) -> None:
    inspection_id = _decided_with_a_clip(ctx, clock, store)
    [item] = approval.approval_queue(ctx, SUPERVISOR)
    assert [(v.inspection_id, v.clip.sha256, v.pruned_at) for v in item.videos] == [
        (inspection_id, SHA, None)
    ]
    assert item.videos[0].clip.duration_ms == 60_000


def test_the_history_carries_photos_decisions_clips_and_audited_values(
    ctx: ServiceContext, clock: FakeClock, store: FakeStore
) -> None:
    inspection_id = _decided_with_a_clip(ctx, clock, store)
    story = unit_history(ctx, SUPERVISOR, "RMA-CLIP-1")
    assert isinstance(story, UnitHistory)
    [inspection] = story.inspections
    assert inspection.id == inspection_id and [p.original_name for p in inspection.photos] == [
        "front.jpg"
    ]
    [decision] = story.decisions
    assert [r.code for r in decision.approval_reasons] == ["approval_threshold"]
    assert [v.clip.sha256 for v in story.videos] == [SHA]
    attached = [line for line in story.lines if line.action == "attach_video"]
    assert attached[0].entity == "inspection" and attached[0].entity_id == inspection_id
    assert attached[0].new is not None and attached[0].new["sha256"] == SHA
    imported = story.lines[0]
    assert (imported.entity, imported.action) == ("rma", "import")
    assert imported.new is not None and imported.new["units"] == 1
