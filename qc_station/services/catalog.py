"""Reading the product catalog for the screens: what the station knows about a SKU, so an
unexpected return (SPEC §7.2) starts from the catalog's name, category, supplier and price
instead of the inspector's typing."""

from __future__ import annotations

from qc_station.domain.model import Product
from qc_station.services.context import ServiceContext


def find_product(ctx: ServiceContext, sku: str) -> Product | None:
    """The catalog entry for ``sku`` (exactly, then in upper case), or None."""
    text = sku.strip()
    if not text:
        return None
    with ctx.uow() as uow:
        product = uow.catalog.get(text)
        if product is None and text.upper() != text:
            product = uow.catalog.get(text.upper())
    return product
