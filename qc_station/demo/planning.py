"""Planning the demo: the scenarios (what happens to which unit: inspected, approved,
rejected, reopened, left waiting) and the RMAs built for them, with markets, products, prices,
dates and carriers chosen to fit the active policy.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_FLOOR, Decimal

from qc_station.domain.enums import Finding, Grade, Headline, RequestedResolution, RmaSource
from qc_station.domain.model import Rma, RmaLine
from qc_station.domain.money import minor_digits, round_money
from qc_station.domain.policy import Policy

from .data import (
    DEMO_SERIES,
    DEMO_SOURCE_NAME,
    MARKETS,
    PRODUCTS,
    REASON_FOR_FINDING,
    REASONS,
    DemoProduct,
    Market,
)


@dataclass(frozen=True)
class _Want:
    """What a scenario's RMA must look like for the scenario to mean what it says."""

    window: str = "holds"  # holds | no_delivery | unknown | exceeded
    market: str | None = None
    carrier: str | None = None
    price: str = "low"  # low: under the approval threshold; high: at or above; any
    resolution: RequestedResolution | None = None
    category: str | None = None


@dataclass(frozen=True)
class Inspect:
    grade: Grade
    finding: Finding
    override: Headline | None = None
    override_reason: str = ""


@dataclass(frozen=True)
class Scenario:
    flow: str
    want: _Want = _Want()
    first: Inspect | None = None
    second: Inspect | None = None  # after a rejection or a reopening


_G, _F = Grade, Finding
_EXCHANGE = RequestedResolution.EXCHANGE
_REFUND = RequestedResolution.REFUND
# Ordered by how much each shows, so that a small ``count`` still shows the most.
_SCENARIOS: tuple[Scenario, ...] = (
    # Decided with no approval needed.
    Scenario("final", _Want(resolution=_REFUND), Inspect(_G.A, _F.NO_FAULT)),
    Scenario("final", _Want(category="electronics", resolution=_REFUND),
              Inspect(_G.B, _F.DEFECT)),
    Scenario("final", _Want(resolution=_REFUND), Inspect(_G.C, _F.TRANSIT_DAMAGE)),
    Scenario("approve", _Want(category="toys"), Inspect(_G.B, _F.MISSING_PARTS)),
    Scenario("approve", _Want(category="footwear"), Inspect(_G.B, _F.WRONG_ITEM)),
    Scenario("pending", _Want(), Inspect(_G.B, _F.NO_FAULT)),
    Scenario("claim_1", _Want()),
    Scenario("reject", _Want(category="beauty"), Inspect(_G.B, _F.NO_FAULT)),
    Scenario("reopen", _Want(resolution=_REFUND), Inspect(_G.A, _F.NO_FAULT)),
    Scenario("unexpected_pending", _Want(market="US"), Inspect(_G.B, _F.NO_FAULT)),
    Scenario("final", _Want(category="apparel", resolution=_EXCHANGE),
              Inspect(_G.B, _F.NOT_AS_DESCRIBED)),
    Scenario("final", _Want(market="JP", resolution=_EXCHANGE), Inspect(_G.D, _F.DEFECT)),
    Scenario("final", _Want(carrier="DHL", resolution=_REFUND), Inspect(_G.X, _F.TRANSIT_DAMAGE)),
    Scenario("final", _Want(market="CN", resolution=_REFUND), Inspect(_G.A, _F.NO_FAULT)),
    Scenario("final", _Want(category="sports", resolution=_REFUND), Inspect(_G.A, _F.NO_FAULT)),
    # Decided after a supervisor's approval.
    Scenario("approve", _Want(), Inspect(_G.B, _F.NO_FAULT)),
    Scenario("approve", _Want(), Inspect(_G.C, _F.CUSTOMER_DAMAGE)),
    Scenario("approve", _Want(), Inspect(_G.D, _F.CUSTOMER_DAMAGE)),
    Scenario("approve", _Want(), Inspect(_G.X, _F.CUSTOMER_DAMAGE)),
    Scenario("approve", _Want(price="high", resolution=_REFUND), Inspect(_G.A, _F.NO_FAULT)),
    Scenario("approve", _Want(window="exceeded"), Inspect(_G.A, _F.NO_FAULT)),
    # 20 days after delivery: inside most markets' 30 days, outside Germany's 14.
    Scenario("approve", _Want(window="exceeded", market="DE"), Inspect(_G.B, _F.NO_FAULT)),
    Scenario("approve", _Want(market="KR", price="any"), Inspect(_G.A, _F.NO_FAULT)),
    Scenario("approve", _Want(window="unknown"), Inspect(_G.A, _F.NO_FAULT)),
    Scenario("approve", _Want(window="no_delivery", market="CN", price="high", resolution=_REFUND),
              Inspect(_G.C, _F.DEFECT)),
    Scenario("approve", _Want(), Inspect(
        _G.C, _F.NO_FAULT, Headline.REFUND,
        "Goodwill: long-standing customer, first return in three years")),
    Scenario("approve", _Want(category="beauty"), Inspect(_G.A, _F.MISSING_PARTS)),
    Scenario("unexpected_approve", _Want(market="DE"), Inspect(_G.C, _F.DEFECT)),
    # Waiting for a supervisor.
    Scenario("pending", _Want(category="electronics"), Inspect(_G.A, _F.WRONG_ITEM)),
    Scenario("pending", _Want(market="GB", price="high", resolution=_REFUND),
              Inspect(_G.A, _F.NO_FAULT)),
    Scenario("pending", _Want(), Inspect(
        _G.A, _F.NO_FAULT, Headline.DISPUTE,
        "Customer has returned this SKU four times this month")),
    Scenario("pending", _Want(window="unknown"), Inspect(_G.B, _F.DEFECT)),
    Scenario("pending", _Want(market="MX", price="any"), Inspect(_G.C, _F.TRANSIT_DAMAGE)),
    Scenario("pending", _Want(market="FR"), Inspect(_G.D, _F.NO_FAULT)),
    Scenario("pending", _Want(window="exceeded", market="CN"), Inspect(_G.B, _F.NO_FAULT)),
    # Back in inspection.
    Scenario("reject_redo", _Want(category="electronics"), Inspect(_G.C, _F.CUSTOMER_DAMAGE),
              Inspect(_G.C, _F.DEFECT)),
    Scenario("reopen_redo", _Want(category="home"), Inspect(_G.A, _F.NO_FAULT),
              Inspect(_G.C, _F.CUSTOMER_DAMAGE)),
    Scenario("reject", _Want(market="JP"), Inspect(_G.C, _F.CUSTOMER_DAMAGE)),
    # Claimed at a station and not submitted yet.
    Scenario("claim_2", _Want()),
    Scenario("claim_1", _Want(market="CN")),
    Scenario("claim_2", _Want(category="garden")),
    Scenario("claim_local", _Want()),
)  # fmt: skip


REJECT_COMMENTS = (
    "Photos do not show the hygiene seal; check it and take a close-up.",
    "The crack runs along the moulding seam: that is a manufacturing fault, not a drop. "
    "Please re-check the finding.",
    "请补拍外包装破损处的照片。",
)


REOPEN_REASONS = (
    "Customer sent proof the item was faulty on arrival; re-inspect.",
    "Restock team found damage under the sleeve; re-grade.",
)


def local_price(product: DemoProduct, market: Market) -> Decimal:
    """A believable shelf price: .99 endings, whole hundreds of yen and won."""
    raw = product.usd * market.rate
    digits = minor_digits(market.currency)
    if digits == 0:
        step = Decimal(1000) if raw >= 10000 else Decimal(100)
        price = (raw / step).to_integral_value(rounding=ROUND_FLOOR) * step - step / 10 * 2
        return round_money(max(price, step), market.currency)
    price = raw.to_integral_value(rounding=ROUND_FLOOR) + Decimal("0.99")
    return round_money(price, market.currency)


def _threshold(policy: Policy, currency: str) -> Decimal | None:
    return policy.approval_threshold.get(currency)


def _price_fits(policy: Policy, want: str, price: Decimal, currency: str) -> bool:
    threshold = _threshold(policy, currency)
    if want == "any":
        return True
    if threshold is None:
        return False
    return price < threshold if want == "low" else price >= threshold


def tracking(rng: random.Random, carrier: str) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(20))
    if carrier == "UPS":
        return "1Z" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(16))
    if carrier == "USPS":
        return "9400" + digits[:18]
    if carrier in ("Royal Mail", "Colissimo", "Correos", "Poste Italiane", "Japan Post"):
        return f"RR{digits[:9]}{rng.choice(['GB', 'FR', 'ES', 'IT', 'JP'])}"
    if carrier == "SF Express":
        return "SF" + digits[:13]
    if carrier == "DHL":
        return digits[:10]
    return digits[:12]


@dataclass
class Planned:
    rma: Rma
    market: Market
    scenario: Scenario | None = None
    extra: bool = False  # decided as part of the ordinary day's work


def _dates(
    rng: random.Random, policy: Policy, market: str, window: str, today: date
) -> tuple[date | None, date | None, date]:
    """Order, delivery and request dates for a return whose window is ``window``."""
    limit = policy.window_days(market)
    if window == "unknown":
        return None, None, today - timedelta(days=rng.randint(1, 6))
    if window == "exceeded":
        extra = rng.randint(15, 25) - limit if market == "DE" else rng.randint(2, 20)
        extra = max(extra, 1)
        transit = rng.randint(2, 6)
        earliest = transit + limit + extra + 1
        order = today - timedelta(days=rng.randint(max(earliest, 10), max(earliest, 90)))
        delivery = order + timedelta(days=transit)
        return order, delivery, delivery + timedelta(days=limit + extra)
    order = today - timedelta(days=rng.randint(10, 90))
    if window == "no_delivery":
        estimated = order + timedelta(days=policy.transit_allowance_days)
        room = min(limit - 1, (today - estimated).days - 1)
        return order, None, estimated + timedelta(days=rng.randint(0, max(room, 0)))
    delivery = order + timedelta(days=rng.randint(2, 8))
    room = min(limit - 1, (today - delivery).days - 1)
    return order, delivery, delivery + timedelta(days=rng.randint(0, max(room, 0)))


def _reason(rng: random.Random, market: Market, kind: str) -> str:
    texts = REASONS[kind]
    local = texts.get(market.lang)
    # Half the customers write in their own language, when we have words for it.
    if local and rng.random() < 0.5:
        return rng.choice(local)
    return rng.choice(texts["en"])


def pick_market(rng: random.Random, policy: Policy, want: _Want) -> Market:
    candidates = [
        m
        for m in MARKETS
        if (want.market is None or m.code == want.market)
        and (want.carrier is None or want.carrier in m.carriers)
        and (want.price == "any" or _threshold(policy, m.currency) is not None)
    ]
    if not candidates:
        candidates = list(MARKETS)
    return rng.choices(candidates, weights=[m.weight for m in candidates])[0]


def pick_product(
    rng: random.Random, policy: Policy, market: Market, want: _Want | None
) -> DemoProduct:
    candidates = list(PRODUCTS)
    if want is not None:
        fitting = [
            p
            for p in candidates
            if (want.category is None or p.category == want.category)
            and _price_fits(policy, want.price, local_price(p, market), market.currency)
        ]
        candidates = fitting or [p for p in candidates if p.category == want.category] or candidates
    return rng.choice(candidates)


def _plan_rma(
    rng: random.Random,
    policy: Policy,
    today: date,
    scenario: Scenario | None,
    order_ids: set[str],
    created_at: datetime,
) -> Planned:
    want = scenario.want if scenario is not None else None
    if want is None:
        market = rng.choices(MARKETS, weights=[m.weight for m in MARKETS])[0]
        window = rng.choices(
            ("holds", "no_delivery", "exceeded", "unknown"), weights=(80, 10, 7, 3)
        )[0]
    else:
        market = pick_market(rng, policy, want)
        window = want.window
    carrier = want.carrier if want and want.carrier else rng.choice(market.carriers)
    order_date, delivery_date, request_date = _dates(rng, policy, market.code, window, today)

    first = pick_product(rng, policy, market, want)
    products = [first]
    # Scenario RMAs stay single-line and mostly single-unit, so that the unit the scenario
    # is about is unit 1 and its price is the one the scenario chose.
    extra_lines = 0 if want else rng.choices((0, 1, 2), weights=(80, 17, 3))[0]
    for _ in range(extra_lines):
        other = rng.choice([p for p in PRODUCTS if p not in products])
        products.append(other)
    lines = [
        RmaLine(
            line_no=number,
            sku=product.sku,
            product_name=product.name(market.lang),
            category=product.category,
            supplier=product.supplier,
            unit_price=local_price(product, market),
            quantity=rng.choices((1, 2, 3), weights=(72, 20, 8))[0],
        )
        for number, product in enumerate(products, start=1)
    ]
    if want is not None and rng.random() < 0.7:
        lines[0].quantity = 1

    if want is not None and want.resolution is not None:
        resolution = want.resolution
    elif first.category in ("apparel", "footwear"):
        resolution = rng.choices((_EXCHANGE, _REFUND), weights=(40, 60))[0]
    else:
        resolution = rng.choices((_EXCHANGE, _REFUND), weights=(15, 85))[0]
    if scenario is not None and scenario.first is not None and rng.random() < 0.6:
        kind = rng.choice(REASON_FOR_FINDING[scenario.first.finding])
    elif first.category in ("apparel", "footwear") and rng.random() < 0.5:
        kind = "size"
    else:
        kind = rng.choices(tuple(REASONS), weights=(35, 20, 12, 10, 8, 10, 5))[0]

    while True:
        order_id = f"DEMO-ORD-{market.code}-{rng.randint(1_000_000, 9_999_999)}"
        if order_id not in order_ids:
            order_ids.add(order_id)
            break
    rma = Rma(
        code="",  # numbered once all are planned, in request order
        order_id=order_id,
        customer=rng.choice(market.customers),
        market=market.code,
        currency=market.currency,
        order_date=order_date,
        delivery_date=delivery_date,
        request_date=request_date,
        requested_resolution=resolution,
        stated_reason=_reason(rng, market, kind),
        carrier=carrier,
        tracking=tracking(rng, carrier),
        source=RmaSource.DEMO,
        source_name=DEMO_SOURCE_NAME,
        lines=lines,
        created_at=created_at,
    )
    return Planned(rma, market, scenario)


def plan(
    rng: random.Random, policy: Policy, today: date, count: int, created_at: datetime
) -> tuple[list[Planned], list[Scenario]]:
    """All demo RMAs, numbered by request date (oldest first, as a manifest would be)."""
    chosen = list(_SCENARIOS[:count])
    with_rma = [s for s in chosen if not s.flow.startswith("unexpected")]
    unexpected = [s for s in chosen if s.flow.startswith("unexpected")]
    order_ids: set[str] = set()
    planned = [_plan_rma(rng, policy, today, s, order_ids, created_at) for s in with_rma]
    fillers = [
        _plan_rma(rng, policy, today, None, order_ids, created_at)
        for _ in range(count - len(with_rma))
    ]
    # The ordinary day's work: whole RMAs decided, the older requests first.
    for item in sorted(fillers, key=lambda p: p.rma.request_date or today)[: count // 8]:
        item.extra = True
    planned.extend(fillers)
    planned.sort(key=lambda p: (p.rma.request_date or today, p.rma.order_id))
    for number, item in enumerate(planned, start=1):
        item.rma.code = f"{DEMO_SERIES}{number:06d}"
        item.rma.build_units()
    return planned, unexpected
