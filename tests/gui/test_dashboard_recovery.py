"""The dashboard's recovery figures over the real services on the fakes: per supplier and per
carrier, claimed, recovered and the recovery rate per currency, loaded with the other figures
and refreshed with them (a payment recorded elsewhere shows after the next refresh)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import Finding, Grade, Role
from qc_station.services import recovery
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.users import UserView
from tests.builders import make_rma, seed
from tests.fakes import FakeStore
from ui.pages.dashboard_page import DashboardPage
from ui.presenters.dashboard_presenter import DashboardPresenter
from ui.session import Session

from .tables import texts
from .test_approvals import decide, line

SUPERVISOR = Actor("sofia", Role.SUPERVISOR, "DESK")


@pytest.fixture
def page(qtbot: QtBot, session: Session, store: FakeStore, ctx: ServiceContext) -> DashboardPage:
    seed(
        store,
        make_rma("RMA-D1", lines=line("30.00")),
        make_rma("RMA-D2", lines=line("20.00")),
        make_rma("RMA-T1", lines=line("50.00"), carrier="DHL"),
        make_rma("RMA-O1", lines=line("9.00")),
    )
    decide(ctx, "RMA-D1-1", Grade.B, Finding.DEFECT, photos=2)
    decide(ctx, "RMA-D2-1", Grade.B, Finding.DEFECT, photos=2)
    decide(ctx, "RMA-T1-1", Grade.C, Finding.TRANSIT_DAMAGE, photos=2)
    recovery.list_cases(ctx, SUPERVISOR)  # collects the units into their open cases
    batch = recovery.close_batch(ctx, SUPERVISOR, "Acme", 2)
    claim = recovery.file_claim(ctx, SUPERVISOR, "DHL")
    assert batch.number and claim.number
    recovery.record_payment(ctx, SUPERVISOR, batch.number, Decimal("20.00"))
    # A unit decided after the close waits in a new open batch: not claimed yet, not counted.
    decide(ctx, "RMA-O1-1", Grade.B, Finding.DEFECT, photos=2)
    session.sign_in(UserView("sofia", "Sofia", Role.SUPERVISOR, True, None, False, None, None))
    presenter = DashboardPresenter(session)
    widget = DashboardPage(presenter)
    presenter.setParent(widget)
    qtbot.addWidget(widget)
    return widget


def _load(qtbot: QtBot, page: DashboardPage) -> None:
    with qtbot.waitSignal(page.presenter.busy_changed, check_params_cb=lambda busy: not busy):
        page.activated()


def _rows(page: DashboardPage) -> list[list[str]]:
    return texts(page.recovery_table)


def test_recovery_per_supplier_and_carrier_refreshes_with_the_figures(
    qtbot: QtBot, page: DashboardPage, ctx: ServiceContext
) -> None:
    _load(qtbot, page)
    assert _rows(page) == [
        ["DHL", "Carrier", "USD", "50.00 USD", "0.00 USD", "0 %"],
        ["Acme", "Supplier", "USD", "50.00 USD", "20.00 USD", "40 %"],
    ]
    assert [(i.label, i.value) for i in page.recovery_chart.items] == [
        ("DHL (USD)", 0.0),
        ("Acme (USD)", 40.0),
    ]
    claim = next(c for c in recovery.list_cases(ctx, SUPERVISOR) if c.party == "DHL")
    assert claim.number is not None
    recovery.record_payment(ctx, SUPERVISOR, claim.number, Decimal("50.00"))
    _load(qtbot, page)
    assert _rows(page)[0] == ["DHL", "Carrier", "USD", "50.00 USD", "50.00 USD", "100 %"]
    assert page.recovery_chart.items[0].value == 100.0
