"""The clip player (SPEC §7.5): a clip from the store is set as the player's source and plays
by key (Space, ← →), a pruned or missing clip says so in words, and a file the station cannot
play is said in words too, never a crash. What is tested is the widget's logic, not whether
frames reach the screen (offscreen Qt may have no video output)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qc_station.adapters.video_store import FileSystemVideoStore
from tests.gui.video_clips import stored_clip
from ui.widgets.clip_time import clock_text
from ui.widgets.video_player import (
    SEEK_STEP_MS,
    QMediaPlayer,
    VideoPlayerDialog,
    VideoPlayerWidget,
)

# The offscreen platform's answers to showing a video surface (no GPU); nothing of ours.
OFFSCREEN = ("This plugin does not support propagateSizeHints", "No RHI backend")
pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN)


@pytest.fixture
def store(tmp_path: Path) -> FileSystemVideoStore:
    return FileSystemVideoStore(tmp_path / "videos", create=True)


@pytest.fixture
def player(qtbot: QtBot) -> VideoPlayerWidget:
    widget = VideoPlayerWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 420)
    return widget


def test_a_stored_clip_is_loaded_from_the_store_and_driven_by_keys(
    qtbot: QtBot, player: VideoPlayerWidget, store: FileSystemVideoStore, tmp_path: Path
) -> None:
    video = stored_clip(store, tmp_path)
    assert player.load(store, video)
    assert player.player.source().toLocalFile() == str(store.path(video.clip.sha256))
    assert player.playable and not player.message.isVisible()
    assert player.time_label.text() == "0:00 / 0:12"
    assert video.clip.sha256 in player.facts.text()
    player.show()
    player.setFocus()
    qtbot.keyClick(player, Qt.Key.Key_Right)
    assert player.slider.value() == SEEK_STEP_MS
    assert player.time_label.text().startswith("0:05 / ")
    qtbot.keyClick(player, Qt.Key.Key_Right)
    qtbot.keyClick(player, Qt.Key.Key_Right)  # past the end: held at the end
    assert player.slider.value() == player.slider.maximum() > 0
    qtbot.keyClick(player, Qt.Key.Key_Left)
    assert player.slider.value() == player.slider.maximum() - SEEK_STEP_MS
    for _ in range(4):
        qtbot.keyClick(player, Qt.Key.Key_Left)
    assert player.slider.value() == 0  # never before the start
    qtbot.keyClick(player, Qt.Key.Key_Space)
    # A station with a video backend plays it; one without says so in words.
    qtbot.waitUntil(
        lambda: (
            player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
            or player.message.isVisible()
        ),
        timeout=5000,
    )
    if player.message.isVisible():
        assert "cannot play" in player.message.text()
    else:
        assert player.play_button.text() == "Pause (Space)"
        qtbot.keyClick(player, Qt.Key.Key_Space)
        qtbot.waitUntil(
            lambda: player.player.playbackState() == QMediaPlayer.PlaybackState.PausedState
        )
    player.stop()


def test_a_pruned_clip_says_when_it_was_pruned(
    player: VideoPlayerWidget, store: FileSystemVideoStore, tmp_path: Path
) -> None:
    video = stored_clip(store, tmp_path)
    pruned = replace(video, pruned_at=datetime(2027, 6, 3, 8, 0, tzinfo=UTC))
    assert not player.load(store, pruned)
    assert player.message.text().startswith("The clip was pruned on 2027-06-0")
    assert not player.play_button.isEnabled() and player.player.source().isEmpty()
    # Without a clip, seeking and playing do nothing.
    player.seek_by(SEEK_STEP_MS)
    player.toggle()
    assert player.slider.value() == 0
    assert player.player.playbackState() == QMediaPlayer.PlaybackState.StoppedState


def test_a_missing_file_or_no_store_is_said_in_words(
    player: VideoPlayerWidget, store: FileSystemVideoStore, tmp_path: Path
) -> None:
    video = stored_clip(store, tmp_path)
    os.remove(store.path(video.clip.sha256))
    assert not player.load(store, video)
    assert player.message.text() == "The clip file is missing from the video folder."
    assert not player.load(None, video)
    assert not player.playable


def test_a_file_that_cannot_be_played_is_said_in_words(
    qtbot: QtBot, player: VideoPlayerWidget, store: FileSystemVideoStore, tmp_path: Path
) -> None:
    video = stored_clip(store, tmp_path)
    path = store.path(video.clip.sha256)
    os.chmod(path, 0o600)
    path.write_bytes(b"not a video at all" * 100)
    assert player.load(store, video)
    player.toggle()
    qtbot.waitUntil(lambda: not player.message.isHidden(), timeout=10000)
    assert player.message.text().startswith("This station cannot play the clip")
    assert not player.playable


def test_the_dialog_fits_the_screen_plays_and_stops_on_escape(
    qtbot: QtBot, store: FileSystemVideoStore, tmp_path: Path
) -> None:
    dialog = VideoPlayerDialog("RMA-2026-000123-1")
    qtbot.addWidget(dialog)
    video = stored_clip(store, tmp_path)
    assert dialog.play(store, video)
    dialog.show()
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 40
    qtbot.keyClick(dialog.player, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.player.player.playbackState() == QMediaPlayer.PlaybackState.StoppedState


def test_clock_text() -> None:
    assert [clock_text(ms) for ms in (0, 5_999, 65_000, 3_725_000, -1)] == [
        "0:00",
        "0:05",
        "1:05",
        "1:02:05",
        "0:00",
    ]
