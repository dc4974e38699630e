"""The GUI entry point: ``run_gui(config)`` sets up logging, the application, translations and
the style sheet, shows the sign-in form, then builds the station window and the core
(``bootstrap.build``).

**The sign-in form comes first** (issue 16: start-up within twice a bare Qt window). At start
only Qt, the configuration, the preferences, the translations and the sign-in form are
loaded; the one top-level window (``ui.station_frame``) shows that form, focused, and takes
keys at once. When it has been painted, two things start:

- the core is built as the first job of the database lane (SQLAlchemy, the models, the
  database connection, the schema check: most of a start);
- on the GUI thread, the station window (``MainWindow``: its pages, presenters and the
  services they import) is built and put into the same top-level window, taking over the
  sign-in form with what was typed into it.

When the core is there the window starts (first-run check, health check, heartbeat); a
sign-in typed before that waits for it (``LoginPresenter``), none is lost. When the core
cannot be built the crash dialog says why and the station exits with status 2.

``start_station`` does all of that but the event loop, for the screenshot tests and the
start-up benchmark. The operator's preferences (``ui.preferences``) choose the language (over
the configured default), the sound volume and the camera; the window's geometry is restored
at start and saved at exit.

Unexpected exceptions anywhere on the GUI thread reach ``sys.excepthook``: they are logged with
the traceback and shown in the crash dialog with "copy details" and the log's location.

Modules imported inside functions here are so on purpose: they are not needed to show the
sign-in form, and importing them first would delay it.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

import qc_station
from qc_station.config import Config
from qc_station.resources import resources_dir

from . import garbage
from .binding_check import describe_losses, reference_losses
from .pages.login_page import LoginPage
from .preferences import Preferences
from .presenters.login_presenter import LoginPresenter
from .session import Session
from .sounds import Sounds
from .station_frame import StationFrame
from .tasks import TaskRunner
from .translations import install_translators

if TYPE_CHECKING:
    from qc_station.bootstrap import App
    from qc_station.services.print_queue import Printer

    from .main_window import MainWindow

log = logging.getLogger(__name__)


def style_sheet() -> str:
    path = resources_dir() / "ui" / "style.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("style sheet %s not found; using Qt's default look", path)
        return ""


def _setup_logging(config: Config, debug: bool) -> Path | None:
    level = logging.DEBUG if debug else logging.INFO
    root = logging.getLogger()
    root.setLevel(level)
    log_file: Path | None = config.data_path / "logs" / "qc-station.log"
    try:
        assert log_file is not None
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            log_file, maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8"
        )
    except OSError:
        log_file = None
        handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(handler)  # the command line already logs to the console
    return log_file


@dataclass
class Station:
    """The running station: what ``run_gui`` (or a screenshot test) drives and closes."""

    app: QApplication
    #: the one top-level window: the sign-in form at first, then the station window in it
    frame: StationFrame
    session: Session
    runner: TaskRunner
    preferences: Preferences
    translators: list[QTranslator]
    login_presenter: LoginPresenter
    login_page: LoginPage
    #: builds the station window (once); run when the form has been painted, or when
    #: :attr:`window` is asked for first
    build_window: Callable[[], MainWindow] = field(repr=False)
    #: the core, once the database lane has built it (see the module's docstring)
    built: App | None = None
    #: why the core could not be built; the station then exits with status 2
    start_error: str | None = None

    @property
    def window(self) -> MainWindow:
        """The station window, built now if it is not yet."""
        return self.build_window()

    def save_state(self) -> None:
        self.preferences.geometry = self.frame.saveGeometry()
        self.preferences.sync()

    def close(self) -> None:
        self.save_state()
        self.runner.wait_idle()  # a build still running ends first
        if self.built is not None:
            self.built.close()


def start_station(config: Config, debug: bool = False, *, report_errors: bool = True) -> Station:
    """Everything up to the event loop: the sign-in form is shown; once it is painted, the
    core is built on the database lane and the station window on the GUI thread; the window
    starts when the core is there."""
    log_file = _setup_logging(config, debug)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    losses = reference_losses()
    if losses:
        # pyproject.toml pins a sound binding; this one was put in by hand. It will abort
        # once None's count reaches zero: say so where support looks first.
        log.critical("this Qt binding loses references and will crash: %s", describe_losses(losses))
    # Cycles holding Qt objects must die on this thread, never on a worker (ui/garbage.py).
    garbage.install(app)
    app.setApplicationName("Returns QC Station")
    app.setApplicationVersion(qc_station.__version__)
    app.setOrganizationName("qc-station")
    preferences = Preferences.for_config(config)
    # One language for the whole run: the operator's choice, else the configured default.
    config = dataclasses.replace(config, language=preferences.effective_language(config.language))
    translators = install_translators(app, config.language)
    app.setStyleSheet(style_sheet())

    def report(summary: str, details: str) -> None:
        if report_errors:
            from .crash_dialog import CrashDialog

            CrashDialog(summary, details, str(log_file or "")).exec()

    runner = TaskRunner()
    sounds = Sounds(volume=preferences.volume, muted=preferences.muted)
    session = Session(None, config, runner, sounds)
    login_presenter = LoginPresenter(session)
    login_page = LoginPage(login_presenter, session.station)
    frame = StationFrame(
        login_page,
        QCoreApplication.translate("MainWindow", "Returns QC Station — {station}").format(
            station=session.station
        ),
    )
    login_presenter.setParent(frame)
    frame.resize(1366, 768)
    geometry = preferences.geometry
    if geometry is not None:
        frame.restoreGeometry(geometry)
    frame.show()
    frame.activateWindow()
    login_page.focus_first()

    window: list[MainWindow] = []

    def build_window() -> MainWindow:
        if window:
            return window[0]
        # Building the window takes the sign-in form into its page stack, and with it the
        # keyboard focus: it is handed back (StationFrame.embed).
        focused = QApplication.focusWidget()
        main = _station_window(
            session, preferences, str(log_file or ""), login_presenter, login_page
        )
        window.append(main)
        frame.embed(main, focused)
        return main

    station = Station(
        app,
        frame,
        session,
        runner,
        preferences,
        translators,
        login_presenter,
        login_page,
        build_window,
    )

    def build_core() -> App:
        # On the database lane: its later jobs (the first-run check, a sign-in typed in the
        # meantime) find the core attached, whatever the GUI thread has seen by then.
        from qc_station.bootstrap import build

        built = build(config, fallback_printer=qt_printer)
        station.built = built
        session.attach(built.ctx, built.ports)
        return built

    def core_built(_: object) -> None:
        station.window.start()
        log.info("Returns QC Station %s started at %s", qc_station.__version__, config.station)

    def core_failed(error: BaseException) -> None:
        from qc_station.domain.errors import QcError

        summary = str(error) if isinstance(error, QcError) else f"{type(error).__name__}: {error}"
        details = "".join(traceback.format_exception(error))
        log.error("cannot start:\n%s", details)
        station.start_error = summary
        report(summary, "" if isinstance(error, QcError) else details)
        app.exit(2)

    def form_painted() -> None:
        # The window first, then the core: both are mostly imports, and two threads
        # importing at once under one GIL take longer than one after the other.
        build_window()
        # Every failure to build is reported, not only the expected ones: a station that
        # cannot start must say why.
        runner.run(build_core, core_built, core_failed, expected=(Exception,))
        # The sound player loads QtMultimedia (a fraction of a second): after the window.
        QTimer.singleShot(0, sounds.prepare)

    # After the paint, not inside it: the form reaches the screen when the paint returns.
    frame.first_painted.connect(
        lambda: QTimer.singleShot(0, form_painted), type=Qt.ConnectionType.SingleShotConnection
    )
    return station


def _station_window(
    session: Session,
    preferences: Preferences,
    log_path: str,
    login_presenter: LoginPresenter,
    login_page: LoginPage,
) -> MainWindow:
    """The station window with its camera, around the sign-in form already on screen."""
    from qc_station.services.station_ports import FrameSource

    from .camera.worker import CameraController
    from .main_window import MainWindow

    def open_source() -> FrameSource:
        # Read at each start, so a camera chosen in Settings is used the next time it is on.
        # On the camera thread: OpenCV loads only when a camera is opened.
        return session.ports.open_camera(preferences.camera_source)

    camera = CameraController(
        open_source,
        decode=lambda frame: session.ports.decode_frame(frame),
        new_debouncer=lambda: session.ports.new_debouncer(),
    )
    window = MainWindow(
        session,
        log_path=log_path,
        camera=camera,
        preferences=preferences,
        login=(login_presenter, login_page),
    )
    camera.setParent(window)
    return window


def qt_printer() -> Printer:
    """The printer without CUPS (Windows): Qt print support, loaded when first printing."""
    from .printing.qt_printer import QtPrinter

    return QtPrinter()


def run_gui(config: Config, debug: bool = False) -> int:
    station = start_station(config, debug)

    def excepthook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error:\n%s", details)
        station.window.show_crash(f"{kind.__name__}: {value}", details)

    previous_hook = sys.excepthook
    sys.excepthook = excepthook
    try:
        return station.app.exec()
    finally:
        sys.excepthook = previous_hook
        station.close()
