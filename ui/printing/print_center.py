"""The print center: one per station window, it renders labels and reports and hands them to
the station's printers through the durable print queue (``session.ports.print_queue``), never
on the GUI thread. The main window builds it and hands it to the pages that print.

Rendering reads the database, so it runs on the task runner's database lane; handing the PDF
to the printer (``lp`` may wait for a slow CUPS server) runs on the I/O lane, so a stuck
printer never holds up scanning. A job the printer does not take stays in the spool with its
error (``job_failed``) and is offered in the "Print queue" work area for retry or discard.

Who calls it:

- the main window prints the label when an inspector's decision needs no approval;
- the supervisor's approval page calls ``print_label(lpn)`` after an approval;
- the print queue page retries, discards, previews and reprints.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from printing.label_formats import label_format
from qc_station.domain.errors import QcError
from qc_station.services import documents
from qc_station.services.print_queue import (
    PrintJob,
    PrintKind,
    PrintOutcome,
    PrintQueue,
    PrintSubject,
)

from ..messages import describe, message_text
from ..presenters.base import for_receiver
from ..session import Session
from ..tasks import Lane

log = logging.getLogger(__name__)

_OBJECT_NAME = "printCenter"


def job_problem(job: PrintJob) -> str:
    """A waiting job's last problem in the station's language (its catalogue code), else as
    the spool kept it (a job queued by an older version)."""
    if job.last_error_message_code:
        return message_text(job.last_error_message_code, job.last_error_params)
    return job.last_error


class PrintCenter(QObject):
    """Renders, queues and retries print jobs for the signed-in user of a session."""

    # a job was printed: (title, the printer's name)
    job_printed = Signal(str, str)
    # a job is waiting in the retry list: (title, the message to show)
    job_failed = Signal(str, str)
    # rendering failed before anything was queued (unknown code…): the message to show
    render_failed = Signal(str)
    # the waiting jobs, oldest first (a list of ``PrintJob``)
    jobs_loaded = Signal(object)
    # True while a render or print is under way
    busy_changed = Signal(bool)

    def __init__(
        self,
        session: Session,
        queue: PrintQueue | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(_OBJECT_NAME)
        self.session = session
        self._queue = queue
        self.last_label: str | None = None
        self._running = 0

    @property
    def queue(self) -> PrintQueue:
        """The station's print queue: ``queue`` if one was given, else the station's own
        (there once the core is built; nothing prints before that)."""
        return self._queue or self.session.ports.print_queue

    # --- settings ------------------------------------------------------------------------

    def label_settings(self) -> documents.LabelSettings:
        config = self.session.config
        return documents.LabelSettings(
            size=config.label_size, dpi=config.label_dpi, bins=dict(config.disposition_bins)
        )

    def printer_for(self, kind: PrintKind) -> str:
        config = self.session.config
        return config.label_printer if kind is PrintKind.LABEL else config.document_printer

    def _media(self, kind: PrintKind) -> str:
        config = self.session.config
        if kind is PrintKind.LABEL:
            return label_format(config.label_size).media
        return config.report_page_size

    # --- rendering -----------------------------------------------------------------------

    def render_label(
        self,
        code: str,
        on_done: Callable[[documents.LabelDocument], None],
        receiver: QObject | None = None,
    ) -> None:
        """Render the label(s) of an LPN or an RMA code on the database lane; ``on_done`` is
        dropped if ``receiver`` (the page that asked) is deleted meanwhile."""
        ctx, actor, settings = self.session.ctx, self.session.require_actor(), self.label_settings()
        self._run(lambda: documents.label_pdf(ctx, actor, code, settings), on_done, receiver)

    def render_report(
        self,
        code: str,
        on_done: Callable[[documents.ReportDocument], None],
        receiver: QObject | None = None,
    ) -> None:
        ctx, actor, ports = self.session.ctx, self.session.require_actor(), self.session.ports
        config = self.session.config
        clips = documents.ClipFrames(ports.videos, ports.key_frames)
        self._run(
            lambda: documents.report_pdf(
                ctx,
                actor,
                code,
                page_size=config.report_page_size,
                language=config.document_language,
                clips=clips,
            ),
            on_done,
            receiver,
        )

    # --- printing ------------------------------------------------------------------------

    def print_label(self, code: str) -> None:
        """Render the label of ``code`` (an LPN, or every unit of an RMA) and print it on the
        station's label printer. Safe to call right after a decision or an approval."""
        self.last_label = code

        def rendered(document: documents.LabelDocument) -> None:
            title = self.tr("Label {code}").format(code=", ".join(document.codes))
            self.print_pdf(document.pdf, PrintKind.LABEL, title, self.label_subject(document))

        self.render_label(code, rendered)

    def print_report(self, code: str) -> None:
        def rendered(document: documents.ReportDocument) -> None:
            title = self.tr("Report {code}").format(code=document.rma_code)
            self.print_pdf(document.pdf, PrintKind.REPORT, title, self.report_subject(document))

        self.render_report(code, rendered)

    def label_subject(self, document: documents.LabelDocument) -> PrintSubject:
        """A label's print as part of the story of the units on it (issue 18): who prints
        it, at which size."""
        actor = self.session.require_actor()
        size = self.session.config.label_size
        return PrintSubject.of(actor, document.rma_code, document.codes, label_size=size)

    def report_subject(self, document: documents.ReportDocument) -> PrintSubject:
        """A report's print as part of its RMA's story."""
        return PrintSubject.of(self.session.require_actor(), document.rma_code, document.lpns)

    def reprint_last_label(self) -> bool:
        if not self.last_label:
            return False
        self.print_label(self.last_label)
        return True

    def print_pdf(
        self, pdf: bytes, kind: PrintKind, title: str, subject: PrintSubject | None = None
    ) -> None:
        """Spool and print an already rendered PDF on the I/O lane; with a ``subject``, the
        print queue writes it into the units' story once printed or discarded."""
        queue, printer, media = self.queue, self.printer_for(kind), self._media(kind)
        self._run(
            lambda: queue.submit(
                pdf, kind=kind, title=title, printer=printer, media=media, subject=subject
            ),
            self._on_outcome,
            lane=Lane.IO,
        )

    # --- the retry list ------------------------------------------------------------------

    def refresh(self) -> None:
        self._run(self.queue.pending, self.jobs_loaded.emit, lane=Lane.IO)

    def retry(self, job_id: str) -> None:
        queue, actor = self.queue, self.session.actor
        self._run(lambda: queue.retry(job_id, by=actor), self._on_outcome, lane=Lane.IO)

    def retry_all(self) -> None:
        queue = self.queue
        printers = {kind: self.printer_for(kind) for kind in PrintKind if self.printer_for(kind)}

        def done(outcomes: list[PrintOutcome]) -> None:
            for outcome in outcomes:
                self._announce(outcome)
            self.refresh()

        actor = self.session.actor
        self._run(lambda: queue.retry_all(printers, by=actor), done, lane=Lane.IO)

    def discard(self, job_id: str) -> None:
        """Drop a job for good; the page asks the user to confirm first."""
        queue, actor = self.queue, self.session.actor
        self._run(lambda: queue.discard(job_id, by=actor), lambda _: self.refresh(), lane=Lane.IO)

    def document(
        self, job: PrintJob, on_done: Callable[[bytes], None], receiver: QObject | None = None
    ) -> None:
        """A waiting job's PDF, for its preview (dropped if ``receiver`` is deleted)."""
        spool = self.queue.spool
        self._run(lambda: spool.document(job.id), on_done, receiver, lane=Lane.IO)

    # --- plumbing ------------------------------------------------------------------------

    def _on_outcome(self, outcome: PrintOutcome) -> None:
        self._announce(outcome)
        self.refresh()

    def _announce(self, outcome: PrintOutcome) -> None:
        job = outcome.job
        if outcome.printed:
            self.job_printed.emit(job.title, job.printer)
        else:
            message = describe(outcome.error) if outcome.error else job_problem(job)
            self.job_failed.emit(
                job.title,
                self.tr("{title} was not printed and waits in the print queue: {error}").format(
                    title=job.title, error=message
                ),
            )

    def _run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        receiver: QObject | None = None,
        lane: Lane = Lane.DB,
    ) -> None:
        """Run ``fn`` on ``lane``; its result goes to ``on_done`` only while ``receiver`` (the
        widget that asked; the center itself by default) still exists."""
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        self.session.runner.run(
            fn,
            for_receiver(receiver or self, on_done),
            for_receiver(self, self._on_error),
            on_finished=for_receiver(self, self._on_finished),
            lane=lane,
            # A spool folder that cannot be written (disk full, no permission) is a message
            # for the user, not a crash: nothing was queued, and they can try again.
            expected=(QcError, OSError),
        )

    def _on_error(self, error: BaseException) -> None:
        log.info("printing refused: %s", error)
        self.render_failed.emit(describe(error))

    def _on_finished(self) -> None:
        self._running -= 1
        if self._running == 0:
            self.busy_changed.emit(False)
