"""The carton labels of a vendor-return batch (printing/carton_labels.py): one 4×6 in page per
carton, each saying "Carton k of N" and carrying the batch number as a Code128 that decodes when
rasterised at the thermal printer's 203 dpi; impossible carton counts are refused."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from printing.barcodes import THERMAL_DPI
from printing.carton_labels import CartonLabelData, check_cartons, render_carton_labels

from .pdftools import decode, pdf_info, pdf_text, rasterise

DATA = CartonLabelData(
    number="VR-20261123-004",
    party="深圳音频 Shenzhen Audio Co.",
    address="88 Keji Road, Nanshan, Shenzhen 518057, China",
    cartons=3,
    units=7,
    station="DESK-2",
    date="2026-11-23 17:05 CET",
)


def test_one_page_per_carton_each_decoding_at_203_dpi(tmp_path: Path) -> None:
    pdf = render_carton_labels(DATA)
    info = pdf_info(pdf, tmp_path)
    assert info["Pages"] == "3"
    assert info["Page size"].startswith("288 x 432 pts")
    pages = rasterise(pdf, tmp_path, THERMAL_DPI)
    assert len(pages) == 3
    for image in pages:
        assert decode(image) == ["VR-20261123-004"]
    for k in (1, 2, 3):
        text = pdf_text(pdf, tmp_path, page=k)
        assert f"Carton {k} of 3" in text
        assert "深圳音频" in text and "Keji Road" in text
        assert "VR-20261123-004" in text and "7 units" in text
        assert "DESK-2" in text and "2026-11-23" in text


def test_without_an_address_the_name_alone_and_the_same_bytes_each_time(tmp_path: Path) -> None:
    one = replace(DATA, address="", cartons=1, units=1)
    pdf = render_carton_labels(one)
    assert render_carton_labels(one) == pdf
    assert pdf_info(pdf, tmp_path)["Pages"] == "1"
    text = pdf_text(pdf, tmp_path)
    assert "Carton 1 of 1" in text and "1 unit in this batch" in text
    assert decode(rasterise(pdf, tmp_path, THERMAL_DPI)[0]) == ["VR-20261123-004"]


def test_a_very_long_supplier_name_does_not_hide_the_barcode(tmp_path: Path) -> None:
    long = replace(DATA, party="Guangzhou " * 20, cartons=1)
    pdf = render_carton_labels(long)
    assert decode(rasterise(pdf, tmp_path, THERMAL_DPI)[0]) == ["VR-20261123-004"]


@pytest.mark.parametrize(("cartons", "units"), [(0, 3), (-2, 3), (4, 3), (1, 0)])
def test_impossible_carton_counts_are_refused(cartons: int, units: int) -> None:
    with pytest.raises(ValueError, match="carton"):
        check_cartons(cartons, units)
    with pytest.raises(ValueError, match="carton"):
        render_carton_labels(replace(DATA, cartons=cartons, units=units))
