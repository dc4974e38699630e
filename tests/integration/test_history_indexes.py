"""Migration 0011 (issue 18): the unit history finds a unit by its RMA's order id, tracking
number or customer through an index on a real SQLite file, not by reading every RMA; the
migration goes down and up again; the ORM declares the same indexes (``test_database``
compares the whole metadata with the migrations)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, event, inspect, text

from qc_station.adapters.database import make_engine
from qc_station.adapters.migrate import alembic_config, current_revision, upgrade
from qc_station.adapters.orm import RmaRow
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from tests.builders import make_rma

INDEXES = {"ix_rmas_order_id", "ix_rmas_tracking", "ix_rmas_customer"}


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    made = make_engine(f"sqlite:///{tmp_path / 'qc.db'}")
    upgrade(made)
    return made


def _rma_indexes(engine: Engine) -> set[str]:
    return {str(i["name"]) for i in inspect(engine).get_indexes("rmas")}


def test_the_migration_adds_the_indexes_and_takes_them_away(engine: Engine) -> None:
    assert _rma_indexes(engine) >= INDEXES
    assert {str(i.name) for i in RmaRow.__table__.indexes} >= INDEXES
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0010_videos")
    assert not INDEXES & _rma_indexes(engine)
    upgrade(engine)
    assert current_revision(engine) == "0011_history_indexes"
    assert _rma_indexes(engine) >= INDEXES
    engine.dispose()


@pytest.mark.parametrize(
    ("field", "value", "index"),
    [
        ("order_id", "ORD-500", "ix_rmas_order_id"),
        ("tracking", "1Z500", "ix_rmas_tracking"),
        ("customer", "Customer 500", "ix_rmas_customer"),
    ],
)
def test_the_history_lookup_searches_the_index(
    engine: Engine, field: str, value: str, index: str
) -> None:
    uow = SqlUnitOfWorkFactory(engine)
    with uow() as work:
        for n in range(1000):
            work.rmas.add(
                make_rma(
                    f"RMA-IX-{n:04d}",
                    order_id=f"ORD-{n}",
                    tracking=f"1Z{n}",
                    customer=f"Customer {n}",
                )
            )
        work.commit()
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    seen: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if "FROM units JOIN rmas" in statement:
            seen.append((statement, params))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        with uow() as work:
            found = work.rmas.units_matching(field, value, 50)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert [r.lpn for r in found] == ["RMA-IX-0500-1"]  # every value names RMA number 500
    [(statement, params)] = seen
    with engine.connect() as conn:
        plan = " | ".join(
            str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params)
        )
    assert f"USING INDEX {index}" in plan, plan
    assert "SCAN rmas" not in plan, plan
    engine.dispose()
