"""The composition root: builds the object graph from a ``Config``. Nothing is built at
import time; the GUI, the command line and the tests each call ``build``."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from qc_station.adapters.backup import maintenance_for
from qc_station.adapters.database import make_engine, redact_url
from qc_station.adapters.migrate import upgrade
from qc_station.adapters.passwords import Argon2PasswordHasher
from qc_station.adapters.photo_store import FileSystemPhotoStore
from qc_station.adapters.sql_uow import SqlUnitOfWorkFactory
from qc_station.config import Config
from qc_station.domain.errors import PolicyError
from qc_station.domain.policy import Policy, load_policy
from qc_station.resources import default_policy_file
from qc_station.services.context import ServiceContext
from qc_station.services.policy_admin import startup_policy

log = logging.getLogger(__name__)


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class App:
    config: Config
    engine: Engine
    ctx: ServiceContext

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
            f"cannot read policy file {file}: {exc.strerror}", key="", problem="unreadable"
        ) from None
    return load_policy(data)


def build(config: Config, *, migrate: bool = True) -> App:
    """Connect to the database (migrating it unless told not to) and wire the services."""
    engine = make_engine(config.db_url)
    log.info("database %s", redact_url(config.db_url))
    if migrate:
        upgrade(engine)
    uow = SqlUnitOfWorkFactory(engine)
    # The database's active policy (an admin activated it) wins over this station's file.
    policy = startup_policy(
        uow, read_policy(config.policy_file), config.policy_file or str(default_policy_file())
    )
    ctx = ServiceContext(
        uow=uow,
        clock=SystemClock(),
        policy=policy,
        # The local default folder is ours to create; a configured (shared) folder that is
        # missing means an unmounted share, which must fail loudly rather than fill the disk.
        photos=FileSystemPhotoStore(config.photo_path, create=not config.photo_dir),
        passwords=Argon2PasswordHasher(),
        database=maintenance_for(engine),
    )
    return App(config, engine, ctx)
