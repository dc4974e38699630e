"""``qc-station backup -o FILE`` and ``qc-station restore FILE`` as a user runs them."""

from __future__ import annotations

from pathlib import Path

from .conftest import Run

PASSWORD = "admin-pass-1"


def test_backup_and_restore_round_trip(qc: Run, tmp_path: Path) -> None:
    assert qc("users", "add", "root", "--role", "admin", new_password=PASSWORD).code == 0
    backup = tmp_path / "station-backup.db"
    made = qc("backup", "-o", str(backup), user="root", password=PASSWORD)
    assert made.code == 0, made.err
    assert f"backup written to {backup}" in made.out
    assert "sha256 " in made.out and "audit head " in made.out

    # A user added after the backup is gone after the restore (kept in *.before-restore).
    added = qc(
        "users",
        "add",
        "ines",
        "--role",
        "inspector",
        user="root",
        password=PASSWORD,
        new_password=PASSWORD,
    )
    assert added.code == 0, added.err

    # Without a terminal and without --yes the restore refuses to guess.
    unconfirmed = qc("restore", str(backup), user="root", password=PASSWORD)
    assert unconfirmed.code == 2
    assert "add --yes to confirm" in unconfirmed.err

    restored = qc("restore", str(backup), "--yes", user="root", password=PASSWORD)
    assert restored.code == 0, restored.err
    assert "database restored from" in restored.out
    assert ".before-restore" in restored.out
    listed = qc("users", "list", user="root", password=PASSWORD)
    assert "root" in listed.out and "ines" not in listed.out
    verified = qc("audit", "verify", user="root", password=PASSWORD)
    assert verified.code == 0 and verified.out.startswith("ok:")


def test_backup_needs_an_admin_and_a_user(qc: Run, tmp_path: Path) -> None:
    qc("users", "add", "root", "--role", "admin", new_password=PASSWORD)
    qc(
        "users",
        "add",
        "ines",
        "--role",
        "inspector",
        user="root",
        password=PASSWORD,
        new_password=PASSWORD,
    )
    target = tmp_path / "b.db"
    # (The new user's password also comes from QC_STATION_PASSWORD.)
    refused = qc("backup", "-o", str(target), user="ines", password=PASSWORD)
    assert refused.code == 1
    assert "ines (inspector) may not back up or restore the database" in refused.err
    assert not target.exists()
    anonymous = qc("backup", "-o", str(target))
    assert anonymous.code == 2 and "needs a user" in anonymous.err
    assert not target.exists()


def test_restore_of_a_file_that_is_not_a_backup_says_so(qc: Run, tmp_path: Path) -> None:
    qc("users", "add", "root", "--role", "admin", new_password=PASSWORD)
    bogus = tmp_path / "manifest.csv"
    bogus.write_text("rma_code,order_id\n")
    result = qc("restore", str(bogus), "--yes", user="root", password=PASSWORD)
    assert result.code == 1
    assert "manifest.csv is not a QC Station backup" in result.err
    assert "Traceback" not in result.err
    missing = qc("restore", str(tmp_path / "nope.db"), "--yes", user="root", password=PASSWORD)
    assert missing.code == 2 and "There is no backup file" in missing.err
