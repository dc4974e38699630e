"""The dashboard's bar charts and long tables at 1366×768 (issue 16): every bar labelled (a
long name cut with "…" and read whole in its tooltip), a red bar saying why in words, an empty
chart saying "No data for this period", and tables as tall as their rows with "Show all"."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractScrollArea
from pytestqt.qtbot import QtBot

from ui.pages.dashboard_page import DashboardPage
from ui.presenters.dashboard_presenter import DashboardFilter, Period
from ui.widgets.dashboard_charts import FLAGGED, NORMAL, ROW_HEIGHT, BarChartWidget, BarItem
from ui.widgets.figure_tables import FigureLine, FigureTableView
from ui.widgets.show_all_table import FIRST_ROWS, ShowAllTable

from .test_dashboard import NOVEMBER, _show, clock, page  # noqa: F401 - the fixtures

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LONG = "Shenzhen Everbright Consumer Electronics Manufacturing Co., Ltd. (USD)"


def _colours(widget: BarChartWidget) -> set[int]:
    image = QImage(widget.size(), QImage.Format.Format_RGB32)
    widget.render(image)
    return {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }


@pytest.fixture
def chart(qtbot: QtBot) -> BarChartWidget:
    widget = BarChartWidget("testChart", "Return rate per SKU", flagged_label="Red: above 10 %")
    qtbot.addWidget(widget)
    widget.resize(640, 200)
    return widget


def test_every_bar_is_labelled_and_a_long_name_is_read_in_its_tooltip(
    chart: BarChartWidget,
) -> None:
    items = [BarItem(f"SKU-{n:02d}", float(n), value_text=f"{n} %") for n in range(1, 12)]
    items.append(BarItem(LONG, 12.5, True, "12.5 %", "above 10 %"))
    chart.set_items(items)
    chart.show()

    rows = chart.rows()
    assert [r.name for r in rows] == [i.label for i in items]  # none dropped
    assert [r.shown_name for r in rows[:11]] == [f"SKU-{n:02d}" for n in range(1, 12)]
    assert rows[11].shown_name.endswith("…") and len(rows[11].shown_name) < len(LONG)
    assert chart.tooltip_of(11) == f"{LONG}: 12.5 % ▲ above 10 %"
    # The flag says what it means, in words, on the bar and in the legend.
    assert rows[11].text == "12.5 % ▲ above 10 %" and rows[11].flagged
    assert rows[0].text == "1 %"
    # Each bar has its row: the chart is as tall as its bars (the page scrolls, not it).
    assert chart.height() >= 12 * ROW_HEIGHT
    colours = _colours(chart)
    assert FLAGGED.rgb() in colours and NORMAL.rgb() in colours
    assert chart._row_at(QPoint(10, chart._row_rect(11).center().y())) == 11


def test_an_empty_chart_says_no_data(chart: BarChartWidget) -> None:
    chart.set_items([BarItem("A · new", 0), BarItem("B · open box", 0)])
    chart.show()
    assert chart.empty and chart.rows() == []
    assert chart.empty_label.isVisible()
    assert chart.empty_label.text() == "No data for this period"
    assert FLAGGED.rgb() not in _colours(chart) and NORMAL.rgb() not in _colours(chart)


def test_a_long_table_shows_its_first_rows_then_all_of_them(qtbot: QtBot) -> None:
    table = FigureTableView("longTable", ["SKU", "Returned"])
    capped = ShowAllTable(table)
    qtbot.addWidget(capped)
    capped.set_lines([FigureLine((f"SKU-{n}", str(n))) for n in range(25)])
    capped.show()
    assert table.model().rowCount() == FIRST_ROWS
    assert capped.show_all_button.isVisible()
    assert capped.show_all_button.text() == "Show all 25 rows"
    assert table.height() == table.fitted_height()

    capped.show_all_button.click()
    assert table.model().rowCount() == 25
    assert not capped.show_all_button.isVisible()
    assert table.height() == table.fitted_height()
    assert table.verticalScrollBar().maximum() == 0  # no scrolling inside the page
    capped.set_lines([FigureLine((f"SKU-{n}", str(n))) for n in range(30)])  # a refresh
    assert table.model().rowCount() == 30  # "all" holds


def test_the_dashboard_labels_its_flags_and_fits_its_tables(
    qtbot: QtBot,
    page: DashboardPage,  # noqa: F811
) -> None:
    page.resize(1366, 680)
    page.show()
    _show(qtbot, page)
    sku = page.sku_chart.rows()
    assert [(r.name, r.text) for r in sku] == [("SKU-B", "10.1 % ▲ above 10 %"), ("SKU-A", "10 %")]
    assert page.sku_chart.flagged_label == "Red: return rate above the policy's limit of 10 %"
    assert page.carrier_chart.rows()[0].text == "5.3 % ▲ above 5 %"
    assert [r.shown_name for r in page.disposition_chart.rows()] == [
        "Restock",
        "Refurbish",
        "Liquidate",
        "Scrap",
        "Return to vendor",
        "Hold",
    ]
    for table in page.findChildren(FigureTableView):
        assert table.height() == table.fitted_height(), table.objectName()
        assert table.verticalScrollBar().maximum() == 0, table.objectName()
    scroll = page.findChild(QAbstractScrollArea, "dashboardScroll")
    assert scroll is not None and scroll.widget().width() <= scroll.viewport().width()

    _show(qtbot, page, DashboardFilter(Period.CUSTOM, date(2027, 1, 1), date(2027, 1, 31)))
    for chart in (page.sku_chart, page.carrier_chart, page.grade_chart, page.refund_chart):
        assert chart.empty_label.isVisible() and chart.rows() == []
        assert chart.empty_label.text() == "No data for this period"
