"""The finance export file (SPEC §7.3): the column spec and a streaming, deterministic writer.

The file is made for Excel: UTF-8 with a byte-order mark (so Excel does not read it as the
local code page; the writer can leave it out), CRLF line endings, amounts as plain decimals
with a dot and the currency's minor digits, times in UTC ISO 8601 with a ``Z``, and every text
cell neutralised against CSV injection (OWASP): a cell that begins with ``=``, ``+``, ``-``,
``@``, tab, carriage return or line feed gets a leading single quote, so that Excel shows it
as text instead of running it as a formula. Order ids, SKUs and names come from customers and
marketplaces, so no text column is trusted. The amounts, percentages and times are not text:
we format them ourselves from numbers, so they can hold nothing but digits, a dot and, on a
reversal row, a leading minus sign. They are never neutralised: ``-12.50`` must stay a number
finance can sum (a quote would turn it into text in Excel), and a number cannot carry a
formula. Only the text cells are.

Format versions (SPEC §7.3: each batch records the format it was written in, and a batch
re-exports byte-identically in its own format):

- **1**: the 18 columns of ``COLUMNS``. Every batch written before reversals existed.
- **2** (``FORMAT_VERSION``, what new batches are written in): the same columns plus a last
  column ``reverses_batch``. It is empty on an ordinary row. A **reversal row** is a row
  exported before, repeated with its refund and recovery amounts negated (every other cell as
  it was exported, but for the batch id, which is the batch carrying the reversal) and
  ``reverses_batch`` naming the batch of the row it reverses. It comes right before the
  unit's new decision, so the rows of a unit across all batches sum to its final amount. A
  reversal of a zero amount (a dispute or an exchange) is still written, as ``0.00`` (never
  ``-0.00``), so that every reopen of an exported decision is in finance's history.

The same rows always give the same bytes: that is what lets a batch be re-exported
byte-identical and checked against the SHA-256 recorded when it was first exported. The
writer hashes and counts as it writes and never holds more than one buffer of output, so a
million rows cost no more memory than ten.

The columns are declared once, in ``FINANCE_COLUMNS``: each column's header, the row attribute
it is read from, how its cell is written and the format version that added it. The headers of
each format, the writer's cell functions, the fields of the services' ``ExportRow`` (checked by
``check_row_fields`` when that module is imported), the adapter's select and the fakes all
derive from it. A new column is one line here (with the next format version), one field of
``ExportRow`` and its source in the adapter and the fake; the checks name what is missing.

Pure: the standard library and the domain only. The rows are anything with the attributes
of ``FinanceRow`` (the services' ``ExportRow`` is one).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Any, Protocol

from qc_station.domain.money import quantum


class Cell(Enum):
    """How a column's cell is written from the row's value."""

    #: Text from data (customers, marketplaces, users): neutralised against CSV injection.
    TEXT = "text"
    #: A ``Decimal`` rounded to the currency's minor digits (``12.50``, ``1200``, ``-3.10``).
    AMOUNT = "amount"
    #: As ``AMOUNT``, or an empty cell for ``None``.
    OPTIONAL_AMOUNT = "optional amount"
    #: A whole number (the deduction percentage).
    INTEGER = "integer"
    #: A time as UTC ISO 8601 with a ``Z`` (``format_time``), or an empty cell for ``None``.
    TIME = "time"


@dataclass(frozen=True)
class FinanceColumn:
    """One column of the finance export: its header, the row attribute it is read from, how
    the cell is written, and the format version that added it."""

    header: str
    attribute: str
    cell: Cell
    since: int = 1


#: Every column, in the order of SPEC §7.3; a format has those with ``since`` up to its number.
FINANCE_COLUMNS: tuple[FinanceColumn, ...] = (
    FinanceColumn("export_batch_id", "batch_id", Cell.TEXT),
    FinanceColumn("rma_code", "rma_code", Cell.TEXT),
    FinanceColumn("order_id", "order_id", Cell.TEXT),
    FinanceColumn("lpn", "lpn", Cell.TEXT),
    FinanceColumn("sku", "sku", Cell.TEXT),
    FinanceColumn("market", "market", Cell.TEXT),
    FinanceColumn("currency", "currency", Cell.TEXT),
    FinanceColumn("unit_price", "unit_price", Cell.AMOUNT),
    FinanceColumn("deduction_pct", "deduction_pct", Cell.INTEGER),
    FinanceColumn("refund_amount", "refund_amount", Cell.AMOUNT),
    FinanceColumn("resolution", "resolution", Cell.TEXT),
    FinanceColumn("headline", "headline", Cell.TEXT),
    FinanceColumn("recovery", "recovery", Cell.TEXT),
    FinanceColumn("recovery_amount", "recovery_amount", Cell.OPTIONAL_AMOUNT),
    FinanceColumn("decided_by", "decided_by", Cell.TEXT),
    FinanceColumn("approved_by", "approved_by", Cell.TEXT),
    FinanceColumn("approved_at", "approved_at", Cell.TIME),
    FinanceColumn("refund_due_at", "refund_due_at", Cell.TIME),
    # Format 2 (SPEC §7.3 corrections): the batch a reversal row reverses.
    FinanceColumn("reverses_batch", "reverses_batch", Cell.TEXT, since=2),
)

#: The format new batches are written in.
FORMAT_VERSION = 2

#: Every format a batch may have been written in, with its columns.
FORMATS: dict[int, tuple[FinanceColumn, ...]] = {
    version: tuple(c for c in FINANCE_COLUMNS if c.since <= version)
    for version in range(1, FORMAT_VERSION + 1)
}

#: Every format's header.
FORMAT_COLUMNS: dict[int, tuple[str, ...]] = {
    version: tuple(c.header for c in columns) for version, columns in FORMATS.items()
}

#: The header of format 1 and of format 2.
COLUMNS: tuple[str, ...] = FORMAT_COLUMNS[1]
COLUMNS_V2: tuple[str, ...] = FORMAT_COLUMNS[2]

#: The row attributes of every column, in column order: the fields of ``ExportRow``.
ROW_ATTRIBUTES: tuple[str, ...] = tuple(c.attribute for c in FINANCE_COLUMNS)


def check_row_fields(names: Iterable[str], where: str, *, ordered: bool = True) -> None:
    """Refuse, with the difference named, a row type or a row source whose attribute names
    are not those of ``FINANCE_COLUMNS`` (in column order unless ``ordered`` is false). Called
    where ``ExportRow`` is defined and where rows are built, when those modules are imported,
    so that a column added here and forgotten there fails at once, not in a finance file."""
    names = tuple(names)
    if names == ROW_ATTRIBUTES or (not ordered and sorted(names) == sorted(ROW_ATTRIBUTES)):
        return
    missing = [a for a in ROW_ATTRIBUTES if a not in names]
    extra = [a for a in names if a not in ROW_ATTRIBUTES]
    raise TypeError(
        f"{where} does not match the finance columns (formats/finance_csv.FINANCE_COLUMNS): "
        f"missing {missing}, unknown {extra}"
        + ("" if missing or extra else f", order {list(names)} instead of {list(ROW_ATTRIBUTES)}")
    )


BOM = "\ufeff"
LINE_END = "\r\n"

#: A cell beginning with one of these is taken as a formula by a spreadsheet (OWASP).
INJECTION_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")

# Output is handed to the stream in chunks of about this size: few system calls, bounded memory.
_CHUNK = 64 * 1024


class FinanceRow(Protocol):
    """What the writer reads from a row; ``services.ports.ExportRow`` has these attributes."""

    @property
    def batch_id(self) -> str: ...
    @property
    def rma_code(self) -> str: ...
    @property
    def order_id(self) -> str: ...
    @property
    def lpn(self) -> str: ...
    @property
    def sku(self) -> str: ...
    @property
    def market(self) -> str: ...
    @property
    def currency(self) -> str: ...
    @property
    def unit_price(self) -> Decimal: ...
    @property
    def deduction_pct(self) -> int: ...
    @property
    def refund_amount(self) -> Decimal: ...
    @property
    def resolution(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def recovery(self) -> str: ...
    @property
    def recovery_amount(self) -> Decimal | None: ...
    @property
    def decided_by(self) -> str: ...
    @property
    def approved_by(self) -> str: ...
    @property
    def approved_at(self) -> datetime | None: ...
    @property
    def refund_due_at(self) -> datetime | None: ...
    @property
    def reverses_batch(self) -> str: ...


class ByteSink(Protocol):
    """Where the bytes go: a binary file, ``sys.stdout.buffer``, a ``BytesIO``."""

    def write(self, data: bytes, /) -> Any: ...


@dataclass(frozen=True)
class CsvDigest:
    """What was written: data rows (the header not counted), bytes, and their SHA-256 in hex."""

    rows: int
    size: int
    sha256: str


def neutralise(text: str) -> str:
    """Prefix a single quote to a cell a spreadsheet would read as a formula (OWASP)."""
    if text.startswith(INJECTION_PREFIXES):
        return "'" + text
    return text


def format_time(value: datetime | None) -> str:
    """UTC ISO 8601 to the second with a ``Z``: ``2026-11-23T14:05:09Z``; empty for none.

    A naive time is taken as UTC, because that is how times are stored (SPEC §3) and some
    database drivers hand them back without a zone.
    """
    if value is None:
        return ""
    tz = value.tzinfo
    if tz is not None and tz is not UTC:
        value = value.astimezone(UTC)
    # Not strftime: the same on every platform (four-digit years included), and faster on a
    # million rows; the fraction of a second is dropped, as ``isoformat`` to the second does.
    return _TIME_FORMAT % (
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
    )


_TIME_FORMAT = "%04d-%02d-%02dT%02d:%02d:%02dZ"

# The currency's quantum (``Decimal("0.01")``, ``Decimal("1")``), looked up once per currency
# rather than once per cell; ``quantum`` refuses an unknown currency, as before.
_QUANTA: dict[str, Decimal] = {}


def _quantum_of(currency: str) -> Decimal:
    q = _QUANTA.get(currency)
    if q is None:
        q = _QUANTA[currency] = quantum(currency)
    return q


# How each kind of cell is written, as an expression over ``v`` (the row's value), ``p`` (the
# injection prefixes) and ``q`` (the currency's quantum). Text from data is neutralised (as
# ``neutralise`` does, inlined); amounts, the percentage and times are formatted here from
# numbers and left alone: a reversal row's ``-12.50`` begins with ``-`` but is a number, not a
# formula, and must stay summable. An amount rounded to the currency's quantum has an exponent
# of 0 to -4, for which ``str`` gives the plain decimal (never an exponent).
_CELL_CODE = {
    Cell.TEXT: '"\'" + {v} if {v}.startswith(p) else {v}',
    Cell.AMOUNT: "str({v}.quantize(q, ROUND_HALF_UP))",
    Cell.OPTIONAL_AMOUNT: 'str({v}.quantize(q, ROUND_HALF_UP)) if {v} is not None else ""',
    Cell.INTEGER: "str(int({v}))",
    Cell.TIME: 'format_time({v}) if {v} is not None else ""',
}


def row_cells_source(version: int) -> str:
    """The source of the function that turns a row into the cells of format ``version``.

    One straight expression per column, generated from ``FINANCE_COLUMNS`` (as ``dataclasses``
    generates ``__init__``): this runs for every row of a million, and a loop over the
    columns with a formatter call per cell costs several times as much. ``row_cells``
    shows the result."""
    columns = FORMATS[_format(version)]
    lines = [
        "def row_cells(row):",
        "    p = INJECTION_PREFIXES",
        "    currency = row.currency",
        "    q = _QUANTA.get(currency) or _quantum_of(currency)",
    ]
    lines += [f"    v_{c.attribute} = row.{c.attribute}" for c in columns]
    lines.append("    return [")
    lines += [f"        {_CELL_CODE[c.cell].format(v='v_' + c.attribute)}," for c in columns]
    lines.append("    ]")
    return "\n".join(lines) + "\n"


def _compile_row_cells(version: int) -> Callable[[FinanceRow], list[str]]:
    scope: dict[str, Any] = {
        "INJECTION_PREFIXES": INJECTION_PREFIXES,
        "ROUND_HALF_UP": ROUND_HALF_UP,
        "_QUANTA": _QUANTA,
        "_quantum_of": _quantum_of,
        "format_time": format_time,
    }
    exec(compile(row_cells_source(version), f"<finance CSV format {version}>", "exec"), scope)
    function: Callable[[FinanceRow], list[str]] = scope["row_cells"]
    function.__doc__ = f"One row as the strings written in format {version}, in column order."
    return function


def _format(version: int) -> int:
    if version not in FORMATS:
        raise ValueError(f"unknown finance CSV format version {version}")
    return version


#: Each format's cell function, compiled once from the column spec.
_ROW_CELLS: dict[int, Callable[[FinanceRow], list[str]]] = {
    version: _compile_row_cells(version) for version in FORMATS
}

#: One row as the cells of format 1, and of format 2.
row_cells = _ROW_CELLS[1]
row_cells_v2 = _ROW_CELLS[2]


def negated(amount: Decimal) -> Decimal:
    """``-amount`` for a reversal row, with zero kept positive (``0.00``, not ``-0.00``)."""
    return -amount if amount else abs(amount)


class _Encoder:
    """The text stream ``csv.writer`` writes to: collects the text, and once about a chunk
    has gathered encodes it, hashes it and passes it on to the byte sink (or drops it when
    there is none: a hash-only pass). Encoding and hashing a chunk at a time gives the same
    bytes and hash as doing it line by line, at a fraction of the calls."""

    def __init__(self, sink: ByteSink | None) -> None:
        self._sink = sink
        self._hash = hashlib.sha256()
        self._pending: list[str] = []
        self._pending_size = 0
        self.size = 0

    def write(self, text: str) -> int:
        self._pending.append(text)
        self._pending_size += len(text)
        if self._pending_size >= _CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._pending:
            data = "".join(self._pending).encode("utf-8")
            self._hash.update(data)
            self.size += len(data)
            if self._sink is not None:
                self._sink.write(data)
        self._pending.clear()
        self._pending_size = 0

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def _quoted(cell: str) -> str:
    """A cell as ``csv.writer`` writes it with ``QUOTE_MINIMAL``, this file's delimiter,
    quote character and line ending: quoted, with its quotes doubled, if it holds any of
    them, and as it is otherwise."""
    if "," in cell or '"' in cell or "\r" in cell or "\n" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def csv_line(cells: Sequence[str]) -> str:
    """One line of the file, ending in CRLF: the bytes ``csv.writer(...,
    lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(cells)`` gives (for two or
    more cells), without its cost per cell. Most lines need no quoting at all; that is
    checked once on the joined line, and only a line holding a quote, a line break or a comma
    inside a cell is quoted cell by cell."""
    line = ",".join(cells)
    if line.count(",") != len(cells) - 1 or '"' in line or "\r" in line or "\n" in line:
        line = ",".join([_quoted(cell) for cell in cells])
    return line + LINE_END


# Rows joined into one string before they go to the encoder.
_ROWS_PER_WRITE = 256


class FinanceCsvWriter:
    """Writes the header at once, then one row per ``write_row``; ``close`` flushes the last
    chunk and returns the digest. ``sink=None`` only counts and hashes."""

    def __init__(
        self, sink: ByteSink | None, *, bom: bool = True, version: int = FORMAT_VERSION
    ) -> None:
        self._encoder = _Encoder(sink)
        self._rows = 0
        self._closed = False
        self._cells = _ROW_CELLS[_format(version)]
        if bom:
            self._encoder.write(BOM)
        # Quoting as QUOTE_MINIMAL does (``csv_line``): exactly the cells that need it, the
        # same way every time, so the bytes depend on the rows only.
        self._encoder.write(csv_line(FORMAT_COLUMNS[version]))

    @property
    def rows(self) -> int:
        return self._rows

    def write_row(self, row: FinanceRow) -> None:
        if self._closed:
            raise ValueError("the finance CSV writer is closed")
        self._encoder.write(csv_line(self._cells(row)))
        self._rows += 1

    def write_rows(self, rows: Iterable[FinanceRow]) -> None:
        """``write_row`` for each row, with the lines handed on a few hundred at a time."""
        if self._closed:
            raise ValueError("the finance CSV writer is closed")
        lines: list[str] = []
        add = lines.append
        write = self._encoder.write
        line = csv_line
        cells = self._cells
        try:
            for row in rows:
                add(line(cells(row)))
                if len(lines) >= _ROWS_PER_WRITE:
                    write("".join(lines))
                    self._rows += len(lines)
                    lines.clear()
        finally:
            # Only the lines of complete rows; if the rows raise, the caller abandons the
            # file anyway (see write_finance_csv).
            if lines:
                write("".join(lines))
                self._rows += len(lines)

    def close(self) -> CsvDigest:
        if not self._closed:
            self._encoder.flush()
            self._closed = True
        return CsvDigest(self._rows, self._encoder.size, self._encoder.hexdigest())


def write_finance_csv(
    rows: Iterable[FinanceRow],
    sink: ByteSink | None,
    *,
    bom: bool = True,
    version: int = FORMAT_VERSION,
) -> CsvDigest:
    """Stream ``rows`` to ``sink`` as the finance CSV in format ``version`` and return the
    count and SHA-256. A re-export passes the batch's own version.

    The rows are consumed one at a time, so a generator over a database cursor stays
    streamed. If the iterable raises (a cancel, a lost connection), what was already
    buffered is not flushed: the caller is abandoning the file anyway.
    """
    writer = FinanceCsvWriter(sink, bom=bom, version=version)
    writer.write_rows(rows)
    return writer.close()
