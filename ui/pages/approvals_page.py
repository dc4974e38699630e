"""The approval queue page (SPEC §8): the queue on the left (LPN, product, headline, refund,
why approval is needed, inspector, age), the selected unit on the right (photos, the unboxing
clip with "Play video" (Ctrl+P), grade, finding, checklist, reasons, override reason, earlier
rejections), and the comment with Approve, Reject and "Bulk approve plain…". A thin view over
``ApprovalsPresenter``; the bulk confirmation goes through ``confirm`` so tests can answer
it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qc_station.domain.enums import ChecklistAnswer
from qc_station.services.approval import ApprovalItem

from ..labels import (
    disposition_label,
    finding_label,
    grade_label,
    headline_label,
    resolution_label,
)
from ..local_time import local_time
from ..messages import reason_text
from ..presenters.approvals_presenter import (
    ApprovalsPresenter,
    ApprovalsState,
    BulkPlan,
    at_stake,
)
from ..widgets.clip_time import clock_text
from ..widgets.clips import open_player
from ..widgets.rma_panel import money
from ..widgets.rows_table import Column, RowsTableModel, rows_view
from ..widgets.tables import show_message
from .approval_why import why_cell, why_whole

Confirm = Callable[[QWidget, str, str], bool]
"""(parent, title, question) → True to go ahead."""


def _confirm(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class ApprovalsPage(QWidget):
    def __init__(
        self, presenter: ApprovalsPresenter, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalsPage")
        self.presenter = presenter
        self.language = language
        #: How the page asks before a bulk approval; tests replace it.
        self.confirm: Confirm = _confirm
        self._shown_lpns: tuple[str, ...] = ()
        self._filled_at = datetime.min.replace(tzinfo=UTC)
        self._shown_thumbs: tuple[object, ...] = ()
        self.player_dialog: QWidget | None = None  # the clip playing, for tests

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        title = QLabel(self.tr("Approval queue"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        self.count_label = QLabel()
        self.count_label.setObjectName("approvalCount")
        top.addWidget(self.count_label, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("approvalsRefreshButton")
        self.bulk_button = QPushButton(self.tr("Bulk approve plain…"))
        self.bulk_button.setObjectName("bulkApproveButton")
        top.addWidget(self.refresh_button)
        top.addWidget(self.bulk_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("approvalsSplitter")
        layout.addWidget(splitter, 1)
        self.model: RowsTableModel[ApprovalItem] = RowsTableModel(
            [
                Column(self.tr("LPN"), lambda i: i.decision.lpn),
                Column(self.tr("Product"), lambda i: i.product_name),
                Column(self.tr("Outcome"), lambda i: headline_label(i.decision.final.headline)),
                Column(
                    self.tr("Refund"),
                    lambda i: money(at_stake(i.decision), i.decision.currency),
                    right=True,
                ),
                Column(
                    self.tr("Why approval"),
                    lambda i: why_cell(i.decision.approval_reasons),
                    tooltip=lambda i: why_whole(i.decision.approval_reasons),
                ),
                Column(self.tr("Inspector"), lambda i: i.decision.decided_by),
                Column(
                    self.tr("Age"),
                    lambda i: self.age_text(self._filled_at - i.decision.decided_at),
                    right=True,
                ),
            ]
        )
        self.table = rows_view("approvalTable", self.model)
        self.table.setWordWrap(False)
        # Every column on screen at 1366×768: the product and the reasons give way (elided,
        # full text in the tooltip and the detail pane), the short columns keep their width.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 140)
        self.table.setColumnWidth(5, 110)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([870, 470])

        self.message = QLabel()
        self.message.setObjectName("approvalsMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.refresh_button.clicked.connect(presenter.refresh)
        self.bulk_button.clicked.connect(self._on_bulk_button_clicked)
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.play_button.clicked.connect(self.play_video)
        play = QShortcut(QKeySequence("Ctrl+P"), self)
        play.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        play.activated.connect(self.play_video)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    def activated(self) -> None:
        """Shown (again): the queue may have changed at other stations."""
        self.presenter.refresh()

    # --- building ------------------------------------------------------------------------

    def _build_detail(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("approvalDetail")
        outer = QVBoxLayout(panel)
        outer.setContentsMargins(6, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 4, 0)
        self.detail_title = QLabel()
        self.detail_title.setObjectName("unitTitle")
        self.detail_title.setWordWrap(True)
        layout.addWidget(self.detail_title)
        self.detail_headline = QLabel()
        self.detail_headline.setObjectName("approvalHeadline")
        self.detail_headline.setWordWrap(True)
        font = self.detail_headline.font()
        font.setBold(True)
        font.setPixelSize(20)
        self.detail_headline.setFont(font)
        layout.addWidget(self.detail_headline)
        self.detail_why = QLabel()
        self.detail_why.setObjectName("approvalWhy")
        self.detail_why.setWordWrap(True)
        self.detail_why.setProperty("role", "warning")
        layout.addWidget(self.detail_why)
        self.photo_list = QListWidget()
        self.photo_list.setObjectName("approvalPhotos")
        self.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(120, 120))
        self.photo_list.setFixedHeight(158)
        self.photo_list.setMovement(QListWidget.Movement.Static)
        layout.addWidget(self.photo_list)
        clip_row = QHBoxLayout()
        self.video_label = QLabel()
        self.video_label.setObjectName("approvalVideo")
        self.video_label.setWordWrap(True)
        self.play_button = QPushButton(self.tr("Play video (Ctrl+P)"))
        self.play_button.setObjectName("approvalPlayButton")
        clip_row.addWidget(self.video_label, 1)
        clip_row.addWidget(self.play_button)
        layout.addLayout(clip_row)
        self.detail_inspection = QLabel()
        self.detail_inspection.setObjectName("approvalInspection")
        self.detail_inspection.setWordWrap(True)
        self.detail_inspection.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail_inspection)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setObjectName("approvalComment")
        self.comment_edit.setPlaceholderText(
            self.tr("Comment (required to reject: the inspector sees it)")
        )
        self.comment_edit.setFixedHeight(64)
        outer.addWidget(self.comment_edit)
        buttons = QHBoxLayout()
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("rejectButton")
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approveButton")
        self.approve_button.setProperty("role", "primary")
        buttons.addWidget(self.reject_button, 1)
        buttons.addWidget(self.approve_button, 2)
        outer.addLayout(buttons)
        return panel

    # --- slots ---------------------------------------------------------------------------

    def _on_table_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.presenter.select(self._lpn_at(rows[0].row()))

    def _on_approve_button_clicked(self) -> None:
        self.presenter.approve(self.comment_edit.toPlainText())

    def _on_reject_button_clicked(self) -> None:
        self.presenter.reject(self.comment_edit.toPlainText())

    def play_video(self) -> None:
        """Play the selected unit's unboxing clip (or say why it cannot be played)."""
        video = self.presenter.state.current_video
        if video is None:
            return
        self.player_dialog = open_player(
            self,
            self.tr("Unboxing video of {lpn}").format(lpn=video.lpn),
            self.presenter.video_store(),
            video,
        )

    def _on_bulk_button_clicked(self) -> None:
        plan = self.presenter.bulk_plan()
        if not plan.count:
            return
        if self.confirm(self, self.tr("Bulk approve plain cases"), self._bulk_question(plan)):
            self.presenter.bulk_approve(plan, self.comment_edit.toPlainText())

    def _bulk_question(self, plan: BulkPlan) -> str:
        return (
            self.tr("Approve {count} plain case(s)?").format(count=plan.count)
            + "\n\n"
            + self.tr("Total at stake: {totals}").format(totals=plan.totals_text())
            + "\n\n"
            + self.tr(
                "Each is checked again; any that is no longer plain stays in the queue "
                "with the reason."
            )
        )

    def _on_presenter_state_changed(self, state: ApprovalsState) -> None:
        lpns = tuple(i.lpn for i in state.items)
        if lpns != self._shown_lpns or self.model.rowCount() != len(lpns):
            self._fill_table(state)
        self._select_row(state.selected)
        self.count_label.setText(
            self.tr("{count} waiting").format(count=len(state.items))
            + (" · " + self.tr("loading…") if state.loading else "")
        )
        plan_count = len([i for i in state.items if i.plain])
        self.bulk_button.setText(self.tr("Bulk approve plain ({count})…").format(count=plan_count))
        self.bulk_button.setEnabled(plan_count > 0 and not state.busy)
        item = state.current
        self.approve_button.setEnabled(item is not None and not state.busy)
        self.reject_button.setEnabled(item is not None and not state.busy)
        self._render_detail(item)
        self._render_video(state)
        self._render_thumbnails(state)
        show_message(self.message, state.error, state.message)
        if state.message and not state.busy and not state.error:
            self.comment_edit.clear()

    # --- rendering -----------------------------------------------------------------------

    def _fill_table(self, state: ApprovalsState) -> None:
        self._shown_lpns = tuple(i.lpn for i in state.items)
        # The ages are as of this fill, as they were when the cells were written.
        self._filled_at = self.presenter_now()
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if not self.model.set_rows(state.items):
            self.model.refresh()
        selection.blockSignals(False)

    def presenter_now(self) -> datetime:
        return self.presenter.now()

    def age_text(self, age: timedelta) -> str:
        minutes = max(0, int(age.total_seconds() // 60))
        if minutes < 60:
            return self.tr("{m} min").format(m=minutes)
        hours, minutes = divmod(minutes, 60)
        if hours < 24:
            return self.tr("{h} h {m} min").format(h=hours, m=minutes)
        days, hours = divmod(hours, 24)
        return self.tr("{d} d {h} h").format(d=days, h=hours)

    def _lpn_at(self, row: int) -> str:
        item = self.model.row_at(row)
        return item.lpn if item is not None else ""

    def _select_row(self, lpn: str) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        for row in range(self.model.rowCount()):
            if self._lpn_at(row) == lpn:
                if self.table.currentIndex().row() != row:
                    self.table.selectRow(row)
                break
        else:
            self.table.clearSelection()
        selection.blockSignals(False)

    def _render_detail(self, item: ApprovalItem | None) -> None:
        if item is None:
            self.detail_title.setText(self.tr("Nothing is waiting for approval."))
            for label in (self.detail_headline, self.detail_why, self.detail_inspection):
                label.setText("")
            return
        d = item.decision
        self.detail_title.setText(
            f"{d.lpn} · {item.product_name}\n"
            + self.tr(
                "RMA {code} · {customer} · {market} · decided by {user} at {station}, {at}"
            ).format(
                code=item.rma_code,
                customer=item.customer or "—",
                market=item.market,
                user=d.decided_by,
                station=d.station,
                at=local_time(d.decided_at),
            )
        )
        outcome = d.final
        self.detail_headline.setText(
            headline_label(outcome.headline)
            + " · "
            + resolution_label(outcome.resolution)
            + " · "
            + self.tr("refund {amount}").format(amount=money(outcome.refund_amount, d.currency))
            + " · "
            + disposition_label(outcome.disposition)
            + (f" · −{outcome.deduction_pct} %" if outcome.deduction_pct else "")
        )
        self.detail_headline.setProperty("headline", outcome.headline.value)
        # Each approval reason whole: its sentence says that approval is needed, and why.
        why = [f"• {reason_text(r)}" for r in d.approval_reasons]
        if d.overridden:
            why.append(
                self.tr("Override from {proposed}: {reason}").format(
                    proposed=headline_label(d.proposed.headline), reason=d.override_reason
                )
            )
        if item.plain:
            why.append(self.tr("A plain case: it may be approved in bulk."))
        else:
            why.append(self.tr("Not a plain case: approve or reject it on its own."))
            # The approval reasons are listed just above; name only the other problems.
            why += [
                f"◦ {reason_text(p)}" for p in item.plain_problems if p.code != "not_plain_reasons"
            ]
        self.detail_why.setText("\n".join(why))
        self.detail_inspection.setText(self._inspection_text(item))

    def _inspection_text(self, item: ApprovalItem) -> str:
        lines: list[str] = []
        inspection = item.inspection
        if inspection is None:
            lines.append(self.tr("The inspection is not on record."))
        else:
            lines.append(
                self.tr("Grade: {grade} · Finding: {finding}").format(
                    grade=grade_label(inspection.grade), finding=finding_label(inspection.finding)
                )
            )
            if inspection.serial:
                lines.append(self.tr("Serial: {serial}").format(serial=inspection.serial))
            if inspection.notes:
                lines.append(self.tr("Notes: {notes}").format(notes=inspection.notes))
            lines.append(self.tr("Checklist:"))
            texts = {
                c.key: (c.text_zh if self.language == "zh_CN" and c.text_zh else c.text)
                for c in self.presenter.checklist_for(item.category)
            }
            marks = {
                ChecklistAnswer.PASS: self.tr("pass"),
                ChecklistAnswer.FAIL: self.tr("FAIL"),
                ChecklistAnswer.NA: self.tr("n/a"),
            }
            for key, answer in inspection.checklist:
                lines.append(f"  {marks[answer]:>6} · {texts.get(key, key)}")
        lines.append(self.tr("Policy reasons:"))
        lines += [f"• {reason_text(r)}" for r in item.decision.reasons]
        for rejected in item.rejections:
            lines.append(
                self.tr("Sent back by {user} at {at}: “{comment}”").format(
                    user=rejected.approved_by or "—",
                    at=local_time(rejected.approved_at),
                    comment=rejected.approval_comment,
                )
            )
        return "\n".join(lines)

    def _render_video(self, state: ApprovalsState) -> None:
        video = state.current_video
        item = state.current
        self.play_button.setVisible(video is not None)
        self.play_button.setEnabled(video is not None and video.pruned_at is None)
        if video is None:
            self.video_label.setText(self.tr("No unboxing video.") if item is not None else "")
        elif video.pruned_at is not None:
            self.video_label.setText(
                self.tr("Unboxing video: pruned on {date}.").format(
                    date=local_time(video.pruned_at)
                )
            )
        else:
            self.video_label.setText(
                self.tr("Unboxing video: {length}, recorded {at}.").format(
                    length=clock_text(video.clip.duration_ms),
                    at=local_time(video.clip.started_at),
                )
            )

    def _render_thumbnails(self, state: ApprovalsState) -> None:
        key = (state.selected, state.thumbnails, state.thumbnails_loading)
        if key == self._shown_thumbs:
            return
        self._shown_thumbs = key
        self.photo_list.clear()
        item = state.current
        photos = item.inspection.photos if item and item.inspection else ()
        for thumb in state.thumbnails:
            entry = QListWidgetItem(QIcon(QPixmap.fromImage(thumb.image)), thumb.caption)
            when = next((p.captured_at for p in photos if p.sha256 == thumb.sha256), None)
            entry.setToolTip(f"{local_time(when, seconds=True)} · SHA-256 {thumb.sha256}")
            self.photo_list.addItem(entry)
        # No space for an empty photo strip: a unit without photos shows none.
        self.photo_list.setVisible(bool(photos))
        if not state.thumbnails:
            count = len(photos)
            text = (
                self.tr("Loading {count} photo(s)…").format(count=count)
                if state.thumbnails_loading
                else self.tr("No photos.")
            )
            self.photo_list.addItem(QListWidgetItem(text))
