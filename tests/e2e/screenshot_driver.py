"""Drives the real station window under a real X display (Xvfb) for the screenshot tests:
``python -m tests.e2e.screenshot_driver OUT_DIR DECIDED_CODE OPEN_CODE``, with the station's
data folder, name and language in the environment (``QC_STATION_*``).

It starts the station exactly as ``qc-station`` does (``ui.app.start_station``), signs in the
demo inspector through the login page, scans a code whose units are decided (the scan page
shows the RMA and the red message), then a code with a unit to inspect (the inspection page),
and saves what the X screen shows, plus a JSON of texts the test checks."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QTest

from qc_station.config import load_config
from qc_station.demo import DEMO_PASSWORD
from ui.app import start_station


def wait_for(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the station did not get there in time")
        QTest.qWait(20)


def main(out: Path, decided_code: str, open_code: str) -> int:
    station = start_station(load_config(), report_errors=False)
    window = station.window
    window.move(0, 0)
    login = window.login_page
    wait_for(lambda: login.username.isVisible() and login.username.isEnabled())
    login.username.setText("demo-inspector")
    login.password.setText(DEMO_PASSWORD)
    login.sign_in_button.click()
    wait_for(lambda: window.pages.currentWidget() is window.scan_page)
    wait_for(lambda: window.db_status.text() != window.tr("Database: checking…"))

    scan = window.scan_page
    scan.scan_edit.setText(decided_code)
    scan.scan_edit.returnPressed.emit()
    wait_for(lambda: not window.scan_presenter.state.busy and scan.rma_panel.isVisible())
    QTest.qWait(300)  # let the X server draw
    screen = window.screen()
    screen.grabWindow(0).save(str(out / "scan.png"))
    texts = {
        "title": window.windowTitle(),
        "scan_title": scan.findChild(type(scan.message), "pageTitle").text(),
        "scan_message": scan.message.text(),
        "rma_code": scan.rma_panel.code_label.text(),
        "window_size": [window.width(), window.height()],
    }

    scan.scan_edit.setText(open_code)
    scan.scan_edit.returnPressed.emit()
    wait_for(lambda: window.pages.currentWidget() is window.inspection_page)
    page = window.inspection_page
    QTest.keyClick(page, "2")  # grade B, as an inspector would
    QTest.qWait(300)
    screen.grabWindow(0).save(str(out / "inspection.png"))
    texts["submit"] = page.submit_button.text()
    texts["headline"] = page.headline.text()
    (out / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    window.close()
    station.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
