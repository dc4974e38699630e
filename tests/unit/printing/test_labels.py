"""Labels (SPEC §9): the barcode decodes after rasterising at a thermal printer's resolution,
the text a picker needs is there, and nothing touches the label's edge."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from printing.barcodes import BarcodeTooWide
from printing.data import LabelData
from printing.labels import NOT_INSPECTED, render_label, render_labels
from tests.unit.printing.pdftools import decode, pdf_fonts, pdf_info, pdf_text, rasterise

LPN = "RMA-2026-000123-12"
LONG_LPN = "RMA-2026-0001234567-123"
RMA = "RMA-2026-000123"
PRODUCT = "无线蓝牙耳机 Wireless Headphones"


def decided(code: str = LPN, **changes: object) -> LabelData:
    values: dict[str, object] = {
        "code": code,
        "sku": "WH-1000XM5-BLK",
        "product_name": PRODUCT,
        "grade": "B",
        "headline": "RESTOCK",
        "disposition": "RESTOCK",
        "bin_location": "A-12-03",
        "printed_at": "2026-03-14 10:42",
        "station": "QC-03",
    }
    values.update(changes)
    return LabelData(**values)  # type: ignore[arg-type]


def received(code: str = RMA) -> LabelData:
    return LabelData(code=code, sku="WH-1000XM5-BLK", product_name=PRODUCT, station="QC-03")


# (label size, the printer dpi the label is made for, the dpi it is rasterised at). A 2×1 label
# made for 203 dpi has one-dot modules, which a 300 dpi raster cannot reproduce; a 300 dpi
# printer gets a label laid on its own grid.
PRINTERS = [
    ("4x6", 203, 203),
    ("4x6", 203, 300),
    ("2x1", 203, 203),
    ("2x1", 300, 300),
]


@pytest.mark.parametrize(("size", "made_for", "raster"), PRINTERS)
@pytest.mark.parametrize("code", [LPN, LONG_LPN, RMA, "RMA-2026-000123-1"])
def test_barcode_decodes_after_rasterising(
    tmp_path: Path, size: str, made_for: int, raster: int, code: str
) -> None:
    pdf = render_label(decided(code), size, dpi=made_for)  # type: ignore[arg-type]
    [page] = rasterise(pdf, tmp_path, raster)
    assert decode(page) == [code]


@pytest.mark.parametrize(("size", "made_for", "raster"), PRINTERS)
def test_not_inspected_label_decodes_and_says_so(
    tmp_path: Path, size: str, made_for: int, raster: int
) -> None:
    pdf = render_label(received(), size, dpi=made_for)  # type: ignore[arg-type]
    [page] = rasterise(pdf, tmp_path, raster)
    assert decode(page) == [RMA]
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert NOT_INSPECTED in text
    assert "GRADE" not in text
    assert "RESTOCK" not in text


def test_4x6_label_carries_what_the_picker_needs(tmp_path: Path) -> None:
    text = pdf_text(render_label(decided(), "4x6"), tmp_path)
    for expected in ("RESTOCK", "GRADE", "B", LPN, "WH-1000XM5-BLK", "无线蓝牙耳机", "A-12-03"):
        assert expected in text
    assert "2026-03-14 10:42" in text
    assert "QC-03" in text
    assert "NOT INSPECTED" not in text


def test_4x6_hold_label_shows_the_hold_reason(tmp_path: Path) -> None:
    label = decided(
        headline="DISPUTE", disposition="HOLD", grade="D", hold_reason="Customer damage dispute"
    )
    text = " ".join(pdf_text(render_label(label, "4x6"), tmp_path).split())
    assert "DISPUTE" in text
    assert "HOLD" in text
    assert "Customer damage dispute" in text


def test_2x1_label_has_grade_headline_and_abbreviated_disposition(tmp_path: Path) -> None:
    label = decided(headline="REFUND", disposition="RETURN_TO_VENDOR", grade="C")
    text = pdf_text(render_label(label, "2x1"), tmp_path)
    assert LPN in text
    assert "REFUND" in text
    assert "C" in text.split()
    assert "RETURN TO VENDOR" in text or "RTV" in text


@pytest.mark.parametrize("size", ["4x6", "2x1"])
def test_page_size(tmp_path: Path, size: str) -> None:
    info = pdf_info(render_label(decided(), size), tmp_path)  # type: ignore[arg-type]
    expected = {"4x6": "288 x 432 pts", "2x1": "144 x 72 pts"}[size]
    assert info["Page size"] == expected
    assert info["Pages"] == "1"


@pytest.mark.parametrize("size", ["4x6", "2x1"])
@pytest.mark.parametrize("label", [decided(), decided(LONG_LPN), received()])
def test_nothing_touches_the_edge(tmp_path: Path, size: str, label: LabelData) -> None:
    # Label stock drifts in the printer; ink on the outermost dots would be cut off.
    [page] = rasterise(render_label(label, size), tmp_path, 203)  # type: ignore[arg-type]
    border = np.concatenate(
        [page[:2].ravel(), page[-2:].ravel(), page[:, :2].ravel(), page[:, -2:].ravel()]
    )
    assert border.min() > 200


def test_long_product_name_is_truncated_not_clipped(tmp_path: Path) -> None:
    label = decided(product_name="超长的产品名称" * 20 + " with a very long English tail " * 5)
    pdf = render_label(label, "4x6")
    text = pdf_text(pdf, tmp_path)
    assert "…" in text
    [page] = rasterise(pdf, tmp_path, 100)
    assert page[:, :2].min() > 200
    assert page[:, -2:].min() > 200


def test_labels_one_page_per_unit_in_order(tmp_path: Path) -> None:
    codes = [f"{RMA}-{n}" for n in range(1, 4)]
    pdf = render_labels([decided(code) for code in codes], "2x1")
    pages = rasterise(pdf, tmp_path, 203)
    assert [decode(page) for page in pages] == [[code] for code in codes]


def test_same_label_same_bytes() -> None:
    assert render_label(decided(), "4x6") == render_label(decided(), "4x6")


def test_every_font_is_embedded(tmp_path: Path) -> None:
    fonts = pdf_fonts(render_label(decided(), "4x6"), tmp_path)
    assert fonts
    assert all(embedded for _, embedded in fonts), fonts


def test_code_too_long_for_2x1_is_refused() -> None:
    with pytest.raises(BarcodeTooWide):
        render_label(decided("X" * 40), "2x1")


def test_unknown_size_and_empty_list_are_refused() -> None:
    with pytest.raises(ValueError, match="size"):
        render_label(decided(), "3x5")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no labels"):
        render_labels([], "4x6")


def test_4x6_label_keeps_the_whole_date_and_says_restock_once(tmp_path: Path) -> None:
    label = decided(printed_at="2026-12-05 06:16 UTC+08:00", station="ST-SHOT-LONGNAME")
    text = pdf_text(render_label(label, "4x6"), tmp_path)
    assert "2026-12-05 06:16 UTC+08:00" in text  # the time zone too, never "06:16…"
    assert text.count("RESTOCK") == 1  # the banner; the disposition is not repeated
    other = pdf_text(render_label(decided(disposition="REFURBISH"), "4x6"), tmp_path)
    assert "DISPOSITION" in other and "REFURBISH" in other
