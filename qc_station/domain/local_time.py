"""Times for people, in the station's local time: the one place a stored UTC time is turned
into what a screen or a printed document shows.

The core stores and reports UTC (SPEC §6); the screens (``ui/local_time.py``) and the
documents the services gather (labels, reports, evidence packs, packing lists) convert here.
A naive time is taken to be UTC, as stored (some database drivers hand them back naive).
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo


def local(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """``moment`` in ``tz``, or in the station's zone (the operating system's) when None."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz)


def local_time(moment: datetime | None, *, seconds: bool = False) -> str:
    """``2026-11-23 15:05`` in the station's zone, as a screen shows it; ``—`` for no time."""
    if moment is None:
        return "—"
    return f"{local(moment):%Y-%m-%d %H:%M:%S}" if seconds else f"{local(moment):%Y-%m-%d %H:%M}"


def document_time(moment: datetime | None, tz: tzinfo | None = None) -> str:
    """``2026-03-14 10:42 CET``, as a printed document shows it (it leaves the station, so it
    names the zone): in ``tz``, or the station's zone when None; empty for no time."""
    if moment is None:
        return ""
    return local(moment, tz).strftime("%Y-%m-%d %H:%M %Z").strip()
