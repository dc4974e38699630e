"""Prints waiting for the database (``services.print_history.PrintRecordStore``).

A print that happened while the database was away is kept here until it can join its units'
story: one JSON file per record, ``<record id>.json``, in a folder of the station's own data
folder (beside the print spool, never on a shared folder), each replaced whole
(``write_atomically``) and the folder synced, so a crash leaves a record whole or absent. A
file that cannot be read is renamed ``.damaged-…`` and logged, never deleted.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .files import fsync_folder, write_atomically

log = logging.getLogger(__name__)

_SAFE_ID = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$")
_SUFFIX = ".json"


class FolderPrintRecords:
    """The records as files in ``root``; the folder is made on the first record."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def keep(self, record_id: str, data: Mapping[str, Any]) -> None:
        path = self._path(record_id)
        self.root.mkdir(parents=True, exist_ok=True)
        body = json.dumps(dict(data), ensure_ascii=False, indent=1).encode("utf-8")
        write_atomically(path, body, mode=None)
        fsync_folder(self.root)

    def kept(self) -> list[dict[str, Any]]:
        if not self.root.is_dir():
            return []
        records = []
        for path in sorted(self.root.glob(f"*{_SUFFIX}")):
            if path.name.startswith("."):
                continue
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if not isinstance(data, dict):
                    raise ValueError("not a record")
            except (OSError, ValueError) as error:
                log.warning("kept print record %s cannot be read, set aside: %s", path, error)
                os.replace(path, path.with_name(f".damaged-{path.name}"))
                continue
            records.append(data)
        return records

    def remove(self, record_id: str) -> None:
        if not _SAFE_ID.match(record_id):
            return  # never a file of ours
        self._path(record_id).unlink(missing_ok=True)

    def _path(self, record_id: str) -> Path:
        if not _SAFE_ID.match(record_id):
            raise ValueError(f"not a print record id: {record_id!r}")
        return self.root / f"{record_id}{_SUFFIX}"


def records_folder(data_dir: Path) -> Path:
    """Where a station keeps its prints waiting for the database: in its data folder."""
    return Path(data_dir) / "print-records"
