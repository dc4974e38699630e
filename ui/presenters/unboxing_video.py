"""The unboxing video of the inspection on screen (SPEC §7.5, issue 18), for the inspection
presenter: when the recording starts, what the page shows about it, and what becomes of the
clip.

- **Starts** when a unit's inspection opens, where the station has a camera and a recorder
  and "Record unboxing video" is on (``ui/preferences.py``; on by default). The recording is
  attached to the camera controller, whose thread offers it every frame (``ui/camera/worker``);
  ``camera_needed`` asks the page to run the camera.
- **Saved decision**: ``finish()`` returns at once; the clip is awaited on the I/O lane (the
  next scan does not wait for it) and attached on the database lane with
  ``services.videos.attach_video`` (audited). A clip that failed is recorded as "no video"
  with why. **Left without a decision** (Esc, F2, another scan, sign-out, the lock): the clip
  is aborted and nothing is kept.
- **Failure never blocks**: a recorder that cannot start, a camera that stops or a disk that
  runs low gives a short notice ("Not recording: …") and the inspection goes on; a clip cut
  short keeps what was recorded.
- **Low disk**: less free space than a day of recording (8 hours at the 18.5 MB a minute of
  ``docs/benchmarks.md``) gives a warning line, checked on the I/O lane at each start and
  logged once per change.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from qc_station.domain.errors import QcError
from qc_station.services import videos
from qc_station.services.context import Actor
from qc_station.services.video_ports import ClipRecord, FailureReason, Recording, RecordingFailed

from ..preferences import Preferences
from ..session import Session
from ..tasks import Lane

log = logging.getLogger(__name__)

#: The station's clips measured 18.5 MB a minute (docs/benchmarks.md, "Unboxing video").
MB_PER_MINUTE = 18.5
#: A day of recording: one shift of eight hours.
DAY_BYTES = int(8 * 60 * MB_PER_MINUTE * 2**20)
#: How long the I/O lane waits for a clip to be stored (a 10-minute clip over a slow share).
FINISH_TIMEOUT_S = 600.0


class CameraLike(Protocol):
    """What this needs of ``ui.camera.worker.CameraController``."""

    @property
    def running(self) -> bool: ...

    def set_recording(self, recording: Recording | None) -> None: ...


@dataclass(frozen=True)
class VideoStatus:
    """What the page shows: recording for ``seconds``, or why not (``notice``), and the low
    disk warning."""

    recording: bool = False
    seconds: int = 0
    notice: str = ""
    low_disk: str = ""


def _tr(source: str) -> str:
    return QCoreApplication.translate("UnboxingVideo", source)


def failure_words(reason: FailureReason | str | None) -> str:
    """A recorder failure in words (never its code)."""
    if reason == FailureReason.DISK_FULL:
        return _tr("the disk is full")
    if reason == FailureReason.FOLDER:
        return _tr("the video folder cannot be written")
    if reason == FailureReason.ENCODER:
        return _tr("this computer cannot encode video")
    if reason == FailureReason.NO_FRAMES:
        return _tr("the camera gave no picture")
    if reason == FailureReason.WRITE:
        return _tr("the video file could not be written")
    return _tr("the recorder failed")


def not_recording(why: str) -> str:
    return _tr("Not recording: {why}").format(why=why)


def _clip_outcome(future: Future[ClipRecord]) -> tuple[ClipRecord | None, str]:
    """Runs on the I/O lane: the finished clip, or None and why there is none."""
    try:
        return future.result(timeout=FINISH_TIMEOUT_S), ""
    except RecordingFailed as exc:
        return None, str(exc)
    except CancelledError:
        return None, "the recording was aborted"
    except TimeoutError:
        return None, f"the clip was not stored within {FINISH_TIMEOUT_S:.0f} s"


class UnboxingVideo(QObject):
    """One inspection's recording at a time; see the module docstring."""

    #: the status changed (the presenter renders it)
    changed = Signal()
    #: a recording started: the camera should run
    camera_needed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._camera: CameraLike | None = None
        self._recording: Recording | None = None
        self._start_failure = ""  # why the last start failed (recorded as "no video")
        self._source_problem = ""  # the camera stopped or is off
        self._started = 0.0
        self._low_disk: bool | None = None
        self._low_disk_text = ""
        self.status = VideoStatus()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_timer_timeout)

    def use_camera(self, camera: CameraLike | None) -> None:
        self._camera = camera

    @property
    def wanted(self) -> bool:
        """Whether this station records: a camera, a recorder, and the setting on."""
        if self._camera is None or self._session.ports.recorder is None:
            return False
        return Preferences.for_config(self._session.config).record_video

    @property
    def recording(self) -> bool:
        return self._recording is not None

    @property
    def attempted(self) -> bool:
        """Whether the open inspection tried to record (a decision then records its clip or
        that there is none)."""
        return self._recording is not None or bool(self._start_failure)

    # --- lifecycle -------------------------------------------------------------------------

    def open(self, lpn: str, inspector: str) -> None:
        """A unit's inspection opened (or its page is back after the lock): record it."""
        self.discard()
        recorder = self._session.ports.recorder
        if not self.wanted or recorder is None:
            return
        try:
            recording = recorder.start(
                lpn=lpn,
                station=self._session.station,
                inspector=inspector,
                max_minutes=self._session.ctx.policy.video_max_minutes,
            )
        except RecordingFailed as exc:
            log.warning("no unboxing video for %s: %s", lpn, exc)
            self._start_failure = str(exc) or "the recorder did not start"
            self._show(notice=not_recording(failure_words(exc.params.get("reason"))))
        else:
            self._recording = recording
            self._started = time.monotonic()
            assert self._camera is not None
            self._camera.set_recording(recording)
            self._timer.start()
            self._show()
            self.camera_needed.emit()
        self._session.runner.run(
            recorder.free_bytes,
            self._on_free_bytes,
            lambda error: log.warning("free space of the video folder unknown: %s", error),
            lane=Lane.IO,
            expected=(OSError, QcError),
        )

    def close(self, inspection_id: str, actor: Actor) -> None:
        """The decision was saved: finish the clip and attach it (or "no video"), all off the
        GUI thread."""
        recording, start_failure = self._recording, self._start_failure
        self._detach()
        if recording is None:
            if start_failure:
                self._attach(inspection_id, actor, None, start_failure)
            return
        future = recording.finish()
        self._session.runner.run(
            lambda: _clip_outcome(future),
            lambda outcome: self._attach(inspection_id, actor, *outcome),
            lane=Lane.IO,
        )

    def discard(self) -> None:
        """The inspection was left without a decision: keep nothing."""
        recording = self._recording
        self._detach()
        if recording is not None:
            recording.abort()

    def source_stopped(self, why: str) -> None:
        """The camera failed or was turned off: the clip keeps what it has."""
        if self._recording is not None:
            self._source_problem = why
            self._refresh()

    # --- inside ----------------------------------------------------------------------------

    def _detach(self) -> None:
        if self._recording is not None and self._camera is not None:
            self._camera.set_recording(None)
        self._recording = None
        self._start_failure = self._source_problem = ""
        self._timer.stop()
        self._show()

    def _attach(
        self, inspection_id: str, actor: Actor, clip: ClipRecord | None, failure: str
    ) -> None:
        ctx = self._session.ctx
        if clip is None:
            log.warning("inspection %s has no unboxing video: %s", inspection_id, failure)
        self._session.runner.run(
            lambda: videos.attach_video(ctx, actor, inspection_id, clip, failure),
            None,
            lambda error: log.warning(
                "video of inspection %s not recorded: %s", inspection_id, error
            ),
        )

    def _on_timer_timeout(self) -> None:
        self._refresh()

    def _refresh(self) -> None:
        recording = self._recording
        if recording is None:
            return
        if recording.failure is not None:
            self._show(notice=not_recording(failure_words(recording.failure_reason)))
        elif self._source_problem:
            self._show(notice=not_recording(self._source_problem))
        elif self._camera is not None and not self._camera.running:
            self._show(notice=not_recording(_tr("the camera is off")))
        else:
            self._show(recording=True, seconds=int(time.monotonic() - self._started))

    def _on_free_bytes(self, free: object) -> None:
        assert isinstance(free, int)
        low = free < DAY_BYTES
        if low != self._low_disk:
            self._low_disk = low
            if low:
                log.warning("the video folder's disk has %d MB free: under a day", free >> 20)
            else:
                log.info("the video folder's disk has room for a day of recording again")
        self._low_disk_text = (
            _tr("Low disk space for video: {gb} GB free, less than a day of recording.").format(
                gb=f"{free / 2**30:.1f}"
            )
            if low
            else ""
        )
        self._show(
            recording=self.status.recording, seconds=self.status.seconds, notice=self.status.notice
        )

    def _show(self, *, recording: bool = False, seconds: int = 0, notice: str = "") -> None:
        status = VideoStatus(recording, seconds, notice, self._low_disk_text)
        if status != self.status:
            self.status = status
            self.changed.emit()
