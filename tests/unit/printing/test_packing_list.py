"""The packing list PDF (printing/packing_list.py): the batch number decodes at 203 dpi, a long
batch runs over pages with their numbers, names in any script are text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from printing.barcodes import THERMAL_DPI
from printing.packing_list import PackingLine, PackingListData, render_packing_list, totals_of

from .pdftools import decode, pdf_info, pdf_text, rasterise


def data(units: int) -> PackingListData:
    lines = tuple(
        PackingLine(
            f"RMA-2026-{n:06d}-1",
            f"RMA-2026-{n:06d}",
            f"SKU-{n}",
            "无线蓝牙耳机 Wireless earbuds",
            "DEFECT",
            Decimal("89.00"),
            Decimal("89.00"),
            "EUR" if n % 2 else "USD",
            ("a" * 64, "b" * 64),
        )
        for n in range(units)
    )
    return PackingListData(
        "VR-20261102-007",
        "Vendor return",
        "Supplier",
        "深圳音频",
        "2026-11-02 10:00 CET",
        "sofia",
        "DESK",
        lines,
        totals_of(lines),
    )


def test_barcode_decodes_at_203_dpi_and_text_is_searchable(tmp_path: Path) -> None:
    pdf = render_packing_list(data(3))
    (page,) = rasterise(pdf, tmp_path, THERMAL_DPI)
    assert decode(page) == ["VR-20261102-007"]
    text = pdf_text(pdf, tmp_path)
    assert "深圳音频" in text and "无线蓝牙耳机" in text and "a" * 64 in text
    assert "178.00 USD" in text and "89.00 EUR" in text
    # The supplier reads the finding in words, not the station's code.
    assert "Finding: Defect" in text and "DEFECT" not in text


def test_long_batches_run_over_pages_and_render_the_same_bytes(tmp_path: Path) -> None:
    pdf = render_packing_list(data(40), "Letter")
    pages = int(pdf_info(pdf, tmp_path)["Pages"])
    assert pages > 1
    assert f"VR-20261102-007 — page {pages}" in pdf_text(pdf, tmp_path, page=pages)
    assert render_packing_list(data(40), "Letter") == pdf


def test_totals_per_currency() -> None:
    assert totals_of(data(3).lines) == (("EUR", Decimal("89.00")), ("USD", Decimal("178.00")))
