"""The demo data (``qc-station demo``) on the in-memory fakes: every state, grade and finding
made through the real services, everything marked as demo, deterministic, and only ever
loaded into an empty database."""

from __future__ import annotations

import time
import unicodedata
from collections import Counter
from dataclasses import dataclass

import cv2
import numpy as np
import pytest

from qc_station.adapters.opencv_ports import OpenCvPhotos
from qc_station.demo import (
    DEMO_BADGE,
    DEMO_PASSWORD,
    DEMO_PIN,
    DEMO_SOURCE_NAME,
    DEMO_USERS,
    DemoSummary,
    load_demo,
)
from qc_station.domain.decision import required_photos
from qc_station.domain.enums import (
    Finding,
    Grade,
    Resolution,
    RmaSource,
    Role,
    UnitState,
)
from qc_station.domain.errors import Conflict
from qc_station.domain.model import Decision, DecisionStatus, Inspection, Rma
from qc_station.domain.policy import Policy, load_policy
from qc_station.services import audit, users
from qc_station.services.context import ServiceContext
from tests.builders import make_rma, seed
from tests.fakes import FakeClock, FakePasswordHasher, FakePhotoStore, FakeStore

STATION = "ST-DEMO"


@dataclass
class Loaded:
    ctx: ServiceContext
    store: FakeStore
    summary: DemoSummary
    seconds: float

    @property
    def rmas(self) -> list[Rma]:
        return list(self.store.data.rmas.values())

    @property
    def decisions(self) -> list[Decision]:
        return list(self.store.data.decisions.values())

    def inspection(self, decision: Decision) -> Inspection:
        return self.store.data.inspections[decision.inspection_id]


def _context(policy: Policy) -> tuple[ServiceContext, FakeStore]:
    store = FakeStore()
    ctx = ServiceContext(
        uow=store.uow,
        clock=FakeClock(),
        policy=policy,
        photos=FakePhotoStore(),
        passwords=FakePasswordHasher(),
        # The real stamper: demo photos are stored stamped, as a station's are.
        photo_stamper=OpenCvPhotos(),
    )
    return ctx, store


@pytest.fixture(scope="module")
def loaded(default_policy: Policy) -> Loaded:
    """The full demo, loaded once for this module (it takes a few seconds on the fakes)."""
    ctx, store = _context(default_policy)
    started = time.monotonic()
    summary = load_demo(ctx, STATION, photos=False)
    return Loaded(ctx, store, summary, time.monotonic() - started)


def _has_cjk(text: str) -> bool:
    return any("CJK" in unicodedata.name(ch, "") for ch in text)


def _has_accented_latin(text: str) -> bool:
    return any(ord(ch) > 127 and "LATIN" in unicodedata.name(ch, "") for ch in text)


def test_at_least_200_rmas_all_marked_as_demo(loaded: Loaded) -> None:
    demo = [r for r in loaded.rmas if r.source == RmaSource.DEMO]
    assert loaded.summary.rmas == len(demo) >= 200
    for rma in demo:
        assert rma.code.startswith("DEMO-")
        assert rma.order_id.startswith("DEMO-ORD-")
        assert rma.source_name == DEMO_SOURCE_NAME
    others = [r for r in loaded.rmas if r.source != RmaSource.DEMO]
    assert len(others) >= 2
    for rma in others:  # the unexpected returns: the service names them, we mark them
        assert rma.source == RmaSource.UNEXPECTED
        assert rma.code.startswith("UNX-")
        assert "(demo)" in rma.customer
        assert "(demo)" in rma.stated_reason


def test_every_unit_state_with_most_units_still_expected(loaded: Loaded) -> None:
    states = Counter(u.state for r in loaded.rmas for u in r.units)
    assert set(states) == set(UnitState)
    assert states[UnitState.EXPECTED] > sum(states.values()) / 2
    assert loaded.summary.state_count(UnitState.DECIDED) == states[UnitState.DECIDED]
    claimed = [u for r in loaded.rmas for u in r.units if u.claimed_station]
    assert {u.state for u in claimed} == {UnitState.IN_INSPECTION}
    assert {"DEMO-ST-01", "DEMO-ST-02", STATION} <= {u.claimed_station for u in claimed}
    # Several units per RMA exist (quantities 2-3, several lines).
    assert any(len(r.units) > 1 for r in loaded.rmas)
    assert {ln.quantity for r in loaded.rmas for ln in r.lines} == {1, 2, 3}


def test_every_grade_and_finding_among_final_decisions(loaded: Loaded) -> None:
    final = [d for d in loaded.decisions if d.status == DecisionStatus.FINAL]
    assert {loaded.inspection(d).grade for d in final} == set(Grade)
    assert {loaded.inspection(d).finding for d in final} == set(Finding)
    assert any(d.approved_by for d in final), "some approved by a supervisor"
    assert any(not d.approval_reasons and not d.approved_by for d in final), "some need none"
    for d in final:
        if d.approved_by:
            assert d.approved_by.startswith("demo-supervisor")
            assert d.approved_by != d.decided_by


def test_awaiting_approval_for_each_kind_of_reason(loaded: Loaded) -> None:
    pending = [d for d in loaded.decisions if d.status == DecisionStatus.PENDING]
    resolutions = {d.final.resolution for d in pending}
    assert {Resolution.PARTIAL_REFUND, Resolution.DISPUTE} <= resolutions
    codes = {r.code for d in pending for r in d.approval_reasons}
    assert {
        "approval_threshold",
        "approval_override",
        "approval_window_unknown",
        "approval_unexpected",
        "approval_no_threshold",
    } <= codes


def test_rejected_and_reopened_units_are_back_in_inspection(loaded: Loaded) -> None:
    by_lpn = {u.lpn: u for r in loaded.rmas for u in r.units}
    rejected = [d for d in loaded.decisions if d.status == DecisionStatus.REJECTED]
    superseded = [d for d in loaded.decisions if d.status == DecisionStatus.SUPERSEDED]
    assert any(by_lpn[d.lpn].state == UnitState.IN_INSPECTION for d in rejected)
    assert any(by_lpn[d.lpn].state == UnitState.IN_INSPECTION for d in superseded)
    # ... and one of each was inspected again and decided.
    assert any(by_lpn[d.lpn].state == UnitState.DECIDED for d in rejected)
    assert any(by_lpn[d.lpn].state == UnitState.DECIDED for d in superseded)
    assert all(d.approval_comment for d in rejected)


def test_markets_currencies_names_products_and_categories(
    loaded: Loaded, default_policy: Policy
) -> None:
    demo = [r for r in loaded.rmas if r.source == RmaSource.DEMO]
    currencies = {r.currency for r in demo}
    assert {"USD", "GBP", "EUR", "JPY", "CNY", "KRW", "CAD", "AUD", "MXN"} <= currencies
    assert {"US", "GB", "DE", "FR", "ES", "IT", "JP", "CN", "KR", "CA", "AU", "MX"} <= {
        r.market for r in demo
    }
    # JPY and KRW have no minor unit: prices and refunds are whole numbers.
    for rma in demo:
        if rma.currency in ("JPY", "KRW"):
            for line in rma.lines:
                assert line.unit_price is not None
                assert line.unit_price == line.unit_price.to_integral_value()
                assert line.unit_price.as_tuple().exponent == 0
    zero_digit = [d for d in loaded.decisions if d.currency in ("JPY", "KRW")]
    assert {d.currency for d in zero_digit} == {"JPY", "KRW"}
    for d in zero_digit:
        assert d.final.refund_amount.as_tuple().exponent == 0
    customers = {r.customer for r in demo}
    assert any(_has_cjk(c) for c in customers)
    assert any(_has_accented_latin(c) for c in customers)
    names = {ln.product_name for r in demo for ln in r.lines}
    assert any(_has_cjk(n) for n in names)
    assert any(_has_accented_latin(n) for n in names)
    categories = {ln.category for r in demo for ln in r.lines}
    assert set(default_policy.checklists) - {"default"} <= categories
    assert categories - set(default_policy.checklists), "a category with the default checklist"
    assert len({r.carrier for r in demo}) >= 8
    assert len({ln.supplier for r in demo for ln in r.lines}) >= 4
    assert len({r.stated_reason for r in demo}) >= 10
    assert "EXCHANGE" in {r.requested_resolution.value for r in demo}


def test_windows_cover_unknown_estimated_and_exceeded(
    loaded: Loaded, default_policy: Policy
) -> None:
    today = loaded.ctx.clock.now().date()
    demo = [r for r in loaded.rmas if r.source == RmaSource.DEMO]
    assert any(r.order_date is None and r.delivery_date is None for r in demo)
    assert any(r.order_date is not None and r.delivery_date is None for r in demo)
    exceeded = [
        r
        for r in demo
        if r.delivery_date and r.request_date
        and (r.request_date - r.delivery_date).days > default_policy.window_days(r.market)
    ]  # fmt: skip
    assert exceeded
    assert any(r.market == "DE" for r in exceeded)
    for rma in demo:
        if rma.order_date is not None:
            assert 10 <= (today - rma.order_date).days <= 90
        if rma.order_date and rma.delivery_date:
            assert rma.delivery_date > rma.order_date
        assert rma.request_date is not None
        assert rma.request_date <= today


def test_photos_meet_the_evidence_rules(loaded: Loaded, default_policy: Policy) -> None:
    store = loaded.ctx.photos
    for d in loaded.decisions:
        found = loaded.inspection(d)
        assert len(found.photos) >= required_photos(default_policy, found.finding, found.grade)
        for photo in found.photos:
            assert store.exists(photo.sha256)
    assert loaded.summary.photos == sum(
        len(i.photos) for i in loaded.store.data.inspections.values()
    )


def test_audit_chain_verifies_and_times_never_go_backwards(loaded: Loaded) -> None:
    report = audit.verify(loaded.ctx)
    assert report.ok, report.problems
    times = [e.at for e in loaded.store.data.audit]
    assert times == sorted(times)
    assert times[-1] <= loaded.ctx.clock.now()
    # Work spread over days: some refunds are overdue, as on a real floor.
    now = loaded.ctx.clock.now()
    assert any(d.refund_due_at and d.refund_due_at < now for d in loaded.decisions)
    actors = Counter(e.actor for e in loaded.store.data.audit)
    assert {"system", "demo-inspector", "demo-inspector2", "demo-supervisor"} <= set(actors)
    # system only sets the site up (the first admin); from then on demo-admin acts.
    assert actors["system"] == 1
    assert actors["demo-admin"] >= len(DEMO_USERS)  # adds the other users, imports the RMAs


def test_demo_users_sign_in_with_the_documented_password(loaded: Loaded) -> None:
    stored = loaded.store.data.users
    assert set(stored) == {u.username for u in DEMO_USERS}
    for user in DEMO_USERS:
        assert stored[user.username].full_name.endswith("(demo)")
        view = users.authenticate(loaded.ctx, user.username, DEMO_PASSWORD, STATION)
        assert view.role == user.role
    badge = users.authenticate_badge(loaded.ctx, DEMO_BADGE, DEMO_PIN, STATION)
    assert badge.username == "demo-inspector"
    assert stored["demo-admin"].role == Role.ADMIN
    # The first user of an empty database is the setup step's admin, audited as system.
    first = next(e for e in loaded.store.data.audit if e.entity == "user")
    assert (first.entity_id, first.actor) == ("demo-admin", "system")


def test_catalog_is_populated(loaded: Loaded) -> None:
    catalog = loaded.store.data.catalog
    assert len(catalog) == loaded.summary.products >= 20
    skus = {ln.sku for r in loaded.rmas for ln in r.lines}
    assert skus <= set(catalog)


def test_summary_names_users_and_password(loaded: Loaded) -> None:
    text = str(loaded.summary)
    assert DEMO_PASSWORD in text
    for user in DEMO_USERS:
        assert user.username in text
    assert "DEMO-2026-000001" in text


def test_a_second_run_is_refused_and_changes_nothing(loaded: Loaded) -> None:
    before = (len(loaded.store.data.rmas), len(loaded.store.data.audit), len(loaded.decisions))
    with pytest.raises(Conflict, match="only into an empty database"):
        load_demo(loaded.ctx, STATION, photos=False)
    after = (len(loaded.store.data.rmas), len(loaded.store.data.audit), len(loaded.decisions))
    assert after == before


def test_same_seed_same_data(default_policy: Policy) -> None:
    def snapshot(seed: int) -> list[tuple[object, ...]]:
        ctx, store = _context(default_policy)
        load_demo(ctx, STATION, seed=seed, photos=False, count=15)
        return [
            (r.code, r.order_id, r.customer, r.request_date, [ln.sku for ln in r.lines],
             [u.state for u in r.units])
            for r in sorted(store.data.rmas.values(), key=lambda r: r.code)
            if r.source == RmaSource.DEMO
        ]  # fmt: skip

    first = snapshot(7)
    assert snapshot(7) == first
    assert snapshot(8) != first


def test_photos_are_640_by_480_jpegs_marked_demo(default_policy: Policy) -> None:
    ctx, store = _context(default_policy)
    summary = load_demo(ctx, STATION, photos=True, count=12)
    assert summary.photos > 0
    photos = [p for i in store.data.inspections.values() for p in i.photos]
    assert len(photos) == summary.photos
    for photo in photos:
        assert (photo.width, photo.height) == (640, 480)
        data = ctx.photos.get(photo.sha256)
        assert data.startswith(b"\xff\xd8\xff")
        assert len(data) < 200_000
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        corner = image[:60, :160].astype(int)
        red = (corner[:, :, 2] > 180) & (corner[:, :, 1] < 80) & (corner[:, :, 0] < 80)
        assert red.sum() > 200, "the red DEMO mark is in the top-left corner"
        assert photo.station in {"DEMO-ST-01", "DEMO-ST-02"}


def test_refused_on_a_database_with_users(default_policy: Policy) -> None:
    # SPEC §6: anywhere but an empty database the demo's published password would open it.
    ctx, store = _context(default_policy)
    users.add_user(ctx, None, "ada", Role.ADMIN, "Ada Admin", "a-strong-password", station="X")
    with pytest.raises(Conflict, match="1 user"):
        load_demo(ctx, STATION, photos=False, count=10)
    assert set(store.data.users) == {"ada"}
    assert not store.data.rmas
    assert [e.action for e in store.data.audit] == ["add"]


def test_refused_on_a_database_with_rmas_but_no_users(default_policy: Policy) -> None:
    ctx, store = _context(default_policy)
    seed(store, make_rma("RMA-2026-000001"))
    with pytest.raises(Conflict, match="1 RMA"):
        load_demo(ctx, STATION, photos=False, count=10)
    assert not store.data.users
    assert list(store.data.rmas) == ["RMA-2026-000001"]


def test_count_must_be_positive(ctx: ServiceContext) -> None:
    with pytest.raises(ValueError, match="count"):
        load_demo(ctx, STATION, count=0)


def test_works_under_a_stricter_site_policy(default_policy: Policy) -> None:
    """Sites change the policy; the demo must still load (the outcomes just differ)."""
    text = default_policy.source_text.replace(
        "approval_threshold = { USD = 200, EUR = 200, GBP = 180, CNY = 1500, JPY = 30000 }",
        "approval_threshold = { USD = 10 }",
    ).replace("dispute_at_deduction_pct = 50", "dispute_at_deduction_pct = 10")
    policy = load_policy(text)
    assert policy.approval_threshold == {"USD": 10}
    ctx, _store = _context(policy)
    summary = load_demo(ctx, STATION, photos=False, count=45)
    assert summary.rmas == 45
    assert audit.verify(ctx).ok
    assert summary.state_count(UnitState.IN_INSPECTION) > 0
