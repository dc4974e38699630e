"""Printing to real printers: the CUPS command-line client and the spool folder.

``CupsPrinter`` hands a PDF to CUPS with ``lp`` (CUPS turns PDF into whatever the printer
speaks, thermal label printers included). Before that it asks ``lpstat`` whether the
scheduler runs and the queue exists, so that the station can say "printer Zebra_ZD421 does
not exist" or "the print system is not running" rather than a bare failure. The server is the
system's default unless ``server`` (``host:port``) is given — as the tests do with their own
cupsd; ``CUPS_SERVER`` in the environment works too, as for every CUPS client.

``FolderSpool`` keeps the print queue's jobs in a folder under the data folder, one folder per
job (``job.json`` and ``document.pdf``), written to a temporary folder and renamed into place,
so a crash never leaves half a job and a restart finds every job that was not printed.

Windows stations have no CUPS; they print through Qt print support (``ui/printing``), see
docs/decisions.md.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from qc_station.domain.errors import NotFound
from qc_station.services.print_queue import (
    PrinterMissing,
    PrintError,
    PrintJob,
    PrintKind,
    PrintSubject,
    PrintSystemUnavailable,
)

from .files import fsync_folder, write_atomically

log = logging.getLogger(__name__)

_REQUEST_ID = re.compile(r"request id is (\S+)")
_TIMEOUT_S = 30.0


# --- CUPS ----------------------------------------------------------------------------------


class CupsPrinter:
    """The ``Printer`` port over the CUPS command-line tools."""

    def __init__(
        self,
        server: str | None = None,
        *,
        lp: str = "lp",
        lpstat: str = "lpstat",
        timeout: float = _TIMEOUT_S,
    ) -> None:
        self.server = server
        self._lp = lp
        self._lpstat = lpstat
        self._timeout = timeout

    @staticmethod
    def available() -> bool:
        """The CUPS client tools are installed (Linux, macOS)."""
        return shutil.which("lp") is not None and shutil.which("lpstat") is not None

    def scheduler_running(self) -> bool:
        done = self._run([self._lpstat, *self._server_args(), "-r"])
        return done.returncode == 0 and "not running" not in done.stdout

    def printers(self) -> list[str]:
        """The queues CUPS offers, in its order (the default one is not marked)."""
        self._require_scheduler()
        done = self._run([self._lpstat, *self._server_args(), "-e"])
        if done.returncode != 0:
            # lpstat -e fails with "No destinations added." on a server with no queues.
            return []
        return [line.strip() for line in done.stdout.splitlines() if line.strip()]

    def send(self, printer: str, document: bytes, *, title: str, media: str) -> str:
        if printer not in self.printers():
            raise PrinterMissing("printer.missing", printer=printer)
        args = [self._lp, *self._server_args(), "-d", printer, "-t", title[:200]]
        if media:
            args += ["-o", f"media={media}"]
        # The document goes through standard input: no temporary file to clean up.
        done = self._run(args, stdin=document)
        if done.returncode != 0:
            detail = _first_line(done.stderr) or f"lp exited with status {done.returncode}"
            raise PrintError(
                "printer.job_refused",
                printer=printer,
                detail=detail,
            )
        found = _REQUEST_ID.search(done.stdout)
        return found.group(1) if found else ""

    def _require_scheduler(self) -> None:
        if not self.scheduler_running():
            if self.server:
                raise PrintSystemUnavailable("printer.cups_down_at", server=self.server)
            raise PrintSystemUnavailable("printer.cups_down", server="")

    def _server_args(self) -> list[str]:
        return ["-h", self.server] if self.server else []

    def _run(
        self, args: Sequence[str], stdin: bytes | None = None
    ) -> subprocess.CompletedProcess[str]:
        # The C locale keeps "request id is …" parseable whatever the station's language.
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        try:
            done = subprocess.run(
                list(args),
                input=stdin,
                capture_output=True,
                timeout=self._timeout,
                env=env,
                check=False,
            )
        except FileNotFoundError:
            raise PrintSystemUnavailable(
                "printer.tool_missing", program=args[0], server=self.server or ""
            ) from None
        except subprocess.TimeoutExpired:
            raise PrintError(
                "printer.timeout", timeout=True, seconds=f"{self._timeout:.0f}"
            ) from None
        return subprocess.CompletedProcess(
            done.args,
            done.returncode,
            done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"),
        )


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line.removeprefix("lp: ").removeprefix("Error - ")
    return ""


# --- the spool folder ----------------------------------------------------------------------

_JOB_FILE = "job.json"
_DOCUMENT_FILE = "document.pdf"
_SAFE_ID = re.compile(r"^[A-Za-z0-9_.-]+$")


class FolderSpool:
    """The ``PrintSpool`` port as a folder: ``<root>/<job id>/{job.json,document.pdf}``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()

    def add(self, job: PrintJob, document: bytes) -> None:
        folder = self._folder(job.id)
        self.root.mkdir(parents=True, exist_ok=True)
        temp = self.root / f".new-{job.id}"
        with self._lock:
            if folder.exists():
                raise FileExistsError(f"print job {job.id} exists already")
            shutil.rmtree(temp, ignore_errors=True)
            temp.mkdir()
            _write_synced(temp / _DOCUMENT_FILE, document)
            _write_synced(temp / _JOB_FILE, _job_json(job))
            os.replace(temp, folder)
            fsync_folder(self.root)

    def get(self, job_id: str) -> PrintJob | None:
        path = self._folder(job_id) / _JOB_FILE
        try:
            return _job_from(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None

    def document(self, job_id: str) -> bytes:
        try:
            return (self._folder(job_id) / _DOCUMENT_FILE).read_bytes()
        except FileNotFoundError:
            raise NotFound("printer.job_gone", job=job_id) from None

    def update(self, job: PrintJob) -> None:
        folder = self._folder(job.id)
        with self._lock:
            if not folder.is_dir():
                raise NotFound("printer.job_gone", job=job.id)
            write_atomically(folder / _JOB_FILE, _job_json(job), mode=None)

    def remove(self, job_id: str) -> None:
        folder = self._folder(job_id)
        with self._lock:
            if not folder.exists():
                return
            # Renamed away first, so a crash halfway through deleting leaves no job that looks
            # whole and would print a second time.
            trash = self.root / f".gone-{job_id}"
            shutil.rmtree(trash, ignore_errors=True)
            os.replace(folder, trash)
            shutil.rmtree(trash, ignore_errors=True)

    def jobs(self) -> list[PrintJob]:
        if not self.root.is_dir():
            return []
        jobs = []
        for folder in self.root.iterdir():
            if folder.name.startswith(".") or not folder.is_dir():
                continue
            try:
                data = json.loads((folder / _JOB_FILE).read_text(encoding="utf-8"))
                jobs.append(_job_from(data))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                # Left where it is for a person to look at; never deleted behind their back.
                log.warning("print spool entry %s cannot be read: %s", folder, exc)
        return sorted(jobs, key=lambda j: (j.created_at, j.id))

    def _folder(self, job_id: str) -> Path:
        if not _SAFE_ID.match(job_id) or job_id.startswith("."):
            raise NotFound("printer.bad_job_id", job=job_id)
        return self.root / job_id


def _job_json(job: PrintJob) -> bytes:
    data: dict[str, Any] = {
        "id": job.id,
        "kind": job.kind.value,
        "title": job.title,
        "printer": job.printer,
        "media": job.media,
        "created_at": job.created_at.isoformat(),
        "size": job.size,
        "attempts": job.attempts,
        "last_error": job.last_error,
        "last_error_code": job.last_error_code,
        "last_attempt_at": job.last_attempt_at.isoformat() if job.last_attempt_at else None,
        "last_error_message_code": job.last_error_message_code,
        "last_error_params": dict(job.last_error_params),
        "subject": job.subject.plain() if job.subject else None,
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _job_from(data: Mapping[str, Any]) -> PrintJob:
    last = data.get("last_attempt_at")
    return PrintJob(
        id=str(data["id"]),
        kind=PrintKind(data["kind"]),
        title=str(data["title"]),
        printer=str(data["printer"]),
        media=str(data.get("media", "")),
        created_at=datetime.fromisoformat(data["created_at"]),
        size=int(data.get("size", 0)),
        attempts=int(data.get("attempts", 0)),
        last_error=str(data.get("last_error", "")),
        last_error_code=str(data.get("last_error_code", "")),
        last_attempt_at=datetime.fromisoformat(last) if last else None,
        last_error_message_code=str(data.get("last_error_message_code", "")),
        last_error_params=dict(data.get("last_error_params") or {}),
        subject=PrintSubject.from_plain(data["subject"]) if data.get("subject") else None,
    )


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def spool_folder(data_dir: Path) -> Path:
    """Where a station keeps its print jobs: ``print-spool`` in its data folder."""
    return Path(data_dir) / "print-spool"
