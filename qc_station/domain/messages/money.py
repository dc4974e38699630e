"""Refusals about money: amounts, currencies, finance exports and recovery cases (SPEC §5.6,
§7.2)."""

from __future__ import annotations

TEMPLATES: dict[str, str] = {
    "money.unknown_currency": (
        "Unknown currency {value}: use a three-letter code such as USD, EUR or CNY."
    ),
    "money.negative_price": "The price must not be negative.",
    "money.too_much": (
        "{value} {currency} is too much: at most {limit} {currency} can be accepted here."
    ),
    "money.too_many_decimals": "{value} has more decimals than {currency} allows.",
    "recovery.no_open_vendor_batch": ("There is no open vendor-return batch for supplier {party}."),
    "recovery.no_open_claim": "There is no open claim for carrier {party}.",
    "recovery.unknown_case": "There is no vendor-return batch or carrier claim {case}.",
    "recovery.case_locked": "The units of {case} are locked: it is no longer open.",
    "recovery.case_wrong_state": (
        "{case} cannot take this step in its present state; refresh and look again."
    ),
    "recovery.case_no_number": (
        "This case has no number yet: close the batch (or file the claim) first."
    ),
    "recovery.case_empty": "This batch or claim has no units: there is nothing to close.",
    "recovery.cartons": (
        "A batch of {units} unit(s) ships in 1 to {units} cartons; {value} cannot be right."
    ),
    "recovery.payment_currency_unknown": (
        "This batch or claim claims no {value}; its currencies are {currencies}."
    ),
    "recovery.payment_currency_needed": (
        "Say which currency the payment is in: this batch or claim claims {currencies}."
    ),
    "recovery.unit_in_no_case": "Unit {lpn} is in no vendor-return batch or carrier claim.",
    "recovery.denial_no_amount": "A denial has no amount; leave the amount empty.",
    "recovery.payment_needs_amount": "A payment needs its amount.",
    # The finance export (services/finance.py).
    "export.cancelled": "The finance export was cancelled; nothing was exported.",
    "export.cancelled_recorded": (
        "The finance export was cancelled while writing the file; batch {batch_id} is "
        "recorded: re-export it to get its file (qc-station export finance --batch "
        "{batch_id})."
    ),
    "export.batch_unnumbered": "Cannot number after the export batch {batch_id}.",
    "export.too_many_today": "More than {limit} finance exports today; try again tomorrow.",
    "export.mismatch": (
        "The file written for batch {batch_id} ({rows} rows, SHA-256 {sha256}) differs from "
        "the one exported ({expected_rows} rows, SHA-256 {expected_sha256}): the batch's data "
        "changed since; do not use this file."
    ),
    "export.rows_differ": (
        "Batch {batch_id}: {marked} decisions marked but {rows} rows listed; nothing was exported."
    ),
    "export.unknown_batch": "Unknown export batch {batch_id}.",
}
