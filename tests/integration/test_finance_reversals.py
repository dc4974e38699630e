"""Issue 15, "Money", on SQLite and PostgreSQL: two stations export at the same moment while
reopened units are approved again; every decision and every reversal goes out exactly once,
and the files net each unit to its final refund (SPEC §7.3)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from qc_station.adapters.orm import ExportBatchMemberRow, ExportReversalRow
from qc_station.domain.enums import Grade
from qc_station.domain.model import DecisionStatus
from qc_station.domain.policy import Policy
from qc_station.services import approval, finance
from qc_station.services.inspection import submit_inspection

from .conftest import EngineMaker
from .test_multi_station import at_once, draft, inspector, seed, station_ctx, supervisor

CODES = [f"RMA-REV-{n}" for n in range(6)]
LPNS = [f"{code}-1" for code in CODES]


def _rows(ctx, batch_id: str) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    finance.reexport_batch(ctx, supervisor(9), batch_id, out)
    return list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8-sig"), newline="")))


def test_exports_racing_approvals_of_reopened_units_export_each_row_once(
    db_url: str, engines: EngineMaker, default_policy: Policy, tmp_path: Path
) -> None:
    ctx = station_ctx(db_url, engines, default_policy, tmp_path)
    other = station_ctx(db_url, engines, default_policy, tmp_path)
    seed(ctx, *CODES)
    for lpn in LPNS:  # 30.00 each, final at once
        assert submit_inspection(ctx, inspector(0), draft(lpn)).status == DecisionStatus.FINAL
    first = finance.export_finance(ctx, supervisor(0), io.BytesIO())
    assert first.row_count == len(LPNS)
    # Four units reopened and decided again (grade B: 27.00), each waiting for approval.
    for lpn in LPNS[:4]:
        approval.reopen(ctx, supervisor(0), lpn, "customer sent proof")
        view = submit_inspection(ctx, inspector(1), draft(lpn, grade=Grade.B, photos=0))
        assert view.status == DecisionStatus.PENDING

    results = at_once(
        [
            lambda: finance.export_finance(ctx, supervisor(1), io.BytesIO()),
            lambda: finance.export_finance(other, supervisor(2), io.BytesIO()),
            lambda: approval.approve(ctx, supervisor(3), LPNS[0]),
            lambda: approval.approve(other, supervisor(4), LPNS[1]),
            lambda: approval.approve(ctx, supervisor(5), LPNS[2]),
        ]
    )
    assert not [r for r in results if isinstance(r, BaseException)], results
    approval.approve(ctx, supervisor(6), LPNS[3])
    finance.export_finance(ctx, supervisor(0), io.BytesIO())

    batches = sorted(b.id for b in finance.list_batches(ctx, supervisor(0)))
    ledger: dict[str, list[dict[str, str]]] = {}
    for batch_id in batches:
        for row in _rows(ctx, batch_id):
            ledger.setdefault(row["lpn"], []).append(row)
    for lpn in LPNS:
        rows = ledger[lpn]
        expected = Decimal("27.00") if lpn in LPNS[:4] else Decimal("30.00")
        assert sum(Decimal(r["refund_amount"]) for r in rows) == expected, (lpn, rows)
        kinds = ["R" if r["reverses_batch"] else "+" for r in rows]
        assert kinds == (["+", "R", "+"] if lpn in LPNS[:4] else ["+"]), (lpn, kinds)
        if lpn in LPNS[:4]:
            assert rows[1]["reverses_batch"] == first.batch_id
            assert rows[1]["export_batch_id"] == rows[2]["export_batch_id"]
    with ctx.uow(read_only=True) as uow:
        session = uow.session  # type: ignore[attr-defined]
        assert session.scalar(select(func.count()).select_from(ExportReversalRow)) == 4
        assert session.scalar(select(func.count()).select_from(ExportBatchMemberRow)) == 10
