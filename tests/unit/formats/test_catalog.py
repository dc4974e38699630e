"""Parsing the product catalog CSV (SPEC §3, §7.1)."""

from __future__ import annotations

import codecs
from decimal import Decimal
from pathlib import Path

import pytest

from qc_station.domain.model import Product
from qc_station.formats.catalog import ParsedCatalog, parse_catalog
from qc_station.formats.csv_input import FileFormatError

HEADER = "sku,name,category,supplier,unit_price,currency,units_sold"
GOOD = "SKU-1,无线蓝牙耳机 Wireless headset,electronics,Shenzhen Audio,99.5,usd,120"


def parse_file(tmp_path: Path, content: str | bytes, name: str = "catalog.csv") -> ParsedCatalog:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return parse_catalog(path.read_bytes(), name)


def test_products_are_read_and_prices_rounded(tmp_path: Path) -> None:
    text = "\n".join(
        [HEADER, GOOD, "SKU-2,Crème visage,beauty,,1500.4,JPY,", "SKU-3,Hat,,,0,EUR,0"]
    )

    parsed = parse_file(tmp_path, text)

    assert parsed.errors == ()
    assert parsed.rows_read == 3
    assert parsed.has_units_sold
    assert parsed.products == (
        Product(
            "SKU-1",
            "无线蓝牙耳机 Wireless headset",
            "electronics",
            "Shenzhen Audio",
            Decimal("99.50"),
            "USD",
            120,
        ),
        Product("SKU-2", "Crème visage", "beauty", "", Decimal("1500"), "JPY", None),
        Product("SKU-3", "Hat", "", "", Decimal("0.00"), "EUR", 0),
    )


def test_aliases_semicolons_bom_and_no_units_sold(tmp_path: Path) -> None:
    text = (
        "Product SKU;Product Name;Category;Vendor;Price;Currency Code\r\n"
        "S-1;Bag;home;V;12,5;EUR\r\n"
    )

    parsed = parse_file(tmp_path, codecs.BOM_UTF8 + text.encode("utf-8"))

    assert parsed.products == (Product("S-1", "Bag", "home", "V", Decimal("12.50"), "EUR"),)
    assert not parsed.has_units_sold


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("SKU-1,Hat,,,-3,USD,", "unit_price '-3' is negative"),
        ("SKU-1,Hat,,,abc,USD,", "unit_price 'abc' is not a number"),
        ('SKU-1,Hat,,,"1,500",USD,', "unit_price '1,500' is ambiguous"),
        ("SKU-1,Hat,,,3,XYZ,", "currency 'XYZ' is not a known ISO 4217 currency code"),
        ("SKU-1,Hat,,,,USD,", "unit_price is empty"),
        ("SKU-1,Hat,,,3,,", "currency is empty"),
        (",Hat,,,3,USD,", "sku is empty"),
        ("SKU-1,,,,3,USD,", "name is empty"),
        ("SKU-1,Hat,,,3,USD,-1", "units_sold '-1' is not a whole number of 0 or more"),
        ("SKU-1,Hat,,,3,USD,many", "units_sold 'many' is not a whole number"),
        ("SKU-1,Hat,,,3,USD", "6 columns instead of 7"),
    ],
)
def test_bad_rows_are_reported(tmp_path: Path, row: str, message: str) -> None:
    parsed = parse_file(tmp_path, f"{HEADER}\n{GOOD}\n{row}\n")

    assert [p.sku for p in parsed.products] == ["SKU-1"]
    (error,) = parsed.errors
    assert (error.line, error.row) == (3, row)
    assert message in error.reason


def test_a_sku_twice_with_the_same_values_is_one_product(tmp_path: Path) -> None:
    parsed = parse_file(tmp_path, f"{HEADER}\n{GOOD}\n{GOOD.replace('99.5', '99.50')}\n")

    assert len(parsed.products) == 1
    assert parsed.errors == ()


def test_a_sku_twice_with_different_values_is_refused(tmp_path: Path) -> None:
    text = f"{HEADER}\n{GOOD}\nSKU-2,Hat,,,1,USD,\n{GOOD.replace('99.5', '89')}\n"

    parsed = parse_file(tmp_path, text)

    assert [p.sku for p in parsed.products] == ["SKU-2"]
    assert [(e.line, e.reason) for e in parsed.errors] == [
        (2, "SKU SKU-1 is on lines 2, 4 with different values; keep one row for it"),
        (4, "SKU SKU-1 is on lines 2, 4 with different values; keep one row for it"),
    ]


def test_missing_columns(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError) as caught:
        parse_file(tmp_path, "sku,name,price\nA,B,1\n")

    assert caught.value.params["missing"] == ["category", "supplier", "currency"]
    assert "catalog" in str(caught.value)


@pytest.mark.parametrize(("name", "encoding"), [("Müller", "latin-1"), ("张伟", "gbk")])
def test_legacy_encodings_are_refused(tmp_path: Path, name: str, encoding: str) -> None:
    text = f"{HEADER}\nS,{name},,,1,EUR,\n"

    with pytest.raises(FileFormatError, match="is not UTF-8: line 2"):
        parse_file(tmp_path, text.encode(encoding))


def test_utf16_with_bom_is_accepted(tmp_path: Path) -> None:
    text = HEADER.replace(",", "\t") + "\n" + GOOD.replace(",", "\t") + "\n"

    parsed = parse_file(tmp_path, text.encode("utf-16"))

    assert parsed.products[0].name == "无线蓝牙耳机 Wireless headset"
