"""The supervisor's services on the fakes: four eyes and roles, the queue and bulk approval of
plain cases, disputes (opened by approval, each step audited, withdrawn by a reopening), the
deadlines work list with a fixed clock, and stale claims."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from qc_station.domain.deadlines import DeadlineStatus
from qc_station.domain.dispute import DisputeState
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Resolution, UnitState
from qc_station.domain.errors import Conflict, InvalidTransition, PermissionDenied, ValidationError
from qc_station.domain.model import RmaLine
from qc_station.services import approval, deadlines, disputes, finance, returns
from qc_station.services.audit import verify
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from tests.builders import ADMIN, INSPECTOR, INSPECTOR_2, SUPERVISOR, SUPERVISOR_2, make_rma, seed
from tests.fakes import FakeClock, FakeStore

ALL_PASS = {
    key: ChecklistAnswer.PASS
    for key in ("powers_on", "screen_intact", "accessories_present", "serial_matches")
} | {"no_liquid_damage": ChecklistAnswer.PASS}
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _line(price: str) -> list[RmaLine]:
    return [RmaLine(1, "SKU-1", "无线蓝牙耳机 Headset", "electronics", "Acme", Decimal(price), 1)]


@pytest.fixture(autouse=True)
def rmas(store: FakeStore) -> None:
    seed(
        store,
        make_rma("RMA-CHEAP", lines=_line("99.00")),  # grade B → PARTIAL_REFUND
        make_rma("RMA-BIG", lines=_line("250.00")),  # grade A → full refund over the threshold
        make_rma("RMA-BIG2", lines=_line("300.00")),
        make_rma("RMA-WRONG", lines=_line("80.00")),  # WRONG_ITEM → DISPUTE
    )


def decide(
    ctx: ServiceContext,
    lpn: str,
    grade: Grade = Grade.A,
    finding: Finding = Finding.NO_FAULT,
    actor: Actor = INSPECTOR,
    photos: int = 0,
    **answers: ChecklistAnswer,
) -> None:
    submit_inspection(
        ctx,
        actor,
        InspectionDraft(
            lpn=lpn,
            grade=grade,
            finding=finding,
            checklist=ALL_PASS | answers,
            photos=tuple(PhotoInput(JPEG + bytes([n]), T0, f"p{n}.jpg") for n in range(photos)),
        ),
    )


class TestFourEyesAndRoles:
    def test_partial_refund_needs_another_supervisor(self, ctx: ServiceContext) -> None:
        decide(ctx, "RMA-CHEAP-1", Grade.B, actor=SUPERVISOR)
        with pytest.raises(PermissionDenied, match="four eyes"):
            approval.approve(ctx, SUPERVISOR, "RMA-CHEAP-1")
        with pytest.raises(PermissionDenied, match="may not approve"):
            approval.approve(ctx, INSPECTOR, "RMA-CHEAP-1")
        done = approval.approve(ctx, SUPERVISOR_2, "RMA-CHEAP-1", "ok")
        assert done.final.resolution == Resolution.PARTIAL_REFUND
        assert done.approved_by == "sam" and done.refund_due_at == T0 + timedelta(hours=48)

    @pytest.mark.parametrize(
        "call",
        [
            lambda ctx: approval.approval_queue(ctx, INSPECTOR),
            lambda ctx: approval.approve_many(ctx, INSPECTOR, ["RMA-BIG-1"]),
            lambda ctx: deadlines.work_list(ctx, INSPECTOR),
            lambda ctx: deadlines.stale_claims(ctx, INSPECTOR),
            lambda ctx: disputes.list_disputes(ctx, INSPECTOR),
            lambda ctx: disputes.send_evidence(ctx, INSPECTOR, "x"),
            lambda ctx: disputes.close_dispute(ctx, INSPECTOR, "x", DisputeState.LOST),
            lambda ctx: approval.reopen(ctx, INSPECTOR, "RMA-BIG-1", "why"),
        ],
    )
    def test_an_inspector_is_refused_by_every_supervisor_service(
        self, ctx: ServiceContext, call: object
    ) -> None:
        assert callable(call)
        with pytest.raises(PermissionDenied):
            call(ctx)


class TestQueueAndBulk:
    def test_the_queue_says_why_each_waits_and_which_are_plain(self, ctx: ServiceContext) -> None:
        decide(ctx, "RMA-BIG-1")
        decide(ctx, "RMA-CHEAP-1", Grade.B, actor=INSPECTOR_2)
        items = {i.lpn: i for i in approval.approval_queue(ctx, SUPERVISOR)}
        big, cheap = items["RMA-BIG-1"], items["RMA-CHEAP-1"]
        assert (
            big.plain and big.product_name == "无线蓝牙耳机 Headset" and big.rma_code == "RMA-BIG"
        )
        assert [r.code for r in big.decision.approval_reasons] == ["approval_threshold"]
        assert big.inspection is not None and big.inspection.grade == Grade.A
        assert dict(big.inspection.checklist)["powers_on"] == ChecklistAnswer.PASS
        assert not cheap.plain
        assert [p.code for p in cheap.plain_problems] == ["not_plain_reasons"]
        assert "Partial refund" in cheap.plain_problems[0].text

    def test_bulk_approves_plain_cases_and_refuses_the_rest_with_reasons(
        self, ctx: ServiceContext, store: FakeStore
    ) -> None:
        decide(ctx, "RMA-BIG-1")
        decide(ctx, "RMA-BIG2-1", actor=SUPERVISOR)  # the approver's own decision
        decide(ctx, "RMA-CHEAP-1", Grade.B)
        result = approval.approve_many(
            ctx,
            SUPERVISOR,
            ["RMA-BIG-1", "RMA-BIG2-1", "RMA-CHEAP-1", "RMA-NOPE-1", "RMA-BIG-1"],
            "bulk",
        )
        assert [d.lpn for d in result.approved] == ["RMA-BIG-1"]
        assert result.approved[0].approval_comment == "bulk"
        refused = {r.lpn: r for r in result.refused}
        assert refused["RMA-BIG2-1"].code == "permission_denied"
        assert "four eyes" in refused["RMA-BIG2-1"].message
        assert refused["RMA-BIG2-1"].message_code == "approval.decider_may_not_approve"
        assert refused["RMA-BIG2-1"].params["user"] == SUPERVISOR.username
        assert refused["RMA-CHEAP-1"].code == "not_plain"
        assert "Partial refund" in refused["RMA-CHEAP-1"].message
        assert refused["RMA-NOPE-1"].code == "not_found"
        with store.uow() as uow:
            states = {
                lpn: uow.rmas.get_by_lpn(lpn).unit(lpn).state  # type: ignore[union-attr]
                for lpn in ("RMA-BIG-1", "RMA-BIG2-1", "RMA-CHEAP-1")
            }
        assert states == {
            "RMA-BIG-1": UnitState.DECIDED,
            "RMA-BIG2-1": UnitState.AWAITING_APPROVAL,
            "RMA-CHEAP-1": UnitState.AWAITING_APPROVAL,
        }

    def test_a_contradiction_or_an_earlier_rejection_is_not_plain(
        self, ctx: ServiceContext
    ) -> None:
        decide(ctx, "RMA-BIG-1", powers_on=ChecklistAnswer.FAIL)
        decide(ctx, "RMA-BIG2-1")
        approval.reject(ctx, SUPERVISOR, "RMA-BIG2-1", "check the serial again")
        decide(ctx, "RMA-BIG2-1")
        items = {i.lpn: i for i in approval.approval_queue(ctx, SUPERVISOR)}
        assert [p.code for p in items["RMA-BIG-1"].plain_problems] == ["not_plain_contradiction"]
        assert [p.code for p in items["RMA-BIG2-1"].plain_problems] == ["not_plain_rejected_before"]
        assert items["RMA-BIG2-1"].rejections[0].approval_comment == "check the serial again"
        result = approval.approve_many(ctx, SUPERVISOR, ["RMA-BIG-1", "RMA-BIG2-1"])
        assert result.approved == () and len(result.refused) == 2

    def test_a_failed_commit_on_one_unit_keeps_the_others(
        self, ctx: ServiceContext, store: FakeStore
    ) -> None:
        decide(ctx, "RMA-BIG-1")
        decide(ctx, "RMA-BIG2-1")
        store.fail_next_commit = True
        with pytest.raises(OSError, match="disk full"):
            approval.approve_many(ctx, SUPERVISOR, ["RMA-BIG-1", "RMA-BIG2-1"])
        # An unexpected failure stops the run; nothing half-done is stored, and a retry works.
        again = approval.approve_many(ctx, SUPERVISOR, ["RMA-BIG-1", "RMA-BIG2-1"])
        assert [d.lpn for d in again.approved] == ["RMA-BIG-1", "RMA-BIG2-1"]


class TestDisputes:
    def _disputed(self, ctx: ServiceContext, clock: FakeClock) -> str:
        decide(ctx, "RMA-WRONG-1", Grade.A, Finding.WRONG_ITEM, photos=2)
        clock.advance(hours=1)
        decision = approval.approve(ctx, SUPERVISOR, "RMA-WRONG-1")
        assert decision.final.resolution == Resolution.DISPUTE
        (dispute,) = disputes.list_disputes(ctx, SUPERVISOR)
        return dispute.id

    def test_approval_opens_the_dispute_with_its_evidence_deadline(
        self, ctx: ServiceContext, clock: FakeClock
    ) -> None:
        self._disputed(ctx, clock)
        (dispute,) = disputes.list_disputes(ctx, SUPERVISOR)
        assert dispute.state == DisputeState.OPEN and dispute.lpn == "RMA-WRONG-1"
        assert dispute.evidence_due_at == T0 + timedelta(hours=1 + 48)
        assert dispute.disputed_amount == Decimal("80.00") and dispute.currency == "USD"
        assert dispute.product_name == "无线蓝牙耳机 Headset"
        assert dispute.deadline == DeadlineStatus.ON_TRACK

    def test_each_step_is_audited_and_settled_needs_an_amount(
        self, ctx: ServiceContext, clock: FakeClock, store: FakeStore
    ) -> None:
        dispute_id = self._disputed(ctx, clock)
        sent = disputes.send_evidence(ctx, SUPERVISOR, dispute_id, "pack #12 sent")
        assert sent.state == DisputeState.EVIDENCE_SENT and sent.deadline is None
        with pytest.raises(ValidationError, match="needs the amount"):
            disputes.close_dispute(ctx, SUPERVISOR_2, dispute_id, DisputeState.SETTLED)
        closed = disputes.close_dispute(
            ctx, SUPERVISOR_2, dispute_id, DisputeState.SETTLED, "half", Decimal("40.00")
        )
        assert closed.state == DisputeState.SETTLED and closed.settled_amount == Decimal("40.00")
        assert disputes.list_disputes(ctx, SUPERVISOR) == []
        assert [d.id for d in disputes.list_disputes(ctx, SUPERVISOR, include_closed=True)] == [
            dispute_id
        ]
        events = [(e.actor, e.action) for e in store.data.audit if e.entity == "dispute"]
        assert events == [("sofia", "open"), ("sofia", "send_evidence"), ("sam", "settle")]
        settle = next(e for e in store.data.audit if e.action == "settle")
        assert settle.new == {
            "state": "settled",
            "note": "half",
            "settled_amount": "40.00",
            "currency": "USD",
        }
        assert verify(ctx).ok

    def test_a_stale_screen_is_refused(self, ctx: ServiceContext, clock: FakeClock) -> None:
        dispute_id = self._disputed(ctx, clock)
        (shown,) = disputes.list_disputes(ctx, SUPERVISOR)
        disputes.send_evidence(ctx, SUPERVISOR_2, dispute_id, version=shown.version)
        with pytest.raises(Conflict, match="changed since it was shown"):
            disputes.close_dispute(
                ctx, SUPERVISOR, dispute_id, DisputeState.LOST, version=shown.version
            )
        with pytest.raises(InvalidTransition):
            disputes.send_evidence(ctx, SUPERVISOR, dispute_id)

    def test_reopening_withdraws_the_dispute(
        self, ctx: ServiceContext, clock: FakeClock, store: FakeStore
    ) -> None:
        dispute_id = self._disputed(ctx, clock)
        approval.reopen(ctx, ADMIN, "RMA-WRONG-1", "serial was misread")
        assert disputes.list_disputes(ctx, SUPERVISOR) == []
        (gone,) = disputes.list_disputes(ctx, SUPERVISOR, include_closed=True)
        assert gone.id == dispute_id and gone.state == DisputeState.WITHDRAWN
        assert gone.close_note == "serial was misread" and gone.closed_by == "ada"
        assert verify(ctx).ok


class TestDeadlines:
    def test_refund_and_evidence_deadlines_with_a_fixed_clock(
        self, ctx: ServiceContext, clock: FakeClock, tmp_path: Path
    ) -> None:
        decide(ctx, "RMA-CHEAP-1", Grade.B)  # pending: no deadline yet
        decide(ctx, "RMA-WRONG-1", Grade.A, Finding.WRONG_ITEM, photos=2)
        assert deadlines.work_list(ctx, SUPERVISOR) == []
        approval.approve(ctx, SUPERVISOR, "RMA-CHEAP-1")  # refund due T0 + 48 h
        clock.advance(hours=2)
        approval.approve(ctx, SUPERVISOR, "RMA-WRONG-1")  # evidence due T0 + 50 h

        items = deadlines.work_list(ctx, SUPERVISOR)
        assert [(i.kind, i.lpn, i.due_at, i.status) for i in items] == [
            ("refund", "RMA-CHEAP-1", T0 + timedelta(hours=48), DeadlineStatus.ON_TRACK),
            ("dispute_evidence", "RMA-WRONG-1", T0 + timedelta(hours=50), DeadlineStatus.ON_TRACK),
        ]
        assert items[0].amount == Decimal("89.10") and items[0].responsible == "sofia"
        assert items[1].dispute_id is not None and items[1].product_name == "无线蓝牙耳机 Headset"

        clock.current = T0 + timedelta(hours=45)
        assert [i.status for i in deadlines.work_list(ctx, SUPERVISOR)] == [
            DeadlineStatus.DUE_SOON,
            DeadlineStatus.ON_TRACK,
        ]
        clock.current = T0 + timedelta(hours=49)
        assert [i.status for i in deadlines.work_list(ctx, SUPERVISOR)] == [
            DeadlineStatus.OVERDUE,
            DeadlineStatus.DUE_SOON,
        ]
        # The evidence going out and the refund going to finance take them off the list.
        disputes.send_evidence(ctx, SUPERVISOR, items[1].dispute_id or "")
        assert [i.lpn for i in deadlines.work_list(ctx, SUPERVISOR)] == ["RMA-CHEAP-1"]
        out = tmp_path / "finance.csv"
        finance.export_finance_to_file(ctx, SUPERVISOR, out)
        assert out.exists()
        assert deadlines.work_list(ctx, SUPERVISOR) == []

    def test_stale_claims_and_their_release(self, ctx: ServiceContext, clock: FakeClock) -> None:
        returns.claim_unit(ctx, INSPECTOR, "RMA-BIG-1")
        clock.advance(minutes=20)
        returns.claim_unit(ctx, INSPECTOR_2, "RMA-BIG2-1")
        clock.advance(minutes=15)
        stale = deadlines.stale_claims(ctx, SUPERVISOR)
        assert [(c.lpn, c.station, c.user, c.since) for c in stale] == [
            ("RMA-BIG-1", "ST-01", "ines", T0)
        ]
        assert stale[0].held_for == timedelta(minutes=35)
        assert stale[0].product_name == "无线蓝牙耳机 Headset"
        both = deadlines.stale_claims(ctx, SUPERVISOR, timedelta(minutes=10))
        assert [c.lpn for c in both] == ["RMA-BIG-1", "RMA-BIG2-1"]
        with pytest.raises(ValidationError):
            deadlines.stale_claims(ctx, SUPERVISOR, timedelta(minutes=-1))
        returns.release_claim(ctx, SUPERVISOR, "RMA-BIG-1", "station ST-01 went home")
        assert [c.lpn for c in deadlines.stale_claims(ctx, SUPERVISOR)] == []
