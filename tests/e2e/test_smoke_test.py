"""``qc-station --smoke-test`` run from source: through the ``qc-station`` launcher (core and
UI checks), through ``python -m qc_station`` (core only), and with a check made to fail.
The frozen build runs the same command in ``test_frozen_build.py``."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from qc_station import smoke
from qc_station.bootstrap import App
from tests.e2e.conftest import Run

ROOT = Path(__file__).resolve().parents[2]

CORE_CHECKS = ("database", "users", "import", "decision", "label", "audit", "postgres driver")
UI_CHECKS = ("qt offscreen", "translation zh_CN", "qt addons", "resources", "main window")


def run_smoke(
    module: str, station_env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, "--smoke-test"],
        cwd=cwd,
        env={**station_env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )


def checked(out: str) -> dict[str, str]:
    """Check name → "ok" or "FAIL", from the one line each check prints."""
    results = {}
    for line in out.splitlines():
        for status in ("ok", "FAIL"):
            if line.startswith(f"{status} "):
                name = line.removeprefix(f"{status} ")
                for known in CORE_CHECKS + UI_CHECKS:
                    if name == known or name.startswith((f"{known} ", f"{known}:")):
                        results[known] = status
    return results


def test_the_launcher_checks_core_and_ui(station_env: dict[str, str], tmp_path: Path) -> None:
    result = run_smoke("ui.launcher", station_env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert checked(result.stdout) == dict.fromkeys(CORE_CHECKS + UI_CHECKS, "ok")
    assert "ok decision RESTOCK" in result.stdout
    assert f"ok label decoded {smoke.LPN}" in result.stdout
    assert result.stdout.rstrip().endswith(
        f"smoke test passed ({len(checked(result.stdout))} checks)"
    )
    # A throwaway database in the temp folder: the station's own data folder is not made.
    assert not Path(station_env["QC_STATION_DATA_DIR"]).exists()


def test_python_m_qc_station_checks_the_core_only(
    station_env: dict[str, str], tmp_path: Path
) -> None:
    result = run_smoke("qc_station", station_env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert checked(result.stdout) == dict.fromkeys(CORE_CHECKS, "ok")
    assert "the user interface is checked when started as qc-station" in result.stdout


def test_a_command_with_smoke_test_is_refused(qc: Run) -> None:
    refused = qc("--smoke-test", "audit", "verify")
    assert refused.code == 2
    assert "--smoke-test takes no command" in refused.err


def test_a_failed_check_is_reported_and_fails_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """A label that renders blank (a broken renderer or a font missing from the bundle)
    fails the label check; the other checks still run and the exit status is 1."""
    monkeypatch.setattr(
        smoke, "rasterise_first_page", lambda pdf, dpi: np.full((600, 400), 255, np.uint8)
    )
    ui_seen: list[App] = []

    def no_display() -> str:
        raise RuntimeError("no display")

    def ui_check(run: smoke.SmokeRun, app: App) -> None:
        ui_seen.append(app)
        run.check("ui stand-in", no_display)

    out = io.StringIO()
    assert smoke.run_smoke_test(out, ui_check) == 1
    text = out.getvalue()
    assert f"FAIL label: the rendered label decoded as nothing, not {smoke.LPN}" in text
    assert "ok audit " in text and "ok decision RESTOCK" in text
    assert "FAIL ui stand-in: RuntimeError: no display" in text
    assert text.rstrip().endswith("smoke test FAILED: label, ui stand-in")
    assert len(ui_seen) == 1  # the UI checks got the core built on the temporary database


def test_checks_after_a_failed_database_are_reported_not_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken_build(config: object) -> App:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(smoke, "build", broken_build)
    out = io.StringIO()
    assert smoke.run_smoke_test(out, lambda run, app: None) == 1
    text = out.getvalue()
    assert "FAIL database: OSError: [Errno 28] No space left on device" in text
    for name in ("users", "import", "decision", "label", "audit"):
        assert f"FAIL {name}: not run (database failed)" in text
    assert "FAIL ui: not run (database failed)" in text
    assert "ok postgres driver" in text


def test_the_smoke_test_leaves_no_temporary_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    assert smoke.run_smoke_test(io.StringIO()) == 0
    assert os.listdir(tmp_path) == []


def test_a_ui_layer_that_cannot_load_is_a_failure() -> None:
    """A frozen build without its Qt libraries fails to import the UI's checks at all."""

    def ui_check(run: smoke.SmokeRun, app: App) -> None:
        raise ImportError("libQt6Widgets.so.6: cannot open shared object file")

    out = io.StringIO()
    assert smoke.run_smoke_test(out, ui_check) == 1
    text = out.getvalue()
    assert "FAIL ui: ImportError: libQt6Widgets.so.6: cannot open shared object file" in text
    assert text.rstrip().endswith("smoke test FAILED: ui")
