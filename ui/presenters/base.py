"""What every presenter shares: a frozen state replaced on each change, the three signals a
page listens to, a busy count, inline errors with the error sound, and operations.

An operation (after Anki's ``CollectionOp``/``QueryOp``) is one piece of work for the task
runner together with what to do with its outcome::

    self.run(QueryOp(lambda: users.list_users(ctx, actor), on_success=self._on_listed))
    self.run(ChangeOp(lambda: approval.approve(ctx, actor, lpn, c), on_success=self._on_approved))

- ``work`` runs on the operation's lane (the database lane unless it says ``Lane.IO``) and
  must not touch a widget or the presenter: it gets plain values captured on the GUI thread
  and returns plain values.
- ``on_success``, ``on_failure`` and ``on_finished`` run on the GUI thread. An expected error
  (``QcError``, or what the operation lists in ``expected``) goes to ``on_failure``, which by
  default is the presenter's ``_on_failed``: the error in words (``messages.describe``), inline,
  with the error sound. Anything else is a bug and reaches the crash dialog through the runner.
- While it runs, the state field named by ``flag`` is true (``"busy"`` by default; ``None`` for
  none) and, when ``shows_busy``, the presenter counts as busy: ``busy_changed`` says when the
  count leaves and reaches zero. Both end whatever the outcome, before ``on_finished``.
- A ``ChangeOp`` writes: when it ends, the presenter's ``_after_change`` runs (by default
  nothing; a list page reloads what the change may have moved). A ``QueryOp`` only reads.
- An outcome for a presenter (or any receiver, ``for_receiver``) whose C++ object is gone (its
  page was deleted on sign-out while the work ran) is dropped, never delivered to the dead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar, Generic, ParamSpec, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal

from qc_station.domain.errors import QcError

from ..messages import describe
from ..session import Session
from ..tasks import Lane

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

S = TypeVar("S", bound="DataclassInstance")
T = TypeVar("T")
P = ParamSpec("P")


def for_receiver(receiver: QObject, callback: Callable[P, None]) -> Callable[P, None]:
    """``callback``, called only while ``receiver`` still exists: a task's result reaches the
    GUI thread later, when the page or dialog that asked may have been deleted (signed out,
    closed); calling into it then raises "Internal C++ object already deleted"."""

    def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
        if shiboken6.isValid(receiver):
            callback(*args, **kwargs)

    return guarded


@dataclass(frozen=True, kw_only=True)
class Op(Generic[T]):
    """One piece of work and its callbacks; see the module's docstring."""

    work: Callable[[], T] = field(kw_only=False)
    on_success: Callable[[T], None] | None = None
    on_failure: Callable[[BaseException], None] | None = None
    on_finished: Callable[[], None] | None = None
    lane: Lane = Lane.DB
    expected: tuple[type[BaseException], ...] = (QcError,)
    flag: str | None = "busy"
    shows_busy: bool = True

    #: a write: the presenter's ``_after_change`` runs when it ends
    changes: ClassVar[bool] = False


@dataclass(frozen=True, kw_only=True)
class QueryOp(Op[T]):
    """Reads: nothing changes, so nothing needs reloading afterwards."""


@dataclass(frozen=True, kw_only=True)
class ChangeOp(Op[T]):
    """Writes (Anki's ``CollectionOp``): the presenter's ``_after_change`` runs when it ends."""

    changes: ClassVar[bool] = True


def ignore_failure(_error: BaseException) -> None:
    """``on_failure`` for work whose refusal changes nothing on screen."""


class Presenter(QObject, Generic[S]):
    """Base of every presenter; subclasses pass their initial state."""

    state_changed = Signal(object)  # the state dataclass
    error_message = Signal(str)
    busy_changed = Signal(bool)

    #: The text fields a failure empties besides setting ``error`` (the last success message).
    _failure_clears: ClassVar[tuple[str, ...]] = ()
    #: Whether an inline error plays the error sound.
    _error_sound: ClassVar[bool] = True

    def __init__(self, session: Session, state: S, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.state: S = state
        self._running = 0  # operations that show busy
        self._flags: Counter[str] = Counter()

    @property
    def session(self) -> Session:
        return self._session

    @property
    def busy(self) -> bool:
        """Whether an operation that shows busy is running."""
        return self._running > 0

    # --- operations ----------------------------------------------------------------------

    def run(self, op: Op[Any], **changes: Any) -> None:
        """Start ``op`` on its lane; ``changes`` (such as ``error=""``) go into the state in
        the same update that raises its flag. Call from the GUI thread."""
        assert QThread.currentThread() is self.thread(), "operations start on the GUI thread"
        if op.flag is not None:
            self._flags[op.flag] += 1
            if not getattr(self.state, op.flag):
                changes[op.flag] = True
        if changes:
            self._set(**changes)
        if op.shows_busy:
            self._running += 1
            if self._running == 1:
                self.busy_changed.emit(True)
        on_success = for_receiver(self, op.on_success) if op.on_success else None
        self._session.runner.run(
            op.work,
            on_success,
            for_receiver(self, op.on_failure or self._on_failed),
            on_finished=for_receiver(self, lambda: self._on_op_finished(op)),
            lane=op.lane,
            expected=op.expected,
        )

    def _on_op_finished(self, op: Op[Any]) -> None:
        if op.flag is not None:
            self._flags[op.flag] -= 1
            if self._flags[op.flag] <= 0:
                del self._flags[op.flag]
                if getattr(self.state, op.flag):
                    self._set(**{op.flag: False})
        if op.shows_busy:
            self._running -= 1
            if self._running == 0:
                self.busy_changed.emit(False)
        if op.on_finished is not None:
            op.on_finished()
        if op.changes:
            self._after_change()

    def _after_change(self) -> None:
        """A ``ChangeOp`` ended (either way): reload what it may have changed."""

    # --- outcomes ------------------------------------------------------------------------

    def _on_failed(self, error: BaseException) -> None:
        self._fail(describe(error))

    def _fail(self, message: str) -> None:
        """An inline error, with the error sound."""
        if self._error_sound:
            self._session.sounds.error()
        self._set(error=message, **dict.fromkeys(self._failure_clears, ""))
        self.error_message.emit(message)

    def _succeed(self, message: str) -> None:
        """A success message in green, with the success sound; the last error goes."""
        self._session.sounds.success()
        self._set(message=message, error="")

    # --- state ---------------------------------------------------------------------------

    def _set(self, **changes: Any) -> None:
        """Replace fields of the state and tell the page."""
        self._put(replace(self.state, **changes))

    def _put(self, state: S) -> None:
        """Replace the whole state and tell the page."""
        self.state = self._derived(state)
        self.state_changed.emit(self.state)

    def _derived(self, state: S) -> S:
        """The state with what is computed from it (a live decision); as it is by default."""
        return state
