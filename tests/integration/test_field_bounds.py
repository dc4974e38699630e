"""Bad input that breaks more than its row (issue 15), on SQLite and PostgreSQL alike.

Each bad value (SPEC §7.1) must reject its own row, with its line and a reason naming the
field, while the good rows of the same file are imported: before the field rules lived in
one place, ``1E+30`` aborted the whole import with no line, ``1_0`` and Arabic-Indic digits
were read as numbers, one over-long cell failed the whole file on PostgreSQL, and control
characters were stored on SQLite (a code that can never be scanned again).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from qc_station.adapters.photo_store import FileSystemPhotoStore
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.domain.enums import Role
from qc_station.domain.policy import Policy
from qc_station.services import importing
from qc_station.services.context import Actor, ServiceContext
from tests.builders import seed_cast_in
from tests.fakes import FakePasswordHasher, FakePhotoStamper

from .conftest import EngineMaker

OFFICE = Actor("sofia", Role.SUPERVISOR, "DESK")  # seeded by seed_cast_in

HEADER = [
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
]

BASE = dict(
    zip(
        HEADER,
        (
            "RMA-GOOD",
            "ORD-1",
            "Zoë Müller",
            "DE",
            "EUR",
            "2026-01-01",
            "2026-01-04",
            "2026-01-20",
            "REFUND",
            "too small",
            "DHL",
            "JD0001",
            "SKU-1",
            "Laufschuh",
            "footwear",
            "Acme",
            "59.90",
            "1",
        ),
        strict=True,
    )
)

#: (id, overrides, words the reason must contain). Each row is its own RMA.
BAD_ROWS: list[tuple[str, dict[str, str], str]] = [
    ("price 1E+30", {"unit_price": "1E+30"}, "unit_price '1E+30' is not a number"),
    ("price 32 nines", {"unit_price": "9" * 32}, "is too large: at most 10000000000.00 EUR"),
    ("price 1_0", {"unit_price": "1_0"}, "unit_price '1_0' is not a number"),
    ("price Arabic-Indic", {"unit_price": "١٢"}, "is not a number"),
    ("price full-width", {"unit_price": "１２"}, "is not a number"),
    ("price NaN", {"unit_price": "NaN"}, "is not a number"),
    ("price Infinity", {"unit_price": "Infinity"}, "is not a number"),
    ("price 10^12 + 1 yen", {"currency": "JPY", "unit_price": "1000000000001"}, "too large"),
    ("quantity 10^9", {"quantity": "1000000000"}, "is more than 1000"),
    ("quantity 5000 digits", {"quantity": "9" * 5000}, "is more than 1000"),
    ("quantity Arabic-Indic", {"quantity": "٣"}, "is not a whole number"),
    ("order id 300 chars", {"order_id": "O" * 300}, "order_id is 300 characters long"),
    ("rma code 65 chars", {"rma_code": "R" * 65}, "rma_code is 65 characters long"),
    ("sku with BEL", {"sku": "SKU\x07-1"}, "sku 'SKU\\x07-1' contains the control character"),
    ("tracking with zero-width", {"tracking": "JD\u200b01"}, "U+200B"),
    ("tracking 65 chars", {"tracking": "T" * 65}, "tracking is 65 characters long"),
    ("customer 256 chars", {"customer": "C" * 256}, "customer is 256 characters long"),
    ("product 256 chars", {"product_name": "P" * 256}, "product_name is 256 characters"),
    ("supplier with ESC", {"supplier": "Acme\x1b[31m"}, "supplier"),
    ("reason 2001 chars", {"reason": "r" * 2001}, "reason is 2001 characters long"),
]


def _manifest(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([{**BASE, **row}[name] for name in HEADER])
    return buffer.getvalue().encode("utf-8")


class Clock:
    def now(self) -> datetime:
        return datetime(2026, 2, 1, 12, tzinfo=UTC)


@pytest.fixture
def ctx(
    db_url: str, engines: EngineMaker, default_policy: Policy, tmp_path: Path
) -> ServiceContext:
    engine: Engine = engines(db_url)
    made = ServiceContext(
        uow=SqlUnitOfWorkFactory(engine),
        clock=Clock(),
        policy=default_policy,
        photos=FileSystemPhotoStore(tmp_path / "photos", create=True),
        passwords=FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
    seed_cast_in(made.uow)
    return made


def test_each_bad_value_rejects_its_row_only(ctx: ServiceContext) -> None:
    rows = [{"rma_code": "RMA-GOOD"}]
    for n, (_, overrides, _) in enumerate(BAD_ROWS):
        rows.append({"rma_code": f"RMA-BAD-{n}", **overrides})
    rows.append({"rma_code": "RMA-GOOD-2", "unit_price": "0,5"})

    report = importing.import_manifest(ctx, OFFICE, _manifest(rows), "bad.csv")

    assert report.rmas_added == 2
    by_line = {e.line: e.reason for e in report.errors}
    for n, (name, _, words) in enumerate(BAD_ROWS):
        line = n + 3  # the header is line 1, the good row line 2
        assert line in by_line, f"{name}: not reported on line {line}"
        assert words in by_line[line], f"{name}: {by_line[line]!r}"
    assert len(report.errors) == len(BAD_ROWS)
    with ctx.uow(read_only=True) as uow:
        stored = uow.rmas.get_many(["RMA-GOOD", "RMA-GOOD-2", "RMA-BAD-0"])
    assert set(stored) == {"RMA-GOOD", "RMA-GOOD-2"}
    assert str(stored["RMA-GOOD-2"].lines[0].unit_price) == "0.50"


def test_limits_themselves_are_accepted(ctx: ServiceContext) -> None:
    rows = [
        {
            "rma_code": "R" * 64,
            "order_id": "O" * 64,
            "tracking": "T" * 64,
            "sku": "S" * 64,
            "customer": "客" * 255,
            "product_name": "P" * 255,
            "reason": "r" * 2000,
            "unit_price": "10000000000.00",
            "quantity": "3",
        }
    ]

    report = importing.import_manifest(ctx, OFFICE, _manifest(rows), "limits.csv")

    assert (report.rmas_added, report.errors) == (1, ())
    with ctx.uow(read_only=True) as uow:
        rma = uow.rmas.get("R" * 64)
    assert rma is not None and len(rma.units) == 3 and rma.customer == "客" * 255


CATALOG_HEADER = "sku,name,category,supplier,unit_price,currency,units_sold\n"


def test_catalog_bad_values_reject_their_rows_only(ctx: ServiceContext) -> None:
    text = CATALOG_HEADER + "\n".join(
        [
            "SKU-OK,Kettle,home,Acme,10.00,USD,5",
            "SKU-E,Kettle,home,Acme,1E+30,USD,5",
            f"SKU-9,Kettle,home,Acme,{'9' * 32},USD,5",
            f"SKU-N,{'N' * 256},home,Acme,1.00,USD,5",
            f"{'S' * 65},Kettle,home,Acme,1.00,USD,5",
            "SKU-U,Kettle,home,Acme,1.00,USD,3000000000",
            "SKU-A,Kettle,home,Acme,1.00,USD,١٢",
        ]
    )

    report = importing.import_catalog(ctx, OFFICE, text.encode(), "catalog.csv")

    assert report.products_added == 1
    assert [e.line for e in report.errors] == [3, 4, 5, 6, 7, 8]
    reasons = [e.reason for e in report.errors]
    assert "is not a number" in reasons[0]
    assert "too large" in reasons[1]
    assert "name is 256 characters long" in reasons[2]
    assert "sku is 65 characters long" in reasons[3]
    assert "units_sold '3000000000' must be between 0 and 1000000000" in reasons[4]
    assert "is not a whole number" in reasons[5]
