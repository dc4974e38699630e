"""The composition root: builds the object graph from a ``Config``. Nothing is built at
import time; the GUI, the command line and the tests each call ``build``.

``build`` makes one :class:`App`: the services' context (database, clock, policy, photo store
and stamper, password hasher) and the station's other adapters behind their ports
(:class:`~qc_station.services.station_ports.StationPorts`: outage journal and classifier,
print spool and printer, photo reader, camera, frame decoder, file writer). The command line
uses it as it is; the GUI's session holds its ``ctx`` and ``ports``, so the UI never imports an
adapter (an import-linter contract)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from qc_station.adapters.backup import maintenance_for
from qc_station.adapters.camera import CodeDebouncer, open_camera, parse_camera_source
from qc_station.adapters.camera_devices import list_cameras
from qc_station.adapters.database import make_engine, redact_url
from qc_station.adapters.files import write_into
from qc_station.adapters.journal import FileJournal
from qc_station.adapters.migrate import upgrade
from qc_station.adapters.opencv_ports import OpenCvPhotos, decode_frame
from qc_station.adapters.outage import is_outage
from qc_station.adapters.passwords import Argon2PasswordHasher
from qc_station.adapters.photo_store import FileSystemPhotoStore
from qc_station.adapters.print_records import FolderPrintRecords, records_folder
from qc_station.adapters.printers import CupsPrinter, FolderSpool, spool_folder
from qc_station.adapters.sql.uow import SqlUnitOfWorkFactory
from qc_station.adapters.video import OpenCvVideoRecorder
from qc_station.adapters.video_keyframes import key_frames
from qc_station.adapters.video_store import FileSystemVideoStore, import_clip
from qc_station.config import Config
from qc_station.domain.errors import PolicyError
from qc_station.domain.policy import Policy, load_policy
from qc_station.resources import default_policy_file
from qc_station.services.context import ServiceContext
from qc_station.services.policy_admin import startup_policy
from qc_station.services.print_history import PrintHistory
from qc_station.services.print_queue import Printer, PrinterNotConfigured
from qc_station.services.station_ports import StationPorts

log = logging.getLogger(__name__)


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


#: The station's outage journal: a folder in its own data folder, never on the shared one.
JOURNAL_FOLDER = "journal"
#: The unboxing videos: a folder inside the photo folder (SPEC §7.5: beside the photos).
VIDEO_FOLDER = "videos"
#: Clips being recorded, in the station's own data folder.
RECORDING_FOLDER = "recording"


@dataclass
class App:
    """The station: its configuration, database engine, services' context and the ports of
    its other adapters (``ports``), built once by :func:`build`."""

    config: Config
    engine: Engine
    ctx: ServiceContext
    ports: StationPorts

    @property
    def station(self) -> str:
        return self.config.station

    def close(self) -> None:
        self.engine.dispose()


def read_policy(path: str | Path | None) -> Policy:
    """The policy file named in the configuration, or the shipped default."""
    file = Path(path) if path else default_policy_file()
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise PolicyError(
            "policy.unreadable",
            key="",
            problem="unreadable",
            path=str(file),
            detail=exc.strerror or str(exc),
        ) from None
    return load_policy(data)


def _no_printer() -> Printer:
    raise PrinterNotConfigured("printer.no_print_system")


def station_ports(
    config: Config,
    clock: SystemClock | None = None,
    *,
    fallback_printer: Callable[[], Printer] | None = None,
) -> StationPorts:
    """The station's adapters beyond the database, behind their ports. Cheap: nothing opens
    a device or loads OpenCV until used. The printer is CUPS where its client is installed,
    else ``fallback_printer`` (the GUI's Qt print support)."""

    def make_printer() -> Printer:
        if CupsPrinter.available():
            return CupsPrinter()
        return (fallback_printer or _no_printer)()

    # Clips beside the photos (on the shared folder where there is one); each is recorded
    # into the station's own data folder first and moved there when finished.
    videos = FileSystemVideoStore(config.photo_path / VIDEO_FOLDER, create=not config.photo_dir)
    return StationPorts(
        journal=FileJournal(config.data_path / JOURNAL_FOLDER),
        is_outage=is_outage,
        photos=OpenCvPhotos(),
        open_camera=open_camera,
        decode_frame=decode_frame,
        new_debouncer=CodeDebouncer,
        write_into=write_into,
        print_spool=FolderSpool(spool_folder(config.data_path)),
        make_printer=make_printer,
        clock=clock or SystemClock(),
        videos=videos,
        recorder=OpenCvVideoRecorder(videos, config.data_path / RECORDING_FOLDER),
        import_clip=lambda path: import_clip(path, videos),
        key_frames=key_frames,
        list_cameras=list_cameras,
        parse_camera=parse_camera_source,
    )


def build(
    config: Config,
    *,
    migrate: bool = True,
    fallback_printer: Callable[[], Printer] | None = None,
) -> App:
    """Connect to the database (migrating it unless told not to) and wire the services and
    the station's other adapters."""
    engine = make_engine(config.db_url)
    log.info("database %s", redact_url(config.db_url))
    if migrate:
        upgrade(engine)
    uow = SqlUnitOfWorkFactory(engine)
    # The database's active policy (an admin activated it) wins over this station's file.
    policy = startup_policy(
        uow, read_policy(config.policy_file), config.policy_file or str(default_policy_file())
    )
    clock = SystemClock()
    ctx = ServiceContext(
        uow=uow,
        clock=clock,
        policy=policy,
        # The local default folder is ours to create; a configured (shared) folder that is
        # missing means an unmounted share, which must fail loudly rather than fill the disk.
        photos=FileSystemPhotoStore(config.photo_path, create=not config.photo_dir),
        passwords=Argon2PasswordHasher(),
        database=maintenance_for(engine),
        photo_stamper=OpenCvPhotos(),
    )
    ports = station_ports(config, clock, fallback_printer=fallback_printer)
    # Prints join their units' story once the database is there (issue 18).
    records = FolderPrintRecords(records_folder(config.data_path))
    ports.print_recorder = PrintHistory(ctx, records, is_outage)
    return App(config, engine, ctx, ports)
