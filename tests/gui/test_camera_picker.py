"""Choosing the camera in the Settings (SPEC §7.5): by name from the cameras listed, by
address or as a video file, with a live preview of the one chosen; a source without a
picture says so; the choice is saved and read back. The real OpenCV camera adapter, on a
video file written by the test."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from qc_station.adapters.camera import open_camera, parse_camera_source
from qc_station.adapters.camera_devices import list_cameras
from qc_station.services.station_ports import CameraChoice, StationPorts
from ui.preferences import Preferences
from ui.settings_dialog import SettingsDialog
from ui.sounds import Sounds

from .video_clips import write_clip

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def camera_ports(ports: StationPorts) -> StationPorts:
    """The GUI tests' ports with the real camera adapter and two cameras listed by name."""
    return dataclasses.replace(
        ports,
        open_camera=open_camera,
        parse_camera=parse_camera_source,
        list_cameras=lambda: [
            CameraChoice("HD Pro Webcam C920 (/dev/video0)", "/dev/video0"),
            CameraChoice("Document Camera (/dev/video2)", "/dev/video2"),
        ],
    )


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    from qc_station.config import Config

    return Preferences.for_config(Config(data_dir=str(tmp_path / "prefs")))


def _dialog(qtbot: QtBot, prefs: Preferences, ports: StationPorts) -> SettingsDialog:
    dialog = SettingsDialog(prefs, Sounds(silent=True), "en", ports=ports)
    qtbot.addWidget(dialog)
    return dialog


def test_the_cameras_are_listed_by_name_with_an_address_and_a_file(
    qtbot: QtBot, prefs: Preferences, camera_ports: StationPorts
) -> None:
    prefs.camera_source = "/dev/video2"
    dialog = _dialog(qtbot, prefs, camera_ports)
    picker = dialog.camera_picker
    assert picker is not None
    names = [picker.combo.itemText(i) for i in range(picker.combo.count())]
    assert names == [
        "HD Pro Webcam C920 (/dev/video0)",
        "Document Camera (/dev/video2)",
        "Camera at an address (URL)…",
        "Video file…",
    ]
    assert picker.combo.currentText() == "Document Camera (/dev/video2)"


def test_a_video_file_previews_live_and_is_saved_and_read_back(
    qtbot: QtBot,
    prefs: Preferences,
    camera_ports: StationPorts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clip = write_clip(tmp_path / "bench.mp4", seconds=3)
    dialog = _dialog(qtbot, prefs, camera_ports)
    picker = dialog.camera_picker
    assert picker is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(clip), ""))
    )
    picker.combo.setCurrentIndex(picker.combo.findData("file"))
    picker.combo.activated.emit(picker.combo.currentIndex())
    assert picker.source == str(clip)
    assert picker.combo.currentText() == "Video file: bench.mp4"
    # Frames come from the camera thread, as small preview images.
    qtbot.waitUntil(lambda: picker.preview.frames_shown >= 3, timeout=5000)
    assert picker.controller.running
    dialog.accept()
    assert not picker.controller.running  # no camera left open behind the dialog
    assert prefs.camera_source == str(clip)
    again = _dialog(qtbot, prefs, camera_ports)
    assert again.camera_picker is not None
    assert again.camera_picker.source == str(clip)


def test_a_camera_address_that_gives_no_picture_says_so(
    qtbot: QtBot, prefs: Preferences, camera_ports: StationPorts, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, prefs, camera_ports)
    picker = dialog.camera_picker
    assert picker is not None
    # A camera nobody answers for: port 9 of this machine, refused at once.
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("rtsp://127.0.0.1:9/none", True))
    )
    picker.combo.setCurrentIndex(picker.combo.findData("url"))
    picker.combo.activated.emit(picker.combo.currentIndex())
    assert picker.source == "rtsp://127.0.0.1:9/none"
    assert picker.combo.currentText() == "Camera at rtsp://127.0.0.1:9/none"
    qtbot.waitUntil(lambda: picker.preview.status.text() != "", timeout=20000)
    assert picker.preview.picture.text() == "No picture from this camera."
    assert picker.preview.status.property("role") == "error"
    assert picker.preview.frames_shown == 0


def test_a_typed_address_that_is_no_camera_is_refused_and_the_choice_stays(
    qtbot: QtBot, prefs: Preferences, camera_ports: StationPorts, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefs.camera_source = "/dev/video0"
    dialog = _dialog(qtbot, prefs, camera_ports)
    picker = dialog.camera_picker
    assert picker is not None
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("ftp://camera/x", True))
    )
    picker.combo.setCurrentIndex(picker.combo.findData("url"))
    picker.combo.activated.emit(picker.combo.currentIndex())
    assert picker.source == "/dev/video0"
    assert picker.preview.status.text()  # says what is accepted
    dialog.accept()
    assert prefs.camera_source == "/dev/video0"


def test_the_camera_is_chosen_with_the_keyboard_alone(
    qtbot: QtBot, prefs: Preferences, camera_ports: StationPorts
) -> None:
    prefs.camera_source = "/dev/video0"
    dialog = _dialog(qtbot, prefs, camera_ports)
    picker = dialog.camera_picker
    assert picker is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    picker.combo.setFocus()
    qtbot.keyClick(picker.combo, Qt.Key.Key_Down)  # the next camera in the list
    assert picker.source == "/dev/video2"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Save is the default button
    assert prefs.camera_source == "/dev/video2"


def test_linux_cameras_are_named_by_the_kernel_and_metadata_nodes_skipped(
    tmp_path: Path,
) -> None:
    sys_root = tmp_path / "video4linux"
    for node, name, index in (
        ("video2", "Document Camera", "0"),
        ("video0", "HD Pro Webcam C920", "0"),
        ("video1", "HD Pro Webcam C920", "1"),
    ):
        (sys_root / node).mkdir(parents=True)
        (sys_root / node / "name").write_text(name + "\n")
        (sys_root / node / "index").write_text(index + "\n")
    found = list_cameras(sys_root, Path("/dev"), platform="linux")
    assert found == [
        CameraChoice("HD Pro Webcam C920 (/dev/video0)", "/dev/video0"),
        CameraChoice("Document Camera (/dev/video2)", "/dev/video2"),
    ]
    assert list_cameras(sys_root, Path("/dev"), platform="win32") == []
