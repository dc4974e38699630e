"""The stations work area (SPEC §10): which stations are online, what each one holds, and
releasing a stale claim. Supervisors and admins only; the service checks it again.

Loading and releasing run on the database lane; the page shows ``state``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from qc_station.services import stations
from qc_station.services.stations import StationView

from ..messages import describe
from ..session import Session


@dataclass(frozen=True)
class StationsState:
    stations: tuple[StationView, ...] = ()
    busy: bool = False
    error: str = ""
    notice: str = ""


class StationsPresenter(QObject):
    state_changed = Signal(object)  # StationsState
    error_message = Signal(str)
    busy_changed = Signal(bool)
    claim_released = Signal(str)  # LPN

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.state = StationsState()

    def refresh(self) -> None:
        if self.state.busy:
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        self._set(replace(self.state, busy=True, error=""))
        self._session.runner.run(
            lambda: stations.list_stations(ctx, actor),
            self._on_loaded,
            self._on_failed,
            on_finished=self._on_finished,
        )

    def release(self, lpn: str, reason: str) -> None:
        """Free ``lpn`` from the station that holds it; the page asked for confirmation."""
        if self.state.busy:
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        self._set(replace(self.state, busy=True, error="", notice=""))
        self._session.runner.run(
            lambda: stations.release_stale_claim(ctx, actor, lpn, reason),
            lambda _: self._on_released(lpn),
            self._on_failed,
            on_finished=self._on_release_finished,
        )

    def _on_loaded(self, views: object) -> None:
        assert isinstance(views, list)
        self._set(replace(self.state, stations=tuple(views)))

    def _on_released(self, lpn: str) -> None:
        notice = self.tr("Claim on {lpn} released; any station may take the unit now.")
        self._set(replace(self.state, notice=notice.format(lpn=lpn)))
        self._session.sounds.success()
        self.claim_released.emit(lpn)

    def _on_failed(self, error: BaseException) -> None:
        message = describe(error)
        self._session.sounds.error()
        self._set(replace(self.state, error=message))
        self.error_message.emit(message)

    def _on_finished(self) -> None:
        self._set(replace(self.state, busy=False))

    def _on_release_finished(self) -> None:
        self._set(replace(self.state, busy=False))
        self.refresh()

    def _set(self, state: StationsState) -> None:
        was_busy = self.state.busy
        self.state = state
        self.state_changed.emit(state)
        if state.busy != was_busy:
            self.busy_changed.emit(state.busy)
