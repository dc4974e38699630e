"""The Qt binding keeps the reference counts of ``None``, ``True`` and ``False``.

PySide6 6.12.0 lost one reference to ``None`` per void Qt call and one to ``True`` per
``emit()``; the station aborted with "none_dealloc" after hours of work. ``pyproject.toml``
pins a sound binding; this canary fails on any binding with the defect, so no upgrade brings
it back unseen.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from ui.binding_check import reference_losses

CALLS = 2000
#: A defective binding loses one reference per call (2,000 here); Qt and Python caches may
#: take or drop a couple of their own while the calls run, which is not the defect.
NOISE = 8


class _Emitter(QObject):
    plain = Signal()
    with_value = Signal(str)


_CONSTANTS = (None, True, False)


def _count(call: object) -> dict[object, int]:
    # Counted the same way before and after, so the counting itself cancels out.
    before = [sys.getrefcount(c) for c in _CONSTANTS]
    for _ in range(CALLS):
        call()  # type: ignore[operator]
    after = [sys.getrefcount(c) for c in _CONSTANTS]
    return {c: b - a for c, b, a in zip(_CONSTANTS, before, after, strict=True)}


def _sound(lost: dict[object, int]) -> bool:
    return all(count <= NOISE for count in lost.values())


def test_the_probe_finds_no_loss_in_the_installed_binding(qapp: object) -> None:
    assert reference_losses() == {}, f"PySide6 {PySide6.__version__}"


def test_void_calls_keep_none_true_and_false(qtbot: QtBot) -> None:
    label = QLabel()
    edit = QLineEdit()
    qtbot.addWidget(label)
    qtbot.addWidget(edit)
    for name, call in {
        "setText": lambda: label.setText("x"),
        "setEnabled": lambda: label.setEnabled(False),
        "setVisible": lambda: label.setVisible(False),
        "update": label.update,
        "QTest.keyClick": lambda: QTest.keyClick(edit, Qt.Key.Key_A),
    }.items():
        lost = _count(call)
        assert _sound(lost), f"{name} on PySide6 {PySide6.__version__}: {lost}"


def test_emits_keep_none_true_and_false(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received: list[str] = []
    emitter.with_value.connect(received.append)
    assert _sound(_count(emitter.plain.emit))
    assert _sound(_count(lambda: emitter.with_value.emit("x")))
    assert len(received) == CALLS


def test_the_probe_sees_a_binding_that_loses_references(qapp: object, monkeypatch: object) -> None:
    # The probe must not be blind: a stand-in for a void call that drops a reference to
    # None each time (as 6.12.0 did) is reported.
    import ctypes

    import ui.binding_check as check

    dropped: list[int] = []

    def leaking_update(self: QLabel) -> None:
        # Take back one reference per call, as the defect did, and give them all back after.
        ctypes.pythonapi.Py_DecRef(ctypes.py_object(None))
        dropped.append(1)

    original = QLabel.update
    QLabel.update = leaking_update  # type: ignore[method-assign,assignment]
    try:
        losses = check.reference_losses()
    finally:
        QLabel.update = original  # type: ignore[method-assign]
        for _ in dropped:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    assert any(name.startswith("QWidget.update → None") for name in losses), losses
