"""Photos as evidence: decode what a camera or a file gives, refuse what is not a usable
image, burn the capture time (and station) into the corner, and encode a JPEG to store.

OpenCV does the work; this is the only place that decodes untrusted image bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np

from qc_station.domain.errors import ValidationError

MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 50_000_000  # a 50 MP camera is the largest we expect; beyond that is an attack
MAX_EDGE = 4096  # stored photos are downscaled to this; evidence, not archives of RAW files
MIN_EDGE = 16
JPEG_QUALITY = 90


@dataclass(frozen=True)
class PreparedPhoto:
    data: bytes  # JPEG with the capture time burned in
    width: int
    height: int


def _header_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG or JPEG header, before decoding a possibly huge image."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (
                0xC0,
                0xC1,
                0xC2,
                0xC3,
                0xC5,
                0xC6,
                0xC7,
                0xC9,
                0xCA,
                0xCB,
                0xCD,
                0xCE,
                0xCF,
            ):
                return int.from_bytes(data[i + 7 : i + 9], "big"), int.from_bytes(
                    data[i + 5 : i + 7], "big"
                )
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            i += 2 + int.from_bytes(data[i + 2 : i + 4], "big")
    return None


def decode_image(data: bytes, name: str = "photo") -> np.ndarray:
    """Decode image bytes to a BGR array, or refuse them with a message naming the file."""
    if not data:
        raise ValidationError("photo.empty", field="photo", name=name)
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            "photo.file_too_large", field="photo", name=name, megabytes=MAX_FILE_BYTES // 2**20
        )
    size = _header_size(data)
    if size and size[0] * size[1] > MAX_PIXELS:
        raise ValidationError(
            "photo.too_many_pixels",
            field="photo",
            name=name,
            width=size[0],
            height=size[1],
            megapixels=MAX_PIXELS // 1_000_000,
        )
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise ValidationError("photo.unreadable", field="photo", name=name)
    height, width = image.shape[:2]
    if width * height > MAX_PIXELS:
        raise ValidationError(
            "photo.too_many_pixels",
            field="photo",
            name=name,
            width=width,
            height=height,
            megapixels=MAX_PIXELS // 1_000_000,
        )
    if min(width, height) < MIN_EDGE:
        raise ValidationError(
            "photo.too_small", field="photo", name=name, width=width, height=height
        )
    return image


def burn_in(image: np.ndarray, captured_at: datetime, station: str) -> np.ndarray:
    """Write the capture time and station in the bottom-right corner, white on a dark band,
    sized to the image so it stays readable on thumbnails and full-size prints."""
    stamped = image.copy()
    height, width = stamped.shape[:2]
    text = f"{captured_at:%Y-%m-%d %H:%M:%S %Z}  {station}".strip()
    scale = max(0.4, width / 1400)
    thickness = max(1, round(scale * 2))
    (text_w, text_h), baseline = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thickness)
    pad = max(4, round(6 * scale))
    x0 = max(0, width - text_w - 2 * pad)
    y0 = max(0, height - text_h - baseline - 2 * pad)
    band = stamped[y0:height, x0:width]
    stamped[y0:height, x0:width] = (band * 0.35).astype(stamped.dtype)
    cv2.putText(
        stamped,
        text,
        (x0 + pad, height - pad - baseline),
        cv2.FONT_HERSHEY_SIMPLEX,
        scale,
        (255, 255, 255),
        thickness,
        cv2.LINE_AA,
    )
    return stamped


def prepare_photo(
    data: bytes, captured_at: datetime, station: str, name: str = "photo"
) -> PreparedPhoto:
    image = decode_image(data, name)
    height, width = image.shape[:2]
    longest = max(width, height)
    if longest > MAX_EDGE:
        factor = MAX_EDGE / longest
        image = cv2.resize(
            image, (round(width * factor), round(height * factor)), interpolation=cv2.INTER_AREA
        )
    stamped = burn_in(image, captured_at, station)
    ok, encoded = cv2.imencode(".jpg", stamped, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise ValidationError("photo.not_encodable", field="photo", name=name)
    h, w = stamped.shape[:2]
    return PreparedPhoto(encoded.tobytes(), w, h)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            "photo.cannot_read", field="photo", path=str(path), detail=exc.strerror or str(exc)
        ) from None


def read_checked_photo(path: Path) -> bytes:
    """The photo file's bytes as they are, once they decode as a usable image."""
    data = _read(path)
    decode_image(data, name=f"photo {path.name}")
    return data


def read_photo_file(path: Path, captured_at: datetime, station: str) -> PreparedPhoto:
    return prepare_photo(_read(path), captured_at, station, name=f"photo {path.name}")
