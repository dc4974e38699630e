"""The supervisor's follow-up (SPEC §2 step 8, §8 "Disputes and deadlines", §10): refunds and
dispute evidence due (overdue and due-soon stand out), disputes with their steps (evidence
sent, won, lost, settled with an amount), reopening a decided unit with a reason, and
releasing a claim a station has held too long.

Every service call runs on the database lane; the services check roles and the dispute's
allowed steps. Amounts are parsed here with the domain's ``parse_amount`` so a typing mistake
is an inline message and nothing is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject

from qc_station.domain.dispute import DisputeState
from qc_station.domain.errors import QcError
from qc_station.domain.money import parse_amount
from qc_station.services import approval, deadlines, disputes, returns
from qc_station.services.deadlines import DEFAULT_STALE_AFTER, ClaimItem, DeadlineItem
from qc_station.services.disputes import DisputeView

from ..messages import describe
from ..session import Session
from .base import ChangeOp, Presenter, QueryOp


@dataclass(frozen=True)
class FollowUp:
    """What one refresh loads, together."""

    deadlines: tuple[DeadlineItem, ...]
    disputes: tuple[DisputeView, ...]
    claims: tuple[ClaimItem, ...]


@dataclass(frozen=True)
class DeadlinesState:
    deadlines: tuple[DeadlineItem, ...] = ()
    disputes: tuple[DisputeView, ...] = ()
    claims: tuple[ClaimItem, ...] = ()
    include_closed: bool = False
    stale_minutes: int = int(DEFAULT_STALE_AFTER.total_seconds() // 60)
    loading: bool = False
    busy: bool = False
    message: str = ""
    done: str = ""  # the last action that succeeded: evidence, close, reopen or release
    error: str = ""


def _tr(source: str) -> str:
    return QCoreApplication.translate("DeadlinesPresenter", source)


def load_follow_up(session: Session, include_closed: bool, stale: timedelta) -> FollowUp:
    """Runs on the database lane."""
    ctx, actor = session.ctx, session.require_actor()
    return FollowUp(
        tuple(deadlines.work_list(ctx, actor)),
        tuple(disputes.list_disputes(ctx, actor, include_closed)),
        tuple(deadlines.stale_claims(ctx, actor, stale)),
    )


class DeadlinesPresenter(Presenter[DeadlinesState]):
    _failure_clears = ("message", "done")

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, DeadlinesState(), parent)

    def now(self) -> datetime:
        return self._session.ctx.clock.now()

    # --- commands ------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.state.loading:
            return
        session = self._session
        include_closed = self.state.include_closed
        stale = timedelta(minutes=self.state.stale_minutes)
        self.run(
            QueryOp(
                lambda: load_follow_up(session, include_closed, stale),
                on_success=self._on_loaded,
                flag="loading",
                shows_busy=False,
            )
        )

    def set_include_closed(self, include: bool) -> None:
        if include != self.state.include_closed:
            self._set(include_closed=include)
            self.refresh()

    def set_stale_minutes(self, minutes: int) -> None:
        if minutes != self.state.stale_minutes and minutes >= 0:
            self._set(stale_minutes=minutes)
            self.refresh()

    def send_evidence(self, dispute: DisputeView, note: str = "") -> None:
        ctx, actor = self._session.ctx, self._session.require_actor()
        self._work(
            "evidence",
            lambda: disputes.send_evidence(ctx, actor, dispute.id, note, dispute.version),
            _tr("Evidence for {lpn} recorded as sent.").format(lpn=dispute.lpn),
        )

    def close_dispute(
        self, dispute: DisputeView, outcome: DisputeState, note: str = "", amount_text: str = ""
    ) -> None:
        amount = None
        if outcome == DisputeState.SETTLED:
            if not amount_text.strip():
                self._fail(
                    _tr("Enter the settled amount in {currency}.").format(currency=dispute.currency)
                )
                return
            try:
                amount = parse_amount(amount_text, "amount")
            except QcError as error:
                self._fail(describe(error))
                return
        ctx, actor = self._session.ctx, self._session.require_actor()
        self._work(
            "close",
            lambda: disputes.close_dispute(
                ctx, actor, dispute.id, outcome, note, amount, dispute.version
            ),
            _tr("Dispute about {lpn} closed.").format(lpn=dispute.lpn),
        )

    def reopen(self, lpn: str, reason: str) -> None:
        if not lpn.strip():
            self._fail(_tr("Enter the LPN of the decided unit to reopen."))
            return
        if not reason.strip():
            self._fail(_tr("Write why the unit is reopened; the audit log keeps it."))
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        self._work(
            "reopen",
            lambda: approval.reopen(ctx, actor, lpn, reason),
            _tr("{lpn} reopened: it is back in inspection.").format(lpn=lpn.strip()),
        )

    def release_claim(self, claim: ClaimItem, reason: str) -> None:
        if not reason.strip():
            self._fail(_tr("Write why the claim is released; the audit log keeps it."))
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        self._work(
            "release",
            lambda: returns.release_claim(ctx, actor, claim.lpn, reason),
            _tr("{lpn} released from station {station}.").format(
                lpn=claim.lpn, station=claim.station
            ),
        )

    # --- results -------------------------------------------------------------------------

    def _work(self, done: str, call: Callable[[], object], done_message: str) -> None:
        if self.state.busy:
            return
        self.run(
            ChangeOp(call, on_success=partial(self._on_done, done, done_message)),
            error="",
            message="",
            done="",
        )

    def _on_done(self, done: str, message: str, _result: object) -> None:
        self._session.sounds.success()
        self._set(message=message, done=done, error="")

    def _after_change(self) -> None:
        self.refresh()

    def _on_loaded(self, found: object) -> None:
        assert isinstance(found, FollowUp)
        self._set(deadlines=found.deadlines, disputes=found.disputes, claims=found.claims)
