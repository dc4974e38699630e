"""Migration 0002 keeps every export batch assignment: batches marked before it (in the
``decisions.export_batch`` column of 0001) are the same batches after it, in the narrow
``export_batch_members`` table; and a downgrade puts them back. A batch that moved or
vanished would export a refund twice or re-export a different file."""

from __future__ import annotations

from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import text

from qc_station.adapters.migrate import alembic_config, upgrade
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory

from .conftest import EngineMaker
from .test_repository_contract import make_decision, make_inspection, make_rma, seed


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def migrated_url(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))


def _members(conn) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    rows = conn.execute(
        text(
            "SELECT d.id, m.batch_id FROM export_batch_members m "
            "JOIN decisions d ON d.pk = m.decision_id ORDER BY d.id"
        )
    )
    return [(r[0], r[1]) for r in rows]


def test_batches_survive_a_downgrade_and_the_upgrade_back(
    migrated_url: str, engines: EngineMaker
) -> None:
    engine = engines(migrated_url)
    factory = SqlUnitOfWorkFactory(engine)
    seed(factory, make_rma("RMA-M", lines=((Decimal("10.00"), 3),)))
    with factory() as uow:
        for n in (1, 2, 3):
            uow.inspections.add(make_inspection(f"RMA-M-{n}", f"insp-{n}"))
            uow.decisions.add(make_decision(f"d-{n}", f"RMA-M-{n}", f"insp-{n}"))
        uow.commit()
    with factory() as uow:
        assert uow.decisions.assign_export_batch("EXP-A") == 3
        uow.commit()
    with factory() as uow:
        uow.decisions.add(make_decision("d-4", "RMA-M-1", "insp-1"))  # not yet exported
        uow.commit()
    with engine.connect() as conn:
        before = _members(conn)
    assert before == [("d-1", "EXP-A"), ("d-2", "EXP-A"), ("d-3", "EXP-A")]

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0001_initial")
    with engine.connect() as conn:
        old = conn.execute(text("SELECT id, export_batch FROM decisions ORDER BY id")).all()
    assert [tuple(r) for r in old] == [*before, ("d-4", None)]

    upgrade(engine)
    with engine.connect() as conn:
        assert _members(conn) == before
    with factory() as uow:
        assert uow.decisions.count_unexported() == 1
        assert [r.lpn for r in uow.decisions.export_rows("EXP-A")] == [
            "RMA-M-1",
            "RMA-M-2",
            "RMA-M-3",
        ]
