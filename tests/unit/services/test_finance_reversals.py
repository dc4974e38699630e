"""Issue 15, "Money" (SPEC §7.3 corrections), on the fakes through the real services: a
reopened and re-decided unit gives a reversal row then its new row, never a second payment;
the reopener cannot approve the new decision; an export target that cannot take the file is
refused before anything is marked, and a failure while writing marks nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline
from qc_station.domain.errors import PermissionDenied
from qc_station.domain.model import DecisionStatus, RmaLine
from qc_station.formats.finance_csv import COLUMNS, COLUMNS_V2, write_finance_csv
from qc_station.services import approval, finance, finance_files
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.finance import ExportTargetRefused, export_finance
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from qc_station.services.ports import ExportBatch
from tests.builders import INSPECTOR, INSPECTOR_2, SUPERVISOR, SUPERVISOR_2, make_rma, seed
from tests.fakes import FakeClock, FakeStore

LPN = "RMA-MONEY-1-1"
PHOTO = b"\xff\xd8\xff" + b"photo"


@pytest.fixture
def unit(store: FakeStore) -> str:
    seed(
        store,
        make_rma(
            "RMA-MONEY-1",
            delivery_date=date(2026, 10, 20),
            lines=[RmaLine(1, "SKU-X", "X", "electronics", "Acme", Decimal("99.00"), 1)],
        ),
    )
    return LPN


def decide(
    ctx: ServiceContext,
    clock: FakeClock,
    actor: Actor,
    grade: Grade = Grade.A,
    finding: Finding = Finding.NO_FAULT,
    override: Headline | None = None,
    approver: Actor = SUPERVISOR_2,
) -> None:
    clock.advance(minutes=1)
    checklist = {i.key: ChecklistAnswer.PASS for i in ctx.policy.checklist_for("electronics")}
    photos = tuple(PhotoInput(PHOTO + bytes([n]), clock.now(), f"{n}.jpg") for n in range(2))
    draft = InspectionDraft(
        LPN,
        grade,
        finding,
        checklist,
        photos=photos,
        override=override,
        override_reason="proof" if override else "",
    )
    view = submit_inspection(ctx, actor, draft)
    if view.status == DecisionStatus.PENDING:
        clock.advance(minutes=1)
        approval.approve(ctx, approver, LPN)


def reopen(ctx: ServiceContext, clock: FakeClock, actor: Actor = SUPERVISOR) -> None:
    clock.advance(minutes=1)
    approval.reopen(ctx, actor, LPN, "customer sent proof")


def export(ctx: ServiceContext) -> tuple[str | None, list[dict[str, str]], bytes]:
    out = io.BytesIO()
    result = export_finance(ctx, SUPERVISOR, out)
    text = out.getvalue().decode("utf-8-sig")
    return result.batch_id, list(csv.DictReader(io.StringIO(text, newline=""))), out.getvalue()


def test_reopened_and_redecided_unit_gets_a_reversal_then_its_new_row(
    ctx: ServiceContext, clock: FakeClock, unit: str
) -> None:
    decide(ctx, clock, INSPECTOR)  # 99.00, final at once
    first, rows1, bytes1 = export(ctx)
    reopen(ctx, clock)
    decide(ctx, clock, INSPECTOR_2, Grade.B)  # partial refund 89.10, approved by sam
    second, rows2, _ = export(ctx)

    assert [r["refund_amount"] for r in rows2] == ["-99.00", "89.10"]
    reversal, new = rows2
    assert reversal["reverses_batch"] == first and new["reverses_batch"] == ""
    assert reversal["export_batch_id"] == second
    # Everything but the batch id and the amounts is the exported row's.
    same = set(COLUMNS) - {"export_batch_id", "refund_amount", "recovery_amount"}
    assert {k: reversal[k] for k in same} == {k: rows1[0][k] for k in same}
    assert sum(Decimal(r["refund_amount"]) for r in rows1 + rows2) == Decimal("89.10")
    # The first batch still re-exports byte-identical, in its own format.
    again = io.BytesIO()
    finance.reexport_batch(ctx, SUPERVISOR, first or "", again)
    assert again.getvalue() == bytes1
    batches = {b.id: b for b in finance.list_batches(ctx, SUPERVISOR)}
    assert [(t.rows, t.refund_amount) for t in batches[second or ""].totals] == [
        (2, Decimal("-9.90"))
    ]


def test_reopened_several_times_between_exports_reverses_the_exported_decision_once(
    ctx: ServiceContext, clock: FakeClock, unit: str
) -> None:
    decide(ctx, clock, INSPECTOR)
    first, _, _ = export(ctx)
    for grade in (Grade.B, Grade.A, Grade.B):
        reopen(ctx, clock)
        decide(ctx, clock, INSPECTOR_2, grade)
    _, rows, _ = export(ctx)
    assert [(r["refund_amount"], r["reverses_batch"]) for r in rows] == [
        ("-99.00", first),
        ("89.10", ""),
    ]


def test_reversals_across_three_batches_name_the_batch_they_reverse(
    ctx: ServiceContext, clock: FakeClock, unit: str
) -> None:
    decide(ctx, clock, INSPECTOR)
    first, rows1, _ = export(ctx)
    reopen(ctx, clock)
    decide(ctx, clock, INSPECTOR_2, Grade.B)
    second, rows2, _ = export(ctx)
    reopen(ctx, clock, SUPERVISOR_2)
    decide(ctx, clock, INSPECTOR, Grade.A, approver=SUPERVISOR)
    _, rows3, _ = export(ctx)
    assert [(r["refund_amount"], r["reverses_batch"]) for r in rows3] == [
        ("-89.10", second),
        ("99.00", ""),
    ]
    assert sum(Decimal(r["refund_amount"]) for r in rows1 + rows2 + rows3) == Decimal("99.00")
    assert first != second


def test_a_new_decision_awaiting_approval_gives_no_row_and_no_reversal_yet(
    ctx: ServiceContext, clock: FakeClock, unit: str
) -> None:
    decide(ctx, clock, INSPECTOR)
    export(ctx)
    reopen(ctx, clock)
    clock.advance(minutes=1)
    checklist = {i.key: ChecklistAnswer.PASS for i in ctx.policy.checklist_for("electronics")}
    view = submit_inspection(
        ctx, INSPECTOR_2, InspectionDraft(LPN, Grade.A, Finding.NO_FAULT, checklist)
    )
    assert view.status == DecisionStatus.PENDING  # a reopened unit always needs approval
    assert "approval_reopened" in [r.code for r in view.approval_reasons]
    batch, rows, _ = export(ctx)
    assert (batch, rows) == (None, [])
    assert finance.preview_export(ctx, SUPERVISOR).row_count == 0


def test_the_reopener_cannot_approve_the_new_decision(
    ctx: ServiceContext, clock: FakeClock, unit: str
) -> None:
    decide(ctx, clock, INSPECTOR)
    reopen(ctx, clock, SUPERVISOR)
    checklist = {i.key: ChecklistAnswer.PASS for i in ctx.policy.checklist_for("electronics")}
    submit_inspection(ctx, INSPECTOR_2, InspectionDraft(LPN, Grade.A, Finding.NO_FAULT, checklist))
    with pytest.raises(
        PermissionDenied, match=r"You reopened unit .*: another supervisor must approve"
    ) as refused:
        approval.approve(ctx, SUPERVISOR, LPN)
    assert refused.value.params["reopened_by"] == "sofia"
    assert approval.approve(ctx, SUPERVISOR_2, LPN).status == DecisionStatus.FINAL


def test_a_zero_refund_decision_is_reversed_with_a_zero_row(
    ctx: ServiceContext, clock: FakeClock, unit: str
) -> None:
    decide(ctx, clock, INSPECTOR, override=Headline.DISPUTE)  # refund 0.00, approved by sam
    first, rows1, _ = export(ctx)
    assert rows1[0]["refund_amount"] == "0.00"
    reopen(ctx, clock)
    decide(ctx, clock, INSPECTOR_2)
    _, rows, _ = export(ctx)
    assert [(r["refund_amount"], r["reverses_batch"]) for r in rows] == [
        ("0.00", first),  # never "-0.00"
        ("99.00", ""),
    ]


def test_the_recovery_amount_is_negated_too(
    ctx: ServiceContext, clock: FakeClock, unit: str
) -> None:
    decide(ctx, clock, INSPECTOR, Grade.B, Finding.DEFECT)  # chargeback of 99.00
    _, rows1, _ = export(ctx)
    assert rows1[0]["recovery_amount"] == "99.00"
    reopen(ctx, clock)
    decide(ctx, clock, INSPECTOR_2)
    _, rows, _ = export(ctx)
    assert rows[0]["recovery"] == "SUPPLIER_CHARGEBACK"
    assert (rows[0]["refund_amount"], rows[0]["recovery_amount"]) == ("-99.00", "-99.00")
    assert rows[1]["recovery_amount"] == ""


def test_a_format_1_batch_re_exports_byte_identical_in_format_1(
    ctx: ServiceContext, clock: FakeClock, store: FakeStore, unit: str
) -> None:
    # A batch made before format 2: written, hashed and recorded as format 1.
    decide(ctx, clock, INSPECTOR)
    batch_id, _, _ = export(ctx)
    with ctx.uow() as uow:
        old = io.BytesIO()
        digest = write_finance_csv(uow.decisions.export_rows(batch_id or ""), old, version=1)
    recorded = store.data.exports[batch_id or ""]
    store.data.exports[recorded.id] = ExportBatch(
        recorded.id,
        recorded.created_at,
        recorded.created_by,
        recorded.station,
        digest.rows,
        digest.sha256,
        recorded.audit_head,
        format_version=1,
    )
    # A later correction of the same unit does not change it.
    reopen(ctx, clock)
    decide(ctx, clock, INSPECTOR_2, Grade.B)
    export(ctx)
    again = io.BytesIO()
    finance.reexport_batch(ctx, SUPERVISOR, recorded.id, again)
    assert again.getvalue() == old.getvalue()
    assert again.getvalue().decode("utf-8-sig").startswith(",".join(COLUMNS) + "\r\n")


# --- export targets (issue 15: "-o EXISTING_DIR marked 68 decisions and wrote no file") -----


def _nothing_marked(ctx: ServiceContext, store: FakeStore) -> None:
    assert store.data.exports == {}
    assert finance.preview_next_export(ctx, SUPERVISOR) == 1


@pytest.mark.parametrize("kind", ["folder", "symlink", "dangling_symlink", "missing_parent"])
def test_a_target_that_cannot_take_the_file_is_refused_before_anything_is_marked(
    ctx: ServiceContext, clock: FakeClock, store: FakeStore, unit: str, tmp_path: Path, kind: str
) -> None:
    decide(ctx, clock, INSPECTOR)
    target = tmp_path / "finance.csv"
    if kind == "folder":
        target.mkdir()
    elif kind == "symlink":
        (tmp_path / "elsewhere.csv").write_bytes(b"someone else's")
        target.symlink_to(tmp_path / "elsewhere.csv")
    elif kind == "dangling_symlink":
        target.symlink_to(tmp_path / "nowhere.csv")
    else:
        target = tmp_path / "no-such-folder" / "finance.csv"
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(ExportTargetRefused, match="nothing was exported"):
        finance.export_finance_to_file(ctx, SUPERVISOR, target)
    _nothing_marked(ctx, store)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    if kind == "symlink":
        assert (tmp_path / "elsewhere.csv").read_bytes() == b"someone else's"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX, not root")
def test_an_unwritable_folder_is_refused_before_anything_is_marked(
    ctx: ServiceContext, clock: FakeClock, store: FakeStore, unit: str, tmp_path: Path
) -> None:
    decide(ctx, clock, INSPECTOR)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportTargetRefused, match="not writable"):
            finance.export_finance_to_file(ctx, SUPERVISOR, folder / "finance.csv")
    finally:
        folder.chmod(0o700)
    _nothing_marked(ctx, store)


def test_a_failure_flushing_the_file_to_disk_marks_nothing(
    ctx: ServiceContext,
    clock: FakeClock,
    store: FakeStore,
    unit: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    decide(ctx, clock, INSPECTOR)

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(finance_files.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        finance.export_finance_to_file(ctx, SUPERVISOR, tmp_path / "finance.csv")
    _nothing_marked(ctx, store)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_planted_at_the_target_while_writing_marks_nothing(
    ctx: ServiceContext,
    clock: FakeClock,
    store: FakeStore,
    unit: str,
    tmp_path: Path,
) -> None:
    decide(ctx, clock, INSPECTOR)
    target = tmp_path / "finance.csv"

    def plant(rows: int) -> None:
        target.mkdir(exist_ok=True)

    with pytest.raises(ExportTargetRefused):
        finance.export_finance_to_file(ctx, SUPERVISOR, target, progress=plant)
    _nothing_marked(ctx, store)
    assert [p.name for p in tmp_path.iterdir()] == ["finance.csv"] and target.is_dir()


def test_new_batches_are_format_2_and_a_good_target_gets_the_file(
    ctx: ServiceContext, clock: FakeClock, store: FakeStore, unit: str, tmp_path: Path
) -> None:
    decide(ctx, clock, INSPECTOR)
    target = tmp_path / "finance.csv"
    result = finance.export_finance_to_file(ctx, SUPERVISOR, target)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == result.sha256
    assert store.data.exports[result.batch_id or ""].format_version == 2
    assert target.read_bytes().decode("utf-8-sig").startswith(",".join(COLUMNS_V2) + "\r\n")


def test_the_screen_leaves_an_existing_file_alone_when_nothing_is_waiting(
    ctx: ServiceContext, unit: str, tmp_path: Path
) -> None:
    target = tmp_path / "finance.csv"
    target.write_bytes(b"yesterday's file")
    result = finance.export_finance_to_file(ctx, SUPERVISOR, target, write_empty=False)
    assert result.batch_id is None
    assert target.read_bytes() == b"yesterday's file"
    assert [p.name for p in tmp_path.iterdir()] == ["finance.csv"]
