"""Argument types for the numbers and dates of the command line (SPEC §11).

Every number or date option goes through one of these, so that an out-of-range or oddly
written value (``1_0``, Arabic-Indic digits, a 5,000-digit number, ``0001-01-01``) is a usage
error naming the option, before anything runs, never a traceback or an overflow deep inside.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from qc_station.domain.errors import ValidationError
from qc_station.domain.fields import parse_count

#: The dates a command accepts: far around any real return, far inside what ``datetime``
#: can shift by a time zone.
FIRST_DATE = date(1970, 1, 1)
LAST_DATE = date(2999, 12, 31)


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number from ``low`` to ``high`` in ASCII digits."""

    def parse(text: str) -> int:
        try:
            return parse_count(text, "value", low, high)
        except ValidationError:
            raise argparse.ArgumentTypeError(
                f"{text[:40]!r} is not a whole number from {low} to {high}"
            ) from None

    parse.__name__ = "whole number"  # argparse names the type in its messages
    return parse


def moment(text: str, *, end: bool) -> datetime:
    """A day in local time (its start, or with ``end`` the start of the next day), or an ISO
    8601 time (local when it has no offset); as UTC. Raises ``ValueError`` with the reason."""
    value = text.strip()
    if not value.isascii():
        raise ValueError(f"{text[:40]!r} is not a date (YYYY-MM-DD) or an ISO 8601 time")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        day = None
    if day is not None:
        _check_range(day, text)
        if end:
            day += timedelta(days=1)
        return datetime.combine(day, time()).astimezone().astimezone(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{text[:40]!r} is not a date (YYYY-MM-DD) or an ISO 8601 time") from None
    _check_range(parsed.date(), text)
    if parsed.tzinfo is None:
        parsed = parsed.astimezone()  # a local time, as the dates are
    return parsed.astimezone(UTC)


def _check_range(day: date, text: str) -> None:
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueError(
            f"{text!r} is out of range: dates from {FIRST_DATE.isoformat()} to "
            f"{LAST_DATE.isoformat()}"
        )


def _moment_type(end: bool) -> Callable[[str], datetime]:
    def parse(text: str) -> datetime:
        try:
            return moment(text, end=end)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = "date"
    return parse


#: ``--since``: the start of a day (local), or an ISO time.
since_type = _moment_type(end=False)
#: ``--until``: the end of a day (local), or an ISO time.
until_type = _moment_type(end=True)
