"""Counted nouns in English messages: ``plural(1, "unit")`` is "1 unit", ``plural(2, "unit")``
"2 units" — the one place the command line and the services' printed summaries say a count
(no more "1 units" or "row(s)"). The screens translate their counts through Qt instead."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """``count`` and the noun that goes with it: ``one`` for exactly 1, else ``many``
    (``one`` + "s" unless given, for the irregular ones: "batch", "batches")."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
