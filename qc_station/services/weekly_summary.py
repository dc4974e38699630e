"""The weekly summary for managers: the dashboard's figures of the last seven days (or a
given period) laid out as the printing package's ``SummaryData`` and rendered to PDF.

Times are written in the station's local time, as everywhere people read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from itertools import zip_longest

from printing.weekly_summary import Bar, SummaryData, SummaryTable, render_weekly_summary
from qc_station.domain.display import format_duration, format_money
from qc_station.domain.enums import Disposition, Grade
from qc_station.domain.vocabulary import english
from qc_station.domain.wording import plural

from .context import Actor, ServiceContext
from .stats import DashboardFigures, StatsFilter, compute_figures
from .stats_tables import (
    CARRIER_DAMAGE,
    DEADLINES,
    INSPECTORS,
    SKU_RETURN_RATES,
    STATED_VS_FOUND,
    SUPPLIERS,
    FigureTable,
    Row,
)

TOP_N = 15


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def summary_data(figures: DashboardFigures) -> SummaryData:
    """The figures as the tables and bars of the summary."""
    f = figures.filter
    since = _local(f.since) if f.since else "the beginning"
    until = _local(f.until) if f.until else _local(figures.computed_at)
    scope = " · ".join(
        part
        for part in (
            f"market {f.market}" if f.market else "",
            f"category {f.category}" if f.category else "",
        )
        if part
    )
    period = f"{since} – {until} (local time)" + (f" · {scope}" if scope else "")
    refunds = ", ".join(format_money(a.amount, a.currency) for a in figures.refunds) or "none"
    d = figures.deadlines
    headline = (
        ("Units received", str(figures.received)),
        ("Flagged SKUs", str(sum(s.flagged for s in figures.skus))),
        ("Flagged carriers", str(sum(c.flagged for c in figures.carriers))),
        ("Refunds overdue", str(d.refunds_overdue)),
        ("Refunds", refunds),
    )
    skus = figures.skus[:TOP_N]
    carriers = figures.carriers
    sections = (
        _section(
            SKU_RETURN_RATES,
            skus,
            note=f"Flagged above {figures.sku_flag_pct} %; highest {TOP_N} shown.",
            bars=tuple(Bar(s.sku, float(s.rate.pct), s.flagged) for s in skus),
            bar_unit=" %",
        ),
        _section(
            CARRIER_DAMAGE,
            carriers,
            note=f"Flagged above {figures.carrier_flag_pct} %.",
            bars=tuple(Bar(c.carrier, float(c.rate.pct), c.flagged) for c in carriers),
            bar_unit=" %",
        ),
        _section(SUPPLIERS, figures.suppliers[:TOP_N]),
        _section(
            STATED_VS_FOUND,
            figures.reasons[:TOP_N],
            note="A reason such as “defective” that often turns out to be no fault is a fraud "
            "or listing signal.",
        ),
        SummaryTable(
            "Grades and dispositions",
            ("grade", "units", "disposition", "units"),
            _grade_rows(figures) if figures.received else (),
            bars=tuple(Bar(g.value, n) for g, n in figures.grades) if figures.received else (),
        ),
        SummaryTable(
            "Refunds and deadlines",
            ("measure", "value"),
            (
                *(
                    (
                        f"refunds in {a.currency} ({plural(a.units, 'unit')})",
                        format_money(a.amount, a.currency),
                    )
                    for a in figures.refunds
                ),
                *((m.label, str(m.value(d))) for m in DEADLINES),
            ),
            note="A refund counts as paid when its decision went out in a finance export.",
        ),
        _section(
            INSPECTORS,
            figures.inspectors,
            note=(
                "Median inspection time of all units: "
                f"{format_duration(figures.median_inspection_seconds)}."
                if figures.median_inspection_seconds is not None
                else ""
            ),
        ),
    )
    return SummaryData(
        title="Returns QC — weekly summary",
        period=period,
        generated_at=_local(figures.computed_at),
        headline=headline,
        sections=sections,
    )


def _section(
    table: FigureTable[Row],
    rows: Sequence[Row],
    *,
    note: str = "",
    bars: tuple[Bar, ...] = (),
    bar_unit: str = "",
) -> SummaryTable:
    """A figure table as the summary prints it: its English title, headers and cells."""
    return SummaryTable(
        table.title,
        table.headers,
        tuple(table.cells(row) for row in rows),
        frozenset(k for k, row in enumerate(rows) if table.is_flagged(row)),
        note=note,
        bars=bars,
        bar_unit=bar_unit,
    )


def _grade_rows(figures: DashboardFigures) -> tuple[tuple[str, ...], ...]:
    """Grades and dispositions side by side (there are more dispositions than grades)."""
    rows = []
    for grade, disposition in zip_longest(figures.grades, figures.dispositions):
        rows.append(
            (
                english(Grade, grade[0].value) if grade else "",
                str(grade[1]) if grade else "",
                english(Disposition, disposition[0].value) if disposition else "",
                str(disposition[1]) if disposition else "",
            )
        )
    return tuple(rows)


def weekly_summary_pdf(
    ctx: ServiceContext,
    actor: Actor,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    market: str | None = None,
    category: str | None = None,
) -> bytes:
    """The summary PDF; without ``since`` and ``until`` it covers the seven days up to now."""
    if since is None and until is None:
        until = ctx.clock.now()
        since = until - timedelta(days=7)
    figures = compute_figures(ctx, actor, StatsFilter(since, until, market, category))
    return render_weekly_summary(summary_data(figures))
