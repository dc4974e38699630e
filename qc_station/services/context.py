"""What every service call needs: the unit-of-work factory, clock, active policy, photo store,
password hasher, and who is acting from which station."""

from __future__ import annotations

from dataclasses import dataclass

from qc_station.domain.enums import Role
from qc_station.domain.policy import Policy

from .maintenance_ports import DatabaseMaintenance
from .ports import Clock, PasswordHasher, PhotoStore, UnitOfWorkFactory
from .station_ports import PhotoStamper

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
    # Burns the capture time into each photo as ``inspection.submit_inspection`` stores it;
    # None where no one submits photos (a context built by hand), which then refuses them.
    photo_stamper: PhotoStamper | None = None
