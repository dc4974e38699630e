"""The reasons behind a decision (SPEC §5.2–§5.5) and why a decision is not a plain case
(bulk approval, SPEC §7.3). Their codes are stored with each decision, so a code keeps its
meaning once used: add a code, do not change one."""

from __future__ import annotations

TEMPLATES: dict[str, str] = {
    # The return window (§5.1).
    "window_unknown": (
        "Return window unknown: no delivery, order or request date; decided as if it holds"
    ),
    "window_holds": (
        "Return window holds: requested {days} days after {basis}, limit {limit} days for {market}"
    ),
    "window_exceeded": (
        "Return window exceeded: requested {days} days after {basis}, limit {limit} days for "
        "{market}"
    ),
    # The outcome (§5.2).
    "wrong_item": (
        "Wrong item: a different item, a serial that does not match or an empty box; "
        "disputed, no refund, item held"
    ),
    "seller_side_exchange": (
        "{finding} is on the seller's side: exchange as the customer asked, whatever the window"
    ),
    "seller_side_refund": (
        "{finding} is on the seller's side: full refund of {amount} {currency}, whatever the window"
    ),
    "recovery_chargeback": "Supplier chargeback of {amount} {currency}; item returns to the vendor",
    "recovery_carrier_claim": "Carrier claim of {amount} {currency}",
    "listing_review": "Not as described: the listing is flagged for review",
    "window_dispute": (
        "Customer-side finding outside the return window: disputed, no refund, item held"
    ),
    "missing_parts": (
        "Missing parts: {deduction}% deducted (the larger of grade {grade_letter}'s "
        "{grade_deduction}% and {parts_deduction}% for missing parts); refund {amount} {currency}"
    ),
    "deduction_dispute": (
        "Grade {grade_letter} deduction of {deduction}% is at or above {limit}%: disputed, no "
        "refund, item held"
    ),
    "no_deduction": "Grade {grade_letter}, {finding}: full refund of {amount} {currency}",
    "deduction": (
        "Grade {grade_letter}, {finding}: {deduction}% deducted, refund {amount} {currency}"
    ),
    "override": "Overridden by the inspector to {headline}: {reason}",
    # Why a supervisor must look (§5.5, §7.3).
    "approval_resolution": "Needs approval: {resolution} needs a supervisor",
    "approval_no_threshold": "Needs approval: no approval threshold is set for {currency}",
    "approval_threshold": (
        "Needs approval: {amount} {currency} is at or above the threshold of {threshold} {currency}"
    ),
    "approval_override": "Needs approval: the inspector overrode the policy's proposal",
    "approval_window_unknown": "Needs approval: return window unknown",
    "approval_unexpected": "Needs approval: unexpected return (no RMA was issued)",
    "approval_reopened": (
        "Needs approval: the unit was reopened by {user}; someone else must approve its new "
        "decision"
    ),
    # Why a decision is not a plain case (bulk approval, §7.3).
    "not_plain_reasons": "Not a plain case: {reasons}",
    "not_plain_override": "The inspector overrode the proposal",
    "not_plain_no_inspection": "The inspection is not on record",
    "not_plain_contradiction": "Finding {finding}, yet checklist items failed: {items}",
    "not_plain_rejected_before": "It was sent back once before",
    "not_plain_policy": "Decided under another policy version than the one in force",
}
