"""Loading the demo (``load_demo``): only into an empty database, with its users, catalog and
RMAs written as one intake, then every scenario run through the services.
"""

from __future__ import annotations

import logging
import random
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from qc_station.domain.enums import Finding, UnitState
from qc_station.domain.errors import Conflict
from qc_station.domain.model import Product
from qc_station.domain.wording import plural
from qc_station.services import audit, returns, users
from qc_station.services.context import Actor, ServiceContext

from .data import (
    DEFAULT_COUNT,
    DEMO_PASSWORD,
    DEMO_SOURCE_NAME,
    DEMO_SPAN,
    DEMO_USERS,
    PRODUCTS,
    STATION_2,
    DemoUser,
)
from .drawing import render_photo
from .flows import DemoClock, Run, scenario_flows, utc, work_end
from .planning import plan

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoSummary:
    """What ``load_demo`` did; ``str()`` is the short text the command line prints."""

    seed: int
    rmas: int = 0
    units: int = 0
    unexpected: int = 0
    products: int = 0
    users_added: tuple[str, ...] = ()
    states: tuple[tuple[str, int], ...] = ()
    inspections: int = 0
    approvals: int = 0
    photos: int = 0
    first_code: str = ""
    last_code: str = ""
    seconds: float = 0.0

    def state_count(self, state: UnitState) -> int:
        return dict(self.states).get(state.value, 0)

    def __str__(self) -> str:
        states = ", ".join(f"{count} {name}" for name, count in self.states)
        head = [
            f"demo data loaded in {self.seconds:.1f} s (seed {self.seed}):",
            f"  {plural(self.rmas, 'RMA')} {self.first_code} … {self.last_code} and "
            f"{plural(self.unexpected, 'unexpected return')}, {plural(self.units, 'unit')} "
            f"({states})",
            f"  {plural(self.inspections, 'inspection')}, {self.approvals} supervisor approvals "
            f"or rejections, {plural(self.photos, 'photo')}, "
            f"{plural(self.products, 'catalog product')}",
        ]
        width = max(len(u.username) for u in DEMO_USERS)
        lines = [*head, f'demo users (password "{DEMO_PASSWORD}"):']
        for user in DEMO_USERS:
            extra = f", badge {user.badge} with PIN {user.pin}" if user.badge else ""
            name = f"{user.username:<{width}}"
            lines.append(f"  {name}  {user.role.value:<10}  {user.full_name}{extra}")
        lines.append(
            "demo users share a published password: deactivate them before real work starts"
        )
        return "\n".join(lines)


def _refuse_unless_empty(ctx: ServiceContext) -> None:
    with ctx.uow(read_only=True) as uow:
        user_count, rma_count = uow.users.count(), uow.rmas.count()
    if user_count or rma_count:
        raise Conflict(
            "demo.database_not_empty",
            users=user_count,
            rmas=rma_count,
        )


def _actor_for(user: DemoUser, station: str) -> Actor:
    return Actor(user.username, user.role, station)


def _add_users(ctx: ServiceContext, station: str) -> tuple[str, ...]:
    """Create the demo users: the first, demo-admin, is the empty site's first admin (the
    setup step, SPEC §6), and adds the others."""
    added: list[str] = []
    for user in DEMO_USERS:
        actor = _actor_for(DEMO_USERS[0], station) if added else None
        users.add_user(
            ctx,
            actor,
            user.username,
            user.role,
            user.full_name,
            DEMO_PASSWORD,
            user.badge,
            user.pin,
            station=station,
        )
        added.append(user.username)
    return tuple(added)


def _catalog() -> list[Product]:
    return [
        Product(p.sku, p.catalog_name(), p.category, p.supplier, p.usd, "USD", p.units_sold)
        for p in PRODUCTS
    ]


def _check_photo_store(ctx: ServiceContext, station: str, at: datetime) -> None:
    """Store one small demo photo before anything else is written.

    A photo folder that is missing or read-only must stop the load before the RMAs go in:
    half way through, a run would leave RMAs without their inspections, and the next run
    would find them and add nothing. The probe is a real, stamped demo image, so the one
    extra file it leaves in the content-addressed store is harmless.
    """
    raw = render_photo(random.Random(0), (160, 120), "default", Finding.NO_FAULT, 0, "probe")
    if ctx.photo_stamper is None:
        raise RuntimeError("the demo needs a context with a photo stamper")  # a wiring bug
    ctx.photos.put(ctx.photo_stamper.stamp(raw, at, station, "demo probe").data)


def load_demo(
    ctx: ServiceContext,
    station: str,
    *,
    seed: int = 2026,
    photos: bool = True,
    count: int = DEFAULT_COUNT,
) -> DemoSummary:
    """Load the demo users, catalog, ``count`` DEMO RMAs (the unexpected returns come on
    top) and their inspections; see the module docstring. ``station`` is the local station:
    one unit is left claimed there, and the operator's audit events name it.

    ``photos`` False draws 160×120 placeholders instead of 640×480 photos, still only as many
    as the evidence rules need: quicker, for tests. Refused with ``Conflict`` unless the
    database is empty (no users, no RMAs).
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    started = time.monotonic()
    real_now = utc(ctx.clock.now())
    _refuse_unless_empty(ctx)

    _check_photo_store(ctx, station, real_now)
    with ctx.uow() as uow:
        last = uow.audit.last()
    start = real_now - DEMO_SPAN
    if last is not None:
        start = min(max(start, utc(last.at)), real_now)
    clock = DemoClock(start, max(real_now, start))
    demo_ctx = replace(ctx, clock=clock)
    rng = random.Random(seed)

    users_added = _add_users(demo_ctx, station)
    admin = _actor_for(DEMO_USERS[0], station)
    planned, unexpected = plan(rng, ctx.policy, real_now.date(), count, clock.now())
    with demo_ctx.uow() as uow:
        products_added, products_updated = uow.catalog.upsert_many(_catalog())
        uow.rmas.add_many([p.rma for p in planned])
        audit.record(
            uow,
            demo_ctx,
            admin,
            "import",
            DEMO_SOURCE_NAME,
            "import_demo",
            new={
                "seed": seed,
                "rmas_added": len(planned),
                "units": sum(len(p.rma.units) for p in planned),
                "products_added": products_added,
                "products_updated": products_updated,
            },
        )
        uow.commit()

    run = Run(demo_ctx, clock, rng, photos, timedelta(0))
    flows = scenario_flows(run, planned, unexpected)
    claims = [p for p in planned if p.scenario is not None and p.scenario.first is None]
    total_steps = sum(len(f.steps) for f in flows) + len(claims) + 1
    # Spread the work over the span, ending a little before now.
    run.step = max(work_end(real_now) - clock.now(), timedelta(0)) / (total_steps * 1.3)
    rounds = max((len(f.steps) for f in flows), default=0)
    for number in range(rounds):
        batch = [f for f in flows if number < len(f.steps)]
        rng.shuffle(batch)
        for flow in batch:
            flow.steps[number]()
    for item in claims:
        assert item.scenario is not None
        where = {"claim_1": None, "claim_2": STATION_2, "claim_local": station}
        actor_name = "demo-inspector2" if item.scenario.flow == "claim_2" else "demo-inspector"
        actor = run.actor(actor_name, where[item.scenario.flow])
        returns.claim_unit(demo_ctx, actor, item.rma.units[0].lpn)
        run.tick()

    with ctx.uow() as uow:
        stored = uow.rmas.get_many([p.rma.code for p in planned])
        unexpected_codes = [
            f.last.lpn.rsplit("-", 1)[0] for f in flows if f.last and f.last.lpn.startswith("UNX-")
        ]
        stored.update(uow.rmas.get_many(unexpected_codes))
    states = Counter(u.state.value for rma in stored.values() for u in rma.units)
    summary = DemoSummary(
        seed=seed,
        rmas=len(planned),
        units=sum(states.values()),
        unexpected=len(unexpected_codes),
        products=len(PRODUCTS),
        users_added=users_added,
        states=tuple((s.value, states.get(s.value, 0)) for s in UnitState),
        inspections=run.inspections,
        approvals=run.approvals,
        photos=run.photo_count,
        first_code=planned[0].rma.code,
        last_code=planned[-1].rma.code,
        seconds=time.monotonic() - started,
    )
    log.info("demo data loaded: %d RMAs in %.1f s", summary.rmas, summary.seconds)
    return summary
