"""The finance page's logic (SPEC §7.3, §8 "Finance export"): what the next export holds, the
export itself with progress and cancel, the history of batches, and writing a batch again,
byte-identical — the same services as ``qc-station export finance [-o FILE] [--batch ID]``.

Everything touching the database runs on the task runner's database lane. An export writes
its file through ``export_finance_to_file``, as the command line does: the chosen path is
checked before anything is marked (a folder, a link, a missing or read-only folder are
refused), the file is written and fsynced beside it before the commit and renamed onto it
after; when nothing was waiting (``write_empty=False``), nothing is written and an existing
file of that name is left alone.

Progress comes from the worker thread through a queued signal carrying the row count (an
``int``: see ``ui/tasks.py`` on what else may cross threads); cancel is a flag the export
reads between rows.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from qc_station.domain.errors import QcError
from qc_station.services import finance
from qc_station.services.finance import ExportBatchView, ExportPreview, ExportResult

from ..messages import describe
from ..session import Session
from .base import ChangeOp, Presenter, QueryOp

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FinanceState:
    preview: ExportPreview | None = None
    batches: tuple[ExportBatchView, ...] = ()
    loading: bool = False
    exporting: bool = False  # a new export or a re-export is running
    progress: int = 0  # rows written so far
    progress_total: int = 0  # rows expected (0: unknown)
    message: str = ""  # the last success, in green
    error: str = ""


def _tr(source: str) -> str:
    return QCoreApplication.translate("FinancePresenter", source)


@dataclass(frozen=True)
class _Written:
    result: ExportResult
    path: Path
    reexport: bool


def export_to(
    session: Session, path: Path, progress: finance.Progress, cancel: finance.Cancel
) -> _Written:
    """Runs on the database lane: a new export into ``path``; nothing is written there when
    nothing was waiting."""
    ctx, actor = session.ctx, session.require_actor()
    result = finance.export_finance_to_file(
        ctx, actor, path, None, progress, cancel, write_empty=False
    )
    return _Written(result, path, False)


def reexport_to(
    session: Session,
    batch_id: str,
    path: Path,
    progress: finance.Progress,
    cancel: finance.Cancel,
) -> _Written:
    """Runs on the database lane: a recorded batch written again, checked against its hash."""
    ctx, actor = session.ctx, session.require_actor()
    result = finance.export_finance_to_file(ctx, actor, path, batch_id, progress, cancel)
    return _Written(result, path, True)


class FinancePresenter(Presenter[FinanceState]):
    _failure_clears = ("message",)
    export_finished = Signal(str)  # the batch id written (new or again)
    #: internal: rows written, emitted on the worker thread, delivered queued
    _rows_written = Signal(int)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, FinanceState(), parent)
        self._cancel = threading.Event()
        self._rows_written.connect(self._on_rows_written, Qt.ConnectionType.QueuedConnection)

    # --- commands ------------------------------------------------------------------------

    def refresh(self, *, keep_message: bool = False) -> None:
        """Load the preview and the batches (off the GUI thread). The last message stays when
        ``keep_message`` (the refresh after an export, whose outcome it is)."""
        if self.state.loading:
            return
        if not keep_message:
            self._set(message="", error="")
        session = self._session

        def load() -> tuple[ExportPreview, list[ExportBatchView]]:
            actor = session.require_actor()
            return (
                finance.preview_export(session.ctx, actor),
                finance.list_batches(session.ctx, actor),
            )

        self.run(QueryOp(load, on_success=self._on_loaded, flag="loading"))

    def can_export(self) -> bool:
        preview = self.state.preview
        return not self.state.exporting and preview is not None and preview.row_count > 0

    def default_export_name(self, today: str) -> str:
        """``finance-20261124.csv``: the date, since the batch id is taken by the export."""
        return f"finance-{today}.csv"

    @staticmethod
    def default_reexport_name(batch_id: str) -> str:
        return f"finance-{batch_id}.csv"

    def export(self, path: Path) -> None:
        """Export every final decision not yet exported into ``path``."""
        if self.state.exporting:
            return
        preview = self.state.preview
        if preview is not None and preview.row_count == 0:
            self._fail(_tr("Nothing to export: every final decision has been exported."))
            return
        total = preview.row_count if preview is not None else 0
        session = self._session
        self._begin(total)
        progress, cancel = self._rows_written.emit, self._cancel.is_set
        self.run(self._export_op(lambda: export_to(session, path, progress, cancel)))

    def reexport(self, batch_id: str, path: Path) -> None:
        """Write the recorded batch ``batch_id`` again into ``path``, verified identical."""
        if self.state.exporting:
            return
        batch = next((b for b in self.state.batches if b.id == batch_id), None)
        session = self._session
        self._begin(batch.row_count if batch is not None else 0)
        progress, cancel = self._rows_written.emit, self._cancel.is_set
        self.run(self._export_op(lambda: reexport_to(session, batch_id, path, progress, cancel)))

    def cancel(self) -> None:
        """Ask the running export to stop; a new export then exports nothing."""
        if self.state.exporting:
            self._cancel.set()

    # --- results -------------------------------------------------------------------------

    def _export_op(self, work: Callable[[], _Written]) -> ChangeOp[_Written]:
        return ChangeOp(
            work,
            on_success=self._on_written,
            on_finished=self._cancel.clear,
            flag="exporting",
            # A folder that cannot be written to is the user's to fix, not a crash.
            expected=(QcError, OSError),
        )

    def _begin(self, total: int) -> None:
        self._cancel.clear()
        self._set(progress=0, progress_total=total, message="", error="")

    @Slot(int)
    def _on_rows_written(self, rows: int) -> None:
        if not self.state.exporting:
            return
        total = max(self.state.progress_total, rows)
        self._set(progress=rows, progress_total=total)

    def _on_loaded(self, loaded: object) -> None:
        preview, batches = loaded  # type: ignore[misc]
        self._set(preview=preview, batches=tuple(batches))

    def _on_written(self, written: object) -> None:
        assert isinstance(written, _Written)
        result = written.result
        if result.batch_id is None:
            self._fail(_tr("Nothing to export: every final decision has been exported."))
            return
        if written.reexport:
            text = _tr(
                "Batch {batch} written again to {file}: {rows} row(s), identical to the "
                "export (SHA-256 {sha})."
            )
        else:
            text = _tr("Exported batch {batch} to {file}: {rows} row(s), SHA-256 {sha}.")
        self._session.sounds.success()
        self._set(
            message=text.format(
                batch=result.batch_id,
                file=str(written.path),
                rows=result.row_count,
                sha=result.sha256[:16] + "…",
            ),
            error="",
        )
        self.export_finished.emit(result.batch_id)

    def _after_change(self) -> None:
        self.refresh(keep_message=True)

    def _on_failed(self, error: BaseException) -> None:
        # A note says what became of a batch recorded before its file failed to appear.
        notes = " ".join(getattr(error, "__notes__", ()))
        self._fail(f"{describe(error)} {notes}".strip())
