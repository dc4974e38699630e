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
from qc_station.services.stats import DashboardFigures, Rate, StatsFilter

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


def _pct(rate: Rate) -> str:
    return str(rate.pct)


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
        "sku_return_rates": [
            {
                "sku": s.sku,
                "returned": s.returned,
                "units_sold": s.units_sold,
                "rate_pct": _pct(s.rate),
                "flagged": s.flagged,
            }
            for s in f.skus
        ],
        "carrier_damage": [
            {
                "carrier": c.carrier,
                "received": c.received,
                "transit_damage": c.transit_damage,
                "rate_pct": _pct(c.rate),
                "flagged": c.flagged,
            }
            for c in f.carriers
        ],
        "suppliers": [
            {
                "supplier": s.supplier,
                "received": s.received,
                "defects": s.defects,
                "defect_rate_pct": _pct(s.defect_rate),
                "chargebacks": [
                    {"currency": a.currency, "units": a.units, "amount": str(a.amount)}
                    for a in s.chargebacks
                ],
            }
            for s in f.suppliers
        ],
        "stated_vs_found": [
            {
                "stated_reason": r.stated_reason,
                "units": r.units,
                "findings": {fd.value: n for fd, n in r.findings},
                "no_fault_pct": _pct(r.no_fault),
            }
            for r in f.reasons
        ],
        "grades": {g.value: n for g, n in f.grades},
        "dispositions": {d.value: n for d, n in f.dispositions},
        "refunds": [
            {"currency": a.currency, "units": a.units, "amount": str(a.amount)} for a in f.refunds
        ],
        "deadlines": {
            "refunds_on_time": f.deadlines.refunds_on_time,
            "refunds_late": f.deadlines.refunds_late,
            "refunds_open": f.deadlines.refunds_open,
            "refunds_overdue": f.deadlines.refunds_overdue,
            "disputes_open": f.deadlines.disputes_open,
            "disputes_overdue": f.deadlines.disputes_overdue,
        },
        "inspectors": [
            {
                "inspector": i.inspector,
                "units": i.units,
                "inspection_hours": str(i.inspection_hours),
                "units_per_hour": str(i.units_per_hour) if i.units_per_hour is not None else None,
                "median_seconds": str(i.median_seconds) if i.median_seconds is not None else None,
            }
            for i in f.inspectors
        ],
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

    for s in f.skus:
        add("sku_return_rate", s.sku, "returned", s.returned)
        add("sku_return_rate", s.sku, "units_sold", s.units_sold)
        add("sku_return_rate", s.sku, "rate_pct", s.rate.pct, s.flagged)
    for c in f.carriers:
        add("carrier_damage", c.carrier, "received", c.received)
        add("carrier_damage", c.carrier, "transit_damage", c.transit_damage)
        add("carrier_damage", c.carrier, "rate_pct", c.rate.pct, c.flagged)
    for sup in f.suppliers:
        add("supplier", sup.supplier, "received", sup.received)
        add("supplier", sup.supplier, "defects", sup.defects)
        add("supplier", sup.supplier, "defect_rate_pct", sup.defect_rate.pct)
        for a in sup.chargebacks:
            add("supplier", sup.supplier, f"chargebacks_{a.currency}", a.amount)
    for r in f.reasons:
        add("stated_vs_found", r.stated_reason, "units", r.units)
        for fd, n in r.findings:
            add("stated_vs_found", r.stated_reason, fd.value, n)
        add("stated_vs_found", r.stated_reason, "no_fault_pct", r.no_fault.pct)
    for g, n in f.grades:
        add("grade", g.value, "units", n)
    for d, n in f.dispositions:
        add("disposition", d.value, "units", n)
    for a in f.refunds:
        add("refunds", a.currency, "units", a.units)
        add("refunds", a.currency, "amount", a.amount)
    for name, value in as_dict(f)["deadlines"].items():
        add("deadlines", name, "units", value)
    for i in f.inspectors:
        add("inspector", i.inspector, "units", i.units)
        add("inspector", i.inspector, "inspection_hours", i.inspection_hours)
        add("inspector", i.inspector, "units_per_hour", i.units_per_hour)
        add("inspector", i.inspector, "median_seconds", i.median_seconds)
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
                raise UsageError(f"cannot write {args.weekly_pdf}: {exc.strerror}") from None
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
            raise UsageError(f"cannot write {args.output}: {exc.strerror}") from None
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
