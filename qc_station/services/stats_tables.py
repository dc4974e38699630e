"""The dashboard's figure tables (SPEC §8, §11), each described once: its key, its columns
(key, English header, how the value is taken from the figure row, how it is written) and
which rows are flagged.

Three readers lay the same tables out, so they cannot drift apart:

- ``qc-station stats`` (``cli/stats.py``): a JSON object per row keyed by column key, and for
  CSV one ``(figure, key, measure, value, flagged)`` row per measure. That output is an
  external interface: a column's key, its value and its place are part of it.
- the weekly summary PDF (``services/weekly_summary.py``): the English headers and cells;
- the dashboard page (``ui/pages/dashboard_page.py``): the cells, under headers the
  interface words in the user's language by (table key, column key); where a cell holds
  codes (the findings, an Amazon reason code), the page writes it in words instead.

A new column is one ``Column`` here (and its words in the page); a new table one
``FigureTable``. Plain data only: no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from qc_station.domain.enums import Finding
from qc_station.domain.vocabulary import english

from .stats import (
    Amount,
    CarrierFigure,
    DashboardFigures,
    DeadlineCounts,
    InspectorFigure,
    ReasonFigure,
    SkuFigure,
    SupplierFigure,
)

Row = TypeVar("Row")

#: What a cell shows when a figure has no value (no inspection time recorded).
NO_VALUE = "—"


def _optional(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _amounts(amounts: Iterable[Amount]) -> str:
    return ", ".join(f"{a.amount} {a.currency}" for a in amounts) or NO_VALUE


@dataclass(frozen=True)
class Column(Generic[Row]):
    key: str
    """The JSON key and the CSV measure: part of the ``stats`` interface."""
    header: str
    """English, as the weekly PDF prints it."""
    value: Callable[[Row], Any]
    """The value as ``stats --format json`` writes it (decimals as strings)."""
    text: Callable[[Row], str] | None = None
    """How people read it (page and PDF); ``None`` writes the value as it is."""
    measures: Callable[[Row], Iterable[tuple[str, Any]]] | None = None
    """The CSV rows of a column that holds several values (per currency, per finding)."""
    shown: bool = True
    """False for what the table says another way (``flagged``: the row is highlighted)."""
    measured: bool = True
    """Whether the CSV has a row for it."""
    carries_flag: bool = False
    """The CSV writes the row's flag on this measure (the rate that was compared)."""

    def cell(self, row: Row) -> str:
        if self.text is not None:
            return self.text(row)
        value = self.value(row)
        return NO_VALUE if value is None else str(value)

    def csv_measures(self, row: Row) -> Iterable[tuple[str, Any]]:
        if self.measures is not None:
            return self.measures(row)
        return ((self.key, self.value(row)),)


@dataclass(frozen=True)
class FigureTable(Generic[Row]):
    key: str
    """The JSON key of the table."""
    figure: str
    """The CSV ``figure`` of its rows."""
    title: str
    """English, as the weekly PDF titles it."""
    rows: Callable[[DashboardFigures], Sequence[Row]]
    columns: tuple[Column[Row], ...]
    """The first column is the row's key (a SKU, a carrier, a currency…)."""
    flagged: Callable[[Row], bool] | None = None

    @property
    def shown(self) -> tuple[Column[Row], ...]:
        return tuple(c for c in self.columns if c.shown)

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.shown)

    def row_key(self, row: Row) -> str:
        """The row's key: the value of the first column (a SKU, a carrier, a currency…)."""
        return str(self.columns[0].value(row))

    def cells(self, row: Row) -> tuple[str, ...]:
        return tuple(c.cell(row) for c in self.shown)

    def is_flagged(self, row: Row) -> bool:
        return self.flagged is not None and self.flagged(row)

    def as_json(self, figures: DashboardFigures) -> list[dict[str, Any]]:
        return [{c.key: c.value(row) for c in self.columns} for row in self.rows(figures)]

    def csv_rows(self, figures: DashboardFigures) -> Iterator[tuple[str, str, Any, bool | None]]:
        """``(key, measure, value, flagged)`` per row and measure; ``flagged`` is ``None``
        where the measure carries no flag."""
        for row in self.rows(figures):
            key = self.row_key(row)
            for column in self.columns[1:]:
                if not column.measured:
                    continue
                flag = self.is_flagged(row) if column.carries_flag else None
                for measure, value in column.csv_measures(row):
                    yield key, measure, value, flag


SKU_RETURN_RATES: FigureTable[SkuFigure] = FigureTable(
    "sku_return_rates",
    "sku_return_rate",
    "Return rate per SKU",
    lambda f: f.skus,
    (
        Column("sku", "SKU", lambda s: s.sku),
        Column("returned", "returned", lambda s: s.returned),
        Column("units_sold", "units sold", lambda s: s.units_sold),
        Column(
            "rate_pct",
            "return rate",
            lambda s: str(s.rate.pct),
            lambda s: f"{s.rate.pct} %",
            carries_flag=True,
        ),
        Column("flagged", "flagged", lambda s: s.flagged, shown=False, measured=False),
    ),
    flagged=lambda s: s.flagged,
)

CARRIER_DAMAGE: FigureTable[CarrierFigure] = FigureTable(
    "carrier_damage",
    "carrier_damage",
    "Carrier damage rate",
    lambda f: f.carriers,
    (
        Column("carrier", "carrier", lambda c: c.carrier),
        Column("received", "received", lambda c: c.received),
        Column("transit_damage", "transit damage", lambda c: c.transit_damage),
        Column(
            "rate_pct",
            "rate",
            lambda c: str(c.rate.pct),
            lambda c: f"{c.rate.pct} %",
            carries_flag=True,
        ),
        Column("flagged", "flagged", lambda c: c.flagged, shown=False, measured=False),
    ),
    flagged=lambda c: c.flagged,
)

SUPPLIERS: FigureTable[SupplierFigure] = FigureTable(
    "suppliers",
    "supplier",
    "Supplier scorecard",
    lambda f: f.suppliers,
    (
        Column("supplier", "supplier", lambda s: s.supplier),
        Column("received", "received", lambda s: s.received),
        Column("defects", "defects", lambda s: s.defects),
        Column(
            "defect_rate_pct",
            "defect rate",
            lambda s: str(s.defect_rate.pct),
            lambda s: f"{s.defect_rate.pct} %",
        ),
        Column(
            "chargebacks",
            "chargebacks",
            lambda s: [
                {"currency": a.currency, "units": a.units, "amount": str(a.amount)}
                for a in s.chargebacks
            ],
            lambda s: _amounts(s.chargebacks),
            measures=lambda s: ((f"chargebacks_{a.currency}", a.amount) for a in s.chargebacks),
        ),
    ),
)

STATED_VS_FOUND: FigureTable[ReasonFigure] = FigureTable(
    "stated_vs_found",
    "stated_vs_found",
    "Stated reason against finding",
    lambda f: f.reasons,
    (
        Column("stated_reason", "stated reason", lambda r: r.stated_reason),
        Column("units", "units", lambda r: r.units),
        Column(
            "findings",
            "findings",
            lambda r: {fd.value: n for fd, n in r.findings},
            lambda r: ", ".join(f"{english(Finding, fd.value)} {n}" for fd, n in r.findings),
            measures=lambda r: ((fd.value, n) for fd, n in r.findings),
        ),
        Column(
            "no_fault_pct",
            "found no fault",
            lambda r: str(r.no_fault.pct),
            lambda r: f"{r.no_fault.pct} %",
        ),
    ),
)

REFUNDS: FigureTable[Amount] = FigureTable(
    "refunds",
    "refunds",
    "Refunds",
    lambda f: f.refunds,
    (
        Column("currency", "currency", lambda a: a.currency),
        Column("units", "units", lambda a: a.units),
        Column("amount", "amount", lambda a: str(a.amount)),
    ),
)

INSPECTORS: FigureTable[InspectorFigure] = FigureTable(
    "inspectors",
    "inspector",
    "Inspector throughput",
    lambda f: f.inspectors,
    (
        Column("inspector", "inspector", lambda i: i.inspector),
        Column("units", "units", lambda i: i.units),
        Column("inspection_hours", "inspection hours", lambda i: str(i.inspection_hours)),
        Column("units_per_hour", "units per hour", lambda i: _optional(i.units_per_hour)),
        Column("median_seconds", "median time (s)", lambda i: _optional(i.median_seconds)),
    ),
)

#: Every figure table by key, in the order the ``stats`` JSON has them.
FIGURE_TABLES: Mapping[str, FigureTable[Any]] = {
    t.key: t
    for t in (SKU_RETURN_RATES, CARRIER_DAMAGE, SUPPLIERS, STATED_VS_FOUND, REFUNDS, INSPECTORS)
}


@dataclass(frozen=True)
class Measure:
    """One count of the deadline table: a key, its English label and its value."""

    key: str
    """The JSON key and the CSV key: part of the ``stats`` interface."""
    label: str
    """English, as the weekly PDF prints it."""
    value: Callable[[DeadlineCounts], int]
    warns: bool = False
    """Anything above zero is a problem: the page highlights the row."""

    def is_flagged(self, counts: DeadlineCounts) -> bool:
        return self.warns and self.value(counts) > 0


DEADLINES_KEY = "deadlines"

DEADLINES: tuple[Measure, ...] = (
    Measure("refunds_on_time", "refunds paid on time", lambda d: d.refunds_on_time),
    Measure("refunds_late", "refunds paid late", lambda d: d.refunds_late, warns=True),
    Measure("refunds_open", "refunds not yet due", lambda d: d.refunds_open),
    Measure("refunds_overdue", "refunds overdue", lambda d: d.refunds_overdue, warns=True),
    Measure("disputes_open", "dispute evidence not yet due", lambda d: d.disputes_open),
    Measure(
        "disputes_overdue", "dispute evidence past due", lambda d: d.disputes_overdue, warns=True
    ),
)


def deadlines_json(counts: DeadlineCounts) -> dict[str, int]:
    return {m.key: m.value(counts) for m in DEADLINES}
