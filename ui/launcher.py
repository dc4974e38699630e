"""The ``qc-station`` entry point: the command line, and the station window when no command
is given. It lives in ``ui`` because only the UI layer may import the UI; Qt itself is
imported only when the window is wanted, so commands start fast."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from qc_station.cli import main as cli_main
from qc_station.config import Config

if TYPE_CHECKING:
    from qc_station.bootstrap import App
    from qc_station.smoke import SmokeRun


def _start_gui(config: Config, debug: bool) -> int:
    from ui.app import run_gui

    return run_gui(config, debug=debug)


def _smoke_ui(run: SmokeRun, app: App) -> None:
    from ui.smoke import run_ui_checks

    run_ui_checks(run, app)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, gui=_start_gui, smoke_ui=_smoke_ui)


if __name__ == "__main__":
    raise SystemExit(main())
