"""Shared pieces of the benchmarks: paths, the service context on a real SQLite file,
percentiles, peak memory of a child process, and the result record every benchmark returns.

Every benchmark wires the application exactly as the GUI and the command line do, through
``qc_station.bootstrap.build(load_config(...))``, so the figures include the real engine
set-up (WAL, ``synchronous=FULL``, ``BEGIN IMMEDIATE``) and the real repositories.
"""

from __future__ import annotations

import json
import math
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / ".cache"
RESULTS_DIR = BENCH_DIR / "results"
WORK_DIR = CACHE_DIR / "work"

#: The issue's sizes: the defaults of every benchmark.
FULL_RMAS = 1_000_000
FULL_MANIFEST_ROWS = 100_000


@dataclass
class Result:
    """One measured figure with its target; ``details`` holds the supporting numbers."""

    name: str
    figure: float
    unit: str
    target: float
    passed: bool
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve().as_posix()}"


def build_app(db_path: Path, data_dir: Path | None = None) -> Any:
    """The application wired by the composition root on ``db_path`` (migrated if needed)."""
    from qc_station.bootstrap import build
    from qc_station.config import load_config

    data = data_dir or WORK_DIR / f"{db_path.stem}-data"
    data.mkdir(parents=True, exist_ok=True)
    config = load_config(
        # An empty environment and a config file that does not exist: the developer's own
        # QC_STATION_* settings must not leak into a benchmark.
        config_file=None,
        environ={"QC_STATION_CONFIG": str(data / "no-such-config.toml")},
        flags={
            "database_url": sqlite_url(db_path),
            "data_dir": str(data),
            "station_name": "bench",
        },
    )
    return build(config)


def percentile(sorted_values: Sequence[float], pct: float) -> float:
    """The ``pct`` percentile by the nearest-rank method (no interpolation)."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def summary_ms(samples_ns: Sequence[int]) -> dict[str, float]:
    """p50, p90, p99, max and mean of nanosecond samples, in milliseconds."""
    values = sorted(s / 1e6 for s in samples_ns)
    return {
        "n": len(values),
        "p50_ms": percentile(values, 50),
        "p90_ms": percentile(values, 90),
        "p99_ms": percentile(values, 99),
        "max_ms": values[-1] if values else math.nan,
        "mean_ms": sum(values) / len(values) if values else math.nan,
    }


def copy_database(source: Path, target: Path) -> None:
    """Copy a SQLite database (with its WAL, if any) so a benchmark can change the copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    # The cached file is checkpointed and closed, so the main file alone is the database.
    with sqlite3.connect(source) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, target)


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


#: A small Python process that runs the real child and reports the child's ``ru_maxrss``.
#: Linux carries a process's high-water mark across ``exec``, so a child forked straight from
#: a big parent (``run_all`` holds the manifest and the lookup's app) would report the
#: parent's size; forked from this launcher (about 10 MB), it reports its own.
_LAUNCHER = """
import json, resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=False)
sys.stdout.write(proc.stdout)
sys.stderr.write(proc.stderr)
usage = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"__ru_maxrss_kib__": usage}))
sys.exit(proc.returncode)
"""


def run_child(args: Sequence[str], timeout: float = 3600) -> tuple[dict[str, Any], int]:
    """Run ``python -m <args>`` in a fresh process; return its JSON report (the last JSON
    line it prints) and its peak RSS in KiB as the kernel counted it (``ru_maxrss`` of
    ``RUSAGE_CHILDREN``, taken in a small launcher process, see ``_LAUNCHER``)."""
    proc = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, sys.executable, "-m", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(
            f"child {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-4000:]}"
        )
    reports = [json.loads(ln) for ln in proc.stdout.splitlines() if ln.startswith("{")]
    usage = next((r["__ru_maxrss_kib__"] for r in reports if "__ru_maxrss_kib__" in r), -1)
    own = [r for r in reports if "__ru_maxrss_kib__" not in r]
    return (own[-1] if own else {}), usage


def vm_hwm_kib() -> int:
    """This process's peak resident set so far (``VmHWM``), in KiB; -1 where unknown."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return -1


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    info: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory_gib"] = round(int(line.split()[1]) / 2**20, 1)
                break
    except OSError:
        pass
    info["loadavg"] = load_average()
    try:
        import sqlalchemy

        info["sqlalchemy"] = sqlalchemy.__version__
    except ImportError:
        pass
    return info


def load_average() -> str:
    """The 1-minute load average, to show how busy the shared machine was."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def print_result(result: Result) -> None:
    verdict = "PASS" if result.passed else "FAIL"
    print(
        f"{result.name}: {result.figure:.3f} {result.unit} "
        f"(target {result.target:g} {result.unit}) {verdict}"
    )
    for key, value in result.details.items():
        print(f"  {key}: {value}")


def setup_logging() -> None:
    """Progress lines from the benchmarks; Alembic's chatter only when something is wrong."""
    import logging

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
