"""Decisions (``DecisionRepository``), with the finance export's membership and reversals
and the rows a batch exports (their select and construction are in ``exports``).
"""

from __future__ import annotations

import builtins
from collections.abc import Collection, Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, and_, bindparam, func, insert, select, update

from qc_station.domain.enums import Disposition, Headline, Recovery, Resolution
from qc_station.domain.errors import Conflict, NotFound
from qc_station.domain.model import Decision, DecisionStatus
from qc_station.domain.money import minor_digits
from qc_station.domain.outcome import Outcome
from qc_station.services.ports import CurrencyTotal, ExportRow

from ..orm import DecisionRow, ExportBatchMemberRow, ExportReversalRow, RmaLineRow, RmaRow, UnitRow
from ._common import (
    STREAM_BATCH,
    Repo,
    as_text,
    chunks,
    from_minor,
    opt_from_minor,
    opt_to_minor,
    reasons_from_json,
    reasons_to_json,
    rowcount,
    to_minor,
)
from .exports import export_columns, export_row_stream
from .facts import refresh_facts

# The tables behind the models, for Core statements (bulk inserts, conditional updates).
_rmas = cast(Table, RmaRow.__table__)
_lines = cast(Table, RmaLineRow.__table__)
_units = cast(Table, UnitRow.__table__)
_decisions = cast(Table, DecisionRow.__table__)
_members = cast(Table, ExportBatchMemberRow.__table__)
_reversals = cast(Table, ExportReversalRow.__table__)
_ALL_STATUSES = (
    DecisionStatus.PENDING,
    DecisionStatus.FINAL,
    DecisionStatus.REJECTED,
    DecisionStatus.SUPERSEDED,
)


def _outcome_values(prefix: str, outcome: Outcome, currency: str) -> dict[str, Any]:
    return {
        f"{prefix}_headline": as_text(outcome.headline),
        f"{prefix}_resolution": as_text(outcome.resolution),
        f"{prefix}_disposition": as_text(outcome.disposition),
        f"{prefix}_deduction_pct": outcome.deduction_pct,
        f"{prefix}_refund_minor": to_minor(
            outcome.refund_amount, currency, f"{prefix} refund amount"
        ),
        f"{prefix}_recovery": as_text(outcome.recovery) if outcome.recovery else None,
        f"{prefix}_recovery_minor": opt_to_minor(
            outcome.recovery_amount, currency, f"{prefix} recovery amount"
        ),
    }


def _decision_values(d: Decision) -> dict[str, Any]:
    return {
        "id": d.id,
        "lpn": d.lpn,
        "inspection_id": d.inspection_id,
        "currency": d.currency,
        "unit_price_minor": to_minor(d.unit_price, d.currency, "unit price"),
        **_outcome_values("proposed", d.proposed, d.currency),
        **_outcome_values("final", d.final, d.currency),
        "overridden": d.overridden,
        "override_reason": d.override_reason,
        "reasons": reasons_to_json(d.reasons),
        "approval_reasons": reasons_to_json(d.approval_reasons),
        "decided_by": d.decided_by,
        "station": d.station,
        "decided_at": d.decided_at,
        "policy_hash": d.policy_hash,
        "status": d.status,
        "approved_by": d.approved_by,
        "approved_at": d.approved_at,
        "approval_comment": d.approval_comment,
        "refund_due_at": d.refund_due_at,
        "dispute_due_at": d.dispute_due_at,
    }


def _outcome(
    currency: str,
    headline: str,
    resolution: str,
    disposition: str,
    deduction_pct: int,
    refund_minor: int,
    recovery: str | None,
    recovery_minor: int | None,
) -> Outcome:
    return Outcome(
        headline=Headline(headline),
        resolution=Resolution(resolution),
        disposition=Disposition(disposition),
        deduction_pct=deduction_pct,
        refund_amount=from_minor(refund_minor, currency),
        recovery=Recovery(recovery) if recovery else None,
        recovery_amount=opt_from_minor(recovery_minor, currency),
    )


def _decision(r: DecisionRow, export_batch: str | None) -> Decision:
    c = r.currency
    return Decision(
        id=r.id,
        lpn=r.lpn,
        inspection_id=r.inspection_id,
        proposed=_outcome(
            c,
            r.proposed_headline,
            r.proposed_resolution,
            r.proposed_disposition,
            r.proposed_deduction_pct,
            r.proposed_refund_minor,
            r.proposed_recovery,
            r.proposed_recovery_minor,
        ),
        final=_outcome(
            c,
            r.final_headline,
            r.final_resolution,
            r.final_disposition,
            r.final_deduction_pct,
            r.final_refund_minor,
            r.final_recovery,
            r.final_recovery_minor,
        ),
        currency=c,
        unit_price=from_minor(r.unit_price_minor, c),
        overridden=r.overridden,
        override_reason=r.override_reason,
        reasons=reasons_from_json(r.reasons),
        approval_reasons=reasons_from_json(r.approval_reasons),
        decided_by=r.decided_by,
        station=r.station,
        decided_at=r.decided_at,
        policy_hash=r.policy_hash,
        status=r.status,
        approved_by=r.approved_by,
        approved_at=r.approved_at,
        approval_comment=r.approval_comment,
        refund_due_at=r.refund_due_at,
        dispute_due_at=r.dispute_due_at,
        export_batch=export_batch,
    )


class SqlDecisionRepository(Repo):
    def add(self, decision: Decision) -> None:
        values = _decision_values(decision)
        with self._unique(
            Conflict("record.decision_exists", decision_id=decision.id, lpn=decision.lpn)
        ):
            self.session.add(DecisionRow(**values))
            self.session.flush()
        # The dashboard's fact row follows the unit's current decision (adapters/sql/facts.py).
        refresh_facts(self.session, [decision.lpn])

    def save(self, decision: Decision) -> None:
        # The export batch is not saved here: only assign_export_batch puts a decision in one.
        values = _decision_values(decision)
        del values["id"]
        result = self.session.execute(
            update(_decisions).where(_decisions.c.id == decision.id).values(values)
        )
        if rowcount(result) == 0:
            raise NotFound("record.decision_not_found", decision_id=decision.id)
        refresh_facts(self.session, [decision.lpn])

    def _select(self, *where: ColumnElement[bool]) -> Any:
        """The decisions matching ``where``, each with its export batch id (or None)."""
        return (
            select(DecisionRow, ExportBatchMemberRow.batch_id)
            .outerjoin(ExportBatchMemberRow, ExportBatchMemberRow.decision_id == DecisionRow.pk)
            .where(*where)
            .execution_options(populate_existing=True)
        )

    def _first(self, stmt: Any) -> Decision | None:
        found = self.session.execute(stmt).first()
        return _decision(*found) if found is not None else None

    def _all(self, stmt: Any) -> list[Decision]:
        return [_decision(row, batch) for row, batch in self.session.execute(stmt)]

    def get(self, decision_id: str) -> Decision | None:
        return self._first(self._select(DecisionRow.id == decision_id))

    def for_unit(self, lpn: str) -> list[Decision]:
        return self._all(
            self._select(DecisionRow.lpn == lpn).order_by(DecisionRow.decided_at, DecisionRow.pk)
        )

    def current(self, lpn: str) -> Decision | None:
        return self._first(
            self._select(
                DecisionRow.lpn == lpn,
                DecisionRow.status.not_in([DecisionStatus.SUPERSEDED, DecisionStatus.REJECTED]),
            )
            .order_by(DecisionRow.decided_at.desc(), DecisionRow.pk.desc())
            .limit(1)
        )

    def current_many(self, lpns: Collection[str]) -> dict[str, Decision]:
        # One query for an RMA's units instead of one per unit (a scan shows them all).
        newest_first = self._select(
            DecisionRow.lpn.in_(list(lpns)),
            DecisionRow.status.not_in([DecisionStatus.SUPERSEDED, DecisionStatus.REJECTED]),
        ).order_by(DecisionRow.decided_at.desc(), DecisionRow.pk.desc())
        found: dict[str, Decision] = {}
        for decision in self._all(newest_first):
            found.setdefault(decision.lpn, decision)
        return found

    def pending(self, limit: int = 1000) -> list[Decision]:
        return self._all(
            self._select(DecisionRow.status == DecisionStatus.PENDING)
            .order_by(DecisionRow.decided_at, DecisionRow.pk)
            .limit(limit)
        )

    def _at_station(self, station: str, since: datetime) -> tuple[ColumnElement[bool], ...]:
        # Every status named, so the (status, decided_at) index serves the time range.
        return (
            DecisionRow.status.in_(_ALL_STATUSES),
            DecisionRow.decided_at >= since,
            DecisionRow.station == station,
        )

    def made_at_station(self, station: str, since: datetime, limit: int) -> builtins.list[Decision]:
        return self._all(
            self._select(*self._at_station(station, since))
            .order_by(DecisionRow.decided_at.desc(), DecisionRow.pk.desc())
            .limit(limit)
        )

    def units_decided_at_station(
        self, station: str, since: datetime, decided_by: str | None = None
    ) -> int:
        where = self._at_station(station, since)
        if decided_by is not None:
            where = (*where, DecisionRow.decided_by == decided_by)
        counted = select(func.count(func.distinct(DecisionRow.lpn))).where(*where)
        return int(self.session.execute(counted).scalar_one())

    def _unexported(self) -> ColumnElement[bool]:
        """Final decisions in no export batch yet."""
        m = _members.c
        return and_(
            _decisions.c.status == DecisionStatus.FINAL,
            ~select(m.decision_id).where(m.decision_id == _decisions.c.pk).exists(),
        )

    def assign_export_batch(self, batch_id: str) -> int:
        # One INSERT … SELECT into the narrow membership table; the wide decision rows are
        # not written. The key on decision_id keeps a decision in at most one batch. On
        # PostgreSQL a concurrent export inserting the same decisions waits on that key and,
        # once the first commits, skips them (ON CONFLICT DO NOTHING); on SQLite writers
        # take turns (BEGIN IMMEDIATE), so the second sees the first's rows.
        d = _decisions.c
        rows = select(d.pk, bindparam("batch_id", batch_id), d.lpn, d.decided_at).where(
            self._unexported()
        )
        columns = ["decision_id", "batch_id", "lpn", "decided_at"]
        stmt: Any
        if self._is_pg:
            # Imported here: a SQLite station never loads the PostgreSQL dialect.
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            stmt = (
                pg_insert(_members)
                .from_select(columns, rows)
                .on_conflict_do_nothing(index_elements=["decision_id"])
            )
        else:
            stmt = insert(_members).from_select(columns, rows)
        # preserve_rowcount: without it SQLAlchemy reports -1 for an INSERT on psycopg.
        members = rowcount(
            self.session.execute(stmt, execution_options={"preserve_rowcount": True})
        )
        if not members:
            return 0  # no new decision, so nothing to reverse either
        return members + self._assign_reversals(batch_id)

    def _assign_reversals(self, batch_id: str) -> int:
        """Record the reversals ``batch_id`` carries (SPEC §7.3; see the port). The search
        starts from superseded decisions (only a reopen supersedes; index on status), so a
        batch of a million ordinary decisions costs one empty index range here, and each
        candidate probes the batch's membership index by (batch_id, lpn)."""
        d, m, rv = _decisions.c, _members.c, _reversals.c
        new = _members.alias("new_member")
        rows = (
            select(
                m.decision_id,
                bindparam("reversal_batch_id", batch_id),
                m.batch_id,
                m.lpn,
                m.decided_at,
            )
            .select_from(_decisions.join(_members, m.decision_id == d.pk))
            .where(
                d.status == DecisionStatus.SUPERSEDED,
                m.batch_id != batch_id,
                ~select(rv.decision_id).where(rv.decision_id == d.pk).exists(),
                select(new.c.decision_id)
                .where(new.c.batch_id == batch_id, new.c.lpn == m.lpn)
                .exists(),
            )
        )
        columns = ["decision_id", "batch_id", "reversed_batch", "lpn", "decided_at"]
        stmt: Any
        if self._is_pg:
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            stmt = (
                pg_insert(_reversals)
                .from_select(columns, rows)
                .on_conflict_do_nothing(index_elements=["decision_id"])
            )
        else:
            stmt = insert(_reversals).from_select(columns, rows)
        return rowcount(self.session.execute(stmt, execution_options={"preserve_rowcount": True}))

    def reversed_rows(self, batch_id: str) -> builtins.list[ExportRow]:
        rv, d, u, r, ln = _reversals.c, _decisions.c, _units.c, _rmas.c, _lines.c
        stmt = (
            export_columns()
            # The row as its own batch exported it: that batch's id, not this one's.
            .add_columns(rv.reversed_batch.label("batch_id"))
            .select_from(
                _reversals.join(_decisions, d.pk == rv.decision_id)
                .join(_units, u.lpn == d.lpn)
                .join(_rmas, r.code == u.rma_code)
                .join(_lines, and_(ln.rma_code == u.rma_code, ln.line_no == u.line_no))
            )
            .where(rv.batch_id == batch_id)
            .order_by(rv.lpn.collate("C") if self._is_pg else rv.lpn, rv.decided_at, rv.decision_id)
        )
        return builtins.list(export_row_stream(self.session.connection().execute(stmt), ""))

    def export_rows(self, batch_id: str) -> Iterator[ExportRow]:
        m, d, u, r, ln = _members.c, _decisions.c, _units.c, _rmas.c, _lines.c
        # The membership index (batch_id, lpn, decided_at, decision_id) gives this order;
        # lpn is collated "C" on PostgreSQL, bytewise (BINARY) on SQLite.
        lpn_order = m.lpn.collate("C") if self._is_pg else m.lpn
        stmt = (
            export_columns()
            .select_from(
                _members.join(_decisions, d.pk == m.decision_id)
                .join(_units, u.lpn == d.lpn)
                .join(_rmas, r.code == u.rma_code)
                .join(_lines, and_(ln.rma_code == u.rma_code, ln.line_no == u.line_no))
            )
            .where(m.batch_id == batch_id)
            .order_by(lpn_order, m.decided_at, m.decision_id)
        )
        # A Core statement on the session's connection (same transaction), read as plain
        # tuples: no ORM row processing. yield_per streams (a server-side cursor on
        # PostgreSQL) instead of loading the batch.
        result = self.session.connection().execute(
            stmt, execution_options={"yield_per": STREAM_BATCH}
        )
        return export_row_stream(result, batch_id)

    def count_unexported(self) -> int:
        return (
            self.session.scalar(
                select(func.count()).select_from(_decisions).where(self._unexported())
            )
            or 0
        )

    def unexported_rows(self, limit: int) -> builtins.list[ExportRow]:
        d, u, r, ln = _decisions.c, _units.c, _rmas.c, _lines.c
        # The order of export_rows (LPN bytewise, decision time, decision pk), from the
        # decisions themselves since nothing is in a batch yet.
        stmt = (
            export_columns()
            .select_from(
                _decisions.join(_units, u.lpn == d.lpn)
                .join(_rmas, r.code == u.rma_code)
                .join(_lines, and_(ln.rma_code == u.rma_code, ln.line_no == u.line_no))
            )
            .where(self._unexported())
            .order_by(d.lpn.collate("C") if self._is_pg else d.lpn, d.decided_at, d.pk)
            .limit(limit)
        )
        return builtins.list(export_row_stream(self.session.connection().execute(stmt), ""))

    def unexported_totals(self) -> builtins.list[CurrencyTotal]:
        d, m, rv = _decisions.c, _members.c, _reversals.c
        stmt = (
            select(d.currency, func.count(), func.sum(d.final_refund_minor))
            .where(self._unexported())
            .group_by(d.currency)
        )
        sums = builtins.list(self.session.execute(stmt))
        # The reversals the next export would carry (as _assign_reversals finds them), with
        # their refunds negated: the totals are what the file sums to.
        new = _decisions.alias("new_decision")
        nm = _members.alias("new_member")
        reversals = (
            select(d.currency, func.count(), -func.sum(d.final_refund_minor))
            .select_from(_decisions.join(_members, m.decision_id == d.pk))
            .where(
                d.status == DecisionStatus.SUPERSEDED,
                ~select(rv.decision_id).where(rv.decision_id == d.pk).exists(),
                select(new.c.pk)
                .where(
                    new.c.lpn == d.lpn,
                    new.c.status == DecisionStatus.FINAL,
                    ~select(nm.c.decision_id).where(nm.c.decision_id == new.c.pk).exists(),
                )
                .exists(),
            )
            .group_by(d.currency)
        )
        sums.extend(self.session.execute(reversals))
        return _currency_totals(sums)

    def batch_totals(self, batch_ids: Collection[str]) -> dict[str, builtins.list[CurrencyTotal]]:
        m, d = _members.c, _decisions.c
        by_batch: dict[str, builtins.list[tuple[str, int, int]]] = {}
        for chunk in chunks(sorted(set(batch_ids))):
            stmt = (
                select(m.batch_id, d.currency, func.count(), func.sum(d.final_refund_minor))
                .select_from(_members.join(_decisions, d.pk == m.decision_id))
                .where(m.batch_id.in_(chunk))
                .group_by(m.batch_id, d.currency)
            )
            for batch_id, currency, rows, refund in self.session.execute(stmt):
                by_batch.setdefault(batch_id, []).append((currency, rows, refund))
            rv = _reversals.c
            reversed_sums = (
                select(rv.batch_id, d.currency, func.count(), -func.sum(d.final_refund_minor))
                .select_from(_reversals.join(_decisions, d.pk == rv.decision_id))
                .where(rv.batch_id.in_(chunk))
                .group_by(rv.batch_id, d.currency)
            )
            for batch_id, currency, rows, refund in self.session.execute(reversed_sums):
                by_batch.setdefault(batch_id, []).append((currency, rows, refund))
        return {batch_id: _currency_totals(sums) for batch_id, sums in by_batch.items()}

    def refunds_due(self, limit: int = 500) -> builtins.list[Decision]:
        # Unexported through _select's outer join to the batch members (no member row).
        return self._all(
            self._select(
                DecisionRow.status == DecisionStatus.FINAL,
                ExportBatchMemberRow.batch_id.is_(None),
                DecisionRow.refund_due_at.is_not(None),
            )
            .order_by(DecisionRow.refund_due_at, DecisionRow.pk)
            .limit(limit)
        )


def _currency_totals(result: Iterable[Any]) -> builtins.list[CurrencyTotal]:
    """``CurrencyTotal``s from (currency, row count, refund sum in minor units) tuples; the
    tuples of one currency (decisions and reversals) are added up."""
    sums: dict[str, tuple[int, int]] = {}
    for currency, rows, refund in result:
        before_rows, before_refund = sums.get(currency, (0, 0))
        sums[currency] = (before_rows + rows, before_refund + int(refund or 0))
    return [
        CurrencyTotal(currency, rows, Decimal(refund).scaleb(-minor_digits(currency)))
        for currency, (rows, refund) in sorted(sums.items())
    ]
