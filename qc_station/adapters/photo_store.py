"""Content-addressed photo files (SPEC §2.3, §10): the SHA-256 of the bytes names the file.

Layout: ``ROOT/ab/abcdef…`` (the first two hex digits as a folder, so no folder grows to
hundreds of thousands of entries). The same bytes always land in the same file, so storing a
photo twice is harmless, and a file whose content no longer matches its name is evidence of
tampering or disk damage.

Writes are atomic: a temporary file in the target folder, flushed to disk, then renamed over
the final name (``os.replace`` is atomic on one file system, local or SMB/NFS share). A
crash leaves either the whole photo or none of it, never half a JPEG.

Names given to ``get``/``path``/``exists`` must be 64 lower-case hex digits; anything else is
refused, so no name (``../x``, an absolute path) can reach outside the store.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from qc_station.domain.errors import NotFound, QcError, ValidationError

from .files import write_atomically

log = logging.getLogger(__name__)

#: The mode of every folder the store makes (SPEC §6); the same as the database's folder.
PRIVATE_FOLDER_MODE = 0o700

_SHA256 = re.compile(r"[0-9a-f]{64}")


class PhotoStoreUnavailable(QcError):
    """The photo folder is missing, unreadable or unwritable (a shared folder not mounted)."""

    code = "photo_store_unavailable"


class FileSystemPhotoStore:
    """``create=True`` makes the root folder on first write: right for the local folder
    beside a single station's database, wrong for a shared folder, where a missing root
    means the share is not mounted and photos must not pile up on the local disk."""

    def __init__(self, root: Path, *, create: bool = False) -> None:
        self.root = Path(root)
        self.create = create

    def _check(self, sha256: str) -> str:
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            raise ValidationError(
                "photo.bad_name",
                field="sha256",
                value=str(sha256)[:80],
            )
        return sha256

    def path(self, sha256: str) -> Path:
        digest = self._check(sha256)
        return self.root / digest[:2] / digest

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def get(self, sha256: str) -> bytes:
        target = self.path(sha256)
        try:
            return target.read_bytes()
        except FileNotFoundError:
            if not self.root.is_dir():
                raise self._missing() from None
            raise NotFound("photo.not_found", sha256=sha256) from None
        except OSError as exc:
            log.error("the photo folder %s cannot be read: %s", self.root, exc)
            raise PhotoStoreUnavailable(
                "photo.store_unreadable", path=str(self.root), detail=exc.strerror or str(exc)
            ) from None

    def put(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.is_file() and target.stat().st_size == len(data):
            # Same name, same size: same content (barring a SHA-256 collision). A file of the
            # wrong size is a torn copy left by another tool and gets rewritten below.
            return digest
        try:
            # Folders the store makes are 0700 (SPEC §6: photos and videos are the station
            # account's only); a shared root that exists keeps the mode its site gave it.
            if self.create:
                self.root.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
            elif not self.root.is_dir():
                raise self._missing()
            target.parent.mkdir(mode=PRIVATE_FOLDER_MODE, exist_ok=True)
            write_atomically(target, data)  # 0644: other stations read it
        except OSError as exc:
            log.error("the photo folder %s is not writable: %s", self.root, exc)
            raise PhotoStoreUnavailable(
                "photo.store_not_writable", path=str(self.root), detail=exc.strerror or str(exc)
            ) from None
        return digest

    def _missing(self) -> PhotoStoreUnavailable:
        log.error("the photo folder %s is missing", self.root)
        return PhotoStoreUnavailable("photo.store_missing", path=str(self.root))
