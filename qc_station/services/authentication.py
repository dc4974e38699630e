"""Signing in by user name and password or by badge and PIN, with the lockout (SPEC §6; the
rules are in ``services/users.py``'s docstring): five failed attempts lock the account for
five minutes, and an unknown name costs a hash and gets a wrong password's message.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from qc_station.domain.errors import AuthenticationFailed
from qc_station.domain.model import User

from . import audit
from .context import Actor, ServiceContext
from .ports import UnitOfWork
from .user_fields import normalise_username
from .user_views import UserView, stored_utc, user_view

log = logging.getLogger(__name__)

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)


def _wrong(badge: bool) -> AuthenticationFailed:
    """The one refusal of a wrong secret or an unknown name (no user enumeration)."""
    if badge:
        return AuthenticationFailed("account.wrong_pin")
    return AuthenticationFailed("account.wrong_credentials")


def _refuse_if_locked(user: User, now: datetime) -> None:
    locked_until = stored_utc(user.locked_until)
    if locked_until is not None and now < locked_until:
        raise AuthenticationFailed(
            "account.locked_until",
            username=user.username,
            attempts=MAX_FAILED_ATTEMPTS,
            until=locked_until,
            locked_until=locked_until,
        )


def _sign_in(
    ctx: ServiceContext,
    uow: UnitOfWork,
    user: User,
    secret_hash: str | None,
    secret: str,
    station: str,
    badge: bool,
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
        raise _wrong(badge)
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
            raise _wrong(badge)
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
            "account.locked_now",
            wrong={"code": _wrong(badge).message_code, "params": {}},
            username=user.username,
            attempts=MAX_FAILED_ATTEMPTS,
            until=until,
            locked_until=until,
        )
    if not user.active:
        raise AuthenticationFailed("account.deactivated", username=user.username)
    if user.failed_attempts or user.locked_until is not None:
        user.failed_attempts = 0
        user.locked_until = None
        uow.users.save(user)
        uow.commit()
    return user_view(user)


def authenticate(ctx: ServiceContext, username: str, password: str, station: str) -> UserView:
    """Sign in with user name and password; raises ``AuthenticationFailed``."""
    with ctx.uow() as uow:
        user = uow.users.get(normalise_username(username))
        if user is None:
            # Same message and about the same time as a wrong password: no user enumeration.
            ctx.passwords.hash(password or "-")
            raise _wrong(badge=False)
        return _sign_in(ctx, uow, user, user.password_hash, password, station, badge=False)


def authenticate_badge(ctx: ServiceContext, badge: str, pin: str, station: str) -> UserView:
    """Sign in with a scanned badge and its PIN; the same lockout as passwords."""
    with ctx.uow() as uow:
        value = (badge or "").strip()
        user = uow.users.get_by_badge(value) if value else None
        if user is None:
            ctx.passwords.hash(pin or "-")
            raise _wrong(badge=True)
        return _sign_in(ctx, uow, user, user.pin_hash, pin, station, badge=True)
