"""The port behind the dashboard (SPEC §2 step 9, §8): aggregate queries over the decided
units of a period, as plain rows of counts and sums.

The adapter answers each query with SQL aggregates (``adapters/sql/stats.py``); the fake in
``tests/fakes.py`` computes the same over its in-memory data. Rates, flags and the shape of
the figures are the service's business (``services/stats.py``), so both implementations
only count and sum. What each count means is written in ``docs/dashboard.md``; in short,
every query works on the **units received in the period**: units whose current decision
(pending or final, not rejected or superseded) was made in ``[since, until)``, narrowed to a
market and a product category when the filter names them. Money comes only from final
decisions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol


@dataclass(frozen=True)
class StatsFilter:
    """Which units the figures cover. ``since`` is inclusive and ``until`` exclusive, both
    timezone-aware (UTC); ``None`` leaves that end open. ``market`` is an ISO country code,
    matched without regard to case; ``category`` a product category, likewise."""

    since: datetime | None = None
    until: datetime | None = None
    market: str | None = None
    category: str | None = None


class Dimension(StrEnum):
    """What a drill-down lists the units of."""

    SKU = "sku"
    CARRIER = "carrier"
    SUPPLIER = "supplier"


@dataclass(frozen=True)
class SkuCount:
    sku: str
    returned: int  # units received in the period
    units_sold: int  # from the catalog; only SKUs with a known, positive figure are listed


@dataclass(frozen=True)
class CarrierCount:
    carrier: str
    received: int
    transit_damage: int  # units found TRANSIT_DAMAGE


@dataclass(frozen=True)
class SupplierCount:
    supplier: str
    received: int
    defects: int  # units found DEFECT


@dataclass(frozen=True)
class Amount:
    """A sum of money in one currency, with how many units it covers."""

    currency: str
    units: int
    amount: Decimal


@dataclass(frozen=True)
class SupplierChargeback:
    supplier: str
    currency: str
    units: int
    amount: Decimal


@dataclass(frozen=True)
class ReasonFinding:
    stated_reason: str  # trimmed; as written on the RMA
    finding: str
    units: int


@dataclass(frozen=True)
class KeyCount:
    key: str
    units: int


@dataclass(frozen=True)
class DeadlineCounts:
    """Refund deadlines of final decisions (SPEC §2 step 8), judged by the finance export:
    a refund counts as paid when the decision went out in an export batch."""

    refunds_on_time: int  # exported at or before the refund was due
    refunds_late: int  # exported after it was due
    refunds_open: int  # not exported, not yet due
    refunds_overdue: int  # not exported and past due
    disputes_open: int  # dispute evidence not yet due
    disputes_overdue: int  # dispute evidence past due


@dataclass(frozen=True)
class InspectorCount:
    inspector: str
    units: int
    inspection_seconds: Decimal  # the sum of (end − start) of their inspections
    median_seconds: Decimal | None


@dataclass(frozen=True)
class UnitItem:
    """One unit of a drill-down list."""

    lpn: str
    rma_code: str
    sku: str
    carrier: str
    supplier: str
    grade: str
    finding: str
    headline: str
    resolution: str
    status: str
    decided_at: datetime


class StatsQueries(Protocol):
    """Aggregates over the units received in the period (see the module docstring)."""

    def batches_to_sync(self) -> list[str]:
        """Finance export batches whose export time the figures do not see yet."""

    def sync_batch(self, batch_id: str) -> None:
        """Let the figures see batch ``batch_id``'s export time (a write: commit after)."""

    def received(self, f: StatsFilter) -> int:
        """How many units were received."""

    def sku_returns(self, f: StatsFilter) -> list[SkuCount]:
        """Per SKU with a positive ``units_sold`` in the catalog, its units received."""

    def carrier_damage(self, f: StatsFilter) -> list[CarrierCount]: ...

    def supplier_counts(self, f: StatsFilter) -> list[SupplierCount]: ...

    def supplier_chargebacks(self, f: StatsFilter) -> list[SupplierChargeback]:
        """Supplier chargeback amounts of final decisions, per supplier and currency."""

    def reason_findings(self, f: StatsFilter) -> list[ReasonFinding]: ...

    def grades(self, f: StatsFilter) -> list[KeyCount]: ...

    def dispositions(self, f: StatsFilter) -> list[KeyCount]:
        """By the final outcome's disposition."""

    def refunds(self, f: StatsFilter) -> list[Amount]:
        """Refund totals of final decisions with a refund above zero, per currency."""

    def deadlines(self, f: StatsFilter, now: datetime) -> DeadlineCounts: ...

    def inspectors(self, f: StatsFilter) -> list[InspectorCount]:
        """Per inspector of the current decision's inspection."""

    def median_inspection_seconds(self, f: StatsFilter) -> Decimal | None:
        """The median inspection time over all units received; None when there are none."""

    def units(self, f: StatsFilter, dimension: Dimension, key: str, limit: int) -> list[UnitItem]:
        """The units received whose SKU, carrier or supplier is ``key`` (exact match),
        newest decision first, at most ``limit``."""
