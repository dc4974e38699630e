"""The frames of an unboxing video (SPEC §7.5): which codec this OpenCV can write, the
writer, and the stamper that burns the unit's words and a QR code into every frame.

- **Codec**: H.264 (``avc1``) where this OpenCV's FFmpeg has an encoder for it, else MPEG-4
  Part 2 (``mp4v``); probed once per process.
- **The QR code** in the top-right corner holds ``LPN|station|UTC time`` (ISO 8601, to the
  second: encoding one costs ~20 ms, so it changes once a second); the burned-in text gives
  the local and UTC time to the millisecond.

The recorder that uses them is ``adapters/video.py``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from qc_station.services.video_ports import (
    MAX_VIDEO_SIZE,
    VIDEO_FPS,
    FailureReason,
    RecordingFailed,
)

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

#: Bits per second asked of the encoder: ~19 MB a minute at most (target ≤ 30).
VIDEO_BITRATE = 2_500_000
_CODECS = ("avc1", "mp4v")
_codec_lock = threading.Lock()
_codec: str | None = None


# --- codec ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """FFmpeg prints its failed encoder probes on file descriptor 2; the probe is expected to
    fail on most Linux builds, so its noise is hidden (once per process)."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def video_codec() -> str:
    """``avc1`` (H.264) when this platform's OpenCV can write it, else ``mp4v``."""
    global _codec
    with _codec_lock:
        if _codec is None:
            _codec = _probe_codec()
            log.info("video codec %s", _codec)
        return _codec


def _probe_codec() -> str:
    import cv2
    import numpy as np

    frame = np.zeros((64, 64, 3), np.uint8)
    with tempfile.TemporaryDirectory(prefix="qc-codec-") as folder:
        for fourcc in _CODECS[:-1]:
            path = os.path.join(folder, f"probe-{fourcc}.mp4")
            with _quiet_stderr():
                writer = cv2.VideoWriter(path, cv2.VideoWriter.fourcc(*fourcc), VIDEO_FPS, (64, 64))
                ok = writer.isOpened()
                if ok:
                    writer.write(frame)
                writer.release()
            if ok and os.path.getsize(path) > 0:
                return fourcc
    return _CODECS[-1]


# --- writing frames ------------------------------------------------------------------------


class FrameWriter(Protocol):
    def write(self, image: np.ndarray) -> object: ...

    def release(self) -> None: ...


#: Opens a writer: (path, fourcc, fps, (width, height)) -> FrameWriter.
WriterFactory = Callable[[Path, str, float, tuple[int, int]], FrameWriter]


def opencv_writer(path: Path, fourcc: str, fps: float, size: tuple[int, int]) -> FrameWriter:
    import cv2

    params = [cv2.VIDEOWRITER_PROP_BITRATE, VIDEO_BITRATE]
    writer = cv2.VideoWriter(
        str(path), cv2.CAP_FFMPEG, cv2.VideoWriter.fourcc(*fourcc), fps, size, params
    )
    if not writer.isOpened():
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*fourcc), fps, size)
    if not writer.isOpened():
        raise RecordingFailed("video.no_encoder", reason=FailureReason.ENCODER, fourcc=fourcc)
    return writer


def _ascii(text: str) -> str:
    # OpenCV's Hershey fonts draw ASCII only; the QR code carries the text as given.
    return text.encode("ascii", "replace").decode("ascii")


@dataclass(frozen=True)
class Caption:
    lpn: str
    station: str
    inspector: str
    tz: tzinfo | None = None  # local time zone; None: the system's


class FrameStamper:
    """Scales a frame to at most 1280×720 and burns in the caption and the QR code."""

    def __init__(self, caption: Caption) -> None:
        import cv2

        self.caption = caption
        self._encoder = cv2.QRCodeEncoder.create()
        self._qr_text = ""
        self._qr: np.ndarray | None = None

    def qr_text(self, at: datetime) -> str:
        utc = at.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        return f"{self.caption.lpn}|{self.caption.station}|{utc}"

    def _qr_image(self, text: str, module: int) -> np.ndarray:
        import cv2

        if text != self._qr_text or self._qr is None:
            code = self._encoder.encode(text)  # with its quiet zone, 0/255
            size = code.shape[0] * module
            gray = cv2.resize(code, (size, size), interpolation=cv2.INTER_NEAREST)
            self._qr = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
            self._qr_text = text
        return self._qr

    def stamp(self, frame: np.ndarray, at: datetime) -> np.ndarray:
        import cv2

        height, width = frame.shape[:2]
        scale = min(MAX_VIDEO_SIZE[0] / width, MAX_VIDEO_SIZE[1] / height, 1.0)
        if scale < 1.0:
            size = (max(2, round(width * scale) // 2 * 2), max(2, round(height * scale) // 2 * 2))
            image = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
        else:
            image = frame.copy()  # the decoder may still be reading the camera's frame
        height, width = image.shape[:2]
        c = self.caption
        local = at.astimezone(c.tz)
        lines = [
            f"LPN {_ascii(c.lpn)}   station {_ascii(c.station)}   inspector {_ascii(c.inspector)}",
            f"{local.strftime('%Y-%m-%d %H:%M:%S')}.{local.microsecond // 1000:03d} "
            f"{local.strftime('%z')} local   "
            f"{at.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%S')}.{at.microsecond // 1000:03d}Z UTC",
        ]
        font_scale = max(0.4, height / 1200)
        thickness = 1 if height < 600 else 2
        line_height = int(30 * font_scale) + 8
        top = height - line_height * len(lines) - 6
        cv2.rectangle(image, (0, top), (width, height), (0, 0, 0), -1)
        for n, line in enumerate(lines):
            y = top + line_height * (n + 1) - 4
            cv2.putText(
                image, line, (8, y), cv2.FONT_HERSHEY_SIMPLEX, font_scale, (255, 255, 255),
                thickness, cv2.LINE_AA,
            )  # fmt: skip
        qr = self._qr_image(self.qr_text(at), max(2, height // 180))
        q = qr.shape[0]
        if q + 8 < min(width, top):
            image[8 : 8 + q, width - 8 - q : width - 8] = qr
        return image


# --- the recorder --------------------------------------------------------------------------
