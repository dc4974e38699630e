"""The task runner: everything slow runs off the GUI thread (STYLE "Off the GUI thread").

Two lanes:

- the **database lane** has exactly one worker thread, so service calls never race each other
  and a SQLAlchemy session never crosses threads (one unit of work per call, on that thread);
- the **I/O lane** (photo decoding, files) has a couple of threads and never touches the
  database.

Results come back on the GUI thread through queued signals of the runner, which lives there.
Expected errors (``QcError``, or whatever the caller lists in ``expected``) go to ``on_error``;
anything else is a bug: it is logged with its traceback and reported through
``unexpected_error`` (the application shows the crash dialog). ``on_finished`` runs after
either, so a presenter can always clear its busy state.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from qc_station.domain.errors import QcError

log = logging.getLogger(__name__)


class Lane(Enum):
    DB = "db"
    IO = "io"


@dataclass
class _Callbacks:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_finished: Callable[[], None] | None
    expected: tuple[type[BaseException], ...]


@dataclass
class _Result:
    value: Any = None
    error: BaseException | None = None
    details: str = ""


class _Job:
    def __init__(self, runner: TaskRunner, job_id: int, fn: Callable[[], Any]) -> None:
        self._runner = runner
        self._job_id = job_id
        self._fn = fn

    def run(self) -> None:
        # Runs on a worker thread: store the outcome and emit the id; never touch a widget or
        # a presenter here.
        try:
            result = _Result(self._fn())
        except BaseException as exc:  # everything must reach the GUI thread
            result = _Result(error=exc, details=traceback.format_exc())
        self._runner._deliver(self._job_id, result)


class TaskRunner(QObject):
    """Runs callables on the database or I/O lane and hands results back on the GUI thread."""

    #: internal: emitted on a worker thread with a job id, delivered queued to the runner.
    #: Only the id crosses threads: PySide 6.12 miscounts references of Python objects sent
    #: through queued ``object`` signals (we saw ``bool_dealloc`` crashes), so the outcome
    #: waits in ``_results`` under a lock.
    job_completed = Signal(int)
    #: a bug surfaced in a task: (one-line summary, traceback text)
    unexpected_error = Signal(str, str)
    #: True while any task is queued or running
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, io_threads: int = 2) -> None:
        super().__init__(parent)
        self._db = QThreadPool(self)
        self._db.setMaxThreadCount(1)
        self._io = QThreadPool(self)
        self._io.setMaxThreadCount(io_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._results: dict[int, _Result] = {}
        self._lock = threading.Lock()
        self.job_completed.connect(self._on_job_completed, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        on_finished: Callable[[], None] | None = None,
        lane: Lane = Lane.DB,
        expected: tuple[type[BaseException], ...] = (QcError,),
    ) -> int:
        """Queue ``fn`` on ``lane``; returns the job's id. Call from the GUI thread."""
        job_id = next(self._ids)
        was_busy = self.busy
        self._pending[job_id] = _Callbacks(on_done, on_error, on_finished, expected)
        pool = self._db if lane is Lane.DB else self._io
        job = _Job(self, job_id, fn)
        pool.start(job.run)
        if not was_busy:
            self.busy_changed.emit(True)
        return job_id

    def wait_idle(self, msecs: int = 10_000) -> bool:
        """Block until both lanes are empty (for shutdown only, never during work)."""
        return self._db.waitForDone(msecs) and self._io.waitForDone(msecs)

    def _deliver(self, job_id: int, result: _Result) -> None:
        """Called on the worker thread."""
        with self._lock:
            self._results[job_id] = result
        self.job_completed.emit(job_id)

    @Slot(int)
    def _on_job_completed(self, job_id: int) -> None:
        with self._lock:
            result = self._results.pop(job_id)
        callbacks = self._pending.pop(job_id, None)
        if callbacks is None:
            return
        try:
            error = result.error
            if error is None:
                if callbacks.on_done is not None:
                    callbacks.on_done(result.value)
            elif isinstance(error, callbacks.expected):
                log.info("task refused: %s", error)
                if callbacks.on_error is not None:
                    callbacks.on_error(error)
            else:
                log.error("unexpected error in a background task:\n%s", result.details)
                self.unexpected_error.emit(f"{type(error).__name__}: {error}", result.details)
        finally:
            self._finish(callbacks)

    def _finish(self, callbacks: _Callbacks) -> None:
        if callbacks.on_finished is not None:
            callbacks.on_finished()
        if not self.busy:
            self.busy_changed.emit(False)
