"""What every service call needs: the unit-of-work factory, clock, active policy, photo store,
password hasher, and who is acting from which station."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from qc_station.domain.enums import Role
from qc_station.domain.policy import Policy

from .ports import Clock, PasswordHasher, PhotoStore, UnitOfWorkFactory

if TYPE_CHECKING:  # maintenance imports this module; the port is only named here
    from .maintenance import DatabaseMaintenance

SYSTEM_USER = "system"


@dataclass(frozen=True)
class Actor:
    """The user a service acts for, with their role and the station they are at."""

    username: str
    role: Role
    station: str

    @classmethod
    def system(cls, station: str) -> Actor:
        """The local operator running an import, a migration or the demo (SPEC §11)."""
        return cls(SYSTEM_USER, Role.ADMIN, station)


@dataclass(frozen=True)
class ServiceContext:
    uow: UnitOfWorkFactory
    clock: Clock
    policy: Policy
    photos: PhotoStore
    passwords: PasswordHasher
    # Backup and restore of the database as a whole (services/maintenance.py); None where
    # no one needs it (service tests that build a context by hand).
    database: DatabaseMaintenance | None = None
