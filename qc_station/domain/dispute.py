"""Disputes (SPEC §2 step 8): what happens after a DISPUTE decision becomes final.

A dispute has its own life, apart from the unit's state table: it opens when the decision is
final (approved), the evidence goes to the marketplace or the customer before the evidence
deadline, and it closes as won, lost or settled (with the amount paid, in the unit's
currency). ``DISPUTE_TRANSITIONS`` is the one table of the allowed steps:

- ``open → evidence_sent → won | lost | settled``, the usual course;
- ``open → settled`` (a settlement offered before any evidence is sent) and ``open → lost``
  (the deadline passed, or the marketplace decided without waiting);
- ``open | evidence_sent → withdrawn``: the unit was reopened, so the decision the dispute
  was about no longer stands. Only the reopening does this, never a person directly.

Won, lost, settled and withdrawn are final; any other step is refused with a clear error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from .errors import InvalidTransition, ValidationError
from .fields import check_text
from .money import check_currency, exact_minor_units


class DisputeState(StrEnum):
    OPEN = "open"
    EVIDENCE_SENT = "evidence_sent"
    WON = "won"
    LOST = "lost"
    SETTLED = "settled"
    WITHDRAWN = "withdrawn"


D = DisputeState

#: (from, to) → the action that performs it (the audit log's action name). Nothing else.
DISPUTE_TRANSITIONS: dict[tuple[DisputeState, DisputeState], str] = {
    (D.OPEN, D.EVIDENCE_SENT): "send_evidence",
    (D.OPEN, D.SETTLED): "settle",
    (D.OPEN, D.LOST): "lose",
    (D.OPEN, D.WITHDRAWN): "withdraw",
    (D.EVIDENCE_SENT, D.WON): "win",
    (D.EVIDENCE_SENT, D.LOST): "lose",
    (D.EVIDENCE_SENT, D.SETTLED): "settle",
    (D.EVIDENCE_SENT, D.WITHDRAWN): "withdraw",
}

#: The states a dispute ends in.
CLOSED_STATES = frozenset({D.WON, D.LOST, D.SETTLED, D.WITHDRAWN})
#: The outcomes a supervisor may close a dispute with (withdrawn comes from a reopening).
OUTCOMES = (D.WON, D.LOST, D.SETTLED)


@dataclass
class Dispute:
    """One dispute about one final DISPUTE decision of one unit.

    ``disputed_amount`` is the unit's price, what the customer asks back; a settlement pays
    part or all of it. ``version`` guards against two supervisors acting at once.
    """

    id: str
    lpn: str
    decision_id: str
    currency: str
    disputed_amount: Decimal
    opened_at: datetime
    opened_by: str
    evidence_due_at: datetime | None
    state: DisputeState = DisputeState.OPEN
    evidence_sent_at: datetime | None = None
    evidence_sent_by: str | None = None
    evidence_note: str = ""
    closed_at: datetime | None = None
    closed_by: str | None = None
    close_note: str = ""
    settled_amount: Decimal | None = None
    version: int = 0

    @property
    def closed(self) -> bool:
        return self.state in CLOSED_STATES

    def _move(self, target: DisputeState) -> str:
        action = DISPUTE_TRANSITIONS.get((self.state, target))
        if action is None:
            raise InvalidTransition(
                "dispute.wrong_state",
                lpn=self.lpn,
                dispute=self.id,
                current=self.state.value,
                target=target.value,
            )
        self.state = target
        return action

    def send_evidence(self, by: str, at: datetime, note: str = "") -> str:
        """The evidence went out; returns the action name for the audit log."""
        text = _note(note)
        action = self._move(D.EVIDENCE_SENT)
        self.evidence_sent_at, self.evidence_sent_by, self.evidence_note = at, by, text
        return action

    def close(
        self,
        outcome: DisputeState,
        by: str,
        at: datetime,
        note: str = "",
        amount: Decimal | None = None,
    ) -> str:
        """End the dispute as won, lost or settled. A settlement needs its amount, in the
        unit's currency, more than nothing and at most the disputed amount; the others take
        none."""
        if outcome not in OUTCOMES:
            raise ValidationError(
                "dispute.not_an_outcome",
                field="outcome",
                value=outcome.value,
            )
        text = _note(note)
        settled: Decimal | None = None
        if outcome == D.SETTLED:
            settled = check_settlement(amount, self.currency, self.disputed_amount)
        elif amount is not None:
            raise ValidationError(
                "dispute.amount_only_for_settlement", field="amount", outcome=outcome.value
            )
        action = self._move(outcome)
        self.closed_at, self.closed_by, self.close_note = at, by, text
        self.settled_amount = settled
        return action

    def withdraw(self, by: str, at: datetime, reason: str) -> str:
        """The unit was reopened: the dispute's decision no longer stands."""
        action = self._move(D.WITHDRAWN)
        self.closed_at, self.closed_by, self.close_note = at, by, _note(reason)
        return action


def check_settlement(amount: Decimal | None, currency: str, disputed: Decimal) -> Decimal:
    """A settlement amount as stored: exact in the currency's minor unit, above zero and at
    most the disputed amount. Refused, never rounded: money typed with a third decimal is a
    typing mistake, and rounding it would pay something nobody agreed to."""
    code = check_currency(currency)
    if amount is None:
        raise ValidationError("dispute.settlement_needs_amount", field="amount", currency=code)
    if not amount.is_finite() or amount <= 0:
        raise ValidationError("dispute.settlement_not_positive", field="amount", currency=code)
    exact = exact_minor_units(amount, code)
    if amount > disputed:
        raise ValidationError(
            "dispute.settlement_too_much",
            field="amount",
            value=str(amount),
            currency=code,
            limit=disputed,
        )
    return exact


def _note(text: str) -> str:
    return check_text((text or "").strip(), "note")
