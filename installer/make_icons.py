"""Make the application icon's raster forms from ``resources/icons/qc-station.svg``:

- ``qc-station.png`` (256 px), for the Linux desktop entry and the window;
- ``qc-station.ico`` (16–256 px), for the Windows executable, start-menu entry and
  uninstaller.

Run it after changing the SVG (``.venv/bin/python installer/make_icons.py``); the outputs are
committed, so a build needs neither this script nor an image library. Qt's SVG renderer does
the drawing (it is in the app's dependencies already). The ICO holds PNG images, which
Windows has read since Vista, so no BMP encoder is needed.
"""

from __future__ import annotations

import os
import struct
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from qc_station.resources import source_dir

ICONS = source_dir() / "icons"
NAME = "qc-station"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"cannot encode a {size} px PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file of PNG images: ICONDIR, one ICONDIRENTRY each, then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / f"{NAME}.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / f'{NAME}.svg'}", file=sys.stderr)
        return 1
    (ICONS / f"{NAME}.png").write_bytes(render_png(renderer, PNG_SIZE))
    (ICONS / f"{NAME}.ico").write_bytes(ico({s: render_png(renderer, s) for s in ICO_SIZES}))
    print(f"wrote {NAME}.png and {NAME}.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
