"""The station's print queue: every label and report sent to a printer is kept until the
printer has accepted it (SPEC §9; "a missing or failing printer loses nothing").

A job — the PDF bytes and what it is for — is written to the spool *before* the printer is
tried, and removed only once the system print queue has taken it. A missing queue, a stopped
printer or a crash in between leave the job in the spool with the last error; the retry list
(``pending``) offers retry, retry all and discard, and survives a restart because the spool
is a folder on disk.

Three ports, declared here beside the service that is their only user: ``PrintSpool`` (the
folder, ``adapters.printers.FolderSpool``), ``Printer`` (CUPS through ``lp``, or Qt print
support on Windows stations) and ``PrintRecorder`` (below).

A job made for units (``PrintSubject``: the units, who asked, the label size) is part of their
story (SPEC §8, issue 18): once its outcome is final — the printer took it, or a person
discarded it — the queue tells its ``PrintRecorder`` (``services.print_history``), outside the
queue's lock and never letting a failure there reach printing.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from qc_station.domain.enums import Role
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


class Requester(Protocol):
    """Who asks for a print (a ``services.context.Actor``; named by shape here, since the
    context module imports this one)."""

    @property
    def username(self) -> str: ...

    @property
    def role(self) -> Role: ...

    @property
    def station(self) -> str: ...


@dataclass(frozen=True)
class PrintSubject:
    """The units a document is about and who asked for it: what makes the print part of the
    units' story. Kept with the job in the spool, so that a job printed after a restart
    still tells it."""

    rma_code: str
    lpns: tuple[str, ...]
    username: str
    role: str
    """The requester's role when they asked (``Role`` value); the record checks it anew."""
    station: str
    label_size: str = ""
    """The label format's key (``"4x6"``); empty for a report."""
    copies: int = 1

    @classmethod
    def of(
        cls,
        requester: Requester,
        rma_code: str,
        lpns: tuple[str, ...] | list[str],
        *,
        label_size: str = "",
        copies: int = 1,
    ) -> PrintSubject:
        return cls(
            rma_code,
            tuple(lpns),
            requester.username,
            requester.role.value,
            requester.station,
            label_size,
            copies,
        )

    def plain(self) -> dict[str, Any]:
        """As JSON values, for the spool's job file."""
        return {
            "rma_code": self.rma_code,
            "lpns": list(self.lpns),
            "username": self.username,
            "role": self.role,
            "station": self.station,
            "label_size": self.label_size,
            "copies": self.copies,
        }

    @classmethod
    def from_plain(cls, data: Mapping[str, Any]) -> PrintSubject:
        return cls(
            str(data["rma_code"]),
            tuple(str(lpn) for lpn in data["lpns"]),
            str(data["username"]),
            str(data["role"]),
            str(data["station"]),
            str(data.get("label_size", "")),
            int(data.get("copies", 1)),
        )


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
    """The last attempt's problem in English (the command line, the log)."""
    last_error_code: str = ""
    """Its kind (``PrintError.code``: ``"printer_missing"``…)."""
    last_attempt_at: datetime | None = None
    last_error_message_code: str = ""
    """The last problem as a code of the message catalogue, with ``last_error_params``: the
    retry list words it in the station's language (``ui.messages.message_text``)."""
    last_error_params: Mapping[str, Any] = field(default_factory=dict)
    subject: PrintSubject | None = None
    """The units it is about and who asked; None for a document about no unit."""

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


class PrintRecorder(Protocol):
    """Writes what became of a job into its units' story (``services.print_history``).
    Called outside the queue's lock; it must not raise: printing goes on whatever the
    database does."""

    def settled(
        self, job: PrintJob, *, printed: bool, system_id: str = "", by: Requester | None = None
    ) -> None:
        """The job's outcome is final: the printer took it (``printed``, the system's job
        id), or a person gave up on it (its ``last_error`` says why it never printed).
        ``by`` is who asked for this attempt or the discard; None: whoever submitted it."""

    def flush(self) -> None:
        """Write what could not be written before (the database was away)."""


class PrintQueue:
    """Submit, retry and discard print jobs over a spool and a printer; ``recorder`` (if any)
    hears of every job that printed or was discarded."""

    def __init__(
        self,
        spool: PrintSpool,
        printer: Printer,
        clock: Clock,
        new_id: Callable[[], str] | None = None,
        recorder: PrintRecorder | None = None,
    ) -> None:
        self.spool = spool
        self.printer = printer
        self.recorder = recorder
        self._clock = clock
        self._new_id = new_id or (lambda: uuid.uuid4().hex)
        # One attempt at a time per process: two threads retrying the same job would print it
        # twice.
        self._lock = threading.Lock()

    def submit(
        self,
        document: bytes,
        *,
        kind: PrintKind,
        title: str,
        printer: str,
        media: str = "",
        subject: PrintSubject | None = None,
    ) -> PrintOutcome:
        """Spool the document, then try the printer once. A job with a ``subject`` joins
        its units' story once printed (or discarded)."""
        now = self._clock.now()
        job = PrintJob(
            id=f"{now:%Y%m%dT%H%M%S}-{self._new_id()}",
            kind=kind,
            title=title,
            printer=printer.strip(),
            media=media,
            created_at=now,
            size=len(document),
            subject=subject,
        )
        with self._lock:
            self.spool.add(job, document)
            outcome = self._attempt(job, document)
        self._tell(outcome)
        return outcome

    def retry(
        self, job_id: str, printer: str | None = None, *, by: Requester | None = None
    ) -> PrintOutcome:
        """Try a waiting job again, on another printer if one is named; ``by`` is who asks
        (the story names them if it prints)."""
        with self._lock:
            job = self.spool.get(job_id)
            if job is None:
                raise NotFound("print.job_gone", job=job_id)
            if printer is not None and printer.strip() != job.printer:
                job = replace(job, printer=printer.strip())
                self.spool.update(job)
            outcome = self._attempt(job, self.spool.document(job_id))
        self._tell(outcome, by)
        return outcome

    def retry_all(
        self, printers: dict[PrintKind, str] | None = None, *, by: Requester | None = None
    ) -> list[PrintOutcome]:
        """Try every waiting job, oldest first. ``printers`` re-targets jobs that had no
        printer configured when they were made (the setting has been filled in since)."""
        if self.recorder is not None:
            # The queue is being seen to: a good moment for what the database missed.
            self.recorder.flush()
        outcomes = []
        for job in self.pending():
            target = None
            if not job.printer and printers and printers.get(job.kind):
                target = printers[job.kind]
            try:
                outcomes.append(self.retry(job.id, target, by=by))
            except NotFound:
                continue  # discarded meanwhile
        return outcomes

    def discard(self, job_id: str, *, by: Requester | None = None) -> None:
        """Give up on a job (the caller has asked the user to confirm); its units' story
        says it never printed, and why."""
        with self._lock:
            job = self.spool.get(job_id)
            self.spool.remove(job_id)
        log.info("print job %s discarded", job_id)
        if job is not None and self.recorder is not None:
            self.recorder.settled(job, printed=False, by=by)

    def pending(self) -> list[PrintJob]:
        return self.spool.jobs()

    def _tell(self, outcome: PrintOutcome, by: Requester | None = None) -> None:
        if outcome.printed and self.recorder is not None:
            self.recorder.settled(outcome.job, printed=True, system_id=outcome.system_id, by=by)

    def _attempt(self, job: PrintJob, document: bytes) -> PrintOutcome:
        now = self._clock.now()
        try:
            if not job.printer:
                if job.kind == PrintKind.LABEL:
                    raise PrinterNotConfigured("print.no_label_printer", kind=job.kind.value)
                raise PrinterNotConfigured("print.no_report_printer", kind=job.kind.value)
            system_id = self.printer.send(job.printer, document, title=job.title, media=job.media)
        except PrintError as error:
            job = replace(
                job,
                attempts=job.attempts + 1,
                last_error=str(error),
                last_error_code=error.code,
                last_attempt_at=now,
                last_error_message_code=error.message_code,
                last_error_params=_storable(error.params),
            )
            self.spool.update(job)
            log.warning("print job %s (%s) kept for retry: %s", job.id, job.title, error)
            return PrintOutcome(job, False, error=error)
        self.spool.remove(job.id)
        log.info("print job %s (%s) sent to %s as %s", job.id, job.title, job.printer, system_id)
        return PrintOutcome(job, True, system_id)


def _storable(params: Mapping[str, Any]) -> dict[str, Any]:
    """A refusal's parameters as the spool's JSON keeps them: text, numbers, flags and lists
    of them as they are, anything else (a path, an enum) as its text."""

    def plain(value: Any) -> Any:
        if value is None or isinstance(value, bool | int | str):
            return value
        if isinstance(value, list | tuple):
            return [plain(item) for item in value]
        return str(value)

    return {name: plain(value) for name, value in params.items()}
