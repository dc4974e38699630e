"""The finance export (SPEC §7.3): every final decision exactly once, in numbered batches that
can be re-exported byte-identical.

Who may export: the ``export_finance`` action of the permission table, i.e. supervisors and
admins. SPEC §6 has three roles (inspector, supervisor, admin) and no finance role, so finance
staff are given the supervisor role; an inspector is refused with ``PermissionDenied``.

How one export runs, and why in this order:

1. One unit of work takes a new batch id (``FIN-YYYYMMDD-NNNN``, numbered per UTC day), marks
   every final, unexported decision with it (one statement, so two exports at once never take
   the same decision), records the reversals it carries (below), and streams the batch's
   rows once through the CSV writer into a temporary file that nobody picks up, hashing and
   counting the bytes as they go. It then records the audit event, stores the batch with its
   hash and the audit head, flushes the file to disk (``export_finance_to_file``), and
   commits.
2. Only then is the temporary file published: renamed into place for
   ``export_finance_to_file`` (after an fsync), or copied into the caller's stream for
   ``export_finance``.

If anything fails before the commit (a cancel, a full disk, the commit itself), the
transaction rolls back, so no decision is taken, and the temporary file is deleted, so no
complete-looking file exists for decisions the next run will export again (a refund paid
twice). If publishing fails after the commit, no decision is lost either: it belongs to a
recorded batch, and ``reexport_batch`` writes exactly the same bytes again.

Corrections (SPEC §7.3): when a unit whose decision was exported is reopened (the decision
is superseded) and decided again, the batch that exports the new decision also carries a
**reversal row** of every exported decision of that unit not reversed yet: the row as it was
exported, amounts negated, ``reverses_batch`` naming its batch, right before the new
decision's row (``reversal_row``). Each exported decision is reversed at most once (the key
of ``export_reversals``). So, per LPN, the rows of all batches always sum to the amount of
the unit's last exported decision: its final amount once that decision is exported. A
reopened unit with no new final decision yet (none, or one awaiting approval) gets no row
and no reversal: finance still holds the last exported amount, which stands until a new
decision replaces it. A reversal of a zero amount (a dispute, an exchange) is written too, so
that every replaced row is in finance's history. New batches are written in CSV format 2
(``formats/finance_csv.py``); each batch records its format and re-exports in it.

The rows stream from ``DecisionRepository.export_rows``, so a million rows need no more
memory than a few (the temporary file of ``export_finance`` spills to disk past a few MB).
The file always carries the byte-order mark (SPEC §7.3 default), because the recorded hash is
of those exact bytes. A re-export reads in a read-only unit of work (no write lock) and
checks the bytes against the recorded hash.

Writing to a path: ``export_finance_to_file`` first refuses a target the file could not end
up at (a folder, a symbolic link, a missing or read-only folder: ``check_export_target``),
then writes a temporary file beside it during the export's one pass, fsyncs it and checks
the target again *before* the commit, and renames it into place after: nothing is marked
unless the complete file is on disk, and a half-written file never sits under the name
finance picks up (see ``export_finance_to_file`` for why the commit comes before the
rename). Both the command line and the finance screen go through it. The command line
(``qc-station export finance -o FILE [--batch ID]``) and the GUI's export button should use
it; ``export_finance`` and ``reexport_batch`` themselves write to any binary stream
(``sys.stdout.buffer`` when no ``-o`` is given; ``export_finance`` goes through a temporary
file first, so the stream sees nothing before the commit).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from qc_station.domain.errors import Conflict, NotFound, QcError
from qc_station.domain.wording import plural
from qc_station.formats.finance_csv import (
    FORMAT_VERSION,
    ByteSink,
    CsvDigest,
    write_finance_csv,
)

from . import audit
from .context import Actor, ServiceContext
from .finance_files import ExportTargetRefused, StagedFile, atomic_output, check_export_target
from .finance_reversals import reversal_row, with_reversals
from .finance_rows import ExportRow
from .finance_views import (
    PREVIEW_ROWS,
    ExportBatchView,
    ExportPreview,
    list_batches,
    preview_export,
    preview_next_export,
)
from .permissions import Action, authorized, require
from .ports import ExportBatch, UnitOfWork

# The views and previews, and writing to a path, live in finance_views and finance_files;
# callers name them from here.
__all__ = [
    "BATCH_PREFIX",
    "PREVIEW_ROWS",
    "PROGRESS_EVERY",
    "Cancel",
    "ExportBatchView",
    "ExportCancelled",
    "ExportMismatch",
    "ExportPreview",
    "ExportResult",
    "ExportTargetRefused",
    "Progress",
    "atomic_output",
    "batch_prefix",
    "check_export_target",
    "export_finance",
    "export_finance_to_file",
    "list_batches",
    "preview_export",
    "preview_next_export",
    "reexport_batch",
    "reversal_row",
]

log = logging.getLogger(__name__)

BATCH_PREFIX = "FIN"
_MAX_BATCHES_PER_DAY = 9999  # four digits keep "highest id" and "newest" the same thing

#: ``export_finance`` keeps its temporary file in memory up to this size, then on disk.
_SPOOL_MAX = 8 * 1024 * 1024
_COPY_CHUNK = 1024 * 1024

#: Progress is reported, and cancel asked, every this many rows (and once at the end).
PROGRESS_EVERY = 1000

Progress = Callable[[int], None]
Cancel = Callable[[], bool]


class ExportCancelled(QcError):
    """The user cancelled. ``params['batch_id']`` is set when the batch was already recorded
    (its file can be written again with a re-export); otherwise nothing was exported."""

    code = "export_cancelled"


class ExportMismatch(Conflict):
    """A batch's rows no longer give the bytes recorded when it was exported."""

    code = "export_mismatch"


@dataclass(frozen=True)
class ExportResult:
    """What an export or re-export wrote."""

    batch_id: str | None  # None: there was nothing to export and no batch was made
    row_count: int
    sha256: str  # of the bytes written (for an empty export, of the header alone)
    audit_head: str | None  # SEQ:HASH of the audit chain right after the export event
    created_at: datetime | None  # when the batch was made (not when it was re-exported)

    def summary(self) -> str:
        """One line for the command line and the log."""
        if self.batch_id is None:
            return "nothing to export: no final decision is waiting (the file has the header only)"
        return (
            f"batch {self.batch_id}: {plural(self.row_count, 'row')}, sha256 {self.sha256}, "
            f"audit head {self.audit_head}"
        )


def _result(batch: ExportBatch) -> ExportResult:
    return ExportResult(batch.id, batch.row_count, batch.sha256, batch.audit_head, batch.created_at)


def batch_prefix(now: datetime) -> str:
    """``FIN-20261123-``: batches are numbered per UTC day."""
    return f"{BATCH_PREFIX}-{now.astimezone(UTC):%Y%m%d}-"


def _next_batch_id(last: str | None, prefix: str) -> str:
    number = 1
    if last is not None:
        suffix = last[len(prefix) :]
        if not suffix.isdigit():
            raise Conflict("export.batch_unnumbered", batch_id=last)
        number = int(suffix) + 1
    if number > _MAX_BATCHES_PER_DAY:
        raise Conflict("export.too_many_today", prefix=prefix, limit=_MAX_BATCHES_PER_DAY)
    return f"{prefix}{number:04d}"


def _watched(
    rows: Iterable[ExportRow],
    progress: Progress | None,
    cancel: Cancel | None,
    batch_id: str | None,
) -> Iterator[ExportRow]:
    """Pass the rows on, reporting progress and honouring cancel every ``PROGRESS_EVERY``."""
    every = max(1, PROGRESS_EVERY)
    done = 0
    for row in rows:
        if done % every == 0 and cancel is not None and cancel():
            _cancelled(batch_id)
        yield row
        done += 1
        if done % every == 0 and progress is not None:
            progress(done)
    if progress is not None and done % every != 0:
        progress(done)


def _cancelled(batch_id: str | None) -> None:
    if batch_id is None:
        raise ExportCancelled("export.cancelled")
    raise ExportCancelled("export.cancelled_recorded", batch_id=batch_id)


def _batch_rows(uow: UnitOfWork, batch_id: str) -> Iterator[ExportRow]:
    """A batch's rows: its decisions (streamed) with the reversals it carries, then the
    recovery payments it took (a recovery row per payment; few, so loaded at once). Batches
    from before recovery have no payment rows, and batches from before reversals no
    reversals, so their re-export stays byte-identical."""
    reversed_rows = uow.decisions.reversed_rows(batch_id)
    yield from with_reversals(uow.decisions.export_rows(batch_id), reversed_rows, batch_id)
    yield from uow.recovery.export_rows(batch_id)


def _write_batch(
    ctx: ServiceContext,
    batch: ExportBatch,
    out: ByteSink,
    progress: Progress | None,
    cancel: Cancel | None,
) -> CsvDigest:
    """Stream a recorded batch into ``out`` and check the bytes against its recorded hash."""
    with ctx.uow(read_only=True) as uow:
        digest = write_finance_csv(
            _watched(_batch_rows(uow, batch.id), progress, cancel, batch.id),
            out,
            version=batch.format_version,
        )
    if digest.sha256 != batch.sha256 or digest.rows != batch.row_count:
        log.error(
            "finance batch %s: %d rows, sha256 %s; recorded %d rows, sha256 %s",
            batch.id,
            digest.rows,
            digest.sha256,
            batch.row_count,
            batch.sha256,
        )
        raise ExportMismatch(
            "export.mismatch",
            batch_id=batch.id,
            sha256=digest.sha256,
            expected_sha256=batch.sha256,
            rows=digest.rows,
            expected_rows=batch.row_count,
        )
    return digest


def _export_into(
    ctx: ServiceContext,
    actor: Actor,
    temp: ByteSink,
    progress: Progress | None,
    cancel: Cancel | None,
    before_commit: Callable[[], None] | None = None,
) -> ExportResult:
    """Take a new batch and write its file into ``temp`` in one pass, then commit.

    ``temp`` must not be visible to anyone yet: the caller publishes it only after this
    returns, and discards it when this raises (nothing was exported then).
    ``before_commit`` runs once the file is written and the batch recorded, right before
    the commit (the file's fsync and the target's last check); if it raises, nothing is
    exported.
    """
    require(actor, Action.EXPORT_FINANCE)
    now = ctx.clock.now()
    prefix = batch_prefix(now)
    with authorized(ctx, actor, Action.EXPORT_FINANCE) as uow:
        batch_id = _next_batch_id(uow.exports.last_id_with_prefix(prefix), prefix)
        assigned = uow.decisions.assign_export_batch(batch_id)
        assigned += uow.recovery.assign_export_batch(batch_id)
        if not assigned:
            # Nothing to export: the header alone, and leaving the block rolls back (no
            # batch, no event).
            empty = write_finance_csv((), temp)
            if progress is not None:
                progress(0)
            if before_commit is not None:
                before_commit()
            return ExportResult(None, 0, empty.sha256, None, None)
        digest = write_finance_csv(
            _watched(_batch_rows(uow, batch_id), progress, cancel, None), temp
        )
        if digest.rows != assigned:
            # The repository marked one number of decisions and lists another: a broken
            # adapter. Refuse rather than record a batch that cannot be reproduced.
            raise Conflict(
                "export.rows_differ", batch_id=batch_id, marked=assigned, rows=digest.rows
            )
        audit.record(
            uow,
            ctx,
            actor,
            "export",
            batch_id,
            "finance_export",
            None,
            {"rows": digest.rows, "sha256": digest.sha256},
        )
        event = audit.write_now(uow)  # the batch quotes the chain's head
        batch = ExportBatch(
            id=batch_id,
            created_at=now,
            created_by=actor.username,
            station=actor.station,
            row_count=digest.rows,
            sha256=digest.sha256,
            audit_head=f"{event.seq}:{event.hash}",
            format_version=FORMAT_VERSION,
        )
        uow.exports.add(batch)
        if before_commit is not None:
            # The file is complete and on disk before anything is marked for good; if
            # this raises, leaving the block rolls the marking back.
            before_commit()
        uow.commit()
    log.info("finance batch %s: %d rows by %s", batch_id, digest.rows, actor.username)
    return _result(batch)


def _note_recorded(exc: BaseException, result: ExportResult | None) -> None:
    """The export committed but its file could not be published: say how to get it."""
    if result is not None and result.batch_id is not None:
        exc.add_note(
            f"batch {result.batch_id} is recorded; re-export it to get its file "
            f"(qc-station export finance --batch {result.batch_id})"
        )
        log.error("finance batch %s recorded but its file was not written", result.batch_id)


def export_finance(
    ctx: ServiceContext,
    actor: Actor,
    out: ByteSink,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Export every final decision not yet exported as a new batch, into ``out``.

    With nothing to export, no batch is made and ``out`` gets the header alone. ``progress``
    is called with the number of rows written; ``cancel`` is asked as the rows go by, and a
    cancel exports nothing. The rows go to a temporary file first; ``out`` gets its bytes
    only after the commit (see the module docstring), so when this raises before the commit
    ``out`` is untouched. When it raises after (``out`` failed), the batch is recorded and
    the exception's note names it for a re-export; whatever reached ``out`` must be thrown
    away.
    """
    result: ExportResult | None = None
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_MAX) as temp:
        try:
            result = _export_into(ctx, actor, temp, progress, cancel)
            temp.seek(0)
            shutil.copyfileobj(temp, out, _COPY_CHUNK)
        except BaseException as exc:
            _note_recorded(exc, result)
            raise
    return result


def reexport_batch(
    ctx: ServiceContext,
    actor: Actor,
    batch_id: str,
    out: ByteSink,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Write a recorded batch again, byte for byte, and check it against its recorded hash.

    Raises ``NotFound`` for an unknown batch and ``ExportMismatch`` when the bytes differ
    (after writing them: the caller must discard ``out``). A successful re-export is audited,
    since it hands out the batch's refund data once more.
    """
    require(actor, Action.EXPORT_FINANCE)
    batch_id = batch_id.strip()
    with authorized(ctx, actor, Action.EXPORT_FINANCE, read_only=True) as uow:
        batch = uow.exports.get(batch_id)
    if batch is None:
        raise NotFound("export.unknown_batch", batch_id=batch_id)
    _write_batch(ctx, batch, out, progress, cancel)
    with ctx.uow() as uow:
        audit.record(
            uow,
            ctx,
            actor,
            "export",
            batch.id,
            "finance_reexport",
            None,
            {"rows": batch.row_count, "sha256": batch.sha256},
        )
        uow.commit()
    return _result(batch)


def export_finance_to_file(
    ctx: ServiceContext,
    actor: Actor,
    path: Path,
    batch_id: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    write_empty: bool = True,
) -> ExportResult:
    """``export_finance`` (or ``reexport_batch`` when ``batch_id`` is given) into ``path``,
    through a temporary file renamed into place only when the export is complete.

    The order that makes a new export "exactly once, and nothing marked on failure":

    1. ``path`` is checked (``check_export_target``) and the temporary file created beside
       it, before any unit of work: a folder, a link, a missing or read-only folder is
       refused with nothing marked.
    2. In the export's transaction: mark the batch, write every row into the temporary file,
       flush and fsync it, check ``path`` again, and only then commit. A failure in any of
       these (a full disk, an I/O error, a cancel, a folder planted at ``path``, the commit
       itself) rolls the marking back and deletes the temporary file.
    3. After the commit, rename the complete file onto ``path`` and fsync the folder.

    Commit before rename, not after: if the station dies between the two, the batch is
    recorded with no file, and ``--batch`` writes it again byte for byte; the other order
    could leave a complete file for decisions the next export takes again (a refund paid
    twice). The rename is the only step after the commit, of a file already on disk to a
    name checked a moment before; should it still fail, the error names the batch to
    re-export.

    ``write_empty=False`` (the finance screen): when there is nothing to export, ``path`` is
    left alone instead of getting the header alone."""
    require(actor, Action.EXPORT_FINANCE)  # before any file is made; checked again in full
    path = Path(path)
    if batch_id is not None:
        with atomic_output(path) as out:
            return reexport_batch(ctx, actor, batch_id, out, progress, cancel)
    check_export_target(path)
    result: ExportResult | None = None
    staged = StagedFile(path)
    try:
        result = _export_into(ctx, actor, staged, progress, cancel, before_commit=staged.seal)
        if result.batch_id is None and not write_empty:
            staged.discard()
        else:
            staged.publish()
    except BaseException as exc:
        staged.discard()
        _note_recorded(exc, result)
        raise
    return result
