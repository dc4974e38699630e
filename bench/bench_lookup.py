"""Lookup benchmark: a scan through the service layer against the bare indexed SQLite query.

Target (the issue): with 1,000,000 RMAs in SQLite, ``qc_station.services.returns.find(ctx,
code)`` answers by RMA code and by LPN with p99 ≤ 5 ms.

How it is measured:

- the cached database of ``bench.generate`` (N RMAs, one line and one unit each, every unit
  decided with one final decision, so ``find`` also loads a decision per unit), opened through
  ``qc_station.bootstrap.build`` exactly as a station opens it;
- K random RMA codes and K random LPNs (``--lookups``, 2,000 by default) drawn from the whole
  range, after a warm-up of ``--warmup`` lookups of each kind (the page cache and SQLAlchemy's
  statement cache are warm, as on a station that has been scanning for a while);
- the same codes are looked up with the standard library's ``sqlite3`` on its own connection,
  fetching the same rows the service needs: the RMA by its unique code index (or the unit by
  its unique LPN index first), its lines, its units, and each unit's newest live decision by
  the decisions' LPN index. This is the floor any implementation pays; the ratio
  service / bare is the cost of the layers above SQLite (SQLAlchemy, repositories, mapping to
  the domain, building the view). A one-row ``SELECT … WHERE code = ?`` is timed too;
- service and bare calls alternate per code (in alternating order), so both see the same
  machine noise; each call is timed alone with ``time.perf_counter_ns`` (the figure), and
  with ``time.thread_time_ns`` (CPU time) and a count of garbage collections beside it, so
  that a slow call can be told apart: descheduled by a busy machine (CPU ≪ wall), a GC
  pause, or slow code.

``--profile FILE`` also runs the service lookups once more under cProfile and writes the stats.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .common import (
    FULL_RMAS,
    Result,
    build_app,
    load_average,
    print_result,
    setup_logging,
    summary_ms,
)
from .generate import generate_database, lpn, rma_code

TARGET_P99_MS = 5.0

_RMA_COLS = (
    "code, order_id, customer, market, currency, order_date, delivery_date, request_date, "
    "requested_resolution, stated_reason, carrier, tracking, source, source_name, created_at"
)
_LINE_COLS = "line_no, sku, product_name, category, supplier, unit_price_minor, quantity"
_UNIT_COLS = (
    "lpn, rma_code, line_no, unit_no, state, claimed_station, claimed_by, claimed_at, version"
)
_DECISION_COLS = "*"


class BareLookup:
    """The same rows as ``find`` needs, with stdlib ``sqlite3`` and the schema's indexes."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA query_only = ON")

    def close(self) -> None:
        self.conn.close()

    def _rma(self, code: str) -> tuple[Any, ...]:
        cur = self.conn.cursor()
        rma = cur.execute(f"SELECT {_RMA_COLS} FROM rmas WHERE code = ?", (code,)).fetchone()
        lines = cur.execute(
            f"SELECT {_LINE_COLS} FROM rma_lines WHERE rma_code = ? ORDER BY line_no", (code,)
        ).fetchall()
        units = cur.execute(
            f"SELECT {_UNIT_COLS} FROM units WHERE rma_code = ? ORDER BY unit_no", (code,)
        ).fetchall()
        decisions = [
            cur.execute(
                f"SELECT {_DECISION_COLS} FROM decisions WHERE lpn = ? "
                "AND status NOT IN ('superseded', 'rejected') "
                "ORDER BY decided_at DESC, pk DESC LIMIT 1",
                (unit[0],),
            ).fetchone()
            for unit in units
        ]
        return rma, lines, units, decisions

    def by_code(self, code: str) -> tuple[Any, ...]:
        return self._rma(code)

    def by_lpn(self, unit_lpn: str) -> tuple[Any, ...]:
        row = self.conn.execute("SELECT rma_code FROM units WHERE lpn = ?", (unit_lpn,)).fetchone()
        return self._rma(row[0])

    def one_row_by_code(self, code: str) -> Any:
        return self.conn.execute(f"SELECT {_RMA_COLS} FROM rmas WHERE code = ?", (code,)).fetchone()

    def one_row_by_lpn(self, unit_lpn: str) -> Any:
        return self.conn.execute(
            f"SELECT {_UNIT_COLS} FROM units WHERE lpn = ?", (unit_lpn,)
        ).fetchone()


def warm_os_cache(path: Path) -> None:
    """Read the database file once so the operating system's page cache holds it, as on a
    station that has been scanning all day (SQLite's own cache is small and per connection)."""
    with path.open("rb") as handle:
        while handle.read(1 << 24):
            pass


class _GcWatch:
    """Counts the garbage collector's runs, to tell a collection from a slow query."""

    def __init__(self) -> None:
        self.runs = 0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self.runs += 1


class _Samples:
    """Wall time (the figure), thread CPU time and GC runs of each timed call."""

    def __init__(self, gc_watch: _GcWatch) -> None:
        self.wall: list[int] = []
        self.cpu: list[int] = []
        self.gc: list[int] = []
        self._gc_watch = gc_watch

    def time(self, call: Callable[[str], Any], code: str) -> None:
        runs = self._gc_watch.runs
        cpu = time.thread_time_ns()
        start = time.perf_counter_ns()
        call(code)
        self.wall.append(time.perf_counter_ns() - start)
        self.cpu.append(time.thread_time_ns() - cpu)
        self.gc.append(self._gc_watch.runs - runs)

    def slow(self, threshold_ms: float) -> dict[str, int]:
        """Calls slower than ``threshold_ms``: how many, how many ran a GC, and how many
        spent less than half their wall time on the CPU (the process was descheduled)."""
        limit = threshold_ms * 1e6
        slow = [i for i, w in enumerate(self.wall) if w > limit]
        return {
            "count": len(slow),
            "with_gc": sum(1 for i in slow if self.gc[i]),
            "descheduled": sum(1 for i in slow if self.cpu[i] < self.wall[i] / 2),
        }


def run(
    n_rmas: int = FULL_RMAS,
    lookups: int = 2000,
    warmup: int = 500,
    seed: int = 7,
    profile: Path | None = None,
) -> list[Result]:
    from qc_station.services.returns import find

    db = generate_database(n_rmas)
    warm_os_cache(db)
    app = build_app(db)
    ctx = app.ctx
    bare = BareLookup(db)
    rng = random.Random(seed)
    numbers = [rng.randint(1, n_rmas) for _ in range(warmup + lookups)]
    kinds: dict[str, tuple[Callable[[int], str], Callable[[str], Any], Callable[[str], Any]]] = {
        "code": (rma_code, bare.by_code, bare.one_row_by_code),
        "lpn": (lpn, bare.by_lpn, bare.one_row_by_lpn),
    }

    def service(code: str) -> Any:
        return find(ctx, code)

    # Sanity: the service finds what the bare query finds.
    for kind, (name_of, bare_call, _) in kinds.items():
        view = find(ctx, name_of(numbers[0]))
        assert view.code == rma_code(numbers[0]), (kind, view.code)
        assert bare_call(name_of(numbers[0]))[0] is not None

    results: list[Result] = []
    gc_watch = _GcWatch()
    gc.callbacks.append(gc_watch)
    try:
        for kind, (name_of, bare_call, one_row) in kinds.items():
            codes = [name_of(n) for n in numbers]
            for code in codes[:warmup]:
                service(code)
                bare_call(code)
                one_row(code)
            load_before = load_average()
            samples = {name: _Samples(gc_watch) for name in ("service", "bare", "one_row")}
            for i, code in enumerate(codes[warmup:]):
                if i % 2:
                    samples["service"].time(service, code)
                    samples["bare"].time(bare_call, code)
                else:
                    samples["bare"].time(bare_call, code)
                    samples["service"].time(service, code)
                samples["one_row"].time(one_row, code)
            stats = {name: summary_ms(values.wall) for name, values in samples.items()}
            svc, floor = stats["service"], stats["bare"]
            svc_samples = samples["service"]
            svc_cpu = summary_ms(svc_samples.cpu)
            details: dict[str, Any] = {
                "lookups": lookups,
                "warmup": warmup,
                "rmas": n_rmas,
                "service_p50_ms": round(svc["p50_ms"], 4),
                "service_p99_ms": round(svc["p99_ms"], 4),
                "service_max_ms": round(svc["max_ms"], 4),
                "service_cpu_p50_ms": round(svc_cpu["p50_ms"], 4),
                "service_cpu_p99_ms": round(svc_cpu["p99_ms"], 4),
                "service_gc_runs": sum(samples["service"].gc),
                "service_p99_without_gc_ms": round(
                    summary_ms(
                        [w for w, g in zip(svc_samples.wall, svc_samples.gc, strict=True) if not g]
                    )["p99_ms"],
                    4,
                ),
                "service_slower_than_target": samples["service"].slow(TARGET_P99_MS),
                "bare_p50_ms": round(floor["p50_ms"], 4),
                "bare_p99_ms": round(floor["p99_ms"], 4),
                "one_row_p50_ms": round(stats["one_row"]["p50_ms"], 4),
                "one_row_p99_ms": round(stats["one_row"]["p99_ms"], 4),
                "ratio_p50": round(svc["p50_ms"] / floor["p50_ms"], 1),
                "ratio_p99": round(svc["p99_ms"] / floor["p99_ms"], 1),
                "ratio_p50_vs_one_row": round(svc["p50_ms"] / stats["one_row"]["p50_ms"], 1),
                "load_average": f"{load_before} -> {load_average()}",
            }
            results.append(
                Result(
                    name=f"lookup by {'RMA code' if kind == 'code' else 'LPN'} (p99)",
                    figure=svc["p99_ms"],
                    unit="ms",
                    target=TARGET_P99_MS,
                    passed=svc["p99_ms"] <= TARGET_P99_MS,
                    details=details,
                )
            )
        if profile is not None:
            _profile(service, [name_of(n) for n in numbers for name_of in (rma_code, lpn)], profile)
    finally:
        gc.callbacks.remove(gc_watch)
        bare.close()
        app.close()
    return results


def _profile(call: Callable[[str], Any], codes: list[str], out: Path) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for code in codes:
        call(code)
    profiler.disable()
    out.parent.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(out)
    stats = pstats.Stats(str(out))
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(25)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="lookup by RMA code and LPN: p99 ≤ 5 ms")
    parser.add_argument("--rmas", type=int, default=FULL_RMAS)
    parser.add_argument("--lookups", type=int, default=2000, help="timed lookups of each kind")
    parser.add_argument("--warmup", type=int, default=500, help="untimed lookups first")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", type=Path, help="also write cProfile stats here")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    setup_logging()
    results = run(args.rmas, args.lookups, args.warmup, args.seed, args.profile)
    for result in results:
        print_result(result)
    if args.json:
        print(json.dumps([r.as_dict() for r in results]))
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
