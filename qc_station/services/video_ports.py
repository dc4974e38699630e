"""The unboxing video's ports (SPEC §7.5): the recorder the station records with, the store the
clips are kept in, the check of a clip recorded elsewhere, and the table that ties a clip to
its inspection.

``adapters/video.py`` makes them real (OpenCV, files); ``bootstrap`` wires them into
``StationPorts``. Nothing here loads OpenCV.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from qc_station.domain.errors import QcError

#: The frame rate the recorder holds (SPEC §7.5: 10–15 frames/s).
VIDEO_FPS = 12
#: The largest frame recorded (SPEC §7.5: at most 1280×720).
MAX_VIDEO_SIZE = (1280, 720)


class FailureReason(StrEnum):
    """Why a clip failed, for the screens to word (``RecordingFailed.params['reason']``)."""

    DISK_FULL = "disk_full"  # no room for the clip (or it ran out while recording)
    FOLDER = "folder"  # the video folder is missing or not writable
    ENCODER = "encoder"  # this computer's OpenCV cannot write the codec
    NO_FRAMES = "no_frames"  # the camera gave nothing to record
    WRITE = "write"  # writing the file failed otherwise
    FAILED = "failed"  # anything else


class RecordingFailed(QcError):
    """A clip could not be recorded or stored (no encoder, a full disk, an unwritable video
    folder): the inspection goes on and its decision records "no video". ``reason`` (a
    :class:`FailureReason`) says which, for the screens."""

    code = "recording_failed"


@dataclass(frozen=True)
class ClipRecord:
    """A clip as stored: named by its SHA-256, with what the inspection records about it.
    ``started_at``/``ended_at`` are UTC; ``dropped`` counts the frames the recorder could not
    keep up with (not stored on the inspection; logged)."""

    sha256: str
    started_at: datetime
    ended_at: datetime
    duration_ms: int
    frames: int
    size_bytes: int
    codec: str
    dropped: int = 0

    def audit_values(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat(),
            "duration_ms": self.duration_ms,
            "frames": self.frames,
            "size_bytes": self.size_bytes,
            "codec": self.codec,
        }


@dataclass(frozen=True)
class InspectionVideo:
    """A clip recorded on an inspection (table ``inspection_videos``); ``pruned_at`` is set
    when ``prune-videos`` deleted its file."""

    inspection_id: str
    lpn: str
    clip: ClipRecord
    pruned_at: datetime | None = None


class Recording(Protocol):
    """One clip being recorded. ``add_frame`` is called from the capture thread and never
    blocks; ``finish`` returns at once: the last frames, the flush and the hashing happen on
    the recorder's own thread, and the future gives the clip (or raises
    :class:`RecordingFailed`)."""

    def add_frame(self, frame: Any, captured_at: datetime) -> bool:
        """Offer a BGR frame captured at ``captured_at`` (UTC); False when it was dropped
        (the writer is behind, or the clip is finished or cut at ``video_max_minutes``)."""
        ...

    def finish(self) -> Future[ClipRecord]: ...

    def abort(self) -> None:
        """Stop and keep nothing (the inspection was left with nothing to keep)."""
        ...

    @property
    def failure(self) -> str | None:
        """Why the recording failed, as soon as it is known (None while it is fine). A clip
        cut short by a disk running low has a failure and still gives the frames it kept."""
        ...

    @property
    def failure_reason(self) -> FailureReason | None:
        """``failure`` as a :class:`FailureReason` (None while it is fine)."""
        ...


class VideoRecorder(Protocol):
    def start(
        self,
        *,
        lpn: str,
        station: str,
        inspector: str,
        max_minutes: int,
        on_done: Callable[[Future[ClipRecord]], None] | None = None,
    ) -> Recording:
        """Start a clip with these words burned into every frame; ``RecordingFailed`` when
        no clip can be started (the video folder is not writable)."""
        ...

    def free_bytes(self) -> int:
        """The free space on the disks the clips are written to and kept on (the less)."""
        ...


class VideoStore(Protocol):
    """Clips, content-addressed beside the photos, owner-only (SPEC §6)."""

    def path(self, sha256: str) -> Path: ...

    def exists(self, sha256: str) -> bool: ...

    def get(self, sha256: str) -> bytes: ...

    def put_file(self, source: Path) -> tuple[str, int]:
        """Move or copy the finished file ``source`` into the store; (SHA-256, size)."""
        ...

    def delete(self, sha256: str) -> bool:
        """Delete the clip's file; False when it was not there."""
        ...


#: Checks a clip recorded elsewhere (``inspect --video FILE``) and stores it.
ClipImporter = Callable[[Path], ClipRecord]


class VideoRepository(Protocol):
    def add(self, video: InspectionVideo) -> None: ...

    def for_inspection(self, inspection_id: str) -> list[InspectionVideo]: ...

    def ended_before(self, before: datetime, limit: int = 1000) -> list[InspectionVideo]:
        """Clips not yet pruned that ended before ``before``, oldest first."""
        ...

    def mark_pruned(self, inspection_id: str, sha256: str, at: datetime) -> None: ...


@dataclass(frozen=True)
class ClipStill:
    """One frame taken out of a clip for a printed document: a small JPEG and its time in
    the clip."""

    at_ms: int
    jpeg: bytes = field(repr=False)
    width: int
    height: int


class KeyFrameReader(Protocol):
    """Takes ``count`` frames evenly spaced through the clip at ``path`` (the inspection
    report's key frames); an empty list when the file cannot be read as video."""

    def __call__(self, path: Path, count: int) -> list[ClipStill]: ...
