"""The task runner: results on the GUI thread, expected errors to ``on_error``, bugs reported,
and a database lane that runs one job at a time, in order."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from qc_station.domain.errors import NotFound
from ui.tasks import Lane, TaskRunner


def test_the_result_arrives_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: dict[str, object] = {}
    gui_thread = QThread.currentThread()

    def work() -> int:
        seen["worker"] = QThread.currentThread() is gui_thread
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["gui"] = QThread.currentThread() is gui_thread

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run(work, done)
    assert seen == {"worker": False, "result": 42, "gui": True}


def test_an_expected_error_goes_to_on_error(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []
    finished: list[bool] = []

    def fail() -> None:
        raise NotFound("unknown code X", code="X")

    with (
        qtbot.assertNotEmitted(runner.unexpected_error),
        qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy),
    ):
        runner.run(fail, on_error=errors.append, on_finished=lambda: finished.append(True))
    assert [type(e) for e in errors] == [NotFound]
    assert finished == [True]


def test_a_bug_is_reported_not_handed_to_on_error(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def bug() -> None:
        raise KeyError("oops")

    with qtbot.waitSignal(runner.unexpected_error) as blocker:
        runner.run(bug, on_error=errors.append)
    summary, details = blocker.args
    assert summary.startswith("KeyError")
    assert "Traceback" in details
    assert errors == []


@pytest.mark.parametrize("count", [20])
def test_the_database_lane_runs_jobs_one_at_a_time_in_order(
    qtbot: QtBot, runner: TaskRunner, count: int
) -> None:
    order: list[int] = []
    threads: set[int] = set()
    lock = threading.Lock()
    running = [0]
    overlap = [False]

    def job(n: int) -> int:
        with lock:
            running[0] += 1
            overlap[0] |= running[0] > 1
            threads.add(threading.get_ident())
        order.append(n)
        with lock:
            running[0] -= 1
        return n

    results: list[object] = []
    for n in range(count):
        runner.run(lambda n=n: job(n), results.append)
    qtbot.waitUntil(lambda: len(results) == count)
    assert order == list(range(count))
    assert results == list(range(count))
    assert not overlap[0]
    assert len(threads) == 1


def test_the_io_lane_is_separate(qtbot: QtBot, runner: TaskRunner) -> None:
    results: list[object] = []
    runner.run(lambda: "io", results.append, lane=Lane.IO)
    qtbot.waitUntil(lambda: results == ["io"])
