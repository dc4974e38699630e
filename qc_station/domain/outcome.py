"""What the decision policy produces: an outcome and the reasons behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .enums import Disposition, Headline, Recovery, Resolution


@dataclass(frozen=True)
class Reason:
    """One reason in plain words. ``code`` and ``params`` let the UI translate it; ``text``
    is the English sentence the command line, the CSV files and the reports use."""

    code: str
    text: str
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


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
