"""The finance export service (SPEC §7.3) on the fakes: exactly once, numbered batches,
byte-identical re-export, the audit head, permissions, cancel and crash safety."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from qc_station.domain.enums import Disposition, Headline, Recovery, Resolution, RmaSource
from qc_station.domain.errors import NotFound, PermissionDenied
from qc_station.domain.model import Decision, DecisionStatus, RmaLine
from qc_station.domain.outcome import Outcome
from qc_station.formats.finance_csv import COLUMNS_V2 as COLUMNS
from qc_station.services import finance
from qc_station.services.audit import verify
from qc_station.services.context import ServiceContext
from qc_station.services.finance import (
    ExportCancelled,
    ExportMismatch,
    export_finance,
    export_finance_to_file,
    list_batches,
    preview_next_export,
    reexport_batch,
)
from tests.builders import ADMIN, INSPECTOR, SUPERVISOR, make_rma, seed
from tests.fakes import FakeClock, FakeStore

RMA = "RMA-2026-000123"
DECIDED = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
HEADER_BYTES = ("\ufeff" + ",".join(COLUMNS) + "\r\n").encode("utf-8")


def outcome(refund: str = "99.00") -> Outcome:
    return Outcome(
        headline=Headline.REFUND,
        resolution=Resolution.FULL_REFUND,
        disposition=Disposition.RETURN_TO_VENDOR,
        deduction_pct=0,
        refund_amount=Decimal(refund),
        recovery=Recovery.SUPPLIER_CHARGEBACK,
        recovery_amount=Decimal(refund),
    )


def put_decision(
    store: FakeStore, lpn: str, status: str = DecisionStatus.FINAL, minutes: int = 0
) -> Decision:
    """A decision written straight into the committed fake data."""
    at = DECIDED + timedelta(minutes=minutes)
    final = status == DecisionStatus.FINAL
    decision = Decision(
        id=f"D-{lpn}-{minutes}",
        lpn=lpn,
        inspection_id=f"I-{lpn}",
        proposed=outcome(),
        final=outcome(),
        currency="USD",
        unit_price=Decimal("99.00"),
        overridden=False,
        override_reason="",
        reasons=(),
        approval_reasons=(),
        decided_by="ines",
        station="ST-01",
        decided_at=at,
        policy_hash="p" * 64,
        status=status,
        approved_by="sofia" if final else None,
        approved_at=at + timedelta(minutes=30) if final else None,
        refund_due_at=at + timedelta(hours=48, minutes=30) if final else None,
    )
    store.data.decisions[decision.id] = decision
    return decision


@pytest.fixture
def units(store: FakeStore) -> list[str]:
    """One RMA with four units, and an unexpected return with one; no decisions yet."""
    seed(
        store,
        make_rma(
            RMA,
            lines=[
                RmaLine(
                    1,
                    "SKU-HEADSET",
                    "无线蓝牙耳机",
                    "electronics",
                    "Shenzhen Audio",
                    Decimal("99.00"),
                    3,
                ),
                RmaLine(2, "=SKU-CABLE", "Cable", "electronics", "Acme", Decimal("9.00"), 1),
            ],
        ),
        make_rma("RMA-2026-000200", order_id="-ORD-2", source=RmaSource.UNEXPECTED),
    )
    return [f"{RMA}-1", f"{RMA}-2", f"{RMA}-3", f"{RMA}-4", "RMA-2026-000200-1"]


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_final_decisions_are_exported_once_and_others_not(
    ctx: ServiceContext, store: FakeStore, units: list[str]
) -> None:
    put_decision(store, units[0])
    put_decision(store, units[1], DecisionStatus.PENDING)
    put_decision(store, units[2], DecisionStatus.REJECTED)
    put_decision(store, units[3])
    put_decision(store, units[4])
    out = io.BytesIO()

    result = export_finance(ctx, SUPERVISOR, out)

    assert result.batch_id == "FIN-20261102-0001"
    assert result.row_count == 3
    assert result.sha256 == hashlib.sha256(out.getvalue()).hexdigest()
    rows = rows_of(out.getvalue())
    assert [r["lpn"] for r in rows] == [units[0], units[3], units[4]]
    assert {r["export_batch_id"] for r in rows} == {"FIN-20261102-0001"}
    # Customer-controlled values arrive neutralised.
    assert rows[1]["sku"] == "'=SKU-CABLE"
    assert rows[2]["order_id"] == "'-ORD-2"
    assert rows[0]["approved_at"] == "2026-11-02T08:30:00Z"
    batches = {d.lpn: d.export_batch for d in store.data.decisions.values()}
    assert batches == {
        units[0]: "FIN-20261102-0001",
        units[1]: None,
        units[2]: None,
        units[3]: "FIN-20261102-0001",
        units[4]: "FIN-20261102-0001",
    }


def test_second_export_is_empty_and_makes_no_batch(
    ctx: ServiceContext, store: FakeStore, units: list[str]
) -> None:
    put_decision(store, units[0])
    export_finance(ctx, SUPERVISOR, io.BytesIO())
    events = len(store.data.audit)
    out = io.BytesIO()

    result = export_finance(ctx, SUPERVISOR, out)

    assert (result.batch_id, result.row_count, result.audit_head) == (None, 0, None)
    assert out.getvalue() == HEADER_BYTES
    assert result.sha256 == hashlib.sha256(HEADER_BYTES).hexdigest()
    assert list(store.data.exports) == ["FIN-20261102-0001"]
    assert len(store.data.audit) == events


def test_a_decision_made_final_later_goes_into_the_next_batch(
    ctx: ServiceContext, store: FakeStore, units: list[str]
) -> None:
    put_decision(store, units[0])
    pending = put_decision(store, units[1], DecisionStatus.PENDING)
    export_finance(ctx, SUPERVISOR, io.BytesIO())
    store.data.decisions[pending.id].status = DecisionStatus.FINAL
    out = io.BytesIO()

    result = export_finance(ctx, SUPERVISOR, out)

    assert result.batch_id == "FIN-20261102-0002"
    assert [r["lpn"] for r in rows_of(out.getvalue())] == [units[1]]


def test_reexport_is_byte_identical_and_audited(
    ctx: ServiceContext, store: FakeStore, units: list[str]
) -> None:
    for lpn in units:
        put_decision(store, lpn)
    first = io.BytesIO()
    created = export_finance(ctx, SUPERVISOR, first)
    put_decision(store, units[0], minutes=99)  # a later decision must not leak into the batch
    again = io.BytesIO()

    result = reexport_batch(ctx, ADMIN, created.batch_id or "", again)

    assert again.getvalue() == first.getvalue()
    assert result == created
    last = store.data.audit[-1]
    assert (last.entity, last.entity_id, last.action, last.actor) == (
        "export",
        created.batch_id,
        "finance_reexport",
        ADMIN.username,
    )


def test_reexport_refuses_when_the_data_changed(
    ctx: ServiceContext, store: FakeStore, units: list[str]
) -> None:
    decision = put_decision(store, units[0])
    created = export_finance(ctx, SUPERVISOR, io.BytesIO())
    store.data.decisions[decision.id].final = outcome("98.00")

    with pytest.raises(ExportMismatch, match="changed") as raised:
        reexport_batch(ctx, SUPERVISOR, created.batch_id or "", io.BytesIO())

    assert raised.value.params["expected_sha256"] == created.sha256


def test_reexport_of_an_unknown_batch(ctx: ServiceContext) -> None:
    with pytest.raises(NotFound, match="FIN-20991231-0001"):
        reexport_batch(ctx, SUPERVISOR, "FIN-20991231-0001", io.BytesIO())


def test_an_inspector_is_refused_everything(
    ctx: ServiceContext, store: FakeStore, units: list[str]
) -> None:
    put_decision(store, units[0])
    out = io.BytesIO()
    with pytest.raises(PermissionDenied, match="allowed roles: supervisor, admin"):
        export_finance(ctx, INSPECTOR, out)
    with pytest.raises(PermissionDenied):
        reexport_batch(ctx, INSPECTOR, "FIN-20261102-0001", out)
    with pytest.raises(PermissionDenied):
        preview_next_export(ctx, INSPECTOR)
    with pytest.raises(PermissionDenied):
        list_batches(ctx, INSPECTOR)
    assert out.getvalue() == b""
    assert store.data.exports == {}
    assert preview_next_export(ctx, SUPERVISOR) == 1


def test_batches_are_numbered_per_utc_day(
    ctx: ServiceContext, store: FakeStore, clock: FakeClock, units: list[str]
) -> None:
    ids = []
    for n, lpn in enumerate(units[:3]):
        put_decision(store, lpn)
        ids.append(export_finance(ctx, ADMIN, io.BytesIO()).batch_id)
        if n == 1:
            clock.current = datetime(2026, 11, 3, 0, 0, 1, tzinfo=UTC)
    assert ids == ["FIN-20261102-0001", "FIN-20261102-0002", "FIN-20261103-0001"]
    assert [b.id for b in list_batches(ctx, SUPERVISOR)] == list(reversed(ids))


def test_the_batch_records_who_when_hash_and_audit_head(
    ctx: ServiceContext, store: FakeStore, units: list[str]
) -> None:
    put_decision(store, units[0])
    put_decision(store, units[4])
    out = io.BytesIO()

    result = export_finance(ctx, SUPERVISOR, out)

    (batch,) = list_batches(ctx, SUPERVISOR)
    assert batch.id == result.batch_id
    assert (batch.created_by, batch.station, batch.row_count) == ("sofia", "DESK", 2)
    assert batch.created_at == datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    assert batch.sha256 == hashlib.sha256(out.getvalue()).hexdigest()
    report = verify(ctx)
    assert report.ok
    assert batch.audit_head == result.audit_head == report.head
    event = store.data.audit[-1]
    assert (event.entity, event.entity_id, event.action) == ("export", batch.id, "finance_export")
    assert event.new == {"rows": 2, "sha256": batch.sha256}


def test_cancel_before_the_commit_exports_nothing(
    ctx: ServiceContext, store: FakeStore, units: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(finance, "PROGRESS_EVERY", 1)
    for lpn in units:
        put_decision(store, lpn)
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) == 3  # mid-way through the pass, before the commit

    out = io.BytesIO()
    with pytest.raises(ExportCancelled, match="nothing was exported") as raised:
        export_finance(ctx, SUPERVISOR, out, cancel=cancel)

    assert "batch_id" not in raised.value.params
    assert out.getvalue() == b""
    assert store.data.exports == {}
    assert store.data.audit == []
    assert preview_next_export(ctx, SUPERVISOR) == 5


def test_cancel_is_asked_during_the_one_pass_only(
    ctx: ServiceContext, store: FakeStore, units: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(finance, "PROGRESS_EVERY", 1)
    for lpn in units:
        put_decision(store, lpn)
    asked = []
    out = io.BytesIO()
    result = export_finance(ctx, SUPERVISOR, out, cancel=lambda: bool(asked.append(1)))
    # One pass over the 5 rows, before the commit; nothing is asked once the batch is recorded.
    assert len(asked) == 5
    assert result.row_count == 5
    assert hashlib.sha256(out.getvalue()).hexdigest() == result.sha256


class _BrokenSink:
    def write(self, data: bytes) -> int:
        raise OSError("the pipe broke (test)")


def test_a_failure_writing_out_after_the_commit_keeps_the_batch_for_a_reexport(
    ctx: ServiceContext, store: FakeStore, units: list[str]
) -> None:
    for lpn in units:
        put_decision(store, lpn)

    with pytest.raises(OSError, match="pipe broke") as raised:
        export_finance(ctx, SUPERVISOR, _BrokenSink())

    assert "--batch FIN-20261102-0001" in "".join(raised.value.__notes__)
    assert preview_next_export(ctx, SUPERVISOR) == 0
    out = io.BytesIO()
    assert reexport_batch(ctx, SUPERVISOR, "FIN-20261102-0001", out).row_count == 5
    assert len(rows_of(out.getvalue())) == 5


def test_progress_reports_rows_written(
    ctx: ServiceContext, store: FakeStore, units: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(finance, "PROGRESS_EVERY", 2)
    for lpn in units:
        put_decision(store, lpn)
    progress: list[int] = []
    export_finance(ctx, SUPERVISOR, io.BytesIO(), progress.append)
    assert progress == [2, 4, 5]


def test_a_failed_commit_writes_nothing_and_exports_nothing(
    ctx: ServiceContext, store: FakeStore, units: list[str]
) -> None:
    put_decision(store, units[0])
    store.fail_next_commit = True
    out = io.BytesIO()
    with pytest.raises(OSError, match="disk full"):
        export_finance(ctx, SUPERVISOR, out)
    # The file is only written after the commit: no complete-looking file for decisions
    # that the next export will take again.
    assert out.getvalue() == b""
    assert preview_next_export(ctx, SUPERVISOR) == 1


def test_export_to_file_appears_only_when_complete(
    ctx: ServiceContext, store: FakeStore, units: list[str], tmp_path: Path
) -> None:
    put_decision(store, units[0])
    target = tmp_path / "finance.csv"

    result = export_finance_to_file(ctx, SUPERVISOR, target)

    assert hashlib.sha256(target.read_bytes()).hexdigest() == result.sha256
    again = tmp_path / "again.csv"
    export_finance_to_file(ctx, SUPERVISOR, again, batch_id=result.batch_id)
    assert again.read_bytes() == target.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.csv", "finance.csv"]


def test_export_to_file_leaves_nothing_behind_when_the_commit_fails(
    ctx: ServiceContext, store: FakeStore, units: list[str], tmp_path: Path
) -> None:
    put_decision(store, units[0])
    target = tmp_path / "finance.csv"
    target.write_bytes(b"yesterday's file")
    store.fail_next_commit = True
    with pytest.raises(OSError, match="disk full"):
        export_finance_to_file(ctx, SUPERVISOR, target)
    # The rows were written to a temporary file before the commit; it is gone, and the
    # decision waits for the next export.
    assert target.read_bytes() == b"yesterday's file"
    assert [p.name for p in tmp_path.iterdir()] == ["finance.csv"]
    assert preview_next_export(ctx, SUPERVISOR) == 1
    assert store.data.exports == {}


def test_export_to_file_leaves_nothing_behind_when_cancelled(
    ctx: ServiceContext, store: FakeStore, units: list[str], tmp_path: Path
) -> None:
    put_decision(store, units[0])
    target = tmp_path / "finance.csv"
    target.write_bytes(b"yesterday's file")
    with pytest.raises(ExportCancelled):
        export_finance_to_file(ctx, SUPERVISOR, target, cancel=lambda: True)
    assert target.read_bytes() == b"yesterday's file"
    assert [p.name for p in tmp_path.iterdir()] == ["finance.csv"]


def test_preview_counts_what_the_next_export_takes(
    ctx: ServiceContext, store: FakeStore, units: list[str]
) -> None:
    put_decision(store, units[0])
    put_decision(store, units[1])
    put_decision(store, units[2], DecisionStatus.PENDING)
    assert preview_next_export(ctx, SUPERVISOR) == 2
    assert export_finance(ctx, SUPERVISOR, io.BytesIO()).row_count == 2
    assert preview_next_export(ctx, SUPERVISOR) == 0


def test_summary_for_the_command_line(
    ctx: ServiceContext, store: FakeStore, units: list[str]
) -> None:
    assert "nothing to export" in export_finance(ctx, SUPERVISOR, io.BytesIO()).summary()
    put_decision(store, units[0])
    result = export_finance(ctx, SUPERVISOR, io.BytesIO())
    assert result.summary().startswith("batch FIN-20261102-0001: 1 row, sha256 ")
    assert str(result.audit_head) in result.summary()
