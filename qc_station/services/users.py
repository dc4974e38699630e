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
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from qc_station.domain.enums import Role
from qc_station.domain.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from qc_station.domain.model import User

from . import audit
from .context import SYSTEM_USER, Actor, ServiceContext
from .permissions import Action, authorized, check_current, require
from .ports import UnitOfWork

log = logging.getLogger(__name__)

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)

MIN_PASSWORD_LENGTH = 8
# argon2 takes any length, but a megabyte "password" is a denial of service, not a secret.
MAX_PASSWORD_LENGTH = 1024
MAX_FULL_NAME = 100

_USERNAME = re.compile(r"[a-z0-9._-]{2,32}")
_PIN = re.compile(r"[0-9]{4,8}")
_BADGE = re.compile(r"[\x21-\x7e]{1,64}")  # printable ASCII, no spaces: what a scanner types

_WRONG_PASSWORD = "wrong user name or password"
_WRONG_PIN = "unknown badge or wrong PIN"


@dataclass(frozen=True)
class UserView:
    """A user as the screens and the command line see one: no password or PIN hash."""

    username: str
    full_name: str
    role: Role
    active: bool
    badge: str | None
    has_pin: bool
    locked_until: datetime | None
    created_at: datetime | None
    #: The password was reset: the user must choose a new one before working.
    must_change_password: bool = False

    def actor(self, station: str) -> Actor:
        """The actor that services take, for this user at ``station``."""
        return Actor(self.username, self.role, station)


def _view(user: User) -> UserView:
    return UserView(
        username=user.username,
        full_name=user.full_name,
        role=user.role,
        active=user.active,
        badge=user.badge,
        has_pin=user.pin_hash is not None,
        locked_until=_utc(user.locked_until),
        created_at=_utc(user.created_at),
        must_change_password=user.must_change_password,
    )


def _utc(value: datetime | None) -> datetime | None:
    # Stored times are UTC; some drivers return them naive, and naive and aware times
    # cannot be compared.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


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


def normalise_username(username: str) -> str:
    """User names are stored lower case; what people type is trimmed and lowered."""
    return (username or "").strip().lower()


def check_username(username: str) -> str:
    name = normalise_username(username)
    if not _USERNAME.fullmatch(name):
        raise ValidationError(
            f"user name {username!r} is not valid: use 2 to 32 lower-case letters, digits, "
            "dots, dashes or underscores",
            field="username",
            value=username,
        )
    if name == SYSTEM_USER:
        raise ValidationError(
            f"user name {SYSTEM_USER!r} is reserved for the local operator",
            field="username",
            value=username,
        )
    return name


def check_password(password: str, username: str) -> str:
    """The password policy: not empty, at least 8 characters, not the user name."""
    if not password:
        raise ValidationError("a password is required", field="password")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"the password is too short: use at least {MIN_PASSWORD_LENGTH} characters",
            field="password",
            min_length=MIN_PASSWORD_LENGTH,
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(
            f"the password is too long: use at most {MAX_PASSWORD_LENGTH} characters",
            field="password",
            max_length=MAX_PASSWORD_LENGTH,
        )
    if password.strip().lower() == normalise_username(username):
        raise ValidationError("the password must not be the user name", field="password")
    return password


def check_pin(pin: str) -> str:
    if not _PIN.fullmatch(pin or ""):
        raise ValidationError("a PIN is 4 to 8 digits", field="pin")
    return pin


def check_badge(badge: str) -> str:
    value = (badge or "").strip()
    if not _BADGE.fullmatch(value):
        raise ValidationError(
            f"badge {badge!r} is not valid: 1 to 64 printable characters without spaces",
            field="badge",
            value=badge,
        )
    return value


def check_role(role: Role | str) -> Role:
    try:
        return Role(str(role).strip().lower())
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise ValidationError(
            f"unknown role {role!r}: use one of {names}", field="role", value=str(role)
        ) from None


def _check_full_name(full_name: str) -> str:
    value = (full_name or "").strip()
    if len(value) > MAX_FULL_NAME:
        raise ValidationError(
            f"the full name is limited to {MAX_FULL_NAME} characters", field="full_name"
        )
    return value


def _badge_and_pin(uow: UnitOfWork, username: str, badge: str | None, pin: str | None) -> str:
    """Validate a badge with its PIN; the badge must be nobody else's. Returns the badge."""
    if badge is None or pin is None:
        # A badge alone would be a password anyone can photocopy; a PIN alone has no use.
        raise ValidationError("a badge and its PIN go together: give both", field="badge")
    value = check_badge(badge)
    check_pin(pin)
    holder = uow.users.get_by_badge(value)
    if holder is not None and holder.username != username:
        raise Conflict(f"badge {value} belongs to another user", badge=value)
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
    full_name = _check_full_name(full_name)
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
                "adding a user needs an admin to sign in (only the first user needs none)",
                action=Action.MANAGE_USERS.value,
            )
        if first and role != Role.ADMIN:
            raise ValidationError(
                "the first user must be an admin, so that someone can manage the others",
                field="role",
                value=role.value,
            )
        if uow.users.get(name) is not None:
            raise Conflict(f"user {name} exists already", username=name)
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
    return _view(user)


def _get(uow: UnitOfWork, username: str) -> User:
    name = normalise_username(username)
    user = uow.users.get(name)
    if user is None:
        raise NotFound(f"unknown user {name}", username=name)
    return user


def _active_admins(uow: UnitOfWork) -> set[str]:
    return {u.username for u in uow.users.list() if u.active and u.role == Role.ADMIN}


def _keep_an_admin(uow: UnitOfWork, actor: Actor, user: User, what: str) -> None:
    """Refuse a change that would leave no active admin to manage the users."""
    uow.users.lock_users()  # two admins demoting each other at once take turns
    if _active_admins(uow) - {user.username}:
        return
    who = "yourself" if user.username == actor.username else user.username
    raise Conflict(
        f"cannot {what} {who}: {user.username} is the last active admin; "
        "make another user admin first",
        username=user.username,
    )


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
    return _view(user)


def list_users(ctx: ServiceContext, actor: Actor) -> list[UserView]:
    require(actor, Action.MANAGE_USERS)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        return [_view(u) for u in uow.users.list()]


def get_user(ctx: ServiceContext, actor: Actor, username: str) -> UserView:
    require(actor, Action.MANAGE_USERS)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        return _view(_get(uow, username))


def deactivate_user(ctx: ServiceContext, actor: Actor, username: str) -> UserView:
    """Stop a user from signing in. Their past work and audit trail stay as they are."""
    require(actor, Action.MANAGE_USERS)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        user = _get(uow, username)
        if not user.active:
            return _view(user)
        if user.role == Role.ADMIN:
            _keep_an_admin(uow, actor, user, "deactivate")
        user.active = False
        return _save(ctx, uow, actor, user, "deactivate", {"active": True}, {"active": False})


def reactivate_user(ctx: ServiceContext, actor: Actor, username: str) -> UserView:
    require(actor, Action.MANAGE_USERS)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        user = _get(uow, username)
        if user.active:
            return _view(user)
        user.active = True
        return _save(ctx, uow, actor, user, "reactivate", {"active": False}, {"active": True})


def set_role(ctx: ServiceContext, actor: Actor, username: str, role: Role | str) -> UserView:
    require(actor, Action.MANAGE_USERS)
    role = check_role(role)
    with authorized(ctx, actor, Action.MANAGE_USERS) as uow:
        user = _get(uow, username)
        if user.role == role:
            return _view(user)
        if user.role == Role.ADMIN and user.active:
            _keep_an_admin(uow, actor, user, "demote")
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
            return _view(user)
        until = _utc(user.locked_until)
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
        raise ValidationError(
            "the new password must differ from the current one", field="new_password"
        )
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


# --- signing in --------------------------------------------------------------------------


def _refuse_if_locked(user: User, now: datetime) -> None:
    locked_until = _utc(user.locked_until)
    if locked_until is not None and now < locked_until:
        raise AuthenticationFailed(
            _locked_message(user, locked_until), username=user.username, locked_until=locked_until
        )


def _locked_message(user: User, until: datetime) -> str:
    return (
        f"account {user.username} is locked after {MAX_FAILED_ATTEMPTS} failed attempts "
        f"until {until:%Y-%m-%d %H:%M:%S} UTC; try again then or ask an admin"
    )


def _sign_in(
    ctx: ServiceContext,
    uow: UnitOfWork,
    user: User,
    secret_hash: str | None,
    secret: str,
    station: str,
    wrong: str,
) -> UserView:
    """Check one secret of a known user, with lockout; commits what it changes."""
    now = ctx.clock.now()
    # Refused without looking at the secret: a right guess must not be confirmed, and the
    # lock must not be extended by someone hammering it.
    _refuse_if_locked(user, now)
    if secret_hash is None:
        # No PIN set: spend the same time as a check, then fail like a wrong one.
        ctx.passwords.hash(secret or "-")
        ok = False
    else:
        ok = ctx.passwords.verify(secret_hash, secret)
    # The check took a while without a lock; now hold the row and count on what is stored
    # now, so that an attempt at another station at the same moment is neither lost nor
    # undone, and a lockout is made (and audited) once.
    current = uow.users.get_for_update(user.username)
    if current is None:
        raise AuthenticationFailed(wrong)
    user = current
    _refuse_if_locked(user, now)  # another station's attempts locked it meanwhile
    if not ok:
        user.failed_attempts += 1
        if user.failed_attempts < MAX_FAILED_ATTEMPTS:
            uow.users.save(user)
            uow.commit()
            log.info(
                "failed sign-in for %s at %s (%d)", user.username, station, user.failed_attempts
            )
            raise AuthenticationFailed(wrong)
        until = now + LOCKOUT
        user.failed_attempts = 0  # a fresh count once the lock has passed
        user.locked_until = until
        uow.users.save(user)
        audit.record(
            uow,
            ctx,
            Actor.system(station),
            "user",
            user.username,
            "lock",
            None,
            {"locked_until": until.isoformat(), "failed_attempts": MAX_FAILED_ATTEMPTS},
        )
        uow.commit()
        log.warning(
            "account %s locked until %s after failed sign-ins at %s", user.username, until, station
        )
        raise AuthenticationFailed(
            f"{wrong}; {_locked_message(user, until)}", username=user.username, locked_until=until
        )
    if not user.active:
        raise AuthenticationFailed(
            f"account {user.username} is deactivated; ask an admin", username=user.username
        )
    if user.failed_attempts or user.locked_until is not None:
        user.failed_attempts = 0
        user.locked_until = None
        uow.users.save(user)
        uow.commit()
    return _view(user)


def authenticate(ctx: ServiceContext, username: str, password: str, station: str) -> UserView:
    """Sign in with user name and password; raises ``AuthenticationFailed``."""
    with ctx.uow() as uow:
        user = uow.users.get(normalise_username(username))
        if user is None:
            # Same message and about the same time as a wrong password: no user enumeration.
            ctx.passwords.hash(password or "-")
            raise AuthenticationFailed(_WRONG_PASSWORD)
        return _sign_in(ctx, uow, user, user.password_hash, password, station, _WRONG_PASSWORD)


def authenticate_badge(ctx: ServiceContext, badge: str, pin: str, station: str) -> UserView:
    """Sign in with a scanned badge and its PIN; the same lockout as passwords."""
    with ctx.uow() as uow:
        value = (badge or "").strip()
        user = uow.users.get_by_badge(value) if value else None
        if user is None:
            ctx.passwords.hash(pin or "-")
            raise AuthenticationFailed(_WRONG_PIN)
        return _sign_in(ctx, uow, user, user.pin_hash, pin, station, _WRONG_PIN)
