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

from datetime import date

from .column_aliases import AMAZON_COLUMNS, AMAZON_MARKERS, MANIFEST_ALIASES
from .csv_input import (
    ColumnMap,
    FileFormatError,
    RowError,
    RowProblem,
    decode,
    map_columns,
    normalise_name,
    read_table,
    refuse_duplicates,
)
from .manifest_amazon import AMAZON_REQUIRED, MARKET_BY_CURRENCY, amazon_row
from .manifest_cells import MAX_QUANTITY, Cells, Columns, parse_iso_date
from .manifest_generic import GENERIC_REQUIRED, generic_row
from .manifest_grouping import BadRow, Grouper, ParsedLine, ParsedManifest, ParsedRma

FORMAT_GENERIC = "generic"
FORMAT_AMAZON = "amazon"

# Reading cells, grouping rows and each format's rows live in manifest_cells,
# manifest_grouping, manifest_generic and manifest_amazon; callers name them from here.
__all__ = [
    "AMAZON_REQUIRED",
    "FORMAT_AMAZON",
    "FORMAT_GENERIC",
    "GENERIC_REQUIRED",
    "MARKET_BY_CURRENCY",
    "MAX_QUANTITY",
    "ParsedLine",
    "ParsedManifest",
    "ParsedRma",
    "parse_iso_date",
    "parse_manifest",
]


def _detect(header: tuple[str, ...], source_name: str) -> tuple[str, ColumnMap]:
    names = {normalise_name(h) for h in header}
    amazon_like = any(normalise_name(m) in names for m in AMAZON_MARKERS)
    required: tuple[str, ...]
    if amazon_like:
        columns = map_columns(header, AMAZON_COLUMNS)
        required = AMAZON_REQUIRED
        fmt = FORMAT_AMAZON
    else:
        columns = map_columns(header, MANIFEST_ALIASES)
        required = GENERIC_REQUIRED
        fmt = FORMAT_GENERIC
    refuse_duplicates(columns, source_name)
    missing = columns.missing(required)
    if missing:
        header_cells = [h for h in header if h.strip()]
        if fmt == FORMAT_AMAZON:
            raise FileFormatError(
                "import.not_an_amazon_report",
                file=source_name,
                missing=missing,
                header=header_cells,
            )
        raise FileFormatError(
            "import.not_a_manifest", file=source_name, missing=missing, header=header_cells
        )
    return fmt, columns


def parse_manifest(data: bytes, source_name: str, today: date) -> ParsedManifest:
    """Read a manifest file. Raises ``FileFormatError`` for a file that cannot be read at all
    (encoding, empty, unknown header); every other problem is a ``RowError`` of its row."""
    table = read_table(decode(data, source_name), source_name)
    fmt, columns = _detect(table.header, source_name)
    labels = {name: table.header[position] for name, position in columns.index.items()}
    picker = Columns(columns.index)
    read_row = amazon_row if fmt == FORMAT_AMAZON else generic_row
    grouper = Grouper()
    first_seen: dict[str, int] = {}  # Amazon: code → line where it was first used
    rows_read = 0
    for item in table.rows:
        rows_read += 1
        if isinstance(item, RowError):
            grouper.errors.append(item)
            continue
        cells = Cells(item, picker, labels)
        result = read_row(cells, today)
        code = result.code
        if fmt == FORMAT_AMAZON and code:
            if code in first_seen:
                problem = RowProblem.of(
                    "import.amazon_code_repeated", rma=code, other_line=first_seen[code]
                )
                grouper.errors.append(RowError.of(item.line, [problem], item.raw))
                continue
            first_seen[code] = item.line
        if isinstance(result, BadRow):
            grouper.reject(code, result.error)
        else:
            grouper.accept(code, result.header, result.reason, result.line, labels)
    rmas, errors = grouper.result()
    return ParsedManifest(fmt, rows_read, tuple(rmas), tuple(errors))
