"""The photo and frame ports over OpenCV and zxing-cpp (``images``, ``barcodes``), which load
in about a third of a second: this module imports them on first use, so building the station
(``bootstrap``) does not, and most starts never need them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from qc_station.services.station_ports import StampedPhoto

if TYPE_CHECKING:
    import numpy as np

    from .barcodes import DecodedCode


class OpenCvPhotos:
    """``PhotoStamper`` and ``PhotoReader`` over ``adapters.images``."""

    def stamp(self, data: bytes, captured_at: datetime, station: str, name: str) -> StampedPhoto:
        from .images import prepare_photo

        prepared = prepare_photo(data, captured_at, station, name=name)
        return StampedPhoto(prepared.data, prepared.width, prepared.height)

    def check(self, data: bytes, name: str) -> tuple[int, int]:
        from .images import decode_image

        height, width = decode_image(data, name).shape[:2]
        return int(width), int(height)

    def read(self, path: Path) -> bytes:
        from .images import read_checked_photo

        return read_checked_photo(path)


def decode_frame(frame: np.ndarray) -> Sequence[DecodedCode]:
    """``adapters.barcodes.decode_frame``, loaded on the camera thread at its first frame."""
    from .barcodes import decode_frame as decode

    return decode(frame)
