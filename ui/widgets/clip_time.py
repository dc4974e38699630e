"""A clip's position or length as people read it (``1:05``): for the player and for the
pages that name a clip without playing it."""

from __future__ import annotations


def clock_text(ms: int) -> str:
    """A position or a length in milliseconds as ``m:ss`` (``h:mm:ss`` from an hour)."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"
