"""``DisputeRepository`` of ``qc_station.services.ports`` on SQLAlchemy 2 (SQLite and
PostgreSQL), with the conventions of this package (see ``__init__``): domain dataclasses in and out,
money as integer minor units, nothing committed here, duplicates as ``Conflict``, and ties
broken by insertion order so both backends and the fake agree."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select, update

from qc_station.domain.dispute import Dispute, DisputeState
from qc_station.domain.errors import Conflict, NotFound

from ..orm import DisputeRow
from ._common import Repo, from_minor, opt_from_minor, opt_to_minor, rowcount, to_minor

_disputes = cast(Table, DisputeRow.__table__)
_STATE = {s.value: s for s in DisputeState}
_ACTIVE = [DisputeState.OPEN.value, DisputeState.EVIDENCE_SENT.value]


def _values(d: Dispute) -> dict[str, Any]:
    return {
        "id": d.id,
        "lpn": d.lpn,
        "decision_id": d.decision_id,
        "currency": d.currency,
        "disputed_minor": to_minor(d.disputed_amount, d.currency, "disputed amount"),
        "state": d.state.value,
        "opened_at": d.opened_at,
        "opened_by": d.opened_by,
        "evidence_due_at": d.evidence_due_at,
        "evidence_sent_at": d.evidence_sent_at,
        "evidence_sent_by": d.evidence_sent_by,
        "evidence_note": d.evidence_note,
        "closed_at": d.closed_at,
        "closed_by": d.closed_by,
        "close_note": d.close_note,
        "settled_minor": opt_to_minor(d.settled_amount, d.currency, "settled amount"),
        "version": d.version,
    }


def _dispute(r: Any) -> Dispute:
    return Dispute(
        id=r.id,
        lpn=r.lpn,
        decision_id=r.decision_id,
        currency=r.currency,
        disputed_amount=from_minor(r.disputed_minor, r.currency),
        opened_at=r.opened_at,
        opened_by=r.opened_by,
        evidence_due_at=r.evidence_due_at,
        state=_STATE[r.state],
        evidence_sent_at=r.evidence_sent_at,
        evidence_sent_by=r.evidence_sent_by,
        evidence_note=r.evidence_note,
        closed_at=r.closed_at,
        closed_by=r.closed_by,
        close_note=r.close_note,
        settled_amount=opt_from_minor(r.settled_minor, r.currency),
        version=r.version,
    )


class SqlDisputeRepository(Repo):
    def add(self, dispute: Dispute) -> None:
        values = _values(dispute)
        with self._unique(
            Conflict("record.dispute_exists", decision_id=dispute.decision_id, lpn=dispute.lpn)
        ):
            self.session.execute(_disputes.insert().values(values))

    def save(self, dispute: Dispute) -> int:
        values = _values(dispute)
        for key in ("id", "lpn", "decision_id", "currency", "opened_at", "opened_by"):
            del values[key]  # fixed when the dispute opened
        values["version"] = _disputes.c.version + 1
        # One conditional UPDATE, as units are saved: a second supervisor acting on a stale
        # copy matches nothing and is told so.
        result = self.session.execute(
            update(_disputes)
            .where(_disputes.c.id == dispute.id, _disputes.c.version == dispute.version)
            .values(values)
        )
        if rowcount(result) == 1:
            return dispute.version + 1
        if self.session.scalar(select(_disputes.c.pk).where(_disputes.c.id == dispute.id)) is None:
            raise NotFound("dispute.unknown", dispute=dispute.id)
        raise Conflict("dispute.changed", lpn=dispute.lpn)

    def _all(self, stmt: Any) -> builtins.list[Dispute]:
        return [_dispute(r) for r in self.session.execute(stmt)]

    def get(self, dispute_id: str) -> Dispute | None:
        found = self._all(select(_disputes).where(_disputes.c.id == dispute_id))
        return found[0] if found else None

    def for_decision(self, decision_id: str) -> Dispute | None:
        found = self._all(select(_disputes).where(_disputes.c.decision_id == decision_id))
        return found[0] if found else None

    def for_unit(self, lpn: str) -> builtins.list[Dispute]:
        return self._all(
            select(_disputes)
            .where(_disputes.c.lpn == lpn)
            .order_by(_disputes.c.opened_at, _disputes.c.pk)
        )

    def active(self, limit: int = 500) -> builtins.list[Dispute]:
        c = _disputes.c
        return self._all(
            select(_disputes)
            .where(c.state.in_(_ACTIVE))
            # Disputes without a deadline last, on both backends (PostgreSQL sorts NULL
            # first when descending, SQLite first when ascending).
            .order_by(c.evidence_due_at.is_(None), c.evidence_due_at, c.opened_at, c.pk)
            .limit(limit)
        )

    def closed_since(self, since: datetime, limit: int = 500) -> builtins.list[Dispute]:
        c = _disputes.c
        return self._all(
            select(_disputes)
            .where(c.state.not_in(_ACTIVE), c.closed_at >= since)
            .order_by(c.closed_at.desc(), c.pk.desc())
            .limit(limit)
        )
