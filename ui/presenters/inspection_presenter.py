"""Inspecting one unit (SPEC §2 steps 3–4): checklist, grade, finding, serial, notes, photos,
the live decision, an optional override with its reason, and the submission.

Checklist default: every item starts as **pass**, visibly, and the inspector changes the ones
that fail. We chose this over leaving items unanswered because the common case (an unopened
item returned for a change of mind) must be decided with scan → grade key → Enter (SPEC §8),
and the answers are on screen, not silently filled in at submit time; the audit records them
as given.

Finding default: the one the customer's stated reason suggests
(``domain.stated_reasons.suggested_finding``, in any of its languages or an Amazon reason code:
NO_FAULT for a change of mind or a size that did not fit, DEFECT for "defekt", …), otherwise
none, so the inspector must choose one. The inspector changes it by key.

Leaving (``release``): the inspection ends at once and the unit's claim is released on the
database lane (``services.returns.release_claim``), so no unit stays held by a station nobody
works at; ``unit_released`` says when it is done. ``dirty`` tells whether the inspector
entered anything that leaving would lose (the page asks first).

The live decision is computed on the GUI thread: ``services.inspection.preview`` is pure
policy arithmetic with no database work. Photo decoding runs on the I/O lane, the submission
on the database lane.

A unit a supervisor sent back (rejected) shows the supervisor's comment: it is looked up on
the database lane when the inspection starts (``services.inspection.latest_rejection``).
Webcam photos arrive as a full-size frame (``add_camera_photo``); files are read and checked
through the station's photo reader (``session.ports.photos``), on the I/O lane. Both are
kept as captured: the submission burns the capture time into each (``submit_inspection``).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QImage

from qc_station.domain.decision import Proposal
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline
from qc_station.domain.errors import Conflict, QcError
from qc_station.domain.model import Decision
from qc_station.domain.policy import ChecklistItem
from qc_station.domain.stated_reasons import suggested_finding
from qc_station.services import inspection, outbox, returns
from qc_station.services.inspection import InspectionDraft, PhotoInput
from qc_station.services.station_ports import PhotoReader
from qc_station.services.views import DecisionView, RmaView, UnitView

from ..messages import describe
from ..session import Session
from ..tasks import Lane
from .base import ChangeOp, Presenter, QueryOp, ignore_failure

log = logging.getLogger(__name__)

THUMBNAIL_EDGE = 120


@dataclass(frozen=True)
class PhotoItem:
    """A photo added to the draft: the bytes as captured (stamped when the inspection is
    submitted) and where it came from."""

    name: str
    photo: PhotoInput
    thumbnail: QImage


@dataclass(frozen=True)
class RejectionItem:
    """Why a supervisor sent this unit back: shown prominently until it is decided again."""

    comment: str
    rejected_by: str
    rejected_at: datetime | None


@dataclass(frozen=True)
class InspectionState:
    rma: RmaView | None = None
    lpn: str = ""
    checklist: tuple[ChecklistItem, ...] = ()
    answers: Mapping[str, ChecklistAnswer] = field(default_factory=lambda: MappingProxyType({}))
    grade: Grade | None = None
    finding: Finding | None = None
    serial: str = ""
    notes: str = ""
    photos: tuple[PhotoItem, ...] = ()
    photos_loading: int = 0
    override: Headline | None = None
    override_reason: str = ""
    proposal: Proposal | None = None
    problem: str = ""  # why there is no live decision yet, or what is wrong with it
    error: str = ""
    busy: bool = False
    rejection: RejectionItem | None = None

    @property
    def unit(self) -> UnitView | None:
        return self.rma.unit(self.lpn) if self.rma else None


def _tr(source: str) -> str:
    return QCoreApplication.translate("InspectionPresenter", source)


def _thumbnail(image: QImage) -> QImage:
    # QImage (not QPixmap) is safe off the GUI thread; scale here, not when painting.
    return image.scaled(
        THUMBNAIL_EDGE,
        THUMBNAIL_EDGE,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def _load_photo(reader: PhotoReader, file: Path, captured_at: datetime) -> PhotoItem:
    """Runs on the I/O lane: read and check the file (a bad one is refused now, not at
    submit), and make the thumbnail."""
    data = reader.read(file)
    photo = PhotoInput(data, captured_at, file.name)
    return PhotoItem(file.name, photo, _thumbnail(QImage.fromData(data)))


def _load_camera_photo(image: QImage, captured_at: datetime, name: str) -> PhotoItem:
    """Runs on the I/O lane: a webcam frame becomes a photo as a file does."""
    buffer = QByteArray()
    device = QBuffer(buffer)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    # PNG: lossless, so the frame is compressed once, by the stamp's JPEG.
    image.save(device, "PNG")
    device.close()
    photo = PhotoInput(bytes(buffer.data()), captured_at, name)
    return PhotoItem(name, photo, _thumbnail(image))


def _find_rejection(session: Session, lpn: str) -> RejectionItem | None:
    """Runs on the database lane."""
    decision: Decision | None = inspection.latest_rejection(session.ctx, lpn)
    if decision is None:
        return None
    return RejectionItem(
        decision.approval_comment, decision.approved_by or "", decision.approved_at
    )


class InspectionPresenter(Presenter[InspectionState]):
    decision_submitted = Signal(object)  # DecisionView
    unit_released = Signal(str)  # LPN: its claim was released (the inspection was left)
    release_failed = Signal(str, str)  # LPN, why in words
    #: the database was unreachable: the inspection is kept on this station (outbox.Journalled)
    inspection_journalled = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, InspectionState(), parent)
        self._inspection_id = ""
        self._started_at: datetime | None = None  # set by start(), when a unit is claimed
        self._suggested: Finding | None = None  # the finding the stated reason suggested

    @property
    def active(self) -> bool:
        return self.state.rma is not None

    # --- commands ------------------------------------------------------------------------

    def start(self, rma: RmaView, lpn: str) -> None:
        """A unit was claimed: begin a fresh inspection of it."""
        unit = rma.unit(lpn)
        category = unit.category if unit else ""
        items = self._session.ctx.policy.checklist_for(category)
        self._inspection_id = str(uuid.uuid4())
        self._started_at = self._session.ctx.clock.now()
        finding = suggested_finding(rma.stated_reason)
        self._suggested = finding
        self._update(
            InspectionState(
                rma=rma,
                lpn=lpn,
                checklist=items,
                answers=MappingProxyType({item.key: ChecklistAnswer.PASS for item in items}),
                finding=finding,
            )
        )
        session, token = self._session, self._inspection_id
        self.run(
            QueryOp(
                partial(_find_rejection, session, lpn),
                on_success=partial(self._on_rejection_found, token),
                on_failure=ignore_failure,
                flag=None,
                shows_busy=False,
            )
        )

    def clear(self) -> None:
        self._inspection_id = ""
        self._update(InspectionState())

    @property
    def dirty(self) -> bool:
        """Whether the inspector entered anything that leaving the inspection would lose."""
        state = self.state
        if state.rma is None:
            return False
        return bool(
            state.grade is not None
            or state.finding != self._suggested
            or state.serial.strip()
            or state.notes.strip()
            or state.photos
            or state.photos_loading
            or state.override is not None
            or state.override_reason.strip()
            or any(answer != ChecklistAnswer.PASS for answer in state.answers.values())
        )

    def release(self) -> None:
        """Leave the inspection: it ends now (what was entered is dropped) and the unit's
        claim is released on the database lane, for any station to take."""
        if self.state.rma is None:
            return
        lpn = self.state.lpn
        ctx, actor = self._session.ctx, self._session.require_actor()
        self.clear()
        self.run(
            ChangeOp(
                lambda: returns.release_claim(ctx, actor, lpn),
                on_success=lambda _: self.unit_released.emit(lpn),
                on_failure=partial(self._on_release_failed, lpn),
                flag=None,
            )
        )

    def set_grade(self, grade: Grade) -> None:
        self._update(replace(self.state, grade=grade, error=""))

    def set_finding(self, finding: Finding | None) -> None:
        self._update(replace(self.state, finding=finding, error=""))

    def restore_choice(self, grade: Grade | None, finding: Finding | None) -> None:
        """Grade and finding back as they were (a key that turned out to begin a scan)."""
        self._update(replace(self.state, grade=grade, finding=finding, error=""))

    def set_answer(self, key: str, answer: ChecklistAnswer) -> None:
        answers = dict(self.state.answers)
        answers[key] = answer
        self._update(replace(self.state, answers=MappingProxyType(answers), error=""))

    def set_serial(self, serial: str) -> None:
        self.state = replace(self.state, serial=serial)  # no re-render while typing

    def set_notes(self, notes: str) -> None:
        self.state = replace(self.state, notes=notes)

    def set_override(self, headline: Headline | None) -> None:
        self._update(replace(self.state, override=headline, error=""))

    def set_override_reason(self, reason: str) -> None:
        self.state = replace(self.state, override_reason=reason)

    def add_photo_files(self, paths: Iterable[str]) -> None:
        """Read and check photo files on the I/O lane; thumbnails follow."""
        reader = self._session.ports.photos
        token = self._inspection_id
        for path in paths:
            captured_at = self._session.ctx.clock.now()
            self._update(replace(self.state, photos_loading=self.state.photos_loading + 1))
            self.run(self._photo_op(token, partial(_load_photo, reader, Path(path), captured_at)))

    def add_camera_photo(self, image: QImage) -> None:
        """A full-size webcam frame, taken now: kept as a PNG, made on the I/O lane."""
        if self.state.rma is None:
            return
        token = self._inspection_id
        captured_at = self._session.ctx.clock.now()
        name = f"webcam-{captured_at:%Y%m%d-%H%M%S}-{len(self.state.photos) + 1}.jpg"
        self._update(replace(self.state, photos_loading=self.state.photos_loading + 1))
        self.run(self._photo_op(token, partial(_load_camera_photo, image, captured_at, name)))

    def camera_failed(self, message: str) -> None:
        """The webcam could not start or was lost: an inline message with a sound."""
        self._fail(message)

    def remove_photo(self, index: int) -> None:
        photos = list(self.state.photos)
        if 0 <= index < len(photos):
            del photos[index]
            self._update(replace(self.state, photos=tuple(photos)))

    def submit(self) -> None:
        """Store the inspection and its decision, on the database lane."""
        state = self.state
        if state.busy or state.rma is None:
            return
        problem = self._missing_input(state)
        if problem:
            self._fail(problem)
            return
        assert state.grade is not None
        assert state.finding is not None
        draft = InspectionDraft(
            lpn=state.lpn,
            grade=state.grade,
            finding=state.finding,
            checklist=dict(state.answers),
            serial=state.serial,
            notes=state.notes,
            photos=tuple(p.photo for p in state.photos),
            override=state.override,
            override_reason=state.override_reason.strip(),
            started_at=self._started_at,
            inspection_id=self._inspection_id,
        )
        ctx, actor = self._session.ctx, self._session.require_actor()
        journal, is_outage = self._session.ports.journal, self._session.ports.is_outage
        sign_in = self._session.journal_sign_in
        self.run(
            ChangeOp(
                # During an outage the draft and its photos go to the local journal instead,
                # signed with this sign-in's key (SPEC §6).
                lambda: outbox.submit_or_journal(ctx, actor, draft, journal, is_outage, sign_in),
                on_success=self._on_submitted,
            ),
            error="",
        )

    # --- results -------------------------------------------------------------------------

    def _on_submitted(self, decision: object) -> None:
        if isinstance(decision, outbox.Journalled):
            self._session.sounds.error()
            self.clear()
            self.inspection_journalled.emit(decision)
            return
        assert isinstance(decision, DecisionView)
        self._session.sounds.success()
        self.clear()
        self.decision_submitted.emit(decision)

    def _on_release_failed(self, lpn: str, error: BaseException) -> None:
        if isinstance(error, Conflict):
            self.unit_released.emit(lpn)  # not claimed any more: nothing left to release
            return
        log.warning("releasing %s failed: %s", lpn, error)
        self.release_failed.emit(lpn, describe(error))

    def _on_rejection_found(self, token: str, item: object) -> None:
        if token == self._inspection_id and isinstance(item, RejectionItem):
            self._update(replace(self.state, rejection=item))

    def _on_photo_loaded(self, token: str, item: object) -> None:
        if token != self._inspection_id:
            return  # a photo for an inspection that has since ended
        assert isinstance(item, PhotoItem)
        self._update(replace(self.state, photos=(*self.state.photos, item)))

    def _on_photo_failed(self, token: str, error: BaseException) -> None:
        if token == self._inspection_id:
            self._fail(describe(error))

    def _on_photo_finished(self, token: str) -> None:
        if token == self._inspection_id:
            self._update(replace(self.state, photos_loading=max(0, self.state.photos_loading - 1)))

    # --- state ---------------------------------------------------------------------------

    def _missing_input(self, state: InspectionState) -> str:
        if state.grade is None:
            return _tr("Choose a grade: keys 1–5 or A, B, C, D, X.")
        if state.finding is None:
            return _tr("Choose a finding.")
        if state.photos_loading:
            return _tr("Photos are still being prepared; submit again in a moment.")
        if state.override is not None and not state.override_reason.strip():
            return _tr("Write why you override the proposed decision.")
        if state.proposal is None and state.problem:
            return state.problem
        return ""

    def refresh_decision(self) -> None:
        """Another policy is in force: show the live decision it gives, the one Enter saves."""
        self._update(self.state)

    def _update(self, state: InspectionState) -> None:
        self._put(state)

    def _derived(self, state: InspectionState) -> InspectionState:
        return self._with_preview(state)

    def _photo_op(self, token: str, work: Callable[[], PhotoItem]) -> QueryOp[PhotoItem]:
        """Preparing a photo on the I/O lane; its outcome counts only for the inspection
        that asked (``token``), whose ``photos_loading`` it keeps."""
        return QueryOp(
            work,
            on_success=partial(self._on_photo_loaded, token),
            on_failure=partial(self._on_photo_failed, token),
            on_finished=partial(self._on_photo_finished, token),
            lane=Lane.IO,
            flag=None,
            shows_busy=False,
        )

    def _with_preview(self, state: InspectionState) -> InspectionState:
        """Recompute the live decision for the state's grade, finding, photos and override."""
        if state.rma is None:
            return replace(state, proposal=None, problem="")
        if state.grade is None or state.finding is None:
            problem = (
                _tr("Choose a grade (keys 1–5 or A–D, X) to see the decision.")
                if state.grade is None
                else _tr("Choose a finding to see the decision.")
            )
            return replace(state, proposal=None, problem=problem)
        try:
            proposal = inspection.preview(
                self._session.ctx.policy,
                state.rma,
                state.lpn,
                state.grade,
                state.finding,
                len(state.photos),
                state.override,
                state.override_reason,
            )
        except QcError as error:
            return replace(state, proposal=None, problem=describe(error))
        return replace(state, proposal=proposal, problem="")
