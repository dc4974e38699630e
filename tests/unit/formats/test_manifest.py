"""Parsing RMA manifests (SPEC §7.1): the generic CSV, the Amazon report, and every way a file
from the field can be wrong. Also the shared reader (``csv_input``) and the error file."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from qc_station.domain.enums import RequestedResolution
from qc_station.formats.column_aliases import AMAZON_COLUMNS, CATALOG_ALIASES, MANIFEST_ALIASES
from qc_station.formats.csv_input import (
    FileFormatError,
    RowError,
    alias_index,
    render_errors_file,
    sniff_delimiter,
)
from qc_station.formats.manifest import (
    FORMAT_AMAZON,
    FORMAT_GENERIC,
    GENERIC_REQUIRED,
    ParsedManifest,
    parse_manifest,
)

TODAY = date(2026, 11, 2)

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

BASE = {
    "rma_code": "RMA-1",
    "order_id": "ORD-1",
    "customer": "Zoë Müller",
    "market": "DE",
    "currency": "EUR",
    "order_date": "2026-10-01",
    "delivery_date": "2026-10-04",
    "request_date": "2026-10-20",
    "requested_resolution": "REFUND",
    "reason": "too small",
    "carrier": "DHL",
    "tracking": "JD0001",
    "sku": "SKU-1",
    "product_name": "Laufschuh",
    "category": "footwear",
    "supplier": "Acme",
    "unit_price": "59.90",
    "quantity": "1",
}

AMAZON_HEADER = list(AMAZON_COLUMNS)

AMAZON_BASE = {
    "return-date": "2026-10-20T08:15:00+00:00",
    "order-id": "114-1234567-7654321",
    "sku": "SKU-HEADSET",
    "asin": "B0TEST0001",
    "fnsku": "X000TEST01",
    "product-name": "Wireless headset",
    "quantity": "1",
    "fulfillment-center-id": "PHX7",
    "detailed-disposition": "CUSTOMER_DAMAGED",
    "reason": "DEFECTIVE",
    "status": "Unit returned to inventory",
    "license-plate-number": "LPNRR0000001",
    "customer-comments": "stopped charging",
}


def csv_text(
    *rows: dict[str, str],
    header: list[str] = HEADER,
    base: dict[str, str] = BASE,
    delimiter: str = ",",
) -> str:
    """A CSV with ``header`` and one row per dict, each row ``base`` with its overrides;
    the keys of a row are canonical names, mapped onto ``header`` by position."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    names = list(base)
    for row in rows:
        values = {**base, **row}
        writer.writerow([values[names[i]] for i in range(len(header))])
    return buffer.getvalue()


def amazon_text(*rows: dict[str, str]) -> str:
    return csv_text(*rows, header=AMAZON_HEADER, base=AMAZON_BASE, delimiter="\t")


def parse_file(
    tmp_path: Path, content: str | bytes, name: str = "manifest.csv", today: date = TODAY
) -> ParsedManifest:
    """Write the file as a user would have it on disk, and parse what is read back."""
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return parse_manifest(path.read_bytes(), name, today)


def only_error(parsed: ParsedManifest) -> RowError:
    assert len(parsed.errors) == 1, parsed.errors
    return parsed.errors[0]


# --- the generic manifest ------------------------------------------------------------------


def test_rows_sharing_a_code_are_lines_of_one_rma(tmp_path: Path) -> None:
    text = csv_text(
        {},
        {"sku": "SKU-2", "product_name": "Socks", "unit_price": "4.5", "quantity": "3"},
        {"rma_code": "RMA-2", "customer": "张伟", "market": "cn", "currency": "cny"},
    )

    parsed = parse_file(tmp_path, text)

    assert parsed.format == FORMAT_GENERIC
    assert parsed.rows_read == 3
    assert parsed.errors == ()
    first, second = parsed.rmas
    assert first.code == "RMA-1"
    assert (first.order_id, first.customer, first.market, first.currency) == (
        "ORD-1",
        "Zoë Müller",
        "DE",
        "EUR",
    )
    assert (first.order_date, first.delivery_date, first.request_date) == (
        date(2026, 10, 1),
        date(2026, 10, 4),
        date(2026, 10, 20),
    )
    assert first.requested_resolution == RequestedResolution.REFUND
    assert (first.stated_reason, first.carrier, first.tracking) == ("too small", "DHL", "JD0001")
    assert [(ln.line, ln.sku, ln.unit_price, ln.quantity) for ln in first.lines] == [
        (2, "SKU-1", Decimal("59.90"), 1),
        (3, "SKU-2", Decimal("4.50"), 3),
    ]
    assert first.lines[0].row == text.splitlines()[1]
    assert (second.code, second.customer, second.market, second.currency) == (
        "RMA-2",
        "张伟",
        "CN",
        "CNY",
    )


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"unit_price": "-3"}, "unit_price '-3' is negative"),
        ({"unit_price": "abc"}, "unit_price 'abc' is not a number"),
        ({"unit_price": "1,234.50"}, "unit_price '1,234.50' is not a number"),
        ({"unit_price": "1,234"}, "unit_price '1,234' is ambiguous"),
        ({"unit_price": ""}, "unit_price is empty"),
        ({"currency": "XYZ"}, "currency 'XYZ' is not a known ISO 4217 currency code"),
        ({"currency": ""}, "currency is empty"),
        ({"market": "Germany"}, "market 'Germany' is not a 2-letter country code"),
        ({"market": "D1"}, "market 'D1' is not a 2-letter country code"),
        ({"quantity": "0"}, "quantity '0' must be at least 1"),
        ({"quantity": "-1"}, "quantity '-1' is not a whole number"),
        ({"quantity": "2.5"}, "quantity '2.5' is not a whole number"),
        ({"quantity": "1001"}, "quantity '1001' is more than 1000"),
        ({"quantity": "99999999999999999999"}, "is more than 1000"),
        ({"quantity": ""}, "quantity is empty"),
        ({"request_date": "2026-11-03"}, "request_date 2026-11-03 is in the future"),
        ({"delivery_date": "2026-11-05"}, "delivery_date 2026-11-05 is in the future"),
        (
            {"delivery_date": "2026-09-30"},
            "delivery_date 2026-09-30 is before order_date 2026-10-01",
        ),
        ({"request_date": "2026-09-01"}, "request_date 2026-09-01 is before order_date"),
        ({"order_date": "01/10/2026"}, "order_date '01/10/2026' is not a date in the form"),
        ({"order_date": "2026-02-30"}, "order_date '2026-02-30' is not a date"),
        ({"order_date": ""}, "order_date is empty"),
        ({"request_date": "soon"}, "request_date 'soon' is not a date"),
        ({"requested_resolution": "store credit"}, "'store credit' is neither REFUND nor"),
        ({"rma_code": ""}, "rma_code is empty"),
        ({"order_id": "  "}, "order_id is empty"),
        ({"sku": ""}, "sku is empty"),
    ],
)
def test_a_bad_cell_makes_its_row_an_error(
    tmp_path: Path, override: dict[str, str], message: str
) -> None:
    text = csv_text(override)

    parsed = parse_file(tmp_path, text)

    assert parsed.rmas == ()
    error = only_error(parsed)
    assert error.line == 2
    assert message in error.reason
    assert error.row == text.splitlines()[1]
    assert str(error).startswith("line 2: ")


def test_every_problem_of_a_row_is_named_at_once(tmp_path: Path) -> None:
    parsed = parse_file(tmp_path, csv_text({"unit_price": "-3", "currency": "XYZ", "qty": ""}))

    reason = only_error(parsed).reason
    assert "unit_price '-3' is negative" in reason
    assert "currency 'XYZ'" in reason


@pytest.mark.parametrize(
    ("override", "attribute", "expected"),
    [
        ({"market": "uk"}, "market", "GB"),
        ({"market": " us "}, "market", "US"),
        ({"currency": "usd"}, "currency", "USD"),
        ({"request_date": "2026-10-20T23:30:00-05:00"}, "request_date", date(2026, 10, 20)),
        ({"request_date": "2026-10-20 10:00:00"}, "request_date", date(2026, 10, 20)),
        ({"request_date": "2026-11-02T00:00:00Z"}, "request_date", date(2026, 11, 2)),
        ({"delivery_date": ""}, "delivery_date", None),
        ({"requested_resolution": ""}, "requested_resolution", RequestedResolution.REFUND),
        ({"requested_resolution": "Money back"}, "requested_resolution", "REFUND"),
        ({"requested_resolution": "refund"}, "requested_resolution", "REFUND"),
        ({"requested_resolution": "EXCHANGE"}, "requested_resolution", "EXCHANGE"),
        ({"requested_resolution": "Replacement"}, "requested_resolution", "EXCHANGE"),
        ({"requested_resolution": "换货"}, "requested_resolution", "EXCHANGE"),
        ({"customer": ""}, "customer", ""),
        ({"reason": ""}, "stated_reason", ""),
    ],
)
def test_accepted_spellings(
    tmp_path: Path, override: dict[str, str], attribute: str, expected: Any
) -> None:
    parsed = parse_file(tmp_path, csv_text(override))

    assert parsed.errors == ()
    assert getattr(parsed.rmas[0], attribute) == expected


@pytest.mark.parametrize(
    ("currency", "written", "stored"),
    [
        ("USD", "10.005", Decimal("10.01")),  # half-up, not banker's rounding
        ("USD", "10.004", Decimal("10.00")),
        ("EUR", "12,5", Decimal("12.50")),  # a lone decimal comma (European Excel)
        ("JPY", "1200.5", Decimal("1201")),
        ("KWD", "1.2345", Decimal("1.235")),
        ("USD", "0", Decimal("0.00")),
    ],
)
def test_unit_price_is_rounded_to_the_currency(
    tmp_path: Path, currency: str, written: str, stored: Decimal
) -> None:
    parsed = parse_file(tmp_path, csv_text({"currency": currency, "unit_price": written}))

    price = parsed.rmas[0].lines[0].unit_price
    assert price == stored
    assert str(price) == str(stored)


def test_header_aliases_in_any_order_with_unknown_columns(tmp_path: Path) -> None:
    header = [
        "Qty",
        "Price",
        "Vendor",
        "Category",
        "Title",
        "SKU",
        "Tracking Number",
        "Courier",
        "Return Reason",
        "Resolution",
        "Requested",
        "Delivered",
        "Order-Date",
        "Currency",
        "Country",
        "Customer Name",
        "Order #",
        "RMA Number",
        "Internal note",
    ]
    row = [
        "2",
        "19.99",
        "Acme",
        "apparel",
        "T-shirt",
        "SKU-9",
        "1Z9",
        "UPS",
        "too big",
        "replacement",
        "2026-10-20",
        "2026-10-04",
        "2026-10-01",
        "USD",
        "US",
        "Ann",
        "ORD-9",
        "RMA-9",
        "call back",
    ]
    text = ";".join(header) + "\n" + ";".join(row) + "\n"

    parsed = parse_file(tmp_path, text)

    assert parsed.errors == ()
    (rma,) = parsed.rmas
    assert (rma.code, rma.order_id, rma.customer, rma.market) == ("RMA-9", "ORD-9", "Ann", "US")
    assert rma.requested_resolution == RequestedResolution.EXCHANGE
    assert (rma.carrier, rma.tracking, rma.stated_reason) == ("UPS", "1Z9", "too big")
    line = rma.lines[0]
    assert (line.sku, line.product_name, line.category, line.supplier) == (
        "SKU-9",
        "T-shirt",
        "apparel",
        "Acme",
    )
    assert (line.unit_price, line.quantity) == (Decimal("19.99"), 2)


@pytest.mark.parametrize(
    "spelling", ["rma_code", "RMA", "rma number", "RMA-Number", "RMA_NO", "  Rma  Code ", "RMA #"]
)
def test_header_names_ignore_case_space_underscore_hyphen(tmp_path: Path, spelling: str) -> None:
    text = csv_text({}).replace("rma_code", spelling, 1)

    assert parse_file(tmp_path, text).rmas[0].code == "RMA-1"


def test_error_messages_use_the_column_name_of_the_file(tmp_path: Path) -> None:
    text = csv_text({"unit_price": "-3"}).replace("unit_price", "Price", 1)

    assert only_error(parse_file(tmp_path, text)).reason == "Price '-3' is negative"


def test_missing_columns_are_listed(tmp_path: Path) -> None:
    header = [h for h in HEADER if h not in ("unit_price", "quantity", "carrier")]
    text = ",".join(header) + "\n"

    with pytest.raises(FileFormatError) as caught:
        parse_file(tmp_path, text, name="orders.csv")

    message = str(caught.value)
    assert message.startswith("orders.csv: ")
    assert "lacks the column(s) unit_price, quantity" in message
    assert "carrier" not in message.split("(the header has")[0]  # optional column
    assert caught.value.params["missing"] == ["unit_price", "quantity"]


def test_unknown_header_is_refused_with_every_required_column(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError) as caught:
        parse_file(tmp_path, "foo,bar\n1,2\n")

    assert caught.value.params["missing"] == list(GENERIC_REQUIRED)
    assert "(the header has: foo, bar)" in str(caught.value)


def test_two_columns_meaning_the_same_are_refused(tmp_path: Path) -> None:
    text = csv_text({}).replace("quantity", "qty", 1).replace("\n", ",quantity\n", 1)

    with pytest.raises(FileFormatError, match="'qty' and 'quantity' both mean quantity"):
        parse_file(tmp_path, text)


def test_header_only_gives_nothing(tmp_path: Path) -> None:
    parsed = parse_file(tmp_path, ",".join(HEADER) + "\r\n")

    assert (parsed.rows_read, parsed.rmas, parsed.errors) == (0, (), ())


@pytest.mark.parametrize("content", [b"", b"\n\n  \r\n", codecs.BOM_UTF8])
def test_an_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(FileFormatError, match="empty"):
        parse_file(tmp_path, content)


# --- delimiters, encodings, line breaks ----------------------------------------------------


NAMES = ["张伟", "Zoë Müller-Łukasiewicz", "Ñandú Pérez", "Ørsted Åberg", "山田太郎", "Ελένη"]


def _names_text(delimiter: str = ",") -> str:
    return csv_text(
        *({"rma_code": f"RMA-{i}", "customer": name} for i, name in enumerate(NAMES)),
        delimiter=delimiter,
    )


@pytest.mark.parametrize(
    ("encode", "delimiter"),
    [
        (lambda t: t.encode("utf-8"), ","),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), ","),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), ";"),
        (lambda t: t.replace("\n", "\r\n").encode("utf-8"), ";"),
        (lambda t: t.encode("utf-16"), "\t"),  # Excel "Unicode text": UTF-16 LE with a BOM
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), ","),
    ],
    ids=["utf8", "utf8-bom", "utf8-bom-semicolon", "crlf", "utf16le-tab", "utf16be"],
)
def test_names_in_any_script_round_trip_exactly(
    tmp_path: Path, encode: Any, delimiter: str
) -> None:
    parsed = parse_file(tmp_path, encode(_names_text(delimiter)))

    assert parsed.errors == ()
    assert [rma.customer for rma in parsed.rmas] == NAMES


def test_a_bom_does_not_hide_the_first_column(tmp_path: Path) -> None:
    # Without stripping the BOM the first header would be "\ufeffrma_code" and not match.
    parsed = parse_file(tmp_path, codecs.BOM_UTF8 + csv_text({}).encode("utf-8"))

    assert parsed.rmas[0].code == "RMA-1"


def test_semicolon_file_keeps_commas_in_cells(tmp_path: Path) -> None:
    text = csv_text({"product_name": "Shoe, red, 42", "unit_price": "59,90"}, delimiter=";")

    line = parse_file(tmp_path, text).rmas[0].lines[0]

    assert (line.product_name, line.unit_price) == ("Shoe, red, 42", Decimal("59.90"))


@pytest.mark.parametrize(
    ("text", "encoding", "where"),
    [
        (
            csv_text({"customer": "Ann"}, {"rma_code": "RMA-2", "customer": "Müller"}),
            "latin-1",
            "line 3, column 14",
        ),
        (csv_text({"customer": "张伟"}), "gbk", "line 2, column 13"),
        (
            csv_text(
                {"customer": "A"}, {"customer": "B"}, {"customer": "C", "product_name": "Café"}
            ),
            "cp1252",
            "line 4, column",
        ),
    ],
    ids=["latin-1", "gbk", "windows-1252"],
)
def test_legacy_encodings_are_refused_not_guessed(
    tmp_path: Path, text: str, encoding: str, where: str
) -> None:
    with pytest.raises(FileFormatError) as caught:
        parse_file(tmp_path, text.encode(encoding), name="legacy.csv")

    message = str(caught.value)
    assert message.startswith("legacy.csv is not UTF-8: ")
    assert where in message
    assert "save it as UTF-8" in message


def test_the_bad_byte_is_named(tmp_path: Path) -> None:
    data = b"rma_code\nR\xfc\n"

    with pytest.raises(FileFormatError) as caught:
        parse_file(tmp_path, data)

    assert "line 2, column 2 has the byte 0xFC (byte 11 of the file)" in str(caught.value)
    assert caught.value.params["line"] == 2


def test_utf16_without_bom_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="NUL"):
        parse_file(tmp_path, csv_text({}).encode("utf-16-le"))


def test_quoted_fields_with_newlines_keep_line_numbers_right(tmp_path: Path) -> None:
    text = csv_text(
        {"product_name": "Shoe, red\nsize 42\nleft only", "reason": 'says "too small", sad'},
        {"rma_code": "RMA-2", "unit_price": "-1"},
        {"rma_code": "RMA-3", "customer": "Ann\r\nSmith"},
        {"rma_code": "RMA-4", "currency": "XYZ"},
    )
    assert text.count("\n") == 8  # the header and four rows on eight lines

    parsed = parse_file(tmp_path, text)

    rma1, rma3 = parsed.rmas
    assert rma1.lines[0].product_name == "Shoe, red\nsize 42\nleft only"
    assert rma1.stated_reason == 'says "too small", sad'
    assert rma1.lines[0].line == 2
    assert rma1.lines[0].row.count("\n") == 2
    assert rma3.customer == "Ann\r\nSmith"
    assert rma3.lines[0].line == 6
    assert [(e.line, e.reason.split(" ")[0]) for e in parsed.errors] == [
        (5, "unit_price"),
        (8, "currency"),
    ]


def test_blank_and_delimiter_only_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    lines = csv_text({}, {"rma_code": "RMA-2", "unit_price": "x"}).splitlines()
    text = "\n".join([lines[0], "", lines[1], ",,,,,", "   ", lines[2]]) + "\n"

    parsed = parse_file(tmp_path, text)

    assert parsed.rows_read == 2
    assert parsed.rmas[0].lines[0].line == 3
    assert only_error(parsed).line == 6


# --- malformed rows ------------------------------------------------------------------------


def test_wrong_column_counts(tmp_path: Path) -> None:
    good = csv_text({}).splitlines()[1]
    text = "\n".join(
        [
            ",".join(HEADER),
            good.rsplit(",", 1)[0],  # one column short
            good + ",extra",  # one column too many, not empty
            good.replace("RMA-1", "RMA-3") + ",,,",  # trailing empty cells: Excel does that
            "RMA-4",
        ]
    )

    parsed = parse_file(tmp_path, text)

    assert [rma.code for rma in parsed.rmas] == ["RMA-3"]
    assert [(e.line, e.reason.split(" (")[0]) for e in parsed.errors] == [
        (2, "17 columns instead of 18"),
        (3, "19 columns instead of 18"),
        (5, "1 columns instead of 18"),
    ]
    assert parsed.errors[0].row == good.rsplit(",", 1)[0]


def test_an_unclosed_quote_at_the_end_loses_only_its_row(tmp_path: Path) -> None:
    lines = csv_text({}, {"rma_code": "RMA-2"}).splitlines()
    text = "\n".join([lines[0], lines[1], lines[2].replace("Laufschuh", '"Laufschuh')]) + "\n"

    parsed = parse_file(tmp_path, text)

    assert [rma.code for rma in parsed.rmas] == ["RMA-1"]
    error = only_error(parsed)
    assert error.line == 3
    assert "unclosed quote" in error.reason
    assert error.row == lines[2].replace("Laufschuh", '"Laufschuh')


def test_a_stray_quote_does_not_swallow_the_rows_after_it(tmp_path: Path) -> None:
    # Line 3 opens a quote it never closes; csv would pair it with the quote on line 6 and
    # read lines 3 to 6 as one row. The reader starts again at line 4 instead.
    text = csv_text(
        {},
        {"rma_code": "RMA-2", "product_name": "PLACEHOLDER"},
        {"rma_code": "RMA-3"},
        {"rma_code": "RMA-4"},
        {"rma_code": "RMA-5", "product_name": "Shoe, red"},
        {"rma_code": "RMA-6"},
    ).replace("PLACEHOLDER", '"Cable 2m')

    parsed = parse_file(tmp_path, text)

    assert [rma.code for rma in parsed.rmas] == ["RMA-1", "RMA-3", "RMA-4", "RMA-5", "RMA-6"]
    error = only_error(parsed)
    assert error.line == 3
    assert "quote" in error.reason
    assert parsed.rmas[3].lines[0].line == 6
    assert parsed.rmas[3].lines[0].product_name == "Shoe, red"


def test_an_unclosed_quote_in_a_big_file_stops_at_the_field_limit(tmp_path: Path) -> None:
    rows = [{"rma_code": f"RMA-{i}"} for i in range(1500)]
    rows[1]["product_name"] = "PLACEHOLDER"
    text = csv_text(*rows).replace("PLACEHOLDER", '"Cable 2m')  # no closing quote anywhere

    parsed = parse_file(tmp_path, text)

    assert len(parsed.rmas) == 1499
    error = only_error(parsed)
    assert error.line == 3
    assert "longer than 131072 characters" in error.reason


def test_text_after_a_closing_quote_is_an_error(tmp_path: Path) -> None:
    text = csv_text({}, {"rma_code": "RMA-2", "product_name": "X"}).replace(
        ",X,", ',"12" screen"x,'
    )

    parsed = parse_file(tmp_path, text)

    assert [rma.code for rma in parsed.rmas] == ["RMA-1"]
    assert "Malformed quotes" in only_error(parsed).reason


def test_a_quote_inside_an_unquoted_field_is_data(tmp_path: Path) -> None:
    text = csv_text({"product_name": "X"}).replace(",X,", ',Monitor 27" 4K,')

    assert parse_file(tmp_path, text).rmas[0].lines[0].product_name == 'Monitor 27" 4K'


# --- rows of one RMA -----------------------------------------------------------------------


def test_conflicting_rows_of_one_rma_refuse_the_whole_rma(tmp_path: Path) -> None:
    text = csv_text(
        {"customer": "Alice"},
        {"rma_code": "RMA-2"},
        {"customer": "Bob", "currency": "USD", "sku": "SKU-2"},
        {"customer": "Alice", "sku": "SKU-3"},
    )

    parsed = parse_file(tmp_path, text)

    assert [rma.code for rma in parsed.rmas] == ["RMA-2"]
    assert [e.line for e in parsed.errors] == [2, 4, 5]
    first, conflict, sibling = parsed.errors
    assert "customer 'Bob' differs from 'Alice' on line 2" in conflict.reason
    assert "currency 'USD' differs from 'EUR' on line 2" in conflict.reason
    assert "all rows of RMA RMA-1 must agree" in conflict.reason
    assert first.reason == (
        "Not imported: RMA RMA-1 has an error on line(s) 4; fix them and import the file again"
    )
    assert sibling.reason == first.reason


def test_a_bad_line_refuses_its_whole_rma(tmp_path: Path) -> None:
    text = csv_text({}, {"sku": "SKU-2", "unit_price": "-1"}, {"sku": "SKU-3", "quantity": "0"})

    parsed = parse_file(tmp_path, text)

    assert parsed.rmas == ()
    assert [e.line for e in parsed.errors] == [2, 3, 4]
    assert parsed.errors[0].reason.startswith(
        "Not imported: RMA RMA-1 has an error on line(s) 3, 4"
    )


def test_rows_of_one_rma_need_not_be_adjacent_and_reasons_are_joined(tmp_path: Path) -> None:
    text = csv_text(
        {"reason": "too small"},
        {"rma_code": "RMA-2"},
        {"sku": "SKU-2", "reason": "defective"},
        {"sku": "SKU-3", "reason": "too small"},
    )

    rma = parse_file(tmp_path, text).rmas[0]

    assert [ln.sku for ln in rma.lines] == ["SKU-1", "SKU-2", "SKU-3"]
    assert rma.stated_reason == "too small; defective"


def test_formula_looking_cells_are_data(tmp_path: Path) -> None:
    cells = {
        "customer": '=HYPERLINK("http://evil","click")',
        "product_name": "+SUM(A1:A9)",
        "reason": "@cmd|' /C calc'!A0",
        "tracking": "-2+3",
        "supplier": "\t=1+1",
    }

    parsed = parse_file(tmp_path, csv_text(cells))

    rma = parsed.rmas[0]
    assert rma.customer == cells["customer"]
    assert rma.stated_reason == cells["reason"]
    assert rma.tracking == cells["tracking"]
    assert rma.lines[0].product_name == cells["product_name"]
    assert rma.lines[0].supplier == "=1+1"  # surrounding white space is trimmed, no more


# --- the Amazon report ---------------------------------------------------------------------


def test_amazon_report_rows_are_returns(tmp_path: Path) -> None:
    text = amazon_text(
        {},
        {
            "license-plate-number": "",
            "sku": "SKU-CASE",
            "quantity": "2",
            "reason": "UNWANTED_ITEM",
            "customer-comments": "",
            "product-name": "手机壳",
            "return-date": "2026-10-21",
        },
    )

    parsed = parse_file(tmp_path, text, name="returns.txt")

    assert parsed.format == FORMAT_AMAZON
    assert parsed.errors == ()
    first, second = parsed.rmas
    assert first.code == "LPNRR0000001"
    assert first.order_id == "114-1234567-7654321"
    assert first.request_date == date(2026, 10, 20)
    assert (first.order_date, first.delivery_date) == (None, None)
    assert (first.market, first.currency) == (None, None)  # from the catalog, in the service
    assert first.requested_resolution == RequestedResolution.REFUND
    assert first.stated_reason == "DEFECTIVE: stopped charging"
    assert (first.customer, first.carrier, first.tracking) == ("", "", "")
    line = first.lines[0]
    assert (line.sku, line.product_name, line.unit_price, line.quantity) == (
        "SKU-HEADSET",
        "Wireless headset",
        None,
        1,
    )
    assert second.code == "AMZ-114-1234567-7654321-SKU-CASE"
    assert second.stated_reason == "UNWANTED_ITEM"
    assert second.lines[0].product_name == "手机壳"
    assert second.lines[0].quantity == 2


def test_amazon_duplicate_code_keeps_the_first_row(tmp_path: Path) -> None:
    text = amazon_text({}, {"sku": "OTHER"}, {"license-plate-number": "LPNRR0000002"})

    parsed = parse_file(tmp_path, text)

    assert [rma.code for rma in parsed.rmas] == ["LPNRR0000001", "LPNRR0000002"]
    error = only_error(parsed)
    assert (error.line, error.reason.split(";")[0]) == (
        3,
        "RMA code LPNRR0000001 is already used on line 2",
    )


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"return-date": "2026-12-01T00:00:00+00:00"}, "return-date 2026-12-01 is in the future"),
        ({"return-date": "20/10/2026"}, "return-date '20/10/2026' is not a date"),
        ({"order-id": ""}, "order-id is empty"),
        ({"sku": ""}, "sku is empty"),
        ({"quantity": "0"}, "quantity '0' must be at least 1"),
    ],
)
def test_amazon_bad_rows(tmp_path: Path, override: dict[str, str], message: str) -> None:
    parsed = parse_file(tmp_path, amazon_text(override))

    assert parsed.rmas == ()
    assert message in only_error(parsed).reason


def test_amazon_like_header_lists_amazon_columns_missing(tmp_path: Path) -> None:
    text = "sku\tasin\tlicense-plate-number\nA\tB\tC\n"

    with pytest.raises(FileFormatError) as caught:
        parse_file(tmp_path, text)

    assert "Amazon FBA customer returns report" in str(caught.value)
    assert caught.value.params["missing"] == ["return-date", "order-id", "quantity"]


def test_amazon_report_with_optional_columns_missing(tmp_path: Path) -> None:
    text = "return-date\torder-id\tsku\tquantity\tfnsku\n2026-10-20\tO-1\tS-1\t1\tX0\n"

    (rma,) = parse_file(tmp_path, text).rmas

    assert (rma.code, rma.stated_reason, rma.lines[0].product_name) == ("AMZ-O-1-S-1", "", "")


# --- the shared reader and the error file --------------------------------------------------


def test_alias_tables_claim_each_name_once() -> None:
    for table in (MANIFEST_ALIASES, CATALOG_ALIASES, AMAZON_COLUMNS):
        alias_index(table)  # raises when one alias belongs to two columns
    assert set(GENERIC_REQUIRED) <= set(MANIFEST_ALIASES)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("a,b,c", ","),
        ("a;b;c", ";"),
        ("a\tb\tc", "\t"),
        ('"a;b",c', ","),  # a delimiter inside quotes does not count
        ("a;b,c;d", ";"),
        ("single", ","),
    ],
)
def test_sniff_delimiter(line: str, expected: str) -> None:
    assert sniff_delimiter(line) == expected


def test_error_file_opens_cleanly_in_excel() -> None:
    errors = [
        RowError(2, "unit_price '-3' is negative", "R1,O1,张伟,=1+1"),
        RowError(5, "a quoted field that starts on this line is never closed", '=HYPERLINK("x")'),
        RowError(7, "customer 'B' differs", 'R3,"multi\nline",Zoë'),
    ]

    data = render_errors_file(errors)

    assert data.startswith(codecs.BOM_UTF8)
    text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
    assert text.startswith("line,reason,row\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [
        ["line", "reason", "row"],
        ["2", "unit_price '-3' is negative", "R1,O1,张伟,=1+1"],
        ["5", "a quoted field that starts on this line is never closed", '\'=HYPERLINK("x")'],
        ["7", "customer 'B' differs", 'R3,"multi\nline",Zoë'],
    ]


def test_error_file_with_no_errors_is_just_the_header() -> None:
    assert render_errors_file([]) == codecs.BOM_UTF8 + b"line,reason,row\r\n"


# --- issue 15: every field checked by the one set of rules (domain.fields) --------------------


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"license-plate-number": "L" * 65}, "license-plate-number is 65 characters long"),
        ({"license-plate-number": "", "order-id": "O" * 40, "sku": "S" * 40},
         "order-id + sku is 85 characters long"),
        ({"sku": "SKU\x1bX"}, "contains the control character U+001B"),
        ({"product-name": "P" * 256}, "product-name is 256 characters long"),
        ({"customer-comments": "c" * 2001}, "customer-comments is 2001 characters long"),
        ({"reason": "r" * 1000, "customer-comments": "c" * 1000},
         "reason + customer-comments is 2002 characters long"),
        ({"quantity": "٣"}, "is not a whole number"),
    ],
)  # fmt: skip
def test_amazon_fields_are_bounded(tmp_path: Path, overrides: dict[str, str], words: str) -> None:
    text = csv_text({}, overrides, header=AMAZON_HEADER, base=AMAZON_BASE, delimiter="\t")
    rows = text.splitlines()
    # The second row must not reuse the first row's licence plate unless it overrides it.
    if "license-plate-number" not in overrides:
        rows[2] = rows[2].replace("LPNRR0000001", "LPNRR0000002")
    parsed = parse_file(tmp_path, "\n".join(rows) + "\n", name="returns.tsv")
    assert len(parsed.rmas) == 1
    error = only_error(parsed)
    assert error.line == 3 and words in error.reason, error.reason
