"""The Recovery page over the real services on the fakes: batches per supplier and a carrier
claim listed, a unit taken out with a required reason, a batch closed with its documents
written to a folder, a payment refused when too much and recorded when right, and the area
offered to supervisors only."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Finding, Grade, Role
from qc_station.domain.recovery import RecoveryState
from qc_station.services.context import ServiceContext
from qc_station.services.users import UserView
from tests.builders import make_rma, seed
from tests.fakes import FakeStore
from tests.unit.printing.pdftools import pdf_info
from ui.pages.recovery_page import KEY_ROLE, RecoveryPage
from ui.presenters.recovery_presenter import RecoveryPresenter
from ui.session import Session
from ui.workspaces import available_to

from .tables import cell, row_count, texts
from .test_approvals import decide, line
from .test_translations import chinese  # noqa: F401 - the fixture


@pytest.fixture
def page(qtbot: QtBot, session: Session, store: FakeStore, ctx: ServiceContext) -> RecoveryPage:
    seed(
        store,
        make_rma("RMA-D1", lines=line("30.00")),
        make_rma("RMA-D2", lines=line("20.00")),
        make_rma("RMA-T1", lines=line("50.00"), carrier="DHL"),
    )
    decide(ctx, "RMA-D1-1", Grade.B, Finding.DEFECT, photos=2)
    decide(ctx, "RMA-D2-1", Grade.B, Finding.DEFECT, photos=2)
    decide(ctx, "RMA-T1-1", Grade.C, Finding.TRANSIT_DAMAGE, photos=2)
    session.sign_in(UserView("sofia", "Sofia", Role.SUPERVISOR, True, None, False, None, None))
    widget = RecoveryPage(RecoveryPresenter(session))
    qtbot.addWidget(widget)
    widget.activated()
    qtbot.waitUntil(lambda: len(widget.presenter.state.cases) == 2)
    return widget


def select_case(page: RecoveryPage, party: str) -> None:
    for row in range(row_count(page.case_table)):
        if cell(page.case_table, row, 2) == party:
            page.case_table.selectRow(row)
            return
    raise AssertionError(party)


def idle(page: RecoveryPage) -> bool:
    state = page.presenter.state
    return not state.busy and not state.loading


def test_lists_cases_and_their_units(page: RecoveryPage) -> None:
    rows = texts(page.case_table)
    assert [(r[1], r[2], r[3], r[4], r[5]) for r in rows] == [
        ("Vendor return", "Acme", "Open", "2", "50.00 USD"),
        ("Carrier claim", "DHL", "Open", "1", "50.00 USD"),
    ]
    assert rows[1][7]  # the carrier's filing deadline is shown
    select_case(page, "Acme")
    assert [r[0] for r in texts(page.unit_table)] == ["RMA-D1-1", "RMA-D2-1"]
    assert page.close_button.isEnabled() and not page.pay_button.isEnabled()


def test_take_out_needs_a_reason(qtbot: QtBot, page: RecoveryPage) -> None:
    select_case(page, "Acme")
    page.unit_table.selectRow(1)
    page.pull_button.click()
    assert "Write why" in page.message.text()
    page.pull_reason.setText("supplier collects it on site")
    page.pull_button.click()
    qtbot.waitUntil(lambda: idle(page) and "taken out" in page.message.text())
    selected = page.presenter.state.selected
    assert selected is not None
    assert [i.lpn for i in selected.active_items] == ["RMA-D1-1"]
    assert texts(page.unit_table)[1][6] == "supplier collects it on site"


def test_close_writes_documents_then_payments(
    qtbot: QtBot, page: RecoveryPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "rtv"
    out.mkdir()
    monkeypatch.setattr(page, "choose_folder", lambda: out)
    select_case(page, "Acme")
    # The spin box offers no more cartons than units; the presenter refuses them as well.
    assert page.cartons.isEnabled() and page.cartons.maximum() == 2
    page.presenter.close_selected(out, 3)
    assert "no carton may be empty" in page.message.text()
    still = page.presenter.state.selected
    assert list(out.iterdir()) == [] and still is not None and still.state == RecoveryState.OPEN
    page.cartons.setValue(2)
    page.close_button.click()
    qtbot.waitUntil(lambda: idle(page) and "closed" in page.message.text(), timeout=20000)
    case = page.presenter.state.selected
    assert case is not None and case.state == RecoveryState.CLOSED and case.number
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [
            f"{case.number}-packing-list.pdf",
            f"{case.number}-claim.csv",
            f"{case.number}-carton-labels.pdf",
            "inspection-report-RMA-D1-1.pdf",
            "inspection-report-RMA-D2-1.pdf",
        ]
    )
    labels = (out / f"{case.number}-carton-labels.pdf").read_bytes()
    assert pdf_info(labels, tmp_path)["Pages"] == "2"
    assert page.pay_button.isEnabled() and not page.close_button.isEnabled()
    assert not page.cartons.isEnabled()

    page.amount.setText("50.01")
    page.pay_button.click()
    qtbot.waitUntil(lambda: idle(page) and bool(page.presenter.state.error))
    assert page.presenter.state.selected.recovered == {}  # type: ignore[union-attr]
    page.amount.setText("20")
    page.pay_button.click()
    qtbot.waitUntil(lambda: idle(page) and "Payment on" in page.message.text())
    row = next(r for r in texts(page.case_table) if r[0] == case.number)
    assert (row[3], row[6]) == ("Partly paid", "20.00 USD")
    assert cell(page.case_table, 0, 0, KEY_ROLE)


def test_only_supervisors_and_admins_are_offered_recovery() -> None:
    def offered(role: Role) -> bool:
        return "recoveryArea" in [w.key for w in available_to(role)]

    assert (offered(Role.INSPECTOR), offered(Role.SUPERVISOR), offered(Role.ADMIN)) == (
        False,
        True,
        True,
    )


def test_the_units_finding_is_in_words(page: RecoveryPage) -> None:
    select_case(page, "Acme")
    assert [r[3] for r in texts(page.unit_table)] == ["Defect", "Defect"]
    select_case(page, "DHL")
    assert [r[3] for r in texts(page.unit_table)] == ["Transit damage"]


@pytest.mark.usefixtures("chinese")
def test_the_units_finding_in_chinese(page: RecoveryPage) -> None:
    select_case(page, "Acme")
    assert [r[3] for r in texts(page.unit_table)] == ["质量缺陷", "质量缺陷"]
