"""Administration commands: ``db upgrade``, ``users …`` (add, list, deactivate, activate,
unlock, reset-password, set-role, passwd), ``audit verify`` and ``demo``.

A password these commands set (a new user's, a reset, one's own new one) comes from
``QC_STATION_NEW_PASSWORD`` or a prompt asked twice, never from ``QC_STATION_PASSWORD``:
that is the acting user's own (SPEC §11)."""

from __future__ import annotations

import argparse
from typing import TextIO

from qc_station.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Commands,
    UsageError,
    acting_user,
    new_password,
    open_app,
    password,
    secret,
    user_name,
)
from qc_station.domain.wording import plural

_ROLES = ["inspector", "supervisor", "admin"]


def register(commands: Commands) -> None:
    demo = commands.add_parser("demo", help="load demo users, RMAs and photos (marked as demo)")
    demo.set_defaults(handler=cmd_demo)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help="apply schema migrations")
    db.set_defaults(handler=cmd_db)

    users = commands.add_parser("users", help="user accounts")
    users_commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = users_commands.add_parser(
        "add", help="add a user (their password from QC_STATION_NEW_PASSWORD or a prompt)"
    )
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=_ROLES)
    add.add_argument("--full-name", default="")
    add.add_argument(
        "--badge",
        default=None,
        help="badge barcode for badge + PIN login; the PIN comes from QC_STATION_PIN or a prompt",
    )
    users_commands.add_parser("list", help="list users")
    for action, text in (
        ("deactivate", "stop a user from signing in"),
        ("activate", "let a deactivated user sign in again"),
        ("unlock", "lift a lockout after failed sign-ins"),
        (
            "reset-password",
            "give a user a new password (QC_STATION_NEW_PASSWORD or a prompt); they must "
            "change it at their next sign-in",
        ),
    ):
        users_commands.add_parser(action, help=text).add_argument("name")
    set_role = users_commands.add_parser("set-role", help="change a user's role")
    set_role.add_argument("name")
    set_role.add_argument("role", choices=_ROLES)
    users_commands.add_parser(
        "passwd",
        help="change your own password (--user; the current one from QC_STATION_PASSWORD, "
        "the new one from QC_STATION_NEW_PASSWORD or a prompt)",
    )
    users.set_defaults(handler=cmd_users)

    audit = commands.add_parser("audit", help="the audit log")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser("verify", help="check the hash chain; prints the head")
    verify.add_argument(
        "--checkpoint",
        metavar="SEQ:HASH",
        help="a head taken earlier that the chain must still extend",
    )
    audit.set_defaults(handler=cmd_audit)


def cmd_db(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.adapters.database import redact_url
    from qc_station.adapters.migrate import current_revision

    app = open_app(args)  # build() applies the migrations
    try:
        print(
            f"database {redact_url(app.config.db_url)} at revision {current_revision(app.engine)}",
            file=out,
        )
    finally:
        app.close()
    return EXIT_OK


def cmd_users(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services import users

    app = open_app(args)
    try:
        command = args.users_command
        if command == "passwd":
            # Signs in itself: this is the one command a user whose password was reset may run.
            username = user_name(args)
            current = password(f"Current password for {username}: ")
            user = users.change_password(
                app.ctx, username, current, new_password(username), app.station
            )
            print(f"changed the password of {user.username}", file=out)
            return EXIT_OK
        actor = acting_user(app, args)
        if command == "list":
            for user in users.list_users(app.ctx, actor):
                state = "active" if user.active else "inactive"
                if user.locked_until is not None and user.locked_until > app.ctx.clock.now():
                    state += ",locked"
                if user.must_change_password:
                    state += ",must-change-password"
                print(f"{user.username}\t{user.role.value}\t{state}\t{user.full_name}", file=out)
            return EXIT_OK
        if command == "add":
            username = users.check_username(args.name)
            user = users.add_user(
                app.ctx,
                actor,
                username,
                args.role,
                args.full_name,
                new_password(username),
                badge=args.badge,
                pin=secret("QC_STATION_PIN", f"PIN for {username}: ") if args.badge else None,
                station=app.station,
            )
            print(f"added {user.username} ({user.role.value})", file=out)
            return EXIT_OK
        if command == "reset-password":
            user = users.get_user(app.ctx, actor, args.name)  # an admin, and a known user
            users.reset_password(app.ctx, actor, user.username, new_password(user.username))
            print(
                f"reset the password of {user.username}; they must choose a new one at their "
                "next sign-in",
                file=out,
            )
            return EXIT_OK
        changes = {
            "deactivate": (users.deactivate_user, "deactivated"),
            "activate": (users.reactivate_user, "activated"),
            "unlock": (users.unlock_user, "unlocked"),
        }
        if command in changes:
            change, done = changes[command]
            user = change(app.ctx, actor, args.name)
            print(f"{done} {user.username}", file=out)
            return EXIT_OK
        if command == "set-role":
            user = users.set_role(app.ctx, actor, args.name, args.role)
            print(f"{user.username} is now {user.role.value}", file=out)
            return EXIT_OK
        raise UsageError("cli.unknown_command", command=command)  # argparse keeps this out
    finally:
        app.close()


def cmd_audit(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.domain.audit import parse_checkpoint
    from qc_station.services import audit

    checkpoint = parse_checkpoint(args.checkpoint) if args.checkpoint else None
    app = open_app(args)
    try:
        acting_user(app, args)  # the log names people and records: for signed-in users
        report = audit.verify(app.ctx, checkpoint)
    finally:
        app.close()
    for problem in report.problems:
        print(f"problem: {problem}", file=out)
    print(f"{'ok' if report.ok else 'FAILED'}: {plural(report.count, 'event')}", file=out)
    print(f"head {report.head}", file=out)
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.demo import load_demo

    app = open_app(args)
    try:
        summary = load_demo(app.ctx, app.station)
    finally:
        app.close()
    print(summary, file=out)
    return EXIT_OK
