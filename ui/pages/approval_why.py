"""Why a unit waits for approval, in a few words for the approval queue's "Why approval"
column (SPEC §8), in the station's language.

The approval reasons (``qc_station/domain/messages/reasons.py``, codes ``approval_*``) are
whole sentences that all begin with the same lead ("Needs approval: …"); they are stored with
each decision as they are. Cutting that lead off the worded sentence would depend on how each
language words it, so the column words each reason from its code and parameters instead, and
the tooltip and the detail pane show the reasons whole. A reason without the parameters its
words need (stored by an older version), or of a code this module does not know, is shown
whole too.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from qc_station.domain.enums import Resolution
from qc_station.domain.outcome import Reason

from ..display import money
from ..labels import resolution_label
from ..messages import reason_text


def _tr(source: str) -> str:
    return QCoreApplication.translate("ApprovalWhy", source)


def why_words(reason: Reason) -> str:
    """One approval reason in a few words (the whole reason where there are none)."""
    p = reason.params
    try:
        match reason.code:
            case "approval_resolution":
                return resolution_label(Resolution(p["resolution"]))
            case "approval_no_threshold":
                return _tr("No threshold for {currency}").format(currency=p["currency"])
            case "approval_threshold":
                threshold = money(p["threshold"], str(p["currency"]))
                return _tr("At or above the threshold of {threshold}").format(threshold=threshold)
            case "approval_override":
                return _tr("Inspector's override")
            case "approval_window_unknown":
                return _tr("Return window unknown")
            case "approval_unexpected":
                return _tr("Unexpected return (no RMA)")
            case "approval_reopened":
                return _tr("Reopened by {user}").format(user=p["user"])
    except (KeyError, TypeError, ValueError):
        pass  # stored without the parameters: the whole reason says it
    return reason_text(reason)


def why_cell(reasons: Iterable[Reason]) -> str:
    """The column's cell: each reason in a few words."""
    return _tr("; ").join(why_words(r) for r in reasons)


def why_whole(reasons: Iterable[Reason]) -> str:
    """The cell's tooltip: each reason whole, one a line."""
    return "\n".join(reason_text(r) for r in reasons)
