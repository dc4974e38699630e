"""SPEC §5.2 rules in order (first match wins), §5.3 headline, and §3 rounding.

Every expected amount is worked out by hand in the table (the arithmetic is in the id or a
comment), not read back from the engine.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from qc_station.domain.decision import Case, propose
from qc_station.domain.enums import (
    Disposition,
    Finding,
    Grade,
    Headline,
    Recovery,
    RequestedResolution,
    Resolution,
)
from qc_station.domain.errors import ContradictoryInspection, ValidationError
from qc_station.domain.outcome import headline_for
from qc_station.domain.policy import Policy, load_policy

D = date.fromisoformat
REFUND, EXCHANGE = RequestedResolution.REFUND, RequestedResolution.EXCHANGE
FULL, PARTIAL = Resolution.FULL_REFUND, Resolution.PARTIAL_REFUND
R_EXCHANGE, R_DISPUTE = Resolution.EXCHANGE, Resolution.DISPUTE
RESTOCK, REFURBISH, LIQUIDATE = Disposition.RESTOCK, Disposition.REFURBISH, Disposition.LIQUIDATE
SCRAP, RTV, HOLD = Disposition.SCRAP, Disposition.RETURN_TO_VENDOR, Disposition.HOLD
CHARGEBACK, CLAIM, LISTING = (
    Recovery.SUPPLIER_CHARGEBACK,
    Recovery.CARRIER_CLAIM,
    Recovery.LISTING_REVIEW,
)
H_RESTOCK, H_REFUND, H_EXCHANGE, H_DISPUTE = (
    Headline.RESTOCK,
    Headline.REFUND,
    Headline.EXCHANGE,
    Headline.DISPUTE,
)
F = Finding
G = Grade

# Delivered 2026-01-05. In the window: requested 5 days later. Late: 55 days later, outside
# the window in every market of the default policy.
IN_WINDOW = D("2026-01-10")
LATE = D("2026-03-01")


def make_case(
    finding: Finding,
    grade: Grade,
    requested: RequestedResolution = REFUND,
    *,
    late: bool = False,
    price: str = "100.00",
    currency: str = "USD",
    market: str = "US",
    photos: int = 10,
) -> Case:
    return Case(
        market=market,
        currency=currency,
        unit_price=Decimal(price),
        order_date=D("2026-01-01"),
        delivery_date=D("2026-01-05"),
        request_date=LATE if late else IN_WINDOW,
        requested_resolution=requested,
        grade=grade,
        finding=finding,
        photos=photos,
    )


# (id, finding, grade, requested, late,
#  resolution, disposition, deduction %, refund, recovery, recovery amount, headline)
# Unit price 100.00 USD throughout.
RULE_TABLE = [
    # Rule 1: WRONG_ITEM, whatever the window, grade or request.
    ("wrong-item-A-in-window", F.WRONG_ITEM, G.A, REFUND, False,
     R_DISPUTE, HOLD, 0, "0.00", None, None, H_DISPUTE),
    ("wrong-item-X-late-exchange", F.WRONG_ITEM, G.X, EXCHANGE, True,
     R_DISPUTE, HOLD, 0, "0.00", None, None, H_DISPUTE),
    # Rule 2: seller-side findings, whatever the window.
    ("defect-A-refund", F.DEFECT, G.A, REFUND, False,
     FULL, RTV, 0, "100.00", CHARGEBACK, "100.00", H_REFUND),
    ("defect-D-refund-late", F.DEFECT, G.D, REFUND, True,
     FULL, RTV, 0, "100.00", CHARGEBACK, "100.00", H_REFUND),
    ("defect-C-exchange-late", F.DEFECT, G.C, EXCHANGE, True,
     R_EXCHANGE, RTV, 0, "0.00", CHARGEBACK, "100.00", H_EXCHANGE),
    ("transit-A-refund", F.TRANSIT_DAMAGE, G.A, REFUND, False,
     FULL, RESTOCK, 0, "100.00", CLAIM, "100.00", H_RESTOCK),
    ("transit-C-refund", F.TRANSIT_DAMAGE, G.C, REFUND, False,
     FULL, REFURBISH, 0, "100.00", CLAIM, "100.00", H_REFUND),
    ("transit-D-refund-late", F.TRANSIT_DAMAGE, G.D, REFUND, True,
     FULL, LIQUIDATE, 0, "100.00", CLAIM, "100.00", H_REFUND),
    ("transit-X-exchange", F.TRANSIT_DAMAGE, G.X, EXCHANGE, False,
     R_EXCHANGE, SCRAP, 0, "0.00", CLAIM, "100.00", H_EXCHANGE),
    ("nad-B-refund-late", F.NOT_AS_DESCRIBED, G.B, REFUND, True,
     FULL, RESTOCK, 0, "100.00", LISTING, None, H_RESTOCK),
    ("nad-C-exchange", F.NOT_AS_DESCRIBED, G.C, EXCHANGE, False,
     R_EXCHANGE, REFURBISH, 0, "0.00", LISTING, None, H_EXCHANGE),
    ("nad-X-refund", F.NOT_AS_DESCRIBED, G.X, REFUND, False,
     FULL, SCRAP, 0, "100.00", LISTING, None, H_REFUND),
    # Rule 3: customer-side findings outside the window.
    ("late-no-fault-A", F.NO_FAULT, G.A, REFUND, True,
     R_DISPUTE, HOLD, 0, "0.00", None, None, H_DISPUTE),
    ("late-no-fault-A-exchange", F.NO_FAULT, G.A, EXCHANGE, True,
     R_DISPUTE, HOLD, 0, "0.00", None, None, H_DISPUTE),
    ("late-customer-damage-C", F.CUSTOMER_DAMAGE, G.C, REFUND, True,
     R_DISPUTE, HOLD, 0, "0.00", None, None, H_DISPUTE),
    ("late-missing-parts-B", F.MISSING_PARTS, G.B, REFUND, True,
     R_DISPUTE, HOLD, 0, "0.00", None, None, H_DISPUTE),
    # Rule 4: MISSING_PARTS, max(grade deduction, 25), always PARTIAL_REFUND and REFURBISH.
    ("missing-A-max(0,25)=25", F.MISSING_PARTS, G.A, REFUND, False,
     PARTIAL, REFURBISH, 25, "75.00", None, None, H_REFUND),
    ("missing-B-max(10,25)=25", F.MISSING_PARTS, G.B, REFUND, False,
     PARTIAL, REFURBISH, 25, "75.00", None, None, H_REFUND),
    ("missing-C-max(30,25)=30", F.MISSING_PARTS, G.C, REFUND, False,
     PARTIAL, REFURBISH, 30, "70.00", None, None, H_REFUND),
    ("missing-D-60-not-dispute", F.MISSING_PARTS, G.D, REFUND, False,
     PARTIAL, REFURBISH, 60, "40.00", None, None, H_REFUND),
    ("missing-X-100-not-dispute", F.MISSING_PARTS, G.X, REFUND, False,
     PARTIAL, REFURBISH, 100, "0.00", None, None, H_REFUND),
    ("missing-A-exchange-asked", F.MISSING_PARTS, G.A, EXCHANGE, False,
     PARTIAL, REFURBISH, 25, "75.00", None, None, H_REFUND),
    # Rule 5: NO_FAULT and CUSTOMER_DAMAGE, deduction by grade; ≥ 50 → DISPUTE.
    ("no-fault-A-0", F.NO_FAULT, G.A, REFUND, False,
     FULL, RESTOCK, 0, "100.00", None, None, H_RESTOCK),
    ("no-fault-B-10", F.NO_FAULT, G.B, REFUND, False,
     PARTIAL, RESTOCK, 10, "90.00", None, None, H_RESTOCK),
    ("no-fault-C-30", F.NO_FAULT, G.C, REFUND, False,
     PARTIAL, REFURBISH, 30, "70.00", None, None, H_REFUND),
    ("no-fault-D-60-dispute", F.NO_FAULT, G.D, REFUND, False,
     R_DISPUTE, HOLD, 60, "0.00", None, None, H_DISPUTE),
    ("no-fault-X-100-dispute", F.NO_FAULT, G.X, REFUND, False,
     R_DISPUTE, HOLD, 100, "0.00", None, None, H_DISPUTE),
    # The rule does not look at the request for customer-side findings.
    ("no-fault-A-exchange-asked", F.NO_FAULT, G.A, EXCHANGE, False,
     FULL, RESTOCK, 0, "100.00", None, None, H_RESTOCK),
    ("customer-damage-C-30", F.CUSTOMER_DAMAGE, G.C, REFUND, False,
     PARTIAL, REFURBISH, 30, "70.00", None, None, H_REFUND),
    ("customer-damage-D-60-dispute", F.CUSTOMER_DAMAGE, G.D, REFUND, False,
     R_DISPUTE, HOLD, 60, "0.00", None, None, H_DISPUTE),
    ("customer-damage-X-100-dispute", F.CUSTOMER_DAMAGE, G.X, EXCHANGE, False,
     R_DISPUTE, HOLD, 100, "0.00", None, None, H_DISPUTE),
]  # fmt: skip


@pytest.mark.parametrize(
    (
        "finding",
        "grade",
        "requested",
        "late",
        "resolution",
        "disposition",
        "deduction",
        "refund",
        "recovery",
        "recovery_amount",
        "headline",
    ),
    [pytest.param(*row[1:], id=row[0]) for row in RULE_TABLE],
)
def test_rules_with_the_default_policy(
    default_policy: Policy,
    finding: Finding,
    grade: Grade,
    requested: RequestedResolution,
    late: bool,
    resolution: Resolution,
    disposition: Disposition,
    deduction: int,
    refund: str,
    recovery: Recovery | None,
    recovery_amount: str | None,
    headline: Headline,
) -> None:
    outcome = propose(default_policy, make_case(finding, grade, requested, late=late)).outcome
    assert outcome.resolution == resolution
    assert outcome.disposition == disposition
    assert outcome.deduction_pct == deduction
    assert str(outcome.refund_amount) == refund
    assert outcome.recovery == recovery
    assert (None if outcome.recovery_amount is None else str(outcome.recovery_amount)) == (
        recovery_amount
    )
    assert outcome.headline == headline


# The SPEC §4 table, written out again so the test does not lean on the engine's copy.
BY_GRADE = {G.A: RESTOCK, G.B: RESTOCK, G.C: REFURBISH, G.D: LIQUIDATE, G.X: SCRAP}
# CUSTOMER_DAMAGE with A or B is refused, so it is left out of the all-combinations sweeps.
VALID_PAIRS = [
    (finding, grade)
    for finding in Finding
    for grade in Grade
    if not (finding == F.CUSTOMER_DAMAGE and grade in (G.A, G.B))
]


@pytest.mark.parametrize("requested", list(RequestedResolution), ids=str)
@pytest.mark.parametrize("late", [False, True], ids=["in-window", "late"])
@pytest.mark.parametrize("grade", list(Grade), ids=str)
def test_wrong_item_is_always_a_dispute_with_the_item_held(
    default_policy: Policy, grade: Grade, late: bool, requested: RequestedResolution
) -> None:
    outcome = propose(default_policy, make_case(F.WRONG_ITEM, grade, requested, late=late)).outcome
    assert (outcome.resolution, outcome.disposition, outcome.refund_amount) == (
        R_DISPUTE,
        HOLD,
        Decimal(0),
    )
    assert outcome.recovery is None


@pytest.mark.parametrize("requested", list(RequestedResolution), ids=str)
@pytest.mark.parametrize("late", [False, True], ids=["in-window", "late"])
@pytest.mark.parametrize("grade", list(Grade), ids=str)
@pytest.mark.parametrize("finding", [F.DEFECT, F.TRANSIT_DAMAGE, F.NOT_AS_DESCRIBED], ids=str)
def test_seller_side_findings_ignore_the_window(
    default_policy: Policy,
    finding: Finding,
    grade: Grade,
    late: bool,
    requested: RequestedResolution,
) -> None:
    outcome = propose(default_policy, make_case(finding, grade, requested, late=late)).outcome
    if requested == EXCHANGE:
        assert (outcome.resolution, outcome.refund_amount) == (R_EXCHANGE, Decimal(0))
    else:
        assert (outcome.resolution, outcome.refund_amount) == (FULL, Decimal("100.00"))
    assert outcome.disposition == (RTV if finding == F.DEFECT else BY_GRADE[grade])
    assert outcome.deduction_pct == 0
    expected_recovery = {F.DEFECT: CHARGEBACK, F.TRANSIT_DAMAGE: CLAIM}.get(finding, LISTING)
    assert outcome.recovery == expected_recovery
    # The claim is for the refund amount, or the unit price on an exchange: 100.00 either way.
    assert outcome.recovery_amount == (None if finding == F.NOT_AS_DESCRIBED else Decimal("100"))


@pytest.mark.parametrize(
    ("finding", "grade"),
    [
        pytest.param(f, g, id=f"{f}-{g}")
        for f, g in VALID_PAIRS
        if f in (F.NO_FAULT, F.CUSTOMER_DAMAGE, F.MISSING_PARTS)
    ],
)
def test_customer_side_findings_outside_the_window_are_disputed(
    default_policy: Policy, finding: Finding, grade: Grade
) -> None:
    for requested in RequestedResolution:
        outcome = propose(default_policy, make_case(finding, grade, requested, late=True)).outcome
        assert (outcome.resolution, outcome.disposition, outcome.refund_amount) == (
            R_DISPUTE,
            HOLD,
            Decimal(0),
        )
        assert outcome.headline == H_DISPUTE


def test_de_window_turns_the_same_dates_into_a_dispute(default_policy: Policy) -> None:
    # Delivered 2026-01-05, requested 2026-01-20: 15 days. US allows 30, DE 14.
    base = make_case(F.NO_FAULT, G.A)
    us = replace(base, request_date=D("2026-01-20"))
    de = replace(us, market="DE")
    assert propose(default_policy, us).outcome.resolution == FULL
    assert propose(default_policy, de).outcome.resolution == R_DISPUTE


@pytest.mark.parametrize("requested", list(RequestedResolution), ids=str)
@pytest.mark.parametrize("late", [False, True], ids=["in-window", "late"])
@pytest.mark.parametrize("grade", [G.A, G.B], ids=str)
def test_customer_damage_with_grade_a_or_b_is_refused(
    default_policy: Policy, grade: Grade, late: bool, requested: RequestedResolution
) -> None:
    with pytest.raises(ContradictoryInspection) as caught:
        propose(default_policy, make_case(F.CUSTOMER_DAMAGE, grade, requested, late=late))
    assert str(caught.value) == (
        f"finding CUSTOMER_DAMAGE contradicts grade {grade.value}: "
        "damaged items are grade C or worse"
    )
    assert caught.value.params == {"finding": "CUSTOMER_DAMAGE", "grade": grade.value}


def test_negative_unit_price_is_refused(default_policy: Policy) -> None:
    with pytest.raises(ValidationError, match="must not be negative"):
        propose(default_policy, make_case(F.NO_FAULT, G.A, price="-0.01"))


def test_unknown_currency_is_refused(default_policy: Policy) -> None:
    with pytest.raises(ValidationError, match="unknown currency 'XYZ'"):
        propose(default_policy, make_case(F.NO_FAULT, G.A, currency="XYZ"))


# (id, policy TOML, finding, grade, resolution, disposition, deduction, refund)
C50 = "deduction_pct = { A = 0, B = 10, C = 50, D = 60, X = 100 }"
C49 = "deduction_pct = { A = 0, B = 10, C = 49, D = 60, X = 100 }"
CUSTOM_POLICY_TABLE = [
    ("deduction-equal-to-dispute-at-50", C50,
     F.NO_FAULT, G.C, R_DISPUTE, HOLD, 50, "0.00"),
    ("deduction-one-below-dispute-at-49", C49,
     F.NO_FAULT, G.C, PARTIAL, REFURBISH, 49, "51.00"),
    ("customer-damage-at-50", C50,
     F.CUSTOMER_DAMAGE, G.C, R_DISPUTE, HOLD, 50, "0.00"),
    ("dispute-at-30-catches-C", "dispute_at_deduction_pct = 30",
     F.NO_FAULT, G.C, R_DISPUTE, HOLD, 30, "0.00"),
    ("dispute-at-31-spares-C", "dispute_at_deduction_pct = 31",
     F.NO_FAULT, G.C, PARTIAL, REFURBISH, 30, "70.00"),
    ("dispute-at-100-spares-D", "dispute_at_deduction_pct = 100",
     F.CUSTOMER_DAMAGE, G.D, PARTIAL, LIQUIDATE, 60, "40.00"),
    ("dispute-at-100-catches-X", "dispute_at_deduction_pct = 100",
     F.CUSTOMER_DAMAGE, G.X, R_DISPUTE, HOLD, 100, "0.00"),
    ("grade-B-without-deduction", "deduction_pct = { A = 0, B = 0, C = 30, D = 60, X = 100 }",
     F.NO_FAULT, G.B, FULL, RESTOCK, 0, "100.00"),
    # Rule 4 has no dispute step: a 60 % missing-parts deduction is still a partial refund.
    ("missing-parts-60-no-dispute", "missing_parts_deduction_pct = 60",
     F.MISSING_PARTS, G.A, PARTIAL, REFURBISH, 60, "40.00"),
    # ... and with 0 % it is still PARTIAL_REFUND, for the full price (rule as written).
    ("missing-parts-0-grade-A", "missing_parts_deduction_pct = 0",
     F.MISSING_PARTS, G.A, PARTIAL, REFURBISH, 0, "100.00"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("toml", "finding", "grade", "resolution", "disposition", "deduction", "refund"),
    [pytest.param(*row[1:], id=row[0]) for row in CUSTOM_POLICY_TABLE],
)
def test_rules_follow_the_policy_values(
    toml: str,
    finding: Finding,
    grade: Grade,
    resolution: Resolution,
    disposition: Disposition,
    deduction: int,
    refund: str,
) -> None:
    outcome = propose(load_policy(toml), make_case(finding, grade)).outcome
    assert (outcome.resolution, outcome.disposition, outcome.deduction_pct) == (
        resolution,
        disposition,
        deduction,
    )
    assert str(outcome.refund_amount) == refund


# (id, currency, unit price, finding, grade, refund as the exact string)
ROUNDING_TABLE = [
    ("USD-19.99-less-10pct=17.991", "USD", "19.99", F.NO_FAULT, G.B, "17.99"),
    ("USD-0.05-less-30pct=0.035-up", "USD", "0.05", F.NO_FAULT, G.C, "0.04"),
    # Half-even would give 0.22 here: the test tells the two apart.
    ("USD-0.25-less-10pct=0.225-up", "USD", "0.25", F.NO_FAULT, G.B, "0.23"),
    ("USD-33.33-less-30pct=23.331", "USD", "33.33", F.NO_FAULT, G.C, "23.33"),
    ("USD-0.01-less-30pct=0.007", "USD", "0.01", F.NO_FAULT, G.C, "0.01"),
    ("USD-19.99-less-25pct=14.9925", "USD", "19.99", F.MISSING_PARTS, G.A, "14.99"),
    ("USD-0.50-less-25pct=0.375-up", "USD", "0.50", F.MISSING_PARTS, G.A, "0.38"),
    ("USD-whole-price-2-digits", "USD", "20", F.NO_FAULT, G.A, "20.00"),
    ("JPY-1999-less-10pct=1799.1", "JPY", "1999", F.NO_FAULT, G.B, "1799"),
    ("JPY-1995-less-30pct=1396.5-up", "JPY", "1995", F.NO_FAULT, G.C, "1397"),
    ("JPY-1999-less-25pct=1499.25", "JPY", "1999", F.MISSING_PARTS, G.B, "1499"),
    ("KRW-15005-less-10pct=13504.5-up", "KRW", "15005", F.NO_FAULT, G.B, "13505"),
    ("KRW-12345-less-30pct=8641.5-up", "KRW", "12345", F.NO_FAULT, G.C, "8642"),
    ("KRW-full-no-decimals", "KRW", "50000", F.NO_FAULT, G.A, "50000"),
    ("BHD-1.235-less-10pct=1.1115-up", "BHD", "1.235", F.NO_FAULT, G.B, "1.112"),
    ("BHD-0.015-less-30pct=0.0105-up", "BHD", "0.015", F.NO_FAULT, G.C, "0.011"),
    ("BHD-seller-side-12.5", "BHD", "12.5", F.DEFECT, G.A, "12.500"),
    # "Amount = unit price, rounded as in §3": the price is rounded before the deduction.
    ("USD-19.999-rounds-to-20.00", "USD", "19.999", F.NO_FAULT, G.A, "20.00"),
    ("USD-0.125-to-0.13-less-10pct=0.117", "USD", "0.125", F.NO_FAULT, G.B, "0.12"),
    ("JPY-1999.5-rounds-to-2000", "JPY", "1999.5", F.NO_FAULT, G.A, "2000"),
    ("USD-10.005-defect-refund-10.01", "USD", "10.005", F.DEFECT, G.A, "10.01"),
]


@pytest.mark.parametrize(
    ("currency", "price", "finding", "grade", "refund"),
    [pytest.param(*row[1:], id=row[0]) for row in ROUNDING_TABLE],
)
def test_refund_rounds_half_up_to_the_minor_unit(
    default_policy: Policy, currency: str, price: str, finding: Finding, grade: Grade, refund: str
) -> None:
    outcome = propose(
        default_policy, make_case(finding, grade, price=price, currency=currency)
    ).outcome
    assert str(outcome.refund_amount) == refund


def test_recovery_amount_is_the_rounded_price_on_exchange(default_policy: Policy) -> None:
    case = make_case(F.TRANSIT_DAMAGE, G.C, EXCHANGE, price="1999.5", currency="JPY")
    outcome = propose(default_policy, case).outcome
    assert (outcome.refund_amount, str(outcome.recovery_amount)) == (Decimal(0), "2000")


_DISPOSITION_ORDER = (RESTOCK, REFURBISH, LIQUIDATE, SCRAP, RTV, HOLD)
HEADLINE_MATRIX = {
    #               RESTOCK    REFURBISH  LIQUIDATE  SCRAP      RTV        HOLD
    FULL:          (H_RESTOCK, H_REFUND, H_REFUND, H_REFUND, H_REFUND, H_REFUND),
    PARTIAL:       (H_RESTOCK, H_REFUND, H_REFUND, H_REFUND, H_REFUND, H_REFUND),
    R_EXCHANGE:    (H_EXCHANGE, H_EXCHANGE, H_EXCHANGE, H_EXCHANGE, H_EXCHANGE, H_EXCHANGE),
    R_DISPUTE:     (H_DISPUTE, H_DISPUTE, H_DISPUTE, H_DISPUTE, H_DISPUTE, H_DISPUTE),
}  # fmt: skip


@pytest.mark.parametrize(
    ("resolution", "disposition", "headline"),
    [
        pytest.param(resolution, disposition, headline, id=f"{resolution}-{disposition}")
        for resolution, row in HEADLINE_MATRIX.items()
        for disposition, headline in zip(_DISPOSITION_ORDER, row, strict=True)
    ],
)
def test_headline_for_every_combination(
    resolution: Resolution, disposition: Disposition, headline: Headline
) -> None:
    assert headline_for(resolution, disposition) == headline


def test_headline_matrix_covers_every_value() -> None:
    assert set(HEADLINE_MATRIX) == set(Resolution)
    assert set(_DISPOSITION_ORDER) == set(Disposition)


@pytest.mark.parametrize(
    ("finding", "grade"), [pytest.param(f, g, id=f"{f}-{g}") for f, g in VALID_PAIRS]
)
def test_every_proposal_shows_the_headline_of_its_outcome(
    default_policy: Policy, finding: Finding, grade: Grade
) -> None:
    for late in (False, True):
        for requested in RequestedResolution:
            outcome = propose(
                default_policy, make_case(finding, grade, requested, late=late)
            ).outcome
            assert outcome.headline == headline_for(outcome.resolution, outcome.disposition)


# (id, finding, grade, requested, late, the reason codes after the window's own reason)
REASON_TABLE = [
    ("wrong-item", F.WRONG_ITEM, G.A, REFUND, False, ["wrong_item"]),
    ("defect-refund", F.DEFECT, G.A, REFUND, False, ["seller_side_refund", "recovery_chargeback"]),
    ("defect-exchange", F.DEFECT, G.A, EXCHANGE, False,
     ["seller_side_exchange", "recovery_chargeback"]),
    ("transit", F.TRANSIT_DAMAGE, G.A, REFUND, False,
     ["seller_side_refund", "recovery_carrier_claim"]),
    ("nad", F.NOT_AS_DESCRIBED, G.A, REFUND, False, ["seller_side_refund", "listing_review"]),
    ("late", F.NO_FAULT, G.A, REFUND, True, ["window_dispute"]),
    ("missing", F.MISSING_PARTS, G.A, REFUND, False, ["missing_parts"]),
    ("no-fault-A", F.NO_FAULT, G.A, REFUND, False, ["no_deduction"]),
    ("no-fault-B", F.NO_FAULT, G.B, REFUND, False, ["deduction"]),
    ("no-fault-D", F.NO_FAULT, G.D, REFUND, False, ["deduction_dispute"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("finding", "grade", "requested", "late", "codes"),
    [pytest.param(*row[1:], id=row[0]) for row in REASON_TABLE],
)
def test_each_rule_gives_its_reason(
    default_policy: Policy,
    finding: Finding,
    grade: Grade,
    requested: RequestedResolution,
    late: bool,
    codes: list[str],
) -> None:
    proposal = propose(default_policy, make_case(finding, grade, requested, late=late))
    assert proposal.reasons[0].code == ("window_exceeded" if late else "window_holds")
    assert [reason.code for reason in proposal.reasons[1:]] == codes


@pytest.mark.parametrize(
    ("finding", "grade", "text"),
    [
        pytest.param(
            F.MISSING_PARTS,
            G.A,
            "Missing parts: 25% deducted (the larger of grade A's 0% and 25% for missing "
            "parts); refund 75.00 USD",
            id="missing-parts",
        ),
        pytest.param(
            F.NO_FAULT, G.B, "Grade B, NO_FAULT: 10% deducted, refund 90.00 USD", id="deduction"
        ),
        pytest.param(
            F.CUSTOMER_DAMAGE,
            G.D,
            "Grade D deduction of 60% is at or above 50%: disputed, no refund, item held",
            id="deduction-dispute",
        ),
        pytest.param(
            F.DEFECT,
            G.B,
            "DEFECT is on the seller's side: full refund of 100.00 USD, whatever the window",
            id="seller-side",
        ),
    ],
)
def test_rule_reasons_are_plain_words(
    default_policy: Policy, finding: Finding, grade: Grade, text: str
) -> None:
    proposal = propose(default_policy, make_case(finding, grade))
    assert proposal.reasons[1].text == text
