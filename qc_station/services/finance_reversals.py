"""Corrections in the finance export (SPEC §7.3; ``finance.py``'s docstring tells the whole):
the reversal row of a decision exported before (the row as it went out, amounts negated,
``reverses_batch`` naming its batch), and the merge that puts each reversal right before the
rows of its unit in the batch that carries the unit's new decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from qc_station.formats.finance_csv import (
    negated,
)

from .finance_rows import ExportRow


def reversal_row(exported: ExportRow, batch_id: str) -> ExportRow:
    """The reversal (SPEC §7.3) in batch ``batch_id`` of a row exported before: the row as
    it went out, with its refund and recovery amounts negated (zero stays ``0``) and
    ``reverses_batch`` naming the batch it went out in. Every other cell (price, deduction,
    resolution, who decided and approved, currency and so its minor digits) is the exported
    row's, so finance can match the two."""
    recovery = exported.recovery_amount
    return replace(
        exported,
        batch_id=batch_id,
        refund_amount=negated(exported.refund_amount),
        recovery_amount=negated(recovery) if recovery is not None else None,
        reverses_batch=exported.batch_id,
    )


def with_reversals(
    rows: Iterable[ExportRow], reversed_rows: list[ExportRow], batch_id: str
) -> Iterator[ExportRow]:
    """The batch's decision rows (in export order: LPN bytewise, decision time) with each
    reversal row right before the rows of its unit. A batch reverses a unit's decision only
    when it carries the unit's new one, so each reversal finds its unit's row here. Python
    compares strings by code point, the order of the LPN index (bytewise on UTF-8)."""
    if not reversed_rows:
        yield from rows  # the common case: nothing to merge, nothing compared per row
        return
    pending = [reversal_row(r, batch_id) for r in reversed_rows]
    at = 0
    for row in rows:
        while at < len(pending) and pending[at].lpn <= row.lpn:
            yield pending[at]
            at += 1
        yield row
    yield from pending[at:]
