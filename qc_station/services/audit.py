"""Writing to and checking the audit log (SPEC §6). Every state change goes through ``record``.

``record`` stages the event in the caller's unit of work, which chains and writes it just
before it commits: with many stations on one server every audited write of the site passes
through the chain's head, so the head is locked for the last statements of a transaction
only, not from the first recorded event to the commit."""

from __future__ import annotations

from typing import Any

from qc_station.domain.audit import AuditEntry, AuditEvent, ChainReport, verify_chain

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
) -> None:
    """Record an event in the caller's unit of work; it joins the chain when that commits."""
    at = ctx.clock.now()
    uow.audit.stage(
        AuditEntry(actor.username, actor.station, at, entity, entity_id, action, old, new)
    )


def write_now(uow: UnitOfWork) -> AuditEvent:
    """Chain what this unit of work recorded now, before the commit, and return the newest
    event: for the few callers that must quote the head (a finance batch, a backup)."""
    events = uow.audit.write_staged()
    if not events:
        raise RuntimeError("nothing was recorded to write")  # a bug in the caller
    return events[-1]


def verify(ctx: ServiceContext, checkpoint: tuple[int, str] | None = None) -> ChainReport:
    with ctx.uow() as uow:
        return verify_chain(uow.audit.iterate(), checkpoint)
