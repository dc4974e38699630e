"""Multi-station pieces of the window: the stations area (list, release a stale claim with
a reason and a confirmation), and an inspection kept on the station during an outage, then
sent by the station link once the database is back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from qc_station.config import Config
from qc_station.domain.enums import Grade, Role, UnitState
from qc_station.services import returns, sign_ins
from qc_station.services.context import ServiceContext
from qc_station.services.station_ports import StationPorts
from qc_station.services.users import UserView
from tests.builders import INSPECTOR_2, make_rma, seed
from tests.fakes import FakeStore
from ui.pages.stations_page import StationsPage
from ui.presenters.inspection_presenter import InspectionPresenter
from ui.presenters.scan_presenter import ScanPresenter
from ui.presenters.stations_presenter import StationsPresenter
from ui.session import Session
from ui.sounds import Sounds
from ui.station_link import StationLink
from ui.tasks import TaskRunner


def supervisor_view() -> UserView:
    return UserView("sofia", "Sofia", Role.SUPERVISOR, True, None, False, None, None)


def test_supervisor_sees_claims_and_releases_one(
    qtbot: QtBot, session: Session, ctx: ServiceContext, store: FakeStore
) -> None:
    seed(store, make_rma("RMA-1"))
    returns.claim_unit(ctx, INSPECTOR_2, "RMA-1-1")
    session.sign_in(supervisor_view())
    link = StationLink(session)
    with qtbot.waitSignal(session.runner.busy_changed, check_params_cb=lambda busy: not busy):
        link.heartbeat()
    presenter = StationsPresenter(session)
    page = StationsPage(presenter)
    qtbot.addWidget(page)
    with qtbot.waitSignal(presenter.busy_changed, check_params_cb=lambda busy: not busy):
        page.activated()
    tree = page.tree
    names = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert names == ["ST-01", "ST-02"]  # this station (heartbeat) and the one holding a unit
    assert tree.topLevelItem(0).text(1) == "online"
    holder = tree.topLevelItem(1)
    assert (holder.text(1), holder.childCount()) == ("offline", 1)
    claim = holder.child(0)
    assert claim.text(0) == "RMA-1-1"
    assert claim.text(1).startswith("ivan")  # stale: its station is offline
    claim.setSelected(True)
    assert not page.release_button.isEnabled()  # a reason first
    page.reason_edit.setText("ST-02 crashed")
    assert page.release_button.isEnabled()
    questions: list[str] = []
    page.ask = lambda q: questions.append(q) is None and False  # type: ignore[method-assign]
    page.release_button.click()
    assert questions and store.data.rmas["RMA-1"].units[0].claimed_station == "ST-02"
    page.ask = lambda q: True  # type: ignore[method-assign]
    with qtbot.waitSignal(presenter.claim_released):
        page.release_button.click()
    qtbot.waitUntil(lambda: not presenter.state.busy)
    unit = store.data.rmas["RMA-1"].units[0]
    assert (unit.claimed_station, unit.state) == (None, UnitState.IN_INSPECTION)
    assert "released" in page.message.text()
    assert page.tree.topLevelItemCount() == 1  # ST-02 holds nothing and never reported in


class Outage:
    """The unit of work factory, with a switch that makes every call fail as a dropped
    PostgreSQL connection does."""

    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.down = False

    def __call__(self, *, read_only: bool = False) -> Any:
        if self.down:
            raise OperationalError("SELECT 1", {}, ConnectionError("connection refused"))
        return self.store.uow(read_only=read_only)


@pytest.fixture
def outage_session(
    qtbot: QtBot,
    ctx: ServiceContext,
    store: FakeStore,
    runner: TaskRunner,
    ports: StationPorts,
    tmp_path: Path,
) -> tuple[Session, Outage]:
    switch = Outage(store)
    config = Config(station_name="ST-01", data_dir=str(tmp_path / "data"))
    session = Session(replace(ctx, uow=switch), config, runner, Sounds(silent=True), ports=ports)
    view = UserView("ines", "Ines", Role.INSPECTOR, True, None, False, None, None)
    # As the login presenter does: the sign-in whose key signs the outage journal.
    session.sign_in(view, sign_ins.record_sign_in(ctx, view.actor("ST-01")))
    return session, switch


def test_an_inspection_survives_an_outage_and_is_sent_later(
    qtbot: QtBot, outage_session: tuple[Session, Outage], store: FakeStore, rma_code: str
) -> None:
    session, switch = outage_session
    lpn = f"{rma_code}-1"
    rma = returns.claim_unit(session.ctx, session.require_actor(), lpn)
    presenter = InspectionPresenter(session)
    presenter.start(rma, lpn)
    presenter.set_grade(Grade.A)
    presenter.set_notes("box sealed")
    switch.down = True
    with qtbot.waitSignal(presenter.inspection_journalled) as kept:
        presenter.submit()
    assert kept.args[0].lpn == lpn
    assert not presenter.active  # the inspector goes on with the next parcel
    assert [e.record["notes"] for e in session.ports.journal.entries()] == ["box sealed"]
    assert store.data.inspections == {}

    # Scanning the parcel again while its inspection waits does not open a second one.
    switch.down = False
    scan = ScanPresenter(session)
    scan.submit_code(lpn)
    qtbot.waitUntil(lambda: not scan.state.busy)
    assert scan.state.error.endswith(
        "waiting here for the database to come back. No second inspection."
    )
    switch.down = True

    # The station restarts: a new link on the same data folder reports the waiting one...
    link = StationLink(session)
    with qtbot.waitSignal(link.outbox_changed) as counted:
        link.replay()
    assert counted.args == [1, 0, ""]
    # ...and sends it once the database is back.
    switch.down = False
    with qtbot.waitSignal(link.outbox_changed) as counted:
        link.replay()
    assert counted.args == [0, 0, ""]
    [inspection] = store.data.inspections.values()
    assert (inspection.lpn, inspection.notes) == (lpn, "box sealed")
    assert session.ports.journal.entries() == []


def test_a_policy_activated_at_another_station_is_taken_with_the_heartbeat(
    qtbot: QtBot, session: Session, ctx: ServiceContext
) -> None:
    from qc_station.services import policy_admin
    from tests.builders import ADMIN
    from tests.conftest import DEFAULT_POLICY_FILE

    stricter = DEFAULT_POLICY_FILE.read_text(encoding="utf-8").replace(
        "B = 10, C = 30", "B = 20, C = 30"
    )
    before = session.ctx.policy.hash
    link = StationLink(session)
    idle = {"check_params_cb": lambda busy: not busy}
    with (
        qtbot.assertNotEmitted(link.policy_changed),
        qtbot.waitSignal(session.runner.busy_changed, **idle),
    ):
        link.heartbeat()  # nothing activated anywhere: the station keeps its policy
    activated = policy_admin.activate(ctx, ADMIN, stricter, "stricter on B").policy
    assert session.ctx.policy.hash == before  # another station's activation, not seen yet
    with qtbot.waitSignal(link.policy_changed) as changed:
        link.heartbeat()
    assert changed.args == [activated.hash]
    assert session.ctx.policy.hash == activated.hash
    with (
        qtbot.assertNotEmitted(link.policy_changed),
        qtbot.waitSignal(session.runner.busy_changed, **idle),
    ):
        link.heartbeat()  # taken once


@pytest.mark.parametrize("stored_text", ["refund_due_hours = 'soon'\n", None])
def test_an_active_policy_this_station_cannot_load_keeps_its_own(
    qtbot: QtBot,
    session: Session,
    store: FakeStore,
    caplog: pytest.LogCaptureFixture,
    stored_text: str | None,
) -> None:
    # A newer program activated a policy this version cannot read, or its text is gone.
    from datetime import UTC, datetime

    from qc_station.services.ports import PolicyActivation

    if stored_text is not None:
        store.data.policies["f" * 64] = stored_text
    store.data.policy_activations.append(
        PolicyActivation("f" * 64, datetime(2026, 11, 2, tzinfo=UTC), "ada", "ST-09", "new")
    )
    before = session.ctx.policy.hash
    link = StationLink(session)
    with (
        qtbot.assertNotEmitted(link.policy_changed),
        qtbot.waitSignal(session.runner.busy_changed, check_params_cb=lambda busy: not busy),
    ):
        link.heartbeat()
    assert session.ctx.policy.hash == before
    assert "the site's active policy is not taken here" in caplog.text
    assert "ST-01" in store.data.stations  # the heartbeat itself went through
