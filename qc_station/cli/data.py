"""Data in and out: ``import``, ``import-catalog``, ``export finance`` and ``decide-batch``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from qc_station.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Commands,
    UsageError,
    acting_user,
    config_from,
    open_app,
    open_out,
    read_input,
)
from qc_station.domain.wording import plural


def register(commands: Commands) -> None:
    imp = commands.add_parser(
        "import", help="import an RMA manifest (generic CSV or Amazon FBA returns report)"
    )
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=cmd_import)
    cat = commands.add_parser("import-catalog", help="import the product catalog CSV")
    cat.add_argument("file", type=Path)
    cat.set_defaults(handler=cmd_import)

    export = commands.add_parser("export", help="exports for finance")
    export_commands = export.add_subparsers(dest="export_command", metavar="KIND", required=True)
    fin = export_commands.add_parser("finance", help="approved decisions not yet exported")
    fin.add_argument("-o", "--output", type=Path, help="CSV file (default: standard output)")
    fin.add_argument("--batch", help="re-export this batch, byte-identical")
    export.set_defaults(handler=cmd_export)

    batch = commands.add_parser("decide-batch", help="run the policy on cases, no database")
    batch.add_argument("cases", type=Path)
    batch.add_argument("--policy", type=Path, help="policy TOML (default: the configured one)")
    batch.add_argument("-o", "--output", type=Path, help="output CSV (default: standard output)")
    batch.set_defaults(handler=cmd_decide_batch)


def _write_errors_file(source: Path, text: bytes) -> Path:
    from qc_station.adapters.files import write_atomically

    target = source.with_name(source.name + ".errors.csv")
    write_atomically(target, text)  # never through a link planted at that name (SPEC §6)
    return target


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.formats.csv_input import render_errors_file
    from qc_station.services import importing

    data = read_input(args.file)
    app = open_app(args)
    try:
        actor = acting_user(app, args)
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
        print(f"{plural(len(report.errors), 'row')} not imported; see {target}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services import finance

    app = open_app(args)
    try:
        actor = acting_user(app, args)
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

    policy_file = args.policy or (config_from(args).policy_file or None)
    policy = read_policy(policy_file)
    try:
        cases = args.cases.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise UsageError(
            "cli.cannot_read", path=str(args.cases), detail=exc.strerror or str(exc)
        ) from None
    with cases, open_out(args.output) as writer:
        summary = run_decide_batch(cases, writer, policy)
    if summary.failed:
        print(
            f"{summary.failed} of {plural(summary.rows, 'case')} failed; see the ERROR rows",
            file=sys.stderr,
        )
        return EXIT_FAILED
    return EXIT_OK
