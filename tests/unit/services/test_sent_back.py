"""A unit sent back by a supervisor opens with what its last inspection entered (issue 16):
``services.sent_back`` on the fakes."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade
from qc_station.domain.model import RmaLine
from qc_station.services import approval
from qc_station.services.context import ServiceContext
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from qc_station.services.sent_back import sent_back
from tests.builders import INSPECTOR, SUPERVISOR, make_rma, seed
from tests.fakes import FakeStore

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
LPN = "RMA-BIG-1"
CHECKLIST = {
    "powers_on": ChecklistAnswer.PASS,
    "screen_intact": ChecklistAnswer.FAIL,
    "accessories_present": ChecklistAnswer.PASS,
    "serial_matches": ChecklistAnswer.PASS,
    "no_liquid_damage": ChecklistAnswer.PASS,
}


@pytest.fixture(autouse=True)
def big_rma(store: FakeStore) -> None:
    line = RmaLine(1, "SKU-1", "Headset", "electronics", "Acme", Decimal("250.00"), 1)
    seed(store, make_rma("RMA-BIG", lines=[line]))  # a full refund over the threshold


def _decide(ctx: ServiceContext) -> None:
    submit_inspection(
        ctx,
        INSPECTOR,
        InspectionDraft(
            lpn=LPN,
            grade=Grade.B,
            finding=Finding.DEFECT,
            checklist=CHECKLIST,
            serial="SN-42",
            notes="scratch on the left side",
            photos=tuple(PhotoInput(JPEG + bytes([n]), T0, f"p{n}.jpg") for n in range(2)),
        ),
    )


def test_a_rejected_unit_gives_its_last_inspection_and_photos(ctx: ServiceContext) -> None:
    _decide(ctx)
    assert sent_back(ctx, INSPECTOR, LPN) is None  # pending: nothing was sent back
    approval.reject(ctx, SUPERVISOR, LPN, "check the serial again")

    found = sent_back(ctx, INSPECTOR, f" {LPN} ")

    assert found is not None
    assert found.decision.approval_comment == "check the serial again"
    inspection = found.inspection
    assert (inspection.grade, inspection.finding) == (Grade.B, Finding.DEFECT)
    assert dict(inspection.checklist) == CHECKLIST
    assert (inspection.serial, inspection.notes) == ("SN-42", "scratch on the left side")
    assert [p.original_name for p in found.photos] == ["p0.jpg", "p1.jpg"]
    assert all(p.captured_at == T0 for p in found.photos)
    stored = [ctx.photos.get(p.sha256) for p in inspection.photos]
    assert [p.data for p in found.photos] == stored


def test_a_missing_photo_file_is_left_out(ctx: ServiceContext) -> None:
    _decide(ctx)
    approval.reject(ctx, SUPERVISOR, LPN, "retake the photos")
    found = sent_back(ctx, INSPECTOR, LPN)
    assert found is not None
    del ctx.photos.files[found.inspection.photos[0].sha256]  # type: ignore[attr-defined]

    again = sent_back(ctx, INSPECTOR, LPN)

    assert again is not None and [p.original_name for p in again.photos] == ["p1.jpg"]


def test_a_unit_never_decided_has_nothing_to_prefill(ctx: ServiceContext) -> None:
    assert sent_back(ctx, INSPECTOR, LPN) is None
