"""The Administration area: users (add, refusals inline, role, password, badge, deactivate),
printers (read from the config, saved into the config file), policy (invalid file with its
exact error, the example cases that change, activate, history) and database (kind, size,
revision, backup — on a real SQLite file), each through its presenter and the real services."""

from __future__ import annotations

import sqlite3
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qc_station.adapters.migrate import head_revision
from qc_station.bootstrap import build
from qc_station.config import Config
from qc_station.domain.enums import Role
from qc_station.services import users as user_service
from qc_station.services.users import UserView
from tests.builders import user
from tests.conftest import DEFAULT_POLICY_FILE
from tests.fakes import FakeStore
from tests.gui.tables import cell, row_count
from ui.pages.admin import AdminPage
from ui.session import Session
from ui.sounds import Sounds
from ui.tasks import TaskRunner
from ui.workspaces import WORKSPACES, available_to

# The page lists every user: only the ones each test adds, not the cast of tests.builders.
pytestmark = pytest.mark.empty_site

ADMIN_VIEW = UserView("ada", "Ada", Role.ADMIN, True, None, False, None, None)


def idle(qtbot: QtBot, presenter: object) -> None:
    qtbot.waitUntil(lambda: not presenter.state.busy)  # type: ignore[attr-defined]


@pytest.fixture
def admin_page(qtbot: QtBot, session: Session, store: FakeStore, tmp_path: Path) -> AdminPage:
    with store.uow() as uow:
        uow.users.save(user("ada", Role.ADMIN))  # in the cast: the test password
        uow.users.save(user("ines", Role.INSPECTOR))  # ines may be in the cast
        uow.commit()
    session.config = Config(station_name="ST-01", source=str(tmp_path / "config.toml"))
    session.sign_in(ADMIN_VIEW)
    page = AdminPage(session)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.activated()
    idle(qtbot, page.users.presenter)
    return page


def test_the_area_is_for_admins_on_f10() -> None:
    area = next(w for w in WORKSPACES if w.key == "adminArea")
    assert area.shortcut == "F10"
    assert area in available_to(Role.ADMIN)
    assert area not in available_to(Role.SUPERVISOR) and area not in available_to(Role.INSPECTOR)


# --- users ---------------------------------------------------------------------------------


def test_users_are_listed(admin_page: AdminPage) -> None:
    table = admin_page.users.table
    assert [cell(table, n, 0) for n in range(row_count(table))] == ["ada", "ines"]
    assert cell(table, 1, 2) == "inspector" and cell(table, 1, 3) == "active"
    assert not admin_page.users.selected_box.isEnabled()


def test_add_a_user_with_badge_and_pin(
    qtbot: QtBot, admin_page: AdminPage, store: FakeStore
) -> None:
    tab = admin_page.users
    tab.new_username.setText("Li.Wei")
    tab.new_full_name.setText("李伟")
    tab.new_role.setCurrentIndex(tab.new_role.findData(Role.SUPERVISOR))
    tab.new_password.setText("long enough 1")
    tab.new_password_again.setText("long enough 1")
    tab.new_badge.setText("B-0042")
    tab.new_pin.setText("4321")
    with qtbot.waitSignal(tab.presenter.user_added):
        tab.add_button.click()
    idle(qtbot, tab.presenter)
    added = store.data.users["li.wei"]
    assert (added.full_name, added.role, added.badge) == ("李伟", Role.SUPERVISOR, "B-0042")
    assert tab.message.property("role") == "success" and "li.wei" in tab.message.text()
    assert tab.new_username.text() == "" and tab.new_password.text() == ""
    assert tab.selected_label.text() == "li.wei — 李伟"
    assert cell(tab.table, 2, 4) == "B-0042 + PIN"  # ada, ines, li.wei


@pytest.mark.parametrize(
    ("name", "password", "again", "field", "words"),
    [
        ("x", "long enough 1", "long enough 1", "username", "is not valid"),
        ("newbie", "short", "short", "password", "too short"),
        ("newbie", "long enough 1", "long enough 2", "password", "not the same"),
        ("ines", "long enough 1", "long enough 1", "", "exists already"),
    ],
)
def test_refusals_are_inline_and_name_the_field(
    qtbot: QtBot,
    admin_page: AdminPage,
    store: FakeStore,
    name: str,
    password: str,
    again: str,
    field: str,
    words: str,
) -> None:
    tab = admin_page.users
    tab.new_username.setText(name)
    tab.new_password.setText(password)
    tab.new_password_again.setText(again)
    tab.add_button.click()
    idle(qtbot, tab.presenter)
    assert tab.message.property("role") == "error" and words in tab.message.text()
    assert tab.presenter.state.error_field == field
    if field:
        assert "c0392b" in tab._fields[field].styleSheet()
    assert set(store.data.users) == {"ada", "ines"}
    assert tab.new_username.text() == name  # nothing typed is lost


def select(qtbot: QtBot, page: AdminPage, username: str) -> None:
    tab = page.users
    names = [cell(tab.table, n, 0) for n in range(row_count(tab.table))]
    tab.table.selectRow(names.index(username))
    assert tab.presenter.state.selected == username and tab.selected_box.isEnabled()


def test_change_role_reset_password_badge_and_deactivate(
    qtbot: QtBot, admin_page: AdminPage, store: FakeStore, session: Session
) -> None:
    tab = admin_page.users
    select(qtbot, admin_page, "ines")
    tab.role_box.setCurrentIndex(tab.role_box.findData(Role.SUPERVISOR))
    tab.role_button.click()
    idle(qtbot, tab.presenter)
    assert store.data.users["ines"].role == Role.SUPERVISOR

    tab.reset_password.setText("brand new pass")
    tab.reset_password_again.setText("brand new pass")
    tab.reset_button.click()
    idle(qtbot, tab.presenter)
    assert user_service.authenticate(session.ctx, "ines", "brand new pass", "ST-01")
    assert tab.reset_password.text() == ""

    tab.badge.setText("B-7")
    tab.pin.setText("12")
    tab.badge_button.click()
    idle(qtbot, tab.presenter)
    assert "PIN is 4 to 8 digits" in tab.message.text()
    assert tab.presenter.state.error_field == "pin"
    tab.pin.setText("1234")
    tab.badge_button.click()
    idle(qtbot, tab.presenter)
    assert store.data.users["ines"].badge == "B-7"
    tab.remove_badge_button.click()
    idle(qtbot, tab.presenter)
    assert store.data.users["ines"].badge is None

    assert tab.active_button.text() == "Deactivate"
    tab.active_button.click()
    idle(qtbot, tab.presenter)
    assert not store.data.users["ines"].active
    assert cell(tab.table, 1, 3) == "deactivated"
    assert tab.active_button.text() == "Reactivate"
    actions = [e.action for e in store.data.audit if e.entity_id == "ines"]
    assert actions == ["set_role", "reset_password", "set_badge", "set_badge", "deactivate"]


def test_the_last_admin_cannot_demote_themselves(
    qtbot: QtBot, admin_page: AdminPage, store: FakeStore
) -> None:
    tab = admin_page.users
    select(qtbot, admin_page, "ada")
    tab.active_button.click()
    idle(qtbot, tab.presenter)
    assert "last active admin" in tab.message.text()
    assert store.data.users["ada"].active


def test_a_supervisor_is_refused_by_the_service(qtbot: QtBot, session: Session) -> None:
    session.sign_in(UserView("sam", "Sam", Role.SUPERVISOR, True, None, False, None, None))
    page = AdminPage(session)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.users.presenter.error_message) as blocker:
        page.activated()
    assert "may not manage users" in blocker.args[0]


# --- printers ------------------------------------------------------------------------------


def test_printers_are_read_from_the_config_and_saved_into_its_file(
    qtbot: QtBot, admin_page: AdminPage, session: Session, tmp_path: Path
) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        '# site settings\nstation_name = "ST-01"\nlabel_size = "2x1"\n\n'
        '[disposition_bins]\nRESTOCK = "A-01"\n',
        encoding="utf-8",
    )
    session.config = Config(station_name="ST-01", label_size="2x1", source=str(config_file))
    tab = admin_page.printers
    admin_page.tabs.setCurrentWidget(tab)
    idle(qtbot, tab.presenter)
    assert tab.label_size.currentData() == "2x1"
    assert tab.label_dpi.value() == 203
    assert str(config_file) in tab.source.text()

    tab.label_printer.setCurrentText("Zebra_ZD421")
    tab.label_size.setCurrentIndex(tab.label_size.findData("4x6"))
    tab.label_dpi.setValue(300)
    tab.page_size.setCurrentIndex(tab.page_size.findData("Letter"))
    assert tab.document_language.currentData() == "en"  # documents leave in English
    tab.document_language.setCurrentIndex(tab.document_language.findData("zh_CN"))
    tab.save_button.click()
    idle(qtbot, tab.presenter)
    assert tab.message.property("role") == "success", tab.message.text()
    text = config_file.read_text(encoding="utf-8")
    saved = tomllib.loads(text)
    assert saved["label_printer"] == "Zebra_ZD421" and saved["label_dpi"] == 300
    assert saved["label_size"] == "4x6" and saved["report_page_size"] == "Letter"
    assert saved["disposition_bins"] == {"RESTOCK": "A-01"}  # the table is untouched
    assert text.startswith("# site settings\n")
    assert session.config.label_printer == "Zebra_ZD421" and session.config.label_dpi == 300
    assert saved["document_language"] == "zh_CN" and session.config.document_language == "zh_CN"


def test_a_config_file_that_cannot_be_written_is_an_inline_error(
    qtbot: QtBot, admin_page: AdminPage, session: Session, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    session.config = Config(station_name="ST-01", source=str(blocker / "config.toml"))
    tab = admin_page.printers
    admin_page.tabs.setCurrentWidget(tab)
    idle(qtbot, tab.presenter)
    tab.label_printer.setCurrentText("Zebra")
    tab.save_button.click()
    idle(qtbot, tab.presenter)
    assert tab.message.property("role") == "error"
    assert "Could not write the config file" in tab.message.text()
    assert session.config.label_printer == ""


# --- policy --------------------------------------------------------------------------------


def open_policy_tab(qtbot: QtBot, page: AdminPage) -> None:
    page.tabs.setCurrentWidget(page.policy)
    idle(qtbot, page.policy.presenter)


def test_the_active_policy_is_shown(qtbot: QtBot, admin_page: AdminPage, session: Session) -> None:
    open_policy_tab(qtbot, admin_page)
    tab = admin_page.policy
    assert session.ctx.policy.hash in tab.active_label.text()
    assert "No policy was activated yet" in tab.active_label.text()
    assert tab.text.toPlainText() == session.ctx.policy.source_text
    assert not tab.activate_button.isEnabled()


def test_an_invalid_file_shows_the_exact_error_and_cannot_be_activated(
    qtbot: QtBot, admin_page: AdminPage, tmp_path: Path
) -> None:
    open_policy_tab(qtbot, admin_page)
    tab = admin_page.policy
    bad = tmp_path / "bad.toml"
    bad.write_text("refund_due_hourz = 48\n", encoding="utf-8")
    tab.ask_open_path = lambda *_: str(bad)
    tab.choose_button.click()
    idle(qtbot, tab.presenter)
    assert tab.check.text() == (
        "Policy key 'refund_due_hourz': unknown key (did you mean 'refund_due_hours'?)."
    )
    assert tab.check.property("role") == "error"
    assert not tab.activate_button.isEnabled()
    assert "not valid" in tab.message.text()


def test_choose_try_and_activate_a_new_policy(
    qtbot: QtBot, admin_page: AdminPage, session: Session, store: FakeStore, tmp_path: Path
) -> None:
    open_policy_tab(qtbot, admin_page)
    tab = admin_page.policy
    old_hash = session.ctx.policy.hash
    new = tmp_path / "stricter.toml"
    new.write_text(
        DEFAULT_POLICY_FILE.read_text(encoding="utf-8").replace("B = 10, C = 30", "B = 20, C = 30"),
        encoding="utf-8",
    )
    tab.ask_open_path = lambda *_: str(new)
    tab.choose_button.click()
    idle(qtbot, tab.presenter)
    comparison = tab.presenter.state.comparison
    assert comparison is not None and comparison.cases == 22 and comparison.changed
    assert f"On the 22 example cases, {len(comparison.changed)} outcome(s) change." in (
        tab.check.text()
    )
    assert "ex02-no-fault-B-10pct-partial: deduction_pct 10 → 20" in tab.changes.toPlainText()
    assert tab.activate_button.isEnabled()

    tab.activate_button.click()  # no note yet
    assert "note is required" in tab.message.text()
    tab.note.setText("B-grade returns lose 20 %")
    with qtbot.waitSignal(tab.presenter.policy_activated):
        tab.activate_button.click()
    idle(qtbot, tab.presenter)
    new_hash = session.ctx.policy.hash
    assert new_hash != old_hash  # this station decides with it at once
    assert store.data.policy_activations[-1].note == "B-grade returns lose 20 %"
    assert row_count(tab.history) == 1 and cell(tab.history, 0, 4) == ("B-grade returns lose 20 %")
    assert new_hash in tab.active_label.text() and "Activated by ada" in tab.active_label.text()
    assert tab.note.text() == "" and not tab.activate_button.isEnabled()
    assert "now active" in tab.message.text()


# --- database (a real SQLite file) ---------------------------------------------------------


@pytest.fixture
def real_session(qtbot: QtBot, tmp_path: Path) -> Iterator[Session]:
    config = Config(data_dir=str(tmp_path / "data"), station_name="ST-01")
    app = build(config)
    user_service.add_user(app.ctx, None, "ada", Role.ADMIN, "Ada", "long enough 1")
    runner = TaskRunner()
    session = Session(app.ctx, config, runner, Sounds(silent=True), ports=app.ports)
    session.sign_in(ADMIN_VIEW)
    yield session
    runner.wait_idle()
    app.close()


def test_database_tab_describes_and_backs_up(
    qtbot: QtBot, real_session: Session, tmp_path: Path
) -> None:
    page = AdminPage(real_session)
    qtbot.addWidget(page)
    tab = page.database
    page.tabs.setCurrentWidget(tab)
    idle(qtbot, tab.presenter)
    assert tab.kind.text() == "SQLite (this computer)"
    assert tab.location.text().endswith("qc_station.sqlite3")
    assert tab.size.text().endswith("KB") or tab.size.text().endswith("MB")
    assert tab.revision.text() == head_revision()

    target = tmp_path / "backup.sqlite3"
    suggested: list[str] = []

    def ask(_parent: object, _title: str, proposal: str) -> str:
        suggested.append(proposal)
        return str(target)

    tab.ask_save_path = ask
    tab.backup_button.click()
    idle(qtbot, tab.presenter)
    assert Path(suggested[0]).name.startswith("qc-station-backup-")
    assert tab.message.property("role") == "success", tab.message.text()
    assert str(target) in tab.message.text()
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT username FROM users").fetchall() == [("ada",)]


def test_a_backup_into_a_folder_is_an_inline_error(
    qtbot: QtBot, real_session: Session, tmp_path: Path
) -> None:
    page = AdminPage(real_session)
    qtbot.addWidget(page)
    tab = page.database
    page.tabs.setCurrentWidget(tab)
    idle(qtbot, tab.presenter)
    tab.ask_save_path = lambda *_: str(tmp_path)
    tab.backup_button.click()
    idle(qtbot, tab.presenter)
    assert tab.message.property("role") == "error"
    assert "is a folder" in tab.message.text()
