"""The capture time is burned in by ``submit_inspection`` itself (a service step): a caller
hands in photos as captured and cannot skip the stamp. What is stored is what was stored when
each caller stamped its photos (``adapters.images.prepare_photo`` of the same photo, time and
station), so photos' SHA-256 do not change; the outage journal keeps photos as captured and
its replay stamps them the same way, while an entry written when the station stamped photos
itself is replayed as it is, never stamped twice."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import cv2
import numpy as np
import pytest

from qc_station.adapters.images import prepare_photo
from qc_station.adapters.journal import FileJournal
from qc_station.adapters.opencv_ports import OpenCvPhotos
from qc_station.services import outbox, sign_ins
from qc_station.services.context import ServiceContext
from qc_station.services.inspection import PhotoInput, submit_inspection
from qc_station.services.ports import JournalEntry
from tests.builders import INSPECTOR, make_rma, seed
from tests.fakes import FakePhotoStamper, FakeStore
from tests.unit.services.test_inspection import LPN, draft

TAKEN = datetime(2026, 11, 2, 9, 5, 7, tzinfo=UTC)


def raw_png(shade: int) -> bytes:
    """A photo as a camera gives it: no time in the corner."""
    image = np.full((240, 320, 3), shade, dtype=np.uint8)
    ok, encoded = cv2.imencode(".png", image)
    assert ok
    return encoded.tobytes()


@pytest.fixture(autouse=True)
def one_rma(store: FakeStore) -> None:
    seed(store, make_rma())


@pytest.fixture
def real(ctx: ServiceContext) -> ServiceContext:
    return replace(ctx, photo_stamper=OpenCvPhotos())


def stored_photos(store: FakeStore) -> list[tuple[str, int, int]]:
    (inspection,) = store.data.inspections.values()
    return [(p.sha256, p.width, p.height) for p in inspection.photos]


def test_an_unstamped_photo_is_stamped_by_the_service(
    real: ServiceContext, store: FakeStore
) -> None:
    raw = raw_png(180)
    photos = (PhotoInput(raw, TAKEN, "box.png"),)
    submit_inspection(real, INSPECTOR, draft(photo_list=photos))
    [(sha256, width, height)] = stored_photos(store)
    stored = real.photos.get(sha256)
    assert stored != raw and stored.startswith(b"\xff\xd8\xff")  # a JPEG, not the PNG given
    # The stored original is what a caller stamping it itself stored before (same SHA-256).
    before = prepare_photo(raw, TAKEN, INSPECTOR.station, name="photo box.png")
    assert sha256 == hashlib.sha256(before.data).hexdigest()
    assert (width, height) == (before.width, before.height) == (320, 240)
    # The stamp is there: a dark band with white text in the bottom-right corner.
    image = cv2.imdecode(np.frombuffer(stored, np.uint8), cv2.IMREAD_COLOR)
    corner = image[-14:, -120:]
    assert corner.max() > 200 and np.median(corner) < 120


def test_each_photo_is_stamped_with_its_own_time_and_the_actors_station(
    ctx: ServiceContext, store: FakeStore
) -> None:
    stamper = FakePhotoStamper()
    stamping = replace(ctx, photo_stamper=stamper)
    later = TAKEN.replace(second=30)
    photos = (PhotoInput(b"\xff\xd8\xffone", TAKEN, "a.jpg"), PhotoInput(b"\xff\xd8\xfftwo", later))
    submit_inspection(stamping, INSPECTOR, draft(photo_list=photos))
    assert stamper.stamped == [
        (b"\xff\xd8\xffone", TAKEN, INSPECTOR.station, "photo a.jpg"),
        (b"\xff\xd8\xfftwo", later, INSPECTOR.station, "photo 2"),
    ]


def test_a_context_without_a_stamper_refuses_photos(ctx: ServiceContext) -> None:
    bare = replace(ctx, photo_stamper=None)
    photos = (PhotoInput(raw_png(90), TAKEN, "a.png"),)
    with pytest.raises(RuntimeError, match="no photo stamper"):
        submit_inspection(bare, INSPECTOR, draft(photo_list=photos))


def test_a_journalled_photo_is_kept_as_captured_and_stamped_on_replay(
    real: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    raw = raw_png(150)
    journal = FileJournal(tmp_path / "journal")
    sign_in = sign_ins.record_sign_in(real, INSPECTOR)
    photos = (PhotoInput(raw, TAKEN, "box.png"),)
    outbox.journal_draft(real, journal, INSPECTOR, draft(photo_list=photos), "down", sign_in)
    [entry] = journal.entries()
    assert entry.photos == (raw,)
    report = outbox.replay(real, journal, lambda _: False, station=INSPECTOR.station)
    assert report.count(outbox.ReplayStatus.DONE) == 1
    [(sha256, _, _)] = stored_photos(store)
    before = prepare_photo(raw, TAKEN, INSPECTOR.station, name="photo box.png")
    assert sha256 == hashlib.sha256(before.data).hexdigest()


def test_an_entry_journalled_with_stamped_photos_is_not_stamped_twice(
    real: ServiceContext, store: FakeStore, tmp_path: Path
) -> None:
    # As a station wrote it before the service stamped photos: stamped bytes, their size,
    # no "photos_as" marker; signed with the sign-in's key as then.
    stamped = prepare_photo(raw_png(120), TAKEN, INSPECTOR.station, name="box.png")
    sign_in = sign_ins.record_sign_in(real, INSPECTOR)
    journal = FileJournal(tmp_path / "journal")
    outbox.journal_draft(
        real,
        journal,
        INSPECTOR,
        draft(photo_list=(PhotoInput(stamped.data, TAKEN, "box.png"),)),
        "down",
    )
    [entry] = journal.entries()
    record = {k: v for k, v in entry.record.items() if k != "photos_as"}
    record["photos"] = [{**record["photos"][0], "width": 320, "height": 240}]
    record["sign_in"] = sign_in.id
    record["signature"] = sign_ins.sign(
        sign_in.key, outbox._signed_content(entry.id, record, entry.photos)
    )
    journal.remove(entry.id)
    journal.put(JournalEntry(entry.id, record, entry.photos))
    report = outbox.replay(real, journal, lambda _: False, station=INSPECTOR.station)
    assert report.count(outbox.ReplayStatus.DONE) == 1, report
    assert stored_photos(store) == [(hashlib.sha256(stamped.data).hexdigest(), 320, 240)]
    assert LPN in {d.lpn for d in store.data.decisions.values()}
