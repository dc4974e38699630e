"""Starting the station window for real (offscreen, in a process of its own, as ``qc-station``
does): the sign-in form is on screen, focused, before the core is built; a sign-in typed into
it before the core is there happens when it is (issue 16); and a core that cannot be built is
reported and ends the station with status 2.

In a child process because a station that fails to start ends Qt's event loop for good,
which would break every later test of this process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

_CHILD = """
import json, os, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from qc_station.config import load_config
from ui.app import start_station

station = start_station(load_config(), report_errors=False)
login = station.login_presenter
seen = {"core_at_start": station.built is not None}
typing = os.environ.get("TYPE_AT_ONCE", "")

def painted():
    # The first paint: the form is on screen, the core still loading.
    seen["visible_at_start"] = station.login_page.isVisible()
    seen["focus_at_start"] = QApplication.focusWidget() is station.login_page.username
    seen["connecting_at_start"] = login.state.connecting
    if typing:
        # Typed at once, as fast as keys can come, into whatever has the focus.
        name, password = typing.split(":")
        for text in (name, password):
            QTest.keyClicks(QApplication.focusWidget(), text)
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        seen["core_when_typed"] = station.built is not None
        seen["queued"] = login.state.queued

def watch():
    if login.state.connecting or login.state.busy:
        QTimer.singleShot(10, watch)
        return
    seen["mode_after"] = login.state.mode.value
    seen["core_after"] = station.built is not None
    seen["same_ctx"] = station.built is not None and station.session.ctx is station.built.ctx
    user = station.session.user
    seen["signed_in"] = user.username if user is not None else None
    station.app.exit(0)

station.frame.first_painted.connect(painted)
QTimer.singleShot(0, watch)
code = station.app.exec()
seen["start_error"] = station.start_error
print(json.dumps(seen), flush=True)
station.close()
sys.exit(code)
"""


def _environment(tmp_path: Path, **env: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("QC_STATION_", "QT_QPA"))}
    base.update(
        {
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "QC_STATION_DATA_DIR": str(tmp_path / "data"),
            "QC_STATION_CONFIG": str(tmp_path / "none.toml"),
            "QC_STATION_NAME": "ST-START",
        }
    )
    base.update(env)
    return base


def _start(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _CHILD],
        cwd=ROOT,
        env=_environment(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _report(done: subprocess.CompletedProcess[str]) -> dict[str, object]:
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-3000:]
    report: dict[str, object] = json.loads(lines[-1])
    return report


def test_the_sign_in_form_shows_first_and_the_core_follows(tmp_path: Path) -> None:
    done = _start(tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = _report(done)
    assert seen["visible_at_start"] is True
    assert seen["focus_at_start"] is True
    assert seen["connecting_at_start"] is True  # "Connecting to the database…"
    assert seen["core_at_start"] is False
    assert seen["mode_after"] == "setup"  # a new database: create the first admin
    assert seen["core_after"] is True
    assert seen["same_ctx"] is True
    assert seen["start_error"] is None
    assert (tmp_path / "data" / "qc_station.sqlite3").is_file()


def test_a_sign_in_typed_before_the_core_is_there_happens(tmp_path: Path) -> None:
    added = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "users", "add", "ines", "--role", "admin"],
        cwd=ROOT,
        env=_environment(tmp_path, QC_STATION_NEW_PASSWORD="a-long-password"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert added.returncode == 0, added.stderr
    done = _start(tmp_path, TYPE_AT_ONCE="ines:a-long-password")
    assert done.returncode == 0, done.stderr[-3000:]
    seen = _report(done)
    assert seen["core_when_typed"] is False
    assert seen["queued"] is True
    assert seen["signed_in"] == "ines"


def test_a_core_that_cannot_be_built_is_reported_and_the_station_exits_2(tmp_path: Path) -> None:
    # The database's folder would be inside a file: SQLite cannot open it.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    done = _start(tmp_path, QC_STATION_DB=f"sqlite:///{blocker}/qc.db")
    assert done.returncode == 2, done.stderr[-3000:]
    seen = _report(done)
    assert seen["visible_at_start"] is True
    assert seen["core_at_start"] is False
    assert "mode_after" not in seen  # never got past "Connecting to the database…"
    assert seen["start_error"]
    log = (tmp_path / "data" / "logs").glob("*.log")
    assert any("cannot start" in p.read_text(encoding="utf-8") for p in log)
