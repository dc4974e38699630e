"""The station webcam (or a video file standing in for it) and the debouncing of codes seen
in successive frames (SPEC §2 step 2: scanning the RMA barcode with the webcam).

No Qt and no threads here: :class:`FrameSource` is synchronous, and the UI wraps it in its own
``QThread`` (STYLE: "the camera runs in its own QThread"). :class:`CodeDebouncer` is pure: the
caller passes the time in, so tests need no clock and no sleeps.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self
from urllib.parse import urlsplit

from qc_station.domain.errors import ValidationError
from qc_station.services.station_ports import CameraUnavailable as CameraUnavailable

if TYPE_CHECKING:
    # OpenCV and the decoder load in about a third of a second: the station imports this
    # module at start and loads them when a camera is first opened.
    import cv2
    import numpy as np

    from qc_station.adapters.barcodes import DecodedCode

log = logging.getLogger(__name__)

#: What the station asks a webcam for: enough pixels for a Code128 held at arm's length,
#: little enough to decode every frame at 25 fps (see docs/decoding.md).
PREFERRED_SIZE = (1280, 720)


class FrameSource(Protocol):
    """Frames from a camera or a video file, one at a time, on the caller's thread."""

    def read(self) -> np.ndarray | None:
        """The next BGR frame, or ``None`` at the end of a file or when the camera gave
        nothing (unplugged, or a dropped frame: the caller decides whether to retry)."""
        ...

    def close(self) -> None:
        """Release the device; safe to call twice."""
        ...


class VideoCaptureSource:
    """A :class:`FrameSource` over ``cv2.VideoCapture``; use :func:`open_camera`."""

    def __init__(self, capture: cv2.VideoCapture, description: str) -> None:
        self._capture: cv2.VideoCapture | None = capture
        self.description = description

    def read(self) -> np.ndarray | None:
        if self._capture is None:
            return None
        ok, frame = self._capture.read()
        if not ok or frame is None:
            return None
        return frame

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._capture is None else "open"
        return f"<VideoCaptureSource {self.description} ({state})>"


#: The URL schemes a camera may be reached by: an IP camera's RTSP or HTTP(S) stream.
URL_SCHEMES = ("rtsp", "rtsps", "http", "https")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
MAX_CAMERA_INDEX = 63


def parse_camera_source(text: str) -> int | str:
    """The camera named in the settings or on the command line: a device index (``0``), a
    device path (``/dev/video2``), an RTSP or HTTP(S) URL (an IP camera above the bench), or
    the path of a video file (tests, demos). Anything else is refused with a
    ``ValidationError`` saying what is accepted."""
    value = text.strip() if isinstance(text, str) else ""
    if not value or any(ord(ch) < 32 for ch in value):
        shown = repr(text)[1:-1] if isinstance(text, str) else repr(text)
        raise ValidationError("camera.not_a_camera", field="camera", value=shown)
    if re.fullmatch(r"[+-]?[0-9]+", value):
        index = int(value)
        if not 0 <= index <= MAX_CAMERA_INDEX:
            raise ValidationError(
                "camera.number_out_of_range", field="camera", value=index, limit=MAX_CAMERA_INDEX
            )
        return index
    scheme = _SCHEME.match(value)
    if scheme:
        if scheme.group(1).lower() not in URL_SCHEMES:
            raise ValidationError(
                "camera.scheme_unsupported",
                field="camera",
                value=_redacted(value),
                scheme=scheme.group(1),
            )
        if not urlsplit(value).hostname:
            raise ValidationError("camera.no_host", field="camera", value=_redacted(value))
        return value
    path = Path(value).expanduser()
    if path.is_char_device() or path.is_file():
        return str(path)
    raise ValidationError("camera.not_found", field="camera", value=value)


def _redacted(url: str) -> str:
    """A camera URL for messages and logs, without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=netloc).geturl()


def open_camera(source: int | str) -> VideoCaptureSource:
    """Open camera number ``source`` (0 is the first webcam), the device at path ``source``,
    the stream at URL ``source`` (RTSP, HTTP) or the video file at path ``source``; raise
    :class:`CameraUnavailable` with a message naming it when it cannot be opened."""
    import cv2

    is_url = isinstance(source, str) and _SCHEME.match(source) is not None
    if isinstance(source, int):
        description = f"camera {source}"
        capture = cv2.VideoCapture(source)
    elif is_url:
        description = f"camera stream {_redacted(source)}"
        capture = cv2.VideoCapture(source, cv2.CAP_FFMPEG)
    else:
        path = Path(source)
        device = path.is_char_device()
        description = f"camera device {path}" if device else f"video file {path}"
        # Checked first: OpenCV's own answer to a missing file is a bare False plus backend
        # warnings on stderr, which say nothing an operator can act on.
        if not device and not path.is_file():
            raise CameraUnavailable("camera.file_missing", source=source)
        capture = cv2.VideoCapture(str(path))
    if not capture.isOpened():
        capture.release()
        if isinstance(source, int):
            raise CameraUnavailable("camera.cannot_open_number", source=source)
        if is_url:
            raise CameraUnavailable("camera.cannot_open_stream", source=_redacted(source))
        if description.startswith("camera device"):
            raise CameraUnavailable("camera.cannot_open_device", source=source)
        raise CameraUnavailable("camera.cannot_open_file", source=source)
    if isinstance(source, int):
        # A request, not a guarantee: a camera that cannot do 1280×720 picks its nearest mode.
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, PREFERRED_SIZE[0])
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, PREFERRED_SIZE[1])
    log.info("opened %s", description)
    return VideoCaptureSource(capture, description)


class CodeDebouncer:
    """Turns the codes decoded in successive frames into scan events, so that a parcel held
    in front of the camera opens its RMA once.

    A code is emitted when it was decoded in at least ``min_hits`` of the last ``window``
    frames (one lucky frame of a misread is not a scan) and it has not been in view during
    the last ``hold_off`` seconds before that. While a code stays in view it is not emitted
    again, however long it is held; it can be scanned again after it has left the view for
    ``hold_off`` seconds. That is stricter than "not emitted in the last ``hold_off``
    seconds", which would reopen a held parcel every ``hold_off`` seconds.

    ``now`` is a monotonic time in seconds given by the caller (``time.monotonic()`` in the
    camera thread, made-up values in tests).
    """

    def __init__(self, window: int = 5, min_hits: int = 2, hold_off: float = 2.0) -> None:
        if not 1 <= min_hits <= window:
            raise ValueError(f"need 1 ≤ min_hits ≤ window, got {min_hits} and {window}")
        if hold_off < 0:
            raise ValueError(f"hold_off must not be negative, got {hold_off}")
        self.window = window
        self.min_hits = min_hits
        self.hold_off = hold_off
        self._frames: deque[frozenset[str]] = deque(maxlen=window)
        # text → when it was last in view, for codes emitted and not yet released.
        self._last_seen: dict[str, float] = {}

    def feed(self, codes: Iterable[DecodedCode], now: float) -> list[DecodedCode]:
        """The codes of one frame in; the codes to act on now out (usually none)."""
        current = {code.text: code for code in codes}
        self._frames.append(frozenset(current))
        # Release codes that have been out of view long enough to be scanned again.
        for text, seen in list(self._last_seen.items()):
            if text not in current and now - seen >= self.hold_off:
                del self._last_seen[text]
        emitted = []
        for text, code in current.items():
            if text in self._last_seen:
                self._last_seen[text] = max(self._last_seen[text], now)
                continue
            hits = sum(1 for frame in self._frames if text in frame)
            if hits >= self.min_hits:
                self._last_seen[text] = now
                emitted.append(code)
        return emitted

    def reset(self) -> None:
        """Forget everything (a new session, a station unlocked): the next sighting counts."""
        self._frames.clear()
        self._last_seen.clear()
