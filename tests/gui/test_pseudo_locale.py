"""The pseudo-locale run (issue 16, SPEC §8 "every word in the chosen language"): with every
catalogued string marked ``⟦…⟧`` (``ui/pseudo_locale.py``), a walk through every page and
state of the real station on demo data (``tests/gui/station_walk.py``) reads every visible
text and fails on any that is neither marked nor data (names, codes, product titles, numbers,
dates, money): such a text bypasses the translation catalogue and stays English in 简体中文.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from qc_station.config import Config
from qc_station.domain.policy import Policy
from tests.fakes import FakePrinter
from tests.gui.station_walk import (
    UNKNOWN_CODE,
    DemoCodes,
    Station,
    demo_codes,
    make_demo_database,
    top_level_widgets,
    walk,
)
from ui.pseudo_locale import CLOSE, OPEN, PseudoTranslator, mark, unmarked
from ui.translations import install_translators

pytestmark = [
    pytest.mark.slow,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

#: Rows read per list: enough to meet every kind of value a column shows.
ROWS = 60

# --- the translator ----------------------------------------------------------------------


def test_every_string_comes_out_marked_and_still_formats(qapp: QApplication) -> None:
    translator = PseudoTranslator()
    qapp.installTranslator(translator)
    try:
        text = QCoreApplication.translate("ScanPage", "Unit {lpn} is decided").format(lpn="L-1")
        # The value stays outside the marks: had it been English words, they would show.
        assert text == "⟦Unit ⟧L-1⟦ is decided⟧"
        plural = QCoreApplication.translate("Counts", "%n unit(s)", None, 3)
        assert plural == "3⟦ unit(s)⟧"
        # Qt's own strings are marked too (the standard buttons' words come from here).
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "⟦Cancel⟧"
    finally:
        qapp.removeTranslator(translator)


def test_unmarked_removes_nested_marked_spans() -> None:
    assert unmarked(f"{OPEN}Grade {mark('B')} for{CLOSE}").strip() == ""
    assert unmarked(mark("Label {code}").format(code="Label 7")) == " Label 7"
    assert unmarked(f"{mark('Refund')} 12.50 USD").strip() == "12.50 USD"
    assert OPEN not in unmarked(f"x {mark('a')} {CLOSE}")


# --- what counts as data -----------------------------------------------------------------

# The columns whose values people see as they are: names, codes, titles, free text people
# wrote. Never a column of internal codes (state, finding, resolution…): those must be worded.
DATA_COLUMNS = {
    "rmas": (
        "code",
        "order_id",
        "customer",
        "market",
        "currency",
        "carrier",
        "tracking",
        "source_name",
        "stated_reason",
    ),
    "rma_lines": ("sku", "product_name", "supplier"),
    "units": ("lpn", "claimed_station", "claimed_by"),
    "products": ("sku", "name", "supplier", "currency"),
    "inspections": ("inspector", "station", "serial", "notes"),
    "decisions": (
        "currency",
        "decided_by",
        "station",
        "approved_by",
        "approval_comment",
        "override_reason",
    ),
    "users": ("username", "full_name", "badge"),
    "stations": ("name", "host", "version"),
    "recovery_cases": ("party", "number", "opened_by"),
    "recovery_items": ("pull_reason",),
    "recovery_payments": ("note",),
    "disputes": ("opened_by", "evidence_note", "close_note"),
    "export_batches": ("id", "created_by"),
    "audit_events": ("actor", "station"),
    "policy_activations": ("activated_by", "note", "station"),
}


def data_values(config: Config, policy: Policy) -> set[str]:
    values: set[str] = set()
    with sqlite3.connect(config.data_path / "qc_station.sqlite3") as db:
        for table, columns in DATA_COLUMNS.items():
            for column in columns:
                for (value,) in db.execute(f"SELECT DISTINCT {column} FROM {table}"):
                    if value:
                        values.add(str(value))
    # The site's policy names its product categories and writes its checklist questions
    # (in English and Chinese): the site's own words, like product titles.
    for category, items in policy.checklists.items():
        values.add(category)
        for item in items:
            values.update(t for t in (item.text, item.text_zh) if t)
    # The policy file as the site wrote it (the policy tab shows it), the printers the
    # station finds, the schema revision of the database, what the walk itself typed.
    values.add(policy.source_text)
    values.update(FakePrinter().printers())
    with sqlite3.connect(config.data_path / "qc_station.sqlite3") as db:
        values.update(str(v) for (v,) in db.execute("SELECT version_num FROM alembic_version"))
    values.update({config.station, str(config.data_path), config.db_url, UNKNOWN_CODE})
    return {v.strip() for v in values if v.strip()}


#: Texts shown as they are in every language, on purpose.
SAME_IN_EVERY_LANGUAGE = {
    # Each language named in itself, so that anyone finds their own (the language boxes).
    "English": "an endonym",
    "简体中文": "an endonym",
    "A4": "a paper size's name",
    # The shape of an LPN, as a placeholder: codes are not translated.
    "RMA-2026-000123-1": "an example code",
}


# What may remain after the data: numbers, dates, times, money, percentages, sizes and
# durations after a number, function-key names, hashes and ids, file paths, single capital
# letters (the grade keys A–D and X), punctuation and symbols.
_NOT_WORDS = re.compile(
    r"""
      (?:[A-Za-z]:)?[/\\][^\s]+                             # a file path
    | \b[0-9a-f]{7,64}\b                                    # a hash or an id (hexadecimal)
    | \b(?:Ctrl|Shift|Alt)\+\w+                             # a key combination
    | \bF\d{1,2}\b                                          # a function key
    | \d[\d.,]*\s*(?:ms|s|min|h|KB|MB|GB|KiB|MiB|GiB|B|px)\b  # a size or a duration
    | \b[A-Z]\b                                             # a key cap, a grade
    """,
    re.VERBOSE,
)
_LETTER = re.compile(r"[^\W\d_]")


class DataFilter:
    """Removes the data from a text; what letters remain are words nobody translated."""

    def __init__(self, values: Iterable[str]) -> None:
        ordered = sorted(set(values), key=len, reverse=True)
        self._data = re.compile(
            "|".join(rf"(?<!\w){re.escape(v)}(?!\w)" for v in ordered), re.IGNORECASE
        )

    def leak(self, text: str) -> str:
        if text in SAME_IN_EVERY_LANGUAGE:
            return ""
        rest = unmarked(text).replace("&", "")  # "&" marks a mnemonic
        rest = self._data.sub(" ", rest)
        rest = _NOT_WORDS.sub(" ", rest)
        return " ".join(rest.split()) if _LETTER.search(rest) else ""


# --- what is visible ---------------------------------------------------------------------


_TAG = re.compile(r"<[A-Za-z/][^>]*>")


def _plain(text: str) -> str:
    if _TAG.search(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    header = getattr(view, "horizontalHeader", getattr(view, "header", None))
    if header is not None and header().isVisible():
        for section in range(model.columnCount(QModelIndex())):
            yield str(model.headerData(section, Qt.Orientation.Horizontal) or "")

    def rows(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), ROWS)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                yield str(model.data(index) or "")
                yield str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
            if depth < 2:
                yield from rows(model.index(row, 0, parent), depth + 1)

    yield from rows(QModelIndex(), 0)


def _chart_texts(view: QChartView) -> Iterator[str]:
    chart = view.chart()
    yield chart.title()
    for axis in chart.axes():
        yield axis.titleText()
        if isinstance(axis, QBarCategoryAxis):
            yield from axis.categories()
    for series in chart.series():
        yield series.name()
        for bar_set in getattr(series, "barSets", list)():
            yield bar_set.label()


def _texts_of(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    if isinstance(widget, QLabel):
        yield _plain(widget.text())
    elif isinstance(widget, QAbstractButton | QGroupBox):
        yield widget.text() if isinstance(widget, QAbstractButton) else widget.title()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield widget.tabText(index)
            yield widget.tabToolTip(index)
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
        yield widget.text()
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        yield widget.placeholderText()
        if widget.isReadOnly():
            yield widget.toPlainText()
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield widget.itemText(index)
    elif isinstance(widget, QChartView):
        yield from _chart_texts(widget)
    elif (
        isinstance(widget, QAbstractItemView)
        and not isinstance(widget, QHeaderView)  # its table's model: read there
        and widget.model() is not None
    ):
        yield from _model_texts(widget)
    if isinstance(widget, QToolBar):
        for action in widget.actions():
            if action.isVisible() and not action.isSeparator():
                yield action.text()
                yield action.toolTip()
    if isinstance(widget, QMainWindow):
        yield widget.statusBar().currentMessage()
    if widget.isWindow():
        yield widget.windowTitle()


def _name(widget: QWidget) -> str:
    """The widget's object name, else its class under its nearest named ancestor."""
    if widget.objectName():
        return widget.objectName()
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    owner = parent.objectName() if parent is not None else ""
    return f"{owner}>{type(widget).__name__}"


def visible_texts() -> Iterator[tuple[str, str]]:
    """(widget name, text) of every visible widget of every visible window."""
    for window in top_level_widgets():
        for widget in (window, *window.findChildren(QWidget)):
            if not widget.isVisible():
                continue
            for text in _texts_of(widget):
                if text and text.strip():
                    yield _name(widget), text


# --- the walk ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Config, DemoCodes]:
    config = make_demo_database(tmp_path_factory.mktemp("pseudo") / "data")
    return config, demo_codes(config)


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "pseudo")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    install_translators(qapp, "en")  # the display language back to English


def test_every_visible_text_is_marked_or_data(
    qtbot: QtBot, pseudo: None, demo: tuple[Config, DemoCodes], tmp_path: Path
) -> None:
    config, codes = demo
    station = Station(config, FakePrinter)
    allowed = DataFilter(data_values(config, station.app.ctx.policy))
    leaks: dict[tuple[str, str], str] = {}  # (widget, leftover) → the first state showing it
    states: list[str] = []

    def visit(state: str, _main: bool) -> None:
        states.append(state)
        for widget, text in visible_texts():
            leftover = allowed.leak(text)
            if leftover:
                leaks.setdefault((widget, text), state)

    try:
        walk(station, codes, visit)
    finally:
        station.close()
    # The walk went everywhere: each workspace, the inspection's states, the dialog.
    assert {"scan", "inspection/proposal", "inspection/override error", "settings"} <= set(states)
    report = "\n".join(f"{state}: {widget}: {text!r}" for (widget, text), state in leaks.items())
    assert not leaks, f"{len(leaks)} texts bypass the catalogue:\n{report}"
