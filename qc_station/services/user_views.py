"""A user as the screens and the command line see one (``UserView``: never a password or PIN
hash), made from the domain's ``User``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from qc_station.domain.enums import Role
from qc_station.domain.model import User

from .context import Actor


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


def user_view(user: User) -> UserView:
    return UserView(
        username=user.username,
        full_name=user.full_name,
        role=user.role,
        active=user.active,
        badge=user.badge,
        has_pin=user.pin_hash is not None,
        locked_until=stored_utc(user.locked_until),
        created_at=stored_utc(user.created_at),
        must_change_password=user.must_change_password,
    )


def stored_utc(value: datetime | None) -> datetime | None:
    # Stored times are UTC; some drivers return them naive, and naive and aware times
    # cannot be compared.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)
