"""Signing in (SPEC §6): user name and password, or a badge scan and PIN where the station
allows it; on a database with no users, the setup step that creates the first admin; the new
password a user must choose after an admin reset theirs, before the station opens; and the
idle lock, which shows the same form with the locked user's name filled in."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, Signal

from qc_station.domain.enums import Role
from qc_station.services import sign_ins, users
from qc_station.services.context import ServiceContext
from qc_station.services.sign_in_ports import SignIn
from qc_station.services.users import UserView

from ..messages import describe
from ..session import Session
from .base import ChangeOp, Presenter, QueryOp


class LoginMode(Enum):
    CHECKING = "checking"  # asking the database whether any user exists
    SETUP = "setup"  # no users yet: create the first admin
    PASSWORD = "password"
    BADGE = "badge"
    CHANGE_PASSWORD = "change_password"  # the password was reset: choose a new one first


@dataclass(frozen=True)
class LoginState:
    mode: LoginMode = LoginMode.CHECKING
    badge_allowed: bool = False
    locked_user: str | None = None  # set while the station is locked for this user
    busy: bool = False
    error: str = ""


def _tr(source: str) -> str:
    return QCoreApplication.translate("LoginPresenter", source)


class LoginPresenter(Presenter[LoginState]):
    user_signed_in = Signal(object)  # UserView

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(
            session, LoginState(badge_allowed=session.config.allow_badge_login), parent
        )
        # Between a sign-in with a reset password and the new one: who, and the password
        # they signed in with (the service asks for it again). Never in the state.
        self._pending: tuple[str, str] | None = None

    # --- commands ------------------------------------------------------------------------

    def check_setup(self) -> None:
        """Find out whether this is the first run (no users), off the GUI thread."""
        ctx = self._session.ctx

        def no_users() -> bool:
            # There is no service for "are there any users"; counting through the unit of
            # work is the cheapest honest answer (reported as a gap in the core).
            with ctx.uow() as uow:
                return uow.users.count() == 0

        self.run(QueryOp(no_users, on_success=self._on_setup_checked), error="")

    def show_badge(self, badge: bool) -> None:
        if self.state.mode in (LoginMode.SETUP, LoginMode.CHECKING):
            return
        mode = LoginMode.BADGE if badge and self.state.badge_allowed else LoginMode.PASSWORD
        self._set(mode=mode, error="")

    def sign_in(self, username: str, password: str) -> None:
        if not username.strip() or not password:
            self._fail(_tr("Enter your user name and password."))
            return
        ctx, station = self._session.ctx, self._session.station
        self._pending = (username, password)
        self.run(
            ChangeOp(
                lambda: _with_sign_in(
                    ctx, users.authenticate(ctx, username, password, station), station
                ),
                on_success=self._on_authenticated,
            ),
            error="",
        )

    def sign_in_badge(self, badge: str, pin: str) -> None:
        if not self.state.badge_allowed:
            return
        if not badge.strip() or not pin:
            self._fail(_tr("Scan your badge and enter your PIN."))
            return
        ctx, station = self._session.ctx, self._session.station
        self._pending = None
        self.run(
            ChangeOp(
                lambda: _with_sign_in(
                    ctx, users.authenticate_badge(ctx, badge, pin, station), station
                ),
                on_success=self._on_authenticated,
            ),
            error="",
        )

    def create_admin(self, username: str, full_name: str, password: str, repeated: str) -> None:
        if password != repeated:
            self._fail(_tr("The two passwords differ; type them again."))
            return
        ctx, station = self._session.ctx, self._session.station
        self.run(
            ChangeOp(
                lambda: users.add_user(
                    ctx, None, username, Role.ADMIN, full_name, password, station=station
                ),
                on_success=self._on_authenticated,
            ),
            error="",
        )

    def change_password(self, new_password: str, repeated: str) -> None:
        """The new password of a user whose password was reset (asked twice)."""
        if self._pending is None or self.state.mode != LoginMode.CHANGE_PASSWORD:
            return
        if new_password != repeated:
            self._fail(_tr("The two passwords differ; type them again."))
            return
        username, current = self._pending
        ctx, station = self._session.ctx, self._session.station
        self.run(
            ChangeOp(
                lambda: _with_sign_in(
                    ctx,
                    users.change_password(ctx, username, current, new_password, station),
                    station,
                ),
                on_success=self._on_authenticated,
            ),
            error="",
        )

    def cancel_change_password(self) -> None:
        """Back to the sign-in form; nobody is signed in."""
        self._pending = None
        self._set(mode=LoginMode.PASSWORD, error="")

    def lock(self, username: str) -> None:
        """The station locked itself for ``username``; the work behind stays as it is."""
        self._set(mode=LoginMode.PASSWORD, locked_user=username, error="")

    # --- results -------------------------------------------------------------------------

    def _on_setup_checked(self, empty: object) -> None:
        self._set(mode=LoginMode.SETUP if empty else LoginMode.PASSWORD, error="")

    def _on_authenticated(self, result: object) -> None:
        user, sign_in = result if isinstance(result, tuple) else (result, None)
        assert isinstance(user, UserView)
        if user.must_change_password:
            # SPEC §6: after a reset the user chooses a new password before working.
            if self._pending is None:  # a badge: the reset password is needed to change it
                self._set(mode=LoginMode.PASSWORD)
                self._fail(
                    _tr(
                        "Your password was reset. Sign in with your user name and the new "
                        "password to choose your own."
                    )
                )
                return
            self._set(mode=LoginMode.CHANGE_PASSWORD, error="")
            return
        self._pending = None
        self._set(mode=LoginMode.PASSWORD, locked_user=None, error="")
        self._session.sign_in(user, sign_in)
        self.user_signed_in.emit(user)

    def _on_failed(self, error: BaseException) -> None:
        if self.state.mode != LoginMode.CHANGE_PASSWORD:
            self._pending = None
        self._fail(describe(error))
        if self.state.mode == LoginMode.CHECKING:
            # The database did not answer; offer the sign-in form, which will say so again.
            self._set(mode=LoginMode.PASSWORD)

    # --- state ---------------------------------------------------------------------------


def _with_sign_in(
    ctx: ServiceContext, user: UserView, station: str
) -> tuple[UserView, SignIn | None]:
    """Record the sign-in (database lane) whose key signs what this session journals during
    an outage (SPEC §6); the key stays in the session's memory. A user who must first choose
    a new password is not signed in yet, so nothing is recorded for them."""
    if user.must_change_password:
        return user, None
    return user, sign_ins.record_sign_in(ctx, user.actor(station))
