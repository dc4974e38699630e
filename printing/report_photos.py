"""The photos of the inspection report: each decoded, shrunk to print size and re-encoded as
JPEG with OpenCV (libjpeg's reduced decoding for speed), and the crossed box that stands where
a photo cannot be decoded.
"""

from __future__ import annotations

import os

import cv2
import numpy as np
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .fonts import FontSet
from .report_blocks import GREY

# A photo cell is half the text width, about 86 mm on A4: 1000 pixels print it at ~300 dpi.
PHOTO_MAX_PX = 1000
PHOTO_THREADS = max(1, min(4, os.cpu_count() or 1))
PHOTO_JPEG_QUALITY = 85
PHOTO_MAX_HEIGHT = 62 * mm
UNREADABLE_PHOTO = "Photo could not be read"


class UnreadablePhoto(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Stands where a photo that cannot be decoded would be: a crossed box that says so."""

    def __init__(
        self,
        fonts: FontSet,
        sha256: str,
        width: float,
        height: float,
        text: str = UNREADABLE_PHOTO,
    ) -> None:
        super().__init__()
        self.fonts = fonts
        self.text = text
        self.sha256 = sha256
        self.width = width
        self.height = height * 0.5

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, f = self.canv, self.fonts
        c.saveState()
        c.setStrokeColor(GREY)
        c.setLineWidth(1)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.setDash(2, 3)
        c.line(0, 0, self.width, self.height)
        c.line(0, self.height, self.width, 0)
        c.restoreState()
        c.saveState()
        c.setFillColor(colors.white)
        c.rect(8, self.height / 2 - 16, self.width - 16, 30, stroke=0, fill=1)
        c.setFillColor(colors.black)
        f.draw(c, self.width / 2, self.height / 2 + 2, self.text, 10, bold=True, align="center")
        digest = f.truncate(self.sha256 or "no hash", 5.5, self.width - 20)
        f.draw(c, self.width / 2, self.height / 2 - 10, digest, 5.5, align="center")
        c.restoreState()


def prepare_photo(content: bytes, max_px: int = PHOTO_MAX_PX) -> tuple[bytes, int, int] | None:
    """Decode ``content``, shrink it to ``max_px`` on its longer side and re-encode as JPEG.

    Returns ``(jpeg bytes, width, height)``, or ``None`` if the bytes are not an image OpenCV
    can read (truncated upload, wrong file, empty).
    """
    if not content:
        return None
    try:
        image = cv2.imdecode(np.frombuffer(content, dtype=np.uint8), _decode_flag(content, max_px))
    except cv2.error:
        return None
    if image is None or image.size == 0:
        return None
    height, width = image.shape[:2]
    scale = min(1.0, max_px / max(height, width))
    if scale < 1.0:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        # INTER_AREA averages the pixels it drops, so fine damage detail survives as well as
        # it can instead of aliasing away.
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
        width, height = size
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, PHOTO_JPEG_QUALITY])
    if not ok:
        return None
    return encoded.tobytes(), width, height


# libjpeg can decode at 1/2, 1/4 or 1/8 of the size directly (DCT scaling): a 12-megapixel
# photo decodes several times faster that way than at full size and then shrunk.
_REDUCED = (
    (8, cv2.IMREAD_REDUCED_COLOR_8),
    (4, cv2.IMREAD_REDUCED_COLOR_4),
    (2, cv2.IMREAD_REDUCED_COLOR_2),
)


_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _decode_flag(content: bytes, max_px: int) -> int:
    """The OpenCV read flag that decodes a JPEG at the smallest scale still at least
    ``max_px`` on its longer side (so the final resize only ever shrinks)."""
    size = jpeg_size(content)
    if size is not None:
        longer = max(size)
        for factor, flag in _REDUCED:
            if longer // factor >= max_px:
                return flag
    return cv2.IMREAD_COLOR


def jpeg_size(content: bytes) -> tuple[int, int] | None:
    """``(width, height)`` from a JPEG's frame header, without decoding it; ``None`` for
    anything that is not a readable JPEG."""
    if not content.startswith(b"\xff\xd8"):
        return None
    i = 2
    while i + 9 < len(content):
        if content[i] != 0xFF:
            return None
        marker = content[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length field
            i += 2
            continue
        length = int.from_bytes(content[i + 2 : i + 4], "big")
        if marker in _SOF_MARKERS:
            height = int.from_bytes(content[i + 5 : i + 7], "big")
            width = int.from_bytes(content[i + 7 : i + 9], "big")
            return (width, height) if width and height else None
        i += 2 + length
    return None
