"""A result that reaches the GUI thread after its receiver was deleted is dropped (issue 16:
signing out while a preview rendered raised "Internal C++ object already deleted"): a
presenter's operation, the print center's rendering for a page, and the preview's pages."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from ui.presenters.base import Presenter, QueryOp
from ui.printing import preview_dialog
from ui.printing.preview_dialog import PrintPreviewDialog
from ui.printing.print_center import PrintCenter
from ui.printing.queue_page import PrintQueuePage
from ui.session import Session
from ui.tasks import TaskRunner


@dataclass(frozen=True)
class _State:
    busy: bool = False
    value: int = 0


class _Counter(Presenter[_State]):
    def load(self, gate: threading.Event) -> None:
        self.run(QueryOp(lambda: gate.wait(5) and 42, on_success=self._loaded))

    def _loaded(self, value: int) -> None:
        self._set(value=value)


def _settle(qtbot: QtBot, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    qtbot.wait(20)  # the queued deliveries run


def test_an_operation_for_a_deleted_presenter_is_dropped(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    alive, gone = _Counter(session, _State()), _Counter(session, _State())
    gate = threading.Event()
    alive.load(gate)
    gone.load(gate)
    shiboken6.delete(gone)  # its page went with a sign-out while the work ran
    gate.set()
    _settle(qtbot, runner)
    assert alive.state.value == 42  # the living one still gets its result
    assert not shiboken6.isValid(gone)


def test_a_label_rendered_for_a_deleted_page_is_dropped(
    qtbot: QtBot, signed_in: Session, runner: TaskRunner, rma_code: str
) -> None:
    center = PrintCenter(signed_in, parent=signed_in)
    page = PrintQueuePage(center)
    page.code.setText(f"{rma_code}-1")
    page.preview_label_button.click()  # rendering starts on the database lane
    shiboken6.delete(page)  # signed out at once: the area's page is deleted
    _settle(qtbot, runner)
    qtbot.waitUntil(lambda: center._running == 0, timeout=10_000)


def test_preview_pages_for_a_deleted_dialog_are_dropped(
    qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    rendered: list[bytes] = []

    def slow_render(pdf: bytes, dpi: int) -> list[object]:
        gate.wait(5)
        rendered.append(pdf)
        return []

    monkeypatch.setattr(preview_dialog, "pdf_page_images", slow_render)
    dialog = PrintPreviewDialog(b"%PDF-1.4", "Label X", runner)
    shiboken6.delete(dialog)
    gate.set()
    _settle(qtbot, runner)
    assert rendered == [b"%PDF-1.4"]  # the work ran; its result went nowhere, and no error
