"""Photos from cameras and files: refused clearly when unusable, stamped when stored."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import cv2
import numpy as np
import pytest

from qc_station.adapters.images import MAX_EDGE, decode_image, prepare_photo, read_photo_file
from qc_station.domain.errors import ValidationError

TAKEN = datetime(2026, 11, 2, 9, 30, 15, tzinfo=UTC)


def jpeg(width: int = 320, height: int = 240) -> bytes:
    image = np.full((height, width, 3), 200, dtype=np.uint8)
    cv2.rectangle(image, (20, 20), (width - 20, height - 20), (40, 90, 160), -1)
    return cv2.imencode(".jpg", image)[1].tobytes()


def test_prepare_burns_the_time_into_the_corner() -> None:
    original = jpeg()
    prepared = prepare_photo(original, TAKEN, "ST-01")
    stamped = cv2.imdecode(np.frombuffer(prepared.data, np.uint8), cv2.IMREAD_COLOR)
    plain = cv2.imdecode(np.frombuffer(original, np.uint8), cv2.IMREAD_COLOR)
    assert (prepared.width, prepared.height) == (320, 240)
    corner = np.abs(stamped[-20:, -100:].astype(int) - plain[-20:, -100:].astype(int))
    top = np.abs(stamped[:40, :40].astype(int) - plain[:40, :40].astype(int))
    assert corner.mean() > 20 > top.mean()


def test_large_photos_are_downscaled() -> None:
    prepared = prepare_photo(jpeg(5000, 3000), TAKEN, "ST-01")
    assert max(prepared.width, prepared.height) == MAX_EDGE


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"this is not an image at all", "not a readable image"),
        (jpeg()[:200], "not a readable image"),  # truncated JPEG
        (
            b"\x89PNG\r\n\x1a\n"
            + b"\x00\x00\x00\rIHDR"
            + (60000).to_bytes(4, "big") * 2
            + b"\x08\x02",
            "at most 50 megapixels",
        ),  # a header that claims a 3.6 gigapixel image
        (cv2.imencode(".png", np.zeros((8, 8, 3), np.uint8))[1].tobytes(), "only 8×8"),
    ],
)
def test_unusable_images_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        decode_image(data)


def test_wrong_extension_is_judged_by_content(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"  # a JPEG named .png: fine, content decides
    path.write_bytes(jpeg())
    assert read_photo_file(path, TAKEN, "ST-01").data.startswith(b"\xff\xd8\xff")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="Cannot read photo"):
        read_photo_file(tmp_path / "nope.jpg", TAKEN, "ST-01")
