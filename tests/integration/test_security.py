"""Security promises (SPEC §6, §10): permissions enforced in the services for every action,
a tamper-evident audit log on both databases, no secrets in logs or messages, and a photo
store nothing can write outside of.

The permission test is driven by the code, not by a list kept by hand: it finds every
service function that calls ``require(actor, Action.X)`` and calls it as each role the
permission table does not allow, expecting ``PermissionDenied`` and no change to the store.
It also fails when an ``Action`` is enforced by no service at all (a permission that exists
only as a hidden button).
"""

from __future__ import annotations

import ast
import copy
import importlib
import inspect
import logging
import pkgutil
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

import qc_station.services as services_package
from qc_station.adapters.database import make_engine
from qc_station.adapters.photo_store import FileSystemPhotoStore
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.domain.enums import Role
from qc_station.domain.errors import AuthenticationFailed, PermissionDenied, QcError
from qc_station.services import audit, returns, users
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.permissions import PERMISSIONS, Action
from tests.builders import INSPECTOR, INSPECTOR_2, make_rma, seed, seed_cast, user
from tests.fakes import FakeClock, FakePasswordHasher, FakePhotoStamper, FakePhotoStore, FakeStore

from .conftest import EngineMaker

ROOT = Path(__file__).resolve().parents[2]
SERVICES = Path(services_package.__file__).parent


# --- permissions -----------------------------------------------------------------------------


def _required_here(node: ast.FunctionDef) -> tuple[set[Action], set[str]]:
    """The actions a function requires itself, and the names of the functions it calls."""
    actions: set[Action] = set()
    calls: set[str] = set()
    for call in ast.walk(node):
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
            continue
        calls.add(call.func.id)
        # require(actor, Action.X); authorized / check_allowed(ctx, actor, Action.X);
        # check_current(uow, now, actor, Action.X)
        at = {"require": 1, "authorized": 2, "check_allowed": 2, "check_current": 3}
        position = at.get(call.func.id)
        arg = call.args[position] if position is not None and len(call.args) > position else None
        if (
            isinstance(arg, ast.Attribute)
            and isinstance(arg.value, ast.Name)
            and arg.value.id == "Action"
        ):
            actions.add(Action[arg.attr])
    return actions, calls


def _enforcing_functions() -> dict[tuple[str, str], set[Action]]:
    """(module, public function) → the actions it requires, itself or through the module's
    own helpers (``export_finance`` → ``_export_into`` → ``require``), found in the source."""
    found: dict[tuple[str, str], set[Action]] = {}
    for module in pkgutil.iter_modules([str(SERVICES)]):
        tree = ast.parse((SERVICES / f"{module.name}.py").read_text(encoding="utf-8"))
        local = {
            node.name: _required_here(node)
            for node in tree.body
            if isinstance(node, ast.FunctionDef)
        }
        enforced = {name: set(actions) for name, (actions, _calls) in local.items()}
        changed = True
        while changed:  # through helpers calling helpers
            changed = False
            for name, (_actions, calls) in local.items():
                for callee in calls & enforced.keys():
                    if not enforced[callee] <= enforced[name]:
                        enforced[name] |= enforced[callee]
                        changed = True
        for name, actions in enforced.items():
            if actions and not name.startswith("_"):
                found[(module.name, name)] = actions
    return found


ENFORCED = _enforcing_functions()

ROLE_ACTORS = {role: Actor(f"probe-{role.value}", role, "ST-PROBE") for role in Role}


def _context(*, users: bool = True) -> tuple[ServiceContext, FakeStore]:
    store = FakeStore()
    seed(store, make_rma("RMA-SEC-1"))
    if users:
        seed_cast(store)
        for probe in ROLE_ACTORS.values():  # the probes are users: roles are checked stored
            store.data.users[probe.username] = user(probe.username, probe.role)
    ctx = ServiceContext(
        uow=store.uow,
        clock=FakeClock(),
        policy=_policy(),
        photos=FakePhotoStore(),
        passwords=FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
    return ctx, store


def _policy() -> Any:
    from qc_station.domain.policy import load_policy
    from tests.conftest import DEFAULT_POLICY_FILE

    return load_policy(DEFAULT_POLICY_FILE.read_bytes())


# Functions whose permission check depends on the arguments (only another station's claim
# needs a supervisor): a concrete call that reaches the check.
def _release_other_stations_claim(ctx: ServiceContext, actor: Actor) -> None:
    returns.claim_unit(ctx, INSPECTOR_2, "RMA-SEC-1-1")
    returns.release_claim(ctx, actor, "RMA-SEC-1-1", "stale")


def _export_to_a_file(ctx: ServiceContext, actor: Actor) -> None:
    from qc_station.services import finance

    folder = Path(tempfile.mkdtemp(prefix="qc-sec-"))
    try:
        finance.export_finance_to_file(ctx, actor, folder / "finance.csv")
    finally:
        left = list(folder.iterdir())
        shutil.rmtree(folder)
        assert left == [], f"a refused export left files: {left}"


CONCRETE: dict[tuple[str, str], Callable[[ServiceContext, Actor], object]] = {
    ("returns", "release_claim"): _release_other_stations_claim,
    ("finance", "export_finance_to_file"): _export_to_a_file,
}


def _call_with_placeholders(fn: Callable[..., object], ctx: ServiceContext, actor: Actor) -> None:
    """Call a service with the context, the actor and a placeholder for every other required
    argument: the permission check comes before anything looks at them."""
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for name, param in inspect.signature(fn).parameters.items():
        if param.default is not inspect.Parameter.empty or param.kind in (
            param.VAR_POSITIONAL,
            param.VAR_KEYWORD,
        ):
            continue
        value: Any = ctx if name == "ctx" else actor if name == "actor" else None
        if param.kind == param.KEYWORD_ONLY:
            kwargs[name] = value
        else:
            args.append(value)
    fn(*args, **kwargs)


def _cases() -> Iterator[Any]:
    for (module, function), actions in sorted(ENFORCED.items()):
        allowed = frozenset.intersection(*(PERMISSIONS[a] for a in actions))
        for role in Role:
            if role not in allowed:
                yield pytest.param(module, function, role, id=f"{module}.{function}-{role.value}")


def test_every_action_is_enforced_by_a_service() -> None:
    enforced = set().union(*ENFORCED.values())
    missing = sorted(a.value for a in set(Action) - enforced)
    assert not missing, f"actions no service checks (only hidden buttons?): {missing}"


@pytest.mark.parametrize(("module", "function", "role"), list(_cases()))
def test_service_refuses_a_role_without_the_permission_and_changes_nothing(
    module: str, function: str, role: Role
) -> None:
    ctx, store = _context()
    fn = getattr(importlib.import_module(f"qc_station.services.{module}"), function)
    call = CONCRETE.get((module, function))
    actor = ROLE_ACTORS[role]
    if call is not None:
        with pytest.raises(PermissionDenied):
            # (the concrete call may set the scene first; what it set is the "before")
            call(ctx, actor)
        return
    before = copy.deepcopy(store.data)
    commits = store.commits
    with pytest.raises(QcError) as caught:
        _call_with_placeholders(fn, ctx, actor)
    if not isinstance(caught.value, PermissionDenied):
        pytest.fail(
            f"{module}.{function} did not check the permission first for {role.value}: "
            f"{type(caught.value).__name__}: {caught.value} (add a concrete case to CONCRETE)"
        )
    assert caught.value.params.get("role") == role.value
    assert role.value in str(caught.value) and "may not" in str(caught.value)
    assert store.commits == commits
    assert store.data == before


# --- the audit log detects tampering, on both databases -----------------------------------------


def _events(ctx: ServiceContext, count: int) -> None:
    actor = Actor("ada", Role.ADMIN, "OFFICE")
    for n in range(count):
        with ctx.uow() as uow:
            audit.record(uow, ctx, actor, "unit", f"LPN-{n}", "transition", {"n": n}, {"n": n + 1})
            uow.commit()


def _tamper(engine: Any, how: str) -> None:
    with engine.begin() as conn:
        if how == "edited":
            conn.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3"))
        elif how == "edited values":
            conn.execute(text("UPDATE audit_events SET entity_id = 'LPN-X' WHERE seq = 2"))
        elif how == "deleted":
            conn.execute(text("DELETE FROM audit_events WHERE seq = 3"))
        elif how == "reordered":
            conn.execute(text("UPDATE audit_events SET seq = 100 WHERE seq = 2"))
            conn.execute(text("UPDATE audit_events SET seq = 2 WHERE seq = 3"))
            conn.execute(text("UPDATE audit_events SET seq = 3 WHERE seq = 100"))
        elif how == "inserted":
            conn.execute(
                text(
                    "INSERT INTO audit_events (seq, actor, station, at, entity, entity_id, "
                    "action, old, new, prev_hash, hash) SELECT 6, actor, station, at, entity, "
                    "entity_id, action, old, new, prev_hash, hash FROM audit_events "
                    "WHERE seq = 5"
                )
            )
        elif how == "cut off":
            conn.execute(text("DELETE FROM audit_events WHERE seq = 5"))


@pytest.mark.parametrize(
    ("how", "problem"),
    [
        ("edited", "event 3: its content was changed"),
        ("edited values", "event 2: its content was changed"),
        ("deleted", "event 4: expected sequence number 3"),
        ("reordered", "does not follow the event before it"),
        ("inserted", "event 6: does not follow the event before it"),
        ("cut off", "checkpoint event 5 is missing"),
    ],
)
def test_audit_verify_detects_tampering(
    db_url: str, engines: EngineMaker, how: str, problem: str
) -> None:
    engine = engines(db_url)
    ctx = ServiceContext(
        SqlUnitOfWorkFactory(engine),
        FakeClock(),
        _policy(),
        FakePhotoStore(),
        FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )
    _events(ctx, 5)
    clean = audit.verify(ctx)
    assert clean.ok and clean.count == 5
    _tamper(engine, how)
    report = audit.verify(ctx, (clean.head_seq, clean.head_hash))
    assert not report.ok
    assert any(problem in p for p in report.problems), report.problems


# --- no secrets in logs and messages ---------------------------------------------------------

PASSWORD = "Sup3r-Secret-Pw"
PIN = "918273"
DB_PASSWORD = "Db-Pa55word-Xyz"


def _no_secret(text_: str) -> None:
    for secret in (PASSWORD, PIN, DB_PASSWORD):
        assert secret not in text_, f"secret {secret!r} leaked: {text_[:400]}"


def test_sign_in_lockout_and_user_changes_log_no_password_or_pin(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ctx, store = _context(users=False)
    caplog.set_level(logging.DEBUG)
    admin = users.add_user(ctx, None, "ada", Role.ADMIN, "Ada", PASSWORD)
    actor = admin.actor("OFFICE")
    users.add_user(ctx, actor, "ines", Role.INSPECTOR, "Ines", PASSWORD, badge="B-77", pin=PIN)
    users.authenticate(ctx, "ines", PASSWORD, "ST-01")
    users.authenticate_badge(ctx, "B-77", PIN, "ST-01")
    messages: list[str] = []
    for _ in range(6):  # into the lockout and past it
        with pytest.raises(AuthenticationFailed) as caught:
            users.authenticate(ctx, "ines", PASSWORD + "x", "ST-01")
        messages.append(str(caught.value))
    with pytest.raises(AuthenticationFailed) as caught:
        users.authenticate_badge(ctx, "B-77", PIN[::-1], "ST-01")
    messages.append(str(caught.value))
    users.reset_password(ctx, actor, "ines", PASSWORD + "2")
    _no_secret(caplog.text + "\n".join(messages))
    _no_secret(repr(store.data.audit))
    assert "locked" in caplog.text  # the lockout was logged, just not the secrets


def test_database_errors_and_urls_never_show_the_password(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    from qc_station.adapters.backup import PostgresMaintenance
    from qc_station.adapters.database import redact_url
    from qc_station.adapters.db_errors import describe_database_error

    caplog.set_level(logging.DEBUG)
    url = f"postgresql+psycopg://qc:{DB_PASSWORD}@127.0.0.1:1/qc?connect_timeout=2"
    engine = make_engine(url)
    try:
        with pytest.raises(OperationalError) as caught, engine.connect():
            pass
        described = describe_database_error(caught.value)
        assert described is not None and described.startswith("cannot reach the database")
        _no_secret(described)
        _no_secret(redact_url(url))
        _no_secret(redact_url(url.replace("qc?", f"qc?password={DB_PASSWORD}&")))
        guidance = PostgresMaintenance(engine).guidance()
        _no_secret(guidance)
    finally:
        engine.dispose()
    _no_secret(caplog.text)


@pytest.mark.parametrize("debug", [False, True])
def test_command_line_never_prints_the_database_password(tmp_path: Path, debug: bool) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "QC_STATION_DATA_DIR": str(tmp_path),
        "QC_STATION_CONFIG": str(tmp_path / "none.toml"),
        "QC_STATION_DB": f"postgresql+psycopg://qc:{DB_PASSWORD}@127.0.0.1:1/qc",
    }
    result = subprocess.run(
        [sys.executable, "-m", "qc_station", *(["--debug"] if debug else []), "audit", "verify"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "qc@127.0.0.1" in result.stderr or "127.0.0.1" in result.stderr
    _no_secret(result.stdout + result.stderr)


def test_finance_export_logs_no_secret(caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    import io

    from qc_station.services import finance

    ctx, _store = _context(users=False)
    caplog.set_level(logging.DEBUG)
    users.add_user(ctx, None, "ada", Role.ADMIN, "Ada", PASSWORD)
    finance.export_finance(ctx, Actor("ada", Role.ADMIN, "OFFICE"), io.BytesIO())
    _no_secret(caplog.text)


# --- the photo store cannot be steered outside its root ---------------------------------------

HOSTILE_NAMES = [
    "../../../etc/passwd",
    "/etc/passwd",
    "..",
    "",
    "a" * 63,
    "A" * 64,
    "g" * 64,
    "../" + "a" * 61,
    "a" * 64 + "/../../x",
    "a" * 64 + "\x00",
    "\\..\\..\\windows\\system32",
    "ａ" * 64,  # full-width letters
    "٠" * 64,  # Arabic-Indic digits: \d would take them, hex must not
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_photo_store_refuses_names_that_are_not_a_sha256(tmp_path: Path, name: str) -> None:
    store = FileSystemPhotoStore(tmp_path / "photos", create=True)
    for method in (store.path, store.get, store.exists):
        with pytest.raises(QcError, match="is not a photo name"):
            method(name)


@given(st.text(max_size=80))
def test_photo_store_paths_stay_inside_the_root_whatever_the_name(name: str) -> None:
    root = Path("/srv/qc-photos")
    store = FileSystemPhotoStore(root)
    try:
        path = store.path(name)
    except QcError:
        return
    assert path.resolve().is_relative_to(root)
    assert path.parent.parent == root


def test_photos_with_hostile_original_names_are_stored_inside_the_root(tmp_path: Path) -> None:
    import cv2
    import numpy as np

    from qc_station.services.inspection import InspectionDraft, PhotoInput, submit_inspection

    root = tmp_path / "root" / "photos"
    ctx, store = _context()
    ctx = ServiceContext(
        ctx.uow,
        ctx.clock,
        ctx.policy,
        FileSystemPhotoStore(root, create=True),
        ctx.passwords,
        photo_stamper=FakePhotoStamper(),
    )
    ok, jpeg = cv2.imencode(".jpg", np.zeros((32, 32, 3), np.uint8))
    assert ok
    names = ["../../../../escaped.jpg", "/tmp/escaped.jpg", "..\\..\\escaped.jpg", "a/b/c.jpg"]
    from qc_station.domain.enums import ChecklistAnswer, Finding, Grade

    checklist = {i.key: ChecklistAnswer.PASS for i in ctx.policy.checklist_for("electronics")}
    photos = tuple(
        PhotoInput(jpeg.tobytes() + bytes([n]), datetime.now(UTC), name)
        for n, name in enumerate(names)
    )
    submit_inspection(
        ctx,
        INSPECTOR,
        InspectionDraft("RMA-SEC-1-1", Grade.C, Finding.DEFECT, checklist, photos=photos),
    )
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) == len(names)
    assert all(p.is_relative_to(root) for p in written)
    assert not list(tmp_path.rglob("escaped*"))
    inspection = next(iter(store.data.inspections.values()))
    assert [p.original_name for p in inspection.photos] == names  # kept as text only
