"""The ``qc-station`` command line (SPEC §11): the same services as the screens, for
scripted stations, imports, exports and administration.

Errors are one line on stderr and a non-zero exit status: 1 when the work was refused or
failed, 2 when the command could not run as given. ``--debug`` adds the traceback.

Output piped into a reader that stops early (``qc-station stats --format csv | head -1``) ends
the command quietly with status 141, the 128 + SIGPIPE that the shell reports for any Unix tool
stopped that way: ``set -o pipefail`` still sees that the output was cut short (a finance export
to a closed pipe did not reach its reader), and nothing is printed about it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from qc_station import __version__
from qc_station.cli import admin, data, decode, documents, inspecting, maintenance, policy, stats
from qc_station.cli import history as history_cli
from qc_station.cli import recovery as recovery_cli
from qc_station.cli.common import EXIT_FAILED, EXIT_USAGE, UsageError, config_from
from qc_station.config import Config
from qc_station.domain.errors import QcError, ValidationError

if TYPE_CHECKING:  # the smoke test loads the whole core: only when asked for
    from qc_station.smoke import UiCheck

log = logging.getLogger("qc_station.cli")

EXIT_BROKEN_PIPE = 128 + 13  # 128 + SIGPIPE, as the shell reports a tool stopped by one

# Each module adds its commands to the parser; the order is the order of ``--help``.
COMMAND_MODULES = (
    admin,
    data,
    inspecting,
    documents,
    decode,
    maintenance,
    policy,
    stats,
    recovery_cli,
    history_cli,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qc-station",
        description="Returns QC Station. Without a command, starts the station window.",
    )
    parser.add_argument("--version", action="version", version=f"qc-station {__version__}")
    parser.add_argument("--db", metavar="URL", help="database URL (QC_STATION_DB)")
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="acting user (QC_STATION_USER); the "
        "password comes from QC_STATION_PASSWORD or a prompt",
    )
    parser.add_argument("--station", metavar="NAME", help="station name (QC_STATION_NAME)")
    parser.add_argument("--config", metavar="FILE", help="configuration file (TOML)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="check this installation on a throwaway database, offscreen, and exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


GuiStarter = Callable[[Config, bool], int]


def main(
    argv: Sequence[str] | None = None,
    gui: GuiStarter | None = None,
    smoke_ui: UiCheck | None = None,
) -> int:
    """Run a command; with none, start the station window through ``gui`` (the UI layer
    passes it in: the core never imports the UI). ``--smoke-test`` runs the core's checks
    and the UI's ``smoke_ui`` checks, also passed in by the UI layer."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.smoke_test and args.command:
        parser.error("--smoke-test takes no command")
    if not args.command and not args.smoke_test and gui is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.smoke_test:
        from qc_station.smoke import run_smoke_test

        return run_smoke_test(sys.stdout, smoke_ui, debug=args.debug)
    try:
        if not args.command:
            assert gui is not None
            return gui(config_from(args), args.debug)
        status = int(args.handler(args, sys.stdout))
        sys.stdout.flush()  # a closed pipe shows here, not at exit as "Exception ignored"
        return status
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except UsageError as exc:
        print(f"qc-station: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except QcError as exc:
        if args.debug:
            log.exception("refused")
        print(f"qc-station: error: {exc}", file=sys.stderr)
        return (
            EXIT_USAGE
            if isinstance(exc, ValidationError) and exc.code == "policy_invalid"
            else EXIT_FAILED
        )
    except KeyboardInterrupt:
        print("qc-station: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"qc-station: error: {_describe(exc)} (run with --debug for details)", file=sys.stderr
        )
        return EXIT_FAILED


def _silence_stdout() -> None:
    """The reader of standard output is gone: point it at the null device, so the flush at
    exit of what is still buffered fails no more (Python's documented recipe for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor behind it (a test's captured output)
        pass


def _describe(exc: Exception) -> str:
    """A one-line description of an unexpected failure that never shows a database password."""
    from qc_station.adapters.db_errors import describe_database_error

    described = describe_database_error(exc)
    if described:
        return described
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
    return f"{type(exc).__name__}: {exc}"


if __name__ == "__main__":
    raise SystemExit(main())
