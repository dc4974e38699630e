"""Record digests in the audit chain (SPEC §6): an event's hash covers its record digest,
and an event without one hashes exactly as before digests existed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from qc_station.domain.audit import ABSENT, make_event, record_digest, verify_chain

AT = datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
OLD = {"status": "pending"}
NEW = {"status": "final", "amount": "12.50"}
#: The hash the code before record digests gave this event (git 07542e1).
BEFORE_DIGESTS = "1dc5b952f12c517a584086354bcdf5345f2a809a36aad09d8d171f880b1fc023"


def test_an_event_without_a_digest_hashes_as_before() -> None:
    event = make_event(None, "ada", "OFFICE", AT, "decision", "D-1", "approve", OLD, NEW)
    assert event.record_sha256 is None
    assert event.hash == BEFORE_DIGESTS
    assert verify_chain([event]).ok


def test_the_digest_is_covered_by_the_event_hash() -> None:
    digest = record_digest({"role": "inspector", "active": True})
    event = make_event(None, "ada", "OFFICE", AT, "user", "ines", "add", None, NEW, digest)
    assert event.record_sha256 == digest and event.hash != BEFORE_DIGESTS
    assert verify_chain([event]).ok
    edited = replace(event, record_sha256=record_digest({"role": "admin", "active": True}))
    assert verify_chain([edited]).problems == ("event 1: its content was changed",)
    dropped = replace(event, record_sha256=None)
    assert not verify_chain([dropped]).ok


def test_record_digest_is_canonical() -> None:
    assert record_digest({"a": 1, "b": [1, "x"]}) == record_digest({"b": [1, "x"], "a": 1})
    assert record_digest({"a": 1}) != record_digest({"a": 2})
    assert record_digest(None) == ABSENT != record_digest({})
