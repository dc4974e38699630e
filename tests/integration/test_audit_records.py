"""The audit chain vouches for the records (SPEC §6, issue 15): each audited change carries the
digest of the record it left, and ``audit verify`` recomputes the digests from today's rows on
SQLite and PostgreSQL, so a refund, a batch membership, a role or a payment edited behind the
application's back is reported with the record named, as is an export batch whose recorded
head is not on the chain. Events from before digests existed still verify."""

from __future__ import annotations

import io
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from qc_station.adapters.photo_store import FileSystemPhotoStore
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.domain.audit import make_event
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Role
from qc_station.domain.model import RmaLine
from qc_station.domain.policy import Policy
from qc_station.services import audit, finance, recovery, users
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from tests.builders import ADMIN, make_rma, seed_cast_in, user
from tests.fakes import FakePasswordHasher, FakePhotoStamper

from .conftest import EngineMaker

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
HOME_CHECKLIST = {"all_parts_present": ChecklistAnswer.PASS, "no_breakage": ChecklistAnswer.PASS}
INSPECTOR = Actor("ines", Role.INSPECTOR, "ST-01")
SUPERVISOR = Actor("sofia", Role.SUPERVISOR, "DESK")


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def _ctx(engine: Engine, policy: Policy, tmp_path: Path) -> ServiceContext:
    made = ServiceContext(
        uow=SqlUnitOfWorkFactory(engine),
        clock=Clock(),
        policy=policy,
        photos=FileSystemPhotoStore(tmp_path / "photos", create=True),
        passwords=FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
    seed_cast_in(made.uow)
    return made


def _decide(ctx: ServiceContext, code: str, finding: Finding, carrier: str = "UPS") -> str:
    """A one-unit RMA whose unit is decided final (no approval needed); its decision id."""
    line = RmaLine(1, f"SKU-{code}", "Kettle", "home", "Acme", Decimal("40.00"), 1)
    with ctx.uow() as uow:
        uow.rmas.add(make_rma(code, lines=[line], carrier=carrier, delivery_date=date.today()))
        uow.commit()
    photos = tuple(
        PhotoInput(JPEG + code.encode() + bytes([n]), datetime.now(UTC), f"p{n}.jpg")
        for n in range(2)
    )
    grade = Grade.C if finding == Finding.TRANSIT_DAMAGE else Grade.A
    view = submit_inspection(
        ctx,
        INSPECTOR,
        InspectionDraft(f"{code}-1", grade, finding, HOME_CHECKLIST, photos=photos),
    )
    assert not view.needs_approval, view
    with ctx.uow(read_only=True) as uow:
        decision = uow.decisions.current(f"{code}-1")
    assert decision is not None
    return decision.id


@pytest.fixture
def site(
    db_url: str, engines: EngineMaker, default_policy: Policy, tmp_path: Path
) -> tuple[Engine, ServiceContext, dict[str, str]]:
    """A site with a refund decision and a paid carrier claim exported in one batch, and a
    user whose role an admin changed: every covered kind of record, through the services."""
    engine = engines(db_url)
    ctx = _ctx(engine, default_policy, tmp_path)
    refund = _decide(ctx, "RMA-R1", Finding.NO_FAULT)
    _decide(ctx, "RMA-R2", Finding.TRANSIT_DAMAGE, carrier="DHL")
    (case,) = recovery.list_cases(ctx, SUPERVISOR)
    filed = recovery.file_claim(ctx, SUPERVISOR, "DHL")
    assert filed.number is not None
    recovery.record_payment(ctx, SUPERVISOR, filed.number, Decimal("30.00"))
    users.set_role(ctx, ADMIN, "ivan", Role.SUPERVISOR)
    exported = finance.export_finance(ctx, SUPERVISOR, io.BytesIO())
    assert exported.batch_id is not None
    return engine, ctx, {"decision": refund, "batch": exported.batch_id, "case": case.id}


def _sql(engine: Engine, statement: str, **params: str) -> None:
    with engine.begin() as conn:
        assert conn.execute(text(statement), params).rowcount >= 1, statement


def test_an_untouched_site_verifies(site: tuple[Engine, ServiceContext, dict[str, str]]) -> None:
    _engine, ctx, _ids = site
    report = audit.verify(ctx)
    assert report.ok, report.problems
    with ctx.uow(read_only=True) as uow:
        events = list(uow.audit.iterate())
    covered = [e for e in events if e.entity in {"decision", "user", "export", "recovery_case"}]
    assert covered and all(e.record_sha256 for e in covered)


TAMPERING = {
    "refund amount": (
        "UPDATE decisions SET final_refund_minor = final_refund_minor + 100 WHERE id = :decision",
        "record decision {decision} changed since its last audited change",
    ),
    "approval": (
        "UPDATE decisions SET approved_by = 'mallory' WHERE id = :decision",
        "record decision {decision} changed",
    ),
    "batch membership deleted": (
        "DELETE FROM export_batch_members WHERE decision_id = "
        "(SELECT pk FROM decisions WHERE id = :decision)",
        "record export {batch} changed since its last audited change",
    ),
    "batch emptied": (
        "DELETE FROM export_batch_members WHERE batch_id = :batch",
        "record export {batch} changed since its last audited change",
    ),
    "batch membership moved": (
        "UPDATE export_batch_members SET batch_id = 'FIN-OTHER' WHERE decision_id = "
        "(SELECT pk FROM decisions WHERE id = :decision)",
        "record export {batch} changed",
    ),
    "role": (
        "UPDATE users SET role = 'admin' WHERE username = 'ivan'",
        "record user ivan changed since its last audited change",
    ),
    "payment": (
        "UPDATE recovery_payments SET amount_minor = amount_minor + 1",
        "record recovery_case {case} changed since its last audited change",
    ),
    "batch row": (
        "UPDATE export_batches SET row_count = row_count + 1 WHERE id = :batch",
        "record export {batch} changed",
    ),
    "batch head": (
        "UPDATE export_batches SET audit_head = '1:' || :zeros WHERE id = :batch",
        "export batch {batch}: its audit head 1:",
    ),
}


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_verify_names_a_record_edited_behind_the_application(
    site: tuple[Engine, ServiceContext, dict[str, str]], how: str
) -> None:
    engine, ctx, ids = site
    statement, problem = TAMPERING[how]
    params = {"decision": ids["decision"], "batch": ids["batch"], "zeros": "0" * 64}
    _sql(engine, statement, **{k: v for k, v in params.items() if f":{k}" in statement})
    report = audit.verify(ctx)
    assert not report.ok
    expected = problem.format(**ids)
    assert any(expected in p for p in report.problems), report.problems


def test_an_edit_put_back_verifies_again(
    site: tuple[Engine, ServiceContext, dict[str, str]],
) -> None:
    engine, ctx, _ids = site
    _sql(engine, "UPDATE users SET role = 'admin' WHERE username = 'ivan'")
    assert not audit.verify(ctx).ok
    _sql(engine, "UPDATE users SET role = 'supervisor' WHERE username = 'ivan'")
    # Not a digest field: a failed sign-in count changes without an event.
    _sql(engine, "UPDATE users SET failed_attempts = 3 WHERE username = 'ivan'")
    assert audit.verify(ctx).ok


def test_events_from_before_digests_still_verify(
    db_url: str, engines: EngineMaker, default_policy: Policy, tmp_path: Path
) -> None:
    """A log written before this change: its events have no digest, hash as they always did
    and vouch for no record; events after them carry digests as usual."""
    engine = engines(db_url)
    ctx = _ctx(engine, default_policy, tmp_path)
    at = datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    with ctx.uow() as uow:
        previous = None
        for n, (entity, entity_id) in enumerate(
            [("user", "ines"), ("decision", "D-OLD"), ("unit", "RMA-X-1")]
        ):
            previous = make_event(
                previous, "ada", "OFFICE", at + timedelta(seconds=n), entity, entity_id, "old"
            )
            assert previous.record_sha256 is None
            uow.audit.append(previous)
        uow.commit()
    with engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_events")).scalar() == 3
        assert (
            conn.execute(
                text("SELECT count(*) FROM audit_events WHERE record_sha256 IS NULL")
            ).scalar()
            == 3
        )
    assert audit.verify(ctx).ok
    users.set_role(ctx, ADMIN, "ines", Role.SUPERVISOR)
    report = audit.verify(ctx)
    assert report.ok and report.count == 4, report.problems
    _sql(engine, "UPDATE users SET active = false WHERE username = 'ines'")
    assert any("record user ines changed" in p for p in audit.verify(ctx).problems)


@pytest.mark.slow
def test_verify_of_ten_thousand_events_is_quick(
    db_url: str, engines: EngineMaker, default_policy: Policy, tmp_path: Path
) -> None:
    """10,000 events about 2,000 users' records: the chain walk and one batched read of the
    records. Prints the time (see docs/reliability.md)."""
    engine = engines(db_url)
    ctx = _ctx(engine, default_policy, tmp_path)
    names = [f"user{n:04d}" for n in range(2000)]
    for chunk in range(0, len(names), 500):
        with ctx.uow() as uow:
            for name in names[chunk : chunk + 500]:
                uow.users.add(user(name, Role.INSPECTOR))
                for action in range(5):
                    audit.record(uow, ctx, ADMIN, "user", name, f"step{action}")
            uow.commit()
    started = time.perf_counter()
    report = audit.verify(ctx)
    took = time.perf_counter() - started
    print(f"\naudit verify, {report.count} events on {engine.dialect.name}: {took:.2f} s")
    assert report.ok and report.count == 10_000, report.problems
    assert took < 30


def test_an_export_digest_is_streamed_yet_equals_the_record_digest(
    site: tuple[Engine, ServiceContext, dict[str, str]],
) -> None:
    """The export's digest is hashed as the rows stream in (a batch may hold a million
    decisions); it must equal ``record_digest`` of the same content built whole, in the same
    order Python sorts (PostgreSQL's collation must not reorder the ids)."""
    from sqlalchemy.orm import Session

    from qc_station.adapters.sql.record_digests import SqlRecordDigests
    from qc_station.domain.audit import record_digest

    engine, _, ids = site
    with Session(engine) as session:
        members = session.execute(
            text(
                "SELECT d.id FROM export_batch_members m JOIN decisions d ON d.pk = m.decision_id"
                " WHERE m.batch_id = :b"
            ),
            {"b": ids["batch"]},
        ).scalars()
        payments = session.execute(
            text("SELECT id FROM recovery_payments WHERE export_batch = :b"), {"b": ids["batch"]}
        ).scalars()
        whole = {"decisions": sorted(members), "payments": sorted(payments), "reversals": []}
        assert len(whole["decisions"]) >= 1
        streamed = SqlRecordDigests(session).digests("export", [ids["batch"], "NO-SUCH-BATCH"])
    assert streamed == {ids["batch"]: record_digest(whole)}
