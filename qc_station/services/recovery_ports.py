"""The port of recovery (vendor-return batches and carrier claims), kept beside ``ports.py``
as ``stats_ports.py`` is; ``UnitOfWork.recovery`` is one of these.

Cases are handed out whole (items and payments) as copies, and given back to ``save``.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from qc_station.domain.recovery import RecoveryCase, RecoveryKind, RecoveryState

from .finance_rows import ExportRow

# Re-exported while adapters/sql_recovery.py still imports it from here (issue 17).
from .finance_rows import payment_row as payment_row


class RecoveryRepository(Protocol):
    def add(self, case: RecoveryCase) -> None:
        """Insert a new case with its items. ``Conflict`` if its party has an open case of
        the same kind already, or one of its decisions is in a case already."""

    def save(self, case: RecoveryCase) -> int:
        """Write state, number and closing if ``case.version`` is still the stored one; insert
        the items and payments that are new and write the pull of pulled items. Return the
        new version; ``Conflict`` otherwise (someone acted first), ``NotFound`` if unknown."""

    def get(self, case_id: str) -> RecoveryCase | None: ...

    def by_number(self, number: str) -> RecoveryCase | None: ...

    def open_case(self, kind: RecoveryKind, party: str) -> RecoveryCase | None:
        """The party's open case of this kind (at most one)."""

    def cases(
        self, states: Collection[RecoveryState] | None = None, limit: int = 500
    ) -> list[RecoveryCase]:
        """Cases in ``states`` (every state when None): open ones first, then by opening
        time, oldest first."""

    def eligible_decisions(self, limit: int = 1000) -> list[str]:
        """Ids of final decisions that ask for a recovery (disposition RETURN_TO_VENDOR, or
        recovery SUPPLIER_CHARGEBACK or CARRIER_CLAIM) and are in no case yet (pulled units
        count as in one), oldest decision first."""

    def last_number_with_prefix(self, prefix: str) -> str | None:
        """The highest case number starting with ``prefix`` (to number today's cases)."""

    def assign_export_batch(self, batch_id: str) -> int:
        """Mark every payment not yet exported as part of finance batch ``batch_id`` in one
        statement (inside the export's unit of work, which holds the batch numbering); return
        how many."""

    def export_rows(self, batch_id: str) -> list[ExportRow]:
        """The payment rows of finance batch ``batch_id`` (``finance_rows.payment_row``), by
        recording time, then payment id: the same order on every backend and every re-export."""
