"""``qc-station history CODE`` end to end on a real SQLite file (SPEC §8, §11): a unit's story
by LPN, an order's units, a SKU's list, an unknown code refused, an inspector refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Run
from tests.e2e.test_cli_flow import HOME_OK, MANIFEST, PASSWORD


@pytest.fixture
def site(qc: Run, tmp_path: Path) -> Path:
    """An admin, an inspector and a supervisor, and the manifest imported (one bad row)."""
    assert qc("users", "add", "admin", "--role", "admin", new_password=PASSWORD).code == 0
    for name, role in (("ines", "inspector"), ("sofia", "supervisor")):
        added = qc(
            "users", "add", name, "--role", role,
            user="admin", password=PASSWORD, new_password=PASSWORD,
        )  # fmt: skip
        assert added.code == 0, added.err
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    assert qc("import", str(manifest), user="admin", password=PASSWORD).code == 1  # a bad row
    return tmp_path


def test_history_tells_a_units_story_and_refuses_an_unknown_code(qc: Run, site: Path) -> None:
    decided = qc(
        "inspect",
        "RMA-2026-000001-1",
        "--grade",
        "A",
        "--finding",
        "NO_FAULT",
        *HOME_OK,
        user="ines",
        password=PASSWORD,
    )
    assert decided.code == 0, decided.err
    story = qc("history", "RMA-2026-000001-1", user="sofia", password=PASSWORD)
    assert story.code == 0, story.err
    assert "History of LPN RMA-2026-000001-1 (times in UTC)" in story.out
    assert "RESTOCK" in story.out and "decided by ines" in story.out
    events = story.out.split("Events:")[1]
    assert events.index(" import ") < events.index(" record") < events.index(" decide")
    assert "ines@ST-E2E" in events and "state: expected → decided" in events
    by_order = qc("history", "ORD-2", user="sofia", password=PASSWORD)
    assert by_order.code == 0 and "RMA-2026-000002-2" in by_order.out
    by_sku = qc("history", "SKU-CUP", user="sofia", password=PASSWORD)
    assert by_sku.code == 0 and "SKU SKU-CUP: 2 units" in by_sku.out
    unknown = qc("history", "NOPE-404", user="sofia", password=PASSWORD)
    assert unknown.code == 1 and "Traceback" not in unknown.err
    assert unknown.err.startswith("qc-station: error:") and "NOPE-404" in unknown.err
    refused = qc("history", "RMA-2026-000001-1", user="ines", password=PASSWORD)
    assert refused.code == 1 and "Traceback" not in refused.err
