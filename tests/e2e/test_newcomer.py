"""A newcomer's first start (issue 16): output piped into ``head``, a start with no display,
``scripts/dev.sh app demo`` and ``.ci/system-deps.sh`` under another apt — each run for real in
a subprocess (the shell scripts with stand-ins for apt, dpkg and the virtual environment)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SHARED

SAMPLE = SHARED / "data" / "barcodes" / "code128-1_1.png"


def test_a_reader_that_stops_early_ends_the_command_quietly(
    station_env: dict[str, str], tmp_path: Path
) -> None:
    # `qc-station decode … | head -0`: the reading end is closed before anything is written.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "qc_station", "decode", str(SAMPLE), str(SAMPLE)],
            cwd=tmp_path,
            env=station_env,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)

    assert (proc.returncode, proc.stderr) == (141, "")  # 128 + SIGPIPE, and not a word


def test_a_start_with_no_display_says_what_to_do(
    station_env: dict[str, str], tmp_path: Path
) -> None:
    env = {
        k: v
        for k, v in station_env.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        [sys.executable, "-m", "ui.launcher"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    if not sys.platform.startswith("linux"):
        return
    assert proc.returncode == 2
    assert proc.stderr == (
        "qc-station: no display: run the station on a desktop session, "
        "or set QT_QPA_PLATFORM=offscreen for a check\n"
    )


def test_no_display_only_on_linux_without_any_platform() -> None:
    from ui.launcher import no_display

    assert no_display({}, "linux")
    assert no_display({"DISPLAY": ""}, "linux")
    assert not no_display({"DISPLAY": ":0"}, "linux")
    assert not no_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not no_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not no_display({}, "win32")


def _stand_ins(tmp_path: Path, scripts: dict[str, str]) -> dict[str, str]:
    """A folder of fake commands first on PATH; each writes its arguments to calls.log."""
    bin_dir = tmp_path / "bin"
    _fakes(bin_dir, tmp_path / "calls.log", scripts)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def _fakes(bin_dir: Path, log: Path, scripts: dict[str, str]) -> None:
    bin_dir.mkdir(parents=True, exist_ok=True)
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text(f'#!/usr/bin/env bash\necho "{name} $*" >> "{log}"\n{body}\n')
        path.chmod(0o755)


def _calls(tmp_path: Path) -> list[str]:
    return (tmp_path / "calls.log").read_text().splitlines()


def test_system_deps_waits_for_the_dpkg_lock_of_another_apt(tmp_path: Path) -> None:
    env = _stand_ins(
        tmp_path,
        {
            "id": "echo 0",  # as root
            "dpkg-query": "exit 1",  # nothing installed yet
            "apt-get": "exit 0",
        },
    )
    proc = subprocess.run(
        ["bash", str(ROOT / ".ci" / "system-deps.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert proc.returncode == 0, proc.stderr
    apt = [c for c in _calls(tmp_path) if c.startswith("apt-get")]
    assert [c.split()[3] for c in apt] == ["update", "install"]
    assert all("-o DPkg::Lock::Timeout=600 " in c for c in apt), apt


def test_dev_app_demo_loads_the_demo_then_starts_the_window(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    env = _stand_ins(tmp_path, {"id": "echo 1000", "dpkg-query": "echo 'install ok installed'"})
    _fakes(
        venv / "bin",
        tmp_path / "calls.log",
        {
            "python": "exit 0",  # pip and the translations
            # The demo refuses a database that is not empty (a second run): the station starts.
            "qc-station": '[ "${@: -1}" = demo ] && exit 1; exit 0',
        },
    )
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "dev.sh"), "app", "demo", "--db", "sqlite:///x.db"],
        env={**env, "VENV": str(venv)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert proc.returncode == 0, proc.stderr
    assert [c for c in _calls(tmp_path) if c.startswith("qc-station")] == [
        "qc-station --db sqlite:///x.db demo",
        "qc-station --db sqlite:///x.db",  # the window
    ]
    assert "demo data not loaded" in proc.stderr
