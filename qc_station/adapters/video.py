"""The unboxing video (SPEC §7.5): a recorder that burns the unit's words and a QR code into
every frame and writes MP4 on its own thread, the content-addressed store the clips are kept
in, and the check of a clip recorded elsewhere.

- **Never blocking.** ``add_frame`` (the capture thread) does a little arithmetic and appends
  to a bounded queue; when the encoder falls behind, frames are dropped and counted.
  ``finish`` only sets a flag: the last frames, the flush, the check, the SHA-256 and the
  move into the store happen on the recorder's thread, and a future gives the clip.
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
import hashlib
import logging
import os
import re
import shutil
import tempfile
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qc_station.domain.errors import NotFound, ValidationError
from qc_station.services.video_ports import (
    VIDEO_FPS,
    ClipRecord,
    RecordingFailed,
)

from .files import fsync_folder
from .photo_store import PRIVATE_FOLDER_MODE
from .video_frames import (
    Caption,
    FrameStamper,
    FrameWriter,
    WriterFactory,
    opencv_writer,
    video_codec,
)

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

PRIVATE_FILE_MODE = 0o600
#: Frames waiting for the encoder; beyond this the newest are dropped (and counted).
QUEUE_FRAMES = 24
#: Below this much free space where the clip is written, recording stops ("disk full").
MIN_FREE_BYTES = 64 * 1024 * 1024
#: The largest clip ``inspect --video FILE`` accepts: 10 minutes (the default cut) of the
#: station's own 1280×720 video is under 300 MB; a camera's own file may be richer.
MAX_IMPORT_BYTES = 1024 * 1024 * 1024

_SHA256 = re.compile(r"[0-9a-f]{64}")


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
                f"the video folder {self.temp_dir} is not writable ({exc.strerror or exc})",
                path=str(self.temp_dir),
            ) from None
        if free < self.min_free_bytes:
            raise RecordingFailed(_disk_full(self.temp_dir), path=str(self.temp_dir))
        return ClipRecording(
            self, Caption(lpn, station, inspector, self.tz), max_minutes, on_done=on_done
        )


def _disk_full(folder: Path) -> str:
    return f"the disk holding {folder} is full: the unboxing video was not kept"


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
        self.future: Future[ClipRecord] = Future()
        if on_done is not None:
            self.future.add_done_callback(on_done)
        self._thread = threading.Thread(target=self._run, name=f"video-{caption.lpn}", daemon=True)
        self._thread.start()

    @property
    def failure(self) -> str | None:
        return self._failure

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
                if written % (self._fps * 2) == 0:
                    self._check_space(recorder)
            if self._aborted:
                raise _Aborted
            if writer is None or written == 0 or self._start is None or ended is None:
                raise RecordingFailed("the camera gave no frames: there is no video")
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
            outcome = _as_failure(exc, recorder.temp_dir)
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

    def _check_space(self, recorder: OpenCvVideoRecorder) -> None:
        if shutil.disk_usage(recorder.temp_dir).free < recorder.min_free_bytes:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def _check_playable(self, path: Path, frames: int) -> None:
        if path.stat().st_size == 0:
            raise OSError(errno.ENOSPC, "the clip is empty")
        if self._recorder.open_writer is opencv_writer:
            probe_clip(path)


class _Aborted(Exception):
    pass


def _as_failure(exc: BaseException, folder: Path) -> RecordingFailed:
    if isinstance(exc, RecordingFailed):
        return exc
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return RecordingFailed(_disk_full(folder), path=str(folder))
    if isinstance(exc, OSError):
        return RecordingFailed(
            f"the unboxing video could not be written in {folder} ({exc.strerror or exc})",
            path=str(folder),
        )
    return RecordingFailed(f"the unboxing video failed: {exc}")


# --- checking a clip -----------------------------------------------------------------------


@dataclass(frozen=True)
class ClipFacts:
    frames: int
    fps: float
    width: int
    height: int
    codec: str


def probe_clip(path: Path) -> ClipFacts:
    """Open the clip and decode its first frame; ``RecordingFailed`` when it does not."""
    import cv2

    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    try:
        if not capture.isOpened():
            raise RecordingFailed(f"{path.name} is not a video OpenCV can read", path=str(path))
        ok, frame = capture.read()
        if not ok or frame is None:
            raise RecordingFailed(f"{path.name} has no frame that decodes", path=str(path))
        frames = int(capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
        fourcc = int(capture.get(cv2.CAP_PROP_FOURCC) or 0)
        codec = "".join(chr((fourcc >> (8 * i)) & 0xFF) for i in range(4)).strip("\0 ")
        return ClipFacts(max(frames, 1), fps, frame.shape[1], frame.shape[0], codec or "?")
    finally:
        capture.release()


def import_clip(
    path: Path, store: FileSystemVideoStore, *, max_bytes: int = MAX_IMPORT_BYTES
) -> ClipRecord:
    """A clip recorded elsewhere (``inspect --video FILE``): checked (a file, at most
    ``max_bytes``, it decodes, it has frames), copied into the store. Its end is the file's
    modification time, its start that minus its duration."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ValidationError(
            f"cannot read video {path}: {exc.strerror or exc}", field="video", value=str(path)
        ) from None
    if not path.is_file():
        raise ValidationError(f"video {path} is not a file", field="video", value=str(path))
    if stat.st_size > max_bytes:
        raise ValidationError(
            f"video {path.name} is {stat.st_size // 2**20} MB; at most "
            f"{max_bytes // 2**20} MB is accepted",
            field="video",
            value=str(path),
        )
    try:
        facts = probe_clip(path)
    except RecordingFailed as exc:
        raise ValidationError(str(exc), field="video", value=str(path)) from None
    duration_ms = round(facts.frames * 1000 / facts.fps) if facts.fps > 0 else 0
    ended = datetime.fromtimestamp(stat.st_mtime, UTC)
    sha256, size = store.put_file(path, move=False)
    return ClipRecord(
        sha256=sha256,
        started_at=ended - timedelta(milliseconds=duration_ms),
        ended_at=ended,
        duration_ms=duration_ms,
        frames=facts.frames,
        size_bytes=size,
        codec=facts.codec,
    )


# --- the store -----------------------------------------------------------------------------


class FileSystemVideoStore:
    """``VideoStore``: ``ROOT/ab/<sha256>.mp4``, files 0600 in folders 0700 (SPEC §6).
    ``create``: whether a missing root may be made (as for the photo store: not on a shared
    folder that is not mounted)."""

    def __init__(self, root: Path, *, create: bool = False) -> None:
        self.root = Path(root)
        self.create = create

    def path(self, sha256: str) -> Path:
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            raise ValidationError(
                f"{sha256!r} is not a clip name (64 lower-case hex digits)",
                field="sha256",
                value=str(sha256)[:80],
            )
        return self.root / sha256[:2] / f"{sha256}.mp4"

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def get(self, sha256: str) -> bytes:
        try:
            return self.path(sha256).read_bytes()
        except FileNotFoundError:
            raise NotFound(f"video {sha256} not found", sha256=sha256) from None
        except OSError as exc:
            raise RecordingFailed(
                f"video {sha256} cannot be read ({exc.strerror or exc})", sha256=sha256
            ) from None

    def delete(self, sha256: str) -> bool:
        target = self.path(sha256)
        try:
            target.unlink()
        except FileNotFoundError:
            return False
        fsync_folder(target.parent)
        return True

    def put_file(self, source: Path, *, move: bool = True) -> tuple[str, int]:
        """Store the file ``source``: moved (renamed when on the same file system) or
        copied; (SHA-256, size). Nothing is left half-written on failure."""
        source = Path(source)
        digest = hashlib.sha256()
        size = 0
        with source.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
        sha256 = digest.hexdigest()
        target = self.path(sha256)
        try:
            if not self.root.is_dir():
                if not self.create and not self.root.parent.is_dir():
                    raise RecordingFailed(
                        f"the video folder {self.root} is missing", path=str(self.root)
                    )
                self.root.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
            target.parent.mkdir(mode=PRIVATE_FOLDER_MODE, exist_ok=True)
            if target.is_file() and target.stat().st_size == size:
                if move:
                    source.unlink(missing_ok=True)
                return sha256, size
            if target.is_symlink():
                target.unlink()
            if move and source.stat().st_dev == target.parent.stat().st_dev:
                os.chmod(source, PRIVATE_FILE_MODE)
                os.replace(source, target)
            else:
                self._copy(source, target)
                if move:
                    source.unlink(missing_ok=True)
            fsync_folder(target.parent)
        except OSError as exc:
            raise _as_failure(exc, self.root) from None
        return sha256, size

    @staticmethod
    def _copy(source: Path, target: Path) -> None:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        temp = Path(name)
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as stream:
                shutil.copyfileobj(stream, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
