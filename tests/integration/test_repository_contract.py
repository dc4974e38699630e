"""The repository contracts of ``qc_station.services.ports``, checked on the in-memory fake,
SQLite and PostgreSQL alike: if the fake and the SQL adapters ever disagree, service tests on
the fake would stop telling the truth about the real program.

A few checks at the end run on the SQL backends only: what the fake does not model
(refusing money finer than its currency, concurrent writers).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.domain.audit import AuditEntry, make_event, verify_chain
from qc_station.domain.enums import (
    ChecklistAnswer,
    Disposition,
    Finding,
    Grade,
    Headline,
    Recovery,
    RequestedResolution,
    Resolution,
    RmaSource,
    Role,
    UnitState,
)
from qc_station.domain.errors import Conflict, NotFound, ValidationError
from qc_station.domain.model import (
    Decision,
    DecisionStatus,
    Inspection,
    Photo,
    Product,
    Rma,
    RmaLine,
    User,
)
from qc_station.domain.outcome import Outcome, Reason
from qc_station.services.ports import ExportBatch

from .conftest import EngineMaker, UowFactory

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SHA_A = "a" * 64
SHA_B = "b" * 64


def make_rma(
    code: str = "RMA-2026-000001",
    *,
    currency: str = "USD",
    lines: tuple[tuple[Decimal | None, int], ...] = ((Decimal("19.99"), 2),),
    source: RmaSource = RmaSource.MANIFEST,
) -> Rma:
    rma = Rma(
        code=code,
        order_id=f"ORD-{code}",
        customer="Zoë 张伟",
        market="DE",
        currency=currency,
        order_date=date(2026, 10, 1),
        delivery_date=date(2026, 10, 5),
        request_date=date(2026, 10, 20),
        requested_resolution=RequestedResolution.REFUND,
        stated_reason="too small / 太小",
        carrier="DHL",
        tracking="JD0123",
        source=source,
        source_name="manifest.csv",
        lines=[
            RmaLine(n, f"SKU-{n}", f"Widget {n} 小部件", "electronics", "Acme", price, qty)
            for n, (price, qty) in enumerate(lines, start=1)
        ],
        created_at=T0,
    )
    rma.build_units()
    return rma


def make_inspection(lpn: str, inspection_id: str, *, started: datetime = T0) -> Inspection:
    return Inspection(
        id=inspection_id,
        lpn=lpn,
        inspector="ines",
        station="ST-1",
        started_at=started,
        ended_at=started + timedelta(minutes=3),
        grade=Grade.C,
        finding=Finding.DEFECT,
        checklist={"powers_on": ChecklistAnswer.FAIL, "screen_intact": ChecklistAnswer.PASS},
        serial="SN-1",
        notes="scratch on the lid",
        photos=[
            Photo(SHA_B, started + timedelta(minutes=1), "ST-1", "b.jpg", 1280, 720),
            Photo(SHA_A, started + timedelta(minutes=2), "ST-1", "a.jpg", 640, 480),
        ],
    )


def make_decision(
    decision_id: str,
    lpn: str,
    inspection_id: str,
    *,
    currency: str = "USD",
    price: Decimal = Decimal("19.99"),
    refund: Decimal = Decimal("19.99"),
    status: str = DecisionStatus.FINAL,
    decided_at: datetime = T0,
    recovery: Recovery | None = Recovery.SUPPLIER_CHARGEBACK,
) -> Decision:
    final = Outcome(
        headline=Headline.REFUND,
        resolution=Resolution.FULL_REFUND,
        disposition=Disposition.RETURN_TO_VENDOR,
        deduction_pct=0,
        refund_amount=refund,
        recovery=recovery,
        recovery_amount=refund if recovery else None,
    )
    proposed = replace(final, deduction_pct=30, headline=Headline.DISPUTE)
    return Decision(
        id=decision_id,
        lpn=lpn,
        inspection_id=inspection_id,
        proposed=proposed,
        final=final,
        currency=currency,
        unit_price=price,
        overridden=True,
        override_reason="customer is a regular",
        reasons=(
            Reason(
                "seller_full_refund",
                f"full refund of {refund} {currency}",
                {"amount": refund, "currency": currency, "estimated": False},
            ),
        ),
        approval_reasons=(Reason("approval_override", "Needs approval: overridden", {}),),
        decided_by="ines",
        station="ST-1",
        decided_at=decided_at,
        policy_hash="f" * 64,
        status=status,
        refund_due_at=decided_at + timedelta(hours=48),
    )


def seed(uow_factory: UowFactory, *rmas: Rma) -> None:
    with uow_factory() as uow:
        for rma in rmas:
            uow.rmas.add(rma)
        uow.commit()


# --- RMAs ----------------------------------------------------------------------------------


def test_rma_round_trip_with_lines_and_units(uow_factory: UowFactory) -> None:
    rma = make_rma(lines=((Decimal("19.99"), 2), (None, 1)))
    seed(uow_factory, rma)
    with uow_factory() as uow:
        got = uow.rmas.get(rma.code)
        assert got == rma
        assert got is not None
        assert [u.lpn for u in got.units] == [f"{rma.code}-1", f"{rma.code}-2", f"{rma.code}-3"]
        assert got.lines[0].unit_price == Decimal("19.99")
        assert got.lines[1].unit_price is None
        assert got.created_at is not None
        assert got.created_at.tzinfo is not None
        assert got.created_at.utcoffset() == timedelta(0)
        assert uow.rmas.get_by_lpn(f"{rma.code}-3") == rma
        assert uow.rmas.get("RMA-NOPE") is None
        assert uow.rmas.get_by_lpn("RMA-NOPE-1") is None
        assert uow.rmas.count() == 1


def test_get_many_returns_the_known_codes_in_bulk(uow_factory: UowFactory) -> None:
    rmas = [make_rma(f"RMA-{n:05d}") for n in range(1200)]  # more than one chunk of keys
    with uow_factory() as uow:
        uow.rmas.add_many(rmas)
        uow.commit()
    with uow_factory() as uow:
        wanted = [r.code for r in rmas[::7]] + ["RMA-UNKNOWN"]
        found = uow.rmas.get_many(wanted)
        assert set(found) == {r.code for r in rmas[::7]}
        assert found["RMA-00007"] == rmas[7]
        assert uow.rmas.get_many([]) == {}
        assert uow.rmas.count() == 1200


def test_add_refuses_a_known_code_or_lpn_and_the_work_goes_on(uow_factory: UowFactory) -> None:
    seed(uow_factory, make_rma("RMA-1"))
    with uow_factory() as uow:
        with pytest.raises(Conflict, match="RMA RMA-1 exists already"):
            uow.rmas.add(make_rma("RMA-1"))
        with pytest.raises(Conflict):
            uow.rmas.add_many([make_rma("RMA-2"), make_rma("RMA-1")])
        uow.rmas.add(make_rma("RMA-3"))
        uow.commit()
    with uow_factory() as uow:
        assert uow.rmas.get("RMA-3") is not None


def test_replace_lines_rebuilds_the_units_of_an_untouched_rma(uow_factory: UowFactory) -> None:
    seed(uow_factory, make_rma("RMA-1", lines=((Decimal("5.00"), 3),)))
    changed = make_rma("RMA-1", lines=((Decimal("6.50"), 1), (Decimal("1.25"), 1)))
    changed.customer = "Ana"
    changed.units = []  # replace_lines builds them
    with uow_factory() as uow:
        uow.rmas.replace_lines(changed)
        uow.commit()
    with uow_factory() as uow:
        got = uow.rmas.get("RMA-1")
        assert got is not None
        assert got.customer == "Ana"
        assert [(ln.line_no, ln.unit_price) for ln in got.lines] == [
            (1, Decimal("6.50")),
            (2, Decimal("1.25")),
        ]
        assert [(u.lpn, u.line_no, u.unit_no) for u in got.units] == [
            ("RMA-1-1", 1, 1),
            ("RMA-1-2", 2, 2),
        ]
        assert uow.rmas.get_by_lpn("RMA-1-3") is None
        with pytest.raises(NotFound):
            uow.rmas.replace_lines(make_rma("RMA-404"))
        uow.rmas.save_unit("RMA-1-1", UnitState.IN_INSPECTION, "ST-1", "ines", T0, 0)
        with pytest.raises(Conflict, match="already being inspected"):
            uow.rmas.replace_lines(changed)


def test_save_unit_is_an_optimistic_update(uow_factory: UowFactory) -> None:
    seed(uow_factory, make_rma("RMA-1"))
    with uow_factory() as uow:
        new_version = uow.rmas.save_unit(
            "RMA-1-1", UnitState.IN_INSPECTION, "ST-1", "ines", T0, expected_version=0
        )
        assert new_version == 1
        uow.commit()
    with uow_factory() as uow:
        # A second station still holding version 0 loses.
        with pytest.raises(Conflict, match="changed by someone else"):
            uow.rmas.save_unit("RMA-1-1", UnitState.IN_INSPECTION, "ST-2", "bo", T0, 0)
        with pytest.raises(NotFound):
            uow.rmas.save_unit("RMA-1-9", UnitState.IN_INSPECTION, "ST-2", "bo", T0, 0)
        got = uow.rmas.get("RMA-1")
        assert got is not None
        unit = got.units[0]
        assert (unit.state, unit.claimed_station, unit.claimed_by) == (
            UnitState.IN_INSPECTION,
            "ST-1",
            "ines",
        )
        assert unit.claimed_at == T0
        assert unit.version == 1
        assert got.units[1].version == 0
        assert uow.rmas.save_unit("RMA-1-1", UnitState.DECIDED, None, None, None, 1) == 2


def test_units_in_state_oldest_rma_first(uow_factory: UowFactory) -> None:
    seed(uow_factory, make_rma("RMA-B"), make_rma("RMA-A"))
    with uow_factory() as uow:
        uow.rmas.save_unit("RMA-A-1", UnitState.IN_INSPECTION, "ST-1", "ines", T0, 0)
        assert uow.rmas.units_in_state(UnitState.EXPECTED) == ["RMA-B-1", "RMA-B-2", "RMA-A-2"]
        assert uow.rmas.units_in_state(UnitState.EXPECTED, limit=1) == ["RMA-B-1"]
        assert uow.rmas.units_in_state(UnitState.IN_INSPECTION) == ["RMA-A-1"]
        assert uow.rmas.units_in_state(UnitState.DECIDED) == []


# --- inspections ---------------------------------------------------------------------------


def test_inspections_keep_photos_and_checklist(uow_factory: UowFactory) -> None:
    seed(uow_factory, make_rma("RMA-1"))
    later = make_inspection("RMA-1-1", "insp-2", started=T0 + timedelta(hours=1))
    earlier = make_inspection("RMA-1-1", "insp-1")
    with uow_factory() as uow:
        uow.inspections.add(later)
        uow.inspections.add(earlier)
        uow.inspections.add(make_inspection("RMA-1-2", "insp-3"))
        uow.commit()
    with uow_factory() as uow:
        assert uow.inspections.get("insp-1") == earlier
        assert uow.inspections.get("nope") is None
        found = uow.inspections.for_unit("RMA-1-1")
        assert [i.id for i in found] == ["insp-1", "insp-2"]
        assert [p.sha256 for p in found[0].photos] == [SHA_B, SHA_A]
        assert found[0].checklist["powers_on"] is ChecklistAnswer.FAIL
        assert found[0].grade is Grade.C
        assert uow.inspections.for_unit("RMA-1-9") == []


# --- decisions and export ------------------------------------------------------------------


def test_decisions_add_save_current_pending(uow_factory: UowFactory) -> None:
    seed(uow_factory, make_rma("RMA-1"))
    first = make_decision("d-1", "RMA-1-1", "insp-1", status=DecisionStatus.PENDING)
    with uow_factory() as uow:
        uow.inspections.add(make_inspection("RMA-1-1", "insp-1"))
        uow.inspections.add(make_inspection("RMA-1-2", "insp-2"))
        uow.decisions.add(first)
        uow.decisions.add(
            make_decision(
                "d-2",
                "RMA-1-2",
                "insp-2",
                status=DecisionStatus.PENDING,
                decided_at=T0 - timedelta(minutes=5),
            )
        )
        uow.commit()
    with uow_factory() as uow:
        got = uow.decisions.get("d-1")
        assert got == first
        assert got is not None
        assert got.reasons[0].params == {
            "amount": Decimal("19.99"),
            "currency": "USD",
            "estimated": False,
        }
        assert isinstance(got.reasons[0].params["amount"], Decimal)
        assert got.approval_reasons == first.approval_reasons
        assert got.proposed.headline is Headline.DISPUTE
        assert [d.id for d in uow.decisions.pending()] == ["d-2", "d-1"]
        assert [d.id for d in uow.decisions.pending(limit=1)] == ["d-2"]

        got.status = DecisionStatus.REJECTED
        got.approved_by = "sam"
        got.approved_at = T0 + timedelta(hours=1)
        got.approval_comment = "photo blurred"
        uow.decisions.save(got)
        redo = make_decision("d-3", "RMA-1-1", "insp-1", decided_at=T0 + timedelta(hours=2))
        uow.decisions.add(redo)
        uow.commit()
    with uow_factory() as uow:
        saved = uow.decisions.get("d-1")
        assert saved is not None
        assert (saved.status, saved.approved_by, saved.approval_comment) == (
            DecisionStatus.REJECTED,
            "sam",
            "photo blurred",
        )
        assert saved.approved_at == T0 + timedelta(hours=1)
        current = uow.decisions.current("RMA-1-1")
        assert current is not None
        assert current.id == "d-3"
        assert [d.id for d in uow.decisions.for_unit("RMA-1-1")] == ["d-1", "d-3"]
        assert uow.decisions.current("RMA-1-9") is None
        many = uow.decisions.current_many(["RMA-1-1", "RMA-1-2", "RMA-1-9"])
        assert {lpn: d.id for lpn, d in many.items()} == {"RMA-1-1": "d-3", "RMA-1-2": "d-2"}
        assert uow.decisions.current_many([]) == {}
        assert [d.id for d in uow.decisions.pending()] == ["d-2"]
        with pytest.raises(NotFound):
            uow.decisions.save(make_decision("d-404", "RMA-1-1", "insp-1"))


def test_export_batch_takes_each_final_decision_once(uow_factory: UowFactory) -> None:
    # Codes differing in case: Python (and the fake) sort "B" before "a"; so must SQL,
    # whatever the server's collation.
    usd = make_rma("RMA-a", lines=((Decimal("19.99"), 2),))
    jpy = make_rma("RMA-B", currency="JPY", lines=((Decimal("12000"), 1),))
    seed(uow_factory, usd, jpy)
    with uow_factory() as uow:
        for n, lpn in enumerate(["RMA-a-1", "RMA-a-2", "RMA-B-1"], start=1):
            uow.inspections.add(make_inspection(lpn, f"insp-{n}"))
        uow.decisions.add(
            make_decision(
                "d-usd-late",
                "RMA-a-1",
                "insp-1",
                refund=Decimal("13.99"),
                decided_at=T0 + timedelta(hours=1),
                recovery=None,
            )
        )
        uow.decisions.add(make_decision("d-usd", "RMA-a-1", "insp-1", refund=Decimal("13.99")))
        uow.decisions.add(
            make_decision(
                "d-jpy",
                "RMA-B-1",
                "insp-3",
                currency="JPY",
                price=Decimal("12000"),
                refund=Decimal("1200"),
            )
        )
        uow.decisions.add(
            make_decision("d-pending", "RMA-a-2", "insp-2", status=DecisionStatus.PENDING)
        )
        uow.commit()

    with uow_factory() as uow:
        assert uow.decisions.count_unexported() == 3
        assert uow.decisions.assign_export_batch("EXP-1") == 3
        assert uow.decisions.assign_export_batch("EXP-2") == 0
        assert uow.decisions.count_unexported() == 0
        uow.commit()

    with uow_factory() as uow:
        rows = list(uow.decisions.export_rows("EXP-1"))
        assert [(r.lpn, r.refund_amount) for r in rows] == [
            ("RMA-B-1", Decimal("1200")),
            ("RMA-a-1", Decimal("13.99")),
            ("RMA-a-1", Decimal("13.99")),
        ]
        jpy_row, usd_row, late_row = rows
        assert str(jpy_row.refund_amount) == "1200"
        assert str(jpy_row.unit_price) == "12000"
        assert str(usd_row.refund_amount) == "13.99"
        assert (jpy_row.batch_id, jpy_row.rma_code, jpy_row.order_id) == (
            "EXP-1",
            "RMA-B",
            "ORD-RMA-B",
        )
        assert (jpy_row.sku, jpy_row.market, jpy_row.currency) == ("SKU-1", "DE", "JPY")
        assert (usd_row.resolution, usd_row.headline, usd_row.deduction_pct) == (
            "FULL_REFUND",
            "REFUND",
            0,
        )
        assert (usd_row.recovery, usd_row.recovery_amount) == (
            "SUPPLIER_CHARGEBACK",
            Decimal("13.99"),
        )
        assert (late_row.recovery, late_row.recovery_amount) == ("", None)
        assert (usd_row.decided_by, usd_row.approved_by, usd_row.approved_at) == (
            "ines",
            "",
            None,
        )
        assert usd_row.refund_due_at == T0 + timedelta(hours=48)
        assert list(uow.decisions.export_rows("EXP-2")) == []
        # Re-exporting the batch gives the same rows.
        assert list(uow.decisions.export_rows("EXP-1")) == rows


def test_export_batches(uow_factory: UowFactory) -> None:
    def batch(batch_id: str, at: datetime) -> ExportBatch:
        return ExportBatch(batch_id, at, "fin", "OFFICE", 3, "c" * 64, f"7:{'d' * 64}")

    with uow_factory() as uow:
        uow.exports.add(batch("EXP-20261102-001", T0))
        uow.exports.add(batch("EXP-20261102-002", T0 + timedelta(minutes=1)))
        uow.exports.add(batch("EXP-20261101-009", T0 - timedelta(days=1)))
        uow.commit()
    with uow_factory() as uow:
        assert uow.exports.get("EXP-20261102-001") == batch("EXP-20261102-001", T0)
        assert uow.exports.get("nope") is None
        assert [b.id for b in uow.exports.list()] == [
            "EXP-20261102-002",
            "EXP-20261102-001",
            "EXP-20261101-009",
        ]
        assert [b.id for b in uow.exports.list(limit=1)] == ["EXP-20261102-002"]
        assert uow.exports.last_id_with_prefix("EXP-20261102-") == "EXP-20261102-002"
        assert uow.exports.last_id_with_prefix("EXP-20261103-") is None
        # "_" and "%" are LIKE wildcards; a prefix is taken literally.
        assert uow.exports.last_id_with_prefix("EXP_2026") is None


# --- users, audit, catalog, policies -------------------------------------------------------


def make_user(username: str, badge: str | None = None) -> User:
    return User(username, f"{username} 全名", Role.INSPECTOR, "fake$pw", badge=badge, created_at=T0)


def test_users(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        assert uow.users.count() == 0
        uow.users.add(make_user("zoe", badge="B-1"))
        uow.users.add(make_user("Adam"))
        uow.users.add(make_user("bo"))
        with pytest.raises(Conflict):
            uow.users.add(make_user("zoe"))
        uow.commit()
    with uow_factory() as uow:
        assert uow.users.get("zoe") == make_user("zoe", badge="B-1")
        assert uow.users.get("nobody") is None
        assert uow.users.get_by_badge("B-1") == make_user("zoe", badge="B-1")
        assert uow.users.get_by_badge("B-2") is None
        assert uow.users.get_by_badge("") is None
        assert [u.username for u in uow.users.list()] == ["Adam", "bo", "zoe"]
        assert uow.users.count() == 3
        user = uow.users.get("bo")
        assert user is not None
        user.failed_attempts = 5
        user.locked_until = T0 + timedelta(minutes=5)
        user.role = Role.SUPERVISOR
        uow.users.save(user)
        uow.commit()
    with uow_factory() as uow:
        assert uow.users.get("bo") == user


def test_audit_log(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        assert uow.audit.last() is None
        first = make_event(
            None,
            "ines",
            "ST-1",
            T0,
            "unit",
            "RMA-1-1",
            "start_inspection",
            {"state": "expected"},
            {"state": "in_inspection", "n": 1.5},
        )
        uow.audit.append(first)
        second = make_event(
            first,
            "sam",
            "ST-2",
            T0 + timedelta(seconds=1),
            "rma",
            "RMA-1",
            "import",
            None,
            {"lines": 2, "名": "张"},
        )
        uow.audit.append(second)
        uow.commit()
    with uow_factory() as uow:
        last = uow.audit.last()
        assert last == second
        with pytest.raises(Conflict):
            uow.audit.append(first)  # the chain moved on
        third = make_event(
            last, "ines", "ST-1", T0 + timedelta(seconds=2), "unit", "RMA-1-1", "decide"
        )
        uow.audit.append(third)
        uow.commit()
    with uow_factory() as uow:
        events = list(uow.audit.iterate())
        assert events == [first, second, third]
        report = verify_chain(events)
        assert report.ok, report.problems
        assert report.head == f"3:{third.hash}"
        assert uow.audit.for_entity("unit", "RMA-1-1") == [first, third]
        assert uow.audit.for_entity("unit", "RMA-9-9") == []


def test_staged_audit_entries_join_the_chain_at_commit_and_vanish_on_rollback(
    uow_factory: UowFactory,
) -> None:
    entry = AuditEntry("ines", "ST-1", T0, "unit", "RMA-1-1", "decide", None, {"grade": "A"})
    with uow_factory() as uow:
        uow.audit.stage(entry)
        assert uow.audit.last() is None  # staged, not yet in the chain
        uow.rollback()
        uow.commit()  # the rollback dropped it: nothing to write
    with uow_factory() as uow:
        assert uow.audit.last() is None
        uow.audit.stage(entry)
        uow.audit.stage(replace(entry, action="approve", at=T0 + timedelta(seconds=1)))
        uow.commit()
    with uow_factory() as uow:
        events = list(uow.audit.iterate())
        assert [(e.seq, e.action) for e in events] == [(1, "decide"), (2, "approve")]
        assert verify_chain(events).ok
        uow.audit.stage(replace(entry, action="reopen"))
        written = uow.audit.write_staged()  # now, before the commit: the head is known
        assert [e.seq for e in written] == [3]
        uow.commit()
    with uow_factory() as uow:
        assert [e.seq for e in uow.audit.iterate()] == [1, 2, 3]


def test_catalog_upsert_counts_added_and_changed(uow_factory: UowFactory) -> None:
    a = Product("SKU-A", "Kettle 水壶", "home", "Acme", Decimal("29.90"), "EUR", 120)
    b = Product("SKU-B", "Phone", "electronics", "Foxx", None, None)
    c = Product("SKU-C", "Camera", "electronics", "Foxx", Decimal("45000"), "JPY")
    with uow_factory() as uow:
        assert uow.catalog.upsert_many([a, b]) == (2, 0)
        uow.commit()
    with uow_factory() as uow:
        changed_b = replace(b, unit_price=Decimal("199.00"), currency="USD")
        assert uow.catalog.upsert_many([a, changed_b, c]) == (1, 1)
        assert uow.catalog.upsert_many([]) == (0, 0)
        uow.commit()
    with uow_factory() as uow:
        assert uow.catalog.get("SKU-A") == a
        assert uow.catalog.get("SKU-B") == changed_b
        got_c = uow.catalog.get("SKU-C")
        assert got_c == c
        assert got_c is not None
        assert str(got_c.unit_price) == "45000"
        assert uow.catalog.get("SKU-Z") is None
        assert set(uow.catalog.get_many(["SKU-A", "SKU-C", "SKU-Z"])) == {"SKU-A", "SKU-C"}


def test_policies_are_kept_once_per_hash(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.policies.ensure("h1", "return_window_days = 30\n", T0)
        uow.policies.ensure("h1", "something else", T0)
        uow.commit()
    with uow_factory() as uow:
        assert uow.policies.get("h1") == "return_window_days = 30\n"
        assert uow.policies.get("h2") is None


# --- the unit of work ----------------------------------------------------------------------


def test_nothing_is_kept_without_commit(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.rmas.add(make_rma("RMA-1"))
        uow.users.add(make_user("zoe"))
    with uow_factory() as uow:
        assert uow.rmas.get("RMA-1") is None
        assert uow.users.count() == 0
        uow.rmas.add(make_rma("RMA-2"))
        uow.rollback()
        uow.rmas.add(make_rma("RMA-3"))
        uow.commit()
        uow.rmas.add(make_rma("RMA-4"))  # after a commit the work goes on, uncommitted
    with uow_factory() as uow:
        assert sorted(uow.rmas.get_many(["RMA-2", "RMA-3", "RMA-4"])) == ["RMA-3"]


def test_an_exception_rolls_back(uow_factory: UowFactory) -> None:
    def fail_halfway() -> None:
        with uow_factory() as uow:
            uow.rmas.add(make_rma("RMA-1"))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fail_halfway()
    with uow_factory() as uow:
        assert uow.rmas.count() == 0


def test_objects_handed_out_are_detached_copies(uow_factory: UowFactory) -> None:
    seed(uow_factory, make_rma("RMA-1"))
    with uow_factory() as uow:
        uow.users.add(make_user("zoe"))
        uow.inspections.add(make_inspection("RMA-1-1", "insp-1"))
        uow.decisions.add(make_decision("d-1", "RMA-1-1", "insp-1"))
        uow.commit()
    with uow_factory() as uow:
        rma = uow.rmas.get("RMA-1")
        assert rma is not None
        rma.units[0].state = UnitState.DECIDED
        rma.units[0].version = 99
        rma.lines[0].sku = "CHANGED"
        rma.customer = "changed"
        user = uow.users.get("zoe")
        assert user is not None
        user.role = Role.ADMIN
        decision = uow.decisions.get("d-1")
        assert decision is not None
        decision.status = DecisionStatus.SUPERSEDED
        inspection = uow.inspections.get("insp-1")
        assert inspection is not None
        inspection.photos.clear()
        inspection.checklist["powers_on"] = ChecklistAnswer.PASS
        # Not given back: nothing changes, even after a commit.
        uow.commit()
        again = uow.rmas.get("RMA-1")
        assert again == make_rma("RMA-1")
    with uow_factory() as uow:
        assert uow.rmas.get("RMA-1") == make_rma("RMA-1")
        got_user = uow.users.get("zoe")
        assert got_user is not None
        assert got_user.role == Role.INSPECTOR
        got_decision = uow.decisions.get("d-1")
        assert got_decision is not None
        assert got_decision.status == DecisionStatus.FINAL
        assert uow.inspections.get("insp-1") == make_inspection("RMA-1-1", "insp-1")


# --- SQL only: what the fake does not model ------------------------------------------------


def test_money_finer_than_its_currency_is_refused(sql_uow_factory: UowFactory) -> None:
    with sql_uow_factory() as uow:
        with pytest.raises(ValidationError, match="more decimals than JPY"):
            uow.rmas.add(make_rma("RMA-J", currency="JPY", lines=((Decimal("10.5"), 1),)))
        with pytest.raises(ValidationError, match="has no currency"):
            uow.catalog.upsert_many([Product("S", "n", "c", "s", Decimal("1.00"), None)])
        # Four-digit currencies and big amounts stay exact.
        uow.rmas.add(make_rma("RMA-C", currency="CLF", lines=((Decimal("123456789.1234"), 1),)))
        uow.commit()
    with sql_uow_factory() as uow:
        got = uow.rmas.get("RMA-C")
        assert got is not None
        assert str(got.lines[0].unit_price) == "123456789.1234"
        assert uow.rmas.get("RMA-J") is None


def test_duplicate_keys_are_conflicts(sql_uow_factory: UowFactory) -> None:
    seed(sql_uow_factory, make_rma("RMA-1"))
    with sql_uow_factory() as uow:
        uow.inspections.add(make_inspection("RMA-1-1", "insp-1"))
        with pytest.raises(Conflict):
            uow.inspections.add(make_inspection("RMA-1-1", "insp-1"))
        with pytest.raises(Conflict):
            uow.inspections.add(make_inspection("RMA-404-1", "insp-2"))
        uow.exports.add(ExportBatch("EXP-1", T0, "fin", "OFFICE", 0, "c" * 64, "0:" + "0" * 64))
        with pytest.raises(Conflict):
            uow.exports.add(ExportBatch("EXP-1", T0, "fin", "OFFICE", 0, "c" * 64, "x"))
        uow.users.add(make_user("zoe", badge="B-1"))
        with pytest.raises(Conflict):
            uow.users.add(make_user("bo", badge="B-1"))
        # Empty badges are "no badge" and do not collide.
        uow.users.add(make_user("al", badge=""))
        uow.users.add(make_user("cy", badge=""))
        uow.commit()
    with sql_uow_factory() as uow:
        assert uow.inspections.get("insp-1") is not None
        assert uow.users.count() == 3


def _in_threads(*jobs: object) -> list[BaseException | None]:
    outcomes: list[BaseException | None] = [None] * len(jobs)

    def run(i: int, job: object) -> None:
        try:
            job()  # type: ignore[operator]
        except BaseException as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i, j)) for i, j in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return outcomes


def test_concurrent_audit_appends_chain_in_turn(sql_uow_factory: UowFactory) -> None:
    def append(actor: str) -> None:
        with sql_uow_factory() as uow:
            previous = uow.audit.last()
            time.sleep(0.2)  # the other writer tries to read the same head meanwhile
            uow.audit.append(make_event(previous, actor, "ST", T0, "unit", "U-1", "touch"))
            uow.commit()

    assert _in_threads(lambda: append("a"), lambda: append("b")) == [None, None]
    with sql_uow_factory() as uow:
        events = list(uow.audit.iterate())
    assert [e.seq for e in events] == [1, 2]
    assert verify_chain(events).ok


def test_concurrent_exports_never_share_a_decision(sql_uow_factory: UowFactory) -> None:
    seed(sql_uow_factory, make_rma("RMA-1", lines=((Decimal("1.00"), 20),)))
    with sql_uow_factory() as uow:
        for n in range(1, 21):
            uow.inspections.add(make_inspection(f"RMA-1-{n}", f"i-{n}"))
            uow.decisions.add(make_decision(f"d-{n}", f"RMA-1-{n}", f"i-{n}", refund=Decimal(1)))
        uow.commit()
    taken: dict[str, int] = {}

    def export(batch: str) -> None:
        with sql_uow_factory() as uow:
            taken[batch] = uow.decisions.assign_export_batch(batch)
            time.sleep(0.2)
            uow.commit()

    assert _in_threads(lambda: export("A"), lambda: export("B")) == [None, None]
    assert sorted(taken.values()) == [0, 20]


def test_concurrent_claims_one_wins(sql_uow_factory: UowFactory) -> None:
    seed(sql_uow_factory, make_rma("RMA-1"))

    def claim(station: str) -> None:
        with sql_uow_factory() as uow:
            rma = uow.rmas.get("RMA-1")
            assert rma is not None
            version = rma.units[0].version
            time.sleep(0.2)
            uow.rmas.save_unit("RMA-1-1", UnitState.IN_INSPECTION, station, "x", T0, version)
            uow.commit()

    outcomes = _in_threads(lambda: claim("ST-1"), lambda: claim("ST-2"))
    # PostgreSQL: both read version 0, one update finds it moved on. SQLite: the second
    # transaction waits for the first (BEGIN IMMEDIATE), then reads version 1 and succeeds.
    # Either way no claim is lost silently and the version counts both writes that happened.
    conflicts = [o for o in outcomes if isinstance(o, Conflict)]
    assert all(o is None or isinstance(o, Conflict) for o in outcomes)
    with sql_uow_factory() as uow:
        rma = uow.rmas.get("RMA-1")
        assert rma is not None
        assert rma.units[0].version == 2 - len(conflicts)


# --- read-only units of work ----------------------------------------------------------------


def test_read_only_units_of_work_leave_the_sqlite_write_lock_alone(
    sqlite_url: str, engines: EngineMaker
) -> None:
    factory = SqlUnitOfWorkFactory(engines(sqlite_url))
    path = sqlite_url.removeprefix("sqlite:///")
    writer = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with factory(read_only=True) as uow:
            assert uow.rmas.count() == 0  # reads under a deferred BEGIN
            writer.execute("BEGIN IMMEDIATE")  # so another process may still write
            writer.execute("ROLLBACK")
        writer.execute("BEGIN IMMEDIATE")  # and a writer never blocks a read-only reader
        with factory(read_only=True) as uow:
            assert uow.rmas.count() == 0
            with pytest.raises(RuntimeError, match="read-only"):
                uow.commit()
        writer.execute("ROLLBACK")
    finally:
        writer.close()
