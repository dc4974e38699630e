"""Demo data for ``qc-station demo`` (SPEC §6, §11): users, a product catalog, a few hundred
RMAs from many markets, inspections with synthetic photos and decisions in every state.

Everything is marked as demo, so nobody mistakes it for real returns:

- RMA codes start with ``DEMO-`` (``DEMO-2026-000001``), order ids with ``DEMO-ORD-``, SKUs
  with ``DEMO-``; the RMAs' source is ``RmaSource.DEMO`` with the source name "demo data";
- users are ``demo-inspector``, ``demo-inspector2``, ``demo-supervisor``,
  ``demo-supervisor2`` and ``demo-admin``, their full names end in "(demo)", and they share
  the documented password ``DEMO_PASSWORD``;
- unexpected returns get their codes from the service (``UNX-…``, by design) and say
  "(demo)" in their customer and stated reason;
- every photo has "DEMO" in its top-left corner.

Only the intake is written here directly (catalog and RMAs, in one transaction with one audit
event, as the manifest import does). Every later change goes through the real services
(``claim_unit``, ``submit_inspection``, ``approve``, ``reject``, ``reopen``,
``create_unexpected_return``, ``add_user``), so the audit chain, the decisions and the
deadlines are the ones the product itself makes.

The services run on a copy of the context whose clock walks from a few days ago up to now,
so decision times, approvals and refund deadlines spread over days (some overdue, as on a
real floor) instead of all sharing one instant. The walk starts no earlier than the newest
audit event, so audit times never go backwards, and it never passes the real clock.

Loading is deterministic given the seed and today's date (the unexpected returns' codes and
the services' own ids aside). It happens only into an empty database, with no users and no
RMAs (SPEC §6): anywhere else the demo users' published password would open a real site, so
the load is refused. ``demo-admin`` is then the site's first admin (the setup step), and acts
for the demo from there on: once a user exists, ``system`` may not act.

This is composition-level code like the command line: it may use the OpenCV adapter to draw
and stamp the photos, which a service may not.
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_FLOOR, Decimal

import cv2
import numpy as np
import numpy.typing as npt

from qc_station.adapters.images import prepare_photo
from qc_station.domain.decision import required_photos
from qc_station.domain.enums import (
    ChecklistAnswer,
    Finding,
    Grade,
    Headline,
    RequestedResolution,
    RmaSource,
    Role,
    UnitState,
)
from qc_station.domain.errors import Conflict
from qc_station.domain.model import DecisionStatus, Product, Rma, RmaLine
from qc_station.domain.money import minor_digits, round_money
from qc_station.domain.policy import Policy
from qc_station.services import approval, audit, inspection, returns, users
from qc_station.services.context import Actor, ServiceContext
from qc_station.services.inspection import InspectionDraft, PhotoInput
from qc_station.services.views import DecisionView

log = logging.getLogger(__name__)

#: The one password all demo users share; printed by ``qc-station demo``.
DEMO_PASSWORD = "demo-password-2026"
DEMO_BADGE = "DEMO-BADGE-0001"
DEMO_PIN = "2026"
DEMO_PREFIX = "DEMO-"
#: A fixed series, not the current year: a second run in another year must still find the
#: first run's RMAs and add nothing.
DEMO_SERIES = "DEMO-2026-"
DEMO_SOURCE_NAME = "demo data"
DEFAULT_COUNT = 240
#: How far back the demo's clock starts (see the module docstring).
DEMO_SPAN = timedelta(days=4)

# The demo's own stations, so that claimed units show "being inspected at DEMO-ST-02".
STATION_1 = "DEMO-ST-01"
STATION_2 = "DEMO-ST-02"
DESK = "DEMO-DESK"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: Role
    full_name: str
    station: str
    badge: str | None = None
    pin: str | None = None


#: demo-admin comes first: on an empty database it is the setup step's first admin.
DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("demo-admin", Role.ADMIN, "Dana Admin (demo)", DESK),
    DemoUser(
        "demo-inspector", Role.INSPECTOR, "李伟 Li Wei (demo)", STATION_1, DEMO_BADGE, DEMO_PIN
    ),
    DemoUser("demo-inspector2", Role.INSPECTOR, "Zoë Martin (demo)", STATION_2),
    DemoUser("demo-supervisor", Role.SUPERVISOR, "Sofía García (demo)", DESK),
    DemoUser("demo-supervisor2", Role.SUPERVISOR, "王强 Wang Qiang (demo)", DESK),
)


@dataclass(frozen=True)
class DemoSummary:
    """What ``load_demo`` did; ``str()`` is the short text the command line prints."""

    seed: int
    rmas: int = 0
    units: int = 0
    unexpected: int = 0
    products: int = 0
    users_added: tuple[str, ...] = ()
    states: tuple[tuple[str, int], ...] = ()
    inspections: int = 0
    approvals: int = 0
    photos: int = 0
    first_code: str = ""
    last_code: str = ""
    seconds: float = 0.0

    def state_count(self, state: UnitState) -> int:
        return dict(self.states).get(state.value, 0)

    def __str__(self) -> str:
        states = ", ".join(f"{count} {name}" for name, count in self.states)
        head = [
            f"demo data loaded in {self.seconds:.1f} s (seed {self.seed}):",
            f"  {self.rmas} RMAs {self.first_code} … {self.last_code} and "
            f"{self.unexpected} unexpected returns, {self.units} units ({states})",
            f"  {self.inspections} inspections, {self.approvals} supervisor approvals or "
            f"rejections, {self.photos} photos, {self.products} catalog products",
        ]
        width = max(len(u.username) for u in DEMO_USERS)
        lines = [*head, f'demo users (password "{DEMO_PASSWORD}"):']
        for user in DEMO_USERS:
            extra = f", badge {user.badge} with PIN {user.pin}" if user.badge else ""
            name = f"{user.username:<{width}}"
            lines.append(f"  {name}  {user.role.value:<10}  {user.full_name}{extra}")
        lines.append(
            "demo users share a published password: deactivate them before real work starts"
        )
        return "\n".join(lines)


# --- the world the demo takes place in ------------------------------------------------------


@dataclass(frozen=True)
class _Market:
    code: str
    currency: str
    rate: Decimal  # local currency per US dollar, roughly: prices only need to look right
    lang: str
    weight: int
    carriers: tuple[str, ...]
    customers: tuple[str, ...]


_MARKETS: tuple[_Market, ...] = (
    _Market("US", "USD", Decimal(1), "en", 22, ("UPS", "FedEx", "USPS"),
            ("Emily Johnson", "Marcus O'Neill", "Aaliyah Washington", "José Álvarez",
             "Chloé Nguyen", "Brandon Miller")),
    _Market("GB", "GBP", Decimal("0.79"), "en", 10, ("Royal Mail", "DPD", "DHL"),
            ("Oliver Smith", "Siobhán Ó Briain", "Amelia Clarke", "Rhys Llewellyn")),
    _Market("DE", "EUR", Decimal("0.92"), "de", 12, ("DHL", "DPD", "Hermes"),
            ("Zoë Müller", "Jürgen Groß", "Lena Schröder", "Ömer Yıldız")),
    _Market("FR", "EUR", Decimal("0.92"), "fr", 8, ("Colissimo", "Chronopost", "DPD"),
            ("François Dupré", "Élodie Lefèvre", "Hélène Garçon", "Benoît Côté")),
    _Market("ES", "EUR", Decimal("0.92"), "es", 6, ("Correos", "SEUR", "DHL"),
            ("José Álvarez", "Begoña Núñez", "Íñigo Martínez", "Lucía Peña")),
    _Market("IT", "EUR", Decimal("0.92"), "it", 5, ("Poste Italiane", "BRT", "DHL"),
            ("Niccolò Rossi", "Giulia Bianchi", "Mattia Esposito")),
    _Market("JP", "JPY", Decimal(150), "ja", 7, ("Yamato", "Sagawa", "Japan Post"),
            ("佐藤 健", "鈴木 花子", "高橋 翔太")),
    _Market("CN", "CNY", Decimal("7.2"), "zh", 10, ("SF Express", "ZTO Express", "JD Logistics"),
            ("张伟", "李娜", "王芳", "刘洋", "陈静")),
    _Market("KR", "KRW", Decimal(1350), "ko", 4, ("CJ Logistics", "Hanjin"),
            ("김민준", "이서연", "박지훈")),
    _Market("CA", "CAD", Decimal("1.37"), "en", 5, ("Canada Post", "Purolator", "UPS"),
            ("Émilie Tremblay", "Liam Wilson", "Gabriel Côté")),
    _Market("AU", "AUD", Decimal("1.52"), "en", 4, ("Australia Post", "StarTrack"),
            ("Jack Thompson", "Charlotte Nguyen", "Mia Papadopoulos")),
    _Market("MX", "MXN", Decimal("17.5"), "es", 4, ("Estafeta", "DHL", "FedEx"),
            ("María José Hernández", "Andrés Muñoz", "Ximena Ortíz")),
    _Market("PL", "PLN", Decimal("4.0"), "pl", 2, ("InPost", "DPD"),
            ("Łucja Wiśniewska", "Paweł Kowalski", "Zofia Wójcik")),
    _Market("DK", "DKK", Decimal("6.9"), "da", 2, ("PostNord", "GLS"),
            ("Søren Kierkegård", "Astrid Sørensen", "Mads Østergaard")),
)  # fmt: skip


@dataclass(frozen=True)
class _Product:
    sku: str
    category: str
    supplier: str
    usd: Decimal
    names: dict[str, str]  # by language; "en" always present
    units_sold: int

    def name(self, lang: str) -> str:
        return self.names.get(lang, self.names["en"])

    def catalog_name(self) -> str:
        zh = self.names.get("zh")
        return f"{zh} {self.names['en']}" if zh else self.names["en"]


def _p(sku: str, category: str, supplier: str, usd: str, sold: int, **names: str) -> _Product:
    return _Product(sku, category, supplier, Decimal(usd), names, sold)


_AUDIO = "Shenzhen Audio Tech Co., Ltd."
_POWER = "Shenzhen PowerTech Co., Ltd."
_APPAREL = "Guangzhou Apparel Ltd."
_SHOES = "Dongguan Footwear Co."
_HOME = "Ningbo HomeWare 宁波家居"
_KITCHEN = "Bavaria Küchen GmbH"
_ATELIER = "Atelier Lumière SARL"
_BEAUTY = "Hangzhou Beauty Labs"
_TOYS = "Yiwu Toys Factory 义乌玩具厂"
_OUTDOOR = "Nordic Outdoor AB"

# "garden" and "sports" are not in the policy's checklists on purpose: they use the default.
_PRODUCTS: tuple[_Product, ...] = (
    _p("DEMO-EL-001", "electronics", _AUDIO, "49.99", 2400, en="Wireless Bluetooth earbuds",
       zh="无线蓝牙耳机", fr="Écouteurs sans fil", de="Kabellose Ohrhörer",
       ja="ワイヤレスイヤホン"),
    _p("DEMO-EL-002", "electronics", _AUDIO, "229.00", 900, en="Noise-cancelling headphones",
       zh="降噪头戴式耳机", fr="Casque à réduction de bruit",
       de="Kopfhörer mit Geräuschunterdrückung"),
    # Sold in small numbers and returned often: the dashboard flags it (> 10 %).
    _p("DEMO-EL-003", "electronics", _POWER, "35.99", 70, en="USB-C charger 65 W",
       zh="65W 氮化镓充电器", de="USB-C-Ladegerät 65 W"),
    _p("DEMO-EL-004", "electronics", _POWER, "159.00", 1100, en="Smart watch",
       zh="智能手表", es="Reloj inteligente"),
    _p("DEMO-EL-005", "electronics", _AUDIO, "279.00", 500, en="4K action camera",
       zh="4K 运动相机", ja="4Kアクションカメラ"),
    _p("DEMO-AP-001", "apparel", _APPAREL, "89.00", 1500, en="Merino wool sweater",
       zh="美利奴羊毛衫", fr="Pull en laine mérinos", de="Merinowollpullover"),
    _p("DEMO-AP-002", "apparel", _APPAREL, "149.00", 800, en="Down jacket", zh="羽绒服",
       it="Piumino"),
    _p("DEMO-AP-003", "apparel", _ATELIER, "39.90", 1300, en="Linen shirt",
       fr="Chemise en lin", es="Camisa de lino"),
    _p("DEMO-AP-004", "apparel", _APPAREL, "29.99", 2200, en="Yoga leggings", zh="瑜伽裤"),
    _p("DEMO-FW-001", "footwear", _SHOES, "119.00", 1000, en="Running shoes", zh="跑步鞋",
       de="Laufschuhe", es="Zapatillas de running"),
    _p("DEMO-FW-002", "footwear", _SHOES, "169.00", 600, en="Leather Chelsea boots",
       es="Botines Chelsea de piel", fr="Bottines Chelsea en cuir"),
    _p("DEMO-FW-003", "footwear", _SHOES, "24.99", 1800, en="Kids' sandals", zh="儿童凉鞋"),
    _p("DEMO-HM-001", "home", _HOME, "24.99", 3000, en="Stainless steel vacuum flask",
       zh="不锈钢保温杯", ja="ステンレス保温ボトル"),
    _p("DEMO-HM-002", "home", _KITCHEN, "79.00", 700, en="Burr coffee grinder",
       de="Kaffeemühle", it="Macinacaffè", zh="咖啡磨豆机"),
    _p("DEMO-HM-003", "home", _ATELIER, "119.00", 400, en="Cast-iron casserole",
       fr="Cocotte en fonte"),
    _p("DEMO-HM-004", "home", _HOME, "64.00", 900, en="Ceramic dinner set (12 pcs)",
       zh="陶瓷餐具套装（12件）"),
    _p("DEMO-HM-005", "home", _HOME, "32.50", 1600, en="LED desk lamp", zh="LED 护眼台灯"),
    _p("DEMO-BT-001", "beauty", _BEAUTY, "28.00", 2600, en="Vitamin C serum", zh="维C精华液",
       fr="Sérum à la vitamine C"),
    _p("DEMO-BT-002", "beauty", _ATELIER, "95.00", 500, en="Eau de parfum 50 ml",
       fr="Eau de parfum 50 ml"),
    _p("DEMO-BT-003", "beauty", _BEAUTY, "19.99", 2000, en="Sheet mask set", zh="面膜套装",
       ko="시트 마스크 세트"),
    _p("DEMO-TY-001", "toys", _TOYS, "59.99", 1200, en="Building blocks set (1000 pcs)",
       zh="积木套装（1000块）", de="Bausteine-Set (1000 Teile)"),
    _p("DEMO-TY-002", "toys", _TOYS, "45.00", 900, en="Remote-control car", zh="遥控赛车"),
    _p("DEMO-TY-003", "toys", _TOYS, "18.50", 1700, en="Plush panda", zh="毛绒熊猫"),
    _p("DEMO-GD-001", "garden", _OUTDOOR, "39.00", 600, en="Garden hose 30 m",
       de="Gartenschlauch 30 m", da="Haveslange 30 m"),
    _p("DEMO-SP-001", "sports", _OUTDOOR, "34.00", 1400, en="Yoga mat", zh="瑜伽垫",
       es="Esterilla de yoga", pl="Mata do jogi"),
    _p("DEMO-SP-002", "sports", _OUTDOOR, "189.00", 300, en="Camping tent (2 person)",
       zh="双人露营帐篷", fr="Tente de camping 2 places"),
)  # fmt: skip

# Stated reasons, by kind and language; the finding may well differ (that is the point of
# the "stated vs found" chart).
_REASONS: dict[str, dict[str, tuple[str, ...]]] = {
    "mind": {"en": ("changed my mind", "no longer needed", "ordered by mistake"),
             "zh": ("不想要了", "拍错了"), "de": ("Gefällt mir nicht",),
             "fr": ("Je n'en ai plus besoin",), "es": ("Ya no lo necesito",),
             "ja": ("イメージと違った",)},
    "defective": {"en": ("defective", "stopped working after two days", "does not turn on"),
                  "zh": ("质量问题", "无法开机"), "de": ("defekt",), "fr": ("Ne fonctionne pas",),
                  "es": ("Producto defectuoso",)},
    "damaged": {"en": ("arrived damaged", "box crushed, item broken"),
                "zh": ("收到时已损坏",), "fr": ("Colis endommagé",),
                "de": ("Beschädigt angekommen",), "it": ("Arrivato danneggiato",)},
    "nad": {"en": ("not as described", "colour differs from the photos"),
            "zh": ("与描述不符",), "fr": ("Ne correspond pas à la description",),
            "pl": ("Niezgodny z opisem",)},
    "size": {"en": ("wrong size", "too small", "too big"), "zh": ("尺码不合适",),
             "de": ("Zu klein",), "es": ("Talla incorrecta",), "da": ("Forkert størrelse",)},
    "missing": {"en": ("missing parts", "charger missing from the box"), "zh": ("缺少配件",),
                "ko": ("구성품 누락",)},
    "wrong": {"en": ("received the wrong item",), "zh": ("发错货了",), "ja": ("違う商品が届いた",)},
}  # fmt: skip

_REASON_FOR_FINDING: dict[Finding, tuple[str, ...]] = {
    Finding.NO_FAULT: ("mind", "size"),
    Finding.DEFECT: ("defective",),
    Finding.TRANSIT_DAMAGE: ("damaged",),
    Finding.NOT_AS_DESCRIBED: ("nad", "size"),
    Finding.CUSTOMER_DAMAGE: ("defective", "damaged"),
    Finding.MISSING_PARTS: ("missing",),
    Finding.WRONG_ITEM: ("defective", "mind"),
}

_NOTES: dict[Finding, tuple[str, ...]] = {
    Finding.NO_FAULT: ("Unopened, shrink-wrap intact.", "Opened, complete, no signs of use.",
                       "外包装已拆，配件齐全，无使用痕迹。"),
    Finding.DEFECT: ("Does not power on with a known-good charger.",
                     "Seam came apart on first use.", "开机后立即断电，疑似电池故障。"),
    Finding.TRANSIT_DAMAGE: ("Outer carton crushed on one corner; item dented underneath.",
                             "外箱破损，内件有压痕。"),
    Finding.NOT_AS_DESCRIBED: ("Colour is navy, listing shows black.",
                               "Size label says M, measures like S."),
    Finding.CUSTOMER_DAMAGE: ("Deep scratches and a cracked corner; packaging undamaged.",
                              "有明显摔痕，外包装完好。"),
    Finding.MISSING_PARTS: ("Charging cable and manual missing.", "缺少说明书和配件包。"),
    Finding.WRONG_ITEM: ("Box contains a different, older model.",
                         "Serial does not match the order.", "包装内为其他商品。"),
}  # fmt: skip

# Checklist items (by key, across categories) that fail for a finding.
_FAILS: dict[Finding, tuple[str, ...]] = {
    Finding.DEFECT: ("powers_on", "no_leakage", "no_stains_or_tears", "no_breakage",
                     "safety_intact"),
    Finding.TRANSIT_DAMAGE: ("screen_intact", "box_intact", "no_breakage", "no_leakage",
                             "safety_intact", "packaging_ok"),
    Finding.CUSTOMER_DAMAGE: ("screen_intact", "no_liquid_damage", "unworn", "no_stains_or_tears",
                              "soles_clean", "no_creases", "no_breakage", "seal_intact",
                              "safety_intact"),
    Finding.MISSING_PARTS: ("accessories_present", "all_parts_present", "all_pieces_present",
                            "complete", "pair_matches"),
    Finding.WRONG_ITEM: ("serial_matches", "item_matches", "size_matches"),
    Finding.NOT_AS_DESCRIBED: ("size_matches", "item_matches"),
    Finding.NO_FAULT: (),
}  # fmt: skip
# A used (grade C or worse) item with no fault still shows its use.
_USED_FAILS = ("unworn", "soles_clean", "no_creases", "assembly_unused", "seal_intact")

# For the dashboard: one carrier handles parcels roughly, one supplier ships more defects.
_ROUGH_CARRIERS = frozenset({"Hermes", "ZTO Express"})
_WEAK_SUPPLIER = _POWER


# --- scenarios: what happens to which unit -------------------------------------------------


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
class _Inspect:
    grade: Grade
    finding: Finding
    override: Headline | None = None
    override_reason: str = ""


@dataclass(frozen=True)
class _Scenario:
    flow: str
    want: _Want = _Want()
    first: _Inspect | None = None
    second: _Inspect | None = None  # after a rejection or a reopening


_G, _F = Grade, Finding
_EXCHANGE = RequestedResolution.EXCHANGE
_REFUND = RequestedResolution.REFUND

# Ordered by how much each shows, so that a small ``count`` still shows the most.
_SCENARIOS: tuple[_Scenario, ...] = (
    # Decided with no approval needed.
    _Scenario("final", _Want(resolution=_REFUND), _Inspect(_G.A, _F.NO_FAULT)),
    _Scenario("final", _Want(category="electronics", resolution=_REFUND),
              _Inspect(_G.B, _F.DEFECT)),
    _Scenario("final", _Want(resolution=_REFUND), _Inspect(_G.C, _F.TRANSIT_DAMAGE)),
    _Scenario("approve", _Want(category="toys"), _Inspect(_G.B, _F.MISSING_PARTS)),
    _Scenario("approve", _Want(category="footwear"), _Inspect(_G.B, _F.WRONG_ITEM)),
    _Scenario("pending", _Want(), _Inspect(_G.B, _F.NO_FAULT)),
    _Scenario("claim_1", _Want()),
    _Scenario("reject", _Want(category="beauty"), _Inspect(_G.B, _F.NO_FAULT)),
    _Scenario("reopen", _Want(resolution=_REFUND), _Inspect(_G.A, _F.NO_FAULT)),
    _Scenario("unexpected_pending", _Want(market="US"), _Inspect(_G.B, _F.NO_FAULT)),
    _Scenario("final", _Want(category="apparel", resolution=_EXCHANGE),
              _Inspect(_G.B, _F.NOT_AS_DESCRIBED)),
    _Scenario("final", _Want(market="JP", resolution=_EXCHANGE), _Inspect(_G.D, _F.DEFECT)),
    _Scenario("final", _Want(carrier="DHL", resolution=_REFUND), _Inspect(_G.X, _F.TRANSIT_DAMAGE)),
    _Scenario("final", _Want(market="CN", resolution=_REFUND), _Inspect(_G.A, _F.NO_FAULT)),
    _Scenario("final", _Want(category="sports", resolution=_REFUND), _Inspect(_G.A, _F.NO_FAULT)),
    # Decided after a supervisor's approval.
    _Scenario("approve", _Want(), _Inspect(_G.B, _F.NO_FAULT)),
    _Scenario("approve", _Want(), _Inspect(_G.C, _F.CUSTOMER_DAMAGE)),
    _Scenario("approve", _Want(), _Inspect(_G.D, _F.CUSTOMER_DAMAGE)),
    _Scenario("approve", _Want(), _Inspect(_G.X, _F.CUSTOMER_DAMAGE)),
    _Scenario("approve", _Want(price="high", resolution=_REFUND), _Inspect(_G.A, _F.NO_FAULT)),
    _Scenario("approve", _Want(window="exceeded"), _Inspect(_G.A, _F.NO_FAULT)),
    # 20 days after delivery: inside most markets' 30 days, outside Germany's 14.
    _Scenario("approve", _Want(window="exceeded", market="DE"), _Inspect(_G.B, _F.NO_FAULT)),
    _Scenario("approve", _Want(market="KR", price="any"), _Inspect(_G.A, _F.NO_FAULT)),
    _Scenario("approve", _Want(window="unknown"), _Inspect(_G.A, _F.NO_FAULT)),
    _Scenario("approve", _Want(window="no_delivery", market="CN", price="high", resolution=_REFUND),
              _Inspect(_G.C, _F.DEFECT)),
    _Scenario("approve", _Want(), _Inspect(
        _G.C, _F.NO_FAULT, Headline.REFUND,
        "Goodwill: long-standing customer, first return in three years")),
    _Scenario("approve", _Want(category="beauty"), _Inspect(_G.A, _F.MISSING_PARTS)),
    _Scenario("unexpected_approve", _Want(market="DE"), _Inspect(_G.C, _F.DEFECT)),
    # Waiting for a supervisor.
    _Scenario("pending", _Want(category="electronics"), _Inspect(_G.A, _F.WRONG_ITEM)),
    _Scenario("pending", _Want(market="GB", price="high", resolution=_REFUND),
              _Inspect(_G.A, _F.NO_FAULT)),
    _Scenario("pending", _Want(), _Inspect(
        _G.A, _F.NO_FAULT, Headline.DISPUTE,
        "Customer has returned this SKU four times this month")),
    _Scenario("pending", _Want(window="unknown"), _Inspect(_G.B, _F.DEFECT)),
    _Scenario("pending", _Want(market="MX", price="any"), _Inspect(_G.C, _F.TRANSIT_DAMAGE)),
    _Scenario("pending", _Want(market="FR"), _Inspect(_G.D, _F.NO_FAULT)),
    _Scenario("pending", _Want(window="exceeded", market="CN"), _Inspect(_G.B, _F.NO_FAULT)),
    # Back in inspection.
    _Scenario("reject_redo", _Want(category="electronics"), _Inspect(_G.C, _F.CUSTOMER_DAMAGE),
              _Inspect(_G.C, _F.DEFECT)),
    _Scenario("reopen_redo", _Want(category="home"), _Inspect(_G.A, _F.NO_FAULT),
              _Inspect(_G.C, _F.CUSTOMER_DAMAGE)),
    _Scenario("reject", _Want(market="JP"), _Inspect(_G.C, _F.CUSTOMER_DAMAGE)),
    # Claimed at a station and not submitted yet.
    _Scenario("claim_2", _Want()),
    _Scenario("claim_1", _Want(market="CN")),
    _Scenario("claim_2", _Want(category="garden")),
    _Scenario("claim_local", _Want()),
)  # fmt: skip

_REJECT_COMMENTS = (
    "Photos do not show the hygiene seal; check it and take a close-up.",
    "The crack runs along the moulding seam: that is a manufacturing fault, not a drop. "
    "Please re-check the finding.",
    "请补拍外包装破损处的照片。",
)
_REOPEN_REASONS = (
    "Customer sent proof the item was faulty on arrival; re-inspect.",
    "Restock team found damage under the sleeve; re-grade.",
)


# --- the clock ------------------------------------------------------------------------------


class _DemoClock:
    """A clock that walks forward from ``start`` and never passes ``end``."""

    def __init__(self, start: datetime, end: datetime) -> None:
        self._now = start
        self._end = end

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now = min(self._now + delta, self._end)


def _work_end(real_now: datetime) -> datetime:
    """Where the demo's work aims to end: a quarter of an hour before now, so that the newest
    claims look like work in progress rather than something happening this second."""
    return real_now - timedelta(minutes=15)


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


# --- building RMAs --------------------------------------------------------------------------


def _local_price(product: _Product, market: _Market) -> Decimal:
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


def _tracking(rng: random.Random, carrier: str) -> str:
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
class _Planned:
    rma: Rma
    market: _Market
    scenario: _Scenario | None = None
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


def _reason(rng: random.Random, market: _Market, kind: str) -> str:
    texts = _REASONS[kind]
    local = texts.get(market.lang)
    # Half the customers write in their own language, when we have words for it.
    if local and rng.random() < 0.5:
        return rng.choice(local)
    return rng.choice(texts["en"])


def _pick_market(rng: random.Random, policy: Policy, want: _Want) -> _Market:
    candidates = [
        m
        for m in _MARKETS
        if (want.market is None or m.code == want.market)
        and (want.carrier is None or want.carrier in m.carriers)
        and (want.price == "any" or _threshold(policy, m.currency) is not None)
    ]
    if not candidates:
        candidates = list(_MARKETS)
    return rng.choices(candidates, weights=[m.weight for m in candidates])[0]


def _pick_product(
    rng: random.Random, policy: Policy, market: _Market, want: _Want | None
) -> _Product:
    candidates = list(_PRODUCTS)
    if want is not None:
        fitting = [
            p
            for p in candidates
            if (want.category is None or p.category == want.category)
            and _price_fits(policy, want.price, _local_price(p, market), market.currency)
        ]
        candidates = fitting or [p for p in candidates if p.category == want.category] or candidates
    return rng.choice(candidates)


def _plan_rma(
    rng: random.Random,
    policy: Policy,
    today: date,
    scenario: _Scenario | None,
    order_ids: set[str],
    created_at: datetime,
) -> _Planned:
    want = scenario.want if scenario is not None else None
    if want is None:
        market = rng.choices(_MARKETS, weights=[m.weight for m in _MARKETS])[0]
        window = rng.choices(
            ("holds", "no_delivery", "exceeded", "unknown"), weights=(80, 10, 7, 3)
        )[0]
    else:
        market = _pick_market(rng, policy, want)
        window = want.window
    carrier = want.carrier if want and want.carrier else rng.choice(market.carriers)
    order_date, delivery_date, request_date = _dates(rng, policy, market.code, window, today)

    first = _pick_product(rng, policy, market, want)
    products = [first]
    # Scenario RMAs stay single-line and mostly single-unit, so that the unit the scenario
    # is about is unit 1 and its price is the one the scenario chose.
    extra_lines = 0 if want else rng.choices((0, 1, 2), weights=(80, 17, 3))[0]
    for _ in range(extra_lines):
        other = rng.choice([p for p in _PRODUCTS if p not in products])
        products.append(other)
    lines = [
        RmaLine(
            line_no=number,
            sku=product.sku,
            product_name=product.name(market.lang),
            category=product.category,
            supplier=product.supplier,
            unit_price=_local_price(product, market),
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
        kind = rng.choice(_REASON_FOR_FINDING[scenario.first.finding])
    elif first.category in ("apparel", "footwear") and rng.random() < 0.5:
        kind = "size"
    else:
        kind = rng.choices(tuple(_REASONS), weights=(35, 20, 12, 10, 8, 10, 5))[0]

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
        tracking=_tracking(rng, carrier),
        source=RmaSource.DEMO,
        source_name=DEMO_SOURCE_NAME,
        lines=lines,
        created_at=created_at,
    )
    return _Planned(rma, market, scenario)


def _plan(
    rng: random.Random, policy: Policy, today: date, count: int, created_at: datetime
) -> tuple[list[_Planned], list[_Scenario]]:
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


# --- inspecting -----------------------------------------------------------------------------


def _checklist(
    rng: random.Random, policy: Policy, category: str, grade: Grade, finding: Finding
) -> dict[str, ChecklistAnswer]:
    """Answers to every item of the category's checklist that tell the same story as the
    grade and finding: the required ones always, the optional ones mostly."""
    items = policy.checklist_for(category)
    keys = {item.key for item in items}
    failing = [k for k in _FAILS[finding] if k in keys]
    if finding == Finding.NO_FAULT and grade in (Grade.C, Grade.D, Grade.X):
        failing = [k for k in _USED_FAILS if k in keys]
    failing = failing[:2]
    answers: dict[str, ChecklistAnswer] = {}
    for item in items:
        if item.key in failing:
            answers[item.key] = ChecklistAnswer.FAIL
        elif not item.required and rng.random() < 0.25:
            answers[item.key] = ChecklistAnswer.NA
        else:
            answers[item.key] = ChecklistAnswer.PASS
    return answers


_Image = npt.NDArray[np.uint8]

_CATEGORY_COLOURS: dict[str, tuple[int, int, int]] = {  # BGR
    "electronics": (60, 60, 60),
    "apparel": (150, 90, 40),
    "footwear": (40, 70, 160),
    "home": (170, 170, 160),
    "beauty": (150, 110, 210),
    "toys": (40, 170, 230),
}


def _draw_product(image: _Image, category: str, cx: int, cy: int, s: float) -> tuple[int, int]:
    """Draw a simple stand-in for the product; returns a point on its surface for marks."""
    colour = _CATEGORY_COLOURS.get(category, (90, 140, 90))
    dark = tuple(int(c * 0.6) for c in colour)

    def pt(x: float, y: float) -> tuple[int, int]:
        return int(cx + x * s), int(cy + y * s)

    if category == "electronics":
        cv2.rectangle(image, pt(-110, -70), pt(110, 70), colour, -1)
        cv2.rectangle(image, pt(-95, -58), pt(95, 58), (120, 90, 40), -1)
        cv2.circle(image, pt(0, 62), max(2, int(4 * s)), (200, 200, 200), -1)
    elif category == "apparel":
        shirt = np.array(
            [pt(-60, -90), pt(-120, -50), pt(-95, -10), pt(-70, -25), pt(-70, 90),
             pt(70, 90), pt(70, -25), pt(95, -10), pt(120, -50), pt(60, -90), pt(0, -70)],
            dtype=np.int32,
        )  # fmt: skip
        cv2.fillPoly(image, [shirt], colour)
    elif category == "footwear":
        cv2.ellipse(image, pt(0, 40), (int(130 * s), int(30 * s)), 0, 0, 360, dark, -1)
        cv2.ellipse(image, pt(-40, 10), (int(80 * s), int(55 * s)), 0, 180, 360, colour, -1)
        cv2.rectangle(image, pt(-120, 10), pt(120, 40), colour, -1)
    elif category == "home":
        cv2.rectangle(image, pt(-60, -80), pt(60, 80), colour, -1)
        cv2.ellipse(image, pt(0, -80), (int(60 * s), int(16 * s)), 0, 0, 360, dark, -1)
        cv2.ellipse(image, pt(0, 80), (int(60 * s), int(16 * s)), 0, 0, 180, colour, -1)
    elif category == "beauty":
        cv2.rectangle(image, pt(-40, -40), pt(40, 90), colour, -1)
        cv2.rectangle(image, pt(-18, -80), pt(18, -40), dark, -1)
    elif category == "toys":
        for i, block in enumerate(((0, 0, 255), (0, 200, 0), (255, 120, 0), (0, 220, 255))):
            x, y = -90 + (i % 2) * 90, -60 + (i // 2) * 80
            cv2.rectangle(image, pt(x, y), pt(x + 80, y + 70), block, -1)
    else:  # a plain carton for anything else
        box = np.array([pt(-90, -40), pt(-40, -80), pt(110, -80), pt(60, -40)], dtype=np.int32)
        cv2.fillPoly(image, [box], dark)
        cv2.rectangle(image, pt(-90, -40), pt(60, 80), colour, -1)
        side = np.array([pt(60, -40), pt(110, -80), pt(110, 40), pt(60, 80)], dtype=np.int32)
        cv2.fillPoly(image, [side], tuple(int(c * 0.8) for c in colour))
    return pt(20, 0)


def _render_photo(
    rng: random.Random,
    size: tuple[int, int],
    category: str,
    finding: Finding,
    view: int,
    caption: str,
) -> bytes:
    """A synthetic product photo: background, product, damage marks, and "DEMO" in a corner."""
    width, height = size
    base = np.array([rng.randint(170, 235) for _ in range(3)], dtype=np.float32)
    shade = np.linspace(1.0, 0.8, height, dtype=np.float32)[:, None, None]
    image: _Image = np.ascontiguousarray((base[None, None, :] * shade).repeat(width, axis=1))
    image = image.astype(np.uint8)
    # A table top for the product to stand on.
    cv2.rectangle(image, (0, int(height * 0.64)), (width, height), (120, 130, 140), -1)
    scale = min(width, height) / 480 * (1.0 if view == 0 else 1.45)  # view 1 is a close-up
    cx = width // 2 + rng.randint(-width // 12, width // 12)
    cy = height // 2 + rng.randint(-height // 16, height // 16)
    drawn = "default" if finding == Finding.WRONG_ITEM and view == 0 else category
    mx, my = _draw_product(image, drawn, cx, cy, scale)
    s = max(scale, 0.2)
    if finding in (Finding.CUSTOMER_DAMAGE, Finding.DEFECT):
        for _ in range(3):  # scratches
            points = [(mx + rng.randint(-60, 60) * s, my + rng.randint(-40, 40) * s)]
            for _ in range(4):
                x, y = points[-1]
                points.append((x + rng.randint(8, 25) * s, y + rng.randint(-10, 10) * s))
            line = np.array(points, dtype=np.int32)
            cv2.polylines(image, [line], False, (235, 235, 245), max(1, int(2 * s)), cv2.LINE_AA)
    if finding == Finding.TRANSIT_DAMAGE:  # a dent with crease lines running out of it
        cv2.circle(image, (mx, my), int(26 * s), (30, 30, 30), -1)
        cv2.circle(image, (mx - int(6 * s), my - int(6 * s)), int(16 * s), (90, 90, 90), -1)
        for _ in range(4):
            end = (mx + int(rng.randint(-70, 70) * s), my + int(rng.randint(-50, 50) * s))
            cv2.line(image, (mx, my), end, (25, 25, 25), max(1, int(2 * s)), cv2.LINE_AA)
    if finding == Finding.MISSING_PARTS:  # the empty slot where a part should be
        x0, y0 = mx + int(90 * s), my - int(20 * s)
        for i in range(0, int(100 * s), max(4, int(12 * s))):
            cv2.line(image, (x0 + i, y0), (x0 + i + int(6 * s), y0), (0, 0, 200), 2)
            cv2.line(image, (x0 + i, y0 + int(60 * s)), (x0 + i + int(6 * s), y0 + int(60 * s)),
                     (0, 0, 200), 2)  # fmt: skip
    if finding == Finding.WRONG_ITEM:
        cv2.putText(image, "?", (mx, my), cv2.FONT_HERSHEY_DUPLEX, 3 * s, (0, 0, 200), 3)
    # "DEMO" white-outlined red, top left, where the burned-in time (bottom right) is not.
    text_scale = max(0.5, width / 400)
    for colour, thick in (((255, 255, 255), 6), ((0, 0, 220), 2)):
        weight = max(1, int(thick * text_scale / 1.6))
        origin = (10, int(34 * text_scale))
        font = cv2.FONT_HERSHEY_DUPLEX
        cv2.putText(image, "DEMO", origin, font, text_scale, colour, weight, cv2.LINE_AA)
    origin = (10, int(58 * text_scale))
    font = cv2.FONT_HERSHEY_SIMPLEX
    cv2.putText(image, caption, origin, font, text_scale * 0.4, (40, 40, 40), 1, cv2.LINE_AA)
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok, "OpenCV failed to encode a demo photo"
    return bytes(encoded.tobytes())


@dataclass
class _Run:
    """The state of one load: context, clock, random source and tallies."""

    ctx: ServiceContext
    clock: _DemoClock
    rng: random.Random
    photos: bool
    step: timedelta
    inspections: int = 0
    approvals: int = 0
    photo_count: int = 0
    #: Who reopened which unit: another supervisor approves its new decision (four eyes).
    reopened_by: dict[str, str] = field(default_factory=dict)

    def tick(self, factor: float = 1.0) -> None:
        self.clock.advance(self.step * factor * self.rng.uniform(0.5, 1.5))

    def actor(self, username: str, station: str | None = None) -> Actor:
        user = next(u for u in DEMO_USERS if u.username == username)
        return Actor(user.username, user.role, station or user.station)

    def inspector(self) -> Actor:
        return self.actor(self.rng.choice(("demo-inspector", "demo-inspector2")))

    def supervisor(self, lpn: str | None = None) -> Actor:
        names = ("demo-supervisor", "demo-supervisor2")
        chosen = self.rng.choice(names)
        if lpn is not None and chosen == self.reopened_by.get(lpn):
            chosen = names[1 - names.index(chosen)]
        return self.actor(chosen)

    def new_id(self) -> str:
        # From the seeded source, so that a given seed gives the same inspection ids.
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def submit(
        self, actor: Actor, lpn: str, category: str, sku: str, want: _Inspect
    ) -> DecisionView:
        policy = self.ctx.policy
        started = self.clock.now()
        self.tick(0.6)  # the inspection itself takes a few minutes
        needed = required_photos(policy, want.finding, want.grade)
        count = needed + (1 if self.photos and self.rng.random() < 0.3 else 0)
        size = (640, 480) if self.photos else (160, 120)
        taken = []
        for view in range(count):
            at = self.clock.now() - timedelta(seconds=20 * (count - view))
            raw = _render_photo(self.rng, size, category, want.finding, view % 2, f"{lpn}  {sku}")
            prepared = prepare_photo(raw, at, actor.station, name=f"{lpn}-{view + 1}.jpg")
            taken.append(
                PhotoInput(
                    prepared.data, at, f"{lpn}-{view + 1}.jpg", prepared.width, prepared.height
                )
            )
        self.photo_count += len(taken)
        draft = InspectionDraft(
            lpn=lpn,
            grade=want.grade,
            finding=want.finding,
            checklist=_checklist(self.rng, policy, category, want.grade, want.finding),
            serial=(
                f"SN{self.rng.randint(10**9, 10**10 - 1)}" if category == "electronics" else ""
            ),
            notes=self.rng.choice(_NOTES[want.finding]),
            photos=tuple(taken),
            override=want.override,
            override_reason=want.override_reason,
            started_at=started,
            inspection_id=self.new_id(),
        )
        result = inspection.submit_inspection(self.ctx, actor, draft)
        self.inspections += 1
        self.tick()
        return result

    def approve(self, lpn: str) -> DecisionView:
        result = approval.approve(self.ctx, self.supervisor(lpn), lpn)
        self.approvals += 1
        self.tick()
        return result

    def reject(self, lpn: str) -> None:
        approval.reject(self.ctx, self.supervisor(lpn), lpn, self.rng.choice(_REJECT_COMMENTS))
        self.approvals += 1
        self.tick()

    def reopen(self, lpn: str) -> None:
        supervisor = self.supervisor()
        approval.reopen(self.ctx, supervisor, lpn, self.rng.choice(_REOPEN_REASONS))
        self.reopened_by[lpn] = supervisor.username
        self.tick()


_Step = Callable[[], None]


@dataclass
class _Flow:
    """One unit's story, as steps that run in rounds: every flow's first step (the
    inspectors' work), then every second step (the supervisors'), and so on."""

    steps: list[_Step]
    last: DecisionView | None = None


def _random_inspect(rng: random.Random, supplier: str, carrier: str) -> _Inspect:
    """An ordinary day's finding and grade. The weak supplier and the rough carriers get
    more than their share, so that the dashboard has something to flag."""
    weights = {
        Finding.NO_FAULT: 40.0,
        Finding.DEFECT: 15.0 * (3 if supplier == _WEAK_SUPPLIER else 1),
        Finding.TRANSIT_DAMAGE: 10.0 * (3 if carrier in _ROUGH_CARRIERS else 1),
        Finding.NOT_AS_DESCRIBED: 10.0,
        Finding.CUSTOMER_DAMAGE: 10.0,
        Finding.MISSING_PARTS: 8.0,
        Finding.WRONG_ITEM: 4.0,
    }
    finding = rng.choices(list(weights), weights=list(weights.values()))[0]
    grades: dict[Finding, tuple[int, int, int, int, int]] = {  # A, B, C, D, X
        Finding.NO_FAULT: (55, 33, 9, 3, 0),
        Finding.DEFECT: (0, 30, 40, 25, 5),
        Finding.TRANSIT_DAMAGE: (0, 20, 35, 30, 15),
        Finding.NOT_AS_DESCRIBED: (30, 50, 20, 0, 0),
        Finding.CUSTOMER_DAMAGE: (0, 0, 50, 35, 15),
        Finding.MISSING_PARTS: (20, 50, 30, 0, 0),
        Finding.WRONG_ITEM: (40, 40, 20, 0, 0),
    }
    grade = rng.choices(list(Grade), weights=grades[finding])[0]
    return _Inspect(grade, finding)


def _flows(run: _Run, planned: Sequence[_Planned], unexpected: Sequence[_Scenario]) -> list[_Flow]:
    flows: list[_Flow] = []
    for item in planned:
        rma = item.rma
        if item.extra:
            for unit in rma.units:
                line = rma.line_of(unit)
                want = _random_inspect(run.rng, line.supplier, rma.carrier)
                # Most of the day's work is approved; some still waits for a supervisor.
                kind = "pending" if run.rng.random() < 0.2 else "approve"
                flows.append(_scenario_flow(run, unit.lpn, line.category, line.sku, want, kind))
        elif item.scenario is not None and item.scenario.first is not None:
            unit = rma.units[0]
            line = rma.line_of(unit)
            s = item.scenario
            flows.append(
                _scenario_flow(run, unit.lpn, line.category, line.sku, s.first, s.flow, s.second)
            )
    for scenario in unexpected:
        flows.append(_unexpected_flow(run, scenario))
    return flows


def _scenario_flow(
    run: _Run,
    lpn: str,
    category: str,
    sku: str,
    first: _Inspect | None,
    kind: str,
    second: _Inspect | None = None,
) -> _Flow:
    assert first is not None
    flow = _Flow([])
    inspector = run.inspector()

    def submit(want: _Inspect) -> _Step:
        def step() -> None:
            flow.last = run.submit(inspector, lpn, category, sku, want)

        return step

    def pending() -> bool:
        return flow.last is not None and flow.last.status == DecisionStatus.PENDING

    def settle() -> None:
        # Whatever needs approval is approved; what did not need it is already final.
        if pending():
            flow.last = run.approve(lpn)

    def reject_it() -> None:
        if pending():
            run.reject(lpn)
        else:
            # A site policy under which this needed no approval: reopening puts the unit
            # back in inspection all the same, so the story (and the next step) still holds.
            run.reopen(lpn)

    def reopen_it() -> None:
        run.reopen(lpn)  # decided by now: ``settle`` ran in the round before

    steps: dict[str, list[_Step]] = {
        "final": [submit(first), settle],
        "approve": [submit(first), settle],
        "pending": [submit(first)],
        "reject": [submit(first), reject_it],
        "reject_redo": [submit(first), reject_it, submit(second or first), settle],
        "reopen": [submit(first), settle, reopen_it],
        "reopen_redo": [submit(first), settle, reopen_it, submit(second or first), settle],
    }
    flow.steps = steps[kind]
    return flow


def _unexpected_flow(run: _Run, scenario: _Scenario) -> _Flow:
    flow = _Flow([])
    market = _pick_market(run.rng, run.ctx.policy, scenario.want)
    product = _pick_product(run.rng, run.ctx.policy, market, scenario.want)
    carrier = run.rng.choice(market.carriers)
    parcel = returns.UnexpectedReturn(
        sku=product.sku,
        product_name=product.name(market.lang),
        category=product.category,
        market=market.code,
        currency=market.currency,
        unit_price=_local_price(product, market),
        supplier=product.supplier,
        customer=f"{run.rng.choice(market.customers)} (demo)",
        carrier=carrier,
        tracking=_tracking(run.rng, carrier),
        stated_reason="parcel arrived without an RMA (demo)",
    )
    inspector = run.inspector()
    assert scenario.first is not None
    want = scenario.first

    def create_and_submit() -> None:
        view = returns.create_unexpected_return(run.ctx, inspector, parcel)
        run.tick(0.3)
        lpn = view.units[0].lpn
        flow.last = run.submit(inspector, lpn, product.category, product.sku, want)

    def settle() -> None:
        if flow.last is not None and flow.last.status == DecisionStatus.PENDING:
            flow.last = run.approve(flow.last.lpn)

    flow.steps = [create_and_submit]
    if scenario.flow == "unexpected_approve":
        flow.steps.append(settle)
    return flow


# --- loading --------------------------------------------------------------------------------


def _refuse_unless_empty(ctx: ServiceContext) -> None:
    with ctx.uow(read_only=True) as uow:
        user_count, rma_count = uow.users.count(), uow.rmas.count()
    if user_count or rma_count:
        raise Conflict(
            f"the demo loads only into an empty database; this one has {user_count} user(s) "
            f"and {rma_count} RMA(s). Give the demo a database of its own (--db URL)",
            users=user_count,
            rmas=rma_count,
        )


def _actor_for(user: DemoUser, station: str) -> Actor:
    return Actor(user.username, user.role, station)


def _add_users(ctx: ServiceContext, station: str) -> tuple[str, ...]:
    """Create the demo users: the first, demo-admin, is the empty site's first admin (the
    setup step, SPEC §6), and adds the others."""
    added: list[str] = []
    for user in DEMO_USERS:
        actor = _actor_for(DEMO_USERS[0], station) if added else None
        users.add_user(
            ctx,
            actor,
            user.username,
            user.role,
            user.full_name,
            DEMO_PASSWORD,
            user.badge,
            user.pin,
            station=station,
        )
        added.append(user.username)
    return tuple(added)


def _catalog() -> list[Product]:
    return [
        Product(p.sku, p.catalog_name(), p.category, p.supplier, p.usd, "USD", p.units_sold)
        for p in _PRODUCTS
    ]


def _check_photo_store(ctx: ServiceContext, station: str, at: datetime) -> None:
    """Store one small demo photo before anything else is written.

    A photo folder that is missing or read-only must stop the load before the RMAs go in:
    half way through, a run would leave RMAs without their inspections, and the next run
    would find them and add nothing. The probe is a real, stamped demo image, so the one
    extra file it leaves in the content-addressed store is harmless.
    """
    raw = _render_photo(random.Random(0), (160, 120), "default", Finding.NO_FAULT, 0, "probe")
    ctx.photos.put(prepare_photo(raw, at, station, name="demo probe").data)


def load_demo(
    ctx: ServiceContext,
    station: str,
    *,
    seed: int = 2026,
    photos: bool = True,
    count: int = DEFAULT_COUNT,
) -> DemoSummary:
    """Load the demo users, catalog, ``count`` DEMO RMAs (the unexpected returns come on
    top) and their inspections; see the module docstring. ``station`` is the local station:
    one unit is left claimed there, and the operator's audit events name it.

    ``photos`` False draws 160×120 placeholders instead of 640×480 photos, still only as many
    as the evidence rules need: quicker, for tests. Refused with ``Conflict`` unless the
    database is empty (no users, no RMAs).
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    started = time.monotonic()
    real_now = _utc(ctx.clock.now())
    _refuse_unless_empty(ctx)

    _check_photo_store(ctx, station, real_now)
    with ctx.uow() as uow:
        last = uow.audit.last()
    start = real_now - DEMO_SPAN
    if last is not None:
        start = min(max(start, _utc(last.at)), real_now)
    clock = _DemoClock(start, max(real_now, start))
    demo_ctx = replace(ctx, clock=clock)
    rng = random.Random(seed)

    users_added = _add_users(demo_ctx, station)
    admin = _actor_for(DEMO_USERS[0], station)
    planned, unexpected = _plan(rng, ctx.policy, real_now.date(), count, clock.now())
    with demo_ctx.uow() as uow:
        products_added, products_updated = uow.catalog.upsert_many(_catalog())
        uow.rmas.add_many([p.rma for p in planned])
        audit.record(
            uow,
            demo_ctx,
            admin,
            "import",
            DEMO_SOURCE_NAME,
            "import_demo",
            new={
                "seed": seed,
                "rmas_added": len(planned),
                "units": sum(len(p.rma.units) for p in planned),
                "products_added": products_added,
                "products_updated": products_updated,
            },
        )
        uow.commit()

    run = _Run(demo_ctx, clock, rng, photos, timedelta(0))
    flows = _flows(run, planned, unexpected)
    claims = [p for p in planned if p.scenario is not None and p.scenario.first is None]
    total_steps = sum(len(f.steps) for f in flows) + len(claims) + 1
    # Spread the work over the span, ending a little before now.
    run.step = max(_work_end(real_now) - clock.now(), timedelta(0)) / (total_steps * 1.3)
    rounds = max((len(f.steps) for f in flows), default=0)
    for number in range(rounds):
        batch = [f for f in flows if number < len(f.steps)]
        rng.shuffle(batch)
        for flow in batch:
            flow.steps[number]()
    for item in claims:
        assert item.scenario is not None
        where = {"claim_1": None, "claim_2": STATION_2, "claim_local": station}
        actor_name = "demo-inspector2" if item.scenario.flow == "claim_2" else "demo-inspector"
        actor = run.actor(actor_name, where[item.scenario.flow])
        returns.claim_unit(demo_ctx, actor, item.rma.units[0].lpn)
        run.tick()

    with ctx.uow() as uow:
        stored = uow.rmas.get_many([p.rma.code for p in planned])
        unexpected_codes = [
            f.last.lpn.rsplit("-", 1)[0] for f in flows if f.last and f.last.lpn.startswith("UNX-")
        ]
        stored.update(uow.rmas.get_many(unexpected_codes))
    states = Counter(u.state.value for rma in stored.values() for u in rma.units)
    summary = DemoSummary(
        seed=seed,
        rmas=len(planned),
        units=sum(states.values()),
        unexpected=len(unexpected_codes),
        products=len(_PRODUCTS),
        users_added=users_added,
        states=tuple((s.value, states.get(s.value, 0)) for s in UnitState),
        inspections=run.inspections,
        approvals=run.approvals,
        photos=run.photo_count,
        first_code=planned[0].rma.code,
        last_code=planned[-1].rma.code,
        seconds=time.monotonic() - started,
    )
    log.info("demo data loaded: %d RMAs in %.1f s", summary.rmas, summary.seconds)
    return summary
