"""The return policy's versions: ``policy show|validate FILE|activate FILE|history``.

``show`` writes the active policy's text to standard output (so ``policy show > current.toml``
gives a file to edit) and says on standard error which policy it is. ``validate`` needs no
database; with ``--cases`` it also lists the example cases whose outcome the file would
change. ``activate`` needs an admin (``--user``) and a ``--note`` saying why.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from qc_station.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Commands,
    UsageError,
    acting_user,
    open_app,
    read_input,
)
from qc_station.cli.options import bounded_int
from qc_station.domain.wording import plural


def register(commands: Commands) -> None:
    policy = commands.add_parser("policy", help="the return policy: show, validate, activate")
    actions = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    actions.add_parser("show", help="print the active policy (its text on standard output)")
    validate = actions.add_parser("validate", help="check a policy file; no database needed")
    validate.add_argument("file", type=Path)
    validate.add_argument(
        "--cases",
        type=Path,
        help="decide-batch cases to compare on (default: the shipped examples); "
        "needs the database for the active policy",
    )
    validate.add_argument(
        "--compare",
        action="store_true",
        help="list the cases whose outcome changes against the active policy",
    )
    activate = actions.add_parser("activate", help="make a policy file the active policy (admin)")
    activate.add_argument("file", type=Path)
    activate.add_argument("--note", required=True, help="why the policy changes (kept with it)")
    history = actions.add_parser("history", help="every activation, newest first")
    history.add_argument("--limit", type=bounded_int(1, 100_000), default=100)
    policy.set_defaults(handler=cmd_policy)


def _utc(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def cmd_policy(args: argparse.Namespace, out: TextIO) -> int:
    command = args.policy_command
    if command == "validate":
        return _validate(args, out)
    from qc_station.services import policy_admin

    app = open_app(args)
    try:
        actor = acting_user(app, args)  # reading the active policy needs a user, too
        if command == "show":
            current = policy_admin.active(app.ctx)
            if current.activation is None:
                where = "no policy activated in the database; this station's policy file"
            else:
                a = current.activation
                where = f"activated by {a.activated_by} at {a.station} on {_utc(a.activated_at)}"
            print(f"policy {current.hash}: {where}", file=sys.stderr)
            if not current.in_use_here:
                print(
                    "note: this station started with another policy; it uses the active one "
                    "from its next start",
                    file=sys.stderr,
                )
            out.write(current.text)
            return EXIT_OK
        if command == "history":
            if args.limit < 1:
                raise UsageError("cli.limit_too_small", low=1)
            found = policy_admin.history(app.ctx, args.limit)
            if not found:
                print("no policy activated yet; stations use their policy files", file=out)
            for n, a in enumerate(found):
                state = "active" if n == 0 else "before"
                print(
                    f"{_utc(a.activated_at)}\t{a.policy_hash}\t{state}\t{a.activated_by}\t"
                    f"{a.station}\t{a.note}",
                    file=out,
                )
            return EXIT_OK
        result = policy_admin.activate(app.ctx, actor, read_input(args.file), args.note)
        was = result.previous_hash or f"{app.ctx.policy.hash} (this station's file)"
        print(f"activated policy {result.policy.hash} (was {was})", file=out)
        return EXIT_OK
    finally:
        app.close()


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services import policy_admin

    checked = policy_admin.validate(read_input(args.file))
    if isinstance(checked, list):
        for error in checked:
            print(f"{args.file}: {error}", file=out)
        return EXIT_FAILED
    print(f"{args.file}: valid, sha256 {checked.hash}", file=out)
    if not (args.compare or args.cases):
        return EXIT_OK
    cases_file = args.cases or policy_admin.example_cases_file()
    cases = read_input(cases_file).decode("utf-8-sig", errors="replace")
    app = open_app(args)
    try:
        acting_user(app, args)  # the comparison reads the active policy from the database
        current = policy_admin.active(app.ctx).policy
    finally:
        app.close()
    comparison = policy_admin.compare_on_cases(current, checked, cases)
    print(
        f"{len(comparison.changed)} of {plural(comparison.cases, 'case')} in {cases_file} change "
        f"against the active policy {current.hash}",
        file=out,
    )
    for change in comparison.changed:
        print(f"  {policy_admin.describe_change(change)}", file=out)
    return EXIT_OK
