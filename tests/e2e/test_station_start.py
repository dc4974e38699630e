"""Starting the station window for real (offscreen, in a process of its own, as ``qc-station``
does): the window is on screen before the core is built, the sign-in form follows when it is,
and a core that cannot be built is reported and ends the station with status 2.

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
import json, sys
from PySide6.QtCore import QTimer
from qc_station.config import load_config
from ui.app import start_station

station = start_station(load_config(), report_errors=False)
window, login = station.window, station.window.login_presenter
seen = {
    # What the first turn of the event loop finds: the window up, the core still loading.
    "visible_at_start": window.isVisible(),
    "mode_at_start": login.state.mode.value,
    "core_at_start": station.built is not None,
}

def watch():
    if login.state.mode.value == "checking":
        QTimer.singleShot(10, watch)
        return
    seen["mode_after"] = login.state.mode.value
    seen["core_after"] = station.built is not None
    seen["same_ctx"] = station.built is not None and station.session.ctx is station.built.ctx
    station.app.exit(0)

QTimer.singleShot(0, watch)
code = station.app.exec()
seen["start_error"] = station.start_error
print(json.dumps(seen), flush=True)
station.close()
sys.exit(code)
"""


def _start(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
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
    return subprocess.run(
        [sys.executable, "-c", _CHILD],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _report(done: subprocess.CompletedProcess[str]) -> dict[str, object]:
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-3000:]
    report: dict[str, object] = json.loads(lines[-1])
    return report


def test_the_window_shows_first_and_the_sign_in_form_follows_the_core(tmp_path: Path) -> None:
    done = _start(tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = _report(done)
    assert seen["visible_at_start"] is True
    assert seen["mode_at_start"] == "checking"  # "Connecting to the database…"
    assert seen["core_at_start"] is False
    assert seen["mode_after"] == "setup"  # a new database: create the first admin
    assert seen["core_after"] is True
    assert seen["same_ctx"] is True
    assert seen["start_error"] is None
    assert (tmp_path / "data" / "qc_station.sqlite3").is_file()


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
