"""Fuzzing the importers (SPEC §7.1): the manifest and catalog parsers and the import
service take random and mutated files without crashing, refusing only with our own clear
errors, and never leave the store inconsistent (nothing half-imported, the audit chain
intact, every stored RMA whole)."""

from __future__ import annotations

import copy
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from qc_station.domain.audit import verify_chain
from qc_station.domain.errors import QcError
from qc_station.domain.policy import load_policy
from qc_station.formats.catalog import parse_catalog
from qc_station.formats.manifest import parse_manifest
from qc_station.services import importing
from qc_station.services.context import Actor, ServiceContext
from tests.conftest import DEFAULT_POLICY_FILE, SHARED
from tests.fakes import FakeClock, FakePasswordHasher, FakePhotoStamper, FakePhotoStore, FakeStore

from .mutations import FUZZ, mutated

TODAY = date(2026, 11, 2)
MANIFEST = (
    "rma_code,order_id,customer,market,currency,order_date,delivery_date,request_date,"
    "requested_resolution,reason,carrier,tracking,sku,product_name,category,supplier,"
    "unit_price,quantity\n"
    "RMA-F-1,O1,Zoë,US,USD,2026-01-01,2026-01-05,2026-01-10,refund,broken,UPS,1Z,SKU1,"
    "Lamp 台灯,home,Acme,10.00,1\n"
    "RMA-F-1,O1,Zoë,US,USD,2026-01-01,2026-01-05,2026-01-10,refund,broken,UPS,1Z,SKU2,"
    'Mug,home,"Acme, Inc.",5.50,2\n'
    "RMA-F-2,O2,李雷,CN,CNY,2026-02-01,,2026-02-10,exchange,size,SF,SF1,SKU3,Shoe,footwear,"
    "Foo,399.00,1\n"
    "RMA-F-3,O3,Jun,JP,JPY,2026-03-01,2026-03-03,2026-03-09,refund,no,JP,J1,SKU4,Bag,apparel,"
    "Kaban,12000,1\n"
).encode()
AMAZON = (
    b"return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\t"
    b"detailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments\n"
    b"2026-10-20T10:00:00+00:00\t111-1\tSKU1\tB0\tX0\tLamp\t1\tFRA1\tCUSTOMER_DAMAGED\t"
    b"DEFECTIVE\tReimbursed\tLPNAB1\tbroken\n"
)
CATALOG = (
    b"sku,name,category,supplier,unit_price,currency\n"
    b"SKU1,Lamp,home,Acme,10.00,USD\nSKU2,Mug,home,Acme,5.50,EUR\nSKU4,Bag,apparel,K,12000,JPY\n"
)
SEEDS = [MANIFEST, AMAZON]
shared_example = SHARED / "data"
if shared_example.is_dir():  # the project's own example files, when present
    SEEDS += [p.read_bytes()[:20_000] for p in sorted(shared_example.glob("*.csv"))[:3]]

POLICY = load_policy(DEFAULT_POLICY_FILE.read_bytes())
SYSTEM = Actor.system("ST-FUZZ")

files = st.one_of(
    st.binary(max_size=400),
    st.sampled_from(SEEDS).flatmap(mutated),
)


@FUZZ
@given(files)
def test_manifest_parser_takes_any_bytes(data: bytes) -> None:
    try:
        parsed = parse_manifest(data, "fuzz.csv", TODAY)
    except QcError as exc:
        assert str(exc).startswith("fuzz.csv")  # noqa: PT017 - accepted or refused, both fine
        return
    for error in parsed.errors:
        assert error.line >= 1 and error.reason
    for rma in parsed.rmas:
        assert rma.code and rma.lines


@FUZZ
@given(st.one_of(st.binary(max_size=300), mutated(CATALOG)))
def test_catalog_parser_takes_any_bytes(data: bytes) -> None:
    try:
        parsed = parse_catalog(data, "catalog.csv")
    except QcError:
        return
    for product in parsed.products:
        assert product.sku and product.unit_price >= 0


def _context() -> tuple[ServiceContext, FakeStore]:
    store = FakeStore()
    ctx = ServiceContext(
        store.uow,
        FakeClock(),
        POLICY,
        FakePhotoStore(),
        FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
    importing.import_catalog(ctx, SYSTEM, CATALOG, "catalog.csv")
    importing.import_manifest(ctx, SYSTEM, MANIFEST, "good.csv")
    return ctx, store


@FUZZ
@given(st.lists(files, min_size=1, max_size=3))
def test_importing_mutated_files_never_damages_the_store(batch: list[bytes]) -> None:
    ctx, store = _context()
    for data in batch:
        before = copy.deepcopy(store.data)
        try:
            report = importing.import_manifest(ctx, SYSTEM, data, "fuzz.csv")
        except QcError:
            assert store.data == before  # refused whole: nothing written
            continue
        # What was stored before and is not in this file is untouched.
        for code, rma in before.rmas.items():
            if code not in store.data.rmas:
                raise AssertionError(f"{code} vanished")
            if rma.units[0].state.value != "expected":
                assert store.data.rmas[code] == rma
        assert report.rows_read >= 0
    for rma in store.data.rmas.values():
        assert rma.units and len(rma.units) == sum(line.quantity for line in rma.lines)
        for unit in rma.units:
            assert store.data.lpn_index[unit.lpn] == rma.code
    assert verify_chain(store.data.audit).ok
