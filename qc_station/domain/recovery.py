"""Recovery (SPEC §5.2 rule 2): money back from suppliers (vendor returns, chargebacks) and
from carriers (transit-damage claims).

A ``RecoveryCase`` is either a vendor-return batch for one supplier or a carrier claim for one
carrier. Units whose current final decision asks for a recovery collect in the party's open
case; a supervisor closes the batch (or files the claim), which gives the case its number and
locks its units; the party then pays, pays part, or denies. ``RECOVERY_TRANSITIONS`` is the
one table of the allowed steps, for both kinds:

- ``open → closed`` (a vendor-return batch) and ``open → filed`` (a carrier claim);
- ``closed | filed → paid | partly_paid | denied``;
- ``partly_paid → partly_paid | paid`` (later payments on the same case).

Paid and denied are final. Money is ``Decimal`` per currency: a case may hold units in several
currencies, each payment is in one of them, and no currency is ever paid more than claimed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from .errors import InvalidTransition, ValidationError
from .fields import check_text
from .money import check_currency, exact_minor_units


class RecoveryKind(StrEnum):
    VENDOR_RETURN = "vendor_return"  # units back to the supplier, with a chargeback claim
    CARRIER_CLAIM = "carrier_claim"  # a transit-damage claim to the carrier


class RecoveryState(StrEnum):
    OPEN = "open"  # collecting units
    CLOSED = "closed"  # a vendor-return batch closed: numbered, units locked
    FILED = "filed"  # a carrier claim filed: numbered, units locked
    PARTLY_PAID = "partly_paid"
    PAID = "paid"
    DENIED = "denied"


K = RecoveryKind
S = RecoveryState

#: (kind, from, to) → the action that performs it (the audit log's action name). Nothing else.
RECOVERY_TRANSITIONS: dict[tuple[RecoveryKind, RecoveryState, RecoveryState], str] = {
    (K.VENDOR_RETURN, S.OPEN, S.CLOSED): "close_batch",
    (K.CARRIER_CLAIM, S.OPEN, S.FILED): "file_claim",
    **{
        (kind, start, S.PAID): "paid"
        for kind, start in (
            (K.VENDOR_RETURN, S.CLOSED),
            (K.CARRIER_CLAIM, S.FILED),
            (K.VENDOR_RETURN, S.PARTLY_PAID),
            (K.CARRIER_CLAIM, S.PARTLY_PAID),
        )
    },
    **{
        (kind, start, S.PARTLY_PAID): "partly_paid"
        for kind, start in (
            (K.VENDOR_RETURN, S.CLOSED),
            (K.CARRIER_CLAIM, S.FILED),
            (K.VENDOR_RETURN, S.PARTLY_PAID),
            (K.CARRIER_CLAIM, S.PARTLY_PAID),
        )
    },
    (K.VENDOR_RETURN, S.CLOSED, S.DENIED): "denied",
    (K.CARRIER_CLAIM, S.FILED, S.DENIED): "denied",
}

#: The states in which a case has been sent to its party and waits for (more) money.
CLAIMED_STATES = frozenset({S.CLOSED, S.FILED, S.PARTLY_PAID})
FINAL_STATES = frozenset({S.PAID, S.DENIED})
#: The number's prefix of each kind: ``VR-20261123-001``, ``CC-20261123-001``.
NUMBER_PREFIX = {K.VENDOR_RETURN: "VR", K.CARRIER_CLAIM: "CC"}


@dataclass
class RecoveryItem:
    """One unit in a case: the amount claimed for it, in its currency. A unit pulled out of
    an open batch keeps its row (``pulled_at`` and the reason), so it is not collected again."""

    lpn: str
    decision_id: str
    currency: str
    amount: Decimal
    added_at: datetime
    claim_due_at: datetime | None = None
    pulled_at: datetime | None = None
    pulled_by: str | None = None
    pull_reason: str = ""

    @property
    def active(self) -> bool:
        return self.pulled_at is None


@dataclass
class RecoveryPayment:
    """Money received (or a denial, with amount 0) on a case; ``export_batch`` is the finance
    export it went out in."""

    id: str
    currency: str
    amount: Decimal
    recorded_at: datetime
    recorded_by: str
    outcome: RecoveryState
    note: str = ""
    export_batch: str | None = None


@dataclass
class RecoveryCase:
    id: str
    kind: RecoveryKind
    party: str  # the supplier or the carrier, as written on the RMA line / RMA
    opened_at: datetime
    opened_by: str
    state: RecoveryState = RecoveryState.OPEN
    number: str | None = None
    closed_at: datetime | None = None
    closed_by: str | None = None
    items: list[RecoveryItem] = field(default_factory=list)
    payments: list[RecoveryPayment] = field(default_factory=list)
    version: int = 0

    @property
    def label(self) -> str:
        return self.number or f"the open {self.kind.value.replace('_', ' ')} for {self.party}"

    def active_items(self) -> list[RecoveryItem]:
        return [i for i in self.items if i.active]

    def claimed(self) -> dict[str, Decimal]:
        """The amount claimed per currency (units still in the case)."""
        return _sum((i.currency, i.amount) for i in self.active_items())

    def recovered(self) -> dict[str, Decimal]:
        """The money received per currency."""
        return _sum((p.currency, p.amount) for p in self.payments)

    def claim_due_at(self) -> datetime | None:
        """The earliest filing deadline among the units (carrier claims)."""
        dues = [i.claim_due_at for i in self.active_items() if i.claim_due_at is not None]
        return min(dues) if dues else None

    def _move(self, target: RecoveryState) -> str:
        action = self._check(target)
        self.state = target
        return action

    def _check(self, target: RecoveryState) -> str:
        action = RECOVERY_TRANSITIONS.get((self.kind, self.state, target))
        if action is None:
            raise InvalidTransition(
                "recovery.case_wrong_state",
                case=self.number or self.id,
                current=self.state.value,
                target=target.value,
            )
        return action

    def add_item(self, item: RecoveryItem) -> None:
        if self.state != S.OPEN:
            raise InvalidTransition(
                "recovery.case_not_open_for_units",
                case=self.number or self.id,
                current=self.state.value,
            )
        self.items.append(item)

    def pull(self, lpn: str, by: str, at: datetime, reason: str) -> RecoveryItem:
        """Take a unit out of an open case, with a reason. Units of a closed case are locked."""
        text = _note(reason)
        if not text:
            raise ValidationError("recovery.pull_needs_reason", field="reason")
        if self.state != S.OPEN:
            raise InvalidTransition(
                "recovery.case_locked",
                case=self.number or self.id,
                lpn=lpn,
                current=self.state.value,
            )
        for item in self.active_items():
            if item.lpn == lpn:
                item.pulled_at, item.pulled_by, item.pull_reason = at, by, text
                return item
        raise ValidationError("recovery.unit_not_in_case", lpn=lpn, case=self.number or self.id)

    def close(self, number: str, by: str, at: datetime) -> str:
        """Close the batch (file the claim): it takes ``number`` and its units are locked."""
        if not self.active_items():
            raise ValidationError("recovery.case_empty", case=self.id)
        target = S.CLOSED if self.kind == K.VENDOR_RETURN else S.FILED
        action = self._move(target)
        self.number, self.closed_at, self.closed_by = number, at, by
        return action

    def record_payment(
        self, payment_id: str, amount: Decimal, currency: str, by: str, at: datetime, note: str = ""
    ) -> tuple[str, RecoveryPayment]:
        """Money received: the case becomes paid when every currency is paid in full, else
        partly paid. Refused: a currency the case has no units in, more than is still open in
        it, an amount that is not more than zero or has more decimals than the currency."""
        code = check_currency(currency)
        # The step first: a payment on an open or denied case is refused as such, whatever
        # its amount (both targets are allowed from the same states).
        self._check(S.PARTLY_PAID)
        claimed = self.claimed()
        if code not in claimed:
            raise ValidationError(
                "recovery.payment_currency_unknown",
                # Not "currency" (an unknown code, to the UI): this one is valid, not claimed.
                field="payment_currency",
                value=code,
                currencies=sorted(claimed),
            )
        exact = check_amount(amount, code)
        received = self.recovered()
        left = claimed[code] - received.get(code, Decimal(0))
        if exact > left:
            raise ValidationError(
                "recovery.payment_too_much",
                field="amount",
                case=self.number or self.id,
                value=str(exact),
                currency=code,
                limit=left,
            )
        received[code] = received.get(code, Decimal(0)) + exact
        full = all(received.get(c, Decimal(0)) >= v for c, v in claimed.items())
        target = S.PAID if full else S.PARTLY_PAID
        payment = RecoveryPayment(payment_id, code, exact, at, by, target, _note(note))
        action = self._move(target)
        self.payments.append(payment)
        return action, payment

    def deny(self, note: str = "") -> str:
        """The party refused the whole claim (the note goes to the audit log)."""
        _note(note)
        return self._move(S.DENIED)


def check_amount(amount: Decimal, currency: str) -> Decimal:
    """A payment as stored: more than zero and exact in the currency's minor unit. Refused,
    never rounded: a third decimal is a typing mistake."""
    code = check_currency(currency)
    if not amount.is_finite() or amount <= 0:
        raise ValidationError("recovery.payment_not_positive", field="amount", currency=code)
    return exact_minor_units(amount, code)


def make_number(kind: RecoveryKind, day: str, last: str | None) -> str:
    """The next case number of the day (``day`` as ``YYYYMMDD``) after ``last``, the highest
    one already taken with the same prefix (or None)."""
    prefix = f"{NUMBER_PREFIX[kind]}-{day}-"
    sequence = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{sequence:03d}"


def _sum(pairs: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for currency, amount in pairs:
        totals[currency] = totals.get(currency, Decimal(0)) + amount
    return dict(sorted(totals.items()))


def _note(text: str) -> str:
    return check_text((text or "").strip(), "note")
