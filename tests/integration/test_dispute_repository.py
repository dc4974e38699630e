"""The ``DisputeRepository`` contract and ``DecisionRepository.refunds_due``, on the fake,
SQLite and PostgreSQL alike (see test_repository_contract.py for why all three)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from qc_station.domain.dispute import Dispute, DisputeState
from qc_station.domain.errors import Conflict, NotFound, ValidationError
from qc_station.domain.model import DecisionStatus

from .conftest import UowFactory
from .test_repository_contract import T0, make_decision, make_inspection, make_rma, seed


def _decided(uow_factory: UowFactory, *specs: tuple[str, str, str]) -> None:
    """RMA-1 (two units, 19.99 USD) and RMA-JP (one unit, 1200 JPY), and the decisions
    (id, lpn, status) on their units."""
    seed(
        uow_factory,
        make_rma("RMA-1"),
        make_rma("RMA-JP", currency="JPY", lines=((Decimal(1200), 1),)),
    )
    with uow_factory() as uow:
        for n, (decision_id, lpn, status) in enumerate(specs):
            uow.inspections.add(make_inspection(lpn, f"insp-{n}"))
            currency = "JPY" if lpn.startswith("RMA-JP") else "USD"
            amount = Decimal(1200) if currency == "JPY" else Decimal("19.99")
            uow.decisions.add(
                make_decision(
                    decision_id,
                    lpn,
                    f"insp-{n}",
                    status=status,
                    currency=currency,
                    price=amount,
                    refund=amount,
                    decided_at=T0 + timedelta(minutes=n),
                )
            )
        uow.commit()


def dispute(dispute_id: str, decision_id: str, lpn: str, **changes: object) -> Dispute:
    currency = "JPY" if lpn.startswith("RMA-JP") else "USD"
    d = Dispute(
        id=dispute_id,
        lpn=lpn,
        decision_id=decision_id,
        currency=currency,
        disputed_amount=Decimal(1200) if currency == "JPY" else Decimal("19.99"),
        opened_at=T0,
        opened_by="sofia",
        evidence_due_at=T0 + timedelta(hours=48),
    )
    return replace(d, **changes)  # type: ignore[arg-type]


def test_round_trip_and_one_dispute_per_decision(uow_factory: UowFactory) -> None:
    _decided(uow_factory, ("d-1", "RMA-1-1", DecisionStatus.FINAL))
    first = dispute("x-1", "d-1", "RMA-1-1")
    with uow_factory() as uow:
        uow.disputes.add(first)
        uow.commit()
    with uow_factory() as uow:
        assert uow.disputes.get("x-1") == first
        assert uow.disputes.for_decision("d-1") == first
        assert uow.disputes.for_decision("d-404") is None and uow.disputes.get("x-404") is None
        with pytest.raises(Conflict):
            uow.disputes.add(dispute("x-2", "d-1", "RMA-1-1"))
        # The refused insert leaves the transaction usable.
        assert [d.id for d in uow.disputes.for_unit("RMA-1-1")] == ["x-1"]


def test_save_is_an_optimistic_update_and_keeps_every_field(uow_factory: UowFactory) -> None:
    _decided(uow_factory, ("d-1", "RMA-JP-1", DecisionStatus.FINAL))
    with uow_factory() as uow:
        uow.disputes.add(dispute("x-1", "d-1", "RMA-JP-1"))
        uow.commit()
    with uow_factory() as uow:
        got = uow.disputes.get("x-1")
        assert got is not None
        got.send_evidence("sam", T0 + timedelta(hours=1), "pack sent 证据")
        got.close(DisputeState.SETTLED, "sofia", T0 + timedelta(days=2), "half", Decimal(600))
        stale_version = got.version
        assert uow.disputes.save(got) == stale_version + 1
        uow.commit()
    with uow_factory() as uow:
        saved = uow.disputes.get("x-1")
        assert saved is not None
        assert saved.version == stale_version + 1
        assert (saved.state, saved.settled_amount, saved.currency) == (
            DisputeState.SETTLED,
            Decimal(1200) / 2,
            "JPY",
        )
        assert saved.evidence_sent_at == T0 + timedelta(hours=1)
        assert (saved.evidence_sent_by, saved.evidence_note) == ("sam", "pack sent 证据")
        assert (saved.closed_by, saved.close_note) == ("sofia", "half")
        assert saved.closed_at == T0 + timedelta(days=2)
        with pytest.raises(Conflict, match="changed since it was shown"):
            uow.disputes.save(replace(saved, version=stale_version))
        with pytest.raises(NotFound):
            uow.disputes.save(dispute("x-404", "d-1", "RMA-JP-1"))


def test_active_by_deadline_and_closed_newest_first(uow_factory: UowFactory) -> None:
    _decided(
        uow_factory,
        ("d-1", "RMA-1-1", DecisionStatus.FINAL),
        ("d-2", "RMA-1-2", DecisionStatus.FINAL),
        ("d-3", "RMA-JP-1", DecisionStatus.FINAL),
    )
    with uow_factory() as uow:
        uow.disputes.add(dispute("late", "d-1", "RMA-1-1", evidence_due_at=T0 + timedelta(days=3)))
        uow.disputes.add(dispute("none", "d-2", "RMA-1-2", evidence_due_at=None))
        uow.disputes.add(dispute("soon", "d-3", "RMA-JP-1"))
        uow.commit()
    with uow_factory() as uow:
        assert [d.id for d in uow.disputes.active()] == ["soon", "late", "none"]
        assert [d.id for d in uow.disputes.active(limit=1)] == ["soon"]
        for n, dispute_id in enumerate(("soon", "late")):
            d = uow.disputes.get(dispute_id)
            assert d is not None
            d.close(DisputeState.LOST, "sam", T0 + timedelta(hours=n))
            uow.disputes.save(d)
        uow.commit()
    with uow_factory() as uow:
        assert [d.id for d in uow.disputes.active()] == ["none"]
        assert [d.id for d in uow.disputes.closed_since(T0)] == ["late", "soon"]
        assert [d.id for d in uow.disputes.closed_since(T0 + timedelta(minutes=1))] == ["late"]


def test_money_finer_than_the_currency_is_refused(uow_factory: UowFactory) -> None:
    _decided(uow_factory, ("d-1", "RMA-JP-1", DecisionStatus.FINAL))
    with uow_factory() as uow:
        bad = dispute("x-1", "d-1", "RMA-JP-1", disputed_amount=Decimal("1200.5"))
        if hasattr(uow, "session"):  # the fake keeps what it is given; SQL refuses it
            with pytest.raises(ValidationError, match="more decimals"):
                uow.disputes.add(bad)


def test_refunds_due_are_final_unexported_with_a_deadline(uow_factory: UowFactory) -> None:
    _decided(
        uow_factory,
        ("d-1", "RMA-1-1", DecisionStatus.FINAL),
        ("d-2", "RMA-1-2", DecisionStatus.PENDING),
        ("d-3", "RMA-JP-1", DecisionStatus.FINAL),
    )
    with uow_factory() as uow:
        later = uow.decisions.get("d-1")
        assert later is not None
        later.refund_due_at = T0 + timedelta(days=5)
        uow.decisions.save(later)
        uow.commit()
    with uow_factory() as uow:
        assert [d.id for d in uow.decisions.refunds_due()] == ["d-3", "d-1"]
        assert [d.id for d in uow.decisions.refunds_due(limit=1)] == ["d-3"]
        assert uow.decisions.assign_export_batch("FIN-1") == 2
        uow.commit()
    with uow_factory() as uow:
        assert uow.decisions.refunds_due() == []
