"""What the administration presenters share: a frozen state replaced on each change, a busy
count, inline errors with the error sound, and running work on the task runner.

Each tab's presenter (users, printers, policy, database) subclasses ``AdminPresenter`` with
its own state dataclass; the state always has ``busy``, ``message`` and ``error``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from qc_station.domain.errors import QcError

from ..messages import describe
from ..session import Session
from ..tasks import Lane

S = TypeVar("S")


class AdminPresenter(QObject, Generic[S]):
    state_changed = Signal(object)
    error_message = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, session: Session, state: S, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.state: S = state
        self._running = 0

    @property
    def session(self) -> Session:
        return self._session

    def _run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        *,
        lane: Lane = Lane.DB,
        expected: tuple[type[BaseException], ...] = (QcError,),
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``work`` off the GUI thread; errors show inline, busy ends either way."""
        self._running += 1
        if self._running == 1:
            self._set(busy=True)
            self.busy_changed.emit(True)
        self._session.runner.run(
            work,
            on_done,
            on_error or self._on_failed,
            on_finished=self._on_finished,
            lane=lane,
            expected=expected,
        )

    def _on_finished(self) -> None:
        self._running -= 1
        if self._running == 0:
            self._set(busy=False)
            self.busy_changed.emit(False)

    def _on_failed(self, error: BaseException) -> None:
        self._fail(describe(error))

    def _fail(self, message: str) -> None:
        self._session.sounds.error()
        self._set(error=message, message="")
        self.error_message.emit(message)

    def _succeed(self, message: str) -> None:
        self._session.sounds.success()
        self._set(message=message, error="")

    def _set(self, **changes: object) -> None:
        self.state = replace(self.state, **changes)  # type: ignore[type-var]
        self.state_changed.emit(self.state)
