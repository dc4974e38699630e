"""The station window: login, scan and inspection pages in a stack; a status bar with the
station, the signed-in user and the database's health; sign out; and the idle lock, which
shows the login page over the work without resetting it (SPEC §6: the inspection in progress
survives the lock and is there again when the same user signs back in)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from qc_station.services.users import UserView
from qc_station.services.views import DecisionView, RmaView

from .crash_dialog import CrashDialog
from .idle import IdleWatcher
from .labels import headline_label
from .messages import describe
from .pages.inspection_page import InspectionPage
from .pages.login_page import LoginPage
from .pages.scan_page import ScanPage
from .presenters.inspection_presenter import InspectionPresenter
from .presenters.login_presenter import LoginPresenter
from .presenters.scan_presenter import ScanPresenter
from .scanner import ScanBurstFilter
from .session import Session

log = logging.getLogger(__name__)

HEALTH_INTERVAL_MS = 30_000


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        *,
        log_path: str = "",
        idle_event_source: QObject | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session
        self._log_path = log_path
        self._locked_for: str | None = None
        self._page_before_lock: QWidget | None = None
        self._health_pending = False
        #: How unexpected errors are shown; tests replace it.
        self.show_crash: Callable[[str, str], None] = self._show_crash_dialog
        self.setWindowTitle(
            self.tr("Returns QC Station — {station}").format(station=session.station)
        )

        self.login_presenter = LoginPresenter(session, self)
        self.scan_presenter = ScanPresenter(session, self)
        self.inspection_presenter = InspectionPresenter(session, self)

        self.login_page = LoginPage(self.login_presenter, session.station)
        self.scan_page = ScanPage(self.scan_presenter)
        self.inspection_page = InspectionPage(
            self.inspection_presenter, language=session.config.language
        )
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        for page in (self.login_page, self.scan_page, self.inspection_page):
            self.pages.addWidget(page)

        self.db_banner = QLabel(self.tr("Database unreachable — work cannot be saved."))
        self.db_banner.setObjectName("dbBanner")
        self.db_banner.setWordWrap(True)
        self.db_banner.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.db_banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_toolbar()
        self._build_status_bar()

        # Scanner bursts are watched on the pages where a scan makes sense.
        self.burst_filter = ScanBurstFilter(self)
        self.burst_filter.watch(self.scan_page)
        self.inspection_page.install_scan_filter(self.burst_filter)
        self.burst_filter.burst_scanned.connect(self._on_burst_filter_burst_scanned)

        minutes = session.config.idle_lock_minutes
        self.idle = IdleWatcher(minutes * 60_000, self)
        source = idle_event_source if idle_event_source is not None else QCoreApplication.instance()
        self._idle_source = source
        if source is not None:
            source.installEventFilter(self.idle)
        self.idle.idle_timed_out.connect(self._on_idle_timed_out)

        self.health_timer = QTimer(self)
        self.health_timer.setInterval(HEALTH_INTERVAL_MS)
        self.health_timer.timeout.connect(self.check_database)

        self.login_presenter.user_signed_in.connect(self._on_login_presenter_user_signed_in)
        self.scan_presenter.unit_claimed.connect(self._on_scan_presenter_unit_claimed)
        self.inspection_presenter.decision_submitted.connect(
            self._on_inspection_presenter_decision_submitted
        )
        session.runner.unexpected_error.connect(self._on_runner_unexpected_error)

        self.pages.setCurrentWidget(self.login_page)
        self._update_chrome()

    def start(self) -> None:
        """Begin: ask whether this is a first run, and start watching the database."""
        self.login_presenter.check_setup()
        self.check_database()
        self.health_timer.start()

    # --- chrome --------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Station"))
        toolbar.setObjectName("stationToolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.scan_action = QAction(self.tr("Scan (F2)"), self)
        self.scan_action.setObjectName("scanAction")
        self.scan_action.setShortcut("F2")
        self.scan_action.triggered.connect(self._on_scan_action_triggered)
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action = QAction(self.tr("Sign out"), self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(self.sign_out)
        for action in (self.scan_action, self.lock_action, self.sign_out_action):
            toolbar.addAction(action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.station_status = QLabel(
            self.tr("Station {station}").format(station=self.session.station)
        )
        self.station_status.setObjectName("stationStatus")
        self.user_status = QLabel()
        self.user_status.setObjectName("userStatus")
        self.db_status = QLabel(self.tr("Database: checking…"))
        self.db_status.setObjectName("dbStatus")
        bar.addWidget(self.station_status)
        bar.addWidget(self.user_status, 1)
        bar.addPermanentWidget(self.db_status)

    def _update_chrome(self) -> None:
        user = self.session.user
        signed_in = user is not None and self._locked_for is None
        if user is None:
            self.user_status.setText(self.tr("Not signed in"))
        elif self._locked_for is not None:
            self.user_status.setText(
                self.tr("Locked for {name}").format(name=user.full_name or user.username)
            )
        else:
            self.user_status.setText(
                self.tr("{name} ({role})").format(
                    name=user.full_name or user.username, role=user.role.value
                )
            )
        for action in (self.scan_action, self.lock_action, self.sign_out_action):
            action.setEnabled(signed_in)

    # --- database health -----------------------------------------------------------------

    def check_database(self) -> None:
        """A cheap query on the database lane; the banner shows while it fails."""
        if self._health_pending:
            return
        ctx = self.session.ctx

        def ping() -> int:
            with ctx.uow() as uow:
                return uow.users.count()

        self._health_pending = True
        self.session.runner.run(
            ping,
            self._on_health_ok,
            self._on_health_failed,
            on_finished=self._on_health_finished,
            expected=(Exception,),  # an unreachable database is expected here, not a bug
        )

    def _on_health_ok(self, _: object) -> None:
        self.db_banner.hide()
        self.db_status.setText(self.tr("Database: OK"))
        self.db_status.setProperty("role", "")

    def _on_health_failed(self, error: BaseException) -> None:
        log.warning("database health check failed: %s", error)
        self.db_banner.setText(
            self.tr("Database unreachable — work cannot be saved. {detail}").format(
                detail=describe(error)
            )
        )
        self.db_banner.show()
        self.db_status.setText(self.tr("Database: unreachable"))

    def _on_health_finished(self) -> None:
        self._health_pending = False

    # --- navigation ----------------------------------------------------------------------

    def show_scan(self) -> None:
        self.pages.setCurrentWidget(self.scan_page)
        self.scan_page.focus_scan()

    def lock(self) -> None:
        """Show the login page over the work; nothing behind it is reset."""
        user = self.session.user
        if user is None or self._locked_for is not None:
            return
        self._locked_for = user.username
        self._page_before_lock = self.pages.currentWidget()
        self.idle.stop()
        self.login_page.prepare_for_lock(user.username)
        self.login_presenter.lock(user.username)
        self.pages.setCurrentWidget(self.login_page)
        self._update_chrome()
        log.info("station locked for %s", user.username)

    def sign_out(self) -> None:
        self.idle.stop()
        self._locked_for = None
        self._page_before_lock = None
        self.inspection_presenter.clear()
        self.scan_presenter.clear()
        self.session.sign_out()
        self.login_page.reset_secrets()
        self.login_presenter.show_badge(False)
        self.pages.setCurrentWidget(self.login_page)
        self._update_chrome()

    # --- slots ---------------------------------------------------------------------------

    def _on_login_presenter_user_signed_in(self, user: UserView) -> None:
        restore = self._page_before_lock if self._locked_for == user.username else None
        if self._locked_for is not None and restore is None:
            # Someone else took over a locked station: the previous work is not theirs. The
            # unit stays claimed by this station, so scanning it again continues it.
            self.inspection_presenter.clear()
            self.scan_presenter.clear()
        self._locked_for = None
        self._page_before_lock = None
        self.login_page.reset_secrets()
        self.idle.start()
        self._update_chrome()
        if restore is self.inspection_page and self.inspection_presenter.active:
            self.pages.setCurrentWidget(self.inspection_page)
            self.inspection_page.focus_for_keys()
        else:
            self.show_scan()

    def _on_scan_action_triggered(self) -> None:
        self.show_scan()

    def _on_burst_filter_burst_scanned(self, code: str) -> None:
        if self.session.user is not None and self._locked_for is None:
            self.scan_presenter.submit_code(code)

    def _on_scan_presenter_unit_claimed(self, rma: RmaView, lpn: str) -> None:
        self.inspection_presenter.start(rma, lpn)
        self.pages.setCurrentWidget(self.inspection_page)
        self.inspection_page.focus_for_keys()

    def _on_inspection_presenter_decision_submitted(self, decision: DecisionView) -> None:
        text = f"{decision.lpn}: {headline_label(decision.final.headline)}"
        if decision.needs_approval:
            text += " " + self.tr("(waiting for a supervisor's approval)")
        self.scan_presenter.confirm_decision(text)
        self.show_scan()

    def _on_idle_timed_out(self) -> None:
        self.lock()

    def _on_runner_unexpected_error(self, summary: str, details: str) -> None:
        self.show_crash(summary, details)

    def _show_crash_dialog(self, summary: str, details: str) -> None:
        dialog = CrashDialog(summary, details, self._log_path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.health_timer.stop()
        self.idle.stop()
        if self._idle_source is not None:
            self._idle_source.removeEventFilter(self.idle)
        super().closeEvent(event)
