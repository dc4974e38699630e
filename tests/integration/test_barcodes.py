"""Barcode decoding with the real zxing-cpp and OpenCV: the shared sample photos, labels
rendered the way the printing module renders them, and input that must be refused."""

from __future__ import annotations

import csv
import struct
import zlib
from io import BytesIO

import cv2
import numpy as np
import pytest

from qc_station.adapters.barcodes import (
    DecodedCode,
    decode_frame,
    decode_image_array,
    decode_image_bytes,
)
from qc_station.domain.errors import ValidationError
from tests.conftest import SHARED

SAMPLES = SHARED / "data" / "barcodes"

#: Code128 samples read correctly in the measurement of docs/decoding.md (all 11). A floor,
#: not the set: a newer zxing-cpp may read others, and must not read fewer.
MIN_CODE128_READ = 11


def _manifest() -> list[dict[str, str]]:
    with (SAMPLES / "manifest.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def _png(image: np.ndarray) -> bytes:
    ok, encoded = cv2.imencode(".png", image)
    assert ok
    return encoded.tobytes()


def _rendered_code128(text: str) -> np.ndarray:
    """A Code128 as python-barcode renders it for the labels (SPEC §9)."""
    from barcode import Code128
    from barcode.writer import ImageWriter

    buffer = BytesIO()
    Code128(text, writer=ImageWriter()).write(buffer, {"module_width": 0.3, "dpi": 203})
    image = cv2.imdecode(np.frombuffer(buffer.getvalue(), np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return image


def test_reads_the_code128_sample_photos() -> None:
    rows = [r for r in _manifest() if r["symbology"] == "code128"]
    read = [
        r["file"]
        for r in rows
        if r["expected_text"] in [c.text for c in decode_image_bytes(_sample(r["file"]), "x")]
    ]
    assert len(read) >= MIN_CODE128_READ, f"read only {read}"


@pytest.mark.parametrize(
    ("file", "text", "symbology"),
    [
        ("code128-1_1.png", "168901", "Code128"),
        ("code128-2_10.webp", "CNK8181G2C", "Code128"),
        ("ean13-1_14.webp", "3560070169443", "EAN13"),
        ("qrcode-2_14.png", "http://bbc.co.uk/programmes", "QRCode"),
    ],
)
def test_exact_text_of_clean_samples(file: str, text: str, symbology: str) -> None:
    codes = decode_image_bytes(_sample(file), file)

    assert [(c.text, c.symbology) for c in codes] == [(text, symbology)]
    assert codes[0].text == next(r["expected_text"] for r in _manifest() if r["file"] == file)


def test_multiline_qr_text_is_kept_as_encoded() -> None:
    # The manifest keeps the QR's CRLF line breaks; the adapter must not rewrite them.
    expected = next(r["expected_text"] for r in _manifest() if r["file"] == "qrcode-2_10.png")

    assert [c.text for c in decode_image_bytes(_sample("qrcode-2_10.png"), "qr")] == [expected]


def test_sliver_misread_beside_the_real_code_is_dropped() -> None:
    # zxing-cpp alone also reports 7034759003930 from a 3 px strip beside this EAN-13.
    codes = decode_image_bytes(_sample("ean13-1_35.webp"), "ean")

    assert [c.text for c in codes] == ["5030159003930"]


def test_two_different_codes_in_one_image_are_both_kept() -> None:
    first, second = _rendered_code128("RMA-2026-000001"), _rendered_code128("LPN-0000042")
    width = max(first.shape[1], second.shape[1])
    pad = [
        cv2.copyMakeBorder(
            im, 0, 0, 0, width - im.shape[1], cv2.BORDER_CONSTANT, value=(255, 255, 255)
        )
        for im in (first, second)
    ]
    stacked = np.vstack(pad)

    assert sorted(c.text for c in decode_image_bytes(_png(stacked), "two")) == [
        "LPN-0000042",
        "RMA-2026-000001",
    ]


def test_the_same_code_twice_is_reported_once() -> None:
    label = _rendered_code128("RMA-2026-000123")
    twice = np.hstack([label, label])

    codes = decode_image_bytes(_png(twice), "twice")

    assert [c.text for c in codes] == ["RMA-2026-000123"]


def test_code128_rendered_by_python_barcode_decodes() -> None:
    codes = decode_image_bytes(_png(_rendered_code128("RMA-2026-000123")), "label.png")

    assert len(codes) == 1
    code = codes[0]
    assert code == DecodedCode("RMA-2026-000123", "Code128", code.quad)
    xs = [x for x, _ in code.quad]
    assert max(xs) - min(xs) > 100  # the quad spans the bars, in image pixels


def test_rotated_label_decodes() -> None:
    label = cv2.rotate(_rendered_code128("RMA-2026-000123"), cv2.ROTATE_90_CLOCKWISE)

    assert [c.text for c in decode_image_bytes(_png(label), "rotated")] == ["RMA-2026-000123"]


def test_image_without_a_code_gives_nothing() -> None:
    rng = np.random.default_rng(3)
    noise = rng.integers(0, 256, size=(480, 640, 3), dtype=np.uint8)

    assert decode_image_bytes(_png(noise), "noise.png") == []
    assert decode_image_bytes(_png(np.full((200, 300, 3), 255, np.uint8)), "white.png") == []


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"this is not an image, just text\n" * 20, "not a readable image"),
        (b"%PDF-1.7\n" + b"\0" * 500, "not a readable image"),
        ("truncated-png", "not a readable image"),
        ("truncated-webp", "not a readable image"),
        (_png_header(100_000, 100_000), "at most 50 megapixels"),
    ],
    ids=["empty", "text", "pdf", "truncated-png", "truncated-webp", "huge-header"],
)
def test_corrupt_or_non_image_input_is_refused(data: bytes | str, message: str) -> None:
    if data == "truncated-png":
        whole = _sample("code128-1_1.png")
        data = whole[: len(whole) // 2]
    elif data == "truncated-webp":
        whole = _sample("code128-2_10.webp")
        data = whole[: len(whole) // 2]
    assert isinstance(data, bytes)

    with pytest.raises(ValidationError, match=message) as caught:
        decode_image_bytes(data, "upload.png")

    assert "upload.png" in str(caught.value)


def test_frame_with_a_label_decodes_in_fast_mode() -> None:
    frame = np.full((720, 1280, 3), 140, np.uint8)
    label = _rendered_code128("RMA-2026-000123")
    h, w = label.shape[:2]
    frame[200 : 200 + h, 300 : 300 + w] = label

    codes = decode_frame(frame)

    assert [c.text for c in codes] == ["RMA-2026-000123"]
    x0, y0 = codes[0].quad[0]
    assert 300 <= x0 <= 300 + w and 200 <= y0 <= 200 + h  # frame coordinates
    assert decode_frame(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)) == codes
    assert decode_frame(cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA)) == codes
    assert decode_frame(np.full((720, 1280, 3), 140, np.uint8)) == []


@pytest.mark.parametrize(
    "bad",
    [np.zeros((10, 10), np.float32), np.zeros((0, 0, 3), np.uint8), np.zeros((8, 8, 2), np.uint8)],
    ids=["float", "empty", "two-channels"],
)
def test_frame_that_is_not_an_image_is_refused(bad: np.ndarray) -> None:
    with pytest.raises(ValidationError):
        decode_frame(bad)
    with pytest.raises(ValidationError):
        decode_image_array(bad)
