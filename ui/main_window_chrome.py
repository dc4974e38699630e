"""The station window's chrome around its pages: the toolbar (Scan, the role's areas with the
one on screen checked and their counts, "More" for the rest; Lock, Sign out, Settings on the
right: everything fits 1366 px in every language), the status bar (station, user, database)
and the banners over the pages (database unreachable, inspections kept during an outage).
Each builder takes the window and sets its widgets and actions on it; the window keeps them
up to date.

The strings here are the window's: ``_tr`` translates them in the ``MainWindow`` context, the
one ``MainWindow.tr`` uses.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .presenters.base import for_receiver

# The window the builders fill (MainWindow; not imported: that would be an import cycle).
MainWindowLike = Any

_CONTEXT = "MainWindow"


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def build_central(window: MainWindowLike) -> None:
    """The banners above the page stack, and the stack."""
    window.db_banner = QLabel(_tr("Database unreachable — work cannot be saved."))
    window.db_banner.setObjectName("dbBanner")
    window.db_banner.setWordWrap(True)
    window.db_banner.hide()
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(8, 4, 8, 4)
    layout.addWidget(window.db_banner)
    # Inspections kept on this station during an outage (services/outbox.py).
    window.outbox_banner = QLabel()
    window.outbox_banner.setObjectName("outboxBanner")
    window.outbox_banner.setWordWrap(True)
    window.outbox_banner.hide()
    layout.addWidget(window.outbox_banner)
    layout.addWidget(window.pages, 1)
    window.setCentralWidget(central)


#: Areas opened rarely (set-up, the odd release or recovery): under "More" from the start,
#: so the daily ones have room. Any area past the toolbar's width goes there as well.
RARE_AREAS = frozenset({"recoveryArea", "adminArea", "stationsArea"})


def build_toolbar(window: MainWindowLike) -> None:
    """The station toolbar: Scan and the role's areas on the left (the one on screen checked),
    the session's actions on the right. The areas are added on sign-in (``fill_areas``)."""
    toolbar = QToolBar(_tr("Station"))
    toolbar.setObjectName("stationToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.addToolBar(toolbar)
    window.area_group = QActionGroup(window)
    window.area_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
    window.scan_action = QAction(_tr("Scan"), window)
    window.scan_action.setObjectName("scanAction")
    window.scan_action.setShortcut("F2")
    window.scan_action.setToolTip(_tr("Scan (F2)"))
    window.scan_action.setCheckable(True)
    window.area_group.addAction(window.scan_action)
    window.scan_action.triggered.connect(window._on_scan_action_triggered)
    window.lock_action = QAction(_tr("Lock"), window)
    window.lock_action.setObjectName("lockAction")
    window.lock_action.triggered.connect(window.lock)
    window.sign_out_action = QAction(_tr("Sign out"), window)
    window.sign_out_action.setObjectName("signOutAction")
    window.sign_out_action.triggered.connect(window.sign_out)
    window.settings_action = QAction(_tr("Settings"), window)
    window.settings_action.setObjectName("settingsAction")
    window.settings_action.setEnabled(window.preferences is not None)
    window.settings_action.triggered.connect(window.open_settings)
    toolbar.addAction(window.scan_action)
    # The areas the signed-in user's role may open go between Scan and "More".
    window.areas_anchor = toolbar.addSeparator()
    window.more_menu = QMenu(window)
    window.more_menu.setObjectName("moreAreasMenu")
    window.more_button = QToolButton()
    window.more_button.setObjectName("moreAreasButton")
    window.more_button.setText(_tr("More"))
    window.more_button.setToolTip(_tr("The other work areas"))
    window.more_button.setMenu(window.more_menu)
    window.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    window.more_action = toolbar.addWidget(window.more_button)
    window.more_action.setVisible(False)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    for action in (window.lock_action, window.sign_out_action, window.settings_action):
        toolbar.addAction(action)
    window.toolbar = toolbar
    window.area_titles = {}
    toolbar.installEventFilter(_Refit(window, toolbar))


class _Refit(QObject):
    """Fits the areas again when the toolbar changes width."""

    def __init__(self, window: MainWindowLike, parent: QObject) -> None:
        super().__init__(parent)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            fit_areas(self._window)
        return False


def area_action(window: MainWindowLike, key: str, title: str, shortcut: str) -> QAction:
    """The checkable action that opens an area; the shortcut is in its tooltip, not its
    text (the toolbar must fit 1366 px in every language)."""
    action = QAction(title, window)
    action.setObjectName(f"{key}Action")
    action.setCheckable(True)
    if shortcut:
        action.setShortcut(shortcut)
        action.setToolTip(_tr("{title} ({shortcut})").format(title=title, shortcut=shortcut))
    window.area_group.addAction(action)
    window.area_titles[action] = title
    return action


def fit_areas(window: MainWindowLike) -> None:
    """The daily areas on the toolbar, in order, as many as fit its width; the rare ones and
    those that do not fit in the "More" menu. Nothing ever goes behind Qt's "»"."""
    toolbar, menu = window.toolbar, window.more_menu
    actions = list(window.area_titles)
    for action in actions:
        toolbar.removeAction(action)
        menu.removeAction(action)
    direct = [a for a in actions if a.objectName()[: -len("Action")] not in RARE_AREAS]
    rest = [a for a in actions if a not in direct]
    for action in direct:
        toolbar.insertAction(window.areas_anchor, action)
    window.more_action.setVisible(bool(rest))
    room = toolbar.width() if toolbar.isVisible() else window.width()
    while direct and toolbar.sizeHint().width() > room:
        action = direct.pop()
        toolbar.removeAction(action)
        rest.insert(0, action)
        window.more_action.setVisible(True)
    for action in rest:
        menu.addAction(action)
    window.more_action.setVisible(bool(rest))


def show_counts(window: MainWindowLike, approvals: int | None, failed_prints: int) -> None:
    """The counts beside the areas they concern: decisions waiting for approval, print jobs
    that did not print. In words, so the number is never just a colour or a badge."""
    for action, title in window.area_titles.items():
        key = action.objectName()
        text = title
        if key == "approvalsAreaAction" and approvals:
            text = _tr("{title} ({count} waiting)").format(
                title=title, count=approvals if approvals < 100 else "99+"
            )
        elif key == "printQueueAreaAction" and failed_prints:
            text = _tr("{title} ({count} failed)").format(title=title, count=failed_prints)
        if action.text() != text:
            action.setText(text)


def build_status_bar(window: MainWindowLike) -> None:
    """Station, signed-in user and database health."""
    bar = window.statusBar()
    window.station_status = QLabel(_tr("Station {station}").format(station=window.session.station))
    window.station_status.setObjectName("stationStatus")
    window.user_status = QLabel()
    window.user_status.setObjectName("userStatus")
    window.db_status = QLabel(_tr("Database: checking…"))
    window.db_status.setObjectName("dbStatus")
    bar.addWidget(window.station_status)
    bar.addWidget(window.user_status, 1)
    bar.addPermanentWidget(window.db_status)


#: The toolbar's counts (approvals waiting, failed prints) are read again this often, and at
#: once after a decision or a print outcome at this station.
COUNTS_INTERVAL_MS = 30_000


def clear_area_actions(window: MainWindowLike, actions: list[QAction]) -> None:
    """Signed out: the areas' actions and their counts go (the list is emptied)."""
    window.counts_timer.stop()
    window.counts_presenter.clear()
    for action in actions:
        window.toolbar.removeAction(action)
        window.more_menu.removeAction(action)
        window.area_group.removeAction(action)
        window.area_titles.pop(action, None)
        action.deleteLater()
    actions.clear()
    window.more_action.setVisible(False)


def build_counts(window: MainWindowLike, interval_ms: int = COUNTS_INTERVAL_MS) -> None:
    """The presenter of the toolbar's counts and the timer that refreshes them."""
    from .presenters.toolbar_counts_presenter import ToolbarCounts, ToolbarCountsPresenter

    window.counts_presenter = ToolbarCountsPresenter(window.session, window)

    def shown(counts: ToolbarCounts) -> None:
        show_counts(window, counts.approvals_waiting, counts.failed_prints)
        fit_areas(window)  # the words changed width

    window.counts_presenter.state_changed.connect(shown)
    window.counts_timer = QTimer(window)
    window.counts_timer.setInterval(interval_ms)
    window.counts_timer.timeout.connect(window.counts_presenter.refresh)


def mark_current_area(window: MainWindowLike) -> None:
    """Check the toolbar action of the area on screen: Scan for the scanning pages (scan,
    inspection, unexpected return), the area's own action for an area, none on the login
    page."""
    current = window.pages.currentWidget()
    action: QAction | None = None
    if current in (window.scan_page, window.inspection_page, window.unexpected_page):
        action = window.scan_action
    else:
        for key, page in window._area_pages.items():
            if page is current:
                action = window.findChild(QAction, f"{key}Action")
    if action is not None:
        action.setChecked(True)
    elif window.area_group.checkedAction() is not None:
        window.area_group.checkedAction().setChecked(False)
    # An area opened from "More" is named on it, so the current area always shows.
    inside = action is not None and action in window.more_menu.actions()
    window.more_button.setCheckable(True)
    window.more_button.setChecked(inside)
    window.more_button.setText(
        _tr("More: {area}").format(area=action.text()) if inside and action else _tr("More")
    )


def watch_print_center(window: MainWindowLike, center: QObject) -> None:
    """A print outcome moves the toolbar's count of failed prints, and a job that did not
    print is said on the scan page, where the inspector is (issue 16: a label that failed
    used to wait in the print queue unannounced), with what to do about it."""
    refresh = window.counts_presenter.refresh
    center.job_printed.connect(refresh)
    center.job_failed.connect(refresh)
    center.jobs_loaded.connect(refresh)

    def failed(_title: str, text: str) -> None:
        window.scan_presenter.show_error(
            text
            + " "
            + _tr(
                "Retry it from the Print queue (F11); the printers are chosen under "
                "Administration → Printers."
            )
        )

    # The print center outlives the window (it is the session's): once the window is gone,
    # the message is for nobody.
    center.job_failed.connect(for_receiver(window.scan_presenter, failed))
