"""Prints in the units' story (SPEC §8 "Unit history … prints and audit events", issue 18).

Printing works while the database is away (the print queue spools to a folder), so a print is
written into the audit log only once its outcome is final, after the fact, in a short unit of
work of its own: when the printer takes a job about units (labels, reports, reprints), and
when a person discards a job that never printed. The history then shows it in time order
with the rest.

- A label is about each unit on it: one ``unit`` event per LPN.
- A report is about the RMA (every unit of it): one ``rma`` event naming its units.

Recording never stops or breaks printing. When the database is away (an outage, as the
station's classifier says), the record waits in a small folder of the station
(``PrintRecordStore``) and is written — with the time it really happened — before the next
record, or when the print queue is next seen to (``retry_all``). Any other refusal (the user
was deactivated meanwhile, a bug) is logged and the record dropped: the printed label on the
parcel is what matters, and the log says what the story misses.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from qc_station.domain.enums import Role

from . import audit
from .context import Actor, ServiceContext
from .permissions import Action, authorized
from .print_queue import PrintJob, PrintKind, PrintSubject, Requester
from .station_ports import OutageTest

log = logging.getLogger(__name__)

#: The audit actions of a print: the printer took it; a person gave up on it.
PRINTED = "document.printed"
PRINT_FAILED = "document.print_failed"
PRINT_ACTIONS = frozenset({PRINTED, PRINT_FAILED})

#: The key a record written late carries: when the print (or the discard) really happened.
HAPPENED_AT = "happened_at"


@dataclass(frozen=True)
class PrintRecord:
    """What became of one print job, as written to the audit log or kept until it can be."""

    id: str
    """The job's id and its outcome: a record is written once."""
    action: str
    job_id: str
    document: str
    """The ``PrintKind`` value: ``label`` or ``report``."""
    printer: str
    subject: PrintSubject
    at: datetime
    username: str
    """Who asked for the attempt (or the discard) that settled it."""
    role: str
    station: str
    system_id: str = ""
    problem: str = ""
    """A failure's last problem, as a code of the message catalogue, with ``problem_params``."""
    problem_params: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        job: PrintJob,
        subject: PrintSubject,
        at: datetime,
        *,
        printed: bool,
        system_id: str = "",
        by: Requester | None = None,
    ) -> PrintRecord:
        who = (
            (by.username, by.role.value, by.station)
            if by is not None
            else (subject.username, subject.role, subject.station)
        )
        return cls(
            id=f"{job.id}-{'printed' if printed else 'failed'}",
            action=PRINTED if printed else PRINT_FAILED,
            job_id=job.id,
            document=job.kind.value,
            printer=job.printer,
            subject=subject,
            at=at,
            username=who[0],
            role=who[1],
            station=who[2],
            system_id=system_id,
            problem="" if printed else job.last_error_message_code,
            problem_params={} if printed else dict(job.last_error_params),
        )

    def actor(self) -> Actor:
        return Actor(self.username, Role(self.role), self.station)

    def plain(self) -> dict[str, Any]:
        """As JSON values, for the store of records waiting for the database."""
        return {
            "id": self.id,
            "action": self.action,
            "job_id": self.job_id,
            "document": self.document,
            "printer": self.printer,
            "subject": self.subject.plain(),
            "at": self.at.isoformat(),
            "username": self.username,
            "role": self.role,
            "station": self.station,
            "system_id": self.system_id,
            "problem": self.problem,
            "problem_params": dict(self.problem_params),
        }

    @classmethod
    def from_plain(cls, data: Mapping[str, Any]) -> PrintRecord:
        return cls(
            id=str(data["id"]),
            action=str(data["action"]),
            job_id=str(data["job_id"]),
            document=str(data["document"]),
            printer=str(data["printer"]),
            subject=PrintSubject.from_plain(data["subject"]),
            at=datetime.fromisoformat(str(data["at"])),
            username=str(data["username"]),
            role=str(data["role"]),
            station=str(data["station"]),
            system_id=str(data.get("system_id", "")),
            problem=str(data.get("problem", "")),
            problem_params=dict(data.get("problem_params") or {}),
        )


class PrintRecordStore(Protocol):
    """The station's records waiting for the database (``adapters.print_records``)."""

    def keep(self, record_id: str, data: Mapping[str, Any]) -> None:
        """Store durably and atomically (replacing a record with the same id)."""

    def kept(self) -> list[dict[str, Any]]:
        """Every record kept (unreadable ones are left aside and out)."""

    def remove(self, record_id: str) -> None:
        """Forget a record (idempotent)."""


def record_print(ctx: ServiceContext, record: PrintRecord, *, late: bool = False) -> None:
    """Write ``record`` into its units' story, in one short unit of work of the user who
    asked. ``late``: the database was away when it happened; the values say when."""
    actor = record.actor()
    with authorized(ctx, actor, Action.PRINT_DOCUMENTS) as uow:
        for entity, entity_id, values in _events(record):
            if late:
                values[HAPPENED_AT] = record.at.isoformat()
            audit.record(uow, ctx, actor, entity, entity_id, record.action, new=values)
        uow.commit()


def _events(record: PrintRecord) -> list[tuple[str, str, dict[str, Any]]]:
    subject = record.subject
    values: dict[str, Any] = {"document": record.document, "printer": record.printer}
    if subject.label_size:
        values["label_size"] = subject.label_size
    values["copies"] = subject.copies
    values["job"] = record.job_id
    if record.system_id:
        values["system_job"] = record.system_id
    if record.problem:
        values["problem"] = record.problem
        values["problem_params"] = dict(record.problem_params)
    if record.document == PrintKind.LABEL.value:
        return [("unit", lpn, {"lpn": lpn, **values}) for lpn in subject.lpns]
    return [("rma", subject.rma_code, {**values, "units": list(subject.lpns)})]


class PrintHistory:
    """The print queue's ``PrintRecorder``: writes each settled job into its units' story,
    keeping what the database cannot take now for later. Never raises."""

    def __init__(self, ctx: ServiceContext, store: PrintRecordStore, is_outage: OutageTest) -> None:
        self._ctx = ctx
        self._store = store
        self._is_outage = is_outage
        # One writer at a time: two threads flushing at once would write a kept record twice.
        self._lock = threading.Lock()

    def settled(
        self, job: PrintJob, *, printed: bool, system_id: str = "", by: Requester | None = None
    ) -> None:
        if job.subject is None:
            return  # about no unit: nobody's story
        try:
            record = PrintRecord.of(
                job, job.subject, self._ctx.clock.now(), printed=printed, system_id=system_id, by=by
            )
            with self._lock:
                # The older records first, so the story keeps its order; while the database
                # is away, the new one joins them without another wait for it.
                if not self._flush() or not self._write(record, late=False):
                    self._keep(record)
        except Exception:  # never let the story break printing
            log.exception("print job %s was not recorded in its units' history", job.id)

    def flush(self) -> None:
        try:
            with self._lock:
                self._flush()
        except Exception:
            log.exception("kept print records were not written")

    def _flush(self) -> bool:
        """Write the kept records, oldest first; False if the database is still away."""
        kept = []
        for data in self._store.kept():
            try:
                kept.append(PrintRecord.from_plain(data))
            except (KeyError, TypeError, ValueError) as error:
                log.warning("a kept print record cannot be read, dropped: %s", error)
                self._store.remove(str(data.get("id", "")))
        for record in sorted(kept, key=lambda r: (r.at, r.id)):
            if not self._write(record, late=True):
                return False
            self._store.remove(record.id)
        return True

    def _write(self, record: PrintRecord, *, late: bool) -> bool:
        """True once the record is written or dropped; False if the database is away."""
        try:
            record_print(self._ctx, record, late=late)
        except Exception as error:
            if self._is_outage(error):
                log.info("print %s kept until the database is back: %s", record.id, error)
                return False
            log.warning("print %s not recorded in the history: %s", record.id, error)
        return True

    def _keep(self, record: PrintRecord) -> None:
        try:
            self._store.keep(record.id, record.plain())
        except OSError as error:
            log.warning("print %s not recorded (cannot keep it): %s", record.id, error)
