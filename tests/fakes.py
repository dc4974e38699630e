"""All fakes in one place: an in-memory unit of work and repositories that keep the
contracts of ``qc_station.services.ports``, a fixed clock, a photo store in memory and a
fast password hasher. Service tests run on these; integration tests check that the SQL
adapters behave the same (tests/integration/test_repository_contract.py).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

from qc_station.domain.audit import (
    AuditEntry,
    AuditEvent,
    chain_entries,
    entry_record_digests,
    record_digest,
)
from qc_station.domain.dispute import Dispute
from qc_station.domain.enums import UnitState
from qc_station.domain.errors import Conflict, NotFound
from qc_station.domain.model import (
    Decision,
    DecisionStatus,
    Inspection,
    Product,
    Rma,
    RmaLine,
    User,
)
from qc_station.domain.recovery import RecoveryCase
from qc_station.formats.finance_csv import check_row_fields
from qc_station.services.ports import (
    UNIT_SEARCH_FIELDS,
    ClaimRecord,
    CurrencyTotal,
    ExportBatch,
    ExportRow,
    PolicyActivation,
    StationRecord,
    UnitRef,
)
from qc_station.services.station_ports import StampedPhoto
from tests.fake_recovery import FakeRecoveryRepository


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
    stations: dict[str, StationRecord] = field(default_factory=dict)
    sign_ins: dict[str, Any] = field(default_factory=dict)  # services.sign_ins.SignIn
    policy_activations: list[PolicyActivation] = field(default_factory=list)
    disputes: dict[str, Dispute] = field(default_factory=dict)
    recovery: dict[str, RecoveryCase] = field(default_factory=dict)
    #: Finance reversals (SPEC §7.3): reversed decision id → (batch carrying the reversal,
    #: batch the reversed row went out in).
    reversals: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Unboxing videos (services.video_ports.InspectionVideo), in the order added.
    videos: list[Any] = field(default_factory=list)


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
            raise Conflict("rma.exists", code=rma.code)
        for unit in rma.units:
            if unit.lpn in self.data.lpn_index:
                raise Conflict("rma.lpn_exists", lpn=unit.lpn)
        self.data.rmas[rma.code] = copy.deepcopy(rma)
        for unit in rma.units:
            self.data.lpn_index[unit.lpn] = rma.code

    def add_many(self, rmas: Sequence[Rma]) -> None:
        for rma in rmas:
            self.add(rma)

    def replace_lines(self, rma: Rma) -> None:
        old = self.data.rmas.get(rma.code)
        if old is None:
            raise NotFound("rma.not_found", code=rma.code)
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
            raise NotFound("unit.unknown_lpn", code=lpn, lpn=lpn)
        unit = self.data.rmas[code].unit(lpn)
        assert unit is not None
        if unit.version != expected_version:
            raise Conflict("unit.changed", lpn=lpn)
        unit.state, unit.claimed_station, unit.claimed_by, unit.claimed_at = (
            state,
            claimed_station,
            claimed_by,
            claimed_at,
        )
        unit.version += 1
        return unit.version

    def set_reopened_by(self, lpn: str, username: str) -> None:
        code = self.data.lpn_index.get(lpn)
        unit = self.data.rmas[code].unit(lpn) if code else None
        if unit is None:
            raise NotFound("unit.unknown_lpn", code=lpn, lpn=lpn)
        unit.reopened_by = username

    def lock_unit(self, lpn: str) -> None:
        pass  # one unit of work at a time: nothing to lock

    def units_in_state(self, state: UnitState, limit: int = 500) -> list[str]:
        found = [u.lpn for rma in self.data.rmas.values() for u in rma.units if u.state == state]
        return found[:limit]

    def units_matching(self, field: str, value: str, limit: int = 50) -> list[UnitRef]:
        if field not in UNIT_SEARCH_FIELDS:
            raise ValueError(f"cannot search units by {field!r}")
        found = []
        for rma in self.data.rmas.values():  # insertion order: oldest RMA first
            for unit in rma.units:
                if field == "sku":
                    hit = rma.line_of(unit).sku == value
                else:
                    hit = getattr(rma, field) == value
                if hit:
                    found.append(UnitRef(rma.code, unit.lpn))
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


#: Where each finance column's value comes from, by its ``ExportRow`` attribute, as
#: ``adapters/sql/exports._sources`` says for SQL; checked against the column spec
#: (``formats/finance_csv.FINANCE_COLUMNS``) when this module is imported.
_EXPORT_SOURCES: dict[str, Callable[[Rma, RmaLine, Decision], Any]] = {
    "rma_code": lambda rma, line, d: rma.code,
    "order_id": lambda rma, line, d: rma.order_id,
    "lpn": lambda rma, line, d: d.lpn,
    "sku": lambda rma, line, d: line.sku,
    "market": lambda rma, line, d: rma.market,
    "currency": lambda rma, line, d: d.currency,
    "unit_price": lambda rma, line, d: d.unit_price,
    "deduction_pct": lambda rma, line, d: d.final.deduction_pct,
    "refund_amount": lambda rma, line, d: d.final.refund_amount,
    "resolution": lambda rma, line, d: d.final.resolution.value,
    "headline": lambda rma, line, d: d.final.headline.value,
    "recovery": lambda rma, line, d: d.final.recovery.value if d.final.recovery else "",
    "recovery_amount": lambda rma, line, d: d.final.recovery_amount,
    "decided_by": lambda rma, line, d: d.decided_by,
    "approved_by": lambda rma, line, d: d.approved_by or "",
    "approved_at": lambda rma, line, d: d.approved_at,
    "refund_due_at": lambda rma, line, d: d.refund_due_at,
}
# batch_id is the batch's; reverses_batch is set by the service on reversal rows.
check_row_fields(
    [*_EXPORT_SOURCES, "batch_id", "reverses_batch"], "tests/fakes._EXPORT_SOURCES", ordered=False
)


class FakeDecisionRepository(_Repo):
    def add(self, decision: Decision) -> None:
        self.data.decisions[decision.id] = copy.deepcopy(decision)

    def save(self, decision: Decision) -> None:
        if decision.id not in self.data.decisions:
            raise NotFound("record.decision_not_found", decision_id=decision.id)
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

    def current_many(self, lpns: Collection[str]) -> dict[str, Decision]:
        found = {lpn: self.current(lpn) for lpn in lpns}
        return {lpn: d for lpn, d in found.items() if d is not None}

    def pending(self, limit: int = 1000) -> list[Decision]:
        found = [d for d in self.data.decisions.values() if d.status == DecisionStatus.PENDING]
        return copy.deepcopy(sorted(found, key=lambda d: d.decided_at)[:limit])

    def made_at_station(self, station: str, since: datetime, limit: int) -> list[Decision]:
        # Reversed first: of two decisions made at the same time, the later added leads.
        found = reversed(self._at_station(station, since))
        newest_first = sorted(found, key=lambda d: d.decided_at, reverse=True)
        return copy.deepcopy(newest_first[:limit])

    def units_decided_at_station(
        self, station: str, since: datetime, decided_by: str | None = None
    ) -> int:
        found = self._at_station(station, since)
        return len({d.lpn for d in found if decided_by is None or d.decided_by == decided_by})

    def _at_station(self, station: str, since: datetime) -> list[Decision]:
        return [
            d
            for d in self.data.decisions.values()
            if d.station == station and d.decided_at >= since
        ]

    def assign_export_batch(self, batch_id: str) -> int:
        count = 0
        for decision in self.data.decisions.values():
            if decision.status == DecisionStatus.FINAL and decision.export_batch is None:
                decision.export_batch = batch_id
                count += 1
        if not count:
            return 0
        return count + sum(1 for _ in self._reversible(batch_id, record=True))

    def _reversible(self, batch_id: str, *, record: bool = False) -> Iterator[Decision]:
        """The exported decisions a reopen superseded, not reversed yet, whose unit has a
        decision in ``batch_id`` (the SQL adapter's ``_assign_reversals``)."""
        new_lpns = {d.lpn for d in self.data.decisions.values() if d.export_batch == batch_id}
        for d in list(self.data.decisions.values()):
            if (
                d.status == DecisionStatus.SUPERSEDED
                and d.export_batch is not None
                and d.export_batch != batch_id
                and d.id not in self.data.reversals
                and d.lpn in new_lpns
            ):
                if record:
                    self.data.reversals[d.id] = (batch_id, d.export_batch)
                yield d

    def reversed_rows(self, batch_id: str) -> list[ExportRow]:
        chosen = sorted(
            (
                self.data.decisions[i]
                for i, (carrier, _) in self.data.reversals.items()
                if carrier == batch_id
            ),
            key=lambda d: (d.lpn, d.decided_at),
        )
        return [self._row(d, d.export_batch or "") for d in chosen]

    def export_rows(self, batch_id: str) -> Iterator[ExportRow]:
        chosen = sorted(
            (d for d in self.data.decisions.values() if d.export_batch == batch_id),
            key=lambda d: (d.lpn, d.decided_at),
        )
        for d in chosen:
            yield self._row(d, batch_id)

    def _row(self, d: Decision, batch_id: str) -> ExportRow:
        rma = self.data.rmas[self.data.lpn_index[d.lpn]]
        unit = rma.unit(d.lpn)
        assert unit is not None
        line = rma.line_of(unit)
        values = {name: value(rma, line, d) for name, value in _EXPORT_SOURCES.items()}
        return ExportRow(batch_id=batch_id, **values)

    def count_unexported(self) -> int:
        return sum(
            1
            for d in self.data.decisions.values()
            if d.status == DecisionStatus.FINAL and d.export_batch is None
        )

    def unexported_rows(self, limit: int) -> list[ExportRow]:
        # The rows export_rows would give once these decisions are in a batch "".
        work = copy.deepcopy(self.data)
        FakeDecisionRepository(work).assign_export_batch("")
        return list(FakeDecisionRepository(work).export_rows(""))[:limit]

    def unexported_totals(self) -> list[CurrencyTotal]:
        work = copy.deepcopy(self.data)
        FakeDecisionRepository(work).assign_export_batch("\0preview")
        return FakeDecisionRepository(work).batch_totals(["\0preview"]).get("\0preview", [])

    def batch_totals(self, batch_ids: Collection[str]) -> dict[str, list[CurrencyTotal]]:
        wanted = set(batch_ids)
        found = {
            batch_id: _totals(
                [d for d in self.data.decisions.values() if d.export_batch == batch_id],
                [
                    self.data.decisions[i]
                    for i, (carrier, _) in self.data.reversals.items()
                    if carrier == batch_id
                ],
            )
            for batch_id in wanted
        }
        return {batch_id: totals for batch_id, totals in found.items() if totals}

    def refunds_due(self, limit: int = 500) -> list[Decision]:
        found = [
            d
            for d in self.data.decisions.values()
            if d.status == DecisionStatus.FINAL
            and d.refund_due_at is not None
            and d.export_batch is None
        ]
        # Ties in insertion order, as the SQL adapters break them by primary key.
        return copy.deepcopy(sorted(found, key=lambda d: d.refund_due_at or d.decided_at)[:limit])


class FakeDisputeRepository(_Repo):
    def add(self, dispute: Dispute) -> None:
        if dispute.id in self.data.disputes or any(
            d.decision_id == dispute.decision_id for d in self.data.disputes.values()
        ):
            raise Conflict(f"decision {dispute.decision_id} has a dispute already", lpn=dispute.lpn)
        self.data.disputes[dispute.id] = copy.deepcopy(dispute)

    def save(self, dispute: Dispute) -> int:
        stored = self.data.disputes.get(dispute.id)
        if stored is None:
            raise NotFound("dispute.unknown", dispute=dispute.id)
        if stored.version != dispute.version:
            raise Conflict("dispute.changed", lpn=dispute.lpn)
        saved = copy.deepcopy(dispute)
        saved.version += 1
        self.data.disputes[dispute.id] = saved
        return saved.version

    def get(self, dispute_id: str) -> Dispute | None:
        found = self.data.disputes.get(dispute_id)
        return copy.deepcopy(found) if found else None

    def for_decision(self, decision_id: str) -> Dispute | None:
        found = [d for d in self.data.disputes.values() if d.decision_id == decision_id]
        return copy.deepcopy(found[0]) if found else None

    def for_unit(self, lpn: str) -> list[Dispute]:
        found = [d for d in self.data.disputes.values() if d.lpn == lpn]
        return copy.deepcopy(sorted(found, key=lambda d: d.opened_at))

    def active(self, limit: int = 500) -> list[Dispute]:
        # Ties in insertion order, as the SQL adapters break them by primary key.
        found = [d for d in self.data.disputes.values() if not d.closed]
        far = datetime.max.replace(tzinfo=UTC)
        found.sort(key=lambda d: (d.evidence_due_at or far, d.opened_at))
        return copy.deepcopy(found[:limit])

    def closed_since(self, since: datetime, limit: int = 500) -> list[Dispute]:
        found = [
            d
            for d in reversed(self.data.disputes.values())
            if d.closed and d.closed_at is not None and d.closed_at >= since
        ]
        found.sort(key=lambda d: d.closed_at or since, reverse=True)  # stable: newest added first
        return copy.deepcopy(found[:limit])


def _totals(
    decisions: Iterable[Decision], reversed_: Iterable[Decision] = ()
) -> list[CurrencyTotal]:
    rows: dict[str, int] = {}
    sums: dict[str, Decimal] = {}
    for d in decisions:
        rows[d.currency] = rows.get(d.currency, 0) + 1
        sums[d.currency] = sums.get(d.currency, Decimal(0)) + d.final.refund_amount
    for d in reversed_:  # a reversal row: its refund negated
        rows[d.currency] = rows.get(d.currency, 0) + 1
        sums[d.currency] = sums.get(d.currency, Decimal(0)) - d.final.refund_amount
    return [CurrencyTotal(c, rows[c], sums[c]) for c in sorted(rows)]


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

    def get_for_update(self, username: str) -> User | None:
        return self.get(username)

    def lock_users(self) -> None:
        pass  # one thread at a time in the fake

    def count(self) -> int:
        return len(self.data.users)

    def list(self) -> list[User]:
        return copy.deepcopy(sorted(self.data.users.values(), key=lambda u: u.username))


def _plain(value: Any) -> Any:
    """Plain JSON values, as the SQL adapter's digests are made of (times, amounts as text)."""
    return json.loads(json.dumps(value, default=str))


class FakeRecordDigests(_Repo):
    """``RecordDigests`` over the fake's objects: the same fields as the SQL adapter's
    (``adapters/sql/record_digests.py``), though not the same bytes."""

    def _content(self, entity: str, entity_id: str) -> Any:
        d = self.data
        if entity == "decision":
            found = d.decisions.get(entity_id)
            return {**asdict(found), "export_batch": None} if found else None
        if entity == "inspection":
            found_i = d.inspections.get(entity_id)
            if found_i is None:
                return None
            videos = [asdict(v) for v in d.videos if v.inspection_id == entity_id]
            return {**asdict(found_i), **({"videos": videos} if videos else {})}
        if entity == "export":
            decisions = sorted(x.id for x in d.decisions.values() if x.export_batch == entity_id)
            payments = sorted(
                p.id for c in d.recovery.values() for p in c.payments if p.export_batch == entity_id
            )
            if not decisions and not payments and entity_id not in d.exports:
                return None
            return {"decisions": decisions, "payments": payments}
        if entity == "recovery_case":
            case = d.recovery.get(entity_id)
            if case is None:
                return None
            content = asdict(case)
            content.pop("version")
            for payment in content["payments"]:
                payment.pop("export_batch")
            return content
        if entity == "user":
            user = d.users.get(entity_id)
            if user is None:
                return None
            return {
                "role": user.role,
                "active": user.active,
                "must_change_password": getattr(user, "must_change_password", False),
            }
        if entity == "policy":
            activations = [
                [a.activated_at, a.activated_by, a.station, a.note]
                for a in d.policy_activations
                if a.policy_hash == entity_id
            ]
            if not activations:
                return None
            text = d.policies.get(entity_id)
            return {"text": text, "activations": activations}
        return None

    def digests(self, entity: str, entity_ids: Collection[str]) -> dict[str, str]:
        found = {}
        for entity_id in entity_ids:
            content = self._content(entity, entity_id)
            if content is not None:
                found[entity_id] = record_digest(_plain(content))
        return found


class FakeAuditRepository(_Repo):
    def __init__(self, data: FakeData, records: FakeRecordDigests | None = None) -> None:
        super().__init__(data)
        self.staged: list[AuditEntry] = []
        self.records = records

    def stage(self, entry: AuditEntry) -> None:
        self.staged.append(entry)

    def write_staged(self) -> list[AuditEvent]:
        digests = entry_record_digests(self.staged, self.records.digests) if self.records else {}
        events = chain_entries(self.last(), self.staged, digests)
        self.staged.clear()
        for event in events:
            self.append(event)
        return events

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

    def events_for(self, entity: str, entity_ids: Collection[str]) -> list[AuditEvent]:
        ids = set(entity_ids)
        return [e for e in self.data.audit if e.entity == entity and e.entity_id in ids]


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

    def activate(self, activation: PolicyActivation) -> None:
        if activation.policy_hash not in self.data.policies:
            raise Conflict(
                f"policy {activation.policy_hash} is not stored",
                policy_hash=activation.policy_hash,
            )
        self.data.policy_activations.append(activation)

    def active(self) -> PolicyActivation | None:
        return self.data.policy_activations[-1] if self.data.policy_activations else None

    def activations(self, limit: int = 100) -> list[PolicyActivation]:
        return list(reversed(self.data.policy_activations))[:limit]


class FakeStationRepository(_Repo):
    def heartbeat(self, station: StationRecord) -> None:
        self.data.stations[station.name] = station

    def list_all(self) -> list[StationRecord]:
        return [self.data.stations[name] for name in sorted(self.data.stations)]

    def claims(self) -> list[ClaimRecord]:
        found = [
            ClaimRecord(u.lpn, u.claimed_station, u.claimed_by or "", u.claimed_at)
            for rma in self.data.rmas.values()
            for u in rma.units
            if u.claimed_station is not None
        ]
        return sorted(found, key=lambda c: (c.since is None, c.since or datetime.min, c.lpn))


class FakeVideoRepository(_Repo):
    """``VideoRepository`` over ``FakeData.videos``."""

    def add(self, video: Any) -> None:
        if video.inspection_id not in self.data.inspections:
            raise Conflict(f"inspection {video.inspection_id} is unknown")
        if any(
            (v.inspection_id, v.clip.sha256) == (video.inspection_id, video.clip.sha256)
            for v in self.data.videos
        ):
            raise Conflict(f"video {video.clip.sha256} is already on {video.inspection_id}")
        self.data.videos.append(video)

    def for_inspection(self, inspection_id: str) -> list[Any]:
        return [v for v in self.data.videos if v.inspection_id == inspection_id]

    def ended_before(self, before: datetime, limit: int = 1000) -> list[Any]:
        found = [v for v in self.data.videos if v.pruned_at is None and v.clip.ended_at < before]
        return sorted(found, key=lambda v: v.clip.ended_at)[:limit]

    def mark_pruned(self, inspection_id: str, sha256: str, at: datetime) -> None:
        self.data.videos = [
            replace(v, pruned_at=at)
            if (v.inspection_id, v.clip.sha256) == (inspection_id, sha256)
            else v
            for v in self.data.videos
        ]


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
        self.records = FakeRecordDigests(self._work)
        self.audit = FakeAuditRepository(self._work, self.records)
        self.catalog = FakeCatalogRepository(self._work)
        self.policies = FakePolicyRepository(self._work)
        self.stations = FakeStationRepository(self._work)
        self.sign_ins = FakeSignInRepository(self._work)
        self.disputes = FakeDisputeRepository(self._work)
        self.stats = FakeStatsQueries(self._work)
        self.recovery = FakeRecoveryRepository(self._work)
        self.videos = FakeVideoRepository(self._work)
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
        self.audit.write_staged()
        self._store.data = self._work
        self._work = copy.deepcopy(self._work)
        self._rebind()
        self._store.commits += 1
        self.committed = True

    def rollback(self) -> None:
        self.audit.staged.clear()
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
            self.stations,
            self.sign_ins,
            self.disputes,
            self.stats,
            self.recovery,
            self.records,
            self.videos,
        ):
            repo.data = self._work


class FakeSignInRepository(_Repo):
    def add(self, sign_in: Any) -> None:
        if sign_in.id in self.data.sign_ins:
            raise Conflict(f"sign-in {sign_in.id} exists already")
        self.data.sign_ins[sign_in.id] = sign_in

    def get(self, sign_in_id: str) -> Any:
        return self.data.sign_ins.get(sign_in_id)


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


class FakePhotoStamper:
    """The ``PhotoStamper`` port without OpenCV: stores the photo as given (so service tests
    can name what they stored) and keeps what it was asked to stamp, in order."""

    def __init__(self) -> None:
        self.stamped: list[tuple[bytes, datetime, str, str]] = []

    def stamp(self, data: bytes, captured_at: datetime, station: str, name: str) -> StampedPhoto:
        self.stamped.append((data, captured_at, station, name))
        return StampedPhoto(data, 0, 0)


class FakePasswordHasher:
    """Reversible on purpose, and instant: argon2 has its own tests."""

    def hash(self, secret: str) -> str:
        return "fake$" + secret

    def verify(self, stored_hash: str, secret: str) -> bool:
        return stored_hash == "fake$" + secret


__all__ = [
    "FakeClock",
    "FakePasswordHasher",
    "FakePhotoStamper",
    "FakePhotoStore",
    "FakeStore",
    "replace",
]


class FakeStatsQueries(_Repo):
    """The dashboard's aggregates computed in Python over the fake's data, with the same
    definitions as ``adapters/sql/stats.py`` (see ``services/stats_ports.py``)."""

    def batches_to_sync(self) -> list[str]:
        return []  # the fake computes from the decisions and batches themselves

    def sync_batch(self, batch_id: str) -> None:
        return None

    def _population(self, f: Any) -> list[tuple[Decision, Inspection, Rma, Any]]:
        rows = []
        for d in self.data.decisions.values():
            if d.status not in (DecisionStatus.PENDING, DecisionStatus.FINAL):
                continue
            if (f.since is not None and d.decided_at < f.since) or (
                f.until is not None and d.decided_at >= f.until
            ):
                continue
            rma = self.data.rmas[self.data.lpn_index[d.lpn]]
            unit = rma.unit(d.lpn)
            assert unit is not None
            line = rma.line_of(unit)
            if f.market and rma.market.upper() != f.market.upper():
                continue
            if f.category and line.category.lower() != f.category.lower():
                continue
            rows.append((d, self.data.inspections[d.inspection_id], rma, line))
        return rows

    @staticmethod
    def _counts(keys: Iterable[Any]) -> dict[Any, int]:
        counts: dict[Any, int] = {}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        return counts

    def received(self, f: Any) -> int:
        return len(self._population(f))

    def sku_returns(self, f: Any) -> list[Any]:
        from qc_station.services.stats_ports import SkuCount

        counts = self._counts(line.sku for _, _, _, line in self._population(f))
        return [
            SkuCount(sku, n, product.units_sold)
            for sku, n in sorted(counts.items())
            if (product := self.data.catalog.get(sku)) is not None
            and product.units_sold is not None
            and product.units_sold > 0
        ]

    def _finding_counts(self, f: Any, key: Any, finding: str) -> list[tuple[str, int, int]]:
        totals: dict[str, list[int]] = {}
        for _, i, rma, line in self._population(f):
            entry = totals.setdefault(key(rma, line), [0, 0])
            entry[0] += 1
            entry[1] += i.finding.value == finding
        return [(k, n, hit) for k, (n, hit) in sorted(totals.items())]

    def carrier_damage(self, f: Any) -> list[Any]:
        from qc_station.services.stats_ports import CarrierCount

        rows = self._finding_counts(f, lambda rma, line: rma.carrier, "TRANSIT_DAMAGE")
        return [CarrierCount(*row) for row in rows]

    def supplier_counts(self, f: Any) -> list[Any]:
        from qc_station.services.stats_ports import SupplierCount

        rows = self._finding_counts(f, lambda rma, line: line.supplier, "DEFECT")
        return [SupplierCount(*row) for row in rows]

    def supplier_chargebacks(self, f: Any) -> list[Any]:
        from qc_station.services.stats_ports import SupplierChargeback

        sums: dict[tuple[str, str], list[Any]] = {}
        for d, _, _, line in self._population(f):
            o = d.final
            if (
                d.status == DecisionStatus.FINAL
                and o.recovery is not None
                and o.recovery.value == "SUPPLIER_CHARGEBACK"
                and o.recovery_amount is not None
            ):
                entry = sums.setdefault((line.supplier, d.currency), [0, Decimal(0)])
                entry[0] += 1
                entry[1] += o.recovery_amount
        return [SupplierChargeback(s, c, n, a) for (s, c), (n, a) in sorted(sums.items())]

    def reason_findings(self, f: Any) -> list[Any]:
        from qc_station.services.stats_ports import ReasonFinding

        counts = self._counts(
            (rma.stated_reason.strip(), i.finding.value) for _, i, rma, _ in self._population(f)
        )
        return [ReasonFinding(r, fd, n) for (r, fd), n in sorted(counts.items())]

    def grades(self, f: Any) -> list[Any]:
        from qc_station.services.stats_ports import KeyCount

        counts = self._counts(i.grade.value for _, i, _, _ in self._population(f))
        return [KeyCount(k, n) for k, n in sorted(counts.items())]

    def dispositions(self, f: Any) -> list[Any]:
        from qc_station.services.stats_ports import KeyCount

        counts = self._counts(d.final.disposition.value for d, _, _, _ in self._population(f))
        return [KeyCount(k, n) for k, n in sorted(counts.items())]

    def refunds(self, f: Any) -> list[Any]:
        from qc_station.services.stats_ports import Amount

        sums: dict[str, list[Any]] = {}
        for d, _, _, _ in self._population(f):
            if d.status == DecisionStatus.FINAL and d.final.refund_amount > 0:
                entry = sums.setdefault(d.currency, [0, Decimal(0)])
                entry[0] += 1
                entry[1] += d.final.refund_amount
        return [Amount(c, n, a) for c, (n, a) in sorted(sums.items())]

    def deadlines(self, f: Any, now: datetime) -> Any:
        from qc_station.services.stats_ports import DeadlineCounts

        counts = [0] * 6
        for d, _, _, _ in self._population(f):
            if d.status != DecisionStatus.FINAL:
                continue
            batch = self.data.exports.get(d.export_batch) if d.export_batch else None
            due = d.refund_due_at
            if due is not None:
                if batch is not None:
                    counts[0 if batch.created_at <= due else 1] += 1
                else:
                    counts[2 if due >= now else 3] += 1
            if d.dispute_due_at is not None:
                counts[4 if d.dispute_due_at >= now else 5] += 1
        return DeadlineCounts(*counts)

    @staticmethod
    def _median(values: list[int]) -> Decimal | None:
        if not values:
            return None
        values = sorted(values)
        n = len(values)
        middle = Decimal(values[(n + 1) // 2 - 1] + values[(n + 2) // 2 - 1]) / 2
        return middle.quantize(Decimal("0.1"))

    def _durations(self, f: Any) -> list[tuple[str, int]]:
        out = []
        for _, i, _, _ in self._population(f):
            assert i.ended_at is not None
            seconds = (i.ended_at - i.started_at).total_seconds()
            whole = Decimal(str(seconds)).quantize(Decimal(1), ROUND_HALF_UP)
            out.append((i.inspector, int(whole)))
        return out

    def inspectors(self, f: Any) -> list[Any]:
        from qc_station.services.stats_ports import InspectorCount

        per: dict[str, list[int]] = {}
        for who, seconds in self._durations(f):
            per.setdefault(who, []).append(seconds)
        return [
            InspectorCount(who, len(v), Decimal(sum(v)), self._median(v))
            for who, v in sorted(per.items())
        ]

    def median_inspection_seconds(self, f: Any) -> Decimal | None:
        return self._median([seconds for _, seconds in self._durations(f)])

    def units(self, f: Any, dimension: Any, key: str, limit: int) -> list[Any]:
        from qc_station.services.stats_ports import UnitItem

        items = []  # newest first, ties newest-added first, as the SQL orders by pk
        for d, i, rma, line in reversed(self._population(f)):
            value = {"sku": line.sku, "carrier": rma.carrier, "supplier": line.supplier}[
                str(dimension)
            ]
            if value != key:
                continue
            items.append(
                UnitItem(
                    d.lpn,
                    rma.code,
                    line.sku,
                    rma.carrier,
                    line.supplier,
                    i.grade.value,
                    i.finding.value,
                    d.final.headline.value,
                    d.final.resolution.value,
                    d.status,
                    d.decided_at,
                )
            )
        items.sort(key=lambda u: u.decided_at, reverse=True)  # stable: keeps the ties' order
        return items[:limit]


class FakeFrameSource:
    """A webcam that shows ``images`` (BGR arrays, e.g. the barcode samples of
    /work/shared/data) one after another, each for ``repeat`` frames, and then nothing (as an
    unplugged camera: ``read()`` returns None). Satisfies ``adapters.camera.FrameSource``."""

    def __init__(self, images: Sequence[Any], repeat: int = 1, *, loop: bool = False) -> None:
        self._frames = [image for image in images for _ in range(repeat)]
        self._loop = loop
        self.reads = 0
        self.closed = False

    def read(self) -> Any:
        if self.closed or not self._frames:
            return None
        index = self.reads
        self.reads += 1
        if index >= len(self._frames):
            if not self._loop:
                return None
            index %= len(self._frames)
        return self._frames[index]

    def close(self) -> None:
        self.closed = True


class FakePrinter:
    """A system printer for the print queue's tests (``services.print_queue.Printer``): keeps
    what it was sent; ``queues`` are the printers that exist, ``fail_with`` makes the next
    sends fail with that error until cleared."""

    def __init__(self, queues: Sequence[str] = ("Zebra", "Office")) -> None:
        self.queues = list(queues)
        self.fail_with: Exception | None = None
        self.sent: list[tuple[str, bytes, str, str]] = []

    def printers(self) -> list[str]:
        return list(self.queues)

    def send(self, printer: str, document: bytes, *, title: str, media: str) -> str:
        from qc_station.services.print_queue import PrinterMissing

        if self.fail_with is not None:
            raise self.fail_with
        if printer not in self.queues:
            raise PrinterMissing(f"printer {printer!r} does not exist", printer=printer)
        self.sent.append((printer, document, title, media))
        return f"{printer}-{len(self.sent)}"
