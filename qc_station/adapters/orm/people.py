"""People and stations: users, their sign-ins (with the outage journal's keys) and the stations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Integer,
    String,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import CODE, NAME, TEXT, Base, UtcDateTime


class SignInRow(Base):
    """A sign-in at a station, with the key its outage journal signs entries with (SPEC
    §6): a journal entry replays only as the user of the sign-in whose key signed it."""

    __tablename__ = "sign_ins"

    id: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    username: Mapped[str] = mapped_column(String(NAME))
    station: Mapped[str] = mapped_column(String(NAME))
    signed_in_at: Mapped[datetime] = mapped_column(UtcDateTime)
    key: Mapped[str] = mapped_column(String(64))


class UserRow(Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(NAME), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(NAME))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(TEXT))
    active: Mapped[bool] = mapped_column(Boolean)
    badge: Mapped[str | None] = mapped_column(String(NAME), unique=True)
    pin_hash: Mapped[str | None] = mapped_column(String(TEXT))
    failed_attempts: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    #: Set by an admin's password reset: a new password at the next sign-in (SPEC §6).
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )


class StationRow(Base):
    """A station of the site and its heartbeat (migration 0006): one row per station name,
    written by the station itself every few seconds while it runs."""

    __tablename__ = "stations"

    name: Mapped[str] = mapped_column(String(NAME), primary_key=True)
    host: Mapped[str] = mapped_column(String(NAME))
    version: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen: Mapped[datetime] = mapped_column(UtcDateTime)
