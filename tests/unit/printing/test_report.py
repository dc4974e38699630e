"""The inspection report (SPEC §9): text in any script, photos with their hashes, page
numbers, the RMA barcode, and no crash on a photo that cannot be read."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import pytest

from printing.data import (
    ChecklistLine,
    DecisionData,
    PhotoData,
    ReportData,
    RmaFacts,
    Signature,
    UnitReport,
)
from printing.report import PHOTO_MAX_PX, UNREADABLE_PHOTO, prepare_photo, render_report
from tests.unit.printing.pdftools import decode, pdf_fonts, pdf_info, pdf_text, rasterise

PRODUCT = "无线蓝牙耳机"
CUSTOMER = "Zoë Müller-Łukasiewicz"
INSPECTOR = "François Dupré"
HEAD = "105:" + "3f" * 32


def jpeg(seed: int, width: int = 320, height: int = 240) -> bytes:
    image = np.full((height, width, 3), (30 * seed % 255, 120, 200), np.uint8)
    cv2.rectangle(image, (20, 20), (width - 20, height - 20), (255, 255, 255), 4)
    ok, encoded = cv2.imencode(".jpg", image)
    assert ok
    return bytes(encoded.tobytes())


def photo(content: bytes, n: int) -> PhotoData:
    return PhotoData(
        content=content,
        captured_at=f"2026-03-14 10:{n:02d}",
        sha256=hashlib.sha256(content).hexdigest(),
        station="QC-03",
    )


def report(photos: tuple[PhotoData, ...] = (), page_size: str = "A4") -> ReportData:
    unit = UnitReport(
        lpn="RMA-2026-000123-1",
        sku="WH-1000XM5-BLK",
        product_name=f"{PRODUCT} Wireless Headphones",
        category="electronics",
        supplier="深圳市音频科技有限公司",
        unit_price=Decimal("349.9"),
        currency="EUR",
        inspector=INSPECTOR,
        station="QC-03",
        inspected_at="2026-03-14 10:38",
        checklist=(
            ChecklistLine("Powers on", "pass", True),
            ChecklistLine("All accessories present", "fail", True),
            ChecklistLine("Factory reset done", "na", False),
        ),
        grade="C",
        finding="CUSTOMER_DAMAGE",
        serial="SN-4471-AB",
        notes="Left ear cup cracked.",
        photos=photos,
        decision=DecisionData(
            headline="REFUND",
            resolution="PARTIAL_REFUND",
            disposition="REFURBISH",
            deduction_pct=30,
            refund_amount=Decimal("244.93"),
            currency="EUR",
            reasons=("Customer damage with grade C: deduction 30 %.",),
            override_reason="Repeat buyer; agreed with the supervisor.",
            decided_by=INSPECTOR,
            decided_at="2026-03-14 10:45",
        ),
        approvals=(
            Signature(INSPECTOR, "2026-03-14 10:45", "Decided as inspector"),
            Signature("王小明", "2026-03-14 11:02", "Approved as supervisor"),
        ),
    )
    return ReportData(
        rma=RmaFacts(
            code="RMA-2026-000123",
            order_id="ORD-88412",
            customer=CUSTOMER,
            market="DE",
            currency="EUR",
            order_date="2026-02-01",
            request_date="2026-02-20",
            requested_resolution="REFUND",
            stated_reason="Kopfhörer knistern",
            carrier="DHL",
            tracking="JD0146000062812",
        ),
        units=(unit,),
        audit_excerpt=("#104 2026-03-14T10:45:00Z QC-03 decided RMA-2026-000123-1",),
        audit_head=HEAD,
        generated_at="2026-03-14 11:05",
        page_size=page_size,  # type: ignore[arg-type]
    )


def squash(text: str) -> str:
    return " ".join(text.split())


def test_names_in_any_script_come_out_as_text(tmp_path: Path) -> None:
    text = squash(pdf_text(render_report(report()), tmp_path))
    for expected in (PRODUCT, CUSTOMER, INSPECTOR, "王小明", "深圳市音频科技有限公司"):
        assert expected in text
    assert "Kopfhörer knistern" in text


def test_facts_decision_and_approvals_are_on_the_report(tmp_path: Path) -> None:
    text = squash(pdf_text(render_report(report()), tmp_path))
    for expected in (
        "ORD-88412",
        "Partial refund",
        "Refurbish",
        "244.93 EUR",
        "349.90 EUR",  # rounded to the currency's minor unit
        "30 %",
        "Customer damage with grade C: deduction 30 %.",
        "Repeat buyer; agreed with the supervisor.",
        "Approved as supervisor",
        "Decided as inspector",
        "Customer damage",
        "SN-4471-AB",
        "All accessories present",
        "FAIL",
        "Delivery date unknown",
    ):
        assert expected in text, expected
    for code in ("PARTIAL_REFUND", "REFURBISH", "CUSTOMER_DAMAGE"):
        assert code not in text, code
    # "REFUND" is the headline's own (upper-case) word, in its banner; the customer's
    # requested resolution is worded.
    assert text.count("REFUND") == 1
    assert "Requested resolution Refund" in text
    assert HEAD in text


@pytest.mark.parametrize("count", [0, 1, 12])
def test_photos_with_capture_time_and_hash_and_page_numbers(tmp_path: Path, count: int) -> None:
    photos = tuple(photo(jpeg(n), n) for n in range(count))
    pdf = render_report(report(photos))
    pages = int(pdf_info(pdf, tmp_path)["Pages"])
    if count == 12:
        assert pages >= 3  # two photos a row, a few rows a page
    text = squash(pdf_text(pdf, tmp_path))
    assert f"Photos ({count})" in text
    for p in photos:
        assert p.sha256 in text
        assert f"captured {p.captured_at}" in text
    for page in range(1, pages + 1):
        page_text = pdf_text(pdf, tmp_path, page=page)
        assert re.findall(r"Page \d+ of \d+", page_text) == [f"Page {page} of {pages}"]
        assert HEAD in page_text  # the audit head is on every page


def test_rma_barcode_decodes_from_page_one(tmp_path: Path) -> None:
    [first] = rasterise(render_report(report()), tmp_path, 150, page=1)
    assert decode(first) == ["RMA-2026-000123"]


def test_corrupt_photo_does_not_stop_the_report(tmp_path: Path) -> None:
    broken = b"\xff\xd8\xff\xe0 not really a jpeg"
    photos = (photo(jpeg(1), 1), photo(broken, 2), photo(b"", 3))
    text = squash(pdf_text(render_report(report(photos)), tmp_path))
    assert text.count(UNREADABLE_PHOTO) == 2
    assert hashlib.sha256(broken).hexdigest() in text


@pytest.mark.parametrize(
    ("size", "mediabox"),
    [("A4", "595.276 x 841.89 pts (A4)"), ("Letter", "612 x 792 pts (letter)")],
)
def test_page_size(tmp_path: Path, size: str, mediabox: str) -> None:
    info = pdf_info(render_report(report(page_size=size)), tmp_path)
    assert info["Page size"] == mediabox


def test_unknown_page_size_is_refused() -> None:
    with pytest.raises(ValueError, match="page size"):
        render_report(report(page_size="A5"))


def test_every_font_is_embedded(tmp_path: Path) -> None:
    fonts = pdf_fonts(render_report(report((photo(jpeg(1), 1),))), tmp_path)
    assert fonts
    assert all(embedded for _, embedded in fonts), fonts


def test_same_data_same_bytes() -> None:
    data = report((photo(jpeg(1), 1),))
    assert render_report(data) == render_report(data)


def test_report_with_no_units_and_markup_characters(tmp_path: Path) -> None:
    data = ReportData(rma=RmaFacts(code="RMA-1", customer="A & B <Ltd>"))
    text = squash(pdf_text(render_report(data), tmp_path))
    assert "A & B <Ltd>" in text
    assert "No units" in text


def test_photos_are_downscaled_and_reencoded() -> None:
    prepared = prepare_photo(jpeg(1, 3000, 2000))
    assert prepared is not None
    content, width, height = prepared
    assert (width, height) == (PHOTO_MAX_PX, round(PHOTO_MAX_PX * 2 / 3))
    decoded = cv2.imdecode(np.frombuffer(content, np.uint8), cv2.IMREAD_COLOR)
    assert decoded is not None
    assert decoded.shape[:2] == (round(PHOTO_MAX_PX * 2 / 3), PHOTO_MAX_PX)
    # A small photo keeps its size.
    small = prepare_photo(jpeg(1, 320, 240))
    assert small is not None
    assert small[1:] == (320, 240)
    assert prepare_photo(b"junk") is None
