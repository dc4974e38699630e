"""What every command shares: exit codes, the usage error, option parsers, opening the
application, the acting user (``acting_user``: ``system`` only on a database without users)
and the output stream."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TextIO, TypeAlias

from qc_station.config import Config, load_config
from qc_station.domain.enums import ChecklistAnswer
from qc_station.domain.errors import PermissionDenied, QcError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace, TextIO], int]
"""A command: the parsed arguments and standard output in, the exit status out."""

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""The sub-command table each command module adds its parsers to (``register``)."""


class UsageError(QcError):
    """The command cannot run as given (a missing file, a bad option value)."""

    code = "usage"


def parse_enum(enum_type: type[StrEnum], label: str) -> Callable[[str], object]:
    def parse(text: str) -> object:
        try:
            return enum_type(text.strip().upper())
        except ValueError:
            names = ", ".join(m.value for m in enum_type)
            raise argparse.ArgumentTypeError(f"{label} {text!r} is not one of {names}") from None

    return parse


def parse_checklist(text: str) -> tuple[str, ChecklistAnswer]:
    key, sep, value = text.partition("=")
    try:
        if not sep:
            raise ValueError
        return key.strip(), ChecklistAnswer(value.strip().lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"checklist answer {text!r} is not KEY=pass|fail|na"
        ) from None


def config_from(args: argparse.Namespace) -> Config:
    return load_config(args.config, flags={"database_url": args.db, "station_name": args.station})


def open_app(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from qc_station.bootstrap import build

    return build(config_from(args))


def secret(variable: str, prompt: str) -> str:
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UsageError("cli.no_secret", variable=variable)
    return getpass.getpass(prompt)


def password(prompt: str = "Password: ") -> str:
    """The acting user's own password: ``QC_STATION_PASSWORD`` or a prompt."""
    return secret("QC_STATION_PASSWORD", prompt)


def new_password(username: str) -> str:
    """A password for ``username`` (a new user, a reset, a change of one's own): from
    ``QC_STATION_NEW_PASSWORD`` or a prompt asked twice. Never from ``QC_STATION_PASSWORD``,
    which is the acting user's own (SPEC §11)."""
    value = os.environ.get("QC_STATION_NEW_PASSWORD")
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UsageError("cli.no_secret", variable="QC_STATION_NEW_PASSWORD")
    first = getpass.getpass(f"New password for {username}: ")
    if getpass.getpass(f"New password for {username} again: ") != first:
        raise UsageError("cli.passwords_differ")
    return first


def user_name(args: argparse.Namespace) -> str:
    """``--user`` or ``QC_STATION_USER``; a usage error when neither is given."""
    username = args.user or os.environ.get("QC_STATION_USER")
    if not username:
        raise UsageError("cli.needs_user")
    return username


def acting_user(app, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Who runs the command, as an ``Actor`` (SPEC §11), the one place this rule lives.

    On a database with no users yet (the site is being set up) that is ``system``; once a
    user exists, the user signed in with ``--user`` and their own password, whose password
    was not reset (who must first choose a new one with ``qc-station users passwd``). The
    role each command needs is the services' to check.
    """
    from qc_station.services.context import Actor
    from qc_station.services.users import authenticate, has_users

    if not has_users(app.ctx):
        return Actor.system(app.station)
    username = user_name(args)
    user = authenticate(app.ctx, username, password(f"Password for {username}: "), app.station)
    if user.must_change_password:
        raise PermissionDenied("cli.password_reset", user=user.username)
    return user.actor(app.station)


@contextlib.contextmanager
def open_out(path: Path | None) -> Iterator[TextIO]:
    """The output file, or standard output (left open, with CSV line endings kept as given)."""
    if path is None:
        sys.stdout.reconfigure(newline="")  # type: ignore[union-attr]
        yield sys.stdout
        sys.stdout.flush()
        return
    from qc_station.adapters.files import atomic_text_output

    # Whole or not at all, and never through a symbolic link planted at ``path`` (SPEC §6).
    with atomic_text_output(path) as stream:
        yield stream


def read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(
            "cli.cannot_read", path=str(path), detail=exc.strerror or str(exc)
        ) from None
