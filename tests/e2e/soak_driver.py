"""The soak run of issue 15: the real station, driven by key events under its own event loop,
makes thousands of decisions and idles through simulated hours of timers, and must exit 0
with the reference counts of ``None``, ``True`` and ``False`` steady.

    python -m tests.e2e.soak_driver [--decisions 2000] [--idle-hours 8] [--speedup 5000]

with the station's data folder, config and name in the environment (``QC_STATION_*``) and
``QT_QPA_PLATFORM=offscreen``; ``tests/e2e/test_soak.py`` runs it in a temporary folder.

**Data.** Before the station starts, the driver prepares the database through the core
itself (``bootstrap.build`` and the services, as the first-run form and an office import
would): an admin, an inspector, and a manifest of single-unit RMAs imported with
``importing.import_manifest``. Every RMA is an unopened item returned for a change of mind
("changed my mind", so the inspection pre-fills the finding NO_FAULT), cheap enough to need
no supervisor's approval, in four categories so the checklist is rebuilt as on a real floor:
grade A needs no photo, so each unit is decided with the keyboard-only path of SPEC §8.

**Driving.** The station is started exactly as ``qc-station`` starts it
(``ui.app.start_station``) and runs under ``app.exec()``. One driver timer (no parent, so it
is not one of the station's) polls the station's own state every millisecond and, when the
station is ready for the next step, types into the widget that has keyboard focus with
``QTest.keyClick``/``keyClicks`` (spontaneous key events, through the application's event
filters: the idle watcher and the scanner's burst filter see them as they would see a
keyboard). The steps are a generator that yields what to wait for; nothing sleeps and
nothing spins ``processEvents``. For each unit: the code typed as a wedge scanner types it
(a fast burst ending with Enter, which the burst filter turns into a scan), then the grade
key ``1`` on the inspection page, then Enter; the decision counts when the scan page shows
its green line. The focus is checked at each step: a keyboard-only path that loses focus
fails the run. The label of each decision goes to the print queue; unless
``--no-stub-printer`` is given, a stub CUPS (``lp``/``lpstat`` scripts on ``PATH``) takes
every job, as a working label printer does, so the spool does not fill up with 2,000 failed
jobs.

**Simulated hours.** After the decisions, the station's timers are made to fire in seconds
what they would fire in ``--idle-hours``: every ``QTimer`` that the station owns (children of
the application, the window and the session) and that is running — the garbage-collection
tick (1 s, ``ui/garbage.py``), the database health check (5 s), the heartbeat (15 s) and the
idle lock (5 min, single-shot) — gets its interval divided by ``--speedup`` (0 ms, "whenever
the loop is idle", for the collection tick), and each repeating one stops once it has fired
as often as it would in those hours (8 h: 28,800 collections, 5,760 health checks, 1,920
heartbeats), while the event loop runs. The idle lock fires once and locks the station, as
it would on a real idle floor. The intervals are put back and the timers started again
afterwards, and the inspector signs in again through the lock form, by keys. Scaling the
real timers (rather than emitting ``timeout`` by hand) keeps their slots running from the
event loop, with the database lane's answers arriving in between, as in a real night.

**Counts.** ``sys.getrefcount`` of ``None``, ``True`` and ``False`` is sampled after sign-in
and a warm-up of ``--warm-up`` decisions (the baseline), every ``--sample-every`` decisions,
after the idle phase and after signing in again, each after a full collection (garbage
holds references to ``True`` and ``False`` until the station's next collection tick), and
printed at once (``sample {...}``) as well as in the final report. On PySide6 6.12.0 each
void Qt call took a reference from ``None`` and each emit one from ``True``: here ``True``
falls by about 25 and ``None`` by about 55 per decision, and the process aborts ("Fatal
Python error: bool_dealloc") near decision 470. On 6.11.3 ``True`` and ``False`` stay within
a few dozen; ``None`` gains about 300 per decision, all from the checklist's widgets being
built again at each change of category: PySide6 (both versions) adds references to ``None``
that it never gives back when a child widget is created and destroyed. With one category
``None`` stays within a few dozen too (``--categories home``).

**Exit.** The driver ends the event loop normally (the window closed, ``app.quit()``), closes
the station as ``run_gui`` does, prints one JSON line with the samples and figures, and
returns the event loop's code through ``SystemExit``: an abort during interpreter shutdown
shows as a negative status (-6, SIGABRT). A failed step exits 3, an unexpected error in the
station 4.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import time
import traceback
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any

INSPECTOR = "soak-inspector"
ADMIN = "soak-admin"
PASSWORD = "soak-password-2026"
CODE_PREFIX = "SOAK-"
CATEGORIES = ("home", "apparel", "electronics", "toys")
STUB_PRINTER = "SOAK-LABEL"
#: what a wait may take before the run fails (the first sign-in includes the core's build)
STEP_TIMEOUT_S = 60.0


def code_of(number: int) -> str:
    return f"{CODE_PREFIX}{number:06d}"


# --- data ---------------------------------------------------------------------------------


def manifest(count: int, today: date, categories: tuple[str, ...] = CATEGORIES) -> bytes:
    """``count`` single-unit RMAs that the keyboard-only path decides: change of mind, no
    approval (far under the threshold), grade A needs no photo."""
    header = (
        "rma_code,order_id,customer,market,currency,order_date,delivery_date,request_date,"
        "requested_resolution,reason,carrier,tracking,sku,product_name,category,supplier,"
        "unit_price,quantity\n"
    )
    ordered, delivered, requested = (today - timedelta(days=d) for d in (12, 8, 2))
    rows = []
    for n in range(1, count + 1):
        category = categories[n % len(categories)]
        rows.append(
            f"{code_of(n)},SOAK-ORD-{n},Soak Customer {n},US,USD,{ordered},{delivered},"
            f"{requested},refund,changed my mind,UPS,1ZSOAK{n:06d},SOAK-SKU-{category},"
            f"Soak {category} item,{category},Soak Supplier,19.90,1\n"
        )
    return (header + "".join(rows)).encode()


def prepare(count: int, categories: tuple[str, ...] = CATEGORIES) -> None:
    """The users and the manifest, through the core (a fresh database)."""
    from qc_station.bootstrap import build
    from qc_station.config import load_config
    from qc_station.domain.enums import Role
    from qc_station.services import importing, users

    config = load_config()
    built = build(config)
    try:
        ctx = built.ctx
        admin = users.add_user(
            ctx, None, ADMIN, Role.ADMIN, "Soak Admin", PASSWORD, station=config.station
        ).actor(config.station)
        users.add_user(ctx, admin, INSPECTOR, Role.INSPECTOR, "Soak Inspector", PASSWORD)
        today = ctx.clock.now().date()
        report = importing.import_manifest(
            ctx, admin, manifest(count, today, categories), "soak.csv"
        )
        if report.errors:
            raise RuntimeError(f"the soak manifest was refused: {report.errors[:3]}")
    finally:
        built.close()


def install_stub_cups(folder: Path) -> None:
    """A CUPS client that takes every job for ``STUB_PRINTER``, first on ``PATH``."""
    folder.mkdir(parents=True, exist_ok=True)
    scripts = {
        "lpstat": (
            '#!/bin/sh\ncase "$*" in\n'
            '  *-r*) echo "scheduler is running" ;;\n'
            f'  *-e*) echo "{STUB_PRINTER}" ;;\n'
            "esac\nexit 0\n"
        ),
        "lp": (
            "#!/bin/sh\ncat >/dev/null\n"
            f'echo "request id is {STUB_PRINTER}-$$ (1 file(s))"\nexit 0\n'
        ),
    }
    for name, text in scripts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    os.environ["PATH"] = f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"
    os.environ["QC_STATION_LABEL_PRINTER"] = STUB_PRINTER


# --- the run ------------------------------------------------------------------------------


@dataclass
class Wait:
    """What the script waits for before its next step."""

    what: str
    ready: Callable[[], bool]
    timeout_s: float = STEP_TIMEOUT_S


@dataclass
class Report:
    decisions: int = 0
    samples: list[dict[str, Any]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    timers: list[dict[str, Any]] = field(default_factory=list)
    simulated_hours: float = 0.0
    locked_while_idle: bool = False
    failure: str = ""
    pyside: str = ""
    python: str = ""


def counts() -> dict[str, int]:
    return {
        "none": sys.getrefcount(None),
        "true": sys.getrefcount(True),
        "false": sys.getrefcount(False),
    }


class Soak:
    def __init__(self, args: argparse.Namespace) -> None:
        # Imported here: the data is prepared before Qt and the station are loaded.
        import PySide6
        from PySide6.QtCore import QTimer

        from qc_station.config import load_config
        from ui.app import start_station

        self.args = args
        self.report = Report(pyside=PySide6.__version__, python=sys.version.split()[0])
        self.started = time.monotonic()
        self.station = start_station(load_config(), report_errors=False)
        self.app = self.station.app
        self.window = self.station.window
        # Unexpected errors end the run instead of opening the crash dialog.
        self.window.show_crash = self._on_crash
        self.script = self.steps()
        self.waiting: Wait | None = None
        self.deadline = 0.0
        self.tick = QTimer()  # the driver's own: no parent, so not one of the station's
        self.tick.setInterval(1)
        self.tick.timeout.connect(self._on_tick)
        self.exit_code: int | None = None
        self.scan_ms: list[float] = []  # code typed → the inspection page has focus
        self.submit_ms: list[float] = []  # grade key → the decision's green line

    # --- plumbing -----------------------------------------------------------------------

    def run(self) -> int:
        previous = sys.excepthook
        sys.excepthook = self._excepthook
        self.tick.start()
        try:
            code = self.app.exec()
        finally:
            sys.excepthook = previous
            self.tick.stop()
            self.station.close()
        self.report.timings["total_s"] = round(time.monotonic() - self.started, 2)
        print(json.dumps(self.report.__dict__), flush=True)
        return code

    def _on_tick(self) -> None:
        if self.exit_code is not None:
            return
        try:
            if self.waiting is not None and not self.waiting.ready():
                if time.monotonic() > self.deadline:
                    self.fail(f"timed out waiting for {self.waiting.what}")
                return
            self.waiting = next(self.script)
            self.deadline = time.monotonic() + self.waiting.timeout_s
        except StopIteration:
            self.finish(0)
        except Exception:
            self.fail(traceback.format_exc())

    def fail(self, why: str, code: int = 3) -> None:
        self.report.failure = why
        print(f"soak failed: {why}", file=sys.stderr, flush=True)
        self.finish(code)

    def finish(self, code: int) -> None:
        if self.exit_code is not None:
            return
        self.exit_code = code
        self.tick.stop()
        self.window.close()  # stops the station's timers, as closing the window does
        self.app.exit(code)

    def _on_crash(self, summary: str, details: str) -> None:
        self.fail(f"the station reported an unexpected error: {summary}\n{details}", 4)

    def _excepthook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        self.fail(f"unexpected exception:\n{details}", 4)

    def sample(self, label: str) -> None:
        import gc

        from PySide6.QtCore import QObject

        if self.args.diagnose:
            self.diagnose(label)
        # Garbage waits for the station's next collection tick (ui/garbage.py) and holds
        # references to True and False meanwhile: collect now, so samples compare alike.
        gc.collect()
        sample = {
            "at": label,
            "decisions": self.report.decisions,
            "s": round(time.monotonic() - self.started, 2),
            **counts(),
            # Qt objects under the window, and objects the collector tracks: a leak of
            # either would show as growth here.
            "qobjects": len(self.window.findChildren(QObject)),
            "py_objects": len(gc.get_objects()),
        }
        self.report.samples.append(sample)
        # At once, too: a binding that loses references may abort the run before the report.
        print(f"sample {json.dumps(sample)}", flush=True)

    def diagnose(self, label: str) -> None:
        """``--diagnose``: after a full collection, which kinds of object grew since the
        last sample (to tell a leak of the station from the binding's)."""
        import gc
        from collections import Counter

        gc.collect()
        now = Counter(type(o).__qualname__ for o in gc.get_objects())
        holders = Counter(type(o).__qualname__ for o in gc.get_referrers(None))
        before = getattr(self, "_kinds", None)
        held_before = getattr(self, "_holders", None)
        self._kinds, self._holders = now, holders
        if before is not None and held_before is not None:
            grown = (now - before).most_common(12)
            held = (holders - held_before).most_common(8)
            print(
                f"grown by {label}: {grown}; holding None: {held} · {counts()}",
                file=sys.stderr,
                flush=True,
            )

    # --- the keyboard -------------------------------------------------------------------

    def focused(self, expected: object, what: str) -> Any:
        from PySide6.QtWidgets import QApplication

        widget = QApplication.focusWidget()
        if widget is not expected:
            name = widget.objectName() if widget is not None else None
            raise AssertionError(f"{what} should have keyboard focus, not {name!r}")
        return widget

    def type_text(self, widget: Any, text: str) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClicks(widget, text)

    def press(self, widget: Any, key: Any) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key)

    # --- the script ---------------------------------------------------------------------

    def steps(self) -> Generator[Wait, None, None]:
        from PySide6.QtCore import Qt

        from qc_station.domain.enums import Grade
        from ui.presenters.login_presenter import LoginMode

        window = self.window
        login = window.login_page
        login_state = window.login_presenter
        scan = window.scan_page
        page = window.inspection_page
        inspection = window.inspection_presenter
        enter = Qt.Key.Key_Return

        yield Wait(
            "the sign-in form",
            lambda: (
                login_state.state.mode == LoginMode.PASSWORD
                and not login_state.state.busy
                and login.username.hasFocus()
            ),
        )
        self.report.timings["start_to_sign_in_form_s"] = round(time.monotonic() - self.started, 2)
        edit = self.focused(login.username, "the user name")
        self.type_text(edit, INSPECTOR)
        self.press(edit, enter)  # moves to the password
        edit = self.focused(login.password, "the password")
        self.type_text(edit, PASSWORD)
        self.press(edit, enter)
        yield Wait(
            "the scan page after signing in",
            lambda: window.pages.currentWidget() is scan and scan.scan_edit.hasFocus(),
        )

        total, warm_up = self.args.decisions, self.args.warm_up
        for number in range(1, total + 1):
            code = code_of(number)
            lpn = f"{code}-1"
            # The scanner types the code and Enter; the burst filter makes it a scan.
            edit = self.focused(scan.scan_edit, "the scan field")
            scanned = time.perf_counter()
            self.type_text(edit, code)
            self.press(edit, enter)
            yield Wait(
                f"the inspection of {lpn}",
                partial(self._inspecting, lpn),
            )
            shown = time.perf_counter()
            target = self.focused(page, "the inspection page")
            self.press(target, Qt.Key.Key_1)  # grade A
            if inspection.state.grade is not Grade.A or inspection.state.proposal is None:
                raise AssertionError(f"{lpn}: grade key not taken: {inspection.state.problem}")
            self.press(target, enter)
            yield Wait(
                f"the decision of {lpn}",
                partial(self._decided, lpn),
            )
            self.report.decisions = number
            self.scan_ms.append((shown - scanned) * 1000)
            self.submit_ms.append((time.perf_counter() - shown) * 1000)
            if number == warm_up:
                self.report.timings["warm_up_s"] = round(time.monotonic() - self.started, 2)
                self.sample("baseline")
            elif number > warm_up and number % self.args.sample_every == 0:
                self.sample(f"{number} decisions")
        self.report.timings["decisions_s"] = round(
            time.monotonic() - self.started - self.report.timings.get("warm_up_s", 0.0), 2
        )
        self.sample("after the decisions")
        for name, values in (
            ("scan_to_inspection_ms", self.scan_ms),
            ("grade_to_saved_ms", self.submit_ms),
        ):
            ordered = sorted(values)
            self.report.timings[f"{name}_median"] = round(ordered[len(ordered) // 2], 1)
            self.report.timings[f"{name}_p95"] = round(ordered[int(len(ordered) * 0.95)], 1)

        yield from self.idle()
        self.sample("after the idle hours")

        # The idle lock showed the sign-in form over the work: sign in again, by keys.
        yield Wait(
            "the lock form",
            lambda: login_state.state.locked_user == INSPECTOR and login.password.hasFocus(),
        )
        edit = self.focused(login.password, "the password of the lock form")
        self.type_text(edit, PASSWORD)
        self.press(edit, enter)
        yield Wait(
            "the scan page after unlocking",
            lambda: window.pages.currentWidget() is scan and scan.scan_edit.hasFocus(),
        )
        self.sample("after signing in again")

    def _inspecting(self, lpn: str) -> bool:
        """The scan opened the unit: the inspection page is up with the keyboard focus."""
        window = self.window
        self._fail_on(window.scan_presenter.state.error)
        return (
            window.pages.currentWidget() is window.inspection_page
            and window.inspection_presenter.state.lpn == lpn
            and window.inspection_page.hasFocus()
        )

    def _decided(self, lpn: str) -> bool:
        """The decision is saved: the scan page shows its green line, ready for the next."""
        window = self.window
        self._fail_on(window.inspection_presenter.state.error)
        return (
            window.pages.currentWidget() is window.scan_page
            and window.scan_presenter.state.confirmation.startswith(f"{lpn}:")
            and window.scan_page.scan_edit.hasFocus()
        )

    def _fail_on(self, error: str) -> None:
        if error:
            raise AssertionError(f"the station said: {error}")

    def idle(self) -> Generator[Wait, None, None]:
        """Hours of the station's timers in minutes (see the module's docstring)."""
        from PySide6.QtCore import QTimer

        owners = (self.app, self.window, self.station.session)
        timers = {
            id(timer): timer
            for owner in owners
            for timer in owner.findChildren(QTimer)
            if timer.isActive() and timer is not self.tick
        }
        if not timers:
            raise AssertionError("the station runs no timers")
        hours_ms = self.args.idle_hours * 3_600_000
        plans = [TimerPlan.of(timer, hours_ms) for timer in timers.values()]
        for plan in plans:
            plan.speed_up(self.args.speedup)
        idle_started = time.monotonic()
        # The station locks itself on the way (the idle lock fires once, scaled too).
        yield Wait(
            f"{self.args.idle_hours} simulated hours of timers",
            lambda: (
                all(plan.done for plan in plans)
                and self.window.login_presenter.state.locked_user == INSPECTOR
            ),
            timeout_s=max(STEP_TIMEOUT_S, 20 * hours_ms / self.args.speedup / 1000),
        )
        self.report.timings["idle_s"] = round(time.monotonic() - idle_started, 2)
        for plan in plans:
            plan.restore()
        self.report.simulated_hours = round(
            min(p.fires * p.original for p in plans if not p.single_shot) / 3_600_000, 2
        )
        self.report.locked_while_idle = self.window.login_presenter.state.locked_user == INSPECTOR
        self.report.timers = [plan.describe() for plan in plans]


@dataclass
class TimerPlan:
    """One of the station's running timers during the simulated hours: it fires at its
    interval divided by the speed-up until it has fired as often as it would in the hours,
    then stops until ``restore`` puts its own interval back and starts it again."""

    timer: Any
    original: int
    single_shot: bool
    target: int
    fires: int = 0

    @classmethod
    def of(cls, timer: Any, hours_ms: float) -> TimerPlan:
        original = timer.interval()
        single = timer.isSingleShot()
        return cls(timer, original, single, 1 if single else int(hours_ms // original))

    @property
    def done(self) -> bool:
        return self.single_shot or self.fires >= self.target

    def speed_up(self, factor: float) -> None:
        self.timer.timeout.connect(self._on_timeout)
        # 0 ms (whenever the loop is idle) for those that would need less than 1 ms.
        self.timer.setInterval(int(self.original / factor))

    def _on_timeout(self) -> None:
        self.fires += 1
        if not self.single_shot and self.fires >= self.target:
            self.timer.stop()

    def restore(self) -> None:
        self.timer.timeout.disconnect(self._on_timeout)
        self.timer.setInterval(self.original)
        if not self.single_shot:
            self.timer.start()

    def describe(self) -> dict[str, Any]:
        parent = self.timer.parent()
        return {
            "owner": type(parent).__name__ if parent is not None else "",
            "interval_ms": self.original,
            "single_shot": self.single_shot,
            "target": self.target,
            "fires": self.fires,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decisions", type=int, default=2000)
    parser.add_argument("--warm-up", type=int, default=20)
    parser.add_argument("--sample-every", type=int, default=200)
    parser.add_argument("--idle-hours", type=float, default=8.0)
    parser.add_argument("--speedup", type=float, default=5000.0, help="simulated / real time")
    parser.add_argument(
        "--no-stub-printer",
        dest="stub_printer",
        action="store_false",
        help="leave the label printer unset: every label waits in the print queue",
    )
    parser.add_argument(
        "--categories",
        default=",".join(CATEGORIES),
        help="product categories of the RMAs, in turn (comma-separated)",
    )
    parser.add_argument("--diagnose", action="store_true", help="report growing objects")
    args = parser.parse_args(argv)
    if args.warm_up >= args.decisions:
        parser.error("--warm-up must be smaller than --decisions")
    data = Path(os.environ["QC_STATION_DATA_DIR"])
    if args.stub_printer:
        install_stub_cups(data / "stub-cups")
    prepared = time.monotonic()
    prepare(args.decisions, tuple(args.categories.split(",")))
    print(f"prepared in {time.monotonic() - prepared:.1f} s", file=sys.stderr, flush=True)
    return Soak(args).run()


if __name__ == "__main__":
    raise SystemExit(main())
