"""The screen gallery (issue 16): every page of the station in its main state at 1366×768, in
English and in 简体中文, on the demo data, saved to ``docs/screens/`` with ``docs/screens.md``
listing them.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screens.py
    .venv/bin/python scripts/screens.py --languages pseudo --out /tmp/screens   # marked words

It walks the real station window exactly as the pseudo-locale test does
(``tests/gui/station_walk.py``: a demo database on a real SQLite file, the real services, a
fake printer, no camera), with the station's style sheet, and grabs the whole X screen (so a
dialog shows over its window) in each page's main state. Under Xvfb the fonts are the
system's, as on a station; without a display it falls back to Qt's offscreen platform, whose
pictures show the window alone.

A page the walk reaches that has no line in ``PAGES`` stops the script: each picture in the
gallery says what its page is for.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY") and "QT_QPA_PLATFORM" not in os.environ:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.fakes import FakePrinter  # noqa: E402
from tests.gui.station_walk import (  # noqa: E402
    SCREEN,
    Station,
    demo_codes,
    make_demo_database,
    walk,
)
from ui.app import style_sheet  # noqa: E402
from ui.translations import install_translators  # noqa: E402

#: Each main state of the walk: its file name and what the page is for (one line).
PAGES: dict[str, tuple[str, str]] = {
    "login": ("login", "Sign in with user name and password, or a badge and PIN."),
    "scan": ("scan", "Scan an RMA barcode or a unit label (or type it) to start an inspection."),
    "scan/decided RMA": (
        "scan-decided",
        "A scanned RMA whose units are decided: the RMA's facts and why nothing opens.",
    ),
    "unexpected return": (
        "unexpected-return",
        "A parcel with no RMA: record what is in it, then inspect it (F8 on the scan page).",
    ),
    "inspection/proposal": (
        "inspection",
        "Grade, finding, checklist and photos; the live decision and what it needs (Enter).",
    ),
    "printQueueArea": (
        "print-queue",
        "Labels and reports no printer has taken yet, with why; retry, discard, preview, reprint.",
    ),
    "print preview/previewReportButton": (
        "print-preview",
        "A document before it is printed or saved as PDF (here the inspection report).",
    ),
    "settings": (
        "settings",
        "The station's language, sound volume and mute, camera and unboxing video.",
    ),
    "approvalsArea": (
        "approvals",
        "Decisions waiting for a supervisor: the evidence, then approve or send back.",
    ),
    "deadlinesArea/deadlineTable": ("deadlines", "Refunds due and overdue, soonest first."),
    "deadlinesArea/1": ("disputes", "Open disputes: evidence to send, and by when."),
    "deadlinesArea/2": ("claims", "Carrier claims and supplier chargebacks to file."),
    "deadlinesArea/3": ("reopen", "Reopen a decided unit for a second inspection, with a reason."),
    "historyArea": (
        "history",
        "A unit's whole story by RMA, LPN, order, tracking, SKU or customer.",
    ),
    "dashboardArea": (
        "dashboard",
        "Return rates per SKU, carrier damage, refunds, deadlines, reasons and inspectors.",
    ),
    "financeArea": ("finance", "Export decided refunds for the finance system, once each."),
    "recoveryArea": (
        "recovery",
        "Money to recover from carriers and suppliers: cases, items, payments.",
    ),
    "adminArea/usersTab": ("admin-users", "Users: add, change role, password, badge, deactivate."),
    "adminArea/printersTab": ("admin-printers", "The station's label and document printers."),
    "adminArea/policyTab": (
        "admin-policy",
        "The return policy: check a new file against example cases, activate it.",
    ),
    "adminArea/databaseTab": ("admin-database", "The database: kind, size, revision, backup."),
    "stationsArea": ("stations", "The stations, their last sign of life and the units they hold."),
}

LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文", "pseudo": "pseudo locale"}


def save_png(image: QImage, path: Path) -> None:
    """Smallest lossless PNG Qt writes (quality 0: the strongest compression)."""
    if not image.save(str(path), "PNG", 0):
        raise OSError(f"cannot write {path}")


def shoot(app: QApplication, language: str, out: Path, work: Path) -> list[tuple[str, Path]]:
    translators = install_translators(app, language)
    app.setStyleSheet(style_sheet())
    # The station's language picks the policy's own words too (the checklist's text_zh).
    config = dataclasses.replace(make_demo_database(work / language / "data"), language=language)
    station = Station(config, FakePrinter)
    shots: list[tuple[str, Path]] = []

    def visit(state: str, main: bool) -> None:
        if not main:
            return
        if state not in PAGES:
            raise SystemExit(f"add a line for {state!r} to PAGES in {__file__}")
        name, _purpose = PAGES[state]
        path = out / f"{name}.{language}.png"
        screen = station.window.screen()
        if app.platformName() == "offscreen":
            image = station.window.grab().toImage()
        else:
            image = screen.grabWindow(0, 0, 0, *SCREEN).toImage()
        save_png(image, path)
        shots.append((state, path))

    try:
        walk(station, demo_codes(config), visit)
    finally:
        station.close()
        for translator in translators:
            app.removeTranslator(translator)
    return shots


def write_index(
    index: Path, languages: list[str], shots: dict[str, list[tuple[str, Path]]]
) -> None:
    lines = [
        "# Screens",
        "",
        "Every page of the station in its main state at 1366×768, on the demo data "
        f"(`qc-station demo`), in {' and '.join(LANGUAGE_NAMES[lang] for lang in languages)}. "
        "Made by `scripts/screens.py` (run it again after changing a screen):",
        "",
        '    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screens.py',
        "",
    ]
    taken = {state for state, _path in shots[languages[0]]}
    for state, (name, purpose) in PAGES.items():
        if state not in taken:
            continue
        pictures = " · ".join(
            f"[{LANGUAGE_NAMES[lang]}](screens/{name}.{lang}.png)" for lang in languages
        )
        lines.append(f"- **{name}** — {purpose} {pictures}")
    lines += [
        "",
        "## Checking the words: the pseudo locale",
        "",
        "`QC_STATION_LANGUAGE=pseudo` (or `--languages pseudo` here) marks every string of the "
        "translation catalogue `⟦…⟧`, leaving the values formatted into it unmarked: any word "
        "on screen outside the marks bypasses the catalogue and would stay English in 简体中文. "
        "`tests/gui/test_pseudo_locale.py` walks the same pages and states as this gallery "
        "(`tests/gui/station_walk.py`) and fails on any such text that is not data (names, "
        "codes, product titles, numbers, dates, money).",
    ]
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    parser.add_argument("--languages", nargs="+", default=["en", "zh_CN"])
    parser.add_argument("--index", type=Path, default=ROOT / "docs" / "screens.md")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        if re.search(r"\.(" + "|".join(map(re.escape, args.languages)) + r")\.png$", old.name):
            old.unlink()
    shots: dict[str, list[tuple[str, Path]]] = {}
    with tempfile.TemporaryDirectory(prefix="qc-screens-") as work:
        for language in args.languages:
            shots[language] = shoot(app, language, args.out, Path(work))
    if args.out == ROOT / "docs" / "screens":
        write_index(args.index, args.languages, shots)
    total = sum(p.stat().st_size for found in shots.values() for _s, p in found)
    print(f"{sum(map(len, shots.values()))} screens, {total / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
