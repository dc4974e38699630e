"""A parcel with no RMA (SPEC §7.2): the form looks the SKU up in the catalog, refuses bad
input inline without losing what was typed, and creates the RMA, claims its unit and opens the
inspection; the decision will need approval."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from qc_station.domain.enums import RmaSource, UnitState
from qc_station.domain.model import Product
from tests.fakes import FakeStore
from ui.pages.unexpected_return_page import UnexpectedReturnPage
from ui.presenters.unexpected_return_presenter import UnexpectedReturnPresenter
from ui.session import Session


@pytest.fixture
def page(qtbot: QtBot, signed_in: Session, store: FakeStore) -> UnexpectedReturnPage:
    with store.uow() as uow:
        uow.catalog.upsert_many(
            [
                Product(
                    "SKU-KETTLE",
                    "电热水壶 Electric kettle",
                    "home",
                    "Ningbo Home",
                    Decimal("39.90"),
                    "EUR",
                )
            ]
        )
        uow.commit()
    form = UnexpectedReturnPage(UnexpectedReturnPresenter(signed_in))
    qtbot.addWidget(form)
    form.presenter.begin("1Z999AA10123456784")
    return form


def type_in(page: UnexpectedReturnPage, key: str, text: str) -> None:
    edit = page.edits[key]
    edit.setText(text)
    edit.textEdited.emit(text)


def idle(qtbot: QtBot, page: UnexpectedReturnPage):  # type: ignore[no-untyped-def]
    return qtbot.waitSignal(page.presenter.busy_changed, check_params_cb=lambda busy: not busy)


def test_the_scanned_code_is_kept_as_the_tracking_number(page: UnexpectedReturnPage) -> None:
    assert page.edits["tracking"].text() == "1Z999AA10123456784"
    assert page.scanned.text() == "Scanned: 1Z999AA10123456784"


def test_the_catalog_fills_product_price_and_currency(
    qtbot: QtBot, page: UnexpectedReturnPage
) -> None:
    type_in(page, "market", "de")  # typed before the lookup: kept
    type_in(page, "sku", "sku-kettle")
    with idle(qtbot, page):
        page.edits["sku"].returnPressed.emit()
    assert page.edits["sku"].text() == "SKU-KETTLE"
    assert page.edits["product_name"].text() == "电热水壶 Electric kettle"
    assert page.edits["price"].text() == "39.90"
    assert page.edits["currency"].text() == "EUR"
    assert page.edits["supplier"].text() == "Ningbo Home"
    assert page.edits["market"].text() == "de"
    assert page.lookup_message.text() == "Found in the catalog: 电热水壶 Electric kettle"


def test_an_unknown_sku_says_so_and_keeps_the_form(
    qtbot: QtBot, page: UnexpectedReturnPage
) -> None:
    type_in(page, "customer", "Li Wei")
    type_in(page, "sku", "SKU-NOPE")
    with idle(qtbot, page):
        page.lookup_button.click()
    assert "SKU-NOPE is not in the catalog" in page.lookup_message.text()
    assert page.edits["customer"].text() == "Li Wei"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("price", "1,234", "Enter the price as a number, such as 19.99."),
        ("price", "abc", "Enter the price as a number, such as 19.99."),
        ("market", "", "Enter the market (two letters, such as US or DE)."),
    ],
)
def test_bad_input_is_refused_inline_and_nothing_is_lost(
    qtbot: QtBot,
    page: UnexpectedReturnPage,
    store: FakeStore,
    field: str,
    value: str,
    message: str,
) -> None:
    for key, text in (("sku", "SKU-X"), ("market", "US"), ("currency", "USD"), ("price", "10")):
        type_in(page, key, text)
    type_in(page, "reason", "box crushed")
    type_in(page, field, value)
    with qtbot.assertNotEmitted(page.presenter.unit_claimed):
        page.create_button.click()
    assert page.error_label.text() == message
    assert page.edits["reason"].text() == "box crushed"
    assert page.presenter._session.sounds.played == ["error"]
    assert store.data.rmas == {}


def test_a_decimal_comma_is_read_as_the_decimal_point(
    qtbot: QtBot, page: UnexpectedReturnPage, store: FakeStore
) -> None:
    for key, text in (("sku", "SKU-X"), ("market", "FR"), ("currency", "EUR"), ("price", "12,50")):
        type_in(page, key, text)
    with qtbot.waitSignal(page.presenter.unit_claimed) as blocker:
        page.create_button.click()
    rma, _ = blocker.args
    assert rma.lines[0].unit_price == Decimal("12.50")


def test_a_service_refusal_is_shown_inline(qtbot: QtBot, page: UnexpectedReturnPage) -> None:
    for key, text in (("sku", "SKU-X"), ("market", "USA"), ("currency", "USD"), ("price", "10")):
        type_in(page, key, text)
    with idle(qtbot, page):
        page.create_button.click()
    assert (
        page.error_label.text()
        == "The market must be a two-letter country code, such as US, DE or CN."
    )
    assert page.edits["market"].text() == "USA"


def test_creating_claims_the_unit_and_opens_the_inspection(
    qtbot: QtBot, page: UnexpectedReturnPage, store: FakeStore
) -> None:
    type_in(page, "sku", "SKU-KETTLE")
    with idle(qtbot, page):
        page.lookup_button.click()
    for key, text in (("market", "DE"), ("reason", "no paperwork"), ("customer", "Anna")):
        type_in(page, key, text)
    with qtbot.waitSignal(page.presenter.unit_claimed) as blocker:
        page.create_button.click()
    rma, lpn = blocker.args
    assert rma.source == RmaSource.UNEXPECTED
    assert rma.code.startswith("UNX-")
    assert rma.currency == "EUR" and rma.market == "DE"
    assert rma.lines[0].unit_price == Decimal("39.90")
    assert rma.stated_reason == "no paperwork"
    stored = store.data.rmas[rma.code]
    assert stored.units[0].lpn == lpn
    assert stored.units[0].state == UnitState.IN_INSPECTION
    assert stored.units[0].claimed_station == "ST-01"
    assert page.presenter._session.sounds.played == ["success"]
