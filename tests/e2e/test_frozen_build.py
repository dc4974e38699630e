"""The frozen station, built as a release is (``installer/build.py``) into a temporary folder:
the bundle passes ``--smoke-test``; the Linux tarball holds the bundle, its desktop entry,
icon and install script, which installs, upgrades in place and uninstalls without touching
the station's data; and the Windows installer script compiles with makensis.

Part of the normal test run (CI runs it): about a minute and a half on two cores. PyInstaller's
cache goes to the temporary folder too, so nothing is left outside it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from qc_station import __version__

ROOT = Path(__file__).resolve().parents[2]
ARCH = "x86_64"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("frozen_build"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]


@dataclass
class Build:
    dist: Path
    work: Path
    output: str

    @property
    def bundle(self) -> Path:
        return self.dist / "qc-station"

    @property
    def tarball(self) -> Path:
        return self.dist / f"qc-station-{__version__}-linux-{ARCH}.tar.gz"


def clean_env(tmp: Path) -> dict[str, str]:
    """No QC_STATION_* setting and no Qt display of the developer's leaks into the build."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QC_STATION_", "QT_"))}
    env["PYINSTALLER_CONFIG_DIR"] = str(tmp / "pyinstaller-cache")
    env["HOME"] = str(tmp / "home")
    return env


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    if shutil.which("makensis") is None and os.environ.get("CI"):
        pytest.fail("makensis is missing: .ci/system-deps.sh installs the nsis package")
    tmp = tmp_path_factory.mktemp("frozen")
    (tmp / "home").mkdir()
    dist, work = tmp / "dist", tmp / "work"
    done = subprocess.run(
        [sys.executable, "installer/build.py", f"--dist={dist}", f"--work={work}"],
        cwd=ROOT,
        env=clean_env(tmp),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    return Build(dist, work, done.stdout)


def smoke(executable: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )


def test_the_frozen_build_passes_the_smoke_test(build: Build, tmp_path: Path) -> None:
    result = smoke(build.bundle / "qc-station", clean_env(tmp_path))
    report = result.stdout
    assert result.returncode == 0, report + result.stderr[-3000:]
    lines = [line for line in report.splitlines() if line.startswith(("ok ", "FAIL "))]
    assert lines and all(line.startswith("ok ") for line in lines), report
    for expected in (
        "ok database",
        "ok decision RESTOCK",
        "ok label decoded",
        "ok translation zh_CN",
        "ok qt addons QtCharts, QtMultimedia",
        "ok main window",
        "ok postgres driver",
    ):
        assert expected in report
    # The version the bundle reports is the one in qc_station/__init__.py.
    version = subprocess.run(
        [str(build.bundle / "qc-station"), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert version.stdout.strip() == f"qc-station {__version__}"
    # Qt's own Chinese strings (standard dialogs) survive the trimming of Qt's translations.
    assert "with Qt's own" in report


def test_the_bundle_carries_resources_and_migrations(build: Build) -> None:
    internal = build.bundle / "_internal"
    for name in (
        "qc_station/_resources/policy/default_policy.toml",
        "qc_station/_resources/translations/qc_station_zh_CN.qm",
        "qc_station/_resources/fonts/DejaVuSans.ttf",
        "qc_station/_resources/icons/qc-station.svg",
        "qc_station/_resources/ui/style.qss",
        "qc_station/adapters/migrations/env.py",
        "qc_station/adapters/migrations/script.py.mako",
    ):
        assert (internal / name).is_file(), name
    shipped = {p.name for p in (ROOT / "qc_station/adapters/migrations/versions").glob("*.py")}
    bundled = {p.name for p in (internal / "qc_station/adapters/migrations/versions").glob("*.py")}
    assert shipped <= bundled
    translations = internal / "qc_station/_resources/translations"
    assert not list(translations.glob("*.ts"))  # sources stay home
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqoffscreen.so", "platforms/libqxcb.so"):
        assert (plugins / plugin).is_file(), plugin
    assert not list(internal.rglob("*irtualKeyboard*"))  # left out to keep the size down


def test_the_tarball_installs_upgrades_and_uninstalls(build: Build, tmp_path: Path) -> None:
    top = f"qc-station-{__version__}-linux-{ARCH}"
    with tarfile.open(build.tarball) as tar:
        members = {m.name: m for m in tar.getmembers()}
        for name in ("install.sh", "qc-station.desktop", "qc-station.png", "VERSION"):
            assert f"{top}/{name}" in members, name
        assert members[f"{top}/install.sh"].mode & 0o111
        assert members[f"{top}/qc-station/qc-station"].mode & 0o111
        assert all(m.uid == 0 for m in members.values())
        tar.extractall(tmp_path / "unpacked", filter="tar")
    unpacked = tmp_path / "unpacked" / top
    env = clean_env(tmp_path)
    home = Path(env["HOME"])
    data = home / ".local/share/qc-station"
    data.mkdir(parents=True)
    (data / "qc_station.db").write_bytes(b"the station's own data")

    def install(*args: str) -> str:
        done = subprocess.run(
            ["sh", str(unpacked / "install.sh"), "--user", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    assert f"Returns QC Station {__version__} installed" in install()
    command = home / ".local/bin/qc-station"
    desktop = home / ".local/share/applications/qc-station.desktop"
    assert (home / ".local/share/icons/hicolor/256x256/apps/qc-station.png").is_file()
    entry = desktop.read_text(encoding="utf-8")
    assert f'Exec="{home}/.local/opt/qc-station/qc-station"' in entry
    assert "Icon=qc-station" in entry and "@" not in entry
    if shutil.which("desktop-file-validate"):
        validated = subprocess.run(
            ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
        )
        assert validated.returncode == 0, validated.stdout + validated.stderr

    # Installed, through the command on the PATH (a link into the program folder).
    installed = smoke(command, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr[-3000:]

    assert f"upgraded from {__version__} to {__version__}" in install()
    assert not list((home / ".local/opt").glob("qc-station.*"))  # no staging folder left
    assert command.resolve() == home / ".local/opt/qc-station/qc-station"

    removed = install("--uninstall")
    assert "data was kept" in removed
    assert not command.exists() and not desktop.exists()
    assert not (home / ".local/opt/qc-station").exists()
    assert (data / "qc_station.db").read_bytes() == b"the station's own data"


def test_the_windows_installer_script_compiles(build: Build) -> None:
    if shutil.which("makensis") is None:
        pytest.skip("makensis (Debian package nsis) is not installed here")
    checked = build.work / f"qc-station-{__version__}-windows-x64-setup-CHECK-ONLY.exe"
    assert checked.is_file(), build.output
    assert checked.read_bytes()[:2] == b"MZ"  # a Windows program, compiled with -WX
