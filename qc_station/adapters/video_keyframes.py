"""Key frames of an unboxing clip for the inspection report (issue 18): ``count`` frames evenly
spaced through the clip, each shrunk and encoded as a small JPEG with its time in the clip.

OpenCV (FFmpeg backend) reads the clip; the frames are sought by index, and read in order
when the container does not seek (or does not say how many frames it has). Frames are taken
from the middle of equal slices of the clip, so the first and last (often the empty bench)
are not what the reader sees.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from qc_station.services.video_ports import ClipStill

log = logging.getLogger(__name__)

#: The longer side of a key frame: a quarter of the report's width at ~250 dpi.
KEY_FRAME_MAX_PX = 480
KEY_FRAME_JPEG_QUALITY = 80


def key_frames(path: Path, count: int = 4) -> list[ClipStill]:
    """``count`` stills evenly spaced through the clip at ``path``; empty when the file is
    not a video OpenCV can read (the report then says the frames could not be read)."""
    import cv2

    if count < 1 or not path.is_file():
        return []
    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    try:
        if not capture.isOpened():
            log.warning("key frames: %s is not a video OpenCV can read", path.name)
            return []
        fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0) or 12.0
        total = int(capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        if total <= 0:
            return _read_in_order(cv2, capture, None, count, fps)
        wanted = _indexes(total, count)
        stills = []
        for index in wanted:
            capture.set(cv2.CAP_PROP_POS_FRAMES, index)
            ok, frame = capture.read()
            if not ok or frame is None:
                break
            stills.append(_still(cv2, frame, index, fps))
        if len(stills) == len(wanted):
            return stills
    finally:
        capture.release()
    # The container would not seek: read the clip from its start instead.
    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    try:
        return _read_in_order(cv2, capture, total, count, fps)
    finally:
        capture.release()


def _indexes(total: int, count: int) -> list[int]:
    """The middle frame of each of ``count`` equal slices of ``total`` frames (fewer when the
    clip is shorter than ``count`` frames)."""
    return sorted({min(total - 1, int((k + 0.5) * total / count)) for k in range(count)})


def _read_in_order(
    cv2: Any, capture: Any, total: int | None, count: int, fps: float
) -> list[ClipStill]:
    """Every frame grabbed in order (decoded into pixels only where one is kept)."""
    if total is None:
        total = 0
        while capture.grab():
            total += 1
        capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
    if total <= 0:
        return []
    wanted = _indexes(total, count)
    stills: list[ClipStill] = []
    index = 0
    for target in wanted:
        while index < target and capture.grab():
            index += 1
        ok, frame = capture.read()
        if not ok or frame is None:
            break
        stills.append(_still(cv2, frame, target, fps))
        index += 1
    return stills


def _still(cv2: Any, frame: Any, index: int, fps: float) -> ClipStill:
    height, width = frame.shape[:2]
    scale = min(1.0, KEY_FRAME_MAX_PX / max(width, height))
    if scale < 1.0:
        width, height = max(1, round(width * scale)), max(1, round(height * scale))
        frame = cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA)
    ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, KEY_FRAME_JPEG_QUALITY])
    if not ok:
        raise ValueError("OpenCV could not encode a key frame as JPEG")
    return ClipStill(round(index * 1000 / fps), encoded.tobytes(), width, height)
