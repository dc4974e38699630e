"""The dashboard page (SPEC §8): a filter bar, charts with their tables under them, flagged
rows highlighted, and a drill-down from a SKU, carrier or supplier (double-click its row) to
its units. Thin: it renders ``DashboardPresenter``'s state and forwards the user's choices.

Every bar is labelled with its value, and a red bar says why in words (above the policy's
limit, named); money and times are written by the station's formatter (``ui/display``). The
tables are as tall as their rows: the page scrolls, and a long table shows its first rows
with "Show all N rows" under them (``ShowAllTable``).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qc_station.services.recovery import PartyFigures
from qc_station.services.stats import DashboardFigures, Dimension
from qc_station.services.stats_tables import (
    CARRIER_DAMAGE,
    DEADLINES,
    INSPECTORS,
    REFUNDS,
    SKU_RETURN_RATES,
    STATED_VS_FOUND,
    SUPPLIERS,
    FigureTable,
    Row,
)

from ..display import amounts, duration, money, percent
from ..labels import disposition_label, grade_label
from ..local_time import local_time
from ..presenters.dashboard_presenter import (
    DashboardFilter,
    DashboardPresenter,
    DashboardState,
    Period,
)
from ..widgets.dashboard_charts import BarChartWidget, BarItem
from ..widgets.drill_down import DrillDownPanel
from ..widgets.figure_tables import FigureLine, FigureTableView, figure_lines
from ..widgets.show_all_table import ShowAllTable
from ..widgets.tables import show_message
from . import dashboard_cells as cells

TOP_N = 10


class DashboardPage(QWidget):
    def __init__(self, presenter: DashboardPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filter_bar())
        self.message = QLabel()
        self.message.setObjectName("dashboardMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        self.stack = QStackedWidget()
        self.stack.setObjectName("dashboardStack")
        self.stack.addWidget(self._overview())
        self.stack.addWidget(self._drill_panel())
        layout.addWidget(self.stack, 1)

        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    # --- building ------------------------------------------------------------------------

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.period = QComboBox()
        self.period.setObjectName("periodCombo")
        for text, period in (
            (self.tr("Last 7 days"), Period.DAYS_7),
            (self.tr("Last 30 days"), Period.DAYS_30),
            (self.tr("Last 90 days"), Period.DAYS_90),
            (self.tr("Custom"), Period.CUSTOM),
        ):
            self.period.addItem(text, period.value)
        self.first_day = QDateEdit()
        self.first_day.setObjectName("firstDayEdit")
        self.last_day = QDateEdit()
        self.last_day.setObjectName("lastDayEdit")
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
        self.first_day.setDate(QDate.currentDate().addDays(-29))
        self.market = QLineEdit()
        self.market.setObjectName("marketEdit")
        self.market.setPlaceholderText(self.tr("all markets"))
        self.market.setMaxLength(2)
        self.market.setMaximumWidth(110)
        self.category = QLineEdit()
        self.category.setObjectName("categoryEdit")
        self.category.setPlaceholderText(self.tr("all categories"))
        self.category.setMaximumWidth(160)
        self.apply = QPushButton(self.tr("Show"))
        self.apply.setObjectName("applyButton")
        self.apply.setDefault(True)
        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")

        self.period.currentIndexChanged.connect(self._on_period_current_index_changed)
        self.apply.clicked.connect(self._on_apply_clicked)
        self.market.returnPressed.connect(self._on_apply_clicked)
        self.category.returnPressed.connect(self._on_apply_clicked)

        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.period)
        bar.addWidget(self.first_day)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.last_day)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Market")))
        bar.addWidget(self.market)
        bar.addWidget(QLabel(self.tr("Category")))
        bar.addWidget(self.category)
        bar.addWidget(self.apply)
        bar.addStretch(1)
        bar.addWidget(self.status)
        return bar

    def _overview(self) -> QScrollArea:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 4, 8, 4)
        grid.setHorizontalSpacing(12)
        self.summary = QLabel()
        self.summary.setObjectName("dashboardSummary")
        font = QFont(self.summary.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.summary.setFont(font)
        grid.addWidget(self.summary, 0, 0, 1, 2)

        # The legends of red bars name the policy's limit once the figures are in.
        self.sku_chart = BarChartWidget("skuChart", self.tr("Return rate per SKU"))
        self.carrier_chart = BarChartWidget("carrierChart", self.tr("Carrier damage rate"))
        self.sku_table = self._table("skuTable", self._headers(SKU_RETURN_RATES))
        self.carrier_table = self._table("carrierTable", self._headers(CARRIER_DAMAGE))
        self.grade_chart = BarChartWidget("gradeChart", self.tr("Grades (units)"))
        self.disposition_chart = BarChartWidget("dispositionChart", self.tr("Dispositions (units)"))
        self.refund_chart = BarChartWidget("refundChart", self.tr("Refunded units per currency"))
        self.refund_table = self._table("refundTable", self._headers(REFUNDS))
        self.deadline_table = self._table(
            "deadlineTable", [self.tr("Refund and dispute deadlines"), self.tr("Units")]
        )
        self.supplier_table = self._table("supplierTable", self._headers(SUPPLIERS))
        self.recovery_table = self._table(
            "recoveryTable",
            [
                self.tr("Supplier / carrier"),
                self.tr("Kind"),
                self.tr("Currency"),
                self.tr("Claimed"),
                self.tr("Recovered"),
                self.tr("Recovery rate"),
            ],
        )
        self.recovery_chart = BarChartWidget("recoveryChart", self.tr("Recovery rate"))
        self.reason_table = self._table("reasonTable", self._headers(STATED_VS_FOUND))
        self.inspector_table = self._table("inspectorTable", self._headers(INSPECTORS))
        for table, dimension in (
            (self.sku_table, Dimension.SKU),
            (self.carrier_table, Dimension.CARRIER),
            (self.supplier_table, Dimension.SUPPLIER),
        ):
            table.setToolTip(self.tr("Double-click a row to see its units."))
            table.activated.connect(
                lambda index, t=table, d=dimension: self._on_table_activated(t, d, index)
            )

        refunds = QVBoxLayout()
        refunds.addWidget(self.refund_table)
        refunds.addWidget(self.deadline_table)
        refunds.addStretch(1)
        # Tables that can run long show their first rows and "Show all" (issue 16).
        self.capped = {
            t.objectName(): ShowAllTable(t)
            for t in (
                self.sku_table,
                self.carrier_table,
                self.supplier_table,
                self.recovery_table,
                self.reason_table,
                self.inspector_table,
            )
        }
        capped = self.capped
        rows: list[tuple[QWidget | QVBoxLayout, QWidget | QVBoxLayout | None]] = [
            (self.sku_chart, self.carrier_chart),
            (capped["skuTable"], capped["carrierTable"]),
            (self.grade_chart, self.disposition_chart),
            (self.refund_chart, refunds),
            (self._titled(self.tr("Supplier scorecard"), capped["supplierTable"]), None),
            (
                self._titled(
                    self.tr("Recovery: every closed batch and filed claim, in any period"),
                    capped["recoveryTable"],
                ),
                self.recovery_chart,
            ),
            (
                self._titled(self.tr("Stated reason against finding"), capped["reasonTable"]),
                None,
            ),
            (self._titled(self.tr("Inspector throughput"), capped["inspectorTable"]), None),
        ]
        for row, (left, right) in enumerate(rows, start=1):
            span = 1 if right is not None else 2
            for column, part in enumerate((left, right)):
                if part is None:
                    continue
                top = Qt.AlignmentFlag.AlignTop  # the shorter of two keeps its own height
                if isinstance(part, QVBoxLayout):
                    grid.addLayout(part, row, column, top)
                else:
                    grid.addWidget(part, row, column, 1, span, top)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        scroll = QScrollArea()
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    def _drill_panel(self) -> QWidget:
        self.drill = DrillDownPanel()
        self.drill.back.clicked.connect(self.presenter.close_units)
        # Kept by name for the tests and the screenshots.
        self.back, self.drill_title, self.drill_table = (
            self.drill.back,
            self.drill.title,
            self.drill.table,
        )
        return self.drill

    def column_words(self) -> dict[tuple[str, str], str]:
        """The headers of the figure tables (``stats_tables``), by table and column key."""
        return {
            (SKU_RETURN_RATES.key, "sku"): self.tr("SKU"),
            (SKU_RETURN_RATES.key, "returned"): self.tr("Returned"),
            (SKU_RETURN_RATES.key, "units_sold"): self.tr("Sold"),
            (SKU_RETURN_RATES.key, "rate_pct"): self.tr("Return rate"),
            (CARRIER_DAMAGE.key, "carrier"): self.tr("Carrier"),
            (CARRIER_DAMAGE.key, "received"): self.tr("Received"),
            (CARRIER_DAMAGE.key, "transit_damage"): self.tr("Transit damage"),
            (CARRIER_DAMAGE.key, "rate_pct"): self.tr("Rate"),
            (REFUNDS.key, "currency"): self.tr("Currency"),
            (REFUNDS.key, "units"): self.tr("Units"),
            (REFUNDS.key, "amount"): self.tr("Refunds"),
            (SUPPLIERS.key, "supplier"): self.tr("Supplier"),
            (SUPPLIERS.key, "received"): self.tr("Received"),
            (SUPPLIERS.key, "defects"): self.tr("Defects"),
            (SUPPLIERS.key, "defect_rate_pct"): self.tr("Defect rate"),
            (SUPPLIERS.key, "chargebacks"): self.tr("Chargebacks"),
            (STATED_VS_FOUND.key, "stated_reason"): self.tr("Stated reason"),
            (STATED_VS_FOUND.key, "units"): self.tr("Units"),
            (STATED_VS_FOUND.key, "findings"): self.tr("Found"),
            (STATED_VS_FOUND.key, "no_fault_pct"): self.tr("Found no fault"),
            (INSPECTORS.key, "inspector"): self.tr("Inspector"),
            (INSPECTORS.key, "units"): self.tr("Units"),
            (INSPECTORS.key, "inspection_hours"): self.tr("Inspection time"),
            (INSPECTORS.key, "units_per_hour"): self.tr("Units per hour"),
            (INSPECTORS.key, "median_seconds"): self.tr("Median time"),
        }

    def deadline_words(self) -> dict[str, str]:
        """The rows of the deadline table (``stats_tables.DEADLINES``), by measure key."""
        return {
            "refunds_on_time": self.tr("Refunds paid on time"),
            "refunds_late": self.tr("Refunds paid late"),
            "refunds_open": self.tr("Refunds not yet due"),
            "refunds_overdue": self.tr("Refunds overdue"),
            "disputes_open": self.tr("Dispute evidence not yet due"),
            "disputes_overdue": self.tr("Dispute evidence past due"),
        }

    def _headers(self, table: FigureTable[Row]) -> list[str]:
        words = self.column_words()
        return [words[table.key, column.key] for column in table.shown]

    def _table(self, name: str, headers: list[str]) -> FigureTableView:
        return FigureTableView(name, headers)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        label = QLabel(title)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        layout.addWidget(label)
        layout.addWidget(widget)
        layout.addStretch(1)  # the table keeps its height beside a taller chart
        return box

    # --- the presenter's hooks -----------------------------------------------------------

    def activated(self) -> None:
        """Shown again: load fresh figures."""
        self.presenter.refresh()

    def decisions_changed(self) -> None:
        """A decision was made at this station: figures on screen are loaded afresh. A page
        not on screen loads them when it is shown again (``activated``): the figures take up to
        a second on a large database, on the same database lane as scans, and the inspector's
        next scan comes right after the decision."""
        if self.isVisible():
            self.presenter.refresh()

    # --- user input ----------------------------------------------------------------------

    def current_filter(self) -> DashboardFilter:
        period = Period(self.period.currentData())
        return DashboardFilter(
            period,
            self.first_day.date().toPython() if period == Period.CUSTOM else None,  # type: ignore[arg-type]
            self.last_day.date().toPython() if period == Period.CUSTOM else None,  # type: ignore[arg-type]
            self.market.text().strip().upper(),
            self.category.text().strip(),
        )

    def _on_period_current_index_changed(self, _index: int) -> None:
        custom = Period(self.period.currentData()) == Period.CUSTOM
        self.first_day.setEnabled(custom)
        self.last_day.setEnabled(custom)
        if not custom:
            self._on_apply_clicked()

    def _on_apply_clicked(self) -> None:
        self.presenter.set_filter(self.current_filter())

    def _on_table_activated(
        self, table: FigureTableView, dimension: Dimension, index: QModelIndex
    ) -> None:
        line = table.line_at(index)
        if line is not None and line.key is not None:
            self.presenter.open_units(dimension, line.key)

    # --- rendering -----------------------------------------------------------------------

    def _on_presenter_state_changed(self, state: DashboardState) -> None:
        self._sync_filter(state.filter)
        show_message(self.message, state.error, "")
        self.apply.setEnabled(not state.loading)
        if state.loading:
            self.status.setText(self.tr("Loading…"))
        elif state.figures is not None:
            self.status.setText(
                self.tr("As of {time}").format(time=local_time(state.figures.computed_at))
            )
        else:
            self.status.setText("")
        if state.figures is not None:
            self._render(state.figures)
            self._render_recovery(state.recovery)
        if state.drill_down is not None:
            self._render_drill(state)
            self.stack.setCurrentIndex(1)
        else:
            self.stack.setCurrentIndex(0)

    def _sync_filter(self, f: DashboardFilter) -> None:
        index = self.period.findData(f.period.value)
        if index != self.period.currentIndex():
            self.period.blockSignals(True)
            self.period.setCurrentIndex(index)
            self.period.blockSignals(False)
        custom = f.period == Period.CUSTOM
        self.first_day.setEnabled(custom)
        self.last_day.setEnabled(custom)
        if custom and f.first_day and f.last_day:
            self.first_day.setDate(QDate(f.first_day.year, f.first_day.month, f.first_day.day))
            self.last_day.setDate(QDate(f.last_day.year, f.last_day.month, f.last_day.day))

    def _render(self, f: DashboardFigures) -> None:
        nothing = self.tr("No units were received in this period.")
        if f.empty:
            self.summary.setText(nothing)
        else:
            median = f.median_inspection_seconds
            self.summary.setText(
                self.tr("{units} units received · median inspection time {median}").format(
                    units=f.received,
                    median=duration(median),
                )
            )
        no_data = self.tr("No data for this period")
        sku_limit, carrier_limit = percent(f.sku_flag_pct), percent(f.carrier_flag_pct)
        self.sku_chart.set_items(
            [
                BarItem(
                    s.sku, float(s.rate.pct), s.flagged, percent(s.rate.pct), self._above(sku_limit)
                )
                for s in f.skus[:TOP_N]
            ],
            empty_text=no_data,
            flagged_label=self.tr("Red: return rate above the policy's limit of {limit}").format(
                limit=sku_limit
            ),
        )
        self.carrier_chart.set_items(
            [
                BarItem(
                    c.carrier,
                    float(c.rate.pct),
                    c.flagged,
                    percent(c.rate.pct),
                    self._above(carrier_limit),
                )
                for c in f.carriers[:TOP_N]
            ],
            empty_text=no_data,
            flagged_label=self.tr("Red: damage rate above the policy's limit of {limit}").format(
                limit=carrier_limit
            ),
        )
        capped = self.capped
        capped["skuTable"].set_lines(figure_lines(SKU_RETURN_RATES, f.skus, drill=True))
        capped["carrierTable"].set_lines(figure_lines(CARRIER_DAMAGE, f.carriers, drill=True))
        self.grade_chart.set_items(
            [BarItem(grade_label(g), n) for g, n in f.grades], empty_text=no_data
        )
        self.disposition_chart.set_items(
            [BarItem(disposition_label(d), n) for d, n in f.dispositions], empty_text=no_data
        )
        self.refund_chart.set_items(
            [BarItem(a.currency, a.units) for a in f.refunds], empty_text=no_data
        )
        self.refund_table.set_lines(
            figure_lines(
                REFUNDS, f.refunds, words={"amount": lambda a: money(a.amount, a.currency)}
            )
        )
        words = self.deadline_words()
        self.deadline_table.set_lines(
            [
                FigureLine((words[m.key], str(m.value(f.deadlines))), m.is_flagged(f.deadlines))
                for m in DEADLINES
            ]
        )
        chargebacks = {
            "chargebacks": lambda s: amounts([(a.currency, a.amount) for a in s.chargebacks])
        }
        capped["supplierTable"].set_lines(
            figure_lines(SUPPLIERS, f.suppliers, drill=True, words=chargebacks)
        )
        capped["reasonTable"].set_lines(
            figure_lines(STATED_VS_FOUND, f.reasons, words=cells.reason_words())
        )
        capped["inspectorTable"].set_lines(
            figure_lines(INSPECTORS, f.inspectors, words=cells.inspector_words())
        )

    def _above(self, limit: str) -> str:
        """What a red bar says after its value: the limit it is above."""
        return self.tr("above {limit}").format(limit=limit)

    def _render_recovery(self, figures: tuple[PartyFigures, ...]) -> None:
        self.capped["recoveryTable"].set_lines(cells.recovery_lines(figures))
        # One bar per party and currency: rates of different currencies are not added up.
        self.recovery_chart.set_items(
            cells.recovery_bars(figures[: TOP_N * 2]),
            empty_text=self.tr("No recovery figures yet"),
        )

    def _render_drill(self, state: DashboardState) -> None:
        drill = state.drill_down
        assert drill is not None
        self.drill.show_units(drill.dimension, drill.key, drill.units)
