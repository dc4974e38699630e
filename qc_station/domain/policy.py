"""The return policy: loaded from TOML, validated with errors that name the key (SPEC §5).

Every key is optional and falls back to the SPEC default; an unknown key is refused (with the
nearest known key suggested), because a typo that silently falls back to a default would
change refunds without anyone noticing. The policy's identity is the SHA-256 of its file.

Every number is bounded (SPEC §5), so that no policy that validates can break a decision
later (an hour count of 10^15 overflowed every deadline, ``nan`` broke every comparison):

- days (return window, transit allowance, carrier claim, video retention): 0 to 3650
  (a carrier claim: 1 to 3650, a claim due the day it opens cannot be filed);
- hours (refund, dispute evidence): 1 to 8760 (a year);
- percentages: 0 to 100; photo counts: 0 to 50;
- amounts (approval thresholds): finite, non-negative, at most ``MAX_MINOR_UNITS`` minor
  units of their currency;
- ``video_max_minutes``: 1 to 120 (an unboxing never takes hours, and a clip of hours would
  fill the photo folder's disk);
- checklists: at most 200 items each and 200 categories, texts of at most 255 characters.

Keys are matched case-sensitively (``usd`` is no currency code); a checklist category or a
carrier written twice in different letter case (``electronics`` and ``Electronics``) is
refused rather than one silently replacing the other. The file itself is at most
``MAX_POLICY_BYTES``, and nesting too deep for the TOML reader is a policy error too.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .enums import Finding, Grade
from .errors import PolicyError, ValidationError
from .fields import MAX_CODE, MAX_NAME, check_amount_bound
from .money import is_currency

#: The largest policy file read: the shipped one is a few kilobytes.
MAX_POLICY_BYTES = 1024 * 1024
MAX_DAYS = 3650
MAX_HOURS = 8760
MAX_PHOTOS = 50
MAX_VIDEO_MINUTES = 120
MAX_CHECKLIST_ITEMS = 200
MAX_CHECKLISTS = 200

_MARKET = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    text: str
    text_zh: str = ""
    required: bool = False


@dataclass(frozen=True)
class Policy:
    return_window_days: int = 30
    return_window_by_market: dict[str, int] = field(default_factory=lambda: {"DE": 14})
    transit_allowance_days: int = 7
    deduction_pct: dict[Grade, int] = field(
        default_factory=lambda: {Grade.A: 0, Grade.B: 10, Grade.C: 30, Grade.D: 60, Grade.X: 100}
    )
    missing_parts_deduction_pct: int = 25
    dispute_at_deduction_pct: int = 50
    approval_threshold: dict[str, Decimal] = field(
        default_factory=lambda: {
            "USD": Decimal(200),
            "EUR": Decimal(200),
            "GBP": Decimal(180),
            "CNY": Decimal(1500),
            "JPY": Decimal(30000),
        }
    )
    required_photos: dict[Finding, int] = field(
        default_factory=lambda: {
            Finding.DEFECT: 2,
            Finding.TRANSIT_DAMAGE: 2,
            Finding.CUSTOMER_DAMAGE: 2,
            Finding.WRONG_ITEM: 2,
            Finding.NOT_AS_DESCRIBED: 1,
            Finding.MISSING_PARTS: 1,
            Finding.NO_FAULT: 0,
        }
    )
    min_photos_grade_C_or_worse: int = 1  # noqa: N815 - the SPEC's key, kept verbatim
    refund_due_hours: int = 48
    dispute_evidence_due_hours: int = 48
    carrier_claim_days: dict[str, int] = field(default_factory=lambda: {"default": 60, "DHL": 30})
    video_max_minutes: int = 10
    video_retention_days: int = 180
    sku_return_rate_flag_pct: Decimal = Decimal(10)
    carrier_damage_rate_flag_pct: Decimal = Decimal(5)
    checklists: dict[str, tuple[ChecklistItem, ...]] = field(default_factory=dict)
    #: SHA-256 (hex) of the file this policy was read from; every decision records it.
    hash: str = ""
    source_text: str = field(default="", repr=False, compare=False)

    def window_days(self, market: str) -> int:
        return self.return_window_by_market.get(market.upper(), self.return_window_days)

    def checklist_for(self, category: str) -> tuple[ChecklistItem, ...]:
        key = (category or "").strip().lower()
        return self.checklists.get(key) or self.checklists.get("default", ())

    def claim_days(self, carrier: str) -> int:
        return self.carrier_claim_days.get(carrier, self.carrier_claim_days.get("default", 60))


#: The single-number keys and their bounds (SPEC §5).
_SCALARS: dict[str, tuple[int, int]] = {
    "transit_allowance_days": (0, MAX_DAYS),
    "missing_parts_deduction_pct": (0, 100),
    "dispute_at_deduction_pct": (0, 100),
    "min_photos_grade_C_or_worse": (0, MAX_PHOTOS),
    "refund_due_hours": (1, MAX_HOURS),
    "dispute_evidence_due_hours": (1, MAX_HOURS),
    "video_max_minutes": (1, MAX_VIDEO_MINUTES),
    "video_retention_days": (0, MAX_DAYS),
}
_KNOWN = set(_SCALARS) | {
    "return_window_days",
    "deduction_pct",
    "approval_threshold",
    "required_photos",
    "carrier_claim_days",
    "dashboard",
    "checklists",
    "policy_name",
    "description",
}
_DASHBOARD_KEYS = {"sku_return_rate_flag_pct", "carrier_damage_rate_flag_pct"}


def _unknown(key: str, known: set[str]) -> PolicyError:
    close = difflib.get_close_matches(key.split(".")[-1], sorted(known), n=1)
    if close:
        return PolicyError("policy.unknown_key_did_you_mean", key=key, suggestion=close[0])
    return PolicyError("policy.unknown_key", key=key)


def _int(key: str, value: Any, low: int = 0, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PolicyError("policy.not_a_whole_number", key=key, value=repr(value))
    if high is not None and not low <= value <= high:
        raise PolicyError("policy.out_of_range", key=key, value=value, low=low, high=high)
    if value < low:
        raise PolicyError("policy.too_small", key=key, value=value, low=low)
    return value


def _number(key: str, value: Any, currency: str | None = None) -> Decimal:
    """A finite, non-negative number; an amount of ``currency`` at most ``MAX_MINOR_UNITS``
    of its minor units (without one, that many whole units: the bound of a percentage is the
    caller's)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PolicyError("policy.not_a_number", key=key, value=repr(value))
    # str() first: a TOML float such as 0.1 must not bring binary noise into money.
    amount = Decimal(str(value))
    if not amount.is_finite():
        raise PolicyError("policy.not_finite", key=key, value=str(value))
    if amount < 0:
        raise PolicyError("policy.negative", key=key, value=str(value))
    try:
        check_amount_bound(amount, currency, key)
    except ValidationError:
        raise PolicyError("policy.too_large", key=key, value=str(value)) from None
    return amount


def _no_case_twins(where: str, keys: Any) -> None:
    """Refuse two keys that differ only in letter case: one would silently win."""
    seen: dict[str, str] = {}
    for key in keys:
        folded = str(key).casefold()
        if folded in seen:
            raise PolicyError("policy.case_twins", key=f"{where}.{key}", other=seen[folded])
        seen[folded] = str(key)


def _table(key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise PolicyError("policy.not_a_table", key=key, value=repr(value))
    return value


def load_policy(data: bytes | str) -> Policy:
    """Parse and validate a policy file's content. Raises ``PolicyError`` naming the bad key."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_POLICY_BYTES:
        raise PolicyError(
            "policy.file_too_large",
            key="",
            problem="too_large",
            size=f"{len(raw):,}",
            limit=f"{MAX_POLICY_BYTES:,}",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PolicyError(
            "policy.file_not_utf8", key="", problem="encoding", detail=str(exc)
        ) from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError("policy.file_not_toml", key="", problem="toml", detail=str(exc)) from None
    except RecursionError:
        raise PolicyError("policy.file_too_deep", key="", problem="too_deep") from None

    defaults = Policy()
    values: dict[str, Any] = {}
    for key in doc:
        if key not in _KNOWN:
            raise _unknown(key, _KNOWN)
    for key in _SCALARS.keys() & doc.keys():
        low, high = _SCALARS[key]
        values[key] = _int(key, doc[key], low, high)

    if "return_window_days" in doc:
        window = doc["return_window_days"]
        if isinstance(window, dict):
            by_market: dict[str, int] = {}
            for market, days in window.items():
                if market == "default":
                    values["return_window_days"] = _int(
                        "return_window_days.default", days, 0, MAX_DAYS
                    )
                elif _MARKET.match(market):
                    by_market[market] = _int(f"return_window_days.{market}", days, 0, MAX_DAYS)
                else:
                    raise PolicyError("policy.bad_market", key=f"return_window_days.{market}")
            values["return_window_by_market"] = by_market
        else:
            values["return_window_days"] = _int("return_window_days", window, 0, MAX_DAYS)
            values["return_window_by_market"] = {}

    if "deduction_pct" in doc:
        table = _table("deduction_pct", doc["deduction_pct"])
        deductions: dict[Grade, int] = {}
        for grade_key, pct in table.items():
            if grade_key not in Grade.__members__:
                raise _unknown(f"deduction_pct.{grade_key}", set(Grade.__members__))
            deductions[Grade(grade_key)] = _int(f"deduction_pct.{grade_key}", pct, 0, 100)
        for grade in Grade:
            if grade not in deductions:
                raise PolicyError("policy.grade_missing", key=f"deduction_pct.{grade.value}")
        values["deduction_pct"] = deductions

    if "approval_threshold" in doc:
        table = _table("approval_threshold", doc["approval_threshold"])
        thresholds: dict[str, Decimal] = {}
        for currency, amount in table.items():
            if not is_currency(currency):
                raise PolicyError("policy.unknown_currency", key=f"approval_threshold.{currency}")
            thresholds[currency] = _number(f"approval_threshold.{currency}", amount, currency)
        values["approval_threshold"] = thresholds

    if "required_photos" in doc:
        table = _table("required_photos", doc["required_photos"])
        photos: dict[Finding, int] = {}
        for finding_key, count in table.items():
            if finding_key not in Finding.__members__:
                raise _unknown(f"required_photos.{finding_key}", set(Finding.__members__))
            photos[Finding(finding_key)] = _int(
                f"required_photos.{finding_key}", count, 0, MAX_PHOTOS
            )
        for finding in Finding:
            if finding not in photos:
                raise PolicyError("policy.finding_missing", key=f"required_photos.{finding.value}")
        values["required_photos"] = photos

    if "carrier_claim_days" in doc and not isinstance(doc["carrier_claim_days"], dict):
        # One number for every carrier, as return_window_days may be.
        values["carrier_claim_days"] = {
            "default": _int("carrier_claim_days", doc["carrier_claim_days"], 1, MAX_DAYS)
        }
    elif "carrier_claim_days" in doc:
        table = _table("carrier_claim_days", doc["carrier_claim_days"])
        _no_case_twins("carrier_claim_days", table)
        claim_days = {
            name: _int(f"carrier_claim_days.{name}", days, 1, MAX_DAYS)
            for name, days in table.items()
        }
        claim_days.setdefault("default", 60)
        values["carrier_claim_days"] = claim_days

    if "dashboard" in doc:
        table = _table("dashboard", doc["dashboard"])
        for key, value in table.items():
            if key not in _DASHBOARD_KEYS:
                raise _unknown(f"dashboard.{key}", _DASHBOARD_KEYS)
            pct = _number(f"dashboard.{key}", value)
            if pct > 100:
                raise PolicyError("policy.not_a_percentage", key=f"dashboard.{key}", value=value)
            values[key] = pct

    if "checklists" in doc:
        values["checklists"] = _checklists(_table("checklists", doc["checklists"]))

    policy = Policy(
        **{
            **defaults.__dict__,
            **values,
            "hash": hashlib.sha256(raw).hexdigest(),
            "source_text": text,
        }
    )
    if policy.dispute_at_deduction_pct == 0:
        raise PolicyError("policy.dispute_at_zero", key="dispute_at_deduction_pct")
    return policy


def _checklists(table: dict[str, Any]) -> dict[str, tuple[ChecklistItem, ...]]:
    lists: dict[str, tuple[ChecklistItem, ...]] = {}
    if len(table) > MAX_CHECKLISTS:
        raise PolicyError(
            "policy.too_many_checklists", key="checklists", count=len(table), limit=MAX_CHECKLISTS
        )
    _no_case_twins("checklists", table)
    for category, items in table.items():
        where = f"checklists.{category}"
        if len(category) > MAX_NAME:
            raise PolicyError("policy.category_name_too_long", key=where, limit=MAX_NAME)
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise PolicyError("policy.checklist_not_a_list", key=where)
        if len(items) > MAX_CHECKLIST_ITEMS:
            raise PolicyError(
                "policy.too_many_items", key=where, count=len(items), limit=MAX_CHECKLIST_ITEMS
            )
        seen: set[str] = set()
        parsed = []
        for index, item in enumerate(items):
            at = f"{where}[{index}]"
            for key in item:
                if key not in {"key", "text", "text_zh", "required"}:
                    raise _unknown(f"{at}.{key}", {"key", "text", "text_zh", "required"})
            key = item.get("key")
            if (
                not isinstance(key, str)
                or len(key) > MAX_CODE
                or not re.fullmatch(r"[a-z][a-z0-9_]*", key)
            ):
                raise PolicyError("policy.item_key_invalid", key=f"{at}.key")
            if key in seen:
                raise PolicyError("policy.item_key_twice", key=f"{at}.key", value=key)
            seen.add(key)
            text = item.get("text")
            if not isinstance(text, str) or not text.strip():
                raise PolicyError("policy.item_text_missing", key=f"{at}.text")
            text_zh = item.get("text_zh", "")
            required = item.get("required", False)
            if not isinstance(text_zh, str):
                raise PolicyError("policy.item_text_zh_not_text", key=f"{at}.text_zh")
            for name, value in (("text", text), ("text_zh", text_zh)):
                if len(value) > MAX_NAME:
                    raise PolicyError(
                        "policy.item_text_too_long",
                        key=f"{at}.{name}",
                        length=len(value),
                        limit=MAX_NAME,
                    )
            if not isinstance(required, bool):
                raise PolicyError("policy.item_required_not_bool", key=f"{at}.required")
            parsed.append(ChecklistItem(key, text.strip(), text_zh.strip(), required))
        lists[category.lower()] = tuple(parsed)
    return lists
