"""The dashboard's fact rows (``decision_facts``) follow each unit's current decision on
SQLite and PostgreSQL: written with a decision, moved by approval, removed by rejection and
superseding, replaced by the decision after a reopen, stamped by the finance export, and
equal to what the migration's back-fill computes from the same data."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from alembic import command
from sqlalchemy import Engine, select

from qc_station.adapters.migrate import alembic_config
from qc_station.adapters.orm import DecisionFactRow
from qc_station.adapters.sql.facts import refresh_facts
from qc_station.adapters.sql.uow import SqlUnitOfWork
from qc_station.domain.model import DecisionStatus
from qc_station.services.ports import ExportBatch
from tests.integration.conftest import EngineMaker, UowFactory
from tests.stats_data import _A, _DEFECT, _TRANSIT, _at, _Writer

_COLUMNS = [c for c in DecisionFactRow.__table__.c]


def _facts(uow_factory: UowFactory) -> dict[str, dict[str, Any]]:
    with uow_factory() as uow:
        assert isinstance(uow, SqlUnitOfWork)
        rows = uow.session.execute(select(*_COLUMNS).order_by(DecisionFactRow.lpn))
        return {row.lpn: dict(row._mapping) for row in rows}


def _set_status(uow_factory: UowFactory, decision_id: str, status: str) -> None:
    with uow_factory() as uow:
        decision = uow.decisions.get(decision_id)
        assert decision is not None
        uow.decisions.save(replace(decision, status=status))
        uow.commit()


def test_fact_row_follows_the_current_decision(sql_uow_factory: UowFactory) -> None:
    with sql_uow_factory() as uow:
        w = _Writer(uow)
        lpn = w.unit("RMA-F1", _A, "  Arrived damaged ", _TRANSIT, _at(9), 125, "pending")
        other = w.unit("RMA-F2", _A, "Defective", _DEFECT, _at(10), 60, "pending")
        uow.commit()

    facts = _facts(sql_uow_factory)
    assert set(facts) == {lpn, other}
    row = facts[lpn]
    assert (row["status"], row["decided_at"], row["sku"], row["carrier"], row["market"]) == (
        "pending",
        _at(9),
        "SKU-A",
        "DHL",
        "US",
    )
    assert (row["reason"], row["finding"], row["grade"], row["seconds"]) == (
        "Arrived damaged",
        "TRANSIT_DAMAGE",
        "D",
        125,
    )
    assert (row["supplier"], row["category"], row["inspector"]) == (
        "Shenzhen Audio",
        "electronics",
        "ines",
    )

    # Approved: the same row, now final.
    _set_status(sql_uow_factory, "dec-001", DecisionStatus.FINAL)
    assert _facts(sql_uow_factory)[lpn]["status"] == "final"

    # Rejected: the unit has no current decision, so no row (the other unit keeps its own).
    _set_status(sql_uow_factory, "dec-002", DecisionStatus.REJECTED)
    assert set(_facts(sql_uow_factory)) == {lpn}

    # Reopened: the old decision is superseded and the new one takes the row over.
    _set_status(sql_uow_factory, "dec-001", DecisionStatus.SUPERSEDED)
    assert _facts(sql_uow_factory) == {}
    with sql_uow_factory() as uow:
        w = _Writer(uow)
        w.n = 2
        w.decision(lpn, _A, _DEFECT, _at(12), 40, DecisionStatus.FINAL)
        assert isinstance(uow, SqlUnitOfWork)
        new_pk = uow.session.scalar(
            select(DecisionFactRow.decision_pk).where(DecisionFactRow.lpn == lpn)
        )
        uow.commit()
    row = _facts(sql_uow_factory)[lpn]
    assert (row["status"], row["decided_at"], row["finding"], row["grade"], row["seconds"]) == (
        "final",
        _at(12),
        "DEFECT",
        "C",
        40,
    )
    assert row["decision_pk"] == new_pk and row["exported_at"] is None
    assert row["refund_due_at"] == _at(12) + timedelta(hours=48)

    # Exported: the batch's time reaches the row when the dashboard next looks (the export
    # leaves it, to stay fast), once per batch.
    exported_at = _at(13)
    with sql_uow_factory() as uow:
        assert uow.decisions.assign_export_batch("FIN-20261113-01") == 1
        uow.exports.add(
            ExportBatch("FIN-20261113-01", exported_at, "sofia", "DESK", 1, "0" * 64, "1:" + "0")
        )
        uow.commit()
    assert _facts(sql_uow_factory)[lpn]["exported_at"] is None
    with sql_uow_factory() as uow:
        assert uow.stats.batches_to_sync() == ["FIN-20261113-01"]
        uow.stats.sync_batch("FIN-20261113-01")
        uow.commit()
    assert _facts(sql_uow_factory)[lpn]["exported_at"] == exported_at
    with sql_uow_factory() as uow:
        assert uow.stats.batches_to_sync() == []

    # A rolled-back change leaves the row as it was.
    with sql_uow_factory() as uow:
        decision = uow.decisions.get("dec-003")
        assert decision is not None
        uow.decisions.save(replace(decision, status=DecisionStatus.SUPERSEDED))
    assert set(_facts(sql_uow_factory)) == {lpn}


def test_incremental_rows_equal_a_rebuild_and_the_migration_backfill(
    sql_uow_factory: UowFactory, engines: EngineMaker
) -> None:
    from tests.stats_data import build_stats_data

    build_stats_data(sql_uow_factory)
    with sql_uow_factory() as uow:  # what the dashboard does before it reads
        for batch_id in uow.stats.batches_to_sync():
            uow.stats.sync_batch(batch_id)
        uow.commit()
    kept = _facts(sql_uow_factory)
    assert len(kept) == 40  # 41 units; X2's only decision was rejected

    with sql_uow_factory() as uow:
        assert isinstance(uow, SqlUnitOfWork)
        refresh_facts(uow.session, None)
        uow.commit()
    assert _facts(sql_uow_factory) == kept

    # Down to 0007 and up again: the back-fill computes the same rows from the same data.
    engine: Engine = sql_uow_factory.engine  # type: ignore[attr-defined]
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0007_recovery")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "heads")
    assert _facts(sql_uow_factory) == kept
