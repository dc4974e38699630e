"""Writing to and checking the audit log (SPEC §6). Every state change goes through ``record``."""

from __future__ import annotations

from typing import Any

from qc_station.domain.audit import AuditEvent, ChainReport, make_event, verify_chain

from .context import Actor, ServiceContext
from .ports import UnitOfWork


def record(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    entity: str,
    entity_id: str,
    action: str,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an event chained to the newest one, inside the caller's unit of work."""
    event = make_event(
        uow.audit.last(),
        actor.username,
        actor.station,
        ctx.clock.now(),
        entity,
        entity_id,
        action,
        old,
        new,
    )
    uow.audit.append(event)
    return event


def verify(ctx: ServiceContext, checkpoint: tuple[int, str] | None = None) -> ChainReport:
    with ctx.uow() as uow:
        return verify_chain(uow.audit.iterate(), checkpoint)
