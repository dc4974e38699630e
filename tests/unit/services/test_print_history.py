"""Prints in the units' story (issue 18, SPEC §8) on the fakes: a label the printer took, a
reprint on retry and a report are audit events of their units and show in the history in time
order; a job discarded after failing shows why it never printed; with the database away the
printing goes on and the story is written, at the right time, when the database is back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from qc_station.adapters.print_records import FolderPrintRecords
from qc_station.adapters.printers import FolderSpool
from qc_station.domain.enums import Role
from qc_station.domain.messages import english
from qc_station.services.context import ServiceContext
from qc_station.services.history import UnitHistory, unit_history
from qc_station.services.print_history import (
    HAPPENED_AT,
    PRINT_FAILED,
    PRINTED,
    PrintHistory,
)
from qc_station.services.print_queue import (
    PrinterMissing,
    PrintKind,
    PrintOutcome,
    PrintQueue,
    PrintSubject,
)
from qc_station.services.users import deactivate_user
from tests.builders import ADMIN, INSPECTOR, INSPECTOR_2, SUPERVISOR, make_rma, seed
from tests.fakes import FakeClock, FakePrinter, FakeStore

PDF = b"%PDF-1.4 label"
RMA = "RMA-PRINT-1"
LPN = f"{RMA}-1"


class DatabaseAway(Exception):
    """What the station's classifier calls an outage."""


def is_outage(error: BaseException) -> bool:
    return isinstance(error, DatabaseAway)


class Switch:
    """The fake database, which can be taken away."""

    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.down = False

    def uow(self, *, read_only: bool = False) -> Any:
        if self.down:
            raise DatabaseAway("connection refused")
        return self.store.uow(read_only=read_only)


@pytest.fixture
def switch(store: FakeStore) -> Switch:
    seed(store, make_rma(RMA))
    return Switch(store)


@pytest.fixture
def records(tmp_path: Path) -> FolderPrintRecords:
    return FolderPrintRecords(tmp_path / "print-records")


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter()


@pytest.fixture
def queue(
    tmp_path: Path,
    ctx: ServiceContext,
    clock: FakeClock,
    switch: Switch,
    records: Any,
    printer: FakePrinter,
) -> PrintQueue:
    recorder = PrintHistory(replace(ctx, uow=switch.uow), records, is_outage)
    return PrintQueue(FolderSpool(tmp_path / "spool"), printer, clock, recorder=recorder)


def label(queue: PrintQueue, printer: str = "Zebra") -> PrintOutcome:
    subject = PrintSubject.of(INSPECTOR, RMA, [LPN], label_size="4x6")
    return queue.submit(
        PDF, kind=PrintKind.LABEL, title=f"Label {LPN}", printer=printer, subject=subject
    )


def prints(ctx: ServiceContext) -> list[Any]:
    story = unit_history(ctx, SUPERVISOR, LPN)
    assert isinstance(story, UnitHistory)
    return [line for line in story.lines if line.action.startswith("document.")]


def test_a_printed_label_is_in_the_units_story(
    queue: PrintQueue, ctx: ServiceContext, store: FakeStore
) -> None:
    outcome = label(queue)
    assert outcome.printed
    [line] = prints(ctx)
    assert (line.entity, line.entity_id, line.action) == ("unit", LPN, PRINTED)
    assert (line.actor, line.station) == ("ines", "ST-01")
    assert line.new == {
        "lpn": LPN,
        "document": "label",
        "printer": "Zebra",
        "label_size": "4x6",
        "copies": 1,
        "job": outcome.job.id,
        "system_job": "Zebra-1",
    }
    assert line.details.startswith("label 4x6 on Zebra; copies: 1; job ")
    assert [e.action for e in store.data.audit][-1] == PRINTED


def test_a_report_is_in_the_story_of_the_rma(queue: PrintQueue, ctx: ServiceContext) -> None:
    subject = PrintSubject.of(SUPERVISOR, RMA, [LPN])
    queue.submit(PDF, kind=PrintKind.REPORT, title="Report", printer="Office", subject=subject)
    [line] = prints(ctx)
    assert (line.entity, line.entity_id, line.actor) == ("rma", RMA, "sofia")
    assert line.new is not None and line.new["units"] == [LPN]
    assert line.details.startswith("inspection report on Office; units: " + LPN)


def test_a_reprint_on_retry_names_who_retried_and_a_discard_says_why(
    queue: PrintQueue, ctx: ServiceContext, clock: FakeClock, printer: FakePrinter
) -> None:
    first = label(queue, printer="Gone")  # kept for retry: not (yet) in the story
    assert not first.printed and prints(ctx) == []
    clock.advance(minutes=1)
    assert queue.retry(first.job.id, printer="Zebra", by=INSPECTOR_2).printed
    clock.advance(minutes=1)
    # As the CUPS adapter says it: a catalogue code with its parameters.
    printer.fail_with = PrinterMissing("printer.missing", printer="Gone")
    second = label(queue, printer="Gone")
    clock.advance(minutes=1)
    queue.discard(second.job.id, by=INSPECTOR_2)
    printed, failed = prints(ctx)
    assert (printed.action, printed.actor, printed.station) == (PRINTED, "ivan", "ST-02")
    assert failed.action == PRINT_FAILED and failed.new is not None
    assert (failed.new["problem"], failed.new["problem_params"]) == (
        "printer.missing",
        {"printer": "Gone"},
    )
    assert "discarded: " + english("printer.missing", {"printer": "Gone"}) in failed.details
    assert printed.at < failed.at


def test_with_the_database_away_printing_goes_on_and_the_story_follows(
    queue: PrintQueue,
    ctx: ServiceContext,
    clock: FakeClock,
    switch: Switch,
    records: FolderPrintRecords,
) -> None:
    switch.down = True
    printed_at = clock.now()
    assert label(queue).printed  # the label is on the parcel all the same
    clock.advance(minutes=1)
    failed = label(queue, printer="Gone")
    queue.discard(failed.job.id)
    assert [r["action"] for r in records.kept()] == [PRINTED, PRINT_FAILED]
    switch.down = False
    clock.advance(minutes=5)
    queue.retry_all()  # the print queue seen to: what waited is written, in order
    assert records.kept() == []
    late_print, late_failure = prints(ctx)
    assert late_print.at == printed_at and late_print.new is not None
    assert late_print.new[HAPPENED_AT] == printed_at.isoformat()
    assert late_failure.action == PRINT_FAILED and late_print.at < late_failure.at
    assert "written later" in late_print.details


def test_kept_records_go_first_at_the_next_print(
    queue: PrintQueue, ctx: ServiceContext, clock: FakeClock, switch: Switch
) -> None:
    switch.down = True
    label(queue)
    switch.down = False
    clock.advance(minutes=1)
    label(queue)
    first, second = prints(ctx)
    assert first.new is not None and HAPPENED_AT in first.new
    assert second.new is not None and HAPPENED_AT not in second.new
    assert first.at < second.at


def test_a_refused_record_is_dropped_and_printing_goes_on(
    queue: PrintQueue,
    ctx: ServiceContext,
    records: FolderPrintRecords,
    caplog: pytest.LogCaptureFixture,
) -> None:
    deactivate_user(ctx, ADMIN, INSPECTOR.username)
    assert label(queue).printed
    assert prints(ctx) == [] and records.kept() == []
    assert "not recorded in the history" in caplog.text


def test_a_job_about_no_unit_tells_no_story(queue: PrintQueue, store: FakeStore) -> None:
    before = len(store.data.audit)
    assert queue.submit(PDF, kind=PrintKind.REPORT, title="Test page", printer="Zebra").printed
    assert len(store.data.audit) == before


def test_the_subject_survives_a_restart_of_the_spool(tmp_path: Path, clock: FakeClock) -> None:
    spool = FolderSpool(tmp_path / "spool")
    queue = PrintQueue(spool, FakePrinter(), clock)
    subject = PrintSubject.of(INSPECTOR, RMA, [LPN], label_size="2x1", copies=2)
    queue.submit(PDF, kind=PrintKind.LABEL, title="L", printer="Gone", subject=subject)
    [job] = FolderSpool(tmp_path / "spool").jobs()
    assert job.subject == subject and job.subject.role == Role.INSPECTOR.value
