"""Money: ``Decimal`` amounts rounded half-up to the currency's minor unit (SPEC §3).

The exponent table is ISO 4217's list of active currencies. A code that is not in it is not
a currency, and is refused wherever money enters the system.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

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
        raise ValidationError(f"unknown currency {code!r}", field="currency", value=code)
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


def parse_amount(text: str, field: str = "amount") -> Decimal:
    """Parse a non-negative decimal amount written with a dot (a lone comma is read as the dot).

    Thousands separators are refused rather than guessed: ``1,234`` is ambiguous across markets.
    """
    raw = (text or "").strip()
    if raw.count(",") == 1 and "." not in raw:
        if len(raw.partition(",")[2]) == 3:
            raise ValidationError(
                f"{field} {text!r} is ambiguous: write it with a dot as the decimal separator "
                "and no thousands separator",
                field=field,
                value=text,
            )
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValidationError(
            f"{field} {text!r} is not a number", field=field, value=text
        ) from None
    if not value.is_finite():
        raise ValidationError(f"{field} {text!r} is not a number", field=field, value=text)
    if value < 0:
        raise ValidationError(f"{field} {text!r} is negative", field=field, value=text)
    return value
