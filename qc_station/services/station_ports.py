"""The station's own edges as ports: what the UI and the command line need besides the
database — the outage journal and its classifier, the photo stamper and reader, the print
queue and printer, the webcam, the frame decoder, the unboxing video's recorder and store,
files written where the user said.

``bootstrap`` builds one :class:`StationPorts` from the configuration (with the real
adapters) and tests build it from fakes; the UI reaches the adapters only through it, never by
importing ``qc_station.adapters`` (an import-linter contract). Nothing here loads OpenCV,
zxing-cpp, SQLAlchemy or Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from qc_station.domain.errors import QcError

from .ports import Clock, Journal
from .print_queue import Printer, PrintQueue, PrintRecorder, PrintSpool
from .video_ports import ClipImporter, KeyFrameReader, VideoRecorder, VideoStore

#: Does this failure mean "the server cannot take it now, keep it and try again" (SPEC §10)?
OutageTest = Callable[[BaseException], bool]


@dataclass(frozen=True)
class StampedPhoto:
    """A photo as stored: a JPEG, downscaled, with its capture time and station burned in."""

    data: bytes
    width: int
    height: int


class PhotoStamper(Protocol):
    """Turns a photo as captured into the evidence stored (SPEC §2 step 3)."""

    def stamp(self, data: bytes, captured_at: datetime, station: str, name: str) -> StampedPhoto:
        """Decode ``data`` (refusing what is not a usable image, with a message naming
        ``name``), burn ``captured_at`` and ``station`` into its corner, encode it."""
        ...


class PhotoReader(Protocol):
    """Checks photos as they are added, so a bad file is refused at once, not at submit."""

    def check(self, data: bytes, name: str) -> tuple[int, int]:
        """Width and height of a usable image; ``ValidationError`` naming ``name`` else."""
        ...

    def read(self, path: Path) -> bytes:
        """The bytes of the photo file at ``path``, checked; ``ValidationError`` else."""
        ...


class CameraUnavailable(QcError):
    """No camera at that index, a camera in use elsewhere, or a video file that cannot be
    opened; ``params['source']`` says which."""

    code = "camera_unavailable"


class Code(Protocol):
    """A barcode seen in a frame (``adapters.barcodes.DecodedCode``)."""

    @property
    def text(self) -> str: ...


class FrameSource(Protocol):
    """Frames from a camera or a video file, one at a time, on the caller's thread."""

    def read(self) -> Any:
        """The next BGR frame (a numpy array), or ``None``."""
        ...

    def close(self) -> None: ...


class CodeDebouncer(Protocol):
    """Turns the codes of successive frames into scan events (``adapters.camera``)."""

    def feed(self, codes: Iterable[Any], now: float) -> Sequence[Code]: ...

    def reset(self) -> None: ...


#: Opens camera number ``source`` or the video file at path ``source``.
CameraFactory = Callable[[int | str], FrameSource]


@dataclass(frozen=True)
class CameraChoice:
    """A camera this computer has, as the Settings list it (SPEC §7.5: chosen by name)."""

    #: what the person reads: the device's own name
    name: str
    #: what :data:`CameraFactory` opens: a device path (``/dev/video0``) or number
    source: int | str


#: The cameras plugged in now, by name (``adapters.camera_devices``); may be empty.
CameraLister = Callable[[], Sequence[CameraChoice]]
#: A camera typed in (a number, device path, RTSP/HTTP URL or video file) as the source to
#: store; ``ValidationError`` saying what is accepted else (``adapters.camera``).
CameraSourceParser = Callable[[str], int | str]


def _no_cameras() -> Sequence[CameraChoice]:
    return ()


#: The barcodes in one frame.
FrameDecoder = Callable[[Any], Sequence[Code]]


class FileWriter(Protocol):
    """Writes a file made from data into the folder the user named, and nowhere else."""

    def __call__(self, folder: Path, name: str, data: bytes) -> Path: ...


@dataclass
class StationPorts:
    """Every adapter of one station, behind its port: built once (``bootstrap``), held by
    the ``App`` and by the UI's session, handed down to whoever needs a part of it."""

    journal: Journal
    is_outage: OutageTest
    photos: PhotoReader
    open_camera: CameraFactory
    decode_frame: FrameDecoder
    new_debouncer: Callable[[], CodeDebouncer]
    write_into: FileWriter
    print_spool: PrintSpool
    #: the system's printer, made on first use (CUPS, or the UI's Qt printer without CUPS)
    make_printer: Callable[[], Printer] = field(repr=False)
    clock: Clock = field(repr=False)
    #: the unboxing video (SPEC §7.5, ``video_ports.py``): None where the station has none
    videos: VideoStore | None = field(default=None, repr=False)
    recorder: VideoRecorder | None = field(default=None, repr=False)
    import_clip: ClipImporter | None = field(default=None, repr=False)
    #: stills of a clip for the inspection report (issue 18)
    key_frames: KeyFrameReader | None = field(default=None, repr=False)
    #: the cameras to choose from in the Settings, and the check of one typed in
    list_cameras: CameraLister = field(default=_no_cameras, repr=False)
    parse_camera: CameraSourceParser | None = field(default=None, repr=False)
    #: writes printed and discarded jobs into their units' story (``services.print_history``;
    #: needs the database, so ``bootstrap.build`` sets it); None: prints are not recorded
    print_recorder: PrintRecorder | None = field(default=None, repr=False)

    @cached_property
    def printer(self) -> Printer:
        return self.make_printer()

    @cached_property
    def print_queue(self) -> PrintQueue:
        """The station's one durable print queue, over its spool and printer."""
        return PrintQueue(self.print_spool, self.printer, self.clock, recorder=self.print_recorder)
