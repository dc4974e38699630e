"""Success and error sounds (SPEC §8): a thin seam the presenters call and tests replace.

The shipped WAVs (``resources/sounds``, made by ``scripts/make_sounds.py``) play through
QtMultimedia's ``QSoundEffect``, which keeps them decoded in memory so a scan sounds at once.
When there is no audio output (a station without speakers, a PulseAudio that is not running,
a WAV that cannot be loaded) the system beep stands in: one beep for success, two for an
error. Volume and mute are the operator's preferences (``ui.preferences``).

QtMultimedia is loaded by :meth:`Sounds.prepare`, not at import: loading its FFmpeg backend
takes a noticeable part of a second, which the station window should not wait for.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from qc_station.resources import resources_dir

log = logging.getLogger(__name__)

SOUND_NAMES = ("success", "error")


class Sounds:
    """Plays feedback sounds; ``silent`` stations (or tests) only count them."""

    def __init__(
        self,
        silent: bool = False,
        *,
        volume: int = 80,
        muted: bool = False,
        sound_dir: Path | None = None,
    ) -> None:
        self.silent = silent
        self.played: list[str] = []
        self._volume = max(0, min(100, volume))
        self._muted = muted
        self._dir = sound_dir or resources_dir() / "sounds"
        self._effects: dict[str, Any] = {}  # name → QSoundEffect, once prepared
        self._prepared = False
        #: Why the system beep is used instead of the WAVs ("" when they play).
        self.fallback_reason = ""

    # --- settings ------------------------------------------------------------------------

    @property
    def volume(self) -> int:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, volume))
        for effect in self._effects.values():
            effect.setVolume(self._volume / 100)

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        for effect in self._effects.values():
            effect.setMuted(muted)

    # --- playing -------------------------------------------------------------------------

    def prepare(self) -> None:
        """Load the WAVs into sound effects (on the GUI thread, once). Safe to call again."""
        if self._prepared or self.silent:
            return
        self._prepared = True
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:  # PySide6-Addons missing: beep rather than fail
            self.fallback_reason = f"QtMultimedia is not available ({exc})"
            log.info("sounds: %s; using the system beep", self.fallback_reason)
            return
        if not QMediaDevices.audioOutputs():
            self.fallback_reason = "no audio output device"
            log.info("sounds: %s; using the system beep", self.fallback_reason)
            return
        for name in SOUND_NAMES:
            path = self._dir / f"{name}.wav"
            if not path.is_file():
                self.fallback_reason = f"{path} is missing"
                log.warning("sounds: %s; using the system beep", self.fallback_reason)
                self._effects.clear()
                return
            effect = QSoundEffect(QApplication.instance())
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(self._volume / 100)
            effect.setMuted(self._muted)
            self._effects[name] = effect

    def success(self) -> None:
        self._play("success", beeps=1)

    def error(self) -> None:
        self._play("error", beeps=2)

    def _play(self, name: str, beeps: int) -> None:
        self.played.append(name)
        if self.silent or self._muted or self._volume == 0:
            return
        self.prepare()
        effect = self._effects.get(name)
        if effect is not None and self._usable(effect):
            effect.play()
            return
        # Two beeps for an error: with gloves on and eyes on the parcel, the ear tells first.
        for _ in range(beeps):
            QApplication.beep()

    def _usable(self, effect: Any) -> bool:
        from PySide6.QtMultimedia import QSoundEffect

        if effect.status() == QSoundEffect.Status.Error:
            if not self.fallback_reason:
                self.fallback_reason = "the audio device refused the sound"
                log.warning("sounds: %s; using the system beep", self.fallback_reason)
            return False
        return True
