"""The GUI entry point: ``run_gui(config)`` sets up logging, the application, translations and
the style sheet, builds the core (``bootstrap.build``), and shows the station window.

Unexpected exceptions anywhere on the GUI thread reach ``sys.excepthook``: they are logged with
the traceback and shown in the crash dialog with "copy details" and the log's location.
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import qc_station
from qc_station.bootstrap import build
from qc_station.config import Config
from qc_station.domain.errors import QcError
from qc_station.resources import resources_dir

from .crash_dialog import CrashDialog
from .main_window import MainWindow
from .qt_workarounds import protect_true_from_emit_leak
from .session import Session
from .sounds import Sounds
from .tasks import TaskRunner

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


def _install_translators(app: QApplication, language: str) -> None:
    """Qt's own strings (standard dialogs) and ours, when a ``.qm`` exists for the language."""
    if language == "en":
        return
    locale = QLocale(language)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(resources_dir() / "translations")
    for name, folder in (("qtbase", qt_dir), ("qc_station", ours)):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
        else:
            log.info("no %s translation for %s in %s", name, language, folder)


def run_gui(config: Config, debug: bool = False) -> int:
    log_file = _setup_logging(config, debug)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    protect_true_from_emit_leak()
    app.setApplicationName("Returns QC Station")
    app.setApplicationVersion(qc_station.__version__)
    app.setOrganizationName("qc-station")
    _install_translators(app, config.language)
    app.setStyleSheet(style_sheet())

    def report(summary: str, details: str) -> None:
        CrashDialog(summary, details, str(log_file or "")).exec()

    try:
        # Migrations are quick; everything after start-up goes through the task runner.
        built = build(config)
    except QcError as error:
        log.error("cannot start: %s", error)
        report(str(error), "")
        return 2
    except Exception as error:  # a start-up failure must be seen, not lost
        details = traceback.format_exc()
        log.error("cannot start:\n%s", details)
        report(f"{type(error).__name__}: {error}", details)
        return 2

    runner = TaskRunner()
    session = Session(built.ctx, config, runner, Sounds())
    window = MainWindow(session, log_path=str(log_file or ""))

    def excepthook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error:\n%s", details)
        window.show_crash(f"{kind.__name__}: {value}", details)

    previous_hook = sys.excepthook
    sys.excepthook = excepthook
    window.resize(1366, 768)
    window.show()
    window.start()
    log.info("Returns QC Station %s started at station %s", qc_station.__version__, config.station)
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        runner.wait_idle()
        built.close()
