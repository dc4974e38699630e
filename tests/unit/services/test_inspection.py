"""Recording inspections and decisions, and the approval that follows, on the fakes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from qc_station.domain.decision import Proposal
from qc_station.domain.enums import (
    ChecklistAnswer,
    Finding,
    Grade,
    Headline,
    Resolution,
    UnitState,
)
from qc_station.domain.errors import (
    Conflict,
    ContradictoryInspection,
    EvidenceMissing,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from qc_station.domain.model import DecisionStatus
from qc_station.services import approval, returns
from qc_station.services.audit import verify
from qc_station.services.context import ServiceContext
from qc_station.services.inspection import (
    InspectionDraft,
    PhotoInput,
    latest_rejection,
    preview,
    submit_inspection,
)
from tests.builders import INSPECTOR, INSPECTOR_2, SUPERVISOR, SUPERVISOR_2, make_rma, seed
from tests.fakes import FakeClock, FakeStore

LPN = "RMA-2026-000123-1"
ALL_PASS = {
    key: ChecklistAnswer.PASS
    for key in (
        "powers_on",
        "screen_intact",
        "accessories_present",
        "serial_matches",
        "no_liquid_damage",
    )
}
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def photo(n: int = 0) -> PhotoInput:
    return PhotoInput(JPEG + bytes([n]), datetime(2026, 11, 2, 9, 5, n, tzinfo=UTC), f"p{n}.jpg")


def draft(
    grade: Grade = Grade.A, finding: Finding = Finding.NO_FAULT, photos: int = 0, **more: object
) -> InspectionDraft:
    """A draft with ``photos`` good photos; ``photo_list=`` gives the photos themselves."""
    values: dict[str, object] = {
        "lpn": LPN,
        "grade": grade,
        "finding": finding,
        "checklist": ALL_PASS,
        "photos": more.pop("photo_list", None) or tuple(photo(i) for i in range(photos)),
    }
    values.update(more)
    return InspectionDraft(**values)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def one_rma(store: FakeStore) -> None:
    seed(store, make_rma())


class TestSubmit:
    def test_grade_a_no_fault_restocks_without_approval(
        self, ctx: ServiceContext, store: FakeStore
    ) -> None:
        decision = submit_inspection(ctx, INSPECTOR, draft())
        assert decision.final.headline == Headline.RESTOCK
        assert decision.status == DecisionStatus.FINAL
        assert decision.refund_due_at == datetime(2026, 11, 4, 9, 0, tzinfo=UTC)
        assert decision.policy_hash == ctx.policy.hash
        view = returns.find(ctx, LPN)
        assert view.units[0].state == UnitState.DECIDED
        assert view.units[0].claimed_station is None
        assert store.data.policies[ctx.policy.hash] == ctx.policy.source_text
        assert [e.action for e in store.data.audit] == ["record", "decide", "transition"]
        assert verify(ctx).ok

    def test_photos_are_stored_by_content_hash(self, ctx: ServiceContext, store: FakeStore) -> None:
        submit_inspection(ctx, INSPECTOR, draft(Grade.C, Finding.DEFECT, photos=2))
        inspection = next(iter(store.data.inspections.values()))
        assert all(ctx.photos.exists(p.sha256) for p in inspection.photos)
        assert [p.original_name for p in inspection.photos] == ["p0.jpg", "p1.jpg"]

    def test_partial_refund_waits_for_approval(self, ctx: ServiceContext) -> None:
        decision = submit_inspection(ctx, INSPECTOR, draft(Grade.B))
        assert decision.final.resolution == Resolution.PARTIAL_REFUND
        assert decision.status == DecisionStatus.PENDING
        assert decision.refund_due_at is None
        assert returns.find(ctx, LPN).units[0].state == UnitState.AWAITING_APPROVAL

    def test_too_few_photos_says_how_many_more_and_changes_nothing(
        self, ctx: ServiceContext, store: FakeStore
    ) -> None:
        with pytest.raises(EvidenceMissing, match=r"1 more photo\(s\) needed"):
            submit_inspection(ctx, INSPECTOR, draft(Grade.C, Finding.DEFECT, photos=1))
        assert not store.data.decisions and not store.data.audit
        assert returns.find(ctx, LPN).units[0].state == UnitState.EXPECTED

    def test_contradictory_grade_and_finding(self, ctx: ServiceContext) -> None:
        with pytest.raises(ContradictoryInspection):
            submit_inspection(ctx, INSPECTOR, draft(Grade.A, Finding.CUSTOMER_DAMAGE, photos=2))

    def test_required_checklist_items_must_be_answered(self, ctx: ServiceContext) -> None:
        answers = dict(ALL_PASS)
        del answers["powers_on"]
        answers["made_up"] = ChecklistAnswer.NA
        with pytest.raises(
            ValidationError,
            match=r"Unknown checklist item\(s\): made_up; .*not answered: powers_on",
        ):
            submit_inspection(ctx, INSPECTOR, draft(checklist=answers))

    def test_a_second_decision_on_a_decided_unit_is_refused(self, ctx: ServiceContext) -> None:
        submit_inspection(ctx, INSPECTOR, draft())
        with pytest.raises(InvalidTransition, match="cannot"):
            submit_inspection(ctx, INSPECTOR, draft())
        with pytest.raises(InvalidTransition, match=r"already decided .*RESTOCK by ines"):
            returns.claim_unit(ctx, INSPECTOR, LPN)

    def test_unit_held_by_another_station_is_refused(self, ctx: ServiceContext) -> None:
        returns.claim_unit(ctx, INSPECTOR_2, LPN)
        with pytest.raises(Conflict, match="ST-02"):
            submit_inspection(ctx, INSPECTOR, draft())

    def test_resubmitting_the_same_draft_stores_it_once(
        self, ctx: ServiceContext, store: FakeStore
    ) -> None:
        once = draft()
        first = submit_inspection(ctx, INSPECTOR, once)
        again = submit_inspection(ctx, INSPECTOR, once)
        assert again.id == first.id
        assert len(store.data.decisions) == 1 and len(store.data.inspections) == 1

    def test_unknown_lpn(self, ctx: ServiceContext) -> None:
        with pytest.raises(ValidationError, match="Unknown LPN RMA-9-1"):
            submit_inspection(ctx, INSPECTOR, draft(lpn="RMA-9-1"))

    @pytest.mark.parametrize(
        ("bad", "message"),
        [
            (PhotoInput(b"GIF89a....", datetime(2026, 11, 2, tzinfo=UTC)), "not a JPEG or PNG"),
            (PhotoInput(JPEG, datetime(2026, 11, 2)), "no time zone"),
        ],
    )
    def test_bad_photos(self, ctx: ServiceContext, bad: PhotoInput, message: str) -> None:
        with pytest.raises(ValidationError, match=message):
            submit_inspection(ctx, INSPECTOR, draft(photo_list=(bad,)))

    def test_override_needs_a_reason_and_approval(self, ctx: ServiceContext) -> None:
        with pytest.raises(ValidationError, match="written reason"):
            submit_inspection(ctx, INSPECTOR, draft(Grade.B, override=Headline.REFUND))
        decision = submit_inspection(
            ctx,
            INSPECTOR,
            draft(Grade.B, override=Headline.REFUND, override_reason="loyal customer, box only"),
        )
        assert decision.overridden and decision.final.refund_amount == Decimal("99.00")
        assert decision.proposed.refund_amount == Decimal("89.10")
        assert "approval_override" in {r.code for r in decision.approval_reasons}

    def test_an_inspector_in_the_wrong_role_is_refused(self, ctx: ServiceContext) -> None:
        with pytest.raises(PermissionDenied):
            approval.approve(ctx, INSPECTOR_2, LPN)


class TestPreview:
    def test_updates_without_touching_the_database(
        self, ctx: ServiceContext, store: FakeStore
    ) -> None:
        view = returns.find(ctx, LPN)
        commits = store.commits
        assert (
            preview(ctx.policy, view, LPN, Grade.A, Finding.NO_FAULT, 0).outcome.headline
            == Headline.RESTOCK
        )
        shortfall = preview(ctx.policy, view, LPN, Grade.C, Finding.DEFECT, 0)
        assert shortfall.photos_missing == 2
        overridden = preview(ctx.policy, view, LPN, Grade.C, Finding.NO_FAULT, 1, Headline.DISPUTE)
        assert overridden.outcome.headline == Headline.DISPUTE and overridden.overridden
        assert store.commits == commits

    def test_an_unwritten_override_reason_is_in_the_callers_words(
        self, ctx: ServiceContext
    ) -> None:
        view = returns.find(ctx, LPN)
        grade, finding, dispute = Grade.C, Finding.NO_FAULT, Headline.DISPUTE

        def override_params(proposal: Proposal) -> dict[str, object]:
            return next(r.params for r in proposal.reasons if r.code == "override")

        # The command line's English by default; a screen passes its own language's words.
        english = preview(ctx.policy, view, LPN, grade, finding, 1, dispute)
        assert override_params(english)["reason"] == "(reason to be written)"
        chinese = preview(
            ctx.policy,
            view,
            LPN,
            grade,
            finding,
            1,
            dispute,
            " ",
            unwritten_reason="（待填写原因）",
        )
        assert override_params(chinese)["reason"] == "（待填写原因）"
        written = preview(
            ctx.policy, view, LPN, grade, finding, 1, dispute, "box crushed", unwritten_reason="x"
        )
        assert override_params(written)["reason"] == "box crushed"


class TestApproval:
    @pytest.fixture
    def pending(self, ctx: ServiceContext) -> None:
        submit_inspection(ctx, INSPECTOR, draft(Grade.B))

    @pytest.mark.usefixtures("pending")
    def test_supervisor_approves_and_deadlines_start(
        self, ctx: ServiceContext, clock: FakeClock
    ) -> None:
        clock.advance(hours=3)
        decision = approval.approve(ctx, SUPERVISOR, LPN, "ok")
        assert decision.status == DecisionStatus.FINAL
        assert decision.approved_by == "sofia"
        assert decision.refund_due_at == clock.now() + timedelta(hours=48)
        assert returns.find(ctx, LPN).units[0].state == UnitState.DECIDED
        assert verify(ctx).ok

    @pytest.mark.usefixtures("pending")
    def test_queue_lists_it_with_its_reasons(self, ctx: ServiceContext) -> None:
        queue = approval.pending_approvals(ctx, SUPERVISOR)
        assert [d.lpn for d in queue] == [LPN]
        assert queue[0].approval_reasons[0].code == "approval_resolution"

    def test_the_deciding_user_cannot_approve_even_as_supervisor(self, ctx: ServiceContext) -> None:
        submit_inspection(ctx, SUPERVISOR, draft(Grade.B))
        with pytest.raises(PermissionDenied, match="four eyes"):
            approval.approve(ctx, SUPERVISOR, LPN)
        assert approval.approve(ctx, SUPERVISOR_2, LPN).status == DecisionStatus.FINAL

    @pytest.mark.usefixtures("pending")
    def test_rejection_returns_the_unit_with_the_comment(self, ctx: ServiceContext) -> None:
        with pytest.raises(ValidationError, match="needs a comment"):
            approval.reject(ctx, SUPERVISOR, LPN, "")
        approval.reject(ctx, SUPERVISOR, LPN, "photo of the scratch please")
        assert returns.find(ctx, LPN).units[0].state == UnitState.IN_INSPECTION
        rejected = latest_rejection(ctx, LPN)
        assert rejected is not None and rejected.approval_comment == "photo of the scratch please"
        decision = submit_inspection(ctx, INSPECTOR, draft(Grade.A))
        assert decision.status == DecisionStatus.FINAL
        assert latest_rejection(ctx, LPN) is None

    def test_approving_a_unit_not_awaiting_approval(self, ctx: ServiceContext) -> None:
        with pytest.raises(InvalidTransition, match="not awaiting approval"):
            approval.approve(ctx, SUPERVISOR, LPN)
        with pytest.raises(NotFound):
            approval.approve(ctx, SUPERVISOR, "RMA-404-1")

    def test_reopen_supersedes_the_decision(self, ctx: ServiceContext, store: FakeStore) -> None:
        first = submit_inspection(ctx, INSPECTOR, draft())
        with pytest.raises(PermissionDenied):
            approval.reopen(ctx, INSPECTOR, LPN, "wrong grade")
        with pytest.raises(ValidationError, match="needs a reason"):
            approval.reopen(ctx, SUPERVISOR, LPN, "")
        approval.reopen(ctx, SUPERVISOR, LPN, "customer sent photos of damage")
        assert store.data.decisions[first.id].status == DecisionStatus.SUPERSEDED
        assert returns.find(ctx, LPN).units[0].state == UnitState.IN_INSPECTION
        second = submit_inspection(ctx, INSPECTOR, draft(Grade.C, Finding.NO_FAULT, photos=1))
        assert second.final.resolution == Resolution.PARTIAL_REFUND
        assert verify(ctx).ok

    def test_an_unknown_window_needs_approval(self, ctx: ServiceContext, store: FakeStore) -> None:
        seed(
            store,
            make_rma(
                "RMA-NODATES", order_date=None, delivery_date=None, request_date=date(2026, 10, 20)
            ),
        )
        decision = submit_inspection(ctx, INSPECTOR, draft(lpn="RMA-NODATES-1"))
        assert [r.code for r in decision.approval_reasons] == ["approval_window_unknown"]


def test_every_transition_is_audited_from_the_state_it_left(
    ctx: ServiceContext, store: FakeStore
) -> None:
    submit_inspection(ctx, INSPECTOR, draft(Grade.B))  # expected -> awaiting_approval
    approval.reject(ctx, SUPERVISOR, LPN, "closer photo")  # -> in_inspection
    submit_inspection(ctx, INSPECTOR, draft(Grade.A))  # in_inspection -> decided
    approval.reopen(ctx, SUPERVISOR, LPN, "wrong grade")  # -> in_inspection
    moves = [
        (e.action, e.old["state"], e.new["state"])  # type: ignore[index]
        for e in store.data.audit
        if e.entity == "unit"
    ]
    assert moves == [
        ("transition", "expected", "awaiting_approval"),
        ("transition", "awaiting_approval", "in_inspection"),
        ("transition", "in_inspection", "decided"),
        ("reopen", "decided", "in_inspection"),
    ]
    assert verify(ctx).ok
