"""Who may do what (SPEC §6): the one permission table and the checks every service uses.

Permissions are enforced here, in the service layer, not only by hiding buttons. There are
three roles (inspector, supervisor, admin). Finance staff are given the supervisor role: the
finance export needs no role of its own, and a fourth role would have to be threaded through
every screen for a single button.

Services open their unit of work with ``authorized(ctx, actor, Action.X)``: it checks the
user's current role and state in the database, in the same unit of work as the action (a
deactivated, locked or demoted user loses the rights at their next action, SPEC §6), and the
table below stays the one place that says which roles an action needs. ``require(actor,
Action.X)`` checks the in-memory actor only (for a service that runs its check inside a unit
of work it opened itself, after ``check_current``); ``require_role(actor, *roles)`` is the
lower-level check for the rare case that is not an action of the table. The UI may ask
``allowed`` or ``actions_for`` to decide what to show, but that is a convenience, never the
enforcement.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType

from qc_station.domain.enums import Role
from qc_station.domain.errors import AuthenticationFailed, PermissionDenied

from .context import SYSTEM_USER, Actor, ServiceContext
from .ports import UnitOfWork
from .user_views import stored_utc


class Action(StrEnum):
    """The actions the permission table knows; values are stable (logs, error params)."""

    INSPECT = "inspect"  # scan, claim and fill in an inspection
    DECIDE = "decide"  # submit (or override) the decision of an inspection
    APPROVE = "approve"  # make a pending decision final (four eyes)
    REJECT = "reject"  # send a pending decision back to the inspector
    REOPEN = "reopen"  # bring a decided unit back to inspection, with a reason
    RELEASE_CLAIM = "release_claim"  # free a unit another station holds (stale claim)
    FOLLOW_UP = "follow_up"  # see the deadlines, disputes and stale claims (SPEC §2 step 8)
    MANAGE_DISPUTES = "manage_disputes"  # evidence sent, won, lost, settled
    EXPORT_FINANCE = "export_finance"  # the finance CSV (SPEC §7.3), new or re-exported
    MANAGE_USERS = "manage_users"  # add, deactivate, reset passwords, change roles
    MANAGE_POLICY = "manage_policy"  # install a new return policy
    MANAGE_DATABASE = "manage_database"  # back up and restore the database
    IMPORT = "import"  # manifests and the product catalog (SPEC §7.1)
    CREATE_UNEXPECTED = "create_unexpected"  # an RMA on the spot (SPEC §7.2)
    PRINT_DOCUMENTS = "print_documents"  # labels, inspection reports, evidence packs (§9)
    VIEW_DASHBOARD = "view_dashboard"  # the dashboard's figures and drill-downs (SPEC §8)
    MANAGE_RECOVERY = "manage_recovery"  # vendor-return batches, carrier claims, payments


_EVERYONE = frozenset(Role)
_SUPERVISORS = frozenset({Role.SUPERVISOR, Role.ADMIN})
_ADMINS = frozenset({Role.ADMIN})

#: The permission table: each action and the roles allowed to perform it.
PERMISSIONS: Mapping[Action, frozenset[Role]] = MappingProxyType(
    {
        Action.INSPECT: _EVERYONE,
        Action.DECIDE: _EVERYONE,
        Action.APPROVE: _SUPERVISORS,
        Action.REJECT: _SUPERVISORS,
        Action.REOPEN: _SUPERVISORS,
        Action.RELEASE_CLAIM: _SUPERVISORS,
        Action.FOLLOW_UP: _SUPERVISORS,
        Action.MANAGE_DISPUTES: _SUPERVISORS,
        # Finance users act as supervisors in this role model (see the module docstring).
        Action.EXPORT_FINANCE: _SUPERVISORS,
        Action.MANAGE_USERS: _ADMINS,
        Action.MANAGE_POLICY: _ADMINS,
        Action.MANAGE_DATABASE: _ADMINS,
        # Intake is office work (supervisors); the CLI's local operator runs it as ``system``,
        # which has the admin role.
        Action.IMPORT: _SUPERVISORS,
        # SPEC §7.2: an inspector creates it on the floor; it always needs approval anyway.
        Action.CREATE_UNEXPECTED: _EVERYONE,
        # SPEC §2 step 6: the label prints at the station and the report is available at any
        # time; whoever works the floor may print them.
        Action.PRINT_DOCUMENTS: _EVERYONE,
        Action.VIEW_DASHBOARD: _SUPERVISORS,
        Action.MANAGE_RECOVERY: _SUPERVISORS,
    }
)

# Roles in a fixed order so that messages read the same every time.
_ROLE_ORDER = (Role.INSPECTOR, Role.SUPERVISOR, Role.ADMIN)


def roles_for(action: Action) -> frozenset[Role]:
    """The roles allowed to perform ``action``."""
    return PERMISSIONS[action]


def allowed(role: Role, action: Action) -> bool:
    return role in PERMISSIONS[action]


def actions_for(role: Role) -> frozenset[Action]:
    """Every action ``role`` may perform (for the UI to decide what to offer)."""
    return frozenset(action for action, roles in PERMISSIONS.items() if role in roles)


#: What each action is called in a refusal ("… may not export finance"): a message of the
#: catalogue, so that the screens word it in the station's language.
_ACTION_WORDS: Mapping[str, str] = MappingProxyType(
    {
        Action.INSPECT: "action.inspect",
        Action.DECIDE: "action.decide",
        Action.APPROVE: "action.approve",
        Action.REJECT: "action.reject",
        Action.REOPEN: "action.reopen",
        Action.RELEASE_CLAIM: "action.release_claim",
        Action.FOLLOW_UP: "action.follow_up",
        Action.MANAGE_DISPUTES: "action.manage_disputes",
        Action.EXPORT_FINANCE: "action.export_finance",
        Action.MANAGE_USERS: "action.manage_users",
        Action.MANAGE_POLICY: "action.manage_policy",
        Action.MANAGE_DATABASE: "action.manage_database",
        Action.IMPORT: "action.import",
        Action.CREATE_UNEXPECTED: "action.create_unexpected",
        Action.PRINT_DOCUMENTS: "action.print_documents",
        Action.VIEW_DASHBOARD: "action.view_dashboard",
        Action.MANAGE_RECOVERY: "action.manage_recovery",
    }
)


def require_role(actor: Actor, *roles: Role, action: str | None = None) -> None:
    """Refuse with ``PermissionDenied`` unless the actor has one of ``roles``.

    ``action`` only makes the message clearer ("may not export finance").
    """
    needed = frozenset(roles)
    if actor.role in needed:
        return
    what = _ACTION_WORDS.get(action or "", "action.other")
    raise PermissionDenied(
        "permission.role_may_not",
        user=actor.username,
        role=actor.role.value,
        what={"code": what, "params": {}},
        action=action,
        needed=[r.value for r in _ROLE_ORDER if r in needed],
        needed_role=[r.value for r in _ROLE_ORDER if r in needed],
    )


def require(actor: Actor, action: Action) -> None:
    """Refuse with ``PermissionDenied`` unless the permission table lets the actor do it."""
    require_role(actor, *PERMISSIONS[action], action=action.value)


# --- the user as the database has them now (SPEC §6) --------------------------------------


def check_current(uow: UnitOfWork, now: datetime, actor: Actor, action: Action | None) -> None:
    """Refuse unless the actor's user, as stored now, may act (and do ``action``, if given).

    The actor is what a station holds in memory since the user signed in; the database says
    what they are now: a user deactivated, locked or demoted at another station loses the
    rights at their next action (SPEC §6). One primary-key read, in the caller's unit of
    work. The local operator ``system`` acts only while the site has no users (the first
    setup, the demo and the smoke test on an empty database).
    """
    if actor.username == SYSTEM_USER:
        if uow.users.count():
            raise PermissionDenied(
                "permission.system_user",
                user=actor.username,
                revoked="system",
            )
        if action is not None:
            require(actor, action)
        return
    user = uow.users.get(actor.username)
    if user is None:
        raise AuthenticationFailed(
            "account.revoked_unknown",
            username=actor.username,
            revoked="unknown",
        )
    if not user.active:
        raise AuthenticationFailed(
            "account.revoked_deactivated",
            username=user.username,
            revoked="deactivated",
        )
    locked_until = stored_utc(user.locked_until)
    if locked_until is not None and now < locked_until:
        raise AuthenticationFailed(
            "account.revoked_locked",
            username=user.username,
            revoked="locked",
            until=locked_until,
        )
    if action is not None and user.must_change_password:
        # An admin reset the password: nothing but choosing a new one until then (the
        # password change itself checks with no action).
        raise AuthenticationFailed(
            "account.revoked_password_reset",
            username=user.username,
            revoked="password_reset",
        )
    if action is None or allowed(user.role, action):
        return
    if user.role != actor.role:
        raise PermissionDenied(
            "account.role_changed",
            user=user.username,
            role=user.role.value,
            action=action.value,
            revoked="role_changed",
        )
    require(Actor(user.username, user.role, actor.station), action)


@contextmanager
def authorized(
    ctx: ServiceContext, actor: Actor, action: Action, *, read_only: bool = False
) -> Iterator[UnitOfWork]:
    """Open a unit of work in which ``actor`` may do ``action``, checked against the user's
    current role and state (``check_current``), and yield it: the check and the action see
    the same transaction. Services use this instead of ``require`` + ``ctx.uow()``."""
    with ctx.uow(read_only=read_only) as uow:
        check_current(uow, ctx.clock.now(), actor, action)
        yield uow


def check_allowed(ctx: ServiceContext, actor: Actor, action: Action) -> None:
    """``authorized`` for a service that does its work outside a unit of work of its own
    (a backup, a long import in chunks, a dashboard read in parallel): checked before it
    starts, against the user's current role and state."""
    with authorized(ctx, actor, action, read_only=True):
        pass
