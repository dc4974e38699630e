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

A unit a supervisor sent back (rejected) shows the supervisor's comment and opens with what
its last inspection entered (grade, finding, checklist, serial, notes, photos), so the
inspector corrects it rather than starting again: both are looked up on the database lane when
the inspection starts (``services.sent_back``) and filled in unless the inspector has already
entered something.

The unboxing video (SPEC §7.5) is recorded by ``unboxing_video.UnboxingVideo``: from the
inspection's start to its saved decision, discarded when the inspection is left; its status is
``InspectionState.video``.
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

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

from qc_station.domain.decision import Proposal
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline
from qc_station.domain.errors import Conflict, QcError
from qc_station.domain.policy import ChecklistItem
from qc_station.domain.stated_reasons import suggested_finding
from qc_station.services import outbox, returns
from qc_station.services.inspection import InspectionDraft, preview
from qc_station.services.views import DecisionView, RmaView, UnitView

from ..messages import describe
from ..session import Session
from ..tasks import Lane
from .base import ChangeOp, Presenter, QueryOp, ignore_failure
from .inspection_items import (
    PhotoItem,
    RejectionItem,
    SentBackItem,
    find_sent_back,
    load_camera_photo,
    load_photo,
)
from .unboxing_video import CameraLike, UnboxingVideo, VideoStatus

log = logging.getLogger(__name__)


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
    video: VideoStatus = field(default_factory=VideoStatus)
    #: counts the times the presenter filled the text fields (a sent-back unit's last entry)
    filled: int = 0

    @property
    def unit(self) -> UnitView | None:
        return self.rma.unit(self.lpn) if self.rma else None


def _tr(source: str) -> str:
    return QCoreApplication.translate("InspectionPresenter", source)


class InspectionPresenter(Presenter[InspectionState]):
    decision_submitted = Signal(object)  # DecisionView
    unit_released = Signal(str)  # LPN: its claim was released (the inspection was left)
    release_failed = Signal(str, str)  # LPN, why in words
    #: the database was unreachable: the inspection is kept on this station (outbox.Journalled)
    inspection_journalled = Signal(object)
    #: the unboxing video started recording: the page runs the camera
    camera_needed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, InspectionState(), parent)
        self._inspection_id = ""
        self._started_at: datetime | None = None  # set by start(), when a unit is claimed
        self._suggested: Finding | None = None  # the finding the stated reason suggested
        self._video = UnboxingVideo(session, self)
        self._video.changed.connect(self._on_video_changed)
        self._video.camera_needed.connect(self.camera_needed)

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
        session, token, actor = self._session, self._inspection_id, self._session.require_actor()
        self._video.open(lpn, actor.username)
        self.run(
            QueryOp(
                partial(find_sent_back, session, actor, lpn),
                on_success=partial(self._on_sent_back_found, token),
                on_failure=ignore_failure,
                flag=None,
                shows_busy=False,
            )
        )

    def clear(self) -> None:
        self._video.discard()  # a clip still recording was not decided: nothing is kept
        self._inspection_id = ""
        self._update(InspectionState())

    # --- the unboxing video's camera and page ----------------------------------------------

    def use_camera(self, camera: CameraLike | None) -> None:
        """The station camera the unboxing video is recorded from."""
        self._video.use_camera(camera)

    @property
    def video_recording(self) -> bool:
        return self._video.recording

    def page_shown(self) -> None:
        """The page is back (after the lock): an open inspection records again."""
        if self.active and not self._video.attempted:
            self._video.open(self.state.lpn, self._session.require_actor().username)

    def page_hidden(self) -> None:
        """The page went (the lock, another area): its clip is left undecided, so dropped."""
        self._video.discard()

    def camera_turned_off(self) -> None:
        self._video.source_stopped(_tr("the camera is off"))

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
            self.run(self._photo_op(token, partial(load_photo, reader, Path(path), captured_at)))

    def add_camera_photo(self, image: QImage) -> None:
        """A full-size webcam frame, taken now: kept as a PNG, made on the I/O lane."""
        if self.state.rma is None:
            return
        token = self._inspection_id
        captured_at = self._session.ctx.clock.now()
        name = f"webcam-{captured_at:%Y%m%d-%H%M%S}-{len(self.state.photos) + 1}.jpg"
        self._update(replace(self.state, photos_loading=self.state.photos_loading + 1))
        self.run(self._photo_op(token, partial(load_camera_photo, image, captured_at, name)))

    def camera_failed(self, message: str) -> None:
        """The webcam could not start or was lost: an inline message with a sound; while
        recording, the video's notice says it (the clip keeps what it has)."""
        if self._video.recording:
            self._video.source_stopped(message)
        else:
            self._fail(message)

    def remove_photo(self, index: int) -> None:
        photos = list(self.state.photos)
        if 0 <= index < len(photos):
            del photos[index]
            self._update(replace(self.state, photos=tuple(photos), error=""))

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
            # The clip is stored; attaching it waits for a database that knows the inspection.
            self._video.close(self._inspection_id, self._session.require_actor())
            self.clear()
            self.inspection_journalled.emit(decision)
            return
        assert isinstance(decision, DecisionView)
        self._session.sounds.success()
        self._video.close(self._inspection_id, self._session.require_actor())
        self.clear()
        self.decision_submitted.emit(decision)

    def _on_release_failed(self, lpn: str, error: BaseException) -> None:
        if isinstance(error, Conflict):
            self.unit_released.emit(lpn)  # not claimed any more: nothing left to release
            return
        log.warning("releasing %s failed: %s", lpn, error)
        self.release_failed.emit(lpn, describe(error))

    def _on_sent_back_found(self, token: str, item: object) -> None:
        if token != self._inspection_id or not isinstance(item, SentBackItem):
            return
        state = replace(self.state, rejection=item.rejection)
        if not self.dirty:  # what the inspector already entered wins
            last = item.inspection
            answers = {k: last.checklist.get(k, a) for k, a in state.answers.items()}
            state = replace(
                state,
                grade=last.grade,
                finding=last.finding,
                answers=MappingProxyType(answers),
                serial=last.serial,
                notes=last.notes,
                photos=item.photos,
                filled=state.filled + 1,
            )
        self._update(state)

    def _on_video_changed(self) -> None:
        if self.active:
            self._update(replace(self.state, video=self._video.status))

    def _on_photo_loaded(self, token: str, item: object) -> None:
        if token != self._inspection_id:
            return  # a photo for an inspection that has since ended
        assert isinstance(item, PhotoItem)
        # Like any other input, a new photo ends the last error ("2 more photos needed").
        self._update(replace(self.state, photos=(*self.state.photos, item), error=""))

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
            proposal = preview(
                self._session.ctx.policy,
                state.rma,
                state.lpn,
                state.grade,
                state.finding,
                len(state.photos),
                state.override,
                state.override_reason,
                # The live decision's override line before the reason is written, in words.
                unwritten_reason=_tr("(reason to be written)"),
            )
        except QcError as error:
            return replace(state, proposal=None, problem=describe(error))
        return replace(state, proposal=proposal, problem="")
