"""The inspection presenter's items: a photo of the draft (with its thumbnail), why a
supervisor sent the unit back, and what its last inspection entered (``services.sent_back``),
with the functions that make them on a lane of the task runner (never on the GUI thread:
reading, decoding and scaling images take a while). ``QImage``, not ``QPixmap``: safe off the
GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage

from qc_station.domain.model import Inspection
from qc_station.services.context import Actor
from qc_station.services.inspection import PhotoInput
from qc_station.services.sent_back import sent_back
from qc_station.services.station_ports import PhotoReader

from ..session import Session

THUMBNAIL_EDGE = 120


@dataclass(frozen=True)
class PhotoItem:
    """A photo added to the draft: the bytes as captured (stamped when the inspection is
    submitted) and where it came from."""

    name: str
    photo: PhotoInput
    thumbnail: QImage


@dataclass(frozen=True)
class RejectionItem:
    """Why a supervisor sent this unit back: shown prominently until it is decided again."""

    comment: str
    rejected_by: str
    rejected_at: datetime | None


def thumbnail(image: QImage) -> QImage:
    # QImage (not QPixmap) is safe off the GUI thread; scale here, not when painting.
    return image.scaled(
        THUMBNAIL_EDGE,
        THUMBNAIL_EDGE,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def load_photo(reader: PhotoReader, file: Path, captured_at: datetime) -> PhotoItem:
    """Runs on the I/O lane: read and check the file (a bad one is refused now, not at
    submit), and make the thumbnail."""
    data = reader.read(file)
    photo = PhotoInput(data, captured_at, file.name)
    return PhotoItem(file.name, photo, thumbnail(QImage.fromData(data)))


def load_camera_photo(image: QImage, captured_at: datetime, name: str) -> PhotoItem:
    """Runs on the I/O lane: a webcam frame becomes a photo as a file does."""
    buffer = QByteArray()
    device = QBuffer(buffer)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    # PNG: lossless, so the frame is compressed once, by the stamp's JPEG.
    image.save(device, "PNG")
    device.close()
    photo = PhotoInput(bytes(buffer.data()), captured_at, name)
    return PhotoItem(name, photo, thumbnail(image))


@dataclass(frozen=True)
class SentBackItem:
    """A sent-back unit: the supervisor's comment and the last inspection's entries."""

    rejection: RejectionItem
    inspection: Inspection
    photos: tuple[PhotoItem, ...]


def find_sent_back(session: Session, actor: Actor, lpn: str) -> SentBackItem | None:
    """Runs on the database lane."""
    found = sent_back(session.ctx, actor, lpn)
    if found is None:
        return None
    decision = found.decision
    rejection = RejectionItem(
        decision.approval_comment, decision.approved_by or "", decision.approved_at
    )
    photos = tuple(
        PhotoItem(p.original_name, p, thumbnail(QImage.fromData(p.data))) for p in found.photos
    )
    return SentBackItem(rejection, found.inspection, photos)
