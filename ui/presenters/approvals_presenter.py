"""The supervisor's approval queue (SPEC §2 step 5, §5.5, §8 "Approval queue"): the units
waiting, why each waits, the selected unit's inspection with photo thumbnails, approve or
reject with a comment, and bulk approval of plain cases after one confirmation. Each queue
item carries its inspection's unboxing clips (``ApprovalItem.videos``: SHA-256, length,
whether pruned); the page plays one from the station's clip store (``video_store``).

Every service call runs on the database lane; thumbnails are read from the photo store and
scaled on the I/O lane (``QImage`` is safe off the GUI thread). Four eyes, roles and what
counts as plain are decided by the services; the presenter only offers.
``decision_approved`` fires after each approval, single or bulk (label printing hangs on it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QImage

from qc_station.domain.enums import Resolution
from qc_station.domain.policy import ChecklistItem
from qc_station.services import approval
from qc_station.services.approval import ApprovalItem, BulkApproval
from qc_station.services.ports import PhotoStore
from qc_station.services.video_ports import InspectionVideo, VideoStore
from qc_station.services.views import DecisionView

from ..display import money
from ..messages import message_text
from ..session import Session
from ..tasks import Lane
from .base import ChangeOp, Presenter, QueryOp

THUMBNAIL_EDGE = 160


@dataclass(frozen=True)
class Thumbnail:
    sha256: str
    image: QImage
    caption: str


@dataclass(frozen=True)
class BulkPlan:
    """What "Bulk approve plain" would do: the plain units, their count and refunds per
    currency (exchanges count the unit's price at stake, as the threshold does)."""

    lpns: tuple[str, ...]
    totals: tuple[tuple[str, Decimal], ...]

    @property
    def count(self) -> int:
        return len(self.lpns)

    def totals_text(self) -> str:
        return " · ".join(money(a, c) for c, a in self.totals)


@dataclass(frozen=True)
class ApprovalsState:
    items: tuple[ApprovalItem, ...] = ()
    selected: str = ""  # the LPN in the detail pane
    thumbnails: tuple[Thumbnail, ...] = ()
    thumbnails_loading: bool = False
    loading: bool = False
    busy: bool = False  # an approval, rejection or bulk approval is running
    message: str = ""  # the last success, in green
    error: str = ""

    @property
    def current(self) -> ApprovalItem | None:
        return next((i for i in self.items if i.lpn == self.selected), None)

    @property
    def current_video(self) -> InspectionVideo | None:
        """The selected unit's clip (the last one recorded), if its inspection has one."""
        item = self.current
        return item.videos[-1] if item is not None and item.videos else None


def _tr(source: str) -> str:
    return QCoreApplication.translate("ApprovalsPresenter", source)


def load_thumbnails(photos: PhotoStore, wanted: Sequence[tuple[str, str]]) -> list[Thumbnail]:
    """Runs on the I/O lane: each photo's bytes from the store, scaled for the detail pane.
    A photo missing from the store becomes an empty image with its caption, so the pane
    still says a photo was recorded."""
    found = []
    for sha, caption in wanted:
        image = QImage()
        if photos.exists(sha):
            image = QImage.fromData(photos.get(sha))
        if not image.isNull():
            image = image.scaled(
                THUMBNAIL_EDGE,
                THUMBNAIL_EDGE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        found.append(Thumbnail(sha, image, caption))
    return found


def at_stake(decision: DecisionView) -> Decimal:
    """The amount the threshold looked at: the refund, or the unit's price on exchange."""
    if decision.final.resolution == Resolution.EXCHANGE:
        return decision.unit_price
    return decision.final.refund_amount


class ApprovalsPresenter(Presenter[ApprovalsState]):
    decision_approved = Signal(object)  # DecisionView

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, ApprovalsState(), parent)
        self._thumb_token = 0

    def now(self) -> datetime:
        """The service clock's now, for the queue's ages."""
        return self._session.ctx.clock.now()

    def video_store(self) -> VideoStore | None:
        """The station's clip store (None where the station keeps no clips)."""
        return self._session.ports.videos

    def checklist_for(self, category: str) -> tuple[ChecklistItem, ...]:
        """The checklist questions of the product's category, to show answers in words."""
        return self._session.ctx.policy.checklist_for(category)

    # --- commands ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the queue (off the GUI thread); the selection stays if the unit still waits."""
        if self.state.loading:
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        self.run(
            QueryOp(
                lambda: approval.approval_queue(ctx, actor),
                on_success=self._on_queue_loaded,
                flag="loading",
                shows_busy=False,
            )
        )

    def select(self, lpn: str) -> None:
        if lpn == self.state.selected:
            return
        self._set(selected=lpn, thumbnails=(), error="", message="")
        self._load_thumbnails()

    def approve(self, comment: str = "") -> None:
        item = self.state.current
        if item is None or self.state.busy:
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        lpn = item.lpn
        self.run(
            ChangeOp(
                lambda: approval.approve(ctx, actor, lpn, comment), on_success=self._on_approved
            ),
            error="",
            message="",
        )

    def reject(self, comment: str) -> None:
        item = self.state.current
        if item is None or self.state.busy:
            return
        if not comment.strip():
            self._fail(_tr("Write a comment for the inspector: it says what to check again."))
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        lpn = item.lpn
        self.run(
            ChangeOp(
                lambda: approval.reject(ctx, actor, lpn, comment), on_success=self._on_rejected
            ),
            error="",
            message="",
        )

    def bulk_plan(self) -> BulkPlan:
        """The plain cases shown now that this user may approve (not their own decisions)."""
        me = self._session.require_actor().username
        plain = [i for i in self.state.items if i.plain and i.decision.decided_by != me]
        totals: dict[str, Decimal] = {}
        for item in plain:
            currency = item.decision.currency
            totals[currency] = totals.get(currency, Decimal(0)) + at_stake(item.decision)
        return BulkPlan(tuple(i.lpn for i in plain), tuple(sorted(totals.items())))

    def bulk_approve(self, plan: BulkPlan, comment: str = "") -> None:
        """Approve the plan's units; each is checked again by the service, in its own
        transaction, and the refused ones are named with their reason."""
        if not plan.lpns or self.state.busy:
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        lpns = plan.lpns
        self.run(
            ChangeOp(
                lambda: approval.approve_many(ctx, actor, lpns, comment),
                on_success=self._on_bulk_done,
            ),
            error="",
            message="",
        )

    # --- results -------------------------------------------------------------------------

    def _on_queue_loaded(self, items: object) -> None:
        assert isinstance(items, list)
        lpns = [i.lpn for i in items]
        selected = self.state.selected if self.state.selected in lpns else ""
        if not selected and lpns:
            selected = lpns[0]
        changed = selected != self.state.selected
        self._set(items=tuple(items), selected=selected)
        if changed or not self.state.thumbnails:
            self._load_thumbnails()

    def _on_approved(self, decision: object) -> None:
        assert isinstance(decision, DecisionView)
        self._session.sounds.success()
        self._set(message=_tr("{lpn} approved.").format(lpn=decision.lpn), error="")
        self.decision_approved.emit(decision)

    def _on_rejected(self, decision: object) -> None:
        assert isinstance(decision, DecisionView)
        self._session.sounds.success()
        self._set(
            message=_tr("{lpn} sent back to inspection with your comment.").format(
                lpn=decision.lpn
            ),
            error="",
        )

    def _on_bulk_done(self, result: object) -> None:
        assert isinstance(result, BulkApproval)
        for decision in result.approved:
            self.decision_approved.emit(decision)
        message = _tr("{count} approved.").format(count=len(result.approved))
        if result.refused:
            self._session.sounds.error()
            # Each refusal in the station's words, from its catalogue code (SPEC §8).
            refused = "\n".join(
                f"{r.lpn}: {message_text(r.message_code, r.params)}" for r in result.refused
            )
            self._set(
                message=message,
                error=_tr("{count} not approved, still in the queue:").format(
                    count=len(result.refused)
                )
                + "\n"
                + refused,
            )
            self.error_message.emit(self.state.error)
        else:
            self._session.sounds.success()
            self._set(message=message, error="")

    def _on_thumbnails(self, token: int, thumbnails: object) -> None:
        if token == self._thumb_token:
            assert isinstance(thumbnails, list)
            self._set(thumbnails=tuple(thumbnails))

    # --- state ---------------------------------------------------------------------------

    def _load_thumbnails(self) -> None:
        self._thumb_token += 1
        token = self._thumb_token
        item = self.state.current
        inspection = item.inspection if item else None
        if inspection is None or not inspection.photos:
            self._set(thumbnails=(), thumbnails_loading=False)
            return
        wanted = [(p.sha256, p.original_name or p.sha256[:12]) for p in inspection.photos]
        photos = self._session.ctx.photos
        self.run(
            QueryOp(
                lambda: load_thumbnails(photos, wanted),
                on_success=partial(self._on_thumbnails, token),
                lane=Lane.IO,
                flag="thumbnails_loading",
                shows_busy=False,
            )
        )

    def _after_change(self) -> None:
        self.refresh()  # what was approved or refused leaves or stays
