"""Recovery's refusals in the station's language: the errors the recovery domain and service
really raise (carton count, payment currency and amount, locked units, unknown cases) come out
of ``describe`` in Chinese, with their parameters filled in, once the translation is loaded;
without it, the core's English sentence."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from qc_station.domain.errors import QcError
from qc_station.domain.recovery import RecoveryCase, RecoveryItem, RecoveryKind
from qc_station.services.recovery import check_cartons
from ui.messages import describe

from .test_translations import chinese  # noqa: F401 - the fixture

NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)


def _closed_batch() -> RecoveryCase:
    case = RecoveryCase("c1", RecoveryKind.VENDOR_RETURN, "Acme", NOW, "sofia")
    case.add_item(RecoveryItem("RMA-1-1", "d1", "EUR", Decimal("10.00"), NOW))
    case.add_item(RecoveryItem("RMA-2-1", "d2", "USD", Decimal("5.00"), NOW))
    case.close("VR-20261123-001", "sofia", NOW)
    return case


def _raised(call: object) -> QcError:
    with pytest.raises(QcError) as caught:
        call()  # type: ignore[operator]
    return caught.value


def test_without_a_translation_the_core_sentence() -> None:
    error = _raised(lambda: check_cartons(5, 2))
    assert describe(error) == "A batch of 2 unit(s) ships in 1 to 2 cartons; 5 cannot be right."


def test_recovery_refusals_in_chinese(chinese: None) -> None:  # noqa: F811
    case = _closed_batch()
    assert (
        describe(_raised(lambda: check_cartons(0, 3)))
        == "共 3 件的批次应装 1 至 3 箱；0 箱不正确。"
    )
    wrong = _raised(lambda: case.record_payment("p", Decimal("1"), "GBP", "sofia", NOW))
    assert describe(wrong) == "此批次或索赔没有以 GBP 计的金额；其币种为 EUR、USD。"
    much = _raised(lambda: case.record_payment("p", Decimal("10.01"), "EUR", "sofia", NOW))
    assert describe(much) == "10.01 EUR 的付款超过了 VR-20261123-001 仍在索赔的 10.00 EUR。"
    fine = _raised(lambda: case.record_payment("p", Decimal("1.001"), "EUR", "sofia", NOW))
    assert describe(fine) == "1.001 的小数位数超过 EUR 允许的位数。"
    locked = _raised(lambda: case.pull("RMA-1-1", "sofia", NOW, "wrong supplier"))
    assert describe(locked) == "VR-20261123-001 已不再开放，其中的单件已锁定。"
    empty = RecoveryCase("c2", RecoveryKind.CARRIER_CLAIM, "DHL", NOW, "sofia")
    assert describe(_raised(lambda: empty.close("CC-1", "sofia", NOW))) == (
        "此批次或索赔没有单件，无可结批。"
    )
    paid_early = _raised(lambda: empty.record_payment("p", Decimal("1"), "EUR", "sofia", NOW))
    assert describe(paid_early) == "c2 在当前状态下不能执行此操作；请刷新后重新查看。"
