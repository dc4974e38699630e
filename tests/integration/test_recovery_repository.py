"""The ``RecoveryRepository`` contract on the fake, SQLite and PostgreSQL alike (see
test_repository_contract.py for why all three): cases whole with items and payments, one open
case per party and kind, a decision in one case only, the version check, eligible decisions
and case numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from qc_station.domain.enums import Disposition, Recovery
from qc_station.domain.errors import Conflict, NotFound
from qc_station.domain.model import DecisionStatus
from qc_station.domain.recovery import RecoveryCase, RecoveryItem, RecoveryKind, RecoveryState

from .conftest import UowFactory
from .test_repository_contract import T0, make_decision, make_inspection, make_rma, seed

S = RecoveryState


def _decisions(uow_factory: UowFactory) -> None:
    """RMA-1 with two units (USD) and RMA-JP with one (JPY); d0 and d1 ask for a chargeback,
    d2 (JPY) for a carrier claim, d3 is pending, d4 restocks with no recovery."""
    seed(
        uow_factory,
        make_rma("RMA-1", lines=((Decimal("19.99"), 2),)),
        make_rma("RMA-JP", currency="JPY", lines=((Decimal(1200), 1),)),
        make_rma("RMA-2", lines=((Decimal("5.00"), 2),)),
    )
    specs = [
        ("d0", "RMA-1-1", {}),
        ("d1", "RMA-1-2", {}),
        ("d2", "RMA-JP-1", {"currency": "JPY", "price": Decimal(1200), "refund": Decimal(1200)}),
        ("d3", "RMA-2-1", {"status": DecisionStatus.PENDING}),
        ("d4", "RMA-2-2", {"recovery": None}),
    ]
    with uow_factory() as uow:
        for n, (decision_id, lpn, more) in enumerate(specs):
            uow.inspections.add(make_inspection(lpn, f"insp-{n}"))
            decision = make_decision(
                decision_id, lpn, f"insp-{n}", decided_at=T0 + timedelta(minutes=n), **more
            )
            if decision_id == "d2":
                decision = replace(
                    decision,
                    final=replace(
                        decision.final,
                        disposition=Disposition.REFURBISH,
                        recovery=Recovery.CARRIER_CLAIM,
                    ),
                )
            if decision_id == "d4":
                decision = replace(
                    decision, final=replace(decision.final, disposition=Disposition.RESTOCK)
                )
            uow.decisions.add(decision)
        uow.commit()


def _case(case_id: str, kind: RecoveryKind, party: str, *items: tuple[str, str]) -> RecoveryCase:
    case = RecoveryCase(case_id, kind, party, T0, "sofia")
    for lpn, decision_id in items:
        currency = "JPY" if lpn.startswith("RMA-JP") else "USD"
        amount = Decimal(1200) if currency == "JPY" else Decimal("19.99")
        case.add_item(RecoveryItem(lpn, decision_id, currency, amount, T0, T0 + timedelta(days=30)))
    return case


def test_eligible_decisions_and_round_trip(uow_factory: UowFactory) -> None:
    _decisions(uow_factory)
    with uow_factory() as uow:
        assert uow.recovery.eligible_decisions() == ["d0", "d1", "d2"]
        assert uow.recovery.cases() == []
        uow.recovery.add(
            _case("vr", RecoveryKind.VENDOR_RETURN, "Acme", ("RMA-1-1", "d0"), ("RMA-1-2", "d1"))
        )
        uow.commit()
    with uow_factory() as uow:
        assert uow.recovery.eligible_decisions() == ["d2"]
        case = uow.recovery.open_case(RecoveryKind.VENDOR_RETURN, "Acme")
        assert case is not None
        assert uow.recovery.open_case(RecoveryKind.CARRIER_CLAIM, "Acme") is None
        assert [(i.lpn, i.amount, i.claim_due_at) for i in case.items] == [
            ("RMA-1-1", Decimal("19.99"), T0 + timedelta(days=30)),
            ("RMA-1-2", Decimal("19.99"), T0 + timedelta(days=30)),
        ]
        case.pull("RMA-1-2", "sofia", T0, "wrong supplier")
        case.version = uow.recovery.save(case)
        case.close("VR-20261102-001", "sofia", T0)
        case.version = uow.recovery.save(case)
        case.record_payment("p1", Decimal("10.00"), "USD", "sofia", T0, "first part")
        assert uow.recovery.save(case) == 3
        uow.commit()
    with uow_factory() as uow:
        stored = uow.recovery.by_number("VR-20261102-001")
        assert stored is not None and stored == uow.recovery.get("vr")
        assert (stored.state, stored.version, stored.closed_by) == (S.PARTLY_PAID, 3, "sofia")
        assert [(i.lpn, i.active, i.pull_reason) for i in stored.items] == [
            ("RMA-1-1", True, ""),
            ("RMA-1-2", False, "wrong supplier"),
        ]
        assert [(p.id, p.amount, p.outcome, p.note) for p in stored.payments] == [
            ("p1", Decimal("10.00"), S.PARTLY_PAID, "first part")
        ]
        # A pulled unit stays out: it is not eligible again.
        assert uow.recovery.eligible_decisions() == ["d2"]
        assert uow.recovery.last_number_with_prefix("VR-20261102-") == "VR-20261102-001"
        assert uow.recovery.last_number_with_prefix("VR-20261103-") is None


def test_one_open_case_per_party_and_one_case_per_decision(uow_factory: UowFactory) -> None:
    _decisions(uow_factory)
    with uow_factory() as uow:
        uow.recovery.add(_case("a", RecoveryKind.VENDOR_RETURN, "Acme", ("RMA-1-1", "d0")))
        uow.recovery.add(_case("c", RecoveryKind.CARRIER_CLAIM, "Acme", ("RMA-JP-1", "d2")))
        uow.commit()
    with uow_factory() as uow, pytest.raises(Conflict):
        uow.recovery.add(_case("b", RecoveryKind.VENDOR_RETURN, "Acme", ("RMA-1-2", "d1")))
    with uow_factory() as uow, pytest.raises(Conflict):
        uow.recovery.add(_case("b", RecoveryKind.VENDOR_RETURN, "Globex", ("RMA-1-1", "d0")))
    with uow_factory() as uow:
        # Once closed, the party may open a new case.
        first = uow.recovery.get("a")
        assert first is not None
        first.close("VR-1", "sofia", T0)
        uow.recovery.save(first)
        uow.recovery.add(_case("b", RecoveryKind.VENDOR_RETURN, "Acme", ("RMA-1-2", "d1")))
        uow.commit()
    with uow_factory() as uow:
        assert [(c.id, c.state) for c in uow.recovery.cases()] == [
            ("c", S.OPEN),
            ("b", S.OPEN),
            ("a", S.CLOSED),
        ]
        assert [c.id for c in uow.recovery.cases({S.CLOSED})] == ["a"]


def test_save_checks_the_version(uow_factory: UowFactory) -> None:
    _decisions(uow_factory)
    with uow_factory() as uow:
        uow.recovery.add(_case("a", RecoveryKind.VENDOR_RETURN, "Acme", ("RMA-1-1", "d0")))
        uow.commit()
    with uow_factory() as uow:
        stale = uow.recovery.get("a")
        fresh = uow.recovery.get("a")
        assert stale is not None and fresh is not None
        fresh.close("VR-1", "sofia", T0)
        uow.recovery.save(fresh)
        stale.pull("RMA-1-1", "sam", T0, "late")
        with pytest.raises(Conflict):
            uow.recovery.save(stale)
        with pytest.raises(NotFound):
            uow.recovery.save(_case("zz", RecoveryKind.VENDOR_RETURN, "Nobody"))
