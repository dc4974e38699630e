"""The "Deadlines & disputes" page (SPEC §8): four tabs over ``DeadlinesPresenter``.

- Deadlines: refunds and dispute evidence still due; overdue rows red, due within four
  hours amber, each also saying so in words (colour never carries meaning alone).
- Disputes: the active ones (optionally the recently closed), with Evidence sent, Won,
  Lost and Settled (the amount in the unit's currency) and a note.
- Stale claims: units a station has held longer than N minutes (station, user, since
  when), with Release and a required reason.
- Reopen: a decided unit back to inspection, with a required reason.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qc_station.domain.deadlines import DeadlineStatus
from qc_station.domain.dispute import DisputeState
from qc_station.services.deadlines import ClaimItem, DeadlineItem, DeadlineKind
from qc_station.services.disputes import DisputeView

from ..local_time import local_time
from ..presenters.deadlines_presenter import DeadlinesPresenter, DeadlinesState
from ..widgets.rma_panel import money
from ..widgets.rows_table import Column, RowsTableModel, rows_view, selected_row
from ..widgets.tables import show_message

#: The item data role holding a row's deadline status (for tests and screen readers' hints).
STATUS_ROLE = Qt.ItemDataRole.UserRole.value + 1

#: Row colours by deadline status, with dark text for contrast (see the module docstring).
_ROW_COLOURS = {
    DeadlineStatus.OVERDUE: QColor("#f8d0d0"),
    DeadlineStatus.DUE_SOON: QColor("#fde6b8"),
}
_ROW_TEXT = QColor("#1a1a1a")  # dark text on the light row colours, whatever the theme

R = TypeVar("R")


def _by_status(
    status: Callable[[R], DeadlineStatus | None], *columns: tuple[str, Callable[[R], str], bool]
) -> list[Column[R]]:
    """``(header, text, right)`` columns of rows coloured by their deadline ``status``, which
    each cell also holds under ``STATUS_ROLE``."""

    def background(row: R) -> QColor | None:
        found = status(row)
        return _ROW_COLOURS.get(found) if found else None

    def foreground(row: R) -> QColor | None:
        return _ROW_TEXT if background(row) is not None else None

    def status_value(row: R) -> str:
        found = status(row)
        return found.value if found else ""

    return [
        Column(
            header,
            text,
            right=right,
            background=background,
            foreground=foreground,
            roles={STATUS_ROLE: status_value},
        )
        for header, text, right in columns
    ]


class DeadlinesPage(QWidget):
    def __init__(self, presenter: DeadlinesPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlinesPage")
        self.presenter = presenter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        title = QLabel(self.tr("Deadlines & disputes"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        self.summary = QLabel()
        self.summary.setObjectName("deadlinesSummary")
        top.addWidget(self.summary, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("deadlinesRefreshButton")
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("deadlinesTabs")
        self.tabs.addTab(self._build_deadlines(), self.tr("Deadlines"))
        self.tabs.addTab(self._build_disputes(), self.tr("Disputes"))
        self.tabs.addTab(self._build_claims(), self.tr("Stale claims"))
        self.tabs.addTab(self._build_reopen(), self.tr("Reopen a unit"))
        layout.addWidget(self.tabs, 1)
        self.message = QLabel()
        self.message.setObjectName("deadlinesMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.refresh_button.clicked.connect(presenter.refresh)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    def activated(self) -> None:
        self.presenter.refresh()

    # --- building ------------------------------------------------------------------------

    def _build_deadlines(self) -> QWidget:
        self.deadline_model: RowsTableModel[DeadlineItem] = RowsTableModel(
            _by_status(
                lambda d: d.status,
                (self.tr("Status"), lambda d: self.status_text(d.status), False),
                (self.tr("Due"), lambda d: local_time(d.due_at), False),
                (self.tr("What"), self._what, False),
                (self.tr("LPN"), lambda d: d.lpn, False),
                (self.tr("Product"), lambda d: d.product_name, False),
                (self.tr("Amount"), lambda d: money(d.amount, d.currency), True),
                (self.tr("By"), lambda d: d.responsible, False),
            )
        )
        self.deadline_table = rows_view("deadlineTable", self.deadline_model)
        return self.deadline_table

    def _build_disputes(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.include_closed = QCheckBox(self.tr("Show disputes closed in the last 14 days"))
        self.include_closed.setObjectName("includeClosedCheck")
        layout.addWidget(self.include_closed)
        self.dispute_model: RowsTableModel[DisputeView] = RowsTableModel(
            _by_status(
                lambda d: d.deadline,
                (self.tr("LPN"), lambda d: d.lpn, False),
                (self.tr("Product"), lambda d: d.product_name, False),
                (self.tr("Customer"), lambda d: d.customer, False),
                (self.tr("Disputed"), lambda d: money(d.disputed_amount, d.currency), True),
                (self.tr("State"), self._dispute_state, False),
                (self.tr("Evidence due"), self._evidence_due, False),
                (self.tr("Note"), lambda d: d.close_note or d.evidence_note, False),
            )
        )
        self.dispute_table = rows_view("disputeTable", self.dispute_model)
        layout.addWidget(self.dispute_table, 1)
        form = QHBoxLayout()
        self.dispute_note = QLineEdit()
        self.dispute_note.setObjectName("disputeNoteEdit")
        self.dispute_note.setPlaceholderText(self.tr("Note (what was sent, what was agreed)"))
        self.settled_amount = QLineEdit()
        self.settled_amount.setObjectName("settledAmountEdit")
        self.settled_amount.setPlaceholderText(self.tr("Settled amount"))
        self.settled_amount.setMaximumWidth(160)
        form.addWidget(self.dispute_note, 3)
        form.addWidget(self.settled_amount, 1)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.evidence_button = QPushButton(self.tr("Evidence sent"))
        self.evidence_button.setObjectName("evidenceSentButton")
        self.won_button = QPushButton(self.tr("Won"))
        self.won_button.setObjectName("wonButton")
        self.lost_button = QPushButton(self.tr("Lost"))
        self.lost_button.setObjectName("lostButton")
        self.settled_button = QPushButton(self.tr("Settled"))
        self.settled_button.setObjectName("settledButton")
        for button in (self.evidence_button, self.won_button, self.lost_button):
            buttons.addWidget(button)
        buttons.addWidget(self.settled_button)
        layout.addLayout(buttons)
        self.include_closed.toggled.connect(self.presenter.set_include_closed)
        self.dispute_table.selectionModel().selectionChanged.connect(
            self._on_dispute_selection_changed
        )
        self.evidence_button.clicked.connect(self._on_evidence_button_clicked)
        self.won_button.clicked.connect(lambda: self._close(DisputeState.WON))
        self.lost_button.clicked.connect(lambda: self._close(DisputeState.LOST))
        self.settled_button.clicked.connect(lambda: self._close(DisputeState.SETTLED))
        return page

    def _build_claims(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Claimed for longer than")))
        self.stale_minutes = QSpinBox()
        self.stale_minutes.setObjectName("staleMinutesSpin")
        self.stale_minutes.setRange(0, 7 * 24 * 60)  # a week: claims older are all stale
        self.stale_minutes.setSuffix(self.tr(" min"))
        self.stale_minutes.setValue(self.presenter.state.stale_minutes)
        row.addWidget(self.stale_minutes)
        row.addStretch(1)
        layout.addLayout(row)
        self.claim_model: RowsTableModel[ClaimItem] = RowsTableModel(
            [
                Column(self.tr("LPN"), lambda c: c.lpn),
                Column(self.tr("Product"), lambda c: c.product_name),
                Column(self.tr("Station"), lambda c: c.station),
                Column(self.tr("User"), lambda c: c.user),
                Column(self.tr("Since"), lambda c: local_time(c.since)),
                Column(self.tr("Held for"), lambda c: self.held_text(c.held_for), right=True),
            ]
        )
        self.claim_table = rows_view("claimTable", self.claim_model)
        layout.addWidget(self.claim_table, 1)
        form = QHBoxLayout()
        self.release_reason = QLineEdit()
        self.release_reason.setObjectName("releaseReasonEdit")
        self.release_reason.setPlaceholderText(self.tr("Why release it? (required)"))
        self.release_button = QPushButton(self.tr("Release claim"))
        self.release_button.setObjectName("releaseClaimButton")
        form.addWidget(self.release_reason, 1)
        form.addWidget(self.release_button)
        layout.addLayout(form)
        self.stale_minutes.editingFinished.connect(self._on_stale_minutes_editing_finished)
        self.claim_table.selectionModel().selectionChanged.connect(self._on_claim_selection_changed)
        self.release_button.clicked.connect(self._on_release_button_clicked)
        return page

    def _build_reopen(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(
                self.tr(
                    "A decided unit goes back to inspection; its decision is superseded and an "
                    "open dispute about it is withdrawn. An exported decision stays in its "
                    "finance batch."
                )
            )
        )
        form = QFormLayout()
        self.reopen_lpn = QLineEdit()
        self.reopen_lpn.setObjectName("reopenLpnEdit")
        self.reopen_lpn.setPlaceholderText("RMA-2026-000123-1")
        self.reopen_reason = QLineEdit()
        self.reopen_reason.setObjectName("reopenReasonEdit")
        self.reopen_reason.setPlaceholderText(self.tr("Why? (required)"))
        form.addRow(self.tr("LPN"), self.reopen_lpn)
        form.addRow(self.tr("Reason"), self.reopen_reason)
        layout.addLayout(form)
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setObjectName("reopenButton")
        layout.addWidget(self.reopen_button)
        layout.addStretch(1)
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)
        return page

    # --- slots ---------------------------------------------------------------------------

    def selected_dispute(self) -> DisputeView | None:
        return self.dispute_model.row_at(selected_row(self.dispute_table))

    def selected_claim(self) -> ClaimItem | None:
        return self.claim_model.row_at(selected_row(self.claim_table))

    def _on_evidence_button_clicked(self) -> None:
        dispute = self.selected_dispute()
        if dispute is not None:
            self.presenter.send_evidence(dispute, self.dispute_note.text())

    def _close(self, outcome: DisputeState) -> None:
        dispute = self.selected_dispute()
        if dispute is not None:
            self.presenter.close_dispute(
                dispute, outcome, self.dispute_note.text(), self.settled_amount.text()
            )

    def _on_release_button_clicked(self) -> None:
        claim = self.selected_claim()
        if claim is not None:
            self.presenter.release_claim(claim, self.release_reason.text())

    def _on_reopen_button_clicked(self) -> None:
        self.presenter.reopen(self.reopen_lpn.text(), self.reopen_reason.text())

    def _on_stale_minutes_editing_finished(self) -> None:
        self.presenter.set_stale_minutes(self.stale_minutes.value())

    def _on_dispute_selection_changed(self) -> None:
        self._update_buttons(self.presenter.state)

    def _on_claim_selection_changed(self) -> None:
        self._update_buttons(self.presenter.state)

    def _on_presenter_state_changed(self, state: DeadlinesState) -> None:
        self.deadline_model.set_rows(state.deadlines)
        self._fill_disputes(state)
        self.claim_model.set_rows(state.claims)
        overdue = sum(1 for d in state.deadlines if d.status == DeadlineStatus.OVERDUE)
        soon = sum(1 for d in state.deadlines if d.status == DeadlineStatus.DUE_SOON)
        self.summary.setText(
            self.tr(
                "{overdue} overdue · {soon} due within 4 h · {disputes} open dispute(s)"
            ).format(
                overdue=overdue,
                soon=soon,
                disputes=sum(1 for d in state.disputes if not d.closed),
            )
            + (" · " + self.tr("loading…") if state.loading else "")
        )
        self.include_closed.setChecked(state.include_closed)
        self._update_buttons(state)
        show_message(self.message, state.error, state.message)
        if state.message and not state.error:
            for edit in (self.dispute_note, self.settled_amount, self.release_reason):
                edit.clear()
            if state.done == "reopen":
                self.reopen_lpn.clear()
                self.reopen_reason.clear()

    # --- rendering -----------------------------------------------------------------------

    def status_text(self, status: DeadlineStatus | None) -> str:
        return {
            DeadlineStatus.OVERDUE: self.tr("OVERDUE"),
            DeadlineStatus.DUE_SOON: self.tr("due soon"),
            DeadlineStatus.ON_TRACK: self.tr("on track"),
            None: "",
        }[status]

    def dispute_state_text(self, state: DisputeState) -> str:
        return {
            DisputeState.OPEN: self.tr("open"),
            DisputeState.EVIDENCE_SENT: self.tr("evidence sent"),
            DisputeState.WON: self.tr("won"),
            DisputeState.LOST: self.tr("lost"),
            DisputeState.SETTLED: self.tr("settled"),
            DisputeState.WITHDRAWN: self.tr("withdrawn"),
        }[state]

    def _what(self, d: DeadlineItem) -> str:
        return self.tr("Refund") if d.kind == DeadlineKind.REFUND else self.tr("Dispute evidence")

    def _dispute_state(self, d: DisputeView) -> str:
        text = self.dispute_state_text(d.state)
        if d.settled_amount is not None:
            text += " " + money(d.settled_amount, d.currency)
        return text

    def _evidence_due(self, d: DisputeView) -> str:
        due = local_time(d.evidence_due_at) if d.evidence_due_at else "—"
        if d.deadline is not None:
            due += f" ({self.status_text(d.deadline)})"
        return due

    def _fill_disputes(self, state: DeadlinesState) -> None:
        """The disputes, keeping the selected one selected (by id) when it is still listed."""
        current = self.selected_dispute()
        selection = self.dispute_table.selectionModel()
        selection.blockSignals(True)
        if self.dispute_model.set_rows(state.disputes):
            ids = [d.id for d in state.disputes]
            if current is not None and current.id in ids:
                self.dispute_table.selectRow(ids.index(current.id))
        selection.blockSignals(False)

    def held_text(self, held: timedelta | None) -> str:
        if held is None:
            return "?"
        minutes = int(held.total_seconds() // 60)
        hours, minutes = divmod(minutes, 60)
        return (
            self.tr("{h} h {m} min").format(h=hours, m=minutes)
            if hours
            else self.tr("{m} min").format(m=minutes)
        )

    def _update_buttons(self, state: DeadlinesState) -> None:
        dispute = self.selected_dispute()
        idle = not state.busy
        is_open = dispute is not None and dispute.state == DisputeState.OPEN
        active = dispute is not None and not dispute.closed
        self.evidence_button.setEnabled(idle and is_open)
        self.won_button.setEnabled(
            idle and dispute is not None and dispute.state == DisputeState.EVIDENCE_SENT
        )
        self.lost_button.setEnabled(idle and active)
        self.settled_button.setEnabled(idle and active)
        self.settled_amount.setPlaceholderText(
            self.tr("Settled amount ({currency})").format(currency=dispute.currency)
            if dispute is not None
            else self.tr("Settled amount")
        )
        self.release_button.setEnabled(idle and self.selected_claim() is not None)
        self.reopen_button.setEnabled(idle)
        self.refresh_button.setEnabled(not state.loading)
