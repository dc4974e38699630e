"""The station's session: the built application (the services' context and the ports of the
station's other adapters, ``bootstrap.App``), the task runner, the sounds and who is signed
in. Passed to presenters instead of a global, so tests build one from fakes.

At start the window is shown before the core exists (``ui.app``): the core is built by the
first job of the database lane, which hands it over there (:meth:`Session.attach`), so every
later job of that lane finds it. Code on the GUI thread reaches :attr:`Session.ctx` and
:attr:`Session.ports` only once the window has started, after the core was built."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from .sounds import Sounds

if TYPE_CHECKING:
    # Names for the annotations only: the session is made before the first window shows,
    # and the services' modules (about 50 ms) load after it, with the core.
    from qc_station.config import Config
    from qc_station.domain.policy import Policy
    from qc_station.services.context import Actor, ServiceContext
    from qc_station.services.sign_in_ports import SignIn
    from qc_station.services.station_ports import StationPorts
    from qc_station.services.users import UserView

    from .tasks import TaskRunner


class Session(QObject):
    """Who is at the station now; emits when that changes."""

    signed_in = Signal(object)  # UserView
    signed_out = Signal()
    #: decisions are made with another policy from now on (its hash)
    policy_changed = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext | None,
        config: Config,
        runner: TaskRunner,
        sounds: Sounds | None = None,
        parent: QObject | None = None,
        *,
        ports: StationPorts | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._ports = ports
        self.config = config
        self.runner = runner
        self.sounds = sounds or Sounds()
        self.user: UserView | None = None
        #: this sign-in's record, whose key signs the outage journal's entries (SPEC §6);
        #: in memory only, never written to the station's disk
        self.journal_sign_in: SignIn | None = None

    @property
    def ctx(self) -> ServiceContext:
        """The services' context; a bug to ask for before the core is built."""
        if self._ctx is None:
            raise RuntimeError("the core is not built yet")
        return self._ctx

    @property
    def ports(self) -> StationPorts:
        """The station's adapters (journal, printer, camera…); a bug to ask for before the
        core is built."""
        if self._ports is None:
            raise RuntimeError("the station's ports are not built yet")
        return self._ports

    @property
    def attached(self) -> bool:
        """Whether the core is built (:meth:`attach`)."""
        return self._ports is not None

    def attach(self, ctx: ServiceContext, ports: StationPorts) -> None:
        """The core is built: from now on :attr:`ctx` and :attr:`ports` answer, on any
        thread."""
        self._ctx = ctx
        self._ports = ports

    def use_policy(self, policy: Policy) -> None:
        """Decide with ``policy`` from now on (activated at this station or another); on the
        GUI thread. Each decision records the policy it was made with."""
        if policy.hash == self.ctx.policy.hash:
            return
        self._ctx = replace(self.ctx, policy=policy)
        self.policy_changed.emit(policy.hash)

    @property
    def station(self) -> str:
        return self.config.station

    @property
    def actor(self) -> Actor | None:
        return self.user.actor(self.station) if self.user else None

    def require_actor(self) -> Actor:
        actor = self.actor
        if actor is None:
            raise RuntimeError("no user is signed in")  # a bug: pages are locked without one
        return actor

    def sign_in(self, user: UserView, journal_sign_in: SignIn | None = None) -> None:
        self.user = user
        self.journal_sign_in = journal_sign_in
        self.signed_in.emit(user)

    def sign_out(self) -> None:
        self.user = None
        self.journal_sign_in = None
        self.signed_out.emit()
