"""The inspection's keys (SPEC §1, §8): one press, no modifier, printed on the form.

Grades on the digits 1–5 and on their own letters; findings on letters no grade uses, chosen
to be found by the word they start in English and shown beside each finding on the form, so a
Chinese-speaking inspector reads them there. Letters rather than function keys: F2–F12 are
taken by the toolbar and the pages, and a letter is the same key on QWERTY, QWERTZ and AZERTY
keyboards (a position-based row such as Q–U is not). These keys work whatever has focus except
a text field, where a letter is text.
"""

from __future__ import annotations

from qc_station.domain.enums import Finding, Grade

GRADE_KEYS: dict[str, Grade] = {
    "1": Grade.A,
    "2": Grade.B,
    "3": Grade.C,
    "4": Grade.D,
    "5": Grade.X,
    "A": Grade.A,
    "B": Grade.B,
    "C": Grade.C,
    "D": Grade.D,
    "X": Grade.X,
}

FINDING_KEYS: dict[Finding, str] = {
    Finding.NO_FAULT: "N",
    Finding.DEFECT: "F",  # faulty: D is grade D
    Finding.TRANSIT_DAMAGE: "T",
    Finding.NOT_AS_DESCRIBED: "L",  # the listing
    Finding.CUSTOMER_DAMAGE: "U",  # the user
    Finding.MISSING_PARTS: "M",
    Finding.WRONG_ITEM: "W",
}

#: the key's letter → the finding
FINDING_BY_KEY: dict[str, Finding] = {key: finding for finding, key in FINDING_KEYS.items()}
