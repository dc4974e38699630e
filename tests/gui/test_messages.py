"""Error texts: the catalogue's English template filled by default, the translated template
when a translation is loaded; and the crash dialog's "copy details"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qc_station.domain.errors import Conflict, NotFound, QcError
from ui.crash_dialog import CrashDialog
from ui.messages import describe


class FakeChinese(QTranslator):
    """Translates one template, as a loaded .qm file would."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if context == "Messages" and source.startswith("Unknown code {code}"):
            return "未知条码 {code}"
        return ""


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = FakeChinese()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_english_words_the_code_with_its_parameters() -> None:
    error = Conflict("unit.claimed", lpn="X-1", station="ST-02", user="ivan")
    assert describe(error) == "Unit X-1 is being inspected at station ST-02 by ivan."


def test_a_loaded_translation_fills_the_template(chinese: None) -> None:
    assert describe(NotFound("unit.unknown_code", code="Q")) == "未知条码 Q"


def test_an_error_without_a_template_falls_back_to_its_text(chinese: None) -> None:
    assert describe(QcError("something specific")) == "Something specific"


def test_copy_details_puts_everything_on_the_clipboard(qtbot: QtBot) -> None:
    dialog = CrashDialog("KeyError: 'x'", "Traceback ...", "/var/log/qc.log")
    qtbot.addWidget(dialog)
    dialog.findChild(object, "copyDetailsButton").click()
    text = QApplication.clipboard().text()
    assert "KeyError" in text
    assert "Traceback" in text
    assert "/var/log/qc.log" in text
