"""The shift at a station (issue 16, SPEC §8 Scan): how many units the signed-in inspector
and the whole station decided today, and the station's last decisions with their unit's
product, for the scan page, which offers to reprint a label from them.

"Today" is the station's local day: from local midnight, in the zone given (the station's
own by default). Every decision made counts, whatever became of it since (approved, sent
back, reopened): it is the work done at the station. A unit decided twice counts once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, tzinfo

from qc_station.domain.enums import Headline, Resolution
from qc_station.domain.local_time import local
from qc_station.domain.model import Decision, DecisionStatus, Rma

from .context import Actor, ServiceContext
from .permissions import Action, authorized
from .ports import UnitOfWork

#: How many of the station's last decisions the scan page lists.
RECENT = 10


@dataclass(frozen=True)
class ShiftDecision:
    """One decision made at the station, with what a person recognises the unit by."""

    lpn: str
    rma_code: str
    sku: str
    product_name: str
    decided_at: datetime
    decided_by: str
    headline: Headline
    resolution: Resolution
    status: str  # ``model.DecisionStatus``

    @property
    def awaiting_approval(self) -> bool:
        return self.status == DecisionStatus.PENDING


@dataclass(frozen=True)
class ShiftView:
    """The station's day so far."""

    since: datetime  # local midnight, in UTC
    mine: int  # units the actor decided at this station today
    station_total: int  # units anyone decided at this station today
    recent: tuple[ShiftDecision, ...]  # newest first


def day_start(now: datetime, tz: tzinfo | None = None) -> datetime:
    """The start of ``now``'s local day (in ``tz``, or the station's zone), in UTC."""
    midnight = datetime.combine(local(now, tz).date(), time())
    # A naive time's astimezone() reads it as the operating system's local time.
    aware = midnight.replace(tzinfo=tz) if tz is not None else midnight.astimezone()
    return aware.astimezone(UTC)


def shift_view(
    ctx: ServiceContext, actor: Actor, *, tz: tzinfo | None = None, limit: int = RECENT
) -> ShiftView:
    """The actor's station today: the counts and its last ``limit`` decisions."""
    since = day_start(ctx.clock.now(), tz)
    station = actor.station
    with authorized(ctx, actor, Action.INSPECT, read_only=True) as uow:
        decisions = uow.decisions.made_at_station(station, since, limit)
        mine = uow.decisions.units_decided_at_station(station, since, actor.username)
        total = uow.decisions.units_decided_at_station(station, since)
        recent = tuple(_shift_decisions(uow, decisions))
    return ShiftView(since, mine, total, recent)


def _shift_decisions(uow: UnitOfWork, decisions: list[Decision]) -> list[ShiftDecision]:
    rmas: dict[str, Rma] = {}  # several units of one RMA are read once
    found = []
    for decision in decisions:
        rma = next((r for r in rmas.values() if r.unit(decision.lpn) is not None), None)
        if rma is None:
            rma = uow.rmas.get_by_lpn(decision.lpn)
            if rma is None:  # a foreign key keeps this from happening; nothing to list
                continue
            rmas[rma.code] = rma
        unit = rma.unit(decision.lpn)
        assert unit is not None
        line = rma.line_of(unit)
        found.append(
            ShiftDecision(
                lpn=decision.lpn,
                rma_code=rma.code,
                sku=line.sku,
                product_name=line.product_name,
                decided_at=decision.decided_at,
                decided_by=decision.decided_by,
                headline=decision.final.headline,
                resolution=decision.final.resolution,
                status=decision.status,
            )
        )
    return found
