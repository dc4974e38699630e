"""The unit history page (SPEC §8) over the real services on the fakes, with a real clip in a
real clip store: found by each kind of code, several units offered to choose from by keys,
the story worded (no internal codes) in local time, an inspection's photos, the clip's line
playing the clip, the prints (a label printed, a report discarded), an unknown code said
inline; and the area offered to supervisors."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from qc_station.adapters.print_records import FolderPrintRecords
from qc_station.adapters.video_store import FileSystemVideoStore
from qc_station.config import Config
from qc_station.domain.enums import Role
from qc_station.domain.model import RmaLine
from qc_station.services import videos
from qc_station.services.context import ServiceContext
from qc_station.services.print_history import PrintHistory
from qc_station.services.station_ports import StationPorts
from qc_station.services.users import UserView
from qc_station.services.video_ports import InspectionVideo
from tests.builders import INSPECTOR, SUPERVISOR, make_rma, seed
from tests.fakes import FakeClock, FakePrinter, FakeStore
from tests.gui.tables import texts
from tests.gui.test_approvals import decide
from tests.gui.video_clips import stored_clip
from ui.pages.history_page import LPN_ROLE, HistoryPage
from ui.presenters.history_presenter import HistoryPresenter
from ui.printing.print_center import PrintCenter
from ui.session import Session
from ui.workspaces import available_to

OFFSCREEN = ("This plugin does not support propagateSizeHints", "No RHI backend")
pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN)

#: Words that are codes, never to be read on the page.
CODES = ("NO_FAULT", "FULL_REFUND", "transition", "in_inspection", "attach_video", "awaiting_")


@pytest.fixture
def clips(tmp_path: Path) -> FileSystemVideoStore:
    return FileSystemVideoStore(tmp_path / "videos", create=True)


@pytest.fixture
def config(config: Config) -> Config:
    return dataclasses.replace(config, label_printer="Zebra", document_printer="Office")


@pytest.fixture
def ports(
    ports: StationPorts, clips: FileSystemVideoStore, ctx: ServiceContext, tmp_path: Path
) -> StationPorts:
    # Prints join the units' story as bootstrap wires it (the database never goes away here).
    recorder = PrintHistory(ctx, FolderPrintRecords(tmp_path / "print-records"), lambda _: False)
    return dataclasses.replace(ports, videos=clips, print_recorder=recorder)


@pytest.fixture
def site(
    store: FakeStore,
    ctx: ServiceContext,
    clock: FakeClock,
    clips: FileSystemVideoStore,
    tmp_path: Path,
) -> InspectionVideo:
    """Ada's two returns: RMA-H1 (order ORD-77, tracking 1ZH1, two headsets) and RMA-H2 (one
    cable); the first headset inspected with two photos and an unboxing clip."""
    headsets = [RmaLine(1, "SKU-HS", "Headset", "electronics", "Acme", Decimal("99.00"), 2)]
    cable = [RmaLine(1, "SKU-CABLE", "Cable", "electronics", "Acme", Decimal("9.00"), 1)]
    seed(
        store,
        make_rma(
            "RMA-H1", lines=headsets, order_id="ORD-77", tracking="1ZH1",
            customer="Ada Lovelace", created_at=clock.now(),
        ),
        make_rma("RMA-H2", lines=cable, order_id="ORD-78", tracking="1ZH2",
                 customer="Ada Lovelace", created_at=clock.now()),
    )  # fmt: skip
    clock.advance(minutes=5)
    decide(ctx, "RMA-H1-1", photos=2)
    with store.uow() as uow:
        inspection_id = uow.decisions.current("RMA-H1-1").inspection_id  # type: ignore[union-attr]
    video = dataclasses.replace(stored_clip(clips, tmp_path, inspection_id), lpn="RMA-H1-1")
    videos.attach_video(ctx, INSPECTOR, inspection_id, video.clip)
    return video


@pytest.fixture
def page(qtbot: QtBot, session: Session, site: InspectionVideo) -> HistoryPage:
    session.sign_in(UserView("sofia", "Sofia", Role.SUPERVISOR, True, None, False, None, None))
    widget = HistoryPage(HistoryPresenter(session))
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    widget.activated()
    return widget


def search(qtbot: QtBot, page: HistoryPage, code: str) -> None:
    """Type (or scan) ``code`` into the search field and press Enter."""
    page.search_edit.clear()
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, code)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.presenter.state.code == code and not page.presenter.state.loading)


def row_of(page: HistoryPage, starts: str) -> int:
    return next(i for i, r in enumerate(texts(page.table)) if r[1].startswith(starts))


def test_the_search_field_has_focus_and_an_lpn_tells_the_story_in_words(
    qtbot: QtBot, page: HistoryPage
) -> None:
    assert page.search_edit.hasFocus()
    search(qtbot, page, "RMA-H1-1")
    rows = texts(page.table)
    whats = [r[1] for r in rows]
    assert whats[0] == "Imported from manifest.csv"
    assert "order ORD-77" in rows[0][2] and "2 unit(s)" in rows[0][2]
    inspected = row_of(page, "Inspected:")
    assert whats[inspected] == "Inspected: grade A · new, finding No fault (changed mind)"
    assert rows[inspected][2].startswith("2 photo(s)")
    assert rows[inspected][3:] == ["ines", "ST-01"]
    decided = row_of(page, "Decided:")
    assert "refund 99.00 USD" in rows[decided][2]
    assert any(w.startswith("Now ") for w in whats)  # the unit's state, in words
    assert row_of(page, "Unboxing video recorded (0:12)") > inspected
    # Local time, as the station shows times: the import at the fake clock's start.
    start = datetime(2026, 11, 2, 9, 0, tzinfo=UTC).astimezone()
    assert rows[0][0].startswith(start.strftime("%Y-%m-%d %H:%M"))
    everything = " ".join(" ".join(r) for r in rows) + page.summary.text()
    assert not [code for code in CODES if code in everything]
    assert "LPN RMA-H1-1: 1 unit(s)" in page.summary.text()
    assert not page.choices.isVisible()
    assert page.table.hasFocus()


@pytest.mark.parametrize(("code", "matched"), [("RMA-H1", "RMA"), ("ORD-77", "Order id"),
                                               ("1ZH1", "Tracking number")])  # fmt: skip
def test_a_code_of_several_units_offers_them_and_enter_chooses_one(
    qtbot: QtBot, page: HistoryPage, code: str, matched: str
) -> None:
    search(qtbot, page, code)
    assert page.summary.text().startswith(f"{matched} {code}: 2 unit(s)")
    assert page.choices.isVisible() and page.choices.count() == 2
    assert page.presenter.state.has_story  # the story of both, until one is chosen
    page.choices.setFocus()
    qtbot.keyClick(page.choices, Qt.Key.Key_Down)
    assert page.choices.currentItem().data(LPN_ROLE) == "RMA-H1-2"
    qtbot.keyClick(page.choices, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.presenter.state.code == "RMA-H1-2")
    assert not page.choices.isVisible()
    assert "no decision yet" in page.summary.text()


@pytest.mark.parametrize(("code", "count"), [("SKU-HS", 2), ("Ada Lovelace", 3)])
def test_a_sku_or_a_customer_lists_units_to_choose_from(
    qtbot: QtBot, page: HistoryPage, code: str, count: int
) -> None:
    search(qtbot, page, code)
    state = page.presenter.state
    assert not state.has_story and page.model.rowCount() == 0
    assert page.choices.count() == count and page.choices.hasFocus()
    first = page.choices.item(0).text()
    assert first.startswith("RMA-H1-1 · SKU-HS · Headset · decided · ")
    assert not [c for c in CODES if c in first]
    qtbot.keyClick(page.choices, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.presenter.state.code == "RMA-H1-1")
    assert page.model.rowCount() > 4


def test_an_inspections_line_shows_its_photos(qtbot: QtBot, page: HistoryPage) -> None:
    search(qtbot, page, "RMA-H1-1")
    assert not page.photo_list.isVisible()
    page.table.selectRow(row_of(page, "Inspected:"))
    qtbot.waitUntil(lambda: len(page.presenter.state.thumbnails) == 2)
    assert page.photo_list.isVisible()
    assert [page.photo_list.item(i).text() for i in range(2)] == ["p0.jpg", "p1.jpg"]
    assert not page.play_button.isEnabled()


def test_the_clips_line_plays_the_clip_on_enter_and_ctrl_p(
    qtbot: QtBot, page: HistoryPage, clips: FileSystemVideoStore, site: InspectionVideo
) -> None:
    search(qtbot, page, "RMA-H1-1")
    assert page.play_button.isVisible() and not page.play_button.isEnabled()
    page.table.selectRow(row_of(page, "Unboxing video"))
    assert page.play_button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.player_dialog
    assert dialog is not None and dialog.isVisible()
    player = dialog.player  # type: ignore[attr-defined]
    assert player.player.source().toLocalFile() == str(clips.path(site.clip.sha256))
    assert dialog.windowTitle() == "Unboxing video of RMA-H1-1"
    with qtbot.waitSignal(dialog.destroyed):
        qtbot.keyClick(player, Qt.Key.Key_Escape)
    page.activateWindow()  # shortcuts work in the active window
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert page.player_dialog is not None and page.player_dialog is not dialog
    page.player_dialog.close()


def test_prints_are_lines_of_the_story(
    qtbot: QtBot, page: HistoryPage, session: Session, printer: FakePrinter
) -> None:
    center = PrintCenter(session, parent=session)
    with qtbot.waitSignal(center.job_printed, timeout=10_000):
        center.print_label("RMA-H1-1")
    printer.queues = ["Zebra"]  # the report printer is gone: the report waits, then is dropped
    with qtbot.waitSignal(center.job_failed, timeout=10_000):
        center.print_report("RMA-H1-1")
    qtbot.waitUntil(lambda: center._running == 0, timeout=10_000)
    [job] = center.queue.pending()
    center.discard(job.id)
    qtbot.waitUntil(lambda: center._running == 0 and not center.queue.pending(), timeout=10_000)
    search(qtbot, page, "RMA-H1-1")
    rows = texts(page.table)
    label = rows[row_of(page, "Label printed")]
    assert label[1:] == ["Label printed (4 × 6 in) on Zebra", "", "sofia", "ST-01"]
    failed = rows[row_of(page, "Printing failed: ")]
    assert "Office" in failed[1] and failed[2] == "inspection report · discarded"
    everything = " ".join(" ".join(r) for r in rows)
    assert "document." not in everything and "printer.missing" not in everything


def test_an_unknown_code_is_said_inline_and_the_field_keeps_focus(
    qtbot: QtBot, page: HistoryPage
) -> None:
    qtbot.keyClicks(page.search_edit, "NOPE-404")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.presenter.state.error))
    assert page.message.isVisible() and "NOPE-404" in page.message.text()
    assert page.search_edit.hasFocus()


def test_the_story_model_is_a_sound_item_model(qtbot: QtBot, page: HistoryPage) -> None:
    tester = QAbstractItemModelTester(
        page.model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    search(qtbot, page, "RMA-H1")
    search(qtbot, page, "SKU-HS")
    assert tester is not None and page.model.rowCount() == 0


def test_the_page_fits_the_screen(qtbot: QtBot, page: HistoryPage) -> None:
    search(qtbot, page, "ORD-77")
    assert page.minimumSizeHint().width() <= 1366 and page.minimumSizeHint().height() <= 640


def test_supervisors_and_admins_get_the_area_inspectors_do_not() -> None:
    def keys(role: Role) -> list[str]:
        return [w.key for w in available_to(role)]

    assert "historyArea" in keys(Role.SUPERVISOR) and "historyArea" in keys(Role.ADMIN)
    assert "historyArea" not in keys(Role.INSPECTOR)
    assert SUPERVISOR.role == Role.SUPERVISOR
