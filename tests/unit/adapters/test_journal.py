"""The outage journal on a real folder: whole entries or none, order kept, damaged entries
set aside (never deleted), a folder that cannot be written is a clear error."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from qc_station.adapters.journal import FileJournal, JournalUnavailable
from qc_station.domain.errors import ValidationError
from qc_station.services.ports import JournalEntry


def entry(n: int, photos: int = 2) -> JournalEntry:
    return JournalEntry(
        f"insp-{n}",
        {"lpn": f"RMA-{n}-1", "notes": "角落凹陷"},
        tuple(bytes([n, p]) * 1000 for p in range(photos)),
    )


def test_put_entries_remove_round_trip(tmp_path: Path) -> None:
    journal = FileJournal(tmp_path / "journal")
    assert journal.entries() == []  # no folder yet
    for n in (3, 1, 2):
        journal.put(entry(n))
    assert [e.id for e in journal.entries()] == ["insp-3", "insp-1", "insp-2"]  # oldest first
    assert journal.entries()[0] == entry(3)
    journal.mark_refused("insp-1", "unit is decided")
    again = FileJournal(tmp_path / "journal")  # a restarted station
    assert {e.id: e.refused for e in again.entries()} == {
        "insp-3": "",
        "insp-1": "unit is decided",
        "insp-2": "",
    }
    again.remove("insp-3")
    again.remove("insp-3")  # unknown now: fine
    assert [e.id for e in again.entries()] == ["insp-1", "insp-2"]
    assert not [p for p in (tmp_path / "journal").iterdir() if p.name.startswith(".")]


def test_putting_the_same_id_again_keeps_its_place(tmp_path: Path) -> None:
    journal = FileJournal(tmp_path)
    journal.put(entry(1))
    journal.put(entry(2))
    journal.put(JournalEntry("insp-1", {"lpn": "RMA-1-1", "notes": "more"}, entry(1).photos))
    assert [(e.id, e.record["notes"]) for e in journal.entries()] == [
        ("insp-1", "more"),
        ("insp-2", "角落凹陷"),
    ]


def test_a_crash_before_the_rename_leaves_no_entry(tmp_path: Path) -> None:
    journal = FileJournal(tmp_path)
    journal.put(entry(1))
    # What a crash in the middle of writing leaves: a .tmp folder, never read as an entry.
    half = tmp_path / ".tmp-insp-2-abcd"
    half.mkdir()
    (half / "photo-00.bin").write_bytes(b"half")
    assert [e.id for e in journal.entries()] == ["insp-1"]


def test_damaged_entries_are_set_aside_not_deleted(tmp_path: Path) -> None:
    journal = FileJournal(tmp_path)
    for n in (1, 2, 3):
        journal.put(entry(n))
    (tmp_path / "insp-1" / "entry.json").write_text("{not json", "utf-8")
    (tmp_path / "insp-2" / "photo-01.bin").write_bytes(b"bit rot")
    assert [e.id for e in journal.entries()] == ["insp-3"]
    damaged = journal.damaged()
    assert len(damaged) == 2
    assert [p.name.rsplit("-", 1)[0] for p in damaged] == [
        ".damaged-insp-1",
        ".damaged-insp-2",
    ]
    assert (damaged[1] / "photo-01.bin").read_bytes() == b"bit rot"  # kept for a person


def test_ids_cannot_reach_outside_the_folder(tmp_path: Path) -> None:
    journal = FileJournal(tmp_path)
    with pytest.raises(ValidationError):
        journal.put(JournalEntry("../evil", {}, ()))
    with pytest.raises(ValidationError):
        journal.remove("a/b")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(JournalUnavailable, match="cannot keep the inspection"):
            FileJournal(tmp_path / "journal").put(entry(1))
    finally:
        tmp_path.chmod(0o700)


def test_a_file_where_the_folder_should_be_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "journal").write_text("not a folder")
    with pytest.raises(JournalUnavailable, match="local journal"):
        FileJournal(tmp_path / "journal").put(entry(1))


def test_a_refusal_code_and_its_parameters_come_back_as_they_were(tmp_path: Path) -> None:
    journal = FileJournal(tmp_path)
    journal.put(entry(1))
    at = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
    params = {"lpn": "RMA-1-1", "amount": Decimal("12.50"), "at": at, "items": ["a", "b"]}
    journal.mark_refused("insp-1", "refused in English", "unit.already_decided", params)
    [kept] = FileJournal(tmp_path).entries()
    assert (kept.refused, kept.refused_code) == ("refused in English", "unit.already_decided")
    assert kept.refused_params == params  # a Decimal and a datetime again, not their text
    # The signed record is untouched by the marking.
    assert kept.record == entry(1).record
    # Marked again without a code (an error that is no refusal of the catalogue): none left.
    journal.mark_refused("insp-1", "KeyError: 'x'")
    [kept] = journal.entries()
    assert (kept.refused, kept.refused_code, dict(kept.refused_params)) == ("KeyError: 'x'", "", {})


def test_an_entry_set_aside_keeps_its_refusal_code(tmp_path: Path) -> None:
    journal = FileJournal(tmp_path)
    journal.put(entry(1))
    journal.set_aside("insp-1", "changed after it was written", "journal.edited", {"x": "1"})
    [kept] = journal.kept_aside()
    assert (kept.refused, kept.refused_code, dict(kept.refused_params)) == (
        "changed after it was written",
        "journal.edited",
        {"x": "1"},
    )
