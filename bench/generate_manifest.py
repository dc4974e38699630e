"""The generic manifest CSV of the import benchmark (``bench.bench_import``): ``n_rows`` rows
made from the same seeded facts as the big database (``bench.generate``), cached by size."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

from .common import CACHE_DIR, FULL_MANIFEST_ROWS
from .generate import (
    MANIFEST_CODE_PREFIX,
    SEED,
    _minor_to_decimal_digits,
    _Rows,
    manifest_path,
)
from .generate_facts import PRODUCTS

MANIFEST_HEADER = (
    "rma_code",
    "order_id",
    "customer",
    "market",
    "currency",
    "order_date",
    "delivery_date",
    "request_date",
    "requested_resolution",
    "reason",
    "carrier",
    "tracking",
    "sku",
    "product_name",
    "category",
    "supplier",
    "unit_price",
    "quantity",
)


def _format_price(minor: int, currency: str) -> str:
    digits = _minor_to_decimal_digits(currency)
    if digits == 0:
        return str(minor)
    return f"{minor // 100}.{minor % 100:02d}"


def manifest_bytes(n_rows: int, seed: int = SEED + 1) -> bytes:
    """The generic manifest CSV with ``n_rows`` data rows (UTF-8 with BOM, comma, CRLF)."""
    rows = _Rows(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(MANIFEST_HEADER)
    written = 0
    rma = 0
    while written < n_rows:
        rma += 1
        f = rows.facts(rma)
        r = rows.rng(rma + 7)
        lines = 1 if r.randrange(6) else r.choice((2, 2, 3))
        lines = min(lines, n_rows - written)
        for line_no in range(1, lines + 1):
            product = f["product"] if line_no == 1 else PRODUCTS[r.randrange(len(PRODUCTS))]
            price = f["price"] if line_no == 1 else r.randint(199, 19_999)
            if f["currency"] == "JPY":
                price = price // 10 * 10
            name, category, supplier = product
            writer.writerow(
                (
                    f"{MANIFEST_CODE_PREFIX}{rma:07d}",
                    f["order_id"],
                    f["customer"],
                    f["market"],
                    f["currency"],
                    (f["order_date"] - timedelta(days=330)).isoformat(),
                    (f["delivery"] - timedelta(days=330)).isoformat(),
                    (f["request"] - timedelta(days=330)).isoformat(),
                    "exchange" if f["exchange"] else "refund",
                    f["reason"],
                    f["carrier"],
                    f["tracking"],
                    f["sku"] if line_no == 1 else f"SKU-{r.randrange(1, 20_000):05d}",
                    name,
                    category,
                    supplier,
                    _format_price(price, f["currency"]),
                    1 if r.randrange(10) else 2,
                )
            )
            written += 1
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_manifest(n_rows: int = FULL_MANIFEST_ROWS, *, force: bool = False) -> Path:
    """Write (or find in the cache) the generic manifest with ``n_rows`` rows."""
    path = manifest_path(n_rows)
    if path.exists() and not force:
        return path
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(manifest_bytes(n_rows))
    partial.rename(path)
    return path
