"""Operator preferences (language, sound, camera, window geometry), the sounds' fallback to
the system beep, the Settings dialog, and times shown in the station's local zone."""

from __future__ import annotations

import time
import wave
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from pytestqt.qtbot import QtBot

from qc_station.config import Config
from qc_station.domain.errors import Conflict, InvalidTransition
from qc_station.resources import resources_dir
from ui.local_time import local_time, localise_utc_in_text
from ui.messages import describe
from ui.preferences import Preferences
from ui.settings_dialog import SettingsDialog
from ui.sounds import Sounds


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences.for_config(Config(data_dir=str(tmp_path)))


def test_times_are_shown_in_the_stations_zone(shanghai: None) -> None:
    moment = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
    assert local_time(moment) == "2026-11-23 22:05"
    assert local_time(None) == "—"
    assert (
        localise_utc_in_text(
            "decided on 2026-11-23 14:05 UTC; locked until 2026-11-23 23:59:30 UTC"
        )
        == "decided on 2026-11-23 22:05; locked until 2026-11-24 07:59:30"
    )


def test_core_messages_show_local_times(shanghai: None) -> None:
    decided = InvalidTransition(
        "unit U-1 is already decided (RESTOCK by ines on 2026-11-23 14:05 UTC); a supervisor "
        "can reopen it",
        lpn="U-1",
        current="decided",
    )
    assert describe(decided) == (
        "Unit U-1 is already decided (RESTOCK by ines on 2026-11-23 22:05); a supervisor can "
        "reopen it"
    )
    held = Conflict(
        "unit U-1 is being inspected at station ST-02 by ivan since 2026-11-23T14:05+00:00",
        lpn="U-1",
        station="ST-02",
        user="ivan",
        since=datetime(2026, 11, 23, 14, 5, tzinfo=UTC),
    )
    assert (
        describe(held)
        == "Unit U-1 is being inspected at station ST-02 by ivan since 2026-11-23 22:05"
    )


def test_preferences_round_trip_in_the_stations_data_folder(tmp_path: Path) -> None:
    config = Config(data_dir=str(tmp_path), language="en")
    prefs = Preferences.for_config(config)
    assert prefs.language is None
    assert prefs.effective_language("en") == "en"
    assert (prefs.volume, prefs.muted, prefs.camera_source) == (80, False, 0)
    prefs.language = "zh_CN"
    prefs.volume = 130
    prefs.muted = True
    prefs.camera_source = "/tmp/bench.avi"
    prefs.geometry = QByteArray(b"geometry")
    prefs.sync()
    again = Preferences.for_config(config)
    assert again.effective_language("en") == "zh_CN"
    assert (again.volume, again.muted, again.camera_source) == (100, True, "/tmp/bench.avi")
    assert again.geometry == QByteArray(b"geometry")
    assert (tmp_path / "station.ini").is_file()
    with pytest.raises(ValueError, match="unknown language"):
        prefs.language = "fr"


def test_a_garbled_preference_falls_back_to_its_default(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    settings.setValue("sound/volume", "loud")
    settings.setValue("language", "klingon")
    prefs = Preferences(settings)
    assert prefs.volume == 80
    assert prefs.language is None


def test_the_shipped_sounds_are_short_mono_wavs() -> None:
    for name in ("success", "error"):
        with wave.open(str(resources_dir() / "sounds" / f"{name}.wav")) as sound:
            seconds = sound.getnframes() / sound.getframerate()
            assert sound.getnchannels() == 1
            assert 0.1 <= seconds <= 0.5


@pytest.mark.qt_log_ignore(".*")  # QtMultimedia reports the missing audio backend
def test_without_an_audio_device_the_system_beep_stands_in(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtMultimedia import QMediaDevices
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    beeps: list[None] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(None)))
    sounds = Sounds()
    sounds.success()
    sounds.error()
    assert sounds.played == ["success", "error"]
    assert sounds.fallback_reason == "no audio output device"
    assert len(beeps) == 3  # one for success, two for an error


def test_muted_sounds_play_nothing(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    beeps: list[None] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(None)))
    sounds = Sounds(muted=True)
    sounds.error()
    sounds.set_muted(False)
    sounds.set_volume(0)
    sounds.error()
    assert sounds.played == ["error", "error"]
    assert beeps == []


def test_the_settings_dialog_saves_language_sound_and_camera(
    qtbot: QtBot, prefs: Preferences
) -> None:
    sounds = Sounds(silent=True)
    dialog = SettingsDialog(prefs, sounds, current_language="en")
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == "en"
    assert "restarted" in dialog.language_note.text()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    assert dialog.language_combo.currentText() == "简体中文"
    assert dialog.restart_needed
    dialog.volume_slider.setValue(35)
    dialog.mute_check.setChecked(True)
    dialog.accept()
    assert prefs.language == "zh_CN"
    # Without the station's ports the camera is left as it was (tests/gui/test_camera_picker.py
    # chooses one).
    assert (prefs.volume, prefs.muted, prefs.camera_source) == (35, True, 0)
    assert (sounds.volume, sounds.muted) == (35, True)


def test_cancelling_the_settings_dialog_keeps_what_was_saved(
    qtbot: QtBot, prefs: Preferences
) -> None:
    sounds = Sounds(silent=True)
    dialog = SettingsDialog(prefs, sounds, current_language="en")
    qtbot.addWidget(dialog)
    dialog.volume_slider.setValue(10)
    dialog.volume_slider.sliderReleased.emit()  # the test sound at the new level
    assert sounds.volume == 10
    dialog.reject()
    assert prefs.volume == 80
    assert sounds.volume == 80
    assert prefs.language is None
