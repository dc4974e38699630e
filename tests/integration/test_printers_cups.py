"""Printing through a real CUPS server: a private cupsd with a cups-pdf virtual printer.

The fixture starts its own cupsd (a private configuration folder, 127.0.0.1 on a free port, no
browsing, nothing shared with the system's CUPS) and adds cups-pdf queues with ``lpadmin``;
cups-pdf writes each job as a PDF into a folder of the test. The label that comes out is
rasterised at 203 dpi and its barcode decoded, as a thermal printer would print it.

cups-pdf reads its settings from ``/etc/cups/cups-pdf-<queue>.conf`` (a path compiled into
it), so each test queue gets its own file there, removed at the end; and the cups-pdf backend
only runs under a cupsd started as root. CI runs the tests as root; anywhere else these tests
FAIL with a message saying why, on purpose: printing must be tested, not skipped.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from printing.data import LabelData
from printing.labels import render_label
from qc_station.adapters.printers import CupsPrinter, FolderSpool
from qc_station.services.print_queue import (
    PrintError,
    PrintKind,
    PrintQueue,
    PrintSystemUnavailable,
)
from tests.fakes import FakeClock
from tests.unit.printing.pdftools import decode, pdf_info, rasterise

CUPSD = Path(os.environ.get("QC_TEST_CUPSD", "/usr/sbin/cupsd"))
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_CONF_DIR = Path("/etc/cups")
LPN = "RMA-2026-000123-12"
INSTALL = "install them with `bash .ci/system-deps.sh` (cups, cups-client, printer-driver-cups-pdf)"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


@dataclass
class CupsServer:
    folder: Path
    port: int
    process: subprocess.Popen[bytes]
    _names: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _confs: list[Path] = field(default_factory=list)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def add_pdf_queue(self, name: str | None = None) -> tuple[str, Path]:
        """A cups-pdf queue writing into its own new folder; returns (queue, folder)."""
        queue = name or f"qc_test_{os.getpid()}_{next(self._names)}"
        out = self.folder / "out" / queue
        out.mkdir(parents=True)
        out.chmod(0o777)  # cups-pdf writes as the job's (unprivileged) user
        conf = CUPS_PDF_CONF_DIR / f"cups-pdf-{queue}.conf"
        conf.write_text(f"Out {out}\nAnonDirName {out}\nLabel 0\n", encoding="utf-8")
        self._confs.append(conf)
        done = _run(
            [
                "lpadmin",
                "-h",
                self.address,
                "-p",
                queue,
                "-E",
                "-v",
                f"cups-pdf:/{queue}",
                "-P",
                str(CUPS_PDF_PPD),
            ]
        )
        assert done.returncode == 0, done.stderr
        return queue, out

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        for conf in self._confs:
            conf.unlink(missing_ok=True)

    def error_log(self) -> str:
        path = self.folder / "log" / "error_log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""


def _configure(folder: Path, port: int) -> tuple[Path, Path]:
    for sub in ("conf", "spool", "cache", "state", "log", "out"):
        (folder / sub).mkdir(exist_ok=True)
    # Filters run as the unprivileged lp user and need a temp folder they can write.
    (folder / "spool" / "tmp").mkdir(exist_ok=True)
    (folder / "spool" / "tmp").chmod(0o1777)
    folder.chmod(0o755)
    cupsd_conf = folder / "conf" / "cupsd.conf"
    cupsd_conf.write_text(
        f"""Listen 127.0.0.1:{port}
Browsing Off
WebInterface No
DefaultAuthType None
LogLevel debug
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
""",
        encoding="utf-8",
    )
    files_conf = folder / "conf" / "cups-files.conf"
    files_conf.write_text(
        f"""ServerRoot {folder}/conf
RequestRoot {folder}/spool
TempDir {folder}/spool/tmp
CacheDir {folder}/cache
StateDir {folder}/state
ErrorLog {folder}/log/error_log
AccessLog {folder}/log/access_log
PageLog {folder}/log/page_log
Printcap {folder}/printcap
SystemGroup root
User lp
Group lp
""",
        encoding="utf-8",
    )
    return cupsd_conf, files_conf


@pytest.fixture(scope="module")
def cups() -> Iterator[CupsServer]:
    if os.geteuid() != 0:
        pytest.fail(
            "the CUPS printing tests need root (as in CI): the cups-pdf backend only runs "
            "under a cupsd started as root",
            pytrace=False,
        )
    missing = [str(p) for p in (CUPSD, CUPS_PDF_PPD, CUPS_PDF_BACKEND) if not p.exists()] + [
        tool for tool in ("lp", "lpstat", "lpadmin") if shutil.which(tool) is None
    ]
    if missing:
        pytest.fail(f"CUPS is not installed ({', '.join(missing)} missing): {INSTALL}", False)
    folder = Path(tempfile.mkdtemp(prefix="qc-cups-"))
    last = ""
    for _ in range(3):  # the free port may be taken between choosing and binding
        port = _free_port()
        cupsd_conf, files_conf = _configure(folder, port)
        process = subprocess.Popen(
            [str(CUPSD), "-f", "-c", str(cupsd_conf), "-s", str(files_conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        server = CupsServer(folder, port, process)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and process.poll() is None:
            if CupsPrinter(server.address).scheduler_running():
                break
            time.sleep(0.2)
        if process.poll() is None and CupsPrinter(server.address).scheduler_running():
            try:
                yield server
            finally:
                server.stop()
                shutil.rmtree(folder, ignore_errors=True)
            return
        server.stop()
        stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
        last = f"{stderr}\n{server.error_log()}"
    shutil.rmtree(folder, ignore_errors=True)
    pytest.fail(f"the test cupsd did not start:\n{last}", pytrace=False)


def _wait_for_pdf(folder: Path, timeout: float = 60.0) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.glob("*.pdf") if p.stat().st_size > 0]
        if done:
            time.sleep(0.3)  # cups-pdf writes then closes; let it finish
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no PDF appeared in {folder} within {timeout:.0f} s")


def _label() -> bytes:
    return render_label(
        LabelData(
            code=LPN,
            sku="WH-1000XM5",
            product_name="无线蓝牙耳机 Wireless headset",
            grade="B",
            headline="RESTOCK",
            disposition="RESTOCK",
            bin_location="A-12-03",
            printed_at="2026-11-02 10:42",
            station="QC-03",
        ),
        "4x6",
    )


def _queue(tmp_path: Path, cups: CupsServer) -> PrintQueue:
    return PrintQueue(FolderSpool(tmp_path / "spool"), CupsPrinter(cups.address), FakeClock())


def test_a_label_comes_out_of_cups_as_a_pdf_whose_barcode_decodes(
    cups: CupsServer, tmp_path: Path
) -> None:
    queue_name, out = cups.add_pdf_queue()
    assert queue_name in CupsPrinter(cups.address).printers()
    queue = _queue(tmp_path, cups)
    outcome = queue.submit(
        _label(),
        kind=PrintKind.LABEL,
        title=f"Label {LPN}",
        printer=queue_name,
        media="Custom.4x6in",
    )
    assert outcome.printed, outcome.error
    assert outcome.system_id.startswith(f"{queue_name}-")
    assert queue.pending() == []
    printed = _wait_for_pdf(out).read_bytes()
    assert pdf_info(printed, tmp_path)["Page size"] == "288 x 432 pts"  # the label's own size
    [page] = rasterise(printed, tmp_path, 203)
    assert decode(page) == [LPN]


def test_a_missing_queue_keeps_the_job_until_it_exists(cups: CupsServer, tmp_path: Path) -> None:
    name = f"qc_later_{os.getpid()}"
    queue = _queue(tmp_path, cups)
    outcome = queue.submit(_label(), kind=PrintKind.LABEL, title=f"Label {LPN}", printer=name)
    assert not outcome.printed
    assert outcome.error is not None and outcome.error.code == "printer_missing"
    assert f"printer '{name}' does not exist" in str(outcome.error)
    [job] = queue.pending()

    # An administrator adds the printer; the retry prints the very same document.
    _, out = cups.add_pdf_queue(name)
    again = queue.retry(job.id)
    assert again.printed, again.error
    assert queue.pending() == []
    [page] = rasterise(_wait_for_pdf(out).read_bytes(), tmp_path, 203)
    assert decode(page) == [LPN]


def test_a_printer_that_rejects_jobs_is_a_failure_with_cups_words(
    cups: CupsServer, tmp_path: Path
) -> None:
    name, _ = cups.add_pdf_queue()
    assert _run(["cupsreject", "-h", cups.address, name]).returncode == 0
    queue = _queue(tmp_path, cups)
    outcome = queue.submit(_label(), kind=PrintKind.LABEL, title="Label", printer=name)
    assert isinstance(outcome.error, PrintError)
    assert outcome.error.code == "print_failed"
    assert "not accepting jobs" in str(outcome.error)
    assert _run(["cupsaccept", "-h", cups.address, name]).returncode == 0
    assert queue.retry(outcome.job.id).printed


def test_no_scheduler_is_told_apart_from_a_missing_printer(tmp_path: Path) -> None:
    nobody = CupsPrinter(f"127.0.0.1:{_free_port()}", timeout=10)
    with pytest.raises(PrintSystemUnavailable, match="not running"):
        nobody.send("Zebra", b"%PDF", title="Label", media="")
    queue = PrintQueue(FolderSpool(tmp_path / "spool"), nobody, FakeClock())
    outcome = queue.submit(b"%PDF-1.4", kind=PrintKind.REPORT, title="Report", printer="Office")
    assert outcome.error is not None and outcome.error.code == "print_system_unavailable"
    assert len(queue.pending()) == 1
