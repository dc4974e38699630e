"""The dialog for unexpected errors (bugs, lost databases): what happened in one line, the
details to copy for a support ticket, and where the log is. Expected errors never come here;
they are shown inline."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    def __init__(
        self, summary: str, details: str, log_path: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The station hit an unexpected error. Your work so far is kept where possible.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        summary_label = QLabel(summary)
        summary_label.setObjectName("crashSummary")
        summary_label.setWordWrap(True)
        layout.addWidget(summary_label)
        if log_path:
            where = QLabel(self.tr("Log file: {path}").format(path=log_path))
            where.setObjectName("crashLogPath")
            where.setWordWrap(True)
            layout.addWidget(where)
        self.details = QPlainTextEdit(details)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setObjectName("copyDetailsButton")
        copy.clicked.connect(self._on_copy_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._text = f"{summary}\n\n{details}" + (f"\nlog: {log_path}" if log_path else "")

    def _on_copy_clicked(self) -> None:
        QApplication.clipboard().setText(self._text)
