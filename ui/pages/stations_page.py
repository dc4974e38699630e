"""The stations page: one row per station (online or not, host, version, last seen) with
the units it holds beneath it (who, since when, stale or not), and "Release claim" for the
selected unit, with a reason and a confirmation. Times are shown in the station's local
time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..presenters.stations_presenter import StationsPresenter, StationsState

_LPN_ROLE = Qt.ItemDataRole.UserRole


def _local(at: datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if at else "—"


class StationsPage(QWidget):
    def __init__(self, presenter: StationsPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Stations and the units they hold"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        self.tree = QTreeWidget()
        self.tree.setObjectName("stationsTree")
        self.tree.setHeaderLabels(
            [
                self.tr("Station / unit"),
                self.tr("Status / user"),
                self.tr("Host"),
                self.tr("Last seen / since"),
                self.tr("Version"),
            ]
        )
        self.tree.setRootIsDecorated(True)
        layout.addWidget(self.tree, 1)

        row = QHBoxLayout()
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("releaseReasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Reason for releasing the claim"))
        row.addWidget(self.reason_edit, 1)
        self.release_button = QPushButton(self.tr("Release claim"))
        self.release_button.setObjectName("releaseClaimButton")
        self.release_button.setMinimumHeight(48)
        row.addWidget(self.release_button)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshStationsButton")
        self.refresh_button.setMinimumHeight(48)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("stationsMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.release_button.clicked.connect(self._on_release_button_clicked)
        self.refresh_button.clicked.connect(self.presenter.refresh)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.reason_edit.textChanged.connect(self._update_buttons)
        presenter.state_changed.connect(self._render)
        self._render(presenter.state)

    def activated(self) -> None:
        self.presenter.refresh()

    def ask(self, question: str) -> bool:
        """Confirmation before releasing; tests replace it."""
        answer = QMessageBox.question(self, self.tr("Release claim"), question)
        return answer == QMessageBox.StandardButton.Yes

    def selected_lpn(self) -> str:
        items = self.tree.selectedItems()
        value = items[0].data(0, _LPN_ROLE) if items else None
        return str(value) if value else ""

    def _on_release_button_clicked(self) -> None:
        lpn, reason = self.selected_lpn(), self.reason_edit.text().strip()
        if not lpn or not reason:
            return
        question = self.tr(
            "Release the claim on {lpn}? The station holding it loses it; its inspection "
            "there cannot be submitted until it scans the unit again."
        ).format(lpn=lpn)
        if self.ask(question):
            self.presenter.release(lpn, reason)
            self.reason_edit.clear()

    def _render(self, state: StationsState) -> None:
        selected = self.selected_lpn()
        self.tree.clear()
        for station in state.stations:
            status = self.tr("online") if station.online else self.tr("offline")
            top = QTreeWidgetItem(
                [station.name, status, station.host, _local(station.last_seen), station.version]
            )
            top.setData(1, Qt.ItemDataRole.AccessibleTextRole, status)
            self.tree.addTopLevelItem(top)
            for claim in station.claims:
                user = claim.user + (" — " + self.tr("stale") if claim.stale else "")
                child = QTreeWidgetItem([claim.lpn, user, "", _local(claim.since), ""])
                child.setData(0, _LPN_ROLE, claim.lpn)
                top.addChild(child)
                if claim.lpn == selected:
                    child.setSelected(True)
            top.setExpanded(True)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self.message.setText(state.error or state.notice)
        self.message.setProperty("role", "error" if state.error else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.presenter.state.busy
        self.release_button.setEnabled(
            not busy and bool(self.selected_lpn()) and bool(self.reason_edit.text().strip())
        )
        self.refresh_button.setEnabled(not busy)
