"""Scanning with the webcam: a fake frame source shows the shared barcode samples to the
real camera thread (real decoding, real debouncing); a decoded code opens its RMA exactly as
a typed one; no camera or a lost camera is an inline message; the thread always stops
(page change, sign-out, closing the window); a webcam photo has its capture time burned in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from qc_station.adapters.camera import CameraUnavailable, CodeDebouncer, FrameSource
from qc_station.adapters.opencv_ports import OpenCvPhotos, decode_frame
from qc_station.domain.enums import Grade, Role, UnitState
from qc_station.services import returns
from tests.builders import make_rma, seed, user
from tests.conftest import SHARED
from tests.fakes import FakeFrameSource, FakeStore
from ui.camera import worker
from ui.camera.worker import CameraController
from ui.main_window import MainWindow
from ui.pages.inspection_page import InspectionPage
from ui.pages.scan_page import ScanPage
from ui.presenters.inspection_presenter import InspectionPresenter
from ui.presenters.scan_presenter import ScanPresenter
from ui.session import Session

from .conftest import PASSWORD

BARCODES = SHARED / "data" / "barcodes"
LABEL_TEXT = "CNK8181G2C"  # what code128-2_10.webp says (its README's table)


def camera_frame(sample: str | None) -> np.ndarray:
    """A 640×480 grey, slightly noisy bench with the sample label in the middle."""
    rng = np.random.default_rng(7)
    frame = np.clip(rng.normal(128, 10, (480, 640, 3)), 0, 255).astype(np.uint8)
    if sample is not None:
        label = cv2.imread(str(BARCODES / sample), cv2.IMREAD_COLOR)
        assert label is not None, sample
        h, w = label.shape[:2]
        y, x = (480 - h) // 2, (640 - w) // 2
        frame[y : y + h, x : x + w] = label
    return frame


def held_label(repeat: int = 6) -> FakeFrameSource:
    """Bench, the label held up for a while, bench again; round and round."""
    blank, label = camera_frame(None), camera_frame("code128-2_10.webp")
    return FakeFrameSource([blank, label, blank], repeat=repeat, loop=True)


def controller(source: Callable[[], FrameSource]) -> CameraController:
    return CameraController(
        source, decode=decode_frame, new_debouncer=CodeDebouncer, frame_pause=0.01
    )


def test_the_camera_thread_decodes_a_held_label_once_and_stops_cleanly(qtbot: QtBot) -> None:
    source = held_label()
    camera = controller(lambda: source)
    codes: list[str] = []
    previews: list[QImage] = []
    camera.code_decoded.connect(codes.append)
    camera.preview_ready.connect(previews.append)
    with qtbot.waitSignal(camera.code_decoded, timeout=5000):
        camera.start()
    thread = camera.thread_object
    assert thread is not None
    # Keep looking for a while: the label comes round again within the hold-off, so the same
    # parcel is not scanned twice.
    qtbot.waitUntil(lambda: source.reads > 60, timeout=5000)
    camera.stop()
    assert codes == [LABEL_TEXT]
    assert previews and previews[0].width() == 480 and not previews[0].isNull()
    assert not camera.running
    assert thread.isFinished()
    assert source.closed


@pytest.fixture
def scan_page(qtbot: QtBot, signed_in: Session) -> Callable[[CameraController], ScanPage]:
    def make(camera: CameraController) -> ScanPage:
        page = ScanPage(ScanPresenter(signed_in), camera=camera)
        qtbot.addWidget(page)
        return page

    return make


def test_a_decoded_code_beeps_and_opens_its_rma_like_a_typed_scan(
    qtbot: QtBot, scan_page: Callable[[CameraController], ScanPage], store: FakeStore
) -> None:
    seed(store, make_rma(LABEL_TEXT))
    camera = controller(held_label)
    page = scan_page(camera)
    with qtbot.waitSignal(page.presenter.unit_claimed, timeout=5000) as blocker:
        page.camera_button.setChecked(True)
    rma, lpn = blocker.args
    assert (rma.code, lpn) == (LABEL_TEXT, f"{LABEL_TEXT}-1")
    assert store.data.rmas[LABEL_TEXT].units[0].state == UnitState.IN_INSPECTION
    assert page.presenter._session.sounds.played[0] == "success"  # the read beep
    qtbot.waitUntil(lambda: page.preview.frames_shown > 0, timeout=3000)
    assert not page.preview.isHidden()
    page.stop_camera()
    assert not camera.running


def test_an_unknown_code_from_the_camera_offers_an_unexpected_return(
    qtbot: QtBot, scan_page: Callable[[CameraController], ScanPage]
) -> None:
    camera = controller(held_label)
    page = scan_page(camera)
    with qtbot.waitSignal(
        page.presenter.busy_changed, check_params_cb=lambda busy: not busy, timeout=5000
    ):
        page.camera_button.setChecked(True)
    page.stop_camera()
    assert page.message.text() == f"Unknown code {LABEL_TEXT}: no RMA or unit has it."
    assert not page.unexpected_button.isHidden()
    with qtbot.waitSignal(page.presenter.unexpected_return_requested) as blocker:
        page.unexpected_button.click()
    assert blocker.args == [LABEL_TEXT]


def test_no_camera_is_an_inline_message_not_a_dialog(
    qtbot: QtBot, scan_page: Callable[[CameraController], ScanPage]
) -> None:
    def no_camera() -> FrameSource:
        raise CameraUnavailable("camera.cannot_open_number", source=0)

    camera = controller(no_camera)
    page = scan_page(camera)
    with qtbot.waitSignal(camera.camera_failed, timeout=3000):
        page.camera_button.setChecked(True)
    assert not camera.running
    assert not page.camera_button.isChecked()
    assert page.preview.status.text() == (
        "Cannot open camera 0: is it plugged in and not in use by another program?"
    )
    assert page.preview.status.property("role") == "error"
    assert page.presenter._session.sounds.played == ["error"]
    # Typing still works.
    page.scan_edit.setText("RMA-NOPE")
    with qtbot.waitSignal(page.presenter.busy_changed, check_params_cb=lambda busy: not busy):
        page.scan_edit.returnPressed.emit()
    assert page.message.text().startswith("Unknown code RMA-NOPE")


def test_a_camera_that_stops_giving_frames_is_reported_as_lost(
    qtbot: QtBot,
    scan_page: Callable[[CameraController], ScanPage],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(worker, "LOST_AFTER_S", 0.2)
    source = FakeFrameSource([camera_frame(None)], repeat=5)  # then nothing: unplugged
    camera = controller(lambda: source)
    page = scan_page(camera)
    with qtbot.waitSignal(camera.camera_failed, timeout=3000):
        page.camera_button.setChecked(True)
    assert source.closed
    assert not camera.running
    assert "stopped giving a picture" in page.preview.status.text()
    assert not page.camera_button.isChecked()


@pytest.fixture
def window(
    qtbot: QtBot, session: Session, store: FakeStore
) -> Iterator[tuple[MainWindow, CameraController]]:
    with store.uow() as uow:
        uow.users.save(user("ines", Role.INSPECTOR))  # ines may be in the cast
        uow.commit()
    seed(store, make_rma(LABEL_TEXT))
    camera = controller(held_label)
    main = MainWindow(session, idle_event_source=QObject(), camera=camera)
    crashes: list[tuple[str, str]] = []
    main.show_crash = lambda summary, details: crashes.append((summary, details))
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    page = main.login_page
    page.username.setText("ines")
    page.password.setText(PASSWORD)
    with qtbot.waitSignal(main.login_presenter.user_signed_in):
        page.sign_in_button.click()
    yield main, camera
    assert crashes == []
    main.close()


def test_the_camera_stops_when_the_inspection_opens_and_restarts_back_on_the_scan_page(
    qtbot: QtBot, window: tuple[MainWindow, CameraController]
) -> None:
    main, camera = window
    with qtbot.waitSignal(main.scan_presenter.unit_claimed, timeout=5000):
        main.scan_page.camera_button.setChecked(True)
    thread = camera.thread_object
    assert main.pages.currentWidget() is main.inspection_page
    assert not camera.running  # the page changed: the camera thread was stopped
    assert thread is None or thread.isFinished()
    main.show_scan()
    assert camera.running  # the inspector left it on: it comes back with the page
    main.sign_out()
    assert not camera.running


def test_closing_the_window_stops_the_camera(
    qtbot: QtBot, window: tuple[MainWindow, CameraController]
) -> None:
    main, camera = window
    main.scan_page.camera_button.setChecked(True)
    thread = camera.thread_object
    assert thread is not None
    main.close()
    assert not camera.running
    assert thread.isFinished()


def test_a_webcam_photo_is_added_with_its_time_burned_in(
    qtbot: QtBot, signed_in: Session, store: FakeStore
) -> None:
    seed(store, make_rma(LABEL_TEXT))
    # The station's own stamper (OpenCV), as bootstrap wires it.
    signed_in.attach(replace(signed_in.ctx, photo_stamper=OpenCvPhotos()), signed_in.ports)
    rma_view = returns.find(signed_in.ctx, LABEL_TEXT, "ST-01")
    presenter = InspectionPresenter(signed_in)
    camera = controller(held_label)
    page = InspectionPage(presenter, camera=camera)
    qtbot.addWidget(page)
    presenter.start(rma_view, f"{LABEL_TEXT}-1")
    page.webcam_button.setChecked(True)
    assert camera.running and page.take_photo_button.isEnabled()
    qtbot.waitUntil(lambda: page.camera_preview.frames_shown > 0, timeout=3000)
    page.take_photo()
    qtbot.waitUntil(lambda: len(presenter.state.photos) == 1, timeout=5000)
    page.stop_camera()
    assert not camera.running
    photo = presenter.state.photos[0].photo
    assert photo.original_name.startswith("webcam-")
    assert page.photo_list.count() == 1
    presenter.set_grade(Grade.A)
    with qtbot.waitSignal(presenter.decision_submitted, timeout=5000):
        presenter.submit()
    (inspection,) = store.data.inspections.values()
    (kept,) = inspection.photos
    assert (kept.original_name, kept.width, kept.height) == (photo.original_name, 640, 480)
    data = signed_in.ctx.photos.get(kept.sha256)
    stored = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    # The burned-in band darkens the bottom-right corner and writes white text on it.
    corner = stored[-20:, -200:]
    assert corner.max() > 200 and np.median(corner) < 90
