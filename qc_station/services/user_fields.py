"""What a user name, password, badge, PIN, role and full name must be (SPEC §6): each checked
and normalised here, before any service stores it.
"""

from __future__ import annotations

import re

from qc_station.domain.enums import Role
from qc_station.domain.errors import ValidationError

from .context import SYSTEM_USER

MIN_PASSWORD_LENGTH = 8
# argon2 takes any length, but a megabyte "password" is a denial of service, not a secret.
MAX_PASSWORD_LENGTH = 1024
MAX_FULL_NAME = 100
_USERNAME = re.compile(r"[a-z0-9._-]{2,32}")
_PIN = re.compile(r"[0-9]{4,8}")
_BADGE = re.compile(r"[\x21-\x7e]{1,64}")  # printable ASCII, no spaces: what a scanner types


def normalise_username(username: str) -> str:
    """User names are stored lower case; what people type is trimmed and lowered."""
    return (username or "").strip().lower()


def check_username(username: str) -> str:
    name = normalise_username(username)
    if not _USERNAME.fullmatch(name):
        raise ValidationError(
            "user.name_invalid",
            field="username",
            value=username,
        )
    if name == SYSTEM_USER:
        raise ValidationError(
            "user.name_reserved",
            field="username",
            value=username,
        )
    return name


def check_password(password: str, username: str) -> str:
    """The password policy: not empty, at least 8 characters, not the user name."""
    if not password:
        raise ValidationError("user.password_missing", field="password")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "user.password_short",
            field="password",
            min_length=MIN_PASSWORD_LENGTH,
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(
            "user.password_long",
            field="password",
            max_length=MAX_PASSWORD_LENGTH,
        )
    if password.strip().lower() == normalise_username(username):
        raise ValidationError("user.password_is_name", field="password")
    return password


def check_pin(pin: str) -> str:
    if not _PIN.fullmatch(pin or ""):
        raise ValidationError("user.pin_invalid", field="pin")
    return pin


def check_badge(badge: str) -> str:
    value = (badge or "").strip()
    if not _BADGE.fullmatch(value):
        raise ValidationError(
            "user.badge_invalid",
            field="badge",
            value=badge,
        )
    return value


def check_role(role: Role | str) -> Role:
    try:
        return Role(str(role).strip().lower())
    except ValueError:
        raise ValidationError(
            "user.role_unknown", field="role", value=str(role), known_role=[r.value for r in Role]
        ) from None


def check_full_name(full_name: str) -> str:
    value = (full_name or "").strip()
    if len(value) > MAX_FULL_NAME:
        raise ValidationError("user.full_name_long", field="full_name", limit=MAX_FULL_NAME)
    return value
