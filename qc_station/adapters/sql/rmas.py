"""RMAs, their lines and units (``RmaRepository``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from qc_station.domain.enums import RequestedResolution, RmaSource, UnitState
from qc_station.domain.errors import Conflict, NotFound
from qc_station.domain.model import Rma, RmaLine, Unit
from qc_station.services.ports import UNIT_SEARCH_FIELDS, UnitRef

from ..orm import RmaLineRow, RmaRow, UnitRow
from ._common import Repo, as_text, chunks, opt_from_minor, opt_to_minor, rowcount

# The tables behind the models, for Core statements (bulk inserts, conditional updates).
_rmas = cast(Table, RmaRow.__table__)
_lines = cast(Table, RmaLineRow.__table__)
_units = cast(Table, UnitRow.__table__)

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
        "requested_resolution": as_text(rma.requested_resolution),
        "stated_reason": rma.stated_reason,
        "carrier": rma.carrier,
        "tracking": rma.tracking,
        "source": as_text(rma.source),
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
        "unit_price_minor": opt_to_minor(
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
        "state": as_text(unit.state),
        "claimed_station": unit.claimed_station,
        "claimed_by": unit.claimed_by,
        "claimed_at": unit.claimed_at,
        "version": unit.version,
    }


class SqlRmaRepository(Repo):
    def get(self, code: str) -> Rma | None:
        return self._load([code]).get(code)

    def get_by_lpn(self, lpn: str) -> Rma | None:
        code = self.session.scalar(select(UnitRow.rma_code).where(UnitRow.lpn == lpn))
        return self.get(code) if code is not None else None

    def get_many(self, codes: Collection[str]) -> dict[str, Rma]:
        found: dict[str, Rma] = {}
        for chunk in chunks(dict.fromkeys(codes)):
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
                    unit_price=opt_from_minor(ln.unit_price_minor, rma.currency),
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
        for chunk in chunks(lpns):
            existing_lpns.update(
                self.session.scalars(select(UnitRow.lpn).where(UnitRow.lpn.in_(chunk)))
            )
        for rma in rmas:
            if rma.code in existing_codes or rma.code in seen_codes:
                return Conflict("rma.exists", code=rma.code)
            seen_codes.add(rma.code)
            for unit in rma.units:
                if unit.lpn in existing_lpns or unit.lpn in seen_lpns:
                    return Conflict("rma.lpn_exists", lpn=unit.lpn)
                seen_lpns.add(unit.lpn)
        return Conflict("rma.collision")

    def replace_lines(self, rma: Rma) -> None:
        exists = self.session.scalar(select(RmaRow.id).where(RmaRow.code == rma.code))
        if exists is None:
            raise NotFound("rma.not_found", code=rma.code)
        # FOR UPDATE (PostgreSQL): a station claiming a unit right now waits for this rewrite
        # instead of having its claim deleted under it.
        states = self.session.scalars(
            select(UnitRow.state).where(UnitRow.rma_code == rma.code).with_for_update()
        ).all()
        if any(s != UnitState.EXPECTED.value for s in states):
            raise Conflict("rma.being_inspected", code=rma.code)
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
                state=as_text(state),
                claimed_station=claimed_station,
                claimed_by=claimed_by,
                claimed_at=claimed_at,
                version=_units.c.version + 1,
            )
        )
        if rowcount(result) == 1:
            return expected_version + 1
        if self.session.scalar(select(UnitRow.id).where(UnitRow.lpn == lpn)) is None:
            raise NotFound("unit.unknown_lpn", code=lpn, lpn=lpn)
        raise Conflict("unit.changed", lpn=lpn)

    def set_reopened_by(self, lpn: str, username: str) -> None:
        result = self.session.execute(
            update(_units).where(_units.c.lpn == lpn).values(reopened_by=username)
        )
        if rowcount(result) != 1:
            raise NotFound("unit.unknown_lpn", code=lpn, lpn=lpn)

    def lock_unit(self, lpn: str) -> None:
        # SQLite needs no row lock: every write transaction there is BEGIN IMMEDIATE.
        if self._is_pg:
            self.session.execute(select(UnitRow.id).where(UnitRow.lpn == lpn).with_for_update())

    def units_in_state(self, state: UnitState, limit: int = 500) -> list[str]:
        return list(
            self.session.scalars(
                select(UnitRow.lpn)
                .join(RmaRow, RmaRow.code == UnitRow.rma_code)
                .where(UnitRow.state == as_text(state))
                .order_by(RmaRow.id, UnitRow.id)
                .limit(limit)
            )
        )

    def units_matching(self, field: str, value: str, limit: int = 50) -> list[UnitRef]:
        if field not in UNIT_SEARCH_FIELDS:
            raise ValueError(f"cannot search units by {field!r}")
        query = select(UnitRow.rma_code, UnitRow.lpn).join(RmaRow, RmaRow.code == UnitRow.rma_code)
        if field == "sku":
            # Only the units of the lines with that SKU (``sku`` is indexed).
            query = query.join(
                RmaLineRow,
                (RmaLineRow.rma_code == UnitRow.rma_code) & (RmaLineRow.line_no == UnitRow.line_no),
            ).where(RmaLineRow.sku == value)
        else:
            # order_id, tracking and customer are indexed (migration 0011).
            query = query.where(getattr(RmaRow, field) == value)
        rows = self.session.execute(query.order_by(RmaRow.id, UnitRow.id).limit(limit))
        return [UnitRef(r.rma_code, r.lpn) for r in rows]

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(RmaRow)) or 0
