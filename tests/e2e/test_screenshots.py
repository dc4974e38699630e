"""Screenshots of the real station window on a real X display (Xvfb) at 1366×768, in English
and in Simplified Chinese, signed in: the scan page with an RMA shown and the inspection page.
The PNGs are checked for content and for Chinese actually rendered (the translated texts, and
the CJK font installed); they are kept in pytest's temporary folder for people to look at."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb (.ci/system-deps.sh)"),
]


@pytest.fixture(scope="module")
def demo_codes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A demo database, and an RMA code whose units are all decided and one with a unit to
    inspect (electronics: the longest checklist)."""
    data = tmp_path_factory.mktemp("station") / "data"
    env = {
        "QC_STATION_DATA_DIR": str(data),
        "QC_STATION_CONFIG": str(data.parent / "none.toml"),
        "QC_STATION_NAME": "ST-SHOT",
    }
    subprocess.run(
        [sys.executable, "-m", "qc_station", "demo"],
        env={**_base_env(), **env},
        check=True,
        capture_output=True,
        timeout=300,
    )
    with sqlite3.connect(data / "qc_station.sqlite3") as db:
        decided = db.execute(
            "SELECT rma_code FROM units GROUP BY rma_code HAVING min(state) = 'decided' "
            "AND max(state) = 'decided' ORDER BY rma_code LIMIT 1"
        ).fetchone()[0]
        open_code = db.execute(
            "SELECT u.rma_code FROM units u JOIN rma_lines l ON l.rma_code = u.rma_code "
            "WHERE u.state = 'expected' AND l.category = 'electronics' "
            "ORDER BY u.rma_code LIMIT 1"
        ).fetchone()[0]
    return data, decided, open_code


def _base_env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("QC_STATION_", "QT_QPA"))}
    env["PYTHONPATH"] = str(ROOT)
    return env


def shoot(data: Path, out: Path, language: str, decided: str, open_code: str) -> dict[str, object]:
    out.mkdir(parents=True, exist_ok=True)
    station_data = out / "data"
    shutil.copytree(data, station_data)  # each run claims a unit: its own copy of the demo
    env = {
        **_base_env(),
        "QC_STATION_DATA_DIR": str(station_data),
        "QC_STATION_CONFIG": str(out / "none.toml"),
        "QC_STATION_NAME": "ST-SHOT",
        "QC_STATION_LANGUAGE": language,
        "QT_QPA_PLATFORM": "xcb",
    }
    proc = subprocess.run(
        [
            "xvfb-run",
            "--auto-servernum",
            "--server-args=-screen 0 1366x768x24",
            sys.executable,
            "-m",
            "tests.e2e.screenshot_driver",
            str(out),
            decided,
            open_code,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return dict(json.loads((out / "texts.json").read_text(encoding="utf-8")))


def assert_real_picture(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1366, 768)
    # Not blank: many distinct colours across a grid of samples (text, buttons, panels).
    colours = {image.pixel(x, y) for x in range(0, 1366, 7) for y in range(0, 768, 7)}
    assert len(colours) > 20, f"{path.name} looks blank"
    return image


def test_english_screens(demo_codes: tuple[Path, str, str], tmp_path: Path) -> None:
    data, decided, open_code = demo_codes
    texts = shoot(data, tmp_path / "en", "en", decided, open_code)
    assert texts["title"] == "Returns QC Station — ST-SHOT"
    assert texts["scan_title"] == "Scan the RMA barcode or the unit label"
    assert texts["rma_code"] == decided
    assert "already decided" in str(texts["scan_message"])
    assert texts["submit"] == "Submit (Enter)"
    assert texts["window_size"] == [1366, 768]
    for name in ("scan.png", "inspection.png"):
        assert_real_picture(tmp_path / "en" / name)


def test_chinese_screens(demo_codes: tuple[Path, str, str], tmp_path: Path) -> None:
    fonts = subprocess.run(["fc-list", ":lang=zh-cn"], capture_output=True, text=True, check=False)
    assert "CJK" in fonts.stdout, "fonts-noto-cjk is not installed: Chinese would be boxes"
    data, decided, open_code = demo_codes
    english = tmp_path / "en"
    chinese = tmp_path / "zh"
    shoot(data, english, "en", decided, open_code)
    texts = shoot(data, chinese, "zh_CN", decided, open_code)
    assert texts["title"] == "退货质检工作站 — ST-SHOT"
    assert texts["scan_title"] == "扫描退货授权条码或商品件标签"
    assert texts["submit"] == "提交（回车）"
    # "Already decided" says by whom, when and what, in Chinese (issue 16).
    message = str(texts["scan_message"])
    assert "已有决定" in message and "重新入库" in message and "由 demo-" in message
    for name in ("scan.png", "inspection.png"):
        zh = assert_real_picture(chinese / name)
        en = assert_real_picture(english / name)
        assert zh != en  # the words on screen differ: the Chinese text was drawn
