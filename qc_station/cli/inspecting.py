"""The inspector's and supervisor's work for scripted stations: ``inspect``, ``approve``,
``reject`` and ``reopen``, through the same services as the screens."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from qc_station.cli.common import (
    EXIT_OK,
    Commands,
    UsageError,
    acting_user,
    open_app,
    parse_checklist,
    parse_enum,
)
from qc_station.domain.enums import Finding, Grade, Headline


def register(commands: Commands) -> None:
    inspect = commands.add_parser("inspect", help="record an inspection and its decision")
    inspect.add_argument("lpn")
    inspect.add_argument("--grade", required=True, type=parse_enum(Grade, "grade"))
    inspect.add_argument("--finding", required=True, type=parse_enum(Finding, "finding"))
    inspect.add_argument("--photo", action="append", default=[], type=Path)
    inspect.add_argument(
        "--video",
        type=Path,
        metavar="FILE",
        help="attach an unboxing video recorded elsewhere (an MP4 or other file OpenCV "
        "decodes, with frames, at most 1 GB)",
    )
    inspect.add_argument(
        "--checklist",
        action="append",
        default=[],
        type=parse_checklist,
        metavar="KEY=pass|fail|na",
    )
    inspect.add_argument("--serial", default="")
    inspect.add_argument("--note", default="")
    inspect.add_argument("--override", type=parse_enum(Headline, "headline"), metavar="HEADLINE")
    inspect.add_argument("--reason", default="", help="why the proposal was overridden")
    inspect.set_defaults(handler=cmd_inspect)

    for name, text in (
        ("approve", "approve a decision awaiting approval"),
        ("reject", "send a decision back to inspection"),
    ):
        p = commands.add_parser(name, help=text)
        p.add_argument("lpn")
        p.add_argument("--comment", default="")
        p.set_defaults(handler=cmd_approve)

    reopen = commands.add_parser(
        "reopen", help="reopen a decided unit (supervisor); its new decision needs approval"
    )
    reopen.add_argument("lpn")
    reopen.add_argument("--reason", required=True, help="why the unit is reopened (audited)")
    reopen.set_defaults(handler=cmd_reopen)


def cmd_inspect(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection

    if args.override is not None and not args.reason.strip():
        raise UsageError("cli.override_needs_reason")
    app = open_app(args)
    try:
        actor = acting_user(app, args)
        photos = []
        for path in args.photo:
            # Read and checked here, as captured; submit_inspection burns the time in.
            taken = datetime.now(UTC)
            photos.append(PhotoInput(app.ports.photos.read(path), taken, path.name))
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
        # The clip is checked and stored before the decision: a bad file refuses the command.
        clip = _import_video(app, args.video) if args.video is not None else None
        decision = submit_inspection(app.ctx, actor, draft)
        if clip is not None:
            from qc_station.services.videos import attach_video

            attach_video(app.ctx, actor, draft.inspection_id, clip)
    finally:
        app.close()
    _print_decision(decision, out)
    if clip is not None:
        print(
            f"  video        {clip.sha256} ({clip.duration_ms / 1000:.1f} s, {clip.frames} frames)",
            file=out,
        )
    return EXIT_OK


def _import_video(app, path: Path):  # type: ignore[no-untyped-def]
    if app.ports.import_clip is None:
        raise UsageError("cli.no_video_store")
    return app.ports.import_clip(path)


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

    app = open_app(args)
    try:
        actor = acting_user(app, args)
        if args.command == "approve":
            decision = approval.approve(app.ctx, actor, args.lpn, args.comment)
            print(f"{decision.lpn}: approved ({decision.final.headline.value})", file=out)
        else:
            decision = approval.reject(app.ctx, actor, args.lpn, args.comment)
            print(f"{decision.lpn}: rejected, back to inspection", file=out)
    finally:
        app.close()
    return EXIT_OK


def cmd_reopen(args: argparse.Namespace, out: TextIO) -> int:
    """SPEC §11 ``qc-station reopen LPN --reason TEXT``: the service the screens use."""
    from qc_station.services import approval, returns

    if not args.reason.strip():
        raise UsageError("cli.reopen_needs_reason")
    app = open_app(args)
    try:
        actor = acting_user(app, args)
        approval.reopen(app.ctx, actor, args.lpn, args.reason)
    finally:
        app.close()
    print(
        f"{returns.normalise_code(args.lpn)}: reopened, back to inspection; its new decision "
        f"needs approval by someone other than {actor.username}",
        file=out,
    )
    return EXIT_OK
