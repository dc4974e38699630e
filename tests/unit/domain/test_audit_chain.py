"""SPEC §6 audit log: the hash chain finds edited, deleted, inserted and reordered events, and a
``SEQ:HASH`` checkpoint taken earlier finds a log cut short or rewritten."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from qc_station.domain.audit import (
    GENESIS,
    AuditEvent,
    make_event,
    parse_checkpoint,
    verify_chain,
)
from qc_station.domain.errors import ValidationError

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def build_chain(length: int = 5) -> list[AuditEvent]:
    events: list[AuditEvent] = []
    for i in range(length):
        events.append(
            make_event(
                events[-1] if events else None,
                actor="ana",
                station="ST-1",
                at=T0 + timedelta(minutes=i),
                entity="unit",
                entity_id=f"RMA-2026-000123-{i + 1}",
                action="decide",
                old={"state": "in_inspection"},
                new={"state": "decided", "refund": "17.99", "note": "退款"},
            )
        )
    return events


def rehash_from(events: list[AuditEvent], start: int) -> list[AuditEvent]:
    """What a forger would do: recompute every hash from ``start`` on so the chain links up."""
    fixed = list(events[:start])
    for event in events[start:]:
        previous = fixed[-1] if fixed else None
        fixed.append(
            make_event(
                previous,
                event.actor,
                event.station,
                event.at,
                event.entity,
                event.entity_id,
                event.action,
                event.old,
                event.new,
            )
        )
    return fixed


def test_an_intact_chain_verifies() -> None:
    events = build_chain()
    report = verify_chain(events)
    assert report.ok
    assert report.problems == ()
    assert (report.count, report.head_seq, report.head_hash) == (5, 5, events[-1].hash)
    assert report.head == f"5:{events[-1].hash}"


def test_chain_links() -> None:
    events = build_chain(3)
    assert [e.seq for e in events] == [1, 2, 3]
    assert events[0].prev_hash == GENESIS
    assert events[1].prev_hash == events[0].hash
    assert all(len(e.hash) == 64 for e in events)


def test_an_empty_log_verifies_with_the_genesis_head() -> None:
    report = verify_chain([])
    assert report.ok
    assert report.head == f"0:{GENESIS}"


def _problems(events: list[AuditEvent]) -> tuple[str, ...]:
    report = verify_chain(events)
    assert not report.ok
    return report.problems


def test_edited_event_is_found() -> None:
    events = build_chain()
    events[2] = replace(events[2], new={"state": "decided", "refund": "1799.00"})
    assert _problems(events) == ("event 3: its content was changed",)


@pytest.mark.parametrize("field", ["actor", "station", "entity", "entity_id", "action"], ids=str)
def test_edit_of_any_text_field_is_found(field: str) -> None:
    events = build_chain()
    changes: dict[str, Any] = {field: "mallory"}
    events[1] = replace(events[1], **changes)
    assert _problems(events) == ("event 2: its content was changed",)


def test_edited_time_is_found() -> None:
    events = build_chain()
    events[1] = replace(events[1], at=events[1].at + timedelta(seconds=1))
    assert _problems(events) == ("event 2: its content was changed",)


def test_edited_and_rehashed_event_breaks_the_next_link() -> None:
    events = build_chain()
    forged = make_event(
        events[1], "ana", "ST-1", events[2].at, "unit", "X", "decide", None, {"refund": "0"}
    )
    events[2] = forged
    assert _problems(events) == ("event 4: does not follow the event before it",)


def test_deleted_event_is_found() -> None:
    events = build_chain()
    del events[2]
    problems = _problems(events)
    assert problems[0] == (
        "event 4: expected sequence number 3 (an event was deleted, inserted or reordered)"
    )
    assert "event 4: does not follow the event before it" in problems


def test_deleted_first_event_is_found() -> None:
    events = build_chain()
    assert _problems(events[1:])[:2] == (
        "event 2: expected sequence number 1 (an event was deleted, inserted or reordered)",
        "event 2: does not follow the event before it",
    )


def test_inserted_event_is_found() -> None:
    events = build_chain()
    intruder = make_event(events[1], "mallory", "ST-9", T0, "unit", "X", "approve")
    events.insert(2, intruder)  # seq 3 twice: the intruder and the real event 3
    problems = _problems(events)
    assert "event 3: expected sequence number 4 (an event was deleted, inserted or reordered)" in (
        problems
    )
    assert "event 3: does not follow the event before it" in problems


def test_reordered_events_are_found() -> None:
    events = build_chain()
    events[1], events[2] = events[2], events[1]
    problems = _problems(events)
    assert problems[0] == (
        "event 3: expected sequence number 2 (an event was deleted, inserted or reordered)"
    )


def test_a_chain_alone_cannot_see_a_cut_off_tail() -> None:
    assert verify_chain(build_chain()[:3]).ok  # why the checkpoint exists


def test_checkpoint_finds_a_truncated_log() -> None:
    events = build_chain()
    checkpoint = parse_checkpoint(verify_chain(events).head)
    report = verify_chain(events[:3], checkpoint=checkpoint)
    assert not report.ok
    assert report.problems == (
        "checkpoint event 5 is missing: the log was cut short (it ends at 3)",
    )


def test_checkpoint_is_met_by_a_longer_chain() -> None:
    events = build_chain(8)
    earlier = parse_checkpoint(verify_chain(events[:5]).head)
    assert verify_chain(events, checkpoint=earlier).ok


def test_checkpoint_finds_a_rewritten_chain() -> None:
    events = build_chain()
    checkpoint = parse_checkpoint(verify_chain(events).head)
    events[1] = replace(events[1], new={"refund": "0"})
    rewritten = rehash_from(events, 1)
    assert verify_chain(rewritten).ok  # every link was recomputed ...
    report = verify_chain(rewritten, checkpoint=checkpoint)
    assert report.problems == (
        "event 5: differs from the checkpoint (the chain was rewritten)",
    )  # ... but the head no longer matches


def test_parse_checkpoint() -> None:
    digest = hashlib.sha256(b"x").hexdigest()
    assert parse_checkpoint(f"12:{digest}") == (12, digest)
    assert parse_checkpoint(f"  12:{digest}\n") == (12, digest)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12",
        "12:",
        ":" + "a" * 64,
        "-1:" + "a" * 64,
        "x:" + "a" * 64,
        "12:" + "a" * 63,
        "12:" + "a" * 65,
        "12:" + "g" * 64,
        "12 " + "a" * 64,
    ],
    ids=repr,
)
def test_parse_checkpoint_refuses_bad_text(text: str) -> None:
    with pytest.raises(ValidationError, match="is not SEQ:HASH") as caught:
        parse_checkpoint(text)
    assert caught.value.params["field"] == "checkpoint"


@pytest.mark.parametrize(
    "seq", ["١٢", "1_0", "9" * 5000, "9" * 19], ids=["arabic-indic", "underscore", "huge", "19"]
)
def test_checkpoint_sequence_is_ascii_and_bounded(seq: str) -> None:
    """Issue 15: ``int`` read these (or refused the 5,000 digits with a raw ValueError)."""
    with pytest.raises(ValidationError, match="is not SEQ:HASH"):
        parse_checkpoint(f"{seq}:{'a' * 64}")
