"""``save_settings``: the printers tab writes the station's config file through it. Values are
checked as on loading, the rest of the file (comments, tables) is kept, and a bad value or an
unwritable place changes nothing."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from qc_station.config import load_config, save_settings
from qc_station.domain.errors import ValidationError

SITE = """\
# Station 3, packing line
station_name = "ST-03"   # the sign above the bench
label_size = "2x1"

[disposition_bins]
RESTOCK = "A-01"
"""


def test_keys_are_rewritten_in_place_and_new_ones_go_before_the_first_table(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(SITE, encoding="utf-8")
    save_settings(
        path, {"label_size": "4x6", "label_printer": 'Zebra "ZD421" 打印机', "label_dpi": 300}
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Station 3, packing line\n")
    assert 'station_name = "ST-03"   # the sign above the bench' in text
    document = tomllib.loads(text)
    assert document["label_size"] == "4x6"
    assert document["label_printer"] == 'Zebra "ZD421" 打印机'
    assert document["label_dpi"] == 300
    assert document["disposition_bins"] == {"RESTOCK": "A-01"}
    config = load_config(path, environ={})
    assert (config.label_printer, config.label_dpi) == ('Zebra "ZD421" 打印机', 300)
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_a_new_file_and_its_folder_are_created(tmp_path: Path) -> None:
    path = tmp_path / "qc-station" / "config.toml"
    save_settings(path, {"report_page_size": "Letter"})
    assert load_config(path, environ={}).report_page_size == "Letter"


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"label_size": "A6"}, "label_size"),
        ({"label_dpi": 96}, "label_dpi"),
        ({"no_such_setting": "x"}, "Unknown setting"),
    ],
)
def test_a_bad_value_changes_nothing(tmp_path: Path, values: dict[str, object], words: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(SITE, encoding="utf-8")
    with pytest.raises(ValidationError, match=words):
        save_settings(path, values)  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == SITE


def test_an_unwritable_place_raises_and_leaves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OSError):  # noqa: PT011 - which OSError depends on the platform
        save_settings(blocker / "config.toml", {"label_printer": "Zebra"})
    assert blocker.read_text(encoding="utf-8") == "x"
