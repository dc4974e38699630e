"""The rules for every text and number field that comes from outside (SPEC §5, §7.1).

One place, used by every reader of outside data (the generic manifest, the Amazon report, the
catalog, decide-batch input, record-payment), so a value is accepted or refused the same way
everywhere and on every database: a value that passes here always fits its column on SQLite
and PostgreSQL alike, and a value that does not is refused with its field named, before
anything is written.

- **Codes** (RMA, order, SKU, tracking, LPN): at most ``MAX_CODE`` characters of printable
  text, no control or format characters (a code with one can never be scanned back).
- **Names and titles** (customer, product, category, supplier, carrier): at most
  ``MAX_NAME``; like texts, line breaks and tabs are allowed (a spreadsheet cell may hold
  "Ann<line break>Smith"), other control characters are not.
- **Reasons and notes**: at most ``MAX_TEXT``; line breaks and tabs are allowed, other
  control characters are not.
- **Amounts**: ``money.parse_amount`` (plain decimal, finite, non-negative, at most
  ``money.MAX_MINOR_UNITS`` minor units); re-exported here.
- **Counts**: ``parse_count``, ASCII digits only, within the bounds the caller names.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import ValidationError
from .money import MAX_MINOR_UNITS, check_amount_bound, max_amount, parse_amount

__all__ = [
    "MAX_CODE",
    "MAX_MINOR_UNITS",
    "MAX_NAME",
    "MAX_TEXT",
    "check_amount_bound",
    "check_code",
    "check_name",
    "check_text",
    "max_amount",
    "parse_amount",
    "parse_count",
]

MAX_CODE = 64
MAX_NAME = 255
MAX_TEXT = 2000

_TEXT_CONTROLS_ALLOWED = frozenset("\t\n\r")
_WHOLE_NUMBER = re.compile(r"\+?[0-9]+", re.ASCII)


def _escaped(value: str, limit: int = 80) -> str:
    shown = value if len(value) <= limit else value[:limit] + "…"
    return shown.encode("unicode_escape").decode("ascii")


def _bad_character(value: str, allowed: frozenset[str] = frozenset()) -> str | None:
    """The first character that is not printable text (Unicode category C*: control,
    format such as a zero-width space, surrogate, private use, unassigned), or a line or
    paragraph separator; characters in ``allowed`` pass."""
    for char in value:
        if char in allowed:
            continue
        category = unicodedata.category(char)
        if category[0] == "C" or category in ("Zl", "Zp"):
            return char
    return None


def _check(value: str, field: str, limit: int, allowed: frozenset[str]) -> str:
    if len(value) > limit:
        raise ValidationError(
            "field.too_long", field=field, value=_escaped(value), length=len(value), limit=limit
        )
    bad = _bad_character(value, allowed)
    if bad is not None:
        raise ValidationError(
            "field.bad_character",
            field=field,
            value=_escaped(value),
            character=f"U+{ord(bad):04X}",
        )
    return value


def check_code(value: str, field: str = "code") -> str:
    """An RMA code, order id, SKU, tracking number or LPN as given (callers trim first)."""
    return _check(value, field, MAX_CODE, frozenset())


def check_name(value: str, field: str = "name") -> str:
    """A name or title: customer, product, category, supplier, carrier."""
    return _check(value, field, MAX_NAME, _TEXT_CONTROLS_ALLOWED)


def check_text(value: str, field: str = "text") -> str:
    """A reason, comment or note (line breaks and tabs allowed)."""
    return _check(value, field, MAX_TEXT, _TEXT_CONTROLS_ALLOWED)


def parse_count(text: str, field: str, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` in ASCII digits (no ``_``, no other scripts'
    digits, which ``int`` would read)."""
    raw = (text or "").strip()
    if len(raw) > 20 or not _WHOLE_NUMBER.fullmatch(raw):
        raise ValidationError(
            "field.not_a_count", field=field, value=_escaped(raw, 40), low=low, high=high
        )
    number = int(raw)
    if not low <= number <= high:
        raise ValidationError(
            "field.count_out_of_range",
            field=field,
            value=raw,
            low=low,
            high=high,
        )
    return number


# --- file names ----------------------------------------------------------------------------

#: The longest file name ``safe_file_name`` returns (well under every file system's 255 bytes,
#: also for Chinese names of 3 bytes a character, with room for a prefix and an extension).
MAX_FILE_NAME = 80

_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in range(1, 10)}
    | {f"LPT{n}" for n in range(1, 10)}
)
_UNSAFE_RUN = re.compile(r"[^\w.\-]+")
_DOTS = re.compile(r"\.{2,}")


def safe_file_name(text: str, fallback: str = "file") -> str:
    """``text`` (an RMA code, LPN, supplier or carrier name: data, never trusted) reduced to a
    name that is one plain file in the folder it is written to, on Linux and Windows alike
    (SPEC §6): letters, digits, ``-``, ``_`` and ``.`` only, every other run of characters
    (``/``, ``\\``, ``:``, spaces, control characters) made one ``_``; no ``..``; no leading
    dot, dash or ``_`` (a hidden file, or a name read as an option); no trailing dot; not a device
    name Windows reserves (``CON``, ``NUL``, ``COM1``…); at most ``MAX_FILE_NAME`` characters.
    The same for the same text, and unchanged for a name that is already safe. An empty
    result becomes ``fallback``."""
    name = unicodedata.normalize("NFKC", text or "")
    name = _UNSAFE_RUN.sub("_", name)
    name = _DOTS.sub(".", name)
    name = name.strip("._-")[:MAX_FILE_NAME].rstrip("._-")
    if not name:
        return fallback
    if name.split(".", 1)[0].upper() in _WINDOWS_RESERVED:
        name = f"_{name}"[:MAX_FILE_NAME]
    return name
