"""The one place that turns expected errors (``QcError``) and decision reasons into text for
people, in the station's language.

Each error carries a stable ``code`` and ``params``; the templates below are literal English
source strings for Qt Linguist, with placeholders filled *after* translating. The English
message of the core (``str(error)``) is richer than a template (it names who holds a unit and
since when), so a template is used only when a translation for it is loaded; otherwise, and
for any error without a template, the text is ``str(error)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from qc_station.domain.errors import QcError
from qc_station.domain.outcome import Reason

_CONTEXT = "Messages"


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def _fill(template: str, params: Mapping[str, Any]) -> str:
    try:
        return template.format(**{k: ("" if v is None else v) for k, v in params.items()})
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
    return None


def _conflict(p: Mapping[str, Any]) -> tuple[str, str] | None:
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


def _contradictory(p: Mapping[str, Any]) -> tuple[str, str] | None:
    return (
        "This grade and finding cannot both be true; check them.",
        _tr("This grade and finding cannot both be true; check them."),
    )


_TEMPLATES: dict[str, Callable[[Mapping[str, Any]], tuple[str, str] | None]] = {
    "not_found": _not_found,
    "invalid_transition": _invalid_transition,
    "conflict": _conflict,
    "evidence_missing": _evidence,
    "auth_failed": _auth,
    "contradictory": _contradictory,
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
        return _capitalised(str(error))
    # Not an expected error (the health check, for one): say what failed, briefly.
    return _fill(_tr("Something went wrong: {detail}"), {"detail": str(error) or type(error)})


def reason_text(reason: Reason) -> str:
    """A decision reason for people.

    Reasons carry a code and params, but their templates are not catalogued yet; until the
    translation step adds one template per reason code here, the core's English sentence is
    shown in every language (a literal-only rule forbids translating the sentence itself).
    """
    return reason.text


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
