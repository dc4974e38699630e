"""Work-arounds for defects of the pinned Qt binding, each detected rather than assumed.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without taking a reference to it,
so every ``emit`` from Python takes one reference away from ``True``. After some thousands of
emits (a normal day at a station; a few GUI tests in one process) CPython frees ``True`` and
aborts with "Fatal Python error: bool_dealloc". Measured here: 100 emits, ``True`` down by 100.

``protect_true_from_emit_leak`` checks for the defect with one probe emit and, if it is
there, gives ``True`` a huge reference count so it can never reach zero: what CPython 3.12
does for ``True`` anyway (immortal objects). It does nothing on a fixed binding or on 3.12+.
Call it once, right after the ``QApplication`` exists (``run_gui`` and the GUI tests do).
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_HEADROOM = 1 << 40  # more emits than a station makes in centuries


class _Probe(QObject):
    probed = Signal()


_applied = False


def protect_true_from_emit_leak() -> bool:
    """Apply the work-around if this binding needs it; True if it was applied."""
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return _applied
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.probed.emit()
    lost = before - sys.getrefcount(True)
    if lost < 8:
        return False
    # ob_refcnt is the first field of every CPython object, at the address id() gives.
    refcount = ctypes.c_ssize_t.from_address(id(True))
    refcount.value += _HEADROOM
    _applied = True
    log.warning("PySide6 emit() leaks references to True; applied the work-around")
    return True
