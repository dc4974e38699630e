"""The database plumbing on real SQLite files and the throwaway PostgreSQL cluster: engine
settings, migrations (idempotent, concurrent, matching the models), time zones; plus the
photo store and the password hasher, the other file-system and crypto adapters.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, event, inspect, select, text
from sqlalchemy.exc import StatementError

from qc_station.adapters.database import default_sqlite_url, make_engine, redact_url
from qc_station.adapters.migrate import (
    MIGRATIONS_DIR,
    SHIPPED_HEADS,
    alembic_config,
    current_revision,
    head_revision,
    is_at_shipped_heads,
    upgrade,
)
from qc_station.adapters.orm import Base, PolicyRow
from qc_station.adapters.passwords import Argon2PasswordHasher
from qc_station.adapters.photo_store import FileSystemPhotoStore, PhotoStoreUnavailable
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.domain.errors import NotFound, QcError, ValidationError

from .conftest import EngineMaker

EXPECTED_TABLES = {
    "alembic_version",
    "audit_events",
    "audit_head_lock",
    "decision_facts",
    "decisions",
    "disputes",
    "export_batch_members",
    "export_batches",
    "export_reversals",
    "inspection_photos",
    "inspection_videos",
    "inspections",
    "policies",
    "policy_activations",
    "products",
    "rma_lines",
    "recovery_cases",
    "recovery_items",
    "recovery_payments",
    "rmas",
    "sign_ins",
    "stations",
    "units",
    "users",
}


# --- engines -------------------------------------------------------------------------------


def test_sqlite_pragmas_are_set_on_every_connection(sqlite_url: str, engines: EngineMaker) -> None:
    engine = engines(sqlite_url)
    for _ in range(2):  # a pooled connection and a fresh one
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
        engine.dispose()


def test_sqlite_transactions_take_the_write_lock_up_front(
    sqlite_url: str, engines: EngineMaker
) -> None:
    engine = engines(sqlite_url)
    path = sqlite_url.removeprefix("sqlite:///")
    uow_factory = SqlUnitOfWorkFactory(engine)
    with uow_factory() as uow:
        uow.rmas.count()  # a read only, yet the write lock is held from BEGIN on
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # released at the end of the unit of work
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_make_engine_creates_the_sqlite_folder(tmp_path: Path, engines: EngineMaker) -> None:
    url = default_sqlite_url(tmp_path / "data" / "deeper")
    assert url.startswith("sqlite:///")
    assert url.endswith("/qc_station.db")
    engine = engines(url)
    upgrade(engine)
    assert (tmp_path / "data" / "deeper" / "qc_station.db").is_file()


def test_make_engine_explains_bad_urls(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(QcError, match="Cannot create the database folder"):
        make_engine(f"sqlite:///{blocker}/sub/qc.db")
    with pytest.raises(ValidationError, match="Unsupported database"):
        make_engine("mysql://u:secret@host/db")
    with pytest.raises(ValidationError, match="not a valid URL") as info:
        make_engine("nonsense")
    assert "secret" not in str(info.value)


def test_bare_postgresql_urls_use_psycopg() -> None:
    engine = make_engine("postgresql://qc:pw@127.0.0.1:1/qc")
    assert engine.url.drivername == "postgresql+psycopg"
    engine.dispose()


def test_redact_url_hides_passwords() -> None:
    assert redact_url("postgresql+psycopg://qc:s3cret@db.example:5432/qc") == (
        "postgresql+psycopg://qc:***@db.example:5432/qc"
    )
    assert "s3cret" not in redact_url("postgresql+psycopg://qc@db/qc?password=s3cret")
    assert "s3cret" not in redact_url("weird://qc:s3cret@[broken")
    assert (
        redact_url("sqlite:////var/lib/qc/qc_station.db") == "sqlite:////var/lib/qc/qc_station.db"
    )


def test_times_come_back_utc_whatever_the_session_zone(db_url: str, engines: EngineMaker) -> None:
    engine = engines(db_url)
    if engine.dialect.name == "postgresql":

        @event.listens_for(engine, "connect")
        def _zone(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.execute("SET TIME ZONE 'Asia/Shanghai'")

    shanghai = timezone(timedelta(hours=8))
    uow_factory = SqlUnitOfWorkFactory(engine)
    with uow_factory() as uow:
        uow.policies.ensure("h", "text", datetime(2026, 11, 2, 17, 30, tzinfo=shanghai))
        uow.commit()
    with uow_factory() as uow:
        stored = uow.session.scalar(select(PolicyRow.created_at))
        assert stored == datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
        assert stored is not None
        assert stored.tzinfo is UTC
        with pytest.raises(StatementError, match="naive datetime"):
            uow.policies.ensure("h2", "text", datetime(2026, 11, 2, 9, 30))


# --- migrations ----------------------------------------------------------------------------


def test_the_shipped_heads_are_the_heads_alembic_reads_from_the_scripts() -> None:
    # The fast start-up check trusts this constant instead of importing Alembic.
    assert head_revision() == ", ".join(sorted(SHIPPED_HEADS))


def test_the_fast_check_says_at_head_only_for_a_migrated_database(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'qc.db'}")
    assert not is_at_shipped_heads(engine)  # no version table yet
    upgrade(engine)
    assert is_at_shipped_heads(engine)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0007_recovery")
    assert not is_at_shipped_heads(engine)
    upgrade(engine)  # the full path takes it the last step
    assert is_at_shipped_heads(engine)
    engine.dispose()


def _assert_migrated(engine: Engine) -> None:
    assert current_revision(engine) == head_revision() == "0011_history_indexes"
    assert is_at_shipped_heads(engine)
    assert set(inspect(engine).get_table_names()) == EXPECTED_TABLES
    with engine.connect() as conn:
        # The row AuditRepository.last() locks on PostgreSQL.
        assert conn.execute(text("SELECT id FROM audit_head_lock")).scalars().all() == [1]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest) -> str:
    name = "sqlite_empty_url" if request.param == "sqlite" else "pg_empty_url"
    return str(request.getfixturevalue(name))


def test_upgrade_is_idempotent(empty_url: str, engines: EngineMaker) -> None:
    engine = engines(empty_url)
    assert current_revision(engine) is None
    upgrade(engine)
    _assert_migrated(engine)
    upgrade(engine)  # a second start-up: nothing to do, nothing fails
    _assert_migrated(engine)


def test_models_and_migrations_match(empty_url: str, engines: EngineMaker) -> None:
    """What `alembic check` does: autogenerate against the migrated database finds nothing."""
    engine = engines(empty_url)
    upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_and_upgrade_again(empty_url: str, engines: EngineMaker) -> None:
    engine = engines(empty_url)
    upgrade(engine)
    with engine.connect() as conn:
        command.downgrade(alembic_config(conn), "base")
        conn.commit()
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    _assert_migrated(engine)


UPGRADE_SCRIPT = """
import sys
from qc_station.adapters.database import make_engine
from qc_station.adapters.migrate import upgrade
engine = make_engine(sys.argv[1])
upgrade(engine)
engine.dispose()
"""


def test_concurrent_upgrades_serialize(empty_url: str, engines: EngineMaker) -> None:
    """Several stations starting at once (separate processes, as in a warehouse): one
    migrates, the others wait and find it done."""
    root = Path(__file__).resolve().parents[2]
    stations = [
        subprocess.Popen(
            [sys.executable, "-c", UPGRADE_SCRIPT, empty_url],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for station in stations:
        _out, err = station.communicate(timeout=120)
        assert station.returncode == 0, err
    engine = engines(empty_url)
    _assert_migrated(engine)
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:  # nobody kept the advisory lock
            held = conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
            assert held.scalar() == 0


def test_threads_of_one_process_may_upgrade_at_once(empty_url: str, engines: EngineMaker) -> None:
    # Alembic's context is process-global; migrate.upgrade serializes threads itself.
    stations = [engines(empty_url) for _ in range(3)]
    errors: list[BaseException] = []
    start = threading.Barrier(len(stations))

    def run(engine: Engine) -> None:
        try:
            start.wait()
            upgrade(engine)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in stations]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    _assert_migrated(stations[0])


def test_migration_scripts_ship_with_the_package() -> None:
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert (MIGRATIONS_DIR / "script.py.mako").is_file()
    assert (MIGRATIONS_DIR / "versions" / "0001_initial.py").is_file()
    assert (MIGRATIONS_DIR / "__init__.py").is_file()  # makes env.py part of the package


# --- photo store ---------------------------------------------------------------------------

JPEG = b"\xff\xd8\xff\xe0fake jpeg bytes\xff\xd9"
JPEG_SHA = hashlib.sha256(JPEG).hexdigest()


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_photo_store_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    store = FileSystemPhotoStore(tmp_path)
    assert not store.exists(JPEG_SHA)
    assert store.put(JPEG) == JPEG_SHA
    assert store.put(JPEG) == JPEG_SHA
    expected = tmp_path / JPEG_SHA[:2] / JPEG_SHA
    assert store.path(JPEG_SHA) == expected
    assert _files(tmp_path) == [expected]  # one file, no temporary files left behind
    assert store.exists(JPEG_SHA)
    assert store.get(JPEG_SHA) == JPEG
    assert expected.stat().st_mode & 0o777 == 0o644
    with pytest.raises(NotFound):
        store.get("0" * 64)


def test_photo_store_rewrites_a_torn_file(tmp_path: Path) -> None:
    store = FileSystemPhotoStore(tmp_path)
    target = store.path(JPEG_SHA)
    target.parent.mkdir()
    target.write_bytes(JPEG[:5])  # half a photo, as a crashed copy tool leaves it
    store.put(JPEG)
    assert store.get(JPEG_SHA) == JPEG


def test_photo_store_writes_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = FileSystemPhotoStore(tmp_path)

    def crash(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(PhotoStoreUnavailable, match="No space left"):
        store.put(JPEG)
    assert _files(tmp_path) == []  # neither a partial photo nor a temporary file
    assert not store.exists(JPEG_SHA)


@pytest.mark.parametrize(
    "name",
    [
        "../x",
        "../../etc/passwd",
        "/etc/passwd",
        JPEG_SHA.upper(),
        JPEG_SHA[:63],
        JPEG_SHA + "0",
        "g" * 64,
        f"{JPEG_SHA[:62]}/x",
        "",
    ],
)
def test_photo_store_refuses_names_that_are_not_sha256(tmp_path: Path, name: str) -> None:
    store = FileSystemPhotoStore(tmp_path)
    for call in (store.get, store.path, store.exists):
        with pytest.raises(ValidationError, match="not a photo name"):
            call(name)


def test_photo_store_explains_a_missing_root(tmp_path: Path) -> None:
    store = FileSystemPhotoStore(tmp_path / "share-not-mounted")
    with pytest.raises(PhotoStoreUnavailable, match="share-not-mounted is missing") as info:
        store.put(JPEG)
    assert isinstance(info.value, QcError)
    with pytest.raises(PhotoStoreUnavailable, match="is missing"):
        store.get(JPEG_SHA)
    assert not (tmp_path / "share-not-mounted").exists()  # nothing piles up locally
    local = FileSystemPhotoStore(tmp_path / "local" / "photos", create=True)
    assert local.put(JPEG) == JPEG_SHA


def test_photo_store_explains_an_unwritable_root(tmp_path: Path) -> None:
    store = FileSystemPhotoStore(tmp_path)
    # Root may write anywhere, so the fan-out folder is blocked by a file instead.
    (tmp_path / JPEG_SHA[:2]).write_text("in the way")
    with pytest.raises(PhotoStoreUnavailable, match="is not writable"):
        store.put(JPEG)


# --- passwords -----------------------------------------------------------------------------


def test_argon2id_with_owasp_parameters() -> None:
    hasher = Argon2PasswordHasher()
    stored = hasher.hash("correct horse 马")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert hasher.verify(stored, "correct horse 马")
    assert not hasher.verify(stored, "wrong")
    assert not hasher.verify(stored, "")
    assert hasher.hash("same") != hasher.hash("same")  # salted
    assert not hasher.needs_rehash(stored)


@pytest.mark.parametrize(
    "stored", ["", "fake$pw", "$argon2id$v=19$m=19456,t=2,p=1$broken", "$2b$12$bcrypt..."]
)
def test_argon2_verify_never_raises_on_a_bad_hash(stored: str) -> None:
    assert Argon2PasswordHasher().verify(stored, "pw") is False


def test_argon2_old_parameters_still_verify_and_ask_for_a_rehash() -> None:
    old = Argon2PasswordHasher(memory_cost=8192, time_cost=1).hash("pw")
    current = Argon2PasswordHasher()
    assert current.verify(old, "pw")
    assert current.needs_rehash(old)
