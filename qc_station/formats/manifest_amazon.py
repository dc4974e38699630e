"""One row of Amazon's FBA customer returns report (SPEC §7.1): one return, coded by its
license plate number; price, currency and market come from the product catalog
(``MARKET_BY_CURRENCY``), as ``manifest.py``'s docstring says.
"""

from __future__ import annotations

from datetime import date

from qc_station.domain.enums import RequestedResolution
from qc_station.domain.errors import ValidationError
from qc_station.domain.fields import check_code, check_name, check_text

from .csv_input import RowProblem
from .manifest_cells import Cells
from .manifest_grouping import BadRow, GoodRow, ParsedLine, RmaHeader

AMAZON_REQUIRED = ("return-date", "order-id", "sku", "quantity")
#: The market of an Amazon return, from the currency of its SKU in the catalog: the Amazon
#: marketplace that sells in that currency (see the module docstring).
MARKET_BY_CURRENCY: dict[str, str] = {
    "USD": "US",
    "CAD": "CA",
    "MXN": "MX",
    "BRL": "BR",
    "GBP": "GB",
    "EUR": "DE",
    "SEK": "SE",
    "PLN": "PL",
    "TRY": "TR",
    "AED": "AE",
    "SAR": "SA",
    "EGP": "EG",
    "INR": "IN",
    "JPY": "JP",
    "AUD": "AU",
    "SGD": "SG",
    "CNY": "CN",
    "ZAR": "ZA",
}


def amazon_row(cells: Cells, today: date) -> GoodRow | BadRow:
    order_id = cells.checked("order-id", check_code, required=True)
    sku = cells.checked("sku", check_code, required=True)
    cells.checked("license-plate-number", check_code, required=False)
    cells.checked("product-name", check_name, required=False)
    cells.checked("reason", check_text, required=False)
    cells.checked("customer-comments", check_text, required=False)
    request_date = cells.date("return-date", today, required=True)
    quantity = cells.quantity("quantity")
    code = cells.text("license-plate-number") or (
        f"AMZ-{order_id}-{sku}" if order_id and sku else ""
    )
    reason = cells.text("reason")
    comments = cells.text("customer-comments")
    stated = f"{reason}: {comments}" if reason and comments else reason or comments
    if not cells.problems:
        for value, label, rule in (
            # Named by the file's own columns: the values are made of those cells.
            (code, "order-id + sku", check_code),
            (stated, "reason + customer-comments", check_text),
        ):
            try:
                rule(value, label)
            except ValidationError as exc:
                cells.problems.append(RowProblem.from_error(exc))
    if cells.problems:
        return BadRow(code, cells.error())
    header = RmaHeader(
        order_id=order_id,
        customer="",
        market=None,
        currency=None,
        order_date=None,
        delivery_date=None,
        request_date=request_date,
        requested_resolution=RequestedResolution.REFUND,
        carrier="",
        tracking="",
    )
    line = ParsedLine(
        line=cells.record.line,
        row=cells.record.raw,
        sku=sku,
        product_name=cells.text("product-name"),
        category="",
        supplier="",
        unit_price=None,
        quantity=quantity,
    )
    return GoodRow(code, header, stated, line)
