"""Writing a finance file to a path (``export_finance_to_file``, SPEC §7.3): the target checked
before anything is marked (no folder, symbolic link, missing or read-only folder), a
temporary file beside it fsynced and checked again before the commit, and renamed into place
after it, so finance never picks up a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from qc_station.domain.errors import QcError
from qc_station.formats.finance_csv import (
    ByteSink,
)


class ExportTargetRefused(QcError):
    """The file named for an export cannot take it: checked before anything is marked."""

    code = "export_target"


def check_export_target(path: Path) -> None:
    """Refuse a target the export could not end up at, before a batch is taken: an existing
    folder, a symbolic link (even a dangling one: SPEC §6, no write follows a link), a
    device, pipe or other non-regular file, a folder that does not exist or is not a
    folder, and a folder the station may not write in (the temporary file and the rename
    both need that). Raises ``ExportTargetRefused`` naming the path."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")

    where = {"path": str(path), "folder": str(folder)}
    if path.is_symlink():
        raise ExportTargetRefused("export.target_link", **where)
    if path.is_dir():
        raise ExportTargetRefused("export.target_folder", **where)
    if path.exists() and not path.is_file():
        raise ExportTargetRefused("export.target_not_file", **where)
    if not folder.exists():
        raise ExportTargetRefused("export.folder_missing", **where)
    if not folder.is_dir():
        raise ExportTargetRefused("export.folder_not_folder", **where)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportTargetRefused("export.folder_not_writable", **where)


class StagedFile:
    """A new file in the target's folder (created with ``O_EXCL``: never an existing file
    or link), hidden under a dot name, that becomes ``path`` only through ``publish``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        folder = self.path.parent if str(self.path.parent) else Path(".")
        self.handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed on every path
            mode="wb", dir=folder, prefix=f".{self.path.name}.", suffix=".part", delete=False
        )
        self.temp = Path(self.handle.name)

    def write(self, data: bytes, /) -> int:
        return self.handle.write(data)

    def seal(self) -> None:
        """Everything on disk, and the target still one we may replace."""
        self.handle.flush()
        os.fsync(self.handle.fileno())
        check_export_target(self.path)

    def publish(self) -> None:
        self.handle.close()
        os.replace(self.temp, self.path)
        folder = self.path.parent if str(self.path.parent) else Path(".")
        with contextlib.suppress(OSError):  # some shares refuse; the file is complete
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def discard(self) -> None:
        self.handle.close()
        self.temp.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[ByteSink]:
    """A binary file that appears at ``path`` only if the block completes.

    The target is checked first (``check_export_target``). The bytes go to a temporary file
    in the same folder (a rename is only atomic within one file system), are flushed to
    disk, and then replace ``path``; on any exception the temporary file is removed and
    ``path`` is left as it was.
    """
    check_export_target(path)
    staged = StagedFile(path)
    try:
        yield staged
        staged.seal()
        staged.publish()
    except BaseException:
        staged.discard()
        raise
