"""The scan page: a good scan claims the unit; each bad scan says why inline, with a sound."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import UnitState
from qc_station.services.context import ServiceContext
from qc_station.services.returns import claim_unit
from tests.builders import INSPECTOR_2
from tests.fakes import FakeStore
from ui.pages.scan_page import ScanPage
from ui.presenters.scan_presenter import ScanPresenter
from ui.session import Session

from .conftest import decide_elsewhere


@pytest.fixture
def page(qtbot: QtBot, signed_in: Session) -> ScanPage:
    scan_page = ScanPage(ScanPresenter(signed_in))
    qtbot.addWidget(scan_page)
    return scan_page


def scan(qtbot: QtBot, page: ScanPage, code: str) -> None:
    page.scan_edit.setText(code)
    with qtbot.waitSignal(page.presenter.busy_changed, check_params_cb=lambda busy: not busy):
        page.scan_edit.returnPressed.emit()


def test_a_good_scan_claims_the_unit_for_this_station(
    qtbot: QtBot, page: ScanPage, rma_code: str, store: FakeStore
) -> None:
    with qtbot.waitSignal(page.presenter.unit_claimed) as blocker:
        page.scan_edit.setText(rma_code)
        page.scan_edit.returnPressed.emit()
    rma, lpn = blocker.args
    assert lpn == f"{rma_code}-1"
    assert rma.code == rma_code
    unit = store.data.rmas[rma_code].units[0]
    assert unit.state == UnitState.IN_INSPECTION
    assert unit.claimed_station == "ST-01"
    assert page.scan_edit.text() == ""
    assert page.rma_panel.field("customer").text() == "Zoë Müller"
    assert "99.00 USD" in page.rma_panel.field("products").text()
    assert page.rma_panel.field("window").text().startswith("within the return window")


def test_an_unknown_code_says_so_inline(qtbot: QtBot, page: ScanPage, rma_code: str) -> None:
    with qtbot.assertNotEmitted(page.presenter.unit_claimed):
        scan(qtbot, page, "RMA-NOPE")
    assert page.message.text() == "Unknown code RMA-NOPE: no RMA or unit has it."
    assert page.message.property("role") == "error"
    assert page.presenter._session.sounds.played == ["error"]


def test_an_already_decided_unit_says_so_inline(
    qtbot: QtBot, page: ScanPage, rma_code: str, ctx: ServiceContext
) -> None:
    decide_elsewhere(ctx, ctx.policy, f"{rma_code}-1", INSPECTOR_2)
    with qtbot.assertNotEmitted(page.presenter.unit_claimed):
        scan(qtbot, page, rma_code)
    text = page.message.text()
    assert text.startswith(f"Unit {rma_code}-1 is already decided (RESTOCK by ivan")
    assert "a supervisor can reopen it" in text
    # The RMA is still shown, so the inspector sees the unit and its decision.
    assert "decided (RESTOCK)" in page.rma_panel.field("units").text()


def test_a_unit_held_at_another_station_says_where(
    qtbot: QtBot, page: ScanPage, rma_code: str, ctx: ServiceContext
) -> None:
    claim_unit(ctx, INSPECTOR_2, f"{rma_code}-1")
    with qtbot.assertNotEmitted(page.presenter.unit_claimed):
        scan(qtbot, page, f"{rma_code}-1")
    assert page.message.text().startswith(
        f"Unit {rma_code}-1 is being inspected at station ST-02 by ivan"
    )


def test_an_empty_scan_asks_for_a_code(qtbot: QtBot, page: ScanPage) -> None:
    page.scan_edit.returnPressed.emit()
    assert page.message.text() == "Scan an RMA barcode or a unit label."
