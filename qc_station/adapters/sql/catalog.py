"""The product catalog (``CatalogRepository``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update

from qc_station.domain.model import Product

from ..orm import ProductRow
from ._common import Repo, chunks, opt_from_minor, opt_to_minor

# The tables behind the models, for Core statements (bulk inserts, conditional updates).
_products = cast(Table, ProductRow.__table__)

# --- product catalog -----------------------------------------------------------------------


def _product_values(p: Product) -> dict[str, Any]:
    return {
        "sku": p.sku,
        "name": p.name,
        "category": p.category,
        "supplier": p.supplier,
        "unit_price_minor": opt_to_minor(p.unit_price, p.currency, f"price of {p.sku}"),
        "currency": p.currency,
        "units_sold": p.units_sold,
    }


def _product(r: Any) -> Product:
    return Product(
        sku=r.sku,
        name=r.name,
        category=r.category,
        supplier=r.supplier,
        unit_price=opt_from_minor(r.unit_price_minor, r.currency),
        currency=r.currency,
        units_sold=r.units_sold,
    )


class SqlCatalogRepository(Repo):
    def get(self, sku: str) -> Product | None:
        return self.get_many([sku]).get(sku)

    def get_many(self, skus: Collection[str]) -> dict[str, Product]:
        found: dict[str, Product] = {}
        for chunk in chunks(dict.fromkeys(skus)):
            for row in self.session.execute(select(_products).where(_products.c.sku.in_(chunk))):
                found[row.sku] = _product(row)
        return found

    def upsert_many(self, products: Sequence[Product]) -> tuple[int, int]:
        stored = self.get_many([p.sku for p in products])
        current = dict(stored)
        added = updated = 0
        # Count as the fake does, product by product, so a SKU listed twice counts twice.
        for product in products:
            old = current.get(product.sku)
            if old is None:
                added += 1
            elif old != product:
                updated += 1
            current[product.sku] = product
        new_rows = [_product_values(p) for sku, p in current.items() if sku not in stored]
        changed_rows = [
            _product_values(p) for sku, p in current.items() if sku in stored and stored[sku] != p
        ]
        if new_rows:
            self.session.execute(insert(_products), new_rows)
        if changed_rows:
            # executemany of one UPDATE; "b_sku" because "sku" is also a column being set.
            for row in changed_rows:
                row["b_sku"] = row.pop("sku")
            self.session.execute(
                update(_products)
                .where(_products.c.sku == bindparam("b_sku"))
                .values(
                    {
                        c: bindparam(c)
                        for c in (
                            "name",
                            "category",
                            "supplier",
                            "unit_price_minor",
                            "currency",
                            "units_sold",
                        )
                    }
                ),
                changed_rows,
            )
        return added, updated
