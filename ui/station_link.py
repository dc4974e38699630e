"""The station's link to the site's database beyond single service calls (SPEC §10): the
heartbeat that tells supervisors this station is alive, and the outage journal's replay.

The window owns one ``StationLink``. It sends a heartbeat every
``stations.HEARTBEAT_SECONDS`` on the database lane; a failed heartbeat is only logged (the
window's health check shows the outage). With the heartbeat it asks whether a policy was
activated elsewhere; the station then decides with it (``policy_changed``). ``replay()``
sends what the journal holds — the window calls it at start and when the health check sees
the database come back — and ``outbox_changed`` says how many inspections are still waiting
and how many the server refused, with the first refusal in the station's words, for the
banner. Everything runs through the task runner; nothing here blocks the GUI thread.
"""

from __future__ import annotations

import logging
import socket
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from qc_station import __version__
from qc_station.domain.errors import QcError
from qc_station.domain.policy import Policy
from qc_station.services import outbox, policy_admin, stations
from qc_station.services.outbox import PendingView, ReplayReport
from qc_station.services.ports import Journal

from .messages import message_text
from .session import Session

log = logging.getLogger(__name__)


class StationLink(QObject):
    #: (inspections waiting to be sent, inspections the server refused, first refusal)
    outbox_changed = Signal(int, int, str)
    #: the hash of a policy activated at another station, which this one now decides with
    policy_changed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._started_at: datetime | None = None  # set by start(), once the core is built
        self._replaying = False
        self._beating = False
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(stations.HEARTBEAT_SECONDS * 1000)
        self.heartbeat_timer.timeout.connect(self.heartbeat)

    @property
    def journal(self) -> Journal:
        """The station's one outage journal (``session.ports``), once the core is built."""
        return self._session.ports.journal

    def start(self) -> None:
        self._started_at = self._session.ctx.clock.now()
        self.heartbeat()
        self.heartbeat_timer.start()
        self.replay()

    def stop(self) -> None:
        self.heartbeat_timer.stop()

    def heartbeat(self) -> None:
        if self._beating:
            return
        ctx = self._session.ctx
        started_at = self._started_at or ctx.clock.now()
        info = stations.StationInfo(
            self._session.station, socket.gethostname(), __version__, started_at
        )
        self._beating = True

        def beat() -> Policy | None:
            stations.heartbeat(ctx, info)
            # In the same job: has a policy been activated at another station?
            try:
                return policy_admin.newer_active_policy(ctx)
            except QcError as error:
                # A policy this version of the program cannot load, say: keep deciding with
                # the one in force here, and say why in the log.
                log.warning("the site's active policy is not taken here: %s", error)
                return None

        self._session.runner.run(
            beat,
            self._on_heartbeat_done,
            lambda error: log.info("heartbeat not sent: %s", error),
            on_finished=self._on_heartbeat_finished,
            expected=(Exception,),  # an outage is expected; the health check reports it
        )

    def _on_heartbeat_done(self, policy: Policy | None) -> None:
        if policy is None or policy.hash == self._session.ctx.policy.hash:
            return
        self._session.use_policy(policy)
        self.policy_changed.emit(policy.hash)

    def _on_heartbeat_finished(self) -> None:
        self._beating = False

    def replay(self) -> None:
        """Send the journal's waiting inspections (database lane), then report the count."""
        if self._replaying:
            return
        ctx, journal, station = self._session.ctx, self.journal, self._session.station
        is_outage = self._session.ports.is_outage
        self._replaying = True
        self._session.runner.run(
            lambda: outbox.replay(ctx, journal, is_outage, station=station),
            self._on_replayed,
            self._on_replay_failed,
            on_finished=self._on_replay_finished,
        )

    def refresh(self) -> None:
        """Count what the journal holds (after the inspection page journalled one)."""
        journal = self.journal
        self._session.runner.run(lambda: outbox.pending(journal), self._on_pending)

    def _on_replayed(self, report: object) -> None:
        assert isinstance(report, ReplayReport)
        done = report.count(outbox.ReplayStatus.DONE)
        if done:
            log.info("%d journalled inspection(s) sent", done)
        self.refresh()

    def _on_replay_failed(self, error: BaseException) -> None:
        log.warning("journal replay failed: %s", error)
        self.refresh()

    def _on_replay_finished(self) -> None:
        self._replaying = False

    def _on_pending(self, views: object) -> None:
        assert isinstance(views, list)
        refused = [v for v in views if v.refused]
        first = f"{refused[0].lpn}: {refused_text(refused[0])}" if refused else ""
        self.outbox_changed.emit(len(views) - len(refused), len(refused), first)


def refused_text(view: PendingView) -> str:
    """Why the server refused a kept inspection, in the station's language (its catalogue
    code); an entry refused by an older version shows the English it was kept with."""
    if view.refused_code:
        return message_text(view.refused_code, view.refused_params)
    return view.refused
