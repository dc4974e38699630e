"""Refusals about returns, units, inspections and approvals (SPEC §2, §3, §5), and about the
things around them: scans, claims, disputes, the history search and the outage journal."""

from __future__ import annotations

TEMPLATES: dict[str, str] = {
    # Scanning and finding a unit.
    "scan.empty": "Nothing was scanned; scan the code again.",
    "scan.too_long": (
        "The scanned code is {length} characters long; RMA codes and LPNs have at most "
        "{limit} (were two codes scanned at once?)."
    ),
    "scan.control_characters": "The scanned code contains control characters; scan it again.",
    "scan.rma_not_unit": "{code} is an RMA; scan the unit's LPN.",
    "unit.unknown_code": "Unknown code {code}: no RMA or unit has it.",
    "unit.unknown_lpn": "Unknown LPN {code}: no unit has it.",
    "history.nothing_found": (
        "No RMA, unit (LPN), order id, tracking number, SKU or customer is {code}."
    ),
    # Units and their claims.
    "unit.already_decided": "Unit {lpn} is already decided; a supervisor can reopen it.",
    "unit.already_decided_by": (
        "Unit {lpn} is already decided ({headline} by {user} on {decided_at}); a supervisor "
        "can reopen it."
    ),
    "unit.awaiting_approval": "Unit {lpn} is waiting for a supervisor's approval.",
    "unit.claimed_since": (
        "Unit {lpn} is being inspected at station {station} by {user} since {since}."
    ),
    "unit.claimed": "Unit {lpn} is being inspected at station {station} by {user}.",
    "unit.not_claimed": "Unit {lpn} is not claimed by any station.",
    "unit.release_needs_reason": "Releasing another station's claim needs a reason.",
    "claim.negative_age": "The age of a stale claim cannot be negative.",
    # The inspection form.
    "inspection.photos_missing": (
        "{missing} more photo(s) needed before this decision can be submitted."
    ),
    "inspection.contradictory": "This grade and finding cannot both be true; check them.",
    "inspection.kept_for_outage": (
        "{lpn}: inspected, waiting here for the database to come back. No second inspection."
    ),
    "inspection.quantity": "The quantity must be between 1 and 100.",
    "inspection.unknown": "Inspection {inspection_id} not found.",
    "inspection.no_unit_price": (
        "RMA {rma} has no unit price for this item; import the product catalog or correct the "
        "manifest."
    ),
    "inspection.unit_not_in_rma": "Unit {lpn} is not part of RMA {rma}.",
    "inspection.checklist_unknown": "Unknown checklist item(s): {items}.",
    "inspection.checklist_missing": "Required checklist items not answered: {items}.",
    "inspection.checklist_unknown_and_missing": (
        "Unknown checklist item(s): {items}; required checklist items not answered: {missing}."
    ),
    "inspection.too_many_photos": "At most {limit} photos per inspection.",
    "inspection.photo_no_time_zone": "Photo {number} has no time zone on its capture time.",
    "inspection.photo_not_image": "Photo {number} is not a JPEG or PNG image.",
    "inspection.photo_too_large": "Photo {number} is larger than {megabytes} MB.",
    # Approval (the second pair of eyes).
    "approval.not_awaiting": "Unit {lpn} is {current}, not awaiting approval; refresh the queue.",
    "approval.decider_may_not_approve": (
        "{user} decided unit {lpn} and cannot also approve it: another supervisor must (four eyes)."
    ),
    "approval.reject_needs_comment": "A rejection needs a comment for the inspector.",
    "approval.reopen_needs_reason": "Reopening a decided unit needs a reason.",
    "approval.not_plain": "Unit {lpn} is not a plain case: {problems}. Approve it on its own.",
    # Disputes.
    "dispute.unknown": "Unknown dispute {dispute}.",
    "dispute.changed": (
        "The dispute about unit {lpn} changed since it was shown; look at it again."
    ),
    # The outage journal (inspections kept while the database was away).
    "journal.unreadable": "Journal entry {inspection_id} cannot be read back: {detail}.",
    "journal.unsigned": (
        "Journal entry {inspection_id} is not signed by a sign-in (written by an older "
        "version, or edited); kept aside."
    ),
    "journal.unknown_sign_in": (
        "Journal entry {inspection_id} names a sign-in the site does not know; kept aside."
    ),
    "journal.other_user": (
        "Journal entry {inspection_id} claims user {user} at {station} but was signed in by "
        "{signed_user} at {signed_station}; kept aside."
    ),
    "journal.other_station": (
        "Journal entry {inspection_id} was written at {written_at}, not at this station "
        "({station}); kept aside."
    ),
    "journal.edited": "Journal entry {inspection_id} was changed after it was written; kept aside.",
    "journal.discard_waiting": (
        "This inspection is still waiting to be sent; it cannot be discarded."
    ),
    "journal.float_value": "A journal entry holds no floating-point values.",
}
