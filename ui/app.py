"""The GUI entry point: ``run_gui(config)`` sets up logging, the application, translations and
the style sheet, shows the station window, and builds the core (``bootstrap.build``).

The window comes first. SQLAlchemy, the models, the database connection and the schema check
take most of a start; they run as the first job of the database lane while the window is
already on screen saying "Connecting to the database…". When the core is there the window
starts (first-run check, health check, heartbeat); when it cannot be built the crash dialog
says why and the station exits with status 2.

``start_station`` does all of that but the event loop, for the screenshot tests and the
start-up benchmark. The operator's preferences (``ui.preferences``) choose the language (over
the configured default), the sound volume and the camera; the window's geometry is restored
at start and saved at exit.

Unexpected exceptions anywhere on the GUI thread reach ``sys.excepthook``: they are logged with
the traceback and shown in the crash dialog with "copy details" and the log's location.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
import traceback
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication

import qc_station
from qc_station.config import Config
from qc_station.domain.errors import QcError
from qc_station.resources import resources_dir
from qc_station.services.print_queue import Printer
from qc_station.services.station_ports import FrameSource

from . import garbage
from .binding_check import describe_losses, reference_losses
from .camera.worker import CameraController
from .crash_dialog import CrashDialog
from .main_window import MainWindow
from .preferences import Preferences
from .session import Session
from .sounds import Sounds
from .tasks import TaskRunner
from .translations import install_translators

if TYPE_CHECKING:
    from qc_station.bootstrap import App

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
    window: MainWindow
    session: Session
    runner: TaskRunner
    preferences: Preferences
    translators: list[QTranslator]
    #: the core, once the database lane has built it (see the module's docstring)
    built: App | None = None
    #: why the core could not be built; the station then exits with status 2
    start_error: str | None = None

    def save_state(self) -> None:
        self.preferences.geometry = self.window.saveGeometry()
        self.preferences.sync()

    def close(self) -> None:
        self.save_state()
        self.runner.wait_idle()  # a build still running ends first
        if self.built is not None:
            self.built.close()


def start_station(config: Config, debug: bool = False, *, report_errors: bool = True) -> Station:
    """Everything up to the event loop: the window is shown, and the core is being built on
    the database lane; the window starts when it is there."""
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
            CrashDialog(summary, details, str(log_file or "")).exec()

    runner = TaskRunner()
    sounds = Sounds(volume=preferences.volume, muted=preferences.muted)
    session = Session(None, config, runner, sounds)

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
        session, log_path=str(log_file or ""), camera=camera, preferences=preferences
    )
    camera.setParent(window)
    window.resize(1366, 768)
    geometry = preferences.geometry
    if geometry is not None:
        window.restoreGeometry(geometry)
    window.show()
    station = Station(app, window, session, runner, preferences, translators)

    def build_core() -> App:
        # On the database lane: its later jobs (the first-run check, a sign-in typed in the
        # meantime) find the core attached, whatever the GUI thread has seen by then.
        from qc_station.bootstrap import build

        built = build(config, fallback_printer=qt_printer)
        station.built = built
        session.attach(built.ctx, built.ports)
        return built

    def core_built(_: object) -> None:
        window.start()
        log.info("Returns QC Station %s started at %s", qc_station.__version__, config.station)

    def core_failed(error: BaseException) -> None:
        summary = str(error) if isinstance(error, QcError) else f"{type(error).__name__}: {error}"
        details = "".join(traceback.format_exception(error))
        log.error("cannot start:\n%s", details)
        station.start_error = summary
        report(summary, "" if isinstance(error, QcError) else details)
        app.exit(2)

    # Every failure to build is reported, not only the expected ones: a station that cannot
    # start must say why.
    runner.run(build_core, core_built, core_failed, expected=(Exception,))
    # The sound player loads QtMultimedia (a fraction of a second): after the window is up.
    QTimer.singleShot(0, sounds.prepare)
    return station


def qt_printer() -> Printer:
    """The printer without CUPS (Windows): Qt print support, loaded when first printing."""
    from .printing.qt_printer import QtPrinter

    return QtPrinter()


def run_gui(config: Config, debug: bool = False) -> int:
    station = start_station(config, debug)
    window = station.window

    def excepthook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error:\n%s", details)
        window.show_crash(f"{kind.__name__}: {value}", details)

    previous_hook = sys.excepthook
    sys.excepthook = excepthook
    try:
        return station.app.exec()
    finally:
        sys.excepthook = previous_hook
        station.close()
