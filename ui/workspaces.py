"""The work areas beyond scanning and inspecting (approvals, finance, dashboard,
administration…), each shown to the roles allowed to use it.

One table: the window builds a toolbar button per area the signed-in user's role may open,
and builds the area's page (with its presenter) the first time it is opened. A page that
defines ``activated()`` has it called each time it is shown, to refresh what it shows; the
services still check every action, the table only decides what is offered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from qc_station.domain.enums import Role
from qc_station.services.permissions import Action, roles_for

from .session import Session

if TYPE_CHECKING:
    from .printing.print_center import PrintCenter

PageFactory = Callable[[Session, QWidget, "PrintCenter"], QWidget]
"""Builds an area's page and its presenter: the session, the page's parent and the window's
print center (for the pages that print) in, the page out."""


@dataclass(frozen=True)
class Workspace:
    key: str  # the page's object name and the toolbar action's, "<key>Action"
    title: str  # QT_TRANSLATE_NOOP("Workspaces", "…"): translated when shown
    roles: frozenset[Role]
    shortcut: str
    build: PageFactory

    def translated_title(self) -> str:
        return QCoreApplication.translate("Workspaces", self.title)


SUPERVISORS = frozenset({Role.SUPERVISOR, Role.ADMIN})
ADMINS = frozenset({Role.ADMIN})
EVERYONE = frozenset(Role)


def _finance_page(session: Session, parent: QWidget, printing: PrintCenter) -> QWidget:
    from .pages.finance_page import FinancePage
    from .presenters.finance_presenter import FinancePresenter

    page = FinancePage(FinancePresenter(session), parent)
    page.presenter.setParent(page)
    return page


def _admin_page(session: Session, parent: QWidget, printing: PrintCenter) -> QWidget:
    from .pages.admin import AdminPage

    return AdminPage(session, parent)


def _approvals_page(session: Session, parent: QWidget, printing: PrintCenter) -> QWidget:
    from .pages.approvals_page import ApprovalsPage
    from .presenters.approvals_presenter import ApprovalsPresenter

    page = ApprovalsPage(ApprovalsPresenter(session), session.config.language, parent)
    page.presenter.setParent(page)
    # SPEC §9: a decision that needed approval gets its label when it is approved.
    page.presenter.decision_approved.connect(lambda decision: printing.print_label(decision.lpn))
    return page


def _deadlines_page(session: Session, parent: QWidget, printing: PrintCenter) -> QWidget:
    from .pages.deadlines_page import DeadlinesPage
    from .presenters.deadlines_presenter import DeadlinesPresenter

    page = DeadlinesPage(DeadlinesPresenter(session), parent)
    page.presenter.setParent(page)
    return page


def _history_page(session: Session, parent: QWidget, printing: PrintCenter) -> QWidget:
    from .pages.history_page import HistoryPage
    from .presenters.history_presenter import HistoryPresenter

    page = HistoryPage(HistoryPresenter(session), parent)
    page.presenter.setParent(page)
    return page


def _dashboard_page(session: Session, parent: QWidget, printing: PrintCenter) -> QWidget:
    from .pages.dashboard_page import DashboardPage
    from .presenters.dashboard_presenter import DashboardPresenter

    page = DashboardPage(DashboardPresenter(session), parent)
    page.presenter.setParent(page)
    return page


def _stations_page(session: Session, parent: QWidget, printing: PrintCenter) -> QWidget:
    from .pages.stations_page import StationsPage
    from .presenters.stations_presenter import StationsPresenter

    page = StationsPage(StationsPresenter(session), parent)
    page.presenter.setParent(page)
    return page


def _recovery_page(session: Session, parent: QWidget, printing: PrintCenter) -> QWidget:
    from .pages.recovery_page import RecoveryPage
    from .presenters.recovery_presenter import RecoveryPresenter

    page = RecoveryPage(RecoveryPresenter(session), parent)
    page.presenter.setParent(page)
    return page


def _print_queue_page(session: Session, parent: QWidget, printing: PrintCenter) -> QWidget:
    from .printing.queue_page import build_print_queue_page

    return build_print_queue_page(printing, parent)


# Areas add themselves here, in toolbar order. Import inside the factory so that a station
# that never opens an area does not pay for loading it.
WORKSPACES: tuple[Workspace, ...] = (
    Workspace(
        "approvalsArea",
        QT_TRANSLATE_NOOP("Workspaces", "Approvals"),
        roles_for(Action.APPROVE),
        "F5",
        _approvals_page,
    ),
    Workspace(
        "deadlinesArea",
        # "&&": the title is an action's text, where a single "&" marks a mnemonic.
        QT_TRANSLATE_NOOP("Workspaces", "Deadlines && disputes"),
        roles_for(Action.FOLLOW_UP),
        # Not F6/F7: the inspection page takes those for the webcam and a photo.
        "F3",
        _deadlines_page,
    ),
    # Whoever may read the audit trail of a unit (the service's FOLLOW_UP check).
    Workspace(
        "historyArea",
        QT_TRANSLATE_NOOP("Workspaces", "Unit history"),
        roles_for(Action.FOLLOW_UP),
        # Ctrl+F: "find"; F4 and F8 belong to the scan page (camera, unexpected return).
        "Ctrl+F",
        _history_page,
    ),
    Workspace(
        "dashboardArea",
        QT_TRANSLATE_NOOP("Workspaces", "Dashboard"),
        roles_for(Action.VIEW_DASHBOARD),
        "Ctrl+D",
        _dashboard_page,
    ),
    # Who may export is the permission table's answer (finance staff are supervisors).
    Workspace(
        "financeArea",
        QT_TRANSLATE_NOOP("Workspaces", "Finance"),
        roles_for(Action.EXPORT_FINANCE),
        "F9",
        _finance_page,
    ),
    # No shortcut: the function keys are taken, and Ctrl+R means refresh to most people.
    Workspace(
        "recoveryArea",
        QT_TRANSLATE_NOOP("Workspaces", "Recovery"),
        roles_for(Action.MANAGE_RECOVERY),
        "",
        _recovery_page,
    ),
    Workspace(
        "adminArea",
        QT_TRANSLATE_NOOP("Workspaces", "Administration"),
        ADMINS,
        "F10",
        _admin_page,
    ),
    Workspace(
        "stationsArea",
        QT_TRANSLATE_NOOP("Workspaces", "Stations"),
        roles_for(Action.RELEASE_CLAIM),
        "F12",
        _stations_page,
    ),
    # Every role: whoever stands at the station sees what did not print and retries it.
    Workspace(
        "printQueueArea",
        QT_TRANSLATE_NOOP("Workspaces", "Print queue"),
        EVERYONE,
        "F11",
        _print_queue_page,
    ),
)


def available_to(role: Role) -> tuple[Workspace, ...]:
    return tuple(w for w in WORKSPACES if role in w.roles)
