"""One row of the generic RMA manifest CSV (SPEC §7.1): one line of an RMA, with the RMA's
header fields repeated on each of its rows.
"""

from __future__ import annotations

from datetime import date

from qc_station.domain.fields import check_code, check_name, check_text

from .csv_input import RowProblem
from .manifest_cells import Cells
from .manifest_grouping import BadRow, GoodRow, ParsedLine, RmaHeader

#: Columns the generic manifest must have; the others may be missing from the header. Their
#: cells must not be empty, except ``customer`` (exports may redact names for privacy).
GENERIC_REQUIRED = (
    "rma_code",
    "order_id",
    "customer",
    "market",
    "currency",
    "order_date",
    "request_date",
    "sku",
    "unit_price",
    "quantity",
)


def generic_row(cells: Cells, today: date) -> GoodRow | BadRow:
    code = cells.checked("rma_code", check_code, required=True)
    cells.checked("order_id", check_code, required=True)
    cells.checked("sku", check_code, required=True)
    cells.checked("tracking", check_code, required=False)
    for name in ("customer", "carrier", "product_name", "category", "supplier"):
        cells.checked(name, check_name, required=False)
    cells.checked("reason", check_text, required=False)
    currency = cells.currency("currency")
    market = cells.market("market")
    order_date = cells.date("order_date", today, required=True)
    delivery_date = cells.date("delivery_date", today, required=False)
    request_date = cells.date("request_date", today, required=True)
    if order_date and delivery_date and delivery_date < order_date:
        cells.problems.append(
            RowProblem.of(
                "import.date_before",
                field=cells.label("delivery_date"),
                value=delivery_date.isoformat(),
                other_field=cells.label("order_date"),
                other_value=order_date.isoformat(),
            )
        )
    if order_date and request_date and request_date < order_date:
        cells.problems.append(
            RowProblem.of(
                "import.date_before",
                field=cells.label("request_date"),
                value=request_date.isoformat(),
                other_field=cells.label("order_date"),
                other_value=order_date.isoformat(),
            )
        )
    resolution = cells.resolution("requested_resolution")
    unit_price = cells.price("unit_price", currency)
    quantity = cells.quantity("quantity")
    if cells.problems:
        return BadRow(code, cells.error())
    header = RmaHeader(
        order_id=cells.text("order_id"),
        customer=cells.text("customer"),
        market=market,
        currency=currency,
        order_date=order_date,
        delivery_date=delivery_date,
        request_date=request_date,
        requested_resolution=resolution,
        carrier=cells.text("carrier"),
        tracking=cells.text("tracking"),
    )
    line = ParsedLine(
        line=cells.record.line,
        row=cells.record.raw,
        sku=cells.text("sku"),
        product_name=cells.text("product_name"),
        category=cells.text("category"),
        supplier=cells.text("supplier"),
        unit_price=unit_price,
        quantity=quantity,
    )
    return GoodRow(code, header, cells.text("reason"), line)
