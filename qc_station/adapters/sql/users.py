"""Users (``UserRepository``)."""

from __future__ import annotations

import builtins

from sqlalchemy import func, select

from qc_station.domain.enums import Role
from qc_station.domain.errors import Conflict
from qc_station.domain.model import User

from ..orm import UserRow
from ._common import Repo, as_text

#: The PostgreSQL advisory lock that changes to the set of users (the first admin, the last
#: admin) hold until commit ("QCUSR"); it differs from the other keys.
USERS_LOCK_KEY = 0x5143555352


# --- users ---------------------------------------------------------------------------------


def _user(r: UserRow) -> User:
    return User(
        username=r.username,
        full_name=r.full_name,
        role=Role(r.role),
        password_hash=r.password_hash,
        active=r.active,
        badge=r.badge,
        pin_hash=r.pin_hash,
        failed_attempts=r.failed_attempts,
        locked_until=r.locked_until,
        created_at=r.created_at,
        must_change_password=bool(r.must_change_password),
    )


def _copy_user(user: User, row: UserRow) -> None:
    row.full_name = user.full_name
    row.role = as_text(user.role)
    row.password_hash = user.password_hash
    row.active = user.active
    # An empty badge means none: stored as NULL so that the unique index ignores it.
    row.badge = user.badge or None
    row.pin_hash = user.pin_hash
    row.failed_attempts = user.failed_attempts
    row.locked_until = user.locked_until
    row.created_at = user.created_at
    row.must_change_password = user.must_change_password


class SqlUserRepository(Repo):
    def _row(self, username: str) -> UserRow | None:
        return self.session.get(UserRow, username, populate_existing=True)

    def get(self, username: str) -> User | None:
        row = self._row(username)
        return _user(row) if row is not None else None

    def get_by_badge(self, badge: str) -> User | None:
        if not badge:
            return None
        row = self.session.scalars(
            select(UserRow).where(UserRow.badge == badge).execution_options(populate_existing=True)
        ).first()
        return _user(row) if row is not None else None

    def add(self, user: User) -> None:
        row = UserRow(username=user.username)
        _copy_user(user, row)
        with self._unique(Conflict("record.user_or_badge_taken", username=user.username)):
            self.session.add(row)
            self.session.flush()

    def save(self, user: User) -> None:
        row = self._row(user.username)
        with self._unique(Conflict("record.badge_taken", username=user.username)):
            if row is None:
                row = UserRow(username=user.username)
                self.session.add(row)
            _copy_user(user, row)
            self.session.flush()

    def get_for_update(self, username: str) -> User | None:
        # SQLite needs no row lock: every write transaction there is BEGIN IMMEDIATE.
        if not self._is_pg:
            return self.get(username)
        row = self.session.scalars(
            select(UserRow)
            .where(UserRow.username == username)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).first()
        return _user(row) if row is not None else None

    def lock_users(self) -> None:
        if self._is_pg:
            # Under READ COMMITTED the waiting transaction's next statements then see the
            # first one's users (see the port).
            self.session.execute(select(func.pg_advisory_xact_lock(USERS_LOCK_KEY)))

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(UserRow)) or 0

    def list(self) -> builtins.list[User]:
        rows = self.session.scalars(
            select(UserRow)
            .order_by(self._bytewise(UserRow.username))
            .execution_options(populate_existing=True)
        )
        return [_user(r) for r in rows]
