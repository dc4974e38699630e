"""The unboxing clip in the inspection report (issue 18) and the report's words (issue 16):
a real clip written with OpenCV, checked into the store and attached to a real SQLite
inspection; the report rendered and read back with poppler (pdftotext, pdfimages, pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import pytest

from qc_station.adapters.photo_store import FileSystemPhotoStore
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.adapters.video_keyframes import key_frames
from qc_station.adapters.video_store import FileSystemVideoStore, import_clip
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Role
from qc_station.domain.model import RmaLine
from qc_station.domain.policy import Policy
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.documents import ClipFrames, report_pdf
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from qc_station.services.videos import attach_video
from tests.builders import make_rma, seed_cast_in
from tests.fakes import FakePasswordHasher, FakePhotoStamper

from .conftest import EngineMaker

CODE = "RMA-2026-000818"
STATION = "ST-09"
INSPECTOR = Actor("inspector1", Role.INSPECTOR, STATION)
ADMIN = Actor("admin1", Role.ADMIN, STATION)
CHECKLIST = {"all_parts_present": ChecklistAnswer.PASS, "no_breakage": ChecklistAnswer.PASS}
FPS = 12
SECONDS = 8
#: One colour per quarter of the clip (BGR): each key frame shows one of them.
QUARTERS = ((0, 0, 220), (0, 200, 0), (220, 0, 0), (0, 210, 230))
#: Internal codes that must never reach a printed page.
CODES = ("TRANSIT_DAMAGE", "FULL_REFUND", "PARTIAL_REFUND", "NO_FAULT", "RETURN_TO_VENDOR")


class _Clock:
    def now(self) -> datetime:
        return datetime(2026, 12, 5, 9, 30, tzinfo=UTC)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install poppler-utils (.ci/system-deps.sh)")
    return path


def _clip_file(path: Path) -> Path:
    """Eight seconds at 12 frames/s, each quarter of it a different colour."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), FPS, (320, 240))
    assert writer.isOpened()
    total = FPS * SECONDS
    try:
        for i in range(total):
            frame = np.full((240, 320, 3), QUARTERS[i * 4 // total], dtype=np.uint8)
            cv2.putText(frame, str(i), (20, 120), cv2.FONT_HERSHEY_SIMPLEX, 2, (255, 255, 255), 3)
            writer.write(frame)
    finally:
        writer.release()
    return path


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
        line = RmaLine(1, "SKU-KETTLE", "Kettle", "home", "Acme", Decimal("1360.99"), 1)
        uow.rmas.add(make_rma(CODE, lines=[line]))
        uow.commit()
    return ctx


def _inspect(ctx: ServiceContext, finding: Finding) -> tuple[str, str]:
    with ctx.uow() as uow:
        rma = uow.rmas.get(CODE)
        assert rma is not None
        lpn = rma.units[0].lpn
    # The stamper of the tests keeps the bytes: these "photos" print as boxes saying they
    # cannot be read, so the only pictures in the PDF are the clip's key frames.
    photos = tuple(
        PhotoInput(b"\xff\xd8\xff\xe0" + bytes([n]) * 64, datetime.now(UTC), f"p{n}.jpg")
        for n in range(3)
    )
    draft = InspectionDraft(lpn, Grade.B, finding, checklist=CHECKLIST, photos=photos)
    submit_inspection(ctx, INSPECTOR, draft)
    return lpn, draft.inspection_id


def _text(pdf: bytes, tmp_path: Path) -> str:
    src = tmp_path / "report.pdf"
    src.write_bytes(pdf)
    done = subprocess.run(
        [_tool("pdftotext"), "-enc", "UTF-8", str(src), "-"], check=True, capture_output=True
    )
    return " ".join(done.stdout.decode("utf-8").split())


def _images(pdf: bytes, tmp_path: Path) -> list[tuple[int, int]]:
    """``(width, height)`` of every image the PDF draws, from ``pdfimages -list``."""
    src = tmp_path / "images.pdf"
    src.write_bytes(pdf)
    done = subprocess.run(
        [_tool("pdfimages"), "-list", str(src)], check=True, capture_output=True, text=True
    )
    rows = [line.split() for line in done.stdout.splitlines()[2:] if line.strip()]
    return [(int(r[3]), int(r[4])) for r in rows if r[2] == "image"]


def _pages(pdf: bytes, tmp_path: Path) -> list[np.ndarray]:
    src = tmp_path / "pages.pdf"
    src.write_bytes(pdf)
    subprocess.run(
        [_tool("pdftoppm"), "-r", "60", "-png", str(src), str(tmp_path / "page")], check=True
    )
    return [cv2.imread(str(p)) for p in sorted(tmp_path.glob("page-*.png"))]


def _has_colour(page: np.ndarray, bgr: tuple[int, int, int]) -> bool:
    """A patch of at least 200 pixels close to ``bgr`` (a key frame of that quarter)."""
    distance = np.abs(page.astype(int) - np.array(bgr)).sum(axis=2)
    return int((distance < 90).sum()) >= 200


def test_the_report_lists_the_clip_with_four_key_frames(
    sqlite_url: str, engines: EngineMaker, default_policy: Policy, tmp_path: Path
) -> None:
    ctx = _ctx(sqlite_url, engines, default_policy, tmp_path)
    videos = FileSystemVideoStore(tmp_path / "photos" / "videos", create=True)
    lpn, inspection_id = _inspect(ctx, Finding.TRANSIT_DAMAGE)
    clip = import_clip(_clip_file(tmp_path / "bench.avi"), videos)
    attach_video(ctx, INSPECTOR, inspection_id, clip)

    pdf = report_pdf(ctx, INSPECTOR, lpn, clips=ClipFrames(videos, key_frames)).pdf

    text = _text(pdf, tmp_path)
    assert "Unboxing video" in text
    assert clip.sha256 in text.replace(" ", "")
    assert re.search(r"Duration 8 ?s Frames 96", text)
    assert "UTC" in text
    times = re.findall(r"at (\d+:\d\d\.\d)", text)
    assert times == ["0:01.0", "0:03.0", "0:05.0", "0:07.0"]
    assert "Transit damage" in text
    for code in CODES:
        assert code not in text, code
    # Four key frames and no photo: four images, each shrunk from the clip's 320×240.
    assert _images(pdf, tmp_path) == [(320, 240)] * 4
    pages = _pages(pdf, tmp_path)
    for colour in QUARTERS:
        assert any(_has_colour(page, colour) for page in pages), colour


def test_a_pruned_or_missing_clip_is_listed_without_frames(
    sqlite_url: str, engines: EngineMaker, default_policy: Policy, tmp_path: Path
) -> None:
    ctx = _ctx(sqlite_url, engines, default_policy, tmp_path)
    videos = FileSystemVideoStore(tmp_path / "photos" / "videos", create=True)
    lpn, inspection_id = _inspect(ctx, Finding.DEFECT)
    clip = import_clip(_clip_file(tmp_path / "bench.avi"), videos)
    attach_video(ctx, INSPECTOR, inspection_id, clip)
    videos.delete(clip.sha256)

    pdf = report_pdf(ctx, INSPECTOR, lpn, clips=ClipFrames(videos, key_frames)).pdf
    text = _text(pdf, tmp_path)
    assert clip.sha256 in text.replace(" ", "")
    assert "not in the video store" in text
    assert _images(pdf, tmp_path) == []

    with ctx.uow() as uow:
        uow.videos.mark_pruned(inspection_id, clip.sha256, datetime(2026, 12, 6, tzinfo=UTC))
        uow.commit()
    text = _text(
        report_pdf(ctx, INSPECTOR, lpn, clips=ClipFrames(videos, key_frames)).pdf, tmp_path
    )
    assert "deleted by the retention rule" in text


def test_the_chinese_report_speaks_words_not_codes(
    sqlite_url: str, engines: EngineMaker, default_policy: Policy, tmp_path: Path
) -> None:
    ctx = _ctx(sqlite_url, engines, default_policy, tmp_path)
    lpn, _ = _inspect(ctx, Finding.TRANSIT_DAMAGE)

    text = _text(report_pdf(ctx, INSPECTOR, lpn, language="zh_CN").pdf, tmp_path)
    assert "运输损坏" in text  # Transit damage, from the Qt catalogue's "Labels"
    assert "B · 已开箱" in text
    assert "1,360.99" in text
    for code in CODES:
        assert code not in text, code
    english = _text(report_pdf(ctx, INSPECTOR, lpn).pdf, tmp_path)
    assert "Transit damage" in english and "运输损坏" not in english
