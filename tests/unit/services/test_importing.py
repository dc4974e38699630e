"""Importing manifests and the catalog (SPEC §7.1) on the in-memory fakes: what is added,
updated, left alone and refused, and that nothing stored is damaged."""

from __future__ import annotations

import codecs
import copy
import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from qc_station.domain.enums import RequestedResolution, RmaSource, UnitState
from qc_station.domain.model import Product, Rma
from qc_station.formats.csv_input import FileFormatError, render_errors_file
from qc_station.services import importing
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.importing import (
    ImportCancelled,
    ImportReport,
    import_catalog,
    import_manifest,
    latest_today,
)
from tests.fakes import FakeCatalogRepository, FakeClock, FakeRmaRepository, FakeStore
from tests.unit.formats.test_manifest import amazon_text, csv_text

# The local operator imports (``system``), as the command line does on a site with no users.
pytestmark = pytest.mark.empty_site

ACTOR = Actor.system("ST-01")

CATALOG = (
    "sku,name,category,supplier,unit_price,currency,units_sold\n"
    "SKU-HEADSET,无线蓝牙耳机 Wireless headset,electronics,Shenzhen Audio,99.5,USD,120\n"
    "SKU-1,Laufschuh,footwear,Acme,59.9,EUR,40\n"
    "SKU-EU,Trinkflasche,home,Acme,12,EUR,\n"
    "SKU-CHF,Uhr,home,Acme,100,CHF,\n"
    "SKU-YEN,Fan,home,Acme,1500,JPY,\n"
)


def write(tmp_path: Path, name: str, content: str | bytes) -> tuple[bytes, str]:
    """Put the file where a user would and read it back, as the CLI does."""
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path.read_bytes(), path.name


def run(ctx: ServiceContext, tmp_path: Path, content: str | bytes, name: str = "m.csv") -> Any:
    data, source = write(tmp_path, name, content)
    return import_manifest(ctx, ACTOR, data, source)


def stored(store: FakeStore) -> dict[str, Rma]:
    return copy.deepcopy(store.data.rmas)


def set_state(store: FakeStore, lpn: str, state: UnitState) -> None:
    code = store.data.lpn_index[lpn]
    unit = store.data.rmas[code].unit(lpn)
    assert unit is not None
    unit.state = state


def load_catalog(ctx: ServiceContext, tmp_path: Path, text: str = CATALOG) -> ImportReport:
    data, source = write(tmp_path, "catalog.csv", text)
    return import_catalog(ctx, ACTOR, data, source)


# --- new RMAs ------------------------------------------------------------------------------


def test_a_new_manifest_adds_rmas_with_their_units(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    text = csv_text({"quantity": "2"}, {"sku": "SKU-2", "quantity": "1"}, {"rma_code": "RMA-2"})

    report = run(ctx, tmp_path, text, "manifest-2026-11.csv")

    assert report == ImportReport(format="generic", rows_read=3, rmas_added=2)
    rma = store.data.rmas["RMA-1"]
    assert [u.lpn for u in rma.units] == ["RMA-1-1", "RMA-1-2", "RMA-1-3"]
    assert [u.line_no for u in rma.units] == [1, 1, 2]
    assert all(u.state == UnitState.EXPECTED for u in rma.units)
    assert (rma.source, rma.source_name) == (RmaSource.MANIFEST, "manifest-2026-11.csv")
    assert rma.created_at == ctx.clock.now()
    assert rma.customer == "Zoë Müller"
    assert rma.lines[0].unit_price == Decimal("59.90")
    assert store.data.lpn_index["RMA-2-1"] == "RMA-2"


def test_one_audit_event_per_import(ctx: ServiceContext, store: FakeStore, tmp_path: Path) -> None:
    text = csv_text({}, {"rma_code": "RMA-2"}, {"rma_code": "RMA-3", "unit_price": "-1"})

    run(ctx, tmp_path, text, "m.csv")

    (event,) = store.data.audit
    assert (event.entity, event.entity_id, event.action) == ("import", "m.csv", "import_manifest")
    assert (event.actor, event.station) == ("system", "ST-01")
    assert event.new is not None
    assert {k: event.new[k] for k in ("format", "rows_read", "rmas_added", "errors")} == {
        "format": "generic",
        "rows_read": 3,
        "rmas_added": 2,
        "errors": 1,
    }
    assert len(event.new["sha256"]) == 64


def test_invalid_rows_are_reported_and_valid_ones_imported(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    text = csv_text(
        {},
        {"rma_code": "RMA-2", "currency": "XYZ"},
        {"rma_code": "RMA-3", "request_date": "2027-01-01"},
        {"rma_code": "RMA-4"},
    )

    report = run(ctx, tmp_path, text)

    assert report.rmas_added == 2
    assert sorted(store.data.rmas) == ["RMA-1", "RMA-4"]
    assert [(e.line, e.reason) for e in report.errors] == [
        (3, "currency 'XYZ' is not a known ISO 4217 currency code"),
        (4, "request_date 2027-01-01 is in the future"),
    ]


@pytest.mark.parametrize(
    ("now", "latest"),
    [
        (datetime(2026, 11, 2, 9, 0, tzinfo=UTC), date(2026, 11, 2)),
        (datetime(2026, 11, 2, 10, 0, tzinfo=UTC), date(2026, 11, 3)),  # Kiribati's midnight
        (datetime(2026, 11, 2, 23, 59, tzinfo=UTC), date(2026, 11, 3)),
    ],
)
def test_today_is_the_latest_date_on_earth(now: datetime, latest: date) -> None:
    assert latest_today(now) == latest


def test_the_future_is_judged_by_the_clock(
    ctx: ServiceContext, clock: FakeClock, tmp_path: Path
) -> None:
    text = csv_text({"request_date": "2026-11-03"})
    assert run(ctx, tmp_path, text).rmas_added == 0  # 09:00 UTC: nowhere is it the 3rd yet

    clock.advance(hours=3)

    assert run(ctx, tmp_path, text).rmas_added == 1  # 12:00 UTC: it is the 3rd in Auckland


def test_a_file_that_cannot_be_read_writes_nothing(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    with pytest.raises(FileFormatError, match="not UTF-8"):
        run(ctx, tmp_path, csv_text({"customer": "Müller"}).encode("latin-1"))

    assert store.data.rmas == {}
    assert store.data.audit == []
    assert store.commits == 0


# --- importing again -----------------------------------------------------------------------


def test_importing_the_same_file_twice_adds_nothing(
    ctx: ServiceContext, store: FakeStore, clock: FakeClock, tmp_path: Path
) -> None:
    text = csv_text({}, {"sku": "SKU-2", "quantity": "3"}, {"rma_code": "RMA-2"})
    run(ctx, tmp_path, text)
    before = stored(store)
    clock.advance(hours=1)

    again = run(ctx, tmp_path, text, "renamed copy.csv")

    assert again == ImportReport(format="generic", rows_read=3, rmas_unchanged=2)
    assert stored(store) == before
    assert len(store.data.audit) == 2


def test_a_changed_row_updates_an_rma_still_expected(
    ctx: ServiceContext, store: FakeStore, clock: FakeClock, tmp_path: Path
) -> None:
    run(ctx, tmp_path, csv_text({}, {"rma_code": "RMA-2"}))
    created = store.data.rmas["RMA-1"].created_at
    clock.advance(hours=1)
    changed = csv_text(
        {"unit_price": "49.90", "quantity": "2", "requested_resolution": "exchange"},
        {"sku": "SKU-2", "requested_resolution": "EXCHANGE"},
        {"rma_code": "RMA-2"},
    )

    report = run(ctx, tmp_path, changed, "m-v2.csv")

    assert (report.rmas_added, report.rmas_updated, report.rmas_unchanged) == (0, 1, 1)
    assert report.errors == ()
    rma = store.data.rmas["RMA-1"]
    assert [(ln.sku, ln.unit_price, ln.quantity) for ln in rma.lines] == [
        ("SKU-1", Decimal("49.90"), 2),
        ("SKU-2", Decimal("59.90"), 1),
    ]
    assert rma.requested_resolution == RequestedResolution.EXCHANGE
    assert [u.lpn for u in rma.units] == ["RMA-1-1", "RMA-1-2", "RMA-1-3"]
    assert rma.source_name == "m-v2.csv"
    assert rma.created_at == created
    assert store.data.audit[-1].new is not None
    assert store.data.audit[-1].new["updated_codes"] == ["RMA-1"]


BEING_INSPECTED = "RMA RMA-1 is already being inspected; the change was not applied"


@pytest.mark.parametrize(
    ("state", "message"),
    [
        (UnitState.IN_INSPECTION, BEING_INSPECTED),
        (UnitState.AWAITING_APPROVAL, BEING_INSPECTED),
    ],
)
def test_a_changed_row_for_an_rma_in_inspection_is_refused(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path, state: UnitState, message: str
) -> None:
    run(ctx, tmp_path, csv_text({"quantity": "2"}, {"sku": "SKU-2"}, {"rma_code": "RMA-2"}))
    set_state(store, "RMA-1-2", state)
    before = stored(store)
    changed = csv_text(
        {"quantity": "2", "unit_price": "1.00"},
        {"sku": "SKU-2"},
        {"rma_code": "RMA-2", "customer": "Someone else"},
    )

    report = run(ctx, tmp_path, changed)

    assert (report.rmas_updated, report.rmas_unchanged) == (1, 0)
    assert [(e.line, e.reason) for e in report.errors] == [(2, message), (3, message)]
    assert report.errors[0].row == changed.splitlines()[1]
    assert stored(store)["RMA-1"] == before["RMA-1"]
    assert stored(store)["RMA-2"].customer == "Someone else"


def test_a_changed_row_for_a_decided_rma_is_refused(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    run(ctx, tmp_path, csv_text({}))
    set_state(store, "RMA-1-1", UnitState.DECIDED)
    before = stored(store)

    report = run(ctx, tmp_path, csv_text({"unit_price": "1"}))

    assert report.errors[0].reason == (
        "RMA RMA-1 has already been decided; the change was not applied"
    )
    [problem] = report.errors[0].problems  # what the screens word in the station's language
    assert (problem.code, problem.params) == ("importing.rma_decided", {"rma": "RMA-1"})
    assert stored(store) == before


def test_an_unchanged_rma_in_inspection_is_simply_unchanged(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    run(ctx, tmp_path, csv_text({}))
    set_state(store, "RMA-1-1", UnitState.IN_INSPECTION)

    report = run(ctx, tmp_path, csv_text({}))

    assert (report.rmas_unchanged, report.errors) == (1, ())


def test_a_bad_new_row_never_damages_a_stored_rma(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    run(ctx, tmp_path, csv_text({}, {"sku": "SKU-2"}))
    before = stored(store)

    # The fixed file drops a line and breaks another: the RMA must stay as it was.
    report = run(ctx, tmp_path, csv_text({"unit_price": "oops"}))

    assert report.rmas_updated == 0
    assert stored(store) == before


# --- Amazon and the catalog ----------------------------------------------------------------


def test_amazon_report_takes_price_and_market_from_the_catalog(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    load_catalog(ctx, tmp_path)
    text = amazon_text(
        {},
        {"license-plate-number": "LPN-EU", "sku": "SKU-EU", "product-name": "", "quantity": "2"},
        {"license-plate-number": "LPN-YEN", "sku": "SKU-YEN"},
    )

    report = run(ctx, tmp_path, text, "amazon-returns.txt")

    assert report == ImportReport(format="amazon", rows_read=3, rmas_added=3)
    rma = store.data.rmas["LPNRR0000001"]
    assert (rma.source, rma.source_name) == (RmaSource.AMAZON, "amazon-returns.txt")
    assert (rma.market, rma.currency) == ("US", "USD")
    assert (rma.order_date, rma.delivery_date, rma.request_date) == (None, None, date(2026, 10, 20))
    assert rma.requested_resolution == RequestedResolution.REFUND
    assert rma.stated_reason == "DEFECTIVE: stopped charging"
    line = rma.lines[0]
    assert (line.product_name, line.category, line.supplier, line.unit_price) == (
        "Wireless headset",  # the report's own title wins
        "electronics",
        "Shenzhen Audio",
        Decimal("99.50"),
    )
    assert [u.lpn for u in rma.units] == ["LPNRR0000001-1"]
    eu = store.data.rmas["LPN-EU"]
    assert (eu.market, eu.currency, eu.lines[0].product_name) == ("DE", "EUR", "Trinkflasche")
    assert len(eu.units) == 2
    yen = store.data.rmas["LPN-YEN"]
    assert (yen.market, yen.lines[0].unit_price) == ("JP", Decimal("1500"))


def test_amazon_report_without_the_catalog_asks_for_it(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    load_catalog(ctx, tmp_path)
    text = amazon_text(
        {},
        {"license-plate-number": "LPN-2", "sku": "SKU-UNKNOWN"},
        {"license-plate-number": "LPN-3", "sku": "SKU-CHF"},
    )

    report = run(ctx, tmp_path, text)

    assert report.rmas_added == 1
    assert sorted(store.data.rmas) == ["LPNRR0000001"]
    missing, chf = report.errors
    assert missing.line == 3
    assert missing.reason.startswith("SKU SKU-UNKNOWN is not in the product catalog")
    assert "import the catalog first" in missing.reason
    assert chf.line == 4
    assert "cannot be told from its catalog currency CHF" in chf.reason


def test_amazon_report_with_an_empty_catalog_imports_nothing(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    report = run(ctx, tmp_path, amazon_text({}, {"license-plate-number": "LPN-2"}))

    assert report.rmas_added == 0
    assert len(report.errors) == 2
    assert store.data.rmas == {}


def test_amazon_report_imported_twice_is_unchanged(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    load_catalog(ctx, tmp_path)
    run(ctx, tmp_path, amazon_text({}))

    report = run(ctx, tmp_path, amazon_text({}))

    assert (report.rmas_added, report.rmas_unchanged) == (0, 1)


def test_generic_manifest_fills_empty_product_fields_from_the_catalog(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    load_catalog(ctx, tmp_path)
    text = csv_text(
        {"product_name": "", "category": "", "supplier": ""},
        {"sku": "SKU-NEW", "product_name": "", "category": "", "supplier": ""},
    )

    run(ctx, tmp_path, text)

    first, second = store.data.rmas["RMA-1"].lines
    assert (first.product_name, first.category, first.supplier) == (
        "Laufschuh",
        "footwear",
        "Acme",
    )
    assert first.unit_price == Decimal("59.90")  # the manifest's price, never the catalog's
    assert (second.product_name, second.category, second.supplier) == ("", "", "")


def test_catalog_import_adds_then_updates(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    first = load_catalog(ctx, tmp_path)

    assert first == ImportReport(format="catalog", rows_read=5, products_added=5)
    assert store.data.catalog["SKU-HEADSET"] == Product(
        "SKU-HEADSET",
        "无线蓝牙耳机 Wireless headset",
        "electronics",
        "Shenzhen Audio",
        Decimal("99.50"),
        "USD",
        120,
    )

    again = load_catalog(ctx, tmp_path)
    assert again == ImportReport(format="catalog", rows_read=5)

    changed = load_catalog(ctx, tmp_path, CATALOG.replace("99.5", "89").replace("SKU-1,", "X,"))
    assert (changed.products_added, changed.products_updated) == (1, 1)
    assert store.data.catalog["SKU-HEADSET"].unit_price == Decimal("89.00")

    events = [(e.entity, e.entity_id, e.action) for e in store.data.audit]
    assert events == [("import", "catalog.csv", "import_catalog")] * 3


def test_catalog_without_sales_figures_keeps_the_stored_ones(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    load_catalog(ctx, tmp_path)

    report = load_catalog(
        ctx,
        tmp_path,
        "sku,name,category,supplier,unit_price,currency\n"
        "SKU-HEADSET,Headset v2,electronics,Shenzhen Audio,99.5,USD\n",
    )

    assert report.products_updated == 1
    assert store.data.catalog["SKU-HEADSET"].units_sold == 120
    assert store.data.catalog["SKU-HEADSET"].name == "Headset v2"


def test_catalog_errors_are_reported(ctx: ServiceContext, store: FakeStore, tmp_path: Path) -> None:
    report = load_catalog(ctx, tmp_path, CATALOG + "SKU-BAD,Bad,,,-3,USD,\n")

    assert report.products_added == 5
    assert [(e.line, e.reason) for e in report.errors] == [(7, "unit_price '-3' is negative")]
    assert "SKU-BAD" not in store.data.catalog


# --- bulk work, progress and cancel --------------------------------------------------------


def _counting(real: Any, calls: dict[str, int], key: str) -> Any:
    def spy(self: Any, *args: Any) -> Any:
        calls[key] += 1
        return real(self, *args)

    return spy


def test_work_is_done_per_chunk_not_per_row(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "CHUNK", 4)
    calls: dict[str, int] = {}
    for cls, name in (
        (FakeRmaRepository, "get_many"),
        (FakeRmaRepository, "add_many"),
        (FakeRmaRepository, "get"),
        (FakeRmaRepository, "add"),
        (FakeCatalogRepository, "get_many"),
        (FakeCatalogRepository, "get"),
    ):
        key = f"{cls.__name__.removeprefix('Fake').removesuffix('Repository')}.{name}"
        calls[key] = 0
        monkeypatch.setattr(cls, name, _counting(getattr(cls, name), calls, key))
    text = csv_text(*({"rma_code": f"RMA-{i}"} for i in range(10)))

    report = run(ctx, tmp_path, text)

    assert report.rmas_added == 10
    assert calls == {
        "Rma.get_many": 3,
        "Rma.add_many": 3,
        "Rma.get": 0,
        "Rma.add": 10,  # the fake's add_many adds one by one; the SQL one does not
        "Catalog.get_many": 3,
        "Catalog.get": 0,
    }


def test_progress_is_reported_per_chunk(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "CHUNK", 4)
    seen: list[tuple[int, int]] = []
    data, name = write(tmp_path, "m.csv", csv_text(*({"rma_code": f"R-{i}"} for i in range(10))))

    import_manifest(ctx, ACTOR, data, name, progress=lambda done, total: seen.append((done, total)))

    assert seen == [(0, 10), (4, 10), (8, 10), (10, 10)]


def test_a_cancelled_import_writes_nothing(
    ctx: ServiceContext, store: FakeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "CHUNK", 4)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # let two chunks through, then cancel

    data, name = write(tmp_path, "m.csv", csv_text(*({"rma_code": f"R-{i}"} for i in range(10))))

    with pytest.raises(ImportCancelled, match="nothing was imported"):
        import_manifest(ctx, ACTOR, data, name, cancelled=cancelled)

    assert store.data.rmas == {}
    assert store.data.audit == []


# --- the error file, end to end ------------------------------------------------------------


def test_error_file_of_an_import(ctx: ServiceContext, tmp_path: Path) -> None:
    text = csv_text(
        {},
        {"rma_code": "RMA-2", "unit_price": "-3", "customer": "=cmd|'/C calc'!A0"},
        {"rma_code": "RMA-3", "product_name": "Shoe,\nred", "quantity": "0"},
        {"rma_code": "RMA-4", "customer": "张伟", "currency": "ABC"},
    )

    report = run(ctx, tmp_path, text)
    error_path = tmp_path / "m.csv.errors.csv"
    error_path.write_bytes(render_errors_file(report.errors))

    raw = error_path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    lines = text.splitlines(keepends=True)
    assert rows == [
        ["line", "reason", "row"],
        ["3", "unit_price '-3' is negative", lines[2].rstrip("\n")],
        ["4", "quantity '0' must be at least 1", (lines[3] + lines[4]).rstrip("\n")],
        ["6", "currency 'ABC' is not a known ISO 4217 currency code", lines[5].rstrip("\n")],
    ]


def test_report_summary() -> None:
    manifest = ImportReport("generic", 12, rmas_added=3, rmas_updated=1, rmas_unchanged=4)
    catalog = ImportReport("catalog", 5, products_added=2, products_updated=1)

    assert manifest.summary() == (
        "generic: 12 rows read; 3 RMAs added, 1 updated, 4 unchanged; 0 rows not imported"
    )
    assert (
        catalog.summary()
        == "catalog: 5 rows read; 2 products added, 1 updated; 0 rows not imported"
    )


def test_report_summary_of_one_says_one_row() -> None:
    report = ImportReport("generic", 1, rmas_added=1)

    assert report.summary() == (
        "generic: 1 row read; 1 RMA added, 0 updated, 0 unchanged; 0 rows not imported"
    )
