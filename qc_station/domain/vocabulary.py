"""The English words of the domain's closed vocabularies: the one table of what a grade, a
finding, a resolution… is called for people.

The screens (``ui/labels.py``) and the messages (``ui/messages.py``) translate these same
English words through the Qt catalogue (context ``Labels``; ``scripts/update_translations.py``
extracts this table). The printed documents (``printing/wording.py``) word codes from this
table, and read the Chinese for these words from that catalogue, so each word has one English
source and one translation.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from .enums import (
    Disposition,
    Finding,
    Grade,
    Headline,
    Recovery,
    RequestedResolution,
    Resolution,
    Role,
    UnitState,
    WindowBasis,
    WindowStatus,
)

#: The context the screens translate these words in (``ui/labels.py``).
CONTEXT = "Labels"

GRADES: Mapping[Grade, str] = {
    Grade.A: "A · new",
    Grade.B: "B · open box",
    Grade.C: "C · used",
    Grade.D: "D · damaged",
    Grade.X: "X · scrap",
}

FINDINGS: Mapping[Finding, str] = {
    Finding.NO_FAULT: "No fault (changed mind)",
    Finding.DEFECT: "Defect",
    Finding.TRANSIT_DAMAGE: "Transit damage",
    Finding.NOT_AS_DESCRIBED: "Not as described",
    Finding.CUSTOMER_DAMAGE: "Customer damage",
    Finding.MISSING_PARTS: "Missing parts",
    Finding.WRONG_ITEM: "Wrong item / empty box",
}

HEADLINES: Mapping[Headline, str] = {
    Headline.RESTOCK: "RESTOCK",
    Headline.REFUND: "REFUND",
    Headline.EXCHANGE: "EXCHANGE",
    Headline.DISPUTE: "DISPUTE",
}

RESOLUTIONS: Mapping[Resolution, str] = {
    Resolution.FULL_REFUND: "Full refund",
    Resolution.PARTIAL_REFUND: "Partial refund",
    Resolution.EXCHANGE: "Exchange",
    Resolution.DISPUTE: "Dispute",
}

#: What the customer asked for (an RMA's requested resolution).
REQUESTED_RESOLUTIONS: Mapping[RequestedResolution, str] = {
    RequestedResolution.REFUND: "Refund",
    RequestedResolution.EXCHANGE: "Exchange",
}

RECOVERIES: Mapping[Recovery, str] = {
    Recovery.SUPPLIER_CHARGEBACK: "Supplier chargeback",
    Recovery.CARRIER_CLAIM: "Carrier claim",
    Recovery.LISTING_REVIEW: "Listing review",
}

DISPOSITIONS: Mapping[Disposition, str] = {
    Disposition.RESTOCK: "Restock",
    Disposition.REFURBISH: "Refurbish",
    Disposition.LIQUIDATE: "Liquidate",
    Disposition.SCRAP: "Scrap",
    Disposition.RETURN_TO_VENDOR: "Return to vendor",
    Disposition.HOLD: "Hold",
}

UNIT_STATES: Mapping[UnitState, str] = {
    UnitState.EXPECTED: "expected",
    UnitState.IN_INSPECTION: "in inspection",
    UnitState.AWAITING_APPROVAL: "awaiting approval",
    UnitState.DECIDED: "decided",
}


ROLES: Mapping[Role, str] = {
    Role.INSPECTOR: "inspector",
    Role.SUPERVISOR: "supervisor",
    Role.ADMIN: "admin",
}

#: What a return window is counted from (a decision reason's ``basis``).
WINDOW_BASES: Mapping[WindowBasis, str] = {
    WindowBasis.DELIVERY: "delivery",
    WindowBasis.ESTIMATED_DELIVERY: "estimated delivery (order date + transit allowance)",
}

WINDOW_STATUSES: Mapping[WindowStatus, str] = {
    WindowStatus.HOLDS: "within the return window",
    WindowStatus.EXCEEDED: "return window exceeded",
    WindowStatus.UNKNOWN: "return window unknown",
}

#: Each vocabulary's table, by its enum.
TABLES: Mapping[type[StrEnum], Mapping[Any, str]] = {
    Grade: GRADES,
    Finding: FINDINGS,
    Headline: HEADLINES,
    Resolution: RESOLUTIONS,
    RequestedResolution: REQUESTED_RESOLUTIONS,
    Recovery: RECOVERIES,
    Disposition: DISPOSITIONS,
    UnitState: UNIT_STATES,
    Role: ROLES,
    WindowStatus: WINDOW_STATUSES,
    WindowBasis: WINDOW_BASES,
}


def english(kind: type[StrEnum], code: str) -> str:
    """The English words of ``code`` in the vocabulary ``kind`` (``english(Finding,
    "TRANSIT_DAMAGE")`` is "Transit damage"); a code the table does not know (newer data, an
    empty field) is given back as it is."""
    table = TABLES.get(kind, {})
    for member, word in table.items():
        if member.value == code:
            return str(word)
    return code
