"""Returns as they arrive: RMAs, their lines, the units to inspect, and the product catalogue."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import CODE, NAME, TEXT, Base, UtcDateTime


class RmaRow(Base):
    __tablename__ = "rmas"
    # The dashboard's drill-down by carrier (migration 0003); the unit history's lookups by
    # order id, tracking number and customer (migration 0011).
    __table_args__ = (
        Index(None, "carrier"),
        Index(None, "order_id"),
        Index(None, "tracking"),
        Index(None, "customer"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    order_id: Mapped[str] = mapped_column(String(NAME))
    customer: Mapped[str] = mapped_column(String(NAME))
    market: Mapped[str] = mapped_column(String(8))
    currency: Mapped[str] = mapped_column(String(3))
    order_date: Mapped[date | None] = mapped_column(Date)
    delivery_date: Mapped[date | None] = mapped_column(Date)
    request_date: Mapped[date | None] = mapped_column(Date)
    requested_resolution: Mapped[str] = mapped_column(String(16))
    stated_reason: Mapped[str] = mapped_column(String(TEXT))
    carrier: Mapped[str] = mapped_column(String(NAME))
    tracking: Mapped[str] = mapped_column(String(NAME))
    source: Mapped[str] = mapped_column(String(16))
    source_name: Mapped[str] = mapped_column(String(NAME))
    created_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class RmaLineRow(Base):
    __tablename__ = "rma_lines"
    __table_args__ = (
        UniqueConstraint("rma_code", "line_no"),
        # The dashboard's drill-downs by SKU and by supplier (migration 0003).
        Index(None, "sku"),
        Index(None, "supplier"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rma_code: Mapped[str] = mapped_column(ForeignKey("rmas.code", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(NAME))
    product_name: Mapped[str] = mapped_column(String(TEXT))
    category: Mapped[str] = mapped_column(String(NAME))
    supplier: Mapped[str] = mapped_column(String(NAME))
    # In the RMA's currency; None when the manifest had no price and the catalog none either.
    unit_price_minor: Mapped[int | None] = mapped_column(BigInteger)
    quantity: Mapped[int] = mapped_column(Integer)


class UnitRow(Base):
    __tablename__ = "units"
    __table_args__ = (
        ForeignKeyConstraint(["rma_code", "line_no"], ["rma_lines.rma_code", "rma_lines.line_no"]),
        Index(None, "rma_code"),
        Index(None, "state"),
        # The stations screen lists claimed units (migration 0006).
        Index(None, "claimed_station"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lpn: Mapped[str] = mapped_column(String(CODE + 8), unique=True)
    rma_code: Mapped[str] = mapped_column(ForeignKey("rmas.code"))
    line_no: Mapped[int] = mapped_column(Integer)
    unit_no: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(24))
    claimed_station: Mapped[str | None] = mapped_column(String(NAME))
    claimed_by: Mapped[str | None] = mapped_column(String(NAME))
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Optimistic locking: every write checks and bumps it (RmaRepository.save_unit).
    version: Mapped[int] = mapped_column(Integer)
    #: Who last reopened the unit: the new decision needs approval by someone else (§7.3).
    reopened_by: Mapped[str | None] = mapped_column(String(NAME))


class ProductRow(Base):
    __tablename__ = "products"

    sku: Mapped[str] = mapped_column(String(NAME), primary_key=True)
    name: Mapped[str] = mapped_column(String(TEXT))
    category: Mapped[str] = mapped_column(String(NAME))
    supplier: Mapped[str] = mapped_column(String(NAME))
    unit_price_minor: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    units_sold: Mapped[int | None] = mapped_column(Integer)
