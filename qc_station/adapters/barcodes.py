"""Barcode decoding from image files and camera frames (SPEC §2 step 2, §11 ``decode``).

zxing-cpp does the decoding: on the shared sample photos it reads every Code128, most EAN-13
and nearly every QR code, where OpenCV's detectors miss most Code128 and QR codes, and it is
several times faster (see docs/decoding.md for the measurement and ``bench/bench_decode.py``).

Two entry points:

- :func:`decode_image_bytes` for a file a user gives us: the bytes are untrusted, so they go
  through :func:`qc_station.adapters.images.decode_image`, which refuses corrupt, empty and
  huge images with a :class:`ValidationError`. The decoder then searches thoroughly (every
  orientation, inverted codes, and rescaled retries when nothing is found).
- :func:`decode_frame` for a live camera frame: it must keep up with the camera (≥ 25 fps at
  1280×720), so it searches less hard; the next frame is the retry.

Only the symbologies a returns warehouse scans are enabled (Code128, Code39, EAN-13/8,
UPC-A/E, QR, DataMatrix): fewer formats is both faster and fewer false reads (a stray
Codabar or ITF "found" in packaging print is a classic false positive).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

from qc_station.adapters.images import decode_image
from qc_station.domain.errors import ValidationError

#: The symbologies on RMA labels, shipping labels and retail packaging.
WAREHOUSE_FORMATS = zxingcpp.BarcodeFormats(
    [
        zxingcpp.BarcodeFormat.Code128,
        zxingcpp.BarcodeFormat.Code39,
        zxingcpp.BarcodeFormat.EAN13,
        zxingcpp.BarcodeFormat.EAN8,
        zxingcpp.BarcodeFormat.UPCA,
        zxingcpp.BarcodeFormat.UPCE,
        zxingcpp.BarcodeFormat.QRCode,
        zxingcpp.BarcodeFormat.DataMatrix,
    ]
)

#: Retries for a file in which the first pass found nothing: a phone photo of a 1D code is
#: often too large (bars wider than the detector's sweet spot) or too small; rescaling finds
#: some of those at a cost of a few milliseconds, only paid on a miss.
_RETRY_SCALES = (1.5, 0.5)

Point = tuple[int, int]


@dataclass(frozen=True)
class DecodedCode:
    """One barcode found: its text, its symbology and where it is in the image.

    ``symbology`` is zxing-cpp's stable format name (``"Code128"``, ``"EAN13"``,
    ``"QRCode"``, …); ``quad`` is the corners top-left, top-right, bottom-right, bottom-left
    in pixels of the image given (for the camera overlay).
    """

    text: str
    symbology: str
    quad: tuple[Point, Point, Point, Point]


def _to_code(barcode: zxingcpp.Barcode, scale: float = 1.0) -> DecodedCode:
    pos = barcode.position
    corners = (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
    quad = tuple((round(p.x / scale), round(p.y / scale)) for p in corners)
    return DecodedCode(barcode.text, barcode.format.name, quad)  # type: ignore[arg-type]


def _unique(codes: list[DecodedCode]) -> list[DecodedCode]:
    """Drop repeats of the same text and symbology: zxing-cpp can report one code twice (a
    rotated second pass, a retail code printed twice on a box), and a caller wants each
    code once. The first occurrence (its position) wins."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for code in codes:
        key = (code.symbology, code.text)
        if key not in seen:
            seen.add(key)
            unique.append(code)
    return unique


_MATRIX = frozenset({"QRCode", "DataMatrix"})


def _axes(code: DecodedCode) -> tuple[np.ndarray, np.ndarray, float, float]:
    """Origin, unit vector along the code, its length and its height (across the bars)."""
    tl, tr, br, bl = (np.asarray(p, dtype=float) for p in code.quad)
    along = (tr - tl + br - bl) / 2
    length = float(np.hypot(*along))
    height = float((np.hypot(*(bl - tl)) + np.hypot(*(br - tr))) / 2)
    return (tl + bl) / 2, along / max(length, 1e-9), length, height


def _is_sliver_of(thin: DecodedCode, thick: DecodedCode) -> bool:
    """Whether ``thin`` is a misread of the same printed code as ``thick``: read on a few
    scan lines only (under a quarter of ``thick``'s height), its middle within ``thick``'s
    length and no further than one code height from its centre line.

    EAN/UPC check digits are weak (one digit, mod 10): a scan line crossing a smudge or the
    edge of a label can yield another valid-looking number. On the sample ``ean13-1_35`` a
    3 px sliver beside the real code read 7034759003930 next to the true 5030159003930; on a
    camera that stays in view, such a read would be "scanned" again and again.
    """
    origin, unit, length, height = _axes(thick)
    t_origin, t_unit, t_length, t_height = _axes(thin)
    if t_height * 4 > height or length < 1:
        return False
    normal = np.array([-unit[1], unit[0]])
    centre = origin + unit * length / 2
    t_centre = t_origin + t_unit * t_length / 2
    offset = t_centre - centre
    # Along the code: the sliver's middle lies within the code's length; across: it lies
    # within one code height of the code's centre line.
    return abs(float(offset @ unit)) <= length / 2 and abs(float(offset @ normal)) <= height


def _drop_slivers(codes: list[DecodedCode]) -> list[DecodedCode]:
    linear = [c for c in codes if c.symbology not in _MATRIX]
    return [
        code
        for code in codes
        if code.symbology in _MATRIX
        or not any(
            other.symbology == code.symbology
            and other.text != code.text
            and _is_sliver_of(code, other)
            for other in linear
        )
    ]


def _read(image: np.ndarray, *, thorough: bool, scale: float = 1.0) -> list[DecodedCode]:
    barcodes = zxingcpp.read_barcodes(
        image,
        formats=WAREHOUSE_FORMATS,
        # A code on a parcel held up to a webcam is as often vertical as horizontal.
        try_rotate=True,
        try_downscale=True,
        # White-on-black codes are rare on labels; a frame-rate decoder can skip them.
        try_invert=thorough,
    )
    # zxing-cpp returns only codes whose check digits/error correction succeeded; an empty
    # text (a structured-append fragment) is no use to a scan.
    return [_to_code(b, scale) for b in barcodes if b.text]


def decode_image_bytes(data: bytes, name: str) -> list[DecodedCode]:
    """The barcodes in an image file's bytes, each once; ``[]`` when there are none.

    Raises :class:`ValidationError` (naming ``name``) for empty, corrupt, non-image or
    oversized input: these bytes come from users and are never trusted.
    """
    return decode_image_array(decode_image(data, name))


def decode_image_array(image: np.ndarray) -> list[DecodedCode]:
    """The thorough search of :func:`decode_image_bytes` on an image already decoded to a
    BGR (or grayscale) array, such as a still photo taken with the station camera."""
    gray = _gray(image)
    codes = _read(gray, thorough=True)
    for scale in _RETRY_SCALES:
        if codes:
            break
        interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
        resized = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=interpolation)
        codes = _read(resized, thorough=True, scale=scale)
    return _drop_slivers(_unique(codes))


def decode_frame(frame: np.ndarray) -> list[DecodedCode]:
    """The barcodes in one camera frame (BGR, BGRA or grayscale ``uint8``), each once.

    The fast mode for live video: no inverted-code pass and no rescaled retries, so a
    1280×720 frame decodes well within a 25 fps budget.
    """
    return _drop_slivers(_unique(_read(_gray(frame), thorough=False)))


def _gray(image: np.ndarray) -> np.ndarray:
    """A contiguous 8-bit grayscale copy or view: zxing-cpp works on luminance anyway, and
    converting here lets it accept BGRA and single-channel frames alike."""
    if image.dtype != np.uint8 or image.ndim not in (2, 3) or image.size == 0:
        raise ValidationError(
            "barcode.bad_image", field="image", kind=str(image.dtype), shape=str(image.shape)
        )
    if image.ndim == 3:
        channels = image.shape[2]
        if channels == 4:
            image = cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
        elif channels == 3:
            image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        elif channels == 1:
            image = image[:, :, 0]
        else:
            raise ValidationError("barcode.bad_channels", field="image", channels=channels)
    # Camera buffers and slices may be non-contiguous; zxing-cpp needs plain rows.
    return np.ascontiguousarray(image)
