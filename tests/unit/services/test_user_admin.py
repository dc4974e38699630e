"""What admins do to accounts and what users do to their own (SPEC §6, §11): unlock, reset
(the user must choose a new password), change one's own password; and ``system``, which
acts only while the site has no users. On the fakes."""

from __future__ import annotations

import pytest

from qc_station.domain.enums import Role
from qc_station.domain.errors import AuthenticationFailed, PermissionDenied, ValidationError
from qc_station.services import users
from qc_station.services.audit import verify
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.users import UserView, add_user, authenticate
from tests.fakes import FakeStore

pytestmark = pytest.mark.empty_site

PASSWORD = "correct horse"
ADMIN = Actor("ada", Role.ADMIN, "OFFICE")
STATION = "ST-01"


@pytest.fixture
def ines(ctx: ServiceContext) -> UserView:
    add_user(ctx, None, "ada", Role.ADMIN, "Ada Admin", PASSWORD, station="OFFICE")
    return add_user(ctx, ADMIN, "ines", Role.INSPECTOR, "Inès Ivanova", PASSWORD)


def _lock(ctx: ServiceContext) -> None:
    for _ in range(users.MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationFailed):
            authenticate(ctx, "ines", "wrong password", STATION)


def test_has_users(ctx: ServiceContext) -> None:
    assert not users.has_users(ctx)
    add_user(ctx, None, "ada", Role.ADMIN, "Ada Admin", PASSWORD, station="OFFICE")
    assert users.has_users(ctx)


def test_system_sets_up_the_first_admin_only(ctx: ServiceContext, store: FakeStore) -> None:
    system = Actor.system("OFFICE")
    add_user(ctx, system, "ada", Role.ADMIN, "Ada Admin", PASSWORD)
    assert [(e.actor, e.entity_id) for e in store.data.audit] == [("system", "ada")]
    with pytest.raises(PermissionDenied):
        add_user(ctx, system, "mallory", Role.ADMIN, "", PASSWORD)
    with pytest.raises(PermissionDenied):
        users.list_users(ctx, system)
    assert set(store.data.users) == {"ada"}


def test_unlock_lifts_a_lockout_and_is_audited(
    ctx: ServiceContext, store: FakeStore, ines: UserView
) -> None:
    _lock(ctx)
    with pytest.raises(AuthenticationFailed, match="locked"):
        authenticate(ctx, "ines", PASSWORD, STATION)
    view = users.unlock_user(ctx, ADMIN, "INES ")
    assert view.locked_until is None
    assert store.data.users["ines"].failed_attempts == 0
    event = store.data.audit[-1]
    assert (event.actor, event.entity_id, event.action) == ("ada", "ines", "unlock")
    assert event.new == {"locked_until": None, "failed_attempts": 0}
    assert authenticate(ctx, "ines", PASSWORD, STATION).username == "ines"
    assert verify(ctx).ok


def test_unlock_of_an_open_account_changes_nothing(
    ctx: ServiceContext, store: FakeStore, ines: UserView
) -> None:
    before = len(store.data.audit)
    users.unlock_user(ctx, ADMIN, "ines")
    assert len(store.data.audit) == before


def test_only_admins_unlock(ctx: ServiceContext, ines: UserView) -> None:
    with pytest.raises(PermissionDenied):
        users.unlock_user(ctx, ines.actor(STATION), "ines")


def test_reset_password_makes_the_user_choose_a_new_one(
    ctx: ServiceContext, store: FakeStore, ines: UserView
) -> None:
    users.reset_password(ctx, ADMIN, "ines", "temporary-123")
    signed_in = authenticate(ctx, "ines", "temporary-123", STATION)
    assert signed_in.must_change_password
    assert store.data.audit[-1].new == {
        "password": "changed",
        "locked": False,
        "must_change_password": True,
    }
    changed = users.change_password(ctx, "ines", "temporary-123", "my-own-secret", STATION)
    assert not changed.must_change_password
    event = store.data.audit[-1]
    assert (event.actor, event.station, event.action) == ("ines", STATION, "change_password")
    assert "my-own-secret" not in repr(event)
    assert not authenticate(ctx, "ines", "my-own-secret", STATION).must_change_password
    with pytest.raises(AuthenticationFailed):
        authenticate(ctx, "ines", "temporary-123", STATION)
    assert verify(ctx).ok


def test_change_password_needs_the_current_one_and_counts_failures(
    ctx: ServiceContext, store: FakeStore, ines: UserView
) -> None:
    with pytest.raises(AuthenticationFailed):
        users.change_password(ctx, "ines", "not my password", "my-own-secret", STATION)
    assert store.data.users["ines"].failed_attempts == 1
    assert store.data.users["ines"].password_hash == "fake$" + PASSWORD


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("", "required"),
        ("short", "too short"),
        ("INES", "too short"),
        ("ines    ", "user name"),
        (PASSWORD, "differ"),
    ],
)
def test_change_password_checks_the_new_one(
    ctx: ServiceContext, store: FakeStore, ines: UserView, new: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        users.change_password(ctx, "ines", PASSWORD, new, STATION)
    assert store.data.users["ines"].password_hash == "fake$" + PASSWORD


def test_a_deactivated_user_cannot_change_their_password(
    ctx: ServiceContext, ines: UserView
) -> None:
    users.deactivate_user(ctx, ADMIN, "ines")
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        users.change_password(ctx, "ines", PASSWORD, "my-own-secret", STATION)


def test_a_locked_user_cannot_change_their_password(ctx: ServiceContext, ines: UserView) -> None:
    _lock(ctx)
    with pytest.raises(AuthenticationFailed, match="locked"):
        users.change_password(ctx, "ines", PASSWORD, "my-own-secret", STATION)
