"""The camera source driven by a real video file (as the station's webcam would be), the
decoder on its frames, and the debouncer that turns sightings into one scan."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import cv2
import numpy as np
import pytest

from qc_station.adapters.barcodes import DecodedCode, decode_frame
from qc_station.adapters.camera import CameraUnavailable, CodeDebouncer, open_camera
from qc_station.domain.errors import QcError

FPS = 10
SIZE = (1280, 720)
CODE = "RMA-2026-000123"


def _label(text: str) -> np.ndarray:
    from barcode import Code128
    from barcode.writer import ImageWriter

    buffer = BytesIO()
    # About 3.5 px per module: a label held at a webcam, with room for MJPG's blocking.
    Code128(text, writer=ImageWriter()).write(buffer, {"module_width": 0.45, "dpi": 200})
    image = cv2.imdecode(np.frombuffer(buffer.getvalue(), np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return image


def _write_video(path: Path, frames: int = 20, code_frames: range = range(6, 15)) -> Path:
    """An MJPG .avi of ``frames`` 1280×720 frames of a grey, noisy bench; the label is in
    view (and drifts a little, as in a hand) in ``code_frames``."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), FPS, SIZE)
    assert writer.isOpened(), "OpenCV cannot write MJPG/AVI here"
    rng = np.random.default_rng(5)
    label = _label(CODE)
    h, w = label.shape[:2]
    try:
        for i in range(frames):
            frame = np.clip(rng.normal(120, 12, (SIZE[1], SIZE[0], 3)), 0, 255).astype(np.uint8)
            if i in code_frames:
                x, y = 300 + 6 * i, 220 + 3 * i
                frame[y : y + h, x : x + w] = label
            writer.write(frame)
    finally:
        writer.release()
    return path


def _code(text: str) -> DecodedCode:
    return DecodedCode(text, "Code128", ((0, 0), (10, 0), (10, 5), (0, 5)))


def test_video_of_a_held_label_is_scanned_exactly_once(tmp_path: Path) -> None:
    video = _write_video(tmp_path / "held.avi")
    debouncer = CodeDebouncer()
    scans: list[DecodedCode] = []
    frames_with_code = 0

    source = open_camera(str(video))
    try:
        n = 0
        while (frame := source.read()) is not None:
            assert frame.shape == (SIZE[1], SIZE[0], 3)
            codes = decode_frame(frame)
            frames_with_code += bool(codes)
            scans += debouncer.feed(codes, now=n / FPS)
            n += 1
    finally:
        source.close()

    assert n == 20
    assert frames_with_code >= 5  # most of the 9 frames with the label decode
    assert [s.text for s in scans] == [CODE]
    assert scans[0].symbology == "Code128"


def test_read_after_close_gives_none_and_close_is_idempotent(tmp_path: Path) -> None:
    video = _write_video(tmp_path / "short.avi", frames=3, code_frames=range(0))

    with open_camera(str(video)) as source:
        assert source.read() is not None
    source.close()

    assert source.read() is None


def test_missing_video_file_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.avi"

    with pytest.raises(CameraUnavailable, match="does not exist") as caught:
        open_camera(str(missing))

    assert isinstance(caught.value, QcError)
    assert str(missing) in str(caught.value)
    assert caught.value.params == {"source": str(missing)}


def test_file_that_is_not_a_video_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.avi"
    bogus.write_text("not a video\n" * 100, encoding="utf-8")

    with pytest.raises(CameraUnavailable, match="Cannot open video file"):
        open_camera(str(bogus))


def test_camera_index_that_does_not_exist_is_a_clear_error() -> None:
    with pytest.raises(CameraUnavailable, match="Cannot open camera 97"):
        open_camera(97)


# --- CodeDebouncer: pure, so times are made up ---------------------------------------------


def _run(debouncer: CodeDebouncer, seen: list[list[str]], step: float = 0.1) -> list[str]:
    """Feed one list of texts per frame, ``step`` seconds apart; the emitted texts."""
    out = []
    for i, texts in enumerate(seen):
        out += [c.text for c in debouncer.feed([_code(t) for t in texts], now=i * step)]
    return out


def test_one_frame_is_not_a_scan() -> None:
    assert _run(CodeDebouncer(), [["A"], [], [], [], [], [], ["A"]]) == []


def test_second_sighting_within_the_window_emits() -> None:
    assert _run(CodeDebouncer(window=5), [["A"], [], [], ["A"]]) == ["A"]


def test_held_for_ten_seconds_emits_once() -> None:
    assert _run(CodeDebouncer(), [["A"]] * 100) == ["A"]


def test_shown_again_after_leaving_the_view_for_hold_off_emits_again() -> None:
    away_long = [["A"]] * 3 + [[]] * 21 + [["A"]] * 3  # 2.1 s away
    away_short = [["A"]] * 3 + [[]] * 10 + [["A"]] * 3  # 1.0 s away

    assert _run(CodeDebouncer(hold_off=2.0), away_long) == ["A", "A"]
    assert _run(CodeDebouncer(hold_off=2.0), away_short) == ["A"]


def test_two_codes_are_independent() -> None:
    seen = [["A"], ["A", "B"], ["B"], ["A", "B"]]

    assert _run(CodeDebouncer(), seen) == ["A", "B"]


def test_the_code_object_of_the_latest_frame_is_emitted() -> None:
    debouncer = CodeDebouncer()
    first = DecodedCode("A", "QRCode", ((0, 0), (1, 0), (1, 1), (0, 1)))
    later = DecodedCode("A", "QRCode", ((5, 5), (6, 5), (6, 6), (5, 6)))

    assert debouncer.feed([first], now=0.0) == []
    assert debouncer.feed([later], now=0.1) == [later]


def test_reset_forgets_what_was_emitted() -> None:
    debouncer = CodeDebouncer()
    assert _run(debouncer, [["A"], ["A"]]) == ["A"]

    debouncer.reset()

    assert _run(debouncer, [["A"], ["A"]]) == ["A"]


@pytest.mark.parametrize(
    ("window", "min_hits", "hold_off"), [(5, 0, 2.0), (2, 3, 2.0), (5, 2, -1.0)]
)
def test_bad_settings_are_refused(window: int, min_hits: int, hold_off: float) -> None:
    with pytest.raises(ValueError, match=r"min_hits|hold_off"):
        CodeDebouncer(window=window, min_hits=min_hits, hold_off=hold_off)
