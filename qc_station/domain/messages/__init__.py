"""Every refusal and every decision reason the core gives, as a code with parameters, and the
one English template of each (SPEC §8: the screens word them in the station's language).

The core never builds a sentence for people: it raises ``ValidationError("policy.not_a_number",
key=…)`` or makes ``Reason.of("no_deduction", grade=…, …)``. The templates live in the area
modules of this package, merged into ``CATALOGUE`` (a code twice is an import error):

- the command line, the logs, the CSV files and the English documents fill the English
  template here (``english``);
- the screens translate the same template through the Qt catalogue (context ``Messages``;
  ``scripts/update_translations.py`` extracts ``CATALOGUE``) and fill it with the parameters
  worded for the station (``ui/messages.py``).

A parameter named after a closed vocabulary (``finding``, ``grade``, ``resolution``…, see
``VOCABULARY_PARAMETERS``) holds a code and is shown in words; a ``Decimal`` is money in the
``currency`` parameter's minor digits; a ``datetime`` is a moment (UTC inside, the station's
time on screen); a list is joined with commas, each item worded the same way; a mapping
``{"code": …, "params": …}`` is a message of its own (the reasons listed inside a reason).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from .. import errors
from ..enums import (
    Disposition,
    Finding,
    Grade,
    Headline,
    Recovery,
    RequestedResolution,
    Resolution,
    Role,
    UnitState,
    WindowBasis,
    WindowStatus,
)
from ..money import format_amount, is_currency
from ..vocabulary import english as english_word
from . import accounts, files, imports, inspection, money, policy, reasons, station

#: The translation context of the templates on the screens.
CONTEXT = "Messages"

#: Parameters whose value is a code of a closed vocabulary, shown in words. A parameter
#: ending in one of these names (``new_role``, ``proposed_headline``) is one too.
VOCABULARY_PARAMETERS: dict[str, type[StrEnum]] = {
    "grade": Grade,
    "finding": Finding,
    "findings": Finding,
    "resolution": Resolution,
    "disposition": Disposition,
    "headline": Headline,
    "recovery": Recovery,
    "requested": RequestedResolution,
    "state": UnitState,
    "current": UnitState,
    "role": Role,
    "window": WindowStatus,
    "basis": WindowBasis,
}


def _merged(*modules: Any) -> dict[str, str]:
    merged: dict[str, str] = {}
    for module in modules:
        for code, template in module.TEMPLATES.items():
            if code in merged:
                raise AssertionError(f"message code {code!r} is defined twice")
            merged[code] = template
    return merged


#: The area modules, each with its ``TEMPLATES``.
AREAS = (accounts, files, imports, inspection, money, policy, reasons, station)

#: Every code → its English template.
CATALOGUE: dict[str, str] = _merged(*AREAS)


def is_code(text: str) -> bool:
    """Whether ``text`` is a code of the catalogue (not a sentence)."""
    return text in CATALOGUE


def placeholders(template: str) -> set[str]:
    """The parameter names a template fills."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def vocabulary_of(name: str) -> type[StrEnum] | None:
    """The vocabulary a parameter's value belongs to, from its name, or None."""
    for suffix, kind in VOCABULARY_PARAMETERS.items():
        if name == suffix or name.endswith("_" + suffix):
            return kind
    return None


@dataclass(frozen=True)
class Wording:
    """How one audience words a message's parameters: the one rule for every parameter kind
    (nested messages, lists, vocabulary codes, money, moments), with what differs between
    the command line, the screens and the documents given as functions."""

    #: A nested message in this audience's words.
    message: Callable[[str, Mapping[str, Any]], str]
    #: A vocabulary code in this audience's words.
    word: Callable[[type[StrEnum], str], str]
    #: A moment (UTC inside) as this audience reads it.
    moment: Callable[[datetime], str]
    #: Between the items of a list, and between nested messages.
    separator: str = ", "
    nested_separator: str = "; "

    def value(self, name: str, value: Any, params: Mapping[str, Any]) -> str:
        """One parameter: a nested message, a list (each item worded the same way), a
        vocabulary code in words, money with its currency's minor digits, a moment; anything
        else as it is."""
        if value is None:
            return ""
        if isinstance(value, Mapping) and "code" in value:  # a message inside a message
            return self.message(str(value["code"]), value.get("params") or {})
        if isinstance(value, list | tuple | set | frozenset):
            items = sorted(value) if isinstance(value, set | frozenset) else list(value)
            nested = any(isinstance(item, Mapping) for item in items)
            separator = self.nested_separator if nested else self.separator
            return separator.join(self.value(name, item, params) for item in items)
        kind = vocabulary_of(name)
        if kind is not None and isinstance(value, str):
            return self.word(kind, value)
        if isinstance(value, Decimal):
            currency = params.get("currency")
            if isinstance(currency, str) and is_currency(currency):
                return format_amount(value, currency)
            return f"{value:f}"
        if isinstance(value, datetime):
            return self.moment(value)
        return str(value)


def utc_moment(value: datetime) -> str:
    """``2026-12-05 10:42 UTC``: a moment for the command line and the logs."""
    moment = value if value.tzinfo is None else value.astimezone(UTC)
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def fill(template: str, params: Mapping[str, Any], wording: Wording) -> str:
    """``template`` with each placeholder replaced by its parameter as ``wording`` words it;
    a template whose parameters are missing comes back unfilled (never an exception)."""
    values = {name: wording.value(name, value, params) for name, value in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def english(code: str, params: Mapping[str, Any]) -> str:
    """The English sentence of ``code`` with ``params``; an unknown code as it is."""
    template = CATALOGUE.get(code)
    if template is None:
        return code
    return fill(template, params, ENGLISH)


#: The command line's and the logs' wording: English words, moments in UTC.
ENGLISH = Wording(message=english, word=english_word, moment=utc_moment)


def _english_or_none(code: str, params: Mapping[str, Any]) -> str | None:
    return english(code, params) if code in CATALOGUE else None


errors.english_message = _english_or_none
