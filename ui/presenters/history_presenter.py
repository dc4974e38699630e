"""The unit history (SPEC §8 "Unit history"): find a unit by its RMA, LPN, order id, tracking
number, SKU or customer and tell its whole story.

``search`` runs ``services.history.unit_history`` on the database lane. A code that names one
story (an RMA, an LPN, an order, a shipment) shows it, worded by ``history_words``; when it
names several units (a SKU, a customer, or an RMA of several units) they are offered to
choose from, and ``choose`` tells the chosen unit's story. Selecting a line of an inspection
loads its photos' thumbnails on the I/O lane; a line of an unboxing clip carries the clip,
which the page plays from the station's clip store (``video_store``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject

from qc_station.services.history import UnitHistory, UnitList, UnitNow, unit_history
from qc_station.services.video_ports import VideoStore

from ..session import Session
from ..tasks import Lane
from .approvals_presenter import Thumbnail, load_thumbnails
from .base import Presenter, QueryOp
from .history_words import StoryRow, story_rows


def _tr(source: str) -> str:
    return QCoreApplication.translate("HistoryPresenter", source)


def matched_words(matched: str) -> str:
    """What the code was found as (the service's English name of the field), in words."""
    words = {
        "RMA": _tr("RMA"),
        "LPN": _tr("LPN"),
        "order id": _tr("Order id"),
        "tracking number": _tr("Tracking number"),
        "SKU": _tr("SKU"),
        "customer": _tr("Customer"),
    }
    return words.get(matched, matched)


@dataclass(frozen=True)
class HistoryState:
    code: str = ""  # the code the shown result is for
    matched: str = ""  # what it was found as, worded ("order id")
    #: the units it names: to choose from when there are several
    units: tuple[UnitNow, ...] = ()
    truncated: bool = False  # more units matched than are listed
    #: the story (empty for a list of units to choose from)
    rows: tuple[StoryRow, ...] = ()
    has_story: bool = False
    selected: int = -1  # the story row whose photos are shown
    thumbnails: tuple[Thumbnail, ...] = ()
    thumbnails_loading: bool = False
    loading: bool = False
    busy: bool = False
    message: str = ""
    error: str = ""

    @property
    def current(self) -> StoryRow | None:
        return self.rows[self.selected] if 0 <= self.selected < len(self.rows) else None


class HistoryPresenter(Presenter[HistoryState]):
    _failure_clears = ("message",)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, HistoryState(), parent)
        self._thumb_token = 0

    def video_store(self) -> VideoStore | None:
        """The station's clip store (None where the station keeps no clips)."""
        return self._session.ports.videos

    # --- commands ------------------------------------------------------------------------

    def search(self, code: str) -> None:
        text = code.strip()
        if not text:
            self._fail(_tr("Scan or type an RMA, LPN, order id, tracking number, SKU or customer."))
            return
        if self.state.loading:
            return
        ctx, actor = self._session.ctx, self._session.require_actor()
        self.run(
            QueryOp(
                lambda: unit_history(ctx, actor, text),
                on_success=self._on_found,
                flag="loading",
            ),
            error="",
            message="",
        )

    def choose(self, lpn: str) -> None:
        """Tell the story of one of the units offered."""
        if lpn:
            self.search(lpn)

    def select(self, row: int) -> None:
        """Show the photos of the story's line ``row`` (an inspection's), if it has any."""
        if row == self.state.selected:
            return
        self._set(selected=row, thumbnails=())
        self._thumb_token += 1
        token = self._thumb_token
        current = self.state.current
        if current is None or not current.photos:
            self._set(thumbnails_loading=False)
            return
        wanted = [(p.sha256, p.original_name or p.sha256[:12]) for p in current.photos]
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

    # --- results -------------------------------------------------------------------------

    def _on_found(self, found: object) -> None:
        self._thumb_token += 1  # thumbnails still loading are of the last result
        if isinstance(found, UnitList):
            self._put(
                HistoryState(
                    code=found.code,
                    matched=matched_words(found.matched),
                    units=found.units,
                    truncated=found.truncated,
                    message=_tr("{count} units: choose one to see its story.").format(
                        count=len(found.units)
                    ),
                )
            )
            return
        assert isinstance(found, UnitHistory)
        rows = story_rows(found)
        self._put(
            HistoryState(
                code=found.code,
                matched=matched_words(found.matched),
                units=found.units,
                rows=rows,
                has_story=True,
            )
        )

    def _on_thumbnails(self, token: int, thumbnails: object) -> None:
        if token == self._thumb_token:
            assert isinstance(thumbnails, list)
            self._set(thumbnails=tuple(thumbnails))
