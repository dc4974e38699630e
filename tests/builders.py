"""Builders for test data: RMAs, users and actors with sensible defaults, one keyword away
from the case a test is about."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from qc_station.domain.enums import RequestedResolution, RmaSource, Role
from qc_station.domain.model import Rma, RmaLine, User
from qc_station.services.context import Actor
from qc_station.services.ports import UnitOfWork
from tests.fakes import FakeStore

INSPECTOR = Actor("ines", Role.INSPECTOR, "ST-01")
INSPECTOR_2 = Actor("ivan", Role.INSPECTOR, "ST-02")
SUPERVISOR = Actor("sofia", Role.SUPERVISOR, "DESK")
SUPERVISOR_2 = Actor("sam", Role.SUPERVISOR, "DESK")
ADMIN = Actor("ada", Role.ADMIN, "OFFICE")
#: The users behind the actors above. Services check the acting user's current role and
#: state in the database (SPEC §6), so a test's store holds them (``seed_cast``).
CAST = (INSPECTOR, INSPECTOR_2, SUPERVISOR, SUPERVISOR_2, ADMIN)


def make_rma(
    code: str = "RMA-2026-000123", *, lines: list[RmaLine] | None = None, **header: Any
) -> Rma:
    values: dict[str, Any] = {
        "order_id": "ORD-1001",
        "customer": "Zoë Müller",
        "market": "US",
        "currency": "USD",
        "order_date": date(2026, 10, 1),
        "delivery_date": date(2026, 10, 5),
        "request_date": date(2026, 10, 20),
        "requested_resolution": RequestedResolution.REFUND,
        "stated_reason": "changed my mind",
        "carrier": "UPS",
        "tracking": "1Z999",
        "source": RmaSource.MANIFEST,
        "source_name": "manifest.csv",
    }
    values.update(header)
    rma = Rma(
        code=code,
        **values,
        lines=lines
        or [
            RmaLine(
                1,
                "SKU-HEADSET",
                "无线蓝牙耳机 Wireless headset",
                "electronics",
                "Shenzhen Audio",
                Decimal("99.00"),
                1,
            )
        ],
    )
    rma.build_units()
    return rma


def seed(store: FakeStore, *rmas: Rma) -> None:
    with store.uow() as uow:
        for rma in rmas:
            uow.rmas.add(rma)
        uow.commit()


def user(username: str, role: Role) -> User:
    return User(
        username=username,
        full_name=username.title(),
        role=role,
        password_hash="fake$secret-password",
    )


def seed_cast(store: FakeStore) -> None:
    """Add the users of ``CAST`` that the store does not hold yet (straight into its data:
    no commit or audit event for a test to count)."""
    for actor in CAST:
        store.data.users.setdefault(actor.username, user(actor.username, actor.role))


def seed_cast_in(uow: Callable[[], UnitOfWork], *more: Actor) -> None:
    """``seed_cast`` (and the users of ``more``) through a unit of work (a SQL database);
    not audited, like a fixture."""
    with uow() as work:
        for actor in (*CAST, *more):
            if work.users.get(actor.username) is None:
                work.users.add(user(actor.username, actor.role))
        work.commit()
