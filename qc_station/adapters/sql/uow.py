"""The unit of work on SQLAlchemy: one ``Session`` (one transaction) per ``with`` block.

``commit`` is explicit; leaving the block without it rolls back, so a service that raises
halfway writes nothing. After ``commit`` the same unit of work may go on with a new
transaction, as the in-memory fake's does.

``bootstrap`` builds one ``SqlUnitOfWorkFactory`` from the engine and puts it into the
``ServiceContext`` as ``uow``; each call opens a new unit of work. ``uow(read_only=True)``
binds the session to the engine with the ``READ_ONLY`` execution option, which makes SQLite
start a deferred ``BEGIN`` (see ``database``); such a unit of work refuses to commit.
Sessions are not shared across threads: each thread opens its own unit of work.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from qc_station.services.ports import (
    AuditRepository,
    CatalogRepository,
    DecisionRepository,
    DisputeRepository,
    ExportBatchRepository,
    InspectionRepository,
    PolicyRepository,
    RecordDigests,
    RmaRepository,
    StationRepository,
    UnitOfWorkFactory,
    UserRepository,
)
from qc_station.services.recovery_ports import RecoveryRepository
from qc_station.services.sign_in_ports import SignInRepository
from qc_station.services.stats_ports import StatsQueries
from qc_station.services.video_ports import VideoRepository

from ..database import READ_ONLY
from .audit import SqlAuditRepository
from .catalog import SqlCatalogRepository
from .decisions import SqlDecisionRepository
from .disputes import SqlDisputeRepository
from .exports import SqlExportBatchRepository
from .inspections import SqlInspectionRepository
from .policies import SqlPolicyRepository
from .record_digests import SqlRecordDigests
from .recovery import SqlRecoveryRepository
from .rmas import SqlRmaRepository
from .sign_ins import SqlSignInRepository
from .stations import SqlStationRepository
from .stats import SqlStatsQueries
from .users import SqlUserRepository
from .videos import SqlVideoRepository


class SqlUnitOfWork:
    rmas: RmaRepository
    inspections: InspectionRepository
    decisions: DecisionRepository
    exports: ExportBatchRepository
    users: UserRepository
    audit: AuditRepository
    catalog: CatalogRepository
    policies: PolicyRepository
    stations: StationRepository
    sign_ins: SignInRepository
    disputes: DisputeRepository
    stats: StatsQueries
    recovery: RecoveryRepository
    records: RecordDigests
    videos: VideoRepository

    def __init__(self, session_factory: Callable[[], Session], *, read_only: bool = False) -> None:
        self._session_factory = session_factory
        self._session: Session | None = None
        self.read_only = read_only

    @property
    def session(self) -> Session:
        """The open session, for adapters that need plain SQL (backup, statistics)."""
        if self._session is None:
            raise RuntimeError("the unit of work is not open; use it in a with block")
        return self._session

    def __enter__(self) -> SqlUnitOfWork:
        session = self._session_factory()
        self._session = session
        self.rmas = SqlRmaRepository(session)
        self.inspections = SqlInspectionRepository(session)
        self.decisions = SqlDecisionRepository(session)
        self.exports = SqlExportBatchRepository(session)
        self.users = SqlUserRepository(session)
        self.records = SqlRecordDigests(session)
        # The audit log reads the records' digests as it chains the events (SPEC §6).
        self._audit = SqlAuditRepository(session, self.records)
        self.audit = self._audit
        self.catalog = SqlCatalogRepository(session)
        self.policies = SqlPolicyRepository(session)
        self.stations = SqlStationRepository(session)
        self.sign_ins = SqlSignInRepository(session)
        self.disputes = SqlDisputeRepository(session)
        self.stats = SqlStatsQueries(session)
        self.recovery = SqlRecoveryRepository(session)
        self.videos = SqlVideoRepository(session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        try:
            session.rollback()
        finally:
            session.close()

    def commit(self) -> None:
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        # The audit events recorded in this transaction join the chain last (see
        # services/audit.py): the chain's head is locked from here to the commit only.
        session = self.session  # refuses a unit of work that is not open
        self._audit.write_staged()
        session.commit()

    def rollback(self) -> None:
        session = self.session
        self._audit.discard_staged()
        session.rollback()


class SqlUnitOfWorkFactory:
    """``ServiceContext.uow``: each call returns a new, not yet opened, unit of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # expire_on_commit=False: nothing outside reads ORM objects, and expiring them would
        # only cost a reload inside the repositories.
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # The same pool; the option only changes how SQLite begins the transaction.
        self._read_sessions = sessionmaker(
            engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )

    def __call__(self, *, read_only: bool = False) -> SqlUnitOfWork:
        if read_only:
            return SqlUnitOfWork(self._read_sessions, read_only=True)
        return SqlUnitOfWork(self._sessions)


def _conforms(factory: SqlUnitOfWorkFactory) -> UnitOfWorkFactory:
    # Never called: makes mypy prove that the factory fits ServiceContext.uow.
    return factory
