"""Importing RMA manifests and the product catalog into the database (SPEC §7.1).

The file formats are parsed in ``qc_station.formats``; this module decides what each parsed
RMA means for the database and writes it:

- a new RMA is added with its units (LPN = code + ``-n``);
- an RMA identical to the stored one is left alone and counted as unchanged, so importing the
  same file twice adds nothing;
- a changed RMA whose units are all still ``expected`` is rewritten (``replace_lines``);
- a changed RMA already in inspection, awaiting approval or decided is not touched, and its
  rows are reported as errors: the inspection was made against what the RMA said then.

"Identical" compares what the file says (header, lines, prices): not the source file's name,
so the same RMA arriving in a renamed file is still unchanged.

Invalid rows are reported and never written; nothing already stored is damaged. The whole
import is one transaction: it is all there or, on a failure or a cancel, none of it is (and
running it again is safe). Work is done in chunks of ``CHUNK`` RMAs with one ``get_many`` per
repository per chunk and one ``add_many``, never a query per row, so 100,000 rows stay well
within seconds on SQLite. One audit event records each import (not one per row).

"Today", for refusing dates in the future, is the latest calendar date anywhere on Earth
(UTC + 14 h): manifest dates are in the seller's or customer's local time, and a return
requested this morning in Shanghai is dated "tomorrow" in UTC. Only a date that is in the
future everywhere is certainly wrong.
"""

from __future__ import annotations

import gc
import hashlib
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from qc_station.domain.enums import RmaSource, UnitState
from qc_station.domain.errors import QcError, ValidationError
from qc_station.domain.model import Product, Rma, RmaLine
from qc_station.domain.money import check_currency, round_money
from qc_station.domain.wording import plural
from qc_station.formats.catalog import FORMAT_CATALOG, parse_catalog
from qc_station.formats.csv_input import RowError, RowProblem
from qc_station.formats.manifest import (
    FORMAT_AMAZON,
    MARKET_BY_CURRENCY,
    ParsedLine,
    ParsedRma,
    parse_manifest,
)

from .audit import record
from .context import Actor, ServiceContext
from .permissions import Action, authorized, require

log = logging.getLogger(__name__)

T = TypeVar("T")

#: RMAs (or products) per round trip to the database.
CHUNK = 5000

#: How many updated RMA codes the audit event lists by name.
AUDIT_CODES_LIMIT = 1000

#: The furthest ahead of UTC any time zone is (UTC+14, Line Islands).
_MAX_UTC_OFFSET = timedelta(hours=14)

#: ``progress(done, total)``: called after each chunk, from the thread doing the import.
Progress = Callable[[int, int], None]
#: ``cancelled()``: asked before each chunk and before committing; True rolls everything back.
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ImportReport:
    """What an import did. ``errors`` are the rows not applied, sorted by line, ready for
    ``qc_station.formats.csv_input.render_errors_file``."""

    format: str
    rows_read: int
    rmas_added: int = 0
    rmas_updated: int = 0
    rmas_unchanged: int = 0
    products_added: int = 0
    products_updated: int = 0
    errors: tuple[RowError, ...] = ()

    def summary(self) -> str:
        """One line for the command line and the log."""
        if self.format == FORMAT_CATALOG:
            done = (
                f"{plural(self.products_added, 'product')} added, {self.products_updated} updated"
            )
        else:
            done = (
                f"{plural(self.rmas_added, 'RMA')} added, {self.rmas_updated} updated, "
                f"{self.rmas_unchanged} unchanged"
            )
        return (
            f"{self.format}: {plural(self.rows_read, 'row')} read; {done}; "
            f"{plural(len(self.errors), 'row')} not imported"
        )


class ImportCancelled(QcError):
    """The user cancelled the import; nothing was written."""

    code = "import_cancelled"


def latest_today(now: datetime) -> date:
    """The latest calendar date anywhere on Earth at ``now`` (see the module docstring)."""
    return (now.astimezone(UTC) + _MAX_UTC_OFFSET).date()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector during bulk work.

    A big import makes a few million small objects that all stay alive until the end, and no
    cycles among them; the collector would scan them again and again for nothing (measured:
    half the CPU time of a 100,000-row import). Reference counting still frees everything as
    usual; the collector runs again as soon as the import is over.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_cancel(cancelled: Cancelled | None, source_name: str) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled("importing.cancelled", file=source_name)


def _chunks(items: Sequence[T]) -> Iterator[tuple[int, Sequence[T]]]:
    """``(done, chunk)`` pairs, ``done`` counting the items up to the end of the chunk."""
    size = CHUNK  # read at call time, so that a test can make chunks small
    for start in range(0, len(items), size):
        chunk = items[start : start + size]
        yield start + len(chunk), chunk


# --- manifests -----------------------------------------------------------------------------


def _line_errors(parsed: ParsedRma, problem: RowProblem) -> list[RowError]:
    return [RowError.of(line.line, [problem], line.row) for line in parsed.lines]


def _amazon_prices(
    parsed: ParsedRma, products: dict[str, Product]
) -> tuple[str, str, list[RmaLine]] | list[RowError]:
    """Currency, market and lines of an Amazon return, from the catalog."""
    problems: list[RowError] = []
    currency: str | None = None
    lines: list[RmaLine] = []
    for number, line in enumerate(parsed.lines, start=1):
        product = products.get(line.sku)
        problem: RowProblem | None = None
        if product is None:
            problem = RowProblem.of("importing.sku_not_in_catalog", sku=line.sku)
        elif product.unit_price is None or not product.currency:
            problem = RowProblem.of("importing.sku_without_price", sku=line.sku)
        else:
            try:
                line_currency = check_currency(product.currency)
            except ValidationError:
                line_currency = ""
            if not line_currency or (currency and line_currency != currency):
                problem = RowProblem.of(
                    "importing.sku_currency_misfit", sku=line.sku, value=product.currency
                )
            else:
                currency = line_currency
                lines.append(_line(number, line, product, product.unit_price, line_currency))
        if problem is not None:
            problems.append(RowError.of(line.line, [problem], line.row))
    if problems:
        return problems
    assert currency is not None  # an RMA has at least one line
    market = MARKET_BY_CURRENCY.get(currency)
    if market is None:
        return _line_errors(
            parsed,
            RowProblem.of(
                "importing.market_unknown_for_currency",
                currency_code=currency,
                known=sorted(MARKET_BY_CURRENCY),
            ),
        )
    return currency, market, lines


def _line(
    number: int, line: ParsedLine, product: Product | None, price: Decimal, currency: str
) -> RmaLine:
    """An RMA line; empty name, category and supplier are taken from the catalog."""
    return RmaLine(
        line_no=number,
        sku=line.sku,
        product_name=line.product_name or (product.name if product else ""),
        category=line.category or (product.category if product else ""),
        supplier=line.supplier or (product.supplier if product else ""),
        unit_price=round_money(price, currency),
        quantity=line.quantity,
    )


def _build(
    parsed: ParsedRma,
    products: dict[str, Product],
    source: RmaSource,
    source_name: str,
    now: datetime,
) -> Rma | list[RowError]:
    if parsed.currency is None or parsed.market is None:
        found = _amazon_prices(parsed, products)
        if isinstance(found, list):
            return found
        currency, market, lines = found
    else:
        currency, market = parsed.currency, parsed.market
        lines = []
        for number, line in enumerate(parsed.lines, start=1):
            assert line.unit_price is not None  # the generic format requires a price
            lines.append(_line(number, line, products.get(line.sku), line.unit_price, currency))
    return Rma(
        code=parsed.code,
        order_id=parsed.order_id,
        customer=parsed.customer,
        market=market,
        currency=currency,
        order_date=parsed.order_date,
        delivery_date=parsed.delivery_date,
        request_date=parsed.request_date,
        requested_resolution=parsed.requested_resolution,
        stated_reason=parsed.stated_reason,
        carrier=parsed.carrier,
        tracking=parsed.tracking,
        source=source,
        source_name=source_name,
        lines=lines,
        created_at=now,
    )


def _content(rma: Rma) -> tuple[Any, ...]:
    """What a manifest says about an RMA: equal content means "unchanged"."""
    return (
        rma.order_id,
        rma.customer,
        rma.market,
        rma.currency,
        rma.order_date,
        rma.delivery_date,
        rma.request_date,
        str(rma.requested_resolution),
        rma.stated_reason,
        rma.carrier,
        rma.tracking,
        tuple(
            (
                ln.line_no,
                ln.sku,
                ln.product_name,
                ln.category,
                ln.supplier,
                ln.unit_price,
                ln.quantity,
            )
            for ln in sorted(rma.lines, key=lambda ln: ln.line_no)
        ),
    )


def _refusal(stored: Rma) -> RowProblem | None:
    """Why a changed RMA cannot be rewritten, or None when all its units are still expected."""
    states = {unit.state for unit in stored.units}
    if states <= {UnitState.EXPECTED}:
        return None
    if states == {UnitState.DECIDED}:
        return RowProblem.of("importing.rma_decided", rma=stored.code)
    return RowProblem.of("importing.rma_in_inspection", rma=stored.code)


def import_manifest(
    ctx: ServiceContext,
    actor: Actor,
    data: bytes,
    source_name: str,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Import a generic manifest or an Amazon FBA returns report (detected from the header).

    Raises ``FileFormatError`` (a ``ValidationError``) when the file cannot be read at all,
    and ``ImportCancelled`` when ``cancelled()`` said so; in both cases nothing is written.
    """
    require(actor, Action.IMPORT)  # before parsing; the user's current role is checked below
    with _gc_paused():
        report = _import_manifest(ctx, actor, data, source_name, progress, cancelled)
    log.info("imported %s: %s", source_name, report.summary())
    return report


def _import_manifest(
    ctx: ServiceContext,
    actor: Actor,
    data: bytes,
    source_name: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ImportReport:
    now = ctx.clock.now()
    parsed = parse_manifest(data, source_name, latest_today(now))
    source = RmaSource.AMAZON if parsed.format == FORMAT_AMAZON else RmaSource.MANIFEST
    errors = list(parsed.errors)
    added = unchanged = 0
    updated: list[str] = []
    total = len(parsed.rmas)
    if progress is not None:
        progress(0, total)
    with authorized(ctx, actor, Action.IMPORT) as uow:
        for done, chunk in _chunks(parsed.rmas):
            _check_cancel(cancelled, source_name)
            products = uow.catalog.get_many({line.sku for rma in chunk for line in rma.lines})
            stored = uow.rmas.get_many([rma.code for rma in chunk])
            new: list[Rma] = []
            for item in chunk:
                built = _build(item, products, source, source_name, now)
                if isinstance(built, list):
                    errors.extend(built)
                    continue
                old = stored.get(item.code)
                if old is None:
                    built.build_units()
                    new.append(built)
                elif _content(old) == _content(built):
                    unchanged += 1
                elif (refusal := _refusal(old)) is not None:
                    errors.extend(_line_errors(item, refusal))
                else:
                    built.created_at = old.created_at  # an update is not a new RMA
                    built.build_units()
                    uow.rmas.replace_lines(built)
                    updated.append(item.code)
            if new:
                uow.rmas.add_many(new)
                added += len(new)
            if progress is not None:
                progress(done, total)
        _check_cancel(cancelled, source_name)
        errors.sort(key=lambda e: e.line)
        report = ImportReport(
            format=parsed.format,
            rows_read=parsed.rows_read,
            rmas_added=added,
            rmas_updated=len(updated),
            rmas_unchanged=unchanged,
            errors=tuple(errors),
        )
        record(
            uow,
            ctx,
            actor,
            "import",
            source_name,
            "import_manifest",
            new={
                **_audit_summary(report, data),
                "updated_codes": updated[:AUDIT_CODES_LIMIT],
            },
        )
        uow.commit()
    return report


def _audit_summary(report: ImportReport, data: bytes) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "format": report.format,
        "sha256": hashlib.sha256(data).hexdigest(),
        "rows_read": report.rows_read,
        "errors": len(report.errors),
    }
    if report.format == FORMAT_CATALOG:
        summary.update(
            products_added=report.products_added, products_updated=report.products_updated
        )
    else:
        summary.update(
            rmas_added=report.rmas_added,
            rmas_updated=report.rmas_updated,
            rmas_unchanged=report.rmas_unchanged,
        )
    return summary


# --- the catalog ---------------------------------------------------------------------------


def import_catalog(
    ctx: ServiceContext,
    actor: Actor,
    data: bytes,
    source_name: str,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Import the product catalog: new SKUs are added, changed ones updated.

    A row with no ``units_sold`` keeps the figure the database has. Raises like
    ``import_manifest``.
    """
    require(actor, Action.IMPORT)  # before parsing; the user's current role is checked below
    parsed = parse_catalog(data, source_name)
    added = updated = 0
    total = len(parsed.products)
    if progress is not None:
        progress(0, total)
    with authorized(ctx, actor, Action.IMPORT) as uow:
        for done, chunk in _chunks(parsed.products):
            _check_cancel(cancelled, source_name)
            products: list[Product] = list(chunk)
            unknown_sales = [p.sku for p in products if p.units_sold is None]
            if unknown_sales:
                stored = uow.catalog.get_many(unknown_sales)
                products = [
                    replace(p, units_sold=stored[p.sku].units_sold)
                    if p.units_sold is None and p.sku in stored
                    else p
                    for p in products
                ]
            chunk_added, chunk_updated = uow.catalog.upsert_many(products)
            added += chunk_added
            updated += chunk_updated
            if progress is not None:
                progress(done, total)
        _check_cancel(cancelled, source_name)
        report = ImportReport(
            format=FORMAT_CATALOG,
            rows_read=parsed.rows_read,
            products_added=added,
            products_updated=updated,
            errors=parsed.errors,
        )
        record(
            uow,
            ctx,
            actor,
            "import",
            source_name,
            "import_catalog",
            new=_audit_summary(report, data),
        )
        uow.commit()
    log.info("imported %s: %s", source_name, report.summary())
    return report
