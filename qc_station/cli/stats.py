"""``qc-station stats``: the dashboard's figures (SPEC §11) as JSON or CSV, and the weekly
summary PDF for managers.

Dates are days in the station's local time: ``--since 2026-11-01`` starts at local midnight
of 1 November, ``--until 2026-11-30`` ends at the end of 30 November (local). A full ISO
8601 time with an offset is taken as it is. Without ``--since`` and ``--until`` the figures
cover every decision up to now. Money stays a decimal string with its currency's minor
digits, rates are percentages with two decimals, flags are ``true``/``false``. Recovery
(claimed, recovered and the recovery rate per supplier or carrier and currency) is under
``recovery``: every closed batch and filed claim, whatever the period.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from qc_station.adapters.files import atomic_text_output, write_atomically
from qc_station.cli.common import EXIT_OK, Commands, UsageError, acting_user, open_app
from qc_station.cli.options import since_type, until_type
from qc_station.domain.money import format_amount
from qc_station.formats.finance_csv import neutralise
from qc_station.services.stats import DashboardFigures, StatsFilter
from qc_station.services.stats_tables import (
    CARRIER_DAMAGE,
    DEADLINES_KEY,
    INSPECTORS,
    REFUNDS,
    SKU_RETURN_RATES,
    STATED_VS_FOUND,
    SUPPLIERS,
    FigureTable,
    deadlines_json,
)

if TYPE_CHECKING:  # recovery pulls in reportlab: loaded only when the command runs
    from qc_station.services.recovery import PartyFigures

CSV_COLUMNS = ("figure", "key", "measure", "value", "flagged")


def register(commands: Commands) -> None:
    stats = commands.add_parser("stats", help="the dashboard's figures (JSON or CSV)")
    # The types parse and bound the dates: a bad one is a usage error naming the option.
    stats.add_argument(
        "--since", metavar="DATE", type=since_type, help="first day (local), or an ISO time"
    )
    stats.add_argument(
        "--until", metavar="DATE", type=until_type, help="last day (local), or an ISO time"
    )
    stats.add_argument("--market", metavar="M", help="only this market (ISO country code)")
    stats.add_argument("--category", metavar="C", help="only this product category")
    stats.add_argument("--format", choices=("json", "csv"), default="json")
    stats.add_argument("-o", "--output", type=Path, help="write here (default: standard output)")
    stats.add_argument(
        "--weekly-pdf",
        type=Path,
        metavar="FILE",
        help="write the weekly summary PDF (the last 7 days unless --since/--until)",
    )
    stats.set_defaults(handler=cmd_stats)


def as_dict(f: DashboardFigures) -> dict[str, Any]:
    """The figures as JSON-ready values (decimals as strings, so nothing is rounded twice)."""
    return {
        "period": {
            "since": f.filter.since.isoformat() if f.filter.since else None,
            "until": f.filter.until.isoformat() if f.filter.until else None,
            "market": f.filter.market,
            "category": f.filter.category,
        },
        "computed_at": f.computed_at.isoformat(),
        "thresholds": {
            "sku_return_rate_flag_pct": str(f.sku_flag_pct),
            "carrier_damage_rate_flag_pct": str(f.carrier_flag_pct),
        },
        "units_received": f.received,
        # The tables' rows and their keys come from their one description (stats_tables).
        **{t.key: t.as_json(f) for t in (SKU_RETURN_RATES, CARRIER_DAMAGE, SUPPLIERS)},
        STATED_VS_FOUND.key: STATED_VS_FOUND.as_json(f),
        "grades": {g.value: n for g, n in f.grades},
        "dispositions": {d.value: n for d, n in f.dispositions},
        REFUNDS.key: REFUNDS.as_json(f),
        DEADLINES_KEY: deadlines_json(f.deadlines),
        INSPECTORS.key: INSPECTORS.as_json(f),
        "median_inspection_seconds": (
            str(f.median_inspection_seconds) if f.median_inspection_seconds is not None else None
        ),
    }


def as_rows(f: DashboardFigures) -> list[tuple[str, str, str, str, str]]:
    """One row per figure item and measure: (figure, key, measure, value, flagged)."""
    rows: list[tuple[str, str, str, str, str]] = [
        ("units_received", "", "units", str(f.received), "")
    ]

    def add(
        figure: str, key: str, measure: str, value: object, flagged: bool | None = None
    ) -> None:
        text = "" if value is None else str(value)
        rows.append((figure, key, measure, text, "" if flagged is None else str(flagged).lower()))

    def add_table(table: FigureTable[Any]) -> None:
        for key, measure, value, flagged in table.csv_rows(f):
            add(table.figure, key, measure, value, flagged)

    for table in (SKU_RETURN_RATES, CARRIER_DAMAGE, SUPPLIERS, STATED_VS_FOUND):
        add_table(table)
    for g, n in f.grades:
        add("grade", g.value, "units", n)
    for d, n in f.dispositions:
        add("disposition", d.value, "units", n)
    add_table(REFUNDS)
    for name, value in deadlines_json(f.deadlines).items():
        add(DEADLINES_KEY, name, "units", value)
    add_table(INSPECTORS)
    add("inspection_time", "", "median_seconds", f.median_inspection_seconds)
    return rows


def cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services.recovery import figures as recovery_figures
    from qc_station.services.stats import compute_figures
    from qc_station.services.weekly_summary import weekly_summary_pdf

    since, until = args.since, args.until
    app = open_app(args)
    try:
        actor = acting_user(app, args)
        if args.weekly_pdf is not None:
            pdf = weekly_summary_pdf(
                app.ctx, actor, since=since, until=until, market=args.market,
                category=args.category,
            )  # fmt: skip
            try:
                write_atomically(args.weekly_pdf, pdf)  # never through a link (SPEC §6)
            except OSError as exc:
                raise UsageError(
                    "cli.cannot_write", path=str(args.weekly_pdf), detail=exc.strerror or str(exc)
                ) from None
            print(f"weekly summary written to {args.weekly_pdf}", file=out)
            return EXIT_OK
        figures = compute_figures(
            app.ctx, actor, StatsFilter(since, until, args.market, args.category)
        )
        recovered = recovery_figures(app.ctx, actor)
    finally:
        app.close()
    if args.output is not None:
        try:
            with atomic_text_output(args.output) as stream:
                _write(figures, recovered, args.format, stream)
        except OSError as exc:
            raise UsageError(
                "cli.cannot_write", path=str(args.output), detail=exc.strerror or str(exc)
            ) from None
    else:
        _write(figures, recovered, args.format, out)
    return EXIT_OK


def _recovery(p: PartyFigures) -> dict[str, Any]:
    rate = p.recovery_rate_pct
    return {
        "kind": p.kind.value,
        "party": p.party,
        "currency": p.currency,
        "claimed": format_amount(p.claimed, p.currency),
        "recovered": format_amount(p.recovered, p.currency),
        "recovery_rate_pct": None if rate is None else str(rate),
    }


def _write(figures: DashboardFigures, recovered: list[PartyFigures], fmt: str, out: TextIO) -> None:
    recovery = [_recovery(p) for p in recovered]
    if fmt == "json":
        json.dump({**as_dict(figures), "recovery": recovery}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    # Keys are SKUs, suppliers and stated reasons as imported: a reason such as "=cmd…"
    # must not become a formula when the file is opened in a spreadsheet.
    writer.writerows(
        (figure, neutralise(key), measure, value, flagged)
        for figure, key, measure, value, flagged in as_rows(figures)
    )
    writer.writerows(
        ("recovery", neutralise(f"{r['kind']}:{r['party']}"), f"{measure}_{r['currency']}",
         r[measure] or "", "")
        for r in recovery
        for measure in ("claimed", "recovered", "recovery_rate_pct")
    )  # fmt: skip
