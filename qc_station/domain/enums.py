"""The closed vocabularies of the domain (SPEC §3, §4, §5).

Values are the upper-case names used in SPEC, the CSV files and the command line, except for
unit states and roles, whose SPEC spelling is lower case. Labels for people live in the UI.
"""

from __future__ import annotations

from enum import StrEnum


class Grade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    X = "X"


class Finding(StrEnum):
    NO_FAULT = "NO_FAULT"
    DEFECT = "DEFECT"
    TRANSIT_DAMAGE = "TRANSIT_DAMAGE"
    NOT_AS_DESCRIBED = "NOT_AS_DESCRIBED"
    CUSTOMER_DAMAGE = "CUSTOMER_DAMAGE"
    MISSING_PARTS = "MISSING_PARTS"
    WRONG_ITEM = "WRONG_ITEM"


#: Findings whose cost falls on the seller side (rule 2 of SPEC §5.2).
SELLER_SIDE_FINDINGS = frozenset({Finding.DEFECT, Finding.TRANSIT_DAMAGE, Finding.NOT_AS_DESCRIBED})


class Resolution(StrEnum):
    FULL_REFUND = "FULL_REFUND"
    PARTIAL_REFUND = "PARTIAL_REFUND"
    EXCHANGE = "EXCHANGE"
    DISPUTE = "DISPUTE"


class Disposition(StrEnum):
    RESTOCK = "RESTOCK"
    REFURBISH = "REFURBISH"
    LIQUIDATE = "LIQUIDATE"
    SCRAP = "SCRAP"
    RETURN_TO_VENDOR = "RETURN_TO_VENDOR"
    HOLD = "HOLD"


class Headline(StrEnum):
    RESTOCK = "RESTOCK"
    REFUND = "REFUND"
    EXCHANGE = "EXCHANGE"
    DISPUTE = "DISPUTE"


class Recovery(StrEnum):
    SUPPLIER_CHARGEBACK = "SUPPLIER_CHARGEBACK"
    CARRIER_CLAIM = "CARRIER_CLAIM"
    LISTING_REVIEW = "LISTING_REVIEW"


class RequestedResolution(StrEnum):
    REFUND = "REFUND"
    EXCHANGE = "EXCHANGE"


class UnitState(StrEnum):
    EXPECTED = "expected"
    IN_INSPECTION = "in_inspection"
    AWAITING_APPROVAL = "awaiting_approval"
    DECIDED = "decided"


class Role(StrEnum):
    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class ChecklistAnswer(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NA = "na"


class RmaSource(StrEnum):
    MANIFEST = "manifest"
    AMAZON = "amazon"
    UNEXPECTED = "unexpected"
    DEMO = "demo"


class WindowBasis(StrEnum):
    """What a return window is counted from (SPEC §5.1)."""

    DELIVERY = "DELIVERY"
    ESTIMATED_DELIVERY = "ESTIMATED_DELIVERY"


class WindowStatus(StrEnum):
    HOLDS = "holds"
    EXCEEDED = "exceeded"
    UNKNOWN = "unknown"


#: The default disposition of each grade (SPEC §4).
DISPOSITION_BY_GRADE: dict[Grade, Disposition] = {
    Grade.A: Disposition.RESTOCK,
    Grade.B: Disposition.RESTOCK,
    Grade.C: Disposition.REFURBISH,
    Grade.D: Disposition.LIQUIDATE,
    Grade.X: Disposition.SCRAP,
}
