"""The finance page over the fakes: the preview of the next export, Export… into a chosen file
with progress, nothing to export, cancel, the batch history and Re-export… byte-identical,
and an inspector refused by the service (not only by a hidden button)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Role
from qc_station.domain.model import DecisionStatus
from qc_station.services import finance
from qc_station.services.users import UserView
from tests.builders import SUPERVISOR, make_rma, seed, user
from tests.fakes import FakeStore
from tests.gui.tables import cell, row_count
from tests.gui.test_translations import chinese  # noqa: F401 - the fixture
from tests.unit.services.test_finance import put_decision
from ui.main_window import MainWindow
from ui.pages.finance_page import FinancePage, totals_text
from ui.presenters.finance_presenter import FinancePresenter
from ui.session import Session
from ui.workspaces import WORKSPACES, available_to

RMA = "RMA-2026-000123"


def supervisor_view(name: str = "sofia", role: Role = Role.SUPERVISOR) -> UserView:
    return UserView(name, name.title(), role, True, None, False, None, None)


@pytest.fixture
def waiting(store: FakeStore) -> list[str]:
    """Three final decisions and a pending one, none exported."""
    rma = make_rma(RMA)
    rma.lines[0].quantity = 4
    rma.build_units()
    seed(store, rma)
    lpns = [f"{RMA}-{n}" for n in range(1, 5)]
    for lpn in lpns[:3]:
        put_decision(store, lpn)
    put_decision(store, lpns[3], DecisionStatus.PENDING)
    return lpns


@pytest.fixture
def page(qtbot: QtBot, session: Session, store: FakeStore) -> FinancePage:
    with store.uow() as uow:
        uow.users.save(user("sofia", Role.SUPERVISOR))  # in the cast: the test password
        uow.commit()
    session.sign_in(supervisor_view())
    widget = FinancePage(FinancePresenter(session))
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    return widget


def refreshed(qtbot: QtBot, page: FinancePage) -> None:
    with qtbot.waitSignal(page.presenter.busy_changed, check_params_cb=lambda b: not b):
        page.activated()


def export_with(qtbot: QtBot, page: FinancePage, button: object) -> None:
    with qtbot.waitSignal(page.presenter.busy_changed, check_params_cb=lambda b: not b):
        button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not page.presenter.state.loading)


def test_the_preview_shows_count_totals_and_first_rows(
    qtbot: QtBot, page: FinancePage, waiting: list[str]
) -> None:
    refreshed(qtbot, page)
    assert page.summary.text() == ("3 decision(s) waiting to be exported. Refunds: 297.00 USD (3)")
    assert row_count(page.preview_table) == 3
    assert cell(page.preview_table, 0, 0) == waiting[0]
    assert cell(page.preview_table, 0, 5) == "99.00 USD"
    assert cell(page.preview_table, 0, 7) == "sofia"
    assert page.export_button.isEnabled()
    assert not page.reexport_button.isEnabled()
    assert row_count(page.batch_table) == 0


def test_export_writes_the_file_with_progress_then_the_batch_is_listed(
    qtbot: QtBot, page: FinancePage, waiting: list[str], tmp_path: Path, store: FakeStore
) -> None:
    refreshed(qtbot, page)
    target = tmp_path / "finance.csv"
    asked: list[str] = []

    def ask(_parent: object, _title: str, suggested: str) -> str:
        asked.append(suggested)
        return str(target)

    page.ask_save_path = ask
    progress: list[int] = []
    page.presenter.state_changed.connect(lambda s: progress.append(s.progress))
    export_with(qtbot, page, page.export_button)

    assert Path(asked[0]).name.startswith("finance-") and asked[0].endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [r["lpn"] for r in rows] == waiting[:3]
    batch_id = rows[0]["export_batch_id"]
    assert batch_id == "FIN-20261102-0001"
    assert 3 in progress  # the worker's row count reached the page
    assert page.message.property("role") == "success"
    assert batch_id in page.message.text() and str(target) in page.message.text()
    # Refreshed after the export: nothing waits, the batch is in the history.
    assert page.summary.text() == "Nothing to export: every final decision has been exported."
    assert not page.export_button.isEnabled()
    assert row_count(page.batch_table) == 1
    assert cell(page.batch_table, 0, 0) == batch_id
    assert cell(page.batch_table, 0, 4) == "3"
    assert cell(page.batch_table, 0, 5) == store.data.exports[batch_id].sha256
    assert cell(page.batch_table, 0, 6) == "297.00 USD (3)"
    assert not list(tmp_path.glob(".*"))  # no staging file left behind


def test_reexport_writes_the_same_bytes(
    qtbot: QtBot, page: FinancePage, waiting: list[str], tmp_path: Path
) -> None:
    refreshed(qtbot, page)
    first, again = tmp_path / "first.csv", tmp_path / "again.csv"
    page.ask_save_path = lambda *_: str(first)
    export_with(qtbot, page, page.export_button)
    page.batch_table.selectRow(0)
    assert page.reexport_button.isEnabled()
    suggested: list[str] = []

    def ask(_parent: object, _title: str, proposal: str) -> str:
        suggested.append(proposal)
        return str(again)

    page.ask_save_path = ask
    export_with(qtbot, page, page.reexport_button)
    assert Path(suggested[0]).name == "finance-FIN-20261102-0001.csv"
    assert again.read_bytes() == first.read_bytes()
    assert "identical" in page.message.text()
    # The history kept its selection across the refresh.
    assert page.reexport_button.isEnabled()


def test_nothing_waiting_writes_no_file_and_says_so(
    qtbot: QtBot, page: FinancePage, tmp_path: Path, store: FakeStore
) -> None:
    refreshed(qtbot, page)
    assert page.summary.text() == "Nothing to export: every final decision has been exported."
    assert not page.export_button.isEnabled()
    page.presenter.export(tmp_path / "empty.csv")  # e.g. by a shortcut: still refused
    assert page.message.property("role") == "error"
    assert "Nothing to export" in page.message.text()
    assert not (tmp_path / "empty.csv").exists() and store.data.exports == {}


def test_a_race_to_empty_leaves_an_existing_file_alone(
    qtbot: QtBot, page: FinancePage, waiting: list[str], tmp_path: Path, session: Session
) -> None:
    refreshed(qtbot, page)
    # Another station exports everything after this page's preview.
    finance.export_finance(session.ctx, SUPERVISOR, io.BytesIO())
    target = tmp_path / "keep.csv"
    target.write_text("yesterday's file", encoding="utf-8")
    page.ask_save_path = lambda *_: str(target)
    export_with(qtbot, page, page.export_button)
    assert target.read_text(encoding="utf-8") == "yesterday's file"
    assert "Nothing to export" in page.message.text()
    assert row_count(page.batch_table) == 1  # the other station's batch, no empty one


def test_cancel_exports_nothing(
    qtbot: QtBot,
    page: FinancePage,
    waiting: list[str],
    tmp_path: Path,
    store: FakeStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refreshed(qtbot, page)
    page.presenter.cancel()  # nothing running: ignored
    assert not page.presenter._cancel.is_set()
    # Cancel clicked as the export starts, before its first row.
    original_begin = page.presenter._begin
    monkeypatch.setattr(
        page.presenter,
        "_begin",
        lambda total: (original_begin(total), page.presenter._cancel.set()),
    )
    page.ask_save_path = lambda *_: str(tmp_path / "cancelled.csv")
    export_with(qtbot, page, page.export_button)
    assert "cancelled" in page.message.text() and page.message.property("role") == "error"
    assert not (tmp_path / "cancelled.csv").exists()
    assert store.data.exports == {}
    assert page.export_button.isEnabled()  # still three decisions waiting


def test_an_unwritable_folder_is_an_inline_error_and_exports_nothing(
    qtbot: QtBot, page: FinancePage, waiting: list[str], tmp_path: Path, store: FakeStore
) -> None:
    refreshed(qtbot, page)
    page.ask_save_path = lambda *_: str(tmp_path / "no-such-folder" / "finance.csv")
    export_with(qtbot, page, page.export_button)
    assert page.message.property("role") == "error"
    # Refused before anything is marked (issue 15), saying why.
    assert "does not exist" in page.message.text()
    assert store.data.exports == {}


def test_an_inspector_is_refused_by_the_service(
    qtbot: QtBot, session: Session, waiting: list[str]
) -> None:
    session.sign_in(supervisor_view("ines", Role.INSPECTOR))
    widget = FinancePage(FinancePresenter(session))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.presenter.error_message) as blocker:
        widget.activated()
    assert "may not export finance" in blocker.args[0]
    assert widget.presenter.state.preview is None


def test_the_finance_area_is_offered_to_supervisors_and_admins_on_f9() -> None:
    area = next(w for w in WORKSPACES if w.key == "financeArea")
    assert area.shortcut == "F9"
    assert area in available_to(Role.SUPERVISOR) and area in available_to(Role.ADMIN)
    assert area not in available_to(Role.INSPECTOR)


def test_the_window_builds_the_finance_page_from_the_toolbar(
    qtbot: QtBot, session: Session, store: FakeStore, waiting: list[str]
) -> None:
    from PySide6.QtCore import QObject

    from tests.gui.test_main_window import sign_in

    with store.uow() as uow:
        uow.users.save(user("sofia", Role.SUPERVISOR))  # in the cast: the test password
        uow.commit()
    main = MainWindow(session, idle_event_source=QObject())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.login_presenter.busy_changed, check_params_cb=lambda b: not b):
        main.start()
    sign_in(qtbot, main, "sofia")
    action = main.findChild(QObject, "financeAreaAction")
    assert action is not None and action.text() == "Finance"
    assert action.toolTip() == "Finance (F9)"
    action.trigger()
    page = main.area_page("financeArea")
    assert isinstance(page, FinancePage)
    qtbot.waitUntil(lambda: row_count(page.preview_table) == 3)
    main.close()


def test_totals_text() -> None:
    assert totals_text([]) == ""


def test_the_preview_words_resolution_and_recovery(
    qtbot: QtBot, page: FinancePage, waiting: list[str]
) -> None:
    refreshed(qtbot, page)
    assert cell(page.preview_table, 0, 4) == "Full refund"
    assert cell(page.preview_table, 0, 6) == "Supplier chargeback 99.00 USD"


@pytest.mark.usefixtures("chinese")
def test_the_preview_words_them_in_chinese(
    qtbot: QtBot, session: Session, store: FakeStore, waiting: list[str]
) -> None:
    session.sign_in(supervisor_view())
    chinese_page = FinancePage(FinancePresenter(session))
    qtbot.addWidget(chinese_page)
    refreshed(qtbot, chinese_page)
    assert cell(chinese_page.preview_table, 0, 4) == "全额退款"
    assert cell(chinese_page.preview_table, 0, 6) == "供应商扣款 99.00 USD"
