"""Who may do what (SPEC §6): the one permission table and the checks every service uses.

Permissions are enforced here, in the service layer, not only by hiding buttons. There are
three roles (inspector, supervisor, admin). Finance staff are given the supervisor role: the
finance export needs no role of its own, and a fourth role would have to be threaded through
every screen for a single button.

Services call ``require(actor, Action.X)`` so that the table below stays the one place that
says which roles an action needs; ``require_role(actor, *roles)`` is the lower-level check for
the rare case that is not an action of the table. The UI may ask ``allowed`` or
``actions_for`` to decide what to show, but that is a convenience, never the enforcement.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from qc_station.domain.enums import Role
from qc_station.domain.errors import PermissionDenied

from .context import Actor


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


def _role_list(roles: frozenset[Role]) -> str:
    names = [r.value for r in _ROLE_ORDER if r in roles]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


def require_role(actor: Actor, *roles: Role, action: str | None = None) -> None:
    """Refuse with ``PermissionDenied`` unless the actor has one of ``roles``.

    ``action`` only makes the message clearer ("may not export finance").
    """
    needed = frozenset(roles)
    if actor.role in needed:
        return
    what = action.replace("_", " ") if action else "do this"
    raise PermissionDenied(
        f"{actor.username} ({actor.role.value}) may not {what}: "
        f"this needs the role {_role_list(needed)}",
        user=actor.username,
        role=actor.role.value,
        action=action,
        needed=[r.value for r in _ROLE_ORDER if r in needed],
    )


def require(actor: Actor, action: Action) -> None:
    """Refuse with ``PermissionDenied`` unless the permission table lets the actor do it."""
    require_role(actor, *PERMISSIONS[action], action=action.value)
