"""A Hypothesis state machine over the unit lifecycle (SPEC §2, §3): scan, claim, inspect,
decide, approve, reject, reopen, release and export, by random people at random stations.

It checks, after every step:

- no decision is exported twice, and a decision's export batch never changes once set;
- no refund is negative or above the unit's price;
- every state change of a unit is in the audit log: its ``unit`` events chain from
  ``expected`` to the state the unit is in, and the audit chain verifies;
- a refused action (``QcError``) changes nothing at all.

``LifecycleMachine`` is storage-neutral: ``make_context`` and ``snapshot`` are what a
subclass provides (the in-memory store in ``test_lifecycle_machine.py``, a SQLite file in
``tests/integration/test_lifecycle_sqlite.py``).
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, UnitState
from qc_station.domain.errors import QcError
from qc_station.domain.model import DecisionStatus, Rma, RmaLine
from qc_station.services import approval, audit, finance, returns
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection
from tests.builders import INSPECTOR, INSPECTOR_2, SUPERVISOR, SUPERVISOR_2, make_rma
from tests.fakes import FakeClock

ACTORS = (INSPECTOR, INSPECTOR_2, SUPERVISOR, SUPERVISOR_2)


def lifecycle_rmas() -> list[Rma]:
    """Units below and above the approval threshold, two currencies, one with two units."""
    return [
        make_rma("RMA-LC-1"),
        make_rma(
            "RMA-LC-2",
            lines=[RmaLine(1, "SKU-TV", "TV 电视", "electronics", "Acme", Decimal("450.00"), 2)],
        ),
        make_rma(
            "RMA-LC-3",
            currency="JPY",
            market="JP",
            delivery_date=None,
            order_date=date(2026, 10, 1),
            lines=[RmaLine(1, "SKU-BAG", "Bag", "apparel", "Kaban", Decimal("12000"), 1)],
        ),
    ]


LPNS = ("RMA-LC-1-1", "RMA-LC-2-1", "RMA-LC-2-2", "RMA-LC-3-1")
PHOTO = b"\xff\xd8\xff" + b"photo"
actors = st.sampled_from(ACTORS)
# Weighted towards what succeeds, so that runs reach approvals and exports; the rest still
# comes up and is refused (too few photos, contradictions, the wrong role, four eyes).
supervisors_mostly = st.sampled_from((*ACTORS, SUPERVISOR, SUPERVISOR_2, SUPERVISOR))
lpns = st.sampled_from(LPNS)
grades = st.sampled_from((Grade.A, Grade.A, Grade.B, Grade.B, *Grade))
findings = st.sampled_from((Finding.NO_FAULT, Finding.NO_FAULT, Finding.NO_FAULT, *Finding))


class LifecycleMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.ctx = self.make_context(self.clock)
        self.batches: dict[str, str] = {}  # decision id → the batch it went out in
        self.refused = 0
        self.done = 0

    # what a subclass provides -----------------------------------------------------------------

    def make_context(self, clock: FakeClock) -> ServiceContext:
        raise NotImplementedError

    def snapshot(self) -> Any:
        """Everything stored, in a form that compares equal when nothing changed."""
        raise NotImplementedError

    # running an action ------------------------------------------------------------------------

    def attempt(self, action: Any, *args: Any) -> Any:
        before = self.snapshot()
        self.clock.advance(minutes=1)
        try:
            result = action(self.ctx, *args)
        except QcError:
            self.refused += 1
            assert self.snapshot() == before, f"a refused {action.__name__} changed data"
            return None
        self.done += 1
        return result

    # rules ------------------------------------------------------------------------------------

    @initialize(grade=st.sampled_from((Grade.A, Grade.B)))
    def start_with_a_final_and_a_pending_decision(self, grade: Grade) -> None:
        # So that short runs reach exports and approvals too.
        self.inspect(INSPECTOR, "RMA-LC-1-1", grade, Finding.NO_FAULT, 0)
        self.inspect(INSPECTOR_2, "RMA-LC-2-1", Grade.A, Finding.DEFECT, 2)

    @rule(code=st.sampled_from((*LPNS, "RMA-LC-1", "rma-lc-2", "RMA-NONE", "")))
    def scan(self, code: str) -> None:
        self.attempt(returns.find, code)

    @rule(actor=actors, lpn=lpns)
    def claim(self, actor: Actor, lpn: str) -> None:
        self.attempt(returns.claim_unit, actor, lpn)

    @rule(actor=actors, lpn=lpns, reason=st.sampled_from(("", "stale")))
    def release(self, actor: Actor, lpn: str, reason: str) -> None:
        self.attempt(returns.release_claim, actor, lpn, reason)

    @rule(
        actor=actors,
        lpn=lpns,
        grade=grades,
        finding=findings,
        photos=st.sampled_from((0, 2, 3, 1)),
    )
    def inspect(self, actor: Actor, lpn: str, grade: Grade, finding: Finding, photos: int) -> None:
        category = "electronics" if lpn.startswith(("RMA-LC-1", "RMA-LC-2")) else "apparel"
        checklist = {
            item.key: ChecklistAnswer.PASS for item in self.ctx.policy.checklist_for(category)
        }
        shots = tuple(
            PhotoInput(PHOTO + bytes([n]), self.clock.now(), f"{n}.jpg") for n in range(photos)
        )
        draft = InspectionDraft(lpn, grade, finding, checklist, photos=shots)
        self.attempt(submit_inspection, actor, draft)

    def _unit_in(self, data: st.DataObject, state: UnitState) -> str:
        """Mostly a unit in ``state`` (so runs get somewhere), sometimes any unit."""
        with self.ctx.uow(read_only=True) as uow:
            candidates = uow.rmas.units_in_state(state)
        if candidates and data.draw(st.booleans()):
            return data.draw(st.sampled_from(sorted(candidates)))
        return data.draw(lpns)

    @rule(actor=supervisors_mostly, data=st.data())
    def approve(self, actor: Actor, data: st.DataObject) -> None:
        self.attempt(
            approval.approve, actor, self._unit_in(data, UnitState.AWAITING_APPROVAL), "ok"
        )

    @rule(actor=supervisors_mostly, data=st.data(), comment=st.sampled_from(("", "blurred")))
    def reject(self, actor: Actor, data: st.DataObject, comment: str) -> None:
        lpn = self._unit_in(data, UnitState.AWAITING_APPROVAL)
        self.attempt(approval.reject, actor, lpn, comment)

    @rule(actor=supervisors_mostly, data=st.data(), reason=st.sampled_from(("", "proof")))
    def reopen(self, actor: Actor, data: st.DataObject, reason: str) -> None:
        self.attempt(approval.reopen, actor, self._unit_in(data, UnitState.DECIDED), reason)

    @rule(actor=supervisors_mostly)
    def export(self, actor: Actor) -> None:
        result = self.attempt(finance.export_finance, actor, io.BytesIO())
        if result is None or result.batch_id is None:
            return
        with self.ctx.uow(read_only=True) as uow:
            for lpn in LPNS:
                for decision in uow.decisions.for_unit(lpn):
                    if decision.export_batch == result.batch_id:
                        assert decision.id not in self.batches, "a decision exported twice"
                        self.batches[decision.id] = result.batch_id

    # invariants -------------------------------------------------------------------------------

    @invariant()
    def exported_once_and_refunds_within_price(self) -> None:
        with self.ctx.uow(read_only=True) as uow:
            for lpn in LPNS:
                for decision in uow.decisions.for_unit(lpn):
                    outcome = decision.final
                    assert Decimal(0) <= outcome.refund_amount <= decision.unit_price, lpn
                    assert 0 <= outcome.deduction_pct <= 100
                    recorded = self.batches.get(decision.id)
                    if recorded is not None:
                        assert decision.export_batch == recorded, "an export batch changed"
                    if decision.export_batch is not None:
                        assert decision.status in (DecisionStatus.FINAL, DecisionStatus.SUPERSEDED)

    @invariant()
    def every_transition_is_audited(self) -> None:
        with self.ctx.uow(read_only=True) as uow:
            for lpn in LPNS:
                rma = uow.rmas.get_by_lpn(lpn)
                assert rma is not None
                unit = rma.unit(lpn)
                assert unit is not None
                state = UnitState.EXPECTED.value
                for event in uow.audit.for_entity("unit", lpn):
                    if event.new and "state" in event.new:
                        assert event.old is not None and event.old["state"] == state, (
                            f"{lpn}: an unaudited move before event {event.seq}"
                        )
                        state = event.new["state"]
                assert state == unit.state.value, f"{lpn}: the last audited state is {state}"
                current = uow.decisions.current(lpn)
                if unit.state == UnitState.AWAITING_APPROVAL:
                    assert current is not None and current.status == DecisionStatus.PENDING
                if unit.state == UnitState.DECIDED:
                    assert current is not None and current.status == DecisionStatus.FINAL
        report = audit.verify(self.ctx)
        assert report.ok, report.problems
