"""How close a deadline is (SPEC §2 step 8): overdue and nearly-due items stand out.

The deadlines themselves come from the policy's hours (``refund_due_hours``,
``dispute_evidence_due_hours``, set when a decision becomes final); this module only says
where a deadline stands at a given moment, with the one "nearly due" margin.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

#: A deadline this close is "due soon" (amber): half a shift, time enough to act on it.
DUE_SOON = timedelta(hours=4)


class DeadlineStatus(StrEnum):
    OVERDUE = "overdue"  # the deadline has passed
    DUE_SOON = "due_soon"  # within DUE_SOON from now
    ON_TRACK = "on_track"


def deadline_status(due_at: datetime, now: datetime) -> DeadlineStatus:
    """Where ``due_at`` stands at ``now`` (both timezone-aware). Due exactly now is overdue:
    there is no time left to act."""
    if due_at <= now:
        return DeadlineStatus.OVERDUE
    if due_at - now <= DUE_SOON:
        return DeadlineStatus.DUE_SOON
    return DeadlineStatus.ON_TRACK
