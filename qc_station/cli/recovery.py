"""Recovery: ``recovery list``, ``close-batch``, ``claim``, ``pull`` and ``record-payment``
(vendor returns and carrier claims, SPEC §5.2 rule 2), with the services the Recovery page
uses.

``close-batch SUPPLIER -o DIR`` closes the supplier's open vendor-return batch and writes its
packing list PDF, claim CSV and the units' inspection reports into DIR; ``claim CARRIER -o
DIR`` files the carrier's open claim and writes the same with the units' evidence packs. A
batch also gets its 4×6 in carton shipping labels (``--cartons N``, one page each, default 1).
The files of a case that is already closed or filed are written again with ``reprint NUMBER``
(a batch's labels with the carton count it was closed with, unless ``--cartons`` says else).
The folder is checked before anything changes; each file is written atomically.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from qc_station.adapters.files import write_into
from qc_station.cli.common import EXIT_OK, Commands, UsageError, config_from, open_app
from qc_station.cli.common import acting_user as _actor
from qc_station.cli.options import bounded_int
from qc_station.domain.money import format_amount, parse_amount
from qc_station.domain.wording import plural


def register(commands: Commands) -> None:
    recovery = commands.add_parser(
        "recovery", help="vendor-return batches and carrier claims: list, close, file, pay"
    )
    sub = recovery.add_subparsers(dest="recovery_command", metavar="ACTION", required=True)

    listing = sub.add_parser("list", help="cases with units, amounts claimed and recovered")
    listing.add_argument("--units", action="store_true", help="list each case's units too")
    listing.add_argument(
        "--figures",
        action="store_true",
        help="claimed, recovered and recovery rate per supplier and carrier",
    )
    listing.set_defaults(handler=cmd_list)

    close = sub.add_parser(
        "close-batch", help="close a supplier's open vendor-return batch and write its files"
    )
    close.add_argument("supplier")
    close.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    close.add_argument("--page-size", choices=("A4", "Letter"))
    close.add_argument(
        "--cartons",
        type=bounded_int(1, 10_000),
        default=1,
        metavar="N",
        help="how many cartons the batch ships in: one shipping label each (default 1)",
    )
    close.set_defaults(handler=cmd_close_batch)

    claim = sub.add_parser("claim", help="file a carrier's open claim and write its files")
    claim.add_argument("carrier")
    claim.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    claim.add_argument("--page-size", choices=("A4", "Letter"))
    claim.set_defaults(handler=cmd_claim)

    reprint = sub.add_parser("reprint", help="write the files of a closed batch or claim again")
    reprint.add_argument("number")
    reprint.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    reprint.add_argument("--page-size", choices=("A4", "Letter"))
    reprint.add_argument(
        "--cartons",
        type=bounded_int(1, 10_000),
        metavar="N",
        help="a batch's carton labels for N cartons (default: as many as it was closed with)",
    )
    reprint.set_defaults(handler=cmd_reprint)

    pull = sub.add_parser("pull", help="take a unit out of its open batch or claim")
    pull.add_argument("lpn")
    pull.add_argument("--reason", required=True)
    pull.set_defaults(handler=cmd_pull)

    pay = sub.add_parser(
        "record-payment", help="record money received on a batch or claim, or its denial"
    )
    pay.add_argument("claim", metavar="CLAIM", help="the batch or claim number")
    pay.add_argument("amount", nargs="?", metavar="AMOUNT", help="e.g. 120.50")
    pay.add_argument("--currency", help="needed when the claim is in several currencies")
    pay.add_argument("--denied", action="store_true", help="the party denied the claim")
    pay.add_argument("--note", default="")
    pay.set_defaults(handler=cmd_record_payment)


def _money(amounts: dict[str, Decimal]) -> str:
    return ", ".join(f"{format_amount(v, c)} {c}" for c, v in amounts.items()) or "-"


def _time(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M %Z") if value else "-"


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services.recovery import figures, list_cases

    app = open_app(args)
    try:
        actor = _actor(app, args)
        cases = list_cases(app.ctx, actor)
        per_party = figures(app.ctx, actor) if args.figures else []
    finally:
        app.close()
    if not cases:
        print("no vendor-return batches or carrier claims", file=out)
    for case in cases:
        deadline = ""
        if case.claim_due_at is not None:
            mark = f" [{case.deadline.value.upper()}]" if case.deadline else ""
            deadline = f"  claim by {_time(case.claim_due_at)}{mark}"
        print(
            f"{case.number or '(open)':<16} {case.kind.value:<13} {case.party:<24} "
            f"{case.state.value:<11} units {len(case.active_items):>3}  "
            f"claimed {_money(case.claimed)}  recovered {_money(case.recovered)}{deadline}",
            file=out,
        )
        if args.units:
            for item in case.items:
                pulled = f"  PULLED: {item.pull_reason}" if item.pulled else ""
                print(
                    f"    {item.lpn:<24} {item.sku:<16} {item.finding:<16} "
                    f"{format_amount(item.amount, item.currency)} {item.currency}{pulled}",
                    file=out,
                )
    for line in per_party:
        rate = line.recovery_rate_pct
        print(
            f"{line.kind.value:<13} {line.party:<24} claimed "
            f"{format_amount(line.claimed, line.currency)} {line.currency}  recovered "
            f"{format_amount(line.recovered, line.currency)} {line.currency}  rate "
            f"{'-' if rate is None else f'{rate}%'}",
            file=out,
        )
    return EXIT_OK


def _check_folder(path: Path) -> None:
    """Refuse before anything changes when the files could not be written."""
    if not path.is_dir():
        raise UsageError("cli.not_a_folder", path=str(path))


def _write(args: argparse.Namespace, out: TextIO, app, number: str) -> None:  # type: ignore[no-untyped-def]
    from qc_station.services.recovery import case_documents

    page_size = args.page_size or config_from(args).report_page_size
    cartons = getattr(args, "cartons", None)
    docs = case_documents(app.ctx, _actor(app, args), number, page_size=page_size, cartons=cartons)
    folder: Path = args.output
    # write_into: every name reduced to safe characters, nothing outside ``-o`` (SPEC §6).
    write_into(folder, f"{docs.number}-packing-list.pdf", docs.packing_list)
    write_into(folder, f"{docs.number}-claim.csv", docs.claim_csv)
    labels = ""
    if docs.carton_labels is not None:
        write_into(folder, f"{docs.number}-carton-labels.pdf", docs.carton_labels)
        labels = f", {docs.number}-carton-labels.pdf"
    for name, content in docs.attachments:
        write_into(folder, name, content)
    print(
        f"{folder}: {docs.number}-packing-list.pdf, {docs.number}-claim.csv{labels} and "
        f"{plural(len(docs.attachments), 'unit file')}",
        file=out,
    )


def cmd_close_batch(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services.recovery import close_batch

    _check_folder(args.output)
    app = open_app(args)
    try:
        case = close_batch(app.ctx, _actor(app, args), args.supplier, args.cartons)
        print(
            f"closed {case.number}: {plural(len(case.active_items), 'unit')} for {case.party}, "
            f"claimed {_money(case.claimed)}",
            file=out,
        )
        assert case.number is not None
        _write(args, out, app, case.number)
    finally:
        app.close()
    return EXIT_OK


def cmd_claim(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services.recovery import file_claim

    _check_folder(args.output)
    app = open_app(args)
    try:
        case = file_claim(app.ctx, _actor(app, args), args.carrier)
        print(
            f"filed {case.number}: {plural(len(case.active_items), 'unit')} with {case.party}, "
            f"claimed {_money(case.claimed)}",
            file=out,
        )
        assert case.number is not None
        _write(args, out, app, case.number)
    finally:
        app.close()
    return EXIT_OK


def cmd_reprint(args: argparse.Namespace, out: TextIO) -> int:
    _check_folder(args.output)
    app = open_app(args)
    try:
        _write(args, out, app, args.number)
    finally:
        app.close()
    return EXIT_OK


def cmd_pull(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services.recovery import pull_unit

    app = open_app(args)
    try:
        case = pull_unit(app.ctx, _actor(app, args), args.lpn, args.reason)
    finally:
        app.close()
    print(f"pulled {args.lpn.strip().upper()} out of the open case for {case.party}", file=out)
    return EXIT_OK


def cmd_record_payment(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services.recovery import record_payment

    if args.denied and args.amount is not None:
        raise UsageError("cli.denied_takes_no_amount")
    if not args.denied and args.amount is None:
        raise UsageError("cli.amount_or_denied")
    amount = None if args.denied else parse_amount(args.amount, "amount")
    app = open_app(args)
    try:
        case = record_payment(
            app.ctx,
            _actor(app, args),
            args.claim,
            amount,
            args.currency.strip().upper() if args.currency else None,
            denied=args.denied,
            note=args.note,
        )
    finally:
        app.close()
    print(
        f"{case.number}: {case.state.value}; claimed {_money(case.claimed)}, "
        f"recovered {_money(case.recovered)}",
        file=out,
    )
    return EXIT_OK
