"""Translations of the interface (SPEC §8: English and 简体中文, Qt Linguist).

``resources/translations/qc_station_<lang>.ts`` is committed (translators edit it);
the ``.qm`` that Qt loads is built from it by ``lrelease``, never committed. It is built by
``scripts/dev.sh setup`` (through ``scripts/update_translations.py --release``), and again by
:func:`ensure_compiled` whenever the app starts or a test needs it and the ``.qm`` is missing
or older than its ``.ts``, so a fresh clone works either way. ``installer/`` builds them
before bundling, where no ``lrelease`` is at hand at run time.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from qc_station.resources import resources_dir

from .pseudo_locale import LANGUAGE as PSEUDO
from .pseudo_locale import PseudoTranslator

log = logging.getLogger(__name__)

DOMAIN = "qc_station"
LANGUAGES = ("zh_CN",)  # besides English, the source language


def translations_dir() -> Path:
    return resources_dir() / "translations"


def lrelease_command() -> list[str] | None:
    """How to run PySide6's ``lrelease``: the binary shipped inside the PySide6 package, or
    the ``pyside6-lrelease`` wrapper next to this Python."""
    import PySide6

    shipped = Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    if shipped.is_file():
        return [str(shipped)]
    wrapper = shutil.which("pyside6-lrelease") or shutil.which(
        "pyside6-lrelease", path=str(Path(sys.executable).parent)
    )
    return [wrapper] if wrapper else None


def ensure_compiled(folder: Path | None = None) -> list[Path]:
    """Build each ``.qm`` that is missing or older than its ``.ts``; returns the ``.qm`` files
    that exist afterwards. A failure is logged, not raised: the station then runs in English."""
    folder = folder or translations_dir()
    built: list[Path] = []
    for ts in sorted(folder.glob(f"{DOMAIN}_*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            command = lrelease_command()
            if command is None:
                log.warning("cannot build %s: lrelease is not installed", qm.name)
                continue
            # Built beside and renamed into place: two processes starting at once (parallel
            # tests) never load a half-written file.
            partial = qm.with_name(f"{qm.stem}.{os.getpid()}.qm.part")
            result = subprocess.run(
                [*command, "-silent", str(ts), "-qm", str(partial)],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0 or not partial.is_file():
                log.warning("lrelease failed for %s: %s", ts.name, result.stderr.strip())
                partial.unlink(missing_ok=True)
                continue
            os.replace(partial, qm)
            log.info("built %s", qm)
        built.append(qm)
    return built


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Qt's own strings (standard dialogs) and ours, when a translation exists for the
    language; returns the translators installed (the caller keeps them alive)."""
    if language == "en":
        return []
    if language == PSEUDO:
        # Every string marked (ui/pseudo_locale.py): a developer's check, no catalogue needed.
        pseudo = PseudoTranslator(app)
        app.installTranslator(pseudo)
        return [pseudo]
    ensure_compiled()
    locale = QLocale(language)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for name, folder in (("qtbase", qt_dir), (DOMAIN, str(translations_dir()))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.info("no %s translation for %s in %s", name, language, folder)
    return installed
