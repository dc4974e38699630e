"""The inspection page: checklist defaults, the live decision, photos, override, submission."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline
from qc_station.domain.model import DecisionStatus
from qc_station.domain.stated_reasons import looks_like_change_of_mind
from qc_station.services import returns
from qc_station.services.context import ServiceContext
from tests.builders import make_rma, seed
from tests.fakes import FakeStore
from ui.pages.inspection_page import InspectionPage
from ui.presenters.inspection_presenter import InspectionPresenter
from ui.session import Session


def _open(
    qtbot: QtBot, session: Session, code: str, language: str = "en"
) -> tuple[InspectionPresenter, InspectionPage]:
    presenter = InspectionPresenter(session)
    page = InspectionPage(presenter, language=language)
    qtbot.addWidget(page)
    actor = session.require_actor()
    rma = returns.claim_unit(session.ctx, actor, f"{code}-1")
    presenter.start(rma, f"{code}-1")
    return presenter, page


@pytest.fixture
def opened(
    qtbot: QtBot, signed_in: Session, rma_code: str
) -> tuple[InspectionPresenter, InspectionPage]:
    return _open(qtbot, signed_in, rma_code)


def test_the_checklist_starts_all_pass_and_visible(
    opened: tuple[InspectionPresenter, InspectionPage],
) -> None:
    presenter, page = opened
    assert set(presenter.state.answers.values()) == {ChecklistAnswer.PASS}
    assert page.findChild(object, "check_powers_on_pass").isChecked()
    assert page.findChild(object, "checkLabel_powers_on").text() == "Powers on *"
    assert page.findChild(object, "checkLabel_factory_reset").text() == "Factory reset done"


def test_checklist_labels_are_chinese_for_zh_cn(
    qtbot: QtBot, signed_in: Session, rma_code: str
) -> None:
    _, page = _open(qtbot, signed_in, rma_code, language="zh_CN")
    assert page.findChild(object, "checkLabel_powers_on").text() == "能正常开机 *"


def test_a_change_of_mind_defaults_to_no_fault(
    opened: tuple[InspectionPresenter, InspectionPage],
) -> None:
    presenter, page = opened
    assert presenter.state.finding == Finding.NO_FAULT
    assert page.finding_combo.currentData() == Finding.NO_FAULT
    assert looks_like_change_of_mind("不想要了")
    assert not looks_like_change_of_mind("arrived broken")


def test_the_live_decision_follows_the_grade(
    opened: tuple[InspectionPresenter, InspectionPage],
) -> None:
    _presenter, page = opened
    assert page.headline.text() == "—"
    page.grade_buttons[Grade.A].click()
    assert page.headline.text() == "RESTOCK"
    assert "Refund: 99.00 USD" in page.details.text()
    assert not page.approval.isVisibleTo(page)
    page.grade_buttons[Grade.C].click()
    assert page.headline.text().startswith("REFUND")  # "…needs a supervisor's approval"
    assert "Partial refund" in page.details.text()
    assert "Refund: 69.30 USD" in page.details.text()
    assert page.approval.isVisibleTo(page)  # a partial refund needs approval
    page.grade_buttons[Grade.D].click()
    assert page.headline.text().startswith("DISPUTE")


def test_a_contradictory_grade_and_finding_shows_inline(
    opened: tuple[InspectionPresenter, InspectionPage],
) -> None:
    presenter, page = opened
    page.grade_buttons[Grade.A].click()
    page.finding_combo.setCurrentIndex(page.finding_combo.findData(Finding.CUSTOMER_DAMAGE.value))
    assert presenter.state.proposal is None
    assert page.problem.isVisibleTo(page)
    assert page.problem.text()


def test_missing_photos_refuse_the_submission_inline(
    qtbot: QtBot, opened: tuple[InspectionPresenter, InspectionPage], store: FakeStore
) -> None:
    presenter, page = opened
    page.grade_buttons[Grade.B].click()
    page.finding_combo.setCurrentIndex(page.finding_combo.findData(Finding.DEFECT.value))
    assert "Photos: 2 more needed" in page.details.text()
    with qtbot.waitSignal(presenter.error_message) as blocker:
        page.submit_button.click()
    assert "photo" in blocker.args[0]
    assert page.error_label.text() == blocker.args[0]
    assert store.data.decisions == {}
    assert presenter.state.rma is not None  # still there to fix


def _png(path: Path) -> Path:
    image = np.full((120, 160, 3), 200, dtype=np.uint8)
    cv2.imwrite(str(path), image)
    return path


def test_photos_from_files_get_thumbnails_and_can_be_removed(
    qtbot: QtBot, opened: tuple[InspectionPresenter, InspectionPage], tmp_path: Path
) -> None:
    presenter, page = opened
    files = [str(_png(tmp_path / "a.png")), str(_png(tmp_path / "b.png"))]
    page.ask_files = lambda: files
    page.add_photos_button.click()
    qtbot.waitUntil(lambda: page.photo_list.count() == 2)
    qtbot.waitUntil(lambda: presenter.state.photos_loading == 0)
    assert {p.name for p in presenter.state.photos} == {"a.png", "b.png"}
    # Kept as read: the submission burns the time in (services.inspection).
    first = presenter.state.photos[0]
    assert first.photo.data == (tmp_path / first.name).read_bytes()
    assert not first.thumbnail.isNull()
    page.photo_list.setCurrentRow(0)
    page.remove_photo_button.click()
    assert page.photo_list.count() == 1


def test_a_file_that_is_no_image_says_so_inline(
    qtbot: QtBot, opened: tuple[InspectionPresenter, InspectionPage], tmp_path: Path
) -> None:
    presenter, page = opened
    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    page.ask_files = lambda: [str(bad)]
    with qtbot.waitSignal(presenter.error_message) as blocker:
        page.add_photos_button.click()
    assert "notes.png" in blocker.args[0]


def test_an_override_needs_a_reason(
    qtbot: QtBot, opened: tuple[InspectionPresenter, InspectionPage], store: FakeStore
) -> None:
    presenter, page = opened
    page.grade_buttons[Grade.A].click()
    page.override_check.setChecked(True)
    page.override_combo.setCurrentIndex(page.override_combo.findData(Headline.REFUND.value))
    assert page.override_panel.isVisibleTo(page)
    page.submit_button.click()
    assert page.error_label.text() == "Write why you override the proposed decision."
    page.override_reason.setText("box was resealed by the customer")
    page.override_reason.textEdited.emit(page.override_reason.text())
    with qtbot.waitSignal(presenter.decision_submitted) as blocker:
        page.submit_button.click()
    decision = blocker.args[0]
    assert decision.overridden
    assert decision.needs_approval
    assert store.data.decisions[decision.id].status == DecisionStatus.PENDING


def test_a_failed_answer_is_recorded(
    qtbot: QtBot, opened: tuple[InspectionPresenter, InspectionPage], store: FakeStore
) -> None:
    presenter, page = opened
    page.findChild(object, "check_factory_reset_fail").click()
    page.grade_buttons[Grade.A].click()
    with qtbot.waitSignal(presenter.decision_submitted):
        page.submit_button.click()
    (inspection,) = store.data.inspections.values()
    assert inspection.checklist["factory_reset"] == ChecklistAnswer.FAIL
    assert inspection.checklist["powers_on"] == ChecklistAnswer.PASS


def test_an_rma_without_a_unit_price_explains_itself(
    qtbot: QtBot, signed_in: Session, store: FakeStore, ctx: ServiceContext
) -> None:
    from qc_station.domain.model import RmaLine

    seed(
        store,
        make_rma("RMA-NOPRICE", lines=[RmaLine(1, "SKU-X", "Thing", "home", "", None, 1)]),
    )
    _presenter, page = _open(qtbot, signed_in, "RMA-NOPRICE")
    page.grade_buttons[Grade.A].click()
    assert "no unit price" in page.problem.text()
