"""The dashboard page over the fakes: the hand-computed figures of ``tests/stats_data`` in its
charts and tables, flagged rows highlighted, the drill-down, the refresh after a decision,
an empty period and an inspector's refusal."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Role
from qc_station.services.stats import Dimension
from qc_station.services.users import UserView
from tests.fakes import FakeClock, FakeStore
from tests.stats_data import NOW, build_stats_data
from ui.pages.dashboard_page import DashboardPage
from ui.presenters.dashboard_presenter import DashboardFilter, DashboardPresenter, Period
from ui.session import Session
from ui.widgets.figure_tables import FLAG_BACKGROUND

from .tables import cell, headers, row_count, texts
from .test_translations import chinese  # noqa: F401 - the fixture

NOVEMBER = DashboardFilter(Period.CUSTOM, date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


def _sign_in(session: Session, role: Role) -> None:
    session.sign_in(UserView("sofia", "Sofia", role, True, None, False, None, None))


@pytest.fixture
def page(qtbot: QtBot, session: Session, store: FakeStore) -> DashboardPage:
    build_stats_data(store.uow)
    _sign_in(session, Role.SUPERVISOR)
    presenter = DashboardPresenter(session)
    presenter.today = lambda: date(2026, 11, 30)
    widget = DashboardPage(presenter)
    presenter.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    return widget


def _show(qtbot: QtBot, page: DashboardPage, f: DashboardFilter = NOVEMBER) -> None:
    with qtbot.waitSignal(page.presenter.busy_changed, check_params_cb=lambda busy: not busy):
        page.presenter.set_filter(f)


def _column(table: QTableView, column: int) -> list[str]:
    return [cell(table, r, column) for r in range(row_count(table))]


def test_figures_fill_charts_and_tables(qtbot: QtBot, page: DashboardPage) -> None:
    _show(qtbot, page)
    assert "39 units received" in page.summary.text()
    assert "2 min 30 s" in page.summary.text()
    assert _column(page.sku_table, 0) == ["▲ SKU-B", "SKU-A"]
    assert _column(page.sku_table, 3) == ["10.10 %", "10.00 %"]
    assert _column(page.carrier_table, 0) == ["▲ UPS", "DHL"]
    # Flagged rows stand out; the one exactly at the threshold does not.
    assert cell(page.sku_table, 0, 0, Qt.ItemDataRole.BackgroundRole) == FLAG_BACKGROUND
    assert cell(page.sku_table, 1, 0, Qt.ItemDataRole.BackgroundRole) != FLAG_BACKGROUND
    assert [(i.label, i.value, i.flagged) for i in page.sku_chart.items] == [
        ("SKU-B", 10.1, True),
        ("SKU-A", 10.0, False),
    ]
    assert [i.value for i in page.grade_chart.items] == [9, 10, 18, 2, 0]  # A B C D X
    assert page.grade_chart.items[0].label == "A · new"
    assert _column(page.refund_table, 2) == ["315.00 EUR", "34,000 JPY", "1,000.00 USD"]
    assert _column(page.supplier_table, 0)[0] == "Küchenwerk GmbH"
    assert _column(page.reason_table, 3)[0] == "18.18 %"
    assert _column(page.inspector_table, 3) == ["17.1", "29.6"]
    assert cell(page.deadline_table, 3, 1) == "20"  # refunds overdue
    # Each bar has its room (every name written); tables are as tall as their rows.
    assert page.grade_chart.minimumHeight() >= 5 * 26
    assert page.deadline_table.height() == page.deadline_table.fitted_height()
    assert page.sku_chart.empty_label.isHidden()


def test_double_click_drills_down_to_the_units(qtbot: QtBot, page: DashboardPage) -> None:
    _show(qtbot, page)
    with qtbot.waitSignal(
        page.presenter.state_changed, check_params_cb=lambda s: s.drill_down is not None
    ):
        page.carrier_table.activated.emit(page.carrier_table.model().index(0, 2))
    assert page.stack.currentIndex() == 1
    assert page.presenter.state.drill_down.dimension == Dimension.CARRIER  # type: ignore[union-attr]
    assert "carrier UPS: 19" in page.drill_title.text()
    assert row_count(page.drill_table) == 19
    assert cell(page.drill_table, 0, 0) == "RMA-C2-1"
    # Grades, findings, decisions and statuses in words, never their codes.
    rows = [[cell(page.drill_table, r, c) for c in (5, 6, 7, 8)] for r in range(19)]
    assert ["C · used", "Defect", "REFUND", "final"] in rows
    assert ["A · new", "Wrong item / empty box", "DISPUTE", "final"] in rows
    assert not {"A", "C", "DEFECT", "WRONG_ITEM"} & {text for row in rows for text in row}
    page.back.click()
    assert page.stack.currentIndex() == 0


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_decision_refreshes_the_figures_on_screen(
    qtbot: QtBot, page: DashboardPage, store: FakeStore
) -> None:
    page.show()
    _show(qtbot, page)
    with store.uow() as uow:  # a pending decision is approved elsewhere: B8 becomes final
        decision = uow.decisions.current("RMA-B8-1")
        assert decision is not None
        decision.status = "final"
        uow.decisions.save(decision)
        uow.commit()
    with qtbot.waitSignal(page.presenter.busy_changed, check_params_cb=lambda busy: not busy):
        page.decisions_changed()
    assert _column(page.refund_table, 1)[0] == "8"  # EUR refunds: 7 → 8


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_decision_does_not_load_figures_for_a_page_not_on_screen(
    qtbot: QtBot, page: DashboardPage, store: FakeStore
) -> None:
    page.show()
    _show(qtbot, page)
    page.hide()  # the inspector went back to scanning
    page.decisions_changed()
    # Nothing queued on the database lane: the next scan does not wait behind the figures.
    assert not page.presenter.state.loading
    with qtbot.waitSignal(page.presenter.busy_changed, check_params_cb=lambda busy: not busy):
        page.show()
        page.activated()  # shown again: fresh figures
    assert not page.presenter.state.loading


def test_an_empty_period(qtbot: QtBot, page: DashboardPage) -> None:
    _show(qtbot, page, DashboardFilter(Period.CUSTOM, date(2027, 1, 1), date(2027, 1, 31)))
    assert page.summary.text() == "No units were received in this period."
    assert row_count(page.sku_table) == row_count(page.carrier_table) == 0
    assert page.sku_chart.items == ()
    # An empty chart says so instead of showing an empty frame.
    assert not page.sku_chart.empty_label.isHidden()
    assert page.grade_chart.empty_label.text() == "No data for this period"


def test_a_backwards_custom_period_is_refused_inline(page: DashboardPage) -> None:
    page.presenter.set_filter(DashboardFilter(Period.CUSTOM, date(2026, 11, 30), date(2026, 11, 1)))
    assert "after its last day" in page.message.text()
    assert not page.message.isHidden()


def test_inspectors_get_the_refusal_inline(
    qtbot: QtBot, page: DashboardPage, session: Session
) -> None:
    _sign_in(session, Role.INSPECTOR)
    with qtbot.waitSignal(page.presenter.error_message):
        page.presenter.set_filter(NOVEMBER)
    assert not page.message.isHidden() and page.message.text()


def test_every_figure_table_column_and_deadline_is_worded(page: DashboardPage) -> None:
    from qc_station.services.stats_tables import DEADLINES, FIGURE_TABLES

    words = page.column_words()
    shown = {(t.key, c.key) for t in FIGURE_TABLES.values() for c in t.shown}
    assert set(words) == shown
    assert set(page.deadline_words()) == {m.key for m in DEADLINES}
    assert headers(page.sku_table)[3] == "Return rate"


REASONS_IN_ENGLISH = [
    ["Defective", "22", "No fault (changed mind) 4, Defect 18", "18.18 %"],
    ["Changed my mind", "13", "No fault (changed mind) 13", "100.00 %"],
]


def test_the_stated_reason_table_words_its_findings(qtbot: QtBot, page: DashboardPage) -> None:
    _show(qtbot, page)
    assert headers(page.reason_table)[2:] == ["Found", "Found no fault"]
    assert texts(page.reason_table)[:2] == REASONS_IN_ENGLISH
    assert texts(page.reason_table)[2][2] == "Transit damage 2"


@pytest.mark.usefixtures("chinese")
def test_the_stated_reason_table_in_chinese(
    qtbot: QtBot, session: Session, store: FakeStore
) -> None:
    build_stats_data(store.uow)
    _sign_in(session, Role.SUPERVISOR)
    presenter = DashboardPresenter(session)
    presenter.today = lambda: date(2026, 11, 30)
    page = DashboardPage(presenter)
    qtbot.addWidget(page)
    _show(qtbot, page)
    assert headers(page.reason_table)[3] == "检验无质量问题"
    assert texts(page.reason_table)[0][2] == "无质量问题（不想要了） 4，质量缺陷 18"
    assert all("_" not in row[2] for row in texts(page.reason_table))
