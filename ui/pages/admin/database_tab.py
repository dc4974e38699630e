"""Administration → Database: the kind, where it is (password hidden), size and schema
revision, and "Back up now…" into a chosen file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...local_time import local_time
from ...presenters.database_presenter import DatabasePresenter, DatabaseState, human_size
from ...widgets.tables import documents_folder, never_widen, show_message

AskSavePath = Callable[[QWidget, str, str], str]


def _ask_save_path(parent: QWidget, title: str, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested)
    return path


class DatabaseTab(QWidget):
    def __init__(self, presenter: DatabasePresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseTab")
        self.presenter = presenter
        #: How the tab asks for the backup file; tests replace it.
        self.ask_save_path: AskSavePath = _ask_save_path
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("This station's database"))
        form = QFormLayout(box)
        self.kind = QLabel()
        self.kind.setObjectName("databaseKind")
        self.location = QLabel()
        self.location.setObjectName("databaseLocation")
        self.location.setWordWrap(True)
        self.size = QLabel()
        self.size.setObjectName("databaseSize")
        self.revision = QLabel()
        self.revision.setObjectName("databaseRevision")
        self.revision.setWordWrap(True)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Size"), self.size)
        form.addRow(self.tr("Schema revision"), self.revision)
        layout.addWidget(box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.backup_button = QPushButton(self.tr("Back up now…"))
        self.backup_button.setObjectName("backupButton")
        self.backup_button.setProperty("role", "primary")
        buttons.addWidget(self.backup_button)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("databaseMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        note = QLabel(
            self.tr(
                "Restoring a backup replaces the database under every station: stop them "
                "all, then run “qc-station restore FILE” on the command line."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)

        never_widen(self.location, self.revision, self.message)
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        presenter.state_changed.connect(self._on_presenter_state_changed)
        self._on_presenter_state_changed(presenter.state)

    def activated(self) -> None:
        self.presenter.refresh()

    def _on_backup_button_clicked(self) -> None:
        name = self.presenter.default_backup_name(datetime.now().strftime("%Y%m%d-%H%M"))
        chosen = self.ask_save_path(
            self, self.tr("Back up the database"), str(documents_folder() / name)
        )
        if chosen:
            self.presenter.back_up(Path(chosen))

    def _on_presenter_state_changed(self, state: DatabaseState) -> None:
        info = state.info
        kinds = {"sqlite": self.tr("SQLite (this computer)"), "postgresql": self.tr("PostgreSQL")}
        self.kind.setText(kinds.get(info.kind, info.kind) if info else "")
        self.location.setText(info.location if info else "")
        self.size.setText(human_size(info.size_bytes) if info else "")
        self.revision.setText((info.revision or self.tr("empty")) if info else "")
        self.backup_button.setEnabled(not state.busy and info is not None)
        extra = ""
        if state.last_backup is not None and not state.error:
            extra = self.tr("Last backup here: {when}.").format(
                when=local_time(state.last_backup.at)
            )
        message = f"{state.message} {extra}".strip() if state.message else ""
        show_message(self.message, state.error, message)
