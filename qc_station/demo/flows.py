"""Running the demo's scenarios through the real services: the walking clock that spreads
decision times over days, the run that claims, inspects, approves, rejects and reopens units,
and the flows each planned RMA and unexpected return goes through.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from qc_station.domain.decision import required_photos
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade
from qc_station.domain.model import DecisionStatus
from qc_station.domain.policy import Policy
from qc_station.services import approval, inspection, returns
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, PhotoInput
from qc_station.services.views import DecisionView

from .data import DEMO_USERS, FAILS, NOTES, ROUGH_CARRIERS, USED_FAILS, WEAK_SUPPLIER
from .drawing import render_photo
from .planning import (
    REJECT_COMMENTS,
    REOPEN_REASONS,
    Inspect,
    Planned,
    Scenario,
    local_price,
    pick_market,
    pick_product,
    tracking,
)


class DemoClock:
    """A clock that walks forward from ``start`` and never passes ``end``."""

    def __init__(self, start: datetime, end: datetime) -> None:
        self._now = start
        self._end = end

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now = min(self._now + delta, self._end)


def work_end(real_now: datetime) -> datetime:
    """Where the demo's work aims to end: a quarter of an hour before now, so that the newest
    claims look like work in progress rather than something happening this second."""
    return real_now - timedelta(minutes=15)


def utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _checklist(
    rng: random.Random, policy: Policy, category: str, grade: Grade, finding: Finding
) -> dict[str, ChecklistAnswer]:
    """Answers to every item of the category's checklist that tell the same story as the
    grade and finding: the required ones always, the optional ones mostly."""
    items = policy.checklist_for(category)
    keys = {item.key for item in items}
    failing = [k for k in FAILS[finding] if k in keys]
    if finding == Finding.NO_FAULT and grade in (Grade.C, Grade.D, Grade.X):
        failing = [k for k in USED_FAILS if k in keys]
    failing = failing[:2]
    answers: dict[str, ChecklistAnswer] = {}
    for item in items:
        if item.key in failing:
            answers[item.key] = ChecklistAnswer.FAIL
        elif not item.required and rng.random() < 0.25:
            answers[item.key] = ChecklistAnswer.NA
        else:
            answers[item.key] = ChecklistAnswer.PASS
    return answers


@dataclass
class Run:
    """The state of one load: context, clock, random source and tallies."""

    ctx: ServiceContext
    clock: DemoClock
    rng: random.Random
    photos: bool
    step: timedelta
    inspections: int = 0
    approvals: int = 0
    photo_count: int = 0
    #: Who reopened which unit: another supervisor approves its new decision (four eyes).
    reopened_by: dict[str, str] = field(default_factory=dict)

    def tick(self, factor: float = 1.0) -> None:
        self.clock.advance(self.step * factor * self.rng.uniform(0.5, 1.5))

    def actor(self, username: str, station: str | None = None) -> Actor:
        user = next(u for u in DEMO_USERS if u.username == username)
        return Actor(user.username, user.role, station or user.station)

    def inspector(self) -> Actor:
        return self.actor(self.rng.choice(("demo-inspector", "demo-inspector2")))

    def supervisor(self, lpn: str | None = None) -> Actor:
        names = ("demo-supervisor", "demo-supervisor2")
        chosen = self.rng.choice(names)
        if lpn is not None and chosen == self.reopened_by.get(lpn):
            chosen = names[1 - names.index(chosen)]
        return self.actor(chosen)

    def new_id(self) -> str:
        # From the seeded source, so that a given seed gives the same inspection ids.
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def submit(
        self, actor: Actor, lpn: str, category: str, sku: str, want: Inspect
    ) -> DecisionView:
        policy = self.ctx.policy
        started = self.clock.now()
        self.tick(0.6)  # the inspection itself takes a few minutes
        needed = required_photos(policy, want.finding, want.grade)
        count = needed + (1 if self.photos and self.rng.random() < 0.3 else 0)
        size = (640, 480) if self.photos else (160, 120)
        taken = []
        for view in range(count):
            at = self.clock.now() - timedelta(seconds=20 * (count - view))
            raw = render_photo(self.rng, size, category, want.finding, view % 2, f"{lpn}  {sku}")
            # As a camera gives it: submit_inspection burns the time in.
            taken.append(PhotoInput(raw, at, f"{lpn}-{view + 1}.jpg"))
        self.photo_count += len(taken)
        draft = InspectionDraft(
            lpn=lpn,
            grade=want.grade,
            finding=want.finding,
            checklist=_checklist(self.rng, policy, category, want.grade, want.finding),
            serial=(
                f"SN{self.rng.randint(10**9, 10**10 - 1)}" if category == "electronics" else ""
            ),
            notes=self.rng.choice(NOTES[want.finding]),
            photos=tuple(taken),
            override=want.override,
            override_reason=want.override_reason,
            started_at=started,
            inspection_id=self.new_id(),
        )
        result = inspection.submit_inspection(self.ctx, actor, draft)
        self.inspections += 1
        self.tick()
        return result

    def approve(self, lpn: str) -> DecisionView:
        result = approval.approve(self.ctx, self.supervisor(lpn), lpn)
        self.approvals += 1
        self.tick()
        return result

    def reject(self, lpn: str) -> None:
        approval.reject(self.ctx, self.supervisor(lpn), lpn, self.rng.choice(REJECT_COMMENTS))
        self.approvals += 1
        self.tick()

    def reopen(self, lpn: str) -> None:
        supervisor = self.supervisor()
        approval.reopen(self.ctx, supervisor, lpn, self.rng.choice(REOPEN_REASONS))
        self.reopened_by[lpn] = supervisor.username
        self.tick()


_Step = Callable[[], None]


@dataclass
class _Flow:
    """One unit's story, as steps that run in rounds: every flow's first step (the
    inspectors' work), then every second step (the supervisors'), and so on."""

    steps: list[_Step]
    last: DecisionView | None = None


def _random_inspect(rng: random.Random, supplier: str, carrier: str) -> Inspect:
    """An ordinary day's finding and grade. The weak supplier and the rough carriers get
    more than their share, so that the dashboard has something to flag."""
    weights = {
        Finding.NO_FAULT: 40.0,
        Finding.DEFECT: 15.0 * (3 if supplier == WEAK_SUPPLIER else 1),
        Finding.TRANSIT_DAMAGE: 10.0 * (3 if carrier in ROUGH_CARRIERS else 1),
        Finding.NOT_AS_DESCRIBED: 10.0,
        Finding.CUSTOMER_DAMAGE: 10.0,
        Finding.MISSING_PARTS: 8.0,
        Finding.WRONG_ITEM: 4.0,
    }
    finding = rng.choices(list(weights), weights=list(weights.values()))[0]
    grades: dict[Finding, tuple[int, int, int, int, int]] = {  # A, B, C, D, X
        Finding.NO_FAULT: (55, 33, 9, 3, 0),
        Finding.DEFECT: (0, 30, 40, 25, 5),
        Finding.TRANSIT_DAMAGE: (0, 20, 35, 30, 15),
        Finding.NOT_AS_DESCRIBED: (30, 50, 20, 0, 0),
        Finding.CUSTOMER_DAMAGE: (0, 0, 50, 35, 15),
        Finding.MISSING_PARTS: (20, 50, 30, 0, 0),
        Finding.WRONG_ITEM: (40, 40, 20, 0, 0),
    }
    grade = rng.choices(list(Grade), weights=grades[finding])[0]
    return Inspect(grade, finding)


def scenario_flows(
    run: Run, planned: Sequence[Planned], unexpected: Sequence[Scenario]
) -> list[_Flow]:
    flows: list[_Flow] = []
    for item in planned:
        rma = item.rma
        if item.extra:
            for unit in rma.units:
                line = rma.line_of(unit)
                want = _random_inspect(run.rng, line.supplier, rma.carrier)
                # Most of the day's work is approved; some still waits for a supervisor.
                kind = "pending" if run.rng.random() < 0.2 else "approve"
                flows.append(_scenario_flow(run, unit.lpn, line.category, line.sku, want, kind))
        elif item.scenario is not None and item.scenario.first is not None:
            unit = rma.units[0]
            line = rma.line_of(unit)
            s = item.scenario
            flows.append(
                _scenario_flow(run, unit.lpn, line.category, line.sku, s.first, s.flow, s.second)
            )
    for scenario in unexpected:
        flows.append(_unexpected_flow(run, scenario))
    return flows


def _scenario_flow(
    run: Run,
    lpn: str,
    category: str,
    sku: str,
    first: Inspect | None,
    kind: str,
    second: Inspect | None = None,
) -> _Flow:
    assert first is not None
    flow = _Flow([])
    inspector = run.inspector()

    def submit(want: Inspect) -> _Step:
        def step() -> None:
            flow.last = run.submit(inspector, lpn, category, sku, want)

        return step

    def pending() -> bool:
        return flow.last is not None and flow.last.status == DecisionStatus.PENDING

    def settle() -> None:
        # Whatever needs approval is approved; what did not need it is already final.
        if pending():
            flow.last = run.approve(lpn)

    def reject_it() -> None:
        if pending():
            run.reject(lpn)
        else:
            # A site policy under which this needed no approval: reopening puts the unit
            # back in inspection all the same, so the story (and the next step) still holds.
            run.reopen(lpn)

    def reopen_it() -> None:
        run.reopen(lpn)  # decided by now: ``settle`` ran in the round before

    steps: dict[str, list[_Step]] = {
        "final": [submit(first), settle],
        "approve": [submit(first), settle],
        "pending": [submit(first)],
        "reject": [submit(first), reject_it],
        "reject_redo": [submit(first), reject_it, submit(second or first), settle],
        "reopen": [submit(first), settle, reopen_it],
        "reopen_redo": [submit(first), settle, reopen_it, submit(second or first), settle],
    }
    flow.steps = steps[kind]
    return flow


def _unexpected_flow(run: Run, scenario: Scenario) -> _Flow:
    flow = _Flow([])
    market = pick_market(run.rng, run.ctx.policy, scenario.want)
    product = pick_product(run.rng, run.ctx.policy, market, scenario.want)
    carrier = run.rng.choice(market.carriers)
    parcel = returns.UnexpectedReturn(
        sku=product.sku,
        product_name=product.name(market.lang),
        category=product.category,
        market=market.code,
        currency=market.currency,
        unit_price=local_price(product, market),
        supplier=product.supplier,
        customer=f"{run.rng.choice(market.customers)} (demo)",
        carrier=carrier,
        tracking=tracking(run.rng, carrier),
        stated_reason="parcel arrived without an RMA (demo)",
    )
    inspector = run.inspector()
    assert scenario.first is not None
    want = scenario.first

    def create_and_submit() -> None:
        view = returns.create_unexpected_return(run.ctx, inspector, parcel)
        run.tick(0.3)
        lpn = view.units[0].lpn
        flow.last = run.submit(inspector, lpn, product.category, product.sku, want)

    def settle() -> None:
        if flow.last is not None and flow.last.status == DecisionStatus.PENDING:
            flow.last = run.approve(flow.last.lpn)

    flow.steps = [create_and_submit]
    if scenario.flow == "unexpected_approve":
        flow.steps.append(settle)
    return flow
