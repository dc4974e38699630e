"""The dispute evidence pack (SPEC §7.4): report and original photos, with a manifest whose
hashes verify, and the same bytes for the same input."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from decimal import Decimal

import pytest

from printing.data import EvidenceData
from printing.evidence import (
    MANIFEST_NAME,
    build_evidence_pack,
    pack_evidence,
    verify_evidence_pack,
)

REPORT = b"%PDF-1.4 pretend report"
PHOTOS = [("IMG_0002.jpg", b"\xff\xd8second"), ("IMG_0001.jpg", b"\xff\xd8first")]
FACTS = {"rma": "RMA-2026-000123", "lpn": "RMA-2026-000123-1", "customer": "Zoë Müller"}
DECISION = {
    "headline": "DISPUTE",
    "refund_amount": Decimal("0.00"),
    "decided_at": dt.datetime(2026, 3, 14, 10, 45, tzinfo=dt.UTC),
    "reasons": ["Wrong item in the box."],
}
WHEN = (2026, 3, 14, 11, 0, 0)


def pack() -> bytes:
    return build_evidence_pack(REPORT, PHOTOS, FACTS, DECISION, timestamp=WHEN)


def test_manifest_hashes_match_the_files() -> None:
    data = pack()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
        listed = {entry["name"]: entry for entry in manifest["files"]}
        assert set(listed) == set(archive.namelist()) - {MANIFEST_NAME}
        for name, entry in listed.items():
            content = archive.read(name)
            assert hashlib.sha256(content).hexdigest() == entry["sha256"]
            assert len(content) == entry["size"]
    assert verify_evidence_pack(data) == []


def test_photos_are_byte_identical_and_the_report_is_there() -> None:
    with zipfile.ZipFile(io.BytesIO(pack())) as archive:
        assert archive.read("inspection-report.pdf") == REPORT
        for name, content in PHOTOS:
            assert archive.read(f"photos/{name}") == content


def test_manifest_carries_facts_and_decision() -> None:
    with zipfile.ZipFile(io.BytesIO(pack())) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME).decode("utf-8"))
    assert manifest["facts"] == FACTS
    assert manifest["decision"]["refund_amount"] == "0.00"  # every digit kept
    assert manifest["decision"]["decided_at"] == "2026-03-14T10:45:00+00:00"


def test_same_input_same_bytes_with_sorted_entries_and_the_given_time() -> None:
    first, second = pack(), pack()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {info.date_time for info in archive.infolist()} == {WHEN}


def test_a_different_time_gives_different_bytes() -> None:
    other = build_evidence_pack(REPORT, PHOTOS, FACTS, DECISION, timestamp=(2026, 3, 15, 0, 0, 0))
    assert other != pack()


def test_tampering_is_found() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(pack())) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "photos/IMG_0001.jpg":
                content += b"edited"
            dst.writestr(info, content)
        dst.writestr("photos/extra.jpg", b"x")
    problems = verify_evidence_pack(buf.getvalue())
    assert "photos/IMG_0001.jpg: SHA-256 differs from the manifest" in problems
    assert "photos/extra.jpg: not in the manifest" in problems


def test_unsafe_and_duplicate_names_are_made_safe() -> None:
    photos = [("../../etc/passwd", b"a"), ("C:\\cam\\IMG 1.jpg", b"b"), ("IMG_1.jpg", b"c")]
    with zipfile.ZipFile(io.BytesIO(build_evidence_pack(REPORT, photos, {}, {}))) as archive:
        names = archive.namelist()
    assert "photos/passwd" in names
    assert "photos/IMG_1.jpg" in names
    assert "photos/IMG_1-2.jpg" in names
    assert not any(".." in name for name in names)


def test_values_json_cannot_hold_are_refused() -> None:
    with pytest.raises(TypeError, match="manifest"):
        build_evidence_pack(REPORT, [], {"x": object()}, {})


def test_pack_evidence_from_dataclass() -> None:
    data = EvidenceData(
        report_pdf=REPORT, photos=tuple(PHOTOS), facts=FACTS, decision=DECISION, timestamp=WHEN
    )
    assert pack_evidence(data) == pack()
