"""Run every benchmark of the core issue, print a table and Markdown, save the JSON.

``.venv/bin/python -m bench.run_all`` runs them at the issue's sizes (1,000,000 RMAs,
100,000 manifest rows, 1,000,000 exported decisions); ``--rmas 100000`` is a quick check.
The results go to ``bench/results/latest.json`` (not committed) with the machine they were
measured on; the Markdown table is what ``docs/benchmarks.md`` quotes.

The benchmarks run one after the other in this process (the export in its own child
process, for its memory figure); the database is generated first if it is not cached.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from . import (
    bench_clip_submit,
    bench_export,
    bench_import,
    bench_lookup,
    bench_printing,
    bench_station,
    bench_stations,
    bench_stats,
)
from .common import (
    FULL_MANIFEST_ROWS,
    FULL_RMAS,
    RESULTS_DIR,
    Result,
    machine,
    setup_logging,
)
from .generate import generate_database
from .generate_manifest import write_manifest


def _figure(result: Result) -> str:
    return f"{result.figure:,.2f} {result.unit}"


def _comparison(result: Result) -> str:
    d = result.details
    if "ratio_to_count" in d:
        return (
            f"p50 {d['p50_s']} s, p95 {d['p95_s']} s; bare SELECT COUNT(*) over units "
            f"{d['bare_count_p50_s']} s (×{d['ratio_to_count']})"
        )
    if "ratio_p50" in d:
        return (
            f"p50 {d['service_p50_ms']:.3f} ms vs bare sqlite3 {d['bare_p50_ms']:.3f} ms "
            f"(×{d['ratio_p50']}); p99 {d['service_p99_ms']:.3f} vs {d['bare_p99_ms']:.3f} ms "
            f"(×{d['ratio_p99']}); one-row SELECT p50 {d['one_row_p50_ms']:.3f} ms"
        )
    if "ratio_video_to_none" in d:
        v, n = d["video"]["enter_to_free_ms"], d["none"]["enter_to_free_ms"]
        return (
            f"recorded p50 {v['p50']} ms, p99 {v['p99']} ms; not recorded p50 {n['p50']} ms, "
            f"p99 {n['p99']} ms (×{d['ratio_video_to_none']['enter_to_free_ms']['p99']} at p99)"
        )
    if "units_decided" in d:
        return (
            f"decided {d['units_decided']} of {d['units']} units, twice "
            f"{d['units_decided_twice']}, lost {d['decisions_lost']}; p50 scan "
            f"{d['scan_to_rma']['p50_ms']:.1f} ms, save {d['decision_save']['p50_ms']:.1f} ms; "
            f"journalled {d['journalled']}, replayed {d['replayed']}"
        )
    if "baseline_rss_mb" in d:
        return (
            f"baseline (Python + app, no export) {d['baseline_rss_mb']} MB; "
            f"export adds {d['export_above_baseline_mb']} MB"
        )
    if "parse_only_s" in d:
        text = f"{d['rows_per_s']:,} rows/s; parsing alone {d['parse_only_s']} s"
        if "reimport_s" in d:
            text += f"; re-import (all unchanged) {d['reimport_s']} s"
        return text
    if "ratio_to_bare_p50" in d:
        return (
            f"p50 {d['p50_ms']} ms, p95 {d['p95_ms']} ms (first call {d['cold_ms']} ms); bare "
            f"one-page reportlab PDF p50 {d['bare_p50_ms']} ms (×{d['ratio_to_bare_p50']})"
        )
    if "station_median_s" in d:
        return f"station {d['station_median_s']} s, bare PySide6 window {d['bare_median_s']} s"
    if "scan_p50_ms" in d:
        return (
            f"p50 {d['scan_p50_ms']:.1f} ms, max {d['scan_max_ms']:.1f} ms over {d['scans']} scans"
        )
    if "decode_ms_per_frame" in d:
        return f"decode {d['decode_ms_per_frame']} ms per frame; codes {d['codes']}"
    if "rows_per_s" in d:
        text = f"{d['rows_per_s']:,} rows/s; file {d.get('file_mib')} MiB"
        if "breakdown" in d:
            b = d["breakdown"]
            text += (
                f"; steps: batch UPDATE {b['assign_update_s']} s, per pass "
                f"{b['one_pass_rows_and_csv_s']} s (bare sqlite3 query {b['bare_sqlite3_query_s']}"
                f" s, row mapping {b['row_mapping_overhead_s']} s, CSV {b['csv_formatting_s']} s)"
                f", commit {b['commit_s']} s"
            )
        if "scans_during_export" in d:
            c = d["scans_during_export"]
            text += (
                f"; scans meanwhile: {c['failed']} of {c['scans']} failed, slowest ok "
                f"{c['ok_max_ms'] / 1000:.1f} s"
            )
        return text
    return ""


def table(results: list[Result]) -> str:
    """A plain-text table for the terminal."""
    rows = [("benchmark", "measured", "target", "result")]
    for r in results:
        op = "<" if r.unit == "MB" else "≤"
        rows.append(
            (r.name, _figure(r), f"{op} {r.target:g} {r.unit}", "PASS" if r.passed else "FAIL")
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown(results: list[Result], info: dict[str, Any]) -> str:
    """The Markdown table for docs/benchmarks.md."""
    out = [
        f"Measured {info['date']} on {info.get('cpu', '?')} ({info['cpus']} CPUs, "
        f"{info.get('memory_gib', '?')} GiB), Python {info['python']}, SQLite {info['sqlite']}, "
        f"SQLAlchemy {info.get('sqlalchemy', '?')}.",
        "",
        "| benchmark | measured | target | result | in the same run |",
        "|---|---:|---:|:---:|---|",
    ]
    for r in results:
        op = "<" if r.unit == "MB" else "≤"
        verdict = "pass" if r.passed else f"**FAIL** (×{r.figure / r.target:.1f} the target)"
        out.append(
            f"| {r.name} | {_figure(r)} | {op} {r.target:g} {r.unit} | {verdict} | "
            f"{_comparison(r)} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="run all benchmarks of the core issue")
    parser.add_argument("--rmas", type=int, default=FULL_RMAS, help="RMAs in the database")
    parser.add_argument("--manifest-rows", type=int, default=FULL_MANIFEST_ROWS)
    parser.add_argument("--lookups", type=int, default=2000)
    parser.add_argument(
        "--only",
        choices=("lookup", "import", "export", "stations", "station", "printing", "stats", "clip"),
        action="append",
        help="run only these (repeatable); 'clip' (Enter while a 5-minute clip finishes, "
        "10–15 minutes) runs only when named",
    )
    parser.add_argument(
        "--breakdown", action="store_true", help="also time the export's steps apart"
    )
    parser.add_argument("--concurrent", action="store_true", help="also scan while an export runs")
    parser.add_argument("--stations", type=int, default=20, help="station processes (PostgreSQL)")
    parser.add_argument("--scans", type=int, default=500, help="scans per station")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "latest.json")
    args = parser.parse_args(argv)
    setup_logging()
    chosen = args.only or [
        "lookup",
        "import",
        "export",
        "stations",
        "station",
        "printing",
        "stats",
    ]

    started = time.perf_counter()
    if set(chosen) - {"stations", "printing", "clip"}:  # these need no big database
        generate_database(args.rmas)
        write_manifest(args.manifest_rows)
    results: list[Result] = []
    if "lookup" in chosen:
        results += bench_lookup.run(args.rmas, args.lookups)
    if "import" in chosen:
        results += bench_import.run(args.manifest_rows)
    if "export" in chosen:
        results += bench_export.run(args.rmas, breakdown=args.breakdown, concurrent=args.concurrent)
    if "stations" in chosen:
        results += bench_stations.run(args.stations, args.scans)
    if "station" in chosen:  # the inspector's window: start-up, scan to render, camera
        results += bench_station.run(args.rmas)
    if "printing" in chosen:  # label and report PDFs, beside a bare reportlab page
        results += bench_printing.run()
    if "stats" in chosen:  # every dashboard figure, beside a bare COUNT(*)
        results += bench_stats.run(args.rmas)
    if "clip" in chosen:  # Enter → saved while the unboxing clip finishes, beside no clip
        results.append(bench_clip_submit.run())

    info = machine()
    info["total_s"] = round(time.perf_counter() - started, 1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "machine": info,
                "sizes": {"rmas": args.rmas, "manifest_rows": args.manifest_rows},
                "results": [r.as_dict() for r in results],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print()
    print(table(results))
    print()
    print(markdown(results, info))
    print(f"\nwritten to {args.output}")
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
