"""SPEC §3 money: ISO 4217 minor digits, half-up rounding to the minor unit, plain formatting
with a dot, and parsing of amounts typed or imported as text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qc_station.domain.errors import ValidationError
from qc_station.domain.money import (
    check_currency,
    format_amount,
    is_currency,
    minor_digits,
    parse_amount,
    quantum,
    round_money,
)


@pytest.mark.parametrize(
    ("currency", "digits"),
    [
        ("JPY", 0),
        ("KRW", 0),
        ("VND", 0),
        ("USD", 2),
        ("EUR", 2),
        ("GBP", 2),
        ("CNY", 2),
        ("BHD", 3),
        ("KWD", 3),
        ("TND", 3),
        ("CLF", 4),
        ("jpy", 0),
        (" usd ", 2),
    ],
    ids=str,
)
def test_minor_digits(currency: str, digits: int) -> None:
    assert minor_digits(currency) == digits


@pytest.mark.parametrize(
    ("currency", "step"), [("USD", "0.01"), ("JPY", "1"), ("BHD", "0.001")], ids=str
)
def test_quantum_is_one_minor_unit(currency: str, step: str) -> None:
    assert quantum(currency) == Decimal(step)


@pytest.mark.parametrize("code", ["XYZ", "", "US", "EURO", "€", "XXX"], ids=repr)
def test_unknown_currency_is_refused(code: str) -> None:
    assert not is_currency(code)
    with pytest.raises(ValidationError, match="Unknown currency") as caught:
        check_currency(code)
    assert caught.value.params == {"field": "currency", "value": code}
    with pytest.raises(ValidationError):
        round_money(Decimal(1), code)


def test_check_currency_normalises() -> None:
    assert check_currency(" eur ") == "EUR"
    assert is_currency("EUR")
    assert not is_currency("eur")  # is_currency is the exact test; check_currency normalises


# (id, amount, currency, rounded as the exact string)
ROUND_TABLE = [
    ("USD-2.345-up", "2.345", "USD", "2.35"),
    ("USD-2.344-down", "2.344", "USD", "2.34"),
    ("USD-0.005-up", "0.005", "USD", "0.01"),
    ("USD-0.025-up-not-even", "0.025", "USD", "0.03"),
    ("USD-0.035-up", "0.035", "USD", "0.04"),
    ("USD-17.991-down", "17.991", "USD", "17.99"),
    ("USD-whole-gets-2-digits", "5", "USD", "5.00"),
    ("JPY-1396.5-up", "1396.5", "JPY", "1397"),
    ("JPY-1396.49-down", "1396.49", "JPY", "1396"),
    ("JPY-1799.1-down", "1799.1", "JPY", "1799"),
    ("JPY-0.5-up", "0.5", "JPY", "1"),
    ("JPY-1200.00-no-digits", "1200.00", "JPY", "1200"),
    ("KRW-2.5-up-not-even", "2.5", "KRW", "3"),
    ("BHD-1.0005-up", "1.0005", "BHD", "1.001"),
    ("BHD-1.1115-up", "1.1115", "BHD", "1.112"),
    ("BHD-1.5-three-digits", "1.5", "BHD", "1.500"),
]


@pytest.mark.parametrize(
    ("amount", "currency", "rounded"), [pytest.param(*row[1:], id=row[0]) for row in ROUND_TABLE]
)
def test_round_money_half_up(amount: str, currency: str, rounded: str) -> None:
    assert str(round_money(Decimal(amount), currency)) == rounded


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        ("0", "USD", "0.00"),
        ("1200", "JPY", "1200"),
        ("1200.4", "JPY", "1200"),
        ("1.5", "BHD", "1.500"),
        ("1E+3", "USD", "1000.00"),  # never scientific notation
        ("1E+5", "JPY", "100000"),
        ("19.995", "USD", "20.00"),
    ],
    ids=lambda v: str(v),
)
def test_format_amount_is_a_plain_decimal(amount: str, currency: str, text: str) -> None:
    assert format_amount(Decimal(amount), currency) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("19.99", "19.99"),
        (" 5 ", "5"),
        ("19,99", "19.99"),  # a lone comma is the decimal mark
        ("0", "0"),
        ("1200", "1200"),
    ],
    ids=repr,
)
def test_parse_amount(text: str, value: str) -> None:
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "is not a number"),
        ("abc", "is not a number"),
        ("1,234.50", "is not a number"),  # thousands separators are refused, not guessed
        ("1,234,567", "is not a number"),
        (
            "1,234",
            "is ambiguous: write it with a dot as the decimal separator and no thousands separator",
        ),
        ("NaN", "is not a number"),
        ("Infinity", "is not a number"),
        ("-1", "is negative"),
        ("-0.01", "is negative"),
    ],
    ids=repr,
)
def test_parse_amount_refuses(text: str, problem: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, "unit_price")
    assert str(caught.value) == f"unit_price '{text}' {problem}."
    assert caught.value.params["field"] == "unit_price"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("1E+30", "is not a number (write plain digits 0-9 with a dot: no exponent, no '_')"),
        ("1e3", "is not a number (write plain digits 0-9 with a dot: no exponent, no '_')"),
        ("1_0", "is not a number (write plain digits 0-9 with a dot: no exponent, no '_')"),
        ("١٢", "is not a number (write plain digits 0-9 with a dot: no exponent, no '_')"),
        ("１２", "is not a number (write plain digits 0-9 with a dot: no exponent, no '_')"),
        ("+5", "is not a number"),
        ("9" * 32, "is too large: at most 1000000000000"),
        ("1000000000000.01", "is too large: at most 1000000000000"),
    ],
    ids=repr,
)
def test_parse_amount_refuses_what_breaks_more_than_its_row(text: str, problem: str) -> None:
    """Issue 15: each of these was read as a number (or crashed a whole import later)."""
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, "unit_price")
    assert str(caught.value) == f"unit_price '{text}' {problem}."


def test_parse_amount_bound_is_in_minor_units_of_the_currency() -> None:
    assert parse_amount("10000000000.00", "amount", "USD") == Decimal("10000000000.00")
    assert parse_amount("1000000000000", "amount", "JPY") == Decimal(10**12)
    with pytest.raises(ValidationError, match=r"at most 10000000000\.00 USD"):
        parse_amount("10000000000.01", "amount", "USD")
    with pytest.raises(ValidationError, match="too large"):
        parse_amount("1000000000.001", "amount", "BHD")
    long = "1" + "0" * 5000
    with pytest.raises(ValidationError, match="more than 40 characters"):
        parse_amount(long, "amount")
