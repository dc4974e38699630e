"""Bar charts for the dashboard (SPEC §8): horizontal bars, one per item, the first on top,
each written out in full: its name on the left, its value (and, for a flagged bar, what the
flag means) after the bar. Plain values in; the chart keeps no logic.

Painted here rather than drawn by QtCharts, whose category axis drops names when rows are
tight, shrinks long ones to "…" with no way to read them, and writes one label format for a
whole series, so a red bar could not say why it is red. Here every row has ``ROW_HEIGHT``, the
chart is as tall as its rows (the page scrolls, never the chart), a long name is cut with "…"
and read whole in the row's tooltip, flagged bars are red *and* say their flag in words
(colour never carries meaning alone), and a chart with nothing to show says so in its middle.
``rows()`` gives what each row reads, for the tests and the screen reader's tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

NORMAL = QColor("#3b6ea8")
FLAGGED = QColor("#b3261e")
_TEXT = QColor("#1f2430")
_GRID = QColor("#c5ccd8")
_BACKGROUND = QColor("#ffffff")
#: Height per bar: a label in the station's font with room between two of them.
ROW_HEIGHT = 30
#: Room for "no data" when there are no bars.
EMPTY_HEIGHT = 110
_PAD = 8
#: The names take at most this share of the width; longer ones are cut with "…".
NAME_SHARE = 0.34
#: The value and flag words after a bar take at most this share.
TEXT_SHARE = 0.42


def _tr(source: str) -> str:
    return QCoreApplication.translate("BarChartWidget", source)


@dataclass(frozen=True)
class BarItem:
    label: str
    value: float
    flagged: bool = False
    #: the value as written after the bar (``12.5 %``); empty: the number and the suffix
    value_text: str = ""
    #: for a flagged bar, what the flag means ("above 10 %"), written after its value
    note: str = ""


@dataclass(frozen=True)
class ChartRow:
    """What one bar reads on screen: its name (cut to fit), its full name, its text."""

    shown_name: str
    name: str
    text: str
    flagged: bool


class BarChartWidget(QWidget):
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
        super().__init__(parent)
        self.setObjectName(name)
        self.title = title
        self._normal_label = normal_label
        self.flagged_label = flagged_label  # the legend of red bars, when there are any
        self.items: tuple[BarItem, ...] = ()
        self._suffix = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.empty_label = QLabel(_tr("No data for this period"))
        self.empty_label.setObjectName(f"{name}Empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #5f6368; background: transparent;")
        font = QFont(self.empty_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.empty_label.setFont(font)
        overlay = QVBoxLayout(self)
        overlay.setContentsMargins(12, self._title_height() + 4, 12, 8)
        overlay.addWidget(self.empty_label)
        self._fit()

    # --- content -------------------------------------------------------------------------

    def set_items(
        self,
        items: Sequence[BarItem],
        value_suffix: str = "",
        *,
        empty_text: str = "",
        flagged_label: str | None = None,
    ) -> None:
        """Show ``items`` (the first on top); with none, or all at zero, ``empty_text`` (by
        default "No data for this period") instead of bars. ``flagged_label`` replaces the
        legend of red bars (it may name the limit of the figures shown)."""
        self.items = tuple(items)
        self._suffix = value_suffix
        if flagged_label is not None:
            self.flagged_label = flagged_label
        self.empty_label.setText(empty_text or _tr("No data for this period"))
        self.empty_label.setVisible(self.empty)
        self._fit()
        self.update()

    @property
    def empty(self) -> bool:
        return not any(item.value for item in self.items)

    def item_text(self, item: BarItem) -> str:
        """What is written after the bar: the value, and a flagged bar's note."""
        value = item.value_text or f"{item.value:g}{self._suffix}"
        if item.flagged and item.note:
            return _tr("{value} ▲ {note}").format(value=value, note=item.note)
        return value

    def rows(self) -> list[ChartRow]:
        """Each bar as it reads at the chart's present width (none when it is empty)."""
        if self.empty:
            return []
        metrics = QFontMetrics(self.font())
        name_width = self._name_width(metrics)
        return [
            ChartRow(
                metrics.elidedText(item.label or "—", Qt.TextElideMode.ElideRight, name_width),
                item.label or "—",
                self.item_text(item),
                item.flagged,
            )
            for item in self.items
        ]

    def _shows_legend(self) -> bool:
        return bool(self.flagged_label) and not self.empty and any(i.flagged for i in self.items)

    # --- geometry ------------------------------------------------------------------------

    def _title_height(self) -> int:
        return QFontMetrics(self._title_font()).height() + 2 * _PAD

    def _legend_height(self) -> int:
        return QFontMetrics(self.font()).height() + _PAD if self._shows_legend() else 0

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _fit(self) -> None:
        body = EMPTY_HEIGHT if self.empty else ROW_HEIGHT * len(self.items) + _PAD
        self.setFixedHeight(self._title_height() + body + self._legend_height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(420, self.minimumHeight())

    def _name_width(self, metrics: QFontMetrics) -> int:
        widest = max((metrics.horizontalAdvance(i.label or "—") for i in self.items), default=0)
        # A pixel or two of slack: eliding measures a little wider than the advance.
        return max(40, min(widest + 4, int(self.width() * NAME_SHARE)))

    def _row_rect(self, row: int) -> QRect:
        top = self._title_height() + row * ROW_HEIGHT
        return QRect(0, top, self.width(), ROW_HEIGHT)

    def _row_at(self, point: QPoint) -> int:
        if self.empty:
            return -1
        row = (point.y() - self._title_height()) // ROW_HEIGHT
        return row if point.y() >= self._title_height() and 0 <= row < len(self.items) else -1

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), _BACKGROUND)
        painter.setPen(QPen(_GRID))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.setPen(_TEXT)
        painter.setFont(self._title_font())
        title_rect = QRect(_PAD, 0, self.width() - 2 * _PAD, self._title_height())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignCenter, self.title)
        painter.setFont(self.font())
        if not self.empty:
            self._paint_bars(painter)
        painter.end()

    def _paint_bars(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        name_width = self._name_width(metrics)
        rows = self.rows()
        bold = QFont(self.font())
        bold.setBold(True)
        strong = QFontMetrics(bold)  # a flagged bar's text is bold, so wider
        widest_text = max(
            (strong if r.flagged else metrics).horizontalAdvance(r.text) + 4 for r in rows
        )
        text_width = min(widest_text, int(self.width() * TEXT_SHARE))
        left = _PAD + name_width + _PAD
        span = max(self.width() - left - text_width - 3 * _PAD, 10)
        top_value = max(item.value for item in self.items)
        for n, (item, row) in enumerate(zip(self.items, rows, strict=True)):
            rect = self._row_rect(n)
            painter.setPen(_TEXT)
            painter.setFont(self.font())
            name_rect = QRect(_PAD, rect.top(), name_width, rect.height())
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(name_rect, align, row.shown_name)
            length = int(span * item.value / top_value) if top_value > 0 else 0
            bar = QRect(
                left, rect.top() + 5, max(length, 1 if item.value else 0), rect.height() - 10
            )
            painter.fillRect(bar, FLAGGED if item.flagged else NORMAL)
            after = left + bar.width() + _PAD
            room = self.width() - after - _PAD
            shown = strong if item.flagged else metrics
            text = shown.elidedText(row.text, Qt.TextElideMode.ElideRight, room)
            if item.flagged:
                painter.setPen(FLAGGED)
                painter.setFont(bold)
            text_rect = QRect(after, rect.top(), room, rect.height())
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
            )
        painter.setPen(QPen(_GRID))
        bottom = self._row_rect(len(self.items) - 1).bottom()
        painter.drawLine(left, self._title_height(), left, bottom)
        if self._shows_legend():
            self._paint_legend(painter, bottom + _PAD // 2)

    def _paint_legend(self, painter: QPainter, top: int) -> None:
        metrics = QFontMetrics(self.font())
        size = metrics.height() - 6
        text_width = metrics.horizontalAdvance(self.flagged_label)
        width = size + _PAD + text_width
        x = max(_PAD, (self.width() - width) // 2)
        painter.fillRect(QRect(x, top + 3, size, size), FLAGGED)
        painter.setPen(_TEXT)
        painter.setFont(self.font())
        room = self.width() - x - size - 2 * _PAD
        text = metrics.elidedText(self.flagged_label, Qt.TextElideMode.ElideRight, room)
        painter.drawText(
            QRect(x + size + _PAD, top, room, metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )

    # --- tooltips ------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self._row_at(event.pos())
            if row >= 0:
                QToolTip.showText(event.globalPos(), self.tooltip_of(row), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_of(self, row: int) -> str:
        """The whole name and text of bar ``row`` (a cut name is read here)."""
        item = self.items[row]
        return f"{item.label or '—'}: {self.item_text(item)}"
