"""SPEC §5.1, the return window: ``request − delivery ≤ return_window_days[market]``, the order
date plus the transit allowance standing in for an unknown delivery date, and an unknown
window when neither is known (decided as if it holds, with approval).

Expected day counts are worked out by hand from the calendar, not taken from the engine.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from qc_station.domain.decision import Case, assess_window, propose
from qc_station.domain.enums import (
    Finding,
    Grade,
    RequestedResolution,
    Resolution,
    WindowStatus,
)
from qc_station.domain.policy import Policy, load_policy

HOLDS, EXCEEDED, UNKNOWN = WindowStatus.HOLDS, WindowStatus.EXCEEDED, WindowStatus.UNKNOWN
D = date.fromisoformat

# (id, market, order date, delivery date, request date, status, days, limit, estimated)
WINDOW_TABLE = [
    ("US-day-0-same-day", "US", "2026-01-01", "2026-01-05", "2026-01-05", HOLDS, 0, 30, False),
    ("US-day-30-holds", "US", "2025-12-20", "2026-01-01", "2026-01-31", HOLDS, 30, 30, False),
    ("US-day-31-exceeded", "US", "2025-12-20", "2026-01-01", "2026-02-01", EXCEEDED, 31, 30, False),
    ("FR-uses-default-30", "FR", "2025-12-20", "2026-01-01", "2026-01-31", HOLDS, 30, 30, False),
    ("DE-day-14-holds", "DE", "2025-12-20", "2026-01-01", "2026-01-15", HOLDS, 14, 14, False),
    ("DE-day-15-exceeded", "DE", "2025-12-20", "2026-01-01", "2026-01-16", EXCEEDED, 15, 14, False),
    ("de-lowercase", "de", "2025-12-20", "2026-01-01", "2026-01-16", EXCEEDED, 15, 14, False),
    # Request before delivery (a pre-registered return): negative days, inside the window.
    ("request-early", "US", "2026-01-01", "2026-01-10", "2026-01-08", HOLDS, -2, 30, False),
    # 2028 is a leap year: Feb 28 → Mar 30 is 1 + 30 = 31 days.
    ("leap-year-31-days", "US", "2028-02-01", "2028-02-28", "2028-03-30", EXCEEDED, 31, 30, False),
    # A known delivery date wins over the order date (order + 7 would give 54 days here).
    ("delivery-wins", "US", "2025-12-01", "2026-01-01", "2026-01-31", HOLDS, 30, 30, False),
    # No delivery date: 2026-01-01 + 7 = 2026-01-08 stands in for it.
    ("no-delivery-estimated-30", "US", "2026-01-01", None, "2026-02-07", HOLDS, 30, 30, True),
    ("no-delivery-estimated-31", "US", "2026-01-01", None, "2026-02-08", EXCEEDED, 31, 30, True),
    ("DE-no-delivery-14", "DE", "2026-01-01", None, "2026-01-22", HOLDS, 14, 14, True),
    ("DE-no-delivery-15", "DE", "2026-01-01", None, "2026-01-23", EXCEEDED, 15, 14, True),
    ("neither-date-unknown", "US", None, None, "2026-01-23", UNKNOWN, None, 30, False),
    ("no-request-date-unknown", "US", "2026-01-01", "2026-01-05", None, UNKNOWN, None, 30, False),
    ("no-request-nor-delivery", "DE", "2026-01-01", None, None, UNKNOWN, None, 14, True),
    ("nothing-known", "US", None, None, None, UNKNOWN, None, 30, False),
]


@pytest.mark.parametrize(
    ("market", "ordered", "delivered", "requested", "status", "days", "limit", "estimated"),
    [pytest.param(*row[1:], id=row[0]) for row in WINDOW_TABLE],
)
def test_window_with_the_default_policy(
    default_policy: Policy,
    market: str,
    ordered: str | None,
    delivered: str | None,
    requested: str | None,
    status: WindowStatus,
    days: int | None,
    limit: int,
    estimated: bool,
) -> None:
    window = assess_window(
        default_policy,
        market,
        D(ordered) if ordered else None,
        D(delivered) if delivered else None,
        D(requested) if requested else None,
    )
    assert (window.status, window.days, window.limit, window.estimated) == (
        status,
        days,
        limit,
        estimated,
    )
    assert window.holds is (status != EXCEEDED)


def test_default_policy_carries_the_de_override(default_policy: Policy) -> None:
    assert default_policy.return_window_days == 30
    assert default_policy.return_window_by_market == {"DE": 14}
    assert default_policy.transit_allowance_days == 7


@pytest.mark.parametrize(
    ("text", "market", "requested", "status"),
    [
        # A plain number applies to every market, DE included.
        pytest.param("return_window_days = 20", "DE", "2026-01-21", HOLDS, id="plain-20-DE-day-20"),
        pytest.param(
            "return_window_days = 20", "US", "2026-01-22", EXCEEDED, id="plain-20-US-day-21"
        ),
        pytest.param(
            "return_window_days = { default = 45, GB = 10 }",
            "GB",
            "2026-01-12",
            EXCEEDED,
            id="table-GB-10-day-11",
        ),
        pytest.param(
            "return_window_days = { default = 45, GB = 10 }",
            "DE",
            "2026-02-15",
            HOLDS,
            id="table-without-DE-falls-to-default-45",
        ),
        pytest.param(
            "return_window_days = { default = 45, GB = 10 }",
            "US",
            "2026-02-16",
            EXCEEDED,
            id="table-default-45-day-46",
        ),
    ],
)
def test_window_with_a_custom_policy(
    text: str, market: str, requested: str, status: WindowStatus
) -> None:
    policy = load_policy(text)
    window = assess_window(policy, market, None, D("2026-01-01"), D(requested))
    assert window.status == status


@pytest.mark.parametrize(
    ("allowance", "requested", "status"),
    [
        pytest.param(0, "2026-01-31", HOLDS, id="allowance-0-day-30"),
        pytest.param(0, "2026-02-01", EXCEEDED, id="allowance-0-day-31"),
        pytest.param(14, "2026-02-14", HOLDS, id="allowance-14-day-30"),
        pytest.param(14, "2026-02-15", EXCEEDED, id="allowance-14-day-31"),
    ],
)
def test_transit_allowance_is_read_from_the_policy(
    allowance: int, requested: str, status: WindowStatus
) -> None:
    policy = load_policy(f"transit_allowance_days = {allowance}")
    window = assess_window(policy, "US", D("2026-01-01"), None, D(requested))
    assert window.status == status
    assert window.estimated


def _no_fault_a(**dates: date | None) -> Case:
    return Case(
        market="US",
        currency="USD",
        unit_price=Decimal("100.00"),
        order_date=dates.get("order_date"),
        delivery_date=dates.get("delivery_date"),
        request_date=dates.get("request_date"),
        requested_resolution=RequestedResolution.REFUND,
        grade=Grade.A,
        finding=Finding.NO_FAULT,
    )


@pytest.mark.parametrize(
    "dates",
    [
        pytest.param({"request_date": D("2026-03-01")}, id="no-order-no-delivery"),
        pytest.param(
            {"order_date": D("2025-01-01"), "delivery_date": D("2025-01-05")}, id="no-request"
        ),
    ],
)
def test_unknown_window_is_decided_as_if_it_holds_and_needs_approval(
    default_policy: Policy, dates: dict[str, date]
) -> None:
    proposal = propose(default_policy, _no_fault_a(**dates))
    assert proposal.window.status == UNKNOWN
    # Had the window been exceeded this would be a DISPUTE; it is the in-window outcome.
    assert proposal.outcome.resolution == Resolution.FULL_REFUND
    assert proposal.outcome.refund_amount == Decimal("100.00")
    assert [r.code for r in proposal.approval_reasons] == ["approval_window_unknown"]
    assert proposal.reasons[0].code == "window_unknown"


def test_exceeded_window_reason_names_days_limit_and_market(default_policy: Policy) -> None:
    case = _no_fault_a(delivery_date=D("2026-01-01"), request_date=D("2026-01-16"))
    proposal = propose(default_policy, replace(case, market="DE"))
    first = proposal.reasons[0]
    assert first.code == "window_exceeded"
    assert first.text == (
        "Return window exceeded: requested 15 days after delivery, limit 14 days for DE"
    )


def test_estimated_delivery_is_said_in_the_reason(default_policy: Policy) -> None:
    case = _no_fault_a(order_date=D("2026-01-01"), request_date=D("2026-01-10"))
    proposal = propose(default_policy, case)
    assert proposal.reasons[0].text == (
        "Return window holds: requested 2 days after estimated delivery "
        "(order date + transit allowance), limit 30 days for US"
    )
