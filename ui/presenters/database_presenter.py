"""Administration → Database (SPEC §10): what database this station uses (kind, location with
the password hidden, size, schema revision) and "Back up now…" into a chosen file, through
``services.maintenance`` (admins only; the backup is audited). Restoring replaces the
database under every station, so it stays on the command line (``qc-station restore``),
where the stations can be stopped first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

from qc_station.services import maintenance
from qc_station.services.maintenance import BackupReport, DatabaseInfo

from ..session import Session
from .base import ChangeOp, Presenter, QueryOp


@dataclass(frozen=True)
class DatabaseState:
    info: DatabaseInfo | None = None
    last_backup: BackupReport | None = None
    busy: bool = False
    message: str = ""
    error: str = ""


def _tr(source: str) -> str:
    return QCoreApplication.translate("DatabasePresenter", source)


def human_size(size: int | None) -> str:
    """``12.4 MB``; ``—`` when unknown."""
    if size is None:
        return "—"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class DatabasePresenter(Presenter[DatabaseState]):
    _failure_clears = ("message",)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, DatabaseState(), parent)

    def refresh(self) -> None:
        session = self.session
        self.run(
            QueryOp(
                lambda: maintenance.describe(session.ctx, session.require_actor()),
                on_success=self._on_described,
            )
        )

    def default_backup_name(self, stamp: str) -> str:
        """``qc-station-backup-20261124-0930.sqlite3`` (the station's local time)."""
        kind = self.state.info.kind if self.state.info else "sqlite"
        suffix = ".sqlite3" if kind == "sqlite" else ".dump"
        return f"qc-station-backup-{stamp}{suffix}"

    def back_up(self, target: Path) -> None:
        session = self.session
        self._set(message="", error="")
        # The database lane: the copy reads the live database, and must not race the station's
        # own writes from another thread of this process.
        self.run(
            ChangeOp(
                lambda: maintenance.backup(session.ctx, session.require_actor(), target),
                on_success=self._on_backed_up,
            )
        )

    def _on_described(self, info: object) -> None:
        assert isinstance(info, DatabaseInfo)
        self._set(info=info)

    def _on_backed_up(self, report: object) -> None:
        assert isinstance(report, BackupReport)
        self._set(last_backup=report)
        self._succeed(
            _tr("Backed up to {file}: {size}, SHA-256 {sha}.").format(
                file=str(report.path), size=human_size(report.size_bytes), sha=report.sha256[:16]
            )
        )
        self.refresh()
