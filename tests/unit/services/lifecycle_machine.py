"""A Hypothesis state machine over the unit lifecycle (SPEC §2, §3): scan, claim, inspect,
decide, approve, reject, reopen, release and export, by random people at random stations.

It checks, after every step:

- no decision is exported twice, and a decision's export batch never changes once set;
- no refund is negative or above the unit's price;
- every state change of a unit is in the audit log: its ``unit`` events chain from
  ``expected`` to the state the unit is in, and the audit chain verifies;
- a refused action (``QcError``) changes nothing at all;
- money (SPEC §7.3, issue 15): the finance files, read back as finance reads them, net each
  LPN to the refund of its last exported decision — which is its current decision's refund
  once that is final and exported; a reopened unit with no new final decision exported yet
  stays at the amount exported before (nothing is reversed until a new decision replaces
  it). No LPN has a second ordinary row without a reversal of the first in between, every
  reversal negates exactly the row it names and is followed by the unit's new row in the
  same batch, and every earlier batch still re-exports byte-identical after later ones;
- the new decision of a reopened unit is never approved by whoever reopened it.

``LifecycleMachine`` is storage-neutral: ``make_context`` and ``snapshot`` are what a
subclass provides (the in-memory store in ``test_lifecycle_machine.py``, a SQLite file in
``tests/integration/test_lifecycle_sqlite.py``).
"""

from __future__ import annotations

import csv
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
        self.files: dict[str, bytes] = {}  # batch id → its file as first exported
        self.ledger: dict[str, list[dict[str, str]]] = {}  # LPN → its rows, in export order
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
        lpn = self._unit_in(data, UnitState.AWAITING_APPROVAL)
        with self.ctx.uow(read_only=True) as uow:
            rma = uow.rmas.get_by_lpn(lpn)
            unit = rma.unit(lpn) if rma else None
        reopened_by = unit.reopened_by if unit else None
        if self.attempt(approval.approve, actor, lpn, "ok") is not None:
            assert actor.username != reopened_by, "the reopener approved the new decision"

    @rule(actor=supervisors_mostly, data=st.data(), comment=st.sampled_from(("", "blurred")))
    def reject(self, actor: Actor, data: st.DataObject, comment: str) -> None:
        lpn = self._unit_in(data, UnitState.AWAITING_APPROVAL)
        self.attempt(approval.reject, actor, lpn, comment)

    @rule(actor=supervisors_mostly, data=st.data(), reason=st.sampled_from(("", "proof")))
    def reopen(self, actor: Actor, data: st.DataObject, reason: str) -> None:
        self.attempt(approval.reopen, actor, self._unit_in(data, UnitState.DECIDED), reason)

    @rule(
        data=st.data(),
        reopener=supervisors_mostly,
        decider=actors,
        approver=supervisors_mostly,
        grade=grades,
    )
    def correct_a_decided_unit(
        self,
        data: st.DataObject,
        reopener: Actor,
        decider: Actor,
        approver: Actor,
        grade: Grade,
    ) -> None:
        """Reopen, decide again and approve in one go (each step may still be refused: the
        same person twice, the wrong role), so that runs reach corrections of exported
        decisions often, not only by chance."""
        lpn = self._unit_in(data, UnitState.DECIDED)
        self.attempt(approval.reopen, reopener, lpn, "customer sent proof")
        self.inspect(decider, lpn, grade, Finding.NO_FAULT, 2)
        with self.ctx.uow(read_only=True) as uow:
            rma = uow.rmas.get_by_lpn(lpn)
            unit = rma.unit(lpn) if rma else None
        reopened_by = unit.reopened_by if unit else None
        if self.attempt(approval.approve, approver, lpn, "ok") is not None:
            assert approver.username != reopened_by, "the reopener approved the new decision"

    @rule(actor=supervisors_mostly)
    def export(self, actor: Actor) -> None:
        out = io.BytesIO()
        result = self.attempt(finance.export_finance, actor, out)
        if result is None or result.batch_id is None:
            return
        self.files[result.batch_id] = out.getvalue()
        text = out.getvalue().decode("utf-8-sig")
        for row in csv.DictReader(io.StringIO(text, newline="")):
            if row["lpn"]:  # recovery payment rows have none
                self.ledger.setdefault(row["lpn"], []).append(row)
        for batch_id, first in self.files.items():
            again = io.BytesIO()
            finance.reexport_batch(self.ctx, SUPERVISOR, batch_id, again)
            assert again.getvalue() == first, f"batch {batch_id} no longer re-exports the same"
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
    def finance_nets_each_unit_to_its_last_exported_decision(self) -> None:
        with self.ctx.uow(read_only=True) as uow:
            for lpn, rows in self.ledger.items():
                live: dict[str, str] | None = None  # the ordinary row not reversed yet
                for row in rows:
                    for amount in ("refund_amount", "recovery_amount"):
                        assert not row[amount].startswith("'"), "an amount neutralised as text"
                    if row["reverses_batch"]:
                        assert live is not None, f"{lpn}: a reversal of nothing"
                        assert row["reverses_batch"] == live["export_batch_id"]
                        assert Decimal(row["refund_amount"]) == -Decimal(live["refund_amount"])
                        assert not row["refund_amount"].startswith("-0")
                        if live["recovery_amount"]:
                            assert Decimal(row["recovery_amount"]) == -Decimal(
                                live["recovery_amount"]
                            )
                        else:
                            assert row["recovery_amount"] == ""
                        reversed_in = row["export_batch_id"]
                        live = None
                    else:
                        assert live is None, f"{lpn}: a second row with no reversal between"
                        if rows.index(row) and rows[rows.index(row) - 1]["reverses_batch"]:
                            assert row["export_batch_id"] == reversed_in
                        live = row
                assert live is not None, f"{lpn}: a reversal with no new row after it"
                total = sum(Decimal(r["refund_amount"]) for r in rows)
                assert total == Decimal(live["refund_amount"]), lpn
                current = uow.decisions.current(lpn)
                if (
                    current is not None
                    and current.status == DecisionStatus.FINAL
                    and current.export_batch is not None
                ):
                    assert total == current.final.refund_amount, f"{lpn}: nets to {total}"
                    assert live["export_batch_id"] == current.export_batch
            for lpn in LPNS:
                if lpn not in self.ledger:
                    assert all(d.export_batch is None for d in uow.decisions.for_unit(lpn))

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
