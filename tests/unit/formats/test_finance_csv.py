"""The finance CSV writer (SPEC §7.3): exact header and bytes, Excel safety, determinism."""

from __future__ import annotations

import csv
import hashlib
import io
import tracemalloc
from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from qc_station.formats.finance_csv import (
    COLUMNS,
    FORMAT_COLUMNS,
    ROW_ATTRIBUTES,
    FinanceCsvWriter,
    check_row_fields,
    csv_line,
    format_time,
    negated,
    neutralise,
    row_cells_source,
    row_cells_v2,
    write_finance_csv,
)
from qc_station.services.ports import ExportRow

APPROVED = datetime(2026, 11, 2, 10, 15, 30, 123456, tzinfo=UTC)

ROW = ExportRow(
    batch_id="FIN-20261102-0001",
    rma_code="RMA-2026-000123",
    order_id="ORD-1001",
    lpn="RMA-2026-000123-1",
    sku="SKU-HEADSET",
    market="US",
    currency="USD",
    unit_price=Decimal("99"),
    deduction_pct=10,
    refund_amount=Decimal("89.1"),
    resolution="PARTIAL_REFUND",
    headline="REFUND",
    recovery="",
    recovery_amount=None,
    decided_by="ines",
    approved_by="sofia",
    approved_at=APPROVED,
    refund_due_at=APPROVED + timedelta(hours=48),
)

HEADER = (
    "export_batch_id,rma_code,order_id,lpn,sku,market,currency,unit_price,deduction_pct,"
    "refund_amount,resolution,headline,recovery,recovery_amount,decided_by,approved_by,"
    "approved_at,refund_due_at\r\n"
)


def written(*rows: ExportRow, bom: bool = True, version: int = 1) -> bytes:
    """The bytes of format 1 unless asked: format 1 must never change (batches written in it
    re-export byte-identical), so these tests pin it; format 2 has tests of its own below."""
    out = io.BytesIO()
    write_finance_csv(rows, out, bom=bom, version=version)
    return out.getvalue()


def read_back(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_columns_are_the_spec_order() -> None:
    assert COLUMNS == (
        "export_batch_id",
        "rma_code",
        "order_id",
        "lpn",
        "sku",
        "market",
        "currency",
        "unit_price",
        "deduction_pct",
        "refund_amount",
        "resolution",
        "headline",
        "recovery",
        "recovery_amount",
        "decided_by",
        "approved_by",
        "approved_at",
        "refund_due_at",
    )


def test_exact_bytes_with_bom_and_crlf() -> None:
    expected = (
        "\ufeff"
        + HEADER
        + "FIN-20261102-0001,RMA-2026-000123,ORD-1001,RMA-2026-000123-1,SKU-HEADSET,US,USD,"
        "99.00,10,89.10,PARTIAL_REFUND,REFUND,,,ines,sofia,"
        "2026-11-02T10:15:30Z,2026-11-04T10:15:30Z\r\n"
    )
    data = written(ROW)
    assert data == expected.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")


def test_bom_can_be_left_out() -> None:
    data = written(ROW, bom=False)
    assert data.startswith(b"export_batch_id,")
    assert written(ROW) == b"\xef\xbb\xbf" + data


def test_every_line_ends_with_crlf_and_no_bare_lf() -> None:
    data = written(ROW, replace(ROW, lpn="RMA-2026-000123-2"))
    assert data.count(b"\r\n") == 3
    assert data.count(b"\n") == 3


def test_header_alone_when_there_are_no_rows() -> None:
    out = io.BytesIO()
    digest = write_finance_csv([], out, version=1)
    assert out.getvalue() == ("\ufeff" + HEADER).encode("utf-8")
    assert digest.rows == 0


def test_digest_is_the_sha256_and_count_of_the_bytes() -> None:
    out = io.BytesIO()
    digest = write_finance_csv([ROW, ROW], out)
    data = out.getvalue()
    assert digest.sha256 == hashlib.sha256(data).hexdigest()
    assert digest.rows == 2
    assert digest.size == len(data)


def test_hash_only_pass_gives_the_same_digest() -> None:
    rows = [replace(ROW, lpn=f"RMA-2026-000123-{n}") for n in range(1, 50)]
    out = io.BytesIO()
    assert write_finance_csv(rows, None) == write_finance_csv(rows, out)


def test_same_rows_same_bytes() -> None:
    rows = [ROW, replace(ROW, order_id="=cmd|' /C calc'!A0", sku='耳机,"蓝牙"')]
    assert written(*rows) == written(*rows)


def test_output_larger_than_one_chunk_is_complete() -> None:
    rows = [replace(ROW, lpn=f"RMA-2026-000123-{n}") for n in range(1, 5001)]
    out = io.BytesIO()
    digest = write_finance_csv(rows, out)
    data = out.getvalue()
    assert len(data) > 256 * 1024
    assert digest.sha256 == hashlib.sha256(data).hexdigest()
    assert [r["lpn"] for r in read_back(data)] == [r.lpn for r in rows]


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx"])
@pytest.mark.parametrize("column", ["order_id", "sku", "decided_by"])
def test_cells_that_start_a_formula_are_neutralised(column: str, value: str) -> None:
    changes: dict[str, Any] = {column: value}
    (row,) = read_back(written(replace(ROW, **changes)))
    assert row[column] == "'" + value


@pytest.mark.parametrize("value", ["ORD-1", "A=B", "a+b", "x@y", "", "'already"])
def test_harmless_cells_are_left_alone(value: str) -> None:
    (row,) = read_back(written(replace(ROW, order_id=value)))
    assert row["order_id"] == value


def test_every_text_column_is_neutralised() -> None:
    text_columns = [
        "batch_id",
        "rma_code",
        "order_id",
        "lpn",
        "sku",
        "market",
        "resolution",
        "headline",
        "recovery",
        "decided_by",
        "approved_by",
    ]
    changes: dict[str, Any] = {c: '=HYPERLINK("http://x")' for c in text_columns}
    row = replace(ROW, **changes)
    (read,) = read_back(written(row))
    for column in text_columns:
        name = "export_batch_id" if column == "batch_id" else column
        assert read[name] == '\'=HYPERLINK("http://x")', name


def test_amounts_and_times_are_not_quoted() -> None:
    (row,) = read_back(written(ROW))
    assert row["unit_price"] == "99.00"
    assert row["deduction_pct"] == "10"
    assert row["approved_at"] == "2026-11-02T10:15:30Z"


def test_neutralise() -> None:
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("1+1") == "1+1"
    assert neutralise("") == ""


@pytest.mark.parametrize(
    ("currency", "price", "refund", "recovery", "expected"),
    [
        ("JPY", Decimal("12000"), Decimal("10800"), Decimal("12000"), ("12000", "10800", "12000")),
        ("JPY", Decimal("1999.5"), Decimal("0"), None, ("2000", "0", "")),
        ("USD", Decimal("99.999"), Decimal("0"), Decimal("5.005"), ("100.00", "0.00", "5.01")),
        (
            "BHD",
            Decimal("12.5"),
            Decimal("11.25"),
            Decimal("0.0005"),
            ("12.500", "11.250", "0.001"),
        ),
    ],
)
def test_amounts_use_a_dot_and_the_currency_minor_digits(
    currency: str,
    price: Decimal,
    refund: Decimal,
    recovery: Decimal | None,
    expected: tuple[str, str, str],
) -> None:
    row = replace(
        ROW,
        currency=currency,
        unit_price=price,
        refund_amount=refund,
        recovery="CARRIER_CLAIM" if recovery is not None else "",
        recovery_amount=recovery,
    )
    (read,) = read_back(written(row))
    assert (read["unit_price"], read["refund_amount"], read["recovery_amount"]) == expected
    assert read["currency"] == currency


def test_chinese_sku_and_names_round_trip() -> None:
    row = replace(
        ROW, sku="耳机-蓝牙-黑色", order_id='订单,"2026"', decided_by="王伟", approved_by="李娜"
    )
    data = written(row)
    assert "耳机-蓝牙-黑色".encode() in data
    (read,) = read_back(data)
    assert read["sku"] == "耳机-蓝牙-黑色"
    assert read["order_id"] == '订单,"2026"'
    assert (read["decided_by"], read["approved_by"]) == ("王伟", "李娜")


def test_times_are_utc_to_the_second_with_z() -> None:
    shanghai = timezone(timedelta(hours=8))
    assert format_time(datetime(2026, 11, 2, 18, 0, 59, 999999, tzinfo=shanghai)) == (
        "2026-11-02T10:00:59Z"
    )
    assert format_time(datetime(2026, 11, 2, 10, 0)) == "2026-11-02T10:00:00Z"  # naive = UTC
    assert format_time(None) == ""


def test_missing_approval_and_due_date_are_empty() -> None:
    (read,) = read_back(written(replace(ROW, approved_by="", approved_at=None, refund_due_at=None)))
    assert (read["approved_by"], read["approved_at"], read["refund_due_at"]) == ("", "", "")


def test_writer_refuses_rows_after_close() -> None:
    writer = FinanceCsvWriter(io.BytesIO())
    writer.write_row(ROW)
    assert writer.close().rows == 1
    with pytest.raises(ValueError, match="closed"):
        writer.write_row(ROW)


def test_rows_are_streamed_not_collected() -> None:
    def many(n: int) -> Iterator[ExportRow]:
        for i in range(n):
            yield replace(ROW, lpn=f"RMA-2026-{i:06d}-1")

    def peak(n: int) -> int:
        tracemalloc.start()
        try:
            write_finance_csv(many(n), None)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    # Ten times the rows must not need noticeably more memory.
    small, large = peak(2_000), peak(20_000)
    assert large < small + 256 * 1024


@pytest.mark.parametrize(
    "cells",
    [
        ["a", "b"],
        ["", ""],
        ["a,b", "c"],
        ['say "hi"', "x"],
        ["line\nbreak", "cr\rhere", "crlf\r\n"],
        ['"', ",", "\r", "\n", ""],
        ["'=1+1", " lead", "trail ", "tab\tin", "é中文"],
        ["x" * 300, 'a,"b",c'],
    ],
)
def test_lines_are_what_csv_writer_writes(cells: list[str]) -> None:
    expected = io.StringIO()
    csv.writer(expected, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(cells)
    assert csv_line(cells) == expected.getvalue()


# --- format 2: reversal rows (SPEC §7.3 corrections) ----------------------------------------


def test_format_2_adds_reverses_batch_as_the_last_column() -> None:
    data = written(ROW, version=2).decode("utf-8-sig")
    header, line = data.split("\r\n")[:2]
    assert header == HEADER.rstrip("\r\n") + ",reverses_batch"
    assert line.endswith("2026-11-04T10:15:30Z,")  # empty on an ordinary row


def test_negative_amounts_stay_numbers_and_zero_is_never_negative() -> None:
    reversal = replace(
        ROW,
        batch_id="FIN-20261103-0001",
        refund_amount=negated(Decimal("89.10")),
        recovery_amount=negated(Decimal("0")),
        reverses_batch="FIN-20261102-0001",
    )
    (row,) = read_back(written(reversal, version=2))
    assert (row["refund_amount"], row["recovery_amount"]) == ("-89.10", "0.00")
    assert row["reverses_batch"] == "FIN-20261102-0001"
    assert row_cells_v2(reversal)[9] == "-89.10"  # no quote: finance sums it


def test_reverses_batch_is_neutralised_like_any_text_cell() -> None:
    (row,) = read_back(written(replace(ROW, reverses_batch="=HYPERLINK(1)"), version=2))
    assert row["reverses_batch"] == "'=HYPERLINK(1)"


def test_an_unknown_format_version_is_refused() -> None:
    with pytest.raises(ValueError, match="version 3"):
        write_finance_csv([ROW], io.BytesIO(), version=3)


def test_row_types_and_sources_are_checked_against_the_column_spec() -> None:
    check_row_fields([f.name for f in fields(ExportRow)], "ExportRow")
    with pytest.raises(TypeError, match=r"missing \['reverses_batch'\], unknown \[\]"):
        check_row_fields(ROW_ATTRIBUTES[:-1], "a row type")
    with pytest.raises(TypeError, match=r"unknown \['vat'\]"):
        check_row_fields([*ROW_ATTRIBUTES, "vat"], "a row source", ordered=False)
    with pytest.raises(TypeError, match="order"):
        check_row_fields(reversed(ROW_ATTRIBUTES), "a row type")
    check_row_fields(reversed(ROW_ATTRIBUTES), "a row source", ordered=False)


def test_each_format_has_the_columns_up_to_its_version() -> None:
    assert FORMAT_COLUMNS[1] == COLUMNS
    assert FORMAT_COLUMNS[2] == (*COLUMNS, "reverses_batch")
    assert "def row_cells(row):" in row_cells_source(1)
    assert "reverses_batch" not in row_cells_source(1)
