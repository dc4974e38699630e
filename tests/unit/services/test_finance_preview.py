"""The finance page's reads on the fakes: the preview of the next export (count, refunds per
currency, first rows; nothing taken) and the batch history with its totals."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from qc_station.domain.errors import PermissionDenied
from qc_station.domain.model import DecisionStatus
from qc_station.services import finance
from qc_station.services.context import ServiceContext
from qc_station.services.ports import CurrencyTotal
from tests.builders import INSPECTOR, SUPERVISOR, make_rma, seed
from tests.fakes import FakeStore
from tests.unit.services.test_finance import put_decision

RMA = "RMA-2026-000123"


@pytest.fixture
def lpns(store: FakeStore) -> list[str]:
    rma = make_rma(RMA)
    rma.lines[0].quantity = 3
    rma.build_units()
    seed(store, rma)
    return [f"{RMA}-{n}" for n in (1, 2, 3)]


def test_preview_counts_totals_and_first_rows_without_taking_anything(
    ctx: ServiceContext, store: FakeStore, lpns: list[str]
) -> None:
    put_decision(store, lpns[0])
    put_decision(store, lpns[1])
    put_decision(store, lpns[2], DecisionStatus.PENDING)
    preview = finance.preview_export(ctx, SUPERVISOR, limit=1)
    assert preview.row_count == 2
    assert preview.totals == (CurrencyTotal("USD", 2, Decimal("198.00")),)
    assert [r.lpn for r in preview.first_rows] == [lpns[0]]
    assert preview.first_rows[0].batch_id == ""
    assert finance.preview_next_export(ctx, SUPERVISOR) == 2  # nothing was taken


def test_the_history_carries_each_batch_s_totals(
    ctx: ServiceContext, store: FakeStore, lpns: list[str], clock: object
) -> None:
    put_decision(store, lpns[0])
    first = finance.export_finance(ctx, SUPERVISOR, io.BytesIO())
    put_decision(store, lpns[1])
    put_decision(store, lpns[2])
    clock.advance(minutes=5)  # type: ignore[attr-defined]
    second = finance.export_finance(ctx, SUPERVISOR, io.BytesIO())
    batches = finance.list_batches(ctx, SUPERVISOR)
    assert [b.id for b in batches] == [second.batch_id, first.batch_id]
    assert batches[0].totals == (CurrencyTotal("USD", 2, Decimal("198.00")),)
    assert batches[1].totals == (CurrencyTotal("USD", 1, Decimal("99.00")),)
    empty = finance.preview_export(ctx, SUPERVISOR)
    assert (empty.row_count, empty.totals, empty.first_rows) == (0, (), ())


def test_an_inspector_may_not_preview(ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied, match="may not export finance"):
        finance.preview_export(ctx, INSPECTOR)
