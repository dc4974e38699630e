"""Times for people, in the station's local time (STYLE: times shown to users are local).

The core stores and reports UTC (SPEC §6: the audit log's times are UTC, and the core's
English messages say "UTC"); converting happens at the presentation edge, with the core's
``qc_station.domain.local_time`` (the one home of ``local`` and ``local_time``, which the
printed documents use too). The local zone is the operating system's, which is the station's.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from qc_station.domain.local_time import local as local
from qc_station.domain.local_time import local_time as local_time

#: A UTC time as the core writes it in messages: "2026-11-23 14:05 UTC",
#: "2026-11-23 14:05:09 UTC" or ISO "2026-11-23T14:05+00:00".
_UTC_IN_TEXT = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[ T](?P<time>\d{2}:\d{2}(?::\d{2})?)"
    r"(?:\.\d+)?(?: UTC|\+00:00|Z)"
)


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
