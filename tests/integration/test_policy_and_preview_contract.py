"""Repository contracts added for the finance page and policy versions, on the fake, SQLite
and PostgreSQL alike: the export preview (rows and totals of what is not exported yet), the
totals of recorded batches, and the policy activation history (migration 0005)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from qc_station.domain.errors import Conflict
from qc_station.domain.model import DecisionStatus
from qc_station.services.ports import CurrencyTotal, PolicyActivation

from .conftest import UowFactory
from .test_repository_contract import T0, make_decision, make_inspection, make_rma, seed


def _seed_decisions(uow_factory: UowFactory) -> None:
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
            )
        )
        uow.decisions.add(make_decision("d-usd", "RMA-a-1", "insp-1", refund=Decimal("10.01")))
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


def test_the_preview_shows_what_the_next_export_takes_and_marks_nothing(
    uow_factory: UowFactory,
) -> None:
    _seed_decisions(uow_factory)
    with uow_factory() as uow:
        assert uow.decisions.unexported_totals() == [
            CurrencyTotal("JPY", 1, Decimal("1200")),
            CurrencyTotal("USD", 2, Decimal("24.00")),
        ]
        preview = uow.decisions.unexported_rows(10)
        assert [(r.lpn, r.refund_amount, r.batch_id) for r in preview] == [
            ("RMA-B-1", Decimal("1200"), ""),
            ("RMA-a-1", Decimal("10.01"), ""),
            ("RMA-a-1", Decimal("13.99"), ""),
        ]
        assert [r.lpn for r in uow.decisions.unexported_rows(1)] == ["RMA-B-1"]
        assert uow.decisions.count_unexported() == 3  # the preview took nothing

        assert uow.decisions.assign_export_batch("EXP-1") == 3
        exported = list(uow.decisions.export_rows("EXP-1"))
        # The preview's rows are the export's rows, but for the batch id.
        assert [(r.lpn, r.refund_amount, r.sku, r.approved_by) for r in exported] == [
            (r.lpn, r.refund_amount, r.sku, r.approved_by) for r in preview
        ]
        assert uow.decisions.unexported_totals() == []
        assert uow.decisions.unexported_rows(10) == []
        uow.commit()


def test_batch_totals_per_currency(uow_factory: UowFactory) -> None:
    _seed_decisions(uow_factory)
    with uow_factory() as uow:
        uow.decisions.assign_export_batch("EXP-1")
        uow.commit()
    with uow_factory(read_only=True) as uow:  # type: ignore[call-arg]
        assert uow.decisions.batch_totals(["EXP-1", "EXP-none"]) == {
            "EXP-1": [
                CurrencyTotal("JPY", 1, Decimal("1200")),
                CurrencyTotal("USD", 2, Decimal("24.00")),
            ]
        }
        assert uow.decisions.batch_totals([]) == {}


def _activation(policy_hash: str, minutes: int, note: str) -> PolicyActivation:
    return PolicyActivation(policy_hash, T0 + timedelta(minutes=minutes), "ada", "OFFICE", note)


def test_policy_activations_are_a_history_newest_first(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        assert uow.policies.active() is None
        assert uow.policies.activations() == []
        uow.policies.ensure("h1", "return_window_days = 30\n", T0)
        uow.policies.ensure("h2", "return_window_days = 14\n", T0)
        uow.policies.activate(_activation("h1", 0, "first"))
        uow.policies.activate(_activation("h2", 5, "stricter 张"))
        # The same time again: the order of activation still decides.
        uow.policies.activate(_activation("h1", 5, "back"))
        uow.commit()
    with uow_factory() as uow:
        assert uow.policies.active() == _activation("h1", 5, "back")
        assert [a.note for a in uow.policies.activations()] == ["back", "stricter 张", "first"]
        assert uow.policies.activations(limit=1) == [_activation("h1", 5, "back")]
        assert uow.policies.get("h2") == "return_window_days = 14\n"


def test_an_activation_needs_the_policy_text_kept_first(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        with pytest.raises(Conflict, match="not stored"):
            uow.policies.activate(_activation("unknown", 0, "no text"))
        # The unit of work goes on: a policy kept and activated afterwards commits.
        uow.policies.ensure("h1", "x = 1\n", T0)
        uow.policies.activate(_activation("h1", 1, "ok"))
        uow.commit()
    with uow_factory() as uow:
        assert [a.policy_hash for a in uow.policies.activations()] == ["h1"]


def test_activations_are_kept_only_on_commit(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.policies.ensure("h1", "x = 1\n", T0)
        uow.policies.activate(_activation("h1", 0, "not committed"))
    with uow_factory() as uow:
        assert uow.policies.active() is None
