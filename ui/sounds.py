"""Success and error sounds (SPEC §8): a thin seam the pages call and tests replace.

The system beep is always there; a richer player (QtMultimedia with the shipped sounds) can
replace ``Sounds`` later without touching a page.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


class Sounds:
    """Plays feedback sounds; ``silent`` stations (or tests) only count them."""

    def __init__(self, silent: bool = False) -> None:
        self.silent = silent
        self.played: list[str] = []

    def success(self) -> None:
        self._play("success", beeps=1)

    def error(self) -> None:
        self._play("error", beeps=2)

    def _play(self, name: str, beeps: int) -> None:
        self.played.append(name)
        if self.silent:
            return
        # Two beeps for an error: with gloves on and eyes on the parcel, the ear tells first.
        for _ in range(beeps):
            QApplication.beep()
