"""``decode IMAGE…``: the barcodes in image files, one per line, with no database.

With one image a line is the code alone (scripts read it so); with several, each line starts
with the image's name and a tab (``FILE<TAB>CODE``, as ``grep`` names files), so the codes can
be told apart. ``--debug`` adds the symbology before the code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from qc_station.cli.common import EXIT_FAILED, EXIT_OK, Commands
from qc_station.domain.errors import ValidationError


def register(commands: Commands) -> None:
    decode = commands.add_parser(
        "decode",
        help="print the barcodes found in image files, one per line, after the file name "
        "when there are several (no database)",
    )
    decode.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    decode.set_defaults(handler=cmd_decode)


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
    named = len(args.images) > 1
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
            fields = [str(path)] if named else []
            fields += [code.symbology, text] if args.debug else [text]
            print("\t".join(fields), file=out)
    return status
