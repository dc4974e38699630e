"""End to end through the real command and services, on a real SQLite file: an admin
activates a stricter return policy; an inspector decides a PARTIAL_REFUND under it; a
supervisor approves; finance exports it exactly once, the second export is empty and makes no
batch, and the batch re-exports byte-identical. ``test_cli_flow`` covers the basic export; this
adds the inspector's side, the policy versions and the refusals around them."""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import DEFAULT_POLICY_FILE
from tests.e2e.conftest import Run
from tests.e2e.test_cli_flow import HOME_OK, MANIFEST, PASSWORD

STRICTER = DEFAULT_POLICY_FILE.read_text(encoding="utf-8").replace(
    "B = 10, C = 30", "B = 20, C = 30"
)


@pytest.fixture
def site(qc: Run, tmp_path: Path) -> Path:
    assert qc("users", "add", "admin", "--role", "admin", new_password=PASSWORD).code == 0
    for name, role in (("ines", "inspector"), ("sam", "supervisor"), ("fin", "supervisor")):
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
    assert (
        qc("import", str(manifest), user="admin", password=PASSWORD).code == 1
    )  # the manifest's one bad row
    return tmp_path


def test_policy_commands_validate_activate_and_keep_the_history(qc: Run, site: Path) -> None:
    shown = qc("policy", "show", user="admin", password=PASSWORD)
    assert shown.code == 0, shown.err
    default_hash = hashlib.sha256(DEFAULT_POLICY_FILE.read_bytes()).hexdigest()
    assert f"policy {default_hash}: no policy activated" in shown.err
    assert shown.out == DEFAULT_POLICY_FILE.read_text(encoding="utf-8")
    assert "no policy activated yet" in qc("policy", "history", user="admin", password=PASSWORD).out

    bad = site / "bad.toml"
    bad.write_text("deduction_pct = { A = 0, B = 10 }\n", encoding="utf-8")
    invalid = qc("policy", "validate", str(bad), user="admin", password=PASSWORD)
    assert invalid.code == 1 and "Traceback" not in invalid.err
    assert "Policy key 'deduction_pct.C': missing" in invalid.out

    new = site / "stricter.toml"
    new.write_text(STRICTER, encoding="utf-8")
    checked = qc("policy", "validate", str(new), "--compare", user="admin", password=PASSWORD)
    assert checked.code == 0, checked.err
    assert "valid, sha256" in checked.out
    assert "ex02-no-fault-B-10pct-partial: deduction_pct 10 → 20" in checked.out

    refused = qc("policy", "activate", str(new), "--note", "x", user="sam", password=PASSWORD)
    assert refused.code == 1 and "may not manage the return policy" in refused.err
    no_note = qc("policy", "activate", str(new), user="admin", password=PASSWORD)
    assert no_note.code == 2 and "--note" in no_note.err
    wrong = qc("policy", "activate", str(bad), "--note", "x", user="admin", password=PASSWORD)
    assert wrong.code == 2 and "deduction_pct.C" in wrong.err

    done = qc(
        "policy", "activate", str(new), "--note", "B loses 20 %", user="admin", password=PASSWORD
    )
    assert done.code == 0, done.err
    new_hash = hashlib.sha256(STRICTER.encode("utf-8")).hexdigest()
    assert f"activated policy {new_hash}" in done.out
    again = qc("policy", "activate", str(new), "--note", "again", user="admin", password=PASSWORD)
    assert again.code == 1 and "already the active policy" in again.err

    shown = qc("policy", "show", user="admin", password=PASSWORD)
    assert f"policy {new_hash}: activated by admin" in shown.err and shown.out == STRICTER
    history = qc("policy", "history", user="admin", password=PASSWORD).out.strip().splitlines()
    assert len(history) == 1 and f"{new_hash}\tactive\tadmin\tST-E2E\tB loses 20 %" in history[0]


def test_inspector_decides_supervisor_approves_finance_exports_once(qc: Run, site: Path) -> None:
    new = site / "stricter.toml"
    new.write_text(STRICTER, encoding="utf-8")
    assert (
        qc("policy", "activate", str(new), "--note", "B 20 %", user="admin", password=PASSWORD).code
        == 0
    )
    new_hash = hashlib.sha256(STRICTER.encode("utf-8")).hexdigest()

    decided = qc(
        "inspect",
        "RMA-2026-000002-1",
        "--grade",
        "B",
        "--finding",
        "NO_FAULT",
        *HOME_OK,
        user="ines",
        password=PASSWORD,
    )
    assert decided.code == 0, decided.err
    assert "PARTIAL_REFUND" in decided.out and "pending" in decided.out

    # Nothing is final yet: the export is empty and makes no batch.
    early = site / "early.csv"
    empty = qc("export", "finance", "-o", str(early), user="fin", password=PASSWORD)
    assert empty.code == 0 and "nothing to export" in empty.out
    assert qc("export", "finance", "-o", str(early), user="ines", password=PASSWORD).code == 1

    assert qc("approve", "RMA-2026-000002-1", user="ines", password=PASSWORD).code == 1
    approved = qc("approve", "RMA-2026-000002-1", "--comment", "ok", user="sam", password=PASSWORD)
    assert approved.code == 0, approved.err

    first = site / "finance.csv"
    exported = qc("export", "finance", "-o", str(first), user="fin", password=PASSWORD)
    assert exported.code == 0, exported.err
    data = first.read_bytes()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["lpn"] for r in rows] == ["RMA-2026-000002-1"]
    row = rows[0]
    # 199.00 CNY, grade B: 20 % under the activated policy (10 % under the file's).
    assert (row["resolution"], row["deduction_pct"], row["refund_amount"]) == (
        "PARTIAL_REFUND",
        "20",
        "159.20",
    )
    assert (row["decided_by"], row["approved_by"]) == ("ines", "sam")
    batch = row["export_batch_id"]
    assert f"batch {batch}: 1 row," in exported.out

    second = site / "second.csv"
    nothing = qc("export", "finance", "-o", str(second), user="fin", password=PASSWORD)
    assert nothing.code == 0 and "nothing to export" in nothing.out
    assert second.read_bytes().decode("utf-8-sig").count("\n") == 1  # the header alone

    again = site / "again.csv"
    redo = qc(
        "export", "finance", "--batch", batch, "-o", str(again), user="fin", password=PASSWORD
    )
    assert redo.code == 0, redo.err
    assert again.read_bytes() == data
    unknown = qc("export", "finance", "--batch", "FIN-19990101-0001", user="fin", password=PASSWORD)
    assert unknown.code == 1 and "Unknown export batch" in unknown.err

    # The decision names the policy it was made under.
    db = site / "data" / "qc_station.sqlite3"
    with sqlite3.connect(db) as conn:
        (policy_hash,) = conn.execute(
            "SELECT policy_hash FROM decisions WHERE lpn = 'RMA-2026-000002-1'"
        ).fetchone()
        batches = conn.execute("SELECT count(*) FROM export_batches").fetchone()[0]
    assert policy_hash == new_hash and batches == 1
    assert qc("audit", "verify", user="admin", password=PASSWORD).code == 0


def test_reopen_on_the_command_line_and_an_export_into_a_folder_marks_nothing(
    qc: Run, site: Path
) -> None:
    """Issue 15: ``reopen LPN --reason`` (SPEC §11) through the screens' service; the
    reopener cannot approve the new decision; ``export finance -o FOLDER`` is refused before
    anything is marked, and the next export carries the reversal then the new row."""
    lpn = "RMA-2026-000002-1"
    assert qc("inspect", lpn, "--grade", "B", "--finding", "NO_FAULT", *HOME_OK,
              user="ines", password=PASSWORD).code == 0  # fmt: skip
    assert qc("approve", lpn, user="sam", password=PASSWORD).code == 0
    folder = site / "exports"
    folder.mkdir()
    refused = qc("export", "finance", "-o", str(folder), user="fin", password=PASSWORD)
    assert refused.code == 1 and "is a folder" in refused.err, refused.err
    assert list(folder.iterdir()) == []
    first = site / "first.csv"
    assert qc("export", "finance", "-o", str(first), user="fin", password=PASSWORD).code == 0
    batch = next(csv.DictReader(io.StringIO(first.read_text("utf-8-sig"))))["export_batch_id"]

    assert qc("reopen", lpn, "--reason", "  ", user="sam", password=PASSWORD).code != 0
    reopened = qc("reopen", lpn, "--reason", "customer sent proof", user="sam", password=PASSWORD)
    assert reopened.code == 0 and "reopened" in reopened.out, reopened.err
    assert qc("reopen", lpn, "--reason", "again", user="ines", password=PASSWORD).code == 1
    assert qc("inspect", lpn, "--grade", "A", "--finding", "NO_FAULT", *HOME_OK,
              user="ines", password=PASSWORD).code == 0  # fmt: skip
    mine = qc("approve", lpn, user="sam", password=PASSWORD)
    assert mine.code == 1 and "reopened" in mine.err
    assert qc("approve", lpn, user="fin", password=PASSWORD).code == 0

    second = site / "second.csv"
    assert qc("export", "finance", "-o", str(second), user="fin", password=PASSWORD).code == 0
    rows = list(csv.DictReader(io.StringIO(second.read_text("utf-8-sig"))))
    assert [(r["lpn"], r["refund_amount"][:1], r["reverses_batch"]) for r in rows] == [
        (lpn, "-", batch),
        (lpn, "1", ""),
    ]
