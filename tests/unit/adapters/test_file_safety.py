"""What the station writes on disk (SPEC §6, issue 15): file names made from data are reduced
to safe characters and stay inside the folder named, no write follows a planted symbolic
link, and the database, its -wal/-shm files and the photo folders are the station account's
only."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from qc_station.adapters.database import make_engine
from qc_station.adapters.files import (
    UnsafePath,
    atomic_text_output,
    safe_file_name,
    write_atomically,
    write_into,
)
from qc_station.adapters.photo_store import FileSystemPhotoStore

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("RMA-2026-000123-1", "RMA-2026-000123-1"),
        ("inspection-report-RMA-1-1.pdf", "inspection-report-RMA-1-1.pdf"),
        ("RMA/../../etc/passwd-1", "RMA_._._etc_passwd-1"),
        ("..", "file"),
        ("../", "file"),
        ("/etc/passwd", "etc_passwd"),
        ("C:\\Windows\\x", "C_Windows_x"),
        ("-rf", "rf"),
        (".bashrc", "bashrc"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("a\x00b\nc", "a_b_c"),
        ("深圳音频", "深圳音频"),
        ("Küchenwerk GmbH", "Küchenwerk_GmbH"),
        ("ＲＭＡ／..／x", "RMA_._x"),  # full-width slash folds to "/" first
        ("", "file"),
        ("x" * 300, "x" * 80),
    ],
)
def test_safe_file_name(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe
    assert safe_file_name(safe) == safe  # already safe: unchanged


def test_write_into_never_leaves_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    written = write_into(out, "evidence-RMA/../../escape-1.zip", b"zip")
    assert written.parent == out.resolve()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert [p.name for p in out.iterdir()] == ["evidence-RMA_._._escape-1.zip"]


def test_write_atomically_refuses_a_planted_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "report.errors.csv"
    link.symlink_to(victim)
    with pytest.raises(UnsafePath, match="symbolic link"):
        write_atomically(link, b"attack")
    assert victim.read_text() == "keep me" and link.is_symlink()
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "does-not-exist")
    with pytest.raises(UnsafePath):
        write_atomically(dangling, b"attack")
    assert not (tmp_path / "does-not-exist").exists()


def test_atomic_text_output_refuses_a_symlink_before_the_work(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "out.csv"
    link.symlink_to(victim)
    with pytest.raises(UnsafePath), atomic_text_output(link) as stream:
        stream.write("attack")
    assert victim.read_text() == "keep me"
    plain = tmp_path / "plain.csv"
    with atomic_text_output(plain) as stream:
        stream.write("a,b\r\n")
    assert plain.read_bytes() == b"a,b\r\n"


@posix_only
def test_new_sqlite_database_and_folder_are_private(tmp_path: Path) -> None:
    db = tmp_path / "data" / "qc_station.db"
    engine = make_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
        for suffix in ("", "-wal", "-shm"):
            file = db.with_name(db.name + suffix)
            assert file.exists(), suffix
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, suffix
    engine.dispose()
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700


@posix_only
def test_existing_world_readable_database_is_tightened_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "qc_station.db"
    engine = make_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    engine.dispose()
    os.chmod(db, 0o644)
    with caplog.at_level(logging.WARNING, logger="qc_station.adapters.database"):
        make_engine(f"sqlite:///{db}").dispose()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert "tightened to 600" in caplog.text


@posix_only
def test_photo_folders_the_store_makes_are_private(tmp_path: Path) -> None:
    store = FileSystemPhotoStore(tmp_path / "photos", create=True)
    digest = store.put(b"\xff\xd8 a photo")
    assert stat.S_IMODE((tmp_path / "photos").stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path(digest).parent.stat().st_mode) == 0o700
