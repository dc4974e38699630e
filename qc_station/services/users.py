"""Users, passwords, badge login, lockout and roles (SPEC §6).

- The first user of an empty database needs no actor (the setup step, or the first
  ``qc-station users add``) and must be an admin; it is audited as ``system``. Every later
  change needs the ``manage_users`` permission (admins).
- Passwords and PINs go through the context's ``PasswordHasher`` (argon2id in production).
  Neither they nor their hashes ever appear in audit values, views or messages.
- Five failed attempts, by password or by badge PIN (one counter per user), lock the account
  for five minutes. The counter starts again after a lockout and after a success. A locked
  account is refused with the time it opens again, even with the right password, and each
  lockout is its own audit event.
- An unknown user name gets the same message as a wrong password and costs a hash as well,
  so neither the answer nor its timing says which names exist. (A locked or deactivated
  account does say so; a person at the station must be told why they cannot sign in.)
- No change may leave the site without an active admin.
- A new or reset password is always given for that user (never the acting admin's own); a
  reset one must be changed by its user at the next sign-in (``must_change_password``):
  ``change_password`` needs the current password and clears it.
- Sign-ins at the same moment on PostgreSQL: the secret is checked without a lock (argon2
  is slow), then the user's row is locked and read again before the count changes, so no
  failed attempt is lost and a lockout is recorded once. The first-admin step and the
  last-admin checks hold ``lock_users``, so two stations take turns.
"""

from __future__ import annotations

import logging
from typing import Any

from qc_station.domain.enums import Role
from qc_station.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from qc_station.domain.model import User

from . import audit
from .authentication import LOCKOUT, MAX_FAILED_ATTEMPTS, authenticate, authenticate_badge
from .context import SYSTEM_USER, Actor, ServiceContext
from .permissions import Action, authorized, check_current, require
from .ports import UnitOfWork
from .user_fields import (
    MAX_FULL_NAME,
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    check_badge,
    check_full_name,
    check_password,
    check_pin,
    check_role,
    check_username,
    normalise_username,
)
from .user_views import UserView, stored_utc, user_view

# The fields' rules, the views and signing in live in user_fields, user_views and
# authentication; callers name them from here.
__all__ = [
    "LOCKOUT",
    "MAX_FAILED_ATTEMPTS",
    "MAX_FULL_NAME",
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "UserView",
    "add_user",
    "authenticate",
    "authenticate_badge",
    "change_password",
    "check_badge",
    "check_password",
    "check_pin",
    "check_role",
    "check_username",
    "deactivate_user",
    "get_user",
    "has_users",
    "list_users",
    "normalise_username",
    "reactivate_user",
    "reset_password",
    "set_badge",
    "set_role",
    "unlock_user",
]

log = logging.getLogger(__name__)


def _audit_values(user: User) -> dict[str, Any]:
    """What the audit log keeps of a user: never a hash, a password or a PIN."""
    return {
        "full_name": user.full_name,
        "role": user.role.value,
        "active": user.active,
        "badge": user.badge,
        "has_pin": user.pin_hash is not None,
    }


# --- validation --------------------------------------------------------------------------


def _badge_and_pin(uow: UnitOfWork, username: str, badge: str | None, pin: str | None) -> str:
    """Validate a badge with its PIN; the badge must be nobody else's. Returns the badge."""
    if badge is None or pin is None:
        # A badge alone would be a password anyone can photocopy; a PIN alone has no use.
        raise ValidationError("user.badge_without_pin", field="badge")
    value = check_badge(badge)
    check_pin(pin)
    holder = uow.users.get_by_badge(value)
    if holder is not None and holder.username != username:
        raise Conflict("user.badge_taken", badge=value)
    return value


# --- changes -----------------------------------------------------------------------------


def add_user(
    ctx: ServiceContext,
    actor: Actor | None,
    username: str,
    role: Role | str,
    full_name: str,
    password: str,
    badge: str | None = None,
    pin: str | None = None,
    *,
    station: str = "",
) -> UserView:
    """Create a user. ``actor`` may be None only while the database has no users: the first
    user, who must be an admin, is then audited as ``system`` at ``station``."""
    if actor is not None and actor.username == SYSTEM_USER:
        actor = None  # the local operator sets the site up: only while it has no users
    if actor is not None:
        require(actor, Action.MANAGE_USERS)  # early; the current role is checked below
    name = check_username(username)
    role = check_role(role)
    full_name = check_full_name(full_name)
    check_password(password, name)
    now = ctx.clock.now()
    password_hash = ctx.passwords.hash(password)  # slow: not while the users are held
    with ctx.uow() as uow:
        uow.users.lock_users()  # two stations adding the first admin at once take turns
        if actor is not None:
            check_current(uow, now, actor, Action.MANAGE_USERS)
        first = uow.users.count() == 0
        if actor is None and not first:
            raise PermissionDenied(
                "user.add_needs_admin",
                action=Action.MANAGE_USERS.value,
            )
        if first and role != Role.ADMIN:
            raise ValidationError(
                "user.first_must_be_admin",
                field="role",
                value=role.value,
            )
        if uow.users.get(name) is not None:
            raise Conflict("user.exists", username=name)
        if badge is not None or pin is not None:
            badge = _badge_and_pin(uow, name, badge, pin)
        user = User(
            username=name,
            full_name=full_name,
            role=role,
            password_hash=password_hash,
            badge=badge,
            pin_hash=ctx.passwords.hash(pin) if pin is not None else None,
            created_at=now,
        )
        uow.users.add(user)
        who = actor if actor is not None else Actor.system(station)
        audit.record(uow, ctx, who, "user", name, "add", None, _audit_values(user))
        uow.commit()
    log.info("user %s (%s) added by %s", name, role.value, who.username)
    return user_view(user)


def _get(uow: UnitOfWork, username: str) -> User:
    name = normalise_username(username)
    user = uow.users.get(name)
    if user is None:
        raise NotFound("user.unknown", username=name)
    return user


def _active_admins(uow: UnitOfWork) -> set[str]:
    return {u.username for u in uow.users.list() if u.active and u.role == Role.ADMIN}


def _keep_an_admin(uow: UnitOfWork, user: User, *, demote: bool) -> None:
    """Refuse a change (a deactivation, or a demotion with ``demote``) that would leave no
    active admin to manage the users."""
    uow.users.lock_users()  # two admins demoting each other at once take turns
    if _active_admins(uow) - {user.username}:
        return
    if demote:
        raise Conflict("user.last_admin_demote", username=user.username)
    raise Conflict("user.last_admin_deactivate", username=user.username)


def _save(
    ctx: ServiceContext,
    uow: UnitOfWork,
    actor: Actor,
    user: User,
    action: str,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
) -> UserView:
    uow.users.save(user)
    audit.record(uow, ctx, actor, "user", user.username, action, old, new)
    uow.commit()
    log.info("user %s: %s by %s", user.username, action, actor.username)
    return user_view(user)


def list_users(ctx: ServiceContext, actor: Actor) -> list[UserView]:
    require(actor, Action.MANAGE_USERS)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        return [user_view(u) for u in uow.users.list()]


def get_user(ctx: ServiceContext, actor: Actor, username: str) -> UserView:
    require(actor, Action.MANAGE_USERS)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        return user_view(_get(uow, username))


def deactivate_user(ctx: ServiceContext, actor: Actor, username: str) -> UserView:
    """Stop a user from signing in. Their past work and audit trail stay as they are."""
    require(actor, Action.MANAGE_USERS)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        user = _get(uow, username)
        if not user.active:
            return user_view(user)
        if user.role == Role.ADMIN:
            _keep_an_admin(uow, user, demote=False)
        user.active = False
        return _save(ctx, uow, actor, user, "deactivate", {"active": True}, {"active": False})


def reactivate_user(ctx: ServiceContext, actor: Actor, username: str) -> UserView:
    require(actor, Action.MANAGE_USERS)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        user = _get(uow, username)
        if user.active:
            return user_view(user)
        user.active = True
        return _save(ctx, uow, actor, user, "reactivate", {"active": False}, {"active": True})


def set_role(ctx: ServiceContext, actor: Actor, username: str, role: Role | str) -> UserView:
    require(actor, Action.MANAGE_USERS)
    role = check_role(role)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        user = _get(uow, username)
        if user.role == role:
            return user_view(user)
        if user.role == Role.ADMIN and user.active:
            _keep_an_admin(uow, user, demote=True)
        old = user.role
        user.role = role
        return _save(ctx, uow, actor, user, "set_role", {"role": old.value}, {"role": role.value})


def reset_password(ctx: ServiceContext, actor: Actor, username: str, new_password: str) -> UserView:
    """Give a user a new password, which they must change at their next sign-in; this also
    lifts a lockout (an admin vouched for them)."""
    require(actor, Action.MANAGE_USERS)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        user = _get(uow, username)
        check_password(new_password, user.username)
        user.password_hash = ctx.passwords.hash(new_password)
        was_locked = user.locked_until is not None
        user.failed_attempts = 0
        user.locked_until = None
        user.must_change_password = True
        # The audit says that the password changed, never what to.
        return _save(
            ctx,
            uow,
            actor,
            user,
            "reset_password",
            {"locked": was_locked},
            {"password": "changed", "locked": False, "must_change_password": True},
        )


def unlock_user(ctx: ServiceContext, actor: Actor, username: str) -> UserView:
    """Lift a lockout before it runs out (an admin vouched for the person); the count of
    failed attempts starts again. A user who is not locked is left as they are."""
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        user = _get(uow, username)
        if user.locked_until is None and user.failed_attempts == 0:
            return user_view(user)
        until = stored_utc(user.locked_until)
        old = {
            "locked_until": until.isoformat() if until else None,
            "failed_attempts": user.failed_attempts,
        }
        user.locked_until = None
        user.failed_attempts = 0
        return _save(
            ctx, uow, actor, user, "unlock", old, {"locked_until": None, "failed_attempts": 0}
        )


def change_password(
    ctx: ServiceContext, username: str, current_password: str, new_password: str, station: str
) -> UserView:
    """A user's own new password (``qc-station users passwd``, or the login page after a
    reset). The current password is checked as a sign-in is (a wrong one counts towards the
    lockout; a deactivated account is refused); the new one must differ from it. Clears
    ``must_change_password``; audited as the user themselves."""
    signed_in = authenticate(ctx, username, current_password, station)
    check_password(new_password, signed_in.username)
    if new_password == current_password:
        raise ValidationError("user.password_unchanged", field="new_password")
    new_hash = ctx.passwords.hash(new_password)
    actor = signed_in.actor(station)
    with ctx.uow() as uow:
        check_current(uow, ctx.clock.now(), actor, None)  # deactivated or locked meanwhile
        user = _get(uow, signed_in.username)
        was = user.must_change_password
        user.password_hash = new_hash
        user.must_change_password = False
        return _save(
            ctx,
            uow,
            actor,
            user,
            "change_password",
            {"must_change_password": was},
            {"password": "changed", "must_change_password": False},
        )


def has_users(ctx: ServiceContext) -> bool:
    """Whether the site has a user yet; until it has one it is being set up (SPEC §6, §11):
    the command line then acts as ``system`` and the window offers the first-admin form."""
    with ctx.uow(read_only=True) as uow:
        return uow.users.count() > 0


def set_badge(
    ctx: ServiceContext, actor: Actor, username: str, badge: str | None, pin: str | None
) -> UserView:
    """Give a user a badge and PIN for badge login, or take them away (both None)."""
    require(actor, Action.MANAGE_USERS)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        user = _get(uow, username)
        old = {"badge": user.badge, "has_pin": user.pin_hash is not None}
        if badge is None and pin is None:
            user.badge, user.pin_hash = None, None
        else:
            user.badge = _badge_and_pin(uow, user.username, badge, pin)
            user.pin_hash = ctx.passwords.hash(pin) if pin is not None else None
        new = {"badge": user.badge, "has_pin": user.pin_hash is not None}
        return _save(ctx, uow, actor, user, "set_badge", old, new)
