"""The database's health, watched from the station window (SPEC §10: the station says when the
database is away and keeps working): a cheap query every few seconds on the database lane,
one at a time, never on the GUI thread. The window says what the answers mean."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from .session import Session

#: How often the database is asked, in milliseconds: short, so an outage shows within seconds
#: (SPEC §10); the check is one cheap query.
HEALTH_INTERVAL_MS = 5_000


class DatabaseHealth(QObject):
    """Emits ``healthy`` or ``unhealthy(error)`` after each check."""

    healthy = Signal()
    unhealthy = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._pending = False
        self.timer = QTimer(self)
        self.timer.setInterval(HEALTH_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        """A cheap query on the database lane; a check still running is not doubled."""
        if self._pending:
            return
        ctx = self.session.ctx

        def ping() -> int:
            with ctx.uow() as uow:
                return uow.users.count()

        self._pending = True
        self.session.runner.run(
            ping,
            lambda _: self.healthy.emit(),
            self.unhealthy.emit,
            on_finished=self._finished,
            expected=(Exception,),  # an unreachable database is expected here, not a bug
        )

    def _finished(self) -> None:
        self._pending = False
