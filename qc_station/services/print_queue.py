"""The station's print queue: every label and report sent to a printer is kept until the
printer has accepted it (SPEC §9; "a missing or failing printer loses nothing").

A job — the PDF bytes and what it is for — is written to the spool *before* the printer is
tried, and removed only once the system print queue has taken it. A missing queue, a stopped
printer or a crash in between leave the job in the spool with the last error; the retry list
(``pending``) offers retry, retry all and discard, and survives a restart because the spool
is a folder on disk.

Two ports, declared here beside the service that is their only user: ``PrintSpool`` (the
folder, ``adapters.printers.FolderSpool``) and ``Printer`` (CUPS through ``lp``, or Qt print
support on Windows stations).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from qc_station.domain.errors import NotFound, QcError

from .ports import Clock

log = logging.getLogger(__name__)


class PrintError(QcError):
    """The printer did not take the job; the job waits in the retry list."""

    code = "print_failed"


class PrinterNotConfigured(PrintError):
    code = "printer_not_configured"


class PrinterMissing(PrintError):
    """The configured printer (queue) does not exist on this system."""

    code = "printer_missing"


class PrintSystemUnavailable(PrintError):
    """The print system itself is not there (CUPS scheduler not running, no ``lp``)."""

    code = "print_system_unavailable"


class PrintKind(StrEnum):
    LABEL = "label"
    REPORT = "report"


@dataclass(frozen=True)
class PrintJob:
    """One document waiting for (or being sent to) a printer."""

    id: str
    kind: PrintKind
    title: str
    """What people see in the retry list and the system queue: "Label RMA-2026-000123-1"."""
    printer: str
    """The system printer (queue) name; empty when none was configured."""
    media: str
    """The paper the PDF is made for, as the print system names it (``Custom.4x6in``, ``A4``)."""
    created_at: datetime
    size: int = 0
    attempts: int = 0
    last_error: str = ""
    last_error_code: str = ""
    last_attempt_at: datetime | None = None

    @property
    def failed(self) -> bool:
        return self.attempts > 0


@dataclass(frozen=True)
class PrintOutcome:
    """What became of one attempt: printed (the system's job id), or kept with an error."""

    job: PrintJob
    printed: bool
    system_id: str = ""
    error: PrintError | None = None


class PrintSpool(Protocol):
    """Where jobs wait. ``add`` is durable when it returns; each method is safe to call from
    several threads of one process."""

    def add(self, job: PrintJob, document: bytes) -> None: ...

    def get(self, job_id: str) -> PrintJob | None: ...

    def document(self, job_id: str) -> bytes:
        """The job's PDF; ``NotFound`` if the job is gone."""

    def update(self, job: PrintJob) -> None:
        """Rewrite a job's facts (attempts, last error); its document does not change."""

    def remove(self, job_id: str) -> None:
        """Forget the job and its document (idempotent)."""

    def jobs(self) -> list[PrintJob]:
        """Every waiting job, oldest first."""


class Printer(Protocol):
    """A way to hand a PDF to a system printer."""

    def printers(self) -> list[str]:
        """The names of the printers (queues) this system offers."""

    def send(self, printer: str, document: bytes, *, title: str, media: str) -> str:
        """Hand the PDF over; return the system's job id. Raises ``PrinterMissing``,
        ``PrintSystemUnavailable`` or ``PrintError`` with a message a person can act on."""


class PrintQueue:
    """Submit, retry and discard print jobs over a spool and a printer."""

    def __init__(
        self,
        spool: PrintSpool,
        printer: Printer,
        clock: Clock,
        new_id: Callable[[], str] | None = None,
    ) -> None:
        self.spool = spool
        self.printer = printer
        self._clock = clock
        self._new_id = new_id or (lambda: uuid.uuid4().hex)
        # One attempt at a time per process: two threads retrying the same job would print it
        # twice.
        self._lock = threading.Lock()

    def submit(
        self, document: bytes, *, kind: PrintKind, title: str, printer: str, media: str = ""
    ) -> PrintOutcome:
        """Spool the document, then try the printer once."""
        now = self._clock.now()
        job = PrintJob(
            id=f"{now:%Y%m%dT%H%M%S}-{self._new_id()}",
            kind=kind,
            title=title,
            printer=printer.strip(),
            media=media,
            created_at=now,
            size=len(document),
        )
        with self._lock:
            self.spool.add(job, document)
            return self._attempt(job, document)

    def retry(self, job_id: str, printer: str | None = None) -> PrintOutcome:
        """Try a waiting job again, on another printer if one is named."""
        with self._lock:
            job = self.spool.get(job_id)
            if job is None:
                raise NotFound(f"print job {job_id} is no longer waiting", job=job_id)
            if printer is not None and printer.strip() != job.printer:
                job = replace(job, printer=printer.strip())
                self.spool.update(job)
            return self._attempt(job, self.spool.document(job_id))

    def retry_all(self, printers: dict[PrintKind, str] | None = None) -> list[PrintOutcome]:
        """Try every waiting job, oldest first. ``printers`` re-targets jobs that had no
        printer configured when they were made (the setting has been filled in since)."""
        outcomes = []
        for job in self.pending():
            target = None
            if not job.printer and printers and printers.get(job.kind):
                target = printers[job.kind]
            try:
                outcomes.append(self.retry(job.id, target))
            except NotFound:
                continue  # discarded meanwhile
        return outcomes

    def discard(self, job_id: str) -> None:
        """Give up on a job (the caller has asked the user to confirm)."""
        with self._lock:
            self.spool.remove(job_id)
        log.info("print job %s discarded", job_id)

    def pending(self) -> list[PrintJob]:
        return self.spool.jobs()

    def _attempt(self, job: PrintJob, document: bytes) -> PrintOutcome:
        now = self._clock.now()
        try:
            if not job.printer:
                raise PrinterNotConfigured(
                    f"no {job.kind.value} printer is set for this station; choose one in the "
                    "settings, then retry",
                    kind=job.kind.value,
                )
            system_id = self.printer.send(job.printer, document, title=job.title, media=job.media)
        except PrintError as error:
            job = replace(
                job,
                attempts=job.attempts + 1,
                last_error=str(error),
                last_error_code=error.code,
                last_attempt_at=now,
            )
            self.spool.update(job)
            log.warning("print job %s (%s) kept for retry: %s", job.id, job.title, error)
            return PrintOutcome(job, False, error=error)
        self.spool.remove(job.id)
        log.info("print job %s (%s) sent to %s as %s", job.id, job.title, job.printer, system_id)
        return PrintOutcome(job, True, system_id)
