"""Where the unboxing videos are kept (SPEC §7.5, §6): the content-addressed store of clips,
``ROOT/ab/<sha256>.mp4`` beside the photos, owner-only; and the check and import of a clip
recorded elsewhere (``qc-station inspect … --video FILE``)."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from qc_station.domain.errors import NotFound, ValidationError
from qc_station.services.video_ports import ClipRecord, FailureReason, RecordingFailed

from .files import fsync_folder
from .photo_store import PRIVATE_FOLDER_MODE

log = logging.getLogger(__name__)

PRIVATE_FILE_MODE = 0o600
#: The largest clip ``inspect --video FILE`` accepts: 10 minutes (the default cut) of the
#: station's own 1280×720 video is under 300 MB; a camera's own file may be richer.
MAX_IMPORT_BYTES = 1024 * 1024 * 1024

_SHA256 = re.compile(r"[0-9a-f]{64}")


def as_failure(exc: BaseException, folder: Path) -> RecordingFailed:
    """What went wrong writing a clip under ``folder``, as the refusal the station shows."""
    if isinstance(exc, RecordingFailed):
        return exc
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return RecordingFailed("video.disk_full", path=str(folder), reason=FailureReason.DISK_FULL)
    if isinstance(exc, OSError):
        return RecordingFailed(
            "video.not_written",
            path=str(folder),
            reason=FailureReason.WRITE,
            detail=exc.strerror or str(exc),
        )
    return RecordingFailed("video.failed", reason=FailureReason.FAILED, detail=str(exc))


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
            raise RecordingFailed("video.unreadable", path=str(path), name=path.name)
        ok, frame = capture.read()
        if not ok or frame is None:
            raise RecordingFailed("video.no_frame", path=str(path), name=path.name)
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
            "video.cannot_read", field="video", value=str(path), detail=exc.strerror or str(exc)
        ) from None
    if not path.is_file():
        raise ValidationError("video.not_a_file", field="video", value=str(path))
    if stat.st_size > max_bytes:
        raise ValidationError(
            "video.too_large",
            field="video",
            value=str(path),
            name=path.name,
            megabytes=stat.st_size // 2**20,
            limit=max_bytes // 2**20,
        )
    try:
        facts = probe_clip(path)
    except RecordingFailed as exc:
        raise ValidationError(
            "video.unusable",
            field="video",
            value=str(path),
            cause={"code": exc.message_code, "params": exc.params},
        ) from None
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
                "video.bad_name",
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
            raise NotFound("video.not_found", sha256=sha256) from None
        except OSError as exc:
            raise RecordingFailed(
                "video.stored_unreadable", sha256=sha256, detail=exc.strerror or str(exc)
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
                        "video.folder_missing",
                        path=str(self.root),
                        reason=FailureReason.FOLDER,
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
            raise as_failure(exc, self.root) from None
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
