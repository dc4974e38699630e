"""Scanning (SPEC §2 step 2): a code from any source (the wedge scanner's burst, typed entry,
the webcam decoder) opens its RMA and claims the unit to inspect at this station.

``submit_code`` is the seam: whatever decodes a barcode calls it with the code as a string.
A bad scan (unknown code, a decided unit, a unit held by another station) is an inline error
with the error sound; the RMA is still shown when it was found, so the inspector sees why. An
unknown code also offers to create an unexpected return for the parcel (SPEC §7.2):
``unknown_code`` holds the code until the next scan.

The webcam's decoded codes come through ``submit_camera_code``: the same path as a typed
scan, with the success sound as the "read" beep a hand scanner would give.

Beside the scan, the shift (issue 16): how many units the inspector and the station decided
today and the station's last decisions (``services.shift``), read off the GUI thread when the
page is shown and after each decision. ``reprint`` asks for a decided unit's label again
(``reprint_requested``: the window hands it to its print center, the one print path).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from qc_station.domain.enums import UnitState
from qc_station.domain.errors import NotFound, QcError
from qc_station.services import outbox, returns, shift
from qc_station.services.context import Actor
from qc_station.services.shift import ShiftView
from qc_station.services.views import RmaView

from ..messages import describe
from ..session import Session
from .base import ChangeOp, Presenter, QueryOp, ignore_failure


@dataclass(frozen=True)
class ScanOutcome:
    """What a scan found: the RMA (if any) and the unit claimed, or why none was."""

    rma: RmaView
    claimed_lpn: str | None
    error: QcError | None


@dataclass(frozen=True)
class ScanState:
    rma: RmaView | None = None
    error: str = ""
    confirmation: str = ""  # the last decision, in green ("RMA-…-1: RESTOCK")
    busy: bool = False
    last_code: str = ""
    #: The last scan found nothing: the page offers "Create an unexpected return (F8)".
    unknown_code: str = ""
    #: Why the camera shows no picture (inline, under the preview); "" when it is fine.
    camera_error: str = ""
    #: The station's day so far (None until read, and after a sign-out).
    shift: ShiftView | None = None
    shift_loading: bool = False


def _tr(source: str) -> str:
    return QCoreApplication.translate("ScanPresenter", source)


def scan_and_claim(session: Session, code: str) -> ScanOutcome:
    """Runs on the database lane: find the RMA, then claim its unit for this station."""
    ctx, actor = session.ctx, session.require_actor()
    rma = returns.find(ctx, code, actor.station)
    lpn = rma.focus_lpn
    if lpn is None:
        # Nothing left for this station: claim one anyway so the core says why, in its words
        # (decided, waiting for approval, or held at another station and by whom).
        open_units = [
            u for u in rma.units if u.state in (UnitState.EXPECTED, UnitState.IN_INSPECTION)
        ]
        lpn = (open_units or list(rma.units))[0].lpn if rma.units else None
    if lpn is None:
        return ScanOutcome(rma, None, None)
    try:
        claimed = returns.claim_unit(ctx, actor, lpn)
        # After an outage the unit is still claimed here, so the claim offers it again: its
        # inspection must not be done twice while the first waits in the journal.
        outbox.require_not_kept(session.ports.journal, lpn)
    except QcError as error:
        return ScanOutcome(rma, None, error)
    return ScanOutcome(claimed, lpn, None)


class ScanPresenter(Presenter[ScanState]):
    unit_claimed = Signal(object, str)  # RmaView, LPN
    unexpected_return_requested = Signal(str)  # the unknown code scanned
    reprint_requested = Signal(str)  # the LPN whose label is to print again

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, ScanState(), parent)
        self._shift_again = False

    def submit_code(self, raw: str) -> None:
        """A code was scanned or typed. Ignored while the previous scan is still running, so
        a double scan of the same parcel claims once."""
        code = raw.strip()
        if self.state.busy:
            return
        if not code:
            self._fail(_tr("Scan an RMA barcode or a unit label."))
            return
        session = self._session
        self.run(
            ChangeOp(
                lambda: scan_and_claim(session, code),
                on_success=self._on_scan_done,
                on_failure=self._on_scan_failed,
            ),
            error="",
            confirmation="",
            last_code=code,
            unknown_code="",
        )

    def submit_camera_code(self, code: str) -> None:
        """The webcam decoded ``code`` (already debounced): beep as a scanner does, then open
        it as if it had been typed."""
        if self.state.busy:
            return
        self._session.sounds.success()
        self.submit_code(code)

    def request_unexpected_return(self) -> None:
        """F8 after an unknown code: open the form for a parcel that came with no RMA."""
        if self.state.unknown_code and not self.state.busy:
            self.unexpected_return_requested.emit(self.state.unknown_code)

    def camera_failed(self, message: str) -> None:
        """The camera could not start or was lost: say why under the preview, with a sound."""
        self._session.sounds.error()
        self._set(camera_error=message)

    def camera_started(self) -> None:
        self._set(camera_error="")

    def confirm_decision(self, text: str) -> None:
        """Show the green line for the unit just decided; the RMA panel is cleared, and the
        shift read again (one more unit decided)."""
        self._set(rma=None, error="", confirmation=text, unknown_code="")
        self.refresh_shift()

    def clear(self) -> None:
        """Signed out: nothing of this user's (nor the station's day) stays on screen."""
        self._set(rma=None, error="", confirmation="", last_code="", unknown_code="", shift=None)

    def refresh_shift(self) -> None:
        """Read the shift's counts and last decisions again, on the database lane. Not a
        busy operation: a scan is never held up by it. A read asked for while one runs is
        made once more when it ends."""
        session = self._session
        if session.user is None:
            return  # nobody signed in (or the core not built yet): nothing to count for
        if self.state.shift_loading:
            self._shift_again = True
            return
        ctx, actor, is_outage = session.ctx, session.require_actor(), session.ports.is_outage

        def read() -> ShiftView | None:
            try:
                return shift.shift_view(ctx, actor)
            except Exception as error:
                if is_outage(error):
                    return None  # the window's banner says the database is away
                raise

        self.run(
            QueryOp(
                read,
                on_success=lambda view: self._on_shift_loaded(actor, view),
                # The counts are a help, not the work: a failed read leaves the last ones.
                on_failure=ignore_failure,
                on_finished=self._shift_again_if_asked,
                flag="shift_loading",
                shows_busy=False,
            )
        )

    def shift_shown(self) -> None:
        """The page came on screen: read the shift, unless a read is already under way (a
        decision's, just asked for)."""
        if not self.state.shift_loading:
            self.refresh_shift()

    def reprint(self, lpn: str) -> None:
        """Print the label of ``lpn``, one of the shift's decisions, again."""
        decided = self.state.shift.recent if self.state.shift else ()
        if not any(d.lpn == lpn for d in decided):
            return
        self.reprint_requested.emit(lpn)
        self._set(
            error="",
            confirmation=_tr("Printing the label of {lpn} again…").format(lpn=lpn),
            unknown_code="",
        )

    def show_notice(self, text: str) -> None:
        """A line about the last unit (one left uninspected), without the RMA panel."""
        if not self.state.busy:
            self._set(rma=None, error="", confirmation=text, unknown_code="")

    def show_error(self, message: str) -> None:
        """An inline error from elsewhere in the station (a release that failed)."""
        self._fail(message)

    def _on_scan_done(self, result: object) -> None:
        assert isinstance(result, ScanOutcome)
        if result.error is not None:
            self._set(rma=result.rma)
            self._fail(describe(result.error))
            return
        if result.claimed_lpn is None:
            self._set(rma=result.rma)
            self._fail(_tr("This RMA has no units to inspect."))
            return
        self._set(rma=result.rma, error="")
        self.unit_claimed.emit(result.rma, result.claimed_lpn)

    def _on_shift_loaded(self, actor: Actor, view: ShiftView | None) -> None:
        # A read that ends after a sign-out, or for the user before, is dropped.
        if view is not None and self._session.actor == actor:
            self._set(shift=view)

    def _shift_again_if_asked(self) -> None:
        if self._shift_again:
            self._shift_again = False
            self.refresh_shift()

    def _on_scan_failed(self, error: BaseException) -> None:
        unknown = self.state.last_code if isinstance(error, NotFound) else ""
        self._set(rma=None, unknown_code=unknown)
        self._fail(describe(error))
