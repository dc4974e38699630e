"""The facts the benchmark data is made of: markets and prices, customers (Chinese and
accented names on purpose), products, stated reasons, carriers, people and the decision
shapes with their weights (``bench.generate`` draws from them, seeded)."""

from __future__ import annotations

# (market, currency, price range in minor units)
MARKETS: tuple[tuple[str, str, int, int], ...] = (
    ("US", "USD", 499, 49_999),
    ("DE", "EUR", 499, 39_999),
    ("FR", "EUR", 499, 39_999),
    ("ES", "EUR", 499, 29_999),
    ("GB", "GBP", 399, 29_999),
    ("CN", "CNY", 1_900, 299_900),
    ("JP", "JPY", 500, 60_000),
)

CUSTOMERS = (
    "张伟",
    "王芳",
    "李娜",
    "刘洋",
    "陈静",
    "欧阳晓明",
    "José Álvarez",
    "Zoë Müller",
    "François Lefèvre",
    "Søren Kjærgård",
    "Łukasz Wróbel",
    "Ana Peña",
    "Björn Ångström",
    "Chloé Dubois-Renée",
    "Jürgen Groß",
    "Mary O'Brien",
    "John Smith",
    "佐藤 花子",
    "山田 太郎",
    "Nguyễn Văn An",
)

PRODUCTS: tuple[tuple[str, str, str], ...] = (
    # (name, category, supplier)
    ("Wireless Earbuds Pro, noise cancelling", "electronics", "Shenzhen Audio Co."),
    ("蓝牙耳机 降噪版", "electronics", "深圳声学科技有限公司"),
    ('Kaffeemühle "Barista" 1,2 L', "home", "Küchenwerk GmbH"),
    ("Chaussures de randonnée imperméables", "footwear", "Montagne & Fils"),
    ("Zapatillas running ligeras", "footwear", "Calzados Peña S.L."),
    ("Men's cotton T-shirt, navy, L", "apparel", "Dhaka Garments Ltd."),
    ("女士羊毛大衣 驼色 M", "apparel", "杭州服饰有限公司"),
    ("Smartwatch 44 mm; GPS + LTE", "electronics", "Guangzhou Wearables"),
    ("Gesichtscreme für trockene Haut, 50 ml", "beauty", "Schönheit AG"),
    ("LEGO-compatible building set (1,200 pcs)", "toys", "Ningbo Toys"),
    ("儿童积木玩具套装", "toys", "宁波玩具厂"),
    ("Robot vacuum cleaner", "electronics", "Suzhou Clean Tech"),
    ("Ceramic dinner plates ×6", "home", "Porcelaine de Limoges"),
    ("USB-C charger 65 W", "electronics", "Shenzhen Power"),
)

REASONS = (
    "Changed my mind",
    "Defective: does not power on",
    "Arrived damaged, box crushed",
    "Not as described — colour differs",
    "Size too small",
    "尺码不合适",
    "质量问题，无法开机",
    "Article endommagé à la livraison",
    "Falsche Farbe geliefert",
    "Parts missing",
)

CARRIERS = ("DHL", "UPS", "FedEx", "USPS", "Royal Mail", "SF Express", "顺丰速运", "Yamato")

INSPECTORS = ("li.wei", "maria.garcia", "j.mueller", "chen.jing", "tom.baker")
SUPERVISORS = ("sup.zhang", "sup.dupont")

#: Decision shapes: (finding, grade, resolution, disposition, headline, deduction %,
#: recovery, weight). The refund follows from the deduction; approvals from the shape.
SHAPES: tuple[tuple[str, str, str, str, str, int, str | None, int], ...] = (
    ("NO_FAULT", "A", "FULL_REFUND", "RESTOCK", "RESTOCK", 0, None, 40),
    ("NO_FAULT", "B", "PARTIAL_REFUND", "RESTOCK", "RESTOCK", 10, None, 15),
    ("NO_FAULT", "C", "PARTIAL_REFUND", "REFURBISH", "REFUND", 30, None, 8),
    ("DEFECT", "C", "FULL_REFUND", "RETURN_TO_VENDOR", "REFUND", 0, "SUPPLIER_CHARGEBACK", 12),
    ("TRANSIT_DAMAGE", "D", "FULL_REFUND", "LIQUIDATE", "REFUND", 0, "CARRIER_CLAIM", 8),
    ("NOT_AS_DESCRIBED", "B", "FULL_REFUND", "RESTOCK", "RESTOCK", 0, "LISTING_REVIEW", 5),
    ("DEFECT", "C", "EXCHANGE", "RETURN_TO_VENDOR", "EXCHANGE", 0, "SUPPLIER_CHARGEBACK", 4),
    ("MISSING_PARTS", "B", "PARTIAL_REFUND", "REFURBISH", "REFUND", 25, None, 4),
    ("CUSTOMER_DAMAGE", "D", "DISPUTE", "HOLD", "DISPUTE", 60, None, 2),
    ("WRONG_ITEM", "A", "DISPUTE", "HOLD", "DISPUTE", 0, None, 2),
)

CHECKLIST = {
    "powers_on": "pass",
    "screen_intact": "pass",
    "accessories_present": "pass",
    "serial_matches": "pass",
}

POLICY_HASH = "0" * 64
