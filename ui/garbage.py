"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects cycles in whichever thread happens to allocate past the threshold. When a
cycle holds a Qt object (a page, a presenter connected to a signal, a widget's Python wrapper)
and the collection runs on a worker thread of the task runner, the camera thread or a heartbeat,
Qt destroys that object off its own thread and the process may die in a segmentation fault.
Our CI run did: "Garbage-collecting" on a thread of the task runner, inside a service call,
with the widgets of earlier GUI tests waiting in the garbage.

So the station switches automatic collection off and collects on the GUI thread instead, from a
timer, doing what CPython would have done: the oldest generation whose allocation count passed
its threshold. Reference counting still frees everything that is not in a cycle at once; only
cycles wait for the next tick (a second at most).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: how often the GUI thread looks at the collector's counts; short enough that cycles never
#: pile up, long enough that an idle station does no work.
INTERVAL_MS = 1000


def collect_if_due() -> int | None:
    """Collect the oldest generation that is due, as CPython's automatic collector would.

    Returns the generation collected, or ``None`` when nothing was due.
    """
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    for generation in (2, 1, 0):
        threshold = thresholds[generation]
        if threshold and counts[generation] > threshold:
            gc.collect(generation)
            return generation
    return None


class GuiThreadCollector(QObject):
    """Owns the timer that collects garbage on the GUI thread; automatic collection is off
    while it is installed."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(collect_if_due)
        self._timer.start()

    def uninstall(self) -> None:
        """Stop the timer, collect once here and give the collector back to CPython."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


def install(parent: QObject) -> GuiThreadCollector:
    """Collect garbage on the GUI thread for as long as ``parent`` (the application) lives."""
    return GuiThreadCollector(parent)
