"""SPEC §5.6 decide-batch: the exact output header and values for a table of cases, ERROR rows
for each kind of bad row, row order, input tolerance (column order, case, spaces, BOM,
semicolons) and a custom policy changing the results.

Expected values are worked out by hand (the arithmetic is in the comments).
"""

from __future__ import annotations

import csv
import io

import pytest

from qc_station.domain.errors import ValidationError
from qc_station.domain.policy import Policy, load_policy
from qc_station.formats.decide_batch import (
    INPUT_COLUMNS,
    OUTPUT_COLUMNS,
    BatchSummary,
    run_decide_batch,
)
from qc_station.resources import resource

HEADER = (
    "case_id,market,currency,unit_price,order_date,delivery_date,request_date,"
    "requested_resolution,grade,finding,photos"
)
EXAMPLE_FILE = resource("examples/decide_batch_cases.csv")


def run(text: str, policy: Policy) -> tuple[BatchSummary, list[dict[str, str]], str]:
    out = io.StringIO(newline="")
    summary = run_decide_batch(io.StringIO(text, newline=""), out, policy)
    raw = out.getvalue()
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    return summary, rows, raw


def one(line: str, policy: Policy) -> dict[str, str]:
    summary, rows, _ = run(f"{HEADER}\n{line}\n", policy)
    assert summary.rows == 1
    return rows[0]


WIN_US = "window holds: requested 5 days after delivery, limit 30 days for"
HOLDS = "Return " + WIN_US

# (id, input row, expected output row as the CSV cells)
# Delivered 2026-01-05 and requested 2026-01-10 (5 days) unless the row says otherwise.
VALUE_TABLE = [
    (
        "no-fault-B-19.99-less-10pct",  # 17.991 → 17.99
        "c01,US,USD,19.99,2026-01-01,2026-01-05,2026-01-10,REFUND,B,NO_FAULT,0",
        ["c01", "RESTOCK", "PARTIAL_REFUND", "RESTOCK", "10", "17.99", "", "true",
         f"{HOLDS} US; Grade B, No fault (changed mind): 10% deducted, refund 17.99 USD; "
         "Needs approval: Partial refund needs a supervisor"],
    ),
    (
        "no-fault-A-JPY-1200",
        "c02,JP,JPY,1200,2026-01-01,2026-01-05,2026-01-10,REFUND,A,NO_FAULT,0",
        ["c02", "RESTOCK", "FULL_REFUND", "RESTOCK", "0", "1200", "", "false",
         f"{HOLDS} JP; Grade A, No fault (changed mind): full refund of 1200 JPY"],
    ),
    (
        "defect-DE-20-days-still-refunded",
        "c03,DE,EUR,100,2026-01-01,2026-01-05,2026-01-25,REFUND,C,DEFECT,2",
        ["c03", "REFUND", "FULL_REFUND", "RETURN_TO_VENDOR", "0", "100.00",
         "SUPPLIER_CHARGEBACK", "false",
         "Return window exceeded: requested 20 days after delivery, limit 14 days for DE; "
         "Defect is on the seller's side: full refund of 100.00 EUR, whatever the window; "
         "Supplier chargeback of 100.00 EUR; item returns to the vendor"],
    ),
    (
        "transit-exchange-250-over-threshold",
        "c04,US,USD,250,2026-01-01,2026-01-05,2026-01-10,EXCHANGE,A,TRANSIT_DAMAGE,2",
        ["c04", "EXCHANGE", "EXCHANGE", "RESTOCK", "0", "0.00", "CARRIER_CLAIM", "true",
         f"{HOLDS} US; Transit damage is on the seller's side: exchange as the customer "
         "asked, whatever the window; Carrier claim of 250.00 USD; "
         "Needs approval: 250.00 USD is at or above the threshold of 200.00 USD"],
    ),
    (
        "not-as-described-GBP",
        "c05,GB,GBP,40,2026-01-01,2026-01-05,2026-01-10,REFUND,B,NOT_AS_DESCRIBED,1",
        ["c05", "RESTOCK", "FULL_REFUND", "RESTOCK", "0", "40.00", "LISTING_REVIEW", "false",
         f"{HOLDS} GB; Not as described is on the seller's side: full refund of 40.00 GBP, "
         "whatever the window; Not as described: the listing is flagged for review"],
    ),
    (
        "wrong-item",
        "c06,US,USD,80,2026-01-01,2026-01-05,2026-01-10,REFUND,A,WRONG_ITEM,2",
        ["c06", "DISPUTE", "DISPUTE", "HOLD", "0", "0.00", "", "true",
         f"{HOLDS} US; Wrong item: a different item, a serial that does not match or an "
         "empty box; disputed, no refund, item held; "
         "Needs approval: Dispute needs a supervisor"],
    ),
    (
        "DE-15-days-dispute",
        "c07,DE,EUR,60,2026-01-01,2026-01-05,2026-01-20,REFUND,A,NO_FAULT,0",
        ["c07", "DISPUTE", "DISPUTE", "HOLD", "0", "0.00", "", "true",
         "Return window exceeded: requested 15 days after delivery, limit 14 days for DE; "
         "Customer-side finding outside the return window: disputed, no refund, item held; "
         "Needs approval: Dispute needs a supervisor"],
    ),
    (
        "missing-parts-X-100pct",
        "c08,US,USD,59.99,2026-01-01,2026-01-05,2026-01-10,REFUND,X,MISSING_PARTS,1",
        ["c08", "REFUND", "PARTIAL_REFUND", "REFURBISH", "100", "0.00", "", "true",
         f"{HOLDS} US; Missing parts: 100% deducted (the larger of grade X's 100% and 25% "
         "for missing parts); refund 0.00 USD; Needs approval: Partial refund needs a "
         "supervisor"],
    ),
    (
        "customer-damage-C-CNY-2000-less-30pct",  # 1400.00, under the 1500 threshold
        "c09,CN,CNY,2000,2026-01-01,2026-01-05,2026-01-10,REFUND,C,CUSTOMER_DAMAGE,2",
        ["c09", "REFUND", "PARTIAL_REFUND", "REFURBISH", "30", "1400.00", "", "true",
         f"{HOLDS} CN; Grade C, Customer damage: 30% deducted, refund 1400.00 CNY; "
         "Needs approval: Partial refund needs a supervisor"],
    ),
    (
        "no-fault-D-60pct-dispute",
        "c10,US,USD,100,2026-01-01,2026-01-05,2026-01-10,REFUND,D,NO_FAULT,1",
        ["c10", "DISPUTE", "DISPUTE", "HOLD", "60", "0.00", "", "true",
         f"{HOLDS} US; Grade D deduction of 60% is at or above 50%: disputed, no refund, "
         "item held; Needs approval: Dispute needs a supervisor"],
    ),
    (
        "AUD-no-dates",
        "c11,AU,AUD,50,,,,REFUND,A,NO_FAULT,0",
        ["c11", "RESTOCK", "FULL_REFUND", "RESTOCK", "0", "50.00", "", "true",
         "Return window unknown: no delivery, order or request date; decided as if it holds; "
         "Grade A, No fault (changed mind): full refund of 50.00 AUD; "
         "Needs approval: no approval threshold is set for AUD; "
         "Needs approval: return window unknown"],
    ),
    (
        "KRW-15005-less-10pct",  # 13504.5 → 13505
        "c12,KR,KRW,15005,2026-01-01,2026-01-05,2026-01-10,REFUND,B,NO_FAULT,0",
        ["c12", "RESTOCK", "PARTIAL_REFUND", "RESTOCK", "10", "13505", "", "true",
         f"{HOLDS} KR; Grade B, No fault (changed mind): 10% deducted, refund 13505 KRW; "
         "Needs approval: Partial refund needs a supervisor; "
         "Needs approval: no approval threshold is set for KRW"],
    ),
    (
        "BHD-1.235-less-10pct",  # 1.1115 → 1.112
        "c13,BH,BHD,1.235,2026-01-01,2026-01-05,2026-01-10,REFUND,B,NO_FAULT,0",
        ["c13", "RESTOCK", "PARTIAL_REFUND", "RESTOCK", "10", "1.112", "", "true",
         f"{HOLDS} BH; Grade B, No fault (changed mind): 10% deducted, refund 1.112 BHD; "
         "Needs approval: Partial refund needs a supervisor; "
         "Needs approval: no approval threshold is set for BHD"],
    ),
    (
        "estimated-delivery-day-30-at-threshold",  # 2026-01-01 + 7 = 01-08; 02-07 is day 30
        "c14,US,USD,200,2026-01-01,,2026-02-07,REFUND,A,NO_FAULT,0",
        ["c14", "RESTOCK", "FULL_REFUND", "RESTOCK", "0", "200.00", "", "true",
         "Return window holds: requested 30 days after estimated delivery (order date + "
         "transit allowance), limit 30 days for US; Grade A, No fault (changed mind): full refund "
         "of 200.00 USD; Needs approval: 200.00 USD is at or above the threshold of 200.00 USD"],
    ),
    (
        "lower-case-values",
        " c15 , us , usd , 19.99 ,2026-01-01,2026-01-05,2026-01-10, refund , a , no_fault , 0 ",
        ["c15", "RESTOCK", "FULL_REFUND", "RESTOCK", "0", "19.99", "", "false",
         f"{HOLDS} US; Grade A, No fault (changed mind): full refund of 19.99 USD"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "expected"), [pytest.param(*row[1:], id=row[0]) for row in VALUE_TABLE]
)
def test_values(default_policy: Policy, line: str, expected: list[str]) -> None:
    summary, _, raw = run(f"{HEADER}\n{line}\n", default_policy)
    assert summary == BatchSummary(rows=1, failed=0)
    assert summary.exit_code == 0
    assert list(csv.reader(io.StringIO(raw, newline="")))[1] == expected


def test_exact_output_header(default_policy: Policy) -> None:
    _, _, raw = run(f"{HEADER}\n", default_policy)
    assert raw == (
        "case_id,headline,resolution,disposition,deduction_pct,refund_amount,recovery,"
        "needs_approval,reasons\r\n"
    )
    assert ",".join(OUTPUT_COLUMNS) + "\r\n" == raw
    assert ",".join(INPUT_COLUMNS) == HEADER


GOOD = "2026-01-01,2026-01-05,2026-01-10"
# (id, input row, the message in reasons)
ERROR_TABLE = [
    ("price-not-a-number", f"e01,US,USD,abc,{GOOD},REFUND,A,NO_FAULT,0",
     "unit_price 'abc' is not a number."),
    ("price-empty", f"e02,US,USD,,{GOOD},REFUND,A,NO_FAULT,0", "unit_price '' is not a number."),
    ("price-negative", f"e03,US,USD,-5,{GOOD},REFUND,A,NO_FAULT,0", "unit_price '-5' is negative."),
    ("grade-unknown", f"e04,US,USD,10,{GOOD},REFUND,E,NO_FAULT,0",
     "grade 'E' is not one of A, B, C, D, X."),
    ("finding-unknown", f"e05,US,USD,10,{GOOD},REFUND,A,BROKEN,0",
     "finding 'BROKEN' is not one of NO_FAULT, DEFECT, TRANSIT_DAMAGE, NOT_AS_DESCRIBED, "
     "CUSTOMER_DAMAGE, MISSING_PARTS, WRONG_ITEM."),
    ("currency-unknown", f"e06,US,XYZ,10,{GOOD},REFUND,A,NO_FAULT,0",
     "Unknown currency XYZ: use a three-letter code such as USD, EUR or CNY."),
    ("too-few-photos", f"e07,US,USD,10,{GOOD},REFUND,A,DEFECT,1",
     "1 more photo(s) needed before this decision can be submitted."),
    ("no-photos-grade-C", f"e08,US,USD,10,{GOOD},REFUND,C,NO_FAULT,0",
     "1 more photo(s) needed before this decision can be submitted."),
    ("contradictory", f"e09,US,USD,10,{GOOD},REFUND,A,CUSTOMER_DAMAGE,2",
     "This grade and finding cannot both be true; check them."),
    ("bad-date", "e10,US,USD,10,2026-13-01,2026-01-05,2026-01-10,REFUND,A,NO_FAULT,0",
     "order_date '2026-13-01' is not a date in the form YYYY-MM-DD."),
    ("us-style-date", "e11,US,USD,10,2026-01-01,01/05/2026,2026-01-10,REFUND,A,NO_FAULT,0",
     "delivery_date '01/05/2026' is not a date in the form YYYY-MM-DD."),
    ("resolution-unknown", f"e12,US,USD,10,{GOOD},REPAIR,A,NO_FAULT,0",
     "requested_resolution 'REPAIR' is not one of REFUND, EXCHANGE."),
    ("resolution-empty", f"e13,US,USD,10,{GOOD},,A,NO_FAULT,0",
     "requested_resolution '' is not one of REFUND, EXCHANGE."),
    ("photos-word", f"e14,US,USD,10,{GOOD},REFUND,A,NO_FAULT,two",
     "photos 'two' is not a whole number of photos (0 or more)."),
    ("photos-negative", f"e15,US,USD,10,{GOOD},REFUND,A,NO_FAULT,-1",
     "photos '-1' is not a whole number of photos (0 or more)."),
    ("photos-empty", f"e16,US,USD,10,{GOOD},REFUND,A,NO_FAULT,",
     "photos '' is not a whole number of photos (0 or more)."),
    ("market-three-letters", f"e17,USA,USD,10,{GOOD},REFUND,A,NO_FAULT,0",
     "market 'USA' is not a 2-letter country code (such as US, DE, GB, CN)."),
    ("case-id-empty", f",US,USD,10,{GOOD},REFUND,A,NO_FAULT,0", "case_id is empty."),
    ("extra-cells", f"e19,US,USD,10,{GOOD},REFUND,A,NO_FAULT,0,surplus",
     "The row has 12 cells but the header has 11."),
    ("short-row", "e20,US,USD,10", "requested_resolution '' is not one of REFUND, EXCHANGE."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "message"), [pytest.param(*row[1:], id=row[0]) for row in ERROR_TABLE]
)
def test_error_rows(default_policy: Policy, line: str, message: str) -> None:
    summary, rows, _ = run(f"{HEADER}\n{line}\n", default_policy)
    assert summary == BatchSummary(rows=1, failed=1)
    assert summary.exit_code == 1
    case_id = line.split(",")[0]
    assert rows[0] == {
        "case_id": case_id,
        "headline": "ERROR",
        "resolution": "",
        "disposition": "",
        "deduction_pct": "",
        "refund_amount": "",
        "recovery": "",
        "needs_approval": "",
        "reasons": message,
    }


def test_every_row_is_written_in_input_order(default_policy: Policy) -> None:
    lines = [
        f"r1,US,USD,10,{GOOD},REFUND,A,NO_FAULT,0",
        f"r2,US,USD,oops,{GOOD},REFUND,A,NO_FAULT,0",
        f"r3,US,USD,10,{GOOD},REFUND,A,WRONG_ITEM,2",
        f"r4,US,USD,10,{GOOD},REFUND,A,WRONG_ITEM,0",
        f"r5,US,USD,10,{GOOD},EXCHANGE,B,DEFECT,2",
    ]
    summary, rows, _ = run("\n".join([HEADER, *lines]) + "\n", default_policy)
    assert summary == BatchSummary(rows=5, failed=2)
    assert [(r["case_id"], r["headline"]) for r in rows] == [
        ("r1", "RESTOCK"),
        ("r2", "ERROR"),
        ("r3", "DISPUTE"),
        ("r4", "ERROR"),
        ("r5", "EXCHANGE"),
    ]


def test_no_rows_is_success(default_policy: Policy) -> None:
    summary, rows, _ = run(HEADER + "\n", default_policy)
    assert (summary, summary.exit_code, rows) == (BatchSummary(0, 0), 0, [])


def test_header_in_any_order_case_and_spacing_with_bom_and_extra_columns(
    default_policy: Policy,
) -> None:
    text = (
        "\ufeff Finding ,photos,GRADE,note,requested_resolution,request_date,delivery_date,"
        "order_date,unit_price,currency,market,case_id\r\n"
        "NO_FAULT,0,B,ignored,REFUND,2026-01-10,2026-01-05,,19.99,USD,US,x1\r\n"
    )
    summary, rows, _ = run(text, default_policy)
    assert summary == BatchSummary(1, 0)
    assert (rows[0]["case_id"], rows[0]["refund_amount"], rows[0]["headline"]) == (
        "x1",
        "17.99",
        "RESTOCK",
    )


def test_semicolon_separated_file(default_policy: Policy) -> None:
    text = (
        HEADER.replace(",", ";")
        + "\n"
        + f"s1;US;USD;19,99;{GOOD.replace(',', ';')};REFUND;B;NO_FAULT;0\n"
    )
    summary, rows, _ = run(text, default_policy)
    assert summary == BatchSummary(1, 0)
    assert rows[0]["refund_amount"] == "17.99"  # the lone comma is the decimal mark


def test_blank_lines_are_skipped(default_policy: Policy) -> None:
    text = f"\n{HEADER}\n\n,,,,,,,,,,\nb1,US,USD,10,{GOOD},REFUND,A,NO_FAULT,0\n  \n"
    summary, rows, _ = run(text, default_policy)
    assert summary == BatchSummary(1, 0)
    assert rows[0]["case_id"] == "b1"


def test_quoted_cells_round_trip(default_policy: Policy) -> None:
    summary, rows, raw = run(
        f'{HEADER}\n"q,1","US","USD","10",{GOOD},REFUND,A,NO_FAULT,0\n', default_policy
    )
    assert summary == BatchSummary(1, 0)
    assert rows[0]["case_id"] == "q,1"
    assert raw.splitlines()[1].startswith('"q,1",RESTOCK,')


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        pytest.param(HEADER.replace(",photos", ""), "photos", id="photos"),
        pytest.param(
            HEADER.replace(",finding", "").replace(",photos", ""), "finding, photos", id="two"
        ),
        pytest.param(HEADER.replace("case_id,", "id,"), "case_id", id="renamed"),
    ],
)
def test_missing_columns_are_named(default_policy: Policy, header: str, missing: str) -> None:
    out = io.StringIO()
    with pytest.raises(ValidationError) as caught:
        run_decide_batch(io.StringIO(f"{header}\nc1\n"), out, default_policy)
    assert str(caught.value).startswith(f"The cases file lacks the column(s) {missing} (")
    assert caught.value.params["missing"] == missing.split(", ")
    assert out.getvalue() == ""  # nothing written before the refusal


@pytest.mark.parametrize("text", ["", "\n\n", "  \n"], ids=["empty", "newlines", "spaces"])
def test_empty_file_is_refused(default_policy: Policy, text: str) -> None:
    with pytest.raises(ValidationError, match="The cases file is empty"):
        run_decide_batch(io.StringIO(text), io.StringIO(), default_policy)


def test_column_twice_is_refused(default_policy: Policy) -> None:
    with pytest.raises(ValidationError, match="Column 'grade' appears twice"):
        run_decide_batch(io.StringIO(HEADER + ",Grade\n"), io.StringIO(), default_policy)


def test_not_utf8_is_refused(default_policy: Policy) -> None:
    reader = io.TextIOWrapper(io.BytesIO(HEADER.encode() + b"\nc1,\xff\n"), encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(ValidationError, match="The cases file is not UTF-8"):
        run_decide_batch(reader, out, default_policy)
    assert out.getvalue() == ""


CUSTOM_CASES = "\n".join(
    [
        HEADER,
        # 19.99 less grade B: 10 % → 17.99 by default, 20 % → 15.992 → 15.99 with the change.
        f"p1,US,USD,19.99,{GOOD},REFUND,B,NO_FAULT,0",
        # Requested 40 days after delivery: outside 30, inside 45.
        "p2,US,USD,50,2026-01-01,2026-01-05,2026-02-14,REFUND,A,NO_FAULT,0",
        # Grade C, NO_FAULT with no photos: refused by default (1 needed), allowed with 0.
        f"p3,US,USD,10,{GOOD},REFUND,C,NO_FAULT,0",
        # 150 USD full refund: under 200 by default, over a 100 threshold.
        f"p4,US,USD,150,{GOOD},REFUND,A,NO_FAULT,0",
    ]
)
CUSTOM_POLICY = """
return_window_days = { default = 45, DE = 14 }
deduction_pct = { A = 0, B = 20, C = 30, D = 60, X = 100 }
min_photos_grade_C_or_worse = 0
approval_threshold = { USD = 100 }
"""


def test_a_custom_policy_changes_the_results(default_policy: Policy) -> None:
    before_summary, before, _ = run(CUSTOM_CASES, default_policy)
    after_summary, after, _ = run(CUSTOM_CASES, load_policy(CUSTOM_POLICY))
    assert [(r["headline"], r["refund_amount"], r["needs_approval"]) for r in before] == [
        ("RESTOCK", "17.99", "true"),
        ("DISPUTE", "0.00", "true"),
        ("ERROR", "", ""),
        ("RESTOCK", "150.00", "false"),
    ]
    assert [(r["headline"], r["refund_amount"], r["needs_approval"]) for r in after] == [
        ("RESTOCK", "15.99", "true"),
        ("RESTOCK", "50.00", "false"),
        ("REFUND", "7.00", "true"),  # 10 less 30 % = 7.00, a partial refund
        ("RESTOCK", "150.00", "true"),
    ]
    assert (before_summary.failed, after_summary.failed) == (1, 0)


def test_example_file_runs_clean_and_covers_every_headline(default_policy: Policy) -> None:
    summary, rows, _ = run(EXAMPLE_FILE.read_text(encoding="utf-8"), default_policy)
    assert summary.failed == 0, [r["reasons"] for r in rows if r["headline"] == "ERROR"]
    assert summary.rows == len(rows) >= 15
    assert {r["headline"] for r in rows} == {"RESTOCK", "REFUND", "EXCHANGE", "DISPUTE"}
    assert {r["recovery"] for r in rows} == {
        "",
        "SUPPLIER_CHARGEBACK",
        "CARRIER_CLAIM",
        "LISTING_REVIEW",
    }
    assert {r["resolution"] for r in rows} == {
        "FULL_REFUND",
        "PARTIAL_REFUND",
        "EXCHANGE",
        "DISPUTE",
    }
    assert {r["needs_approval"] for r in rows} == {"true", "false"}
