"""Times for people, in the station's local time (STYLE: times shown to users are local).

The core stores and reports UTC (SPEC §6: the audit log's times are UTC, and the core's
English messages say "UTC"); converting happens here, at the presentation edge, and nowhere
else. The local zone is the operating system's, which is the station's.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

#: A UTC time as the core writes it in messages: "2026-11-23 14:05 UTC",
#: "2026-11-23 14:05:09 UTC" or ISO "2026-11-23T14:05+00:00".
_UTC_IN_TEXT = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[ T](?P<time>\d{2}:\d{2}(?::\d{2})?)"
    r"(?:\.\d+)?(?: UTC|\+00:00|Z)"
)


def local(moment: datetime) -> datetime:
    """``moment`` in the station's zone (a naive time is taken to be UTC, as stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def local_time(moment: datetime | None, *, seconds: bool = False) -> str:
    """``2026-11-23 15:05`` in the station's zone; ``—`` for no time."""
    if moment is None:
        return "—"
    return f"{local(moment):%Y-%m-%d %H:%M:%S}" if seconds else f"{local(moment):%Y-%m-%d %H:%M}"


def localise_utc_in_text(text: str) -> str:
    """Rewrite each UTC time in a core message as local time (without the "UTC")."""

    def convert(match: re.Match[str]) -> str:
        clock = match.group("time")
        fmt = "%Y-%m-%d %H:%M:%S" if len(clock) == 8 else "%Y-%m-%d %H:%M"
        try:
            moment = datetime.strptime(f"{match.group('date')} {clock}", fmt).replace(tzinfo=UTC)
        except ValueError:
            return match.group(0)
        return local_time(moment, seconds=len(clock) == 8)

    return _UTC_IN_TEXT.sub(convert, text)
