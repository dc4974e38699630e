"""The one money, duration, percentage and count formatter (issue 16)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qc_station.domain.display import (
    format_amounts,
    format_count,
    format_duration,
    format_money,
    format_percent,
)


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("6739.95", "EUR", "6,739.95 EUR"),
        ("1360.99", "CNY", "1,360.99 CNY"),
        ("35.9", "usd", "35.90 USD"),  # the currency's two minor digits, the code upper case
        ("1200", "JPY", "1,200 JPY"),  # no minor unit
        ("1199.5", "JPY", "1,200 JPY"),  # rounded half up to the minor unit
        ("2.3455", "KWD", "2.346 KWD"),  # three minor digits
        ("0", "EUR", "0.00 EUR"),
        ("1234567.891", "XXX", "1,234,567.891 XXX"),  # unknown: kept as given, never refused
    ],
)
def test_money_has_one_convention(amount: str, currency: str, expected: str) -> None:
    assert format_money(Decimal(amount), currency, "en") == expected
    assert format_money(Decimal(amount), currency, "zh_CN") == expected


def test_several_currencies() -> None:
    pairs = [("EUR", Decimal("12.5")), ("USD", Decimal("3"))]
    assert format_amounts(pairs) == "12.50 EUR · 3.00 USD"
    assert format_amounts([]) == "—"


@pytest.mark.parametrize(
    ("seconds", "english", "chinese"),
    [
        (915.0, "15 min 15 s", "15分15秒"),
        (45, "45 s", "45秒"),
        (0, "0 s", "0秒"),
        (120, "2 min", "2分"),
        (Decimal("59.5"), "1 min", "1分"),  # whole seconds, half up
        (3723, "1 h 2 min", "1小时2分"),
        (7200, "2 h", "2小时"),
        (None, "—", "—"),
    ],
)
def test_durations(seconds: float | None, english: str, chinese: str) -> None:
    assert format_duration(seconds, "en") == english
    assert format_duration(seconds, "zh_CN") == chinese


def test_percentages_and_counts() -> None:
    assert format_percent(Decimal("12.50"), "en") == "12.5 %"
    assert format_percent(50, "zh_CN") == "50%"
    assert format_percent(33.333, "en") == "33.3 %"
    assert format_count(1234567) == "1,234,567"
