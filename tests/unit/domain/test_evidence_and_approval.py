"""SPEC §5.4 evidence minimums, §5.5 approval reasons, and the inspector's override.

Each approval reason is checked on its own (a case that triggers only that one) and together;
the exact tuple of reason codes is asserted, so an extra or missing reason fails the test.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from qc_station.domain.decision import Case, decide, propose
from qc_station.domain.enums import (
    Disposition,
    Finding,
    Grade,
    Headline,
    Recovery,
    RequestedResolution,
    Resolution,
)
from qc_station.domain.errors import ContradictoryInspection, EvidenceMissing, ValidationError
from qc_station.domain.policy import Policy, load_policy

D = date.fromisoformat
F, G = Finding, Grade
REFUND, EXCHANGE = RequestedResolution.REFUND, RequestedResolution.EXCHANGE


def make_case(
    finding: Finding = F.NO_FAULT,
    grade: Grade = G.A,
    requested: RequestedResolution = REFUND,
    *,
    price: str = "100.00",
    currency: str = "USD",
    photos: int = 10,
    dated: bool = True,
    late: bool = False,
    unexpected: bool = False,
) -> Case:
    """A case in the US market, delivered 2026-01-05 and requested 5 (or, late, 55) days on."""
    return Case(
        market="US",
        currency=currency,
        unit_price=Decimal(price),
        order_date=D("2026-01-01") if dated else None,
        delivery_date=D("2026-01-05") if dated else None,
        request_date=D("2026-03-01") if late else D("2026-01-10"),
        requested_resolution=requested,
        grade=grade,
        finding=finding,
        photos=photos,
        unexpected=unexpected,
    )


# --- §5.4 evidence ------------------------------------------------------------------------

# (id, finding, grade, photos taken, photos required, photos missing)
EVIDENCE_TABLE = [
    ("defect-0-of-2", F.DEFECT, G.A, 0, 2, 2),
    ("defect-1-of-2", F.DEFECT, G.A, 1, 2, 1),
    ("defect-2-of-2", F.DEFECT, G.A, 2, 2, 0),
    ("transit-1-of-2", F.TRANSIT_DAMAGE, G.B, 1, 2, 1),
    ("transit-3-of-2", F.TRANSIT_DAMAGE, G.B, 3, 2, 0),
    ("customer-damage-C-0-of-2", F.CUSTOMER_DAMAGE, G.C, 0, 2, 2),
    ("wrong-item-0-of-2", F.WRONG_ITEM, G.A, 0, 2, 2),
    ("nad-0-of-1", F.NOT_AS_DESCRIBED, G.A, 0, 1, 1),
    ("nad-1-of-1", F.NOT_AS_DESCRIBED, G.A, 1, 1, 0),
    ("missing-parts-0-of-1", F.MISSING_PARTS, G.B, 0, 1, 1),
    ("no-fault-A-none-needed", F.NO_FAULT, G.A, 0, 0, 0),
    ("no-fault-B-none-needed", F.NO_FAULT, G.B, 0, 0, 0),
    # Grade C, D or X needs at least min_photos_grade_C_or_worse = 1, whatever the finding.
    ("no-fault-C-grade-minimum", F.NO_FAULT, G.C, 0, 1, 1),
    ("no-fault-D-grade-minimum", F.NO_FAULT, G.D, 0, 1, 1),
    ("no-fault-X-grade-minimum", F.NO_FAULT, G.X, 0, 1, 1),
    ("no-fault-C-1-of-1", F.NO_FAULT, G.C, 1, 1, 0),
    # The larger minimum applies, not the sum: DEFECT (2) with grade X (1) needs 2.
    ("defect-X-max-not-sum", F.DEFECT, G.X, 1, 2, 1),
]


@pytest.mark.parametrize(
    ("finding", "grade", "photos", "required", "missing"),
    [pytest.param(*row[1:], id=row[0]) for row in EVIDENCE_TABLE],
)
def test_evidence_minimums(
    default_policy: Policy,
    finding: Finding,
    grade: Grade,
    photos: int,
    required: int,
    missing: int,
) -> None:
    case = make_case(finding, grade, photos=photos)
    proposal = propose(default_policy, case)  # proposing never refuses for photos
    assert (proposal.photos_required, proposal.photos_missing) == (required, missing)
    if missing == 0:
        assert decide(default_policy, case).photos_missing == 0
        return
    with pytest.raises(EvidenceMissing) as caught:
        decide(default_policy, case)
    assert str(caught.value) == (
        f"{missing} more photo(s) needed before this decision can be submitted."
    )
    assert caught.value.params == {"missing": missing, "required": required}


@pytest.mark.parametrize(
    ("toml", "finding", "grade", "photos", "missing"),
    [
        pytest.param("min_photos_grade_C_or_worse = 3", F.DEFECT, G.D, 2, 1, id="grade-min-3"),
        pytest.param("min_photos_grade_C_or_worse = 3", F.NO_FAULT, G.B, 0, 0, id="B-not-worse"),
        pytest.param(
            "required_photos = { DEFECT = 2, TRANSIT_DAMAGE = 2, CUSTOMER_DAMAGE = 2, "
            "WRONG_ITEM = 2, NOT_AS_DESCRIBED = 1, MISSING_PARTS = 1, NO_FAULT = 1 }",
            F.NO_FAULT,
            G.A,
            0,
            1,
            id="no-fault-needs-1",
        ),
    ],
)
def test_evidence_minimums_follow_the_policy(
    toml: str, finding: Finding, grade: Grade, photos: int, missing: int
) -> None:
    proposal = propose(load_policy(toml), make_case(finding, grade, photos=photos))
    assert proposal.photos_missing == missing


def test_contradiction_is_reported_before_missing_photos(default_policy: Policy) -> None:
    with pytest.raises(ContradictoryInspection):
        decide(default_policy, make_case(F.CUSTOMER_DAMAGE, G.A, photos=0))


# --- §5.5 approval ------------------------------------------------------------------------

RES, THR, NONE_SET = "approval_resolution", "approval_threshold", "approval_no_threshold"
OVR, WIN, UNX = "approval_override", "approval_window_unknown", "approval_unexpected"

# (id, case, expected approval reason codes in order)
APPROVAL_TABLE = [
    # The amount threshold: at the threshold needs approval, one minor unit below does not.
    ("USD-200.00-at-threshold", make_case(price="200.00"), (THR,)),
    ("USD-199.99-below", make_case(price="199.99"), ()),
    ("USD-250-above", make_case(price="250"), (THR,)),
    ("EUR-200-at", make_case(price="200", currency="EUR"), (THR,)),
    ("EUR-199.99-below", make_case(price="199.99", currency="EUR"), ()),
    ("GBP-180-at", make_case(price="180", currency="GBP"), (THR,)),
    ("GBP-179.99-below", make_case(price="179.99", currency="GBP"), ()),
    ("CNY-1500-at", make_case(price="1500", currency="CNY"), (THR,)),
    ("CNY-1499.99-below", make_case(price="1499.99", currency="CNY"), ()),
    ("JPY-30000-at", make_case(price="30000", currency="JPY"), (THR,)),
    ("JPY-29999-below", make_case(price="29999", currency="JPY"), ()),
    # The price is rounded before it is compared: 199.995 is 200.00.
    ("USD-199.995-rounds-to-200.00", make_case(price="199.995"), (THR,)),
    # Seller side: the refund is compared.
    ("defect-refund-200.00", make_case(F.DEFECT, price="200.00"), (THR,)),
    ("defect-refund-199.99", make_case(F.DEFECT, price="199.99"), ()),
    # An exchange refunds nothing but the exchanged unit's price is compared.
    ("exchange-200.00-unit-price", make_case(F.DEFECT, requested=EXCHANGE, price="200.00"), (THR,)),
    ("exchange-199.99-unit-price", make_case(F.DEFECT, requested=EXCHANGE, price="199.99"), ()),
    ("exchange-JPY-30000", make_case(F.TRANSIT_DAMAGE, requested=EXCHANGE, price="30000",
                                     currency="JPY"), (THR,)),
    # DISPUTE and PARTIAL_REFUND always need approval.
    ("dispute-wrong-item", make_case(F.WRONG_ITEM), (RES,)),
    ("dispute-wrong-item-price-500-refund-0", make_case(F.WRONG_ITEM, price="500"), (RES,)),
    ("dispute-late", make_case(late=True), (RES,)),
    ("dispute-grade-D", make_case(grade=G.D), (RES,)),
    ("partial-B-90.00", make_case(grade=G.B), (RES,)),
    ("partial-B-250-refund-225.00", make_case(grade=G.B, price="250"), (RES, THR)),
    # 222.22 less 10 % = 199.998, rounded 200.00: at the threshold. 222.21 → 199.989 → 199.99.
    ("partial-B-222.22-refund-200.00", make_case(grade=G.B, price="222.22"), (RES, THR)),
    ("partial-B-222.21-refund-199.99", make_case(grade=G.B, price="222.21"), (RES,)),
    ("partial-missing-parts", make_case(F.MISSING_PARTS), (RES,)),
    # A currency with no threshold always needs approval, whatever the amount.
    ("AUD-no-threshold", make_case(price="10", currency="AUD"), (NONE_SET,)),
    ("AUD-zero-price", make_case(price="0", currency="AUD"), (NONE_SET,)),
    ("KRW-no-threshold", make_case(price="1000", currency="KRW"), (NONE_SET,)),
    ("AUD-dispute", make_case(F.WRONG_ITEM, currency="AUD"), (RES, NONE_SET)),
    # Unknown window and unexpected return.
    ("window-unknown", make_case(dated=False), (WIN,)),
    ("unexpected", make_case(unexpected=True), (UNX,)),
    # Together, listed in order.
    ("partial-above-unknown-unexpected",
     make_case(grade=G.B, price="500", dated=False, unexpected=True), (RES, THR, WIN, UNX)),
    ("dispute-AUD-unknown-unexpected",
     make_case(F.WRONG_ITEM, currency="AUD", dated=False, unexpected=True),
     (RES, NONE_SET, WIN, UNX)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "codes"), [pytest.param(*row[1:], id=row[0]) for row in APPROVAL_TABLE]
)
def test_approval_reasons(default_policy: Policy, case: Case, codes: tuple[str, ...]) -> None:
    proposal = decide(default_policy, case)
    assert tuple(reason.code for reason in proposal.approval_reasons) == codes
    assert proposal.needs_approval is bool(codes)


def test_override_needs_approval_on_its_own(default_policy: Policy) -> None:
    # Overriding to what the policy proposed anyway still counts as an override.
    proposal = decide(default_policy, make_case(), Headline.RESTOCK, "checked by hand")
    assert tuple(r.code for r in proposal.approval_reasons) == (OVR,)


def test_every_approval_reason_together(default_policy: Policy) -> None:
    case = make_case(F.NO_FAULT, G.C, currency="AUD", dated=False, unexpected=True)
    proposal = decide(default_policy, case, Headline.DISPUTE, "customer admits misuse")
    assert tuple(r.code for r in proposal.approval_reasons) == (RES, NONE_SET, OVR, WIN, UNX)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        pytest.param(
            make_case(grade=G.B),
            "Needs approval: Partial refund needs a supervisor",
            id="partial",
        ),
        pytest.param(
            make_case(price="200"),
            "Needs approval: 200.00 USD is at or above the threshold of 200.00 USD",
            id="threshold-USD",
        ),
        pytest.param(
            make_case(F.DEFECT, requested=EXCHANGE, price="30000", currency="JPY"),
            "Needs approval: 30000 JPY is at or above the threshold of 30000 JPY",
            id="threshold-JPY-exchange",
        ),
        pytest.param(
            make_case(currency="AUD"),
            "Needs approval: no approval threshold is set for AUD",
            id="no-threshold",
        ),
        pytest.param(make_case(dated=False), "Needs approval: return window unknown", id="window"),
        pytest.param(
            make_case(unexpected=True),
            "Needs approval: unexpected return (no RMA was issued)",
            id="unexpected",
        ),
    ],
)
def test_approval_reasons_are_plain_words(default_policy: Policy, case: Case, text: str) -> None:
    assert [r.text for r in decide(default_policy, case).approval_reasons] == [text]


@pytest.mark.parametrize(
    ("toml", "currency", "price", "codes"),
    [
        pytest.param("approval_threshold = { USD = 0 }", "USD", "0", (THR,), id="USD-0-always"),
        pytest.param("approval_threshold = { USD = 0 }", "EUR", "1", (NONE_SET,), id="EUR-dropped"),
        pytest.param("approval_threshold = { USD = 99.5 }", "USD", "99.50", (THR,), id="99.50-at"),
        pytest.param("approval_threshold = { USD = 99.5 }", "USD", "99.49", (), id="99.49-below"),
        pytest.param("approval_threshold = { KRW = 100000 }", "KRW", "100000", (THR,), id="KRW"),
    ],
)
def test_approval_threshold_follows_the_policy(
    toml: str, currency: str, price: str, codes: tuple[str, ...]
) -> None:
    proposal = decide(load_policy(toml), make_case(price=price, currency=currency))
    assert tuple(r.code for r in proposal.approval_reasons) == codes


# --- overrides ----------------------------------------------------------------------------

# (id, finding, grade, requested, late, override to,
#  resolution, disposition, deduction, refund, recovery, recovery amount, headline shown)
OVERRIDE_TABLE = [
    ("no-fault-C-partial-to-REFUND", F.NO_FAULT, G.C, REFUND, False, Headline.REFUND,
     Resolution.FULL_REFUND, Disposition.REFURBISH, 0, "100.00", None, None, Headline.REFUND),
    # §5.3 derives the headline: a full refund of a grade A item that is restocked.
    ("no-fault-A-to-REFUND-shows-RESTOCK", F.NO_FAULT, G.A, REFUND, False, Headline.REFUND,
     Resolution.FULL_REFUND, Disposition.RESTOCK, 0, "100.00", None, None, Headline.RESTOCK),
    ("no-fault-C-to-RESTOCK", F.NO_FAULT, G.C, REFUND, False, Headline.RESTOCK,
     Resolution.FULL_REFUND, Disposition.RESTOCK, 0, "100.00", None, None, Headline.RESTOCK),
    # A dispute keeps the deduction the policy found (10 % for grade B).
    ("no-fault-B-to-DISPUTE", F.NO_FAULT, G.B, REFUND, False, Headline.DISPUTE,
     Resolution.DISPUTE, Disposition.HOLD, 10, "0.00", None, None, Headline.DISPUTE),
    ("no-fault-D-dispute-to-REFUND", F.NO_FAULT, G.D, REFUND, False, Headline.REFUND,
     Resolution.FULL_REFUND, Disposition.LIQUIDATE, 0, "100.00", None, None, Headline.REFUND),
    ("late-no-fault-X-to-REFUND", F.NO_FAULT, G.X, REFUND, True, Headline.REFUND,
     Resolution.FULL_REFUND, Disposition.SCRAP, 0, "100.00", None, None, Headline.REFUND),
    ("wrong-item-to-EXCHANGE", F.WRONG_ITEM, G.C, REFUND, False, Headline.EXCHANGE,
     Resolution.EXCHANGE, Disposition.REFURBISH, 0, "0.00", None, None, Headline.EXCHANGE),
    ("missing-parts-B-to-REFUND", F.MISSING_PARTS, G.B, REFUND, False, Headline.REFUND,
     Resolution.FULL_REFUND, Disposition.RESTOCK, 0, "100.00", None, None, Headline.RESTOCK),
    # Defects still return to the vendor and keep the chargeback, at the unit price.
    ("defect-to-EXCHANGE", F.DEFECT, G.A, REFUND, False, Headline.EXCHANGE,
     Resolution.EXCHANGE, Disposition.RETURN_TO_VENDOR, 0, "0.00",
     Recovery.SUPPLIER_CHARGEBACK, "100.00", Headline.EXCHANGE),
    ("defect-exchange-to-REFUND", F.DEFECT, G.C, EXCHANGE, False, Headline.REFUND,
     Resolution.FULL_REFUND, Disposition.RETURN_TO_VENDOR, 0, "100.00",
     Recovery.SUPPLIER_CHARGEBACK, "100.00", Headline.REFUND),
    ("transit-to-DISPUTE", F.TRANSIT_DAMAGE, G.C, REFUND, False, Headline.DISPUTE,
     Resolution.DISPUTE, Disposition.HOLD, 0, "0.00",
     Recovery.CARRIER_CLAIM, "100.00", Headline.DISPUTE),
    ("nad-to-EXCHANGE", F.NOT_AS_DESCRIBED, G.C, REFUND, False, Headline.EXCHANGE,
     Resolution.EXCHANGE, Disposition.REFURBISH, 0, "0.00",
     Recovery.LISTING_REVIEW, None, Headline.EXCHANGE),
]  # fmt: skip


@pytest.mark.parametrize(
    (
        "finding",
        "grade",
        "requested",
        "late",
        "override",
        "resolution",
        "disposition",
        "deduction",
        "refund",
        "recovery",
        "recovery_amount",
        "headline",
    ),
    [pytest.param(*row[1:], id=row[0]) for row in OVERRIDE_TABLE],
)
def test_override_outcomes(
    default_policy: Policy,
    finding: Finding,
    grade: Grade,
    requested: RequestedResolution,
    late: bool,
    override: Headline,
    resolution: Resolution,
    disposition: Disposition,
    deduction: int,
    refund: str,
    recovery: Recovery | None,
    recovery_amount: str | None,
    headline: Headline,
) -> None:
    case = make_case(finding, grade, requested, late=late)
    proposal = decide(default_policy, case, override, "  supervisor agreed by phone  ")
    outcome = proposal.outcome
    assert (outcome.resolution, outcome.disposition, outcome.deduction_pct) == (
        resolution,
        disposition,
        deduction,
    )
    assert str(outcome.refund_amount) == refund
    assert outcome.recovery == recovery
    assert (None if outcome.recovery_amount is None else str(outcome.recovery_amount)) == (
        recovery_amount
    )
    assert outcome.headline == headline
    assert proposal.overridden
    assert proposal.override_reason == "supervisor agreed by phone"
    assert OVR in [r.code for r in proposal.approval_reasons]
    last = proposal.reasons[-1]
    assert last.code == "override"
    assert (
        last.text == f"Overridden by the inspector to {headline.value}: supervisor agreed by phone"
    )


def test_override_keeps_the_policy_reasons_before_its_own(default_policy: Policy) -> None:
    case = make_case(F.NO_FAULT, G.C)
    proposed = propose(default_policy, case)
    overridden = decide(default_policy, case, Headline.REFUND, "loyal customer")
    assert overridden.reasons[:-1] == proposed.reasons


@pytest.mark.parametrize("reason", ["", "   ", "\t\n"], ids=["empty", "spaces", "whitespace"])
def test_override_without_a_reason_is_refused(default_policy: Policy, reason: str) -> None:
    with pytest.raises(ValidationError, match="An override needs a written reason") as caught:
        decide(default_policy, make_case(), Headline.REFUND, reason)
    assert caught.value.params == {"field": "override_reason"}


def test_override_still_needs_the_photos(default_policy: Policy) -> None:
    with pytest.raises(EvidenceMissing, match=r"2 more photo\(s\) needed"):
        decide(default_policy, make_case(F.DEFECT, photos=0), Headline.DISPUTE, "suspicious")


def test_a_reason_without_an_override_headline_is_no_override(default_policy: Policy) -> None:
    proposal = decide(default_policy, make_case(), None, "just a note")
    assert not proposal.overridden
    assert proposal.approval_reasons == ()


def test_without_override_decide_equals_propose(default_policy: Policy) -> None:
    case = make_case(F.TRANSIT_DAMAGE, G.B)
    assert decide(default_policy, case) == propose(default_policy, case)


def test_proposal_records_the_policy_hash(default_policy: Policy) -> None:
    proposal = decide(default_policy, replace(make_case(), photos=0))
    assert proposal.policy_hash == default_policy.hash
    assert len(proposal.policy_hash) == 64
