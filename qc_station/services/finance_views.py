"""What the finance screen and the command line read about exports: the recorded batches with
their rows and refunds per currency, and a preview of what the next export would take.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .context import Actor, ServiceContext
from .finance_rows import ExportRow
from .permissions import Action, authorized, require
from .ports import CurrencyTotal, ExportBatch


@dataclass(frozen=True)
class ExportBatchView:
    id: str
    created_at: datetime
    created_by: str
    station: str
    row_count: int
    sha256: str
    audit_head: str
    totals: tuple[CurrencyTotal, ...] = ()  # rows and refunds per currency, by currency


@dataclass(frozen=True)
class ExportPreview:
    """What the next export would take: how many rows, the refunds per currency, and its
    first rows (with an empty batch id, since none is taken for a preview)."""

    row_count: int
    totals: tuple[CurrencyTotal, ...]
    first_rows: tuple[ExportRow, ...]


#: How many rows a preview shows.
PREVIEW_ROWS = 50


def batch_view(batch: ExportBatch, totals: Iterable[CurrencyTotal] = ()) -> ExportBatchView:
    return ExportBatchView(
        batch.id,
        batch.created_at,
        batch.created_by,
        batch.station,
        batch.row_count,
        batch.sha256,
        batch.audit_head,
        tuple(totals),
    )


def preview_next_export(ctx: ServiceContext, actor: Actor) -> int:
    """How many decisions the next export would take."""
    require(actor, Action.EXPORT_FINANCE)
    with authorized(ctx, actor, Action.EXPORT_FINANCE, read_only=True) as uow:
        return uow.decisions.count_unexported()


def preview_export(ctx: ServiceContext, actor: Actor, limit: int = PREVIEW_ROWS) -> ExportPreview:
    """The next export's size, refunds per currency and first ``limit`` rows; nothing is
    taken (decisions finalised meanwhile are in the export but not in the preview)."""
    require(actor, Action.EXPORT_FINANCE)
    with authorized(ctx, actor, Action.EXPORT_FINANCE, read_only=True) as uow:
        totals = tuple(uow.decisions.unexported_totals())
        rows = tuple(uow.decisions.unexported_rows(limit)) if limit > 0 else ()
    return ExportPreview(sum(t.rows for t in totals), totals, rows)


def list_batches(ctx: ServiceContext, actor: Actor, limit: int = 100) -> list[ExportBatchView]:
    """The recorded batches, newest first, with their rows and refunds per currency."""
    require(actor, Action.EXPORT_FINANCE)
    with authorized(ctx, actor, Action.EXPORT_FINANCE, read_only=True) as uow:
        batches = uow.exports.list(limit)
        totals = uow.decisions.batch_totals([b.id for b in batches])
    return [batch_view(b, totals.get(b.id, ())) for b in batches]
