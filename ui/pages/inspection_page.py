"""The inspection page: checklist, grade, finding, serial, notes and photos on the left; the
unit, the live decision, the override and Submit on the right.

Keyboard (``ui/keymap.py``; when focus is not in a text field): 1–5 or A, B, C, D, X choose
the grade, N F T L U M W the finding (each key shown beside its finding); Enter submits (on a
focused button, presses it); Esc leaves the inspection and releases the unit, asking first
when something was entered. After a scan the page itself has focus, so scan → grade key →
Enter decides the common case without touching the mouse. A focused list or combo box never
takes these keys for its own type-ahead. In a text field letters and digits are text, Tab
moves on (never a tab character) and Esc leaves the field. Tab goes through grade, finding,
checklist, serial, notes, photos, override and Submit. F6 turns the webcam on or off (a small
preview in the photo box), F7 takes a photo with it.

A unit a supervisor sent back shows the supervisor's comment in a banner at the top.

The unboxing video (SPEC §7.5): while an inspection records, the camera runs (started for it
after the page change, so the scan page's stop does not end it) and the top right says
"● REC 00:42", or "Not recording: …" and why, and warns when the disk is low.

The widgets are built in ``inspection_layout.py``; the keys are told apart in
``inspection_keys.py``.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QIcon, QImage, QKeyEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from qc_station.domain.enums import Finding, Headline

from ..camera.worker import CameraController
from ..labels import (
    disposition_label,
    headline_label,
    resolution_label,
    stated_reason_label,
)
from ..local_time import local_time
from ..messages import describe, reason_text
from ..presenters.inspection_items import PhotoItem
from ..presenters.inspection_presenter import InspectionPresenter, InspectionState
from ..scanner import ScanBurstFilter
from ..widgets.rma_panel import money
from .inspection_keys import CommandKeys, filter_key, watch_keys
from .inspection_layout import (
    build_checklist_column,
    build_details_column,
    build_grades,
    build_outcome,
    chain_tab_order,
    fill_checklist,
)
from .recording_status import RecordingStatus


def _restyle(widget: QWidget, **properties: object) -> None:
    for name, value in properties.items():
        widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class InspectionPage(QWidget):
    #: The inspector left the inspection (Esc); the unit's release is under way.
    inspection_left = Signal()

    def __init__(
        self,
        presenter: InspectionPresenter,
        language: str = "en",
        parent: QWidget | None = None,
        *,
        camera: CameraController | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspectionPage")
        self.camera = camera
        self._camera_connected = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.presenter = presenter
        self.language = language
        self.command_keys = CommandKeys(presenter)
        #: The file chooser; tests replace it with a function returning paths.
        self.ask_files: Callable[[], list[str]] = self._ask_files_with_dialog
        #: Asks a yes/no question (leave the inspection?); tests replace it.
        self.ask: Callable[[str], bool] = self._ask_with_dialog
        #: The checklist on screen: its items' keys and each item's Pass/Fail/N/A buttons.
        self.checklist_keys: tuple[str, ...] = ()
        self.answer_groups: dict[str, QButtonGroup] = {}
        self._shown_inspection: tuple[str, int, int] | None = None
        self._shown_photos: tuple[PhotoItem, ...] = ()

        # Three columns fit 1366×768 without scrolling for the longest shipped checklist
        # (electronics, six items): checklist | finding, serial, notes, photos | decision.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.unit_label = QLabel()
        self.unit_label.setObjectName("unitTitle")
        self.unit_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.unit_label, 1)
        self.recording_label = RecordingStatus()
        top.addWidget(self.recording_label)
        layout.addLayout(top)
        self.rejection_banner = QLabel()
        self.rejection_banner.setObjectName("rejectionBanner")
        self.rejection_banner.setWordWrap(True)
        self.rejection_banner.setProperty("role", "error")
        self.rejection_banner.setStyleSheet(
            "QLabel#rejectionBanner { background: #fff3cd; border: 2px solid #b00020;"
            " border-radius: 6px; padding: 6px; }"
        )
        self.rejection_banner.hide()
        layout.addWidget(self.rejection_banner)
        layout.addWidget(build_grades(self))
        columns = QHBoxLayout()
        layout.addLayout(columns, 1)
        columns.addWidget(build_checklist_column(self), 4)
        columns.addWidget(build_details_column(self), 5)
        columns.addWidget(build_outcome(self), 4)

        watch_keys(self, self)
        chain_tab_order(self)
        presenter.use_camera(camera)
        presenter.camera_needed.connect(self._on_presenter_camera_needed)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    # --- webcam --------------------------------------------------------------------------

    def start_camera(self) -> None:
        camera = self.camera
        if camera is None or camera.running:
            return
        self.camera_preview.clear_image(self.tr("Starting the camera…"))
        self.camera_preview.set_status("")
        self.camera_preview.show()
        camera.still_captured.connect(self._on_camera_still_captured)
        self._camera_connected = True
        camera.start()
        self.take_photo_button.setEnabled(True)

    def stop_camera(self) -> None:
        """Stop the webcam (page left, inspection done, signed out); the preview goes."""
        camera = self.camera
        if camera is None:
            return
        if self._camera_connected:
            camera.still_captured.disconnect(self._on_camera_still_captured)
            self._camera_connected = False
        if camera.running:
            camera.stop()
        self.webcam_button.blockSignals(True)
        self.webcam_button.setChecked(False)
        self.webcam_button.blockSignals(False)
        self.take_photo_button.setEnabled(False)
        self.camera_preview.hide()

    def take_photo(self) -> None:
        """F7: the next full-size frame becomes a photo of this inspection."""
        if self.camera is not None and self._camera_connected:
            self.camera.request_still()

    def _on_webcam_button_toggled(self, on: bool) -> None:
        if on:
            self.start_camera()
        else:
            self.presenter.camera_turned_off()
            self.stop_camera()
        self.focus_for_keys()

    def _on_presenter_camera_needed(self) -> None:
        # After the page change that follows a scan: the scan page stops its camera then.
        QTimer.singleShot(0, self._start_camera_for_video)

    def _start_camera_for_video(self) -> None:
        if self.presenter.video_recording and not self.isHidden() and self.camera is not None:
            self.start_camera()
            self.webcam_button.blockSignals(True)
            self.webcam_button.setChecked(self.camera.running)
            self.webcam_button.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not event.spontaneous():
            self.presenter.page_shown()  # back from the lock: the clip starts again

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        super().hideEvent(event)
        if not event.spontaneous():
            self.presenter.page_hidden()  # locked, or another page: no clip is kept

    def _on_camera_preview_ready(self, image: QImage) -> None:
        if self._camera_connected:
            self.camera_preview.show_image(image)

    def _on_camera_still_captured(self, image: QImage) -> None:
        self.presenter.add_camera_photo(image)

    def _on_camera_failed(self) -> None:
        if not self._camera_connected or self.camera is None:
            return
        error = self.camera.error
        self.stop_camera()
        self.presenter.camera_failed(describe(error) if error else self.tr("No camera."))

    # --- seams ---------------------------------------------------------------------------

    @property
    def burst_filter(self) -> ScanBurstFilter | None:
        return self.command_keys.burst_filter

    def install_scan_filter(self, burst_filter: ScanBurstFilter) -> None:
        self.command_keys.burst_filter = burst_filter
        burst_filter.watch(self)

    def _ask_files_with_dialog(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Images (*.jpg *.jpeg *.png *.webp)")
        )
        return files

    # --- keyboard ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self.command_keys.handle(event):
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.presenter.submit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.leave()
            event.accept()
            return
        if event.key() == Qt.Key.Key_F6 and self.webcam_button.isEnabled():
            self.webcam_button.toggle()
            event.accept()
            return
        if event.key() == Qt.Key.Key_F7:
            self.take_photo()
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Keys the focused widget must not take for itself (``inspection_keys.filter_key``):
        in a text field Esc leaves the field and gives the page the keys again."""
        return filter_key(watched, event, self.command_keys, self.focus_for_keys)

    # --- leaving -------------------------------------------------------------------------

    def confirm_leave(self) -> bool:
        """Whether the inspection may end now: yes when nothing was entered, else the
        inspector is asked."""
        if not self.presenter.dirty:
            return True
        lpn = self.presenter.state.lpn
        return self.ask(
            self.tr(
                "Leave the inspection of {lpn}? What you entered is dropped and the unit is "
                "released for any station."
            ).format(lpn=lpn)
        )

    def leave(self) -> None:
        """Esc: leave the inspection, releasing the unit (asking first if something was
        entered)."""
        if not self.presenter.active or self.presenter.state.busy:
            return
        if not self.confirm_leave():
            self.focus_for_keys()
            return
        self.stop_camera()
        self.presenter.release()
        self.inspection_left.emit()

    def _ask_with_dialog(self, question: str) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Leave the inspection"))
        box.setText(question)
        leave = box.addButton(self.tr("Leave and release"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(self.tr("Keep inspecting"), QMessageBox.ButtonRole.RejectRole)
        # Enter keeps the work: an inspector's habit is Enter to submit.
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        return box.clickedButton() is leave

    # --- slots ---------------------------------------------------------------------------

    def _on_finding_combo_changed(self, index: int) -> None:
        # Qt stores a StrEnum as its plain string; turn it back into the enum.
        data = self.finding_combo.itemData(index)
        self.presenter.set_finding(Finding(data) if data else None)

    def _on_notes_edit_text_changed(self) -> None:
        self.presenter.set_notes(self.notes_edit.toPlainText())

    def _on_override_changed(self, *_: object) -> None:
        on = self.override_check.isChecked()
        data = self.override_combo.currentData()
        self.presenter.set_override(Headline(data) if on and data else None)

    def _on_add_photos_clicked(self) -> None:
        files = self.ask_files()
        if files:
            self.presenter.add_photo_files(files)

    def _on_remove_photo_clicked(self) -> None:
        row = self.photo_list.currentRow()
        self.presenter.remove_photo(row if row >= 0 else self.photo_list.count() - 1)

    def _on_presenter_state_changed(self, state: InspectionState) -> None:
        unit = state.unit
        key = (state.lpn, id(state.rma), state.filled)
        if key != self._shown_inspection:
            # A new inspection: fill the free-text fields once; afterwards they are the
            # inspector's, and re-rendering must not fight their typing.
            self._shown_inspection = key
            self.serial_edit.setText(state.serial)
            self.notes_edit.setPlainText(state.notes)
            self.override_reason.setText(state.override_reason)
        # Rebuilt only for a unit with another checklist: an ended inspection (no RMA) keeps
        # the widgets, so scanning the same category again builds nothing.
        keys = tuple(item.key for item in state.checklist)
        if state.rma is not None and keys != self.checklist_keys:
            fill_checklist(self, state.checklist)
        for item_key, group in self.answer_groups.items():
            answer = state.answers.get(item_key)
            for button in group.buttons():
                button.setChecked(button.objectName() == f"check_{item_key}_{answer}")

        if unit is not None and state.rma is not None:
            parts = [unit.lpn]
            units = state.rma.units
            if len(units) > 1:
                parts.append(
                    self.tr("unit {n} of {total}").format(n=units.index(unit) + 1, total=len(units))
                )
            parts += [unit.product_name, money(unit.unit_price, state.rma.currency)]
            self.unit_label.setText(" · ".join(parts))
            self.rma_summary.setText(self._summary(state))
        for grade, button in self.grade_buttons.items():
            button.setChecked(state.grade == grade)
        self.grade_group.setExclusive(state.grade is not None)
        if state.grade is None:
            for button in self.grade_buttons.values():
                button.setChecked(False)
        self.grade_group.setExclusive(True)
        self.finding_combo.blockSignals(True)
        self.finding_combo.setCurrentIndex(
            max(0, self.finding_combo.findData(state.finding.value if state.finding else None))
        )
        self.finding_combo.blockSignals(False)

        self.override_check.blockSignals(True)
        self.override_check.setChecked(state.override is not None)
        self.override_check.blockSignals(False)
        self.override_panel.setVisible(state.override is not None)

        rejection = state.rejection
        if rejection is not None:
            self.rejection_banner.setText(
                self.tr("Sent back by {user} on {when}: “{comment}”").format(
                    user=rejection.rejected_by,
                    when=local_time(rejection.rejected_at),
                    comment=rejection.comment,
                )
            )
        self.rejection_banner.setVisible(rejection is not None)
        self._render_photos(state)
        self._render_decision(state)
        self.recording_label.show_status(state.video)
        self.error_label.setText(state.error)
        self.error_label.setVisible(bool(state.error))
        self.submit_button.setEnabled(not state.busy and state.rma is not None)
        self._render_submit(state)

    def _summary(self, state: InspectionState) -> str:
        rma = state.rma
        assert rma is not None
        return self.tr("{code} · order {order}\n{customer} · {market}\n“{reason}”").format(
            code=rma.code,
            order=rma.order_id or "—",
            customer=rma.customer or "—",
            market=rma.market,
            reason=stated_reason_label(rma.stated_reason),
        )

    def _render_photos(self, state: InspectionState) -> None:
        if state.photos != self._shown_photos:
            self._shown_photos = state.photos
            self.photo_list.clear()
            for item in state.photos:
                entry = QListWidgetItem(QIcon(QPixmap.fromImage(item.thumbnail)), item.name)
                self.photo_list.addItem(entry)
        needed = state.proposal.photos_required if state.proposal else 0
        text = self.tr("{count} photo(s)").format(count=len(state.photos))
        if needed:
            text += " · " + self.tr("{needed} required").format(needed=needed)
        missing_count = state.proposal.photos_missing if state.proposal else 0
        if missing_count:
            text += " · " + self.tr("{missing} missing").format(missing=missing_count)
        if state.photos_loading:
            text += " · " + self.tr("preparing {n}…").format(n=state.photos_loading)
        self.photo_status.setText(text)
        missing = bool(state.proposal and state.proposal.photos_missing)
        _restyle(self.photo_status, role="warning" if missing else "")
        self.remove_photo_button.setEnabled(bool(state.photos))

    def _render_decision(self, state: InspectionState) -> None:
        proposal = state.proposal
        self.problem.setText(state.problem)
        self.problem.setVisible(bool(state.problem))
        if proposal is None:
            self.headline.setText("—")
            _restyle(self.headline, headline="", pending=False)
            self.details.setText("")
            self.approval.setVisible(False)
            return
        outcome = proposal.outcome
        currency = state.rma.currency if state.rma else ""
        # A decision that needs approval is only proposed: amber, and the words say so.
        pending = proposal.needs_approval
        title = html.escape(headline_label(outcome.headline))
        if pending:
            note = html.escape(self.tr("proposed: needs a supervisor's approval"), quote=False)
            title += f'<div style="font-size: 16px; font-weight: normal;">{note}</div>'
        self.headline.setText(title)
        _restyle(self.headline, headline=outcome.headline.value, pending=pending)
        lines = [
            self.tr("Resolution: {value}").format(value=resolution_label(outcome.resolution)),
            self.tr("Refund: {amount}").format(amount=money(outcome.refund_amount, currency)),
            self.tr("Disposition: {value}").format(value=disposition_label(outcome.disposition)),
        ]
        if outcome.deduction_pct:
            lines.append(self.tr("Deduction: {pct} %").format(pct=outcome.deduction_pct))
        if proposal.photos_missing:
            lines.append(
                self.tr("Photos: {missing} more needed").format(missing=proposal.photos_missing)
            )
        lines.extend(f"• {reason_text(reason)}" for reason in proposal.reasons)
        self.details.setText("\n".join(lines))
        if proposal.needs_approval:
            self.approval.setText(
                self.tr("Needs a supervisor's approval:")
                + "\n"
                + "\n".join(f"• {reason_text(r)}" for r in proposal.approval_reasons)
            )
        self.approval.setVisible(proposal.needs_approval)

    def _render_submit(self, state: InspectionState) -> None:
        """Submit says, in words and colour, what Enter will do now: store a decision (green),
        send it for approval (amber), or not yet (grey, with what is missing)."""
        proposal = state.proposal
        if proposal is None:
            text, readiness = self.tr("Submit (Enter)"), "blocked"
        elif proposal.photos_missing:
            text = self.tr("Submit (Enter): {missing} more photo(s) needed").format(
                missing=proposal.photos_missing
            )
            readiness = "blocked"
        elif proposal.needs_approval:
            text, readiness = self.tr("Submit for approval (Enter)"), "approval"
        else:
            text, readiness = self.tr("Submit (Enter)"), "ready"
        self.submit_button.setText(text)
        _restyle(self.submit_button, readiness=readiness)

    def focus_for_keys(self) -> None:
        """Give the page itself focus, so grade keys and Enter work at once after a scan."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
