"""The stations work area (SPEC §10): which stations are online, what each one holds, and
releasing a stale claim. Supervisors and admins only; the service checks it again.

Loading and releasing run on the database lane; the page shows ``state``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from qc_station.services import stations
from qc_station.services.stations import StationView

from ..session import Session
from .base import ChangeOp, Presenter, QueryOp


@dataclass(frozen=True)
class StationsState:
    stations: tuple[StationView, ...] = ()
    busy: bool = False
    error: str = ""
    notice: str = ""


class StationsPresenter(Presenter[StationsState]):
    claim_released = Signal(str)  # LPN

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, StationsState(), parent)

    def refresh(self) -> None:
        if self.state.busy:
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        self.run(
            QueryOp(lambda: stations.list_stations(ctx, actor), on_success=self._on_loaded),
            error="",
        )

    def release(self, lpn: str, reason: str) -> None:
        """Free ``lpn`` from the station that holds it; the page asked for confirmation."""
        if self.state.busy:
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        self.run(
            ChangeOp(
                lambda: stations.release_stale_claim(ctx, actor, lpn, reason),
                on_success=lambda _: self._on_released(lpn),
            ),
            error="",
            notice="",
        )

    def _on_loaded(self, views: object) -> None:
        assert isinstance(views, list)
        self._set(stations=tuple(views))

    def _on_released(self, lpn: str) -> None:
        notice = self.tr("Claim on {lpn} released; any station may take the unit now.")
        self._set(notice=notice.format(lpn=lpn))
        self._session.sounds.success()
        self.claim_released.emit(lpn)

    def _after_change(self) -> None:
        self.refresh()
