"""Settings while the scan page's webcam runs: the camera picker previews the same device,
which the scan camera would hold ("No picture"), so the scan camera rests while Settings is
open and starts again when it closes; a camera that was off stays off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QObject, QSettings
from pytestqt.qtbot import QtBot

from qc_station.adapters.camera import CodeDebouncer
from qc_station.adapters.opencv_ports import decode_frame
from qc_station.domain.enums import Role
from tests.builders import user
from tests.fakes import FakeFrameSource, FakeStore
from ui.camera.worker import CameraController
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.session import Session
from ui.settings_dialog import SettingsDialog

from .conftest import PASSWORD


@pytest.fixture
def window(
    qtbot: QtBot, session: Session, store: FakeStore, tmp_path: Path
) -> Iterator[tuple[MainWindow, CameraController]]:
    with store.uow() as uow:
        uow.users.save(user("ines", Role.INSPECTOR))
        uow.commit()
    bench = np.full((480, 640, 3), 128, dtype=np.uint8)  # nothing to decode
    camera = CameraController(
        lambda: FakeFrameSource([bench], loop=True),
        decode=decode_frame,
        new_debouncer=CodeDebouncer,
        frame_pause=0.01,
    )
    preferences = Preferences(QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat))
    main = MainWindow(session, idle_event_source=QObject(), camera=camera, preferences=preferences)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    main.login_page.username.setText("ines")
    main.login_page.password.setText(PASSWORD)
    with qtbot.waitSignal(main.login_presenter.user_signed_in):
        main.login_page.sign_in_button.click()
    yield main, camera
    main.close()


def settings_dialog(main: MainWindow) -> SettingsDialog:
    dialog = main.findChild(SettingsDialog)
    assert dialog is not None
    return dialog


# The offscreen platform cannot size top-level dialogs and says so; a real display does not.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_scan_camera_rests_while_settings_is_open(
    qtbot: QtBot, window: tuple[MainWindow, CameraController]
) -> None:
    main, camera = window
    assert main.pages.currentWidget() is main.scan_page
    main.scan_page.camera_button.setChecked(True)
    qtbot.waitUntil(lambda: camera.running)
    main.open_settings()
    dialog = settings_dialog(main)
    assert not camera.running  # the picker may open the webcam
    dialog.reject()
    qtbot.waitUntil(lambda: camera.running)  # back on the scan page, as it was
    assert main.scan_page.camera_wanted


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_camera_that_was_off_stays_off(
    qtbot: QtBot, window: tuple[MainWindow, CameraController]
) -> None:
    main, camera = window
    main.open_settings()
    settings_dialog(main).reject()
    qtbot.wait(50)
    assert not camera.running and not main.scan_page.camera_wanted
