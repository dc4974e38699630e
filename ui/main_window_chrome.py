"""The station window's chrome around its pages: the toolbar (Scan, the role's areas, Lock,
Sign out, Settings), the status bar (station, user, database) and the banners over the pages
(database unreachable, inspections kept during an outage). Each builder takes the window and
sets its widgets and actions on it; the window keeps them up to date.

The strings here are the window's: ``_tr`` translates them in the ``MainWindow`` context, the
one ``MainWindow.tr`` uses.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolBar, QVBoxLayout, QWidget

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


def build_toolbar(window: MainWindowLike) -> None:
    """The station toolbar; the role's areas are added at ``areas_anchor`` on sign-in."""
    toolbar = QToolBar(_tr("Station"))
    toolbar.setObjectName("stationToolbar")
    toolbar.setMovable(False)
    window.addToolBar(toolbar)
    window.scan_action = QAction(_tr("Scan (F2)"), window)
    window.scan_action.setObjectName("scanAction")
    window.scan_action.setShortcut("F2")
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
    # The areas the signed-in user's role may open go between Scan and Lock.
    window.areas_anchor = toolbar.addSeparator()
    toolbar.addSeparator()
    for action in (window.lock_action, window.sign_out_action):
        toolbar.addAction(action)
    toolbar.addAction(window.settings_action)
    window.toolbar = toolbar


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
