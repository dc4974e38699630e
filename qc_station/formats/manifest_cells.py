"""Reading the cells of one manifest row (SPEC §7.1): dates, currencies, prices, quantities,
markets and requested resolutions, each checked, with every problem of the row noted so
that one error message lists them all. ``manifest.py``'s docstring gives the rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter

from qc_station.domain.enums import RequestedResolution
from qc_station.domain.errors import ValidationError
from qc_station.domain.money import check_currency, round_money

from .csv_input import Record, RowError, RowProblem, normalise_name, parse_price

#: The most units one row may hold (see the module docstring).
MAX_QUANTITY = 1000
#: Accepted spellings of a requested resolution, normalised like header names.
_RESOLUTIONS: dict[str, RequestedResolution] = {
    "": RequestedResolution.REFUND,
    "refund": RequestedResolution.REFUND,
    "full refund": RequestedResolution.REFUND,
    "money back": RequestedResolution.REFUND,
    "退款": RequestedResolution.REFUND,
    "exchange": RequestedResolution.EXCHANGE,
    "replacement": RequestedResolution.EXCHANGE,
    "replace": RequestedResolution.EXCHANGE,
    "换货": RequestedResolution.EXCHANGE,
}


#: Country codes people write that are not ISO 3166 ones.
_MARKET_FIXES = {"UK": "GB"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MARKET = re.compile(r"[A-Z]{2}")
_WHOLE_NUMBER = re.compile(r"\+?[0-9]+", re.ASCII)


def parse_iso_date(text: str) -> date:
    """``YYYY-MM-DD``, or an ISO 8601 timestamp whose date is taken as written."""
    if len(text) == 10 and _ISO_DATE.fullmatch(text):
        return date.fromisoformat(text)
    if len(text) > 10 and _ISO_DATE.match(text) and text[10] in "T ":
        return datetime.fromisoformat(text).date()
    raise ValueError(text)


# The same few dates, currencies, prices and resolutions repeat on thousands of rows: these
# pure conversions are memoised so that a 100,000-row file parses in a couple of seconds.


@lru_cache(maxsize=4096)
def _date(text: str) -> date | None:
    try:
        return parse_iso_date(text)
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _currency(text: str) -> str | None:
    try:
        return check_currency(text)
    except ValidationError:
        return None


@lru_cache(maxsize=8192)
def _price(text: str, currency: str | None, label: str) -> Decimal | RowProblem:
    """The rounded amount, or why it is refused."""
    try:
        amount = parse_price(text, label, currency)
    except ValidationError as exc:
        return RowProblem.from_error(exc)
    return round_money(amount, currency) if currency else amount


@lru_cache(maxsize=256)
def _resolution(text: str) -> RequestedResolution | None:
    return _RESOLUTIONS.get(normalise_name(text))


class Columns:
    """Picks the known columns' cells out of a row, stripped, keyed by canonical name (one
    C-level pass per row: this runs for every row of files with 100,000 of them)."""

    def __init__(self, index: Mapping[str, int]) -> None:
        self.names = tuple(index)
        positions = tuple(index.values())
        self.pick = itemgetter(*positions) if len(positions) > 1 else None
        self.positions = positions

    def values(self, cells: Sequence[str]) -> dict[str, str]:
        picked = self.pick(cells) if self.pick else [cells[p] for p in self.positions]
        return dict(zip(self.names, map(str.strip, picked), strict=True))


class Cells:
    __slots__ = ("labels", "problems", "record", "values")

    """The cells of one row by canonical column name. Each reader returns a value (or a
    harmless stand-in) and notes every problem, so that one error message lists them all."""

    def __init__(self, record: Record, columns: Columns, labels: Mapping[str, str]):
        self.record = record
        self.values = columns.values(record.cells)
        self.labels = labels
        self.problems: list[RowProblem] = []

    def label(self, name: str) -> str:
        """The column as the user's header names it, so that they can find it."""
        return self.labels.get(name, name)

    def text(self, name: str) -> str:
        return self.values.get(name, "")

    def required(self, name: str) -> str:
        value = self.values.get(name, "")
        if not value:
            self.problems.append(RowProblem.of("import.cell_empty", field=self.label(name)))
        return value

    def checked(self, name: str, rule: Callable[[str, str], str], *, required: bool) -> str:
        """The cell, checked by one of the ``domain.fields`` rules (SPEC §7.1); a refusal is
        a problem of the row."""
        value = self.required(name) if required else self.text(name)
        if value:
            try:
                rule(value, self.label(name))
            except ValidationError as exc:
                self.problems.append(RowProblem.from_error(exc))
        return value

    def date(self, name: str, today: date, *, required: bool) -> date | None:
        value = self.required(name) if required else self.text(name)
        if not value:
            return None
        parsed = _date(value)
        if parsed is None:
            self.problems.append(
                RowProblem.of("import.not_a_date", field=self.label(name), value=value)
            )
        elif parsed > today:
            self.problems.append(
                RowProblem.of(
                    "import.date_in_future", field=self.label(name), value=parsed.isoformat()
                )
            )
        return parsed

    def market(self, name: str) -> str:
        value = self.required(name).upper()
        if value and not _MARKET.fullmatch(value):
            self.problems.append(
                RowProblem.of("import.not_a_market", field=self.label(name), value=self.text(name))
            )
        return _MARKET_FIXES.get(value, value)

    def currency(self, name: str) -> str | None:
        value = self.required(name)
        if not value:
            return None
        found = _currency(value)
        if found is None:
            self.problems.append(
                RowProblem.of("import.unknown_currency", field=self.label(name), value=value)
            )
        return found

    def price(self, name: str, currency: str | None) -> Decimal | None:
        value = self.required(name)
        if not value:
            return None
        found = _price(value, currency, self.label(name))
        if isinstance(found, RowProblem):
            self.problems.append(found)
            return None
        return found

    def quantity(self, name: str) -> int:
        value = self.required(name)
        if not value:
            return 0
        if not _WHOLE_NUMBER.fullmatch(value):
            self.problems.append(
                RowProblem.of("import.not_a_whole_number", field=self.label(name), value=value)
            )
            return 0
        # Bounded before ``int``: a 5,000-digit cell would make ``int`` itself refuse.
        number = int(value) if len(value) <= 12 else MAX_QUANTITY + 1
        if number < 1:
            self.problems.append(
                RowProblem.of("import.quantity_zero", field=self.label(name), value=value)
            )
        elif number > MAX_QUANTITY:
            self.problems.append(
                RowProblem.of(
                    "import.quantity_too_large",
                    field=self.label(name),
                    value=value,
                    limit=MAX_QUANTITY,
                )
            )
        return number

    def resolution(self, name: str) -> RequestedResolution:
        value = self.text(name)
        found = _resolution(value)
        if found is None:
            self.problems.append(
                RowProblem.of("import.not_a_resolution", field=self.label(name), value=value)
            )
            return RequestedResolution.REFUND
        return found

    def error(self) -> RowError:
        return RowError.of(self.record.line, self.problems, self.record.raw)
