"""Moving a unit through the state table: the one way services change a unit's state, so
that every transition is checked (domain/states.py), saved with the optimistic version check
and written to the audit log."""

from __future__ import annotations

from typing import Any

from qc_station.domain.enums import UnitState
from qc_station.domain.model import Unit

from . import audit
from .context import Actor, ServiceContext
from .ports import UnitOfWork


def move_unit(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    unit: Unit,
    target: UnitState,
    *,
    action: str = "transition",
    from_state: UnitState | None = None,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> None:
    """Move ``unit`` to ``target`` (refused by the state table if not allowed), release its
    claim — a unit that leaves a station's hands is held by nobody — save it and audit it.

    ``from_state`` names the state the audit shows as the start when the caller already moved
    the unit within the same unit of work (a submission that claims and decides at once)."""
    before = from_state or unit.state
    unit.move_to(target)
    unit.release()
    unit.version = uow.rmas.save_unit(unit.lpn, unit.state, None, None, None, unit.version)
    audit.record(
        uow,
        ctx,
        actor,
        "unit",
        unit.lpn,
        action,
        {"state": before.value, **(old or {})},
        {"state": target.value, **(new or {})},
    )
