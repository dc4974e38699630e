"""Labels, reports and evidence packs gathered from the unit of work (on the fakes): what each
document says follows the unit's state, and nothing is invented or lost on the way."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import pytest

from printing.evidence import MANIFEST_NAME, verify_evidence_pack
from printing.labels import NOT_INSPECTED
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade
from qc_station.domain.errors import NotFound, ValidationError
from qc_station.domain.model import RmaLine
from qc_station.services import approval
from qc_station.services.context import ServiceContext
from qc_station.services.documents import (
    AWAITING_APPROVAL,
    LabelSettings,
    evidence_pack,
    label_data,
    label_pdf,
    report_data,
    report_pdf,
)
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from tests.builders import INSPECTOR, SUPERVISOR, make_rma, seed
from tests.fakes import FakeStore
from tests.unit.printing.pdftools import decode, pdf_text, rasterise

RMA = "RMA-2026-000123"
LPN = f"{RMA}-1"
ALL_PASS = {
    key: ChecklistAnswer.PASS
    for key in ("powers_on", "screen_intact", "accessories_present", "serial_matches")
} | {"no_liquid_damage": ChecklistAnswer.FAIL}
SETTINGS = LabelSettings(bins={"RESTOCK": "A-12-03", "REFURBISH": "R-01"}, tz=UTC)


def jpeg(n: int) -> bytes:
    image = np.full((120, 160, 3), (20 * n % 255, 90, 160), np.uint8)
    ok, encoded = cv2.imencode(".jpg", image)
    assert ok
    return bytes(encoded.tobytes())


def photo(n: int) -> PhotoInput:
    return PhotoInput(jpeg(n), datetime(2026, 11, 2, 9, 5, n, tzinfo=UTC), f"cam-{n}.jpg")


def decide(
    ctx: ServiceContext, grade: Grade, finding: Finding, photos: int = 0, lpn: str = LPN
) -> None:
    submit_inspection(
        ctx,
        INSPECTOR,
        InspectionDraft(
            lpn=lpn,
            grade=grade,
            finding=finding,
            checklist=ALL_PASS,
            serial="SN-77",
            notes="Scuffed corner",
            photos=tuple(photo(i) for i in range(photos)),
        ),
    )


@pytest.fixture(autouse=True)
def two_units(store: FakeStore) -> None:
    line = RmaLine(
        1, "SKU-HEADSET", "无线蓝牙耳机 Wireless headset", "electronics", "Acme", None, 2
    )
    line.unit_price = Decimal("99.00")
    seed(store, make_rma(RMA, lines=[line], customer="Zoë Müller-Łukasiewicz"))


class TestLabels:
    def test_an_uninspected_unit_says_so(self, ctx: ServiceContext) -> None:
        rma, [label] = label_data(ctx, INSPECTOR, LPN, SETTINGS)
        assert rma == RMA
        assert label.code == LPN and not label.decided
        assert label.sku == "SKU-HEADSET" and label.station == "ST-01"
        assert label.printed_at == "2026-11-02 09:00 UTC"

    def test_an_rma_code_gives_one_label_per_unit_in_order(self, ctx: ServiceContext) -> None:
        _, labels = label_data(ctx, INSPECTOR, RMA.lower(), SETTINGS)
        assert [label.code for label in labels] == [f"{RMA}-1", f"{RMA}-2"]

    def test_a_final_decision_prints_grade_headline_and_bin(self, ctx: ServiceContext) -> None:
        decide(ctx, Grade.A, Finding.NO_FAULT)
        _, [label] = label_data(ctx, INSPECTOR, LPN, SETTINGS)
        assert (label.grade, label.headline, label.disposition) == ("A", "RESTOCK", "RESTOCK")
        assert label.bin_location == "A-12-03" and label.hold_reason is None

    def test_a_pending_decision_is_held_for_approval(self, ctx: ServiceContext) -> None:
        decide(ctx, Grade.B, Finding.NO_FAULT)  # partial refund: needs approval
        _, [label] = label_data(ctx, INSPECTOR, LPN, SETTINGS)
        assert label.decided and label.grade == "B"
        assert label.hold_reason == AWAITING_APPROVAL and label.bin_location is None

    def test_an_approved_dispute_shows_why_it_is_held(self, ctx: ServiceContext) -> None:
        decide(ctx, Grade.D, Finding.CUSTOMER_DAMAGE, photos=2)
        approval.approve(ctx, SUPERVISOR, LPN, "ok")
        _, [label] = label_data(ctx, INSPECTOR, LPN, SETTINGS)
        assert (label.headline, label.disposition) == ("DISPUTE", "HOLD")
        assert label.hold_reason == "Dispute: customer damage · evidence due 2026-11-04 09:00 UTC"

    def test_unknown_code_is_refused_clearly(self, ctx: ServiceContext) -> None:
        with pytest.raises(NotFound, match="Unknown code NOPE-1: no RMA or unit has it"):
            label_pdf(ctx, INSPECTOR, "NOPE-1")

    def test_bad_size_is_refused(self, ctx: ServiceContext) -> None:
        with pytest.raises(ValidationError, match="label size"):
            label_pdf(ctx, INSPECTOR, LPN, LabelSettings(size="3x5"))

    @pytest.mark.parametrize(("size", "dpi"), [("4x6", 203), ("2x1", 203), ("2x1", 300)])
    def test_the_pdf_decodes_to_the_lpns(
        self, ctx: ServiceContext, tmp_path: Path, size: str, dpi: int
    ) -> None:
        decide(ctx, Grade.A, Finding.NO_FAULT)
        document = label_pdf(ctx, INSPECTOR, RMA, LabelSettings(size=size, dpi=dpi))
        pages = rasterise(document.pdf, tmp_path, dpi)
        assert [decode(page) for page in pages] == [[f"{RMA}-1"], [f"{RMA}-2"]]
        text = pdf_text(document.pdf, tmp_path)
        assert "RESTOCK" in text
        assert NOT_INSPECTED.split(" — ")[1] in " ".join(text.split())  # the second unit


class TestReport:
    def test_facts_inspection_decision_and_signatures(self, ctx: ServiceContext) -> None:
        decide(ctx, Grade.D, Finding.CUSTOMER_DAMAGE, photos=2)
        approval.approve(ctx, SUPERVISOR, LPN, "photos are clear")
        data = report_data(ctx, SUPERVISOR, RMA, tz=UTC)
        assert data.rma.customer == "Zoë Müller-Łukasiewicz"
        first, second = data.units
        assert first.grade == "D" and first.finding == "CUSTOMER_DAMAGE"
        assert first.serial == "SN-77" and first.notes == "Scuffed corner"
        assert [p.sha256 for p in first.photos] == [
            hashlib.sha256(jpeg(i)).hexdigest() for i in range(2)
        ]
        assert all(p.content for p in first.photos)
        assert first.photos[0].captured_at == "2026-11-02 09:05 UTC"
        questions = {line.question: line.answer for line in first.checklist}
        assert questions["Powers on"] == "pass" and questions["No liquid damage"] == "fail"
        assert first.decision is not None and first.decision.headline == "DISPUTE"
        assert any("Needs approval" in r for r in first.decision.reasons)
        meanings = [s.meaning for s in first.approvals]
        assert meanings == ["Decided as inspector", "Approved as supervisor (four eyes)"]
        assert first.approvals[1].comment == "photos are clear"
        assert second.decision is None and second.grade is None  # not inspected yet
        actions = " ".join(data.audit_excerpt)
        assert "decide" in actions and "approve" in actions and "import" not in actions
        head_seq = int(data.audit_head.split(":")[0])
        assert data.audit_excerpt[-1].startswith(f"#{head_seq} ")

    def test_an_lpn_reports_only_that_unit(self, ctx: ServiceContext) -> None:
        data = report_data(ctx, INSPECTOR, f"{RMA}-2")
        assert [u.lpn for u in data.units] == [f"{RMA}-2"]

    def test_a_photo_missing_from_the_store_does_not_stop_the_report(
        self, ctx: ServiceContext, tmp_path: Path
    ) -> None:
        decide(ctx, Grade.C, Finding.DEFECT, photos=2)
        ctx.photos.files.clear()  # type: ignore[attr-defined]
        document = report_pdf(ctx, INSPECTOR, RMA)
        text = " ".join(pdf_text(document.pdf, tmp_path).split())
        assert text.count("Photo could not be read") == 2
        assert "无线蓝牙耳机" in text and "Zoë Müller-Łukasiewicz" in text

    def test_bad_page_size_is_refused(self, ctx: ServiceContext) -> None:
        with pytest.raises(ValidationError, match="page size"):
            report_pdf(ctx, INSPECTOR, RMA, page_size="A5")


class TestEvidence:
    def test_the_pack_verifies_and_holds_the_original_photos(self, ctx: ServiceContext) -> None:
        decide(ctx, Grade.D, Finding.CUSTOMER_DAMAGE, photos=2)
        pack = evidence_pack(ctx, SUPERVISOR, LPN)
        assert verify_evidence_pack(pack.content) == []
        with zipfile.ZipFile(io.BytesIO(pack.content)) as archive:
            manifest = json.loads(archive.read(MANIFEST_NAME))
            names = archive.namelist()
            for entry in manifest["facts"]["photos"]:
                content = archive.read(entry["file"])
                assert hashlib.sha256(content).hexdigest() == entry["sha256"]
            assert archive.read(f"inspection-report-{LPN}.pdf").startswith(b"%PDF")
        assert len([n for n in names if n.startswith("photos/")]) == 2
        assert manifest["facts"]["rma"]["customer"] == "Zoë Müller-Łukasiewicz"
        assert manifest["decision"]["headline"] == "DISPUTE"
        assert manifest["decision"]["refund_amount"] == "0.00"

    def test_an_rma_code_or_an_uninspected_unit_is_refused(self, ctx: ServiceContext) -> None:
        with pytest.raises(ValidationError, match="per unit"):
            evidence_pack(ctx, SUPERVISOR, RMA)
        with pytest.raises(ValidationError, match="not been inspected"):
            evidence_pack(ctx, SUPERVISOR, LPN)

    def test_a_missing_original_is_refused_rather_than_packed_incomplete(
        self, ctx: ServiceContext
    ) -> None:
        decide(ctx, Grade.C, Finding.DEFECT, photos=2)
        ctx.photos.files.clear()  # type: ignore[attr-defined]
        with pytest.raises(NotFound, match="photo"):
            evidence_pack(ctx, SUPERVISOR, LPN)
