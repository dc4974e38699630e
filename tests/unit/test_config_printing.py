"""The printing settings: the label printer's resolution and the put-away bins, from the file
and from the environment, with bad values named."""

from __future__ import annotations

from pathlib import Path

import pytest

from qc_station.config import load_config
from qc_station.domain.errors import ValidationError


def test_defaults(tmp_path: Path) -> None:
    config = load_config(None, environ={"QC_STATION_CONFIG": str(tmp_path / "none.toml")})
    assert config.label_dpi == 203 and config.disposition_bins == ()


def test_file_table_and_environment_list(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('label_dpi = 300\ndisposition_bins = { restock = "A-01" }\n', "utf-8")
    config = load_config(path, environ={})
    assert config.label_dpi == 300
    assert dict(config.disposition_bins) == {"RESTOCK": "A-01"}
    env = load_config(path, environ={"QC_STATION_BINS": "RESTOCK=B-2, SCRAP = S-9,"})
    assert dict(env.disposition_bins) == {"RESTOCK": "B-2", "SCRAP": "S-9"}


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("QC_STATION_LABEL_DPI", "72", "setting 'label_dpi'"),
        ("QC_STATION_LABEL_DPI", "lots", "setting 'label_dpi'"),
        ("QC_STATION_BINS", "RESTOCK", "setting 'disposition_bins'.*DISPOSITION=BIN"),
    ],
)
def test_bad_values_are_named(tmp_path: Path, variable: str, value: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        load_config(None, environ={"QC_STATION_CONFIG": str(tmp_path / "x.toml"), variable: value})
