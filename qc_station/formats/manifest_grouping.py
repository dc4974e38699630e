"""What a manifest parses into (``ParsedManifest``: RMAs with their lines, and the rows in
error), and the grouping of rows into RMAs that are imported whole or not at all: the rows
of one RMA must agree on its header fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from qc_station.domain.enums import RequestedResolution
from qc_station.domain.fields import MAX_TEXT

from .csv_input import RowError, RowProblem


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


class RmaHeader(NamedTuple):
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
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(slots=True)
class _Group:
    code: str
    header: RmaHeader | None = None
    header_line: int = 0
    reasons: list[str] = field(default_factory=list)
    lines: list[ParsedLine] = field(default_factory=list)
    bad_lines: list[int] = field(default_factory=list)


class Grouper:
    """Collects the rows of each RMA and decides, at the end, which RMAs are whole."""

    def __init__(self) -> None:
        self.groups: dict[str, _Group] = {}
        self.errors: list[RowError] = []

    def reject(self, code: str, error: RowError) -> None:
        self.errors.append(error)
        if code:
            self.groups.setdefault(code, _Group(code)).bad_lines.append(error.line)

    def accept(
        self, code: str, header: RmaHeader, reason: str, line: ParsedLine, labels: Mapping[str, str]
    ) -> None:
        group = self.groups.setdefault(code, _Group(code))
        if group.header is None:
            group.header, group.header_line = header, line.line
        elif header != group.header:
            differences = [
                RowProblem.of(
                    "import.rma_rows_disagree",
                    field=labels.get(name, name),
                    value=_shown(new),
                    other_value=_shown(old),
                    other_line=group.header_line,
                    rma=code,
                )
                for name, new, old in zip(RmaHeader._fields, header, group.header, strict=True)
                if new != old
            ]
            self.reject(code, RowError.of(line.line, differences, line.row))
            return
        if reason and reason not in group.reasons:
            group.reasons.append(reason)
        group.lines.append(line)

    def result(self) -> tuple[list[ParsedRma], list[RowError]]:
        rmas: list[ParsedRma] = []
        errors = list(self.errors)
        for group in self.groups.values():
            if group.bad_lines:
                problem = RowProblem.of(
                    "import.rma_has_bad_rows", rma=group.code, lines=sorted(group.bad_lines)
                )
                errors.extend(RowError.of(line.line, [problem], line.row) for line in group.lines)
                continue
            assert group.header is not None  # a group with no bad line has a good one
            reason = "; ".join(group.reasons)
            if len(reason) > MAX_TEXT:
                problem = RowProblem.of(
                    "import.rma_reasons_too_long",
                    rma=group.code,
                    length=len(reason),
                    limit=MAX_TEXT,
                )
                errors.extend(RowError.of(line.line, [problem], line.row) for line in group.lines)
                continue
            rmas.append(_rma(group.code, group.header, reason, group.lines))
        errors.sort(key=lambda e: e.line)
        return rmas, errors


def _rma(code: str, header: RmaHeader, reason: str, lines: Iterable[ParsedLine]) -> ParsedRma:
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


@dataclass(frozen=True, slots=True)
class GoodRow:
    code: str
    header: RmaHeader
    reason: str
    line: ParsedLine


@dataclass(frozen=True, slots=True)
class BadRow:
    code: str  # may be empty: a row with no usable code belongs to no RMA
    error: RowError
