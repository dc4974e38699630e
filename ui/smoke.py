"""The user interface's part of ``qc-station --smoke-test`` (see ``qc_station.smoke``).

Run offscreen, so it works on a build machine, in CI and on a station over remote access
alike: Qt's platform plugin, the Chinese translation, the Qt add-ons the station uses
(QtCharts, QtMultimedia), the shipped style sheet, icon and sounds, and the station window
built once on the smoke test's temporary database, with one database health check through
the task runner. In a frozen build each of these fails when a plugin, a module or a resource
was left out of the bundle, which is what this is for.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from qc_station.bootstrap import App
from qc_station.resources import resources_dir
from qc_station.smoke import SmokeFailure, SmokeRun

#: The string checked in the translation: the station window's title, the one string every
#: station shows. Context and source text as in ``MainWindow``.
TITLE_CONTEXT = "MainWindow"
TITLE_SOURCE = "Returns QC Station — {station}"
LANGUAGE = "zh_CN"
ICON_NAME = "qc-station"
#: How long the window's first database check may take on a slow, cold station.
HEALTH_TIMEOUT_S = 20.0


def run_ui_checks(run: SmokeRun, app: App) -> None:
    """Add the UI checks to ``run``; ``app`` is the core built on the temporary database."""
    holder: list[QApplication] = []
    if not run.check("qt offscreen", lambda: _qt(holder)):
        for name in (f"translation {LANGUAGE}", "qt addons", "resources", "main window"):
            run.not_run(name, "qt offscreen")
        return
    run.check(f"translation {LANGUAGE}", lambda: _translation(holder[0]))
    run.check("qt addons", _addons)
    run.check("resources", _resources)
    run.check("main window", lambda: _main_window(app))


def _qt(holder: list[QApplication]) -> str:
    # Forced, not defaulted: a station with a display must not flash a window at its users.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication(["qc-station"])
    from . import garbage
    from .binding_check import describe_losses, reference_losses

    losses = reference_losses()
    if losses:
        # The process would abort within hours: this installation must not go into service.
        raise RuntimeError(
            f"the Qt binding {PySide6.__version__} loses references: " + describe_losses(losses)
        )
    garbage.install(qapp)
    holder.append(qapp)
    return f"Qt {qVersion()} on {qapp.platformName()}"


def _translation(qapp: QApplication) -> str:
    """Ours and Qt's own, loaded as the station loads them for a Chinese-speaking site."""
    from .translations import install_translators, translations_dir

    installed = install_translators(qapp, LANGUAGE)
    files = [Path(t.filePath()).name for t in installed]
    ours = f"qc_station_{LANGUAGE}.qm"
    if ours not in files:
        raise SmokeFailure(f"{ours} did not load from {translations_dir()}")
    text = QCoreApplication.translate(TITLE_CONTEXT, TITLE_SOURCE)
    if text == TITLE_SOURCE or not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        raise SmokeFailure(f"{TITLE_SOURCE!r} is not translated (got {text!r})")
    qt_own = "with Qt's own" if len(files) > 1 else "without Qt's own (no qtbase_zh_CN.qm)"
    return f"({text.format(station='…')!r}, {qt_own})"


def _addons() -> str:
    """The PySide6-Addons modules the station uses load, with their native libraries."""
    from PySide6.QtCharts import QChart
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    QChart()
    QSoundEffect()
    outputs = len(QMediaDevices.audioOutputs())
    return f"QtCharts, QtMultimedia ({outputs} audio outputs)"


def _resources() -> str:
    """What a page or the application needs from ``resources/`` is in the bundle."""
    root = resources_dir()
    missing = [
        name
        for name in (
            "policy/default_policy.toml",
            "ui/style.qss",
            f"icons/{ICON_NAME}.svg",
            f"icons/{ICON_NAME}.png",
        )
        if not (root / name).is_file()
    ]
    sounds = sorted(p.name for p in (root / "sounds").glob("*.wav"))
    if not sounds:
        missing.append("sounds/*.wav")
    if missing:
        raise SmokeFailure(f"missing from {root}: {', '.join(missing)}")
    # The SVG goes through Qt's SVG image plugin, which the bundle must carry.
    icon = QIcon(str(root / "icons" / f"{ICON_NAME}.svg"))
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        raise SmokeFailure("the SVG icon does not render (Qt's svg image plugin missing?)")
    return f"policy, style sheet, icon, sounds ({', '.join(sounds)})"


def _main_window(app: App) -> str:
    from .app import style_sheet
    from .main_window import MainWindow
    from .session import Session
    from .sounds import Sounds
    from .tasks import TaskRunner

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    qapp.setStyleSheet(style_sheet())
    runner = TaskRunner()
    session = Session(app.ctx, app.config, runner, Sounds(silent=True), ports=app.ports)
    window = MainWindow(session)
    try:
        window.show()
        window.start()
        # The first health check runs on the database lane and reports back through the
        # event loop: wait for its answer as the station would.
        ok_text = QCoreApplication.translate(TITLE_CONTEXT, "Database: OK")
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while window.db_status.text() != ok_text and window.db_banner.isHidden():
            if time.monotonic() > deadline:
                raise SmokeFailure(f"no database health answer in {HEALTH_TIMEOUT_S:.0f} s")
            qapp.processEvents()
            time.sleep(0.01)
        if not window.db_banner.isHidden():
            raise SmokeFailure(f"the window reports: {window.db_banner.text()}")
        title = window.windowTitle()
    finally:
        window.close()
        runner.wait_idle()
        qapp.processEvents()
        window.deleteLater()
    return f"({title!r}, database OK)"
