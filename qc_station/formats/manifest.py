"""Parsing RMA manifests (SPEC §7.1): the generic CSV and Amazon's FBA customer returns report.

``parse_manifest`` turns a file's bytes into RMAs grouped with their lines, plus one
``RowError`` for each row that cannot be imported. It reads no clock, no database and no
files: "today" is passed in, and whatever needs the product catalog (an Amazon report's
price, category, supplier, currency and market) is left for the import service to fill.

Decisions (where SPEC is silent):

- **An RMA is imported whole or not at all.** When one row of an RMA is invalid, or disagrees
  with the RMA's other rows on a header field, none of its rows is imported and each of them
  is reported (the valid ones point at the bad line). Importing part of an RMA would number
  its units without the missing line, and once inspection starts the RMA can no longer be
  corrected by importing the fixed file again.
- **Rows of one RMA must agree** on order, customer, market, currency, the three dates, the
  requested resolution, carrier and tracking. The stated reason may differ per line (shops
  often ask per item); the RMA's reason is the distinct reasons joined with ``"; "``.
- **Dates** are ISO 8601 ``YYYY-MM-DD``; a full ISO timestamp is accepted and its date (as
  written, not converted to UTC) is taken. A date after ``today`` is refused, as are a delivery
  and a request before the order.
- **Market** is a 2-letter country code in upper case; ``UK`` is read as ``GB``, because
  sellers write it and the policy's per-market settings use ISO codes.
- **unit_price** is rounded half-up to the currency's minor unit; 0 is allowed (free items);
  a decimal comma is read (``12,5``) but ``1,234`` is refused as ambiguous (``parse_price``).
  **quantity** is a whole number from 1 to ``MAX_QUANTITY``: more in one row is almost always
  a column mix-up (an order id or a price in the quantity column), and each unit becomes a
  record and a label.
- Cells that look like spreadsheet formulas (``=``, ``+``, ``-``, ``@``) are data: they are
  stored as written, and neutralised only when written to a file meant for Excel.
- **Amazon report:** each row is one return. Its RMA code is the ``license-plate-number``
  Amazon printed on the unit, or ``AMZ-<order-id>-<sku>`` when that cell is empty; a code seen
  on an earlier row makes the later row an error (the first one stands). The request date is
  the ``return-date``; there is no order or delivery date, no customer, carrier or tracking;
  the requested resolution is REFUND (Amazon refunds FBA returns); the stated reason is Amazon's
  ``reason``, followed by the ``customer-comments`` when there are any. The report has no price,
  currency or market, so ``market`` and ``currency`` are ``None`` here and the import service
  takes price, category, supplier and currency from the product catalog, and the market from
  the catalog currency through ``MARKET_BY_CURRENCY``: the Amazon marketplace that sells in it
  (for EUR, which several marketplaces share, DE: amazon.de is the largest of them; a site
  that sells mainly on another one changes the table). A currency not in the table is an
  error of the row rather than a guessed market, because the market decides the return
  window.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from qc_station.domain.enums import RequestedResolution
from qc_station.domain.errors import ValidationError
from qc_station.domain.fields import MAX_TEXT, check_code, check_name, check_text
from qc_station.domain.money import check_currency, round_money

from .csv_input import (
    AMAZON_COLUMNS,
    AMAZON_MARKERS,
    MANIFEST_ALIASES,
    ColumnMap,
    FileFormatError,
    Record,
    RowError,
    decode,
    map_columns,
    normalise_name,
    parse_price,
    read_table,
    refuse_duplicates,
)

FORMAT_GENERIC = "generic"
FORMAT_AMAZON = "amazon"

#: The most units one row may hold (see the module docstring).
MAX_QUANTITY = 1000

#: Columns the generic manifest must have; the others may be missing from the header. Their
#: cells must not be empty, except ``customer`` (exports may redact names for privacy).
GENERIC_REQUIRED = (
    "rma_code",
    "order_id",
    "customer",
    "market",
    "currency",
    "order_date",
    "request_date",
    "sku",
    "unit_price",
    "quantity",
)
AMAZON_REQUIRED = ("return-date", "order-id", "sku", "quantity")

#: The market of an Amazon return, from the currency of its SKU in the catalog: the Amazon
#: marketplace that sells in that currency (see the module docstring).
MARKET_BY_CURRENCY: dict[str, str] = {
    "USD": "US",
    "CAD": "CA",
    "MXN": "MX",
    "BRL": "BR",
    "GBP": "GB",
    "EUR": "DE",
    "SEK": "SE",
    "PLN": "PL",
    "TRY": "TR",
    "AED": "AE",
    "SAR": "SA",
    "EGP": "EG",
    "INR": "IN",
    "JPY": "JP",
    "AUD": "AU",
    "SGD": "SG",
    "CNY": "CN",
    "ZAR": "ZA",
}

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


@dataclass(frozen=True, slots=True)
class ParsedLine:
    """One line of an RMA as read from one row. ``unit_price`` is ``None`` for an Amazon row
    (it comes from the catalog); empty ``product_name``, ``category`` and ``supplier`` are
    filled from the catalog by the import service when the SKU is there."""

    line: int  # the row's first physical line in the file
    row: str  # the row as written, for the error file
    sku: str
    product_name: str
    category: str
    supplier: str
    unit_price: Decimal | None
    quantity: int


@dataclass(frozen=True, slots=True)
class ParsedRma:
    """An RMA's header and its lines in file order. ``market`` and ``currency`` are ``None``
    for an Amazon return (the service infers them from the catalog)."""

    code: str
    order_id: str
    customer: str
    market: str | None
    currency: str | None
    order_date: date | None
    delivery_date: date | None
    request_date: date | None
    requested_resolution: RequestedResolution
    stated_reason: str
    carrier: str
    tracking: str
    lines: tuple[ParsedLine, ...]


@dataclass(frozen=True, slots=True)
class ParsedManifest:
    format: str  # FORMAT_GENERIC or FORMAT_AMAZON
    rows_read: int  # data rows, not counting the header and blank lines
    rmas: tuple[ParsedRma, ...]
    errors: tuple[RowError, ...]  # sorted by line


# --- reading cells -------------------------------------------------------------------------


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
def _price(text: str, currency: str | None, label: str) -> Decimal | str:
    """The rounded amount, or why it is refused."""
    try:
        amount = parse_price(text, label, currency)
    except ValidationError as exc:
        return str(exc)
    return round_money(amount, currency) if currency else amount


@lru_cache(maxsize=256)
def _resolution(text: str) -> RequestedResolution | None:
    return _RESOLUTIONS.get(normalise_name(text))


class _Columns:
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


class _Cells:
    __slots__ = ("labels", "problems", "record", "values")

    """The cells of one row by canonical column name. Each reader returns a value (or a
    harmless stand-in) and notes every problem, so that one error message lists them all."""

    def __init__(self, record: Record, columns: _Columns, labels: Mapping[str, str]):
        self.record = record
        self.values = columns.values(record.cells)
        self.labels = labels
        self.problems: list[str] = []

    def label(self, name: str) -> str:
        """The column as the user's header names it, so that they can find it."""
        return self.labels.get(name, name)

    def text(self, name: str) -> str:
        return self.values.get(name, "")

    def required(self, name: str) -> str:
        value = self.values.get(name, "")
        if not value:
            self.problems.append(f"{self.label(name)} is empty")
        return value

    def checked(self, name: str, rule: Callable[[str, str], str], *, required: bool) -> str:
        """The cell, checked by one of the ``domain.fields`` rules (SPEC §7.1); a refusal is
        a problem of the row."""
        value = self.required(name) if required else self.text(name)
        if value:
            try:
                rule(value, self.label(name))
            except ValidationError as exc:
                self.problems.append(str(exc))
        return value

    def date(self, name: str, today: date, *, required: bool) -> date | None:
        value = self.required(name) if required else self.text(name)
        if not value:
            return None
        parsed = _date(value)
        if parsed is None:
            self.problems.append(
                f"{self.label(name)} {value!r} is not a date in the form YYYY-MM-DD"
            )
        elif parsed > today:
            self.problems.append(f"{self.label(name)} {parsed.isoformat()} is in the future")
        return parsed

    def market(self, name: str) -> str:
        value = self.required(name).upper()
        if value and not _MARKET.fullmatch(value):
            self.problems.append(
                f"{self.label(name)} {self.text(name)!r} is not a 2-letter country code "
                "(such as US, DE, GB, CN)"
            )
        return _MARKET_FIXES.get(value, value)

    def currency(self, name: str) -> str | None:
        value = self.required(name)
        if not value:
            return None
        found = _currency(value)
        if found is None:
            self.problems.append(
                f"{self.label(name)} {value!r} is not a known ISO 4217 currency code"
            )
        return found

    def price(self, name: str, currency: str | None) -> Decimal | None:
        value = self.required(name)
        if not value:
            return None
        found = _price(value, currency, self.label(name))
        if isinstance(found, str):
            self.problems.append(found)
            return None
        return found

    def quantity(self, name: str) -> int:
        value = self.required(name)
        if not value:
            return 0
        if not _WHOLE_NUMBER.fullmatch(value):
            self.problems.append(f"{self.label(name)} {value!r} is not a whole number")
            return 0
        # Bounded before ``int``: a 5,000-digit cell would make ``int`` itself refuse.
        number = int(value) if len(value) <= 12 else MAX_QUANTITY + 1
        if number < 1:
            self.problems.append(f"{self.label(name)} {value!r} must be at least 1")
        elif number > MAX_QUANTITY:
            self.problems.append(
                f"{self.label(name)} {value!r} is more than {MAX_QUANTITY}, the most one row "
                "may hold; check that the columns are not shifted"
            )
        return number

    def resolution(self, name: str) -> RequestedResolution:
        value = self.text(name)
        found = _resolution(value)
        if found is None:
            self.problems.append(
                f"{self.label(name)} {value!r} is neither REFUND nor EXCHANGE "
                "(also accepted: money back, replacement)"
            )
            return RequestedResolution.REFUND
        return found

    def error(self) -> RowError:
        return RowError(self.record.line, "; ".join(self.problems), self.record.raw)


# --- grouping rows into RMAs ---------------------------------------------------------------


class _Header(NamedTuple):
    """The fields every row of one RMA repeats. Attribute names are the generic column names,
    so that a disagreement message names the column. (A tuple: made once per row, and
    compared, it is much cheaper than a frozen dataclass.)"""

    order_id: str
    customer: str
    market: str | None
    currency: str | None
    order_date: date | None
    delivery_date: date | None
    request_date: date | None
    requested_resolution: RequestedResolution
    carrier: str
    tracking: str


def _shown(value: object) -> str:
    if value is None:
        return "''"
    if isinstance(value, date):
        return value.isoformat()
    return repr(str(value))


@dataclass(slots=True)
class _Group:
    code: str
    header: _Header | None = None
    header_line: int = 0
    reasons: list[str] = field(default_factory=list)
    lines: list[ParsedLine] = field(default_factory=list)
    bad_lines: list[int] = field(default_factory=list)


class _Grouper:
    """Collects the rows of each RMA and decides, at the end, which RMAs are whole."""

    def __init__(self) -> None:
        self.groups: dict[str, _Group] = {}
        self.errors: list[RowError] = []

    def reject(self, code: str, error: RowError) -> None:
        self.errors.append(error)
        if code:
            self.groups.setdefault(code, _Group(code)).bad_lines.append(error.line)

    def accept(
        self, code: str, header: _Header, reason: str, line: ParsedLine, labels: Mapping[str, str]
    ) -> None:
        group = self.groups.setdefault(code, _Group(code))
        if group.header is None:
            group.header, group.header_line = header, line.line
        elif header != group.header:
            differences = [
                f"{labels.get(name, name)} {_shown(new)} differs from {_shown(old)} "
                f"on line {group.header_line}"
                for name, new, old in zip(_Header._fields, header, group.header, strict=True)
                if new != old
            ]
            self.reject(
                code,
                RowError(
                    line.line,
                    "; ".join(differences) + f" (all rows of RMA {code} must agree)",
                    line.row,
                ),
            )
            return
        if reason and reason not in group.reasons:
            group.reasons.append(reason)
        group.lines.append(line)

    def result(self) -> tuple[list[ParsedRma], list[RowError]]:
        rmas: list[ParsedRma] = []
        errors = list(self.errors)
        for group in self.groups.values():
            if group.bad_lines:
                where = ", ".join(str(n) for n in sorted(group.bad_lines))
                plural = "s" if len(group.bad_lines) > 1 else ""
                errors.extend(
                    RowError(
                        line.line,
                        f"not imported: RMA {group.code} has an error on line{plural} {where}; "
                        f"fix {'them' if plural else 'it'} and import the file again",
                        line.row,
                    )
                    for line in group.lines
                )
                continue
            assert group.header is not None  # a group with no bad line has a good one
            reason = "; ".join(group.reasons)
            if len(reason) > MAX_TEXT:
                errors.extend(
                    RowError(
                        line.line,
                        f"not imported: the reasons of RMA {group.code} together are "
                        f"{len(reason)} characters long; an RMA's reason may have at most "
                        f"{MAX_TEXT}",
                        line.row,
                    )
                    for line in group.lines
                )
                continue
            rmas.append(_rma(group.code, group.header, reason, group.lines))
        errors.sort(key=lambda e: e.line)
        return rmas, errors


def _rma(code: str, header: _Header, reason: str, lines: Iterable[ParsedLine]) -> ParsedRma:
    return ParsedRma(
        code=code,
        order_id=header.order_id,
        customer=header.customer,
        market=header.market,
        currency=header.currency,
        order_date=header.order_date,
        delivery_date=header.delivery_date,
        request_date=header.request_date,
        requested_resolution=header.requested_resolution,
        stated_reason=reason,
        carrier=header.carrier,
        tracking=header.tracking,
        lines=tuple(lines),
    )


# --- the two formats -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _GoodRow:
    code: str
    header: _Header
    reason: str
    line: ParsedLine


@dataclass(frozen=True, slots=True)
class _BadRow:
    code: str  # may be empty: a row with no usable code belongs to no RMA
    error: RowError


def _generic_row(cells: _Cells, today: date) -> _GoodRow | _BadRow:
    code = cells.checked("rma_code", check_code, required=True)
    cells.checked("order_id", check_code, required=True)
    cells.checked("sku", check_code, required=True)
    cells.checked("tracking", check_code, required=False)
    for name in ("customer", "carrier", "product_name", "category", "supplier"):
        cells.checked(name, check_name, required=False)
    cells.checked("reason", check_text, required=False)
    currency = cells.currency("currency")
    market = cells.market("market")
    order_date = cells.date("order_date", today, required=True)
    delivery_date = cells.date("delivery_date", today, required=False)
    request_date = cells.date("request_date", today, required=True)
    if order_date and delivery_date and delivery_date < order_date:
        cells.problems.append(
            f"{cells.label('delivery_date')} {delivery_date.isoformat()} is before "
            f"{cells.label('order_date')} {order_date.isoformat()}"
        )
    if order_date and request_date and request_date < order_date:
        cells.problems.append(
            f"{cells.label('request_date')} {request_date.isoformat()} is before "
            f"{cells.label('order_date')} {order_date.isoformat()}"
        )
    resolution = cells.resolution("requested_resolution")
    unit_price = cells.price("unit_price", currency)
    quantity = cells.quantity("quantity")
    if cells.problems:
        return _BadRow(code, cells.error())
    header = _Header(
        order_id=cells.text("order_id"),
        customer=cells.text("customer"),
        market=market,
        currency=currency,
        order_date=order_date,
        delivery_date=delivery_date,
        request_date=request_date,
        requested_resolution=resolution,
        carrier=cells.text("carrier"),
        tracking=cells.text("tracking"),
    )
    line = ParsedLine(
        line=cells.record.line,
        row=cells.record.raw,
        sku=cells.text("sku"),
        product_name=cells.text("product_name"),
        category=cells.text("category"),
        supplier=cells.text("supplier"),
        unit_price=unit_price,
        quantity=quantity,
    )
    return _GoodRow(code, header, cells.text("reason"), line)


def _amazon_row(cells: _Cells, today: date) -> _GoodRow | _BadRow:
    order_id = cells.checked("order-id", check_code, required=True)
    sku = cells.checked("sku", check_code, required=True)
    cells.checked("license-plate-number", check_code, required=False)
    cells.checked("product-name", check_name, required=False)
    cells.checked("reason", check_text, required=False)
    cells.checked("customer-comments", check_text, required=False)
    request_date = cells.date("return-date", today, required=True)
    quantity = cells.quantity("quantity")
    code = cells.text("license-plate-number") or (
        f"AMZ-{order_id}-{sku}" if order_id and sku else ""
    )
    reason = cells.text("reason")
    comments = cells.text("customer-comments")
    stated = f"{reason}: {comments}" if reason and comments else reason or comments
    if not cells.problems:
        for value, label, rule in (
            (code, "the RMA code made from order-id and sku", check_code),
            (stated, "reason with customer-comments", check_text),
        ):
            try:
                rule(value, label)
            except ValidationError as exc:
                cells.problems.append(str(exc))
    if cells.problems:
        return _BadRow(code, cells.error())
    header = _Header(
        order_id=order_id,
        customer="",
        market=None,
        currency=None,
        order_date=None,
        delivery_date=None,
        request_date=request_date,
        requested_resolution=RequestedResolution.REFUND,
        carrier="",
        tracking="",
    )
    line = ParsedLine(
        line=cells.record.line,
        row=cells.record.raw,
        sku=sku,
        product_name=cells.text("product-name"),
        category="",
        supplier="",
        unit_price=None,
        quantity=quantity,
    )
    return _GoodRow(code, header, stated, line)


# --- the entry point -----------------------------------------------------------------------


def _detect(header: tuple[str, ...], source_name: str) -> tuple[str, ColumnMap]:
    names = {normalise_name(h) for h in header}
    amazon_like = any(normalise_name(m) in names for m in AMAZON_MARKERS)
    required: tuple[str, ...]
    if amazon_like:
        columns = map_columns(header, AMAZON_COLUMNS)
        required, label = AMAZON_REQUIRED, "an Amazon FBA customer returns report"
        fmt = FORMAT_AMAZON
    else:
        columns = map_columns(header, MANIFEST_ALIASES)
        required, label = GENERIC_REQUIRED, "an RMA manifest"
        fmt = FORMAT_GENERIC
    refuse_duplicates(columns, source_name)
    missing = columns.missing(required)
    if missing:
        found = ", ".join(h for h in header if h.strip()) or "nothing"
        raise FileFormatError(
            f"{source_name}: the header is not one of a known format. Read as {label}, it "
            f"lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(the header has: {found})",
            file=source_name,
            missing=missing,
        )
    return fmt, columns


def parse_manifest(data: bytes, source_name: str, today: date) -> ParsedManifest:
    """Read a manifest file. Raises ``FileFormatError`` for a file that cannot be read at all
    (encoding, empty, unknown header); every other problem is a ``RowError`` of its row."""
    table = read_table(decode(data, source_name), source_name)
    fmt, columns = _detect(table.header, source_name)
    labels = {name: table.header[position] for name, position in columns.index.items()}
    picker = _Columns(columns.index)
    read_row = _amazon_row if fmt == FORMAT_AMAZON else _generic_row
    grouper = _Grouper()
    first_seen: dict[str, int] = {}  # Amazon: code → line where it was first used
    rows_read = 0
    for item in table.rows:
        rows_read += 1
        if isinstance(item, RowError):
            grouper.errors.append(item)
            continue
        cells = _Cells(item, picker, labels)
        result = read_row(cells, today)
        code = result.code
        if fmt == FORMAT_AMAZON and code:
            if code in first_seen:
                grouper.errors.append(
                    RowError(
                        item.line,
                        f"RMA code {code} is already used on line {first_seen[code]}; each "
                        "row of an Amazon report is one return (this row was not imported)",
                        item.raw,
                    )
                )
                continue
            first_seen[code] = item.line
        if isinstance(result, _BadRow):
            grouper.reject(code, result.error)
        else:
            grouper.accept(code, result.header, result.reason, result.line, labels)
    rmas, errors = grouper.result()
    return ParsedManifest(fmt, rows_read, tuple(rmas), tuple(errors))
