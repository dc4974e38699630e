"""Parsing the product catalog CSV (SPEC §3, §7.1): ``sku, name, category, supplier,
unit_price, currency`` and an optional ``units_sold``.

The catalog fills what a manifest lacks (an Amazon report has no price, category, supplier or
currency) and gives the dashboard its sales figures for return rates. Same encodings,
delimiters, header aliases and row errors as the manifest (``csv_input``).

Decisions:

- ``sku``, ``name``, ``unit_price`` and ``currency`` must not be empty; ``category`` and
  ``supplier`` may be (the default checklist applies; no supplier to charge back).
- ``unit_price`` is rounded half-up to the currency's minor unit.
- ``units_sold`` is a whole number ≥ 0. An empty cell, or no such column, gives ``None``:
  "not known", which the import service reads as "keep what the database has", so a catalog
  file without sales figures does not wipe the figures an earlier file brought.
- A SKU on several rows with the same values is one product; with different values none of
  its rows is imported and each is reported, since which price is right cannot be told.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from qc_station.domain.errors import ValidationError
from qc_station.domain.fields import check_code, check_name, parse_count
from qc_station.domain.model import Product
from qc_station.domain.money import check_currency, round_money

from .column_aliases import CATALOG_ALIASES
from .csv_input import (
    FileFormatError,
    Record,
    RowError,
    RowProblem,
    decode,
    map_columns,
    parse_price,
    read_table,
    refuse_duplicates,
)

FORMAT_CATALOG = "catalog"

CATALOG_REQUIRED = ("sku", "name", "category", "supplier", "unit_price", "currency")

#: The most units sold one catalog row may claim (the column is a 32-bit integer).
MAX_UNITS_SOLD = 10**9


@dataclass(frozen=True)
class ParsedCatalog:
    rows_read: int  # data rows, not counting the header and blank lines
    products: tuple[Product, ...]  # in file order, one per SKU
    errors: tuple[RowError, ...]  # sorted by line
    has_units_sold: bool  # whether the file has a units_sold column at all


def _product(
    record: Record, index: dict[str, int], labels: dict[str, str]
) -> Product | list[RowProblem]:
    """The row's product, or every reason it is refused."""

    def text(name: str) -> str:
        position = index.get(name)
        return record.cells[position].strip() if position is not None else ""

    problems: list[RowProblem] = []
    for name in ("sku", "name", "unit_price", "currency"):
        if not text(name):
            problems.append(RowProblem.of("import.cell_empty", field=labels[name]))
    for name, rule in (
        ("sku", check_code),
        ("name", check_name),
        ("category", check_name),
        ("supplier", check_name),
    ):
        if text(name):
            try:
                rule(text(name), labels[name])
            except ValidationError as exc:
                problems.append(RowProblem.from_error(exc))
    currency: str | None = None
    if text("currency"):
        try:
            currency = check_currency(text("currency"))
        except ValidationError:
            problems.append(
                RowProblem.of(
                    "import.unknown_currency", field=labels["currency"], value=text("currency")
                )
            )
    price: Decimal | None = None
    if text("unit_price"):
        try:
            price = parse_price(text("unit_price"), labels["unit_price"], currency)
        except ValidationError as exc:
            problems.append(RowProblem.from_error(exc))
    units_sold: int | None = None
    if text("units_sold"):
        try:
            units_sold = parse_count(text("units_sold"), labels["units_sold"], 0, MAX_UNITS_SOLD)
        except ValidationError as exc:
            problems.append(RowProblem.from_error(exc))
    if problems:
        return problems
    # Both were checked above; the asserts tell the type checker.
    assert price is not None
    assert currency is not None
    return Product(
        sku=text("sku"),
        name=text("name"),
        category=text("category"),
        supplier=text("supplier"),
        unit_price=round_money(price, currency),
        currency=currency,
        units_sold=units_sold,
    )


def parse_catalog(data: bytes, source_name: str) -> ParsedCatalog:
    """Read a catalog file. Raises ``FileFormatError`` for a file that cannot be read at all;
    every other problem is a ``RowError`` of its row."""
    table = read_table(decode(data, source_name), source_name)
    columns = map_columns(table.header, CATALOG_ALIASES)
    refuse_duplicates(columns, source_name)
    missing = columns.missing(CATALOG_REQUIRED)
    if missing:
        raise FileFormatError(
            "import.not_a_catalog",
            file=source_name,
            missing=missing,
            header=[h for h in table.header if h.strip()],
        )
    index = dict(columns.index)
    labels = {name: table.header[position] for name, position in index.items()}
    labels.setdefault("units_sold", "units_sold")

    errors: list[RowError] = []
    products: dict[str, Product] = {}
    rows_by_sku: dict[str, list[Record]] = {}
    conflicting: set[str] = set()
    rows_read = 0
    for item in table.rows:
        rows_read += 1
        if isinstance(item, RowError):
            errors.append(item)
            continue
        result = _product(item, index, labels)
        if isinstance(result, list):
            errors.append(RowError.of(item.line, result, item.raw))
            continue
        rows_by_sku.setdefault(result.sku, []).append(item)
        first = products.setdefault(result.sku, result)
        if first != result:
            conflicting.add(result.sku)
    for sku in conflicting:
        del products[sku]
        rows = rows_by_sku[sku]
        lines = [r.line for r in rows]
        problem = RowProblem.of("import.sku_conflict", sku=sku, lines=lines)
        errors.extend(RowError.of(row.line, [problem], row.raw) for row in rows)
    errors.sort(key=lambda e: e.line)
    return ParsedCatalog(
        rows_read=rows_read,
        products=tuple(products.values()),
        errors=tuple(errors),
        has_units_sold="units_sold" in index,
    )
