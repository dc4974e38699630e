"""The dashboard's figures (SPEC §2 step 9, §8): what returns teach us, for a period, market
and category.

The counting happens in the database (``StatsQueries``, reached as ``uow.stats``); this
module turns counts into rates, applies the policy's thresholds with one rule
(``Rate.above``: strictly greater, so exactly 10 % is not flagged) and returns plain frozen
dataclasses for the screen, the command line and the weekly PDF. Supervisors and admins see
the dashboard. What each figure counts is written in ``docs/dashboard.md``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from qc_station.domain.enums import Disposition, Finding, Grade
from qc_station.domain.errors import ValidationError

from .context import Actor, ServiceContext
from .permissions import Action, authorized, check_allowed, require
from .stats_ports import (
    Amount,
    DeadlineCounts,
    Dimension,
    StatsFilter,
    StatsQueries,
    SupplierChargeback,
    UnitItem,
)

__all__ = [
    "Amount",
    "CarrierFigure",
    "DashboardFigures",
    "DeadlineCounts",
    "Dimension",
    "InspectorFigure",
    "Rate",
    "ReasonFigure",
    "SkuFigure",
    "StatsFilter",
    "SupplierFigure",
    "UnitItem",
    "compute_figures",
    "drill_down",
]

MAX_DRILL_DOWN = 500
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Rate:
    """An exact ratio of two counts. ``pct`` is for showing; comparisons use the counts."""

    part: int
    whole: int

    @property
    def pct(self) -> Decimal:
        """The rate in percent, rounded half-up to two places (0 when ``whole`` is 0)."""
        if self.whole == 0:
            return Decimal(0).quantize(_CENT)
        return (Decimal(self.part) * _HUNDRED / Decimal(self.whole)).quantize(
            _CENT, rounding=ROUND_HALF_UP
        )

    def above(self, threshold_pct: Decimal) -> bool:
        """Whether the rate is strictly above ``threshold_pct`` percent, computed exactly:
        part / whole > t / 100  ⇔  100 · part > t · whole."""
        return self.whole > 0 and Decimal(self.part) * _HUNDRED > threshold_pct * self.whole


@dataclass(frozen=True)
class SkuFigure:
    sku: str
    returned: int
    units_sold: int
    rate: Rate
    flagged: bool


@dataclass(frozen=True)
class CarrierFigure:
    carrier: str
    received: int
    transit_damage: int
    rate: Rate
    flagged: bool


@dataclass(frozen=True)
class SupplierFigure:
    supplier: str
    received: int
    defects: int
    defect_rate: Rate
    chargebacks: tuple[Amount, ...]  # per currency, by currency code


@dataclass(frozen=True)
class ReasonFigure:
    stated_reason: str
    units: int
    findings: tuple[tuple[Finding, int], ...]  # in the order of the Finding enum, zeros left out
    no_fault: Rate  # how often this stated reason turned out NO_FAULT


@dataclass(frozen=True)
class InspectorFigure:
    inspector: str
    units: int
    inspection_hours: Decimal
    units_per_hour: Decimal | None  # None when no inspection time was recorded
    median_seconds: Decimal | None


@dataclass(frozen=True)
class DashboardFigures:
    filter: StatsFilter
    computed_at: datetime
    sku_flag_pct: Decimal
    carrier_flag_pct: Decimal
    received: int
    skus: tuple[SkuFigure, ...]  # highest rate first
    carriers: tuple[CarrierFigure, ...]  # highest rate first
    suppliers: tuple[SupplierFigure, ...]  # highest defect rate first
    reasons: tuple[ReasonFigure, ...]  # most units first
    grades: tuple[tuple[Grade, int], ...]  # every grade, in order
    dispositions: tuple[tuple[Disposition, int], ...]  # every disposition, in order
    refunds: tuple[Amount, ...]  # by currency code
    deadlines: DeadlineCounts
    inspectors: tuple[InspectorFigure, ...]  # most units first
    median_inspection_seconds: Decimal | None

    @property
    def empty(self) -> bool:
        return self.received == 0


def _check(f: StatsFilter) -> StatsFilter:
    if f.since is not None and f.since.tzinfo is None:
        raise ValidationError("stats.start_no_time_zone", field="since")
    if f.until is not None and f.until.tzinfo is None:
        raise ValidationError("stats.end_no_time_zone", field="until")
    if f.since is not None and f.until is not None and f.since >= f.until:
        raise ValidationError("stats.start_after_end", field="since", since=f.since, until=f.until)
    market = (f.market or "").strip().upper() or None
    category = (f.category or "").strip().lower() or None
    return StatsFilter(f.since, f.until, market, category)


def _rate_order(rate: Rate, name: str) -> tuple[Decimal, int, str]:
    # Highest rate first, then the bigger sample, then by name, so ties read the same
    # everywhere (fake, SQLite, PostgreSQL).
    exact = Decimal(rate.part) / Decimal(rate.whole) if rate.whole else Decimal(0)
    return (-exact, -rate.whole, name)


def _chargebacks(rows: list[SupplierChargeback]) -> dict[str, tuple[Amount, ...]]:
    by_supplier: dict[str, list[Amount]] = defaultdict(list)
    for row in rows:
        by_supplier[row.supplier].append(Amount(row.currency, row.units, row.amount))
    return {s: tuple(sorted(a, key=lambda x: x.currency)) for s, a in by_supplier.items()}


def _sync_exports(ctx: ServiceContext) -> None:
    """Bring the figures up to date with finance exports made since the last look: the export
    leaves this to the dashboard to keep itself fast (adapters/sql/facts.py). A read first, so
    a dashboard with nothing to catch up on never takes the write lock."""
    with ctx.uow(read_only=True) as uow:
        pending = uow.stats.batches_to_sync()
    for batch_id in pending:
        with ctx.uow() as uow:
            uow.stats.sync_batch(batch_id)
            uow.commit()


Query = Callable[[StatsQueries], Any]


def _run_side_by_side(ctx: ServiceContext, groups: Sequence[Sequence[Query]]) -> list[Any]:
    """Each group of queries in a read-only unit of work of its own, the groups at once; the
    answers in the order given.

    Every figure is a scan of a million fact rows on a large site, and the database does that
    work outside Python's lock (SQLite and psycopg both release it), so two groups on two
    cores take about half the time of one after the other. Each unit of work reads its own
    snapshot: a decision committed between their starts may count in one figure and not yet
    in another, until the next refresh.
    """

    def run(group: Sequence[Query]) -> list[Any]:
        with ctx.uow(read_only=True) as uow:
            return [query(uow.stats) for query in group]

    with ThreadPoolExecutor(max_workers=len(groups), thread_name_prefix="figures") as pool:
        futures = [pool.submit(run, group) for group in groups]
        return [answer for future in futures for answer in future.result()]


def compute_figures(ctx: ServiceContext, actor: Actor, f: StatsFilter) -> DashboardFigures:
    """Every dashboard figure for the filter, read in two read-only units of work at once."""
    require(actor, Action.VIEW_DASHBOARD)
    check_allowed(ctx, actor, Action.VIEW_DASHBOARD)
    f = _check(f)
    policy = ctx.policy
    sku_pct = policy.sku_return_rate_flag_pct
    carrier_pct = policy.carrier_damage_rate_flag_pct
    now = ctx.clock.now()
    _sync_exports(ctx)
    # Two groups of about equal cost (measured on a million units).
    (
        sku_rows,
        carrier_rows,
        supplier_rows,
        chargeback_rows,
        reason_rows,
        received,
        grade_rows,
        disposition_rows,
        refunds,
        deadlines,
        inspector_rows,
        median,
    ) = _run_side_by_side(
        ctx,
        [
            [
                lambda q: q.sku_returns(f),
                lambda q: q.carrier_damage(f),
                lambda q: q.supplier_counts(f),
                lambda q: q.supplier_chargebacks(f),
                lambda q: q.reason_findings(f),
            ],
            [
                lambda q: q.received(f),
                lambda q: q.grades(f),
                lambda q: q.dispositions(f),
                lambda q: q.refunds(f),
                lambda q: q.deadlines(f, now),
                lambda q: q.inspectors(f),
                lambda q: q.median_inspection_seconds(f),
            ],
        ],
    )

    skus = [
        SkuFigure(r.sku, r.returned, r.units_sold, rate, rate.above(sku_pct))
        for r in sku_rows
        for rate in [Rate(r.returned, r.units_sold)]
    ]
    skus.sort(key=lambda s: _rate_order(s.rate, s.sku))
    carriers = [
        CarrierFigure(r.carrier, r.received, r.transit_damage, rate, rate.above(carrier_pct))
        for r in carrier_rows
        for rate in [Rate(r.transit_damage, r.received)]
    ]
    carriers.sort(key=lambda c: _rate_order(c.rate, c.carrier))
    charged = _chargebacks(chargeback_rows)
    suppliers = [
        SupplierFigure(
            r.supplier,
            r.received,
            r.defects,
            Rate(r.defects, r.received),
            charged.get(r.supplier, ()),
        )
        for r in supplier_rows
    ]
    suppliers.sort(key=lambda s: _rate_order(s.defect_rate, s.supplier))

    per_reason: dict[str, dict[str, int]] = defaultdict(dict)
    for row in reason_rows:
        per_reason[row.stated_reason][row.finding] = row.units
    reasons = []
    for reason, counts in per_reason.items():
        total = sum(counts.values())
        findings = tuple((fd, counts[fd.value]) for fd in Finding if counts.get(fd.value))
        reasons.append(
            ReasonFigure(
                reason, total, findings, Rate(counts.get(Finding.NO_FAULT.value, 0), total)
            )
        )
    reasons.sort(key=lambda r: (-r.units, r.stated_reason))

    grade_counts = {r.key: r.units for r in grade_rows}
    disposition_counts = {r.key: r.units for r in disposition_rows}
    inspectors = [
        InspectorFigure(
            r.inspector,
            r.units,
            (r.inspection_seconds / 3600).quantize(_CENT, rounding=ROUND_HALF_UP),
            (Decimal(r.units) * 3600 / r.inspection_seconds).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP
            )
            if r.inspection_seconds > 0
            else None,
            r.median_seconds,
        )
        for r in inspector_rows
    ]
    inspectors.sort(key=lambda i: (-i.units, i.inspector))
    return DashboardFigures(
        filter=f,
        computed_at=now,
        sku_flag_pct=sku_pct,
        carrier_flag_pct=carrier_pct,
        received=received,
        skus=tuple(skus),
        carriers=tuple(carriers),
        suppliers=tuple(suppliers),
        reasons=tuple(reasons),
        grades=tuple((g, grade_counts.get(g.value, 0)) for g in Grade),
        dispositions=tuple((d, disposition_counts.get(d.value, 0)) for d in Disposition),
        refunds=tuple(sorted(refunds, key=lambda a: a.currency)),
        deadlines=deadlines,
        inspectors=tuple(inspectors),
        median_inspection_seconds=median,
    )


def drill_down(
    ctx: ServiceContext,
    actor: Actor,
    f: StatsFilter,
    dimension: Dimension,
    key: str,
    limit: int = MAX_DRILL_DOWN,
) -> list[UnitItem]:
    """The units behind one SKU, carrier or supplier of the figures, newest first."""
    require(actor, Action.VIEW_DASHBOARD)
    f = _check(f)
    with authorized(ctx, actor, Action.VIEW_DASHBOARD, read_only=True) as uow:
        return uow.stats.units(f, dimension, key, max(1, min(limit, MAX_DRILL_DOWN)))
