"""Scanning (SPEC §2 step 2): a code from any source (the wedge scanner's burst, typed entry,
the webcam decoder) opens its RMA and claims the unit to inspect at this station.

``submit_code`` is the seam: whatever decodes a barcode calls it with the code as a string.
A bad scan (unknown code, a decided unit, a unit held by another station) is an inline error
with the error sound; the RMA is still shown when it was found, so the inspector sees why. An
unknown code also offers to create an unexpected return for the parcel (SPEC §7.2):
``unknown_code`` holds the code until the next scan.

The webcam's decoded codes come through ``submit_camera_code``: the same path as a typed
scan, with the success sound as the "read" beep a hand scanner would give.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from qc_station.domain.enums import UnitState
from qc_station.domain.errors import NotFound, QcError
from qc_station.services import outbox, returns
from qc_station.services.views import RmaView

from ..messages import describe
from ..session import Session
from .base import ChangeOp, Presenter


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

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, ScanState(), parent)

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
        """Show the green line for the unit just decided; the RMA panel is cleared."""
        self._set(rma=None, error="", confirmation=text, unknown_code="")

    def clear(self) -> None:
        self._set(rma=None, error="", confirmation="", last_code="", unknown_code="")

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

    def _on_scan_failed(self, error: BaseException) -> None:
        unknown = self.state.last_code if isinstance(error, NotFound) else ""
        self._set(rma=None, unknown_code=unknown)
        self._fail(describe(error))
