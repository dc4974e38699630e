"""The unboxing video (SPEC §7.5): a recorder that burns the unit's words and a QR code into
every frame and writes MP4 on its own thread, the content-addressed store the clips are kept
in (``video_store.py``, with the check of a clip recorded elsewhere).

- **Never blocking.** ``add_frame`` (the capture thread) does a little arithmetic and appends
  to a bounded queue; when the encoder falls behind, frames are dropped and counted.
  ``finish`` only sets a flag: the last frames, the flush, the check, the SHA-256 and the
  move into the store happen on the recorder's thread, and a future gives the clip.
- **Failing half-way** keeps what can be kept: when the disk runs low while recording, the
  clip ends there (the margin ``min_free_bytes`` leaves room to close the file) and is stored
  as a shorter clip, with :attr:`ClipRecording.failure` saying why; a writer error (the disk
  really full, the encoder gone) leaves a file that cannot be played, so nothing is kept.
  Each ``RecordingFailed`` carries a ``reason`` parameter (``video_ports.FailureReason``) the
  screens word.
- **The rate** is held from the capture times: frame *n* of the clip shows what the camera saw
  at ``start + n / fps``; a camera faster than the clip is thinned, a slower one (or a stall)
  is filled by repeating the last frame, so the clip's duration is the time it covered.
- **The QR code** in the top-right corner holds ``LPN|station|UTC time`` (ISO 8601, to the
  second: encoding one costs ~20 ms, so it changes once a second); the burned-in text gives
  the local and UTC time to the millisecond.
- **Codec**: H.264 (``avc1``) where this OpenCV's FFmpeg has an encoder for it, else MPEG-4
  Part 2 (``mp4v``); probed once per process.
- **Files**: recorded into a temporary file, checked (it opens and its first frame
  decodes), then moved into ``ROOT/ab/<sha256>.mp4``, 0600 in 0700 folders (SPEC §6). A full
  disk, or any writer error, leaves no file and fails the future with ``RecordingFailed``.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import tempfile
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from qc_station.services.video_ports import (
    VIDEO_FPS,
    ClipRecord,
    FailureReason,
    RecordingFailed,
)

from .photo_store import PRIVATE_FOLDER_MODE
from .video_frames import (
    Caption,
    FrameStamper,
    FrameWriter,
    WriterFactory,
    opencv_writer,
    video_codec,
)
from .video_store import FileSystemVideoStore, as_failure, probe_clip

log = logging.getLogger(__name__)

#: Frames waiting for the encoder; beyond this the newest are dropped (and counted).
QUEUE_FRAMES = 24
#: Below this much free space where the clip is written, recording stops ("disk full").
MIN_FREE_BYTES = 64 * 1024 * 1024


class OpenCvVideoRecorder:
    """``VideoRecorder``: each ``start`` makes a :class:`ClipRecording` on its own thread."""

    def __init__(
        self,
        store: FileSystemVideoStore,
        temp_dir: Path,
        *,
        fps: int = VIDEO_FPS,
        open_writer: WriterFactory = opencv_writer,
        min_free_bytes: int = MIN_FREE_BYTES,
        tz: tzinfo | None = None,
    ) -> None:
        self.store = store
        self.temp_dir = Path(temp_dir)
        self.fps = fps
        self.open_writer = open_writer
        self.min_free_bytes = min_free_bytes
        self.tz = tz

    def start(
        self,
        *,
        lpn: str,
        station: str,
        inspector: str,
        max_minutes: int,
        on_done: Callable[[Future[ClipRecord]], None] | None = None,
    ) -> ClipRecording:
        try:
            self.temp_dir.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
            free = shutil.disk_usage(self.temp_dir).free
        except OSError as exc:
            raise RecordingFailed(
                "video.folder_not_writable",
                path=str(self.temp_dir),
                reason=FailureReason.FOLDER,
                detail=exc.strerror or str(exc),
            ) from None
        if free < self.min_free_bytes:
            raise RecordingFailed(
                "video.disk_full", path=str(self.temp_dir), reason=FailureReason.DISK_FULL
            )
        return ClipRecording(
            self, Caption(lpn, station, inspector, self.tz), max_minutes, on_done=on_done
        )

    def free_bytes(self) -> int:
        """The free space where clips are written and kept (the smaller of the two)."""
        free = []
        for folder in (self.temp_dir, self.store.root):
            existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
            if existing is not None:
                with contextlib.suppress(OSError):
                    free.append(shutil.disk_usage(existing).free)
        return min(free) if free else 0


class ClipRecording:
    """One clip being recorded (``Recording``); see the module docstring."""

    def __init__(
        self,
        recorder: OpenCvVideoRecorder,
        caption: Caption,
        max_minutes: int,
        *,
        on_done: Callable[[Future[ClipRecord]], None] | None = None,
    ) -> None:
        self._recorder = recorder
        self._fps = recorder.fps
        self._max_frames = max(1, int(max_minutes * 60 * self._fps))
        self._stamper = FrameStamper(caption)
        self._cond = threading.Condition()
        self._queue: deque[tuple[Any, datetime, int]] = deque()
        self._stopping = False
        self._aborted = False
        self._start: datetime | None = None
        self._next_slot = 0
        self.dropped = 0
        self.cut = False
        self._failure: str | None = None
        self._failure_reason: FailureReason | None = None
        self.future: Future[ClipRecord] = Future()
        if on_done is not None:
            self.future.add_done_callback(on_done)
        self._thread = threading.Thread(target=self._run, name=f"video-{caption.lpn}", daemon=True)
        self._thread.start()

    @property
    def failure(self) -> str | None:
        return self._failure

    @property
    def failure_reason(self) -> FailureReason | None:
        return self._failure_reason

    # --- the capture thread's side: arithmetic and an append, nothing more -----------------

    def add_frame(self, frame: Any, captured_at: datetime) -> bool:
        with self._cond:
            if self._stopping or self._failure is not None:
                return False
            if self._start is None:
                self._start = captured_at
            # In whole microseconds, with half a millisecond of slack, so a time of exactly
            # n / fps (rounded to microseconds by datetime) is slot n, not n - 1.
            micros = (captured_at - self._start) // timedelta(microseconds=1)
            slot = (micros * self._fps + 500 * self._fps) // 1_000_000
            if slot < self._next_slot:
                return False  # the camera is faster than the clip: thinned, not dropped
            if slot >= self._max_frames:
                self.cut = True  # video_max_minutes: the clip ends here
                return False
            if len(self._queue) >= QUEUE_FRAMES:
                self.dropped += 1
                return False
            self._queue.append((frame, captured_at, slot))
            self._next_slot = slot + 1
            self._cond.notify()
            return True

    def finish(self) -> Future[ClipRecord]:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        return self.future

    def abort(self) -> None:
        with self._cond:
            self._stopping = self._aborted = True
            self._queue.clear()
            self._cond.notify()

    def wait(self, timeout: float | None = None) -> ClipRecord:
        """The clip, once finished (tests, the command line)."""
        return self.future.result(timeout)

    # --- the recorder's thread -------------------------------------------------------------

    def _next(self) -> tuple[Any, datetime, int] | None:
        with self._cond:
            while not self._queue and not self._stopping:
                self._cond.wait()
            if self._aborted or not self._queue:
                return None
            return self._queue.popleft()

    def _run(self) -> None:
        recorder = self._recorder
        temp: Path | None = None
        writer: FrameWriter | None = None
        try:
            codec = video_codec()
            fd, name = tempfile.mkstemp(prefix=".clip-", suffix=".mp4", dir=recorder.temp_dir)
            os.close(fd)
            temp = Path(name)
            written = 0
            size: tuple[int, int] | None = None
            last = None
            ended: datetime | None = None
            while (item := self._next()) is not None:
                frame, at, slot = item
                image = self._stamper.stamp(frame, at)
                if size is None:
                    size = (image.shape[1], image.shape[0])
                    writer = recorder.open_writer(temp, codec, float(self._fps), size)
                elif (image.shape[1], image.shape[0]) != size:
                    import cv2

                    image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
                assert writer is not None
                while last is not None and written < slot:
                    writer.write(last)  # a slow camera or a stall: hold the last picture
                    written += 1
                writer.write(image)
                written += 1
                last, ended = image, at
                if written % (self._fps * 2) == 0 and self._low_space(recorder):
                    self._cut_short(recorder, at)
                    break
            if self._aborted:
                raise _Aborted
            if writer is None or written == 0 or self._start is None or ended is None:
                raise RecordingFailed("video.no_frames", reason=FailureReason.NO_FRAMES)
            writer.release()
            writer = None
            self._check_playable(temp, written)
            sha256, size_bytes = recorder.store.put_file(temp)
            temp = None
            duration_ms = round(written * 1000 / self._fps)
            clip = ClipRecord(
                sha256=sha256,
                started_at=self._start.astimezone(UTC),
                ended_at=(self._start + timedelta(milliseconds=duration_ms)).astimezone(UTC),
                duration_ms=duration_ms,
                frames=written,
                size_bytes=size_bytes,
                codec=codec,
                dropped=self.dropped,
            )
            if self.dropped:
                log.warning("clip %s: %d frames dropped (encoder behind)", sha256, self.dropped)
            outcome: ClipRecord | RecordingFailed | None = clip
        except _Aborted:
            outcome = None
        except BaseException as exc:  # the future carries every failure
            outcome = as_failure(exc, recorder.temp_dir)
            self._failure_reason = FailureReason(outcome.params.get("reason", FailureReason.FAILED))
            self._failure = str(outcome)
            log.error("recording failed: %s", outcome)
        finally:
            with self._cond:
                self._stopping = True
                self._queue.clear()
            if writer is not None:
                with contextlib.suppress(Exception):
                    writer.release()
            if temp is not None:
                temp.unlink(missing_ok=True)
        # Only now, with nothing left behind, does the caller learn the outcome.
        if outcome is None:
            self.future.cancel()
        elif isinstance(outcome, RecordingFailed):
            self.future.set_exception(outcome)
        else:
            self.future.set_result(outcome)

    @staticmethod
    def _low_space(recorder: OpenCvVideoRecorder) -> bool:
        return shutil.disk_usage(recorder.temp_dir).free < recorder.min_free_bytes

    def _cut_short(self, recorder: OpenCvVideoRecorder, at: datetime) -> None:
        """The disk runs low: end the clip here, keeping what was recorded (the margin
        leaves room to close the file); ``failure`` says why from now on."""
        with self._cond:
            self._stopping = True
            self._queue.clear()
            self._failure_reason = FailureReason.DISK_FULL
            self._failure = (
                f"the disk holding {recorder.temp_dir} is nearly full: the unboxing video "
                f"stopped at {at.astimezone(UTC):%H:%M:%S} UTC; what was recorded is kept"
            )
        log.error("recording cut short: %s", self._failure)

    def _check_playable(self, path: Path, frames: int) -> None:
        if path.stat().st_size == 0:
            raise OSError(errno.ENOSPC, "the clip is empty")
        if self._recorder.open_writer is opencv_writer:
            probe_clip(path)


class _Aborted(Exception):
    pass
