"""Operator preferences and window state (STYLE "Settings"): one small typed wrapper over
``QSettings``, so no page reads a raw key.

Site configuration (database, station name, printers…) is the TOML file of
``qc_station.config``; what an operator may change at the station itself lives here, in an
INI file in the station's data folder (``station.ini``), so a test or a second installation
with its own data folder never shares it:

- ``language``: chosen in the Settings dialog; when set, it wins over the configured default
  (``QC_STATION_LANGUAGE``), which is what a station uses until someone chooses;
- ``sound/volume`` (0–100) and ``sound/muted``;
- ``camera/source``: the webcam's number (``0`` is the first) or a video file standing in
  for it;
- ``video/record``: record the unboxing video of each inspection where there is a camera
  (SPEC §7.5; on unless turned off);
- ``window/geometry``: restored at the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from qc_station.config import Config

LANGUAGES = ("en", "zh_CN")
DEFAULT_VOLUME = 80


class Preferences:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @classmethod
    def for_config(cls, config: Config) -> Preferences:
        path: Path = config.data_path / "station.ini"
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # --- language ------------------------------------------------------------------------

    @property
    def language(self) -> str | None:
        """The operator's choice, or None when nobody chose (the configured default holds)."""
        value = self._settings.value("language", "")
        text = str(value) if value is not None else ""
        return text if text in LANGUAGES else None

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._settings.setValue("language", value)

    def effective_language(self, configured: str) -> str:
        return self.language or configured

    # --- sound ---------------------------------------------------------------------------

    @property
    def volume(self) -> int:
        try:
            number = int(str(self._settings.value("sound/volume", DEFAULT_VOLUME)))
        except ValueError:
            return DEFAULT_VOLUME
        return max(0, min(100, number))

    @volume.setter
    def volume(self, value: int) -> None:
        self._settings.setValue("sound/volume", max(0, min(100, int(value))))

    @property
    def muted(self) -> bool:
        return str(self._settings.value("sound/muted", "false")).lower() in ("true", "1")

    @muted.setter
    def muted(self, value: bool) -> None:
        self._settings.setValue("sound/muted", bool(value))

    # --- camera --------------------------------------------------------------------------

    @property
    def camera_source(self) -> int | str:
        """A camera number, or the path of a video file (for demonstrations and tests)."""
        text = str(self._settings.value("camera/source", "0")).strip()
        return int(text) if text.isdigit() else text

    @camera_source.setter
    def camera_source(self, value: int | str) -> None:
        self._settings.setValue("camera/source", str(value))

    @property
    def record_video(self) -> bool:
        return str(self._settings.value("video/record", "true")).lower() in ("true", "1")

    @record_video.setter
    def record_video(self, value: bool) -> None:
        self._settings.setValue("video/record", bool(value))

    # --- window --------------------------------------------------------------------------

    @property
    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    def sync(self) -> None:
        self._settings.sync()
