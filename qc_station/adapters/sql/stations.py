"""The stations repository on SQLAlchemy (SPEC §10): heartbeats in ``stations`` and the
claims held in ``units``. Kept apart from the other repositories because it is the only one that
reads across stations rather than about one RMA or decision."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from qc_station.services.ports import ClaimRecord, StationRecord

from ..orm import StationRow, UnitRow


class SqlStationRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def _is_pg(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    def heartbeat(self, station: StationRecord) -> None:
        values = {
            "host": station.host,
            "version": station.version,
            "started_at": station.started_at,
            "last_seen": station.last_seen,
        }
        if self._is_pg:
            # One statement: two processes of one station starting at once cannot both
            # insert (the second updates).
            # Imported here: a SQLite station never loads the PostgreSQL dialect.
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            stmt = pg_insert(StationRow).values(name=station.name, **values)
            self.session.execute(stmt.on_conflict_do_update(index_elements=["name"], set_=values))
            return
        # SQLite: writers take turns (BEGIN IMMEDIATE), so update-then-insert is safe.
        result = self.session.execute(
            update(StationRow).where(StationRow.name == station.name).values(**values)
        )
        if getattr(result, "rowcount", 0) == 0:
            self.session.add(StationRow(name=station.name, **values))
            self.session.flush()

    def list_all(self) -> list[StationRecord]:
        name = StationRow.name.collate("C") if self._is_pg else StationRow.name
        rows = self.session.scalars(select(StationRow).order_by(name))
        return [StationRecord(r.name, r.host, r.version, r.started_at, r.last_seen) for r in rows]

    def claims(self) -> list[ClaimRecord]:
        lpn = UnitRow.lpn.collate("C") if self._is_pg else UnitRow.lpn
        rows = self.session.execute(
            select(UnitRow.lpn, UnitRow.claimed_station, UnitRow.claimed_by, UnitRow.claimed_at)
            .where(UnitRow.claimed_station.is_not(None))
            .order_by(UnitRow.claimed_at, lpn)
        )
        return [ClaimRecord(r[0], r[1] or "", r[2] or "", r[3]) for r in rows]
