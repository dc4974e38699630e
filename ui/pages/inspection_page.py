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
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline
from qc_station.domain.policy import ChecklistItem

from ..camera.preview import CameraPreviewWidget
from ..camera.worker import CameraController
from ..keymap import FINDING_BY_KEY, FINDING_KEYS, GRADE_KEYS
from ..labels import (
    disposition_label,
    finding_label,
    grade_label,
    headline_label,
    resolution_label,
    stated_reason_label,
)
from ..local_time import local_time
from ..messages import describe, reason_text
from ..presenters.inspection_presenter import InspectionPresenter, InspectionState, PhotoItem
from ..scanner import ScanBurstFilter
from ..widgets.rma_panel import money

_NO_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _key_letter(event: QKeyEvent) -> str:
    """The letter or digit of a plain key press ("" for anything else): Qt's key codes for
    A–Z and 0–9 are their ASCII codes, whatever the keyboard layout's shift state."""
    if event.modifiers() & _NO_COMMAND_MODIFIERS:
        return ""
    key = event.key()
    if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 or Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        return chr(key)
    return ""


def _is_text_field(widget: QObject) -> bool:
    return isinstance(widget, QLineEdit | QPlainTextEdit)


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
        self.burst_filter: ScanBurstFilter | None = None
        #: Grade and finding before the last command key, taken back if it began a burst.
        self._before_command: tuple[Grade | None, Finding | None] | None = None
        #: The file chooser; tests replace it with a function returning paths.
        self.ask_files: Callable[[], list[str]] = self._ask_files_with_dialog
        #: Asks a yes/no question (leave the inspection?); tests replace it.
        self.ask: Callable[[str], bool] = self._ask_with_dialog
        self._checklist_keys: tuple[str, ...] = ()
        self._answer_groups: dict[str, QButtonGroup] = {}
        self._shown_inspection: tuple[str, int] | None = None
        self._shown_photos: tuple[PhotoItem, ...] = ()

        # Three columns fit 1366×768 without scrolling for the longest shipped checklist
        # (electronics, six items): checklist | finding, serial, notes, photos | decision.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.unit_label = QLabel()
        self.unit_label.setObjectName("unitTitle")
        self.unit_label.setWordWrap(True)
        layout.addWidget(self.unit_label)
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
        layout.addWidget(self._build_grades())
        columns = QHBoxLayout()
        layout.addLayout(columns, 1)
        columns.addWidget(self._build_checklist_column(), 4)
        columns.addWidget(self._build_details_column(), 4)
        columns.addWidget(self._build_outcome(), 4)

        self._watch_keys(self)
        self._chain_tab_order()
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    # --- building ------------------------------------------------------------------------

    def _build_grades(self) -> QWidget:
        grades = QGroupBox(self.tr("Grade (keys 1–5 or A–D, X)"))
        grade_row = QHBoxLayout(grades)
        self.grade_group = QButtonGroup(self)
        self.grade_group.setExclusive(True)
        self.grade_buttons: dict[Grade, QPushButton] = {}
        for grade in Grade:
            button = QPushButton(grade_label(grade))
            button.setObjectName(f"gradeButton_{grade.value}")
            button.setProperty("role", "grade")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.grade_group.addButton(button)
            self.grade_buttons[grade] = button
            grade_row.addWidget(button)
            button.clicked.connect(lambda _=False, g=grade: self.presenter.set_grade(g))
        return grades

    def _build_checklist_column(self) -> QWidget:
        # A scroll area only for a site policy with a very long checklist.
        scroll = QScrollArea()
        scroll.setObjectName("checklistScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.checklist_box = QGroupBox(self.tr("Checklist (* required)"))
        self.checklist_grid = QGridLayout(self.checklist_box)
        self.checklist_grid.setColumnStretch(0, 1)
        self.checklist_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll.setWidget(self.checklist_box)
        return scroll

    def _build_details_column(self) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        details = QGridLayout()
        self.finding_combo = QComboBox()
        self.finding_combo.setObjectName("findingCombo")
        self.finding_combo.addItem(self.tr("— choose the finding —"), None)
        for finding in Finding:
            self.finding_combo.addItem(
                f"{FINDING_KEYS[finding]} · {finding_label(finding)}", finding.value
            )
        self.finding_combo.currentIndexChanged.connect(self._on_finding_combo_changed)
        self.serial_edit = QLineEdit()
        self.serial_edit.setObjectName("serialEdit")
        self.serial_edit.setPlaceholderText(self.tr("Serial or SKU seen on the item"))
        self.serial_edit.textEdited.connect(self.presenter.set_serial)
        self.serial_edit.returnPressed.connect(self.presenter.submit)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setPlaceholderText(self.tr("Notes (accessories, packaging, damage…)"))
        self.notes_edit.setTabChangesFocus(True)  # SPEC §8: Tab never types into notes
        self.notes_edit.textChanged.connect(self._on_notes_edit_text_changed)
        details.addWidget(QLabel(self.tr("Finding")), 0, 0)
        details.addWidget(self.finding_combo, 0, 1)
        # The finding keys on the form itself (SPEC §8), each beside its finding's name.
        self.finding_keys_hint = QLabel(
            self.tr("Keys: {keys}").format(
                keys=" · ".join(f"{FINDING_KEYS[f]} {finding_label(f)}" for f in Finding)
            )
        )
        self.finding_keys_hint.setObjectName("findingKeysHint")
        self.finding_keys_hint.setWordWrap(True)
        self.finding_keys_hint.setProperty("role", "hint")
        details.addWidget(self.finding_keys_hint, 1, 0, 1, 2)
        details.addWidget(QLabel(self.tr("Serial")), 2, 0)
        details.addWidget(self.serial_edit, 2, 1)
        details.setColumnStretch(1, 1)
        layout.addLayout(details)
        layout.addWidget(QLabel(self.tr("Notes")))
        layout.addWidget(self.notes_edit, 1)

        photos = QGroupBox(self.tr("Photos"))
        photo_layout = QVBoxLayout(photos)
        self.photo_list = QListWidget()
        self.photo_list.setObjectName("photoList")
        self.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(80, 80))
        self.photo_list.setFixedHeight(112)
        self.photo_list.setMovement(QListWidget.Movement.Static)
        photo_layout.addWidget(self.photo_list)
        photo_buttons = QHBoxLayout()
        self.photo_status = QLabel()
        self.photo_status.setObjectName("photoStatus")
        self.add_photos_button = QPushButton(self.tr("Add photos…"))
        self.add_photos_button.setObjectName("addPhotosButton")
        self.remove_photo_button = QPushButton(self.tr("Remove"))
        self.remove_photo_button.setObjectName("removePhotoButton")
        photo_buttons.addWidget(self.photo_status, 1)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addWidget(self.add_photos_button)
        photo_layout.addLayout(photo_buttons)
        self.camera_preview = CameraPreviewWidget(minimum=QSize(240, 135))
        self.camera_preview.hide()
        photo_layout.addWidget(self.camera_preview)
        camera_buttons = QHBoxLayout()
        self.webcam_button = QPushButton(self.tr("Webcam (F6)"))
        self.webcam_button.setObjectName("webcamButton")
        self.webcam_button.setCheckable(True)
        self.webcam_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.webcam_button.setEnabled(self.camera is not None)
        self.take_photo_button = QPushButton(self.tr("Take photo (F7)"))
        self.take_photo_button.setObjectName("takePhotoButton")
        self.take_photo_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.take_photo_button.setEnabled(False)
        camera_buttons.addWidget(self.webcam_button)
        camera_buttons.addWidget(self.take_photo_button)
        photo_layout.addLayout(camera_buttons)
        layout.addWidget(photos)
        self.add_photos_button.clicked.connect(self._on_add_photos_clicked)
        self.remove_photo_button.clicked.connect(self._on_remove_photo_clicked)
        self.webcam_button.toggled.connect(self._on_webcam_button_toggled)
        self.take_photo_button.clicked.connect(self.take_photo)
        if self.camera is not None:
            self.camera.preview_ready.connect(self._on_camera_preview_ready)
            self.camera.camera_failed.connect(self._on_camera_failed)
        return column

    def _build_outcome(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("decisionPanel")
        layout = QVBoxLayout(panel)
        self.rma_summary = QLabel()
        self.rma_summary.setObjectName("rmaSummary")
        self.rma_summary.setWordWrap(True)
        layout.addWidget(self.rma_summary)

        self.headline = QLabel()
        self.headline.setObjectName("decisionHeadline")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.headline)
        self.details = QLabel()
        self.details.setObjectName("decisionDetails")
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        self.approval = QLabel()
        self.approval.setObjectName("decisionApproval")
        self.approval.setWordWrap(True)
        layout.addWidget(self.approval)
        self.problem = QLabel()
        self.problem.setObjectName("decisionProblem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "warning")
        layout.addWidget(self.problem)
        layout.addStretch(1)

        self.override_check = QCheckBox(self.tr("Override the proposed decision"))
        self.override_check.setObjectName("overrideCheck")
        self.override_check.toggled.connect(self._on_override_changed)
        layout.addWidget(self.override_check)
        self.override_panel = QWidget()
        override_layout = QVBoxLayout(self.override_panel)
        override_layout.setContentsMargins(0, 0, 0, 0)
        self.override_combo = QComboBox()
        self.override_combo.setObjectName("overrideCombo")
        for headline in Headline:
            self.override_combo.addItem(headline_label(headline), headline.value)
        self.override_combo.currentIndexChanged.connect(self._on_override_changed)
        self.override_reason = QLineEdit()
        self.override_reason.setObjectName("overrideReasonEdit")
        self.override_reason.setPlaceholderText(self.tr("Why? (required)"))
        self.override_reason.textEdited.connect(self.presenter.set_override_reason)
        override_layout.addWidget(self.override_combo)
        override_layout.addWidget(self.override_reason)
        layout.addWidget(self.override_panel)

        self.error_label = QLabel()
        self.error_label.setObjectName("inspectionError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.submit_button = QPushButton(self.tr("Submit (Enter)"))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setProperty("role", "primary")
        self.submit_button.clicked.connect(self.presenter.submit)
        layout.addWidget(self.submit_button)
        self.leave_hint = QLabel(self.tr("Esc: leave and release the unit"))
        self.leave_hint.setObjectName("leaveHint")
        self.leave_hint.setProperty("role", "hint")
        self.leave_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.leave_hint)
        return panel

    def _build_checklist(self, items: tuple[ChecklistItem, ...]) -> None:
        while self.checklist_grid.count():
            taken = self.checklist_grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for group in self._answer_groups.values():
            group.deleteLater()  # a child of the page: it would outlive its buttons
        self._answer_groups.clear()
        answers = (
            (ChecklistAnswer.PASS, self.tr("Pass")),
            (ChecklistAnswer.FAIL, self.tr("Fail")),
            (ChecklistAnswer.NA, self.tr("N/A")),
        )
        for row, item in enumerate(items):
            text = item.text_zh if self.language == "zh_CN" and item.text_zh else item.text
            label = QLabel(text + (" *" if item.required else ""))
            label.setObjectName(f"checkLabel_{item.key}")
            label.setWordWrap(True)
            self.checklist_grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            for column, (answer, caption) in enumerate(answers, start=1):
                button = QPushButton(caption)
                button.setObjectName(f"check_{item.key}_{answer.value}")
                button.setProperty("role", "answer")
                button.setCheckable(True)
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                group.addButton(button)
                self.checklist_grid.addWidget(button, row, column)
                button.clicked.connect(
                    lambda _=False, k=item.key, a=answer: self.presenter.set_answer(k, a)
                )
            self._answer_groups[item.key] = group
        # The page's keys first, the scanner's filter after it: Qt asks the filter installed
        # last first, and the scanner must count a key before the page may act on it.
        self._watch_keys(self.checklist_box)
        if self.burst_filter is not None:
            self.burst_filter.watch(self)
        self._checklist_keys = tuple(item.key for item in items)
        self._chain_tab_order()

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
            self.stop_camera()
        self.focus_for_keys()

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

    def install_scan_filter(self, burst_filter: ScanBurstFilter) -> None:
        self.burst_filter = burst_filter
        burst_filter.watch(self)

    def _ask_files_with_dialog(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Images (*.jpg *.jpeg *.png *.webp)")
        )
        return files

    # --- keyboard ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self._handle_page_key(event):
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

    def _handle_page_key(self, event: QKeyEvent) -> bool:
        """A grade or finding key: act on it and say so. Not inside a scanner's burst (a
        letter of a scanned code is no command).

        The first key of a burst cannot be told from a key pressed by hand (a code such as
        ``AMZ-…`` or an EAN ``4006…`` starts with a grade key): it acts, and the second key,
        arriving within the burst gap, takes that back (``_before_command``)."""
        letter = _key_letter(event)
        if not letter:
            return False
        if self.burst_filter is not None and self.burst_filter.key_is_in_burst():
            if self._before_command is not None:
                grade, finding = self._before_command
                self._before_command = None
                self.presenter.restore_choice(grade, finding)
            return False
        state = self.presenter.state
        if letter in GRADE_KEYS:
            self._before_command = (state.grade, state.finding)
            self.presenter.set_grade(GRADE_KEYS[letter])
            return True
        if letter in FINDING_BY_KEY:
            self._before_command = (state.grade, state.finding)
            self.presenter.set_finding(FINDING_BY_KEY[letter])
            return True
        self._before_command = None
        return False

    def _watch_keys(self, root: QWidget) -> None:
        """Put the page's key filter on every focusable widget under ``root``."""
        for widget in [root, *root.findChildren(QWidget)]:
            if widget is self or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue
            if widget.property("qcPageKeys"):
                continue
            widget.installEventFilter(self)
            widget.setProperty("qcPageKeys", True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Keys the focused widget must not take for itself: in a text field Esc leaves the
        field; elsewhere a grade or finding key is the page's (a combo box or list would use
        it for type-ahead), a letter no key uses is dropped from a list's type-ahead, and
        Enter presses a focused button."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if _is_text_field(watched):
            if event.key() == Qt.Key.Key_Escape:
                self.focus_for_keys()
                return True
            return False
        if self._handle_page_key(event):
            return True
        if _key_letter(event) and isinstance(watched, QComboBox | QListWidget):
            return True  # type-ahead would change the finding or the override unseen
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(
            watched, QAbstractButton
        ):
            if watched.isEnabled():
                watched.click()
            return True
        return False

    def _chain_tab_order(self) -> None:
        """Tab: grade, finding, checklist, serial, notes, photos, override, Submit."""
        chain: list[QWidget] = [*self.grade_buttons.values(), self.finding_combo]
        for key in self._checklist_keys:
            group = self._answer_groups.get(key)
            if group is not None:
                chain.extend(group.buttons())
        chain += [
            self.serial_edit,
            self.notes_edit,
            self.photo_list,
            self.remove_photo_button,
            self.add_photos_button,
            self.webcam_button,
            self.take_photo_button,
            self.override_check,
            self.override_combo,
            self.override_reason,
            self.submit_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

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
        key = (state.lpn, id(state.rma))
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
        if state.rma is not None and keys != self._checklist_keys:
            self._build_checklist(state.checklist)
        for item_key, group in self._answer_groups.items():
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
        self.error_label.setText(state.error)
        self.error_label.setVisible(bool(state.error))
        self.submit_button.setEnabled(not state.busy and state.rma is not None)

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
            _restyle(self.headline, headline="")
            self.details.setText("")
            self.approval.setVisible(False)
            return
        outcome = proposal.outcome
        currency = state.rma.currency if state.rma else ""
        self.headline.setText(headline_label(outcome.headline))
        _restyle(self.headline, headline=outcome.headline.value)
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

    def focus_for_keys(self) -> None:
        """Give the page itself focus, so grade keys and Enter work at once after a scan."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
