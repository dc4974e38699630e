"""The weekly summary for managers: the dashboard's figures of the last seven days (or a
given period) laid out as the printing package's ``SummaryData`` and rendered to PDF.

Times are written in the station's local time, as everywhere people read them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import zip_longest

from printing.weekly_summary import Bar, SummaryData, SummaryTable, render_weekly_summary

from .context import Actor, ServiceContext
from .stats import DashboardFigures, StatsFilter, compute_figures

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
    refunds = ", ".join(f"{a.amount} {a.currency}" for a in figures.refunds) or "none"
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
        SummaryTable(
            "Return rate per SKU",
            ("SKU", "returned", "units sold", "return rate"),
            tuple((s.sku, str(s.returned), str(s.units_sold), f"{s.rate.pct} %") for s in skus),
            frozenset(k for k, s in enumerate(skus) if s.flagged),
            note=f"Flagged above {figures.sku_flag_pct} %; highest {TOP_N} shown.",
            bars=tuple(Bar(s.sku, float(s.rate.pct), s.flagged) for s in skus),
            bar_unit=" %",
        ),
        SummaryTable(
            "Carrier damage rate",
            ("carrier", "received", "transit damage", "rate"),
            tuple(
                (c.carrier, str(c.received), str(c.transit_damage), f"{c.rate.pct} %")
                for c in carriers
            ),
            frozenset(k for k, c in enumerate(carriers) if c.flagged),
            note=f"Flagged above {figures.carrier_flag_pct} %.",
            bars=tuple(Bar(c.carrier, float(c.rate.pct), c.flagged) for c in carriers),
            bar_unit=" %",
        ),
        SummaryTable(
            "Supplier scorecard",
            ("supplier", "received", "defects", "defect rate", "chargebacks"),
            tuple(
                (
                    s.supplier,
                    str(s.received),
                    str(s.defects),
                    f"{s.defect_rate.pct} %",
                    ", ".join(f"{a.amount} {a.currency}" for a in s.chargebacks) or "—",
                )
                for s in figures.suppliers[:TOP_N]
            ),
        ),
        SummaryTable(
            "Stated reason against finding",
            ("stated reason", "units", "findings", "found NO_FAULT"),
            tuple(
                (
                    r.stated_reason,
                    str(r.units),
                    ", ".join(f"{fd.value} {n}" for fd, n in r.findings),
                    f"{r.no_fault.pct} %",
                )
                for r in figures.reasons[:TOP_N]
            ),
            note="A reason such as “defective” that often turns out NO_FAULT is a fraud or "
            "listing signal.",
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
                    (f"refunds in {a.currency} ({a.units} units)", str(a.amount))
                    for a in figures.refunds
                ),
                ("refunds paid on time", str(d.refunds_on_time)),
                ("refunds paid late", str(d.refunds_late)),
                ("refunds not yet due", str(d.refunds_open)),
                ("refunds overdue", str(d.refunds_overdue)),
                ("dispute evidence not yet due", str(d.disputes_open)),
                ("dispute evidence past due", str(d.disputes_overdue)),
            ),
            note="A refund counts as paid when its decision went out in a finance export.",
        ),
        SummaryTable(
            "Inspector throughput",
            ("inspector", "units", "inspection hours", "units per hour", "median time (s)"),
            tuple(
                (
                    i.inspector,
                    str(i.units),
                    str(i.inspection_hours),
                    str(i.units_per_hour) if i.units_per_hour is not None else "—",
                    str(i.median_seconds) if i.median_seconds is not None else "—",
                )
                for i in figures.inspectors
            ),
            note=(
                f"Median inspection time of all units: {figures.median_inspection_seconds} s."
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


def _grade_rows(figures: DashboardFigures) -> tuple[tuple[str, ...], ...]:
    """Grades and dispositions side by side (there are more dispositions than grades)."""
    rows = []
    for grade, disposition in zip_longest(figures.grades, figures.dispositions):
        rows.append(
            (
                grade[0].value if grade else "",
                str(grade[1]) if grade else "",
                disposition[0].value if disposition else "",
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
