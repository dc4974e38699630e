"""The ``qc-station`` command line (SPEC §11): the same services as the screens, for
scripted stations, imports, exports and administration.

Errors are one line on stderr and a non-zero exit status: 1 when the work was refused or
failed, 2 when the command could not run as given. ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from qc_station import __version__
from qc_station.config import Config, load_config
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline
from qc_station.domain.errors import QcError, ValidationError

log = logging.getLogger("qc_station.cli")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(QcError):
    """The command cannot run as given (a missing file, a bad option value)."""

    code = "usage"


def _enum(enum_type: type[StrEnum], label: str) -> Callable[[str], object]:
    def parse(text: str) -> object:
        try:
            return enum_type(text.strip().upper())
        except ValueError:
            names = ", ".join(m.value for m in enum_type)
            raise argparse.ArgumentTypeError(f"{label} {text!r} is not one of {names}") from None

    return parse


def _checklist(text: str) -> tuple[str, ChecklistAnswer]:
    key, sep, value = text.partition("=")
    try:
        if not sep:
            raise ValueError
        return key.strip(), ChecklistAnswer(value.strip().lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"checklist answer {text!r} is not KEY=pass|fail|na"
        ) from None


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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("demo", help="load demo users, RMAs and photos (marked as demo)")

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help="apply schema migrations")

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

    imp = commands.add_parser(
        "import", help="import an RMA manifest (generic CSV or Amazon FBA returns report)"
    )
    imp.add_argument("file", type=Path)
    cat = commands.add_parser("import-catalog", help="import the product catalog CSV")
    cat.add_argument("file", type=Path)

    export = commands.add_parser("export", help="exports for finance")
    export_commands = export.add_subparsers(dest="export_command", metavar="KIND", required=True)
    fin = export_commands.add_parser("finance", help="approved decisions not yet exported")
    fin.add_argument("-o", "--output", type=Path, help="CSV file (default: standard output)")
    fin.add_argument("--batch", help="re-export this batch, byte-identical")

    batch = commands.add_parser("decide-batch", help="run the policy on cases, no database")
    batch.add_argument("cases", type=Path)
    batch.add_argument("--policy", type=Path, help="policy TOML (default: the configured one)")
    batch.add_argument("-o", "--output", type=Path, help="output CSV (default: standard output)")

    inspect = commands.add_parser("inspect", help="record an inspection and its decision")
    inspect.add_argument("lpn")
    inspect.add_argument("--grade", required=True, type=_enum(Grade, "grade"))
    inspect.add_argument("--finding", required=True, type=_enum(Finding, "finding"))
    inspect.add_argument("--photo", action="append", default=[], type=Path)
    inspect.add_argument(
        "--checklist", action="append", default=[], type=_checklist, metavar="KEY=pass|fail|na"
    )
    inspect.add_argument("--serial", default="")
    inspect.add_argument("--note", default="")
    inspect.add_argument("--override", type=_enum(Headline, "headline"), metavar="HEADLINE")
    inspect.add_argument("--reason", default="", help="why the proposal was overridden")

    for name, text in (
        ("approve", "approve a decision awaiting approval"),
        ("reject", "send a decision back to inspection"),
    ):
        p = commands.add_parser(name, help=text)
        p.add_argument("lpn")
        p.add_argument("--comment", default="")

    audit = commands.add_parser("audit", help="the audit log")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser("verify", help="check the hash chain; prints the head")
    verify.add_argument(
        "--checkpoint",
        metavar="SEQ:HASH",
        help="a head taken earlier that the chain must still extend",
    )

    decode = commands.add_parser(
        "decode", help="print the barcodes found in image files, one per line (no database)"
    )
    decode.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    return parser


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config, flags={"database_url": args.db, "station_name": args.station})


def _app(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from qc_station.bootstrap import build

    return build(_config(args))


def _secret(variable: str, prompt: str) -> str:
    secret = os.environ.get(variable)
    if secret is not None:
        return secret
    if not sys.stdin.isatty():
        raise UsageError(f"no {prompt.split()[0].lower()}: set {variable} or run in a terminal")
    return getpass.getpass(prompt)


def _password(prompt: str = "Password: ") -> str:
    return _secret("QC_STATION_PASSWORD", prompt)


def _actor(app, args: argparse.Namespace, required: bool = True):  # type: ignore[no-untyped-def]
    """The logged-in user as an ``Actor``; ``None`` when optional and no user is given."""
    from qc_station.services.users import authenticate

    username = args.user or os.environ.get("QC_STATION_USER")
    if not username:
        if required:
            raise UsageError("this command needs a user: --user NAME or QC_STATION_USER")
        return None
    user = authenticate(app.ctx, username, _password(f"Password for {username}: "), app.station)
    return user.actor(app.station)


def _system_or_user(app, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from qc_station.services.context import Actor

    return _actor(app, args, required=False) or Actor.system(app.station)


@contextlib.contextmanager
def _open_out(path: Path | None) -> Iterator[TextIO]:
    """The output file, or standard output (left open, with CSV line endings kept as given)."""
    if path is None:
        sys.stdout.reconfigure(newline="")  # type: ignore[union-attr]
        yield sys.stdout
        sys.stdout.flush()
        return
    with path.open("w", encoding="utf-8", newline="") as stream:
        yield stream


# --- commands -----------------------------------------------------------------------------


def cmd_db(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.adapters.database import redact_url
    from qc_station.adapters.migrate import current_revision

    app = _app(args)  # build() applies the migrations
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

    app = _app(args)
    try:
        if args.users_command == "list":
            actor = _actor(app, args)
            for user in users.list_users(app.ctx, actor):
                state = "active" if user.active else "inactive"
                print(f"{user.username}\t{user.role.value}\t{state}\t{user.full_name}", file=out)
            return EXIT_OK
        actor = _actor(app, args, required=False)
        password = _password(f"Password for new user {args.name}: ")
        user = users.add_user(
            app.ctx, actor, args.name, Role(args.role), args.full_name, password, badge=args.badge
        )
        print(f"added {user.username} ({user.role.value})", file=out)
        return EXIT_OK
    finally:
        app.close()


def _write_errors_file(source: Path, text: bytes) -> Path:
    target = source.with_name(source.name + ".errors.csv")
    target.write_bytes(text)
    return target


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.formats.csv_input import render_errors_file
    from qc_station.services import importing

    data = _read_input(args.file)
    app = _app(args)
    try:
        actor = _system_or_user(app, args)
        run = (
            importing.import_catalog
            if args.command == "import-catalog"
            else (importing.import_manifest)
        )
        report = run(app.ctx, actor, data, args.file.name)
    finally:
        app.close()
    print(report.summary(), file=out)
    if report.errors:
        target = _write_errors_file(args.file, render_errors_file(report.errors))
        print(f"{len(report.errors)} row(s) not imported; see {target}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services import finance

    app = _app(args)
    try:
        actor = _actor(app, args)
        if args.output is not None:
            # The file appears only when complete (temporary file, fsync, rename).
            result = finance.export_finance_to_file(app.ctx, actor, args.output, args.batch)
        elif args.batch:
            result = finance.reexport_batch(app.ctx, actor, args.batch, sys.stdout.buffer)
        else:
            result = finance.export_finance(app.ctx, actor, sys.stdout.buffer)
        sys.stdout.flush()
    finally:
        app.close()
    print(result.summary(), file=sys.stderr if args.output is None else out)
    return EXIT_OK


def cmd_decide_batch(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.bootstrap import read_policy
    from qc_station.formats.decide_batch import run_decide_batch

    policy_file = args.policy or (_config(args).policy_file or None)
    policy = read_policy(policy_file)
    try:
        cases = args.cases.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise UsageError(f"cannot read {args.cases}: {exc.strerror}") from None
    with cases, _open_out(args.output) as writer:
        summary = run_decide_batch(cases, writer, policy)
    if summary.failed:
        print(
            f"{summary.failed} of {summary.rows} case(s) failed; see the ERROR rows",
            file=sys.stderr,
        )
        return EXIT_FAILED
    return EXIT_OK


def cmd_inspect(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.adapters.images import read_photo_file
    from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection

    if args.override is not None and not args.reason.strip():
        raise UsageError("--override needs --reason TEXT")
    app = _app(args)
    try:
        actor = _actor(app, args)
        photos = []
        for path in args.photo:
            taken = datetime.now(UTC)
            prepared = read_photo_file(path, taken, app.station)
            photos.append(
                PhotoInput(prepared.data, taken, path.name, prepared.width, prepared.height)
            )
        draft = InspectionDraft(
            lpn=args.lpn,
            grade=args.grade,
            finding=args.finding,
            checklist=dict(args.checklist),
            serial=args.serial,
            notes=args.note,
            photos=tuple(photos),
            override=args.override,
            override_reason=args.reason,
        )
        decision = submit_inspection(app.ctx, actor, draft)
    finally:
        app.close()
    _print_decision(decision, out)
    return EXIT_OK


def _print_decision(decision, out: TextIO) -> None:  # type: ignore[no-untyped-def]
    from qc_station.domain.money import format_amount

    final = decision.final
    print(f"{decision.lpn}: {final.headline.value}", file=out)
    print(f"  resolution   {final.resolution.value}", file=out)
    print(f"  disposition  {final.disposition.value}", file=out)
    print(
        f"  refund       {format_amount(final.refund_amount, decision.currency)} "
        f"{decision.currency}",
        file=out,
    )
    if final.recovery:
        print(f"  recovery     {final.recovery.value}", file=out)
    print(f"  status       {decision.status}", file=out)
    for reason in decision.reasons + decision.approval_reasons:
        print(f"  - {reason.text}", file=out)


def cmd_approve(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services import approval

    app = _app(args)
    try:
        actor = _actor(app, args)
        if args.command == "approve":
            decision = approval.approve(app.ctx, actor, args.lpn, args.comment)
            print(f"{decision.lpn}: approved ({decision.final.headline.value})", file=out)
        else:
            decision = approval.reject(app.ctx, actor, args.lpn, args.comment)
            print(f"{decision.lpn}: rejected, back to inspection", file=out)
    finally:
        app.close()
    return EXIT_OK


def cmd_audit(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.domain.audit import parse_checkpoint
    from qc_station.services import audit

    checkpoint = parse_checkpoint(args.checkpoint) if args.checkpoint else None
    app = _app(args)
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

    app = _app(args)
    try:
        summary = load_demo(app.ctx, app.station)
    finally:
        app.close()
    print(summary, file=out)
    return EXIT_OK


def _one_line(text: str) -> str:
    """A decoded text on one output line: a QR code may hold line breaks (a vCard, an
    address), which would otherwise read as several codes. Control characters are shown as
    escapes (``\\n``, ``\\r``, ``\\x1d`` for a GS1 separator); every other character,
    CJK and full-width spaces included, is printed as it is."""
    import unicodedata

    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp")
        else ch
        for ch in text
    )


def cmd_decode(args: argparse.Namespace, out: TextIO) -> int:
    """Decode each image on its own, so one unreadable file does not hide the others' codes.
    Touches no database and no configuration: it must run on any machine, as a check."""
    import io

    import cv2

    from qc_station.adapters.barcodes import decode_image_bytes

    if not args.debug:
        # OpenCV's own "[ WARN ] PNG input buffer is incomplete" would repeat, less clearly,
        # the one-line error printed for that file.
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    if isinstance(out, io.TextIOWrapper):
        # Codes from anywhere (Japanese QR text) must not crash a legacy console encoding.
        out.reconfigure(errors="backslashreplace")
    status = EXIT_OK
    for path in args.images:
        try:
            codes = decode_image_bytes(path.read_bytes(), str(path))
        except OSError as exc:
            print(f"qc-station: error: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        except ValidationError as exc:
            print(f"qc-station: error: {exc}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        if not codes:
            print(f"qc-station: no barcode found in {path}", file=sys.stderr)
            status = EXIT_FAILED
        for code in codes:
            text = _one_line(code.text)
            print(f"{code.symbology}\t{text}" if args.debug else text, file=out)
    return status


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "db": cmd_db,
    "users": cmd_users,
    "import": cmd_import,
    "import-catalog": cmd_import,
    "export": cmd_export,
    "decide-batch": cmd_decide_batch,
    "inspect": cmd_inspect,
    "approve": cmd_approve,
    "reject": cmd_approve,
    "audit": cmd_audit,
    "demo": cmd_demo,
    "decode": cmd_decode,
}


GuiStarter = Callable[[Config, bool], int]


def main(argv: Sequence[str] | None = None, gui: GuiStarter | None = None) -> int:
    """Run a command; with none, start the station window through ``gui`` (the UI layer
    passes it in: the core never imports the UI)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command and gui is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        if not args.command:
            assert gui is not None
            return gui(_config(args), args.debug)
        return COMMANDS[args.command](args, sys.stdout)
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
