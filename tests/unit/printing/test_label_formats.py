"""The label-format registry (SPEC §9): every registered format renders on a page of its size
and its barcode decodes at a thermal printer's 203 dpi; a size nobody registered is refused,
never printed as another size; every layer offers exactly the registered sizes."""

from __future__ import annotations

from pathlib import Path

import pytest

from printing.data import LabelData
from printing.label_formats import (
    DEFAULT_LABEL_FORMAT,
    LABEL_FORMATS,
    UnknownLabelFormat,
    label_format,
)
from printing.labels import render_label, render_labels
from qc_station.config import SETTINGS, load_config
from qc_station.domain.errors import ValidationError
from tests.unit.printing.pdftools import decode, pdf_info, rasterise

LPN = "RMA-2026-000123-12"
RMA = "RMA-2026-000123"

FORMATS = list(LABEL_FORMATS)


def decided(code: str = LPN) -> LabelData:
    return LabelData(
        code=code,
        sku="WH-1000XM5-BLK",
        product_name="Wireless Headphones",
        grade="B",
        headline="RESTOCK",
        disposition="RESTOCK",
        bin_location="A-12-03",
        printed_at="2026-03-14 10:42",
        station="QC-03",
    )


@pytest.mark.parametrize("key", FORMATS)
def test_every_format_describes_itself(key: str) -> None:
    fmt = label_format(key)
    assert fmt.key == key and fmt.title and fmt.width_pt > 0 and fmt.height_pt > 0
    assert fmt.media.startswith("Custom.") and fmt.media.endswith("in")


@pytest.mark.parametrize("key", FORMATS)
@pytest.mark.parametrize("label", [decided(), LabelData(code=RMA, station="QC-03")])
def test_every_format_renders_and_its_barcode_decodes_at_203_dpi(
    tmp_path: Path, key: str, label: LabelData
) -> None:
    fmt = label_format(key)
    pdf = render_label(label, key, dpi=203)
    width, height = pdf_info(pdf, tmp_path)["Page size"].split(" pts")[0].split(" x ")
    assert (float(width), float(height)) == pytest.approx(fmt.page_size)
    [page] = rasterise(pdf, tmp_path, 203)
    assert decode(page) == [label.code]


def test_the_default_is_a_registered_format() -> None:
    assert DEFAULT_LABEL_FORMAT in LABEL_FORMATS
    assert load_config(None, environ={"QC_STATION_CONFIG": "/nonexistent.toml"}).label_size == (
        DEFAULT_LABEL_FORMAT
    )


def test_the_media_names_are_the_print_system_s() -> None:
    assert label_format("4x6").media == "Custom.4x6in"
    assert label_format("2x1").media == "Custom.2x1in"


@pytest.mark.parametrize("key", ["3x5", "4X6", "", None, 4])
def test_an_unknown_key_is_refused(key: object) -> None:
    with pytest.raises(UnknownLabelFormat, match="unknown label size") as raised:
        label_format(key)
    assert raised.value.key == key
    assert isinstance(raised.value, ValueError)


def test_an_unknown_size_is_never_printed_as_another() -> None:
    with pytest.raises(UnknownLabelFormat, match="expected 4x6 or 2x1"):
        render_labels([decided()], "3x5")


def test_the_configuration_accepts_exactly_the_registered_formats(tmp_path: Path) -> None:
    [setting] = [s for s in SETTINGS if s.key == "label_size"]
    assert [setting.parse(key) for key in FORMATS] == FORMATS
    assert "4x6 or 2x1" in setting.help
    path = tmp_path / "config.toml"
    path.write_text('label_size = "3x5"\n', encoding="utf-8")
    with pytest.raises(ValidationError, match="label_size"):
        load_config(path, environ={})


def test_the_command_line_offers_exactly_the_registered_formats() -> None:
    from qc_station.cli import build_parser

    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(["label", LPN, "-o", "x.pdf", "--size", "3x5"])
    for key in FORMATS:
        assert parser.parse_args(["label", LPN, "-o", "x.pdf", "--size", key]).size == key
