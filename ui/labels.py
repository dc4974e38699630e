"""Labels for the domain's closed vocabularies (grades, findings, outcomes, unit states) and
for the label formats of ``printing.label_formats``.

The domain keeps upper-case names and their English words (``qc_station/domain/vocabulary.py``,
one table for the screens, the messages and the documents); this module translates them.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from printing.label_formats import LABEL_FORMATS
from qc_station.domain import vocabulary
from qc_station.domain.enums import (
    Disposition,
    Finding,
    Grade,
    Headline,
    Recovery,
    Resolution,
    UnitState,
    WindowStatus,
)
from qc_station.domain.model import DecisionStatus
from qc_station.domain.stated_reasons import ReasonCategory, amazon_reason

E = TypeVar("E", bound=StrEnum)


def _tr(source: str) -> str:
    return QCoreApplication.translate("Labels", source)


def _word(kind: type[StrEnum], code: str) -> str:
    """A vocabulary's code in the station's words: the core's English word
    (``qc_station/domain/vocabulary.py``, the one table), translated in this context
    (``scripts/update_translations.py`` extracts the table's words)."""
    return QCoreApplication.translate(vocabulary.CONTEXT, vocabulary.english(kind, code))


def _worded(value: str, kind: type[E], label: Callable[[E], str]) -> str:
    """A code the core hands over as text (a finding, a resolution…) in words; empty stays
    empty, and a code this interface has no words for yet is shown as it is."""
    if not value:
        return value
    try:
        return label(kind(value))
    except ValueError:
        return value


def grade_label(grade: Grade) -> str:
    return _word(Grade, grade)


def finding_label(finding: Finding) -> str:
    return _word(Finding, finding)


def reason_category_label(category: ReasonCategory) -> str:
    """The category of a customer's stated reason (an Amazon reason code), in words."""
    return {
        ReasonCategory.CHANGE_OF_MIND: _tr("No longer wanted"),
        ReasonCategory.BETTER_PRICE: _tr("Found a better price"),
        ReasonCategory.ORDERED_BY_MISTAKE: _tr("Ordered by mistake"),
        ReasonCategory.UNAUTHORISED_PURCHASE: _tr("Purchase not authorised"),
        ReasonCategory.NO_REASON: _tr("No reason given"),
        ReasonCategory.TOO_SMALL: _tr("Too small"),
        ReasonCategory.TOO_LARGE: _tr("Too large"),
        ReasonCategory.WRONG_SIZE: _tr("Wrong size"),
        ReasonCategory.STYLE: _tr("Did not like the style, colour or fabric"),
        ReasonCategory.NOT_COMPATIBLE: _tr("Not compatible"),
        ReasonCategory.HARD_TO_INSTALL: _tr("Too hard to install"),
        ReasonCategory.LATE_DELIVERY: _tr("Arrived too late"),
        ReasonCategory.UNDELIVERABLE: _tr("Undeliverable, returned by the carrier"),
        ReasonCategory.DEFECTIVE: _tr("Defective"),
        ReasonCategory.POOR_QUALITY: _tr("Quality not acceptable"),
        ReasonCategory.DAMAGED_IN_TRANSIT: _tr("Damaged by the carrier"),
        ReasonCategory.DAMAGED_AT_WAREHOUSE: _tr("Damaged at the fulfilment centre"),
        ReasonCategory.NOT_AS_DESCRIBED: _tr("Not as described"),
        ReasonCategory.MISSING_PARTS: _tr("Parts missing"),
        ReasonCategory.WRONG_ITEM_SENT: _tr("Wrong item sent"),
        ReasonCategory.EXTRA_ITEM: _tr("Extra item, not ordered"),
    }[category]


def stated_reason_label(stated_reason: str) -> str:
    """The customer's stated reason as people read it: an Amazon reason code in words
    (``"APPAREL_TOO_SMALL: ran small"`` → "Too small: ran small"), anything else as written."""
    coded = amazon_reason(stated_reason)
    if coded is None:
        return stated_reason
    _code, category, comment = coded
    words = reason_category_label(category)
    return f"{words}: {comment}" if comment else words


def headline_label(headline: Headline) -> str:
    return _word(Headline, headline)


def resolution_label(resolution: Resolution) -> str:
    return _word(Resolution, resolution)


def recovery_label(recovery: Recovery) -> str:
    """Who pays the cost back (a decision's recovery, SPEC §5.2), in words."""
    return _word(Recovery, recovery)


def grade_text(value: str) -> str:
    """A grade given as its code (``"B"``), in words."""
    return _worded(value, Grade, grade_label)


def finding_text(value: str) -> str:
    """A finding given as its code (``"DEFECT"``), in words."""
    return _worded(value, Finding, finding_label)


def headline_text(value: str) -> str:
    """A headline given as its code (``"REFUND"``), in words."""
    return _worded(value, Headline, headline_label)


def resolution_text(value: str) -> str:
    """A resolution given as its code (``"FULL_REFUND"``), in words."""
    return _worded(value, Resolution, resolution_label)


def recovery_text(value: str) -> str:
    """A recovery given as its code (``"SUPPLIER_CHARGEBACK"``), in words."""
    return _worded(value, Recovery, recovery_label)


def decision_status_text(value: str) -> str:
    """Where a decision stands (``model.DecisionStatus``, plain strings), in words."""
    words = {
        DecisionStatus.PENDING: _tr("awaiting approval"),
        DecisionStatus.FINAL: _tr("final"),
        DecisionStatus.REJECTED: _tr("sent back"),
        DecisionStatus.SUPERSEDED: _tr("superseded"),
    }
    return words.get(value, value)


def disposition_label(disposition: Disposition) -> str:
    return _word(Disposition, disposition)


def unit_state_label(state: UnitState) -> str:
    return _word(UnitState, state)


def window_label(status: WindowStatus) -> str:
    return _word(WindowStatus, status)


def label_format_titles() -> dict[str, str]:
    """Every label format (its key → its title), in the registry's order, worded for people.

    A format the interface has no words for yet shows the registry's English title.
    """
    words = {
        "4x6": _tr("4 × 6 in"),
        "2x1": _tr("2 × 1 in"),
    }
    return {key: words.get(key, fmt.title) for key, fmt in LABEL_FORMATS.items()}
