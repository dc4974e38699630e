"""The print queue over the real spool folder and a fake printer: a job is on disk before the
printer is tried, stays there with the error while the printer is missing or failing, survives
a restart, and leaves only once printed or discarded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qc_station.adapters.printers import FolderSpool
from qc_station.domain.errors import NotFound
from qc_station.services.print_queue import (
    PrintError,
    PrintKind,
    PrintQueue,
    PrintSystemUnavailable,
)
from tests.fakes import FakeClock, FakePrinter

PDF = b"%PDF-1.4 label"


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter()


@pytest.fixture
def spool_dir(tmp_path: Path) -> Path:
    return tmp_path / "data" / "print-spool"


@pytest.fixture
def queue(spool_dir: Path, printer: FakePrinter, clock: FakeClock) -> PrintQueue:
    return PrintQueue(FolderSpool(spool_dir), printer, clock)


def submit(queue: PrintQueue, printer: str = "Zebra", title: str = "Label X-1") -> object:
    return queue.submit(PDF, kind=PrintKind.LABEL, title=title, printer=printer, media="4x6")


def test_a_printed_job_leaves_nothing_behind(queue: PrintQueue, printer: FakePrinter) -> None:
    outcome = queue.submit(
        PDF, kind=PrintKind.LABEL, title="Label X-1", printer="Zebra", media="Custom.4x6in"
    )
    assert outcome.printed and outcome.system_id == "Zebra-1"
    assert printer.sent == [("Zebra", PDF, "Label X-1", "Custom.4x6in")]
    assert queue.pending() == []


def test_a_missing_printer_keeps_the_job_with_a_clear_error(
    queue: PrintQueue, printer: FakePrinter, spool_dir: Path
) -> None:
    outcome = queue.submit(PDF, kind=PrintKind.LABEL, title="Label X-1", printer="Gone")
    assert not outcome.printed
    assert outcome.error is not None and outcome.error.code == "printer_missing"
    [job] = queue.pending()
    assert job.attempts == 1 and "'Gone' does not exist" in job.last_error
    assert job.last_error_code == "printer_missing"
    assert queue.spool.document(job.id) == PDF
    assert (spool_dir / job.id / "document.pdf").read_bytes() == PDF
    # Fixed: retried on a printer that exists.
    again = queue.retry(job.id, printer="Zebra")
    assert again.printed and queue.pending() == []
    assert printer.sent[0][0] == "Zebra"


def test_no_printer_configured_is_said_and_retry_all_fills_it_in(
    queue: PrintQueue, printer: FakePrinter
) -> None:
    outcome = queue.submit(PDF, kind=PrintKind.REPORT, title="Report R-1", printer="  ")
    assert outcome.error is not None and outcome.error.code == "printer_not_configured"
    assert "No report printer is set" in str(outcome.error)
    # The retry list words the kept problem from its code, in the station's language.
    [kept] = queue.pending()
    assert (kept.last_error_message_code, kept.last_error_params) == (
        "print.no_report_printer",
        {"kind": "report"},
    )
    [result] = queue.retry_all({PrintKind.REPORT: "Office"})
    assert result.printed and printer.sent[0][0] == "Office"


def test_jobs_survive_a_restart_and_print_in_order_when_the_printer_is_back(
    spool_dir: Path, printer: FakePrinter, clock: FakeClock
) -> None:
    printer.fail_with = PrintSystemUnavailable("the print system (CUPS) is not running")
    first = PrintQueue(FolderSpool(spool_dir), printer, clock)
    for n in range(3):
        submit(first, title=f"Label X-{n}")
        clock.advance(seconds=1)
    assert [j.title for j in first.pending()] == ["Label X-0", "Label X-1", "Label X-2"]

    printer.fail_with = None
    restarted = PrintQueue(FolderSpool(spool_dir), printer, clock)
    outcomes = restarted.retry_all()
    assert [o.printed for o in outcomes] == [True, True, True]
    assert [title for _, _, title, _ in printer.sent] == ["Label X-0", "Label X-1", "Label X-2"]
    assert restarted.pending() == []


def test_a_failing_printer_counts_attempts(queue: PrintQueue, printer: FakePrinter) -> None:
    printer.fail_with = PrintError("printer 'Zebra' did not accept the job: paper out")
    submit(queue)
    [job] = queue.pending()
    queue.retry(job.id)
    [job] = queue.pending()
    assert job.attempts == 2 and "paper out" in job.last_error


def test_discard_removes_the_job_and_retrying_it_then_says_so(
    queue: PrintQueue, printer: FakePrinter
) -> None:
    printer.fail_with = PrintError("offline")
    submit(queue)
    [job] = queue.pending()
    queue.discard(job.id)
    assert queue.pending() == []
    with pytest.raises(NotFound, match="no longer waiting"):
        queue.retry(job.id)
    queue.discard(job.id)  # idempotent


def test_a_damaged_spool_entry_is_left_alone_and_does_not_hide_the_others(
    queue: PrintQueue, printer: FakePrinter, spool_dir: Path
) -> None:
    printer.fail_with = PrintError("offline")
    submit(queue)
    broken = spool_dir / "20260101T000000-broken"
    broken.mkdir()
    (broken / "job.json").write_text("{not json", encoding="utf-8")
    assert len(queue.pending()) == 1
    assert broken.exists()


def test_half_written_jobs_are_not_jobs(spool_dir: Path, queue: PrintQueue) -> None:
    # What a crash during add leaves: a temporary folder, never a job that would print.
    (spool_dir / ".new-20260101T000000-x").mkdir(parents=True)
    assert queue.pending() == []


def test_the_job_file_is_readable_json(queue: PrintQueue, printer: FakePrinter) -> None:
    printer.fail_with = PrintError("offline")
    submit(queue)
    [job] = queue.pending()
    data = json.loads((queue.spool.root / job.id / "job.json").read_text())  # type: ignore[attr-defined]
    assert data["title"] == "Label X-1" and data["kind"] == "label"


def test_job_ids_that_could_escape_the_folder_are_refused(spool_dir: Path) -> None:
    spool = FolderSpool(spool_dir)
    with pytest.raises(NotFound):
        spool.document("../../etc/passwd")
