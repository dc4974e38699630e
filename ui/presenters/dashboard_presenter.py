"""The dashboard's logic (SPEC §2 step 9, §8): the filter (a period preset or a custom
period, a market, a category), the figures for it, and the drill-down from a SKU, carrier or
supplier to its units. Beside them, the recovery figures per supplier and carrier (claimed,
recovered, recovery rate per currency, ``services.recovery.figures``), loaded in the same task
so they refresh together; they cover every closed batch and filed claim, not the period.

Queries run on the task runner's database lane, never on the GUI thread. A refresh asked
for while one is running is remembered and run once the first finishes, so a burst of
decisions costs at most one extra query. Periods are whole local days: "7 days" is today
and the six days before, from local midnight; a custom period runs from the start of its
first day to the end of its last (local).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject

from qc_station.services import recovery, stats
from qc_station.services.recovery import PartyFigures
from qc_station.services.stats import DashboardFigures, Dimension, StatsFilter, UnitItem

from ..session import Session
from .base import Presenter, QueryOp


class Period(StrEnum):
    DAYS_7 = "7"
    DAYS_30 = "30"
    DAYS_90 = "90"
    CUSTOM = "custom"


@dataclass(frozen=True)
class DashboardFilter:
    period: Period = Period.DAYS_30
    first_day: date | None = None  # custom period only, local days, both included
    last_day: date | None = None
    market: str = ""
    category: str = ""


@dataclass(frozen=True)
class DrillDown:
    dimension: Dimension
    key: str
    units: tuple[UnitItem, ...]


@dataclass(frozen=True)
class DashboardState:
    filter: DashboardFilter = DashboardFilter()
    figures: DashboardFigures | None = None
    recovery: tuple[PartyFigures, ...] = ()
    loading: bool = False
    error: str = ""
    drill_down: DrillDown | None = None
    drill_loading: bool = False


def _tr(source: str) -> str:
    return QCoreApplication.translate("DashboardPresenter", source)


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def stats_filter(f: DashboardFilter, today: date) -> StatsFilter:
    """The service's filter for the page's: whole local days, as UTC times."""
    if f.period == Period.CUSTOM:
        first = f.first_day or today
        last = f.last_day or today
        since, until = _local_midnight(first), _local_midnight(last + timedelta(days=1))
    else:
        days = int(f.period.value)
        since = _local_midnight(today - timedelta(days=days - 1))
        until = _local_midnight(today + timedelta(days=1))
    return StatsFilter(since, until, f.market.strip() or None, f.category.strip() or None)


class DashboardPresenter(Presenter[DashboardState]):
    #: A figure that cannot load is not the operator's mistake: no error sound.
    _error_sound = False

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, DashboardState(), parent)
        self._again = False
        #: The local day "today" is; tests replace it.
        self.today = lambda: datetime.now().astimezone().date()

    # --- commands ------------------------------------------------------------------------

    def set_filter(self, f: DashboardFilter) -> None:
        if f.period == Period.CUSTOM and f.first_day and f.last_day and f.first_day > f.last_day:
            self._fail(_tr("The first day of the period is after its last day."))
            return
        self._set(filter=f, drill_down=None)
        self.refresh()

    def refresh(self) -> None:
        """Load the figures for the current filter off the GUI thread."""
        if self.state.loading:
            self._again = True
            return
        session = self._session
        f = stats_filter(self.state.filter, self.today())

        def load() -> tuple[DashboardFigures, tuple[PartyFigures, ...]]:
            actor = session.require_actor()
            return (
                stats.compute_figures(session.ctx, actor, f),
                tuple(recovery.figures(session.ctx, actor)),
            )

        self.run(
            QueryOp(
                load, on_success=self._on_loaded, on_finished=self._again_if_asked, flag="loading"
            ),
            error="",
        )

    def open_units(self, dimension: Dimension, key: str) -> None:
        """The units behind one SKU, carrier or supplier of the figures (the drill-down)."""
        session = self._session
        f = stats_filter(self.state.filter, self.today())

        def load() -> DrillDown:
            units = stats.drill_down(session.ctx, session.require_actor(), f, dimension, key)
            return DrillDown(dimension, key, tuple(units))

        self.run(
            QueryOp(
                load,
                on_success=lambda found: self._set(drill_down=found),
                flag="drill_loading",
                shows_busy=False,
            )
        )

    def close_units(self) -> None:
        self._set(drill_down=None)

    # --- results -------------------------------------------------------------------------

    def _on_loaded(self, loaded: tuple[DashboardFigures, tuple[PartyFigures, ...]]) -> None:
        figures, recovered = loaded
        self._set(figures=figures, recovery=recovered)

    def _again_if_asked(self) -> None:
        if self._again:
            self._again = False
            self.refresh()
