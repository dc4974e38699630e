"""The finance export file (SPEC §7.3): the column list and a streaming, deterministic writer.

The file is made for Excel: UTF-8 with a byte-order mark (so Excel does not read it as the
local code page; the writer can leave it out), CRLF line endings, amounts as plain decimals
with a dot and the currency's minor digits, times in UTC ISO 8601 with a ``Z``, and every text
cell neutralised against CSV injection (OWASP): a cell that begins with ``=``, ``+``, ``-``,
``@``, tab, carriage return or line feed gets a leading single quote, so that Excel shows it
as text instead of running it as a formula. Order ids, SKUs and names come from customers and
marketplaces, so no text column is trusted; the amounts and percentages we format ourselves
are never negative and are left alone (a quote would turn them into text in Excel).

The same rows always give the same bytes: that is what lets a batch be re-exported
byte-identical and checked against the SHA-256 recorded when it was first exported. The
writer hashes and counts as it writes and never holds more than one buffer of output, so a
million rows cost no more memory than ten.

Pure: the standard library and the domain only. The rows are anything with the attributes
of ``FinanceRow`` (the services' ``ExportRow`` is one).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Protocol

from qc_station.domain.money import format_amount

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
    utc = value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)
    # isoformat, not strftime: the same on every platform, and faster on a million rows.
    return utc.replace(microsecond=0).isoformat() + "Z"


def row_cells(row: FinanceRow) -> list[str]:
    """One row as the strings written, in the order of ``COLUMNS``."""
    text = neutralise
    currency = row.currency
    recovery_amount = row.recovery_amount
    return [
        text(row.batch_id),
        text(row.rma_code),
        text(row.order_id),
        text(row.lpn),
        text(row.sku),
        text(row.market),
        text(currency),
        format_amount(row.unit_price, currency),
        str(int(row.deduction_pct)),
        format_amount(row.refund_amount, currency),
        text(row.resolution),
        text(row.headline),
        text(row.recovery),
        format_amount(recovery_amount, currency) if recovery_amount is not None else "",
        text(row.decided_by),
        text(row.approved_by),
        format_time(row.approved_at),
        format_time(row.refund_due_at),
    ]


class _Encoder:
    """The text stream ``csv.writer`` writes to: encodes, hashes and buffers, then passes
    full chunks on to the byte sink (or drops them when there is none: a hash-only pass)."""

    def __init__(self, sink: ByteSink | None) -> None:
        self._sink = sink
        self._hash = hashlib.sha256()
        self._pending: list[bytes] = []
        self._pending_size = 0
        self.size = 0

    def write(self, text: str) -> int:
        data = text.encode("utf-8")
        self._hash.update(data)
        self.size += len(data)
        if self._sink is not None:
            self._pending.append(data)
            self._pending_size += len(data)
            if self._pending_size >= _CHUNK:
                self.flush()
        return len(text)

    def flush(self) -> None:
        if self._sink is not None and self._pending:
            self._sink.write(b"".join(self._pending))
        self._pending.clear()
        self._pending_size = 0

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


class FinanceCsvWriter:
    """Writes the header at once, then one row per ``write_row``; ``close`` flushes the last
    chunk and returns the digest. ``sink=None`` only counts and hashes."""

    def __init__(self, sink: ByteSink | None, *, bom: bool = True) -> None:
        self._encoder = _Encoder(sink)
        # QUOTE_MINIMAL quotes exactly the cells that need it (commas, quotes, line breaks),
        # the same way every time, so the bytes depend on the rows only.
        self._csv = csv.writer(self._encoder, lineterminator=LINE_END, quoting=csv.QUOTE_MINIMAL)
        self._rows = 0
        self._closed = False
        if bom:
            self._encoder.write(BOM)
        self._csv.writerow(COLUMNS)

    @property
    def rows(self) -> int:
        return self._rows

    def write_row(self, row: FinanceRow) -> None:
        if self._closed:
            raise ValueError("the finance CSV writer is closed")
        self._csv.writerow(row_cells(row))
        self._rows += 1

    def close(self) -> CsvDigest:
        if not self._closed:
            self._encoder.flush()
            self._closed = True
        return CsvDigest(self._rows, self._encoder.size, self._encoder.hexdigest())


def write_finance_csv(
    rows: Iterable[FinanceRow], sink: ByteSink | None, *, bom: bool = True
) -> CsvDigest:
    """Stream ``rows`` to ``sink`` as the finance CSV and return the count and SHA-256.

    The rows are consumed one at a time, so a generator over a database cursor stays
    streamed. If the iterable raises (a cancel, a lost connection), what was already
    buffered is not flushed: the caller is abandoning the file anyway.
    """
    writer = FinanceCsvWriter(sink, bom=bom)
    for row in rows:
        writer.write_row(row)
    return writer.close()
