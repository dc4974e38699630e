"""Build the station for distribution, in one command (run with the project's Python):

    .venv/bin/python installer/build.py

1. compiles the translations (``.ts`` → ``.qm``, with PySide6's lrelease);
2. runs PyInstaller on ``installer/qc_station.spec``: the one-folder bundle
   ``dist/qc-station/``;
3. on Linux, packs ``dist/qc-station-<version>-linux-<arch>.tar.gz``: the bundle, a desktop
   entry, the icon and ``install.sh``;
4. when ``makensis`` (NSIS) is installed: on Windows, compiles the installer
   ``dist/qc-station-<version>-windows-x64-setup.exe`` from the bundle; elsewhere, compiles
   the same script against a stand-in folder of the Windows layout, as a check that the
   script builds (a Linux bundle cannot go into a Windows installer, and PyInstaller does
   not cross-compile).

The version is ``qc_station.__version__``, the one place it lives. ``--dist`` and ``--work``
move the outputs (the tests build in a temporary folder).
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "qc_station.spec"
NSIS_SCRIPT = INSTALLER / "windows" / "qc_station.nsi"
BUNDLE_NAME = "qc-station"


class BuildError(Exception):
    pass


def version() -> str:
    """``__version__`` read from ``qc_station/__init__.py`` without importing the package."""
    text = (ROOT / "qc_station" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if not match:
        raise BuildError("no __version__ in qc_station/__init__.py")
    return match.group(1)


def version4(text: str) -> str:
    """The version as the four numbers Windows' version resources need: 1.2.3rc1 → 1.2.3.0."""
    numbers = [int(n) for n in re.findall(r"\d+", text.split("+")[0])[:3]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def step(text: str) -> None:
    print(f"==> {text}", flush=True)


def compile_translations() -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from ui.translations import ensure_compiled, translations_dir

    folder = translations_dir()
    sources = sorted(folder.glob("*.ts"))
    built = ensure_compiled(folder)
    missing = [ts.name for ts in sources if ts.with_suffix(".qm") not in built]
    if missing:
        raise BuildError(f"could not compile {', '.join(missing)} (is PySide6's lrelease there?)")
    return built


def run_pyinstaller(dist: Path, work: Path, clean: bool) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BuildError(
            "PyInstaller is not installed: pip install -e '.[build]' (scripts/dev.sh setup does)"
        ) from None
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work / 'pyinstaller'}",
        *(["--clean"] if clean else []),
        str(SPEC),
    ]
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        raise BuildError("PyInstaller failed (see above)")
    bundle = dist / BUNDLE_NAME
    executable = bundle / (f"{BUNDLE_NAME}.exe" if sys.platform == "win32" else BUNDLE_NAME)
    if not executable.is_file():
        raise BuildError(f"PyInstaller made no {executable}")
    return bundle


def icons_dir() -> Path:
    """The icons the station ships (the checkout's ``resources/icons``)."""
    sys.path.insert(0, str(ROOT))
    from qc_station.resources import source_dir

    return source_dir() / "icons"


def linux_tarball(bundle: Path, dist: Path, ver: str) -> Path:
    """The bundle with its desktop entry, icon and install script, in one top folder."""
    icons = icons_dir()
    arch = platform.machine() or "unknown"
    top = f"qc-station-{ver}-linux-{arch}"
    tarball = dist / f"{top}.tar.gz"
    with tempfile.TemporaryDirectory() as tmp:
        version_file = Path(tmp) / "VERSION"
        version_file.write_text(ver + "\n", encoding="utf-8")
        extras = [
            (INSTALLER / "linux" / "install.sh", "install.sh", 0o755),
            (INSTALLER / "linux" / "qc-station.desktop", "qc-station.desktop", 0o644),
            (icons / "qc-station.png", "qc-station.png", 0o644),
            (icons / "qc-station.svg", "qc-station.svg", 0o644),
            (version_file, "VERSION", 0o644),
        ]

        def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
            # Whoever built it, the files unpack as the installing user's, not a build uid.
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            return info

        # Level 6: nearly the size of 9 in half the time; the bundle is mostly binaries.
        with tarfile.open(tarball, "w:gz", compresslevel=6) as tar:
            tar.add(bundle, arcname=f"{top}/{BUNDLE_NAME}", filter=owned_by_root)
            for source, name, mode in extras:
                info = owned_by_root(tar.gettarinfo(str(source), arcname=f"{top}/{name}"))
                info.mode = mode
                with source.open("rb") as handle:
                    tar.addfile(info, handle)
    return tarball


def nsis(bundle: Path | None, dist: Path, work: Path, ver: str) -> Path | None:
    """The Windows installer, or on other systems a compile check of its script."""
    makensis = shutil.which("makensis")
    if makensis is None:
        print("makensis (NSIS) not found: no Windows installer compiled")
        return None
    if sys.platform == "win32" and bundle is not None:
        source, out = bundle, dist / f"qc-station-{ver}-windows-x64-setup.exe"
    else:
        # A stand-in with the Windows bundle's layout, so that every File instruction has
        # something to take; the result is a compile check and is left in the work folder.
        source = work / "nsis-stand-in" / BUNDLE_NAME
        shutil.rmtree(source.parent, ignore_errors=True)
        (source / "_internal").mkdir(parents=True)
        for name in ("qc-station.exe", "qc-station-cli.exe", "_internal/python3.dll"):
            (source / name).write_text("stand-in for the Windows build\n", encoding="utf-8")
        out = work / f"qc-station-{ver}-windows-x64-setup-CHECK-ONLY.exe"
    command = [
        makensis,
        "-V2",
        "-WX",  # a warning is an error: the script is kept clean
        f"-DVERSION={ver}",
        f"-DVERSION4={version4(ver)}",
        f"-DSOURCE_DIR={source.resolve()}",
        f"-DOUTFILE={out.resolve()}",
        str(NSIS_SCRIPT),
    ]
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        raise BuildError("makensis failed (see above)")
    return out


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    parser.add_argument("--clean", action="store_true", help="rebuild PyInstaller's cache")
    parser.add_argument("--no-tarball", action="store_true", help="skip the Linux tarball")
    parser.add_argument("--no-nsis", action="store_true", help="skip the Windows installer")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    ver = version()
    started = time.monotonic()
    try:
        step(f"translations ({ver})")
        for qm in compile_translations():
            print(f"    {qm.relative_to(ROOT)}")
        step("PyInstaller bundle")
        bundle = run_pyinstaller(dist, work, args.clean)
        print(f"    {bundle} ({folder_size(bundle) / 1e6:.0f} MB)")
        if sys.platform.startswith("linux") and not args.no_tarball:
            step("Linux tarball")
            tarball = linux_tarball(bundle, dist, ver)
            print(f"    {tarball} ({tarball.stat().st_size / 1e6:.0f} MB)")
        if not args.no_nsis:
            step("Windows installer (NSIS)")
            out = nsis(bundle, dist, work, ver)
            if out is not None:
                kind = "installer" if sys.platform == "win32" else "script compiles (check only)"
                print(f"    {kind}: {out}")
    except BuildError as exc:
        print(f"build.py: error: {exc}", file=sys.stderr)
        return 1
    # A windowed program has no console for the report: Windows checks with the console one.
    checker = bundle / ("qc-station-cli.exe" if sys.platform == "win32" else BUNDLE_NAME)
    step(f"done in {time.monotonic() - started:.0f} s; check it with: {checker} --smoke-test")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
