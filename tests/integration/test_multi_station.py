"""Many stations on one PostgreSQL server (SPEC §10), against real servers the tests start:
claims, concurrent approvals and exports, stations starting at once, and a server that stops
in the middle of an inspection and comes back, with the station's journal replayed.

Each "station" here is a thread with its own engine (its own connections), or a process;
a ``Barrier`` lines them up so they really do hit the server at the same moment.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from qc_station.adapters.database import make_engine
from qc_station.adapters.journal import FileJournal
from qc_station.adapters.migrate import head_revision, upgrade
from qc_station.adapters.orm import ExportBatchMemberRow, InspectionRow
from qc_station.adapters.outage import is_outage
from qc_station.adapters.photo_store import FileSystemPhotoStore
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline, Role, UnitState
from qc_station.domain.errors import Conflict, InvalidTransition, QcError
from qc_station.domain.model import DecisionStatus, RmaLine
from qc_station.domain.policy import Policy
from qc_station.services import approval, finance, outbox, returns, sign_ins, stations
from qc_station.services.audit import verify
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from qc_station.services.outbox import Journalled, ReplayStatus
from qc_station.services.ports import ClaimRecord, StationRecord
from qc_station.services.views import DecisionView
from tests.builders import make_rma, seed_cast_in
from tests.fakes import FakePasswordHasher, FakePhotoStamper

from .conftest import EngineMaker, UowFactory
from .pg_server import PgServer, free_port, missing_binaries

ROOT = Path(__file__).resolve().parents[2]
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
#: The required items of the default policy's "home" checklist (the kettles seeded below).
HOME_CHECKLIST = {"all_parts_present": ChecklistAnswer.PASS, "no_breakage": ChecklistAnswer.PASS}


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def station_ctx(url: str, engines: EngineMaker, policy: Policy, photos: Path) -> ServiceContext:
    """One station: its own engine and pool, the real photo store; the site's users."""
    made = ServiceContext(
        uow=SqlUnitOfWorkFactory(engines(url)),
        clock=Clock(),
        policy=policy,
        photos=FileSystemPhotoStore(photos, create=True),
        passwords=FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
    seed_cast_in(made.uow, *(inspector(n) for n in range(10)), *(supervisor(n) for n in range(10)))
    return made


def seed(ctx: ServiceContext, *codes: str) -> None:
    with ctx.uow() as uow:
        for code in codes:
            line = RmaLine(1, "SKU-KETTLE", "Kettle", "home", "Acme", Decimal("30.00"), 1)
            uow.rmas.add(make_rma(code, lines=[line]))
        uow.commit()


def inspector(n: int) -> Actor:
    return Actor(f"inspector{n}", Role.INSPECTOR, f"ST-{n:02d}")


def supervisor(n: int) -> Actor:
    return Actor(f"supervisor{n}", Role.SUPERVISOR, f"DESK-{n}")


def draft(lpn: str, photos: int = 0, **more: Any) -> InspectionDraft:
    return InspectionDraft(
        lpn=lpn,
        grade=more.pop("grade", Grade.A),
        finding=more.pop("finding", Finding.NO_FAULT),
        checklist=HOME_CHECKLIST,
        photos=tuple(
            PhotoInput(JPEG + bytes([n]), datetime(2026, 11, 2, 9, 5, n, tzinfo=UTC), f"p{n}.jpg")
            for n in range(photos)
        ),
        **more,
    )


def at_once(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Run the jobs in threads released together; each result or the exception raised."""
    barrier = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = jobs[i]()
        except BaseException as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def raised(fn: Callable[[], Any]) -> BaseException:
    """The exception ``fn`` raises (any kind: the point is how it is classified)."""
    try:
        fn()
    except Exception as exc:
        return exc
    pytest.fail("nothing was raised")


def ping(ctx: ServiceContext) -> int:
    """What the window's health check runs."""
    with ctx.uow(read_only=True) as uow:
        return uow.users.count()


@pytest.fixture
def policy(default_policy: Policy) -> Policy:
    return default_policy


# --- the stations repository, on the fake, SQLite and PostgreSQL ---------------------------


def test_station_repository_contract(uow_factory: UowFactory) -> None:
    t0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    with uow_factory() as uow:
        uow.rmas.add(make_rma("RMA-9"))
        uow.stations.heartbeat(StationRecord("ST-b", "host-b", "0.1.0", t0, t0))
        uow.stations.heartbeat(StationRecord("ST-A", "host-a", "0.1.0", t0, t0))
        uow.commit()
    later = t0.replace(minute=5)
    with uow_factory() as uow:
        uow.stations.heartbeat(StationRecord("ST-b", "host-b2", "0.2.0", later, later))
        rma = uow.rmas.get("RMA-9")
        assert rma is not None
        unit = rma.units[0]
        unit.claim("ST-b", "ines", later)
        uow.rmas.lock_unit(unit.lpn)
        uow.rmas.lock_unit("NO-SUCH-LPN")  # not an error
        uow.rmas.save_unit(unit.lpn, unit.state, "ST-b", "ines", later, unit.version)
        uow.commit()
    with uow_factory() as uow:
        assert uow.stations.list_all() == [
            StationRecord("ST-A", "host-a", "0.1.0", t0, t0),
            StationRecord("ST-b", "host-b2", "0.2.0", later, later),
        ]
        assert uow.stations.claims() == [ClaimRecord("RMA-9-1", "ST-b", "ines", later)]


# --- claims --------------------------------------------------------------------------------


def test_two_stations_claiming_the_same_unit(
    pg_url: str, engines: EngineMaker, policy: Policy, tmp_path: Path
) -> None:
    codes = [f"RMA-C{n}" for n in range(5)]
    seed(station_ctx(pg_url, engines, policy, tmp_path), *codes)
    crowd = [(inspector(n), station_ctx(pg_url, engines, policy, tmp_path)) for n in range(6)]
    for code in codes:  # five rounds, six stations each, one unit
        lpn = f"{code}-1"
        results = at_once(
            [lambda a=a, c=c, lpn=lpn: returns.claim_unit(c, a, lpn) for a, c in crowd]
        )
        winners = [i for i, r in enumerate(results) if not isinstance(r, BaseException)]
        assert len(winners) == 1, results
        winner = crowd[winners[0]][0]
        for i, r in enumerate(results):
            if i in winners:
                continue
            # The loser is told who holds the unit and since when, never a generic error.
            assert isinstance(r, Conflict), r
            assert r.params["station"] == winner.station
            assert r.params["user"] == winner.username
            assert f"at station {winner.station} by {winner.username} since" in str(r)
    ctx = crowd[0][1]
    with ctx.uow() as uow:
        claims = uow.stations.claims()
    assert len(claims) == len(codes)
    report = verify(ctx)
    assert report.ok, report
    # One claim event per unit: losers wrote nothing.
    assert report.count == len(codes)


def test_concurrent_approvals_of_one_unit(
    pg_url: str, engines: EngineMaker, policy: Policy, tmp_path: Path
) -> None:
    ctx = station_ctx(pg_url, engines, policy, tmp_path)
    codes = [f"RMA-A{n}" for n in range(4)]
    seed(ctx, *codes)
    for code in codes:  # an override always needs approval
        view = submit_inspection(
            ctx,
            inspector(1),
            draft(f"{code}-1", override=Headline.DISPUTE, override_reason="swapped item"),
        )
        assert view.status == DecisionStatus.PENDING
    desks = [(supervisor(n), station_ctx(pg_url, engines, policy, tmp_path)) for n in range(6)]
    for code in codes:
        lpn = f"{code}-1"
        jobs: list[Callable[[], Any]] = []
        for n, (actor, c) in enumerate(desks):
            if n % 2:
                jobs.append(lambda a=actor, c=c, u=lpn: approval.reject(c, a, u, "retake photos"))
            else:
                jobs.append(lambda a=actor, c=c, u=lpn: approval.approve(c, a, u, "ok"))
        results = at_once(jobs)
        done = [r for r in results if isinstance(r, DecisionView)]
        assert len(done) == 1, results
        for r in results:
            if not isinstance(r, DecisionView):
                assert isinstance(r, InvalidTransition | Conflict), r
        with ctx.uow() as uow:
            decisions = uow.decisions.for_unit(lpn)
            rma = uow.rmas.get_by_lpn(lpn)
        assert rma is not None
        [decision] = decisions
        assert decision.status == done[0].status
        assert decision.approved_by == done[0].approved_by
        expected = (
            UnitState.DECIDED
            if decision.status == DecisionStatus.FINAL
            else UnitState.IN_INSPECTION
        )
        assert rma.units[0].state == expected
    report = verify(ctx)
    assert report.ok, report


def test_concurrent_finance_exports(
    pg_url: str, engines: EngineMaker, policy: Policy, tmp_path: Path
) -> None:
    ctx = station_ctx(pg_url, engines, policy, tmp_path)
    codes = [f"RMA-F{n:03d}" for n in range(120)]
    seed(ctx, *codes)
    for code in codes[:80]:
        submit_inspection(ctx, inspector(1), draft(f"{code}-1"))
    desks = [(supervisor(n), station_ctx(pg_url, engines, policy, tmp_path)) for n in range(5)]
    outputs: list[bytes] = []
    lock = threading.Lock()

    def export(a: Actor, c: ServiceContext) -> list[finance.ExportResult]:
        done = []
        for _ in range(4):  # several exports each, while decisions keep arriving
            out = io.BytesIO()
            done.append(finance.export_finance(c, a, out))
            with lock:
                outputs.append(out.getvalue())
        return done

    def keep_deciding() -> int:
        for code in codes[80:]:
            submit_inspection(ctx, inspector(2), draft(f"{code}-1"))
        return 0

    results = at_once([lambda a=a, c=c: export(a, c) for a, c in desks] + [keep_deciding])
    errors = [r for r in results if isinstance(r, BaseException)]
    assert not errors, errors  # nobody fails on a taken batch id or anything else
    out = io.BytesIO()
    finance.export_finance(ctx, supervisor(9), out)  # whatever arrived after the last round
    outputs.append(out.getvalue())

    lpns: list[str] = []
    batches: set[str] = set()
    for data in outputs:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        lpns += [r["lpn"] for r in rows]
        batches |= {r["export_batch_id"] for r in rows}
    # Every decision in exactly one batch, and in exactly one file.
    assert sorted(lpns) == sorted(f"{c}-1" for c in codes)
    with ctx.uow() as uow:
        session = uow.session  # type: ignore[attr-defined]
        members = session.scalar(select(func.count()).select_from(ExportBatchMemberRow))
        recorded = uow.exports.list(1000)
    assert members == len(codes)
    assert {b.id for b in recorded} == batches
    assert sum(b.row_count for b in recorded) == len(codes)
    # Each recorded batch still re-exports byte-identical.
    for batch in recorded:
        finance.reexport_batch(ctx, supervisor(9), batch.id, io.BytesIO())
    assert verify(ctx).ok


def test_stations_starting_at_once_migrate_once(pg_empty_url: str, engines: EngineMaker) -> None:
    # Six stations run `qc-station db upgrade` at the same moment on an empty database.
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "qc_station", "--db", pg_empty_url, "db", "upgrade"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    outcomes = [(p.wait(120), p.stderr.read() if p.stderr else "") for p in procs]
    assert all(code == 0 for code, _ in outcomes), outcomes
    engine = engines(pg_empty_url)
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        assert ", ".join(sorted(versions)) == head_revision()
        assert conn.execute(text("SELECT count(*) FROM stations")).scalar() == 0


# --- the server goes away ------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[PgServer]:
    missing = missing_binaries()
    if missing:
        pytest.fail(f"PostgreSQL 15 binaries missing: {missing}", pytrace=False)
    own = PgServer()
    own.start()
    try:
        yield own
    finally:
        own.destroy()


@pytest.mark.postgres
@pytest.mark.slow
def test_server_stopped_during_an_inspection_and_the_journal_replayed(
    server: PgServer, engines: EngineMaker, policy: Policy, tmp_path: Path
) -> None:
    url = server.create_database("site")
    upgrade(make_engine(url))
    photos = tmp_path / "share"
    ctx = station_ctx(url, engines, policy, photos)
    seed(ctx, "RMA-O1", "RMA-O2", "RMA-O3")
    me = inspector(1)
    signed_in = sign_ins.record_sign_in(ctx, me)  # at sign-in, while the server is up
    journal = FileJournal(tmp_path / "station" / "journal")
    stations.heartbeat(ctx, stations.StationInfo(me.station, "host", "0.1.0", Clock().now()))
    for code in ("RMA-O1", "RMA-O2"):
        returns.claim_unit(ctx, me, f"{code}-1")

    server.stop("fast")  # the server restarts while two inspections are being typed
    started = time.monotonic()
    down = raised(lambda: ping(ctx))
    assert is_outage(down), down
    assert time.monotonic() - started < 5  # noticed within seconds
    first = outbox.submit_or_journal(
        ctx, me, draft("RMA-O1-1", photos=3), journal, is_outage, signed_in
    )
    second = outbox.submit_or_journal(
        ctx,
        me,
        draft("RMA-O2-1", grade=Grade.C, finding=Finding.TRANSIT_DAMAGE, photos=2),
        journal,
        is_outage,
        signed_in,
    )
    assert isinstance(first, Journalled) and isinstance(second, Journalled)
    report = outbox.replay(ctx, journal, is_outage, station=me.station)  # still down: kept
    assert [i.status for i in report.items] == [ReplayStatus.OFFLINE, ReplayStatus.OFFLINE]

    # The station itself restarts too: new engine, new journal object on the same folder.
    server.start()
    ctx2 = station_ctx(url, engines, policy, photos)
    report = outbox.replay(
        ctx2, FileJournal(tmp_path / "station" / "journal"), is_outage, station=me.station
    )
    assert [i.status for i in report.items] == [ReplayStatus.DONE, ReplayStatus.DONE]
    assert (report.waiting, report.refused) == (0, 0)
    # A replay again does nothing; the server has each inspection once, with its photos.
    assert outbox.replay(ctx2, journal, is_outage, station=me.station).items == ()
    with ctx2.uow() as uow:
        one = uow.inspections.for_unit("RMA-O1-1")
        two = uow.inspections.for_unit("RMA-O2-1")
        decided = [uow.decisions.current(f"{c}-1") for c in ("RMA-O1", "RMA-O2")]
        rma = uow.rmas.get("RMA-O2")
    assert [i.id for i in one] == [first.inspection_id]
    assert [i.id for i in two] == [second.inspection_id]
    assert len(one[0].photos) == 3 and len(two[0].photos) == 2
    assert all(ctx2.photos.exists(p.sha256) for p in one[0].photos + two[0].photos)
    assert two[0].grade == Grade.C
    assert all(d is not None for d in decided)
    assert rma is not None and rma.units[0].state == UnitState.DECIDED
    assert verify(ctx2).ok


@pytest.mark.postgres
def test_a_submission_that_reached_the_server_is_not_duplicated(
    pg_url: str, engines: EngineMaker, policy: Policy, tmp_path: Path
) -> None:
    ctx = station_ctx(pg_url, engines, policy, tmp_path / "photos")
    seed(ctx, "RMA-D1")
    me = inspector(1)
    sent = draft("RMA-D1-1", photos=1)
    submit_inspection(ctx, me, sent)
    # The commit went through but the answer was lost: the station journalled the draft.
    journal = FileJournal(tmp_path / "journal")
    signed_in = sign_ins.record_sign_in(ctx, me)
    outbox.journal_draft(
        ctx, journal, me, sent, "server closed the connection unexpectedly", signed_in
    )
    report = outbox.replay(ctx, journal, is_outage, station=me.station)
    assert [i.status for i in report.items] == [ReplayStatus.DONE]
    with ctx.uow() as uow:
        session = uow.session  # type: ignore[attr-defined]
        count = session.scalar(
            select(func.count()).select_from(InspectionRow).where(InspectionRow.lpn == "RMA-D1-1")
        )
        assert len(uow.decisions.for_unit("RMA-D1-1")) == 1
    assert count == 1
    # Two replays racing each other (two windows of one station) store it once as well.
    other = draft("RMA-D1-1", photos=1)
    approval.reopen(ctx, supervisor(1), "RMA-D1-1", "check again")
    windows = [station_ctx(pg_url, engines, policy, tmp_path / "photos") for _ in range(4)]
    results = at_once([lambda c=c: submit_inspection(c, me, other) for c in windows])
    assert all(isinstance(r, DecisionView) for r in results), results
    assert len({r.id for r in results}) == 1
    with ctx.uow() as uow:
        assert [i.id for i in uow.inspections.for_unit("RMA-D1-1")][-1] == other.inspection_id
        assert len(uow.inspections.for_unit("RMA-D1-1")) == 2


def test_a_missing_photo_share_keeps_the_submission(
    sqlite_url: str, engines: EngineMaker, policy: Policy, tmp_path: Path
) -> None:
    share = tmp_path / "mnt" / "photos"  # the share is not mounted
    ctx = station_ctx(sqlite_url, engines, policy, share)
    ctx = replace(ctx, photos=FileSystemPhotoStore(share, create=False))
    seed(ctx, "RMA-P1")
    journal = FileJournal(tmp_path / "journal")
    me = inspector(1)
    result = outbox.submit_or_journal(
        ctx, me, draft("RMA-P1-1", photos=2), journal, is_outage, sign_ins.record_sign_in(ctx, me)
    )
    assert isinstance(result, Journalled)
    assert "photo folder" in result.reason and "missing" in result.reason
    with ctx.uow() as uow:
        assert uow.inspections.for_unit("RMA-P1-1") == []  # nothing half-stored
    replayed = outbox.replay(ctx, journal, is_outage, station=me.station)
    assert replayed.items[0].status == ReplayStatus.OFFLINE
    share.mkdir(parents=True)  # mounted again
    report = outbox.replay(ctx, journal, is_outage, station=me.station)
    assert [i.status for i in report.items] == [ReplayStatus.DONE]
    with ctx.uow() as uow:
        [inspection] = uow.inspections.for_unit("RMA-P1-1")
    assert all(ctx.photos.exists(p.sha256) for p in inspection.photos)


def test_outage_or_not(pg_url: str, engines: EngineMaker, policy: Policy, tmp_path: Path) -> None:
    # A refusal of the server is not an outage: it must be shown, not journalled.
    ctx = station_ctx(pg_url, engines, policy, tmp_path)

    def twice() -> None:
        with ctx.uow() as uow:
            session = uow.session  # type: ignore[attr-defined]
            for _ in range(2):
                session.execute(text("INSERT INTO stations VALUES ('a','h','v',now(),now())"))

    assert not is_outage(raised(twice))
    # Nobody listening on the port: an outage.
    dead = make_engine(f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/x")
    try:
        assert is_outage(raised(lambda: dead.connect().close()))
    finally:
        dead.dispose()
    assert not is_outage(QcError("refused"))


def _closed_port() -> int:
    return free_port()


def test_a_server_that_never_answers_is_an_outage_within_seconds() -> None:
    # Something accepts the TCP connection but never speaks PostgreSQL: a hung server, or a
    # network that black-holes the reply. The station must not wait for the operating
    # system's TCP timeout (minutes): make_engine's connect_timeout ends the wait.
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # the kernel completes the handshake; nobody ever answers
        port = silent.getsockname()[1]
        engine = make_engine(f"postgresql+psycopg://postgres@127.0.0.1:{port}/x")
        started = time.monotonic()
        try:
            error = raised(lambda: engine.connect().close())
        finally:
            engine.dispose()
        waited = time.monotonic() - started
    assert is_outage(error)
    # Not a speed figure: a bound far above the 5 s timeout and far below a TCP timeout.
    assert waited < 60, waited
