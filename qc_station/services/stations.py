"""Stations of a multi-station site (SPEC §10): each running station reports in (its
heartbeat); supervisors see which stations are online, which units each one holds, which
claims went stale, and release a stale claim.

Online means "reported in within ``OFFLINE_AFTER``": the window sends a heartbeat every
``HEARTBEAT_SECONDS``, so a station counts as offline after missing a few in a row (a
crash, a power cut, a pulled network cable), not after one slow write.

A claim is stale when it is older than the age the supervisor asks about, or when its
station is offline: a unit held by a station that went away is held by nobody in practice.
Releasing one goes through ``returns.release_claim``, which checks the role, wants a reason
and audits it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from qc_station.domain.errors import ValidationError
from qc_station.domain.fields import check_text

from . import returns
from .context import Actor, ServiceContext
from .permissions import Action, authorized, check_allowed, require
from .ports import ClaimRecord, StationRecord

#: How often a running station reports in.
HEARTBEAT_SECONDS = 15
#: A station not heard from for this long is shown offline.
OFFLINE_AFTER = timedelta(seconds=HEARTBEAT_SECONDS * 4)
#: The default age from which a claim counts as stale on the stations screen.
DEFAULT_STALE_AFTER = timedelta(minutes=30)


@dataclass(frozen=True)
class StationInfo:
    """What a station says about itself when it reports in."""

    name: str
    host: str
    version: str
    started_at: datetime


@dataclass(frozen=True)
class ClaimView:
    lpn: str
    station: str
    user: str
    since: datetime | None
    station_online: bool
    stale: bool


@dataclass(frozen=True)
class StationView:
    name: str
    host: str  # "" for a station known only from its claims (it never reported in)
    version: str
    started_at: datetime | None
    last_seen: datetime | None
    online: bool
    claims: tuple[ClaimView, ...]


def heartbeat(ctx: ServiceContext, info: StationInfo) -> None:
    """Record that ``info.name`` is running now. Not audited: it is presence, not a change
    anyone made, and would bury the audit log."""
    name = info.name.strip()
    if not name:
        raise ValidationError("station.name_missing", key="station_name")
    with ctx.uow() as uow:
        uow.stations.heartbeat(
            StationRecord(name, info.host.strip(), info.version, info.started_at, ctx.clock.now())
        )
        uow.commit()


def _online(last_seen: datetime | None, now: datetime) -> bool:
    return last_seen is not None and now - last_seen <= OFFLINE_AFTER


def _claim_view(
    claim: ClaimRecord, online: bool, now: datetime, older_than: timedelta
) -> ClaimView:
    old = claim.since is None or now - claim.since >= older_than
    return ClaimView(claim.lpn, claim.station, claim.user, claim.since, online, old or not online)


def list_stations(
    ctx: ServiceContext, actor: Actor, stale_after: timedelta = DEFAULT_STALE_AFTER
) -> list[StationView]:
    """Every station that reported in or holds a unit, by name, with its claims."""
    require(actor, Action.RELEASE_CLAIM)
    now = ctx.clock.now()
    with authorized(ctx, actor, Action.RELEASE_CLAIM, read_only=True) as uow:
        records = {r.name: r for r in uow.stations.list_all()}
        claims = uow.stations.claims()
    by_station: dict[str, list[ClaimRecord]] = {}
    for claim in claims:
        by_station.setdefault(claim.station, []).append(claim)
    views = []
    for name in sorted(set(records) | set(by_station)):
        record = records.get(name)
        last_seen = record.last_seen if record else None
        online = _online(last_seen, now)
        views.append(
            StationView(
                name,
                record.host if record else "",
                record.version if record else "",
                record.started_at if record else None,
                last_seen,
                online,
                tuple(_claim_view(c, online, now, stale_after) for c in by_station.get(name, [])),
            )
        )
    return views


def stale_claims(
    ctx: ServiceContext, actor: Actor, older_than: timedelta = DEFAULT_STALE_AFTER
) -> list[ClaimView]:
    """Claims older than ``older_than`` or held by an offline station, oldest first."""
    found = [c for s in list_stations(ctx, actor, older_than) for c in s.claims if c.stale]
    return sorted(found, key=lambda c: (c.since is None, c.since or datetime.min, c.lpn))


def release_stale_claim(ctx: ServiceContext, actor: Actor, lpn: str, reason: str) -> None:
    """A supervisor frees a unit another station holds (audited with the reason); the unit
    stays in inspection, unclaimed, for any station to take."""
    require(actor, Action.RELEASE_CLAIM)
    check_allowed(ctx, actor, Action.RELEASE_CLAIM)
    if not reason.strip():
        raise ValidationError("unit.release_needs_reason", field="reason")
    check_text(reason, "reason")
    returns.release_claim(ctx, actor, lpn, reason)
