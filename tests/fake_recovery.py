"""The in-memory ``RecoveryRepository`` of ``tests/fakes.py`` (kept in its own file: the
recovery capability was added beside the others). Same contract as ``adapters/sql/recovery.py``:
tests/integration/test_recovery_repository.py runs both."""

from __future__ import annotations

import copy
from collections.abc import Collection
from typing import TYPE_CHECKING

from qc_station.domain.enums import Disposition, Recovery
from qc_station.domain.errors import Conflict, NotFound
from qc_station.domain.model import DecisionStatus
from qc_station.domain.recovery import RecoveryCase, RecoveryKind, RecoveryState
from qc_station.services.finance_rows import ExportRow, payment_row

if TYPE_CHECKING:
    from tests.fakes import FakeData

_WANTED = {Recovery.SUPPLIER_CHARGEBACK, Recovery.CARRIER_CLAIM}


class FakeRecoveryRepository:
    def __init__(self, data: FakeData) -> None:
        self.data = data

    def _taken(self, exclude: str | None = None) -> set[str]:
        return {
            i.decision_id for c in self.data.recovery.values() if c.id != exclude for i in c.items
        }

    def _check_unique(self, case: RecoveryCase) -> None:
        for other in self.data.recovery.values():
            if other.id == case.id:
                continue
            if (
                case.state == RecoveryState.OPEN
                and other.state == RecoveryState.OPEN
                and (other.kind, other.party) == (case.kind, case.party)
            ):
                raise Conflict(f"{case.party} has an open case already", party=case.party)
            if case.number is not None and other.number == case.number:
                raise Conflict(f"case number {case.number} is taken", case=case.id)
        if {i.decision_id for i in case.items} & self._taken(exclude=case.id):
            raise Conflict(f"a unit of {case.label} is in another case already", case=case.id)

    def add(self, case: RecoveryCase) -> None:
        if case.id in self.data.recovery:
            raise Conflict(f"recovery case {case.id} exists", case=case.id)
        self._check_unique(case)
        self.data.recovery[case.id] = copy.deepcopy(case)

    def save(self, case: RecoveryCase) -> int:
        stored = self.data.recovery.get(case.id)
        if stored is None:
            raise NotFound(f"recovery case {case.id} not found")
        if stored.version != case.version:
            raise Conflict(f"{case.label} was changed by someone else; look at it again")
        self._check_unique(case)
        saved = copy.deepcopy(case)
        saved.version += 1
        self.data.recovery[case.id] = saved
        return saved.version

    def get(self, case_id: str) -> RecoveryCase | None:
        return copy.deepcopy(self.data.recovery.get(case_id))

    def by_number(self, number: str) -> RecoveryCase | None:
        found = [c for c in self.data.recovery.values() if c.number == number]
        return copy.deepcopy(found[0]) if found else None

    def open_case(self, kind: RecoveryKind, party: str) -> RecoveryCase | None:
        for c in self.data.recovery.values():
            if c.kind == kind and c.party == party and c.state == RecoveryState.OPEN:
                return copy.deepcopy(c)
        return None

    def cases(
        self, states: Collection[RecoveryState] | None = None, limit: int = 500
    ) -> list[RecoveryCase]:
        found = [c for c in self.data.recovery.values() if states is None or c.state in states]
        # Insertion order breaks ties, as the tables' primary keys do.
        found.sort(key=lambda c: (c.state != RecoveryState.OPEN, c.opened_at))
        return copy.deepcopy(found[:limit])

    def eligible_decisions(self, limit: int = 1000) -> list[str]:
        taken = self._taken()
        found = [
            d
            for d in self.data.decisions.values()
            if d.status == DecisionStatus.FINAL
            and d.id not in taken
            and (d.final.disposition == Disposition.RETURN_TO_VENDOR or d.final.recovery in _WANTED)
        ]
        found.sort(key=lambda d: d.decided_at)
        return [d.id for d in found[:limit]]

    def last_number_with_prefix(self, prefix: str) -> str | None:
        numbers = [
            c.number
            for c in self.data.recovery.values()
            if c.number is not None and c.number.startswith(prefix)
        ]
        return max(numbers) if numbers else None

    def assign_export_batch(self, batch_id: str) -> int:
        taken = 0
        for case in self.data.recovery.values():
            for payment in case.payments:
                if payment.export_batch is None:
                    payment.export_batch = batch_id
                    taken += 1
        return taken

    def export_rows(self, batch_id: str) -> list[ExportRow]:
        found = [
            (p.recorded_at, p.id, c, p)
            for c in self.data.recovery.values()
            for p in c.payments
            if p.export_batch == batch_id
        ]
        found.sort(key=lambda t: (t[0], t[1]))
        return [
            payment_row(
                batch_id, c.number or "", c.kind, p.currency, p.amount, p.recorded_by, p.recorded_at
            )
            for _, _, c, p in found
        ]
