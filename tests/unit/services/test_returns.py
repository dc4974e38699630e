"""Scanning and claiming units on the fake unit of work."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from qc_station.domain.enums import RmaSource, UnitState, WindowStatus
from qc_station.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from qc_station.domain.model import RmaLine
from qc_station.services import returns
from qc_station.services.context import ServiceContext
from tests.builders import INSPECTOR, INSPECTOR_2, SUPERVISOR, make_rma, seed
from tests.fakes import FakeStore


@pytest.fixture
def two_units(store: FakeStore) -> None:
    seed(
        store, make_rma(lines=[RmaLine(1, "SKU-A", "Kettle", "home", "Acme", Decimal("30.00"), 2)])
    )


@pytest.mark.usefixtures("two_units")
class TestFind:
    def test_by_rma_code_shows_the_return(self, ctx: ServiceContext) -> None:
        view = returns.find(ctx, "RMA-2026-000123")
        assert [u.lpn for u in view.units] == ["RMA-2026-000123-1", "RMA-2026-000123-2"]
        assert view.customer == "Zoë Müller"
        assert view.window.status == WindowStatus.HOLDS
        assert view.days_since_delivery == (date(2026, 11, 2) - date(2026, 10, 5)).days
        assert view.focus_lpn == "RMA-2026-000123-1"

    def test_by_lpn_focuses_that_unit(self, ctx: ServiceContext) -> None:
        assert returns.find(ctx, "RMA-2026-000123-2").focus_lpn == "RMA-2026-000123-2"

    @pytest.mark.parametrize(
        "raw", ["  RMA-2026-000123\r\n", "rma-2026-000123", "\tRMA-2026-000123"]
    )
    def test_scanner_noise_and_case_are_forgiven(self, ctx: ServiceContext, raw: str) -> None:
        assert returns.find(ctx, raw).code == "RMA-2026-000123"

    def test_unknown_code(self, ctx: ServiceContext) -> None:
        with pytest.raises(NotFound, match="Unknown code NOPE-1"):
            returns.find(ctx, "NOPE-1")

    @pytest.mark.parametrize(
        ("raw", "message"),
        [
            ("", "Nothing was scanned"),
            ("RMA\x00123", "control characters"),
            ("RMA-1" * 40, "at most 64"),
        ],
    )
    def test_malformed_codes(self, ctx: ServiceContext, raw: str, message: str) -> None:
        with pytest.raises(ValidationError, match=message):
            returns.find(ctx, raw)


@pytest.mark.usefixtures("two_units")
class TestClaim:
    def test_claim_moves_the_unit_into_inspection_and_audits(
        self, ctx: ServiceContext, store: FakeStore
    ) -> None:
        view = returns.claim_unit(ctx, INSPECTOR, "RMA-2026-000123-1")
        unit = view.unit("RMA-2026-000123-1")
        assert unit is not None
        assert unit.state == UnitState.IN_INSPECTION
        assert (unit.claimed_station, unit.claimed_by) == ("ST-01", "ines")
        assert [e.action for e in store.data.audit] == ["claim"]

    def test_claiming_again_at_the_same_station_changes_nothing(
        self, ctx: ServiceContext, store: FakeStore
    ) -> None:
        returns.claim_unit(ctx, INSPECTOR, "RMA-2026-000123-1")
        returns.claim_unit(ctx, INSPECTOR, "RMA-2026-000123-1")
        assert len(store.data.audit) == 1

    def test_another_station_sees_who_has_it_and_since_when(self, ctx: ServiceContext) -> None:
        returns.claim_unit(ctx, INSPECTOR, "RMA-2026-000123-1")
        # A moment in UTC in English; the screens show ``since`` in the station's local time.
        with pytest.raises(Conflict, match="station ST-01 by ines since 2026-11-02") as refused:
            returns.claim_unit(ctx, INSPECTOR_2, "RMA-2026-000123-1")
        assert refused.value.message_code == "unit.claimed_since"
        assert refused.value.params["since"] == ctx.clock.now()

    def test_an_rma_code_is_not_a_unit(self, ctx: ServiceContext) -> None:
        with pytest.raises(ValidationError, match="scan the unit's LPN"):
            returns.claim_unit(ctx, INSPECTOR, "RMA-2026-000123")

    def test_the_next_unit_skips_one_held_elsewhere(self, ctx: ServiceContext) -> None:
        returns.claim_unit(ctx, INSPECTOR, "RMA-2026-000123-1")
        assert returns.find(ctx, "RMA-2026-000123", "ST-02").focus_lpn == "RMA-2026-000123-2"
        assert returns.find(ctx, "RMA-2026-000123", "ST-01").focus_lpn == "RMA-2026-000123-1"

    def test_stale_claim_released_by_a_supervisor_with_a_reason(
        self, ctx: ServiceContext, store: FakeStore
    ) -> None:
        returns.claim_unit(ctx, INSPECTOR, "RMA-2026-000123-1")
        with pytest.raises(PermissionDenied):
            returns.release_claim(ctx, INSPECTOR_2, "RMA-2026-000123-1", "stuck")
        with pytest.raises(ValidationError, match="needs a reason"):
            returns.release_claim(ctx, SUPERVISOR, "RMA-2026-000123-1", " ")
        returns.release_claim(ctx, SUPERVISOR, "RMA-2026-000123-1", "station ST-01 crashed")
        view = returns.claim_unit(ctx, INSPECTOR_2, "RMA-2026-000123-1")
        assert view.unit("RMA-2026-000123-1").claimed_station == "ST-02"  # type: ignore[union-attr]
        assert store.data.audit[-2].action == "release_claim"


class TestUnexpectedReturn:
    def test_creates_an_rma_that_always_needs_approval(self, ctx: ServiceContext) -> None:
        parcel = returns.UnexpectedReturn(
            sku="SKU-X",
            product_name="Mug",
            category="home",
            market="gb",
            currency="gbp",
            unit_price=Decimal("12.345"),
        )
        view = returns.create_unexpected_return(ctx, INSPECTOR, parcel)
        assert view.source == RmaSource.UNEXPECTED and view.unexpected
        assert view.code.startswith("UNX-20261102-")
        assert view.lines[0].unit_price == Decimal("12.35")
        assert view.market == "GB" and view.currency == "GBP"
        assert returns.find(ctx, view.units[0].lpn).code == view.code

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("currency", "XXY", "Unknown currency"),
            ("market", "Germany", "two-letter"),
            ("sku", " ", "Enter the SKU"),
            ("unit_price", Decimal("-1"), "negative"),
            ("quantity", 0, "quantity"),
        ],
    )
    def test_bad_input_is_refused(
        self, ctx: ServiceContext, store: FakeStore, field: str, value: object, message: str
    ) -> None:
        values: dict[str, object] = {
            "sku": "SKU-X",
            "product_name": "Mug",
            "category": "home",
            "market": "GB",
            "currency": "GBP",
            "unit_price": Decimal("12"),
        }
        values[field] = value
        with pytest.raises(ValidationError, match=message):
            returns.create_unexpected_return(ctx, INSPECTOR, returns.UnexpectedReturn(**values))  # type: ignore[arg-type]
        assert not store.data.rmas
