"""The repositories of ``qc_station.services.ports`` on SQLAlchemy 2, for SQLite and PostgreSQL.

They keep the contracts documented in the ports and shown by ``tests/fakes.py``; the contract
tests in ``tests/integration/test_repository_contract.py`` run the same checks on all three.

- Everything handed out is a new domain dataclass built from the row; ORM objects never leave
  this module, so a caller can change what it got without touching the database.
- Each repository works in the unit of work's one ``Session``; nothing here commits.
- Money is converted at this boundary: domain ``Decimal`` ↔ integer minor units of the
  currency (see ``orm``). An amount finer than its currency's minor unit is refused rather
  than rounded: the domain rounds (SPEC §3), so such an amount is a bug upstream, and silently
  rounding money would hide it.
- Inserts that can collide with an existing key (a second RMA with the same code, a batch id
  taken by another station) run in a SAVEPOINT and turn the unique violation into
  ``Conflict``. The savepoint keeps the transaction usable afterwards, on PostgreSQL too,
  as the in-memory fake's is.
- Lists are ordered so both backends and the fake agree: text keys are compared bytewise
  (``COLLATE "C"`` on PostgreSQL, whose default collation may ignore dashes), ties are broken
  by insertion order.
"""

from __future__ import annotations

import builtins
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar, cast

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    DateTime,
    Result,
    Table,
    and_,
    bindparam,
    delete,
    func,
    insert,
    select,
    type_coerce,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from qc_station.domain.audit import AuditEntry, AuditEvent, chain_entries, entry_record_digests
from qc_station.domain.enums import (
    ChecklistAnswer,
    Disposition,
    Finding,
    Grade,
    Headline,
    Recovery,
    RequestedResolution,
    Resolution,
    RmaSource,
    Role,
    UnitState,
)
from qc_station.domain.errors import Conflict, NotFound, ValidationError
from qc_station.domain.model import (
    Decision,
    DecisionStatus,
    Inspection,
    Photo,
    Product,
    Rma,
    RmaLine,
    Unit,
    User,
)
from qc_station.domain.money import minor_digits
from qc_station.domain.outcome import Outcome, Reason
from qc_station.services.ports import (
    CurrencyTotal,
    ExportBatch,
    ExportRow,
    PolicyActivation,
    RecordDigests,
)

from .orm import (
    AUDIT_LOCK_ID,
    AuditEventRow,
    AuditHeadLockRow,
    DecisionRow,
    ExportBatchMemberRow,
    ExportBatchRow,
    ExportReversalRow,
    InspectionRow,
    PhotoRow,
    PolicyActivationRow,
    PolicyRow,
    ProductRow,
    RmaLineRow,
    RmaRow,
    UnitRow,
    UserRow,
)
from .sql_facts import refresh_facts

#: Keys per ``IN (…)`` list: far below SQLite's limit on bound parameters (32766 since 3.32,
#: 999 before) and PostgreSQL's 65535.
CHUNK = 500

#: The PostgreSQL advisory lock that export numbering holds until commit ("QCEXP"); it
#: must differ from the migration lock of ``migrate``.
EXPORT_NUMBERING_LOCK_KEY = 0x5143455850
#: The PostgreSQL advisory lock that changes to the set of users (the first admin, the last
#: admin) hold until commit ("QCUSR"); it differs from the other keys.
USERS_LOCK_KEY = 0x5143555352

#: Rows fetched per round trip when a result is streamed.
STREAM_BATCH = 1000

_PLAIN_TIME = DateTime(timezone=True)


def _utc(value: datetime) -> datetime:
    """What ``UtcDateTime`` returns for a stored time: timezone-aware, in UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value if value.tzinfo is UTC else value.astimezone(UTC)


# ExportRow's fields in order, for building the export's rows fast (see export_rows).
_EXPORT_ROW_FIELDS = tuple(f.name for f in dataclass_fields(ExportRow))

_T = TypeVar("_T")

# The tables behind the models, for Core statements (bulk inserts, conditional updates).
_rmas = cast(Table, RmaRow.__table__)
_lines = cast(Table, RmaLineRow.__table__)
_units = cast(Table, UnitRow.__table__)
_decisions = cast(Table, DecisionRow.__table__)
_members = cast(Table, ExportBatchMemberRow.__table__)
_reversals = cast(Table, ExportReversalRow.__table__)
_products = cast(Table, ProductRow.__table__)
_audit = cast(Table, AuditEventRow.__table__)


# --- helpers -------------------------------------------------------------------------------


def _chunks(items: Iterable[_T], size: int = CHUNK) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _rowcount(result: Result[Any]) -> int:
    # Session.execute is typed as returning Result; for INSERT/UPDATE/DELETE it is a
    # CursorResult, which carries the row count.
    return cast(CursorResult[Any], result).rowcount


def to_minor(amount: Decimal, currency: str, field: str = "amount") -> int:
    """``Decimal`` → integer minor units of ``currency``, exactly, or ``ValidationError``."""
    digits = minor_digits(currency)
    if not amount.is_finite():
        raise ValidationError(f"{field} {amount} is not a number", field=field)
    scaled = amount.scaleb(digits)
    if scaled != scaled.to_integral_value():
        raise ValidationError(
            f"{field} {amount} has more decimals than {currency} allows ({digits}); round it first",
            field=field,
            value=str(amount),
            currency=currency,
        )
    return int(scaled)


def from_minor(minor: int, currency: str) -> Decimal:
    """Integer minor units → ``Decimal`` with the currency's digits (``12.50``, ``1200``)."""
    return Decimal(minor).scaleb(-minor_digits(currency))


def _opt_to_minor(amount: Decimal | None, currency: str | None, field: str) -> int | None:
    if amount is None:
        return None
    if not currency:
        raise ValidationError(f"{field} {amount} has no currency", field=field)
    return to_minor(amount, currency, field)


def _opt_from_minor(minor: int | None, currency: str | None) -> Decimal | None:
    if minor is None or not currency:
        return None
    return from_minor(minor, currency)


def _text(value: Any) -> str:
    """An enum's value (or a plain string) for a string column."""
    return str(value.value) if isinstance(value, Enum) else str(value)


def _encode_json(value: Any) -> Any:
    """Reason params may hold ``Decimal`` amounts and dates; JSON has neither, so they are
    tagged and come back as the same types (``{"$decimal": "12.50"}``)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Mapping):
        return {str(k): _encode_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_encode_json(v) for v in value]
    return value


def _decode_json(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            ((tag, raw),) = value.items()
            if tag == "$decimal":
                return Decimal(raw)
            if tag == "$datetime":
                return datetime.fromisoformat(raw)
            if tag == "$date":
                return date.fromisoformat(raw)
        return {k: _decode_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode_json(v) for v in value]
    return value


def _reasons_to_json(reasons: Iterable[Reason]) -> list[dict[str, Any]]:
    return [{"code": r.code, "text": r.text, "params": _encode_json(r.params)} for r in reasons]


def _reasons_from_json(data: Iterable[dict[str, Any]] | None) -> tuple[Reason, ...]:
    return tuple(
        Reason(item["code"], item["text"], _decode_json(item.get("params") or {}))
        for item in data or ()
    )


class _Repo:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def _is_pg(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    def _bytewise(self, column: InstrumentedAttribute[str]) -> ColumnElement[str]:
        """``column`` for ORDER BY / MAX in code-point order, as Python sorts strings."""
        return column.collate("C") if self._is_pg else column.expression

    @contextmanager
    def _unique(self, message: str, **params: Any) -> Iterator[None]:
        """Run inserts in a savepoint; a unique or foreign-key violation becomes ``Conflict``
        and leaves the rest of the transaction intact."""
        try:
            with self.session.begin_nested():
                yield
        except IntegrityError as exc:
            raise Conflict(message, **params) from exc


# --- RMAs, lines, units --------------------------------------------------------------------

# Value → member by dict: calling the enum class costs more than everything else per unit
# when an import loads 100,000 RMAs.
_UNIT_STATE = {s.value: s for s in UnitState}
_RESOLUTION = {r.value: r for r in RequestedResolution}
_SOURCE = {s.value: s for s in RmaSource}


def _rma_values(rma: Rma) -> dict[str, Any]:
    return {
        "code": rma.code,
        "order_id": rma.order_id,
        "customer": rma.customer,
        "market": rma.market,
        "currency": rma.currency,
        "order_date": rma.order_date,
        "delivery_date": rma.delivery_date,
        "request_date": rma.request_date,
        "requested_resolution": _text(rma.requested_resolution),
        "stated_reason": rma.stated_reason,
        "carrier": rma.carrier,
        "tracking": rma.tracking,
        "source": _text(rma.source),
        "source_name": rma.source_name,
        "created_at": rma.created_at,
    }


def _line_values(rma: Rma, line: RmaLine) -> dict[str, Any]:
    return {
        "rma_code": rma.code,
        "line_no": line.line_no,
        "sku": line.sku,
        "product_name": line.product_name,
        "category": line.category,
        "supplier": line.supplier,
        "unit_price_minor": _opt_to_minor(
            line.unit_price, rma.currency, f"unit price of {rma.code} line {line.line_no}"
        ),
        "quantity": line.quantity,
    }


def _unit_values(rma: Rma, unit: Unit) -> dict[str, Any]:
    return {
        "lpn": unit.lpn,
        "rma_code": rma.code,
        "line_no": unit.line_no,
        "unit_no": unit.unit_no,
        "state": _text(unit.state),
        "claimed_station": unit.claimed_station,
        "claimed_by": unit.claimed_by,
        "claimed_at": unit.claimed_at,
        "version": unit.version,
    }


class SqlRmaRepository(_Repo):
    def get(self, code: str) -> Rma | None:
        return self._load([code]).get(code)

    def get_by_lpn(self, lpn: str) -> Rma | None:
        code = self.session.scalar(select(UnitRow.rma_code).where(UnitRow.lpn == lpn))
        return self.get(code) if code is not None else None

    def get_many(self, codes: Collection[str]) -> dict[str, Rma]:
        found: dict[str, Rma] = {}
        for chunk in _chunks(dict.fromkeys(codes)):
            found.update(self._load(chunk))
        return found

    def _load(self, codes: Sequence[str]) -> dict[str, Rma]:
        # Plain rows, not ORM objects: imports load tens of thousands at once, and nothing
        # here needs the identity map.
        headers = self.session.execute(select(_rmas).where(_rmas.c.code.in_(codes))).all()
        if not headers:
            return {}
        found = {
            h.code: Rma(
                code=h.code,
                order_id=h.order_id,
                customer=h.customer,
                market=h.market,
                currency=h.currency,
                order_date=h.order_date,
                delivery_date=h.delivery_date,
                request_date=h.request_date,
                requested_resolution=_RESOLUTION[h.requested_resolution],
                stated_reason=h.stated_reason,
                carrier=h.carrier,
                tracking=h.tracking,
                source=_SOURCE[h.source],
                source_name=h.source_name,
                created_at=h.created_at,
            )
            for h in headers
        }
        keys = list(found)
        for ln in self.session.execute(
            select(_lines).where(_lines.c.rma_code.in_(keys)).order_by(_lines.c.id)
        ):
            rma = found[ln.rma_code]
            rma.lines.append(
                RmaLine(
                    line_no=ln.line_no,
                    sku=ln.sku,
                    product_name=ln.product_name,
                    category=ln.category,
                    supplier=ln.supplier,
                    unit_price=_opt_from_minor(ln.unit_price_minor, rma.currency),
                    quantity=ln.quantity,
                )
            )
        for u in self.session.execute(
            select(_units).where(_units.c.rma_code.in_(keys)).order_by(_units.c.id)
        ):
            found[u.rma_code].units.append(
                Unit(
                    lpn=u.lpn,
                    rma_code=u.rma_code,
                    line_no=u.line_no,
                    unit_no=u.unit_no,
                    state=_UNIT_STATE[u.state],
                    claimed_station=u.claimed_station,
                    claimed_by=u.claimed_by,
                    claimed_at=u.claimed_at,
                    version=u.version,
                    reopened_by=u.reopened_by,
                )
            )
        return found

    def add(self, rma: Rma) -> None:
        self.add_many([rma])

    def add_many(self, rmas: Sequence[Rma]) -> None:
        if not rmas:
            return
        # Build every row first, so a bad amount is refused before anything is written.
        headers = [_rma_values(r) for r in rmas]
        lines = [_line_values(r, ln) for r in rmas for ln in r.lines]
        units = [_unit_values(r, u) for r in rmas for u in r.units]
        try:
            with self.session.begin_nested():
                # Core executemany: one prepared statement per table, no ORM objects, no
                # RETURNING (the foreign keys use the codes, so no generated id is needed).
                self.session.execute(insert(_rmas), headers)
                if lines:
                    self.session.execute(insert(_lines), lines)
                if units:
                    self.session.execute(insert(_units), units)
        except IntegrityError as exc:
            raise self._explain_conflict(rmas) from exc

    def _explain_conflict(self, rmas: Sequence[Rma]) -> Conflict:
        """Name the first RMA or LPN that collided, as the fake does."""
        seen_codes: set[str] = set()
        seen_lpns: set[str] = set()
        existing_codes = set(self.get_many([r.code for r in rmas]))
        lpns = [u.lpn for r in rmas for u in r.units]
        existing_lpns: set[str] = set()
        for chunk in _chunks(lpns):
            existing_lpns.update(
                self.session.scalars(select(UnitRow.lpn).where(UnitRow.lpn.in_(chunk)))
            )
        for rma in rmas:
            if rma.code in existing_codes or rma.code in seen_codes:
                return Conflict(f"RMA {rma.code} exists already", code=rma.code)
            seen_codes.add(rma.code)
            for unit in rma.units:
                if unit.lpn in existing_lpns or unit.lpn in seen_lpns:
                    return Conflict(f"LPN {unit.lpn} exists already", lpn=unit.lpn)
                seen_lpns.add(unit.lpn)
        return Conflict("the RMAs collide with stored ones or break a constraint")

    def replace_lines(self, rma: Rma) -> None:
        exists = self.session.scalar(select(RmaRow.id).where(RmaRow.code == rma.code))
        if exists is None:
            raise NotFound(f"RMA {rma.code} not found", code=rma.code)
        # FOR UPDATE (PostgreSQL): a station claiming a unit right now waits for this rewrite
        # instead of having its claim deleted under it.
        states = self.session.scalars(
            select(UnitRow.state).where(UnitRow.rma_code == rma.code).with_for_update()
        ).all()
        if any(s != UnitState.EXPECTED.value for s in states):
            raise Conflict(f"RMA {rma.code} is already being inspected", code=rma.code)
        new = replace(rma, lines=[replace(ln) for ln in rma.lines], units=[])
        new.build_units()
        header = _rma_values(new)
        line_rows = [_line_values(new, ln) for ln in new.lines]
        unit_rows = [_unit_values(new, u) for u in new.units]
        self.session.execute(delete(_units).where(_units.c.rma_code == rma.code))
        self.session.execute(delete(_lines).where(_lines.c.rma_code == rma.code))
        self.session.execute(update(_rmas).where(_rmas.c.code == rma.code).values(header))
        if line_rows:
            self.session.execute(insert(_lines), line_rows)
        if unit_rows:
            self.session.execute(insert(_units), unit_rows)

    def save_unit(
        self,
        lpn: str,
        state: UnitState,
        claimed_station: str | None,
        claimed_by: str | None,
        claimed_at: datetime | None,
        expected_version: int,
    ) -> int:
        # One conditional UPDATE: on PostgreSQL a concurrent writer waits for the row lock,
        # then finds the version moved on and matches nothing.
        result = self.session.execute(
            update(_units)
            .where(_units.c.lpn == lpn, _units.c.version == expected_version)
            .values(
                state=_text(state),
                claimed_station=claimed_station,
                claimed_by=claimed_by,
                claimed_at=claimed_at,
                version=_units.c.version + 1,
            )
        )
        if _rowcount(result) == 1:
            return expected_version + 1
        if self.session.scalar(select(UnitRow.id).where(UnitRow.lpn == lpn)) is None:
            raise NotFound(f"unit {lpn} not found", lpn=lpn)
        raise Conflict(f"unit {lpn} was changed by someone else; scan it again", lpn=lpn)

    def set_reopened_by(self, lpn: str, username: str) -> None:
        result = self.session.execute(
            update(_units).where(_units.c.lpn == lpn).values(reopened_by=username)
        )
        if _rowcount(result) != 1:
            raise NotFound(f"unit {lpn} not found", lpn=lpn)

    def lock_unit(self, lpn: str) -> None:
        # SQLite needs no row lock: every write transaction there is BEGIN IMMEDIATE.
        if self._is_pg:
            self.session.execute(select(UnitRow.id).where(UnitRow.lpn == lpn).with_for_update())

    def units_in_state(self, state: UnitState, limit: int = 500) -> list[str]:
        return list(
            self.session.scalars(
                select(UnitRow.lpn)
                .join(RmaRow, RmaRow.code == UnitRow.rma_code)
                .where(UnitRow.state == _text(state))
                .order_by(RmaRow.id, UnitRow.id)
                .limit(limit)
            )
        )

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(RmaRow)) or 0


# --- inspections ---------------------------------------------------------------------------


class SqlInspectionRepository(_Repo):
    def add(self, inspection: Inspection) -> None:
        row = InspectionRow(
            id=inspection.id,
            lpn=inspection.lpn,
            inspector=inspection.inspector,
            station=inspection.station,
            started_at=inspection.started_at,
            ended_at=inspection.ended_at,
            grade=_text(inspection.grade),
            finding=_text(inspection.finding),
            checklist={str(k): _text(v) for k, v in inspection.checklist.items()},
            serial=inspection.serial,
            notes=inspection.notes,
        )
        photos = [
            PhotoRow(
                inspection_id=inspection.id,
                position=position,
                sha256=p.sha256,
                captured_at=p.captured_at,
                station=p.station,
                original_name=p.original_name,
                width=p.width,
                height=p.height,
            )
            for position, p in enumerate(inspection.photos)
        ]
        with self._unique(
            f"inspection {inspection.id} exists already or unit {inspection.lpn} is unknown",
            inspection_id=inspection.id,
            lpn=inspection.lpn,
        ):
            self.session.add(row)
            # Two flushes: without a relationship the ORM does not know photos come second.
            self.session.flush()
            self.session.add_all(photos)
            self.session.flush()

    def get(self, inspection_id: str) -> Inspection | None:
        found = self._build(
            self.session.scalars(
                select(InspectionRow)
                .where(InspectionRow.id == inspection_id)
                .execution_options(populate_existing=True)
            ).all()
        )
        return found[0] if found else None

    def for_unit(self, lpn: str) -> list[Inspection]:
        return self._build(
            self.session.scalars(
                select(InspectionRow)
                .where(InspectionRow.lpn == lpn)
                .order_by(InspectionRow.started_at, InspectionRow.pk)
                .execution_options(populate_existing=True)
            ).all()
        )

    def _build(self, rows: Sequence[InspectionRow]) -> list[Inspection]:
        if not rows:
            return []
        photos: dict[str, list[Photo]] = {r.id: [] for r in rows}
        for chunk in _chunks(photos):
            for p in self.session.scalars(
                select(PhotoRow)
                .where(PhotoRow.inspection_id.in_(chunk))
                .order_by(PhotoRow.inspection_id, PhotoRow.position)
                .execution_options(populate_existing=True)
            ):
                photos[p.inspection_id].append(
                    Photo(
                        sha256=p.sha256,
                        captured_at=p.captured_at,
                        station=p.station,
                        original_name=p.original_name,
                        width=p.width,
                        height=p.height,
                    )
                )
        return [
            Inspection(
                id=r.id,
                lpn=r.lpn,
                inspector=r.inspector,
                station=r.station,
                started_at=r.started_at,
                ended_at=r.ended_at,
                grade=Grade(r.grade),
                finding=Finding(r.finding),
                checklist={k: ChecklistAnswer(v) for k, v in (r.checklist or {}).items()},
                serial=r.serial,
                notes=r.notes,
                photos=photos[r.id],
            )
            for r in rows
        ]


# --- decisions and the finance export ------------------------------------------------------


def _outcome_values(prefix: str, outcome: Outcome, currency: str) -> dict[str, Any]:
    return {
        f"{prefix}_headline": _text(outcome.headline),
        f"{prefix}_resolution": _text(outcome.resolution),
        f"{prefix}_disposition": _text(outcome.disposition),
        f"{prefix}_deduction_pct": outcome.deduction_pct,
        f"{prefix}_refund_minor": to_minor(
            outcome.refund_amount, currency, f"{prefix} refund amount"
        ),
        f"{prefix}_recovery": _text(outcome.recovery) if outcome.recovery else None,
        f"{prefix}_recovery_minor": _opt_to_minor(
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
        "reasons": _reasons_to_json(d.reasons),
        "approval_reasons": _reasons_to_json(d.approval_reasons),
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
        recovery_amount=_opt_from_minor(recovery_minor, currency),
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
        reasons=_reasons_from_json(r.reasons),
        approval_reasons=_reasons_from_json(r.approval_reasons),
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


class SqlDecisionRepository(_Repo):
    def add(self, decision: Decision) -> None:
        values = _decision_values(decision)
        with self._unique(
            f"decision {decision.id} exists already, or its unit or inspection is unknown",
            decision_id=decision.id,
            lpn=decision.lpn,
        ):
            self.session.add(DecisionRow(**values))
            self.session.flush()
        # The dashboard's fact row follows the unit's current decision (adapters/sql_facts).
        refresh_facts(self.session, [decision.lpn])

    def save(self, decision: Decision) -> None:
        # The export batch is not saved here: only assign_export_batch puts a decision in one.
        values = _decision_values(decision)
        del values["id"]
        result = self.session.execute(
            update(_decisions).where(_decisions.c.id == decision.id).values(values)
        )
        if _rowcount(result) == 0:
            raise NotFound(f"decision {decision.id} not found")
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
        members = _rowcount(
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
        return _rowcount(self.session.execute(stmt, execution_options={"preserve_rowcount": True}))

    def reversed_rows(self, batch_id: str) -> builtins.list[ExportRow]:
        rv, d, u, r, ln = _reversals.c, _decisions.c, _units.c, _rmas.c, _lines.c
        stmt = (
            _export_columns()
            .add_columns(rv.reversed_batch)
            .select_from(
                _reversals.join(_decisions, d.pk == rv.decision_id)
                .join(_units, u.lpn == d.lpn)
                .join(_rmas, r.code == u.rma_code)
                .join(_lines, and_(ln.rma_code == u.rma_code, ln.line_no == u.line_no))
            )
            .where(rv.batch_id == batch_id)
            .order_by(rv.lpn.collate("C") if self._is_pg else rv.lpn, rv.decided_at, rv.decision_id)
        )
        found: builtins.list[ExportRow] = []
        for *cells, reversed_batch in self.session.connection().execute(stmt).all():
            # The row as its own batch exported it: that batch's id, not this one's.
            found.extend(_export_row_stream([tuple(cells)], reversed_batch))
        return found

    def export_rows(self, batch_id: str) -> Iterator[ExportRow]:
        m, d, u, r, ln = _members.c, _decisions.c, _units.c, _rmas.c, _lines.c
        # The membership index (batch_id, lpn, decided_at, decision_id) gives this order;
        # lpn is collated "C" on PostgreSQL, bytewise (BINARY) on SQLite.
        lpn_order = m.lpn.collate("C") if self._is_pg else m.lpn
        stmt = (
            _export_columns()
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
        return _export_row_stream(result, batch_id)

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
            _export_columns()
            .select_from(
                _decisions.join(_units, u.lpn == d.lpn)
                .join(_rmas, r.code == u.rma_code)
                .join(_lines, and_(ln.rma_code == u.rma_code, ln.line_no == u.line_no))
            )
            .where(self._unexported())
            .order_by(d.lpn.collate("C") if self._is_pg else d.lpn, d.decided_at, d.pk)
            .limit(limit)
        )
        return builtins.list(_export_row_stream(self.session.connection().execute(stmt), ""))

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
        for chunk in _chunks(sorted(set(batch_ids))):
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


def _export_columns() -> Any:
    """The finance export's columns, in ``ExportRow`` order (see ``_export_row_stream``)."""
    d, r, ln = _decisions.c, _rmas.c, _lines.c
    return select(
        r.code,
        r.order_id,
        r.market,
        ln.sku,
        d.lpn,
        d.currency,
        d.unit_price_minor,
        d.final_deduction_pct,
        d.final_refund_minor,
        d.final_resolution,
        d.final_headline,
        d.final_recovery,
        d.final_recovery_minor,
        d.decided_by,
        d.approved_by,
        # The times without UtcDateTime's per-cell call; made UTC below, as it does.
        type_coerce(d.approved_at, _PLAIN_TIME),
        type_coerce(d.refund_due_at, _PLAIN_TIME),
    )


def _export_row_stream(result: Any, batch_id: str) -> Iterator[ExportRow]:
    """``ExportRow``s from the tuples of ``_export_columns`` (streamed as they come)."""
    exponents: dict[str, int] = {}
    dec = Decimal
    new_row = object.__new__
    fields = _EXPORT_ROW_FIELDS
    utc = UTC
    for (
        code,
        order_id,
        market,
        sku,
        lpn,
        currency,
        price,
        pct,
        refund,
        resolution,
        headline,
        recovery,
        recovery_minor,
        decided_by,
        approved_by,
        approved_at,
        refund_due_at,
    ) in result:
        exp = exponents.get(currency)
        if exp is None:
            exp = exponents[currency] = -minor_digits(currency)
        if approved_at is not None:
            approved_at = (
                approved_at.replace(tzinfo=utc) if approved_at.tzinfo is None else _utc(approved_at)
            )
        if refund_due_at is not None:
            refund_due_at = (
                refund_due_at.replace(tzinfo=utc)
                if refund_due_at.tzinfo is None
                else _utc(refund_due_at)
            )
        # ExportRow(...) without its generated __init__, which sets the 18 frozen fields
        # one object.__setattr__ at a time: the same object, at half the cost per row.
        row = new_row(ExportRow)
        row.__dict__.update(
            zip(
                fields,
                (
                    batch_id,
                    code,
                    order_id,
                    lpn,
                    sku,
                    market,
                    currency,
                    dec(price).scaleb(exp),
                    pct,
                    dec(refund).scaleb(exp),
                    resolution,
                    headline,
                    recovery or "",
                    None if recovery_minor is None else dec(recovery_minor).scaleb(exp),
                    decided_by,
                    approved_by or "",
                    approved_at,
                    refund_due_at,
                    "",  # reverses_batch: set on reversal rows only (reversed_rows)
                ),
                strict=True,
            )
        )
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


class SqlExportBatchRepository(_Repo):
    def add(self, batch: ExportBatch) -> None:
        with self._unique(f"export batch {batch.id} exists already", batch_id=batch.id):
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


# --- users ---------------------------------------------------------------------------------


def _user(r: UserRow) -> User:
    return User(
        username=r.username,
        full_name=r.full_name,
        role=Role(r.role),
        password_hash=r.password_hash,
        active=r.active,
        badge=r.badge,
        pin_hash=r.pin_hash,
        failed_attempts=r.failed_attempts,
        locked_until=r.locked_until,
        created_at=r.created_at,
        must_change_password=bool(r.must_change_password),
    )


def _copy_user(user: User, row: UserRow) -> None:
    row.full_name = user.full_name
    row.role = _text(user.role)
    row.password_hash = user.password_hash
    row.active = user.active
    # An empty badge means none: stored as NULL so that the unique index ignores it.
    row.badge = user.badge or None
    row.pin_hash = user.pin_hash
    row.failed_attempts = user.failed_attempts
    row.locked_until = user.locked_until
    row.created_at = user.created_at
    row.must_change_password = user.must_change_password


class SqlUserRepository(_Repo):
    def _row(self, username: str) -> UserRow | None:
        return self.session.get(UserRow, username, populate_existing=True)

    def get(self, username: str) -> User | None:
        row = self._row(username)
        return _user(row) if row is not None else None

    def get_by_badge(self, badge: str) -> User | None:
        if not badge:
            return None
        row = self.session.scalars(
            select(UserRow).where(UserRow.badge == badge).execution_options(populate_existing=True)
        ).first()
        return _user(row) if row is not None else None

    def add(self, user: User) -> None:
        row = UserRow(username=user.username)
        _copy_user(user, row)
        with self._unique(
            f"user {user.username} exists already, or badge is taken", username=user.username
        ):
            self.session.add(row)
            self.session.flush()

    def save(self, user: User) -> None:
        row = self._row(user.username)
        with self._unique(f"badge of user {user.username} is taken", username=user.username):
            if row is None:
                row = UserRow(username=user.username)
                self.session.add(row)
            _copy_user(user, row)
            self.session.flush()

    def get_for_update(self, username: str) -> User | None:
        # SQLite needs no row lock: every write transaction there is BEGIN IMMEDIATE.
        if not self._is_pg:
            return self.get(username)
        row = self.session.scalars(
            select(UserRow)
            .where(UserRow.username == username)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).first()
        return _user(row) if row is not None else None

    def lock_users(self) -> None:
        if self._is_pg:
            # Under READ COMMITTED the waiting transaction's next statements then see the
            # first one's users (see the port).
            self.session.execute(select(func.pg_advisory_xact_lock(USERS_LOCK_KEY)))

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(UserRow)) or 0

    def list(self) -> builtins.list[User]:
        rows = self.session.scalars(
            select(UserRow)
            .order_by(self._bytewise(UserRow.username))
            .execution_options(populate_existing=True)
        )
        return [_user(r) for r in rows]


# --- audit log -----------------------------------------------------------------------------


def _event(r: Any) -> AuditEvent:
    return AuditEvent(
        seq=r.seq,
        actor=r.actor,
        station=r.station,
        at=r.at,
        entity=r.entity,
        entity_id=r.entity_id,
        action=r.action,
        old=r.old,
        new=r.new,
        prev_hash=r.prev_hash,
        hash=r.hash,
        record_sha256=r.record_sha256,
    )


def _audit_values(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "actor": event.actor,
        "station": event.station,
        "at": event.at,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "action": event.action,
        "old": event.old,
        "new": event.new,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
        "record_sha256": event.record_sha256,
    }


class SqlAuditRepository(_Repo):
    def __init__(self, session: Session, records: RecordDigests | None = None) -> None:
        super().__init__(session)
        self._staged: list[AuditEntry] = []
        #: Where the digests of the records the events are about come from (SPEC §6).
        self._records = records

    def stage(self, entry: AuditEntry) -> None:
        self._staged.append(entry)

    def write_staged(self) -> list[AuditEvent]:
        if not self._staged:
            return []
        # Everything else of the transaction is flushed first (its row locks taken, its
        # constraints checked), so the head is locked only for the appends and the commit.
        self.session.flush()
        # The records as this transaction leaves them, read before the head is locked.
        digests = entry_record_digests(self._staged, self._records.digests) if self._records else {}
        events = chain_entries(self.last(), self._staged, digests)
        self._staged.clear()
        # One INSERT for all: last() read the head under its lock (PostgreSQL) or inside
        # SQLite's write transaction, so append's max(seq) check would only repeat it; the
        # unique seq still refuses anything that slipped past.
        with self._unique("audit log moved on; retry", seq=events[0].seq):
            self.session.execute(insert(_audit), [_audit_values(e) for e in events])
        return events

    def discard_staged(self) -> None:
        self._staged.clear()

    def last(self) -> AuditEvent | None:
        if self._is_pg:
            self._lock_head()
        row = self.session.execute(select(_audit).order_by(_audit.c.seq.desc()).limit(1)).first()
        return _event(row) if row is not None else None

    def _lock_head(self) -> None:
        # Imported here: a SQLite station never loads the PostgreSQL dialect.
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        # Under READ COMMITTED, a second station blocks here until the first commits; its
        # next statement then sees the event the first appended.
        lock = select(AuditHeadLockRow.id).where(AuditHeadLockRow.id == AUDIT_LOCK_ID)
        if self.session.scalar(lock.with_for_update()) is None:
            # The migration inserts the row; recreate it if someone removed it.
            self.session.execute(
                pg_insert(AuditHeadLockRow)
                .values(id=AUDIT_LOCK_ID)
                .on_conflict_do_nothing(index_elements=["id"])
            )
            self.session.scalar(lock.with_for_update())

    def append(self, event: AuditEvent) -> None:
        newest = self.session.scalar(select(func.max(AuditEventRow.seq)))
        if newest is not None and event.seq != newest + 1:
            raise Conflict("audit log moved on; retry", seq=event.seq, newest=newest)
        with self._unique("audit log moved on; retry", seq=event.seq):
            self.session.execute(insert(_audit).values(**_audit_values(event)))

    def iterate(self) -> Iterator[AuditEvent]:
        rows = self.session.execute(
            select(_audit).order_by(_audit.c.seq),
            execution_options={"yield_per": STREAM_BATCH},
        )
        for row in rows:
            yield _event(row)

    def for_entity(self, entity: str, entity_id: str) -> list[AuditEvent]:
        rows = self.session.execute(
            select(_audit)
            .where(_audit.c.entity == entity, _audit.c.entity_id == entity_id)
            .order_by(_audit.c.seq)
        )
        return [_event(r) for r in rows]


# --- product catalog -----------------------------------------------------------------------


def _product_values(p: Product) -> dict[str, Any]:
    return {
        "sku": p.sku,
        "name": p.name,
        "category": p.category,
        "supplier": p.supplier,
        "unit_price_minor": _opt_to_minor(p.unit_price, p.currency, f"price of {p.sku}"),
        "currency": p.currency,
        "units_sold": p.units_sold,
    }


def _product(r: Any) -> Product:
    return Product(
        sku=r.sku,
        name=r.name,
        category=r.category,
        supplier=r.supplier,
        unit_price=_opt_from_minor(r.unit_price_minor, r.currency),
        currency=r.currency,
        units_sold=r.units_sold,
    )


class SqlCatalogRepository(_Repo):
    def get(self, sku: str) -> Product | None:
        return self.get_many([sku]).get(sku)

    def get_many(self, skus: Collection[str]) -> dict[str, Product]:
        found: dict[str, Product] = {}
        for chunk in _chunks(dict.fromkeys(skus)):
            for row in self.session.execute(select(_products).where(_products.c.sku.in_(chunk))):
                found[row.sku] = _product(row)
        return found

    def upsert_many(self, products: Sequence[Product]) -> tuple[int, int]:
        stored = self.get_many([p.sku for p in products])
        current = dict(stored)
        added = updated = 0
        # Count as the fake does, product by product, so a SKU listed twice counts twice.
        for product in products:
            old = current.get(product.sku)
            if old is None:
                added += 1
            elif old != product:
                updated += 1
            current[product.sku] = product
        new_rows = [_product_values(p) for sku, p in current.items() if sku not in stored]
        changed_rows = [
            _product_values(p) for sku, p in current.items() if sku in stored and stored[sku] != p
        ]
        if new_rows:
            self.session.execute(insert(_products), new_rows)
        if changed_rows:
            # executemany of one UPDATE; "b_sku" because "sku" is also a column being set.
            for row in changed_rows:
                row["b_sku"] = row.pop("sku")
            self.session.execute(
                update(_products)
                .where(_products.c.sku == bindparam("b_sku"))
                .values(
                    {
                        c: bindparam(c)
                        for c in (
                            "name",
                            "category",
                            "supplier",
                            "unit_price_minor",
                            "currency",
                            "units_sold",
                        )
                    }
                ),
                changed_rows,
            )
        return added, updated


# --- policies ------------------------------------------------------------------------------


class SqlPolicyRepository(_Repo):
    def ensure(self, policy_hash: str, text: str, at: datetime) -> None:
        if self.get(policy_hash) is not None:
            return
        try:
            with self.session.begin_nested():
                self.session.execute(
                    insert(PolicyRow).values(hash=policy_hash, text=text, created_at=at)
                )
        except IntegrityError:
            # Another station stored the same policy a moment ago: nothing to do.
            pass

    def get(self, policy_hash: str) -> str | None:
        return self.session.scalar(select(PolicyRow.text).where(PolicyRow.hash == policy_hash))

    def activate(self, activation: PolicyActivation) -> None:
        # The foreign key refuses a hash whose text was never kept (ensure it first).
        with self._unique(
            f"policy {activation.policy_hash} is not stored", policy_hash=activation.policy_hash
        ):
            self.session.execute(
                insert(PolicyActivationRow).values(
                    policy_hash=activation.policy_hash,
                    activated_at=activation.activated_at,
                    activated_by=activation.activated_by,
                    station=activation.station,
                    note=activation.note,
                )
            )

    def active(self) -> PolicyActivation | None:
        found = self.activations(limit=1)
        return found[0] if found else None

    def activations(self, limit: int = 100) -> builtins.list[PolicyActivation]:
        rows = self.session.scalars(
            select(PolicyActivationRow).order_by(PolicyActivationRow.id.desc()).limit(limit)
        )
        return [
            PolicyActivation(r.policy_hash, r.activated_at, r.activated_by, r.station, r.note)
            for r in rows
        ]
