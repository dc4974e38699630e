"""Import benchmark: a 100,000-row generic manifest into a real SQLite file.

Target (the issue): ``qc_station.services.importing.import_manifest`` imports 100,000 manifest
rows (the generic CSV of SPEC §7.1) in ≤ 10 s.

How it is measured:

- the manifest of ``bench.generate_manifest.write_manifest`` (100,000 rows, about 82,000 RMAs, some
  with two or three lines, Chinese and accented text, five currencies), read into memory
  first: the figure is the import, not the disk;
- a new SQLite file in ``bench/.cache/work/``, migrated and opened by
  ``qc_station.bootstrap.build`` exactly as a station's (WAL, ``synchronous=FULL``);
  with ``--base-rmas N`` the file is instead a copy of the generated database with N RMAs
  already in it (a station a year into service);
- the wall time of one ``import_manifest(ctx, Actor.system(...), data, name)`` call with
  ``time.perf_counter_ns``: parsing, validation, the look-ups of existing RMAs and products,
  the inserts, the audit event and the commit (with its fsync);
- for the profile, the same file is also parsed alone (``parse_manifest``), and imported a
  second time (every RMA unchanged: the cost of an idempotent re-import).

``--profile FILE`` runs one more import on a fresh file under cProfile and writes the stats.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from pathlib import Path
from typing import Any

from .common import (
    FULL_MANIFEST_ROWS,
    WORK_DIR,
    Result,
    build_app,
    copy_database,
    load_average,
    print_result,
    remove_database,
    setup_logging,
)
from .generate import generate_database
from .generate_manifest import write_manifest

TARGET_SECONDS = 10.0


def _target_db(base_rmas: int) -> Path:
    path = WORK_DIR / ("import.sqlite3" if not base_rmas else f"import-on-{base_rmas}.sqlite3")
    remove_database(path)
    if base_rmas:
        copy_database(generate_database(base_rmas), path)
    return path


def _import_once(path: Path, data: bytes, name: str, profile: Path | None = None) -> Any:
    from qc_station.services.context import Actor
    from qc_station.services.importing import import_manifest

    app = build_app(path)
    try:
        actor = Actor.system(app.station)
        profiler = cProfile.Profile() if profile else None
        start = time.perf_counter_ns()
        if profiler:
            profiler.enable()
        report = import_manifest(app.ctx, actor, data, name)
        if profiler:
            profiler.disable()
        elapsed = (time.perf_counter_ns() - start) / 1e9
        if profiler and profile:
            profile.parent.mkdir(parents=True, exist_ok=True)
            profiler.dump_stats(profile)
        return report, elapsed, app
    except BaseException:
        app.close()
        raise


def run(
    n_rows: int = FULL_MANIFEST_ROWS,
    base_rmas: int = 0,
    reimport: bool = True,
    profile: Path | None = None,
) -> list[Result]:
    from qc_station.formats.manifest import parse_manifest
    from qc_station.services.importing import latest_today

    manifest = write_manifest(n_rows)
    data = manifest.read_bytes()
    name = manifest.name

    # The parser alone, for the breakdown.
    start = time.perf_counter_ns()
    parsed = parse_manifest(data, name, latest_today(_now()))
    parse_s = (time.perf_counter_ns() - start) / 1e9
    expected_rmas = len(parsed.rmas)
    del parsed

    path = _target_db(base_rmas)
    load_before = load_average()
    report, elapsed, app = _import_once(path, data, name)
    try:
        if report.errors:
            raise AssertionError(f"{len(report.errors)} rows refused, first: {report.errors[0]}")
        if report.rmas_added != expected_rmas:
            raise AssertionError(f"added {report.rmas_added} RMAs, expected {expected_rmas}")
        with app.ctx.uow() as uow:
            stored = uow.rmas.count()
    finally:
        app.close()
    details: dict[str, Any] = {
        "rows": report.rows_read,
        "rmas_added": report.rmas_added,
        "rmas_in_database_after": stored,
        "base_rmas": base_rmas,
        "file_mib": round(len(data) / 2**20, 1),
        "rows_per_s": round(report.rows_read / elapsed),
        "parse_only_s": round(parse_s, 3),
        "parse_share": f"{parse_s / elapsed:.0%}",
        "load_average": f"{load_before} -> {load_average()}",
    }
    if reimport:
        again, again_s, app = _import_once(path, data, name)
        app.close()
        details["reimport_s"] = round(again_s, 3)
        details["reimport_unchanged"] = again.rmas_unchanged
    if profile is not None:
        fresh = _target_db(base_rmas)
        _, profiled_s, app = _import_once(fresh, data, name, profile)
        app.close()
        details["profiled_run_s"] = round(profiled_s, 3)
        stats = pstats.Stats(str(profile))
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(25)
    remove_database(path)
    title = f"import {n_rows:,} manifest rows" + (f" into {base_rmas:,} RMAs" if base_rmas else "")
    return [
        Result(
            name=title,
            figure=elapsed,
            unit="s",
            target=TARGET_SECONDS,
            passed=elapsed <= TARGET_SECONDS,
            details=details,
        )
    ]


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="import 100,000 manifest rows: ≤ 10 s")
    parser.add_argument("--rows", type=int, default=FULL_MANIFEST_ROWS, help="manifest rows")
    parser.add_argument(
        "--base-rmas",
        type=int,
        default=0,
        help="import into a copy of the generated database with this many RMAs (0: empty)",
    )
    parser.add_argument("--no-reimport", action="store_true", help="skip the second import")
    parser.add_argument("--profile", type=Path, help="also profile one import into this file")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    setup_logging()
    results = run(args.rows, args.base_rmas, not args.no_reimport, args.profile)
    for result in results:
        print_result(result)
    if args.json:
        print(json.dumps([r.as_dict() for r in results]))
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
