"""``inspect --video FILE`` and ``maintenance prune-videos`` end to end (SPEC §7.5, §11) on a
real SQLite file, with real clips written by OpenCV: a clip is attached (the history tells it,
the evidence pack carries it with its SHA-256); a corrupt, an empty or a too-big file is
refused with a clear message and nothing is recorded; a dry run lists and deletes nothing;
the real run deletes the clips past retention of final, exported decisions, audited, and
keeps the others, each with why."""

from __future__ import annotations

import hashlib
import json
import os
import time
import zipfile
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.e2e.conftest import Run
from tests.e2e.test_cli_flow import HOME_OK, MANIFEST, PASSWORD

MUG, CUP, CUP_2 = "RMA-2026-000001-1", "RMA-2026-000002-1", "RMA-2026-000002-2"
DAY = 86_400


def write_clip(path: Path, seconds: int = 2, age_days: int = 0) -> Path:
    """A real MPEG-4 clip (a moving square at 12 frames/s), last written ``age_days`` ago."""
    size = (320, 240)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), 12, size)
    assert writer.isOpened()
    for i in range(seconds * 12):
        frame = np.full((size[1], size[0], 3), 80, np.uint8)
        cv2.rectangle(frame, (10 * i, 80), (10 * i + 50, 130), (0, 0, 220), -1)
        writer.write(frame)
    writer.release()
    then = time.time() - age_days * DAY
    os.utime(path, (then, then))
    return path


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sparse_file(path: Path, size: int) -> None:
    """A file of ``size`` bytes that takes no room on the disk."""
    with path.open("wb") as stream:
        stream.truncate(size)


def stored_clips(site: Path) -> dict[str, Path]:
    """The clip files in the station's video folder, by SHA-256."""
    return {p.stem: p for p in (site / "data").rglob("*.mp4")}


@pytest.fixture
def site(qc: Run, tmp_path: Path) -> Path:
    """An admin, an inspector and a supervisor, and the manifest imported (one bad row)."""
    assert qc("users", "add", "admin", "--role", "admin", new_password=PASSWORD).code == 0
    for name, role in (("ines", "inspector"), ("sofia", "supervisor")):
        added = qc(
            "users", "add", name, "--role", role,
            user="admin", password=PASSWORD, new_password=PASSWORD,
        )  # fmt: skip
        assert added.code == 0, added.err
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    assert qc("import", str(manifest), user="admin", password=PASSWORD).code == 1  # a bad row
    return tmp_path


def inspect(qc: Run, lpn: str, video: Path) -> tuple[int, str, str]:
    done = qc(
        "inspect", lpn, "--grade", "A", "--finding", "NO_FAULT", *HOME_OK, "--video", str(video),
        user="ines", password=PASSWORD,
    )  # fmt: skip
    if done.code == 0 and "status       pending" in done.out:
        approved = qc("approve", lpn, user="sofia", password=PASSWORD)
        assert approved.code == 0, approved.err
    return done.code, done.out, done.err


def test_a_clip_is_attached_told_in_the_history_and_carried_by_the_evidence_pack(
    qc: Run, site: Path
) -> None:
    clip = write_clip(site / "unboxing.mp4")
    code, out, err = inspect(qc, MUG, clip)
    assert code == 0, err
    sha = sha256_of(clip)
    assert f"video        {sha} (2.0 s, 24 frames)" in out
    assert set(stored_clips(site)) == {sha}
    story = qc("history", MUG, user="sofia", password=PASSWORD)
    assert story.code == 0, story.err
    assert " attach_video " in story.out and f"sha256: {sha[:12]}…" in story.out
    pack_path = site / "evidence.zip"
    pack = qc("evidence", MUG, "-o", str(pack_path), user="sofia", password=PASSWORD)
    assert pack.code == 0, pack.err
    assert "unboxing video" in pack.out
    with zipfile.ZipFile(pack_path) as pack_zip:
        videos = [n for n in pack_zip.namelist() if n.endswith(".mp4")]
        assert len(videos) == 1
        assert hashlib.sha256(pack_zip.read(videos[0])).hexdigest() == sha
        manifest = json.loads(pack_zip.read("manifest.json"))
    listed = json.dumps(manifest)
    assert sha in listed


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_bytes(os.urandom(4096)), "is not a video OpenCV can read"),
        (lambda p: p.write_bytes(b""), "is not a video OpenCV can read"),
        (lambda p: sparse_file(p, 2**30 + 1), "at most 1024 MB"),  # 1 GB and a byte
    ],
    ids=["corrupt", "empty", "too-big"],
)
def test_a_bad_file_is_refused_and_nothing_is_recorded(
    qc: Run, site: Path, make: object, words: str
) -> None:
    bad = site / "bad.mp4"
    assert callable(make)
    make(bad)
    code, _out, err = inspect(qc, MUG, bad)
    assert code != 0 and "Traceback" not in err
    # (FFmpeg and OpenCV may say their own piece on stderr before it.)
    last = err.strip().splitlines()[-1]
    assert last.startswith("qc-station: error:") and words in last, err
    assert stored_clips(site) == {}
    story = qc("history", MUG, user="sofia", password=PASSWORD)
    assert story.code == 0 and "attach_video" not in story.out
    assert f"{MUG}  SKU-MUG  expected" in story.out  # not inspected either


def test_prune_videos_dry_run_then_for_real(qc: Run, site: Path) -> None:
    exported = write_clip(site / "mug.mp4", age_days=200)
    old_unexported = write_clip(site / "cup.mp4", seconds=3, age_days=200)
    recent = write_clip(site / "cup2.mp4", seconds=4)
    assert inspect(qc, MUG, exported)[0] == 0
    out = site / "finance.csv"
    assert qc("export", "finance", "-o", str(out), user="sofia", password=PASSWORD).code == 0
    assert inspect(qc, CUP, old_unexported)[0] == 0
    assert inspect(qc, CUP_2, recent)[0] == 0
    gone, kept, fresh = sha256_of(exported), sha256_of(old_unexported), sha256_of(recent)
    assert set(stored_clips(site)) == {gone, kept, fresh}

    dry = qc("maintenance", "prune-videos", "--dry-run", user="admin", password=PASSWORD)
    assert dry.code == 0, dry.err
    assert f"would delete {gone}  {MUG}" in dry.out
    assert f"kept {kept}  {CUP}: its decision is not exported" in dry.out
    assert fresh not in dry.out
    assert "1 video would delete" in dry.out and "1 kept" in dry.out
    assert set(stored_clips(site)) == {gone, kept, fresh}

    pruned = qc("maintenance", "prune-videos", user="admin", password=PASSWORD)
    assert pruned.code == 0, pruned.err
    assert f"deleted {gone}  {MUG}" in pruned.out and f"kept {kept}" in pruned.out
    assert set(stored_clips(site)) == {kept, fresh}
    story = qc("history", MUG, user="sofia", password=PASSWORD)
    assert " prune_video " in story.out and "admin@" in story.out
    assert "retention_days: 180" in story.out
    again = qc("maintenance", "prune-videos", user="admin", password=PASSWORD)
    assert again.code == 0 and "0 videos deleted" in again.out
    assert qc("audit", "verify", user="admin", password=PASSWORD).code == 0
    # The evidence pack still names the pruned clip, without its file.
    pack_path = site / "evidence.zip"
    assert qc("evidence", MUG, "-o", str(pack_path), user="sofia", password=PASSWORD).code == 0
    with zipfile.ZipFile(pack_path) as pack_zip:
        assert not [n for n in pack_zip.namelist() if n.endswith(".mp4")]
        assert gone in pack_zip.read("manifest.json").decode()


def test_prune_videos_is_for_admins(qc: Run, site: Path) -> None:
    refused = qc("maintenance", "prune-videos", "--dry-run", user="sofia", password=PASSWORD)
    assert refused.code != 0 and "Traceback" not in refused.err
    assert "sofia" in refused.err or "supervisor" in refused.err
