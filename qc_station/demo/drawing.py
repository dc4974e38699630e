"""The demo's synthetic photos, drawn with OpenCV: a product shape in its category's colour,
the finding's damage, the unit's code and "DEMO" in the top-left corner.
"""

from __future__ import annotations

import random

import cv2
import numpy as np
import numpy.typing as npt

from qc_station.domain.enums import Finding

_Image = npt.NDArray[np.uint8]


_CATEGORY_COLOURS: dict[str, tuple[int, int, int]] = {  # BGR
    "electronics": (60, 60, 60),
    "apparel": (150, 90, 40),
    "footwear": (40, 70, 160),
    "home": (170, 170, 160),
    "beauty": (150, 110, 210),
    "toys": (40, 170, 230),
}


def _draw_product(image: _Image, category: str, cx: int, cy: int, s: float) -> tuple[int, int]:
    """Draw a simple stand-in for the product; returns a point on its surface for marks."""
    colour = _CATEGORY_COLOURS.get(category, (90, 140, 90))
    dark = tuple(int(c * 0.6) for c in colour)

    def pt(x: float, y: float) -> tuple[int, int]:
        return int(cx + x * s), int(cy + y * s)

    if category == "electronics":
        cv2.rectangle(image, pt(-110, -70), pt(110, 70), colour, -1)
        cv2.rectangle(image, pt(-95, -58), pt(95, 58), (120, 90, 40), -1)
        cv2.circle(image, pt(0, 62), max(2, int(4 * s)), (200, 200, 200), -1)
    elif category == "apparel":
        shirt = np.array(
            [pt(-60, -90), pt(-120, -50), pt(-95, -10), pt(-70, -25), pt(-70, 90),
             pt(70, 90), pt(70, -25), pt(95, -10), pt(120, -50), pt(60, -90), pt(0, -70)],
            dtype=np.int32,
        )  # fmt: skip
        cv2.fillPoly(image, [shirt], colour)
    elif category == "footwear":
        cv2.ellipse(image, pt(0, 40), (int(130 * s), int(30 * s)), 0, 0, 360, dark, -1)
        cv2.ellipse(image, pt(-40, 10), (int(80 * s), int(55 * s)), 0, 180, 360, colour, -1)
        cv2.rectangle(image, pt(-120, 10), pt(120, 40), colour, -1)
    elif category == "home":
        cv2.rectangle(image, pt(-60, -80), pt(60, 80), colour, -1)
        cv2.ellipse(image, pt(0, -80), (int(60 * s), int(16 * s)), 0, 0, 360, dark, -1)
        cv2.ellipse(image, pt(0, 80), (int(60 * s), int(16 * s)), 0, 0, 180, colour, -1)
    elif category == "beauty":
        cv2.rectangle(image, pt(-40, -40), pt(40, 90), colour, -1)
        cv2.rectangle(image, pt(-18, -80), pt(18, -40), dark, -1)
    elif category == "toys":
        for i, block in enumerate(((0, 0, 255), (0, 200, 0), (255, 120, 0), (0, 220, 255))):
            x, y = -90 + (i % 2) * 90, -60 + (i // 2) * 80
            cv2.rectangle(image, pt(x, y), pt(x + 80, y + 70), block, -1)
    else:  # a plain carton for anything else
        box = np.array([pt(-90, -40), pt(-40, -80), pt(110, -80), pt(60, -40)], dtype=np.int32)
        cv2.fillPoly(image, [box], dark)
        cv2.rectangle(image, pt(-90, -40), pt(60, 80), colour, -1)
        side = np.array([pt(60, -40), pt(110, -80), pt(110, 40), pt(60, 80)], dtype=np.int32)
        cv2.fillPoly(image, [side], tuple(int(c * 0.8) for c in colour))
    return pt(20, 0)


def render_photo(
    rng: random.Random,
    size: tuple[int, int],
    category: str,
    finding: Finding,
    view: int,
    caption: str,
) -> bytes:
    """A synthetic product photo: background, product, damage marks, and "DEMO" in a corner."""
    width, height = size
    base = np.array([rng.randint(170, 235) for _ in range(3)], dtype=np.float32)
    shade = np.linspace(1.0, 0.8, height, dtype=np.float32)[:, None, None]
    image: _Image = np.ascontiguousarray((base[None, None, :] * shade).repeat(width, axis=1))
    image = image.astype(np.uint8)
    # A table top for the product to stand on.
    cv2.rectangle(image, (0, int(height * 0.64)), (width, height), (120, 130, 140), -1)
    scale = min(width, height) / 480 * (1.0 if view == 0 else 1.45)  # view 1 is a close-up
    cx = width // 2 + rng.randint(-width // 12, width // 12)
    cy = height // 2 + rng.randint(-height // 16, height // 16)
    drawn = "default" if finding == Finding.WRONG_ITEM and view == 0 else category
    mx, my = _draw_product(image, drawn, cx, cy, scale)
    s = max(scale, 0.2)
    if finding in (Finding.CUSTOMER_DAMAGE, Finding.DEFECT):
        for _ in range(3):  # scratches
            points = [(mx + rng.randint(-60, 60) * s, my + rng.randint(-40, 40) * s)]
            for _ in range(4):
                x, y = points[-1]
                points.append((x + rng.randint(8, 25) * s, y + rng.randint(-10, 10) * s))
            line = np.array(points, dtype=np.int32)
            cv2.polylines(image, [line], False, (235, 235, 245), max(1, int(2 * s)), cv2.LINE_AA)
    if finding == Finding.TRANSIT_DAMAGE:  # a dent with crease lines running out of it
        cv2.circle(image, (mx, my), int(26 * s), (30, 30, 30), -1)
        cv2.circle(image, (mx - int(6 * s), my - int(6 * s)), int(16 * s), (90, 90, 90), -1)
        for _ in range(4):
            end = (mx + int(rng.randint(-70, 70) * s), my + int(rng.randint(-50, 50) * s))
            cv2.line(image, (mx, my), end, (25, 25, 25), max(1, int(2 * s)), cv2.LINE_AA)
    if finding == Finding.MISSING_PARTS:  # the empty slot where a part should be
        x0, y0 = mx + int(90 * s), my - int(20 * s)
        for i in range(0, int(100 * s), max(4, int(12 * s))):
            cv2.line(image, (x0 + i, y0), (x0 + i + int(6 * s), y0), (0, 0, 200), 2)
            cv2.line(image, (x0 + i, y0 + int(60 * s)), (x0 + i + int(6 * s), y0 + int(60 * s)),
                     (0, 0, 200), 2)  # fmt: skip
    if finding == Finding.WRONG_ITEM:
        cv2.putText(image, "?", (mx, my), cv2.FONT_HERSHEY_DUPLEX, 3 * s, (0, 0, 200), 3)
    # "DEMO" white-outlined red, top left, where the burned-in time (bottom right) is not.
    text_scale = max(0.5, width / 400)
    for colour, thick in (((255, 255, 255), 6), ((0, 0, 220), 2)):
        weight = max(1, int(thick * text_scale / 1.6))
        origin = (10, int(34 * text_scale))
        font = cv2.FONT_HERSHEY_DUPLEX
        cv2.putText(image, "DEMO", origin, font, text_scale, colour, weight, cv2.LINE_AA)
    origin = (10, int(58 * text_scale))
    font = cv2.FONT_HERSHEY_SIMPLEX
    cv2.putText(image, caption, origin, font, text_scale * 0.4, (40, 40, 40), 1, cv2.LINE_AA)
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok, "OpenCV failed to encode a demo photo"
    return bytes(encoded.tobytes())
