"""Signing in (SPEC §6): user name and password, or a badge scan and PIN where the station
allows it; on a database with no users, the setup step that creates the first admin; the new
password a user must choose after an admin reset theirs, before the station opens; and the
idle lock, which shows the same form with the locked user's name filled in.

The form is on screen before the core is built (``ui.app``: start-up speed), so a sign-in may
be asked for before there is a database to ask: it is kept (:attr:`LoginState.queued`) and
run once the first-run check has answered, never dropped. The services are imported inside
the commands, not here: this module is on the path to the first window, and they are not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..messages import describe
from .base import ChangeOp, Presenter, QueryOp

if TYPE_CHECKING:
    from qc_station.services.context import ServiceContext
    from qc_station.services.sign_in_ports import SignIn
    from qc_station.services.users import UserView

    from ..session import Session


class LoginMode(Enum):
    SETUP = "setup"  # no users yet: create the first admin
    PASSWORD = "password"
    BADGE = "badge"
    CHANGE_PASSWORD = "change_password"  # the password was reset: choose a new one first


@dataclass(frozen=True)
class LoginState:
    mode: LoginMode = LoginMode.PASSWORD
    badge_allowed: bool = False
    locked_user: str | None = None  # set while the station is locked for this user
    busy: bool = False
    error: str = ""
    #: the core is not built or has not answered the first-run check yet: the form takes
    #: what is typed, and a sign-in asked for now waits for it
    connecting: bool = True
    #: a sign-in was asked for while connecting; it runs when the core has answered
    queued: bool = False


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
        # The sign-in asked for before the core answered (see the module's docstring).
        self._queued: Callable[[], None] | None = None

    # --- commands ------------------------------------------------------------------------

    def check_setup(self) -> None:
        """Find out whether this is the first run (no users), off the GUI thread; a sign-in
        asked for in the meantime runs when the answer is there."""
        ctx = self._session.ctx

        def no_users() -> bool:
            # There is no service for "are there any users"; counting through the unit of
            # work is the cheapest honest answer (reported as a gap in the core).
            with ctx.uow() as uow:
                return uow.users.count() == 0

        self.run(
            QueryOp(no_users, on_success=self._on_setup_checked, on_failure=self._on_check_failed),
            error="",
        )

    def show_badge(self, badge: bool) -> None:
        if self.state.mode == LoginMode.SETUP:
            return
        mode = LoginMode.BADGE if badge and self.state.badge_allowed else LoginMode.PASSWORD
        self._set(mode=mode, error="")

    def sign_in(self, username: str, password: str) -> None:
        if not username.strip() or not password:
            self._fail(_tr("Enter your user name and password."))
            return
        if self._keep_for_later(lambda: self.sign_in(username, password)):
            return
        from qc_station.services import users

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
        if self._keep_for_later(lambda: self.sign_in_badge(badge, pin)):
            return
        from qc_station.services import users

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
        from qc_station.domain.enums import Role
        from qc_station.services import users

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
        from qc_station.services import users

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

    def _keep_for_later(self, again: Callable[[], None]) -> bool:
        """While connecting, keep the sign-in to run when the core has answered (the last
        one asked for wins, as a second Enter would); False when it can run now."""
        if not self.state.connecting:
            return False
        self._queued = again
        self._set(queued=True, error="")
        return True

    def _on_setup_checked(self, empty: object) -> None:
        queued, self._queued = self._queued, None
        if empty:
            # A first run: nobody can sign in yet; what was typed cannot be acted on.
            self._set(mode=LoginMode.SETUP, connecting=False, queued=False, error="")
            return
        self._set(connecting=False, queued=False, error="")
        if queued is not None:
            queued()

    def _on_check_failed(self, error: BaseException) -> None:
        # The database did not answer. A kept sign-in is tried all the same: it says why it
        # cannot be done in the person's own terms, and works if the database is back.
        queued, self._queued = self._queued, None
        self._set(connecting=False, queued=False)
        self._fail(describe(error))
        if queued is not None:
            queued()

    def _on_authenticated(self, result: object) -> None:
        from qc_station.services.users import UserView

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


def _with_sign_in(
    ctx: ServiceContext, user: UserView, station: str
) -> tuple[UserView, SignIn | None]:
    """Record the sign-in (database lane) whose key signs what this session journals during
    an outage (SPEC §6); the key stays in the session's memory. A user who must first choose
    a new password is not signed in yet, so nothing is recorded for them."""
    from qc_station.services import sign_ins

    if user.must_change_password:
        return user, None
    return user, sign_ins.record_sign_in(ctx, user.actor(station))
