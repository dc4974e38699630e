"""Simulation of the decision policy on a CSV of cases (SPEC §5.6, ``qc-station decide-batch``).

A supervisor writes one row per unit (``case_id, market, currency, unit_price, order_date,
delivery_date, request_date, requested_resolution, grade, finding, photos``), runs the engine
with the policy under test, and reads one output row per case (``case_id, headline,
resolution, disposition, deduction_pct, refund_amount, recovery, needs_approval, reasons``).
Nothing touches the database: the rows go through ``domain.decision.decide``, the same
function a submission uses, so the evidence minimums are enforced here too.

Reading rules: the header may list the columns in any order, in any letter case, with extra
columns (ignored); cells are trimmed; a UTF-8 byte order mark is tolerated; the delimiter is a
comma, or a semicolon when the header has semicolons and no commas (as a European Excel saves
it); a row whose cells are all empty is skipped. Every other row is written, in input order;
one the engine refuses or whose values cannot be read gets the headline ``ERROR``, empty
outcome columns and its message in ``reasons``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TextIO, TypeVar

from qc_station.domain.decision import Case, Proposal, decide
from qc_station.domain.enums import Finding, Grade, RequestedResolution
from qc_station.domain.errors import ValidationError
from qc_station.domain.fields import check_code
from qc_station.domain.money import check_currency, format_amount, parse_amount
from qc_station.domain.policy import Policy

from .finance_csv import neutralise

INPUT_COLUMNS: tuple[str, ...] = (
    "case_id",
    "market",
    "currency",
    "unit_price",
    "order_date",
    "delivery_date",
    "request_date",
    "requested_resolution",
    "grade",
    "finding",
    "photos",
)
OUTPUT_COLUMNS: tuple[str, ...] = (
    "case_id",
    "headline",
    "resolution",
    "disposition",
    "deduction_pct",
    "refund_amount",
    "recovery",
    "needs_approval",
    "reasons",
)
ERROR_HEADLINE = "ERROR"
REASON_SEPARATOR = "; "

_MARKET = re.compile(r"^[A-Z]{2}$")
_E = TypeVar("_E", RequestedResolution, Grade, Finding)


@dataclass(frozen=True)
class BatchSummary:
    """How many cases were written and how many of them are ``ERROR`` rows."""

    rows: int
    failed: int

    @property
    def exit_code(self) -> int:
        """SPEC §5.6: the command exits with 1 if any row failed, else 0."""
        return 1 if self.failed else 0


def run_decide_batch(reader: TextIO, writer: TextIO, policy: Policy) -> BatchSummary:
    """Decide every case read from ``reader`` with ``policy`` and write the results to
    ``writer`` (open it with ``newline=""``; rows end in CRLF as RFC 4180 says).

    Raises ``ValidationError`` before writing anything when the input is empty, not UTF-8,
    lacks required columns (named in the message) or names a column twice. A bad row never
    raises: it becomes an ``ERROR`` row and counts in ``BatchSummary.failed``.
    """
    try:
        text = reader.read()
    except UnicodeDecodeError as exc:
        raise ValidationError("decide.not_utf8", field="file", detail=str(exc)) from None
    text = text.removeprefix("\ufeff")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if not first_line:
        raise ValidationError("decide.empty_file", field="file")
    delimiter = ";" if ";" in first_line and "," not in first_line else ","
    rows = _rows(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header: list[str] = []
    for cells in rows:
        if any(cell.strip() for cell in cells):
            header = cells
            break
    columns = _column_positions(header)

    out = csv.writer(writer)
    out.writerow(OUTPUT_COLUMNS)
    written = failed = 0
    for line_cells in rows:
        if not any(cell.strip() for cell in line_cells):
            continue
        case_id = _cell(line_cells, columns["case_id"])
        try:
            if any(cell.strip() for cell in line_cells[len(header) :]):
                raise ValidationError(
                    "decide.too_many_cells", field="row", cells=len(line_cells), width=len(header)
                )
            case = parse_case({name: _cell(line_cells, i) for name, i in columns.items()})
            proposal = decide(policy, case)
        except ValidationError as exc:
            out.writerow(_safe(error_row(case_id, str(exc))))
            failed += 1
        else:
            out.writerow(_safe(result_row(case_id, case.currency, proposal)))
        written += 1
    return BatchSummary(rows=written, failed=failed)


_TEXT_COLUMNS = tuple(OUTPUT_COLUMNS.index(name) for name in ("case_id", "reasons"))


def _safe(row: list[str]) -> list[str]:
    """The row with its text cells neutralised against CSV injection (SPEC §7.3, the finance
    export's own rule): ``case_id`` is the user's, ``reasons`` may quote input. The other
    cells are names and plain numbers the engine made, and stay exactly as they are."""
    return [neutralise(cell) if i in _TEXT_COLUMNS else cell for i, cell in enumerate(row)]


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    """The reader's rows, with the csv module's rare refusals (a cell over its size limit)
    turned into a ``ValidationError`` that says where."""
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):  # noqa: B007 - read after the loop
            yield cells
    except csv.Error as exc:
        raise ValidationError(
            "decide.unreadable_after", field="file", line=line, detail=str(exc)
        ) from None


def _column_positions(header: list[str]) -> dict[str, int]:
    names = [name.strip().lower() for name in header]
    positions: dict[str, int] = {}
    for index, name in enumerate(names):
        if name in INPUT_COLUMNS:
            if name in positions:
                raise ValidationError("decide.duplicate_column", field=name, column=name)
            positions[name] = index
    missing = [name for name in INPUT_COLUMNS if name not in positions]
    if missing:
        raise ValidationError(
            "decide.missing_columns", field="header", missing=missing, needed=list(INPUT_COLUMNS)
        )
    return positions


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


def parse_case(values: dict[str, str]) -> Case:
    """Read one input row (trimmed cells by column name) into a ``Case``.

    Raises ``ValidationError`` naming the column for any value that cannot be read. The dates
    may be empty; everything else is required.
    """
    case_id = values["case_id"]
    if not case_id:
        raise ValidationError("import.cell_empty", field="case_id")
    check_code(case_id, "case_id")
    market = values["market"].upper()
    if not _MARKET.match(market):
        raise ValidationError("import.not_a_market", field="market", value=values["market"])
    currency = check_currency(values["currency"])
    unit_price = parse_amount(values["unit_price"], "unit_price", currency)
    return Case(
        market=market,
        currency=currency,
        unit_price=unit_price,
        order_date=_date(values, "order_date"),
        delivery_date=_date(values, "delivery_date"),
        request_date=_date(values, "request_date"),
        requested_resolution=_choice(values, "requested_resolution", RequestedResolution),
        grade=_choice(values, "grade", Grade),
        finding=_choice(values, "finding", Finding),
        photos=_photos(values["photos"]),
    )


def _date(values: dict[str, str], name: str) -> date | None:
    raw = values[name]
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValidationError("import.not_a_date", field=name, value=raw) from None


def _choice(values: dict[str, str], name: str, kind: type[_E]) -> _E:
    raw = values[name]
    key = raw.upper()
    if key not in kind.__members__:
        raise ValidationError(
            "decide.not_a_choice", field=name, value=raw, choices=list(kind.__members__)
        )
    return kind(key)


def _photos(raw: str) -> int:
    # Bounded before ``int``: a 5,000-digit cell would make ``int`` itself refuse.
    if not raw.isdigit() or not raw.isascii() or len(raw) > 4:
        raise ValidationError(
            "decide.not_a_photo_count",
            field="photos",
            value=raw,
        )
    return int(raw)


def result_row(case_id: str, currency: str, proposal: Proposal) -> list[str]:
    """One output row in ``OUTPUT_COLUMNS`` order for a decided case."""
    outcome = proposal.outcome
    return [
        case_id,
        outcome.headline.value,
        outcome.resolution.value,
        outcome.disposition.value,
        str(outcome.deduction_pct),
        format_amount(outcome.refund_amount, currency),
        outcome.recovery.value if outcome.recovery else "",
        "true" if proposal.needs_approval else "false",
        REASON_SEPARATOR.join(reason.text for reason in proposal.all_reasons()),
    ]


def error_row(case_id: str, message: str) -> list[str]:
    """One output row for a case that could not be decided: headline ``ERROR``, the outcome
    columns empty, the message in ``reasons``."""
    return [case_id, ERROR_HEADLINE, "", "", "", "", "", "", message]
