"""Who may run what on the command line (SPEC §6, §11), end to end: ``system`` only on a
database without users, a signed-in user for everything else; the users commands with
passwords that are never the acting admin's own; and the demo only into an empty database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.e2e.conftest import Result, Run

ADMIN_PASSWORD = "admin-password-1"
INES_PASSWORD = "ines-own-password"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "site.db"


@pytest.fixture
def site(qc: Run, db: Path) -> Run:
    """A database with an admin (ada) and an inspector (ines), each with their own password;
    ``run`` acts as ada unless told otherwise."""

    def run(*args: str, user: str | None = "ada", password: str | None = None, **kw: str) -> Result:
        if password is None and user == "ada":
            password = ADMIN_PASSWORD
        return qc("--db", f"sqlite:///{db}", *args, user=user, password=password, **kw)

    first = run("users", "add", "ada", "--role", "admin", user=None, new_password=ADMIN_PASSWORD)
    assert first.code == 0, first.err
    added = run("users", "add", "ines", "--role", "inspector", new_password=INES_PASSWORD)
    assert added.code == 0, added.err
    return run


def _audit(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT actor, entity_id, action FROM audit_events WHERE entity = 'user' ORDER BY seq"
        ).fetchall()
    return [tuple(r) for r in rows]


def test_demo_is_refused_on_a_database_with_users(site: Run, db: Path) -> None:
    refused = site("demo", user=None)
    assert refused.code == 1
    assert "only into an empty database" in refused.err and "Traceback" not in refused.err
    listed = site("users", "list")
    assert [line.split("\t")[0] for line in listed.out.splitlines()] == ["ada", "ines"]
    # demo-admin with the published password does not exist, so it cannot sign in.
    assert site("users", "list", user="demo-admin", password="demo-password-2026").code == 1


@pytest.mark.parametrize(
    "args",
    [
        ("import", "manifest.csv"),
        ("import-catalog", "catalog.csv"),
        ("label", "RMA-1", "-o", "l.pdf"),
        ("report", "RMA-1", "-o", "r.pdf"),
        ("evidence", "RMA-1-1", "-o", "e.zip"),
        ("recovery", "list"),
        ("recovery", "close-batch", "ACME", "-o", "."),
        ("recovery", "claim", "UPS", "-o", "."),
        ("recovery", "record-payment", "VR-1", "1.00"),
        ("recovery", "pull", "RMA-1-1", "--reason", "x"),
        ("audit", "verify"),
        ("policy", "show"),
        ("stats",),
        ("users", "list"),
        ("users", "add", "eve", "--role", "admin"),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_once_a_user_exists_every_command_needs_one(
    site: Run, tmp_path: Path, args: tuple[str, ...]
) -> None:
    (tmp_path / "manifest.csv").write_text("rma_code\n", encoding="utf-8")
    (tmp_path / "catalog.csv").write_text("sku\n", encoding="utf-8")
    refused = site(*args, user=None, new_password="eve-password-1")
    assert refused.code == 2, refused.err
    assert "needs a user: --user NAME or QC_STATION_USER" in refused.err
    assert "Traceback" not in refused.err


def test_a_wrong_password_is_refused_before_any_work(site: Run) -> None:
    refused = site("audit", "verify", password="not-the-password")
    assert refused.code == 1 and "Wrong user name or password." in refused.err


def test_users_add_takes_the_new_password_never_the_admins(site: Run) -> None:
    # ines was added with QC_STATION_PASSWORD set to ada's password: it is not hers.
    assert site("audit", "verify", user="ines", password=ADMIN_PASSWORD).code == 1
    assert site("audit", "verify", user="ines", password=INES_PASSWORD).code == 0
    missing = site("users", "add", "ivan", "--role", "inspector")
    assert missing.code == 2 and "QC_STATION_NEW_PASSWORD" in missing.err


@pytest.mark.parametrize(
    ("name", "new_password", "message"),
    [
        ("bob", "", "a password is required"),
        ("bob", "bob", "too short"),
        ("bobbybob", "BobbyBob", "must not be the user name"),
        ("system", "system-password", "reserved"),
        ("../etc", "some-password", "not valid"),
        ("a b", "some-password", "not valid"),
        ("ада", "some-password", "not valid"),
        ("ines", "some-password", "exists already"),
    ],
)
def test_users_add_refuses_bad_names_and_passwords(
    site: Run, name: str, new_password: str, message: str
) -> None:
    refused = site("users", "add", name, "--role", "admin", new_password=new_password)
    assert refused.code == 1, refused.err
    assert message in refused.err


def test_the_first_user_must_be_an_admin(qc: Run, db: Path) -> None:
    url = f"sqlite:///{db}"
    refused = qc("--db", url, "users", "add", "ines", "--role", "inspector", new_password="x" * 9)
    assert refused.code == 1 and "first user must be an admin" in refused.err


@pytest.mark.parametrize(
    "args",
    [
        ("users", "list"),
        ("users", "add", "eve", "--role", "admin"),
        ("users", "deactivate", "ada"),
        ("users", "activate", "ines"),
        ("users", "unlock", "ada"),
        ("users", "reset-password", "ada"),
        ("users", "set-role", "ines", "admin"),
    ],
    ids=lambda a: a[1],
)
def test_an_inspector_may_not_manage_users(site: Run, db: Path, args: tuple[str, ...]) -> None:
    before = _audit(db)
    refused = site(*args, user="ines", password=INES_PASSWORD, new_password="eve-password-1")
    assert refused.code == 1, refused.err
    assert "may not manage users" in refused.err
    assert _audit(db) == before


def test_each_users_command_works_and_is_audited(site: Run, db: Path) -> None:
    def as_ines(*args: str, password: str = INES_PASSWORD) -> Result:
        return site(*args, user="ines", password=password)

    assert site("users", "deactivate", "ines").out.strip() == "deactivated ines"
    assert "inactive" in site("users", "list").out
    assert "deactivated" in as_ines("audit", "verify").err
    assert site("users", "activate", "ines").code == 0
    assert as_ines("audit", "verify").code == 0

    for _ in range(5):
        assert as_ines("audit", "verify", password="wrong-password").code == 1
    assert "locked" in as_ines("audit", "verify").err
    assert "active,locked" in site("users", "list").out
    assert site("users", "unlock", "ines").out.strip() == "unlocked ines"
    assert as_ines("audit", "verify").code == 0

    assert site("users", "set-role", "ines", "supervisor").out.strip() == "ines is now supervisor"
    assert as_ines("recovery", "list").code == 0

    reset = site("users", "reset-password", "ines", new_password="temporary-pass")
    assert reset.code == 0, reset.err
    assert "must-change-password" in site("users", "list").out
    forced = as_ines("recovery", "list", password="temporary-pass")
    assert forced.code == 1 and "qc-station users passwd" in forced.err
    # Changing the password needs the current one; ada's own is of no use here.
    stolen = site(
        "users", "passwd", user="ines", password=ADMIN_PASSWORD, new_password="my-new-password"
    )
    assert stolen.code == 1 and "Wrong user name or password." in stolen.err
    changed = site(
        "users", "passwd", user="ines", password="temporary-pass", new_password="my-new-password"
    )
    assert changed.code == 0, changed.err
    assert as_ines("recovery", "list", password="my-new-password").code == 0
    assert as_ines("recovery", "list", password="temporary-pass").code == 1

    actions = [(actor, action) for actor, entity_id, action in _audit(db) if entity_id == "ines"]
    assert actions == [
        ("ada", "add"),
        ("ada", "deactivate"),
        ("ada", "reactivate"),
        ("system", "lock"),
        ("ada", "unlock"),
        ("ada", "set_role"),
        ("ada", "reset_password"),
        ("ines", "change_password"),
    ]
    verified = site("audit", "verify")
    assert verified.code == 0 and verified.out.startswith("ok:"), verified.out


def test_the_last_admin_stays(site: Run) -> None:
    demoted = site("users", "set-role", "ada", "inspector")
    assert demoted.code == 1 and "last active admin" in demoted.err
    deactivated = site("users", "deactivate", "ada")
    assert deactivated.code == 1 and "last active admin" in deactivated.err


def test_passwd_refuses_a_deactivated_user_and_a_bad_new_password(site: Run) -> None:
    same = site("users", "passwd", user="ines", password=INES_PASSWORD, new_password="ines")
    assert same.code == 1 and "too short" in same.err
    name = site("users", "passwd", user="ines", password=INES_PASSWORD, new_password="INES    ")
    assert name.code == 1 and "user name" in name.err
    site("users", "deactivate", "ines")
    gone = site("users", "passwd", user="ines", password=INES_PASSWORD, new_password="x" * 12)
    assert gone.code == 1 and "deactivated" in gone.err
