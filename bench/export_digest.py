"""How much of the finance export is its audit event's record digest (finding of 2026-12-05).

    .venv/bin/python -m bench.export_digest [--rmas 1000000]

One export of the cached database's copy, in this process, through
``export_finance_to_file`` as ``bench.bench_export`` runs it, with ``audit.write_now`` (where
the export's audit event is chained: it digests the batch's record, every member decision's
id) timed apart: its wall time, and the peak resident set (``VmHWM``) before and after it.
Run it in a fresh process: the high-water mark is the process's.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from .common import FULL_RMAS, WORK_DIR, build_app, copy_database, remove_database, vm_hwm_kib
from .generate import generate_database


def run(n_rmas: int) -> dict[str, Any]:
    from qc_station.services import audit, finance
    from qc_station.services.context import Actor

    db = WORK_DIR / "export-digest.sqlite3"
    out = WORK_DIR / "export-digest.csv"
    copy_database(generate_database(n_rmas), db)
    app = build_app(db)
    timing: dict[str, Any] = {}
    write_now = audit.write_now

    def timed_write_now(*args: Any, **kwargs: Any) -> Any:
        timing["hwm_before_digest_kib"] = vm_hwm_kib()
        began = time.perf_counter()
        try:
            return write_now(*args, **kwargs)
        finally:
            timing["write_now_s"] = round(time.perf_counter() - began, 2)
            timing["hwm_after_digest_kib"] = vm_hwm_kib()

    # finance calls it as ``audit.write_now`` at call time, so this sees the export's call.
    audit.write_now = timed_write_now
    try:
        timing["hwm_before_export_kib"] = vm_hwm_kib()
        began = time.perf_counter()
        finance.export_finance_to_file(app.ctx, Actor.system(app.station), out)
        timing["export_s"] = round(time.perf_counter() - began, 2)
    finally:
        audit.write_now = write_now
        app.close()
        out.unlink(missing_ok=True)
        remove_database(db)
    timing["rows"] = n_rmas
    return timing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rmas", type=int, default=FULL_RMAS)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.rmas)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
