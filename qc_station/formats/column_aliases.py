"""The column names each file format accepts, with their aliases: the one table per format
that ``csv_input.map_columns`` reads (a header "RMA #", "rma_number" or "RMA Number" is the
same column), and the markers that tell an Amazon returns report from a generic manifest."""

from __future__ import annotations

# Keys are the canonical column names (the ones SPEC §7.1 lists); values are the other names
# accepted for them, written naturally (they are normalised when compared).
MANIFEST_ALIASES: dict[str, tuple[str, ...]] = {
    "rma_code": (
        "rma",
        "rma number",
        "rma no",
        "rma id",
        "rma code",
        "return id",
        "return number",
        "return authorization",
        "return authorisation",
    ),
    "order_id": ("order", "order number", "order no", "order ref", "order reference"),
    "customer": ("customer name", "buyer", "buyer name", "client", "client name"),
    "market": ("country", "country code", "market code", "marketplace country"),
    "currency": ("currency code", "ccy", "cur"),
    "order_date": ("ordered", "ordered on", "date ordered", "purchase date"),
    "delivery_date": ("delivered", "delivered on", "date delivered"),
    "request_date": (
        "requested",
        "requested on",
        "date requested",
        "return date",
        "return request date",
        "rma date",
    ),
    "requested_resolution": ("resolution", "requested outcome", "customer request", "remedy"),
    "reason": ("return reason", "stated reason", "reason for return", "customer reason"),
    "carrier": ("shipping carrier", "courier", "return carrier"),
    "tracking": (
        "tracking number",
        "tracking no",
        "tracking id",
        "tracking code",
        "return tracking",
    ),
    "sku": ("seller sku", "item sku", "product sku", "merchant sku", "article number"),
    "product_name": (
        "product",
        "title",
        "product title",
        "item name",
        "item title",
        "description",
    ),
    "category": ("product category", "item category"),
    "supplier": ("vendor", "supplier name", "vendor name"),
    "unit_price": ("price", "item price", "price per unit", "sale price", "selling price"),
    "quantity": ("qty", "units", "quantity returned", "return quantity", "returned qty"),
}

#: The catalog shares the manifest's names for the columns both files have.
CATALOG_ALIASES: dict[str, tuple[str, ...]] = {
    "sku": MANIFEST_ALIASES["sku"],
    "name": ("product_name", *MANIFEST_ALIASES["product_name"]),
    "category": MANIFEST_ALIASES["category"],
    "supplier": MANIFEST_ALIASES["supplier"],
    "unit_price": MANIFEST_ALIASES["unit_price"],
    "currency": MANIFEST_ALIASES["currency"],
    "units_sold": ("sold", "quantity sold", "qty sold", "units shipped", "sales units"),
}

#: Amazon's FBA customer returns report has fixed column names; no aliases.
AMAZON_COLUMNS: dict[str, tuple[str, ...]] = {
    name: ()
    for name in (
        "return-date",
        "order-id",
        "sku",
        "asin",
        "fnsku",
        "product-name",
        "quantity",
        "fulfillment-center-id",
        "detailed-disposition",
        "reason",
        "status",
        "license-plate-number",
        "customer-comments",
    )
}

#: Columns only an Amazon report has: one of them present means "this is meant to be Amazon".
AMAZON_MARKERS = (
    "asin",
    "fnsku",
    "fulfillment-center-id",
    "detailed-disposition",
    "license-plate-number",
    "customer-comments",
)
