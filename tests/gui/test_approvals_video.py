"""Playing the unboxing clip in the approval queue (SPEC §7.5): the selected unit's clip is
named in the detail pane and "Play video" (or Ctrl+P) plays it from the station's clip store;
a pruned clip says so and cannot be played; a unit without a clip says it has none."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qc_station.adapters.video_store import FileSystemVideoStore
from qc_station.services import videos
from qc_station.services.context import ServiceContext
from qc_station.services.station_ports import StationPorts
from qc_station.services.video_ports import InspectionVideo
from tests.builders import INSPECTOR
from tests.fakes import FakeStore
from tests.gui.video_clips import stored_clip
from ui.pages.approvals_page import ApprovalsPage
from ui.presenters.approvals_presenter import ApprovalsPresenter
from ui.session import Session

from .test_approvals import queue, select, supervisor  # noqa: F401  (fixtures)

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "No RHI backend"
)


@pytest.fixture
def clips(tmp_path: Path) -> FileSystemVideoStore:
    return FileSystemVideoStore(tmp_path / "videos", create=True)


@pytest.fixture
def ports(ports: StationPorts, clips: FileSystemVideoStore) -> StationPorts:
    return dataclasses.replace(ports, videos=clips)


@pytest.fixture
def clip(
    queue: None,  # noqa: F811
    store: FakeStore,
    ctx: ServiceContext,
    clips: FileSystemVideoStore,
    tmp_path: Path,
) -> InspectionVideo:
    """RMA-BIG-1's inspection recorded a 12-second clip."""
    with store.uow() as uow:
        inspection_id = uow.decisions.current("RMA-BIG-1").inspection_id  # type: ignore[union-attr]
    video = stored_clip(clips, tmp_path, inspection_id)
    videos.attach_video(ctx, INSPECTOR, inspection_id, video.clip)
    return video


@pytest.fixture
def page(qtbot: QtBot, supervisor: Session, clip: InspectionVideo) -> ApprovalsPage:  # noqa: F811
    widget = ApprovalsPage(ApprovalsPresenter(supervisor))
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    widget.activated()
    qtbot.waitUntil(lambda: len(widget.presenter.state.items) == 4)
    return widget


def test_the_selected_units_clip_plays_by_button_and_key(
    qtbot: QtBot, page: ApprovalsPage, clips: FileSystemVideoStore, clip: InspectionVideo
) -> None:
    select(qtbot, page, "RMA-BIG-1")
    item = page.presenter.state.current
    assert item is not None and [v.clip.sha256 for v in item.videos] == [clip.clip.sha256]
    assert page.video_label.text().startswith("Unboxing video: 0:12, recorded ")
    assert page.play_button.isVisible() and page.play_button.isEnabled()
    page.play_button.click()
    dialog = page.player_dialog
    assert dialog is not None and dialog.isVisible()
    player = dialog.player  # type: ignore[attr-defined]
    assert player.player.source().toLocalFile() == str(clips.path(clip.clip.sha256))
    assert dialog.height() <= 720 and dialog.width() <= 1366
    with qtbot.waitSignal(dialog.destroyed):
        qtbot.keyClick(player, Qt.Key.Key_Escape)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert page.player_dialog is not None and page.player_dialog.isVisible()
    page.player_dialog.close()


def test_a_unit_without_a_clip_says_so_and_offers_no_player(
    qtbot: QtBot, page: ApprovalsPage
) -> None:
    select(qtbot, page, "RMA-PART-1")
    assert page.video_label.text() == "No unboxing video."
    assert not page.play_button.isVisible()
    page.play_video()
    assert page.player_dialog is None


def test_a_pruned_clip_says_when_and_cannot_be_played(
    qtbot: QtBot, page: ApprovalsPage, store: FakeStore, clip: InspectionVideo
) -> None:
    with store.uow() as uow:
        uow.videos.mark_pruned(
            clip.inspection_id, clip.clip.sha256, datetime(2027, 6, 3, 8, 0, tzinfo=UTC)
        )
        uow.commit()
    page.refresh_button.click()
    qtbot.waitUntil(lambda: not page.presenter.state.loading)
    select(qtbot, page, "RMA-BIG-1")
    qtbot.waitUntil(lambda: "pruned on 2027-06-0" in page.video_label.text())
    assert not page.play_button.isEnabled()
