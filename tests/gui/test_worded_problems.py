"""Print-queue problems and the outage journal's refusals on screen (issue 16, SPEC §8):
worded from their catalogue codes through the translation catalogue — the pseudo locale marks
every catalogued word, so a marked text proves the words came through it — while a job or a
journal entry kept by an older version, with only its English, is shown as it was kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from qc_station.domain.messages import english
from qc_station.services.outbox import PendingView
from qc_station.services.print_queue import PrintJob, PrintKind
from tests.gui.tables import cell, row_count
from ui.printing.print_center import PrintCenter, job_problem
from ui.printing.queue_page import PrintQueuePage
from ui.pseudo_locale import LANGUAGE, OPEN, unmarked
from ui.session import Session
from ui.station_link import refused_text
from ui.translations import install_translators

AT = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)


@pytest.fixture
def pseudo(qapp: QCoreApplication) -> Iterator[None]:
    translators = install_translators(qapp, LANGUAGE)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def job(n: int, code: str = "", **params: object) -> PrintJob:
    return PrintJob(
        f"job-{n}",
        PrintKind.LABEL,
        f"Label RMA-{n}-1",
        "",
        "Custom.4x6in",
        AT,
        attempts=1,
        last_error=f"English kept by an older version {n}",
        last_error_message_code=code,
        last_error_params=params,
    )


def test_a_print_jobs_problem_is_worded_from_its_code(
    qtbot: QtBot, signed_in: Session, pseudo: None
) -> None:
    coded = job(1, "print.job_gone", job="job-1")
    old = job(2)
    assert OPEN in job_problem(coded) and "job-1" in job_problem(coded)
    assert unmarked(job_problem(coded)).split() == ["job-1"]  # every word translated
    assert "English kept" not in job_problem(coded)
    assert job_problem(old) == "English kept by an older version 2"
    page = PrintQueuePage(PrintCenter(signed_in, parent=signed_in))
    qtbot.addWidget(page)
    page.center.jobs_loaded.emit([coded, old])
    assert row_count(page.table) == 2
    assert cell(page.table, 0, 4) == job_problem(coded)
    assert cell(page.table, 1, 4) == "English kept by an older version 2"


def pending(refused: str, code: str = "", **params: object) -> PendingView:
    return PendingView("insp-1", "RMA-1-1", "ines", AT, 2, refused, code, params)


def test_a_journal_refusal_is_worded_from_its_code(pseudo: None) -> None:
    params = {"inspection_id": "insp-1"}
    coded = pending(english("journal.edited", params), "journal.edited", **params)
    shown = refused_text(coded)
    assert OPEN in shown and "insp-1" in shown
    assert unmarked(shown).split() == ["insp-1"]


def test_a_journal_refusal_kept_by_an_older_version_is_shown_as_it_was(pseudo: None) -> None:
    assert refused_text(pending("unit RMA-1-1 is decided")) == "unit RMA-1-1 is decided"
