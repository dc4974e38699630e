"""Maintenance commands: ``backup -o FILE``, ``restore FILE`` and ``maintenance prune-videos
[--dry-run]`` (SPEC §11).

Both need an admin (``--user``). A restore replaces everything the stations wrote since the
backup, so it asks first unless ``--yes`` is given; without a terminal to ask on, it refuses
rather than guess.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from qc_station.cli.common import EXIT_FAILED, EXIT_OK, Commands, UsageError, acting_user, open_app
from qc_station.domain.wording import plural


def register(commands: Commands) -> None:
    backup = commands.add_parser(
        "backup", help="copy the database to a file (SQLite; online, stations may keep working)"
    )
    backup.add_argument("-o", "--output", type=Path, required=True, help="the backup file")
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser(
        "restore", help="replace the database by a backup (close every station first)"
    )
    restore.add_argument("file", type=Path, help="a backup made by qc-station backup")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=cmd_restore)

    maintenance = commands.add_parser("maintenance", help="housekeeping of the station's files")
    tasks = maintenance.add_subparsers(dest="task", required=True, metavar="TASK")
    prune = tasks.add_parser(
        "prune-videos",
        help="delete unboxing videos past video_retention_days of final, exported decisions "
        "with no open dispute or claim (audited)",
    )
    prune.add_argument("--dry-run", action="store_true", help="list them; delete nothing")
    prune.set_defaults(handler=cmd_prune_videos)


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services import maintenance

    app = open_app(args)
    try:
        actor = acting_user(app, args)
        report = maintenance.backup(app.ctx, actor, args.output)
    finally:
        app.close()
    print(f"backup written to {report.path} ({plural(report.size_bytes, 'byte')})", file=out)
    print(f"sha256 {report.sha256}", file=out)
    print(f"audit head {report.audit_head}", file=out)
    return EXIT_OK


def _confirmed(source: Path) -> bool:
    if not sys.stdin.isatty():
        raise UsageError("cli.restore_needs_yes")
    answer = input(
        f"Replace the database by {source}? Everything written since that backup is "
        "set aside (kept as *.before-restore). Type yes to go on: "
    )
    return answer.strip().lower() == "yes"


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services import maintenance

    if not args.file.is_file():
        raise UsageError("restore.no_file", path=str(args.file))
    app = open_app(args)
    try:
        actor = acting_user(app, args)
        if not args.yes and not _confirmed(args.file):
            print("restore cancelled; nothing was changed", file=out)
            return EXIT_FAILED
        report = maintenance.restore(app.ctx, actor, args.file)
    finally:
        app.close()
    print(f"database restored from {report.source}", file=out)
    print(f"the database as it was is kept in {report.previous}", file=out)
    print(f"schema {report.revision_of_file} -> {report.revision_now}", file=out)
    return EXIT_OK


def cmd_prune_videos(args: argparse.Namespace, out: TextIO) -> int:
    from qc_station.services.videos import prune_videos

    app = open_app(args)
    try:
        actor = acting_user(app, args)
        if app.ports.videos is None:
            raise UsageError("cli.no_video_store")
        report = prune_videos(app.ctx, actor, app.ports.videos, dry_run=args.dry_run)
    finally:
        app.close()
    verb = "would delete" if report.dry_run else "deleted"
    for video in report.pruned:
        print(f"{verb} {video.clip.sha256}  {video.lpn}  ended {video.clip.ended_at:%Y-%m-%d}",
              file=out)  # fmt: skip
    for video, why in report.kept:
        print(f"kept {video.clip.sha256}  {video.lpn}: {why}", file=out)
    print(
        f"{plural(len(report.pruned), 'video')} {verb} ({report.freed_bytes // 2**20} MB) past "
        f"{plural(report.retention_days, 'day')}; {len(report.kept)} kept",
        file=out,
    )
    return EXIT_OK
