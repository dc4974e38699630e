"""Benchmark: every dashboard figure over 1,000,000 decided units on SQLite, target ≤ 1 s.

Runs ``qc_station.services.stats.compute_figures`` (all figures, open period, as a
supervisor) through the application wired by ``bootstrap.build`` on the cached benchmark
database, several times; reports the median and p95 and their ratio to a bare
``SELECT COUNT(*) FROM units`` timed in the same run.

``--database FILE`` measures on a given SQLite file instead (migrated to the head revision
first, as a station's is at start): e.g. a copy of a cached database built for an older
schema, which migration 0008 back-fills, saving the generation of a new one.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from pathlib import Path

from .common import FULL_RMAS, Result, percentile, setup_logging
from .generate import generate_database

TARGET_S = 1.0


def run(n_rmas: int = FULL_RMAS, repeats: int = 7, database: Path | None = None) -> list[Result]:
    from qc_station.domain.enums import Role
    from qc_station.services.context import Actor
    from qc_station.services.stats import StatsFilter, compute_figures

    from .common import build_app

    # A given file (e.g. a copy of a cached database made for an older schema) is brought to
    # the head revision by build_app, as a station's is at start.
    path = database if database is not None else generate_database(n_rmas)
    app = build_app(path)
    actor = Actor("bench-supervisor", Role.SUPERVISOR, "bench")
    try:
        compute_figures(app.ctx, actor, StatsFilter())  # warm the page cache
        times = []
        figures = None
        for _ in range(repeats):
            t0 = time.perf_counter()
            figures = compute_figures(app.ctx, actor, StatsFilter())
            times.append(time.perf_counter() - t0)
        assert figures is not None
        if database is None:
            # Every generated unit is decided: a shortfall means the fact rows were not built.
            assert figures.received == n_rmas, (figures.received, n_rmas)
    finally:
        app.close()

    bare = []
    conn = sqlite3.connect(path)
    try:
        for _ in range(repeats):
            t0 = time.perf_counter()
            conn.execute("SELECT COUNT(*) FROM units").fetchone()
            bare.append(time.perf_counter() - t0)
    finally:
        conn.close()
    times.sort()
    bare.sort()
    p50, p95 = statistics.median(times), percentile(times, 95)
    b50 = statistics.median(bare)
    return [
        Result(
            f"dashboard figures, {n_rmas:,} units",
            round(p50, 3),
            "s",
            TARGET_S,
            p50 <= TARGET_S,
            {
                "p50_s": round(p50, 3),
                "p95_s": round(p95, 3),
                "bare_count_p50_s": round(b50, 4),
                "ratio_to_count": round(p50 / b50, 1) if b50 else None,
                "units_received": figures.received,
                "skus": len(figures.skus),
                "repeats": repeats,
            },
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rmas", type=int, default=FULL_RMAS)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument(
        "--database",
        type=Path,
        help="measure on this SQLite file (migrated first) instead of the generated one",
    )
    args = parser.parse_args(argv)
    setup_logging()
    results = run(args.rmas, args.repeats, args.database)
    for r in results:
        print(r.name, r.figure, r.unit, "PASS" if r.passed else "FAIL", r.details)
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
