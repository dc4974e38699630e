"""Crash safety on the single-station database (SPEC §10: "a committed decision survives a
power cut"), a full disk and a read-only database.

- A child process (``crash_child.py``) saves inspections through the real services on a
  SQLite file and prints each LPN after its commit. The parent SIGKILLs it at random points,
  seeded so a failure reproduces, over as many rounds as it takes to save 1,000 units. After
  every kill: each reported LPN has its decision, no unit has a half-written save (an
  inspection without its decision, a state that does not match the decision, a decision
  without its audit events), ``PRAGMA integrity_check`` is ok and the audit chain verifies.
  SIGKILL is a process crash, not a power cut: the operating system still writes what the
  process handed it. ``synchronous=FULL`` (checked in test_database.py) is what carries the
  same guarantee across a power cut; a process crash at any instruction is what a test can
  reproduce.
- A full disk: SQLite's ``max_page_count`` caps the file (any machine), and as root a tiny
  tmpfs gives a real ENOSPC. The failing save raises, is described as a full disk, and leaves
  nothing behind; earlier saves are intact.
- A read-only database (file and folder): a clear error and no change.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError

from qc_station.adapters.database import make_engine
from qc_station.adapters.db_errors import describe_database_error
from qc_station.adapters.migrate import upgrade
from qc_station.adapters.photo_store import FileSystemPhotoStore
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.bootstrap import SystemClock, read_policy
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Role, UnitState
from qc_station.domain.errors import QcError
from qc_station.domain.model import DecisionStatus, RmaLine
from qc_station.services import audit
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, submit_inspection
from tests.builders import INSPECTOR, make_rma, seed_cast_in
from tests.fakes import FakePasswordHasher, FakePhotoStamper

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_child.py")

TOTAL_SAVES = 1000
SEED = int(os.environ.get("QC_CRASH_SEED", "20261102"))
MAX_ROUNDS = 80


def _lpn(number: int) -> str:
    return f"RMA-CRASH-{number:05d}-1"


def _seed_units(url: str, count: int) -> list[str]:
    engine = make_engine(url)
    try:
        upgrade(engine)
        rmas = [
            make_rma(
                f"RMA-CRASH-{n:05d}",
                lines=[RmaLine(1, f"SKU-{n}", "Lamp 台灯", "home", "Acme", Decimal("99.00"), 1)],
            )
            for n in range(count)
        ]
        with SqlUnitOfWorkFactory(engine)() as uow:
            uow.rmas.add_many(rmas)
            uow.commit()
        # The inspectors who save (crash_child.py acts as "crash"): services check them.
        seed_cast_in(SqlUnitOfWorkFactory(engine), Actor("crash", Role.INSPECTOR, "ST-CRASH"))
    finally:
        engine.dispose()
    return [_lpn(n) for n in range(count)]


def _context(url: str, photos: Path) -> tuple[ServiceContext, Engine]:
    engine = make_engine(url)
    ctx = ServiceContext(
        uow=SqlUnitOfWorkFactory(engine),
        clock=SystemClock(),
        policy=read_policy(None),
        photos=FileSystemPhotoStore(photos),
        passwords=FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
    return ctx, engine


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return ", ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


class Round:
    """One child run: it saves the given units until killed (or done)."""

    def __init__(self, url: str, photos: Path, work: list[tuple[int, str]], folder: Path):
        lpn_file = folder / "todo.txt"
        lpn_file.write_text("".join(f"{i} {lpn}\n" for i, lpn in work))
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), url, str(photos), str(lpn_file)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        self._out = self.proc.stdout
        self._buffer = b""
        self.reported: list[str] = []

    def read_until(self, count: int, timeout: float = 60.0) -> bool:
        """Collect reported LPNs until ``count`` of them or the child ends; False if it ended."""
        deadline = time.monotonic() + timeout
        while len(self.reported) < count:
            ready, _, _ = select.select([self._out], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise AssertionError(f"the child reported nothing for {timeout} s")
            chunk = os.read(self._out.fileno(), 65536)
            if not chunk:
                return False
            self._buffer += chunk
            *lines, self._buffer = self._buffer.split(b"\n")
            self.reported.extend(line.decode() for line in lines if line)
        return True

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        # Lines the child wrote before it died were committed too.
        rest = self._out.read() or b""
        self._buffer += rest
        self.reported.extend(line.decode() for line in self._buffer.split(b"\n") if line)
        self._buffer = b""
        assert self.proc.stderr is not None
        self.stderr = self.proc.stderr.read().decode(errors="replace")

    def finish(self) -> None:
        self.proc.wait(timeout=120)
        rest = self._out.read() or b""
        self.reported.extend(line.decode() for line in (self._buffer + rest).split(b"\n") if line)
        assert self.proc.stderr is not None
        self.stderr = self.proc.stderr.read().decode(errors="replace")


def _check_database(
    ctx: ServiceContext, path: Path, reported: set[str], lpns: list[str]
) -> set[str]:
    """Every check the test makes after a kill; returns the units saved so far. Plain SQL
    over the whole file (a few queries, not a few per unit: this runs after every kill)."""
    assert _integrity(path) == "ok"
    report = audit.verify(ctx)
    assert report.ok, report.problems
    conn = sqlite3.connect(path)
    try:
        units = {
            r[0]: (r[1], r[2])
            for r in conn.execute("SELECT lpn, state, claimed_station FROM units")
        }
        inspections: dict[str, list[str]] = {}
        for lpn, inspection_id in conn.execute("SELECT lpn, id FROM inspections"):
            inspections.setdefault(lpn, []).append(inspection_id)
        decisions: dict[str, list[tuple[str, str, str]]] = {}
        for lpn, *rest in conn.execute("SELECT lpn, id, inspection_id, status FROM decisions"):
            decisions.setdefault(lpn, []).append(tuple(rest))
        photos: dict[str, list[str]] = {}
        for inspection_id, sha in conn.execute(
            "SELECT inspection_id, sha256 FROM inspection_photos"
        ):
            photos.setdefault(inspection_id, []).append(sha)
        decided_events = {
            r[0]
            for r in conn.execute(
                "SELECT entity_id FROM audit_events WHERE entity = 'decision' AND action = 'decide'"
            )
        }
        moves: dict[str, list[str]] = {}
        for lpn, new in conn.execute(
            "SELECT entity_id, new FROM audit_events WHERE entity = 'unit' ORDER BY seq"
        ):
            state = json.loads(new).get("state") if new else None
            if state:
                moves.setdefault(lpn, []).append(state)
    finally:
        conn.close()
    saved: set[str] = set()
    for lpn in lpns:
        state, claimed = units[lpn]
        if state == UnitState.EXPECTED.value:
            # Not saved (or killed before its commit): nothing of it may be stored.
            assert lpn not in inspections and lpn not in decisions and lpn not in moves, lpn
            assert lpn not in reported, f"{lpn} was reported saved but is not there"
            continue
        saved.add(lpn)
        assert len(inspections.get(lpn, [])) == 1 and len(decisions.get(lpn, [])) == 1, lpn
        decision_id, inspection_id, status = decisions[lpn][0]
        assert inspection_id == inspections[lpn][0]
        expected_state = (
            UnitState.AWAITING_APPROVAL if status == DecisionStatus.PENDING else UnitState.DECIDED
        )
        assert state == expected_state.value and claimed is None, lpn
        for sha in photos.get(inspection_id, []):
            assert ctx.photos.exists(sha), f"{lpn}: photo {sha} missing"
        assert decision_id in decided_events, lpn
        assert moves[lpn] == [state], lpn
    missing = reported - saved
    assert not missing, f"reported as committed but lost: {sorted(missing)[:5]}"
    return saved


@pytest.mark.slow
def test_sigkill_at_random_points_loses_no_committed_save(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    db = tmp_path / "station.db"
    url = f"sqlite:///{db}"
    photos = tmp_path / "photos"
    photos.mkdir()
    lpns = _seed_units(url, TOTAL_SAVES)
    index_of = {lpn: i for i, lpn in enumerate(lpns)}
    ctx, engine = _context(url, photos)
    reported: set[str] = set()
    saved: set[str] = set()
    kills = 0
    started = time.monotonic()
    try:
        for round_no in range(MAX_ROUNDS):
            todo = [(index_of[lpn], lpn) for lpn in lpns if lpn not in saved]
            if not todo:
                break
            child = Round(url, photos, todo, tmp_path)
            # Kill after a random number of reported saves, then a random instant later so
            # the kill lands anywhere inside the next save (or during start-up: target 0).
            target = rng.choice([0, *range(1, 80)])
            alive = child.read_until(target) if target else True
            if alive and (target or rng.random() < 0.5):
                time.sleep(rng.uniform(0, 0.02))
                child.kill()
                kills += 1
            else:
                child.finish()
            assert "Traceback" not in child.stderr, child.stderr
            reported.update(child.reported)
            engine.dispose()  # see the file as a new process would
            saved = _check_database(ctx, db, reported, lpns)
            assert set(child.reported) <= saved, f"round {round_no}"
        else:
            pytest.fail(f"{MAX_ROUNDS} rounds did not save {TOTAL_SAVES} units (seed {SEED})")
    finally:
        engine.dispose()
    assert saved == set(lpns)
    assert kills >= 5, f"only {kills} kills (seed {SEED})"
    elapsed = time.monotonic() - started
    print(f"\n{TOTAL_SAVES} saves, {kills} SIGKILLs, {elapsed:.1f} s (seed {SEED})")


# --- a full disk -----------------------------------------------------------------------------


def _draft(lpn: str, ctx: ServiceContext) -> InspectionDraft:
    checklist = {i.key: ChecklistAnswer.PASS for i in ctx.policy.checklist_for("home")}
    return InspectionDraft(lpn, Grade.A, Finding.NO_FAULT, checklist)


def _assert_nothing_of(ctx: ServiceContext, lpn: str) -> None:
    with ctx.uow(read_only=True) as uow:
        rma = uow.rmas.get_by_lpn(lpn)
        assert rma is not None
        unit = rma.unit(lpn)
        assert unit is not None and unit.state == UnitState.EXPECTED
        assert unit.claimed_station is None
        assert uow.inspections.for_unit(lpn) == []
        assert uow.decisions.for_unit(lpn) == []
        assert uow.audit.for_entity("unit", lpn) == []


def _save_until_full(ctx: ServiceContext, lpns: list[str]) -> tuple[list[str], str, Exception]:
    done: list[str] = []
    for lpn in lpns:
        try:
            submit_inspection(ctx, INSPECTOR, _draft(lpn, ctx))
        except OperationalError as exc:
            return done, lpn, exc
        done.append(lpn)
    raise AssertionError("the disk never filled up")


def test_full_database_file_refuses_the_save_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    url = f"sqlite:///{db}"
    lpns = _seed_units(url, 400)
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    engine = make_engine(url)

    # max_page_count is per connection: every connection of this engine gets the cap.
    @event.listens_for(engine, "connect")
    def _cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 12}")

    ctx = ServiceContext(
        SqlUnitOfWorkFactory(engine),
        SystemClock(),
        read_policy(None),
        FileSystemPhotoStore(tmp_path / "photos", create=True),
        FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
    try:
        done, failed, exc = _save_until_full(ctx, lpns)
        assert done, "no save fitted at all; the cap is too tight to test anything"
        message = describe_database_error(exc)
        assert message is not None and message.startswith("the disk is full; nothing was saved")
        _assert_nothing_of(ctx, failed)
        with ctx.uow(read_only=True) as uow:
            for lpn in done:
                assert uow.decisions.current(lpn) is not None
        assert audit.verify(ctx).ok
    finally:
        engine.dispose()
    assert _integrity(db) == "ok"


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


needs_root = pytest.mark.skipif(
    os.geteuid() != 0, reason="mounting a small file system needs root (max_page_count covers it)"
)


@needs_root
def test_full_file_system_refuses_the_save_cleanly(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "small", "1m") as small:
        db = small / "station.db"
        url = f"sqlite:///{db}"
        lpns = _seed_units(url, 300)
        filler = small / "filler"
        # Leave a few pages free, so some saves fit and then the disk runs out mid-way.
        free = os.statvfs(small).f_bavail * os.statvfs(small).f_frsize
        filler.write_bytes(b"\0" * max(0, free - 96 * 1024))
        ctx, engine = _context(url, small / "photos")
        try:
            done, failed, exc = _save_until_full(ctx, lpns)
            message = describe_database_error(exc)
            assert message is not None and "disk is full" in message, message
            filler.unlink()  # room again: what is stored must be whole
            engine.dispose()
            _assert_nothing_of(ctx, failed)
            with ctx.uow(read_only=True) as uow:
                for lpn in done:
                    assert uow.decisions.current(lpn) is not None
            assert audit.verify(ctx).ok
            assert _integrity(db) == "ok"
        finally:
            engine.dispose()


# --- a read-only database --------------------------------------------------------------------


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """Make ``path`` (a file, or a folder and what is in it) read-only: a read-only bind
    mount as root (root ignores file modes), file modes otherwise."""
    if os.geteuid() == 0:
        subprocess.run(["mount", "--bind", str(path), str(path)], check=True)
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(path)], check=True)
            yield
        finally:
            subprocess.run(["umount", "-l", str(path)], check=False)
        return
    paths = [path, *path.iterdir()] if path.is_dir() else [path]
    modes = {p: p.stat().st_mode for p in paths}
    for p in paths:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_database_is_refused_with_its_path_and_left_alone(
    tmp_path: Path, what: str
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "station.db"
    url = f"sqlite:///{db}"
    _seed_units(url, 3)
    before = db.read_bytes()
    target = db if what == "file" else folder
    with _read_only(target), pytest.raises(QcError) as caught:
        _context(url, tmp_path)
    message = str(caught.value)
    # A read-only folder makes the file read-only too; either way the message names it.
    assert "is read-only; the station needs to write" in message, message
    assert str(target) in message, message
    assert db.read_bytes() == before
    assert _integrity(db) == "ok"
