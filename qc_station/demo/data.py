"""The world the demo takes place in: its users, stations and markets, the product catalog
(suppliers, prices, names in each market's language), and the stated reasons, notes and
checklist failures an inspector meets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from qc_station.domain.enums import Finding, Role

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
class Market:
    code: str
    currency: str
    rate: Decimal  # local currency per US dollar, roughly: prices only need to look right
    lang: str
    weight: int
    carriers: tuple[str, ...]
    customers: tuple[str, ...]


MARKETS: tuple[Market, ...] = (
    Market("US", "USD", Decimal(1), "en", 22, ("UPS", "FedEx", "USPS"),
            ("Emily Johnson", "Marcus O'Neill", "Aaliyah Washington", "José Álvarez",
             "Chloé Nguyen", "Brandon Miller")),
    Market("GB", "GBP", Decimal("0.79"), "en", 10, ("Royal Mail", "DPD", "DHL"),
            ("Oliver Smith", "Siobhán Ó Briain", "Amelia Clarke", "Rhys Llewellyn")),
    Market("DE", "EUR", Decimal("0.92"), "de", 12, ("DHL", "DPD", "Hermes"),
            ("Zoë Müller", "Jürgen Groß", "Lena Schröder", "Ömer Yıldız")),
    Market("FR", "EUR", Decimal("0.92"), "fr", 8, ("Colissimo", "Chronopost", "DPD"),
            ("François Dupré", "Élodie Lefèvre", "Hélène Garçon", "Benoît Côté")),
    Market("ES", "EUR", Decimal("0.92"), "es", 6, ("Correos", "SEUR", "DHL"),
            ("José Álvarez", "Begoña Núñez", "Íñigo Martínez", "Lucía Peña")),
    Market("IT", "EUR", Decimal("0.92"), "it", 5, ("Poste Italiane", "BRT", "DHL"),
            ("Niccolò Rossi", "Giulia Bianchi", "Mattia Esposito")),
    Market("JP", "JPY", Decimal(150), "ja", 7, ("Yamato", "Sagawa", "Japan Post"),
            ("佐藤 健", "鈴木 花子", "高橋 翔太")),
    Market("CN", "CNY", Decimal("7.2"), "zh", 10, ("SF Express", "ZTO Express", "JD Logistics"),
            ("张伟", "李娜", "王芳", "刘洋", "陈静")),
    Market("KR", "KRW", Decimal(1350), "ko", 4, ("CJ Logistics", "Hanjin"),
            ("김민준", "이서연", "박지훈")),
    Market("CA", "CAD", Decimal("1.37"), "en", 5, ("Canada Post", "Purolator", "UPS"),
            ("Émilie Tremblay", "Liam Wilson", "Gabriel Côté")),
    Market("AU", "AUD", Decimal("1.52"), "en", 4, ("Australia Post", "StarTrack"),
            ("Jack Thompson", "Charlotte Nguyen", "Mia Papadopoulos")),
    Market("MX", "MXN", Decimal("17.5"), "es", 4, ("Estafeta", "DHL", "FedEx"),
            ("María José Hernández", "Andrés Muñoz", "Ximena Ortíz")),
    Market("PL", "PLN", Decimal("4.0"), "pl", 2, ("InPost", "DPD"),
            ("Łucja Wiśniewska", "Paweł Kowalski", "Zofia Wójcik")),
    Market("DK", "DKK", Decimal("6.9"), "da", 2, ("PostNord", "GLS"),
            ("Søren Kierkegård", "Astrid Sørensen", "Mads Østergaard")),
)  # fmt: skip


@dataclass(frozen=True)
class DemoProduct:
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


def _p(sku: str, category: str, supplier: str, usd: str, sold: int, **names: str) -> DemoProduct:
    return DemoProduct(sku, category, supplier, Decimal(usd), names, sold)


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
PRODUCTS: tuple[DemoProduct, ...] = (
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
REASONS: dict[str, dict[str, tuple[str, ...]]] = {
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


REASON_FOR_FINDING: dict[Finding, tuple[str, ...]] = {
    Finding.NO_FAULT: ("mind", "size"),
    Finding.DEFECT: ("defective",),
    Finding.TRANSIT_DAMAGE: ("damaged",),
    Finding.NOT_AS_DESCRIBED: ("nad", "size"),
    Finding.CUSTOMER_DAMAGE: ("defective", "damaged"),
    Finding.MISSING_PARTS: ("missing",),
    Finding.WRONG_ITEM: ("defective", "mind"),
}


NOTES: dict[Finding, tuple[str, ...]] = {
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
FAILS: dict[Finding, tuple[str, ...]] = {
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
USED_FAILS = ("unworn", "soles_clean", "no_creases", "assembly_unused", "seal_intact")
# For the dashboard: one carrier handles parcels roughly, one supplier ships more defects.
ROUGH_CARRIERS = frozenset({"Hermes", "ZTO Express"})
WEAK_SUPPLIER = _POWER
