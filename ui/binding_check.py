"""Checks that the Qt binding keeps CPython's reference counts of ``None``, ``True`` and
``False``.

PySide6 6.12.0 took a reference away from ``None`` on every call of a Qt method that returns
nothing, and from ``True`` on every ``emit()``; on CPython 3.11 those objects are not
immortal, so after some hours a station aborted with "Fatal Python error: none_dealloc".
``pyproject.toml`` pins a binding without the defect. This probe is how an upgrade is
caught: the binding canary test runs it, ``--smoke-test`` runs it on every installation,
and the station logs an error at start when it fails (a site that upgraded PySide6 by hand).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

#: Enough calls that a loss of one reference per call cannot hide in the noise of a few
#: references taken or dropped elsewhere, and still microseconds.
PROBE_CALLS = 200


class _Probe(QObject):
    probed = Signal()
    counted = Signal(int)


def reference_losses(calls: int = PROBE_CALLS) -> dict[str, int]:
    """References to ``None``, ``True`` and ``False`` lost per probe (void Qt calls and
    emits), by name of the call; all zero on a sound binding. Needs a QApplication."""
    label = QLabel()
    probe = _Probe()
    probes = {
        "QLabel.setText": lambda: label.setText("probe"),
        "QWidget.setEnabled": lambda: label.setEnabled(True),
        "QWidget.update": label.update,
        "Signal.emit()": probe.probed.emit,
        "Signal.emit(int)": lambda: probe.counted.emit(1),
    }
    losses: dict[str, int] = {}
    for name, call in probes.items():
        for constant in (None, True, False):
            before = sys.getrefcount(constant)
            for _ in range(calls):
                call()
            lost = before - sys.getrefcount(constant)
            if lost > calls // 2:
                losses[f"{name} → {constant}"] = lost
    label.deleteLater()
    probe.deleteLater()
    return losses


def describe_losses(losses: dict[str, int]) -> str:
    """One line naming the calls that lose references, for the log and the smoke test."""
    return "; ".join(f"{name} lost {count}" for name, count in sorted(losses.items()))
