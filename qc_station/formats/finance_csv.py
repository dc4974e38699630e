"""The finance export file (SPEC §7.3): the column list and a streaming, deterministic writer.

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

Pure: the standard library and the domain only. The rows are anything with the attributes
of ``FinanceRow`` (the services' ``ExportRow`` is one).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from qc_station.domain.money import quantum

#: The header, in the order of SPEC §7.3. One constant: the writer, the tests and any reader
#: take the columns from here.
COLUMNS: tuple[str, ...] = (
    "export_batch_id",
    "rma_code",
    "order_id",
    "lpn",
    "sku",
    "market",
    "currency",
    "unit_price",
    "deduction_pct",
    "refund_amount",
    "resolution",
    "headline",
    "recovery",
    "recovery_amount",
    "decided_by",
    "approved_by",
    "approved_at",
    "refund_due_at",
)

#: Format 2 (SPEC §7.3 corrections): ``COLUMNS`` and, last, the batch a reversal row reverses.
COLUMNS_V2: tuple[str, ...] = (*COLUMNS, "reverses_batch")

#: The format new batches are written in.
FORMAT_VERSION = 2

#: Every format a batch may have been written in, with its header.
FORMAT_COLUMNS: dict[int, tuple[str, ...]] = {1: COLUMNS, 2: COLUMNS_V2}

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


def row_cells(row: FinanceRow) -> list[str]:
    """One row as the strings written, in the order of ``COLUMNS``.

    Every text cell comes from data and is neutralised (as ``neutralise`` does, inlined: this
    runs for every cell of a million rows). The amounts, the percentage and the times are
    formatted here from numbers and are left alone: a negative amount (a reversal row's
    ``-12.50``) begins with ``-`` but is a number, not a formula, and must stay summable.
    An amount rounded to the currency's quantum has an exponent of 0 to -4, for which
    ``str`` gives the plain decimal (never an exponent), like ``format_amount``.
    """
    p = INJECTION_PREFIXES
    currency = row.currency
    q = _QUANTA.get(currency) or _quantum_of(currency)
    batch_id = row.batch_id
    rma_code = row.rma_code
    order_id = row.order_id
    lpn = row.lpn
    sku = row.sku
    market = row.market
    resolution = row.resolution
    headline = row.headline
    recovery = row.recovery
    decided_by = row.decided_by
    approved_by = row.approved_by
    recovery_amount = row.recovery_amount
    approved_at = row.approved_at
    refund_due_at = row.refund_due_at
    return [
        "'" + batch_id if batch_id.startswith(p) else batch_id,
        "'" + rma_code if rma_code.startswith(p) else rma_code,
        "'" + order_id if order_id.startswith(p) else order_id,
        "'" + lpn if lpn.startswith(p) else lpn,
        "'" + sku if sku.startswith(p) else sku,
        "'" + market if market.startswith(p) else market,
        "'" + currency if currency.startswith(p) else currency,
        str(row.unit_price.quantize(q, ROUND_HALF_UP)),
        str(int(row.deduction_pct)),
        str(row.refund_amount.quantize(q, ROUND_HALF_UP)),
        "'" + resolution if resolution.startswith(p) else resolution,
        "'" + headline if headline.startswith(p) else headline,
        "'" + recovery if recovery.startswith(p) else recovery,
        str(recovery_amount.quantize(q, ROUND_HALF_UP)) if recovery_amount is not None else "",
        "'" + decided_by if decided_by.startswith(p) else decided_by,
        "'" + approved_by if approved_by.startswith(p) else approved_by,
        format_time(approved_at) if approved_at is not None else "",
        format_time(refund_due_at) if refund_due_at is not None else "",
    ]


def row_cells_v2(row: FinanceRow) -> list[str]:
    """One row of format 2: ``row_cells`` and ``reverses_batch`` (neutralised like every
    text cell; empty on an ordinary row)."""
    cells = row_cells(row)
    reverses = row.reverses_batch
    cells.append("'" + reverses if reverses.startswith(INJECTION_PREFIXES) else reverses)
    return cells


_ROW_CELLS = {1: row_cells, 2: row_cells_v2}


def _format(version: int) -> int:
    if version not in FORMAT_COLUMNS:
        raise ValueError(f"unknown finance CSV format version {version}")
    return version


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
