"""Runs the real ``qc-station`` command in a subprocess, on a real SQLite file in a temporary
data folder: nothing of the developer's own data folder or config is touched."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def station_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QC_STATION_")}
    env.update(
        {
            "QC_STATION_DATA_DIR": str(tmp_path / "data"),
            "QC_STATION_CONFIG": str(tmp_path / "no-config.toml"),
            "QC_STATION_NAME": "ST-E2E",
            "PYTHONIOENCODING": "utf-8",
        }
    )
    return env


@pytest.fixture
def qc(station_env: dict[str, str], tmp_path: Path) -> Run:
    def run(
        *args: str,
        user: str | None = None,
        password: str | None = None,
        new_password: str | None = None,
        env: dict[str, str] | None = None,
        stdin: str | None = None,
    ) -> Result:
        environment = dict(station_env)
        if user:
            environment["QC_STATION_USER"] = user
        if password is not None:
            environment["QC_STATION_PASSWORD"] = password
        if new_password is not None:
            # A password being set (users add, reset-password, passwd): never the acting
            # user's own QC_STATION_PASSWORD (SPEC §11).
            environment["QC_STATION_NEW_PASSWORD"] = new_password
        environment.update(env or {})
        proc = subprocess.run(
            [sys.executable, "-m", "qc_station", *args],
            cwd=tmp_path,
            env=environment,
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run
