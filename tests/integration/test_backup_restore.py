"""Backup and restore (SPEC §11 ``backup``/``restore``) on real SQLite files, and the
PostgreSQL refusal with its ``pg_dump`` guidance.

The round trip: what was there at the backup is there after the restore, what came later
is not (it is kept in ``*.before-restore``), the audit chain verifies and ``integrity_check``
is ok. A backup taken while another thread keeps saving is a consistent database. Files that
are not a QC Station database, damaged ones and ones from a newer version are refused and
the live database is untouched. A full disk during the backup leaves no file behind.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine

from qc_station.adapters.backup import PostgresMaintenance, SqliteMaintenance, maintenance_for
from qc_station.adapters.database import make_engine
from qc_station.adapters.migrate import alembic_config, head_revision, upgrade
from qc_station.adapters.photo_store import FileSystemPhotoStore
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.bootstrap import SystemClock, read_policy
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Role, UnitState
from qc_station.domain.errors import PermissionDenied
from qc_station.domain.model import RmaLine
from qc_station.services import audit, maintenance
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, submit_inspection
from qc_station.services.maintenance import (
    MaintenanceError,
    MaintenanceUnsupported,
    RestoreRefused,
)
from tests.builders import ADMIN, INSPECTOR, SUPERVISOR, make_rma, seed_cast_in
from tests.fakes import FakePasswordHasher, FakePhotoStamper

from .conftest import EngineMaker


def _context(engine: Engine, photos: Path) -> ServiceContext:
    made = ServiceContext(
        uow=SqlUnitOfWorkFactory(engine),
        clock=SystemClock(),
        policy=read_policy(None),
        photos=FileSystemPhotoStore(photos, create=True),
        passwords=FakePasswordHasher(),
        database=maintenance_for(engine),
        photo_stamper=FakePhotoStamper(),
    )
    seed_cast_in(made.uow)
    return made


def _seed(ctx: ServiceContext, first: int, count: int) -> list[str]:
    rmas = [
        make_rma(
            f"RMA-BK-{n:05d}",
            lines=[RmaLine(1, f"SKU-{n}", "Kettle 水壶", "home", "Acme", Decimal("49.90"), 1)],
        )
        for n in range(first, first + count)
    ]
    with ctx.uow() as uow:
        uow.rmas.add_many(rmas)
        uow.commit()
    return [f"RMA-BK-{n:05d}-1" for n in range(first, first + count)]


def _decide(ctx: ServiceContext, lpn: str) -> None:
    checklist = {i.key: ChecklistAnswer.PASS for i in ctx.policy.checklist_for("home")}
    submit_inspection(ctx, INSPECTOR, InspectionDraft(lpn, Grade.A, Finding.NO_FAULT, checklist))


def _state(ctx: ServiceContext, lpn: str) -> UnitState | None:
    with ctx.uow(read_only=True) as uow:
        rma = uow.rmas.get_by_lpn(lpn)
        unit = rma.unit(lpn) if rma else None
        return unit.state if unit else None


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return ", ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


@pytest.fixture
def station(sqlite_url: str, engines: EngineMaker, tmp_path: Path) -> ServiceContext:
    return _context(engines(sqlite_url), tmp_path / "photos")


def _live_path(ctx: ServiceContext) -> Path:
    assert isinstance(ctx.database, SqliteMaintenance) and ctx.database.path is not None
    return ctx.database.path


def test_round_trip_restores_what_was_backed_up_and_keeps_the_rest_aside(
    station: ServiceContext, tmp_path: Path
) -> None:
    lpns = _seed(station, 0, 6)
    for lpn in lpns[:3]:
        _decide(station, lpn)
    report = maintenance.backup(station, ADMIN, tmp_path / "backup.qcdb")
    assert report.path.is_file() and report.size_bytes == report.path.stat().st_size
    assert _integrity(report.path) == "ok"
    # A standalone file: no WAL needed beside it.
    assert sqlite3.connect(report.path).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    head_seq = int(report.audit_head.split(":")[0])

    # Work goes on after the backup.
    for lpn in lpns[3:]:
        _decide(station, lpn)
    later = _seed(station, 100, 2)

    restored = maintenance.restore(station, ADMIN, report.path)
    assert restored.previous == _live_path(station).with_name(
        _live_path(station).name + ".before-restore"
    )
    assert restored.revision_now == head_revision()
    assert [_state(station, lpn) for lpn in lpns] == [UnitState.DECIDED] * 3 + [
        UnitState.EXPECTED
    ] * 3
    assert [_state(station, lpn) for lpn in later] == [None, None]
    chain = audit.verify(station)
    assert chain.ok, chain.problems
    # The backed-up events, then the backup's own event is gone and the restore's is there.
    with station.uow(read_only=True) as uow:
        events = list(uow.audit.iterate())
    assert len(events) == head_seq + 1 and events[-1].action == "restore"
    assert _integrity(_live_path(station)) == "ok"

    # What was set aside holds the later work, whole.
    kept = restored.previous
    assert _integrity(kept) == "ok"
    with contextlib.closing(sqlite3.connect(kept)) as conn:
        states = dict(conn.execute("SELECT lpn, state FROM units").fetchall())
    assert all(states[lpn] == "decided" for lpn in lpns)
    assert all(lpn in states for lpn in later)


def test_backup_while_another_thread_keeps_saving_is_consistent(
    station: ServiceContext, tmp_path: Path
) -> None:
    lpns = _seed(station, 0, 120)
    stop = threading.Event()
    saved: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for lpn in lpns:
                if stop.is_set():
                    return
                _decide(station, lpn)
                saved.append(lpn)
        except BaseException as exc:  # the assertion below reports it
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    try:
        backups = []
        for number in range(3):
            while len(saved) < 10 * (number + 1) and worker.is_alive():
                threading.Event().wait(0.005)
            backups.append(maintenance.backup(station, ADMIN, tmp_path / f"b{number}.db"))
    finally:
        stop.set()
        worker.join(timeout=60)
    assert not errors, errors
    for backup in backups:
        assert _integrity(backup.path) == "ok"
        engine = make_engine(f"sqlite:///{backup.path}")
        try:
            ctx = _context(engine, tmp_path / "photos")
            assert audit.verify(ctx).ok
            with ctx.uow(read_only=True) as uow:
                decided = set(uow.rmas.units_in_state(UnitState.DECIDED, limit=1000))
                decisions = {lpn for lpn in lpns if uow.decisions.current(lpn) is not None}
            # A snapshot of whole saves: a unit is decided exactly when it has its decision.
            assert decided == decisions
        finally:
            engine.dispose()


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    # Scribble over the b-tree headers of some pages (not page 1, which says "SQLite").
    for offset in range(page * 2, len(data), page * 3):
        data[offset : offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def _other_app_db(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.commit()


def _newer_version(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM alembic_version")
        conn.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
        conn.commit()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("text file", "is not a QC Station backup: it is not a SQLite database"),
        ("empty file", "is not a QC Station database (no alembic_version"),
        ("other application", "is not a QC Station database (no alembic_version"),
        ("damaged", "is damaged"),
        ("newer version", "was made by a newer version of QC Station (schema 9999_from_the_f"),
        ("missing", "There is no backup file"),
    ],
)
def test_restore_refuses_what_is_not_a_usable_backup_and_changes_nothing(
    station: ServiceContext, tmp_path: Path, case: str, expected: str
) -> None:
    lpns = _seed(station, 0, 30)
    _decide(station, lpns[0])
    offered = tmp_path / "offered.db"
    if case == "text file":
        offered.write_text("rma_code,order_id\nRMA-1,ORD-1\n")
    elif case == "empty file":
        offered.write_bytes(b"")
    elif case == "other application":
        _other_app_db(offered)
    elif case in ("damaged", "newer version"):
        maintenance.backup(station, ADMIN, offered)
        (_corrupt if case == "damaged" else _newer_version)(offered)
    with station.uow(read_only=True) as uow:
        events_before = len(list(uow.audit.iterate()))
    with pytest.raises(RestoreRefused) as caught:
        maintenance.restore(station, ADMIN, offered)
    assert expected in str(caught.value)
    assert _state(station, lpns[0]) == UnitState.DECIDED
    with station.uow(read_only=True) as uow:
        assert len(list(uow.audit.iterate())) == events_before
    assert not _live_path(station).with_name(_live_path(station).name + ".before-restore").exists()
    assert not [p for p in _live_path(station).parent.iterdir() if p.name.startswith(".")]


def test_restore_of_an_older_schema_migrates_it(
    station: ServiceContext, tmp_path: Path, engines: EngineMaker
) -> None:
    old = tmp_path / "old.db"
    engine = engines(f"sqlite:///{old}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001_initial")
    engine.dispose()
    result = maintenance.restore(station, ADMIN, old)
    assert result.revision_of_file == "0001_initial"
    assert result.revision_now == head_revision()
    assert audit.verify(station).ok


def test_backup_and_restore_need_an_admin(station: ServiceContext, tmp_path: Path) -> None:
    for actor in (INSPECTOR, SUPERVISOR):
        with pytest.raises(PermissionDenied, match="back up or restore the database"):
            maintenance.backup(station, actor, tmp_path / "x.db")
        with pytest.raises(PermissionDenied):
            maintenance.restore(station, actor, tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()


def test_backup_refuses_the_live_file_and_a_folder(station: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(MaintenanceError, match="is the live database"):
        maintenance.backup(station, ADMIN, _live_path(station))
    with pytest.raises(MaintenanceError, match="is a folder"):
        maintenance.backup(station, ADMIN, tmp_path)
    with pytest.raises(MaintenanceError, match="does not exist"):
        maintenance.backup(station, ADMIN, tmp_path / "no" / "such" / "b.db")
    assert _integrity(_live_path(station)) == "ok"


@contextlib.contextmanager
def _small_disk(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small file system needs root")
def test_backup_onto_a_full_disk_leaves_no_file_and_says_so(
    station: ServiceContext, tmp_path: Path
) -> None:
    _seed(station, 0, 400)  # a database larger than the small disk
    with _small_disk(tmp_path / "stick", "64k") as stick:
        old = stick / "backup.db"
        old.write_bytes(b"an older backup")
        with pytest.raises(MaintenanceError, match="not enough disk space") as caught:
            maintenance.backup(station, ADMIN, old)
        assert "nothing was left at" in str(caught.value)
        assert old.read_bytes() == b"an older backup"  # the previous backup is untouched
        assert [p.name for p in stick.iterdir()] == ["backup.db"]


def test_describe_sqlite(station: ServiceContext) -> None:
    info = maintenance.describe(station, ADMIN)
    assert info.kind == "sqlite"
    assert info.location == str(_live_path(station))
    assert info.size_bytes and info.size_bytes > 0
    assert info.revision == head_revision()


# --- PostgreSQL --------------------------------------------------------------------------------


def test_postgresql_is_refused_with_pg_dump_guidance_and_no_password(
    pg_url: str, engines: EngineMaker, tmp_path: Path
) -> None:
    secret_url = pg_url.replace("postgres@", "postgres:S3cret-pw@")
    engine = engines(secret_url)
    ctx = _context(engine, tmp_path / "photos")
    assert isinstance(ctx.database, PostgresMaintenance)
    for call in (
        lambda: maintenance.backup(ctx, ADMIN, tmp_path / "pg.db"),
        lambda: maintenance.restore(ctx, ADMIN, tmp_path / "pg.db"),
    ):
        with pytest.raises(MaintenanceUnsupported) as caught:
            call()
        message = str(caught.value)
        assert "pg_dump --format=custom" in message and "pg_restore" in message
        assert "S3cret-pw" not in message and "S3cret-pw" not in str(caught.value.params)
    assert not (tmp_path / "pg.db").exists()
    info = maintenance.describe(ctx, ADMIN)
    assert info.kind == "postgresql" and "S3cret-pw" not in info.location
    assert "***" in info.location
    assert info.size_bytes and info.size_bytes > 0


def test_upgrade_after_restore_is_idempotent(station: ServiceContext, tmp_path: Path) -> None:
    # restore migrates; starting the station afterwards (which migrates again) changes nothing
    report = maintenance.backup(station, ADMIN, tmp_path / "b.db")
    maintenance.restore(station, ADMIN, report.path)
    assert isinstance(station.database, SqliteMaintenance)
    upgrade(station.database.engine)
    assert maintenance.describe(station, ADMIN).revision == head_revision()


def test_actor_is_audited(station: ServiceContext, tmp_path: Path) -> None:
    someone = Actor("root2", Role.ADMIN, "OFFICE")
    seed_cast_in(station.uow, someone)
    report = maintenance.backup(station, someone, tmp_path / "b.db")
    with station.uow(read_only=True) as uow:
        events = uow.audit.for_entity("database", "backup")
    assert events[-1].actor == "root2"
    assert events[-1].new == {
        "file": str(report.path),
        "bytes": report.size_bytes,
        "sha256": report.sha256,
    }
