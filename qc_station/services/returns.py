"""Finding returns and holding units: scan by RMA code or LPN, claim a unit for inspection at
a station, release a claim, and create an RMA on the spot for an unexpected return."""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from qc_station.domain.decision import assess_window
from qc_station.domain.enums import RequestedResolution, RmaSource, UnitState
from qc_station.domain.errors import Conflict, InvalidTransition, NotFound, ValidationError
from qc_station.domain.model import Rma, RmaLine, Unit
from qc_station.domain.money import check_currency, round_money

from . import audit
from .context import Actor, ServiceContext
from .permissions import Action, authorized, check_current, require
from .ports import UnitOfWork
from .views import LineView, RmaView, UnitView, unit_view

MAX_CODE_LENGTH = 64


def normalise_code(raw: str) -> str:
    """The code as scanned, trimmed; control characters and absurd lengths are refused.

    Scanners add CR/LF/tab suffixes and sometimes prefixes; those are whitespace and go.
    A control character inside the code means a garbled scan, not a code. Full-width forms
    (``ＲＭＡ－２０２６…``, typed with a Chinese or Japanese input method left in full-width
    mode) are the same code: NFKC folds them to ASCII.
    """
    code = unicodedata.normalize("NFKC", raw or "").strip()
    if not code:
        raise ValidationError("scan.empty", field="code")
    if len(code) > MAX_CODE_LENGTH:
        raise ValidationError(
            "scan.too_long",
            field="code",
            length=len(code),
            limit=MAX_CODE_LENGTH,
            value=code[:80],
        )
    if any(unicodedata.category(ch).startswith("C") for ch in code):
        raise ValidationError(
            "scan.control_characters",
            field="code",
            value=code.encode("unicode_escape").decode(),
        )
    return code


def _load(uow: UnitOfWork, code: str) -> tuple[Rma, str | None]:
    """The RMA named by ``code`` (RMA code first, then LPN; exact, then upper case)."""
    for candidate in dict.fromkeys((code, code.upper())):
        rma = uow.rmas.get(candidate)
        if rma is not None:
            return rma, None
        rma = uow.rmas.get_by_lpn(candidate)
        if rma is not None:
            return rma, candidate
    raise NotFound("unit.unknown_code", code=code)


def _view(
    ctx: ServiceContext, uow: UnitOfWork, rma: Rma, focus: str | None, station: str | None = None
) -> RmaView:
    current = uow.decisions.current_many([u.lpn for u in rma.units])
    units = tuple(unit_view(rma, u, current.get(u.lpn)) for u in rma.units)
    window = assess_window(
        ctx.policy, rma.market, rma.order_date, rma.delivery_date, rma.request_date
    )
    today = ctx.clock.now().date()
    delivered = rma.delivery_date
    if delivered is None and rma.order_date is not None:
        delivered = rma.order_date + timedelta(days=ctx.policy.transit_allowance_days)
    days = (today - delivered).days if delivered else None
    if focus is None:
        focus = _next_unit(units, station)
    return RmaView(
        rma.code,
        rma.order_id,
        rma.customer,
        rma.market,
        rma.currency,
        rma.order_date,
        rma.delivery_date,
        rma.request_date,
        rma.requested_resolution,
        rma.stated_reason,
        rma.carrier,
        rma.tracking,
        rma.source,
        rma.source_name,
        tuple(_line_view(line) for line in rma.lines),
        units,
        window,
        days,
        focus,
    )


def _line_view(line: RmaLine) -> LineView:
    return LineView(
        line.line_no,
        line.sku,
        line.product_name,
        line.category,
        line.supplier,
        line.unit_price,
        line.quantity,
    )


def _next_unit(units: tuple[UnitView, ...], station: str | None) -> str | None:
    """The unit an inspector at ``station`` should take next from a scanned RMA."""
    mine = [u for u in units if u.state == UnitState.IN_INSPECTION and u.claimed_station == station]
    free = [
        u
        for u in units
        if u.state in (UnitState.EXPECTED, UnitState.IN_INSPECTION) and not u.claimed_station
    ]
    for group in (mine, free):
        if group:
            return group[0].lpn
    return None


def find(ctx: ServiceContext, code: str, station: str | None = None) -> RmaView:
    """Look up an RMA by its code or by one of its units' LPNs. Read only."""
    code = normalise_code(code)
    with ctx.uow(read_only=True) as uow:
        rma, lpn = _load(uow, code)
        return _view(ctx, uow, rma, lpn, station)


def claim_unit(ctx: ServiceContext, actor: Actor, lpn: str) -> RmaView:
    """Claim a unit for inspection at the actor's station (SPEC §2 step 2, §10).

    Refused, with the reason, for a decided unit, a unit awaiting approval, or a unit another
    station holds. Claiming a unit this station already holds is a no-op.
    """
    require(actor, Action.INSPECT)
    lpn = normalise_code(lpn)
    with authorized(ctx, actor, Action.INSPECT) as uow:
        # A second station scanning the same unit waits here for the first one's claim to
        # commit, then reads it and is told who holds the unit (not "changed by someone").
        uow.rmas.lock_unit(lpn)
        rma, _ = _load(uow, lpn)
        unit = rma.unit(lpn)
        if unit is None:
            raise ValidationError("scan.rma_not_unit", code=lpn)
        _refuse_if_done(uow, unit)
        before = unit.state
        changed = claim_or_explain(unit, actor, ctx.clock.now())
        if changed:
            unit.version = uow.rmas.save_unit(
                unit.lpn,
                unit.state,
                unit.claimed_station,
                unit.claimed_by,
                unit.claimed_at,
                unit.version,
            )
            audit.record(
                uow,
                ctx,
                actor,
                "unit",
                unit.lpn,
                "claim",
                {"state": before.value},
                {"state": unit.state.value, "station": actor.station},
            )
            uow.commit()
        return _view(ctx, uow, rma, lpn, actor.station)


def claim_or_explain(unit: Unit, actor: Actor, now: datetime) -> bool:
    """``Unit.claim``, with the refusal naming the holding station, user and since when
    (``unit.claimed_since``; the screens show the moment in the station's local time)."""
    try:
        return unit.claim(actor.station, actor.username, now)
    except Conflict as exc:
        since = exc.params.get("since")
        if "station" not in exc.params or not isinstance(since, datetime):
            raise
        held = {**exc.params, "lpn": unit.lpn, "user": exc.params.get("user") or "?"}
        raise Conflict("unit.claimed_since", **held) from None


def _refuse_if_done(uow: UnitOfWork, unit: Unit) -> None:
    if unit.state == UnitState.DECIDED:
        decision = uow.decisions.current(unit.lpn)
        if decision is not None:
            raise InvalidTransition(
                "unit.already_decided_by",
                lpn=unit.lpn,
                headline=decision.final.headline.value,
                user=decision.decided_by,
                decided_at=decision.decided_at,
                current=unit.state.value,
                target=UnitState.IN_INSPECTION.value,
            )
        raise InvalidTransition(
            "unit.already_decided",
            lpn=unit.lpn,
            current=unit.state.value,
            target=UnitState.IN_INSPECTION.value,
        )
    if unit.state == UnitState.AWAITING_APPROVAL:
        raise InvalidTransition(
            "unit.awaiting_approval",
            lpn=unit.lpn,
            current=unit.state.value,
            target=UnitState.IN_INSPECTION.value,
        )


def release_claim(ctx: ServiceContext, actor: Actor, lpn: str, reason: str = "") -> None:
    """Free a unit held by a station: its own station may let go; a stale claim of another
    station needs a supervisor (SPEC §10). The unit stays in inspection, unclaimed."""
    lpn = normalise_code(lpn)
    with authorized(ctx, actor, Action.INSPECT) as uow:
        uow.rmas.lock_unit(lpn)
        rma, _ = _load(uow, lpn)
        unit = rma.unit(lpn)
        if unit is None or unit.claimed_station is None:
            raise Conflict("unit.not_claimed", lpn=lpn)
        if unit.claimed_station != actor.station:
            check_current(uow, ctx.clock.now(), actor, Action.RELEASE_CLAIM)
            if not reason.strip():
                raise ValidationError("unit.release_needs_reason", field="reason")
        old = {"station": unit.claimed_station, "user": unit.claimed_by, "since": unit.claimed_at}
        unit.release()
        uow.rmas.save_unit(unit.lpn, unit.state, None, None, None, unit.version)
        audit.record(uow, ctx, actor, "unit", lpn, "release_claim", old, {"reason": reason.strip()})
        uow.commit()


@dataclass(frozen=True)
class UnexpectedReturn:
    """What an inspector knows about a parcel that came with no RMA."""

    sku: str
    product_name: str
    category: str
    market: str
    currency: str
    unit_price: Decimal
    supplier: str = ""
    customer: str = ""
    order_id: str = ""
    carrier: str = ""
    tracking: str = ""
    stated_reason: str = ""
    quantity: int = 1


def create_unexpected_return(
    ctx: ServiceContext, actor: Actor, parcel: UnexpectedReturn
) -> RmaView:
    """Create an RMA on the spot (SPEC §7.2); its decisions always need approval."""
    require(actor, Action.CREATE_UNEXPECTED)
    currency = check_currency(parcel.currency)
    market = parcel.market.strip().upper()
    if len(market) != 2 or not market.isalpha():
        raise ValidationError("field.market", field="market", value=parcel.market)
    if not parcel.sku.strip():
        raise ValidationError("field.sku_missing", field="sku")
    if parcel.unit_price < 0:
        raise ValidationError("money.negative_price", field="unit_price")
    if not 1 <= parcel.quantity <= 100:
        raise ValidationError("inspection.quantity", field="quantity")
    now = ctx.clock.now()
    code = f"UNX-{now:%Y%m%d}-{secrets.token_hex(3).upper()}"
    with authorized(ctx, actor, Action.CREATE_UNEXPECTED) as uow:
        product = uow.catalog.get(parcel.sku.strip())
        rma = Rma(
            code=code,
            order_id=parcel.order_id.strip(),
            customer=parcel.customer.strip(),
            market=market,
            currency=currency,
            order_date=None,
            delivery_date=None,
            request_date=now.date(),
            requested_resolution=RequestedResolution.REFUND,
            stated_reason=parcel.stated_reason.strip() or "unexpected return",
            carrier=parcel.carrier.strip(),
            tracking=parcel.tracking.strip(),
            source=RmaSource.UNEXPECTED,
            source_name=f"station {actor.station}",
            lines=[
                RmaLine(
                    1,
                    parcel.sku.strip(),
                    parcel.product_name.strip() or (product.name if product else ""),
                    parcel.category.strip() or (product.category if product else ""),
                    parcel.supplier.strip() or (product.supplier if product else ""),
                    round_money(parcel.unit_price, currency),
                    parcel.quantity,
                )
            ],
            created_at=now,
        )
        rma.build_units()
        uow.rmas.add(rma)
        audit.record(
            uow,
            ctx,
            actor,
            "rma",
            code,
            "create_unexpected",
            None,
            {
                "sku": parcel.sku,
                "quantity": parcel.quantity,
                "currency": currency,
                "unit_price": str(parcel.unit_price),
            },
        )
        uow.commit()
        return _view(ctx, uow, rma, None, actor.station)
