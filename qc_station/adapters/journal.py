"""The station's outage journal (SPEC §10): submissions kept on the local disk while the
server cannot take them, until ``services.outbox`` replays them.

Layout, in a folder under the station's data folder (never on the shared photo folder, which
may be what is missing)::

    journal/
      <inspection id>/entry.json      the draft's fields, its photos' SHA-256, refusal if any
                                      (the refusal: ``refused`` in English, ``refused_code``
                                      and ``refused_params`` for the screens; outside the
                                      signed ``record``, so marking keeps the signature)
      <inspection id>/photo-00.bin    the photo bytes, in order

Durability: a new entry is written into a ``.tmp-…`` folder, each file flushed to disk,
and the folder renamed into place (atomic on one file system) and the parent synced, so an
entry is either whole or absent after a crash or power cut. Changing an entry (its refusal)
replaces ``entry.json`` the same way. Removing renames the folder out of the way first, so a
half-deleted entry never looks like one. Nothing unreadable is ever deleted: an entry whose
JSON does not parse or whose photo does not match its SHA-256 is renamed ``.damaged-…`` and
logged, for a person to look at.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from qc_station.domain.errors import QcError, ValidationError
from qc_station.services.ports import JournalEntry

from .files import fsync_folder, write_atomically
from .tagged_json import decode_tagged, encode_tagged

log = logging.getLogger(__name__)

FORMAT = 1
_ENTRY = "entry.json"
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class JournalUnavailable(QcError):
    """The journal folder cannot be written: the submission could not be kept locally."""

    code = "journal_unavailable"


def _refusal_fields(code: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """A refusal's code and parameters as ``entry.json`` keeps them (amounts and moments
    tagged, so they come back as the same types); nothing for a refusal without a code."""
    if not code:
        return {}
    # A value JSON has no form for (a path, say) is kept as its text.
    stored = json.loads(json.dumps(encode_tagged(dict(params)), default=str))
    return {"refused_code": code, "refused_params": stored}


def _refusal_of(meta: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """The refusal's code and parameters from ``entry.json``: none in an entry refused (or
    written) before refusals had codes; its English ``refused`` is shown as it is."""
    code = meta.get("refused_code")
    params = decode_tagged(meta.get("refused_params"))
    if not isinstance(code, str) or not code:
        return "", {}
    return code, params if isinstance(params, dict) else {}


def _photo_name(position: int) -> str:
    return f"photo-{position:02d}.bin"


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class FileJournal:
    """``services.ports.Journal`` on a local folder (made on first write)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _folder(self, entry_id: str) -> Path:
        if not isinstance(entry_id, str) or not _ID.fullmatch(entry_id):
            raise ValidationError("journal.bad_entry_id", value=str(entry_id)[:80])
        return self.root / entry_id

    def put(self, entry: JournalEntry) -> None:
        folder = self._folder(entry.id)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            if (folder / _ENTRY).is_file():
                self._rewrite(folder, entry)
            else:
                self._create(folder, entry)
        except OSError as exc:
            log.error("cannot keep the inspection in the local journal %s: %s", self.root, exc)
            raise JournalUnavailable(
                "journal.cannot_keep", path=str(self.root), detail=str(exc)
            ) from exc

    def _meta(self, entry: JournalEntry, created_ns: int) -> bytes:
        meta: dict[str, Any] = {
            "format": FORMAT,
            "id": entry.id,
            "created_ns": created_ns,
            "record": entry.record,
            "photos": [hashlib.sha256(p).hexdigest() for p in entry.photos],
            "refused": entry.refused,
            **_refusal_fields(entry.refused_code, entry.refused_params),
        }
        return json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8")

    def _create(self, folder: Path, entry: JournalEntry) -> None:
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{entry.id}-", dir=self.root))
        try:
            for position, data in enumerate(entry.photos):
                _write_file(tmp / _photo_name(position), data)
            _write_file(tmp / _ENTRY, self._meta(entry, time.time_ns()))
            fsync_folder(tmp)
            if folder.exists():
                # A folder without entry.json: a removal cut short. Move it aside first.
                folder.rename(self.root / f".trash-{entry.id}-{secrets.token_hex(4)}")
            os.rename(tmp, folder)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        fsync_folder(self.root)

    def _rewrite(self, folder: Path, entry: JournalEntry) -> None:
        # The same inspection id is the same draft; photos that are already there stay.
        old = self._read_meta(folder)
        created = int(old.get("created_ns", time.time_ns())) if old else time.time_ns()
        for position, data in enumerate(entry.photos):
            target = folder / _photo_name(position)
            if not target.is_file() or target.stat().st_size != len(data):
                write_atomically(target, data, mode=None)
        write_atomically(folder / _ENTRY, self._meta(entry, created), mode=None)

    @staticmethod
    def _read_meta(folder: Path) -> dict[str, Any] | None:
        try:
            meta = json.loads((folder / _ENTRY).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return meta if isinstance(meta, dict) else None

    def entries(self) -> list[JournalEntry]:
        if not self.root.is_dir():
            return []
        found: list[tuple[int, JournalEntry]] = []
        for folder in sorted(self.root.iterdir()):
            if folder.name.startswith(".") or not folder.is_dir():
                continue
            loaded = self._load(folder)
            if loaded is not None:
                found.append(loaded)
        found.sort(key=lambda pair: (pair[0], pair[1].id))
        return [entry for _, entry in found]

    def _load(self, folder: Path) -> tuple[int, JournalEntry] | None:
        if not (folder / _ENTRY).exists():
            return None  # not an entry (yet): nothing to replay
        meta = self._read_meta(folder)
        problem = ""
        photos: list[bytes] = []
        if meta is None or meta.get("format") != FORMAT or meta.get("id") != folder.name:
            problem = "entry.json is unreadable or not of this format"
        else:
            for position, digest in enumerate(meta.get("photos", [])):
                try:
                    data = (folder / _photo_name(position)).read_bytes()
                except OSError as exc:
                    problem = f"photo {position + 1} cannot be read ({exc})"
                    break
                if hashlib.sha256(data).hexdigest() != digest:
                    problem = f"photo {position + 1} does not match its SHA-256"
                    break
                photos.append(data)
        if problem or meta is None:
            self._set_aside(folder, problem)
            return None
        entry = JournalEntry(
            folder.name,
            dict(meta.get("record", {})),
            tuple(photos),
            str(meta.get("refused", "")),
            *_refusal_of(meta),
        )
        return int(meta.get("created_ns", 0)), entry

    def _set_aside(self, folder: Path, problem: str) -> None:
        target = self.root / f".damaged-{folder.name}-{secrets.token_hex(4)}"
        log.error("journal entry %s is damaged (%s); kept as %s", folder, problem, target)
        try:
            folder.rename(target)
        except OSError:
            log.exception("could not set the damaged journal entry %s aside", folder)

    def mark_refused(
        self,
        entry_id: str,
        reason: str,
        code: str = "",
        params: Mapping[str, Any] | None = None,
    ) -> None:
        folder = self._folder(entry_id)
        meta = self._read_meta(folder)
        if meta is None:
            return
        meta["refused"] = reason
        meta.pop("refused_code", None)
        meta.pop("refused_params", None)
        meta.update(_refusal_fields(code, params or {}))
        try:
            write_atomically(
                folder / _ENTRY, json.dumps(meta, ensure_ascii=False, indent=1).encode(), mode=None
            )
        except OSError as exc:
            raise JournalUnavailable(
                "journal.cannot_update", path=str(self.root), detail=str(exc)
            ) from exc

    def set_aside(
        self,
        entry_id: str,
        reason: str,
        code: str = "",
        params: Mapping[str, Any] | None = None,
    ) -> None:
        """Keep a refused entry out of the journal for good (SPEC §6: an edited entry, or one
        not bound to a sign-in of this station): marked with the reason and renamed
        ``.refused-…``, so it is never replayed or discarded, and never deleted."""
        self.mark_refused(entry_id, reason, code, params)
        folder = self._folder(entry_id)
        target = self.root / f".refused-{entry_id}-{secrets.token_hex(4)}"
        log.error("journal entry %s refused and kept aside as %s: %s", entry_id, target, reason)
        try:
            os.rename(folder, target)
            fsync_folder(self.root)
        except OSError as exc:
            raise JournalUnavailable(
                "journal.cannot_set_aside",
                path=str(self.root),
                inspection_id=entry_id,
                detail=str(exc),
            ) from exc

    def kept_aside(self) -> list[JournalEntry]:
        """The entries ``set_aside`` refused (their fields and reason; no photos), oldest
        first: for the station to show and a person to look at."""
        if not self.root.is_dir():
            return []
        found: list[tuple[int, JournalEntry]] = []
        for folder in sorted(self.root.iterdir()):
            if not folder.name.startswith(".refused-") or not folder.is_dir():
                continue
            meta = self._read_meta(folder) or {}
            record = meta.get("record")
            entry = JournalEntry(
                str(meta.get("id", folder.name)),
                dict(record) if isinstance(record, dict) else {},
                (),
                str(meta.get("refused", "")) or "refused",
                *_refusal_of(meta),
            )
            found.append((int(meta.get("created_ns", 0) or 0), entry))
        found.sort(key=lambda pair: (pair[0], pair[1].id))
        return [entry for _, entry in found]

    def remove(self, entry_id: str) -> None:
        folder = self._folder(entry_id)
        if not folder.exists():
            return
        trash = self.root / f".trash-{entry_id}-{secrets.token_hex(4)}"
        os.rename(folder, trash)
        fsync_folder(self.root)
        shutil.rmtree(trash, ignore_errors=True)

    def damaged(self) -> list[Path]:
        """Entries set aside as unreadable, for the log and support."""
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.iterdir() if p.name.startswith(".damaged-"))
