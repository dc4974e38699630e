"""SPEC §3 unit states: every one of the 16 (from, to) pairs is either in the table with its
action name, or refused with an ``InvalidTransition`` that says where the unit is and where it
cannot go."""

from __future__ import annotations

import pytest

from qc_station.domain.enums import UnitState
from qc_station.domain.errors import InvalidTransition
from qc_station.domain.model import Unit
from qc_station.domain.states import TRANSITIONS, check_transition
from qc_station.domain.vocabulary import english

S = UnitState

# Written out from SPEC §3, not copied from the table under test.
ALLOWED = {
    (S.EXPECTED, S.IN_INSPECTION): "start_inspection",
    (S.IN_INSPECTION, S.AWAITING_APPROVAL): "submit_for_approval",
    (S.IN_INSPECTION, S.DECIDED): "decide",
    (S.AWAITING_APPROVAL, S.DECIDED): "approve",
    (S.AWAITING_APPROVAL, S.IN_INSPECTION): "reject",
    (S.DECIDED, S.IN_INSPECTION): "reopen",
}
ALL_PAIRS = [(current, target) for current in UnitState for target in UnitState]
REFUSED = [pair for pair in ALL_PAIRS if pair not in ALLOWED]


def test_the_table_is_exactly_the_spec() -> None:
    assert TRANSITIONS == ALLOWED
    assert len(REFUSED) == 10


@pytest.mark.parametrize(
    ("current", "target", "action"),
    [pytest.param(c, t, a, id=f"{c}->{t}") for (c, t), a in ALLOWED.items()],
)
def test_allowed_transition(current: UnitState, target: UnitState, action: str) -> None:
    assert check_transition("RMA-2026-000123-1", current, target) == action
    unit = Unit("RMA-2026-000123-1", "RMA-2026-000123", 1, 1, state=current)
    assert unit.move_to(target) == action
    assert unit.state == target


@pytest.mark.parametrize(
    ("current", "target"), [pytest.param(c, t, id=f"{c}->{t}") for c, t in REFUSED]
)
def test_refused_transition(current: UnitState, target: UnitState) -> None:
    with pytest.raises(InvalidTransition) as caught:
        check_transition("RMA-2026-000123-2", current, target)
    assert str(caught.value) == (
        f"Unit RMA-2026-000123-2 is {english(UnitState, current.value)}; "
        f"it cannot move to {english(UnitState, target.value)}."
    )
    assert caught.value.params == {
        "lpn": "RMA-2026-000123-2",
        "current": current.value,
        "target_state": target.value,
    }
    unit = Unit("RMA-2026-000123-2", "RMA-2026-000123", 1, 2, state=current)
    with pytest.raises(InvalidTransition):
        unit.move_to(target)
    assert unit.state == current  # a refused move leaves the unit where it was
