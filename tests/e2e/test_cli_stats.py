"""``qc-station stats`` end to end: the hand-computed figures of ``tests/stats_data`` read back
as JSON and CSV from a real SQLite file, the weekly summary PDF checked with pdftotext, and
the refusals (an inspector, a bad date)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from qc_station.adapters.database import make_engine
from qc_station.adapters.migrate import upgrade
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from tests.e2e.conftest import Result, Run
from tests.stats_data import EXPECTED_RECEIVED, build_stats_data

PASSWORD = "correct horse battery"
NOVEMBER = ("--since", "2026-11-01", "--until", "2026-11-30")


@pytest.fixture
def site(qc: Run, tmp_path: Path) -> Run:
    """A SQLite site holding the stats data set, a supervisor and an inspector; returns a
    runner that passes the site's database and the UTC time zone (dates are local)."""
    url = f"sqlite:///{tmp_path / 'site.db'}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        build_stats_data(SqlUnitOfWorkFactory(engine))
    finally:
        engine.dispose()

    def run(*args: str, user: str | None = "sofia") -> Result:
        return qc(
            "--db",
            url,
            *args,
            user=user,
            password=PASSWORD,
            new_password=PASSWORD,
            env={"TZ": "UTC"},
        )

    assert run("users", "add", "admin", "--role", "admin", user=None).code == 0
    for name, role in (("sofia", "supervisor"), ("ines", "inspector")):
        assert run("users", "add", name, "--role", role, user="admin").code == 0
    return run


def test_json_has_the_hand_computed_figures(site: Run) -> None:
    result = site("stats", *NOVEMBER)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["units_received"] == EXPECTED_RECEIVED
    assert data["period"]["since"] == "2026-11-01T00:00:00+00:00"
    assert data["period"]["until"] == "2026-12-01T00:00:00+00:00"
    assert data["sku_return_rates"] == [
        {"sku": "SKU-B", "returned": 10, "units_sold": 99, "rate_pct": "10.10", "flagged": True},
        {"sku": "SKU-A", "returned": 10, "units_sold": 100, "rate_pct": "10.00", "flagged": False},
    ]
    assert [(c["carrier"], c["rate_pct"], c["flagged"]) for c in data["carrier_damage"]] == [
        ("UPS", "5.26", True),
        ("DHL", "5.00", False),
    ]
    assert data["refunds"] == [
        {"currency": "EUR", "units": 7, "amount": "315.00"},
        {"currency": "JPY", "units": 17, "amount": "34000"},
        {"currency": "USD", "units": 10, "amount": "1000.00"},
    ]
    assert data["suppliers"][0]["chargebacks"] == [
        {"currency": "JPY", "units": 16, "amount": "32000"}
    ]
    assert data["stated_vs_found"][0] == {
        "stated_reason": "Defective",
        "units": 22,
        "findings": {"DEFECT": 18, "NO_FAULT": 4},
        "no_fault_pct": "18.18",
    }
    assert data["grades"] == {"A": 9, "B": 10, "C": 18, "D": 2, "X": 0}
    assert (data["deadlines"]["refunds_on_time"], data["deadlines"]["refunds_late"]) == (5, 5)
    assert data["inspectors"][0] == {
        "inspector": "ines",
        "units": 20,
        "inspection_hours": "1.17",
        "units_per_hour": "17.1",
        "median_seconds": "210.0",
    }
    assert data["median_inspection_seconds"] == "150.0"


def test_csv_has_one_row_per_figure_item(site: Run) -> None:
    result = site("stats", *NOVEMBER, "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.reader(io.StringIO(result.out)))
    assert rows[0] == ["figure", "key", "measure", "value", "flagged"]
    assert ["units_received", "", "units", "39", ""] in rows
    assert ["sku_return_rate", "SKU-A", "rate_pct", "10.00", "false"] in rows
    assert ["sku_return_rate", "SKU-B", "rate_pct", "10.10", "true"] in rows
    assert ["carrier_damage", "DHL", "rate_pct", "5.00", "false"] in rows
    assert ["carrier_damage", "UPS", "rate_pct", "5.26", "true"] in rows
    assert ["refunds", "JPY", "amount", "34000", ""] in rows
    assert ["supplier", "杭州服饰有限公司", "received", "10", ""] in rows


def test_market_filter_and_an_empty_period(site: Run) -> None:
    jp = json.loads(site("stats", *NOVEMBER, "--market", "JP").out)
    assert jp["units_received"] == 19 and jp["period"]["market"] == "JP"
    empty = site("stats", "--since", "2027-01-01")
    assert empty.code == 0, empty.err
    data = json.loads(empty.out)
    assert data["units_received"] == 0
    assert data["sku_return_rates"] == data["refunds"] == data["inspectors"] == []
    assert data["median_inspection_seconds"] is None


def test_weekly_summary_pdf(site: Run, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is missing: bash .ci/system-deps.sh")
    target = tmp_path / "weekly.pdf"
    result = site("stats", *NOVEMBER, "--weekly-pdf", str(target))
    assert result.code == 0, result.err
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "weekly summary" in text
    assert "Units received" in text and "39" in text
    assert "▲ SKU-B" in text and "10.10 %" in text
    assert "▲ UPS" in text and "5.26 %" in text
    assert "杭州服饰有限公司" in text  # Chinese prints
    assert "315.00 EUR" in text and "34,000 JPY" in text
    assert "Median inspection time of all units: 2 min 30 s." in text
    for code in ("NO_FAULT", "DEFECT", "RETURN_TO_VENDOR"):  # findings and dispositions worded
        assert code not in text, code
    assert "Küchenwerk GmbH" in text and "84.21 %" in text


def test_refusals_are_one_line(site: Run) -> None:
    inspector = site("stats", user="ines")
    assert (
        inspector.code == 1
        and "may not view the dashboard; allowed roles: supervisor, admin." in inspector.err
    )
    assert "Traceback" not in inspector.err
    bad = site("stats", "--since", "last tuesday")
    assert bad.code == 2 and "is not a date" in bad.err
    backwards = site("stats", "--since", "2026-12-01", "--until", "2026-11-01")
    assert backwards.code == 1 and "before its end" in backwards.err
