"""The dispute evidence pack (SPEC §7.4): one zip per unit.

The zip holds the inspection report PDF, the original photos byte for byte (a marketplace or a
carrier may check them against the hashes in the report), and ``manifest.json`` with the
SHA-256 and size of every other file, the RMA facts and the decision.

The same input gives the same bytes: entries are sorted, every entry carries the timestamp
given (never the clock), file attributes are fixed, and the manifest is written with sorted
keys. Photos are stored uncompressed (JPEG does not deflate, and stored bytes are easiest to
check by hand); the report and manifest are deflated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

from .data import EvidenceData

MANIFEST_NAME = "manifest.json"
PHOTO_FOLDER = "photos/"
VIDEO_FOLDER = "video/"
MANIFEST_FORMAT = "qc-station-evidence-pack/1"

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def build_evidence_pack(
    report_pdf: bytes,
    photos: Iterable[tuple[str, bytes]],
    facts: Mapping[str, Any],
    decision: Mapping[str, Any],
    *,
    timestamp: tuple[int, int, int, int, int, int] = _ZIP_EPOCH,
    report_name: str = "inspection-report.pdf",
    videos: Iterable[tuple[str, bytes]] = (),
) -> bytes:
    """The zip as bytes. ``photos`` are ``(file name, original bytes)``; names are reduced to
    safe base names (no folders, no ``..``) and made unique with ``-2``, ``-3``… in the order
    given. ``videos`` likewise, in ``video/`` (the unboxing video, SPEC §7.5). ``timestamp``
    is written on every entry (zip cannot hold dates before 1980)."""
    report = _safe_name(report_name, set())
    if report == MANIFEST_NAME:
        raise ValueError(f"{MANIFEST_NAME} is reserved for the manifest")
    files: dict[str, bytes] = {report: report_pdf}
    used: set[str] = set()
    for name, content in photos:
        safe = _safe_name(name, used)
        used.add(safe)
        files[PHOTO_FOLDER + safe] = content
    used = set()
    for name, content in videos:
        safe = _safe_name(name, used)
        used.add(safe)
        files[VIDEO_FOLDER + safe] = content

    manifest = {
        "format": MANIFEST_FORMAT,
        "algorithm": "sha256",
        "files": [
            {"name": name, "sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
            for name, content in sorted(files.items())
        ],
        "facts": facts,
        "decision": decision,
    }
    manifest_bytes = (
        json.dumps(manifest, default=_json_value, ensure_ascii=False, indent=2, sort_keys=True)
        + "\n"
    ).encode("utf-8")
    files[MANIFEST_NAME] = manifest_bytes

    date_time = _zip_time(timestamp)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=date_time)
            # Fixed "made on Unix, rw-r--r--" so the bytes do not depend on the OS that made them.
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            if name.startswith((PHOTO_FOLDER, VIDEO_FOLDER)):
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name], compresslevel=9)
    return buf.getvalue()


def pack_evidence(data: EvidenceData) -> bytes:
    """``build_evidence_pack`` for an ``EvidenceData``."""
    return build_evidence_pack(
        data.report_pdf,
        data.photos,
        data.facts,
        data.decision,
        timestamp=data.timestamp,
        report_name=data.report_name,
    )


def verify_evidence_pack(pack: bytes) -> list[str]:
    """The problems found in a pack: files whose hash or size differs from the manifest, and
    files missing from either side. An empty list means the pack is intact."""
    problems: list[str] = []
    with zipfile.ZipFile(io.BytesIO(pack)) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
        listed = {entry["name"]: entry for entry in manifest["files"]}
        present = set(archive.namelist()) - {MANIFEST_NAME}
        for name in sorted(present - set(listed)):
            problems.append(f"{name}: not in the manifest")
        for name in sorted(set(listed) - present):
            problems.append(f"{name}: listed in the manifest but missing")
        for name in sorted(present & set(listed)):
            content = archive.read(name)
            if hashlib.sha256(content).hexdigest() != listed[name]["sha256"]:
                problems.append(f"{name}: SHA-256 differs from the manifest")
            elif len(content) != listed[name]["size"]:
                problems.append(f"{name}: size differs from the manifest")
    return problems


def _safe_name(name: str, used: set[str]) -> str:
    # Only the last path component, in a conservative alphabet: a name from a camera or an
    # upload must not write outside the zip's folder when someone unpacks it.
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip("._") or "file"
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}"
    return candidate


def _zip_time(
    timestamp: tuple[int, int, int, int, int, int],
) -> tuple[int, int, int, int, int, int]:
    if timestamp < _ZIP_EPOCH:
        return _ZIP_EPOCH
    return timestamp


def _json_value(value: Any) -> Any:
    """JSON for the values a service is likely to hand over."""
    if isinstance(value, Decimal):
        return str(value)  # a string keeps every digit; a float would not
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)  # sorted: a set's order is not stable across runs
    raise TypeError(f"cannot write {type(value).__name__} into the evidence manifest")
