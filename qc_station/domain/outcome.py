"""What the decision policy produces: an outcome and the reasons behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .enums import Disposition, Headline, Recovery, Resolution
from .messages import CATALOGUE, english


@dataclass(frozen=True)
class Reason:
    """One reason: a ``code`` of the message catalogue (``domain/messages/reasons.py``) with
    its ``params``, which the screens word in the station's language; ``text`` is the English
    sentence the command line, the CSV files and the English reports use, kept with the
    decision as it was said then. Make one with ``Reason.of``."""

    code: str
    text: str
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, code: str, **params: Any) -> Reason:
        """The reason ``code`` with ``params``, its English sentence from the catalogue."""
        if code not in CATALOGUE:
            raise KeyError(f"reason {code!r} is not in the message catalogue")
        return cls(code, english(code, params), params)


@dataclass(frozen=True)
class Outcome:
    headline: Headline
    resolution: Resolution
    disposition: Disposition
    deduction_pct: int
    refund_amount: Decimal
    recovery: Recovery | None = None
    recovery_amount: Decimal | None = None


def headline_for(resolution: Resolution, disposition: Disposition) -> Headline:
    """SPEC §5.3: what the inspector sees in big letters."""
    if resolution == Resolution.DISPUTE:
        return Headline.DISPUTE
    if resolution == Resolution.EXCHANGE:
        return Headline.EXCHANGE
    if disposition == Disposition.RESTOCK:
        return Headline.RESTOCK
    return Headline.REFUND
