"""The built wheel installs and runs: ``pip install`` of the wheel into a fresh virtual
environment, then ``qc-station --smoke-test`` from a folder that is not the checkout, passes.
The smoke test reads the default policy, fonts, translations, style sheet, icon and sounds, so
it fails if the wheel lacks any of them (they are the package data of ``qc_station._resources``,
see ``setup.py`` and ``qc_station/resources.py``).

How, to stay quick and offline: the wheel is built from a copy of the checkout (``pip wheel``
builds in the source folder, whose ``build/`` could hold stale files from an earlier build, and
other work must not see one appear). The fresh environment gets the wheel alone
(``--no-deps``) and a ``.pth`` file naming this environment's ``site-packages``, where the
dependencies (PySide6, SQLAlchemy, …) are already installed, so nothing is downloaded for
them. A path in a ``.pth`` file is put on ``sys.path`` after the environment's own
``site-packages`` and the ``.pth`` files in it are not read, so the development install
(an editable finder, switched on by a ``.pth`` file there) stays off and ``qc_station``,
``ui`` and ``printing`` come from the wheel; the test checks that they do. Building the wheel
needs setuptools in pip's isolated build environment, from pip's cache or the package index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from qc_station import __version__
from tests.e2e.test_smoke_test import CORE_CHECKS, UI_CHECKS, checked
from ui.translations import ensure_compiled

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="the venv layout here is POSIX"),
]

#: Not copied for the build: environments, caches and earlier build outputs.
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
)


def run(
    command: list[str],
    *,
    timeout: float = 120,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, f"{command}\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The .qm files are built, not committed; the wheel carries what the checkout has.
    assert ensure_compiled(), "no compiled translation to ship"
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    out = tmp / "out"
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
        timeout=600,
    )
    (built,) = out.glob("qc_station-*.whl")
    return built


def test_the_wheel_carries_the_resources(wheel: Path) -> None:
    assert wheel.name.startswith(f"qc_station-{__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "policy/default_policy.toml",
        "translations/qc_station_zh_CN.qm",
        "fonts/DejaVuSans.ttf",
        "fonts/DroidSansFallbackFull.ttf",
        "fonts/LICENSE-DejaVu.txt",
        "icons/qc-station.svg",
        "sounds/success.wav",
        "ui/style.qss",
        "examples/config.toml",
    ):
        assert f"qc_station/_resources/{name}" in names, name
    assert not [n for n in names if n.endswith(".ts")]  # the sources stay in the checkout
    assert "qc_station/adapters/migrations/env.py" in names


def test_the_installed_wheel_passes_the_smoke_test(
    wheel: Path, station_env: dict[str, str], tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], timeout=120)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    run([*pip, "install", "--quiet", "--no-deps", "--no-index", str(wheel)], timeout=300)
    site = run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    ours = sysconfig.get_path("purelib")
    Path(site.stdout.strip(), "dependencies-of-the-checkout.pth").write_text(
        ours + "\n", encoding="utf-8"
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in station_env.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update({"PYTHONNOUSERSITE": "1", "PYTHONIOENCODING": "utf-8"})
    where = run(
        [
            str(python),
            "-c",
            "import qc_station, ui, printing; from qc_station.resources import resources_dir;"
            "print(qc_station.__file__, ui.__file__, printing.__file__, resources_dir())",
        ],
        cwd=elsewhere,
        env=env,
        timeout=60,
    )
    for path in where.stdout.split():
        assert Path(path).is_relative_to(venv), where.stdout

    result = subprocess.run(
        [str(venv / "bin" / "qc-station"), "--smoke-test"],
        cwd=elsewhere,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert checked(result.stdout) == dict.fromkeys(CORE_CHECKS + UI_CHECKS, "ok"), result.stdout
    assert os.listdir(elsewhere) == []  # nothing written to the folder it was started from
