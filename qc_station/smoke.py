"""``qc-station --smoke-test``: proves that an installed station (above all a frozen
PyInstaller build) has everything it needs, without touching the station's own data.

It runs the core path once on a throwaway SQLite database in a temporary folder, through the
real composition root and services: migrations, the first admin and an argon2 sign-in, a
manifest import, a claim and an inspection whose decision must be RESTOCK, a 4×6 label
rendered with the shipped fonts, rasterised in-process with PDFium and decoded back with
zxing-cpp, the audit chain, and the PostgreSQL driver loaded. The UI layer adds its own
checks (offscreen Qt, the Chinese translation, the station window) through ``ui_check``: the
core never imports the UI, so ``python -m qc_station --smoke-test`` checks the core only and
the ``qc-station`` launcher checks both.

Each check prints one line, ``ok NAME DETAIL`` or ``FAIL NAME: WHY``; the exit status is 0
only if every check passed. Checks whose prerequisite failed are reported as not run.

Rasterising happens in the process (pypdfium2) rather than with ``pdftoppm``, because a
Windows station has no poppler: the smoke test must work wherever the bundle does.
"""

from __future__ import annotations

import logging
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, TextIO

from qc_station import __version__
from qc_station.bootstrap import App, build
from qc_station.config import Config
from qc_station.domain.enums import ChecklistAnswer, Finding, Grade, Headline, Role
from qc_station.services.context import Actor

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

STATION = "SMOKE-TEST"
ADMIN = "smoke-admin"
INSPECTOR = "smoke-inspector"
#: Only ever used on the throwaway database, which is deleted when the test ends.
PASSWORD = "smoke-test-password-2026"
RMA_CODE = "SMOKE-2026-000001"
LPN = f"{RMA_CODE}-1"
CATEGORY = "home"
#: A label is printed at 203 dpi; rasterising at 300 dpi keeps every module several pixels
#: wide, as a scanner sees it, so a miss means a broken renderer or decoder, not sampling.
RASTER_DPI = 300


class SmokeFailure(Exception):
    """A check ran but found something wrong (as opposed to crashing)."""


@dataclass
class SmokeRun:
    """The checks' record: prints each result as it comes and remembers the failures."""

    out: TextIO
    debug: bool = False
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def check(self, name: str, run: Callable[[], str]) -> bool:
        """Run one check; ``run`` returns the detail printed after ``ok NAME``."""
        started = time.perf_counter()
        try:
            detail = run()
        except Exception as exc:  # a smoke test reports every failure and goes on
            self.fail(name, exc)
            return False
        seconds = time.perf_counter() - started
        log.debug("smoke check %s took %.2f s", name, seconds)
        self.passed.append(name)
        print(f"ok {name} {detail}".rstrip(), file=self.out, flush=True)
        return True

    def fail(self, name: str, exc: Exception) -> None:
        """Record ``exc`` as the failure of check ``name`` (called while handling it)."""
        self.failed.append(name)
        why = str(exc) if isinstance(exc, SmokeFailure) else f"{type(exc).__name__}: {exc}"
        print(f"FAIL {name}: {why}", file=self.out, flush=True)
        if self.debug:
            traceback.print_exc(file=self.out)
        log.debug("smoke check %s failed", name, exc_info=True)

    def not_run(self, name: str, because: str) -> None:
        self.failed.append(name)
        print(f"FAIL {name}: not run ({because} failed)", file=self.out, flush=True)

    def note(self, text: str) -> None:
        print(f"- {text}", file=self.out, flush=True)


UiCheck = Callable[[SmokeRun, App], None]
"""The UI layer's checks, given the run to record them in and the built core (the
temporary database) to build the window on."""


@dataclass
class _State:
    app: App | None = None
    admin: Actor | None = None
    inspector: Actor | None = None
    headline: str = ""


def run_smoke_test(out: TextIO, ui_check: UiCheck | None = None, *, debug: bool = False) -> int:
    """Run every check in a temporary data folder; 0 when all passed, 1 otherwise."""
    run = SmokeRun(out, debug)
    print(f"qc-station {__version__} smoke test", file=out, flush=True)
    # ignore_cleanup_errors: on Windows a file still held by a late reader must not turn a
    # passed test into a crash; the folder is in the temp directory either way.
    with tempfile.TemporaryDirectory(prefix="qc-station-smoke-", ignore_cleanup_errors=True) as tmp:
        config = Config(data_dir=tmp, station_name=STATION, language="zh_CN")
        state = _State()
        try:
            _core_checks(run, config, state)
            if ui_check is None:
                run.note("the user interface is checked when started as qc-station")
            elif state.app is None:
                run.not_run("ui", "database")
            else:
                ui = state.app
                # The UI's own checks report their failures; this catches the UI layer
                # failing to load at all (a Qt library missing from the bundle).
                try:
                    ui_check(run, ui)
                except Exception as exc:
                    run.fail("ui", exc)
        finally:
            if state.app is not None:
                state.app.close()
    if run.failed:
        print(f"smoke test FAILED: {', '.join(run.failed)}", file=out, flush=True)
        return 1
    print(f"smoke test passed ({len(run.passed)} checks)", file=out, flush=True)
    return 0


def _core_checks(run: SmokeRun, config: Config, state: _State) -> None:
    def database() -> str:
        from qc_station.adapters.migrate import current_revision

        state.app = build(config)
        revision = current_revision(state.app.engine)
        if not revision:
            raise SmokeFailure("migrations left the database without a revision")
        return f"SQLite at revision {revision}"

    if not run.check("database", database):
        for name in ("users", "import", "decision", "label", "audit"):
            run.not_run(name, "database")
        run.check("postgres driver", _postgres_driver)
        return
    app = state.app
    assert app is not None
    if not run.check("users", lambda: _users(app, state)):
        for name in ("import", "decision", "label"):
            run.not_run(name, "users")
    else:
        imported = run.check("import", lambda: _import(app, state))
        if imported and run.check("decision", lambda: _decision(app, state)):
            run.check("label", lambda: _label(app, state.headline))
        elif imported:
            run.not_run("label", "decision")
        else:
            run.not_run("decision", "import")
            run.not_run("label", "import")
    run.check("audit", lambda: _audit(app))
    run.check("postgres driver", _postgres_driver)


def _users(app: App, state: _State) -> str:
    from qc_station.services import users

    users.add_user(app.ctx, None, ADMIN, Role.ADMIN, "Smoke Admin", PASSWORD, station=STATION)
    admin = users.authenticate(app.ctx, ADMIN, PASSWORD, STATION)
    users.add_user(
        app.ctx, admin.actor(STATION), INSPECTOR, Role.INSPECTOR, "Smoke Inspector", PASSWORD
    )
    signed_in = users.authenticate(app.ctx, INSPECTOR, PASSWORD, STATION)
    if signed_in.role != Role.INSPECTOR:
        raise SmokeFailure(f"{INSPECTOR} signed in as {signed_in.role.value}")
    state.admin = admin.actor(STATION)
    state.inspector = signed_in.actor(STATION)
    return "admin and inspector added, argon2 sign-in"


def manifest(today: datetime) -> bytes:
    """A one-RMA generic manifest, dated around ``today`` so it is inside the return
    window whatever day the test runs."""
    day = today.date()
    header = (
        "rma_code,order_id,customer,market,currency,order_date,delivery_date,request_date,"
        "requested_resolution,reason,carrier,tracking,sku,product_name,category,supplier,"
        "unit_price,quantity"
    )
    row = ",".join(
        (
            RMA_CODE,
            "SMOKE-ORD-1",
            "张伟 Smoke Test",
            "DE",
            "EUR",
            (day - timedelta(days=10)).isoformat(),
            (day - timedelta(days=7)).isoformat(),
            (day - timedelta(days=2)).isoformat(),
            "refund",
            "changed my mind",
            "DHL",
            "SMOKE-TRACK-1",
            "SMOKE-MUG",
            "Kaffeemühle 咖啡研磨机",
            CATEGORY,
            "Smoke Supplier GmbH",
            "49.90",
            "1",
        )
    )
    return f"\ufeff{header}\r\n{row}\r\n".encode()


def _import(app: App, state: _State) -> str:
    from qc_station.services.importing import import_manifest

    # As the admin: once users exist, the local operator ``system`` may not act (SPEC §11).
    assert state.admin is not None
    report = import_manifest(app.ctx, state.admin, manifest(datetime.now(UTC)), "smoke-test.csv")
    if report.errors:
        raise SmokeFailure(f"manifest rows refused: {report.summary()}")
    return report.summary()


def _decision(app: App, state: _State) -> str:
    from qc_station.services.inspection import InspectionDraft, submit_inspection
    from qc_station.services.returns import claim_unit

    actor = state.inspector
    assert actor is not None  # the users check passed
    claim_unit(app.ctx, actor, LPN)
    checklist = {item.key: ChecklistAnswer.PASS for item in app.ctx.policy.checklist_for(CATEGORY)}
    decision = submit_inspection(
        app.ctx,
        actor,
        InspectionDraft(LPN, Grade.A, Finding.NO_FAULT, checklist, notes="smoke test"),
    )
    headline = decision.final.headline
    if headline != Headline.RESTOCK:
        raise SmokeFailure(f"grade A with no fault was decided {headline.value}, not RESTOCK")
    state.headline = headline.value
    return f"{headline.value} ({decision.final.disposition.value}, {decision.status})"


def _label(app: App, headline: str) -> str:
    from printing.data import LabelData
    from printing.labels import render_label
    from qc_station.adapters.barcodes import decode_image_array

    pdf = render_label(
        LabelData(
            LPN,
            sku="SMOKE-MUG",
            product_name="Kaffeemühle 咖啡研磨机",
            grade=Grade.A.value,
            headline=headline,
            disposition=headline,
            bin_location="SMOKE-01",
            printed_at=datetime.now().strftime("%Y-%m-%d %H:%M"),
            station=app.station,
        )
    )
    image = rasterise_first_page(pdf, RASTER_DPI)
    codes = [code.text for code in decode_image_array(image)]
    if codes != [LPN]:
        raise SmokeFailure(f"the rendered label decoded as {codes or 'nothing'}, not {LPN}")
    return f"decoded {LPN} ({len(pdf)} bytes of PDF, {image.shape[1]}x{image.shape[0]} px)"


def rasterise_first_page(pdf: bytes, dpi: int) -> np.ndarray:
    """The first page of ``pdf`` as an 8-bit grayscale image at ``dpi``, rendered by PDFium
    in this process (no poppler needed)."""
    import numpy as np
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        return np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
    finally:
        document.close()


def _audit(app: App) -> str:
    from qc_station.services import audit

    report = audit.verify(app.ctx)
    if not report.ok:
        raise SmokeFailure("; ".join(report.problems[:3]))
    return f"chain of {report.count} events intact"


def _postgres_driver() -> str:
    """Multi-station sites need psycopg and its libpq in the bundle; load both without a
    server (building an engine does not connect)."""
    import psycopg
    from sqlalchemy import create_engine

    engine = create_engine("postgresql+psycopg://smoke@127.0.0.1/smoke")
    try:
        dialect = engine.dialect.driver
    finally:
        engine.dispose()
    libpq = psycopg.pq.version()  # 180006 for 18.6 (major * 10000 + minor)
    impl = psycopg.pq.__impl__
    return f"{dialect} {psycopg.__version__}, {impl} libpq {libpq // 10000}.{libpq % 10000}"
