"""The customer's stated reason for a return, sorted into a category, and the finding that
category suggests to the inspector (SPEC §4).

A stated reason arrives as free text in the customer's language ("changed my mind", "zu
klein", "サイズが合わない") or, from Amazon's FBA customer returns report, as Amazon's reason
code followed by the customer's comment (``formats/manifest_amazon.py`` writes
``"APPAREL_TOO_SMALL: ran small"``). ``categorize`` reads either; ``suggested_finding`` is what
the inspection form starts with. It is a suggestion only: the finding is the cause the
inspector finds, and the inspector changes it by key when the unit says otherwise.

Choices worth knowing:

- **Sizing is no fault.** "Too small", "too big", "wrong size" and "does not fit" suggest
  ``NO_FAULT``: choosing a size is the customer's choice, like a change of mind. Only a listing
  that gave the wrong size makes it the seller's (``NOT_AS_DESCRIBED``), and that takes the
  inspector comparing the unit with the listing, so it is never pre-filled. "Not compatible"
  is read the same way.
- **Style, colour, fabric, late delivery, undeliverable parcels** suggest ``NO_FAULT``: the
  item is as sold, whatever the customer or the carrier did with the parcel.
- **Damaged at Amazon's fulfilment centre** (``DAMAGED_BY_FC``) suggests ``TRANSIT_DAMAGE``: a
  logistics damage, claimed from the logistics side, not the supplier's nor the customer's.
- **Wrong item** (``SWITCHEROO``, Amazon's "wrong item was sent") suggests ``WRONG_ITEM`` so
  the inspector checks the contents against the order first; when the box holds what was
  ordered, the inspector changes the finding.
- **An extra item** and an unknown reason suggest nothing: the inspector must choose.

Phrases are matched case-blind; a Latin phrase only as whole words (so "klein" is not found in
"kleine Kratzer"), a CJK phrase anywhere. When several phrases match, the longest wins ("arrived
damaged" over "damaged"). An Amazon code at the start wins over the words after it.

Standard library only; the words people read for each category live in ``ui/labels.py``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from types import MappingProxyType

from .enums import Finding

#: The languages every common category has phrases in (tests check it).
LANGUAGES = ("en", "zh", "de", "es", "ja", "fr")


class ReasonCategory(StrEnum):
    CHANGE_OF_MIND = "CHANGE_OF_MIND"
    BETTER_PRICE = "BETTER_PRICE"
    ORDERED_BY_MISTAKE = "ORDERED_BY_MISTAKE"
    UNAUTHORISED_PURCHASE = "UNAUTHORISED_PURCHASE"
    NO_REASON = "NO_REASON"
    TOO_SMALL = "TOO_SMALL"
    TOO_LARGE = "TOO_LARGE"
    WRONG_SIZE = "WRONG_SIZE"
    STYLE = "STYLE"
    NOT_COMPATIBLE = "NOT_COMPATIBLE"
    HARD_TO_INSTALL = "HARD_TO_INSTALL"
    LATE_DELIVERY = "LATE_DELIVERY"
    UNDELIVERABLE = "UNDELIVERABLE"
    DEFECTIVE = "DEFECTIVE"
    POOR_QUALITY = "POOR_QUALITY"
    DAMAGED_IN_TRANSIT = "DAMAGED_IN_TRANSIT"
    DAMAGED_AT_WAREHOUSE = "DAMAGED_AT_WAREHOUSE"
    NOT_AS_DESCRIBED = "NOT_AS_DESCRIBED"
    MISSING_PARTS = "MISSING_PARTS"
    WRONG_ITEM_SENT = "WRONG_ITEM_SENT"
    EXTRA_ITEM = "EXTRA_ITEM"


#: The finding each category suggests (``None``: the inspector must choose). See the module
#: docstring for why sizing is ``NO_FAULT``.
SUGGESTED_FINDING: Mapping[ReasonCategory, Finding | None] = MappingProxyType(
    {
        ReasonCategory.CHANGE_OF_MIND: Finding.NO_FAULT,
        ReasonCategory.BETTER_PRICE: Finding.NO_FAULT,
        ReasonCategory.ORDERED_BY_MISTAKE: Finding.NO_FAULT,
        ReasonCategory.UNAUTHORISED_PURCHASE: Finding.NO_FAULT,
        ReasonCategory.NO_REASON: Finding.NO_FAULT,
        ReasonCategory.TOO_SMALL: Finding.NO_FAULT,
        ReasonCategory.TOO_LARGE: Finding.NO_FAULT,
        ReasonCategory.WRONG_SIZE: Finding.NO_FAULT,
        ReasonCategory.STYLE: Finding.NO_FAULT,
        ReasonCategory.NOT_COMPATIBLE: Finding.NO_FAULT,
        ReasonCategory.HARD_TO_INSTALL: Finding.NO_FAULT,
        ReasonCategory.LATE_DELIVERY: Finding.NO_FAULT,
        ReasonCategory.UNDELIVERABLE: Finding.NO_FAULT,
        ReasonCategory.DEFECTIVE: Finding.DEFECT,
        ReasonCategory.POOR_QUALITY: Finding.DEFECT,
        ReasonCategory.DAMAGED_IN_TRANSIT: Finding.TRANSIT_DAMAGE,
        ReasonCategory.DAMAGED_AT_WAREHOUSE: Finding.TRANSIT_DAMAGE,
        ReasonCategory.NOT_AS_DESCRIBED: Finding.NOT_AS_DESCRIBED,
        ReasonCategory.MISSING_PARTS: Finding.MISSING_PARTS,
        ReasonCategory.WRONG_ITEM_SENT: Finding.WRONG_ITEM,
        ReasonCategory.EXTRA_ITEM: None,
    }
)

#: Amazon FBA customer returns report: the ``reason`` column's codes. A code missing here
#: stays as written on the form (it is data) and suggests nothing.
AMAZON_REASON_CODES: Mapping[str, ReasonCategory] = MappingProxyType(
    {
        "UNWANTED_ITEM": ReasonCategory.CHANGE_OF_MIND,
        "FOUND_BETTER_PRICE": ReasonCategory.BETTER_PRICE,
        "ORDERED_WRONG_ITEM": ReasonCategory.ORDERED_BY_MISTAKE,
        "MISORDERED": ReasonCategory.ORDERED_BY_MISTAKE,
        "UNAUTHORIZED_PURCHASE": ReasonCategory.UNAUTHORISED_PURCHASE,
        "NO_REASON_GIVEN": ReasonCategory.NO_REASON,
        "APPAREL_TOO_SMALL": ReasonCategory.TOO_SMALL,
        "APPAREL_TOO_LARGE": ReasonCategory.TOO_LARGE,
        "APPAREL_STYLE": ReasonCategory.STYLE,
        "DID_NOT_LIKE_FABRIC": ReasonCategory.STYLE,
        "DID_NOT_LIKE_COLOR": ReasonCategory.STYLE,
        "NOT_COMPATIBLE": ReasonCategory.NOT_COMPATIBLE,
        "PART_NOT_COMPATIBLE": ReasonCategory.NOT_COMPATIBLE,
        "EXCESSIVE_INSTALLATION": ReasonCategory.HARD_TO_INSTALL,
        "MISSED_ESTIMATED_DELIVERY": ReasonCategory.LATE_DELIVERY,
        "NEVER_ARRIVED": ReasonCategory.UNDELIVERABLE,
        "UNDELIVERABLE_REFUSED": ReasonCategory.UNDELIVERABLE,
        "UNDELIVERABLE_UNCLAIMED": ReasonCategory.UNDELIVERABLE,
        "UNDELIVERABLE_INSUFFICIENT_ADDRESS": ReasonCategory.UNDELIVERABLE,
        "UNDELIVERABLE_FAILED_DELIVERY_ATTEMPTS": ReasonCategory.UNDELIVERABLE,
        "UNDELIVERABLE_CARRIER_MISS_SORTED": ReasonCategory.UNDELIVERABLE,
        "UNDELIVERABLE_MISSING_LABEL": ReasonCategory.UNDELIVERABLE,
        "UNDELIVERABLE_UNKNOWN": ReasonCategory.UNDELIVERABLE,
        "DEFECTIVE": ReasonCategory.DEFECTIVE,
        "QUALITY_UNACCEPTABLE": ReasonCategory.POOR_QUALITY,
        "DAMAGED_BY_CARRIER": ReasonCategory.DAMAGED_IN_TRANSIT,
        "DAMAGED_BY_FC": ReasonCategory.DAMAGED_AT_WAREHOUSE,
        "NOT_AS_DESCRIBED": ReasonCategory.NOT_AS_DESCRIBED,
        "MISSING_PARTS": ReasonCategory.MISSING_PARTS,
        "SWITCHEROO": ReasonCategory.WRONG_ITEM_SENT,
        "EXTRA_ITEM": ReasonCategory.EXTRA_ITEM,
    }
)

#: Any other ``UNDELIVERABLE_…`` code Amazon adds is still a parcel that never arrived.
_AMAZON_PREFIXES: tuple[tuple[str, ReasonCategory], ...] = (
    ("UNDELIVERABLE_", ReasonCategory.UNDELIVERABLE),
)

#: Phrases by category and language. Lower case; matched case-blind.
PHRASES: Mapping[ReasonCategory, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        ReasonCategory.CHANGE_OF_MIND: {
            "en": (
                "changed my mind",
                "change of mind",
                "no longer need",
                "no longer needed",
                "not needed",
                "don't want",
                "do not want",
                "dont want",
                "don't need",
                "unwanted",
            ),
            "zh": ("不想要", "不需要", "改变主意", "不喜欢", "七天无理由", "无理由"),
            "de": (
                "nicht mehr benötigt",
                "nicht mehr gewünscht",
                "meinung geändert",
                "gefällt nicht",
            ),
            "es": ("cambié de opinión", "cambie de opinion", "ya no lo necesito", "no lo quiero"),
            "ja": ("気が変わった", "不要になった", "いらなくなった", "必要なくなった"),
            "fr": ("changé d'avis", "change d'avis", "plus besoin", "ne me plaît pas"),
        },
        ReasonCategory.BETTER_PRICE: {
            "en": ("found a better price", "better price", "cheaper elsewhere"),
            "zh": ("别家更便宜", "降价", "价格更低"),
            "de": ("günstiger gefunden", "besseren preis"),
            "es": ("mejor precio", "más barato"),
            "ja": ("他で安く", "もっと安い"),
            "fr": ("moins cher ailleurs", "meilleur prix"),
        },
        ReasonCategory.ORDERED_BY_MISTAKE: {
            "en": ("ordered by mistake", "bought by mistake", "ordered the wrong", "ordered wrong"),
            "zh": ("拍错", "买错", "下错单"),
            "de": ("falsch bestellt", "versehentlich bestellt", "aus versehen bestellt"),
            "es": ("pedido por error", "compré por error", "me equivoqué"),
            "ja": ("間違えて注文", "注文ミス", "間違えて購入"),
            "fr": ("commandé par erreur", "erreur de commande"),
        },
        ReasonCategory.UNAUTHORISED_PURCHASE: {
            "en": ("unauthorised purchase", "unauthorized purchase", "ordered by my child"),
            "zh": ("未经授权", "孩子误买", "孩子乱买"),
            "de": ("nicht autorisiert", "vom kind bestellt"),
            "es": ("compra no autorizada",),
            "ja": ("無断購入", "子供が勝手に"),
            "fr": ("achat non autorisé",),
        },
        ReasonCategory.NO_REASON: {
            "en": ("no reason",),
            "zh": ("没有理由",),
            "de": ("kein grund",),
            "es": ("sin motivo",),
            "ja": ("理由なし",),
            "fr": ("sans raison",),
        },
        ReasonCategory.TOO_SMALL: {
            "en": ("too small", "too tight", "runs small", "ran small", "too short"),
            "zh": ("太小", "偏小", "小了", "太紧"),
            "de": ("zu klein", "zu eng", "zu kurz", "fällt klein aus"),
            "es": (
                "muy pequeño",
                "demasiado pequeño",
                "muy pequeña",
                "demasiado pequeña",
                "talla pequeña",
            ),
            "ja": ("小さすぎ", "サイズが小さい", "きつい"),
            "fr": ("trop petit", "trop petite", "trop serré", "taille petit"),
        },
        ReasonCategory.TOO_LARGE: {
            "en": ("too big", "too large", "too loose", "runs large", "ran large", "too long"),
            "zh": ("太大", "偏大", "大了", "太松"),
            "de": ("zu groß", "zu gross", "zu weit", "zu lang", "fällt groß aus"),
            "es": ("muy grande", "demasiado grande", "talla grande"),
            "ja": ("大きすぎ", "サイズが大きい", "ゆるい"),
            "fr": ("trop grand", "trop grande", "trop large"),
        },
        ReasonCategory.WRONG_SIZE: {
            "en": ("wrong size", "doesn't fit", "does not fit", "didn't fit", "size"),
            "zh": ("尺码不合适", "尺码不对", "尺寸不合适", "不合身"),
            "de": ("falsche größe", "passt nicht", "größe"),
            "es": ("talla incorrecta", "no me queda", "no queda bien", "talla equivocada"),
            "ja": ("サイズが合わない", "サイズ違い", "サイズ"),
            "fr": ("mauvaise taille", "ne me va pas", "taille"),
        },
        ReasonCategory.STYLE: {
            "en": ("style", "colour", "color", "fabric", "didn't like"),
            "zh": ("款式", "颜色", "面料"),
            "de": ("farbe", "stil", "stoff"),
            "es": ("color", "estilo", "tejido"),
            "ja": ("色が", "デザイン", "生地"),
            "fr": ("couleur", "style", "tissu"),
        },
        ReasonCategory.NOT_COMPATIBLE: {
            "en": ("not compatible", "incompatible", "doesn't work with", "does not work with"),
            "zh": ("不兼容", "不适配", "不匹配"),
            "de": ("nicht kompatibel", "inkompatibel"),
            "es": ("no es compatible", "incompatible"),
            "ja": ("互換性がない", "対応していない", "合わない機種"),
            "fr": ("pas compatible", "incompatible"),
        },
        ReasonCategory.HARD_TO_INSTALL: {
            "en": ("hard to install", "difficult to install", "too complicated"),
            "zh": ("安装困难", "太复杂"),
            "de": ("schwer zu installieren", "zu kompliziert"),
            "es": ("difícil de instalar", "demasiado complicado"),
            "ja": ("取り付けが難しい", "設置が難しい"),
            "fr": ("difficile à installer", "trop compliqué"),
        },
        ReasonCategory.LATE_DELIVERY: {
            "en": ("arrived late", "arrived too late", "late delivery", "took too long"),
            "zh": ("到货太慢", "发货太慢", "物流太慢"),
            "de": ("zu spät geliefert", "kam zu spät", "lieferung zu spät"),
            "es": ("llegó tarde", "entrega tardía"),
            "ja": ("届くのが遅い", "配達が遅い", "遅延"),
            "fr": ("arrivé en retard", "livraison en retard"),
        },
        ReasonCategory.UNDELIVERABLE: {
            "en": ("undeliverable", "refused delivery", "return to sender", "never arrived"),
            "zh": ("拒收", "无法投递", "退回发件人"),
            "de": ("unzustellbar", "annahme verweigert"),
            "es": ("no entregable", "rechazado", "devuelto al remitente"),
            "ja": ("受取拒否", "配達不能", "宛先不明"),
            "fr": ("non distribuable", "refusé", "retour à l'expéditeur"),
        },
        ReasonCategory.DEFECTIVE: {
            "en": (
                "defective",
                "defect",
                "faulty",
                "broken",
                "doesn't work",
                "does not work",
                "not working",
                "stopped working",
                "won't turn on",
                "dead on arrival",
            ),
            "zh": ("质量问题", "坏了", "不能用", "无法开机", "故障", "有缺陷"),
            "de": ("defekt", "kaputt", "funktioniert nicht", "geht nicht"),
            "es": ("defectuoso", "defectuosa", "no funciona", "roto", "rota"),
            "ja": ("不良品", "初期不良", "動かない", "壊れている", "故障"),
            "fr": ("défectueux", "défectueuse", "ne fonctionne pas", "en panne", "cassé"),
        },
        ReasonCategory.POOR_QUALITY: {
            "en": ("poor quality", "bad quality", "quality unacceptable", "cheaply made"),
            "zh": ("质量差", "质量不好", "做工差"),
            "de": ("schlechte qualität", "minderwertig"),
            "es": ("mala calidad", "calidad inaceptable"),
            "ja": ("品質が悪い", "作りが悪い"),
            "fr": ("mauvaise qualité", "qualité médiocre"),
        },
        ReasonCategory.DAMAGED_IN_TRANSIT: {
            "en": (
                "damaged in transit",
                "damaged in shipping",
                "damaged by carrier",
                "arrived damaged",
                "arrived broken",
                "box crushed",
                "damaged",
            ),
            "zh": ("运输损坏", "快递损坏", "到货破损", "破损", "压坏"),
            "de": ("transportschaden", "beschädigt angekommen", "beschädigt"),
            "es": ("dañado en el transporte", "llegó dañado", "dañado", "dañada"),
            "ja": ("配送中の破損", "届いた時に破損", "破損", "箱がつぶれ"),
            "fr": ("endommagé pendant le transport", "arrivé endommagé", "endommagé", "abîmé"),
        },
        ReasonCategory.DAMAGED_AT_WAREHOUSE: {
            "en": ("damaged at the warehouse", "damaged in the warehouse", "damaged by fc"),
            "zh": ("仓库损坏", "仓内损坏"),
            "de": ("im lager beschädigt", "lagerschaden"),
            "es": ("dañado en el almacén",),
            "ja": ("倉庫で破損",),
            "fr": ("endommagé en entrepôt", "endommagé dans l'entrepôt"),
        },
        ReasonCategory.NOT_AS_DESCRIBED: {
            "en": ("not as described", "not as pictured", "different from the description"),
            "zh": ("与描述不符", "描述不符", "与图片不符", "货不对板"),
            "de": ("nicht wie beschrieben", "entspricht nicht der beschreibung"),
            "es": ("no es como se describe", "no coincide con la descripción"),
            "ja": ("説明と違う", "商品説明と異なる", "写真と違う"),
            "fr": ("non conforme à la description", "pas comme décrit", "ne correspond pas"),
        },
        ReasonCategory.MISSING_PARTS: {
            "en": ("missing parts", "parts missing", "missing accessories", "incomplete"),
            "zh": ("缺少配件", "少配件", "缺件", "配件不全"),
            "de": ("teile fehlen", "fehlende teile", "unvollständig", "zubehör fehlt"),
            "es": ("faltan piezas", "piezas faltantes", "incompleto", "falta"),
            "ja": ("部品が足りない", "付属品がない", "欠品"),
            "fr": ("pièces manquantes", "incomplet", "il manque"),
        },
        ReasonCategory.WRONG_ITEM_SENT: {
            "en": ("wrong item", "received the wrong", "not what i ordered", "different item"),
            "zh": ("发错货", "发错了", "收到的不是"),
            "de": ("falscher artikel", "falsche ware", "falsches produkt"),
            "es": ("artículo equivocado", "producto equivocado", "artículo incorrecto"),
            "ja": ("違う商品", "商品違い", "誤配送"),
            "fr": ("mauvais article", "article erroné", "pas le bon article"),
        },
        ReasonCategory.EXTRA_ITEM: {
            "en": ("extra item", "not ordered", "didn't order"),
            "zh": ("多发", "没有订购"),
            "de": ("nicht bestellt", "zusätzlicher artikel"),
            "es": ("no lo pedí", "artículo adicional"),
            "ja": ("注文していない", "余分な商品"),
            "fr": ("pas commandé", "article en trop"),
        },
    }
)

_AMAZON_CODE = re.compile(r"^\s*(?:CR-)?([A-Z][A-Z0-9_]{2,})\s*(?::\s*(.*))?$", re.DOTALL)


def _is_cjk(phrase: str) -> bool:
    return any(ord(char) >= 0x2E80 for char in phrase)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], int, ReasonCategory], ...]:
    """Every phrase as a pattern with its length, longest first (ties: table order)."""
    found: list[tuple[re.Pattern[str], int, ReasonCategory]] = []
    for category, by_language in PHRASES.items():
        for phrases in by_language.values():
            for phrase in phrases:
                text = re.escape(phrase.casefold())
                pattern = text if _is_cjk(phrase) else rf"(?<!\w){text}(?!\w)"
                found.append((re.compile(pattern), len(phrase), category))
    found.sort(key=lambda entry: -entry[1])
    return tuple(found)


def amazon_reason(stated_reason: str) -> tuple[str, ReasonCategory, str] | None:
    """``(code, category, comment)`` when the reason starts with a known Amazon reason code
    (``"APPAREL_TOO_SMALL: ran small"`` → ``("APPAREL_TOO_SMALL", TOO_SMALL, "ran small")``);
    otherwise None."""
    match = _AMAZON_CODE.match(stated_reason)
    if match is None:
        return None
    code, comment = match.group(1), (match.group(2) or "").strip()
    category = AMAZON_REASON_CODES.get(code)
    if category is None:
        category = next((c for prefix, c in _AMAZON_PREFIXES if code.startswith(prefix)), None)
    if category is None:
        return None
    return code, category, comment


def categorize(stated_reason: str) -> ReasonCategory | None:
    """The category of a stated reason: its Amazon code, else its longest matching phrase in
    any language; None when nothing matches."""
    coded = amazon_reason(stated_reason)
    if coded is not None:
        return coded[1]
    text = stated_reason.casefold()
    for pattern, _length, category in _patterns():
        if pattern.search(text):
            return category
    return None


def suggested_finding(stated_reason: str) -> Finding | None:
    """The finding the inspection form starts with for this stated reason, or None."""
    category = categorize(stated_reason)
    return SUGGESTED_FINDING[category] if category is not None else None


def looks_like_change_of_mind(stated_reason: str) -> bool:
    """Whether the customer simply no longer wants the item (any reason suggesting
    ``NO_FAULT``)."""
    return suggested_finding(stated_reason) == Finding.NO_FAULT
