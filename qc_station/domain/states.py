"""The unit state table of SPEC §3: the one place that says which transitions exist.

``expected → in_inspection → awaiting_approval → decided``, with ``awaiting_approval →
in_inspection`` on rejection and ``decided → in_inspection`` when a supervisor reopens.
"""

from __future__ import annotations

from .enums import UnitState
from .errors import InvalidTransition

S = UnitState

#: (from, to) → the action that performs it. Anything else is refused.
TRANSITIONS: dict[tuple[UnitState, UnitState], str] = {
    (S.EXPECTED, S.IN_INSPECTION): "start_inspection",
    (S.IN_INSPECTION, S.AWAITING_APPROVAL): "submit_for_approval",
    (S.IN_INSPECTION, S.DECIDED): "decide",
    (S.AWAITING_APPROVAL, S.DECIDED): "approve",
    (S.AWAITING_APPROVAL, S.IN_INSPECTION): "reject",
    (S.DECIDED, S.IN_INSPECTION): "reopen",
}


def check_transition(lpn: str, current: UnitState, target: UnitState) -> str:
    """Return the action name of an allowed transition, or raise ``InvalidTransition``."""
    action = TRANSITIONS.get((current, target))
    if action is None:
        raise InvalidTransition(
            "unit.cannot_move", lpn=lpn, current=current.value, target_state=target.value
        )
    return action
