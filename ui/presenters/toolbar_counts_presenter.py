"""The counts the station toolbar shows beside its areas (issue 16): decisions waiting for a
supervisor's approval (for those who may approve) and print jobs that did not print (for
everyone). Read off the GUI thread, as ``QueryOp``s: the approvals on the database lane, the
print spool on the I/O lane. The window refreshes them on a timer and after the events that
move them (a decision, a print outcome, an approval)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from qc_station.domain.errors import QcError
from qc_station.services import approval
from qc_station.services.permissions import Action, roles_for

from ..session import Session
from ..tasks import Lane
from .base import Presenter, QueryOp, ignore_failure

#: How many waiting decisions are read at most: past it the toolbar says "99+".
APPROVALS_READ = 100


@dataclass(frozen=True)
class ToolbarCounts:
    #: decisions waiting for approval; None when the user may not approve (nothing shown)
    approvals_waiting: int | None = None
    #: print jobs waiting in the print queue after a failure
    failed_prints: int = 0
    loading: bool = False


class ToolbarCountsPresenter(Presenter[ToolbarCounts]):
    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, ToolbarCounts(), parent)

    def refresh(self) -> None:
        """Read both counts again; a read already under way is not doubled."""
        session = self._session
        user = session.user
        if user is None or self.state.loading:
            return  # a user is signed in only once the core is built
        if user.role in roles_for(Action.APPROVE):
            ctx, actor = session.ctx, session.require_actor()
            self.run(
                QueryOp(
                    lambda: len(approval.pending_approvals(ctx, actor, APPROVALS_READ)),
                    on_success=lambda n: self._set(approvals_waiting=n),
                    on_failure=ignore_failure,  # a count is a hint; the page says why
                    flag="loading",
                    shows_busy=False,
                )
            )
        elif self.state.approvals_waiting is not None:
            self._set(approvals_waiting=None)
        queue = session.ports.print_queue
        self.run(
            QueryOp(
                lambda: len(queue.pending()),
                on_success=lambda n: self._set(failed_prints=n),
                on_failure=ignore_failure,
                lane=Lane.IO,
                expected=(QcError, OSError),  # an unreadable spool folder counts as nothing
                flag="loading",
                shows_busy=False,
            )
        )

    def clear(self) -> None:
        """Signed out: nothing is shown for the next user until read for them."""
        self._set(approvals_waiting=None, failed_prints=0)
