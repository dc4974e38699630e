"""Documents: ``label``, ``report`` and ``evidence`` (SPEC §7.4, §9, §11).

Each writes its file atomically: the bytes go to a temporary file beside the target, are
synced, and the file is renamed into place, so a reader (a print watcher, a mail job) never
sees half a PDF and a failure leaves any earlier file as it was. Defaults come from the
station's configuration (label size and printer resolution, report paper).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from printing.label_formats import LABEL_FORMATS
from qc_station.adapters.files import write_atomically
from qc_station.cli.common import (
    EXIT_OK,
    Commands,
    UsageError,
    acting_user,
    config_from,
    open_app,
)
from qc_station.cli.options import bounded_int
from qc_station.domain.wording import plural


def register(commands: Commands) -> None:
    label = commands.add_parser(
        "label", help="disposition label PDF of an LPN, or of every unit of an RMA"
    )
    label.add_argument("code", help="an LPN (one label) or an RMA code (one label per unit)")
    label.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    label.add_argument(
        "--size",
        choices=tuple(LABEL_FORMATS),
        help="label size (default: the label_size setting)",
    )
    label.add_argument(
        "--dpi",
        type=bounded_int(150, 1200),
        help="the label printer's resolution (default: the label_dpi setting, 203)",
    )
    label.set_defaults(handler=cmd_label)

    report = commands.add_parser("report", help="inspection report PDF of an RMA")
    report.add_argument("code", help="an RMA code (all its units) or an LPN (that unit)")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    report.add_argument(
        "--page-size", choices=("A4", "Letter"), help="paper (default: report_page_size)"
    )
    report.set_defaults(handler=cmd_report)

    evidence = commands.add_parser(
        "evidence", help="dispute evidence pack of a unit: report, original photos, manifest"
    )
    evidence.add_argument("lpn")
    evidence.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.zip")
    evidence.add_argument(
        "--page-size", choices=("A4", "Letter"), help="paper (default: report_page_size)"
    )
    evidence.set_defaults(handler=cmd_evidence)


def cmd_label(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services.documents import LabelSettings, label_pdf

    config = config_from(args)
    dpi = args.dpi if args.dpi is not None else config.label_dpi
    if not 150 <= dpi <= 1200:
        raise UsageError("cli.bad_dpi", value=dpi, low=150, high=1200)
    settings = LabelSettings(
        size=args.size or config.label_size,
        dpi=dpi,
        bins=dict(config.disposition_bins),
    )
    _check_target(args.output)
    app = open_app(args)
    try:
        document = label_pdf(app.ctx, acting_user(app, args), args.code, settings)
    finally:
        app.close()
    write_atomically(args.output, document.pdf)
    pages = len(document.codes)
    print(
        f"{args.output}: {plural(pages, 'label')} ({settings.size} in, "
        f"{settings.dpi} dpi): {', '.join(document.codes)}",
        file=out,
    )
    return EXIT_OK


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services.documents import ClipFrames, report_pdf

    config = config_from(args)
    page_size = args.page_size or config.report_page_size
    _check_target(args.output)
    app = open_app(args)
    try:
        document = report_pdf(
            app.ctx,
            acting_user(app, args),
            args.code,
            page_size=page_size,
            language=config.document_language,
            clips=ClipFrames(app.ports.videos, app.ports.key_frames),
        )
    finally:
        app.close()
    write_atomically(args.output, document.pdf)
    print(
        f"{args.output}: inspection report of {document.rma_code} "
        f"({plural(len(document.lpns), 'unit')}, {page_size})",
        file=out,
    )
    return EXIT_OK


def cmd_evidence(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services.documents import evidence_pack

    page_size = args.page_size or config_from(args).report_page_size
    _check_target(args.output)
    app = open_app(args)
    try:
        pack = evidence_pack(
            app.ctx, acting_user(app, args), args.lpn, page_size=page_size, videos=app.ports.videos
        )
    finally:
        app.close()
    write_atomically(args.output, pack.content)
    print(
        f"{args.output}: evidence pack of {pack.lpn} (report, {plural(pack.photo_count, 'photo')}"
        f"{', unboxing video' if pack.video_count else ''}, manifest.json)",
        file=out,
    )
    return EXIT_OK


def _check_target(path: Path) -> None:
    """Refuse before any work when the file could not be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError("cli.no_folder", path=str(path), folder=str(folder))
    if path.is_dir():
        raise UsageError("cli.target_is_folder", path=str(path))
