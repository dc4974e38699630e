"""The camera in its own ``QThread`` (STYLE "Off the GUI thread": the camera runs in its own
thread): read a frame, decode it, debounce the codes, and hand the GUI thread a small preview
now and then, a debounced code when one is seen, or a full-size still when one was asked for.

**One capture, two consumers.** Each frame is decoded for barcodes and, while an inspection
records its unboxing video (SPEC §7.5), also offered to that recording, here on the camera
thread, with the time it was read (UTC). ``Recording.add_frame`` only appends to a bounded
queue (the encoder has its own thread), so recording costs the scanning nothing, and no frame
passes through the GUI thread. :meth:`CameraController.set_recording` attaches or detaches
the recording; it stays attached across a stop and a start (the page changed, the camera was
turned off and on), so the frames of the restarted camera go on into the same clip.

What crosses threads: only Qt value types (``QImage``, ``str``) through queued signals.
Failures are kept in :attr:`CameraThread.error` and announced by a signal without
arguments (PySide 6.12 miscounts references of Python objects sent through queued
``object`` signals; see ``ui/tasks.py``).

:class:`CameraController` lives on the GUI thread and is the only thing the pages talk to:
``start()``, ``stop()``, ``request_still()``. Stopping waits for the thread, so a page change,
a sign-out or closing the window never leaves a camera open or a thread running.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

from qc_station.domain.errors import QcError
from qc_station.services.station_ports import (
    CameraUnavailable,
    CodeDebouncer,
    FrameDecoder,
    FrameSource,
)
from qc_station.services.video_ports import Recording

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

#: Preview frames per second: enough to aim a label, little enough not to load the GUI thread.
PREVIEW_FPS = 12
#: The preview's width; the pages scale it again to fit.
PREVIEW_WIDTH = 480
#: How long a camera may give nothing before it counts as lost (unplugged, or the end of a
#: video file standing in for it).
LOST_AFTER_S = 2.0
_MISS_PAUSE_S = 0.02

SourceFactory = Callable[[], FrameSource]
DebouncerFactory = Callable[[], CodeDebouncer]


class CameraLost(QcError):
    """The camera gave no frame for a while: unplugged, or taken by another program."""

    code = "camera_lost"


def frame_to_qimage(frame: np.ndarray, width: int | None = None) -> QImage:
    """A BGR (or grayscale) frame as a ``QImage`` that owns its pixels, optionally scaled to
    ``width`` (height follows). Safe on any thread: ``QImage`` is not a widget."""
    if frame.ndim == 2:
        height, w = frame.shape
        image = QImage(frame.data, w, height, frame.strides[0], QImage.Format.Format_Grayscale8)
    else:
        height, w = frame.shape[:2]
        four = frame.shape[2] == 4
        fmt = QImage.Format.Format_ARGB32 if four else QImage.Format.Format_BGR888
        image = QImage(frame.data, w, height, frame.strides[0], fmt)
    # copy(): the QImage above borrows numpy's buffer, which is gone after this function.
    if width is not None and w > width:
        return image.scaledToWidth(width)  # a new image with its own pixels
    return image.copy()


class CameraThread(QThread):
    """Reads frames until :meth:`stop`; emits what the GUI thread needs."""

    preview_ready = Signal(QImage)
    code_decoded = Signal(str)
    still_captured = Signal(QImage)
    #: The camera could not be opened or was lost; the reason is in :attr:`error`.
    camera_failed = Signal()

    def __init__(
        self,
        open_source: SourceFactory,
        *,
        decode: FrameDecoder,
        debouncer: CodeDebouncer,
        frame_pause: float = 0.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraThread")
        self._open_source = open_source
        self._decode = decode
        self._debouncer = debouncer
        # A pause after each frame: 0 for a webcam (read() waits for the next frame itself);
        # a frame rate for a video file or test source, which would otherwise run flat out.
        self._frame_pause = frame_pause
        self._stop = threading.Event()
        self._still_wanted = threading.Event()
        self._lock = threading.Lock()
        self._error: QcError | None = None
        self._recording: Recording | None = None
        #: Frames read and decoded since start (for the benchmark and the log).
        self.frames = 0
        #: Frames the active recording took (it thins a faster camera to its own rate).
        self.recorded = 0
        self.decode_seconds = 0.0

    @property
    def error(self) -> QcError | None:
        with self._lock:
            return self._error

    def stop(self) -> None:
        """Ask the loop to end; :meth:`wait` for it."""
        self._stop.set()

    def request_still(self) -> None:
        """The next frame is also sent full-size through ``still_captured``."""
        self._still_wanted.set()

    def set_recording(self, recording: Recording | None) -> None:
        """Offer every frame from now on to ``recording`` too (None: to no recording)."""
        with self._lock:
            self._recording = recording

    def run(self) -> None:
        try:
            source = self._open_source()
        except QcError as error:
            self._fail(error)
            return
        except Exception as error:  # an OpenCV backend error must not kill the station
            log.exception("camera could not be opened")
            self._fail(CameraUnavailable("camera.unavailable", source="", detail=str(error)))
            return
        try:
            self._loop(source)
        except Exception as error:
            log.exception("camera thread failed")
            self._fail(CameraLost("camera.lost", detail=str(error)))
        finally:
            source.close()
            log.info(
                "camera stopped after %d frames (decode %.1f ms per frame)",
                self.frames,
                1000 * self.decode_seconds / max(1, self.frames),
            )

    def _loop(self, source: FrameSource) -> None:
        # The decoder loads OpenCV and zxing-cpp at its first frame, here on the camera
        # thread, not at start-up: most starts never open the camera.
        decode_frame = self._decode
        preview_every = 1.0 / PREVIEW_FPS
        last_preview = 0.0
        missing_since: float | None = None
        while not self._stop.is_set():
            frame = source.read()
            now = time.monotonic()
            if frame is None:
                missing_since = missing_since if missing_since is not None else now
                if now - missing_since >= LOST_AFTER_S:
                    self._fail(CameraLost("camera.lost"))
                    return
                self._stop.wait(_MISS_PAUSE_S)
                continue
            missing_since = None
            self._record(frame)
            started = time.perf_counter()
            codes = decode_frame(frame)
            self.decode_seconds += time.perf_counter() - started
            self.frames += 1
            for code in self._debouncer.feed(codes, now):
                self.code_decoded.emit(code.text)
            if self._still_wanted.is_set():
                self._still_wanted.clear()
                self.still_captured.emit(frame_to_qimage(frame))
            if now - last_preview >= preview_every:
                last_preview = now
                self.preview_ready.emit(frame_to_qimage(frame, PREVIEW_WIDTH))
            if self._frame_pause:
                self._stop.wait(self._frame_pause)

    def _record(self, frame: np.ndarray) -> None:
        with self._lock:
            recording = self._recording
        if recording is None:
            return
        try:
            if recording.add_frame(frame, datetime.now(UTC)):
                self.recorded += 1
        except Exception:  # a broken recording must not stop the scanning
            log.exception("the recording refused a frame; recording stops")
            with self._lock:
                if self._recording is recording:
                    self._recording = None

    def _fail(self, error: QcError) -> None:
        log.warning("camera: %s", error)
        with self._lock:
            self._error = error
        self.camera_failed.emit()


class CameraController(QObject):
    """The station's one camera, on the GUI thread: pages start and stop it and listen."""

    running_changed = Signal(bool)
    preview_ready = Signal(QImage)
    code_decoded = Signal(str)
    still_captured = Signal(QImage)
    #: The camera could not be opened or was lost; :attr:`error` says why.
    camera_failed = Signal()

    def __init__(
        self,
        open_source: SourceFactory,
        *,
        decode: FrameDecoder,
        new_debouncer: DebouncerFactory,
        frame_pause: float = 0.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_source = open_source
        self._decode = decode
        self._new_debouncer = new_debouncer
        self._frame_pause = frame_pause
        self._thread: CameraThread | None = None
        self._recording: Recording | None = None
        self.error: QcError | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def thread_object(self) -> CameraThread | None:
        """The running thread (for tests and the benchmark)."""
        return self._thread

    def start(self) -> None:
        if self._thread is not None:
            return
        self.error = None
        thread = CameraThread(
            self._open_source,
            decode=self._decode,
            debouncer=self._new_debouncer(),
            frame_pause=self._frame_pause,
            parent=self,
        )
        thread.preview_ready.connect(self.preview_ready)
        thread.code_decoded.connect(self._on_thread_code_decoded)
        thread.still_captured.connect(self.still_captured)
        thread.camera_failed.connect(self._on_thread_camera_failed)
        thread.set_recording(self._recording)
        self._thread = thread
        thread.start()
        self.running_changed.emit(True)

    def stop(self) -> None:
        """Stop the thread and wait for it (a frame's time, at most a couple of seconds)."""
        thread = self._thread
        if thread is None:
            return
        self._thread = None
        thread.stop()
        if not thread.wait(5000):
            log.error("the camera thread did not stop within 5 s")
        # Signals it emitted before stopping are still queued: disconnect, so a late code
        # does not open an RMA after the page that wanted it has gone.
        thread.preview_ready.disconnect(self.preview_ready)
        thread.code_decoded.disconnect(self._on_thread_code_decoded)
        thread.still_captured.disconnect(self.still_captured)
        thread.camera_failed.disconnect(self._on_thread_camera_failed)
        thread.deleteLater()
        self.running_changed.emit(False)

    @property
    def recording(self) -> Recording | None:
        return self._recording

    def set_recording(self, recording: Recording | None) -> None:
        """The recording the camera's frames also go to (None: none), now and after any
        later start, until it is set again."""
        self._recording = recording
        if self._thread is not None:
            self._thread.set_recording(recording)

    def request_still(self) -> bool:
        """Ask for a full-size frame; False when the camera is not running."""
        if self._thread is None:
            return False
        self._thread.request_still()
        return True

    def _on_thread_code_decoded(self, text: str) -> None:
        if self._thread is not None:
            self.code_decoded.emit(text)

    def _on_thread_camera_failed(self) -> None:
        thread = self._thread
        if thread is None or self.sender() is not thread:
            return
        self.error = thread.error
        self.stop()
        self.camera_failed.emit()
