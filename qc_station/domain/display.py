"""Money, durations, counts and percentages as people read them, in one convention for every
screen and printed document (issue 16: money was written three ways, times as "915.0 s").

The convention:

- money is the amount with the currency's own minor digits (ISO 4217: ``1,200 JPY``,
  ``35.99 EUR``, ``1.250 KWD``), thousands grouped with a comma, and the ISO code after it,
  in every language: a returns station handles several currencies side by side, and a symbol
  ("$") does not say which dollar;
- a duration is whole seconds in hours, minutes and seconds: ``15 min 15 s`` / ``15分15秒``;
- a percentage is ``12.5 %`` in English, ``12.5%`` in Chinese;
- a count is grouped: ``1,234``.

``locale`` is the station's language as the configuration names it (``en``, ``zh_CN``); any
other value is English. Pure: no Qt, so the core, the printing package and the screens share it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .money import MINOR_DIGITS, round_money

#: The languages the station speaks (SPEC §8); English is the source language.
ENGLISH = "en"
CHINESE = "zh_CN"


def is_chinese(locale: str) -> bool:
    return locale.replace("-", "_").lower().startswith("zh")


def format_money(amount: Decimal, currency: str, locale: str = ENGLISH) -> str:
    """``1,360.99 CNY``: rounded half-up to the currency's minor unit and grouped; an unknown
    currency (old data, a typo in a file) keeps the amount as given rather than failing."""
    code = (currency or "").strip().upper()
    if code in MINOR_DIGITS:
        value = round_money(amount, code)
        digits = MINOR_DIGITS[code]
    else:
        value = amount
        exponent = amount.as_tuple().exponent
        digits = max(0, -exponent) if isinstance(exponent, int) else 0
    text = f"{value:,.{digits}f}"
    return f"{text} {code}" if code else text


def format_amounts(amounts: list[tuple[str, Decimal]], locale: str = ENGLISH) -> str:
    """Several currencies' amounts, ``12.50 EUR · 3.00 USD`` (``—`` for none)."""
    return " · ".join(format_money(a, c, locale) for c, a in amounts) or "—"


def format_duration(seconds: float | Decimal | int | None, locale: str = ENGLISH) -> str:
    """``15 min 15 s`` / ``15分15秒``, ``1 h 2 min`` / ``1小时2分``, ``45 s`` / ``45秒``;
    rounded to the whole second (half up); ``—`` for no duration."""
    if seconds is None:
        return "—"
    total = int(Decimal(str(seconds)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    sign = "-" if total < 0 else ""
    total = abs(total)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if is_chinese(locale):
        units = (("小时", hours), ("分", minutes), ("秒", secs))
        joiner = ""
        parts = [f"{n}{unit}" for unit, n in units]
    else:
        units = (("h", hours), ("min", minutes), ("s", secs))
        joiner = " "
        parts = [f"{n} {unit}" for unit, n in units]
    # Hours leave the seconds out (nobody reads "1 h 0 min 3 s" for an inspection time).
    if hours:
        shown = parts[:2] if minutes else parts[:1]
    elif minutes:
        shown = parts[1:] if secs else parts[1:2]
    else:
        shown = parts[2:]
    return sign + joiner.join(shown)


def format_percent(value: float | Decimal | int, locale: str = ENGLISH, places: int = 1) -> str:
    """``12.5 %`` / ``12.5%``; trailing zeros dropped (``50 %``)."""
    text = f"{Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%" if is_chinese(locale) else f"{text} %"


def format_count(count: int, locale: str = ENGLISH) -> str:
    """``1,234`` (grouped the same way in both languages)."""
    return f"{count:,}"
