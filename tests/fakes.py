"""All fakes in one place: an in-memory unit of work and repositories that keep the
contracts of ``qc_station.services.ports``, a fixed clock, a photo store in memory and a
fast password hasher. Service tests run on these; integration tests check that the SQL
adapters behave the same (tests/integration/test_repository_contract.py).
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from qc_station.domain.audit import AuditEvent
from qc_station.domain.enums import UnitState
from qc_station.domain.errors import Conflict, NotFound
from qc_station.domain.model import Decision, DecisionStatus, Inspection, Product, Rma, User
from qc_station.services.ports import ExportBatch, ExportRow


@dataclass
class FakeData:
    """The committed state of the fake database."""

    rmas: dict[str, Rma] = field(default_factory=dict)
    lpn_index: dict[str, str] = field(default_factory=dict)
    inspections: dict[str, Inspection] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    exports: dict[str, ExportBatch] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    audit: list[AuditEvent] = field(default_factory=list)
    catalog: dict[str, Product] = field(default_factory=dict)
    policies: dict[str, str] = field(default_factory=dict)


class _Repo:
    def __init__(self, data: FakeData) -> None:
        self.data = data


class FakeRmaRepository(_Repo):
    def get(self, code: str) -> Rma | None:
        rma = self.data.rmas.get(code)
        return copy.deepcopy(rma) if rma else None

    def get_by_lpn(self, lpn: str) -> Rma | None:
        code = self.data.lpn_index.get(lpn)
        return self.get(code) if code else None

    def get_many(self, codes: Collection[str]) -> dict[str, Rma]:
        return {c: copy.deepcopy(self.data.rmas[c]) for c in codes if c in self.data.rmas}

    def add(self, rma: Rma) -> None:
        if rma.code in self.data.rmas:
            raise Conflict(f"RMA {rma.code} exists already", code=rma.code)
        for unit in rma.units:
            if unit.lpn in self.data.lpn_index:
                raise Conflict(f"LPN {unit.lpn} exists already", lpn=unit.lpn)
        self.data.rmas[rma.code] = copy.deepcopy(rma)
        for unit in rma.units:
            self.data.lpn_index[unit.lpn] = rma.code

    def add_many(self, rmas: Sequence[Rma]) -> None:
        for rma in rmas:
            self.add(rma)

    def replace_lines(self, rma: Rma) -> None:
        old = self.data.rmas.get(rma.code)
        if old is None:
            raise NotFound(f"RMA {rma.code} not found", code=rma.code)
        if any(u.state != UnitState.EXPECTED for u in old.units):
            raise Conflict(f"RMA {rma.code} is already being inspected", code=rma.code)
        for unit in old.units:
            self.data.lpn_index.pop(unit.lpn, None)
        new = copy.deepcopy(rma)
        new.build_units()
        self.data.rmas[rma.code] = new
        for unit in new.units:
            self.data.lpn_index[unit.lpn] = rma.code

    def save_unit(
        self,
        lpn: str,
        state: UnitState,
        claimed_station: str | None,
        claimed_by: str | None,
        claimed_at: datetime | None,
        expected_version: int,
    ) -> int:
        code = self.data.lpn_index.get(lpn)
        if code is None:
            raise NotFound(f"unit {lpn} not found", lpn=lpn)
        unit = self.data.rmas[code].unit(lpn)
        assert unit is not None
        if unit.version != expected_version:
            raise Conflict(f"unit {lpn} was changed by someone else; scan it again", lpn=lpn)
        unit.state, unit.claimed_station, unit.claimed_by, unit.claimed_at = (
            state,
            claimed_station,
            claimed_by,
            claimed_at,
        )
        unit.version += 1
        return unit.version

    def units_in_state(self, state: UnitState, limit: int = 500) -> list[str]:
        found = [u.lpn for rma in self.data.rmas.values() for u in rma.units if u.state == state]
        return found[:limit]

    def count(self) -> int:
        return len(self.data.rmas)


class FakeInspectionRepository(_Repo):
    def add(self, inspection: Inspection) -> None:
        self.data.inspections[inspection.id] = copy.deepcopy(inspection)

    def get(self, inspection_id: str) -> Inspection | None:
        found = self.data.inspections.get(inspection_id)
        return copy.deepcopy(found) if found else None

    def for_unit(self, lpn: str) -> list[Inspection]:
        found = [i for i in self.data.inspections.values() if i.lpn == lpn]
        return copy.deepcopy(sorted(found, key=lambda i: i.started_at))


class FakeDecisionRepository(_Repo):
    def add(self, decision: Decision) -> None:
        self.data.decisions[decision.id] = copy.deepcopy(decision)

    def save(self, decision: Decision) -> None:
        if decision.id not in self.data.decisions:
            raise NotFound(f"decision {decision.id} not found")
        self.data.decisions[decision.id] = copy.deepcopy(decision)

    def get(self, decision_id: str) -> Decision | None:
        found = self.data.decisions.get(decision_id)
        return copy.deepcopy(found) if found else None

    def for_unit(self, lpn: str) -> list[Decision]:
        found = [d for d in self.data.decisions.values() if d.lpn == lpn]
        return copy.deepcopy(sorted(found, key=lambda d: d.decided_at))

    def current(self, lpn: str) -> Decision | None:
        live = [
            d
            for d in self.for_unit(lpn)
            if d.status not in (DecisionStatus.SUPERSEDED, DecisionStatus.REJECTED)
        ]
        return live[-1] if live else None

    def pending(self, limit: int = 1000) -> list[Decision]:
        found = [d for d in self.data.decisions.values() if d.status == DecisionStatus.PENDING]
        return copy.deepcopy(sorted(found, key=lambda d: d.decided_at)[:limit])

    def assign_export_batch(self, batch_id: str) -> int:
        count = 0
        for decision in self.data.decisions.values():
            if decision.status == DecisionStatus.FINAL and decision.export_batch is None:
                decision.export_batch = batch_id
                count += 1
        return count

    def export_rows(self, batch_id: str) -> Iterator[ExportRow]:
        chosen = sorted(
            (d for d in self.data.decisions.values() if d.export_batch == batch_id),
            key=lambda d: (d.lpn, d.decided_at),
        )
        for d in chosen:
            rma = self.data.rmas[self.data.lpn_index[d.lpn]]
            unit = rma.unit(d.lpn)
            assert unit is not None
            line = rma.line_of(unit)
            yield ExportRow(
                batch_id=batch_id,
                rma_code=rma.code,
                order_id=rma.order_id,
                lpn=d.lpn,
                sku=line.sku,
                market=rma.market,
                currency=d.currency,
                unit_price=d.unit_price,
                deduction_pct=d.final.deduction_pct,
                refund_amount=d.final.refund_amount,
                resolution=d.final.resolution.value,
                headline=d.final.headline.value,
                recovery=d.final.recovery.value if d.final.recovery else "",
                recovery_amount=d.final.recovery_amount,
                decided_by=d.decided_by,
                approved_by=d.approved_by or "",
                approved_at=d.approved_at,
                refund_due_at=d.refund_due_at,
            )

    def count_unexported(self) -> int:
        return sum(
            1
            for d in self.data.decisions.values()
            if d.status == DecisionStatus.FINAL and d.export_batch is None
        )


class FakeExportBatchRepository(_Repo):
    def add(self, batch: ExportBatch) -> None:
        self.data.exports[batch.id] = batch

    def get(self, batch_id: str) -> ExportBatch | None:
        return self.data.exports.get(batch_id)

    def list(self, limit: int = 100) -> list[ExportBatch]:
        return sorted(self.data.exports.values(), key=lambda b: (b.created_at, b.id), reverse=True)[
            :limit
        ]

    def last_id_with_prefix(self, prefix: str) -> str | None:
        ids = [i for i in self.data.exports if i.startswith(prefix)]
        return max(ids) if ids else None


class FakeUserRepository(_Repo):
    def get(self, username: str) -> User | None:
        user = self.data.users.get(username)
        return copy.deepcopy(user) if user else None

    def get_by_badge(self, badge: str) -> User | None:
        for user in self.data.users.values():
            if user.badge and user.badge == badge:
                return copy.deepcopy(user)
        return None

    def add(self, user: User) -> None:
        if user.username in self.data.users:
            raise Conflict(f"user {user.username} exists already", username=user.username)
        self.data.users[user.username] = copy.deepcopy(user)

    def save(self, user: User) -> None:
        self.data.users[user.username] = copy.deepcopy(user)

    def count(self) -> int:
        return len(self.data.users)

    def list(self) -> list[User]:
        return copy.deepcopy(sorted(self.data.users.values(), key=lambda u: u.username))


class FakeAuditRepository(_Repo):
    def last(self) -> AuditEvent | None:
        return self.data.audit[-1] if self.data.audit else None

    def append(self, event: AuditEvent) -> None:
        if self.data.audit and event.seq != self.data.audit[-1].seq + 1:
            raise Conflict("audit log moved on; retry")
        self.data.audit.append(event)

    def iterate(self) -> Iterator[AuditEvent]:
        yield from list(self.data.audit)

    def for_entity(self, entity: str, entity_id: str) -> list[AuditEvent]:
        return [e for e in self.data.audit if e.entity == entity and e.entity_id == entity_id]


class FakeCatalogRepository(_Repo):
    def get(self, sku: str) -> Product | None:
        return self.data.catalog.get(sku)

    def get_many(self, skus: Collection[str]) -> dict[str, Product]:
        return {s: self.data.catalog[s] for s in skus if s in self.data.catalog}

    def upsert_many(self, products: Sequence[Product]) -> tuple[int, int]:
        added = updated = 0
        for product in products:
            old = self.data.catalog.get(product.sku)
            if old is None:
                added += 1
            elif old != product:
                updated += 1
            self.data.catalog[product.sku] = product
        return added, updated


class FakePolicyRepository(_Repo):
    def ensure(self, policy_hash: str, text: str, at: datetime) -> None:
        self.data.policies.setdefault(policy_hash, text)

    def get(self, policy_hash: str) -> str | None:
        return self.data.policies.get(policy_hash)


class FakeUnitOfWork:
    """Works on a deep copy of the committed data; ``commit`` publishes it, anything else
    throws it away, as a database transaction would."""

    def __init__(self, store: FakeStore) -> None:
        self._store = store
        self.committed = False

    def __enter__(self) -> FakeUnitOfWork:
        self._work = copy.deepcopy(self._store.data)
        self.rmas = FakeRmaRepository(self._work)
        self.inspections = FakeInspectionRepository(self._work)
        self.decisions = FakeDecisionRepository(self._work)
        self.exports = FakeExportBatchRepository(self._work)
        self.users = FakeUserRepository(self._work)
        self.audit = FakeAuditRepository(self._work)
        self.catalog = FakeCatalogRepository(self._work)
        self.policies = FakePolicyRepository(self._work)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        if self._store.fail_next_commit:
            self._store.fail_next_commit = False
            raise OSError("disk full (fake)")
        self._store.data = self._work
        self._work = copy.deepcopy(self._work)
        self._rebind()
        self._store.commits += 1
        self.committed = True

    def rollback(self) -> None:
        self._work = copy.deepcopy(self._store.data)
        self._rebind()

    def _rebind(self) -> None:
        for repo in (
            self.rmas,
            self.inspections,
            self.decisions,
            self.exports,
            self.users,
            self.audit,
            self.catalog,
            self.policies,
        ):
            repo.data = self._work


@dataclass
class FakeStore:
    """The fake database: ``uow()`` opens a unit of work on it, like a session factory."""

    data: FakeData = field(default_factory=FakeData)
    commits: int = 0
    fail_next_commit: bool = False

    def uow(self, *, read_only: bool = False) -> FakeUnitOfWork:
        # read_only only changes how SQLite begins a transaction; the fake ignores it.
        return FakeUnitOfWork(self)


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: Any) -> datetime:
        self.current += timedelta(**delta)
        return self.current


class FakePhotoStore:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def put(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self.files[digest] = data
        return digest

    def get(self, sha256: str) -> bytes:
        try:
            return self.files[sha256]
        except KeyError:
            raise NotFound(f"photo {sha256} not found") from None

    def path(self, sha256: str) -> Path:
        return Path("/fake-photos") / sha256

    def exists(self, sha256: str) -> bool:
        return sha256 in self.files


class FakePasswordHasher:
    """Reversible on purpose, and instant: argon2 has its own tests."""

    def hash(self, secret: str) -> str:
        return "fake$" + secret

    def verify(self, stored_hash: str, secret: str) -> bool:
        return stored_hash == "fake$" + secret


__all__ = ["FakeClock", "FakePasswordHasher", "FakePhotoStore", "FakeStore", "replace"]
