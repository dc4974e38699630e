"""Prints in the units' story on a real SQLite file, wired as the station wires it
(``bootstrap.build``, issue 18): a label the printer took and a job discarded after failing are
audit events the unit history and ``qc-station history`` show, and the chain still verifies;
with the database file gone (an unmounted share) printing still succeeds, the record waits in
the station's folder and joins the story when the database is back."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qc_station.bootstrap import App, build
from qc_station.cli.history import write_history
from qc_station.config import Config
from qc_station.domain.messages import english
from qc_station.services import audit
from qc_station.services.history import HistoryLine, UnitHistory, unit_history
from qc_station.services.print_history import HAPPENED_AT, PRINT_FAILED, PRINTED
from qc_station.services.print_queue import (
    PrinterMissing,
    PrintKind,
    PrintOutcome,
    PrintSubject,
)
from tests.builders import INSPECTOR, SUPERVISOR, make_rma, seed_cast_in
from tests.fakes import FakePrinter

PDF = b"%PDF-1.4 label"
RMA = "RMA-PRN-1"
LPN = f"{RMA}-1"


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter()


@pytest.fixture
def app(sqlite_url: str, tmp_path: Path, printer: FakePrinter) -> Iterator[App]:
    config = Config(station_name="ST-01", data_dir=str(tmp_path / "data"), database_url=sqlite_url)
    built = build(config)
    built.ports.make_printer = lambda: printer
    seed_cast_in(built.ctx.uow)
    with built.ctx.uow() as uow:
        uow.rmas.add(make_rma(RMA))
        uow.commit()
    yield built
    built.close()


def print_label(app: App, printer: str = "Zebra") -> PrintOutcome:
    subject = PrintSubject.of(INSPECTOR, RMA, [LPN], label_size="4x6")
    return app.ports.print_queue.submit(
        PDF, kind=PrintKind.LABEL, title=f"Label {LPN}", printer=printer, subject=subject
    )


def print_lines(app: App) -> tuple[UnitHistory, list[tuple[HistoryLine, dict[str, Any]]]]:
    """The unit's story, and its print lines with their values."""
    story = unit_history(app.ctx, SUPERVISOR, LPN)
    assert isinstance(story, UnitHistory)
    found = [(line, line.new or {}) for line in story.lines if line.action.startswith("document.")]
    return story, found


def test_a_print_and_a_discarded_job_are_in_the_story_and_the_chain_verifies(
    app: App, printer: FakePrinter
) -> None:
    assert print_label(app).printed
    printer.fail_with = PrinterMissing("printer.missing", printer="Gone")
    failed = print_label(app, printer="Gone")
    assert not failed.printed
    app.ports.print_queue.discard(failed.job.id, by=INSPECTOR)
    story, [(printed, values), (discarded, problem)] = print_lines(app)
    assert (printed.entity, printed.action, printed.actor) == ("unit", PRINTED, "ines")
    assert (values["printer"], values["label_size"]) == ("Zebra", "4x6")
    assert (discarded.action, problem["problem"]) == (PRINT_FAILED, "printer.missing")
    assert audit.verify(app.ctx).ok
    # The command line prints them with the rest.
    out = io.StringIO()
    write_history(story, out)
    text = out.getvalue()
    assert "document.printed  label 4x6 on Zebra; copies: 1; job " in text
    assert "document.print_failed  label 4x6 on Gone; copies: 1; job " in text
    assert "discarded: " + english("printer.missing", {"printer": "Gone"}) in text


def test_with_the_database_away_printing_still_succeeds_and_the_story_follows(
    app: App, sqlite_url: str
) -> None:
    folder = Path(sqlite_url.removeprefix("sqlite:///")).parent
    kept = app.config.data_path / "print-records"
    app.engine.dispose()
    away = folder.with_name("db-away")
    shutil.move(folder, away)  # the share is gone: no connection opens
    try:
        assert print_label(app).printed
        assert len(list(kept.glob("*.json"))) == 1
    finally:
        shutil.move(away, folder)
    assert print_label(app).printed  # the next print writes the one that waited first
    _story, [(late, late_values), (now, now_values)] = print_lines(app)
    assert HAPPENED_AT in late_values and HAPPENED_AT not in now_values
    assert late.at <= now.at and "written later" in late.details
    assert list(kept.glob("*.json")) == []
    assert audit.verify(app.ctx).ok
