"""Unboxing video benchmark (issue 18, SPEC §7.5). Run ``.venv/bin/python -m bench.bench_video``.

Part 1, recording while decoding: a 1280×720 video file (a textured bench, a moving object,
an RMA label in view) stands in for a 25 frames/s webcam. One capture loop, paced at the
camera's rate, reads each frame, decodes its barcodes (``decode_frame``) and offers it to the
recording, as the station's camera thread does. Figures: decoded frames/s (target ≥ 15),
recorded frames/s of the clip (its frames over the wall time it covered; target ≥ 10, the
recorder holds 12), frames dropped because the encoder fell behind, megabytes per minute of
clip (target ≤ 30) and the process's CPU share (of one core) over the run.

Part 2, finishing: ``finish()`` of a 5-minute clip (3,600 frames at 12 frames/s, captured at
made-up times as fast as the encoder takes them) — the time the caller waits (target p99 ≤
100 ms, measured over that clip and ``--clips`` short ones) and the time until the clip is
stored on the recorder's thread (the caller does not wait for that).
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np

from qc_station.adapters.barcodes import decode_frame
from qc_station.adapters.camera import open_camera
from qc_station.adapters.video import OpenCvVideoRecorder
from qc_station.adapters.video_frames import video_codec
from qc_station.adapters.video_store import FileSystemVideoStore
from qc_station.services.video_ports import VIDEO_FPS

from .common import percentile

CAMERA_FPS = 25
SIZE = (1280, 720)
CODE = "RMA-2026-000123"


def _label() -> np.ndarray:
    from io import BytesIO

    from barcode import Code128
    from barcode.writer import ImageWriter

    buffer = BytesIO()
    Code128(CODE, writer=ImageWriter()).write(buffer, {"module_width": 0.45, "dpi": 200})
    return cv2.imdecode(np.frombuffer(buffer.getvalue(), np.uint8), cv2.IMREAD_COLOR)


def make_source(path: Path, seconds: int) -> Path:
    rng = np.random.default_rng(3)
    bench = cv2.GaussianBlur(
        np.clip(rng.normal(120, 20, (SIZE[1], SIZE[0], 3)), 0, 255).astype(np.uint8), (3, 3), 0
    )
    label = _label()
    h, w = label.shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), CAMERA_FPS, SIZE)
    for i in range(seconds * CAMERA_FPS):
        frame = bench.copy()
        x = 200 + int(150 * np.sin(i / 20))
        cv2.rectangle(frame, (x, 400), (x + 300, 650), (40, 90, 160), -1)  # the parcel
        frame[100 : 100 + h, 300 + i % 40 : 300 + i % 40 + w] = label
        frame = cv2.add(frame, rng.integers(0, 6, frame.shape, dtype=np.uint8))  # sensor noise
        writer.write(frame)
    writer.release()
    return path


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def record_while_decoding(source: Path, recorder: OpenCvVideoRecorder) -> dict[str, float]:
    recording = recorder.start(lpn="LPN-1", station="ST-01", inspector="bench", max_minutes=10)
    decoded = 0
    frames = 0
    start = time.monotonic()
    cpu0 = _cpu()
    t0 = datetime.now(UTC)
    with open_camera(str(source)) as camera:
        while (frame := camera.read()) is not None:
            due = start + frames / CAMERA_FPS
            if (wait := due - time.monotonic()) > 0:
                time.sleep(wait)
            codes = decode_frame(frame)
            decoded += any(c.text == CODE for c in codes)
            recording.add_frame(frame, t0 + timedelta(seconds=time.monotonic() - start))
            frames += 1
    wall = time.monotonic() - start
    clip = recording.finish().result(timeout=600)
    cpu = _cpu() - cpu0
    return {
        "camera_frames": frames,
        "decode_fps": frames / wall,
        "frames_with_code": decoded,
        "recorded_fps": clip.frames / wall,
        "dropped": clip.dropped,
        "clip_seconds": clip.duration_ms / 1000,
        "mb_per_minute": clip.size_bytes / 2**20 / (clip.duration_ms / 60000),
        "cpu_share_of_one_core": cpu / wall,
        "codec": clip.codec,  # type: ignore[dict-item]
    }


def finish_latency(source: Path, recorder: OpenCvVideoRecorder, clips: int) -> dict[str, float]:
    with open_camera(str(source)) as camera:
        pictures = []
        while (frame := camera.read()) is not None and len(pictures) < 50:
            pictures.append(frame)
    waits: list[float] = []
    # The 5-minute clip.
    recording = recorder.start(lpn="LPN-5", station="ST-01", inspector="bench", max_minutes=10)
    t0 = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    n = 0
    while n < 5 * 60 * VIDEO_FPS:
        if recording.add_frame(pictures[n % len(pictures)], t0 + timedelta(seconds=n / VIDEO_FPS)):
            n += 1
        elif recording.failure is not None:
            raise SystemExit(f"recording failed: {recording.failure}")
        else:
            time.sleep(0.002)  # the encoder's queue is full: wait, as a real camera would
    tick = time.perf_counter()
    future = recording.finish()
    long_wait = time.perf_counter() - tick
    clip = future.result(timeout=600)
    stored_after = time.perf_counter() - tick
    waits.append(long_wait)
    for k in range(clips):
        short = recorder.start(lpn=f"LPN-{k}", station="ST-01", inspector="b", max_minutes=10)
        for m in range(24):
            short.add_frame(pictures[m % len(pictures)], t0 + timedelta(seconds=m / VIDEO_FPS))
        tick = time.perf_counter()
        pending = short.finish()
        waits.append(time.perf_counter() - tick)
        pending.result(timeout=60)
    waits.sort()
    return {
        "five_minute_clip_frames": clip.frames,
        "five_minute_clip_mb": clip.size_bytes / 2**20,
        "finish_wait_ms_five_minute_clip": long_wait * 1000,
        "finish_wait_ms_p99": percentile(waits, 99) * 1000,
        "finish_wait_ms_max": waits[-1] * 1000,
        "stored_after_finish_ms_five_minute_clip": stored_after * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=20, help="length of the camera file")
    parser.add_argument("--clips", type=int, default=100, help="short clips for finish()")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-video-") as folder:
        root = Path(folder)
        source = make_source(root / "camera.avi", args.seconds)
        store = FileSystemVideoStore(root / "videos", create=True)
        recorder = OpenCvVideoRecorder(store, root / "recording")
        result: dict[str, object] = {"codec": video_codec()}
        result["recording"] = record_while_decoding(source, recorder)
        print(json.dumps(result, indent=2), flush=True)
        result["finishing"] = finish_latency(source, recorder, args.clips)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
