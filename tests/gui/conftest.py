"""Fixtures for the GUI tests: a task runner, a session on the in-memory fakes, and a signed-in
inspector at station ST-01 (the station of ``tests.builders.INSPECTOR``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qc_station.adapters.camera import CodeDebouncer
from qc_station.adapters.files import write_into
from qc_station.adapters.journal import FileJournal
from qc_station.adapters.opencv_ports import OpenCvPhotos, decode_frame
from qc_station.adapters.outage import is_outage
from qc_station.adapters.printers import FolderSpool
from qc_station.config import Config
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Role
from qc_station.domain.policy import Policy
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, submit_inspection
from qc_station.services.returns import claim_unit
from qc_station.services.station_ports import FrameSource, StationPorts
from qc_station.services.users import UserView
from tests.builders import make_rma, seed, user
from tests.fakes import FakeClock, FakePrinter, FakeStore
from ui.session import Session
from ui.sounds import Sounds
from ui.tasks import TaskRunner

STATION = "ST-01"
PASSWORD = "secret-password"


@pytest.fixture
def config(tmp_path: Path) -> Config:
    # A data folder of the test's own: the outage journal and the spool are read from it,
    # and a test must never see (or leave) anything in the user's real data folder.
    return Config(
        station_name=STATION,
        idle_lock_minutes=5,
        allow_badge_login=True,
        data_dir=str(tmp_path / "data"),
    )


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    # Let queued work finish before the fakes go away; results of late jobs are dropped.
    task_runner.wait_idle()


@pytest.fixture
def printer() -> FakePrinter:
    """The station's printers in GUI tests: nothing reaches a real printer or CUPS."""
    return FakePrinter()


def no_camera(source: int | str) -> FrameSource:
    raise AssertionError(f"a GUI test opened camera {source!r}; give it a fake frame source")


@pytest.fixture
def ports(printer: FakePrinter, clock: FakeClock, tmp_path: Path) -> StationPorts:
    """The station's adapters in GUI tests: the journal and the print spool in the test's
    own folder (never the user's data folder), the fake printer, no camera (tests hand their
    camera controller a fake frame source); photos are checked by the real reader."""
    return StationPorts(
        journal=FileJournal(tmp_path / "journal"),
        is_outage=is_outage,
        photos=OpenCvPhotos(),
        open_camera=no_camera,
        decode_frame=decode_frame,
        new_debouncer=CodeDebouncer,
        write_into=write_into,
        print_spool=FolderSpool(tmp_path / "print-spool"),
        make_printer=lambda: printer,
        clock=clock,
    )


@pytest.fixture
def session(
    ctx: ServiceContext, config: Config, runner: TaskRunner, ports: StationPorts
) -> Session:
    return Session(ctx, config, runner, Sounds(silent=True), ports=ports)


def inspector_view(username: str = "ines") -> UserView:
    return UserView(username, username.title(), Role.INSPECTOR, True, None, False, None, None)


@pytest.fixture
def signed_in(session: Session, store: FakeStore) -> Session:
    with store.uow() as uow:
        if uow.users.get("ines") is None:  # in the cast of tests.builders already
            uow.users.add(user("ines", Role.INSPECTOR))
            uow.commit()
    session.sign_in(inspector_view())
    return session


@pytest.fixture
def rma_code(store: FakeStore) -> str:
    """One electronics RMA (a headset, 99.00 USD, "changed my mind") with one unit."""
    seed(store, make_rma("RMA-2026-000123"))
    return "RMA-2026-000123"


def decide_elsewhere(ctx: ServiceContext, policy: Policy, lpn: str, actor: Actor) -> None:
    """Decide ``lpn`` at another station, as a colleague would have."""
    claim_unit(ctx, actor, lpn)
    items = policy.checklist_for("electronics")
    submit_inspection(
        ctx,
        actor,
        InspectionDraft(
            lpn=lpn,
            grade=Grade.A,
            finding=Finding.NO_FAULT,
            checklist={item.key: ChecklistAnswer.PASS for item in items},
        ),
    )
