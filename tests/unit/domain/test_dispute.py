"""The dispute's life (open → evidence sent → won / lost / settled), deadline status and the
plain-case rule, as pure domain logic."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from qc_station.domain.deadlines import DUE_SOON, DeadlineStatus, deadline_status
from qc_station.domain.dispute import (
    CLOSED_STATES,
    DISPUTE_TRANSITIONS,
    Dispute,
    DisputeState,
    check_settlement,
)
from qc_station.domain.enums import (
    ChecklistAnswer,
    Disposition,
    Finding,
    Grade,
    Headline,
    Resolution,
)
from qc_station.domain.errors import InvalidTransition, ValidationError
from qc_station.domain.model import Decision, DecisionStatus, Inspection
from qc_station.domain.outcome import Outcome, Reason
from qc_station.domain.plain_case import plain_case_problems

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
S = DisputeState


def dispute(currency: str = "USD", amount: str = "99.00") -> Dispute:
    return Dispute("d-1", "RMA-1-1", "dec-1", currency, Decimal(amount), T0, "sam", T0)


class TestTransitions:
    def test_the_usual_course_evidence_then_won(self) -> None:
        d = dispute()
        assert d.send_evidence("sam", T0, " pack sent to Amazon ") == "send_evidence"
        assert (d.state, d.evidence_sent_by, d.evidence_note) == (
            S.EVIDENCE_SENT,
            "sam",
            "pack sent to Amazon",
        )
        assert d.close(S.WON, "sofia", T0 + timedelta(days=3)) == "win"
        assert d.closed and d.closed_by == "sofia" and d.settled_amount is None

    def test_settled_needs_an_amount_in_the_currency(self) -> None:
        d = dispute()
        with pytest.raises(ValidationError, match="needs the amount"):
            d.close(S.SETTLED, "sam", T0)
        assert d.state == S.OPEN  # nothing changed by a refused step
        assert d.close(S.SETTLED, "sam", T0, "half", Decimal("49.50")) == "settle"
        assert d.settled_amount == Decimal("49.50")

    @pytest.mark.parametrize(
        ("amount", "message"),
        [
            ("0", "more than 0"),
            ("-1", "more than 0"),
            ("12.345", "more decimals than USD allows"),
            ("99.01", "more than the disputed"),
        ],
    )
    def test_bad_settlements_are_refused_clearly(self, amount: str, message: str) -> None:
        with pytest.raises(ValidationError, match=message):
            dispute().close(S.SETTLED, "sam", T0, amount=Decimal(amount))

    def test_yen_have_no_minor_unit(self) -> None:
        assert check_settlement(Decimal("1200"), "JPY", Decimal(5000)) == Decimal(1200)
        with pytest.raises(ValidationError, match="more decimals than JPY allows"):
            check_settlement(Decimal("1200.5"), "JPY", Decimal(5000))

    def test_only_a_settlement_has_an_amount(self) -> None:
        d = dispute()
        d.send_evidence("sam", T0)
        with pytest.raises(ValidationError, match="Only a settlement"):
            d.close(S.WON, "sam", T0, amount=Decimal(1))

    def test_won_needs_the_evidence_first(self) -> None:
        with pytest.raises(InvalidTransition, match="cannot take this step in its present state"):
            dispute().close(S.WON, "sam", T0)

    def test_closed_disputes_stay_closed(self) -> None:
        d = dispute()
        d.close(S.LOST, "sam", T0)
        for step in (
            lambda: d.send_evidence("sam", T0),
            lambda: d.close(S.SETTLED, "sam", T0, amount=Decimal(1)),
            lambda: d.withdraw("sam", T0, "reopened"),
        ):
            with pytest.raises(InvalidTransition):
                step()

    def test_withdrawn_only_by_a_reopening_not_as_an_outcome(self) -> None:
        with pytest.raises(ValidationError, match="won, lost or settled"):
            dispute().close(S.WITHDRAWN, "sam", T0)
        d = dispute()
        assert d.withdraw("sam", T0, "customer proof") == "withdraw"
        assert d.state == S.WITHDRAWN and d.close_note == "customer proof"

    def test_the_table_never_leaves_a_closed_state(self) -> None:
        assert all(src not in CLOSED_STATES for src, _ in DISPUTE_TRANSITIONS)


class TestDeadlineStatus:
    def test_overdue_due_soon_on_track(self) -> None:
        due = T0 + timedelta(hours=48)
        assert deadline_status(due, T0) == DeadlineStatus.ON_TRACK
        assert (
            deadline_status(due, due - DUE_SOON - timedelta(seconds=1)) == DeadlineStatus.ON_TRACK
        )
        assert deadline_status(due, due - DUE_SOON) == DeadlineStatus.DUE_SOON
        assert deadline_status(due, due - timedelta(minutes=1)) == DeadlineStatus.DUE_SOON
        assert deadline_status(due, due) == DeadlineStatus.OVERDUE
        assert deadline_status(due, due + timedelta(days=2)) == DeadlineStatus.OVERDUE


def refund_decision(**changes: object) -> Decision:
    outcome = Outcome(
        Headline.RESTOCK, Resolution.FULL_REFUND, Disposition.RESTOCK, 0, Decimal(250)
    )
    values: dict[str, object] = {
        "id": "dec-1",
        "lpn": "RMA-1-1",
        "inspection_id": "insp-1",
        "proposed": outcome,
        "final": outcome,
        "currency": "USD",
        "unit_price": Decimal(250),
        "overridden": False,
        "override_reason": "",
        "reasons": (),
        "approval_reasons": (Reason("approval_threshold", "Needs approval: 250.00 USD ..."),),
        "decided_by": "ines",
        "station": "ST-01",
        "decided_at": T0,
        "policy_hash": "p1",
    }
    values.update(changes)
    return Decision(**values)  # type: ignore[arg-type]


def inspection(finding: Finding = Finding.NO_FAULT, **answers: ChecklistAnswer) -> Inspection:
    return Inspection(
        "insp-1", "RMA-1-1", "ines", "ST-01", T0, T0, Grade.A, finding, checklist=dict(answers)
    )


class TestPlainCase:
    def test_only_the_amount_threshold_is_plain(self) -> None:
        assert plain_case_problems(refund_decision(), inspection(), [], "p1") == ()

    def test_each_problem_is_named(self) -> None:
        partial = refund_decision(
            approval_reasons=(
                Reason("approval_resolution", "Needs approval: Partial refund needs a supervisor"),
            )
        )
        codes = [p.code for p in plain_case_problems(partial, inspection(), [], "p1")]
        assert codes == ["not_plain_reasons"]
        overridden = refund_decision(
            overridden=True,
            proposed=replace(refund_decision().final, headline=Headline.DISPUTE),
        )
        assert "not_plain_override" in [
            p.code for p in plain_case_problems(overridden, inspection(), [], "p1")
        ]
        contradictory = plain_case_problems(
            refund_decision(), inspection(powers_on=ChecklistAnswer.FAIL), [], "p1"
        )
        assert [p.code for p in contradictory] == ["not_plain_contradiction"]
        assert "powers_on" in contradictory[0].text
        # A failed check with a seller-side finding is what the finding says, not a contradiction.
        assert (
            plain_case_problems(
                refund_decision(),
                inspection(Finding.DEFECT, powers_on=ChecklistAnswer.FAIL),
                [],
                "p1",
            )
            == ()
        )
        rejected = refund_decision(id="dec-0", status=DecisionStatus.REJECTED)
        assert [
            p.code for p in plain_case_problems(refund_decision(), inspection(), [rejected], "p1")
        ] == ["not_plain_rejected_before"]
        assert [p.code for p in plain_case_problems(refund_decision(), None, [], "p2")] == [
            "not_plain_no_inspection",
            "not_plain_policy",
        ]
