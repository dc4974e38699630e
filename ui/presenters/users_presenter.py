"""Administration → Users (SPEC §6, §8): list the accounts; add one with a role and an initial
password (and optionally a badge and PIN); for the selected account change the role, reset the
password, set or remove the badge and PIN, deactivate or reactivate it.

Everything goes through ``qc_station.services.users``, which checks the admin role, the
password and PIN rules and that an active admin remains; its refusals are shown inline next
to the form, with the field they name in ``error_field``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from qc_station.domain.enums import Role
from qc_station.domain.errors import QcError
from qc_station.services import users
from qc_station.services.users import UserView

from ..messages import describe
from ..session import Session
from .base import ChangeOp, Presenter, QueryOp


@dataclass(frozen=True)
class UsersState:
    users: tuple[UserView, ...] = ()
    selected: str | None = None
    busy: bool = False
    message: str = ""
    error: str = ""
    error_field: str = ""  # "username", "password", "pin", "badge", "role", "full_name"


def _tr(source: str) -> str:
    return QCoreApplication.translate("UsersPresenter", source)


class UsersPresenter(Presenter[UsersState]):
    user_added = Signal(str)
    _failure_clears = ("message",)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, UsersState(), parent)

    @property
    def selected_user(self) -> UserView | None:
        return next((u for u in self.state.users if u.username == self.state.selected), None)

    # --- commands ------------------------------------------------------------------------

    def refresh(self) -> None:
        session = self.session
        self.run(
            QueryOp(
                lambda: users.list_users(session.ctx, session.require_actor()),
                on_success=self._on_listed,
            )
        )

    def select(self, username: str | None) -> None:
        self._set(selected=username, message="", error="", error_field="")

    def add_user(
        self,
        username: str,
        full_name: str,
        role: Role,
        password: str,
        repeated: str,
        badge: str = "",
        pin: str = "",
    ) -> None:
        if password != repeated:
            self._fail_field("password", _tr("The two passwords are not the same."))
            return
        session = self.session
        badge_value = badge.strip() or None
        pin_value = pin.strip() or None

        def add() -> UserView:
            return users.add_user(
                session.ctx,
                session.require_actor(),
                username,
                role,
                full_name,
                password,
                badge_value,
                pin_value,
                station=session.station,
            )

        self.run(ChangeOp(add, on_success=self._on_added))

    def set_role(self, role: Role) -> None:
        name = self._selected_name()
        if name is None:
            return
        session = self.session
        self._change(
            lambda: users.set_role(session.ctx, session.require_actor(), name, role),
            _tr("{user} is now {role}.").format(user=name, role=role_label(role)),
        )

    def reset_password(self, password: str, repeated: str) -> None:
        name = self._selected_name()
        if name is None:
            return
        if password != repeated:
            self._fail_field("new_password", _tr("The two passwords are not the same."))
            return
        session = self.session
        self._change(
            lambda: users.reset_password(session.ctx, session.require_actor(), name, password),
            _tr("The password of {user} was reset; a lockout is lifted.").format(user=name),
        )

    def set_badge(self, badge: str, pin: str) -> None:
        name = self._selected_name()
        if name is None:
            return
        session = self.session
        badge_value, pin_value = badge.strip() or None, pin.strip() or None
        if badge_value is None and pin_value is None:
            self._fail_field("badge", _tr("Scan or type the badge and enter its PIN."))
            return
        self._change(
            lambda: users.set_badge(
                session.ctx, session.require_actor(), name, badge_value, pin_value
            ),
            _tr("{user} can now sign in with the badge.").format(user=name),
        )

    def remove_badge(self) -> None:
        name = self._selected_name()
        if name is None:
            return
        session = self.session
        self._change(
            lambda: users.set_badge(session.ctx, session.require_actor(), name, None, None),
            _tr("The badge of {user} was removed.").format(user=name),
        )

    def set_active(self, active: bool) -> None:
        name = self._selected_name()
        if name is None:
            return
        session = self.session
        if active:
            self._change(
                lambda: users.reactivate_user(session.ctx, session.require_actor(), name),
                _tr("{user} can sign in again.").format(user=name),
            )
        else:
            self._change(
                lambda: users.deactivate_user(session.ctx, session.require_actor(), name),
                _tr("{user} is deactivated and can no longer sign in.").format(user=name),
            )

    # --- results -------------------------------------------------------------------------

    def _selected_name(self) -> str | None:
        if self.state.selected is None:
            self._fail(_tr("Select a user first."))
        return self.state.selected

    def _change(self, work: Callable[[], UserView], success: str) -> None:
        def done(user: object) -> None:
            assert isinstance(user, UserView)
            self._replace_user(user)
            self._succeed(success)

        self.run(ChangeOp(work, on_success=done))

    def _replace_user(self, user: UserView) -> None:
        found = [user if u.username == user.username else u for u in self.state.users]
        if user.username not in {u.username for u in self.state.users}:
            found.append(user)
        self._set(users=tuple(sorted(found, key=lambda u: u.username)))

    def _on_listed(self, listed: object) -> None:
        found = tuple(sorted(listed, key=lambda u: u.username))  # type: ignore[call-overload]
        names = {u.username for u in found}
        selected = self.state.selected if self.state.selected in names else None
        self._set(users=found, selected=selected)

    def _on_added(self, user: object) -> None:
        assert isinstance(user, UserView)
        self._replace_user(user)
        self._set(selected=user.username)
        self._succeed(
            _tr("Added {user} as {role}.").format(user=user.username, role=role_label(user.role))
        )
        self.user_added.emit(user.username)

    def _on_failed(self, error: BaseException) -> None:
        field = error.params.get("field", "") if isinstance(error, QcError) else ""
        self._fail_field(str(field or ""), describe(error))

    def _fail_field(self, field: str, message: str) -> None:
        self._fail(message)
        self._set(error_field=field)

    def _succeed(self, message: str) -> None:
        super()._succeed(message)
        self._set(error_field="")


def role_label(role: Role) -> str:
    """The role's name for people, translated."""
    labels = {
        Role.INSPECTOR: QCoreApplication.translate("Roles", "inspector"),
        Role.SUPERVISOR: QCoreApplication.translate("Roles", "supervisor"),
        Role.ADMIN: QCoreApplication.translate("Roles", "admin"),
    }
    return labels[role]
