"""The unboxing video (SPEC §7.5, issue 18): recorded from a video file standing in for the
camera, with an RMA label in view; checked frame by frame through the QR code burned into it;
stored content-addressed; attached to an inspection, audited, packed in the evidence zip."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import stat
import zipfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from sqlalchemy import update

from printing.evidence import verify_evidence_pack
from qc_station.adapters.barcodes import decode_frame
from qc_station.adapters.camera import open_camera, parse_camera_source
from qc_station.adapters.orm import InspectionVideoRow
from qc_station.adapters.photo_store import FileSystemPhotoStore
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.adapters.video import OpenCvVideoRecorder
from qc_station.adapters.video_frames import video_codec
from qc_station.adapters.video_store import FileSystemVideoStore, import_clip, probe_clip
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Role
from qc_station.domain.errors import ValidationError
from qc_station.domain.model import RmaLine
from qc_station.domain.policy import Policy
from qc_station.services import audit
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.evidence_packs import evidence_pack
from qc_station.services.inspection import InspectionDraft, submit_inspection
from qc_station.services.video_ports import VIDEO_FPS, ClipRecord, RecordingFailed
from qc_station.services.videos import attach_video, prune_videos
from tests.builders import make_rma, seed_cast_in
from tests.fakes import FakePasswordHasher, FakePhotoStamper

from .conftest import EngineMaker
from .test_camera import _label

CAMERA_FPS = 25
SIZE = (1280, 720)
CODE = "RMA-2026-000777"
LPN = f"{CODE}-01"
STATION = "ST-07"
HOME_CHECKLIST = {"all_parts_present": ChecklistAnswer.PASS, "no_breakage": ChecklistAnswer.PASS}
T0 = datetime(2026, 12, 5, 9, 30, 0, tzinfo=UTC)


def _camera_file(path: Path, seconds: float = 3.0) -> Path:
    """What a webcam over the bench would see: a noisy bench at 25 frames/s, the RMA label
    in view from the second half-second on."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), CAMERA_FPS, SIZE)
    assert writer.isOpened()
    rng = np.random.default_rng(7)
    bench = np.clip(rng.normal(120, 6, (SIZE[1], SIZE[0], 3)), 0, 255).astype(np.uint8)
    bench = cv2.GaussianBlur(bench, (5, 5), 0)
    label = _label(CODE)
    h, w = label.shape[:2]
    try:
        for i in range(int(seconds * CAMERA_FPS)):
            frame = bench.copy()
            cv2.circle(frame, (200 + 8 * i, 500), 40, (0, 0, 255), -1)  # something moves
            if i >= CAMERA_FPS // 2:
                frame[250 : 250 + h, 300 : 300 + w] = label
            writer.write(frame)
    finally:
        writer.release()
    return path


def _record(
    camera: Path, recorder: OpenCvVideoRecorder, *, stop_after: int | None = None
) -> tuple[ClipRecord, list[str], int]:
    """Feed every camera frame (at its own capture time) to a recording while decoding it,
    as the camera thread does; the clip, the codes decoded, the frames read."""
    recording = recorder.start(lpn=LPN, station=STATION, inspector="inspector1", max_minutes=10)
    codes: list[str] = []
    n = 0
    with open_camera(str(camera)) as source:
        while (frame := source.read()) is not None:
            if stop_after is not None and n >= stop_after:
                break  # the camera stops giving frames half-way
            codes += [c.text for c in decode_frame(frame)]
            at = T0 + timedelta(seconds=n / CAMERA_FPS)
            recording.add_frame(frame, at)
            n += 1
    clip = recording.finish().result(timeout=60)
    return clip, codes, n


def _qr_texts(path: Path) -> list[str]:
    """The QR code of every frame of the clip, read with zxing-cpp from the corner."""
    texts = []
    capture = cv2.VideoCapture(str(path))
    try:
        while True:
            ok, frame = capture.read()
            if not ok:
                break
            corner = frame[: frame.shape[0] // 3, frame.shape[1] * 2 // 3 :]
            found = zxingcpp.read_barcodes(corner, formats=zxingcpp.BarcodeFormat.QRCode)
            texts.append(found[0].text if found else "")
    finally:
        capture.release()
    return texts


@pytest.fixture
def videos(tmp_path: Path) -> FileSystemVideoStore:
    return FileSystemVideoStore(tmp_path / "photos" / "videos", create=True)


@pytest.fixture
def recorder(tmp_path: Path, videos: FileSystemVideoStore) -> OpenCvVideoRecorder:
    return OpenCvVideoRecorder(videos, tmp_path / "recording")


def test_recording_from_a_file_camera_is_a_checked_timestamped_clip(
    tmp_path: Path, videos: FileSystemVideoStore, recorder: OpenCvVideoRecorder
) -> None:
    camera = _camera_file(tmp_path / "bench.avi", seconds=3.0)

    clip, codes, read = _record(camera, recorder)

    assert read == 75
    assert CODE in codes  # the camera kept decoding while it recorded
    path = videos.path(clip.sha256)
    assert path.is_file() and path.name == f"{clip.sha256}.mp4"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == clip.sha256
    assert clip.size_bytes == path.stat().st_size
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert clip.codec == video_codec()
    # 3 s at 25 frames/s held at 12 frames/s: 36 frames, 3 s.
    assert clip.frames == 3 * VIDEO_FPS
    assert clip.duration_ms == 3000
    assert clip.started_at == T0 and clip.ended_at == T0 + timedelta(seconds=3)
    facts = probe_clip(path)
    assert facts.frames == clip.frames
    assert (facts.width, facts.height) == SIZE
    assert facts.fps == pytest.approx(VIDEO_FPS)
    texts = _qr_texts(path)
    assert len(texts) == clip.frames
    read_ok = [t for t in texts if t]
    assert len(read_ok) >= 0.9 * len(texts)
    times = []
    for text in read_ok:
        lpn, station, when = text.split("|")
        assert (lpn, station) == (LPN, STATION)
        times.append(datetime.fromisoformat(when))
    assert times == sorted(times)
    assert times[0] == T0 and times[-1] == T0 + timedelta(seconds=2)
    assert not list((tmp_path / "recording").iterdir())  # no temporary file left


def test_a_camera_that_stops_half_way_leaves_a_playable_clip(
    tmp_path: Path, videos: FileSystemVideoStore, recorder: OpenCvVideoRecorder
) -> None:
    camera = _camera_file(tmp_path / "bench.avi", seconds=3.0)

    clip, _codes, read = _record(camera, recorder, stop_after=30)

    assert read == 30
    assert clip.frames == 14  # the last frame at 29/25 s is slot 13 at 12 frames/s
    assert probe_clip(videos.path(clip.sha256)).frames == 14


def test_a_camera_slower_than_the_clip_is_held_not_sped_up(
    tmp_path: Path, videos: FileSystemVideoStore, recorder: OpenCvVideoRecorder
) -> None:
    recording = recorder.start(lpn=LPN, station=STATION, inspector="i", max_minutes=1)
    frame = np.full((480, 640, 3), 90, np.uint8)
    for n in range(5):  # 2 frames/s for 2.5 s
        recording.add_frame(frame, T0 + timedelta(seconds=n / 2))
    clip = recording.finish().result(timeout=30)
    assert clip.frames == 4 * 6 + 1  # the last frame at 2 s is slot 24
    assert probe_clip(videos.path(clip.sha256)).width == 640  # smaller frames stay as they are


def test_video_max_minutes_cuts_the_clip(
    tmp_path: Path, videos: FileSystemVideoStore, recorder: OpenCvVideoRecorder
) -> None:
    recording = recorder.start(lpn=LPN, station=STATION, inspector="i", max_minutes=1)
    frame = np.full((360, 640, 3), 90, np.uint8)
    for n in range(0, 75 * VIDEO_FPS, 3):  # 75 s offered, every fourth slot
        recording.add_frame(frame, T0 + timedelta(seconds=n / VIDEO_FPS))
    clip = recording.finish().result(timeout=60)
    assert recording.cut
    assert clip.duration_ms <= 60_000
    assert clip.frames <= 60 * VIDEO_FPS


class _FullDiskWriter:
    def __init__(self, path: Path, *_: object) -> None:
        self.path = path
        self.count = 0

    def write(self, image: np.ndarray) -> None:
        self.count += 1
        if self.count > 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        with self.path.open("ab") as out:
            out.write(b"x" * 1000)

    def release(self) -> None:
        pass


def test_a_full_disk_gives_a_message_and_no_file(
    tmp_path: Path, videos: FileSystemVideoStore
) -> None:
    recorder = OpenCvVideoRecorder(videos, tmp_path / "recording", open_writer=_FullDiskWriter)
    recording = recorder.start(lpn=LPN, station=STATION, inspector="i", max_minutes=1)
    frame = np.full((360, 640, 3), 90, np.uint8)
    for n in range(20):
        recording.add_frame(frame, T0 + timedelta(seconds=n / VIDEO_FPS))
    with pytest.raises(RecordingFailed, match="is full: the unboxing video was not kept"):
        recording.finish().result(timeout=30)
    assert recording.failure is not None and "full" in recording.failure
    assert not list((tmp_path / "recording").iterdir())
    assert not videos.root.exists() or not any(videos.root.rglob("*.mp4"))
    # No clip can start on a disk with too little room left.
    cramped = OpenCvVideoRecorder(videos, tmp_path / "recording", min_free_bytes=1 << 62)
    with pytest.raises(RecordingFailed, match="is full"):
        cramped.start(lpn=LPN, station=STATION, inspector="i", max_minutes=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        (" 2 ", 2),
        ("rtsp://cam.local:554/stream1", "rtsp://cam.local:554/stream1"),
        ("http://10.0.0.5/video.mjpg", "http://10.0.0.5/video.mjpg"),
    ],
)
def test_camera_sources_are_parsed(text: str, expected: int | str) -> None:
    assert parse_camera_source(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "not a camera"),
        ("-1", "out of range"),
        ("999", "out of range"),
        ("ftp://cam/x", "not supported"),
        ("rtsp:///stream", "names no host"),
        ("/no/such/camera", "neither a device nor a file"),
        ("bogus\x00", "not a camera"),
    ],
)
def test_nonsense_camera_sources_are_refused(text: str, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        parse_camera_source(text)


def test_a_video_file_is_a_camera_source(tmp_path: Path) -> None:
    camera = _camera_file(tmp_path / "bench.avi", seconds=0.2)
    assert parse_camera_source(str(camera)) == str(camera)


def test_import_clip_checks_the_file(tmp_path: Path, videos: FileSystemVideoStore) -> None:
    not_video = tmp_path / "notes.mp4"
    not_video.write_bytes(b"hello, not a video" * 100)
    with pytest.raises(ValidationError, match=r"not a video|no frame"):
        import_clip(not_video, videos)
    camera = _camera_file(tmp_path / "bench.avi", seconds=1.0)
    with pytest.raises(ValidationError, match="at most 0 MB"):
        import_clip(camera, videos, max_bytes=1000)
    clip = import_clip(camera, videos)
    assert clip.frames == 25 and clip.duration_ms == 1000
    assert camera.is_file()  # copied, not moved
    assert videos.get(clip.sha256) == camera.read_bytes()


# --- the inspection's clip: attached, audited, packed, pruned ---------------------------------


def _ctx(sqlite_url: str, engines: EngineMaker, policy: Policy, tmp_path: Path) -> ServiceContext:
    ctx = ServiceContext(
        uow=SqlUnitOfWorkFactory(engines(sqlite_url)),
        clock=_Clock(),
        policy=policy,
        photos=FileSystemPhotoStore(tmp_path / "photos", create=True),
        passwords=FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
    seed_cast_in(ctx.uow, INSPECTOR, ADMIN)
    with ctx.uow() as uow:
        line = RmaLine(1, "SKU-KETTLE", "Kettle", "home", "Acme", Decimal("30.00"), 1)
        uow.rmas.add(make_rma(CODE, lines=[line]))
        uow.commit()
    return ctx


class _Clock:
    def __init__(self) -> None:
        self.at = datetime.now(UTC)

    def now(self) -> datetime:
        return self.at


INSPECTOR = Actor("inspector1", Role.INSPECTOR, STATION)
ADMIN = Actor("admin1", Role.ADMIN, STATION)


def _inspect(ctx: ServiceContext) -> str:
    with ctx.uow() as uow:
        rma = uow.rmas.get(CODE)
        assert rma is not None
        lpn = rma.units[0].lpn
    draft = InspectionDraft(lpn, Grade.A, Finding.NO_FAULT, checklist=HOME_CHECKLIST)
    submit_inspection(ctx, INSPECTOR, draft)
    return draft.inspection_id


def test_clip_on_the_inspection_is_audited_packed_and_checked(
    sqlite_url: str,
    engines: EngineMaker,
    default_policy: Policy,
    tmp_path: Path,
    videos: FileSystemVideoStore,
    recorder: OpenCvVideoRecorder,
) -> None:
    ctx = _ctx(sqlite_url, engines, default_policy, tmp_path)
    inspection_id = _inspect(ctx)
    clip, _codes, _n = _record(_camera_file(tmp_path / "bench.avi", seconds=1.0), recorder)

    attach_video(ctx, INSPECTOR, inspection_id, clip)
    attach_video(ctx, INSPECTOR, inspection_id, clip)  # a retry: recorded once

    with ctx.uow() as uow:
        events = [e for e in uow.audit.iterate() if e.action == "attach_video"]
        assert len(uow.videos.for_inspection(inspection_id)) == 1
        lpn = uow.videos.for_inspection(inspection_id)[0].lpn
    assert len(events) == 1
    new = events[0].new or {}
    assert new["sha256"] == clip.sha256
    assert (new["frames"], new["duration_ms"]) == (clip.frames, clip.duration_ms)
    assert new["started_at"] == clip.started_at.isoformat()
    assert audit.verify(ctx).ok

    pack = evidence_pack(ctx, INSPECTOR, lpn, videos=videos)
    assert pack.video_count == 1
    assert verify_evidence_pack(pack.content) == []
    with zipfile.ZipFile(io.BytesIO(pack.content)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        listed = {f["name"]: f["sha256"] for f in manifest["files"]}
        [video_name] = [n for n in listed if n.startswith("video/")]
        assert listed[video_name] == clip.sha256
        assert hashlib.sha256(archive.read(video_name)).hexdigest() == clip.sha256
    assert manifest["facts"]["videos"][0]["sha256"] == clip.sha256

    # A clip whose file was changed cannot be packed; a row whose hash was changed fails
    # audit verify.
    path = videos.path(clip.sha256)
    original = path.read_bytes()
    path.write_bytes(original[:-10] + b"tampered!!")
    with pytest.raises(ValidationError, match="no longer matches its hash"):
        evidence_pack(ctx, INSPECTOR, lpn, videos=videos)
    path.write_bytes(original)
    engine = engines(sqlite_url)
    with engine.begin() as conn:
        conn.execute(update(InspectionVideoRow).values(sha256="0" * 64))
    report = audit.verify(ctx)
    assert not report.ok
    assert any(f"record inspection {inspection_id} changed" in p for p in report.problems)


def test_no_video_is_recorded_when_recording_failed(
    sqlite_url: str, engines: EngineMaker, default_policy: Policy, tmp_path: Path
) -> None:
    ctx = _ctx(sqlite_url, engines, default_policy, tmp_path)
    inspection_id = _inspect(ctx)

    attach_video(ctx, INSPECTOR, inspection_id, None, "the disk is full")

    with ctx.uow() as uow:
        [event] = [e for e in uow.audit.iterate() if e.action == "no_video"]
        assert uow.videos.for_inspection(inspection_id) == []
    assert (event.new or {})["reason"] == "the disk is full"
    assert audit.verify(ctx).ok


def test_prune_videos_deletes_only_old_final_exported_clips(
    sqlite_url: str,
    engines: EngineMaker,
    default_policy: Policy,
    tmp_path: Path,
    videos: FileSystemVideoStore,
    recorder: OpenCvVideoRecorder,
) -> None:
    ctx = _ctx(sqlite_url, engines, default_policy, tmp_path)
    inspection_id = _inspect(ctx)
    clip, _codes, _n = _record(_camera_file(tmp_path / "bench.avi", seconds=0.5), recorder)
    attach_video(ctx, INSPECTOR, inspection_id, clip)
    clock = ctx.clock
    assert isinstance(clock, _Clock)
    clock.at = clip.ended_at + timedelta(days=default_policy.video_retention_days + 1)

    # Not exported yet: kept.
    report = prune_videos(ctx, ADMIN, videos)
    assert report.pruned == [] and "not exported" in report.kept[0][1]

    with ctx.uow() as uow:
        uow.decisions.assign_export_batch("BATCH-1")
        uow.commit()
    dry = prune_videos(ctx, ADMIN, videos, dry_run=True)
    assert [v.clip.sha256 for v in dry.pruned] == [clip.sha256]
    assert videos.exists(clip.sha256)

    done = prune_videos(ctx, ADMIN, videos)
    assert [v.clip.sha256 for v in done.pruned] == [clip.sha256]
    assert not videos.exists(clip.sha256)
    with ctx.uow() as uow:
        assert [e for e in uow.audit.iterate() if e.action == "prune_video"]
        assert uow.videos.for_inspection(inspection_id)[0].pruned_at is not None
    assert prune_videos(ctx, ADMIN, videos).pruned == []  # once
    assert audit.verify(ctx).ok
