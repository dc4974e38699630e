"""The one place that turns expected errors (``QcError``) and decision reasons into text for
people, in the station's language.

Each error carries a stable ``code`` and ``params``; the templates below are literal English
source strings for Qt Linguist, with placeholders filled *after* translating. The English
message of the core (``str(error)``) is richer than a template (it names who holds a unit and
since when), so a template is used only when a translation for it is loaded; otherwise, and
for any error without a template, the text is ``str(error)`` with its UTC times rewritten in
the station's local time (``ui.local_time``). Time parameters of a template are shown in
local time too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from qc_station.domain.errors import QcError
from qc_station.domain.outcome import Reason

from .local_time import local_time, localise_utc_in_text

_CONTEXT = "Messages"


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def _shown(value: Any) -> Any:
    """A parameter as people read it: nothing for None, a time in the station's zone."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return value


def _fill(template: str, params: Mapping[str, Any]) -> str:
    try:
        return template.format(**{k: _shown(v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return template


# Each entry: (source string, translated string) for one error shape. The source is needed to
# tell "no translation loaded" from "translated"; both calls take a literal so lupdate sees it.
def _not_found(p: Mapping[str, Any]) -> tuple[str, str] | None:
    if "code" in p:
        return (
            "Unknown code {code}: no RMA or unit has it.",
            _tr("Unknown code {code}: no RMA or unit has it."),
        )
    # Recovery (vendor-return batches, carrier claims).
    if p.get("kind") == "vendor_return" and "party" in p:
        return (
            "There is no open vendor-return batch for supplier {party}.",
            _tr("There is no open vendor-return batch for supplier {party}."),
        )
    if p.get("kind") == "carrier_claim" and "party" in p:
        return (
            "There is no open claim for carrier {party}.",
            _tr("There is no open claim for carrier {party}."),
        )
    if "case" in p:
        return (
            "There is no vendor-return batch or carrier claim {case}.",
            _tr("There is no vendor-return batch or carrier claim {case}."),
        )
    return None


def _invalid_transition(p: Mapping[str, Any]) -> tuple[str, str] | None:
    if p.get("current") == "decided":
        return (
            "Unit {lpn} is already decided; a supervisor can reopen it.",
            _tr("Unit {lpn} is already decided; a supervisor can reopen it."),
        )
    if p.get("current") == "awaiting_approval":
        return (
            "Unit {lpn} is waiting for a supervisor's approval.",
            _tr("Unit {lpn} is waiting for a supervisor's approval."),
        )
    if "case" in p and "lpn" in p:
        return (
            "The units of {case} are locked: it is no longer open.",
            _tr("The units of {case} are locked: it is no longer open."),
        )
    if "case" in p and "target" in p:
        return (
            "{case} cannot take this step in its present state; refresh and look again.",
            _tr("{case} cannot take this step in its present state; refresh and look again."),
        )
    return None


def _conflict(p: Mapping[str, Any]) -> tuple[str, str] | None:
    if "station" in p and isinstance(p.get("since"), datetime):
        return (
            "Unit {lpn} is being inspected at station {station} by {user} since {since}.",
            _tr("Unit {lpn} is being inspected at station {station} by {user} since {since}."),
        )
    if "station" in p:
        return (
            "Unit {lpn} is being inspected at station {station} by {user}.",
            _tr("Unit {lpn} is being inspected at station {station} by {user}."),
        )
    return None


def _evidence(p: Mapping[str, Any]) -> tuple[str, str] | None:
    if "missing" in p:
        return (
            "{missing} more photo(s) needed before this decision can be submitted.",
            _tr("{missing} more photo(s) needed before this decision can be submitted."),
        )
    return None


def _auth(p: Mapping[str, Any]) -> tuple[str, str] | None:
    # A right taken away since sign-in (SPEC §6): the services say which in ``revoked``.
    revoked = p.get("revoked")
    if revoked == "deactivated":
        return (
            "Your account was deactivated: ask an admin.",
            _tr("Your account was deactivated: ask an admin."),
        )
    if revoked == "locked":
        return (
            "Your account is locked until {until}: ask an admin.",
            _tr("Your account is locked until {until}: ask an admin."),
        )
    if revoked == "unknown":
        return (
            "Your account no longer exists: ask an admin.",
            _tr("Your account no longer exists: ask an admin."),
        )
    if revoked == "password_reset":
        return (
            "Your password was reset: sign out and choose a new one.",
            _tr("Your password was reset: sign out and choose a new one."),
        )
    if "locked_until" in p:
        return (
            "Account {username} is locked after too many failed attempts; try again later "
            "or ask an admin.",
            _tr(
                "Account {username} is locked after too many failed attempts; try again later "
                "or ask an admin."
            ),
        )
    if not p:
        return ("Wrong user name or password.", _tr("Wrong user name or password."))
    return None


def _invalid(p: Mapping[str, Any]) -> tuple[str, str] | None:
    field = p.get("field")
    if field == "currency":
        return (
            "Unknown currency {value}: use a three-letter code such as USD, EUR or CNY.",
            _tr("Unknown currency {value}: use a three-letter code such as USD, EUR or CNY."),
        )
    if field == "market":
        return (
            "The market must be a two-letter country code, such as US, DE or CN.",
            _tr("The market must be a two-letter country code, such as US, DE or CN."),
        )
    if field == "sku":
        return (
            "Enter the SKU printed on the item.",
            _tr("Enter the SKU printed on the item."),
        )
    if field == "unit_price":
        return ("The price must not be negative.", _tr("The price must not be negative."))
    if field == "cartons":
        return (
            "A batch of {units} unit(s) ships in 1 to {units} cartons; {value} cannot be right.",
            _tr(
                "A batch of {units} unit(s) ships in 1 to {units} cartons; {value} cannot be right."
            ),
        )
    if field == "payment_currency" and "value" in p:
        return (
            "This batch or claim claims no {value}; its currencies are {currencies}.",
            _tr("This batch or claim claims no {value}; its currencies are {currencies}."),
        )
    if field == "payment_currency":
        return (
            "Say which currency the payment is in: this batch or claim claims {currencies}.",
            _tr("Say which currency the payment is in: this batch or claim claims {currencies}."),
        )
    if field == "amount" and "limit" in p:
        return (
            "{value} {currency} is too much: at most {limit} {currency} can be accepted here.",
            _tr("{value} {currency} is too much: at most {limit} {currency} can be accepted here."),
        )
    if field == "amount" and "value" in p and "currency" in p:
        return (
            "{value} has more decimals than {currency} allows.",
            _tr("{value} has more decimals than {currency} allows."),
        )
    if field == "case_number":
        return (
            "This case has no number yet: close the batch (or file the claim) first.",
            _tr("This case has no number yet: close the batch (or file the claim) first."),
        )
    if field is None and "case" in p:
        return (
            "This batch or claim has no units: there is nothing to close.",
            _tr("This batch or claim has no units: there is nothing to close."),
        )
    if field == "quantity":
        return (
            "The quantity must be between 1 and 100.",
            _tr("The quantity must be between 1 and 100."),
        )
    return None


def _permission(p: Mapping[str, Any]) -> tuple[str, str] | None:
    if "reopened_by" in p:
        return (
            "You reopened unit {lpn}: another supervisor must approve its new decision.",
            _tr("You reopened unit {lpn}: another supervisor must approve its new decision."),
        )
    if p.get("revoked") == "role_changed":
        return (
            "Your role was changed to {role}: sign out and sign in again.",
            _tr("Your role was changed to {role}: sign out and sign in again."),
        )
    if "role" in p:
        return (
            "Your role ({role}) may not do this; ask a supervisor.",
            _tr("Your role ({role}) may not do this; ask a supervisor."),
        )
    return None


def _camera_unavailable(p: Mapping[str, Any]) -> tuple[str, str] | None:
    return (
        "No camera: is the webcam plugged in and not in use by another program?",
        _tr("No camera: is the webcam plugged in and not in use by another program?"),
    )


def _camera_lost(p: Mapping[str, Any]) -> tuple[str, str] | None:
    return (
        "The camera stopped giving a picture; check its cable, then turn it on again.",
        _tr("The camera stopped giving a picture; check its cable, then turn it on again."),
    )


def _contradictory(p: Mapping[str, Any]) -> tuple[str, str] | None:
    return (
        "This grade and finding cannot both be true; check them.",
        _tr("This grade and finding cannot both be true; check them."),
    )


def _inspection_kept(p: Mapping[str, Any]) -> tuple[str, str] | None:
    return (
        "{lpn}: inspected, waiting here for the database to come back. No second inspection.",
        _tr("{lpn}: inspected, waiting here for the database to come back. No second inspection."),
    )


_TEMPLATES: dict[str, Callable[[Mapping[str, Any]], tuple[str, str] | None]] = {
    "not_found": _not_found,
    "invalid_transition": _invalid_transition,
    "conflict": _conflict,
    "evidence_missing": _evidence,
    "auth_failed": _auth,
    "contradictory": _contradictory,
    "invalid": _invalid,
    "permission_denied": _permission,
    "camera_unavailable": _camera_unavailable,
    "camera_lost": _camera_lost,
    "inspection_kept": _inspection_kept,
}


def describe(error: BaseException) -> str:
    """The text to show for ``error`` (inline, next to where it happened)."""
    if isinstance(error, QcError):
        shape = _TEMPLATES.get(error.code)
        found = shape(error.params) if shape else None
        if found is not None:
            source, translated = found
            if translated != source:
                return _fill(translated, error.params)
        return _capitalised(localise_utc_in_text(str(error)))
    # Not an expected error (the health check, for one): say what failed, briefly.
    return _fill(_tr("Something went wrong: {detail}"), {"detail": str(error) or type(error)})


def _reason_reopened(p: Mapping[str, Any]) -> tuple[str, str] | None:
    return (
        "Needs approval: the unit was reopened by {user}; someone else must approve its new "
        "decision",
        _tr(
            "Needs approval: the unit was reopened by {user}; someone else must approve its "
            "new decision"
        ),
    )


_REASON_TEMPLATES: dict[str, Callable[[Mapping[str, Any]], tuple[str, str] | None]] = {
    "approval_reopened": _reason_reopened,
}


def reason_text(reason: Reason) -> str:
    """A decision reason for people.

    Reasons carry a code and params. A reason with a template here is shown translated when
    a translation is loaded, as errors are; any other (their templates are not catalogued
    yet) shows the core's English sentence in every language (a literal-only rule forbids
    translating the sentence itself).
    """
    shape = _REASON_TEMPLATES.get(reason.code)
    found = shape(reason.params) if shape else None
    if found is not None:
        source, translated = found
        if translated != source:
            return _fill(translated, reason.params)
    return reason.text


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
