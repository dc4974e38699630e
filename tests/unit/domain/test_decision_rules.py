"""SPEC §5.2 rules in order (first match wins), §5.3 headline, and §3 rounding.

Every expected amount is worked out by hand in the table (the arithmetic is in the id or a
comment), not read back from the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

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

# Delivered 2026-01-05. In the window: requested 5 days later. Late: 55 days later, outside
# the window in every market of the default policy.
IN_WINDOW = date(2026, 1, 10)
LATE = date(2026, 3, 1)


def make_case(
    finding: Finding,
    grade: Grade,
    requested: RequestedResolution = RequestedResolution.REFUND,
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
        order_date=date(2026, 1, 1),
        delivery_date=date(2026, 1, 5),
        request_date=LATE if late else IN_WINDOW,
        requested_resolution=requested,
        grade=grade,
        finding=finding,
        photos=photos,
    )


@dataclass(frozen=True)
class RuleCase:
    """One row of the rule table: a unit as inspected and what the rules must propose for it.
    The unit price is 100.00 USD throughout; amounts are the exact strings expected."""

    finding: Finding
    grade: Grade
    requested: RequestedResolution
    late: bool
    resolution: Resolution
    disposition: Disposition
    deduction_pct: int
    refund: str
    recovery: Recovery | None
    recovery_amount: str | None
    headline: Headline


def rule(
    case_id: str,
    finding: Finding,
    grade: Grade,
    *,
    requested: RequestedResolution = RequestedResolution.REFUND,
    late: bool = False,
    resolution: Resolution,
    disposition: Disposition,
    deduction_pct: int = 0,
    refund: str = "0.00",
    recovery: Recovery | None = None,
    recovery_amount: str | None = None,
    headline: Headline,
) -> Any:
    """A ``pytest.param`` of one ``RuleCase``: a refund request in the window, no deduction,
    no refund and no recovery unless named."""
    return pytest.param(
        RuleCase(
            finding,
            grade,
            requested,
            late,
            resolution,
            disposition,
            deduction_pct,
            refund,
            recovery,
            recovery_amount,
            headline,
        ),
        id=case_id,
    )


RULE_TABLE = [
    # Rule 1: WRONG_ITEM, whatever the window, grade or request.
    rule(
        "wrong-item-A-in-window",
        Finding.WRONG_ITEM,
        Grade.A,
        resolution=Resolution.DISPUTE,
        disposition=Disposition.HOLD,
        headline=Headline.DISPUTE,
    ),
    rule(
        "wrong-item-X-late-exchange",
        Finding.WRONG_ITEM,
        Grade.X,
        requested=RequestedResolution.EXCHANGE,
        late=True,
        resolution=Resolution.DISPUTE,
        disposition=Disposition.HOLD,
        headline=Headline.DISPUTE,
    ),
    # Rule 2: seller-side findings, whatever the window.
    rule(
        "defect-A-refund",
        Finding.DEFECT,
        Grade.A,
        resolution=Resolution.FULL_REFUND,
        disposition=Disposition.RETURN_TO_VENDOR,
        refund="100.00",
        recovery=Recovery.SUPPLIER_CHARGEBACK,
        recovery_amount="100.00",
        headline=Headline.REFUND,
    ),
    rule(
        "defect-D-refund-late",
        Finding.DEFECT,
        Grade.D,
        late=True,
        resolution=Resolution.FULL_REFUND,
        disposition=Disposition.RETURN_TO_VENDOR,
        refund="100.00",
        recovery=Recovery.SUPPLIER_CHARGEBACK,
        recovery_amount="100.00",
        headline=Headline.REFUND,
    ),
    rule(
        "defect-C-exchange-late",
        Finding.DEFECT,
        Grade.C,
        requested=RequestedResolution.EXCHANGE,
        late=True,
        resolution=Resolution.EXCHANGE,
        disposition=Disposition.RETURN_TO_VENDOR,
        recovery=Recovery.SUPPLIER_CHARGEBACK,
        recovery_amount="100.00",
        headline=Headline.EXCHANGE,
    ),
    rule(
        "transit-A-refund",
        Finding.TRANSIT_DAMAGE,
        Grade.A,
        resolution=Resolution.FULL_REFUND,
        disposition=Disposition.RESTOCK,
        refund="100.00",
        recovery=Recovery.CARRIER_CLAIM,
        recovery_amount="100.00",
        headline=Headline.RESTOCK,
    ),
    rule(
        "transit-C-refund",
        Finding.TRANSIT_DAMAGE,
        Grade.C,
        resolution=Resolution.FULL_REFUND,
        disposition=Disposition.REFURBISH,
        refund="100.00",
        recovery=Recovery.CARRIER_CLAIM,
        recovery_amount="100.00",
        headline=Headline.REFUND,
    ),
    rule(
        "transit-D-refund-late",
        Finding.TRANSIT_DAMAGE,
        Grade.D,
        late=True,
        resolution=Resolution.FULL_REFUND,
        disposition=Disposition.LIQUIDATE,
        refund="100.00",
        recovery=Recovery.CARRIER_CLAIM,
        recovery_amount="100.00",
        headline=Headline.REFUND,
    ),
    rule(
        "transit-X-exchange",
        Finding.TRANSIT_DAMAGE,
        Grade.X,
        requested=RequestedResolution.EXCHANGE,
        resolution=Resolution.EXCHANGE,
        disposition=Disposition.SCRAP,
        recovery=Recovery.CARRIER_CLAIM,
        recovery_amount="100.00",
        headline=Headline.EXCHANGE,
    ),
    rule(
        "nad-B-refund-late",
        Finding.NOT_AS_DESCRIBED,
        Grade.B,
        late=True,
        resolution=Resolution.FULL_REFUND,
        disposition=Disposition.RESTOCK,
        refund="100.00",
        recovery=Recovery.LISTING_REVIEW,
        headline=Headline.RESTOCK,
    ),
    rule(
        "nad-C-exchange",
        Finding.NOT_AS_DESCRIBED,
        Grade.C,
        requested=RequestedResolution.EXCHANGE,
        resolution=Resolution.EXCHANGE,
        disposition=Disposition.REFURBISH,
        recovery=Recovery.LISTING_REVIEW,
        headline=Headline.EXCHANGE,
    ),
    rule(
        "nad-X-refund",
        Finding.NOT_AS_DESCRIBED,
        Grade.X,
        resolution=Resolution.FULL_REFUND,
        disposition=Disposition.SCRAP,
        refund="100.00",
        recovery=Recovery.LISTING_REVIEW,
        headline=Headline.REFUND,
    ),
    # Rule 3: customer-side findings outside the window.
    rule(
        "late-no-fault-A",
        Finding.NO_FAULT,
        Grade.A,
        late=True,
        resolution=Resolution.DISPUTE,
        disposition=Disposition.HOLD,
        headline=Headline.DISPUTE,
    ),
    rule(
        "late-no-fault-A-exchange",
        Finding.NO_FAULT,
        Grade.A,
        requested=RequestedResolution.EXCHANGE,
        late=True,
        resolution=Resolution.DISPUTE,
        disposition=Disposition.HOLD,
        headline=Headline.DISPUTE,
    ),
    rule(
        "late-customer-damage-C",
        Finding.CUSTOMER_DAMAGE,
        Grade.C,
        late=True,
        resolution=Resolution.DISPUTE,
        disposition=Disposition.HOLD,
        headline=Headline.DISPUTE,
    ),
    rule(
        "late-missing-parts-B",
        Finding.MISSING_PARTS,
        Grade.B,
        late=True,
        resolution=Resolution.DISPUTE,
        disposition=Disposition.HOLD,
        headline=Headline.DISPUTE,
    ),
    # Rule 4: MISSING_PARTS, max(grade deduction, 25), always PARTIAL_REFUND and REFURBISH.
    rule(
        "missing-A-max(0,25)=25",
        Finding.MISSING_PARTS,
        Grade.A,
        resolution=Resolution.PARTIAL_REFUND,
        disposition=Disposition.REFURBISH,
        deduction_pct=25,
        refund="75.00",
        headline=Headline.REFUND,
    ),
    rule(
        "missing-B-max(10,25)=25",
        Finding.MISSING_PARTS,
        Grade.B,
        resolution=Resolution.PARTIAL_REFUND,
        disposition=Disposition.REFURBISH,
        deduction_pct=25,
        refund="75.00",
        headline=Headline.REFUND,
    ),
    rule(
        "missing-C-max(30,25)=30",
        Finding.MISSING_PARTS,
        Grade.C,
        resolution=Resolution.PARTIAL_REFUND,
        disposition=Disposition.REFURBISH,
        deduction_pct=30,
        refund="70.00",
        headline=Headline.REFUND,
    ),
    rule(
        "missing-D-60-not-dispute",
        Finding.MISSING_PARTS,
        Grade.D,
        resolution=Resolution.PARTIAL_REFUND,
        disposition=Disposition.REFURBISH,
        deduction_pct=60,
        refund="40.00",
        headline=Headline.REFUND,
    ),
    rule(
        "missing-X-100-not-dispute",
        Finding.MISSING_PARTS,
        Grade.X,
        resolution=Resolution.PARTIAL_REFUND,
        disposition=Disposition.REFURBISH,
        deduction_pct=100,
        headline=Headline.REFUND,
    ),
    rule(
        "missing-A-exchange-asked",
        Finding.MISSING_PARTS,
        Grade.A,
        requested=RequestedResolution.EXCHANGE,
        resolution=Resolution.PARTIAL_REFUND,
        disposition=Disposition.REFURBISH,
        deduction_pct=25,
        refund="75.00",
        headline=Headline.REFUND,
    ),
    # Rule 5: NO_FAULT and CUSTOMER_DAMAGE, deduction by grade; ≥ 50 → DISPUTE.
    rule(
        "no-fault-A-0",
        Finding.NO_FAULT,
        Grade.A,
        resolution=Resolution.FULL_REFUND,
        disposition=Disposition.RESTOCK,
        refund="100.00",
        headline=Headline.RESTOCK,
    ),
    rule(
        "no-fault-B-10",
        Finding.NO_FAULT,
        Grade.B,
        resolution=Resolution.PARTIAL_REFUND,
        disposition=Disposition.RESTOCK,
        deduction_pct=10,
        refund="90.00",
        headline=Headline.RESTOCK,
    ),
    rule(
        "no-fault-C-30",
        Finding.NO_FAULT,
        Grade.C,
        resolution=Resolution.PARTIAL_REFUND,
        disposition=Disposition.REFURBISH,
        deduction_pct=30,
        refund="70.00",
        headline=Headline.REFUND,
    ),
    rule(
        "no-fault-D-60-dispute",
        Finding.NO_FAULT,
        Grade.D,
        resolution=Resolution.DISPUTE,
        disposition=Disposition.HOLD,
        deduction_pct=60,
        headline=Headline.DISPUTE,
    ),
    rule(
        "no-fault-X-100-dispute",
        Finding.NO_FAULT,
        Grade.X,
        resolution=Resolution.DISPUTE,
        disposition=Disposition.HOLD,
        deduction_pct=100,
        headline=Headline.DISPUTE,
    ),
    # The rule does not look at the request for customer-side findings.
    rule(
        "no-fault-A-exchange-asked",
        Finding.NO_FAULT,
        Grade.A,
        requested=RequestedResolution.EXCHANGE,
        resolution=Resolution.FULL_REFUND,
        disposition=Disposition.RESTOCK,
        refund="100.00",
        headline=Headline.RESTOCK,
    ),
    rule(
        "customer-damage-C-30",
        Finding.CUSTOMER_DAMAGE,
        Grade.C,
        resolution=Resolution.PARTIAL_REFUND,
        disposition=Disposition.REFURBISH,
        deduction_pct=30,
        refund="70.00",
        headline=Headline.REFUND,
    ),
    rule(
        "customer-damage-D-60-dispute",
        Finding.CUSTOMER_DAMAGE,
        Grade.D,
        resolution=Resolution.DISPUTE,
        disposition=Disposition.HOLD,
        deduction_pct=60,
        headline=Headline.DISPUTE,
    ),
    rule(
        "customer-damage-X-100-dispute",
        Finding.CUSTOMER_DAMAGE,
        Grade.X,
        requested=RequestedResolution.EXCHANGE,
        resolution=Resolution.DISPUTE,
        disposition=Disposition.HOLD,
        deduction_pct=100,
        headline=Headline.DISPUTE,
    ),
]


@pytest.mark.parametrize("case", RULE_TABLE)
def test_rules_with_the_default_policy(default_policy: Policy, case: RuleCase) -> None:
    unit = make_case(case.finding, case.grade, case.requested, late=case.late)
    outcome = propose(default_policy, unit).outcome
    assert outcome.resolution == case.resolution
    assert outcome.disposition == case.disposition
    assert outcome.deduction_pct == case.deduction_pct
    assert str(outcome.refund_amount) == case.refund
    assert outcome.recovery == case.recovery
    assert (None if outcome.recovery_amount is None else str(outcome.recovery_amount)) == (
        case.recovery_amount
    )
    assert outcome.headline == case.headline


# The SPEC §4 table, written out again so the test does not lean on the engine's copy.
BY_GRADE = {
    Grade.A: Disposition.RESTOCK,
    Grade.B: Disposition.RESTOCK,
    Grade.C: Disposition.REFURBISH,
    Grade.D: Disposition.LIQUIDATE,
    Grade.X: Disposition.SCRAP,
}
# CUSTOMER_DAMAGE with A or B is refused, so it is left out of the all-combinations sweeps.
VALID_PAIRS = [
    (finding, grade)
    for finding in Finding
    for grade in Grade
    if not (finding == Finding.CUSTOMER_DAMAGE and grade in (Grade.A, Grade.B))
]


@pytest.mark.parametrize("requested", list(RequestedResolution), ids=str)
@pytest.mark.parametrize("late", [False, True], ids=["in-window", "late"])
@pytest.mark.parametrize("grade", list(Grade), ids=str)
def test_wrong_item_is_always_a_dispute_with_the_item_held(
    default_policy: Policy, grade: Grade, late: bool, requested: RequestedResolution
) -> None:
    outcome = propose(
        default_policy, make_case(Finding.WRONG_ITEM, grade, requested, late=late)
    ).outcome
    assert (outcome.resolution, outcome.disposition, outcome.refund_amount) == (
        Resolution.DISPUTE,
        Disposition.HOLD,
        Decimal(0),
    )
    assert outcome.recovery is None


@pytest.mark.parametrize("requested", list(RequestedResolution), ids=str)
@pytest.mark.parametrize("late", [False, True], ids=["in-window", "late"])
@pytest.mark.parametrize("grade", list(Grade), ids=str)
@pytest.mark.parametrize(
    "finding", [Finding.DEFECT, Finding.TRANSIT_DAMAGE, Finding.NOT_AS_DESCRIBED], ids=str
)
def test_seller_side_findings_ignore_the_window(
    default_policy: Policy,
    finding: Finding,
    grade: Grade,
    late: bool,
    requested: RequestedResolution,
) -> None:
    outcome = propose(default_policy, make_case(finding, grade, requested, late=late)).outcome
    if requested == RequestedResolution.EXCHANGE:
        assert (outcome.resolution, outcome.refund_amount) == (Resolution.EXCHANGE, Decimal(0))
    else:
        assert (outcome.resolution, outcome.refund_amount) == (
            Resolution.FULL_REFUND,
            Decimal("100.00"),
        )
    assert outcome.disposition == (
        Disposition.RETURN_TO_VENDOR if finding == Finding.DEFECT else BY_GRADE[grade]
    )
    assert outcome.deduction_pct == 0
    expected_recovery = {
        Finding.DEFECT: Recovery.SUPPLIER_CHARGEBACK,
        Finding.TRANSIT_DAMAGE: Recovery.CARRIER_CLAIM,
    }.get(finding, Recovery.LISTING_REVIEW)
    assert outcome.recovery == expected_recovery
    # The claim is for the refund amount, or the unit price on an exchange: 100.00 either way.
    assert outcome.recovery_amount == (
        None if finding == Finding.NOT_AS_DESCRIBED else Decimal("100")
    )


@pytest.mark.parametrize(
    ("finding", "grade"),
    [
        pytest.param(f, g, id=f"{f}-{g}")
        for f, g in VALID_PAIRS
        if f in (Finding.NO_FAULT, Finding.CUSTOMER_DAMAGE, Finding.MISSING_PARTS)
    ],
)
def test_customer_side_findings_outside_the_window_are_disputed(
    default_policy: Policy, finding: Finding, grade: Grade
) -> None:
    for requested in RequestedResolution:
        outcome = propose(default_policy, make_case(finding, grade, requested, late=True)).outcome
        assert (outcome.resolution, outcome.disposition, outcome.refund_amount) == (
            Resolution.DISPUTE,
            Disposition.HOLD,
            Decimal(0),
        )
        assert outcome.headline == Headline.DISPUTE


def test_de_window_turns_the_same_dates_into_a_dispute(default_policy: Policy) -> None:
    # Delivered 2026-01-05, requested 2026-01-20: 15 days. US allows 30, DE 14.
    base = make_case(Finding.NO_FAULT, Grade.A)
    us = replace(base, request_date=date(2026, 1, 20))
    de = replace(us, market="DE")
    assert propose(default_policy, us).outcome.resolution == Resolution.FULL_REFUND
    assert propose(default_policy, de).outcome.resolution == Resolution.DISPUTE


@pytest.mark.parametrize("requested", list(RequestedResolution), ids=str)
@pytest.mark.parametrize("late", [False, True], ids=["in-window", "late"])
@pytest.mark.parametrize("grade", [Grade.A, Grade.B], ids=str)
def test_customer_damage_with_grade_a_or_b_is_refused(
    default_policy: Policy, grade: Grade, late: bool, requested: RequestedResolution
) -> None:
    with pytest.raises(ContradictoryInspection) as caught:
        propose(default_policy, make_case(Finding.CUSTOMER_DAMAGE, grade, requested, late=late))
    assert str(caught.value) == "This grade and finding cannot both be true; check them."
    assert caught.value.params == {"finding": "CUSTOMER_DAMAGE", "grade": grade.value}


def test_negative_unit_price_is_refused(default_policy: Policy) -> None:
    with pytest.raises(ValidationError, match="must not be negative"):
        propose(default_policy, make_case(Finding.NO_FAULT, Grade.A, price="-0.01"))


def test_unknown_currency_is_refused(default_policy: Policy) -> None:
    with pytest.raises(ValidationError, match="Unknown currency XYZ"):
        propose(default_policy, make_case(Finding.NO_FAULT, Grade.A, currency="XYZ"))


# (id, policy TOML, finding, grade, resolution, disposition, deduction, refund)
C50 = "deduction_pct = { A = 0, B = 10, C = 50, D = 60, X = 100 }"
C49 = "deduction_pct = { A = 0, B = 10, C = 49, D = 60, X = 100 }"
CUSTOM_POLICY_TABLE = [
    (
        "deduction-equal-to-dispute-at-50",
        C50,
        Finding.NO_FAULT,
        Grade.C,
        Resolution.DISPUTE,
        Disposition.HOLD,
        50,
        "0.00",
    ),
    (
        "deduction-one-below-dispute-at-49",
        C49,
        Finding.NO_FAULT,
        Grade.C,
        Resolution.PARTIAL_REFUND,
        Disposition.REFURBISH,
        49,
        "51.00",
    ),
    (
        "customer-damage-at-50",
        C50,
        Finding.CUSTOMER_DAMAGE,
        Grade.C,
        Resolution.DISPUTE,
        Disposition.HOLD,
        50,
        "0.00",
    ),
    (
        "dispute-at-30-catches-C",
        "dispute_at_deduction_pct = 30",
        Finding.NO_FAULT,
        Grade.C,
        Resolution.DISPUTE,
        Disposition.HOLD,
        30,
        "0.00",
    ),
    (
        "dispute-at-31-spares-C",
        "dispute_at_deduction_pct = 31",
        Finding.NO_FAULT,
        Grade.C,
        Resolution.PARTIAL_REFUND,
        Disposition.REFURBISH,
        30,
        "70.00",
    ),
    (
        "dispute-at-100-spares-D",
        "dispute_at_deduction_pct = 100",
        Finding.CUSTOMER_DAMAGE,
        Grade.D,
        Resolution.PARTIAL_REFUND,
        Disposition.LIQUIDATE,
        60,
        "40.00",
    ),
    (
        "dispute-at-100-catches-X",
        "dispute_at_deduction_pct = 100",
        Finding.CUSTOMER_DAMAGE,
        Grade.X,
        Resolution.DISPUTE,
        Disposition.HOLD,
        100,
        "0.00",
    ),
    (
        "grade-B-without-deduction",
        "deduction_pct = { A = 0, B = 0, C = 30, D = 60, X = 100 }",
        Finding.NO_FAULT,
        Grade.B,
        Resolution.FULL_REFUND,
        Disposition.RESTOCK,
        0,
        "100.00",
    ),
    # Rule 4 has no dispute step: a 60 % missing-parts deduction is still a partial refund.
    (
        "missing-parts-60-no-dispute",
        "missing_parts_deduction_pct = 60",
        Finding.MISSING_PARTS,
        Grade.A,
        Resolution.PARTIAL_REFUND,
        Disposition.REFURBISH,
        60,
        "40.00",
    ),
    # ... and with 0 % it is still PARTIAL_REFUND, for the full price (rule as written).
    (
        "missing-parts-0-grade-A",
        "missing_parts_deduction_pct = 0",
        Finding.MISSING_PARTS,
        Grade.A,
        Resolution.PARTIAL_REFUND,
        Disposition.REFURBISH,
        0,
        "100.00",
    ),
]


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
    ("USD-19.99-less-10pct=17.991", "USD", "19.99", Finding.NO_FAULT, Grade.B, "17.99"),
    ("USD-0.05-less-30pct=0.035-up", "USD", "0.05", Finding.NO_FAULT, Grade.C, "0.04"),
    # Half-even would give 0.22 here: the test tells the two apart.
    ("USD-0.25-less-10pct=0.225-up", "USD", "0.25", Finding.NO_FAULT, Grade.B, "0.23"),
    ("USD-33.33-less-30pct=23.331", "USD", "33.33", Finding.NO_FAULT, Grade.C, "23.33"),
    ("USD-0.01-less-30pct=0.007", "USD", "0.01", Finding.NO_FAULT, Grade.C, "0.01"),
    ("USD-19.99-less-25pct=14.9925", "USD", "19.99", Finding.MISSING_PARTS, Grade.A, "14.99"),
    ("USD-0.50-less-25pct=0.375-up", "USD", "0.50", Finding.MISSING_PARTS, Grade.A, "0.38"),
    ("USD-whole-price-2-digits", "USD", "20", Finding.NO_FAULT, Grade.A, "20.00"),
    ("JPY-1999-less-10pct=1799.1", "JPY", "1999", Finding.NO_FAULT, Grade.B, "1799"),
    ("JPY-1995-less-30pct=1396.5-up", "JPY", "1995", Finding.NO_FAULT, Grade.C, "1397"),
    ("JPY-1999-less-25pct=1499.25", "JPY", "1999", Finding.MISSING_PARTS, Grade.B, "1499"),
    ("KRW-15005-less-10pct=13504.5-up", "KRW", "15005", Finding.NO_FAULT, Grade.B, "13505"),
    ("KRW-12345-less-30pct=8641.5-up", "KRW", "12345", Finding.NO_FAULT, Grade.C, "8642"),
    ("KRW-full-no-decimals", "KRW", "50000", Finding.NO_FAULT, Grade.A, "50000"),
    ("BHD-1.235-less-10pct=1.1115-up", "BHD", "1.235", Finding.NO_FAULT, Grade.B, "1.112"),
    ("BHD-0.015-less-30pct=0.0105-up", "BHD", "0.015", Finding.NO_FAULT, Grade.C, "0.011"),
    ("BHD-seller-side-12.5", "BHD", "12.5", Finding.DEFECT, Grade.A, "12.500"),
    # "Amount = unit price, rounded as in §3": the price is rounded before the deduction.
    ("USD-19.999-rounds-to-20.00", "USD", "19.999", Finding.NO_FAULT, Grade.A, "20.00"),
    ("USD-0.125-to-0.13-less-10pct=0.117", "USD", "0.125", Finding.NO_FAULT, Grade.B, "0.12"),
    ("JPY-1999.5-rounds-to-2000", "JPY", "1999.5", Finding.NO_FAULT, Grade.A, "2000"),
    ("USD-10.005-defect-refund-10.01", "USD", "10.005", Finding.DEFECT, Grade.A, "10.01"),
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
    case = make_case(
        Finding.TRANSIT_DAMAGE,
        Grade.C,
        RequestedResolution.EXCHANGE,
        price="1999.5",
        currency="JPY",
    )
    outcome = propose(default_policy, case).outcome
    assert (outcome.refund_amount, str(outcome.recovery_amount)) == (Decimal(0), "2000")


_DISPOSITION_ORDER = (
    Disposition.RESTOCK,
    Disposition.REFURBISH,
    Disposition.LIQUIDATE,
    Disposition.SCRAP,
    Disposition.RETURN_TO_VENDOR,
    Disposition.HOLD,
)
HEADLINE_MATRIX = {
    # Each row in the order of _DISPOSITION_ORDER: RESTOCK, REFURBISH, LIQUIDATE, SCRAP,
    # RETURN_TO_VENDOR, HOLD.
    Resolution.FULL_REFUND: (
        Headline.RESTOCK,
        Headline.REFUND,
        Headline.REFUND,
        Headline.REFUND,
        Headline.REFUND,
        Headline.REFUND,
    ),
    Resolution.PARTIAL_REFUND: (
        Headline.RESTOCK,
        Headline.REFUND,
        Headline.REFUND,
        Headline.REFUND,
        Headline.REFUND,
        Headline.REFUND,
    ),
    Resolution.EXCHANGE: (
        Headline.EXCHANGE,
        Headline.EXCHANGE,
        Headline.EXCHANGE,
        Headline.EXCHANGE,
        Headline.EXCHANGE,
        Headline.EXCHANGE,
    ),
    Resolution.DISPUTE: (
        Headline.DISPUTE,
        Headline.DISPUTE,
        Headline.DISPUTE,
        Headline.DISPUTE,
        Headline.DISPUTE,
        Headline.DISPUTE,
    ),
}


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
    ("wrong-item", Finding.WRONG_ITEM, Grade.A, RequestedResolution.REFUND, False, ["wrong_item"]),
    (
        "defect-refund",
        Finding.DEFECT,
        Grade.A,
        RequestedResolution.REFUND,
        False,
        ["seller_side_refund", "recovery_chargeback"],
    ),
    (
        "defect-exchange",
        Finding.DEFECT,
        Grade.A,
        RequestedResolution.EXCHANGE,
        False,
        ["seller_side_exchange", "recovery_chargeback"],
    ),
    (
        "transit",
        Finding.TRANSIT_DAMAGE,
        Grade.A,
        RequestedResolution.REFUND,
        False,
        ["seller_side_refund", "recovery_carrier_claim"],
    ),
    (
        "nad",
        Finding.NOT_AS_DESCRIBED,
        Grade.A,
        RequestedResolution.REFUND,
        False,
        ["seller_side_refund", "listing_review"],
    ),
    ("late", Finding.NO_FAULT, Grade.A, RequestedResolution.REFUND, True, ["window_dispute"]),
    (
        "missing",
        Finding.MISSING_PARTS,
        Grade.A,
        RequestedResolution.REFUND,
        False,
        ["missing_parts"],
    ),
    ("no-fault-A", Finding.NO_FAULT, Grade.A, RequestedResolution.REFUND, False, ["no_deduction"]),
    ("no-fault-B", Finding.NO_FAULT, Grade.B, RequestedResolution.REFUND, False, ["deduction"]),
    (
        "no-fault-D",
        Finding.NO_FAULT,
        Grade.D,
        RequestedResolution.REFUND,
        False,
        ["deduction_dispute"],
    ),
]


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
            Finding.MISSING_PARTS,
            Grade.A,
            "Missing parts: 25% deducted (the larger of grade A's 0% and 25% for missing "
            "parts); refund 75.00 USD",
            id="missing-parts",
        ),
        pytest.param(
            Finding.NO_FAULT,
            Grade.B,
            "Grade B, No fault (changed mind): 10% deducted, refund 90.00 USD",
            id="deduction",
        ),
        pytest.param(
            Finding.CUSTOMER_DAMAGE,
            Grade.D,
            "Grade D deduction of 60% is at or above 50%: disputed, no refund, item held",
            id="deduction-dispute",
        ),
        pytest.param(
            Finding.DEFECT,
            Grade.B,
            "Defect is on the seller's side: full refund of 100.00 USD, whatever the window",
            id="seller-side",
        ),
    ],
)
def test_rule_reasons_are_plain_words(
    default_policy: Policy, finding: Finding, grade: Grade, text: str
) -> None:
    proposal = propose(default_policy, make_case(finding, grade))
    assert proposal.reasons[1].text == text
