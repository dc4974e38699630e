"""The inspection page's widgets: the grade row, the checklist (built again for each category's
items), the details column (finding, serial, notes, photos, webcam), the decision panel, and
the Tab order through them. Each builder takes the page, sets the widgets on it and wires them
to its presenter and slots; the page renders the presenter's state into them.

The strings here are the page's: ``_tr`` translates them in the ``InspectionPage`` context,
the one ``InspectionPage.tr`` uses.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline
from qc_station.domain.policy import ChecklistItem

from ..camera.preview import CameraPreviewWidget
from ..keymap import FINDING_KEYS
from ..labels import finding_label, grade_label, headline_label
from .inspection_keys import watch_keys

# The page the builders fill (InspectionPage; not imported: that would be an import cycle).
InspectionPageLike = Any

_CONTEXT = "InspectionPage"


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def build_grades(page: InspectionPageLike) -> QWidget:
    grades = QGroupBox(_tr("Grade (keys 1–5 or A–D, X)"))
    grade_row = QHBoxLayout(grades)
    page.grade_group = QButtonGroup(page)
    page.grade_group.setExclusive(True)
    page.grade_buttons: dict[Grade, QPushButton] = {}
    for grade in Grade:
        button = QPushButton(grade_label(grade))
        button.setObjectName(f"gradeButton_{grade.value}")
        button.setProperty("role", "grade")
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        page.grade_group.addButton(button)
        page.grade_buttons[grade] = button
        grade_row.addWidget(button)
        button.clicked.connect(lambda _=False, g=grade: page.presenter.set_grade(g))
    return grades


#: The width of a checklist answer button (Pass, Fail, N/A), in pixels.
_ANSWER_WIDTH = 76


def build_checklist_column(page: InspectionPageLike) -> QWidget:
    # A scroll area only for a site policy with a very long checklist.
    scroll = QScrollArea()
    scroll.setObjectName("checklistScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    page.checklist_box = QGroupBox(_tr("Checklist (* required)"))
    page.checklist_grid = QGridLayout(page.checklist_box)
    page.checklist_grid.setColumnStretch(0, 1)
    page.checklist_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
    scroll.setWidget(page.checklist_box)
    return scroll


def build_details_column(page: InspectionPageLike) -> QWidget:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    details = QGridLayout()
    page.finding_combo = QComboBox()
    page.finding_combo.setObjectName("findingCombo")
    page.finding_combo.addItem(_tr("— choose the finding —"), None)
    for finding in Finding:
        page.finding_combo.addItem(
            f"{FINDING_KEYS[finding]} · {finding_label(finding)}", finding.value
        )
    page.finding_combo.currentIndexChanged.connect(page._on_finding_combo_changed)
    page.serial_edit = QLineEdit()
    page.serial_edit.setObjectName("serialEdit")
    page.serial_edit.setPlaceholderText(_tr("Serial or SKU seen on the item"))
    page.serial_edit.textEdited.connect(page.presenter.set_serial)
    page.serial_edit.returnPressed.connect(page.presenter.submit)
    page.notes_edit = QPlainTextEdit()
    page.notes_edit.setObjectName("notesEdit")
    page.notes_edit.setPlaceholderText(_tr("Notes (accessories, packaging, damage…)"))
    page.notes_edit.setTabChangesFocus(True)  # SPEC §8: Tab never types into notes
    page.notes_edit.textChanged.connect(page._on_notes_edit_text_changed)
    details.addWidget(QLabel(_tr("Finding")), 0, 0)
    details.addWidget(page.finding_combo, 0, 1)
    # The finding keys on the form itself (SPEC §8), each beside its finding's name.
    page.finding_keys_hint = QLabel(
        _tr("Keys: {keys}").format(
            keys=" · ".join(f"{FINDING_KEYS[f]} {finding_label(f)}" for f in Finding)
        )
    )
    page.finding_keys_hint.setObjectName("findingKeysHint")
    page.finding_keys_hint.setWordWrap(True)
    page.finding_keys_hint.setProperty("role", "hint")
    details.addWidget(page.finding_keys_hint, 1, 0, 1, 2)
    details.addWidget(QLabel(_tr("Serial")), 2, 0)
    details.addWidget(page.serial_edit, 2, 1)
    details.setColumnStretch(1, 1)
    layout.addLayout(details)
    layout.addWidget(QLabel(_tr("Notes")))
    layout.addWidget(page.notes_edit, 1)

    photos = QGroupBox(_tr("Photos"))
    photo_layout = QVBoxLayout(photos)
    page.photo_list = QListWidget()
    page.photo_list.setObjectName("photoList")
    page.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
    page.photo_list.setIconSize(QSize(80, 80))
    page.photo_list.setFixedHeight(112)
    page.photo_list.setMovement(QListWidget.Movement.Static)
    photo_layout.addWidget(page.photo_list)
    photo_buttons = QHBoxLayout()
    page.photo_status = QLabel()
    page.photo_status.setObjectName("photoStatus")
    page.photo_status.setWordWrap(True)  # it must not set the column's width
    page.add_photos_button = QPushButton(_tr("Add photos…"))
    page.add_photos_button.setObjectName("addPhotosButton")
    page.remove_photo_button = QPushButton(_tr("Remove"))
    page.remove_photo_button.setObjectName("removePhotoButton")
    photo_buttons.addWidget(page.photo_status, 1)
    photo_buttons.addWidget(page.remove_photo_button)
    photo_buttons.addWidget(page.add_photos_button)
    photo_layout.addLayout(photo_buttons)
    page.camera_preview = CameraPreviewWidget(minimum=QSize(240, 135))
    page.camera_preview.hide()
    photo_layout.addWidget(page.camera_preview)
    camera_buttons = QHBoxLayout()
    page.webcam_button = QPushButton(_tr("Webcam (F6)"))
    page.webcam_button.setObjectName("webcamButton")
    page.webcam_button.setCheckable(True)
    page.webcam_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    page.webcam_button.setEnabled(page.camera is not None)
    page.take_photo_button = QPushButton(_tr("Take photo (F7)"))
    page.take_photo_button.setObjectName("takePhotoButton")
    page.take_photo_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    page.take_photo_button.setEnabled(False)
    camera_buttons.addWidget(page.webcam_button)
    camera_buttons.addWidget(page.take_photo_button)
    photo_layout.addLayout(camera_buttons)
    layout.addWidget(photos)
    page.add_photos_button.clicked.connect(page._on_add_photos_clicked)
    page.remove_photo_button.clicked.connect(page._on_remove_photo_clicked)
    page.webcam_button.toggled.connect(page._on_webcam_button_toggled)
    page.take_photo_button.clicked.connect(page.take_photo)
    if page.camera is not None:
        page.camera.preview_ready.connect(page._on_camera_preview_ready)
        page.camera.camera_failed.connect(page._on_camera_failed)
    return column


# The decision panel's own colours (SPEC §8: colour never alone, the words say it too): a
# decision that needs approval is amber, not the green of one that prints at once; Submit
# looks ready only when Enter would store a decision without more input.
_PANEL_STYLE = """
QLabel#decisionHeadline[pending="true"] { background: #fff1d6; color: #8a5100; }
QPushButton#submitButton[readiness="approval"] { background: #b36b00; border-color: #8a5100; }
QPushButton#submitButton[readiness="blocked"] {
    background: #eceef2; color: #4a5468; border-color: #8a94a6;
}
"""


def build_outcome(page: InspectionPageLike) -> QWidget:
    """The unit, the live decision and the override in a scroll area (the override never
    squeezes the decision, and the window never grows past the screen), then Submit, which
    always stays in view."""
    panel = QFrame()
    panel.setObjectName("decisionPanel")
    panel.setStyleSheet(_PANEL_STYLE)
    outer = QVBoxLayout(panel)
    outer.setContentsMargins(6, 6, 6, 6)
    page.decision_scroll = QScrollArea()
    page.decision_scroll.setObjectName("decisionScroll")
    page.decision_scroll.setWidgetResizable(True)
    page.decision_scroll.setFrameShape(QFrame.Shape.NoFrame)
    page.decision_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    content = QWidget()
    content.setObjectName("decisionContent")
    layout = QVBoxLayout(content)
    layout.setContentsMargins(0, 0, 0, 0)
    page.decision_scroll.setWidget(content)
    outer.addWidget(page.decision_scroll, 1)

    page.rma_summary = QLabel()
    page.rma_summary.setObjectName("rmaSummary")
    page.rma_summary.setWordWrap(True)
    layout.addWidget(page.rma_summary)

    page.headline = QLabel()
    page.headline.setObjectName("decisionHeadline")
    page.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
    page.headline.setWordWrap(True)
    layout.addWidget(page.headline)
    page.details = QLabel()
    page.details.setObjectName("decisionDetails")
    page.details.setWordWrap(True)
    layout.addWidget(page.details)
    page.approval = QLabel()
    page.approval.setObjectName("decisionApproval")
    page.approval.setWordWrap(True)
    layout.addWidget(page.approval)
    page.problem = QLabel()
    page.problem.setObjectName("decisionProblem")
    page.problem.setWordWrap(True)
    page.problem.setProperty("role", "warning")
    layout.addWidget(page.problem)

    page.override_check = QCheckBox(_tr("Override the proposed decision"))
    page.override_check.setObjectName("overrideCheck")
    page.override_check.toggled.connect(page._on_override_changed)
    layout.addWidget(page.override_check)
    page.override_panel = QWidget()
    override_layout = QHBoxLayout(page.override_panel)  # one row: compact
    override_layout.setContentsMargins(0, 0, 0, 0)
    page.override_combo = QComboBox()
    page.override_combo.setObjectName("overrideCombo")
    for headline in Headline:
        page.override_combo.addItem(headline_label(headline), headline.value)
    page.override_combo.currentIndexChanged.connect(page._on_override_changed)
    page.override_reason = QLineEdit()
    page.override_reason.setObjectName("overrideReasonEdit")
    page.override_reason.setPlaceholderText(_tr("Why? (required)"))
    page.override_reason.textEdited.connect(page.presenter.set_override_reason)
    override_layout.addWidget(page.override_combo)
    override_layout.addWidget(page.override_reason, 1)
    layout.addWidget(page.override_panel)
    layout.addStretch(1)

    page.error_label = QLabel()
    page.error_label.setObjectName("inspectionError")
    page.error_label.setProperty("role", "error")
    page.error_label.setWordWrap(True)
    outer.addWidget(page.error_label)
    page.submit_button = QPushButton(_tr("Submit (Enter)"))
    page.submit_button.setObjectName("submitButton")
    page.submit_button.setProperty("role", "primary")
    page.submit_button.clicked.connect(page.presenter.submit)
    outer.addWidget(page.submit_button)
    page.leave_hint = QLabel(_tr("Esc: leave and release the unit"))
    page.leave_hint.setObjectName("leaveHint")
    page.leave_hint.setProperty("role", "hint")
    page.leave_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    outer.addWidget(page.leave_hint)
    return panel


def fill_checklist(page: InspectionPageLike, items: tuple[ChecklistItem, ...]) -> None:
    while page.checklist_grid.count():
        taken = page.checklist_grid.takeAt(0)
        widget = taken.widget() if taken is not None else None
        if widget is not None:
            widget.deleteLater()
    for group in page.answer_groups.values():
        group.deleteLater()  # a child of the page: it would outlive its buttons
    page.answer_groups.clear()
    answers = (
        (ChecklistAnswer.PASS, _tr("Pass")),
        (ChecklistAnswer.FAIL, _tr("Fail")),
        (ChecklistAnswer.NA, _tr("N/A")),
    )
    for row, item in enumerate(items):
        text = item.text_zh if page.language == "zh_CN" and item.text_zh else item.text
        label = QLabel(text + (" *" if item.required else ""))
        label.setObjectName(f"checkLabel_{item.key}")
        label.setWordWrap(True)
        page.checklist_grid.addWidget(label, row, 0)
        group = QButtonGroup(page)
        for column, (answer, caption) in enumerate(answers, start=1):
            button = QPushButton(caption)
            button.setObjectName(f"check_{item.key}_{answer.value}")
            button.setProperty("role", "answer")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            # Narrow answers leave the item's words room for one or two lines (a wrapped
            # label in a grid is clipped, not grown, when its row is squeezed).
            button.setMaximumWidth(_ANSWER_WIDTH)
            group.addButton(button)
            page.checklist_grid.addWidget(button, row, column)
            button.clicked.connect(
                lambda _=False, k=item.key, a=answer: page.presenter.set_answer(k, a)
            )
        page.answer_groups[item.key] = group
    # The page's keys first, the scanner's filter after it: Qt asks the filter installed
    # last first, and the scanner must count a key before the page may act on it.
    watch_keys(page, page.checklist_box)
    if page.burst_filter is not None:
        page.burst_filter.watch(page)
    page.checklist_keys = tuple(item.key for item in items)
    chain_tab_order(page)


def chain_tab_order(page: InspectionPageLike) -> None:
    """Tab: grade, finding, checklist, serial, notes, photos, override, Submit."""
    chain: list[QWidget] = [*page.grade_buttons.values(), page.finding_combo]
    for key in page.checklist_keys:
        group = page.answer_groups.get(key)
        if group is not None:
            chain.extend(group.buttons())
    chain += [
        page.serial_edit,
        page.notes_edit,
        page.photo_list,
        page.remove_photo_button,
        page.add_photos_button,
        page.webcam_button,
        page.take_photo_button,
        page.override_check,
        page.override_combo,
        page.override_reason,
        page.submit_button,
    ]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)
