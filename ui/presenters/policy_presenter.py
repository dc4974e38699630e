"""Administration → Policy (SPEC §5, §8): the active policy's text and hash, its history, and
a new policy file chosen, validated (the exact error, naming the key), tried on the example
cases of ``decide-batch`` (how many outcomes change) and activated with a note.

Activating goes through ``services.policy_admin.activate`` (admins only, audited, the old
version kept). This station then decides with the new policy at once (the session's context
is replaced); other stations take it with their next heartbeat (``ui/station_link.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from qc_station.domain.errors import PolicyError, QcError
from qc_station.domain.policy import Policy
from qc_station.services import policy_admin
from qc_station.services.policy_admin import ActivationResult, ActivePolicy, PolicyComparison
from qc_station.services.ports import PolicyActivation

from ..messages import describe
from ..session import Session
from ..tasks import Lane
from .base import ChangeOp, Presenter, QueryOp


@dataclass(frozen=True)
class PolicyState:
    active: ActivePolicy | None = None
    history: tuple[PolicyActivation, ...] = ()
    candidate_path: str = ""
    candidate: Policy | None = None  # the chosen file, when it is valid
    candidate_errors: tuple[str, ...] = ()  # why it is not
    comparison: PolicyComparison | None = None
    busy: bool = False
    message: str = ""
    error: str = ""


@dataclass(frozen=True)
class _Checked:
    path: Path
    data: bytes
    policy: Policy | None
    errors: tuple[PolicyError, ...]  # worded on the GUI thread, in the station's language
    comparison: PolicyComparison | None


def _tr(source: str) -> str:
    return QCoreApplication.translate("PolicyPresenter", source)


def check_file(path: Path, current: Policy, cases: Path) -> _Checked:
    """Runs on the I/O lane: read, validate, and try on the example cases."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PolicyError(
            "policy.unreadable",
            key="",
            problem="unreadable",
            path=str(path),
            detail=exc.strerror or str(exc),
        ) from None
    checked = policy_admin.validate(data)
    if isinstance(checked, list):
        return _Checked(path, data, None, tuple(checked), None)
    try:
        text = cases.read_text(encoding="utf-8-sig")
    except OSError:
        # The examples are a help, not a condition: a station without them can still activate.
        return _Checked(path, data, checked, (), None)
    return _Checked(path, data, checked, (), policy_admin.compare_on_cases(current, checked, text))


class PolicyPresenter(Presenter[PolicyState]):
    policy_activated = Signal(str)  # the new hash
    _failure_clears = ("message",)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, PolicyState(), parent)
        self._candidate_data: bytes | None = None
        self.cases_file = policy_admin.example_cases_file()

    def refresh(self) -> None:
        session = self.session

        def load() -> tuple[ActivePolicy, list[PolicyActivation]]:
            return policy_admin.active(session.ctx), policy_admin.history(session.ctx)

        self.run(QueryOp(load, on_success=self._on_loaded))

    def choose_file(self, path: Path) -> None:
        current = self.state.active.policy if self.state.active else self.session.ctx.policy
        cases = self.cases_file
        self._candidate_data = None
        self._set(
            candidate_path=str(path),
            candidate=None,
            candidate_errors=(),
            comparison=None,
            message="",
            error="",
        )
        self.run(
            QueryOp(
                lambda: check_file(path, current, cases), on_success=self._on_checked, lane=Lane.IO
            )
        )

    def activate(self, note: str) -> None:
        data, candidate = self._candidate_data, self.state.candidate
        if data is None or candidate is None:
            self._fail(_tr("Choose a valid policy file first."))
            return
        if not note.strip():
            self._fail(_tr("Say why the policy changes: a note is required."))
            return
        session = self.session
        self.run(
            ChangeOp(
                lambda: policy_admin.activate(session.ctx, session.require_actor(), data, note),
                on_success=self._on_activated,
            )
        )

    # --- results -------------------------------------------------------------------------

    def _on_loaded(self, loaded: object) -> None:
        current, history = loaded  # type: ignore[misc]
        self._set(active=current, history=tuple(history))

    def _on_checked(self, checked: object) -> None:
        assert isinstance(checked, _Checked)
        if str(checked.path) != self.state.candidate_path:
            return  # another file was chosen meanwhile
        self._candidate_data = checked.data if checked.policy is not None else None
        self._set(
            candidate=checked.policy,
            candidate_errors=tuple(describe(error) for error in checked.errors),
            comparison=checked.comparison,
        )
        if checked.errors:
            self._fail(_tr("This policy file is not valid; nothing was changed."))

    def _on_activated(self, result: object) -> None:
        assert isinstance(result, ActivationResult)
        session = self.session
        # This station decides with the new policy from now on.
        session.use_policy(result.policy)
        self._candidate_data = None
        self._set(candidate=None, candidate_path="", candidate_errors=(), comparison=None)
        done = _tr("Policy {hash} is now active; other stations switch to it within 15 seconds.")
        self._succeed(done.format(hash=result.policy.hash[:12]))
        self.policy_activated.emit(result.policy.hash)
        self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        self._fail(describe(error) if isinstance(error, QcError) else str(error))
