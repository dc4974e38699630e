"""Looking a SKU up in the catalog for an unexpected return."""

from __future__ import annotations

from decimal import Decimal

from qc_station.domain.model import Product
from qc_station.services.catalog import find_product
from qc_station.services.context import ServiceContext
from tests.fakes import FakeStore


def test_a_sku_is_found_exactly_then_in_upper_case(ctx: ServiceContext, store: FakeStore) -> None:
    with store.uow() as uow:
        uow.catalog.upsert_many(
            [Product("SKU-KETTLE", "Kettle", "home", "Ningbo", Decimal("39.90"), "EUR")]
        )
        uow.commit()
    found = find_product(ctx, "  sku-kettle ")
    assert found is not None and found.sku == "SKU-KETTLE"
    assert found.unit_price == Decimal("39.90")
    assert find_product(ctx, "SKU-NOPE") is None
    assert find_product(ctx, "   ") is None
