"""The Administration work area (SPEC §8 "Admin"), for admins: tabs for users, printers, the
return policy and the database. Each tab is a thin page over its own presenter; the page
refreshes the tab shown when the area is opened and when another tab is chosen. The services
check the admin role on every action, whatever the window offers."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...presenters.database_presenter import DatabasePresenter
from ...presenters.policy_presenter import PolicyPresenter
from ...presenters.printers_presenter import PrintersPresenter
from ...presenters.users_presenter import UsersPresenter
from ...session import Session
from .database_tab import DatabaseTab
from .policy_tab import PolicyTab
from .printers_tab import PrintersTab
from .users_tab import UsersTab

__all__ = ["AdminPage", "DatabaseTab", "PolicyTab", "PrintersTab", "UsersTab"]


class AdminPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self.users = UsersTab(UsersPresenter(session, self))
        self.printers = PrintersTab(PrintersPresenter(session, self))
        self.policy = PolicyTab(PolicyPresenter(session, self))
        self.database = DatabaseTab(DatabasePresenter(session, self))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.tabs.addTab(self.users, self.tr("Users"))
        self.tabs.addTab(self.printers, self.tr("Printers"))
        self.tabs.addTab(self.policy, self.tr("Policy"))
        self.tabs.addTab(self.database, self.tr("Database"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def activated(self) -> None:
        """The area is shown: refresh the tab in front."""
        self._refresh(self.tabs.currentWidget())

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._refresh(self.tabs.currentWidget())

    @staticmethod
    def _refresh(tab: QWidget) -> None:
        activated = getattr(tab, "activated", None)
        if callable(activated):
            activated()
