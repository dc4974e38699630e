"""The recovery case's table of steps and its money rules (domain/recovery.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from qc_station.domain.errors import InvalidTransition, ValidationError
from qc_station.domain.policy import load_policy
from qc_station.domain.recovery import (
    RECOVERY_TRANSITIONS,
    RecoveryCase,
    RecoveryItem,
    RecoveryKind,
    RecoveryState,
    make_number,
)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
S = RecoveryState


def case(kind: RecoveryKind = RecoveryKind.VENDOR_RETURN, **amounts: str) -> RecoveryCase:
    c = RecoveryCase("c1", kind, "Acme", T0, "sofia")
    for n, (lpn, spec) in enumerate(amounts.items()):
        amount, _, currency = spec.partition(" ")
        c.add_item(RecoveryItem(lpn, f"d{n}", currency or "USD", Decimal(amount), T0))
    return c


def test_every_kind_has_one_way_to_be_claimed() -> None:
    starts = {(k, a) for (k, a, _), _ in RECOVERY_TRANSITIONS.items()}
    assert (RecoveryKind.VENDOR_RETURN, S.FILED) not in starts
    assert (RecoveryKind.CARRIER_CLAIM, S.CLOSED) not in starts
    for final in (S.PAID, S.DENIED):
        assert all(start != final for _, start in starts)


def test_close_numbers_and_locks() -> None:
    c = case(A1="10.00", A2="5.50")
    assert c.close("VR-20261102-001", "sofia", T0) == "close_batch"
    assert (c.state, c.number, c.closed_by) == (S.CLOSED, "VR-20261102-001", "sofia")
    with pytest.raises(InvalidTransition, match="locked"):
        c.pull("A1", "sofia", T0, "wrong")
    with pytest.raises(InvalidTransition):
        c.add_item(RecoveryItem("A3", "d9", "USD", Decimal(1), T0))
    with pytest.raises(InvalidTransition):
        c.close("VR-20261102-002", "sofia", T0)


def test_carrier_claim_is_filed() -> None:
    c = case(RecoveryKind.CARRIER_CLAIM, C1="10.00")
    assert c.close("CC-20261102-001", "sofia", T0) == "file_claim"
    assert c.state == S.FILED


def test_empty_case_cannot_close() -> None:
    c = case(A1="10.00")
    c.pull("A1", "sofia", T0, "supplier takes it back on site")
    with pytest.raises(ValidationError, match="no units"):
        c.close("VR-1", "sofia", T0)
    assert (c.state, c.number) == (S.OPEN, None)


def test_pull_needs_a_reason_and_a_member() -> None:
    c = case(A1="10.00")
    with pytest.raises(ValidationError, match="reason"):
        c.pull("A1", "sofia", T0, " ")
    with pytest.raises(ValidationError, match="not in"):
        c.pull("B1", "sofia", T0, "why")
    item = c.pull("A1", "sofia", T0, "why")
    assert (item.active, item.pull_reason) == (False, "why")
    assert c.claimed() == {}


def test_payments_per_currency_partly_then_fully() -> None:
    c = case(A1="10.00", A2="5.50", J1="1200 JPY")
    c.close("VR-1", "sofia", T0)
    assert c.claimed() == {"JPY": Decimal(1200), "USD": Decimal("15.50")}
    action, _ = c.record_payment("p1", Decimal("15.50"), "usd", "sofia", T0)
    assert (action, c.state) == ("partly_paid", S.PARTLY_PAID)
    action, payment = c.record_payment("p2", Decimal(1200), "JPY", "sofia", T0)
    assert (action, c.state, payment.outcome) == ("paid", S.PAID, S.PAID)
    assert c.recovered() == c.claimed()


@pytest.mark.parametrize(
    ("amount", "currency", "message"),
    [
        ("14.51", "USD", r"more than the 14\.50 USD still claimed"),
        ("1", "EUR", "claims no EUR"),
        ("1", "XXY", "Unknown currency"),
        ("0", "USD", "more than 0"),
        ("-1", "USD", "more than 0"),
        ("1.001", "USD", "more decimals"),
        ("1.5", "JPY", "claims no JPY"),
    ],
)
def test_bad_payments_change_nothing(amount: str, currency: str, message: str) -> None:
    c = case(A1="10.00", A2="5.50")
    c.close("VR-1", "sofia", T0)
    c.record_payment("p0", Decimal("1.00"), "USD", "sofia", T0)
    before = (c.state, list(c.payments))
    with pytest.raises(ValidationError, match=message):
        c.record_payment("p1", Decimal(amount), currency, "sofia", T0)
    assert (c.state, c.payments) == before


def test_open_or_denied_cases_take_no_payment() -> None:
    c = case(A1="10.00")
    with pytest.raises(InvalidTransition):
        c.record_payment("p1", Decimal(1), "USD", "sofia", T0)
    c.close("VR-1", "sofia", T0)
    assert c.deny("carrier says packaging was poor") == "denied"
    with pytest.raises(InvalidTransition):
        c.record_payment("p1", Decimal(1), "USD", "sofia", T0)
    with pytest.raises(InvalidTransition):
        c.deny()


def test_a_part_paid_claim_is_not_denied_afterwards() -> None:
    c = case(RecoveryKind.CARRIER_CLAIM, C1="10.00")
    c.close("CC-1", "sofia", T0)
    c.record_payment("p1", Decimal(4), "USD", "sofia", T0)
    with pytest.raises(InvalidTransition):
        c.deny()


def test_case_deadline_is_the_earliest_unit() -> None:
    c = RecoveryCase("c", RecoveryKind.CARRIER_CLAIM, "DHL", T0, "sofia")
    for n, days in enumerate((9, 3, 5)):
        c.add_item(RecoveryItem(f"L{n}", f"d{n}", "USD", Decimal(1), T0, T0 + timedelta(days=days)))
    c.pull("L1", "sofia", T0, "not ours")
    assert c.claim_due_at() == T0 + timedelta(days=5)


def test_numbers_count_per_day() -> None:
    assert make_number(RecoveryKind.VENDOR_RETURN, "20261102", None) == "VR-20261102-001"
    assert make_number(RecoveryKind.CARRIER_CLAIM, "20261102", "CC-20261102-009") == (
        "CC-20261102-010"
    )


def test_policy_claim_days_as_one_number_or_a_table() -> None:
    assert load_policy("carrier_claim_days = 45").claim_days("UPS") == 45
    table = load_policy("carrier_claim_days = { DHL = 20 }")
    assert (table.claim_days("DHL"), table.claim_days("UPS")) == (20, 60)
    with pytest.raises(ValidationError, match="carrier_claim_days"):
        load_policy("carrier_claim_days = 0")
    with pytest.raises(ValidationError, match="carrier_claim_days"):
        load_policy('carrier_claim_days = "soon"')
