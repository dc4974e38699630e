"""Site configuration (SPEC §10): a TOML file, environment variables and command-line flags,
in that order of precedence (flags win). Each setting is declared once, in ``SETTINGS``,
with its TOML key, its environment variable and its default.
"""

from __future__ import annotations

import json
import os
import re
import socket
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import platformdirs

from printing.label_formats import DEFAULT_LABEL_FORMAT, LABEL_FORMATS
from qc_station.domain.errors import ValidationError

APP_NAME = "qc-station"


@dataclass(frozen=True)
class Setting:
    key: str
    env: str | None
    help: str
    parse: Callable[[Any], Any] = str


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{value!r} is not true or false")


def _positive_int(value: Any) -> int:
    number = int(value)
    if number <= 0:
        raise ValueError(f"{value!r} must be a positive whole number")
    return number


def _choice(*choices: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = str(value).strip()
        if text not in choices:
            raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
        return text

    return parse


def _dpi(value: Any) -> int:
    number = _positive_int(value)
    # Labels lay their barcode on the printer's dot grid; below 150 dpi a Code128 of an LPN
    # does not fit a 2×1 label, above 1200 no label printer exists.
    if not 150 <= number <= 1200:
        raise ValueError(f"{value!r} is not a printer resolution between 150 and 1200 dpi")
    return number


def _bins(value: Any) -> tuple[tuple[str, str], ...]:
    """``{RESTOCK = "A-01"}`` in TOML, or ``RESTOCK=A-01,REFURBISH=R-02`` in the environment."""
    if isinstance(value, Mapping):
        pairs = [(str(k), str(v)) for k, v in value.items()]
    else:
        pairs = []
        for item in str(value).split(","):
            if not item.strip():
                continue
            key, sep, bin_name = item.partition("=")
            if not sep:
                raise ValueError(f"{item.strip()!r} is not DISPOSITION=BIN")
            pairs.append((key, bin_name))
    # Kept as sorted pairs, not a dict, so the frozen Config stays hashable.
    return tuple(sorted((k.strip().upper(), v.strip()) for k, v in pairs if v.strip()))


SETTINGS: tuple[Setting, ...] = (
    Setting("database_url", "QC_STATION_DB", "SQLAlchemy URL; empty = SQLite in the data folder"),
    Setting("data_dir", "QC_STATION_DATA_DIR", "folder for the SQLite file, photos and logs"),
    Setting(
        "photo_dir", "QC_STATION_PHOTO_DIR", "photo store; a shared folder on multi-station sites"
    ),
    Setting("station_name", "QC_STATION_NAME", "this station's name; defaults to the host name"),
    Setting("policy_file", "QC_STATION_POLICY", "return policy TOML; empty = the shipped default"),
    Setting("label_printer", "QC_STATION_LABEL_PRINTER", "system printer for labels"),
    Setting("document_printer", "QC_STATION_DOCUMENT_PRINTER", "system printer for reports"),
    Setting(
        "label_size",
        "QC_STATION_LABEL_SIZE",
        f"label size: {' or '.join(LABEL_FORMATS)}",
        _choice(*LABEL_FORMATS),
    ),
    Setting(
        "label_dpi",
        "QC_STATION_LABEL_DPI",
        "the label printer's resolution in dots per inch (203 or 300 for thermal printers)",
        _dpi,
    ),
    Setting(
        "disposition_bins",
        "QC_STATION_BINS",
        "put-away bin printed on labels per disposition: RESTOCK=A-01,REFURBISH=R-02,…",
        _bins,
    ),
    Setting(
        "report_page_size",
        "QC_STATION_PAGE_SIZE",
        "report paper: A4 or Letter",
        _choice("A4", "Letter"),
    ),
    Setting(
        "language",
        "QC_STATION_LANGUAGE",
        # "pseudo" marks every translatable string ⟦…⟧: a developer's check (ui/pseudo_locale.py).
        "interface language: en or zh_CN (pseudo: every translatable string marked)",
        _choice("en", "zh_CN", "pseudo"),
    ),
    Setting(
        "document_language",
        "QC_STATION_DOCUMENT_LANGUAGE",
        "language of printed reports and packing lists: en (default) or zh_CN",
        _choice("en", "zh_CN"),
    ),
    Setting(
        "idle_lock_minutes",
        "QC_STATION_IDLE_LOCK_MINUTES",
        "lock the station after this many idle minutes",
        _positive_int,
    ),
    Setting("allow_badge_login", "QC_STATION_ALLOW_BADGE", "allow badge scan plus PIN", _bool),
)


@dataclass(frozen=True)
class Config:
    database_url: str = ""
    data_dir: str = ""
    photo_dir: str = ""
    station_name: str = ""
    policy_file: str = ""
    label_printer: str = ""
    document_printer: str = ""
    label_size: str = DEFAULT_LABEL_FORMAT
    label_dpi: int = 203
    disposition_bins: tuple[tuple[str, str], ...] = ()
    report_page_size: str = "A4"
    language: str = "en"
    document_language: str = "en"
    idle_lock_minutes: int = 5
    allow_badge_login: bool = True
    source: str = ""  # the config file read, if any

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir) if self.data_dir else Path(platformdirs.user_data_dir(APP_NAME))

    @property
    def photo_path(self) -> Path:
        return Path(self.photo_dir) if self.photo_dir else self.data_path / "photos"

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_path / 'qc_station.sqlite3').as_posix()}"

    @property
    def station(self) -> str:
        return self.station_name or socket.gethostname().split(".")[0] or "station"


assert {s.key for s in SETTINGS} == {f.name for f in fields(Config)} - {"source"}


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def load_config(
    config_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    flags: Mapping[str, Any] | None = None,
) -> Config:
    """Read the file (``--config``, ``QC_STATION_CONFIG`` or the default), then the
    environment, then flags. A bad value is refused with the setting's name and origin."""
    env = os.environ if environ is None else environ
    path = (
        Path(config_file)
        if config_file
        else (
            Path(env["QC_STATION_CONFIG"])
            if env.get("QC_STATION_CONFIG")
            else default_config_file()
        )
    )
    values: dict[str, Any] = {}
    source = ""
    if path.is_file():
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ValidationError("config.not_toml", path=str(path), detail=str(exc)) from None
        known = {s.key for s in SETTINGS}
        for key in document:
            if key not in known:
                raise ValidationError("config.unknown_setting_in_file", path=str(path), key=key)
        values.update(_parsed(document, path))
        source = str(path)
    elif config_file:
        raise ValidationError("config.no_file", path=str(path))
    values.update(
        _parsed({s.key: env[s.env] for s in SETTINGS if s.env and env.get(s.env)}, "environment")
    )
    values.update(
        _parsed({k: v for k, v in (flags or {}).items() if v not in (None, "")}, "command line")
    )
    return Config(**values, source=source)


def _parsed(raw: Mapping[str, Any], origin: Path | str) -> dict[str, Any]:
    """The settings in ``raw`` parsed; ``origin`` is the config file's path, "environment"
    or "command line" (named in the refusal of a bad value)."""
    by_key = {s.key: s for s in SETTINGS}
    parsed: dict[str, Any] = {}
    for key, value in raw.items():
        setting = by_key[key]
        try:
            parsed[key] = setting.parse(value)
        except (ValueError, TypeError) as exc:
            if isinstance(origin, Path):
                raise ValidationError(
                    "config.bad_value_in_file", key=key, path=str(origin), detail=str(exc)
                ) from None
            if origin == "environment":
                raise ValidationError(
                    "config.bad_value_in_environment",
                    key=key,
                    variable=setting.env or "",
                    detail=str(exc),
                ) from None
            raise ValidationError(
                "config.bad_value_on_command_line", key=key, detail=str(exc)
            ) from None
    return parsed


def _toml_value(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # A JSON string is a valid TOML basic string (the same escapes).
    return json.dumps(value, ensure_ascii=False)


def save_settings(path: Path, values: Mapping[str, str | int | bool]) -> None:
    """Write ``values`` (scalar settings, by TOML key) into the config file at ``path``.

    Each value is checked as ``load_config`` would check it. The rest of the file, comments
    included, is kept: a key's line is rewritten where it is, a new key goes before the first
    table. The new file is parsed again before it atomically replaces the old one, so a
    station never finds a half-written or unreadable config. Environment variables and flags
    still win over the file when the station starts.
    """
    by_key = {s.key: s for s in SETTINGS}
    for key, value in values.items():
        if key not in by_key:
            raise ValidationError("config.unknown_setting", key=key)
        if not isinstance(value, (str, int, bool)):
            raise ValidationError("config.not_a_single_value", key=key)
    path = Path(path)
    _parsed(values, path)
    try:
        text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError("config.unreadable", path=str(path), detail=str(exc)) from None
    lines = text.splitlines()
    first_table = next(
        (n for n, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines)
    )
    for key, value in values.items():
        line = f"{key} = {_toml_value(value)}"
        pattern = re.compile(rf"\s*{re.escape(key)}\s*=")
        at = next((n for n in range(first_table) if pattern.match(lines[n])), None)
        if at is None:
            lines.insert(first_table, line)
            first_table += 1
        else:
            lines[at] = line
    new_text = "\n".join(lines) + "\n"
    try:
        document = tomllib.loads(new_text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError("config.would_not_be_toml", path=str(path), detail=str(exc)) from None
    if any(document.get(key) != value for key, value in values.items()):
        raise ValidationError("config.defined_twice", path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.saving")
    try:
        with temp.open("w", encoding="utf-8", newline="\n") as out:
            out.write(new_text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)
        raise
