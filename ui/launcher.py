"""The ``qc-station`` entry point: the command line, and the station window when no command
is given. It lives in ``ui`` because only the UI layer may import the UI; Qt itself is
imported only when the window is wanted, so commands start fast."""

from __future__ import annotations

from collections.abc import Sequence

from qc_station.cli import main as cli_main
from qc_station.config import Config


def _start_gui(config: Config, debug: bool) -> int:
    from ui.app import run_gui

    return run_gui(config, debug=debug)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, gui=_start_gui)


if __name__ == "__main__":
    raise SystemExit(main())
