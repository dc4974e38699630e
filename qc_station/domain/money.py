"""Money: ``Decimal`` amounts rounded half-up to the currency's minor unit (SPEC §3).

The exponent table is ISO 4217's list of active currencies. A code that is not in it is not
a currency, and is refused wherever money enters the system.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from .errors import ValidationError

_ZERO_DIGIT = [
    "BIF",
    "CLP",
    "DJF",
    "GNF",
    "ISK",
    "JPY",
    "KMF",
    "KRW",
    "PYG",
    "RWF",
    "UGX",
    "UYI",
    "VND",
    "VUV",
    "XAF",
    "XOF",
    "XPF",
]
_THREE_DIGIT = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]
_FOUR_DIGIT = ["CLF", "UYW"]
_TWO_DIGIT = [
    "AED",
    "AFN",
    "ALL",
    "AMD",
    "ANG",
    "AOA",
    "ARS",
    "AUD",
    "AWG",
    "AZN",
    "BAM",
    "BBD",
    "BDT",
    "BGN",
    "BMD",
    "BND",
    "BOB",
    "BRL",
    "BSD",
    "BTN",
    "BWP",
    "BYN",
    "BZD",
    "CAD",
    "CDF",
    "CHF",
    "CNY",
    "COP",
    "CRC",
    "CUP",
    "CVE",
    "CZK",
    "DKK",
    "DOP",
    "DZD",
    "EGP",
    "ERN",
    "ETB",
    "EUR",
    "FJD",
    "FKP",
    "GBP",
    "GEL",
    "GHS",
    "GIP",
    "GMD",
    "GTQ",
    "GYD",
    "HKD",
    "HNL",
    "HTG",
    "HUF",
    "IDR",
    "ILS",
    "INR",
    "IRR",
    "JMD",
    "KES",
    "KGS",
    "KHR",
    "KPW",
    "KYD",
    "KZT",
    "LAK",
    "LBP",
    "LKR",
    "LRD",
    "LSL",
    "MAD",
    "MDL",
    "MGA",
    "MKD",
    "MMK",
    "MNT",
    "MOP",
    "MRU",
    "MUR",
    "MVR",
    "MWK",
    "MXN",
    "MYR",
    "MZN",
    "NAD",
    "NGN",
    "NIO",
    "NOK",
    "NPR",
    "NZD",
    "PAB",
    "PEN",
    "PGK",
    "PHP",
    "PKR",
    "PLN",
    "QAR",
    "RON",
    "RSD",
    "RUB",
    "SAR",
    "SBD",
    "SCR",
    "SDG",
    "SEK",
    "SGD",
    "SHP",
    "SLE",
    "SOS",
    "SRD",
    "SSP",
    "STN",
    "SVC",
    "SYP",
    "SZL",
    "THB",
    "TJS",
    "TMT",
    "TOP",
    "TRY",
    "TTD",
    "TWD",
    "TZS",
    "UAH",
    "USD",
    "UZS",
    "VES",
    "WST",
    "XCD",
    "YER",
    "ZAR",
    "ZMW",
    "ZWL",
]

MINOR_DIGITS: dict[str, int] = {
    **{c: 0 for c in _ZERO_DIGIT},
    **{c: 2 for c in _TWO_DIGIT},
    **{c: 3 for c in _THREE_DIGIT},
    **{c: 4 for c in _FOUR_DIGIT},
}


def is_currency(code: str) -> bool:
    return code in MINOR_DIGITS


def check_currency(code: str) -> str:
    """Return the normalised ISO 4217 code, or refuse an unknown one."""
    normalised = (code or "").strip().upper()
    if normalised not in MINOR_DIGITS:
        raise ValidationError("money.unknown_currency", field="currency", value=code)
    return normalised


def minor_digits(currency: str) -> int:
    return MINOR_DIGITS[check_currency(currency)]


def quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_digits(currency))


def round_money(amount: Decimal, currency: str) -> Decimal:
    """Round half-up to the currency's minor unit (``2.345`` USD is ``2.35``)."""
    return amount.quantize(quantum(currency), rounding=ROUND_HALF_UP)


def format_amount(amount: Decimal, currency: str) -> str:
    """A plain decimal with the currency's minor digits and a dot: ``0.00``, ``1200`` for JPY."""
    return f"{round_money(amount, currency):f}"


def exact_minor_units(amount: Decimal, currency: str) -> Decimal:
    """``amount`` in ``currency``'s minor unit, refused (``ValidationError`` on the field
    ``amount``) when it has more decimals than the currency allows: money typed with a third
    decimal is a typing mistake, never rounded. ``currency`` is an already checked code."""
    step = quantum(currency)
    if amount != amount.quantize(step):
        raise ValidationError(
            "money.too_many_decimals",
            field="amount",
            value=str(amount),
            currency=currency,
            digits=minor_digits(currency),
        )
    return amount.quantize(step)


#: The largest amount the station accepts anywhere, in minor units (SPEC §5, §7.1): far above
#: any real price, far below what a ``BigInteger`` column or ``Decimal``'s 28 digits can hold.
MAX_MINOR_UNITS = 10**12

# Plain decimal notation in ASCII digits: no exponent (``1E+30``), no ``_`` (``1_0``, which
# ``Decimal`` reads as 10), no Arabic-Indic or full-width digits (which ``Decimal`` also
# reads), no sign. A lone comma is the decimal mark.
_PLAIN_DECIMAL = re.compile(r"(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)", re.ASCII)
_MAX_AMOUNT_TEXT = 40


def max_amount(currency: str | None) -> Decimal:
    """``MAX_MINOR_UNITS`` minor units of ``currency`` (with none: of a currency without minor
    digits, the loosest bound, still safe for every column and calculation)."""
    return Decimal(MAX_MINOR_UNITS).scaleb(-MINOR_DIGITS.get(currency or "", 0))


def check_amount_bound(amount: Decimal, currency: str | None, field: str = "amount") -> Decimal:
    """Refuse an amount that is not finite, is negative, or is above ``max_amount``."""
    if not amount.is_finite():
        raise ValidationError("money.not_a_number", field=field, value=str(amount))
    if amount < 0:
        raise ValidationError("money.negative", field=field, value=str(amount))
    limit = max_amount(currency)
    if amount > limit:
        # ``limit`` is a Decimal: the catalogue shows it with the currency's minor digits.
        if currency:
            raise ValidationError(
                "money.too_much", field=field, value=f"{amount:f}", limit=limit, currency=currency
            )
        raise ValidationError("money.too_large", field=field, value=f"{amount:f}", limit=limit)
    return amount


def parse_amount(text: str, field: str = "amount", currency: str | None = None) -> Decimal:
    """Parse a non-negative decimal amount written with a dot (a lone comma is read as the dot).

    The one rule for every amount that enters the station (imports, decide-batch, payments):
    plain decimal notation in ASCII digits, finite, non-negative, at most ``MAX_MINOR_UNITS``
    minor units (of ``currency`` when given). Thousands separators are refused rather than
    guessed: ``1,234`` is ambiguous across markets.
    """
    raw = (text or "").strip()
    if raw.count(",") == 1 and "." not in raw and len(raw.partition(",")[2]) == 3:
        raise ValidationError(
            "money.ambiguous_separator",
            field=field,
            value=text,
        )
    shown = text if len(text or "") <= _MAX_AMOUNT_TEXT else f"{text[:_MAX_AMOUNT_TEXT]}…"
    unsigned = raw[1:] if raw.startswith("-") else raw
    if len(raw) > _MAX_AMOUNT_TEXT or not _PLAIN_DECIMAL.fullmatch(unsigned):
        if any(c in raw for c in "eE_") or any(c.isdigit() and not c.isascii() for c in raw):
            raise ValidationError("money.not_plain_digits", field=field, value=shown)
        if len(raw) > _MAX_AMOUNT_TEXT:
            raise ValidationError(
                "money.text_too_long", field=field, value=shown, limit=_MAX_AMOUNT_TEXT
            )
        raise ValidationError("money.not_a_number", field=field, value=shown)
    if raw.startswith("-"):
        raise ValidationError("money.negative", field=field, value=text)
    value = Decimal(raw.replace(",", "."))
    limit = max_amount(currency)
    if value > limit:
        # A cell of a file: the sentence names its column, the limit is in its currency.
        if currency:
            raise ValidationError(
                "money.too_large_in_currency",
                field=field,
                value=shown,
                limit=limit,
                currency=currency,
            )
        raise ValidationError("money.too_large", field=field, value=shown, limit=limit)
    return value
