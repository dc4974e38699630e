"""The station records the unboxing video of each inspection (SPEC §7.5, issue 18), on a real
SQLite station (``bootstrap.build``) with a video file written by OpenCV as its camera: the
camera scan opens the RMA, the inspection records from the same camera thread, the saved
decision gets its clip (audited), a camera that stops half-way leaves a playable clip, a
recorder that cannot start leaves a notice and a decision without video, and leaving the
inspection keeps nothing."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from qc_station.adapters.camera import CodeDebouncer, open_camera
from qc_station.adapters.opencv_ports import decode_frame
from qc_station.adapters.video import OpenCvVideoRecorder
from qc_station.adapters.video_store import FileSystemVideoStore
from qc_station.bootstrap import App, build
from qc_station.config import Config
from qc_station.domain.enums import Grade, Role
from qc_station.domain.model import User
from qc_station.services import videos
from qc_station.services.station_ports import FrameSource
from qc_station.services.video_ports import InspectionVideo
from tests.builders import INSPECTOR, make_rma
from tests.integration.test_camera import _label
from ui.camera import worker
from ui.camera.worker import CameraController
from ui.main_window import MainWindow
from ui.presenters import unboxing_video
from ui.session import Session
from ui.sounds import Sounds
from ui.tasks import TaskRunner

from .conftest import PASSWORD

CODE = "RMA-2026-000555"
LPN = f"{CODE}-1"
CAMERA_FPS = 25
SIZE = (640, 480)


def _camera_file(path: Path, seconds: float) -> Path:
    """A bench seen by a webcam at 25 frames/s with the RMA label in view, something moving."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), CAMERA_FPS, SIZE)
    assert writer.isOpened()
    rng = np.random.default_rng(5)
    bench = np.clip(rng.normal(120, 6, (SIZE[1], SIZE[0], 3)), 0, 255).astype(np.uint8)
    label = _label(CODE)
    h, w = label.shape[:2]
    scale = min(1.0, (SIZE[0] - 40) / w)
    label = cv2.resize(label, (int(w * scale), int(h * scale)))
    h, w = label.shape[:2]
    try:
        for i in range(int(seconds * CAMERA_FPS)):
            frame = bench.copy()
            cv2.circle(frame, (40 + 4 * i % 560, 420), 30, (0, 0, 255), -1)
            frame[40 : 40 + h, 20 : 20 + w] = label
            writer.write(frame)
    finally:
        writer.release()
    return path


@dataclass
class Station:
    app: App
    main: MainWindow
    camera: CameraController
    session: Session


@pytest.fixture
def station(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., Station]]:
    made: list[tuple[App, MainWindow, TaskRunner]] = []

    def make(seconds: float = 8.0, recorder: OpenCvVideoRecorder | None = None) -> Station:
        config = Config(data_dir=str(tmp_path / "data"), station_name=INSPECTOR.station)
        app = build(config)
        with app.ctx.uow() as uow:
            password_hash = app.ctx.passwords.hash(PASSWORD)
            uow.users.add(
                User(
                    username="ines",
                    full_name="Ines",
                    role=Role.INSPECTOR,
                    password_hash=password_hash,
                )
            )
            uow.rmas.add(make_rma(CODE))
            uow.commit()
        ports = app.ports if recorder is None else replace(app.ports, recorder=recorder)
        runner = TaskRunner()
        session = Session(app.ctx, config, runner, Sounds(silent=True), ports=ports)
        source = _camera_file(tmp_path / "camera.avi", seconds)

        def open_source() -> FrameSource:
            return open_camera(str(source))

        camera = CameraController(
            open_source,
            decode=decode_frame,
            new_debouncer=CodeDebouncer,
            frame_pause=1 / CAMERA_FPS,
        )
        main = MainWindow(session, idle_event_source=QObject(), camera=camera)
        qtbot.addWidget(main)
        with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
            main.start()
        main.login_page.username.setText("ines")
        main.login_page.password.setText(PASSWORD)
        with qtbot.waitSignal(main.login_presenter.user_signed_in, timeout=10_000):
            main.login_page.sign_in_button.click()
        made.append((app, main, runner))
        return Station(app, main, camera, session)

    yield make
    for app, main, runner in made:
        # The label printed after a decision reports back first (no printer here).
        qtbot.waitUntil(lambda r=runner: not r.busy, timeout=10_000)  # type: ignore[misc]
        qtbot.wait(100)
        if isValid(main):  # qtbot may have closed it already
            main.close()
        runner.wait_idle()
        app.close()


def _scan_with_the_camera(qtbot: QtBot, station: Station) -> str:
    """Turn the camera on at the scan page; the label opens the RMA. The inspection's id."""
    main = station.main
    with qtbot.waitSignal(main.scan_presenter.unit_claimed, timeout=10_000) as claimed:
        main.scan_page.camera_button.setChecked(True)
    rma, lpn = claimed.args
    assert (rma.code, lpn) == (CODE, LPN)
    assert main.pages.currentWidget() is main.inspection_page
    return main.inspection_presenter._inspection_id


def _wait_recorded(qtbot: QtBot, station: Station, frames: int) -> None:
    qtbot.waitUntil(
        lambda: (
            station.camera.thread_object is not None
            and station.camera.thread_object.recorded >= frames
        ),
        timeout=10_000,
    )


def _submit(qtbot: QtBot, station: Station) -> float:
    """Grade A and Enter; the seconds until the decision was saved."""
    presenter = station.main.inspection_presenter
    presenter.set_grade(Grade.A)
    started = time.perf_counter()
    with qtbot.waitSignal(presenter.decision_submitted, timeout=10_000):
        presenter.submit()
    return time.perf_counter() - started


def _attached(qtbot: QtBot, station: Station, inspection_id: str) -> InspectionVideo:
    found: list[InspectionVideo] = []

    def attached() -> bool:
        found[:] = videos.videos_of(station.app.ctx, INSPECTOR, inspection_id)
        return bool(found)

    qtbot.waitUntil(attached, timeout=20_000)
    (video,) = found
    return video


def _audit_actions(station: Station) -> list[str]:
    with station.app.ctx.uow() as uow:
        return [e.action for e in uow.audit.iterate()]


def _qr_texts(path: Path) -> list[str]:
    texts = []
    capture = cv2.VideoCapture(str(path))
    try:
        while True:
            ok, frame = capture.read()
            if not ok:
                break
            corner = frame[: frame.shape[0] // 2, frame.shape[1] // 2 :]
            found = zxingcpp.read_barcodes(corner, formats=zxingcpp.BarcodeFormat.QRCode)
            texts.append(found[0].text if found else "")
    finally:
        capture.release()
    return texts


def test_the_inspection_is_recorded_and_its_clip_attached(
    qtbot: QtBot, station: Callable[..., Station]
) -> None:
    here = station()
    inspection_id = _scan_with_the_camera(qtbot, here)
    page = here.main.inspection_page
    _wait_recorded(qtbot, here, 2 * 12)  # two seconds of clip
    assert here.camera.running and here.camera.recording is not None
    qtbot.waitUntil(lambda: page.recording_label.text().startswith("● REC 00:0"), timeout=3000)

    waited = _submit(qtbot, here)

    assert waited < 2.0  # the clip is finished off the inspection's path
    assert here.camera.recording is None
    video = _attached(qtbot, here, inspection_id)
    clip = video.clip
    assert video.lpn == LPN
    with here.app.ctx.uow() as uow:
        inspection = uow.inspections.get(inspection_id)
    assert inspection is not None and inspection.ended_at is not None
    inspected = (inspection.ended_at - inspection.started_at).total_seconds()
    assert clip.duration_ms / 1000 == pytest.approx(inspected, abs=1.5)
    assert (clip.started_at - inspection.started_at).total_seconds() == pytest.approx(0, abs=1.0)
    assert (clip.ended_at - inspection.ended_at).total_seconds() == pytest.approx(0, abs=1.0)
    path = here.app.ports.videos.path(clip.sha256)  # type: ignore[union-attr]
    capture = cv2.VideoCapture(str(path))
    assert capture.isOpened() and int(capture.get(cv2.CAP_PROP_FRAME_COUNT)) == clip.frames
    capture.release()
    texts = [t for t in _qr_texts(path) if t]
    assert len(texts) >= 0.8 * clip.frames
    times = []
    for text in texts:
        lpn, station_name, when = text.split("|")
        assert (lpn, station_name) == (LPN, INSPECTOR.station)
        times.append(datetime.fromisoformat(when))
    assert times == sorted(times)
    assert "attach_video" in _audit_actions(here)


def test_a_camera_that_stops_half_way_leaves_a_playable_clip_and_a_decision(
    qtbot: QtBot, station: Callable[..., Station], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "LOST_AFTER_S", 0.3)
    here = station(seconds=2.0)  # the file ends: the camera is lost mid-inspection
    inspection_id = _scan_with_the_camera(qtbot, here)
    page = here.main.inspection_page
    qtbot.waitUntil(
        lambda: page.recording_label.text().startswith("Not recording:"), timeout=10_000
    )
    assert not here.camera.running
    assert page.error_label.isHidden()  # a notice, not an error

    _submit(qtbot, here)

    clip = _attached(qtbot, here, inspection_id).clip
    assert clip.frames >= 12
    path = here.app.ports.videos.path(clip.sha256)  # type: ignore[union-attr]
    capture = cv2.VideoCapture(str(path))
    ok, frame = capture.read()
    capture.release()
    assert ok and frame is not None


def test_a_recorder_that_cannot_start_gives_a_notice_and_a_decision_without_video(
    qtbot: QtBot,
    station: Callable[..., Station],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A real recorder on a disk that is "full" for it; a day of video needs more than any.
    store = FileSystemVideoStore(tmp_path / "videos", create=True)
    full = OpenCvVideoRecorder(store, tmp_path / "recording", min_free_bytes=1 << 62)
    monkeypatch.setattr(unboxing_video, "DAY_BYTES", 1 << 62)
    here = station(recorder=full)
    inspection_id = _scan_with_the_camera(qtbot, here)
    page = here.main.inspection_page
    assert page.recording_label.text().startswith("Not recording: the disk is full")
    qtbot.waitUntil(lambda: "Low disk space for video" in page.recording_label.text(), timeout=5000)
    assert page.error_label.isHidden()

    _submit(qtbot, here)

    qtbot.waitUntil(lambda: "no_video" in _audit_actions(here), timeout=10_000)
    assert videos.videos_of(here.app.ctx, INSPECTOR, inspection_id) == []


def test_leaving_the_inspection_keeps_no_clip(
    qtbot: QtBot, station: Callable[..., Station], tmp_path: Path
) -> None:
    here = station()
    _scan_with_the_camera(qtbot, here)
    _wait_recorded(qtbot, here, 12)
    recording = here.camera.recording
    assert recording is not None

    here.main.inspection_page.leave()  # Esc, nothing entered: no question asked

    assert here.camera.recording is None
    qtbot.waitUntil(lambda: recording.future.cancelled(), timeout=5000)  # type: ignore[attr-defined]
    store = here.app.ports.videos
    assert store is not None and not list(store.root.rglob("*.mp4"))  # type: ignore[attr-defined]
    assert not list((tmp_path / "data" / "recording").iterdir())
    assert "attach_video" not in _audit_actions(here)
