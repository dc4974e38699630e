"""``RecoveryRepository`` (``services/recovery_ports.py``) on SQLAlchemy 2, SQLite and
PostgreSQL, with the conventions of this package (see ``__init__``): domain dataclasses in and
out, money as integer minor units, nothing committed here, duplicates as ``Conflict``, and ties
broken by insertion order so both backends and the fake agree."""

from __future__ import annotations

import builtins
from collections.abc import Collection
from typing import Any, cast

from sqlalchemy import Table, func, or_, select, update

from qc_station.domain.enums import Disposition, Recovery
from qc_station.domain.errors import Conflict, NotFound
from qc_station.domain.model import DecisionStatus
from qc_station.domain.recovery import (
    RecoveryCase,
    RecoveryItem,
    RecoveryKind,
    RecoveryPayment,
    RecoveryState,
)
from qc_station.services.finance_rows import ExportRow, payment_row

from ..orm import DecisionRow, RecoveryCaseRow, RecoveryItemRow, RecoveryPaymentRow
from ._common import Repo, from_minor, rowcount, to_minor

_cases = cast(Table, RecoveryCaseRow.__table__)
_items = cast(Table, RecoveryItemRow.__table__)
_payments = cast(Table, RecoveryPaymentRow.__table__)
_decisions = cast(Table, DecisionRow.__table__)
_KIND = {k.value: k for k in RecoveryKind}
_STATE = {s.value: s for s in RecoveryState}


def open_key(case: RecoveryCase) -> str | None:
    """The unique key that allows one open case per party and kind (NULL once closed)."""
    return f"{case.kind.value}:{case.party}" if case.state == RecoveryState.OPEN else None


def _case_values(case: RecoveryCase) -> dict[str, Any]:
    return {
        "id": case.id,
        "kind": case.kind.value,
        "party": case.party,
        "open_key": open_key(case),
        "number": case.number,
        "state": case.state.value,
        "opened_at": case.opened_at,
        "opened_by": case.opened_by,
        "closed_at": case.closed_at,
        "closed_by": case.closed_by,
        "version": case.version,
    }


def _item_values(case_id: str, item: RecoveryItem) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "lpn": item.lpn,
        "decision_id": item.decision_id,
        "currency": item.currency,
        "amount_minor": to_minor(item.amount, item.currency, "amount claimed"),
        "added_at": item.added_at,
        "claim_due_at": item.claim_due_at,
        "pulled_at": item.pulled_at,
        "pulled_by": item.pulled_by,
        "pull_reason": item.pull_reason,
    }


def _payment_values(case_id: str, p: RecoveryPayment) -> dict[str, Any]:
    return {
        "id": p.id,
        "case_id": case_id,
        "currency": p.currency,
        "amount_minor": to_minor(p.amount, p.currency, "payment"),
        "recorded_at": p.recorded_at,
        "recorded_by": p.recorded_by,
        "outcome": p.outcome.value,
        "note": p.note,
        "export_batch": p.export_batch,
    }


class SqlRecoveryRepository(Repo):
    def add(self, case: RecoveryCase) -> None:
        with self._unique(
            Conflict("recovery.open_batch_exists", party=case.party)
            if case.kind == RecoveryKind.VENDOR_RETURN
            else Conflict("recovery.open_claim_exists", party=case.party)
        ):
            self.session.execute(_cases.insert().values(_case_values(case)))
            self._insert_new(case)

    def _insert_new(self, case: RecoveryCase) -> None:
        stored_items = set(
            self.session.scalars(select(_items.c.decision_id).where(_items.c.case_id == case.id))
        )
        new_items = [
            _item_values(case.id, i) for i in case.items if i.decision_id not in stored_items
        ]
        if new_items:
            self.session.execute(_items.insert(), new_items)
        stored_payments = set(
            self.session.scalars(select(_payments.c.id).where(_payments.c.case_id == case.id))
        )
        new_payments = [
            _payment_values(case.id, p) for p in case.payments if p.id not in stored_payments
        ]
        if new_payments:
            self.session.execute(_payments.insert(), new_payments)

    def save(self, case: RecoveryCase) -> int:
        values = _case_values(case)
        for key in ("id", "kind", "party", "opened_at", "opened_by"):
            del values[key]  # fixed when the case opened
        values["version"] = _cases.c.version + 1
        # One conditional UPDATE: a second supervisor acting on a stale copy matches nothing.
        # A number another station took at the same moment is a Conflict (try again).
        with self._unique(Conflict("recovery.number_taken", case=case.id, number=case.number)):
            result = self.session.execute(
                update(_cases)
                .where(_cases.c.id == case.id, _cases.c.version == case.version)
                .values(values)
            )
        if rowcount(result) != 1:
            if self.session.scalar(select(_cases.c.pk).where(_cases.c.id == case.id)) is None:
                raise NotFound("recovery.unknown_case", case=case.number or case.id)
            raise Conflict("recovery.case_changed", case=case.number or case.id)
        with self._unique(Conflict("recovery.unit_in_other_case", case=case.number or case.id)):
            self._insert_new(case)
            for item in case.items:
                if not item.active:
                    self.session.execute(
                        update(_items)
                        .where(_items.c.decision_id == item.decision_id)
                        .values(
                            pulled_at=item.pulled_at,
                            pulled_by=item.pulled_by,
                            pull_reason=item.pull_reason,
                        )
                    )
        return case.version + 1

    def _load(self, stmt: Any) -> builtins.list[RecoveryCase]:
        cases = [
            RecoveryCase(
                id=r.id,
                kind=_KIND[r.kind],
                party=r.party,
                opened_at=r.opened_at,
                opened_by=r.opened_by,
                state=_STATE[r.state],
                number=r.number,
                closed_at=r.closed_at,
                closed_by=r.closed_by,
                version=r.version,
            )
            for r in self.session.execute(stmt)
        ]
        if not cases:
            return cases
        by_id = {c.id: c for c in cases}
        for r in self.session.execute(
            select(_items).where(_items.c.case_id.in_(by_id)).order_by(_items.c.pk)
        ):
            by_id[r.case_id].items.append(
                RecoveryItem(
                    lpn=r.lpn,
                    decision_id=r.decision_id,
                    currency=r.currency,
                    amount=from_minor(r.amount_minor, r.currency),
                    added_at=r.added_at,
                    claim_due_at=r.claim_due_at,
                    pulled_at=r.pulled_at,
                    pulled_by=r.pulled_by,
                    pull_reason=r.pull_reason,
                )
            )
        for r in self.session.execute(
            select(_payments).where(_payments.c.case_id.in_(by_id)).order_by(_payments.c.pk)
        ):
            by_id[r.case_id].payments.append(
                RecoveryPayment(
                    id=r.id,
                    currency=r.currency,
                    amount=from_minor(r.amount_minor, r.currency),
                    recorded_at=r.recorded_at,
                    recorded_by=r.recorded_by,
                    outcome=_STATE[r.outcome],
                    note=r.note,
                    export_batch=r.export_batch,
                )
            )
        return cases

    def _one(self, *where: Any) -> RecoveryCase | None:
        found = self._load(select(_cases).where(*where))
        return found[0] if found else None

    def get(self, case_id: str) -> RecoveryCase | None:
        return self._one(_cases.c.id == case_id)

    def by_number(self, number: str) -> RecoveryCase | None:
        return self._one(_cases.c.number == number)

    def open_case(self, kind: RecoveryKind, party: str) -> RecoveryCase | None:
        return self._one(
            _cases.c.kind == kind.value,
            _cases.c.party == party,
            _cases.c.state == RecoveryState.OPEN.value,
        )

    def cases(
        self, states: Collection[RecoveryState] | None = None, limit: int = 500
    ) -> builtins.list[RecoveryCase]:
        c = _cases.c
        stmt = select(_cases)
        if states is not None:
            stmt = stmt.where(c.state.in_([s.value for s in states]))
        is_open = c.state == RecoveryState.OPEN.value
        # Open first: a boolean sorts false first on both backends, so sort on "not open".
        return self._load(stmt.order_by(~is_open, c.opened_at, c.pk).limit(limit))

    def eligible_decisions(self, limit: int = 1000) -> builtins.list[str]:
        d = _decisions.c
        taken = select(_items.c.decision_id)
        return list(
            self.session.scalars(
                select(d.id)
                .where(
                    d.status == DecisionStatus.FINAL,
                    or_(
                        d.final_disposition == Disposition.RETURN_TO_VENDOR.value,
                        d.final_recovery.in_(
                            [Recovery.SUPPLIER_CHARGEBACK.value, Recovery.CARRIER_CLAIM.value]
                        ),
                    ),
                    d.id.not_in(taken),
                )
                .order_by(d.decided_at, d.pk)
                .limit(limit)
            )
        )

    def last_number_with_prefix(self, prefix: str) -> str | None:
        number: str | None = self.session.scalar(
            select(func.max(_cases.c.number)).where(
                _cases.c.number.startswith(prefix, autoescape=True)
            )
        )
        return number

    def assign_export_batch(self, batch_id: str) -> int:
        return rowcount(
            self.session.execute(
                update(_payments)
                .where(_payments.c.export_batch.is_(None))
                .values(export_batch=batch_id)
            )
        )

    def export_rows(self, batch_id: str) -> builtins.list[ExportRow]:
        p, c = _payments.c, _cases.c
        result = self.session.execute(
            select(c.number, c.kind, p.currency, p.amount_minor, p.recorded_by, p.recorded_at)
            .join_from(_payments, _cases, p.case_id == c.id)
            .where(p.export_batch == batch_id)
            .order_by(p.recorded_at, p.id)
        )
        return [
            payment_row(
                batch_id,
                r.number or "",
                _KIND[r.kind],
                r.currency,
                from_minor(r.amount_minor, r.currency),
                r.recorded_by,
                r.recorded_at,
            )
            for r in result
        ]
