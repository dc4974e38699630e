"""Bar charts for the dashboard (QtCharts): horizontal bars, one per item, flagged items in
red. Plain values in; the chart keeps no logic.

Flagged and normal bars are two sets of one stacked series, each item having its value in
exactly one of them: that colours single bars without relying on bar selection, and the
legend says what red means. Each bar is labelled with its value. The chart grows with its
items (``ROW_HEIGHT`` each) so that the axis writes every name instead of every other one;
with no items it says so in its middle instead of showing an empty frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

NORMAL = QColor("#3b6ea8")
FLAGGED = QColor("#b3261e")
#: Height per bar, enough for a label in the default font with room between two of them.
ROW_HEIGHT = 26
#: Title, value axis and legend.
FRAME_HEIGHT = 96
MIN_HEIGHT = 200


@dataclass(frozen=True)
class BarItem:
    label: str
    value: float
    flagged: bool = False


class BarChartWidget(QChartView):
    """A titled horizontal bar chart; ``set_items`` replaces what it shows."""

    def __init__(
        self,
        name: str,
        title: str,
        *,
        flagged_label: str = "",
        normal_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        chart = QChart()
        chart.setTitle(title)
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        super().__init__(chart, parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(MIN_HEIGHT)
        self._normal_label = normal_label
        self._flagged_label = flagged_label
        self.items: tuple[BarItem, ...] = ()
        self.empty_label = QLabel()
        self.empty_label.setObjectName(f"{name}Empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #5f6368; background: transparent;")
        font = QFont(self.empty_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.empty_label.setFont(font)
        overlay = QVBoxLayout(self)
        overlay.setContentsMargins(12, 36, 12, 12)  # below the title
        overlay.addWidget(self.empty_label)
        self.empty_label.hide()

    def set_items(
        self, items: Sequence[BarItem], value_suffix: str = "", *, empty_text: str = "—"
    ) -> None:
        """Show ``items`` (the first on top); with none, or all at zero, ``empty_text``
        instead of bars and axes."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        # The first item on top: a horizontal category axis runs bottom-up.
        self.items = tuple(items)
        empty = not any(item.value for item in self.items)
        rows = 0 if empty else len(self.items)
        self.setMinimumHeight(max(MIN_HEIGHT, FRAME_HEIGHT + ROW_HEIGHT * rows))
        self.empty_label.setText(empty_text)
        self.empty_label.setVisible(empty)
        if empty:
            chart.legend().setVisible(False)
            return
        shown = list(reversed(self.items))
        normal = QBarSet(self._normal_label)
        flagged = QBarSet(self._flagged_label)
        normal.setColor(NORMAL)
        flagged.setColor(FLAGGED)
        for item in shown:
            normal.append(0.0 if item.flagged else item.value)
            flagged.append(item.value if item.flagged else 0.0)
        series = QHorizontalStackedBarSeries()
        series.append(normal)
        series.append(flagged)
        series.setBarWidth(0.7)
        series.setLabelsFormat(f"@value{value_suffix}")
        series.setLabelsPrecision(6)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsInsideBase)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([item.label or "—" for item in shown])
        # Long names (RETURN_TO_VENDOR, a supplier) would otherwise shrink to "...".
        categories.setTruncateLabels(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values = QValueAxis()
        top = max((item.value for item in self.items), default=0.0)
        values.setRange(0.0, top * 1.05 if top > 0 else 1.0)
        values.setTickCount(5)
        values.applyNiceNumbers()  # round ticks (0, 5, 10, 15) instead of 0, 2.9, 5.8
        step = (values.max() - values.min()) / max(values.tickCount() - 1, 1)
        decimals = 0 if step >= 1 and step == int(step) else 1
        values.setLabelFormat(f"%.{decimals}f{value_suffix}")
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        legend = chart.legend()
        show_legend = bool(self._flagged_label) and any(i.flagged for i in self.items)
        legend.setVisible(show_legend)
        if show_legend:
            legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
            # Only the flagged set needs explaining.
            legend.markers(series)[0].setVisible(False)
