"""The ``qc-station`` entry point: the command line, and the station window when no command
is given. It lives in ``ui`` because only the UI layer may import the UI; Qt itself is
imported only when the window is wanted, so commands start fast.

A station is started without arguments (its desktop entry): then the command line, whose
parser imports every command's module and the services behind them (about 0.1 s), is not
loaded at all, so the sign-in form shows sooner (issue 16). With any argument, or when the
configuration cannot be read (the command line words that error), the command line runs.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from qc_station.config import Config, load_config
from qc_station.domain.errors import QcError

if TYPE_CHECKING:
    from qc_station.bootstrap import App
    from qc_station.smoke import SmokeRun


NO_DISPLAY = (
    "qc-station: no display: run the station on a desktop session, "
    "or set QT_QPA_PLATFORM=offscreen for a check"
)


def no_display(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """On Linux, whether Qt has no screen to open the window on: neither an X display nor a
    Wayland one, and no platform chosen by hand (``offscreen``, ``eglfs``…). Qt would abort
    with a hint about the xcb plugin, which sends a newcomer after the wrong problem."""
    if not platform.startswith("linux"):
        return False
    return not any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _start_gui(config: Config, debug: bool) -> int:
    if no_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from ui.app import run_gui

    return run_gui(config, debug=debug)


def _smoke_ui(run: SmokeRun, app: App) -> None:
    from ui.smoke import run_ui_checks

    run_ui_checks(run, app)


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args:
        try:
            config = load_config()
        except QcError:
            pass  # the command line says what is wrong with it, as for any command
        else:
            # What the command line sets up before starting the window (qc_station.cli).
            logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
            return _start_gui(config, False)
    from qc_station.cli import main as cli_main

    return cli_main(args, gui=_start_gui, smoke_ui=_smoke_ui)


if __name__ == "__main__":
    raise SystemExit(main())
