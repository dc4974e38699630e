"""SPEC §6 (issue 15): a deactivated, demoted or locked user loses the rights at their next
action, also in a session open now; services read the user's current role and state in the
unit of work of the action. On the fake, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from qc_station.domain.enums import Role
from qc_station.domain.errors import AuthenticationFailed, PermissionDenied
from qc_station.services import approval, finance, users
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.permissions import Action, authorized
from tests.builders import ADMIN, seed_cast_in
from tests.fakes import FakeClock, FakePasswordHasher, FakePhotoStamper, FakePhotoStore

from .conftest import UowFactory

SUPERVISOR_A = Actor("sofia", Role.SUPERVISOR, "DESK")  # signed in, held in memory


@pytest.fixture
def ctx(uow_factory: UowFactory, default_policy: object) -> ServiceContext:
    seed_cast_in(uow_factory)
    return ServiceContext(
        uow=lambda read_only=False: uow_factory(),  # type: ignore[misc]
        clock=FakeClock(),
        policy=default_policy,  # type: ignore[arg-type]
        photos=FakePhotoStore(),
        passwords=FakePasswordHasher(),
        photo_stamper=FakePhotoStamper(),
    )


def _approve_export_reopen(ctx: ServiceContext) -> list[type[BaseException]]:
    import io

    refused: list[type[BaseException]] = []
    for call in (
        lambda: approval.pending_approvals(ctx, SUPERVISOR_A),
        lambda: finance.export_finance(ctx, SUPERVISOR_A, io.BytesIO()),
        lambda: approval.reopen(ctx, SUPERVISOR_A, "RMA-NONE-1", "check"),
    ):
        try:
            call()
        except (PermissionDenied, AuthenticationFailed) as error:
            refused.append(type(error))
        except Exception:
            pass
    return refused


def test_an_open_session_loses_its_rights_at_the_next_action(ctx: ServiceContext) -> None:
    assert _approve_export_reopen(ctx) == []
    users.deactivate_user(ctx, ADMIN, "sofia")
    assert _approve_export_reopen(ctx) == [AuthenticationFailed] * 3
    with pytest.raises(AuthenticationFailed, match="deactivated") as raised:
        approval.pending_approvals(ctx, SUPERVISOR_A)
    assert raised.value.params["revoked"] == "deactivated"

    users.reactivate_user(ctx, ADMIN, "sofia")
    assert _approve_export_reopen(ctx) == []

    users.set_role(ctx, ADMIN, "sofia", Role.INSPECTOR)
    with pytest.raises(PermissionDenied, match="Your role was changed to inspector") as denied:
        approval.pending_approvals(ctx, SUPERVISOR_A)
    assert denied.value.params["revoked"] == "role_changed"
    with authorized(ctx, SUPERVISOR_A, Action.INSPECT):  # inspecting is still allowed
        pass
    users.set_role(ctx, ADMIN, "sofia", Role.SUPERVISOR)

    with ctx.uow() as uow:
        user = uow.users.get("sofia")
        assert user is not None
        user.locked_until = ctx.clock.now() + timedelta(minutes=5)
        uow.users.save(user)
        uow.commit()
    assert _approve_export_reopen(ctx) == [AuthenticationFailed] * 3


def test_system_acts_only_on_a_site_without_users(ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied, match="only on a database without users"):
        approval.pending_approvals(ctx, Actor.system("OFFICE"))


def test_an_unknown_user_in_memory_is_refused(ctx: ServiceContext) -> None:
    with pytest.raises(AuthenticationFailed, match="Your account no longer exists") as refused:
        approval.pending_approvals(ctx, Actor("mallory", Role.ADMIN, "DESK"))
    assert refused.value.params["revoked"] == "unknown"


def test_a_reset_password_stops_the_open_session_until_a_new_one_is_chosen(
    ctx: ServiceContext,
) -> None:
    users.reset_password(ctx, ADMIN, "sofia", "temporary-pass-1")
    with pytest.raises(AuthenticationFailed, match="was reset") as raised:
        approval.pending_approvals(ctx, SUPERVISOR_A)
    assert raised.value.params["revoked"] == "password_reset"
    users.change_password(ctx, "sofia", "temporary-pass-1", "her-own-choice-2", "DESK")
    assert _approve_export_reopen(ctx) == []
