"""The station window: login, scan and inspection pages in a stack; a status bar with the
station, the signed-in user and the database's health; sign out; and the idle lock, which
shows the login page over the work without resetting it (SPEC §6: the inspection in progress
survives the lock and is there again when the same user signs back in).

The toolbar, status bar and banners are built in ``main_window_chrome.py``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from qc_station.services.users import UserView
from qc_station.services.views import DecisionView, RmaView

from . import main_window_chrome as chrome
from .camera.worker import CameraController
from .crash_dialog import CrashDialog
from .database_health import DatabaseHealth
from .idle import IdleWatcher
from .labels import headline_label
from .messages import describe
from .pages.inspection_page import InspectionPage
from .pages.login_page import LoginPage
from .pages.scan_page import ScanPage
from .pages.unexpected_return_page import UnexpectedReturnPage
from .preferences import Preferences
from .presenters.inspection_presenter import InspectionPresenter
from .presenters.login_presenter import LoginPresenter
from .presenters.scan_presenter import ScanPresenter
from .presenters.unexpected_return_presenter import UnexpectedReturnPresenter
from .scanner import ScanBurstFilter
from .session import Session
from .settings_dialog import SettingsDialog
from .station_link import StationLink
from .workspaces import Workspace, available_to

if TYPE_CHECKING:
    from .printing.print_center import PrintCenter

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        *,
        log_path: str = "",
        idle_event_source: QObject | None = None,
        camera: CameraController | None = None,
        preferences: Preferences | None = None,
        print_center: PrintCenter | None = None,
        login: tuple[LoginPresenter, LoginPage] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session
        self._print_center = print_center
        self.camera = camera  # the one webcam, shared by the scan and inspection pages
        self.preferences = preferences
        self._log_path = log_path
        self._locked_for: str | None = None
        self._page_before_lock: QWidget | None = None
        self._area_actions: list[QAction] = []
        self._area_pages: dict[str, QWidget] = {}
        #: How unexpected errors are shown; tests replace it.
        self.show_crash: Callable[[str, str], None] = self._show_crash_dialog
        self.setWindowTitle(
            self.tr("Returns QC Station — {station}").format(station=session.station)
        )

        # ``login``: the sign-in form shown before this window was built (ui/app.py), with
        # what was typed into it.
        self.login_presenter = login[0] if login else LoginPresenter(session, self)
        self.scan_presenter = ScanPresenter(session, self)
        self.inspection_presenter = InspectionPresenter(session, self)
        self.unexpected_presenter = UnexpectedReturnPresenter(session, self)

        self.login_page = login[1] if login else LoginPage(self.login_presenter, session.station)
        self.scan_page = ScanPage(self.scan_presenter, camera=camera)
        self.inspection_page = InspectionPage(
            self.inspection_presenter, language=session.config.language, camera=camera
        )
        self.unexpected_page = UnexpectedReturnPage(self.unexpected_presenter)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        for page in (
            self.login_page,
            self.scan_page,
            self.inspection_page,
            self.unexpected_page,
        ):
            self.pages.addWidget(page)
        self.pages.currentChanged.connect(self._on_pages_current_changed)

        chrome.build_central(self)  # the banners and the page stack
        chrome.build_toolbar(self)
        chrome.build_status_bar(self)

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

        chrome.build_counts(self)  # approvals waiting, failed prints
        if print_center is not None:
            chrome.watch_print_center(self, print_center)

        self.health = DatabaseHealth(session, self)
        self.health.healthy.connect(self._on_health_ok)
        self.health.unhealthy.connect(self._on_health_failed)
        self.station_link = StationLink(session, self)
        self.station_link.outbox_changed.connect(self._on_station_link_outbox_changed)
        self.station_link.policy_changed.connect(self._on_station_link_policy_changed)
        # An inspection on screen shows the outcome of the policy now in force: the one Enter
        # saves (a policy activated here or at another station).
        session.policy_changed.connect(self.inspection_presenter.refresh_decision)
        self.inspection_presenter.inspection_journalled.connect(
            self._on_inspection_presenter_inspection_journalled
        )

        self.login_presenter.user_signed_in.connect(self._on_login_presenter_user_signed_in)
        self.scan_presenter.unit_claimed.connect(self._on_scan_presenter_unit_claimed)
        self.scan_presenter.unexpected_return_requested.connect(
            self._on_scan_presenter_unexpected_return_requested
        )
        # A label reprinted from the scan page's last decisions goes the one print path.
        self.scan_presenter.reprint_requested.connect(
            lambda lpn: self.print_center.print_label(lpn)
        )
        self.unexpected_presenter.unit_claimed.connect(self._on_scan_presenter_unit_claimed)
        self.unexpected_presenter.cancelled.connect(self.show_scan)
        self.inspection_presenter.decision_submitted.connect(
            self._on_inspection_presenter_decision_submitted
        )
        self.inspection_presenter.unit_released.connect(self._on_inspection_presenter_unit_released)
        self.inspection_presenter.release_failed.connect(
            self._on_inspection_presenter_release_failed
        )
        self.inspection_page.inspection_left.connect(self.show_scan)
        session.runner.unexpected_error.connect(self._on_runner_unexpected_error)

        self.pages.setCurrentWidget(self.login_page)
        self._update_chrome()

    def start(self) -> None:
        """Begin: ask whether this is a first run, and start watching the database."""
        self.login_presenter.check_setup()
        self.health.start()
        self.station_link.start()  # heartbeat, and send what an earlier run kept

    # --- chrome --------------------------------------------------------------------------

    def _build_area_actions(self) -> None:
        self._clear_areas()
        user = self.session.user
        if user is None:
            return
        for workspace in available_to(user.role):
            title = workspace.translated_title()
            action = chrome.area_action(self, workspace.key, title, workspace.shortcut)
            action.triggered.connect(lambda _checked=False, w=workspace: self.show_area(w))
            self._area_actions.append(action)
        chrome.fit_areas(self)
        self.counts_presenter.refresh()
        self.counts_timer.start()

    def _clear_areas(self) -> None:
        """Forget the areas and their pages: what a supervisor had open is not left behind
        for the next user."""
        chrome.clear_area_actions(self, self._area_actions)
        for page in self._area_pages.values():
            self.pages.removeWidget(page)
            page.deleteLater()
        self._area_pages.clear()

    def area_page(self, key: str) -> QWidget | None:
        """The area's page if it has been opened (for tests and screenshots)."""
        return self._area_pages.get(key)

    @property
    def print_center(self) -> PrintCenter:
        """The window's one print center, made on first use and handed to the pages that
        print (the inspection's label, the approvals page, the print queue page)."""
        if self._print_center is None:
            from .printing.print_center import PrintCenter

            # A child of the session, not of the window: a print job still running when the
            # window closes reports to a print center that is still there.
            self._print_center = PrintCenter(self.session, parent=self.session)
            chrome.watch_print_center(self, self._print_center)
        return self._print_center

    def show_area(self, workspace: Workspace) -> None:
        page = self._area_pages.get(workspace.key)
        if page is None:
            page = workspace.build(self.session, self.pages, self.print_center)
            page.setObjectName(workspace.key)
            self.pages.addWidget(page)
            self._area_pages[workspace.key] = page
        self.pages.setCurrentWidget(page)
        chrome.mark_current_area(self)  # a second click on a checked area must not uncheck it
        activated = getattr(page, "activated", None)
        if callable(activated):
            activated()

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
                    name=user.full_name or user.username,
                    # The "Roles" strings of ui/presenters/users_presenter.py, translated.
                    role=QCoreApplication.translate("Roles", user.role.value),
                )
            )
        for action in (self.scan_action, self.lock_action, self.sign_out_action):
            action.setEnabled(signed_in)
        for action in self._area_actions:
            action.setEnabled(signed_in)

    # --- database health -----------------------------------------------------------------

    def _on_health_ok(self) -> None:
        if not self.db_banner.isHidden() or not self.outbox_banner.isHidden():
            self.station_link.replay()  # back after an outage: send what was kept
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

    # --- navigation ----------------------------------------------------------------------

    def show_scan(self) -> None:
        self.pages.setCurrentWidget(self.scan_page)
        chrome.mark_current_area(self)
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

    def leave_inspection(self) -> bool:
        """End the inspection in progress, if any, releasing its unit (SPEC §8): asks first
        when something was entered; False when the inspector chose to keep inspecting."""
        if not self.inspection_presenter.active:
            return True
        if not self.inspection_page.confirm_leave():
            return False
        self.inspection_page.stop_camera()
        self.inspection_presenter.release()
        return True

    def sign_out(self) -> None:
        self.idle.stop()
        self._locked_for = None
        self._page_before_lock = None
        # Signing out leaves no unit held by a station nobody works at.
        if self.inspection_presenter.active and self.session.user is not None:
            self.inspection_presenter.release()
        self.inspection_presenter.clear()
        self.scan_presenter.clear()
        self.session.sign_out()
        self._clear_areas()
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
        if restore is None:
            self._build_area_actions()
        self._locked_for = None
        self._page_before_lock = None
        self.login_page.reset_secrets()
        self.idle.start()
        self._update_chrome()
        if restore is self.inspection_page and self.inspection_presenter.active:
            self.pages.setCurrentWidget(self.inspection_page)
            self.inspection_page.focus_for_keys()
        elif restore is not None and restore in self._area_pages.values():
            self.pages.setCurrentWidget(restore)
        else:
            self.show_scan()

    def _on_scan_action_triggered(self) -> None:
        # F2 leaves the inspection as Esc does: never with its unit still claimed.
        if self.leave_inspection():
            self.show_scan()
        else:
            self.inspection_page.focus_for_keys()

    def _on_burst_filter_burst_scanned(self, code: str) -> None:
        if self.session.user is None or self._locked_for is not None:
            return
        state = self.inspection_presenter.state
        scanned = code.strip().upper()
        other_unit = state.rma is not None and scanned not in (state.lpn, state.rma.code)
        # Another parcel scanned mid-inspection: what was entered is not dropped unasked. The
        # unit is released when the new one is claimed (a failed scan keeps the inspection).
        if other_unit and not self.inspection_page.confirm_leave():
            return
        self.scan_presenter.submit_code(code)

    def _on_scan_presenter_unit_claimed(self, rma: RmaView, lpn: str) -> None:
        current = self.inspection_presenter.state.lpn
        if self.inspection_presenter.active and current != lpn:
            self.inspection_presenter.release()  # the unit on screen before this scan
        self.inspection_presenter.start(rma, lpn)
        self.pages.setCurrentWidget(self.inspection_page)
        self.inspection_page.focus_for_keys()

    def _on_inspection_presenter_decision_submitted(self, decision: DecisionView) -> None:
        text = f"{decision.lpn}: {headline_label(decision.final.headline)}"
        if decision.needs_approval:
            text += " " + self.tr("(waiting for a supervisor's approval)")
        self.scan_presenter.confirm_decision(text)
        self.show_scan()
        if not decision.needs_approval:
            # SPEC §2 step 6: the label prints on confirm (after approval, the approval page
            # prints it). Off the GUI thread; a printer problem lands in the print queue.
            self.print_center.print_label(decision.lpn)
        self.counts_presenter.refresh()  # one more waiting for approval, perhaps
        # Areas that show figures (the dashboard) refresh after each decision.
        for page in self._area_pages.values():
            changed = getattr(page, "decisions_changed", None)
            if callable(changed):
                changed()

    def _on_inspection_presenter_unit_released(self, lpn: str) -> None:
        if not self.inspection_presenter.active:
            self.scan_presenter.show_notice(
                self.tr("{lpn} released: not inspected, free for any station.").format(lpn=lpn)
            )

    def _on_inspection_presenter_release_failed(self, lpn: str, why: str) -> None:
        self.scan_presenter.show_error(
            self.tr("{lpn} may still be held by this station: {why}").format(lpn=lpn, why=why)
        )

    def _on_scan_presenter_unexpected_return_requested(self, code: str) -> None:
        self.unexpected_presenter.begin(code)
        self.pages.setCurrentWidget(self.unexpected_page)
        self.unexpected_page.focus_first()

    def _on_pages_current_changed(self, _index: int) -> None:
        """The camera runs only for the page on screen: leaving a page (for another page,
        the lock or a sign-out) stops it; the scan page starts it again if it was on."""
        chrome.mark_current_area(self)
        current = self.pages.currentWidget()
        if current is not self.inspection_page:
            self.inspection_page.stop_camera()
        if current is not self.scan_page:
            self.scan_page.stop_camera()
        else:
            self.scan_page.start_camera()

    def open_settings(self) -> None:
        if self.preferences is None:
            return
        # The camera picker previews the same webcam ("No picture" if held): the scan's rests.
        camera = self.scan_page.camera
        resting = self.pages.currentWidget() is self.scan_page and bool(camera and camera.running)
        if resting:
            self.scan_page.stop_camera()
        dialog = SettingsDialog(
            self.preferences,
            self.session.sounds,
            self.session.config.language,
            self,
            # The camera is chosen among the station's; before the core is built, not yet.
            ports=self.session.ports if self.session.attached else None,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if resting:
            dialog.finished.connect(self._on_settings_closed_camera_rested)
        dialog.open()

    def _on_settings_closed_camera_rested(self) -> None:
        if self.pages.currentWidget() is self.scan_page:
            self.scan_page.start_camera()

    def _on_idle_timed_out(self) -> None:
        self.lock()

    def _on_runner_unexpected_error(self, summary: str, details: str) -> None:
        self.show_crash(summary, details)

    def _show_crash_dialog(self, summary: str, details: str) -> None:
        dialog = CrashDialog(summary, details, self._log_path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_station_link_outbox_changed(self, waiting: int, refused: int, first: str) -> None:
        parts = []
        if waiting:
            parts.append(
                self.tr("{count} inspection(s) waiting to be sent; kept on this station.").format(
                    count=waiting
                )
            )
        if refused:
            parts.append(
                self.tr("{count} kept inspection(s) refused by the server — {first}").format(
                    count=refused, first=first
                )
            )
        self.outbox_banner.setText(" ".join(parts))
        self.outbox_banner.setVisible(bool(parts))

    def _on_station_link_policy_changed(self, policy_hash: str) -> None:
        self.statusBar().showMessage(
            self.tr("Policy {hash}, activated at another station, is now in force.").format(
                hash=policy_hash[:12]
            ),
            60_000,
        )

    def _on_inspection_presenter_inspection_journalled(self, _: object) -> None:
        self.scan_presenter.confirm_decision(
            self.tr("The database is unreachable: the inspection is kept on this station.")
        )
        self.station_link.refresh()
        self.show_scan()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.health.stop()
        self.station_link.stop()
        self.idle.stop()
        self.scan_page.stop_camera()
        self.inspection_page.stop_camera()
        if self._idle_source is not None:
            self._idle_source.removeEventFilter(self.idle)
        super().closeEvent(event)
