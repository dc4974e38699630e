"""The finance export: its batches (``ExportBatchRepository``) and the select and
construction of its rows (``ExportRow``), which ``decisions`` runs.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import ColumnElement, DateTime, Select, Table, func, select, type_coerce

from qc_station.domain.errors import Conflict
from qc_station.domain.money import minor_digits
from qc_station.formats.finance_csv import FINANCE_COLUMNS, Cell, check_row_fields
from qc_station.services.ports import ExportBatch, ExportRow

from ..orm import DecisionRow, ExportBatchRow, RmaLineRow, RmaRow
from ._common import Repo

#: The PostgreSQL advisory lock that export numbering holds until commit ("QCEXP"); it
#: must differ from the migration lock of ``migrate``.
EXPORT_NUMBERING_LOCK_KEY = 0x5143455850

_PLAIN_TIME = DateTime(timezone=True)


def _utc(value: datetime) -> datetime:
    """What ``UtcDateTime`` returns for a stored time: timezone-aware, in UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value if value.tzinfo is UTC else value.astimezone(UTC)


# The tables behind the models, for Core statements (bulk inserts, conditional updates).
_rmas = cast(Table, RmaRow.__table__)
_lines = cast(Table, RmaLineRow.__table__)
_decisions = cast(Table, DecisionRow.__table__)


#: The attributes of ``ExportRow`` that the query gives (the batch a row is exported in, and
#: the batch a reversal row reverses, set by the service), not a column of the select.
_FROM_QUERY = ("batch_id", "reverses_batch")


def _sources() -> dict[str, ColumnElement[Any]]:
    """Where each finance column comes from, by its ``ExportRow`` attribute (the column spec
    ``FINANCE_COLUMNS`` names them): money in minor units and plain times, which
    ``export_row_stream`` converts as the column's cell kind says."""
    d, r, ln = _decisions.c, _rmas.c, _lines.c
    return {
        "rma_code": r.code,
        "order_id": r.order_id,
        "lpn": d.lpn,
        "sku": ln.sku,
        "market": r.market,
        "currency": d.currency,
        "unit_price": d.unit_price_minor,
        "deduction_pct": d.final_deduction_pct,
        "refund_amount": d.final_refund_minor,
        "resolution": d.final_resolution,
        "headline": d.final_headline,
        "recovery": func.coalesce(d.final_recovery, ""),
        "recovery_amount": d.final_recovery_minor,
        "decided_by": d.decided_by,
        "approved_by": func.coalesce(d.approved_by, ""),
        # The times without UtcDateTime's per-cell call; made UTC in export_row_stream, as
        # it does.
        "approved_at": type_coerce(d.approved_at, _PLAIN_TIME),
        "refund_due_at": type_coerce(d.refund_due_at, _PLAIN_TIME),
    }


_SOURCES = _sources()
check_row_fields([*_SOURCES, *_FROM_QUERY], "adapters/sql/exports._sources", ordered=False)

_AMOUNTS = frozenset(
    c.attribute for c in FINANCE_COLUMNS if c.cell in (Cell.AMOUNT, Cell.OPTIONAL_AMOUNT)
)
_TIMES = frozenset(c.attribute for c in FINANCE_COLUMNS if c.cell is Cell.TIME)


def export_columns() -> Select[Any]:
    """The finance export's select: each source labelled with its ``ExportRow`` attribute, in
    column order (``export_row_stream`` reads the rows by these names)."""
    return select(
        *(
            _SOURCES[c.attribute].label(c.attribute)
            for c in FINANCE_COLUMNS
            if c.attribute in _SOURCES
        )
    )


def export_row_stream(result: Any, batch_id: str) -> Iterator[ExportRow]:
    """``ExportRow``s from a result of ``export_columns`` (streamed as they come), each value
    set on the attribute its label names. ``batch_id`` is every row's unless the result has
    a ``batch_id`` column of its own; ``reverses_batch`` is empty (the service fills it in
    on reversal rows)."""
    names = tuple(result.keys())
    amounts = [n for n in names if n in _AMOUNTS]
    times = [n for n in names if n in _TIMES]
    given = {n: v for n, v in zip(_FROM_QUERY, (batch_id, ""), strict=True) if n not in names}
    exponents: dict[str, int] = {}
    dec = Decimal
    new_row = object.__new__
    utc = UTC
    for cells in result:
        # ExportRow(...) without its generated __init__, which sets the 19 frozen fields
        # one object.__setattr__ at a time: the same object, at half the cost per row.
        row = new_row(ExportRow)
        values = row.__dict__
        values.update(zip(names, cells, strict=True))
        values.update(given)
        currency = values["currency"]
        exp = exponents.get(currency)
        if exp is None:
            exp = exponents[currency] = -minor_digits(currency)
        for name in amounts:
            minor = values[name]
            if minor is not None:
                values[name] = dec(minor).scaleb(exp)
        for name in times:
            at = values[name]
            if at is not None:
                values[name] = at.replace(tzinfo=utc) if at.tzinfo is None else _utc(at)
        yield row


# --- export batches ------------------------------------------------------------------------


def _batch(r: ExportBatchRow) -> ExportBatch:
    return ExportBatch(
        id=r.id,
        created_at=r.created_at,
        created_by=r.created_by,
        station=r.station,
        row_count=r.row_count,
        sha256=r.sha256,
        audit_head=r.audit_head,
        format_version=r.format_version,
    )


class SqlExportBatchRepository(Repo):
    def add(self, batch: ExportBatch) -> None:
        with self._unique(Conflict("record.export_batch_exists", batch_id=batch.id)):
            self.session.add(
                ExportBatchRow(
                    id=batch.id,
                    created_at=batch.created_at,
                    created_by=batch.created_by,
                    station=batch.station,
                    row_count=batch.row_count,
                    sha256=batch.sha256,
                    audit_head=batch.audit_head,
                    format_version=batch.format_version,
                )
            )
            self.session.flush()

    def get(self, batch_id: str) -> ExportBatch | None:
        row = self.session.scalars(
            select(ExportBatchRow)
            .where(ExportBatchRow.id == batch_id)
            .execution_options(populate_existing=True)
        ).first()
        return _batch(row) if row is not None else None

    def list(self, limit: int = 100) -> builtins.list[ExportBatch]:
        rows = self.session.scalars(
            select(ExportBatchRow)
            .order_by(ExportBatchRow.created_at.desc(), self._bytewise(ExportBatchRow.id).desc())
            .limit(limit)
            .execution_options(populate_existing=True)
        )
        return [_batch(r) for r in rows]

    def last_id_with_prefix(self, prefix: str) -> str | None:
        if self._is_pg:
            # Exports take turns from here to commit (see the port). Under READ COMMITTED
            # the waiting export's next statements then see the first one's batch.
            self.session.execute(select(func.pg_advisory_xact_lock(EXPORT_NUMBERING_LOCK_KEY)))
        return self.session.scalar(
            select(func.max(self._bytewise(ExportBatchRow.id))).where(
                ExportBatchRow.id.startswith(prefix, autoescape=True)
            )
        )
