"""Prototypes behind the export findings in ``docs/benchmarks.md``: how fast could parts of
the finance export be? Measured on bare ``sqlite3``, on a copy of the cached database.

This is not the product's code and not a benchmark with a target. It only puts numbers on
the changes the findings propose, so they can be checked on any machine:

1. marking a batch with today's ``UPDATE decisions SET export_batch = …`` against an
   ``INSERT … SELECT`` into a narrow membership table (decision pk → batch id), each with its
   commit under ``synchronous=FULL``;
2. the export query as the repository issues it, before and after an index on
   ``(export_batch, lpn, decided_at, pk)`` (which removes the scan of the whole LPN index and
   the temporary B-tree for the ORDER BY);
3. formatting, hashing and writing every row from the query's plain tuples with integer
   amounts (``divmod``, no ``Decimal``), neutralising and quoting only the free-text cells,
   against what ``qc_station.formats.finance_csv`` costs per row (see ``bench_export
   --breakdown``).

Run ``.venv/bin/python -m bench.export_prototypes [--rmas N]``.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .bench_export import _RAW_EXPORT_SQL
from .common import FULL_RMAS, WORK_DIR, copy_database, remove_database, setup_logging
from .generate import generate_database

_INJECTION = ("=", "+", "-", "@", "\t", "\r", "\n")
_ZERO_DIGIT = frozenset({"JPY", "KRW", "VND", "CLP", "ISK"})


def _timed(label: str, results: dict[str, float], call: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    value = call()
    results[label] = round(time.perf_counter() - start, 2)
    print(f"{label}: {results[label]} s")
    return value


def _cell(text: str | None) -> str:
    if not text:
        return ""
    if text.startswith(_INJECTION):
        text = "'" + text
    if "," in text or '"' in text or "\r" in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _amount(minor: int | None, currency: str) -> str:
    if minor is None:
        return ""
    if currency in _ZERO_DIGIT:
        return str(minor)
    units, cents = divmod(minor, 100)
    return f"{units}.{cents:02d}"


def _time_text(stored: str | None) -> str:
    # SQLite keeps UTC as "YYYY-MM-DD HH:MM:SS.ffffff".
    return "" if stored is None else f"{stored[:10]}T{stored[11:19]}Z"


def _format_all(cursor: sqlite3.Cursor, batch: str, out: Path) -> int:
    digest = hashlib.sha256()
    count = 0
    with out.open("wb") as handle:
        while rows := cursor.fetchmany(2000):
            lines = []
            for r in rows:
                code, order, market, sku, lpn, cur, price, ded, refund = r[:9]
                resolution, headline, recovery, recovery_minor, by, approver, at, due = r[9:]
                lines.append(
                    ",".join(
                        (
                            batch,
                            _cell(code),
                            _cell(order),
                            _cell(lpn),
                            _cell(sku),
                            _cell(market),
                            cur,
                            _amount(price, cur),
                            str(ded),
                            _amount(refund, cur),
                            resolution,
                            headline,
                            recovery or "",
                            _amount(recovery_minor, cur),
                            _cell(by),
                            _cell(approver),
                            _time_text(at),
                            _time_text(due),
                        )
                    )
                )
            data = ("\r\n".join(lines) + "\r\n").encode("utf-8")
            digest.update(data)
            handle.write(data)
            count += len(rows)
    return count


def run(n_rmas: int = FULL_RMAS) -> dict[str, float]:
    db = WORK_DIR / "prototypes.sqlite3"
    out = WORK_DIR / "prototypes.csv"
    copy_database(generate_database(n_rmas), db)
    results: dict[str, float] = {}
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(
            "CREATE TABLE proto_export_items (decision_pk INTEGER PRIMARY KEY, batch TEXT)"
        )

        def narrow() -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO proto_export_items SELECT pk, 'B1' FROM decisions d "
                "WHERE status = 'final' AND NOT EXISTS "
                "(SELECT 1 FROM proto_export_items e WHERE e.decision_pk = d.pk)"
            )
            conn.execute("COMMIT")

        def wide() -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "UPDATE decisions SET export_batch = 'B1' "
                "WHERE status = 'final' AND export_batch IS NULL"
            )
            conn.execute("COMMIT")

        _timed("mark batch: INSERT into a narrow table + commit", results, narrow)
        _timed("mark batch: UPDATE decisions (today) + commit", results, wide)
        _timed(
            "export query as today (bare sqlite3)",
            results,
            lambda: len(conn.execute(_RAW_EXPORT_SQL, ("B1",)).fetchall()),
        )
        _timed(
            "create index (export_batch, lpn, decided_at, pk)",
            results,
            lambda: conn.execute(
                "CREATE INDEX proto_ix ON decisions (export_batch, lpn, decided_at, pk)"
            ),
        )
        _timed(
            "export query with that index",
            results,
            lambda: len(conn.execute(_RAW_EXPORT_SQL, ("B1",)).fetchall()),
        )
        _timed(
            "query + integer formatting + hash + write, one pass",
            results,
            lambda: _format_all(conn.execute(_RAW_EXPORT_SQL, ("B1",)), "B1", out),
        )
    finally:
        conn.close()
        remove_database(db)
        out.unlink(missing_ok=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="prototype timings for the export findings")
    parser.add_argument("--rmas", type=int, default=FULL_RMAS)
    args = parser.parse_args(argv)
    setup_logging()
    run(args.rmas)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
