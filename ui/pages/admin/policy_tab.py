"""Administration → Policy: the active policy's text, hash and history on the left; on the
right, a new policy file: choose it, read why it is invalid or how many example cases it
decides differently, and activate it with a note."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qc_station.services.policy_admin import describe_change
from qc_station.services.ports import PolicyActivation

from ...local_time import local_time
from ...presenters.policy_presenter import PolicyPresenter, PolicyState
from ...widgets.rows_table import Column, RowsTableModel, rows_view
from ...widgets.tables import documents_folder, never_widen, show_message

AskOpenPath = Callable[[QWidget, str, str], str]


def _ask_open_path(parent: QWidget, title: str, folder: str) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        title,
        folder,
        QCoreApplication.translate("PolicyTab", "Policy files (*.toml);;All files (*)"),
    )
    return path


class PolicyTab(QWidget):
    def __init__(self, presenter: PolicyPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyTab")
        self.presenter = presenter
        #: How the tab asks for a policy file; tests replace it.
        self.ask_open_path: AskOpenPath = _ask_open_path
        layout = QHBoxLayout(self)

        # --- the active policy -----------------------------------------------------------
        active_box = QGroupBox(self.tr("Active policy"))
        active = QVBoxLayout(active_box)
        self.active_label = QLabel()
        self.active_label.setObjectName("activePolicyLabel")
        self.active_label.setWordWrap(True)
        active.addWidget(self.active_label)
        self.text = QPlainTextEdit()
        self.text.setObjectName("activePolicyText")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        active.addWidget(self.text, 3)
        active.addWidget(QLabel(self.tr("History")))
        self.history_model: RowsTableModel[PolicyActivation] = RowsTableModel(
            [
                Column(self.tr("Activated at"), lambda a: local_time(a.activated_at)),
                Column(
                    self.tr("Policy"), lambda a: a.policy_hash[:12], tooltip=lambda a: a.policy_hash
                ),
                Column(self.tr("By"), lambda a: a.activated_by),
                Column(self.tr("Station"), lambda a: a.station),
                Column(self.tr("Note"), lambda a: a.note),
            ]
        )
        self.history = rows_view("policyHistoryTable", self.history_model)
        active.addWidget(self.history, 2)
        layout.addWidget(active_box, 3)

        # --- a new policy ----------------------------------------------------------------
        new_box = QGroupBox(self.tr("New policy"))
        new = QVBoxLayout(new_box)
        choose_row = QHBoxLayout()
        self.path_label = QLabel(self.tr("No file chosen."))
        self.path_label.setObjectName("candidatePath")
        self.path_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("choosePolicyButton")
        choose_row.addWidget(self.path_label, 1)
        choose_row.addWidget(self.choose_button)
        new.addLayout(choose_row)
        self.check = QLabel()
        self.check.setObjectName("candidateCheck")
        self.check.setWordWrap(True)
        new.addWidget(self.check)
        self.changes = QPlainTextEdit()
        self.changes.setObjectName("candidateChanges")
        self.changes.setReadOnly(True)
        new.addWidget(self.changes, 1)
        self.note = QLineEdit()
        self.note.setObjectName("activationNote")
        self.note.setPlaceholderText(self.tr("Why the policy changes (kept in its history)"))
        new.addWidget(self.note)
        self.activate_button = QPushButton(self.tr("Activate"))
        self.activate_button.setObjectName("activatePolicyButton")
        self.activate_button.setProperty("role", "primary")
        new.addWidget(self.activate_button)
        self.message = QLabel()
        self.message.setObjectName("policyMessage")
        self.message.setWordWrap(True)
        new.addWidget(self.message)
        layout.addWidget(new_box, 2)

        never_widen(self.active_label, self.path_label, self.check, self.message)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.activate_button.clicked.connect(self._on_activate_button_clicked)
        presenter.policy_activated.connect(self._on_presenter_policy_activated)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    def activated(self) -> None:
        self.presenter.refresh()

    def _on_choose_button_clicked(self) -> None:
        chosen = self.ask_open_path(self, self.tr("Choose a policy file"), str(documents_folder()))
        if chosen:
            self.presenter.choose_file(Path(chosen))

    def _on_activate_button_clicked(self) -> None:
        self.presenter.activate(self.note.text())

    def _on_presenter_policy_activated(self, _hash: str) -> None:
        self.note.clear()

    def _on_presenter_state_changed(self, state: PolicyState) -> None:
        current = state.active
        if current is None:
            self.active_label.setText("")
        elif current.activation is None:
            self.active_label.setText(
                self.tr(
                    "SHA-256 {hash}\nNo policy was activated yet: each station uses its "
                    "policy file; this is this station's."
                ).format(hash=current.hash)
            )
        else:
            a = current.activation
            text = self.tr("SHA-256 {hash}\nActivated by {user} at {station}, {when}.").format(
                hash=current.hash,
                user=a.activated_by,
                station=a.station,
                when=local_time(a.activated_at),
            )
            if not current.in_use_here:
                text += "\n" + self.tr(
                    "This station started with another policy; it uses this one from its next "
                    "start."
                )
            self.active_label.setText(text)
        if current is not None and self.text.toPlainText() != current.text:
            self.text.setPlainText(current.text)
        self.history_model.set_rows(state.history)

        self.path_label.setText(state.candidate_path or self.tr("No file chosen."))
        self._show_check(state)
        self.activate_button.setEnabled(state.candidate is not None and not state.busy)
        self.choose_button.setEnabled(not state.busy)
        show_message(self.message, state.error, state.message)

    def _show_check(self, state: PolicyState) -> None:
        if state.candidate_errors:
            self.check.setText("\n".join(state.candidate_errors))
            role = "error"
            self.changes.setPlainText("")
        elif state.candidate is not None:
            lines = [self.tr("Valid. SHA-256 {hash}…").format(hash=state.candidate.hash[:16])]
            self.check.setToolTip(state.candidate.hash)
            comparison = state.comparison
            if comparison is not None:
                lines.append(
                    self.tr("On the {cases} example cases, {changed} outcome(s) change.").format(
                        cases=comparison.cases, changed=len(comparison.changed)
                    )
                )
                self.changes.setPlainText("\n".join(describe_change(c) for c in comparison.changed))
            else:
                self.changes.setPlainText("")
            self.check.setText("\n".join(lines))
            role = "success"
        else:
            self.check.setText(self.tr("Checking…") if state.candidate_path and state.busy else "")
            self.changes.setPlainText("")
            role = "info"
        self.check.setProperty("role", role)
        self.check.style().unpolish(self.check)
        self.check.style().polish(self.check)
