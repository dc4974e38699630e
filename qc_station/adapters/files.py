"""Durable file writes: a file appears whole or not at all, and stays after a power cut.

One place for what the photo store, the outage journal, the print spool, backups and the
documents written by the command line and the screens all need: write a temporary file in
the target's folder, fsync it, rename it over the target (atomic on one file system, local
or SMB/NFS share), then fsync the folder so the rename itself is on disk."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX). Windows cannot open folders this way and
    some network shares refuse; the file is complete either way, so that is not worth
    failing for."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes, *, mode: int | None = 0o644) -> None:
    """Replace ``path`` with ``data`` whole. ``mode``: the file's permissions (mkstemp makes
    it private, 0600; a document or photo is meant to be read by others); ``None`` keeps it
    private."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(stream.fileno(), mode)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(folder)
