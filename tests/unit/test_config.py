"""Configuration: file, then environment, then flags; bad values named with their origin."""

from __future__ import annotations

from pathlib import Path

import pytest

from qc_station.config import Config, load_config
from qc_station.domain.errors import ValidationError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_use_sqlite_in_the_data_folder(tmp_path: Path) -> None:
    config = load_config(
        None,
        environ={
            "QC_STATION_CONFIG": str(tmp_path / "none.toml"),
            "QC_STATION_DATA_DIR": str(tmp_path),
        },
    )
    assert config.db_url == f"sqlite:///{tmp_path.as_posix()}/qc_station.sqlite3"
    assert config.photo_path == tmp_path / "photos"
    assert config.label_size == "4x6" and config.idle_lock_minutes == 5


def test_flags_beat_environment_beat_file(tmp_path: Path) -> None:
    path = write(tmp_path, 'station_name = "FILE"\nlabel_size = "2x1"\nidle_lock_minutes = 9\n')
    config = load_config(
        path,
        environ={"QC_STATION_NAME": "ENV", "QC_STATION_LABEL_SIZE": "4x6"},
        flags={"station_name": "FLAG", "database_url": None},
    )
    assert (config.station, config.label_size, config.idle_lock_minutes) == ("FLAG", "4x6", 9)
    assert config.source == str(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('label_size = "A5"\n', "setting 'label_size'"),
        ("idle_lock_minutes = 0\n", "setting 'idle_lock_minutes'"),
        ('stationname = "X"\n', "unknown setting 'stationname'"),
        ("this is not toml", "not valid TOML"),
    ],
)
def test_bad_files_are_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        load_config(write(tmp_path, text), environ={})


def test_a_named_config_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        load_config(tmp_path / "missing.toml", environ={})


def test_bad_environment_value_says_so(tmp_path: Path) -> None:
    with pytest.raises(
        ValidationError, match=r"Environment \(QC_STATION_\w+\): setting 'allow_badge_login'"
    ):
        load_config(
            None,
            environ={
                "QC_STATION_CONFIG": str(tmp_path / "none.toml"),
                "QC_STATION_ALLOW_BADGE": "maybe",
            },
        )


def test_station_defaults_to_the_host_name() -> None:
    assert Config().station
