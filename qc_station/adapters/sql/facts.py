"""The dashboard's fact rows (``decision_facts``): one narrow row per unit with a current
decision, kept in step with the decisions.

Why: every dashboard figure groups the units received in a period by keys that live in four
other tables (the decision's inspection; the unit's RMA line and RMA). Joining a million
decisions to them by text keys took about a minute on SQLite; one narrow row per unit with
covering indexes makes each figure one index scan (``docs/benchmarks.md``, Dashboard).

``refresh_facts`` (and ``mark_exported`` for the export time) are the only writers besides
migration 0008's back-fill (which runs the same
``INSERT … SELECT`` in SQL of its own, frozen as migrations are). The decision repository
calls it after every insert or update of a decision, in the same transaction, so approving,
rejecting, superseding or reopening a decision moves the unit's row with it. The other
sources are fixed once a unit is decided: its inspection is ended and an RMA's lines can only
be rewritten while all its units are still expected.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Integer,
    Table,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from qc_station.domain.model import DecisionStatus

from ..orm import (
    DecisionFactRow,
    DecisionRow,
    ExportBatchMemberRow,
    ExportBatchRow,
    InspectionRow,
    RmaLineRow,
    RmaRow,
    UnitRow,
)

_facts = cast(Table, DecisionFactRow.__table__)
_decisions = cast(Table, DecisionRow.__table__)
_inspections = cast(Table, InspectionRow.__table__)
_units = cast(Table, UnitRow.__table__)
_lines = cast(Table, RmaLineRow.__table__)
_rmas = cast(Table, RmaRow.__table__)
_members = cast(Table, ExportBatchMemberRow.__table__)
_batches = cast(Table, ExportBatchRow.__table__)

#: The statuses of a unit's current decision; rejected and superseded ones are history.
CURRENT = (DecisionStatus.PENDING, DecisionStatus.FINAL)


def inspection_seconds(dialect: str, started: Any, ended: Any) -> ColumnElement[Any]:
    """An inspection's duration in whole seconds, rounded by the database."""
    if dialect == "postgresql":
        return sql_cast(func.round(func.extract("epoch", ended - started)), Integer)
    return sql_cast(func.round((func.julianday(ended) - func.julianday(started)) * 86400), Integer)


def _source(dialect: str, some_units: bool) -> Any:
    """The fact rows as a SELECT: each unit's latest current decision with its keys; of the
    units in the expanding parameter ``lpns`` when ``some_units``."""
    d, i, u, ln, r = _decisions.c, _inspections.c, _units.c, _lines.c, _rmas.c
    newer = _decisions.alias("newer")
    n = newer.c
    # The same "current" as SqlDecisionRepository.current: the latest pending or final one.
    superseded_by_newer = (
        select(n.pk)
        .where(
            n.lpn == d.lpn,
            n.status.in_(CURRENT),
            or_(n.decided_at > d.decided_at, and_(n.decided_at == d.decided_at, n.pk > d.pk)),
        )
        .exists()
    )
    stmt = (
        select(
            d.lpn,
            d.pk,
            u.rma_code,
            d.status,
            d.decided_at,
            ln.sku,
            ln.supplier,
            ln.category,
            r.carrier,
            r.market,
            func.trim(r.stated_reason),
            i.grade,
            i.finding,
            i.inspector,
            inspection_seconds(dialect, i.started_at, i.ended_at),
            d.final_headline,
            d.final_resolution,
            d.final_disposition,
            d.currency,
            d.final_refund_minor,
            d.final_recovery,
            d.final_recovery_minor,
            d.refund_due_at,
            d.dispute_due_at,
            _batches.c.created_at,
        )
        .select_from(
            _decisions.join(_inspections, i.id == d.inspection_id)
            .join(_units, u.lpn == d.lpn)
            .join(_lines, and_(ln.rma_code == u.rma_code, ln.line_no == u.line_no))
            .join(_rmas, r.code == u.rma_code)
            .outerjoin(_members, _members.c.decision_id == d.pk)
            .outerjoin(_batches, _batches.c.id == _members.c.batch_id)
        )
        .where(d.status.in_(CURRENT), ~superseded_by_newer)
    )
    if some_units:
        stmt = stmt.where(d.lpn.in_(bindparam("lpns", expanding=True)))
    return stmt


_COLUMNS = [
    "lpn",
    "decision_pk",
    "rma_code",
    "status",
    "decided_at",
    "sku",
    "supplier",
    "category",
    "carrier",
    "market",
    "reason",
    "grade",
    "finding",
    "inspector",
    "seconds",
    "headline",
    "resolution",
    "disposition",
    "currency",
    "refund_minor",
    "recovery",
    "recovery_minor",
    "refund_due_at",
    "dispute_due_at",
    "exported_at",
]


def refresh_facts(db: Session | Connection, lpns: Sequence[str] | None) -> None:
    """Rewrite the fact rows of ``lpns`` (all units when None) from their decisions, in the
    caller's transaction."""
    bind = db.get_bind() if isinstance(db, Session) else db
    dialect = bind.dialect.name
    f = _facts.c
    if lpns is None:
        db.execute(delete(_facts))
        db.execute(_refill(dialect, False))
    else:
        params = {"lpns": list(lpns)}
        db.execute(delete(_facts).where(f.lpn.in_(bindparam("lpns", expanding=True))), params)
        db.execute(_refill(dialect, True), params)


@functools.cache
def _refill(dialect: str, some_units: bool) -> Any:
    # Built once per dialect: every decision refreshes its unit's row, and building this
    # statement anew cost more than running it.
    return insert(_facts).from_select(_COLUMNS, _source(dialect, some_units))


def batches_to_sync(session: Session) -> list[str]:
    """Export batches whose time is not yet on their decisions' fact rows."""
    b = _batches.c
    return list(session.scalars(select(b.id).where(b.facts_synced.is_(False)).order_by(b.id)))


def sync_batch(session: Session, batch_id: str) -> None:
    """Stamp batch ``batch_id``'s export time on its fact rows and mark it synced."""
    mark_exported(session, batch_id)
    session.execute(update(_batches).where(_batches.c.id == batch_id).values(facts_synced=True))


def mark_exported(session: Session, batch_id: str) -> None:
    """Copy the export time of batch ``batch_id`` to the fact rows of its decisions.

    Not done by the finance export itself: on a million rows the UPDATE and its index cost
    about 8 s, which would put the export over its 15 s target and hold SQLite's write lock
    that much longer while stations wait. The dashboard does it before it reads
    (``sync_batch``), once per batch; a day's batch of a few thousand rows takes
    milliseconds."""
    m, b = _members.c, _batches.c
    batch: BindParameter[str] = bindparam("batch_id", batch_id)
    session.execute(
        update(_facts)
        .where(_facts.c.decision_pk.in_(select(m.decision_id).where(m.batch_id == batch)))
        .values(exported_at=select(b.created_at).where(b.id == batch).scalar_subquery())
    )
