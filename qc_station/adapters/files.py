"""Durable file writes: a file appears whole or not at all, and stays after a power cut.

One place for what the photo store, the outage journal, the print spool, backups and the
documents written by the command line and the screens all need: write a temporary file in
the target's folder, fsync it, rename it over the target (atomic on one file system, local
or SMB/NFS share), then fsync the folder so the rename itself is on disk.

Also the one place for the file-system rules of SPEC §6 on what the station writes: a name
made from data goes through ``safe_file_name`` and is written with ``write_into``, which
refuses anything that would land outside the folder the user named; no write follows an
existing symbolic link (``write_atomically`` refuses a link at the target, and every file is
created fresh with ``O_EXCL`` by ``mkstemp``, then renamed)."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from qc_station.domain.errors import QcError
from qc_station.domain.fields import safe_file_name

__all__ = [
    "UnsafePath",
    "atomic_text_output",
    "fsync_folder",
    "safe_file_name",
    "write_atomically",
    "write_into",
]


class UnsafePath(QcError):
    """A write the station refuses: through a symbolic link, or outside the folder named."""

    code = "unsafe_path"


def refuse_symlink(path: Path) -> None:
    """Refuse to write at ``path`` when it is a symbolic link (even a dangling one): writing
    there would change whatever the link points at, a file someone else chose."""
    if path.is_symlink():
        raise UnsafePath("path.symbolic_link", path=str(path))


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
    private. An existing symbolic link at ``path`` is refused (``UnsafePath``)."""
    folder = path.parent if str(path.parent) else Path(".")
    refuse_symlink(path)
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


def write_into(folder: Path, name: str, data: bytes, *, mode: int | None = 0o644) -> Path:
    """Write ``data`` as the file ``name`` directly inside ``folder`` (the folder the user
    named) and return its path. ``name`` comes from data (an RMA code, an LPN, a supplier):
    it is reduced by ``safe_file_name``, and the resolved target must still be a direct
    child of the resolved ``folder``, or nothing is written."""
    base = Path(folder).resolve()
    target = base / safe_file_name(name)
    if target.parent != base:  # cannot happen after safe_file_name; the last line of defence
        raise UnsafePath("path.outside_folder", path=str(target), name=name, folder=str(folder))
    write_atomically(target, data, mode=mode)
    return target


@contextlib.contextmanager
def atomic_text_output(path: Path, *, mode: int | None = 0o644) -> Iterator[TextIO]:
    """A text stream (UTF-8, line endings as written) whose content appears at ``path``
    whole, through ``write_atomically``, when the block completes; nothing is written on an
    exception. For the small files a command writes with ``-o`` (stats, decide-batch)."""
    refuse_symlink(Path(path))  # before the work, not after it
    buffer = io.StringIO(newline="")
    yield buffer
    write_atomically(Path(path), buffer.getvalue().encode("utf-8"), mode=mode)
