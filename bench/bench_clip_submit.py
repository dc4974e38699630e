"""Enter → saved decision while a 5-minute unboxing clip is finishing (issue 18, SPEC §7.5).

    .venv/bin/python -m bench.bench_clip_submit [--repeats 20] [--clip-seconds 300]

The station's own pieces, in this process, on a real SQLite file wired by ``bootstrap.build``:
the ``ScanPresenter`` claims a unit, the ``InspectionPresenter`` opens its inspection and its
``UnboxingVideo`` starts an ``OpenCvVideoRecorder`` recording (into a real clip store); a
feeder thread plays the camera thread's part and offers the recording 1280×720 frames with
capture times 1/12 s apart, as fast as the encoder takes them, until the clip spans
``--clip-seconds`` (3,600 frames for 5 minutes). Then **Enter**: ``submit()``, exactly what
the inspection page's Enter calls. Timed, on the GUI thread, from ``submit()``:

- **saved**: ``decision_submitted`` emitted (the decision is committed and the presenter has
  finished the clip and queued its attaching);
- **free**: a zero-delay timer posted at that moment has run, so the GUI thread has handled
  everything queued before it: the scanner's next code would be read now. Target p99 ≤ 100 ms;
- **next scan**: the next code is submitted at *free*; timed until its unit is claimed and the
  next inspection is open (with its recording started): what the inspector waits for next;
- **GUI stall**: the longest gap between ticks of a 1 ms timer on the GUI thread from Enter
  until the clip is attached: how long the GUI thread was not free at any moment;
- **the save's parts**: waiting for the database lane, the service's wall and thread CPU
  time, its commit (from the engine's ``commit`` event) and the way back to the GUI thread,
  so waiting (for a core, for the disk) tells itself apart from work;
- in the background, **stored**: ``finish()``'s future done (the frames still queued encoded,
  the file closed and checked, hashed and moved into the store), and **attached**:
  ``services.videos.attach_video`` committed on the database lane.

Baseline in the same run: the same inspection and Enter on a station without a camera (no
recording), alternated rep by rep with the recorded ones, so both see the same machine. The
ratio video / no video of the p50 and p99 is the clip's cost on the inspector's path.

The frames are sent as fast as the encoder takes them, so at Enter the recorder's queue is
full (``QUEUE_FRAMES``, 24 frames, 2 s of clip): the worst backlog a station can have. The
camera's barcode decoding is not running (``bench_video`` measures the two together). Each
repetition's figures go to ``bench/results/clip_submit.jsonl`` as they are taken, so a run cut
short still reports. ``--videos-dir`` records and stores the clips elsewhere (a tmpfs tells
whether the clip's disk writes are what the save waits for). Results: ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from .common import RESULTS_DIR, WORK_DIR, Result, copy_database, load_average, percentile

TARGET_MS = 100.0
SIZE = (1280, 720)
PASSWORD = "bench-password-1"


@dataclass
class _Camera:
    """The camera controller as the unboxing video sees it: running, holding the recording
    its thread offers frames to (here the feeder thread reads it)."""

    recording: Any = None
    running: bool = True

    def set_recording(self, recording: Any) -> None:
        self.recording = recording


@dataclass
class _Stamps:
    saved: float = 0.0
    free: float = 0.0
    claimed: float = 0.0
    stored: float = 0.0
    attached: list[float] = field(default_factory=list)
    ticks: list[float] = field(default_factory=list)
    #: the save on the database lane: started, commit begun, ended, its thread's CPU seconds
    service: list[float] = field(default_factory=list)


def _frames() -> list[Any]:
    """Eight 1280×720 pictures of a textured bench with sensor noise (as ``bench_video``'s
    camera file), so the encoder has a real picture's work and the clip a real size."""
    import cv2
    import numpy as np

    rng = np.random.default_rng(3)
    base = cv2.GaussianBlur(
        np.clip(rng.normal(120, 20, (SIZE[1], SIZE[0], 3)), 0, 255).astype(np.uint8), (3, 3), 0
    )
    pictures = []
    for i in range(8):
        frame = base.copy()
        cv2.rectangle(frame, (200 + 20 * i, 400), (500 + 20 * i, 650), (40, 90, 160), -1)
        pictures.append(cv2.add(frame, rng.integers(0, 6, frame.shape, dtype=np.uint8)))
    return pictures


def _feed(recording: Any, pictures: list[Any], frames: int, fps: int) -> tuple[int, float]:
    """The camera thread's part: offer ``frames`` frames at capture times 1/fps apart, each
    again while the encoder's queue is full. (frames accepted, seconds taken)"""
    start = datetime.now(UTC)
    n = 0
    began = time.perf_counter()
    while n < frames:
        at = start + timedelta(microseconds=round(n * 1_000_000 / fps))
        if recording.add_frame(pictures[n % len(pictures)], at):
            n += 1
        elif recording.failure is not None:
            raise RuntimeError(f"recording failed: {recording.failure}")
        else:
            time.sleep(0.005)  # the queue is full: the encoder is one frame behind or more
    return n, time.perf_counter() - began


class _Bench:
    def __init__(self, db: Path, data: Path, clips: Path) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from qc_station.adapters.video import OpenCvVideoRecorder
        from qc_station.adapters.video_store import FileSystemVideoStore
        from qc_station.config import Config
        from qc_station.domain.enums import Role
        from qc_station.domain.model import User
        from qc_station.services import videos
        from qc_station.services.user_views import UserView
        from ui.presenters.inspection_presenter import InspectionPresenter
        from ui.presenters.scan_presenter import ScanPresenter
        from ui.session import Session
        from ui.sounds import Sounds
        from ui.tasks import TaskRunner

        from .common import build_app

        self.qt = QApplication.instance() or QApplication([])
        self.app = build_app(db, data)
        ctx = self.app.ctx
        with ctx.uow() as uow:
            if uow.users.get("bench") is None:
                uow.users.add(
                    User(
                        username="bench",
                        full_name="Bench",
                        role=Role.INSPECTOR,
                        password_hash=ctx.passwords.hash(PASSWORD),
                    )
                )
                uow.commit()
        self.store = FileSystemVideoStore(clips / "videos", create=True)
        self.recorder = OpenCvVideoRecorder(self.store, clips / "recording")
        ports = replace(self.app.ports, recorder=self.recorder)
        self.runner = TaskRunner()
        config = Config(data_dir=str(data), station_name="ST-BENCH")
        self.session = Session(ctx, config, self.runner, Sounds(silent=True), ports=ports)
        self.session.sign_in(
            UserView("bench", "Bench", Role.INSPECTOR, True, None, False, None, None)
        )
        self.scan = ScanPresenter(self.session)
        self.inspection = InspectionPresenter(self.session)
        self.camera = _Camera()
        self.stamps = _Stamps()
        # The main window's wiring: a claimed unit opens its inspection (then the stamp).
        self.scan.unit_claimed.connect(self.inspection.start)
        self.scan.unit_claimed.connect(self._on_claimed)
        self.scan.busy_changed.connect(self._on_scan_busy)
        self.inspection.decision_submitted.connect(self._on_saved)
        self.scan_failed = ""
        # Time the attach where the presenter calls it (the module attribute, at call time).
        original = videos.attach_video

        def timed_attach(*args: Any, **kwargs: Any) -> None:
            original(*args, **kwargs)
            self.stamps.attached.append(time.perf_counter())

        videos.attach_video = timed_attach
        # And the save the presenter's Enter runs on the database lane (same way), with the
        # start of its commit (the engine's ``commit`` event fires just before it), to tell
        # waiting for the lane, the service's work, the commit's fsync and the way back apart.
        from sqlalchemy import event

        from qc_station.services import outbox

        submit = outbox.submit_or_journal

        def timed_submit(*args: Any, **kwargs: Any) -> Any:
            stamps = self.stamps
            stamps.service[:] = [time.perf_counter(), 0.0, 0.0, 0.0]
            cpu = time.thread_time()
            try:
                return submit(*args, **kwargs)
            finally:
                stamps.service[2] = time.perf_counter()
                stamps.service[3] = time.thread_time() - cpu

        outbox.submit_or_journal = timed_submit

        def on_commit(_conn: Any) -> None:
            service = self.stamps.service
            if service and service[1] == 0.0 and service[2] == 0.0:
                service[1] = time.perf_counter()

        event.listen(self.app.engine, "commit", on_commit)
        self.ticker = QTimer()
        self.ticker.setInterval(1)
        self.ticker.timeout.connect(lambda: self.stamps.ticks.append(time.perf_counter()))

    # --- signal handlers (GUI thread) -----------------------------------------------------

    def _on_claimed(self, _rma: object, _lpn: str) -> None:
        self.stamps.claimed = time.perf_counter()

    def _on_scan_busy(self, busy: bool) -> None:
        if not busy and self.scan.state.error:
            self.scan_failed = self.scan.state.error

    def _on_saved(self, _decision: object) -> None:
        from PySide6.QtCore import QTimer

        self.stamps.saved = time.perf_counter()
        QTimer.singleShot(0, self._on_free)

    def _on_free(self) -> None:
        self.stamps.free = time.perf_counter()

    # --- steps ----------------------------------------------------------------------------

    def wait(self, done: Callable[[], bool], timeout: float = 600.0) -> None:
        """Run the GUI event loop until ``done()``; stamps come from the handlers, so the
        polling here does not add to any figure."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(2)
        poll.timeout.connect(lambda: loop.quit() if done() or self.scan_failed else None)
        deadline = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError("the station did not answer in time")
            if self.scan_failed:
                raise RuntimeError(f"scan failed: {self.scan_failed}")
            poll.start()
            loop.exec()
            poll.stop()

    def scan_code(self, code: str, video: bool) -> float:
        """Scan ``code`` (the next inspection records when ``video``); the scan's seconds."""
        self.inspection.use_camera(self.camera if video else None)
        self.stamps.claimed = 0.0
        began = time.perf_counter()
        self.scan.submit_code(code)
        self.wait(lambda: self.stamps.claimed > 0)
        return self.stamps.claimed - began

    def enter(self, video: bool) -> dict[str, float]:
        """Grade, finding, Enter; returns the figures of this repetition in ms."""
        from qc_station.domain.enums import Finding, Grade

        recording = self.camera.recording if video else None
        self.inspection.set_grade(Grade.A)
        self.inspection.set_finding(Finding.NO_FAULT)
        stamps = self.stamps
        stamps.saved = stamps.free = stamps.stored = 0.0
        stamps.attached.clear()
        stamps.ticks.clear()
        if recording is not None:
            recording.future.add_done_callback(
                lambda _f: setattr(stamps, "stored", time.perf_counter())
            )
        self.ticker.start()
        began = time.perf_counter()
        stamps.ticks.append(began)
        self.inspection.submit()  # what the inspection page's Enter calls
        self.wait(lambda: stamps.free > 0)
        if self.inspection.state.error:
            raise RuntimeError(f"not saved: {self.inspection.state.error}")
        start, commit, end, cpu = stamps.service
        return {
            "enter_to_saved_ms": (stamps.saved - began) * 1000,
            "enter_to_free_ms": (stamps.free - began) * 1000,
            # The split of enter_to_saved: the lane, the service (and its commit), the way back.
            "save_queued_ms": (start - began) * 1000,
            "save_service_ms": (end - start) * 1000,
            "save_service_cpu_ms": cpu * 1000,
            "save_commit_ms": (end - commit) * 1000 if commit else float("nan"),
            "save_back_to_gui_ms": (stamps.saved - end) * 1000,
            "_began": began,
        }

    def finish_rep(self, figures: dict[str, float], video: bool) -> dict[str, float]:
        """After the next scan: wait for the clip to be stored and attached (video), then
        the longest GUI stall from Enter until then."""
        stamps = self.stamps
        began = figures.pop("_began")
        if video:
            self.wait(lambda: bool(stamps.attached), timeout=900)
            figures["stored_after_enter_ms"] = (stamps.stored - began) * 1000
            figures["attached_after_enter_ms"] = (stamps.attached[0] - began) * 1000
            end = stamps.attached[0]
        else:
            self.wait(lambda: not self.runner.busy)
            end = time.perf_counter()
        self.ticker.stop()
        ticks = [t for t in stamps.ticks if t <= end] + [end]
        figures["gui_stall_max_ms"] = max(b - a for a, b in itertools.pairwise(ticks)) * 1000
        return figures

    def close(self) -> None:
        self.runner.wait_idle()
        self.app.close()


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "p50": round(percentile(ordered, 50), 2),
        "p99": round(percentile(ordered, 99), 2),
        "max": round(ordered[-1], 2) if ordered else float("nan"),
    }


def summarise(reps: list[dict[str, Any]]) -> dict[str, Any]:
    """p50/p99/max of each figure, by kind, and the ratios video / no video."""
    out: dict[str, Any] = {}
    for kind in ("video", "none"):
        rows = [r for r in reps if r["kind"] == kind]
        keys = sorted({k for r in rows for k, v in r.items() if isinstance(v, float)})
        out[kind] = {k: _summary([r[k] for r in rows if k in r]) for k in keys}
    for key in ("enter_to_free_ms", "enter_to_saved_ms", "next_scan_ms", "gui_stall_max_ms"):
        video, none = out["video"].get(key), out["none"].get(key)
        if video and none and none["n"]:
            out.setdefault("ratio_video_to_none", {})[key] = {
                "p50": round(video["p50"] / none["p50"], 2),
                "p99": round(video["p99"] / none["p99"], 2),
            }
    return out


def run(
    repeats: int = 20,
    clip_seconds: int = 300,
    log: Path | None = None,
    videos_dir: Path | None = None,
    name: str = "clip-submit",
) -> Result:
    """``repeats`` recorded inspections alternated with as many unrecorded ones; clips of
    ``clip_seconds`` recorded and stored in ``videos_dir`` (default: the station's data
    folder beside the database)."""
    from qc_station.services.video_ports import VIDEO_FPS

    from .generate import generate_database, rma_code

    rmas = 2 * repeats + 4
    source = generate_database(rmas, 0)  # every unit still to inspect
    db = WORK_DIR / f"{name}.sqlite3"
    data = WORK_DIR / f"{name}-data"
    copy_database(source, db)
    if data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True)
    log = log or RESULTS_DIR / f"{name.replace('-', '_')}.jsonl"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("")
    pictures = _frames()
    videos = videos_dir or data
    videos.mkdir(parents=True, exist_ok=True)
    bench = _Bench(db, data, videos)
    reps: list[dict[str, Any]] = []
    kinds = [kind for _ in range(repeats) for kind in ("video", "none")]
    try:
        # One untimed inspection with a short clip first: the statement caches, the codec
        # probe and the first Qt paints are not any repetition's cost.
        bench.scan_code(rma_code(1), video=True)
        _feed(bench.camera.recording, pictures, 2 * VIDEO_FPS, VIDEO_FPS)
        bench.finish_rep(bench.enter(True), video=True)
        bench.scan_code(rma_code(2), video=kinds[0] == "video")
        for i, kind in enumerate(kinds):
            video = kind == "video"
            row: dict[str, Any] = {"rep": i, "kind": kind, "load": load_average()}
            if video:
                frames, fed = _feed(
                    bench.camera.recording, pictures, clip_seconds * VIDEO_FPS, VIDEO_FPS
                )
                row.update(frames=frames, feed_s=round(fed, 1))
            figures = bench.enter(video)
            # The scanner's next code, read as soon as the GUI thread is free.
            nxt = kinds[i + 1] == "video" if i + 1 < len(kinds) else False
            figures["next_scan_ms"] = bench.scan_code(rma_code(i + 3), video=nxt) * 1000
            figures = bench.finish_rep(figures, video)
            row.update({k: round(v, 2) for k, v in figures.items()})
            if video:  # keep the disk flat: 90 MB a clip
                for path in bench.store.root.rglob("*.mp4"):
                    path.unlink()
            reps.append(row)
            with log.open("a") as out:
                out.write(json.dumps(row) + "\n")
            print(json.dumps(row), flush=True)
    finally:
        bench.close()
    summary = summarise(reps)
    p99 = summary["video"]["enter_to_free_ms"]["p99"]
    return Result(
        f"Enter to saved and GUI free, {clip_seconds / 60:g}-minute clip finishing (p99)",
        p99,
        "ms",
        TARGET_MS,
        p99 <= TARGET_MS,
        summary,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=20, help="recorded inspections")
    parser.add_argument("--clip-seconds", type=int, default=300, help="length of each clip")
    parser.add_argument("--videos-dir", type=Path, help="record and store the clips here")
    parser.add_argument(
        "--name", default="clip-submit", help="names the work database and the results file"
    )
    parser.add_argument("--log", type=Path, help="one JSON line per repetition")
    args = parser.parse_args(argv)
    from .common import setup_logging

    setup_logging()
    result = run(args.repeats, args.clip_seconds, args.log, args.videos_dir, args.name)
    print(json.dumps(result.as_dict(), indent=2))
    return 0 if result.passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
