"""The cameras plugged into this computer, by name, for the Settings' camera list (SPEC §7.5:
the camera is chosen by name, not as a raw number).

On Linux every video device is ``/dev/videoN``, and the kernel names it in
``/sys/class/video4linux/videoN/name`` ("HD Pro Webcam C920"): reliable, instant, and the
device path is what OpenCV opens, so the name and the source cannot drift apart the way a
list position and a camera number can. A webcam often has a second node for its metadata;
only the capture node (``index`` 0) is listed. Elsewhere the list is empty and the Settings
offer a camera by address or a video file (a number can still be typed in the configuration).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from qc_station.services.station_ports import CameraChoice

SYS_VIDEO = Path("/sys/class/video4linux")
_NODE = re.compile(r"video([0-9]+)")


def list_cameras(
    sys_root: Path = SYS_VIDEO, dev_root: Path = Path("/dev"), platform: str = sys.platform
) -> list[CameraChoice]:
    """The capture devices, in device order, each named as the kernel names it."""
    if not platform.startswith("linux") or not sys_root.is_dir():
        return []
    found: list[tuple[int, CameraChoice]] = []
    for node in sys_root.iterdir():
        match = _NODE.fullmatch(node.name)
        if match is None:
            continue
        if _read(node / "index", "0") != "0":
            continue  # the metadata node of a webcam listed already
        device = dev_root / node.name
        name = _read(node / "name", "") or node.name
        found.append((int(match.group(1)), CameraChoice(f"{name} ({device})", str(device))))
    return [choice for _, choice in sorted(found, key=lambda item: item[0])]


def _read(path: Path, default: str) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return default
