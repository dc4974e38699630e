"""Cycles are collected on the GUI thread only (ui/garbage.py)."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ui.garbage import GuiThreadCollector, collect_if_due


class _Cycle:
    """A reference cycle that holds a Qt object, like a page and its presenter."""

    def __init__(self) -> None:
        self.qobject = QObject()
        self.me = self


def test_collect_if_due_collects_the_oldest_generation_past_its_threshold() -> None:
    gc.collect()
    assert collect_if_due() is None  # nothing allocated since: nothing due
    junk = [[] for _ in range(gc.get_threshold()[0] + 10)]
    assert collect_if_due() == 0
    del junk


def test_worker_threads_never_collect_and_the_gui_thread_frees_the_cycle(
    qtbot: QtBot,
) -> None:
    collecting_threads: list[str] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            collecting_threads.append(threading.current_thread().name)

    collector = GuiThreadCollector(interval_ms=10)
    gc.callbacks.append(record)
    try:
        cycle = _Cycle()
        alive = weakref.ref(cycle)
        del cycle

        def allocate() -> None:
            # Far past every threshold: CPython would collect here, on this thread.
            for _ in range(50):
                cycles = [_Plain() for _ in range(5000)]
                del cycles

        worker = threading.Thread(target=allocate, name="db-lane")
        worker.start()
        worker.join()
        assert "db-lane" not in collecting_threads
        qtbot.waitUntil(lambda: alive() is None, timeout=5000)
        assert set(collecting_threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(record)
        collector.uninstall()
    assert not gc.isenabled()  # the test run keeps its own rule (tests/conftest.py)


class _Plain:
    def __init__(self) -> None:
        self.me = self
