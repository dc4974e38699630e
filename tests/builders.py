"""Builders for test data: RMAs, users and actors with sensible defaults, one keyword away
from the case a test is about."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from qc_station.domain.enums import RequestedResolution, RmaSource, Role
from qc_station.domain.model import Rma, RmaLine, User
from qc_station.services.context import Actor
from tests.fakes import FakeStore

INSPECTOR = Actor("ines", Role.INSPECTOR, "ST-01")
INSPECTOR_2 = Actor("ivan", Role.INSPECTOR, "ST-02")
SUPERVISOR = Actor("sofia", Role.SUPERVISOR, "DESK")
SUPERVISOR_2 = Actor("sam", Role.SUPERVISOR, "DESK")
ADMIN = Actor("ada", Role.ADMIN, "OFFICE")


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
