"""Money, durations and percentages on the screens, in the interface's language: the core's one
formatter (``qc_station.domain.display``) told which language the interface speaks.

The language is the installed translation's own: each catalogue translates the marker
``("Display", "en")`` into its language's name (``zh_CN``), so formatting follows whichever
translator Qt has installed, with no state of its own to keep in step, and widgets and item
models that format a value need no session at hand.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from qc_station.domain import display

_KNOWN = (display.ENGLISH, display.CHINESE)


def language() -> str:
    """The interface's language as the installed translation names it; English otherwise."""
    # The translators name their language in the marker's translation ("zh_CN").
    named = QCoreApplication.translate("Display", "en")
    return named if named in _KNOWN else display.ENGLISH


def money(amount: Decimal | None, currency: str) -> str:
    """``1,360.99 CNY``; ``—`` for no amount."""
    if amount is None:
        return "—"
    return display.format_money(amount, currency, language())


def amounts(pairs: list[tuple[str, Decimal]]) -> str:
    """``(currency, amount)`` pairs, ``12.50 EUR · 3.00 USD``; ``—`` for none."""
    return display.format_amounts(pairs, language())


def duration(seconds: float | Decimal | int | None) -> str:
    """``15 min 15 s`` / ``15分15秒``; ``—`` for none."""
    return display.format_duration(seconds, language())


def percent(value: float | Decimal | int) -> str:
    """``12.5 %`` / ``12.5%``."""
    return display.format_percent(value, language())
