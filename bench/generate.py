"""Test data for the benchmarks: a SQLite database with N RMAs, and a generic manifest CSV.

The database
------------
Going through the services for a million units (import, claim, inspect, decide, approve)
would take hours, so the rows are written directly. The schema is still the real one:

1. the empty file is brought to the head revision by the real migrations
   (``qc_station.adapters.migrate.upgrade`` on an engine from
   ``qc_station.adapters.database.make_engine``), so tables, indexes, constraints and the
   ``alembic_version`` row are exactly what a station has;
2. the rows are inserted with SQLAlchemy Core ``insert()`` statements built from the ORM
   tables' metadata (``qc_station.adapters.orm``) and executed as ``executemany`` batches, so
   every value goes through the columns' own types (``UtcDateTime``, ``Date``, ``JSON``) and
   is stored exactly as the repositories would store it;
3. one write transaction per table, with ``synchronous=OFF`` during the load only (a crash
   while generating just means generating again); the file keeps WAL mode, as a station's does.

Each of the N RMAs has one line and one unit (``RMA-2026-0000001`` … and its LPN
``RMA-2026-0000001-1``); codes are zero-padded so that insertion order is index order. The
first D units (``--decided``, all of them by default) are ``decided``, each with one
inspection and one **final, unexported** decision: the backlog the finance export benchmark
exports. Decisions follow the policy's shapes (full and partial refunds, disputes, exchanges,
supplier chargebacks, carrier claims), amounts in integer minor units of five currencies.
Names and products mix Latin, accented and Chinese text, and a few order ids and SKUs begin
with ``=``, ``+``, ``-`` or ``@`` so the export's CSV-injection guard has work to do.
The product catalog holds every SKU the units use, each with a ``units_sold`` figure, so
the dashboard's return rate per SKU has something to divide by.

The file is cached in ``bench/.cache/`` under a name made of N, D, the schema's head revision
(with a hash of the migration scripts) and ``GENERATOR_VERSION``: a re-run with the same
sizes and schema reuses it; a new or edited migration, or a change here, makes a new one.
Benchmarks that write (the export) work on a copy.

The manifest
------------
``write_manifest`` writes the generic CSV of SPEC §7.1 with R rows (RMA lines): about one
RMA in six has two or three lines, quantities are mostly 1, and the text mixes Chinese and
accented names, product titles with commas and quotes, and five currencies. Its RMA codes
(``RMA-2025-…``) do not clash with the database's.

Run ``.venv/bin/python -m bench.generate --rmas 1000000`` to build (or find) the database
and the manifest ahead of the benchmarks; they call the same functions themselves.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, insert

from .common import (
    CACHE_DIR,
    FULL_MANIFEST_ROWS,
    FULL_RMAS,
    remove_database,
    setup_logging,
    sqlite_url,
)
from .generate_facts import (
    CARRIERS,
    CHECKLIST,
    CUSTOMERS,
    INSPECTORS,
    MARKETS,
    POLICY_HASH,
    PRODUCTS,
    REASONS,
    SHAPES,
    SUPERVISORS,
)

log = logging.getLogger(__name__)

#: Bump when the generated data changes shape, so cached files are rebuilt.
#: 2: the product catalog with units sold, for the dashboard's return rates.
GENERATOR_VERSION = 2

SEED = 20261123
BATCH = 20_000
DB_CODE_PREFIX = "RMA-2026-"
MANIFEST_CODE_PREFIX = "RMA-2025-"


def schema_revision() -> str:
    """The head revision of the migrations this checkout ships, with a short hash of the
    migration scripts: a revision edited in place (as the first one is, before a release)
    still changes the key."""
    from qc_station.adapters.migrate import MIGRATIONS_DIR, head_revision

    digest = hashlib.sha256()
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        digest.update(script.name.encode())
        digest.update(script.read_bytes())
    return f"{head_revision() or 'empty'}-{digest.hexdigest()[:8]}"


def database_path(n_rmas: int, n_decided: int | None = None) -> Path:
    """Where the cached database for these sizes and this schema lives."""
    decided = n_rmas if n_decided is None else n_decided
    name = f"rmas-{n_rmas}-decided-{decided}-rev-{schema_revision()}-g{GENERATOR_VERSION}.sqlite3"
    return CACHE_DIR / name


def manifest_path(n_rows: int) -> Path:
    return CACHE_DIR / f"manifest-generic-{n_rows}-g{GENERATOR_VERSION}.csv"


def rma_code(i: int) -> str:
    return f"{DB_CODE_PREFIX}{i:07d}"


def lpn(i: int) -> str:
    return f"{rma_code(i)}-1"


def _minor_to_decimal_digits(currency: str) -> int:
    return 0 if currency == "JPY" else 2


def _half_up_pct(amount_minor: int, pct_kept: int) -> int:
    return (amount_minor * pct_kept + 50) // 100


class _Rows:
    """Deterministic rows for RMA number ``i`` (1-based); one object, reused per table."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.base = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
        weights = [s[-1] for s in SHAPES]
        self.shape_table = [s for s, w in zip(SHAPES, weights, strict=True) for _ in range(w)]

    def rng(self, i: int) -> random.Random:
        return random.Random(self.seed * 10_000_019 + i)

    def facts(self, i: int) -> dict[str, Any]:
        r = self.rng(i)
        market, currency, low, high = MARKETS[r.randrange(len(MARKETS))]
        product = PRODUCTS[r.randrange(len(PRODUCTS))]
        price = r.randint(low, high)
        if currency == "JPY":
            price = price // 10 * 10
        order_date = date(2025, 12, 1) + timedelta(days=r.randrange(300))
        delivery = order_date + timedelta(days=r.randint(2, 9))
        request = delivery + timedelta(days=r.randint(0, 40))
        decided_at = self.base + timedelta(seconds=i * 29 + r.randrange(29))
        special = r.randrange(500)
        order_id = f"{r.randrange(100, 999)}-{r.randrange(10**7):07d}-{r.randrange(10**7):07d}"
        sku = f"SKU-{r.randrange(1, 20_000):05d}"
        if special == 0:
            order_id = '=HYPERLINK("http://x")'  # CSV injection probes
        elif special == 1:
            sku = "-" + sku
        elif special == 2:
            sku = "@" + sku
        elif special == 3:
            order_id = "+" + order_id
        return {
            "market": market,
            "currency": currency,
            "price": price,
            "product": product,
            "order_date": order_date,
            "delivery": delivery,
            "request": request,
            "decided_at": decided_at,
            "order_id": order_id,
            "sku": sku,
            "customer": CUSTOMERS[r.randrange(len(CUSTOMERS))],
            "reason": REASONS[r.randrange(len(REASONS))],
            "carrier": CARRIERS[r.randrange(len(CARRIERS))],
            "tracking": f"1Z{r.randrange(16**12):012X}",
            "exchange": r.randrange(10) == 0,
            "shape": self.shape_table[r.randrange(len(self.shape_table))],
            "inspector": INSPECTORS[r.randrange(len(INSPECTORS))],
            "supervisor": SUPERVISORS[r.randrange(len(SUPERVISORS))],
            "uuid_a": uuid.UUID(int=r.getrandbits(128), version=4),
            "uuid_b": uuid.UUID(int=r.getrandbits(128), version=4),
        }


def _rma_row(i: int, f: dict[str, Any], created: datetime) -> dict[str, Any]:
    return {
        "code": rma_code(i),
        "order_id": f["order_id"],
        "customer": f["customer"],
        "market": f["market"],
        "currency": f["currency"],
        "order_date": f["order_date"],
        "delivery_date": f["delivery"],
        "request_date": f["request"],
        "requested_resolution": "EXCHANGE" if f["exchange"] else "REFUND",
        "stated_reason": f["reason"],
        "carrier": f["carrier"],
        "tracking": f["tracking"],
        "source": "manifest",
        "source_name": "bench-manifest.csv",
        "created_at": created,
    }


def _line_row(i: int, f: dict[str, Any]) -> dict[str, Any]:
    name, category, supplier = f["product"]
    return {
        "rma_code": rma_code(i),
        "line_no": 1,
        "sku": f["sku"],
        "product_name": name,
        "category": category,
        "supplier": supplier,
        "unit_price_minor": f["price"],
        "quantity": 1,
    }


def _unit_row(i: int, decided: bool) -> dict[str, Any]:
    return {
        "lpn": lpn(i),
        "rma_code": rma_code(i),
        "line_no": 1,
        "unit_no": 1,
        "state": "decided" if decided else "expected",
        "claimed_station": None,
        "claimed_by": None,
        "claimed_at": None,
        "version": 4 if decided else 0,
    }


def _inspection_row(i: int, f: dict[str, Any]) -> dict[str, Any]:
    finding, grade = f["shape"][0], f["shape"][1]
    return {
        "id": str(f["uuid_a"]),
        "lpn": lpn(i),
        "inspector": f["inspector"],
        "station": "station-1",
        "started_at": f["decided_at"] - timedelta(minutes=3),
        "ended_at": f["decided_at"],
        "grade": grade,
        "finding": finding,
        "checklist": CHECKLIST,
        "serial": "",
        "notes": "",
    }


def _decision_row(i: int, f: dict[str, Any]) -> dict[str, Any]:
    finding, grade, resolution, disposition, headline, deduction, recovery, _ = f["shape"]
    price = f["price"]
    if resolution == "DISPUTE" or resolution == "EXCHANGE":
        refund = 0
    else:
        refund = _half_up_pct(price, 100 - deduction)
    recovery_minor = None
    if recovery in ("SUPPLIER_CHARGEBACK", "CARRIER_CLAIM"):
        recovery_minor = refund or price
    decided_at = f["decided_at"]
    reasons = [
        {
            "code": f"finding_{finding.lower()}",
            "text": f"finding {finding}, grade {grade}",
            "params": {"finding": finding, "grade": grade},
        }
    ]
    approval: list[dict[str, Any]] = []
    approved_by = approved_at = None
    if resolution in ("DISPUTE", "PARTIAL_REFUND") or recovery == "CARRIER_CLAIM":
        approval = [
            {
                "code": f"approval_{resolution.lower()}",
                "text": f"{resolution} needs a supervisor's approval",
                "params": {},
            }
        ]
        approved_by = f["supervisor"]
        approved_at = decided_at + timedelta(minutes=45)
    final_at = approved_at or decided_at
    refund_due = final_at + timedelta(hours=48) if refund else None
    dispute_due = final_at + timedelta(hours=48) if resolution == "DISPUTE" else None
    return {
        "id": str(f["uuid_b"]),
        "lpn": lpn(i),
        "inspection_id": str(f["uuid_a"]),
        "currency": f["currency"],
        "unit_price_minor": price,
        "proposed_headline": headline,
        "proposed_resolution": resolution,
        "proposed_disposition": disposition,
        "proposed_deduction_pct": deduction,
        "proposed_refund_minor": refund,
        "proposed_recovery": recovery,
        "proposed_recovery_minor": recovery_minor,
        "final_headline": headline,
        "final_resolution": resolution,
        "final_disposition": disposition,
        "final_deduction_pct": deduction,
        "final_refund_minor": refund,
        "final_recovery": recovery,
        "final_recovery_minor": recovery_minor,
        "overridden": False,
        "override_reason": "",
        "reasons": reasons,
        "approval_reasons": approval,
        "decided_by": f["inspector"],
        "station": "station-1",
        "decided_at": decided_at,
        "policy_hash": POLICY_HASH,
        "status": "final",
        "approved_by": approved_by,
        "approved_at": approved_at,
        "approval_comment": "",
        "refund_due_at": refund_due,
        "dispute_due_at": dispute_due,
    }


#: The SKUs ``facts`` draws from (``SKU-00001`` … ``SKU-19999``); each is in the catalog.
N_SKUS = 19_999


def _product_row(k: int) -> dict[str, Any]:
    """The catalog entry of SKU number ``k``, with units sold such that the dashboard's
    return rates spread around its 10 % flag (about 50 returned units per SKU)."""
    r = random.Random(SEED * 7 + k)
    name, category, supplier = PRODUCTS[k % len(PRODUCTS)]
    return {
        "sku": f"SKU-{k:05d}",
        "name": name,
        "category": category,
        "supplier": supplier,
        "unit_price_minor": r.randint(499, 49_999),
        "currency": "USD",
        "units_sold": r.randint(300, 1_500),
    }


def _load_engine(path: Path) -> Engine:
    """An engine for the bulk load only: no fsync per commit, a bigger page cache."""
    engine = create_engine(sqlite_url(path))

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA foreign_keys = OFF")  # the rows are consistent by construction
        cursor.execute("PRAGMA cache_size = -262144")  # 256 MiB
        cursor.close()

    return engine


def _insert_all(conn: Connection, table: Table, rows: Iterator[dict[str, Any]], total: int) -> None:
    statement = insert(table)
    batch: list[dict[str, Any]] = []
    done = 0
    started = time.perf_counter()
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            conn.execute(statement, batch)
            done += len(batch)
            batch = []
            if done % (BATCH * 10) == 0:
                rate = done / (time.perf_counter() - started)
                log.info("  %s: %d/%d rows (%.0f rows/s)", table.name, done, total, rate)
    if batch:
        conn.execute(statement, batch)


def generate_database(n_rmas: int, n_decided: int | None = None, *, force: bool = False) -> Path:
    """Build (or find in the cache) the database with ``n_rmas`` RMAs, the first
    ``n_decided`` of them decided with a final, unexported decision."""
    from qc_station.adapters import orm
    from qc_station.adapters.database import make_engine
    from qc_station.adapters.migrate import upgrade

    decided = n_rmas if n_decided is None else min(n_decided, n_rmas)
    path = database_path(n_rmas, decided)
    if path.exists() and not force:
        log.info("using cached database %s", path)
        return path
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    remove_database(partial)
    started = time.perf_counter()

    # 1. The real schema, by the real migrations, on the real engine set-up.
    engine = make_engine(sqlite_url(partial))
    try:
        upgrade(engine)
    finally:
        engine.dispose()

    # 2. The rows, through Core inserts of the ORM tables.
    rows = _Rows(SEED)
    created = datetime(2026, 1, 2, 9, 0, tzinfo=UTC)
    tables = orm.Base.metadata.tables
    plan: list[tuple[str, int, Any]] = [
        ("rmas", n_rmas, lambda i, f: _rma_row(i, f, created)),
        ("rma_lines", n_rmas, _line_row),
        ("units", n_rmas, lambda i, f: _unit_row(i, i <= decided)),
        ("inspections", decided, _inspection_row),
        ("decisions", decided, _decision_row),
        ("products", N_SKUS, lambda i, f: _product_row(i)),
    ]
    load = _load_engine(partial)
    try:
        for name, count, make in plan:
            t0 = time.perf_counter()
            with load.begin() as conn:
                _insert_all(
                    conn,
                    tables[name],
                    (make(i, rows.facts(i)) for i in range(1, count + 1)),
                    count,
                )
            log.info("%s: %d rows in %.1f s", name, count, time.perf_counter() - t0)
        # The rows above bypass the decision repository, which keeps the dashboard's fact
        # rows; build them the way it does, once for all units.
        from qc_station.adapters.sql.facts import refresh_facts

        t0 = time.perf_counter()
        with load.begin() as conn:
            refresh_facts(conn, None)
        log.info("decision_facts in %.1f s", time.perf_counter() - t0)
        with load.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        load.dispose()
    remove_database(path)
    partial.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    log.info("generated %s in %.1f s", path, time.perf_counter() - started)
    # Files of the same sizes made for an older schema or generator are of no more use.
    for stale in CACHE_DIR.glob(f"rmas-{n_rmas}-decided-{decided}-rev-*.sqlite3"):
        if stale != path:
            log.info("removing stale %s", stale.name)
            remove_database(stale)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rmas", type=int, default=FULL_RMAS, help="RMAs in the database")
    parser.add_argument(
        "--decided", type=int, default=None, help="decided units (default: all of them)"
    )
    parser.add_argument(
        "--manifest-rows", type=int, default=FULL_MANIFEST_ROWS, help="rows of the manifest"
    )
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = parser.parse_args(argv)
    setup_logging()
    # The manifest's module builds on this one (its rows come from the same facts).
    from .generate_manifest import write_manifest

    db = generate_database(args.rmas, args.decided, force=args.force)
    manifest = write_manifest(args.manifest_rows, force=args.force)
    print(f"database: {db} ({db.stat().st_size / 2**20:.0f} MiB)")
    print(f"manifest: {manifest} ({manifest.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
