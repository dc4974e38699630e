"""Users, passwords, badge login, lockout and roles (SPEC §6) on the fakes; and the
permission table every service checks against."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from qc_station.domain.enums import Role
from qc_station.domain.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from qc_station.services import users
from qc_station.services.audit import verify
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.permissions import (
    PERMISSIONS,
    Action,
    actions_for,
    allowed,
    require,
    require_role,
)
from qc_station.services.users import (
    UserView,
    add_user,
    authenticate,
    authenticate_badge,
    deactivate_user,
    list_users,
    reactivate_user,
    reset_password,
    set_badge,
    set_role,
)
from tests.fakes import FakeClock, FakePasswordHasher, FakeStore

# These tests create their users themselves, from the first admin on.
pytestmark = pytest.mark.empty_site

PASSWORD = "correct horse"
ADMIN = Actor("ada", Role.ADMIN, "OFFICE")
STATION = "ST-01"


@pytest.fixture
def admin(ctx: ServiceContext) -> UserView:
    return add_user(ctx, None, "ada", Role.ADMIN, "Ada Admin", PASSWORD, station="OFFICE")


@pytest.fixture
def ines(ctx: ServiceContext, admin: UserView) -> UserView:
    return add_user(
        ctx, ADMIN, "ines", Role.INSPECTOR, "Inès Ivanova", PASSWORD, badge="B-0042", pin="2468"
    )


def fail(ctx: ServiceContext, username: str = "ines", password: str = "wrong password") -> str:
    with pytest.raises(AuthenticationFailed) as raised:
        authenticate(ctx, username, password, STATION)
    return str(raised.value)


# --- adding users ------------------------------------------------------------------------


def test_first_user_needs_no_actor_and_is_audited_as_system(
    ctx: ServiceContext, store: FakeStore
) -> None:
    view = add_user(ctx, None, "ada", "admin", "Ada Admin", PASSWORD, station="OFFICE")
    assert (view.username, view.role, view.active) == ("ada", Role.ADMIN, True)
    (event,) = store.data.audit
    assert (event.actor, event.station, event.entity, event.entity_id, event.action) == (
        "system",
        "OFFICE",
        "user",
        "ada",
        "add",
    )
    assert store.data.users["ada"].created_at == datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def test_first_user_must_be_an_admin(ctx: ServiceContext, store: FakeStore) -> None:
    with pytest.raises(ValidationError, match="first user must be an admin"):
        add_user(ctx, None, "ines", Role.INSPECTOR, "Ines", PASSWORD)
    assert store.data.users == {}


def test_later_users_need_an_admin(ctx: ServiceContext, admin: UserView) -> None:
    with pytest.raises(PermissionDenied, match="needs an admin"):
        add_user(ctx, None, "ines", Role.INSPECTOR, "Ines", PASSWORD)
    with pytest.raises(PermissionDenied, match="admin"):
        add_user(ctx, Actor("sofia", Role.SUPERVISOR, "DESK"), "x1", Role.INSPECTOR, "", PASSWORD)
    with pytest.raises(PermissionDenied, match="ines \\(inspector\\) may not manage users"):
        add_user(ctx, Actor("ines", Role.INSPECTOR, STATION), "x1", Role.INSPECTOR, "", PASSWORD)
    view = add_user(ctx, ADMIN, "ines", Role.INSPECTOR, "Ines", PASSWORD)
    assert view.role == Role.INSPECTOR


def test_user_names_are_lower_cased_and_checked(ctx: ServiceContext, admin: UserView) -> None:
    assert add_user(ctx, ADMIN, "  Bob.Li_2 ", "inspector", "", PASSWORD).username == "bob.li_2"
    for bad in ["b", "x" * 33, "bob smith", "zoë", "a/b", ""]:
        with pytest.raises(ValidationError, match="User name"):
            add_user(ctx, ADMIN, bad, Role.INSPECTOR, "", PASSWORD)
    with pytest.raises(ValidationError, match="reserved"):
        add_user(ctx, ADMIN, "system", Role.INSPECTOR, "", PASSWORD)
    with pytest.raises(Conflict, match="exists"):
        add_user(ctx, ADMIN, "ADA", Role.INSPECTOR, "", PASSWORD)


def test_unknown_role_is_refused(ctx: ServiceContext, admin: UserView) -> None:
    with pytest.raises(ValidationError, match="inspector, supervisor, admin"):
        add_user(ctx, ADMIN, "fin", "finance", "", PASSWORD)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("", "a password is required"),
        ("short", "at least 8 characters"),
        ("bobsmith", "must not be the user name"),
        ("x" * 1025, "too long"),
    ],
)
def test_password_policy(ctx: ServiceContext, admin: UserView, password: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        add_user(ctx, ADMIN, "bobsmith", Role.INSPECTOR, "", password)


def test_pin_and_badge_rules(ctx: ServiceContext, ines: UserView) -> None:
    assert (ines.badge, ines.has_pin) == ("B-0042", True)
    for pin in ["123", "123456789", "12a4", "１２３４"]:
        with pytest.raises(ValidationError, match="4 to 8 digits"):
            add_user(ctx, ADMIN, "ivan", Role.INSPECTOR, "", PASSWORD, badge="B-7", pin=pin)
    with pytest.raises(ValidationError, match="give both"):
        add_user(ctx, ADMIN, "ivan", Role.INSPECTOR, "", PASSWORD, badge="B-7")
    with pytest.raises(ValidationError, match="give both"):
        add_user(ctx, ADMIN, "ivan", Role.INSPECTOR, "", PASSWORD, pin="1234")
    with pytest.raises(Conflict, match="Badge B-0042 belongs to another user"):
        add_user(ctx, ADMIN, "ivan", Role.INSPECTOR, "", PASSWORD, badge="B-0042", pin="1357")


def test_views_and_audit_never_hold_secrets(
    ctx: ServiceContext, store: FakeStore, ines: UserView
) -> None:
    reset_password(ctx, ADMIN, "ines", "new password 2")
    set_badge(ctx, ADMIN, "ines", "B-0099", "97531")
    fields = {f.name for f in dataclasses.fields(UserView)}
    assert not fields & {"password_hash", "pin_hash", "password", "pin"}
    logged = json.dumps([[e.old, e.new] for e in store.data.audit], default=str)
    for secret in ["fake$", PASSWORD, "new password 2", "2468", "97531"]:
        assert secret not in logged
    assert verify(ctx).ok


# --- signing in --------------------------------------------------------------------------


def test_sign_in_with_password(ctx: ServiceContext, ines: UserView) -> None:
    view = authenticate(ctx, " Ines ", PASSWORD, STATION)
    assert view == ines
    assert view.actor(STATION) == Actor("ines", Role.INSPECTOR, STATION)


def test_unknown_user_gets_the_wrong_password_message_and_costs_a_hash(
    ctx: ServiceContext, ines: UserView, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real_hash, real_verify = FakePasswordHasher.hash, FakePasswordHasher.verify

    def counting_hash(self: FakePasswordHasher, secret: str) -> str:
        calls.append("hash")
        return real_hash(self, secret)

    def counting_verify(self: FakePasswordHasher, stored: str, secret: str) -> bool:
        calls.append("verify")
        return real_verify(self, stored, secret)

    monkeypatch.setattr(FakePasswordHasher, "hash", counting_hash)
    monkeypatch.setattr(FakePasswordHasher, "verify", counting_verify)
    unknown = fail(ctx, "nobody")
    assert calls == ["hash"]
    assert unknown == fail(ctx, "ines") == "Wrong user name or password."


def test_five_failures_lock_for_five_minutes(
    ctx: ServiceContext, store: FakeStore, clock: FakeClock, ines: UserView
) -> None:
    for _ in range(4):
        assert fail(ctx) == "Wrong user name or password."
    fifth = fail(ctx)
    assert "locked" in fifth
    assert "until 2026-11-02 09:05 UTC" in fifth
    # Sixth: refused even with the right password, saying until when.
    with pytest.raises(
        AuthenticationFailed, match=r"locked after 5 failed attempts, until 2026-11-02 09:05 UTC"
    ) as e:
        authenticate(ctx, "ines", PASSWORD, STATION)
    assert e.value.params["locked_until"] == datetime(2026, 11, 2, 9, 5, tzinfo=UTC)
    clock.advance(minutes=4, seconds=59)
    with pytest.raises(AuthenticationFailed, match="locked"):
        authenticate(ctx, "ines", PASSWORD, STATION)
    clock.advance(seconds=1)
    assert authenticate(ctx, "ines", PASSWORD, STATION).locked_until is None
    assert store.data.users["ines"].failed_attempts == 0


def test_each_lockout_is_its_own_audit_event(
    ctx: ServiceContext, store: FakeStore, clock: FakeClock, ines: UserView
) -> None:
    for _ in range(5):
        fail(ctx)
    clock.advance(minutes=5)
    for _ in range(5):
        fail(ctx)
    locks = [e for e in store.data.audit if e.action == "lock"]
    assert [(e.entity, e.entity_id, e.station) for e in locks] == [("user", "ines", STATION)] * 2
    assert [e.new["locked_until"] if e.new else None for e in locks] == [
        "2026-11-02T09:05:00+00:00",
        "2026-11-02T09:10:00+00:00",
    ]
    assert verify(ctx).ok


def test_attempts_while_locked_do_not_extend_the_lock(
    ctx: ServiceContext, store: FakeStore, clock: FakeClock, ines: UserView
) -> None:
    for _ in range(5):
        fail(ctx)
    clock.advance(minutes=3)
    for _ in range(10):
        fail(ctx)
    assert [e.action for e in store.data.audit].count("lock") == 1
    clock.advance(minutes=2)
    assert authenticate(ctx, "ines", PASSWORD, STATION).username == "ines"


def test_success_resets_the_counter(ctx: ServiceContext, store: FakeStore, ines: UserView) -> None:
    for _ in range(4):
        fail(ctx)
    authenticate(ctx, "ines", PASSWORD, STATION)
    for _ in range(4):
        assert "locked" not in fail(ctx)
    assert store.data.users["ines"].failed_attempts == 4


def test_deactivated_user_is_refused(ctx: ServiceContext, ines: UserView) -> None:
    assert deactivate_user(ctx, ADMIN, "ines").active is False
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        authenticate(ctx, "ines", PASSWORD, STATION)
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        authenticate_badge(ctx, "B-0042", "2468", STATION)
    # A wrong password does not tell that the account exists.
    assert fail(ctx) == "Wrong user name or password."
    reactivate_user(ctx, ADMIN, "ines")
    assert authenticate(ctx, "ines", PASSWORD, STATION).active


def test_badge_and_pin(ctx: ServiceContext, ines: UserView) -> None:
    assert authenticate_badge(ctx, "B-0042\n", "2468", STATION).username == "ines"
    with pytest.raises(AuthenticationFailed) as wrong:
        authenticate_badge(ctx, "B-0042", "0000", STATION)
    with pytest.raises(AuthenticationFailed) as unknown:
        authenticate_badge(ctx, "B-9999", "2468", STATION)
    assert str(wrong.value) == str(unknown.value) == "Unknown badge or wrong PIN."


def test_badge_failures_count_towards_the_same_lockout(ctx: ServiceContext, ines: UserView) -> None:
    for _ in range(3):
        fail(ctx)
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            authenticate_badge(ctx, "B-0042", "0000", STATION)
    with pytest.raises(AuthenticationFailed, match="locked"):
        authenticate_badge(ctx, "B-0042", "2468", STATION)


def test_reset_password_lifts_a_lockout(ctx: ServiceContext, ines: UserView) -> None:
    for _ in range(5):
        fail(ctx)
    with pytest.raises(ValidationError, match="at least 8"):
        reset_password(ctx, ADMIN, "ines", "short")
    reset_password(ctx, ADMIN, "ines", "brand new secret")
    assert fail(ctx, password=PASSWORD) == "Wrong user name or password."
    assert authenticate(ctx, "ines", "brand new secret", STATION).username == "ines"


# --- administration ----------------------------------------------------------------------


def test_only_admins_manage_users(ctx: ServiceContext, ines: UserView) -> None:
    add_user(ctx, ADMIN, "sofia", Role.SUPERVISOR, "Sofia", PASSWORD)
    supervisor = Actor("sofia", Role.SUPERVISOR, "DESK")
    calls: list[Callable[[], object]] = [
        lambda: deactivate_user(ctx, supervisor, "ines"),
        lambda: reset_password(ctx, supervisor, "ines", "another secret"),
        lambda: set_role(ctx, supervisor, "ines", Role.SUPERVISOR),
        lambda: list_users(ctx, supervisor),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied, match="manage users"):
            call()


def test_set_role_is_audited(ctx: ServiceContext, store: FakeStore, ines: UserView) -> None:
    assert set_role(ctx, ADMIN, "ines", "supervisor").role == Role.SUPERVISOR
    event = store.data.audit[-1]
    assert (event.actor, event.entity_id, event.action, event.old, event.new) == (
        "ada",
        "ines",
        "set_role",
        {"role": "inspector"},
        {"role": "supervisor"},
    )
    with pytest.raises(NotFound, match="nobody"):
        set_role(ctx, ADMIN, "nobody", Role.ADMIN)


def test_the_last_admin_cannot_be_deactivated_or_demoted(
    ctx: ServiceContext, store: FakeStore, admin: UserView
) -> None:
    with pytest.raises(Conflict, match="ada is the last active admin and cannot be deactivated"):
        deactivate_user(ctx, ADMIN, "ada")
    with pytest.raises(Conflict, match="last active admin"):
        set_role(ctx, ADMIN, "ada", Role.SUPERVISOR)
    assert store.data.users["ada"].active
    add_user(ctx, ADMIN, "bert", Role.ADMIN, "Bert", PASSWORD)
    assert set_role(ctx, ADMIN, "ada", Role.SUPERVISOR).role == Role.SUPERVISOR
    bert = Actor("bert", Role.ADMIN, "OFFICE")
    with pytest.raises(Conflict, match="bert is the last active admin and cannot be demoted"):
        set_role(ctx, bert, "bert", Role.INSPECTOR)


def test_list_users(ctx: ServiceContext, ines: UserView) -> None:
    assert [u.username for u in list_users(ctx, ADMIN)] == ["ada", "ines"]


# --- the permission table ----------------------------------------------------------------


def test_every_action_is_in_the_table() -> None:
    assert set(PERMISSIONS) == set(Action)
    assert all(PERMISSIONS[a] for a in Action)


@pytest.mark.parametrize(
    ("action", "roles"),
    [
        (Action.INSPECT, {Role.INSPECTOR, Role.SUPERVISOR, Role.ADMIN}),
        (Action.DECIDE, {Role.INSPECTOR, Role.SUPERVISOR, Role.ADMIN}),
        (Action.CREATE_UNEXPECTED, {Role.INSPECTOR, Role.SUPERVISOR, Role.ADMIN}),
        (Action.APPROVE, {Role.SUPERVISOR, Role.ADMIN}),
        (Action.REJECT, {Role.SUPERVISOR, Role.ADMIN}),
        (Action.REOPEN, {Role.SUPERVISOR, Role.ADMIN}),
        (Action.RELEASE_CLAIM, {Role.SUPERVISOR, Role.ADMIN}),
        (Action.EXPORT_FINANCE, {Role.SUPERVISOR, Role.ADMIN}),
        (Action.IMPORT, {Role.SUPERVISOR, Role.ADMIN}),
        (Action.MANAGE_USERS, {Role.ADMIN}),
        (Action.MANAGE_POLICY, {Role.ADMIN}),
    ],
)
def test_permission_table(action: Action, roles: set[Role]) -> None:
    assert {r for r in Role if allowed(r, action)} == roles


def test_require_explains_the_refusal() -> None:
    inspector = Actor("ines", Role.INSPECTOR, STATION)
    with pytest.raises(PermissionDenied) as raised:
        require(inspector, Action.APPROVE)
    assert str(raised.value) == (
        "ines (inspector) may not approve decisions; allowed roles: supervisor, admin."
    )
    assert raised.value.params["needed"] == ["supervisor", "admin"]
    require(Actor("sofia", Role.SUPERVISOR, "DESK"), Action.APPROVE)
    require(Actor.system("OFFICE"), Action.MANAGE_USERS)


def test_require_role_without_an_action() -> None:
    with pytest.raises(PermissionDenied, match="may not do this; allowed roles: admin"):
        require_role(Actor("sofia", Role.SUPERVISOR, "DESK"), Role.ADMIN)
    require_role(Actor("sofia", Role.SUPERVISOR, "DESK"), Role.SUPERVISOR, Role.ADMIN)


def test_actions_for_a_role() -> None:
    assert actions_for(Role.ADMIN) == frozenset(Action)
    assert Action.APPROVE not in actions_for(Role.INSPECTOR)
    assert Action.INSPECT in actions_for(Role.INSPECTOR)


def test_module_constants() -> None:
    assert users.MAX_FAILED_ATTEMPTS == 5
    assert users.LOCKOUT.total_seconds() == 300
