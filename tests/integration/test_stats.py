"""The dashboard's figures through the real SQL on SQLite and PostgreSQL (and the fake, which
the screen's tests use), checked against the hand-computed figures of ``tests/stats_data``."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from qc_station.domain.errors import PermissionDenied, ValidationError
from qc_station.domain.policy import Policy
from qc_station.services.context import ServiceContext
from qc_station.services.stats import (
    DashboardFigures,
    Dimension,
    StatsFilter,
    compute_figures,
    drill_down,
)
from tests.builders import INSPECTOR, SUPERVISOR, seed_cast_in
from tests.fakes import FakeClock, FakePasswordHasher, FakePhotoStamper, FakePhotoStore
from tests.integration.conftest import UowFactory
from tests.stats_data import (
    EXPECTED_CARRIERS,
    EXPECTED_DEADLINES,
    EXPECTED_DISPOSITIONS,
    EXPECTED_GRADES,
    EXPECTED_INSPECTORS,
    EXPECTED_MEDIAN_SECONDS,
    EXPECTED_REASONS,
    EXPECTED_RECEIVED,
    EXPECTED_REFUNDS,
    EXPECTED_SKUS,
    EXPECTED_SUPPLIERS,
    NOVEMBER,
    NOW,
    build_stats_data,
)


def _ctx(uow_factory: UowFactory, policy: Policy | None = None) -> ServiceContext:
    seed_cast_in(uow_factory)
    return ServiceContext(
        uow=lambda read_only=False: uow_factory(),  # type: ignore[misc]
        clock=FakeClock(NOW),
        policy=policy or Policy(),
        photos=FakePhotoStore(),
        passwords=FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )


@pytest.fixture
def figures(uow_factory: UowFactory) -> DashboardFigures:
    build_stats_data(uow_factory)
    return compute_figures(_ctx(uow_factory), SUPERVISOR, NOVEMBER)


def test_received_counts_current_decisions_of_the_period(figures: DashboardFigures) -> None:
    assert figures.received == EXPECTED_RECEIVED
    assert not figures.empty


def test_sku_return_rates_flag_strictly_above_ten_percent(figures: DashboardFigures) -> None:
    got = [(s.sku, s.returned, s.units_sold, s.rate.pct, s.flagged) for s in figures.skus]
    assert got == EXPECTED_SKUS  # SKU-A at exactly 10 % is not flagged; SKU-B at 10.10 % is


def test_carrier_damage_flags_strictly_above_five_percent(figures: DashboardFigures) -> None:
    got = [
        (c.carrier, c.received, c.transit_damage, c.rate.pct, c.flagged) for c in figures.carriers
    ]
    assert got == EXPECTED_CARRIERS  # DHL at exactly 5 % is not flagged; UPS at 5.26 % is


def test_supplier_scorecard(figures: DashboardFigures) -> None:
    got = [
        (
            s.supplier,
            s.received,
            s.defects,
            s.defect_rate.pct,
            [(a.currency, a.units, a.amount) for a in s.chargebacks],
        )
        for s in figures.suppliers
    ]
    assert got == EXPECTED_SUPPLIERS


def test_stated_reason_against_finding(figures: DashboardFigures) -> None:
    got = [
        (r.stated_reason, r.units, {f.value: n for f, n in r.findings}, r.no_fault.pct)
        for r in figures.reasons
    ]
    assert got == EXPECTED_REASONS


def test_grades_dispositions_and_refunds(figures: DashboardFigures) -> None:
    assert {g.value: n for g, n in figures.grades} == EXPECTED_GRADES
    assert {d.value: n for d, n in figures.dispositions} == EXPECTED_DISPOSITIONS
    assert [(a.currency, a.units, a.amount) for a in figures.refunds] == EXPECTED_REFUNDS
    # Amounts keep their currency's minor digits.
    assert str(figures.refunds[0].amount) == "315.00"
    assert str(figures.refunds[1].amount) == "34000"


def test_deadline_compliance(figures: DashboardFigures) -> None:
    d = figures.deadlines
    assert (
        d.refunds_on_time,
        d.refunds_late,
        d.refunds_open,
        d.refunds_overdue,
        d.disputes_open,
        d.disputes_overdue,
    ) == EXPECTED_DEADLINES


def test_inspector_throughput(figures: DashboardFigures) -> None:
    got = [
        (i.inspector, i.units, i.inspection_hours, i.units_per_hour, i.median_seconds)
        for i in figures.inspectors
    ]
    assert got == EXPECTED_INSPECTORS
    assert figures.median_inspection_seconds == EXPECTED_MEDIAN_SECONDS


def test_an_empty_period_has_zeros_and_no_rows(uow_factory: UowFactory) -> None:
    build_stats_data(uow_factory)
    empty = StatsFilter(datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 2, 1, tzinfo=UTC))
    figures = compute_figures(_ctx(uow_factory), SUPERVISOR, empty)
    assert figures.empty and figures.received == 0
    assert figures.skus == figures.carriers == figures.suppliers == figures.reasons == ()
    assert figures.refunds == figures.inspectors == ()
    assert all(n == 0 for _, n in figures.grades)
    assert all(n == 0 for _, n in figures.dispositions)
    assert figures.deadlines.refunds_overdue == 0
    assert figures.median_inspection_seconds is None


def test_market_and_category_narrow_the_figures(uow_factory: UowFactory) -> None:
    build_stats_data(uow_factory)
    ctx = _ctx(uow_factory)
    by_market = compute_figures(
        ctx, SUPERVISOR, StatsFilter(NOVEMBER.since, NOVEMBER.until, market="jp")
    )
    assert by_market.received == 19
    assert [(c.carrier, c.received) for c in by_market.carriers] == [("UPS", 19)]
    by_category = compute_figures(
        ctx, SUPERVISOR, StatsFilter(NOVEMBER.since, NOVEMBER.until, category="Apparel")
    )
    assert by_category.received == 10
    assert [(a.currency, a.units, a.amount) for a in by_category.refunds] == [
        ("EUR", 7, Decimal("315.00"))
    ]
    # Open-ended: everything current, October's unit included.
    assert compute_figures(ctx, SUPERVISOR, StatsFilter()).received == EXPECTED_RECEIVED + 1


def test_thresholds_come_from_the_policy(uow_factory: UowFactory) -> None:
    build_stats_data(uow_factory)
    policy = Policy(
        sku_return_rate_flag_pct=Decimal("9.99"), carrier_damage_rate_flag_pct=Decimal(6)
    )
    figures = compute_figures(_ctx(uow_factory, policy), SUPERVISOR, NOVEMBER)
    assert [(s.sku, s.flagged) for s in figures.skus] == [("SKU-B", True), ("SKU-A", True)]
    assert [(c.carrier, c.flagged) for c in figures.carriers] == [("UPS", False), ("DHL", False)]


def test_drill_down_lists_the_units_of_a_carrier(uow_factory: UowFactory) -> None:
    build_stats_data(uow_factory)
    units = drill_down(_ctx(uow_factory), SUPERVISOR, NOVEMBER, Dimension.CARRIER, "UPS")
    assert len(units) == 19
    assert units[0].lpn == "RMA-C2-1"  # the newest decision first
    c4 = next(u for u in units if u.lpn == "RMA-C4-1")
    assert (c4.finding, c4.grade, c4.headline, c4.status) == ("DEFECT", "C", "REFUND", "final")
    skus = drill_down(_ctx(uow_factory), SUPERVISOR, NOVEMBER, Dimension.SKU, "SKU-B", limit=3)
    # B1–B4 share the newest time: the last written comes first.
    assert [u.lpn for u in skus] == ["RMA-B4-1", "RMA-B3-1", "RMA-B2-1"]
    suppliers = drill_down(
        _ctx(uow_factory), SUPERVISOR, NOVEMBER, Dimension.SUPPLIER, "杭州服饰有限公司"
    )
    assert {u.sku for u in suppliers} == {"SKU-B"} and len(suppliers) == 10


def test_inspectors_may_not_see_the_dashboard(uow_factory: UowFactory) -> None:
    with pytest.raises(PermissionDenied):
        compute_figures(_ctx(uow_factory), INSPECTOR, NOVEMBER)
    with pytest.raises(PermissionDenied):
        drill_down(_ctx(uow_factory), INSPECTOR, NOVEMBER, Dimension.SKU, "SKU-A")


def test_a_backwards_or_naive_period_is_refused(uow_factory: UowFactory) -> None:
    ctx = _ctx(uow_factory)
    with pytest.raises(ValidationError, match="before its end"):
        compute_figures(ctx, SUPERVISOR, StatsFilter(NOVEMBER.until, NOVEMBER.since))
    with pytest.raises(ValidationError, match="time zone"):
        compute_figures(ctx, SUPERVISOR, StatsFilter(datetime(2026, 11, 1)))
