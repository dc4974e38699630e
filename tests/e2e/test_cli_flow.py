"""The command line end to end: first admin, users, import, inspect, four eyes, approve,
finance export exactly once, re-export byte-identical, audit verify — on a real SQLite file."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from qc_station import __version__
from tests.e2e.conftest import Run

PASSWORD = "correct horse battery"
MANIFEST = """\ufeffrma_code,order_id,customer,market,currency,order_date,delivery_date,request_date,requested_resolution,reason,carrier,tracking,sku,product_name,category,supplier,unit_price,quantity
RMA-2026-000001,ORD-1,Zoë Müller,DE,EUR,2026-10-01,2026-10-04,2026-10-10,refund,changed my mind,DHL,JD01,SKU-MUG,Kaffeemühle,home,Acme GmbH,49.90,1
RMA-2026-000002,ORD-2,张伟,CN,CNY,2026-10-02,2026-10-05,2026-10-12,refund,不想要了,SF Express,SF02,SKU-CUP,不锈钢保温杯,home,宁波杯业,199.00,2
RMA-2026-000003,ORD-3,François Dupré,FR,EUR,2026-10-03,,2026-10-15,refund,arrived damaged,DPD,DP03,SKU-EAR,Écouteurs sans fil,electronics,Shenzhen Audio,89.00,1
RMA-2026-000004,ORD-4,Bad Row,US,USD,2026-10-03,2026-10-05,2026-10-15,refund,defective,UPS,1Z04,SKU-X,Broken,home,Acme,-5,1
"""
HOME_OK = ["--checklist", "all_parts_present=pass", "--checklist", "no_breakage=pass"]
ELECTRONICS_OK = [
    arg
    for key in (
        "powers_on",
        "screen_intact",
        "accessories_present",
        "serial_matches",
        "no_liquid_damage",
    )
    for arg in ("--checklist", f"{key}=pass")
]


@pytest.fixture
def site(qc: Run, tmp_path: Path) -> Path:
    """A site with an admin, an inspector, two supervisors and the manifest imported."""
    first = qc(
        "users",
        "add",
        "admin",
        "--role",
        "admin",
        "--full-name",
        "Ada Admin",
        new_password=PASSWORD,
    )
    assert first.code == 0, first.err
    for name, role in (("ines", "inspector"), ("sofia", "supervisor"), ("sam", "supervisor")):
        added = qc(
            "users",
            "add",
            name,
            "--role",
            role,
            user="admin",
            password=PASSWORD,
            new_password=PASSWORD,
        )
        assert added.code == 0, added.err
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    imported = qc("import", str(manifest), user="admin", password=PASSWORD)
    assert imported.code == 1  # one bad row
    assert "1 row not imported" in imported.err
    errors = (tmp_path / "manifest.csv.errors.csv").read_text(encoding="utf-8-sig")
    assert "5" in errors and "negative" in errors
    return tmp_path


def test_version(qc: Run) -> None:
    result = qc("--version")
    assert result.code == 0 and result.out.strip() == f"qc-station {__version__}"


def test_the_second_user_needs_an_admin(qc: Run) -> None:
    assert qc("users", "add", "admin", "--role", "admin", new_password=PASSWORD).code == 0
    refused = qc("users", "add", "eve", "--role", "admin", password=PASSWORD)
    assert refused.code != 0 and "Traceback" not in refused.err
    assert refused.err.startswith("qc-station: error:")


def test_reimport_adds_nothing(qc: Run, site: Path) -> None:
    again = qc("import", str(site / "manifest.csv"), user="admin", password=PASSWORD)
    assert "Traceback" not in again.err
    assert (
        qc("import", str(site / "manifest.csv"), user="admin", password=PASSWORD).out == again.out
    )


def test_inspect_approve_export_once_and_reexport_identical(qc: Run, site: Path) -> None:
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
    assert "RESTOCK" in decided.out and "final" in decided.out

    pending = qc(
        "inspect",
        "RMA-2026-000002-1",
        "--grade",
        "B",
        "--finding",
        "NO_FAULT",
        *HOME_OK,
        user="sofia",
        password=PASSWORD,
    )
    assert pending.code == 0, pending.err
    assert "PARTIAL_REFUND" in pending.out and "pending" in pending.out

    own = qc("approve", "RMA-2026-000002-1", user="sofia", password=PASSWORD)
    assert own.code == 1 and "four eyes" in own.err and "Traceback" not in own.err
    inspector = qc("approve", "RMA-2026-000002-1", user="ines", password=PASSWORD)
    assert inspector.code == 1 and "may not approve" in inspector.err
    approved = qc("approve", "RMA-2026-000002-1", "--comment", "ok", user="sam", password=PASSWORD)
    assert approved.code == 0, approved.err

    out = site / "finance.csv"
    first = qc("export", "finance", "-o", str(out), user="sofia", password=PASSWORD)
    assert first.code == 0, first.err
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert sorted(r["lpn"] for r in rows) == ["RMA-2026-000001-1", "RMA-2026-000002-1"]
    by_lpn = {r["lpn"]: r for r in rows}
    assert by_lpn["RMA-2026-000002-1"]["refund_amount"] == "179.10"
    assert by_lpn["RMA-2026-000002-1"]["approved_by"] == "sam"
    batch = rows[0]["export_batch_id"]

    second = site / "second.csv"
    assert qc("export", "finance", "-o", str(second), user="sofia", password=PASSWORD).code == 0
    assert len(second.read_bytes().decode("utf-8-sig").strip().splitlines()) == 1  # header only

    again = site / "again.csv"
    redo = qc(
        "export", "finance", "--batch", batch, "-o", str(again), user="sofia", password=PASSWORD
    )
    assert redo.code == 0, redo.err
    assert again.read_bytes() == data

    verified = qc("audit", "verify", user="admin", password=PASSWORD)
    assert verified.code == 0, verified.out + verified.err
    head = verified.out.strip().splitlines()[-1]
    assert head.startswith("head ")
    checkpoint = head.removeprefix("head ")
    assert (
        qc("audit", "verify", "--checkpoint", checkpoint, user="admin", password=PASSWORD).code == 0
    )


def test_wrong_password_six_times_locks(qc: Run, site: Path) -> None:
    for _ in range(5):
        assert qc("approve", "RMA-2026-000001-1", user="sam", password="wrong").code == 1
    locked = qc("approve", "RMA-2026-000001-1", user="sam", password=PASSWORD)
    assert locked.code == 1 and "locked" in locked.err


def test_audit_verify_detects_an_edited_event(qc: Run, site: Path) -> None:
    assert (
        qc(
            "inspect",
            "RMA-2026-000001-1",
            "--grade",
            "A",
            "--finding",
            "NO_FAULT",
            *HOME_OK,
            user="ines",
            password=PASSWORD,
        ).code
        == 0
    )
    db = site / "data" / "qc_station.sqlite3"
    with sqlite3.connect(db) as conn:
        table = next(
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'audit%event%'"
            )
        )
        conn.execute(f"UPDATE {table} SET actor = 'mallory' WHERE seq = 2")
    tampered = qc("audit", "verify", user="admin", password=PASSWORD)
    assert tampered.code == 1
    assert "event 2" in tampered.out


def test_audit_verify_names_records_edited_behind_the_application(qc: Run, site: Path) -> None:
    """SPEC §6: the chain vouches for the records; a refund raised, a batch membership
    removed and a role raised in SQL are each reported with the record named."""
    inspected = qc(
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
    assert inspected.code == 0, inspected.err
    out = site / "finance.csv"
    assert qc("export", "finance", "-o", str(out), user="sofia", password=PASSWORD).code == 0
    clean = qc("audit", "verify", user="admin", password=PASSWORD)
    assert clean.code == 0, clean.out + clean.err
    with sqlite3.connect(site / "data" / "qc_station.sqlite3") as conn:
        decision, batch = conn.execute(
            "SELECT d.id, m.batch_id FROM decisions d "
            "JOIN export_batch_members m ON m.decision_id = d.pk"
        ).fetchone()
        conn.execute("UPDATE decisions SET final_refund_minor = 999999 WHERE id = ?", (decision,))
        conn.execute("DELETE FROM export_batch_members WHERE batch_id = ?", (batch,))
        conn.execute("UPDATE users SET role = 'admin' WHERE username = 'ines'")
    tampered = qc("audit", "verify", user="admin", password=PASSWORD)
    assert tampered.code == 1
    lines = tampered.out.strip().splitlines()
    assert f"problem: record decision {decision} changed since its last audited change" in (
        tampered.out
    )
    assert f"problem: record export {batch} changed" in tampered.out
    assert "problem: record user ines changed" in tampered.out
    assert lines[-2].startswith("FAILED: ") and lines[-1].startswith("head ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("inspect", "NOPE-1", "--grade", "A", "--finding", "NO_FAULT"),
            "Unknown LPN NOPE-1: no unit has it.",
        ),
        (
            (
                "inspect",
                "RMA-2026-000003-1",
                "--grade",
                "C",
                "--finding",
                "DEFECT",
                *ELECTRONICS_OK,
            ),
            "photo(s) needed",
        ),
        (
            ("inspect", "RMA-2026-000001-1", "--grade", "A", "--finding", "CUSTOMER_DAMAGE"),
            "cannot both be true",
        ),
        (("inspect", "RMA-2026-000001-1", "--grade", "Q", "--finding", "NO_FAULT"), "grade 'Q'"),
    ],
)
def test_bad_inspections_give_one_clear_line(
    qc: Run, site: Path, args: tuple[str, ...], message: str
) -> None:
    checklist = [] if "--checklist" in args else HOME_OK
    result = qc(*args, *checklist, user="ines", password=PASSWORD)
    assert result.code != 0
    assert message in result.err
    assert "Traceback" not in result.err


def test_a_second_decision_on_a_decided_unit_is_refused(qc: Run, site: Path) -> None:
    args = ("inspect", "RMA-2026-000001-1", "--grade", "A", "--finding", "NO_FAULT", *HOME_OK)
    assert qc(*args, user="ines", password=PASSWORD).code == 0
    second = qc(*args, user="ines", password=PASSWORD)
    assert second.code == 1 and "decided" in second.err


def test_a_database_that_cannot_be_reached_is_a_message(qc: Run) -> None:
    result = qc("--db", "postgresql+psycopg://qc:hunter2@127.0.0.1:1/qc", "db", "upgrade")
    assert result.code == 1
    assert "cannot reach the database" in result.err
    assert "hunter2" not in result.err and "Traceback" not in result.err


def test_debug_shows_the_traceback(qc: Run) -> None:
    result = qc("--debug", "--db", "postgresql+psycopg://qc:pw@127.0.0.1:1/qc", "db", "upgrade")
    assert result.code != 0 and "Traceback" in result.err
