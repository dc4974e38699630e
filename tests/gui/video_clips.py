"""Real clips for the GUI tests of the video player (SPEC §7.5): a short MPEG-4 file written
with OpenCV into a real clip store, and its ``InspectionVideo`` record."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np

from qc_station.adapters.video_store import FileSystemVideoStore
from qc_station.services.video_ports import ClipRecord, InspectionVideo

FPS = 12
START = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)


def write_clip(path: Path, seconds: int = 12, size: tuple[int, int] = (320, 240)) -> Path:
    """A clip of a moving square, ``seconds`` long at :data:`FPS` frames a second."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), FPS, size)
    assert writer.isOpened()
    try:
        for i in range(seconds * FPS):
            frame = np.full((size[1], size[0], 3), 90, np.uint8)
            left = 4 * i % size[0]
            cv2.rectangle(frame, (left, 60), (left + 40, 100), (0, 200, 0), -1)
            writer.write(frame)
    finally:
        writer.release()
    return path


def stored_clip(
    store: FileSystemVideoStore, tmp_path: Path, inspection_id: str = "insp-1", seconds: int = 12
) -> InspectionVideo:
    """A clip written, put into ``store`` and described as the recorder would have."""
    source = write_clip(tmp_path / "made.mp4", seconds)
    sha, size = store.put_file(source)
    assert sha == hashlib.sha256(store.get(sha)).hexdigest()
    clip = ClipRecord(
        sha, START, START + timedelta(seconds=seconds), seconds * 1000, seconds * FPS, size, "mp4v"
    )
    return InspectionVideo(inspection_id, "RMA-2026-000123-1", clip)
