"""Administration commands: ``db upgrade``, ``users add|list``, ``audit verify`` and ``demo``."""

from __future__ import annotations

import argparse
from typing import TextIO

from qc_station.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Commands,
    acting_user,
    open_app,
    password,
)


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
        "add", help="add a user (password from QC_STATION_PASSWORD or a prompt)"
    )
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=["inspector", "supervisor", "admin"])
    add.add_argument("--full-name", default="")
    add.add_argument(
        "--badge",
        default=None,
        help="badge barcode for badge + PIN login; the PIN comes from QC_STATION_PIN or a prompt",
    )
    users_commands.add_parser("list", help="list users")
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
    from qc_station.domain.enums import Role
    from qc_station.services import users

    app = open_app(args)
    try:
        if args.users_command == "list":
            actor = acting_user(app, args)
            for user in users.list_users(app.ctx, actor):
                state = "active" if user.active else "inactive"
                print(f"{user.username}\t{user.role.value}\t{state}\t{user.full_name}", file=out)
            return EXIT_OK
        actor = acting_user(app, args, required=False)
        new_password = password(f"Password for new user {args.name}: ")
        user = users.add_user(
            app.ctx,
            actor,
            args.name,
            Role(args.role),
            args.full_name,
            new_password,
            badge=args.badge,
        )
        print(f"added {user.username} ({user.role.value})", file=out)
        return EXIT_OK
    finally:
        app.close()


def cmd_audit(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.domain.audit import parse_checkpoint
    from qc_station.services import audit

    checkpoint = parse_checkpoint(args.checkpoint) if args.checkpoint else None
    app = open_app(args)
    try:
        report = audit.verify(app.ctx, checkpoint)
    finally:
        app.close()
    for problem in report.problems:
        print(f"problem: {problem}", file=out)
    print(f"{'ok' if report.ok else 'FAILED'}: {report.count} events", file=out)
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
