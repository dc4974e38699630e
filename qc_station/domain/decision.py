"""The decision policy engine (SPEC §5.1–§5.5): window, rules in order, headline, evidence,
approval. The one module that holds these rules.

``propose`` gives the policy's outcome for a case, with its reasons; ``decide`` adds an
inspector's override and enforces the evidence minimums, as a submission needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .enums import (
    DISPOSITION_BY_GRADE,
    SELLER_SIDE_FINDINGS,
    Disposition,
    Finding,
    Grade,
    Headline,
    Recovery,
    RequestedResolution,
    Resolution,
    WindowBasis,
    WindowStatus,
)
from .errors import ContradictoryInspection, EvidenceMissing, ValidationError
from .money import round_money
from .outcome import Outcome, Reason, headline_for
from .policy import Policy


@dataclass(frozen=True)
class Case:
    """Everything the policy looks at for one unit."""

    market: str
    currency: str
    unit_price: Decimal
    order_date: date | None
    delivery_date: date | None
    request_date: date | None
    requested_resolution: RequestedResolution
    grade: Grade
    finding: Finding
    photos: int = 0
    unexpected: bool = False
    #: Who reopened the unit this decision is for (SPEC §7.3), or None: a decision of a
    #: reopened unit always needs approval, by someone other than the reopener.
    reopened_by: str | None = None


@dataclass(frozen=True)
class Window:
    status: WindowStatus
    days: int | None  # request date minus (possibly estimated) delivery date
    limit: int
    estimated: bool  # delivery date taken as order date + transit allowance

    @property
    def holds(self) -> bool:
        return self.status != WindowStatus.EXCEEDED


@dataclass(frozen=True)
class Proposal:
    outcome: Outcome
    window: Window
    reasons: tuple[Reason, ...]
    approval_reasons: tuple[Reason, ...]
    photos_required: int
    photos_missing: int
    policy_hash: str
    overridden: bool = False
    override_reason: str = ""

    @property
    def needs_approval(self) -> bool:
        return bool(self.approval_reasons)

    def all_reasons(self) -> tuple[Reason, ...]:
        return self.reasons + self.approval_reasons


def assess_window(
    policy: Policy,
    market: str,
    order_date: date | None,
    delivery_date: date | None,
    request_date: date | None,
) -> Window:
    """SPEC §5.1. With no delivery date the order date plus the transit allowance stands in."""
    limit = policy.window_days(market)
    estimated = False
    delivered = delivery_date
    if delivered is None and order_date is not None:
        delivered = order_date + timedelta(days=policy.transit_allowance_days)
        estimated = True
    if delivered is None or request_date is None:
        return Window(WindowStatus.UNKNOWN, None, limit, estimated)
    days = (request_date - delivered).days
    status = WindowStatus.HOLDS if days <= limit else WindowStatus.EXCEEDED
    return Window(status, days, limit, estimated)


def required_photos(policy: Policy, finding: Finding, grade: Grade) -> int:
    """SPEC §5.4: the larger of the finding's minimum and the grade C-or-worse minimum."""
    needed = policy.required_photos.get(finding, 0)
    if grade in (Grade.C, Grade.D, Grade.X):
        needed = max(needed, policy.min_photos_grade_C_or_worse)
    return needed


def _window_reason(window: Window, market: str) -> Reason:
    if window.status == WindowStatus.UNKNOWN:
        return Reason.of("window_unknown", market=market, limit=window.limit)
    basis = WindowBasis.ESTIMATED_DELIVERY if window.estimated else WindowBasis.DELIVERY
    return Reason.of(
        "window_holds" if window.status == WindowStatus.HOLDS else "window_exceeded",
        days=window.days,
        limit=window.limit,
        market=market,
        estimated=window.estimated,
        basis=basis.value,
    )


def propose(policy: Policy, case: Case) -> Proposal:
    """The policy's outcome for a case (SPEC §5.2, first matching rule wins)."""
    if case.finding == Finding.CUSTOMER_DAMAGE and case.grade in (Grade.A, Grade.B):
        raise ContradictoryInspection(
            "inspection.contradictory",
            finding=case.finding.value,
            grade=case.grade.value,
        )
    if case.unit_price < 0:
        raise ValidationError("money.negative_price", field="unit_price")

    currency = case.currency
    price = round_money(case.unit_price, currency)
    zero = round_money(Decimal(0), currency)
    window = assess_window(
        policy, case.market, case.order_date, case.delivery_date, case.request_date
    )
    reasons: list[Reason] = [_window_reason(window, case.market)]
    by_grade = DISPOSITION_BY_GRADE[case.grade]
    recovery: Recovery | None = None
    recovery_amount: Decimal | None = None
    deduction = 0

    if case.finding == Finding.WRONG_ITEM:
        resolution, refund, disposition = Resolution.DISPUTE, zero, Disposition.HOLD
        reasons.append(Reason.of("wrong_item"))
    elif case.finding in SELLER_SIDE_FINDINGS:
        if case.requested_resolution == RequestedResolution.EXCHANGE:
            resolution, refund = Resolution.EXCHANGE, zero
            reasons.append(Reason.of("seller_side_exchange", finding=case.finding.value))
        else:
            resolution, refund = Resolution.FULL_REFUND, price
            reasons.append(
                Reason.of(
                    "seller_side_refund",
                    finding=case.finding.value,
                    amount=price,
                    currency=currency,
                )
            )
        disposition = Disposition.RETURN_TO_VENDOR if case.finding == Finding.DEFECT else by_grade
        claim_amount = refund if resolution == Resolution.FULL_REFUND else price
        if case.finding == Finding.DEFECT:
            recovery, recovery_amount = Recovery.SUPPLIER_CHARGEBACK, claim_amount
            reasons.append(Reason.of("recovery_chargeback", amount=claim_amount, currency=currency))
        elif case.finding == Finding.TRANSIT_DAMAGE:
            recovery, recovery_amount = Recovery.CARRIER_CLAIM, claim_amount
            reasons.append(
                Reason.of("recovery_carrier_claim", amount=claim_amount, currency=currency)
            )
        else:
            recovery = Recovery.LISTING_REVIEW
            reasons.append(Reason.of("listing_review"))
    elif not window.holds:
        resolution, refund, disposition = Resolution.DISPUTE, zero, Disposition.HOLD
        reasons.append(Reason.of("window_dispute"))
    elif case.finding == Finding.MISSING_PARTS:
        deduction = max(policy.deduction_pct[case.grade], policy.missing_parts_deduction_pct)
        refund = _after_deduction(price, deduction, currency)
        resolution, disposition = Resolution.PARTIAL_REFUND, Disposition.REFURBISH
        reasons.append(
            Reason.of(
                "missing_parts",
                deduction=deduction,
                grade_letter=case.grade.value,
                grade_deduction=policy.deduction_pct[case.grade],
                parts_deduction=policy.missing_parts_deduction_pct,
                amount=refund,
                currency=currency,
            )
        )
    else:  # NO_FAULT or CUSTOMER_DAMAGE
        deduction = policy.deduction_pct[case.grade]
        if deduction >= policy.dispute_at_deduction_pct:
            resolution, refund, disposition = Resolution.DISPUTE, zero, Disposition.HOLD
            reasons.append(
                Reason.of(
                    "deduction_dispute",
                    grade_letter=case.grade.value,
                    deduction=deduction,
                    limit=policy.dispute_at_deduction_pct,
                )
            )
        else:
            refund = _after_deduction(price, deduction, currency)
            resolution = Resolution.FULL_REFUND if deduction == 0 else Resolution.PARTIAL_REFUND
            disposition = by_grade
            if deduction == 0:
                reasons.append(
                    Reason.of(
                        "no_deduction",
                        grade_letter=case.grade.value,
                        finding=case.finding.value,
                        amount=refund,
                        currency=currency,
                    )
                )
            else:
                reasons.append(
                    Reason.of(
                        "deduction",
                        grade_letter=case.grade.value,
                        finding=case.finding.value,
                        deduction=deduction,
                        amount=refund,
                        currency=currency,
                    )
                )

    outcome = Outcome(
        headline_for(resolution, disposition),
        resolution,
        disposition,
        deduction,
        refund,
        recovery,
        recovery_amount,
    )
    return _finish(policy, case, outcome, window, tuple(reasons))


def _after_deduction(price: Decimal, deduction: int, currency: str) -> Decimal:
    return round_money(price * (100 - deduction) / 100, currency)


def _finish(
    policy: Policy,
    case: Case,
    outcome: Outcome,
    window: Window,
    reasons: tuple[Reason, ...],
    override_reason: str = "",
) -> Proposal:
    needed = required_photos(policy, case.finding, case.grade)
    return Proposal(
        outcome=outcome,
        window=window,
        reasons=reasons,
        approval_reasons=approval_reasons(policy, case, outcome, window, bool(override_reason)),
        photos_required=needed,
        photos_missing=max(0, needed - case.photos),
        policy_hash=policy.hash,
        overridden=bool(override_reason),
        override_reason=override_reason,
    )


def approval_reasons(
    policy: Policy, case: Case, outcome: Outcome, window: Window, overridden: bool
) -> tuple[Reason, ...]:
    """SPEC §5.5: every reason the outcome needs a second pair of eyes, each listed; and
    SPEC §7.3: the new decision of a reopened unit (``approval_reopened``)."""
    found: list[Reason] = []
    if outcome.resolution in (Resolution.DISPUTE, Resolution.PARTIAL_REFUND):
        found.append(Reason.of("approval_resolution", resolution=outcome.resolution.value))
    at_stake = (
        round_money(case.unit_price, case.currency)
        if outcome.resolution == Resolution.EXCHANGE
        else outcome.refund_amount
    )
    threshold = policy.approval_threshold.get(case.currency)
    if threshold is None:
        found.append(Reason.of("approval_no_threshold", currency=case.currency))
    elif at_stake >= threshold:
        found.append(
            Reason.of(
                "approval_threshold",
                amount=at_stake,
                threshold=threshold,
                currency=case.currency,
            )
        )
    if overridden:
        found.append(Reason.of("approval_override"))
    if window.status == WindowStatus.UNKNOWN:
        found.append(Reason.of("approval_window_unknown"))
    if case.unexpected:
        found.append(Reason.of("approval_unexpected"))
    if case.reopened_by is not None:
        found.append(Reason.of("approval_reopened", user=case.reopened_by))
    return tuple(found)


def override_outcome(case: Case, proposed: Outcome, headline: Headline) -> Outcome:
    """The outcome an inspector's override to ``headline`` stands for.

    DISPUTE holds the item with no refund; EXCHANGE refunds nothing; REFUND refunds the full
    price; RESTOCK refunds the full price and restocks the item. Disposition otherwise follows
    the grade (defects still return to the vendor). The headline shown is always derived by
    SPEC §5.3, so a REFUND override of a grade A item shows RESTOCK: the customer gets the full
    refund and the item goes back on the shelf.
    """
    price = round_money(case.unit_price, case.currency)
    zero = round_money(Decimal(0), case.currency)
    by_grade = (
        Disposition.RETURN_TO_VENDOR
        if case.finding == Finding.DEFECT
        else DISPOSITION_BY_GRADE[case.grade]
    )
    if headline == Headline.DISPUTE:
        resolution, refund, disposition = Resolution.DISPUTE, zero, Disposition.HOLD
    elif headline == Headline.EXCHANGE:
        resolution, refund, disposition = Resolution.EXCHANGE, zero, by_grade
    elif headline == Headline.RESTOCK:
        resolution, refund, disposition = Resolution.FULL_REFUND, price, Disposition.RESTOCK
    else:
        resolution, refund, disposition = Resolution.FULL_REFUND, price, by_grade
    recovery_amount = None
    if proposed.recovery in (Recovery.SUPPLIER_CHARGEBACK, Recovery.CARRIER_CLAIM):
        recovery_amount = refund if refund > 0 else price
    # A dispute keeps the deduction the policy found; every other override pays in full.
    deduction = proposed.deduction_pct if resolution == Resolution.DISPUTE else 0
    return Outcome(
        headline_for(resolution, disposition),
        resolution,
        disposition,
        deduction,
        refund,
        proposed.recovery,
        recovery_amount,
    )


def apply_override(
    policy: Policy, case: Case, proposal: Proposal, override: Headline, override_reason: str
) -> Proposal:
    """The proposal replaced by the inspector's override to ``override``, with its reason."""
    reason_text = override_reason.strip()
    if not reason_text:
        raise ValidationError("decision.override_reason_missing", field="override_reason")
    outcome = override_outcome(case, proposal.outcome, override)
    reasons = (
        *proposal.reasons,
        Reason.of("override", headline=outcome.headline.value, reason=reason_text),
    )
    return _finish(policy, case, outcome, proposal.window, reasons, reason_text)


def decide(
    policy: Policy, case: Case, override: Headline | None = None, override_reason: str = ""
) -> Proposal:
    """The outcome to submit: the proposal, or the inspector's override with its reason.

    Raises ``EvidenceMissing`` (how many more photos) and ``ContradictoryInspection``.
    """
    proposal = propose(policy, case)
    if override is not None:
        proposal = apply_override(policy, case, proposal, override, override_reason)
    require_evidence(proposal)
    return proposal


def require_evidence(proposal: Proposal) -> None:
    if proposal.photos_missing:
        raise EvidenceMissing(
            "inspection.photos_missing",
            missing=proposal.photos_missing,
            required=proposal.photos_required,
        )
