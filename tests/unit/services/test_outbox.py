"""The outage journal's use cases on the fakes: keep a submission the server cannot take,
replay it once it can (once, even when the first try had reached the server), report
refusals, and lose nothing across a station restart (a new journal object on the folder)."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

from qc_station.adapters.journal import FileJournal
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline, UnitState
from qc_station.domain.errors import ValidationError
from qc_station.domain.messages import CATALOGUE, english
from qc_station.domain.model import DecisionStatus
from qc_station.services import approval, outbox, sign_ins
from qc_station.services.context import ServiceContext
from qc_station.services.outbox import Journalled, ReplayStatus
from qc_station.services.sign_in_ports import SignIn
from qc_station.services.views import DecisionView
from tests.builders import INSPECTOR, SUPERVISOR, make_rma, seed
from tests.fakes import FakeStore
from tests.unit.services.test_inspection import ALL_PASS, draft, photo


class ServerDown(Exception):
    pass


def is_outage(exc: BaseException) -> bool:
    return isinstance(exc, ServerDown)


class Switch:
    """Wraps the fake's unit of work: 'down' fails on opening, 'drop_after_commit' commits
    and then loses the answer (the server has it, the station does not know)."""

    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.down = False
        self.drop_after_commit = False
        self.sign_in: SignIn | None = None

    def uow(self, *, read_only: bool = False) -> Any:
        if self.down:
            raise ServerDown("connection refused")
        switch = self
        inner = self.store.uow(read_only=read_only)

        class Dropping:
            def __enter__(self) -> Any:
                work = inner.__enter__()
                real_commit = work.commit

                def commit() -> None:
                    real_commit()
                    if switch.drop_after_commit:
                        switch.drop_after_commit = False
                        raise ServerDown("server closed the connection unexpectedly")

                work.commit = commit
                return work

            def __exit__(
                self,
                t: type[BaseException] | None,
                e: BaseException | None,
                tb: TracebackType | None,
            ) -> None:
                inner.__exit__(t, e, tb)

        return Dropping()


@pytest.fixture
def switch(store: FakeStore, ctx: ServiceContext) -> Switch:
    seed(store, make_rma("RMA-1"), make_rma("RMA-2"))
    made = Switch(store)
    # The inspector signed in at ST-01 while the database answered; the session keeps the
    # sign-in (its key signs what the station journals, SPEC §6).
    made.sign_in = sign_ins.record_sign_in(ctx, INSPECTOR)
    return made


@pytest.fixture
def sctx(ctx: ServiceContext, switch: Switch) -> ServiceContext:
    return replace(ctx, uow=switch.uow)


@pytest.fixture
def journal(tmp_path: Path) -> FileJournal:
    return FileJournal(tmp_path / "journal")


def submit(
    sctx: ServiceContext, journal: FileJournal, lpn: str, **more: Any
) -> DecisionView | Journalled:
    return outbox.submit_or_journal(
        sctx, INSPECTOR, draft(lpn=lpn, **more), journal, is_outage, sctx.uow.__self__.sign_in
    )


def decisions_of(store: FakeStore, lpn: str) -> list[Any]:
    return [d for d in store.data.decisions.values() if d.lpn == lpn]


def test_online_submission_is_not_journalled(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore
) -> None:
    result = submit(sctx, journal, "RMA-1-1")
    assert isinstance(result, DecisionView)
    assert journal.entries() == []


def test_outage_keeps_everything_and_replay_sends_it_once(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch, tmp_path: Path
) -> None:
    switch.down = True
    checklist = {**ALL_PASS, "screen_intact": ChecklistAnswer.FAIL}
    result = submit(
        sctx,
        journal,
        "RMA-1-1",
        grade=Grade.C,
        finding=Finding.TRANSIT_DAMAGE,
        photos=3,
        checklist=checklist,
        serial="SN-42",
        notes="dented corner 角落凹陷",
    )
    assert isinstance(result, Journalled)
    assert "connection refused" in result.reason
    [pending] = outbox.pending(journal)
    assert (pending.lpn, pending.inspector, pending.photos, pending.refused) == (
        "RMA-1-1",
        "ines",
        3,
        "",
    )
    # Still down: nothing sent, nothing lost.
    report = outbox.replay(sctx, journal, is_outage, station="ST-01")
    assert [i.status for i in report.items] == [ReplayStatus.OFFLINE]
    assert report.waiting == 1
    assert store.data.inspections == {}

    # The station restarts (a new journal object on the same folder), the server is back.
    switch.down = False
    report = outbox.replay(sctx, FileJournal(tmp_path / "journal"), is_outage, station="ST-01")
    assert [i.status for i in report.items] == [ReplayStatus.DONE]
    assert (report.waiting, report.refused) == (0, 0)
    [inspection] = store.data.inspections.values()
    assert inspection.id == result.inspection_id
    assert (inspection.grade, inspection.finding, inspection.serial) == (
        Grade.C,
        Finding.TRANSIT_DAMAGE,
        "SN-42",
    )
    assert inspection.notes == "dented corner 角落凹陷"
    assert inspection.checklist["screen_intact"] == ChecklistAnswer.FAIL
    assert [p.sha256 for p in inspection.photos] == [
        hashlib.sha256(photo(n).data).hexdigest() for n in range(3)
    ]
    assert [p.captured_at for p in inspection.photos] == [photo(n).captured_at for n in range(3)]
    assert len(decisions_of(store, "RMA-1-1")) == 1
    assert journal.entries() == []


def test_a_submission_that_reached_the_server_is_not_stored_twice(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    switch.drop_after_commit = True
    result = submit(sctx, journal, "RMA-1-1")
    assert isinstance(result, Journalled)  # the station could not know it went through
    assert len(store.data.inspections) == 1
    report = outbox.replay(sctx, journal, is_outage, station="ST-01")
    [item] = report.items
    assert item.status == ReplayStatus.DONE
    assert item.decision is not None and item.decision.lpn == "RMA-1-1"
    assert len(store.data.inspections) == 1
    assert len(decisions_of(store, "RMA-1-1")) == 1
    assert journal.entries() == []


def test_a_refusal_is_kept_with_its_reason_and_others_still_go(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    switch.down = True
    # The second is an override (needs approval); the first unit is decided elsewhere.
    first = submit(sctx, journal, "RMA-1-1")
    second = submit(
        sctx,
        journal,
        "RMA-2-1",
        override=Headline.DISPUTE,
        override_reason="customer swapped the item",
    )
    assert isinstance(first, Journalled) and isinstance(second, Journalled)
    switch.down = False
    # Another station decided RMA-1-1 while this one was cut off.
    outbox.submit_or_journal(sctx, INSPECTOR, draft(lpn="RMA-1-1"), journal, is_outage)
    report = outbox.replay(sctx, journal, is_outage, station="ST-01")
    statuses = {i.lpn: i.status for i in report.items}
    assert statuses == {"RMA-1-1": ReplayStatus.REFUSED, "RMA-2-1": ReplayStatus.DONE}
    assert (report.waiting, report.refused) == (0, 1)
    [kept] = outbox.pending(journal)
    assert "is decided" in kept.refused
    # Not tried again on its own; the inspector may discard it once dealt with.
    assert outbox.replay(sctx, journal, is_outage, station="ST-01").items == ()
    outbox.discard(journal, kept.inspection_id)
    assert outbox.pending(journal) == []
    unit2 = store.data.rmas["RMA-2"].units[0]
    assert unit2.state == UnitState.AWAITING_APPROVAL
    decided = approval.approve(sctx, SUPERVISOR, "RMA-2-1")
    assert decided.status == DecisionStatus.FINAL


def test_a_waiting_entry_cannot_be_discarded(
    sctx: ServiceContext, journal: FileJournal, switch: Switch
) -> None:
    switch.down = True
    result = submit(sctx, journal, "RMA-1-1")
    assert isinstance(result, Journalled)
    with pytest.raises(ValidationError, match="still waiting"):
        outbox.discard(journal, result.inspection_id)
    assert len(journal.entries()) == 1


def test_replay_stops_at_the_outage_and_keeps_the_order(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    switch.down = True
    ids = []
    for lpn in ("RMA-1-1", "RMA-2-1"):
        result = submit(sctx, journal, lpn)
        assert isinstance(result, Journalled)
        ids.append(result.inspection_id)
    assert [e.id for e in journal.entries()] == ids
    report = outbox.replay(sctx, journal, is_outage, station="ST-01")
    assert [(i.inspection_id, i.status) for i in report.items] == [
        (ids[0], ReplayStatus.OFFLINE),
        (ids[1], ReplayStatus.OFFLINE),
    ]
    assert report.items[1].detail == "not tried"


def test_other_errors_are_not_journalled(sctx: ServiceContext, journal: FileJournal) -> None:
    with pytest.raises(ValidationError):
        submit(sctx, journal, "RMA-1-1", notes="x" * 5000)
    assert journal.entries() == []


# --- entries bound to their sign-in (SPEC §6, issue 15) -----------------------------------


def _journalled(sctx: ServiceContext, journal: FileJournal, switch: Switch) -> Path:
    switch.down = True
    result = submit(sctx, journal, "RMA-1-1", photos=2)
    assert isinstance(result, Journalled)
    switch.down = False
    return journal.root / result.inspection_id


def _edit(folder: Path, change: Any) -> None:
    meta = json.loads((folder / "entry.json").read_text("utf-8"))
    change(meta)
    (folder / "entry.json").write_text(json.dumps(meta), "utf-8")


def _refused_and_kept(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, why: str
) -> None:
    report = outbox.replay(sctx, journal, is_outage, station="ST-01")
    assert [i.status for i in report.items] == [ReplayStatus.KEPT_ASIDE]
    assert why in report.items[0].detail
    assert decisions_of(store, "RMA-1-1") == []
    assert journal.entries() == []  # never replayed again …
    assert [e.refused for e in journal.kept_aside()] == [report.items[0].detail]  # … nor lost
    assert [v.refused for v in outbox.pending(journal)] == [report.items[0].detail]
    assert (
        outbox.replay(sctx, journal, is_outage, station="ST-01", include_refused=True).items == ()
    )


def test_a_signed_entry_replays_once(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    _journalled(sctx, journal, switch)
    report = outbox.replay(sctx, journal, is_outage, station="ST-01")
    assert [i.status for i in report.items] == [ReplayStatus.DONE]
    assert len(decisions_of(store, "RMA-1-1")) == 1
    assert outbox.replay(sctx, journal, is_outage, station="ST-01").items == ()


def test_an_edited_grade_is_refused_and_kept(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    folder = _journalled(sctx, journal, switch)
    _edit(folder, lambda m: m["record"].update(grade="C"))
    _refused_and_kept(sctx, journal, store, "changed after it was written")


def test_a_swapped_photo_with_its_sha_updated_is_refused(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    folder = _journalled(sctx, journal, switch)
    other = photo(9)
    (folder / "photo-00.bin").write_bytes(other.data)
    _edit(folder, lambda m: m["photos"].__setitem__(0, hashlib.sha256(other.data).hexdigest()))
    _refused_and_kept(sctx, journal, store, "changed after it was written")


def test_a_made_up_user_is_refused(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    folder = _journalled(sctx, journal, switch)
    _edit(folder, lambda m: m["record"].update(user="mallory", role="supervisor"))
    _refused_and_kept(sctx, journal, store, "claims user mallory at")


def test_an_entry_claiming_another_real_user_is_refused(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    folder = _journalled(sctx, journal, switch)  # signed by ines
    _edit(folder, lambda m: m["record"].update(user="ivan"))
    _refused_and_kept(sctx, journal, store, "signed in by ines")


def test_an_unsigned_or_forged_entry_is_refused(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    folder = _journalled(sctx, journal, switch)
    _edit(folder, lambda m: m["record"].update(sign_in="f" * 32))
    _refused_and_kept(sctx, journal, store, "sign-in the site does not know")


def test_an_entry_of_an_older_version_without_signature_is_kept_aside(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    folder = _journalled(sctx, journal, switch)
    _edit(folder, lambda m: [m["record"].pop(k) for k in ("sign_in", "signature")])
    _refused_and_kept(sctx, journal, store, "not signed")


def test_an_entry_copied_to_another_station_is_refused(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch, tmp_path: Path
) -> None:
    folder = _journalled(sctx, journal, switch)
    other = FileJournal(tmp_path / "st-02" / "journal")
    other.root.mkdir(parents=True)
    shutil.copytree(folder, other.root / folder.name)
    report = outbox.replay(sctx, other, is_outage, station="ST-02")
    assert [i.status for i in report.items] == [ReplayStatus.KEPT_ASIDE]
    assert "not at this station (ST-02)" in report.items[0].detail
    assert decisions_of(store, "RMA-1-1") == [] and len(other.kept_aside()) == 1


def test_an_entry_renamed_to_another_inspection_id_is_refused(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    folder = _journalled(sctx, journal, switch)
    _edit(folder, lambda m: m.update(id="other-id"))
    folder.rename(journal.root / "other-id")
    _refused_and_kept(sctx, journal, store, "changed after it was written")


def test_a_user_deactivated_since_is_refused_at_replay(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    _journalled(sctx, journal, switch)
    store.data.users["ines"].active = False
    report = outbox.replay(sctx, journal, is_outage, station="ST-01")
    assert [i.status for i in report.items] == [ReplayStatus.REFUSED]
    assert "deactivated" in report.items[0].detail
    assert decisions_of(store, "RMA-1-1") == [] and report.refused == 1


# --- refusals as codes of the message catalogue (issue 16, SPEC §8) -------------------------


def test_a_refusal_is_kept_as_a_code_with_parameters_outside_the_signature(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    _journalled(sctx, journal, switch)
    # Another station decided the unit while this one was cut off.
    outbox.submit_or_journal(sctx, INSPECTOR, draft(lpn="RMA-1-1"), journal, is_outage)
    [item] = outbox.replay(sctx, journal, is_outage, station="ST-01").items
    assert item.status == ReplayStatus.REFUSED
    assert item.message_code in CATALOGUE and item.params["lpn"] == "RMA-1-1"
    assert english(item.message_code, item.params) == item.detail  # the log's English
    [kept] = outbox.pending(FileJournal(journal.root))  # as a restarted station reads it
    assert (kept.refused, kept.refused_code) == (item.detail, item.message_code)
    assert english(kept.refused_code, kept.refused_params) == item.detail
    # Marking it refused kept the signature valid: tried again, it is refused by the server
    # again, not set aside as edited.
    [again] = outbox.replay(sctx, journal, is_outage, station="ST-01", include_refused=True).items
    assert (again.status, again.message_code) == (ReplayStatus.REFUSED, item.message_code)


def test_an_entry_set_aside_keeps_its_code(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    folder = _journalled(sctx, journal, switch)
    _edit(folder, lambda m: m["record"].update(grade="D"))
    [item] = outbox.replay(sctx, journal, is_outage, station="ST-01").items
    assert (item.status, item.message_code) == (ReplayStatus.KEPT_ASIDE, "journal.edited")
    [kept] = outbox.pending(journal)
    assert (kept.refused_code, dict(kept.refused_params)) == ("journal.edited", item.params)


def test_an_entry_refused_by_an_older_version_keeps_its_english(
    sctx: ServiceContext, journal: FileJournal, store: FakeStore, switch: Switch
) -> None:
    folder = _journalled(sctx, journal, switch)
    # What an older version wrote: the refusal in English only.
    _edit(folder, lambda m: m.update(refused="unit RMA-1-1 is decided"))
    [kept] = outbox.pending(journal)
    assert (kept.refused, kept.refused_code, dict(kept.refused_params)) == (
        "unit RMA-1-1 is decided",
        "",
        {},
    )
