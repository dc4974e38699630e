"""The dashboard's figure tables, described once (``stats_tables``): the ``stats`` JSON, its
CSV and the weekly PDF lay the same columns out."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from qc_station.domain.enums import Finding
from qc_station.services.stats import (
    Amount,
    DashboardFigures,
    DeadlineCounts,
    InspectorFigure,
    Rate,
    ReasonFigure,
    SkuFigure,
    StatsFilter,
    SupplierFigure,
)
from qc_station.services.stats_tables import (
    DEADLINES,
    FIGURE_TABLES,
    INSPECTORS,
    SKU_RETURN_RATES,
    STATED_VS_FOUND,
    SUPPLIERS,
    deadlines_json,
)
from qc_station.services.weekly_summary import summary_data

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def figures() -> DashboardFigures:
    return DashboardFigures(
        filter=StatsFilter(None, None, None, None),
        computed_at=NOW,
        sku_flag_pct=Decimal(10),
        carrier_flag_pct=Decimal(5),
        received=12,
        skus=(
            SkuFigure("SKU-1", 3, 10, Rate(3, 10), True),
            SkuFigure("SKU-2", 1, 50, Rate(1, 50), False),
        ),
        carriers=(),
        suppliers=(SupplierFigure("ACME", 4, 1, Rate(1, 4), (Amount("EUR", 1, Decimal("9.50")),)),),
        reasons=(
            ReasonFigure("defective", 3, ((Finding.NO_FAULT, 2), (Finding.DEFECT, 1)), Rate(2, 3)),
        ),
        grades=(),
        dispositions=(),
        refunds=(Amount("USD", 2, Decimal("20.00")),),
        deadlines=DeadlineCounts(1, 2, 3, 4, 5, 6),
        inspectors=(InspectorFigure("ines", 7, Decimal("1.50"), None, Decimal("42.0")),),
        median_inspection_seconds=None,
    )


def test_every_table_starts_with_its_key_and_has_unique_columns() -> None:
    for key, table in FIGURE_TABLES.items():
        assert table.key == key
        keys = [c.key for c in table.columns]
        assert len(keys) == len(set(keys))
        assert table.columns[0].shown and not table.columns[0].carries_flag


def test_json_rows_cells_and_csv_measures_come_from_one_description() -> None:
    f = figures()
    assert SKU_RETURN_RATES.as_json(f)[0] == {
        "sku": "SKU-1", "returned": 3, "units_sold": 10, "rate_pct": "30.00", "flagged": True,
    }  # fmt: skip
    assert SKU_RETURN_RATES.cells(f.skus[0]) == ("SKU-1", "3", "10", "30.00 %")
    assert list(SKU_RETURN_RATES.csv_rows(f))[:3] == [
        ("SKU-1", "returned", 3, None),
        ("SKU-1", "units_sold", 10, None),
        ("SKU-1", "rate_pct", "30.00", True),
    ]
    assert SUPPLIERS.cells(f.suppliers[0])[-1] == "9.50 EUR"
    assert list(SUPPLIERS.csv_rows(f))[-1] == ("ACME", "chargebacks_EUR", Decimal("9.50"), None)
    assert STATED_VS_FOUND.as_json(f)[0]["findings"] == {"NO_FAULT": 2, "DEFECT": 1}
    assert STATED_VS_FOUND.cells(f.reasons[0])[2] == "No fault (changed mind) 2, Defect 1"
    assert INSPECTORS.cells(f.inspectors[0]) == ("ines", "7", "1.50", "—", "42.0")
    assert INSPECTORS.as_json(f)[0]["units_per_hour"] is None


def test_deadlines_flag_only_what_is_late() -> None:
    counts = DeadlineCounts(1, 2, 3, 4, 5, 6)
    assert list(deadlines_json(counts)) == [m.key for m in DEADLINES]
    assert [m.key for m in DEADLINES if m.is_flagged(counts)] == [
        "refunds_late", "refunds_overdue", "disputes_overdue",
    ]  # fmt: skip


def test_the_weekly_pdf_prints_the_tables_english_headers_and_cells() -> None:
    sections = {s.title: s for s in summary_data(figures()).sections}
    skus = sections[SKU_RETURN_RATES.title]
    assert skus.headers == ("SKU", "returned", "units sold", "return rate")
    assert skus.rows[0] == ("SKU-1", "3", "10", "30.00 %") and skus.flagged == frozenset({0})
    assert sections[INSPECTORS.title].headers == INSPECTORS.headers
    refunds = sections["Refunds and deadlines"].rows
    assert refunds[0] == ("refunds in USD (2 units)", "20.00 USD")
    assert refunds[1:] == tuple((m.label, str(m.value(figures().deadlines))) for m in DEADLINES)
