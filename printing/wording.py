"""The words on the printed documents: codes of the closed vocabularies (``TRANSIT_DAMAGE``,
``FULL_REFUND``…) never reach a page that a marketplace, a carrier or a supplier reads.

English by default; the station's language where the printer settings ask for it (the
"Documents language"). The English words of each vocabulary are the domain's one table
(``qc_station.domain.vocabulary``, the words the screens show too); their Chinese, and the
Chinese of the documents' own headings (context ``Documents``), come from the project's Qt
Linguist catalogue (``catalogue.py``), so every word has one translation.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from qc_station.domain.enums import (
    Disposition,
    Finding,
    Grade,
    Headline,
    Recovery,
    RequestedResolution,
    Resolution,
    UnitState,
)
from qc_station.domain.messages import CATALOGUE, Wording, fill, placeholders, utc_moment
from qc_station.domain.messages import CONTEXT as MESSAGES_CONTEXT
from qc_station.domain.vocabulary import english

from .catalogue import translate

#: The languages a document can be printed in; English is the source language.
DOCUMENT_LANGUAGES = ("en", "zh_CN")
#: The catalogue context of the documents' own headings and phrases.
CONTEXT = "Documents"
#: The documents' titles, which the services choose (``data.title``) and the documents print
#: translated; ``scripts/update_translations.py`` extracts them from here.
TITLES = (
    "Inspection report",
    "Inspection report (one unit)",
    "Carrier claim",
    "Vendor return",
    "Returns QC — weekly summary",
)
#: Phrases the services and the renderers hand over as data (a checklist answer, what a
#: signature means, a photo that could not be read), printed translated; extracted from here.
PHRASES = (
    "PASS",
    "FAIL",
    "N/A",
    "Photo could not be read",
    "Decided as inspector",
    "Decided as inspector (overriding the proposal)",
    "Approved as supervisor (four eyes)",
    "Awaiting approval",
)
#: The catalogue context of the vocabularies' words (``ui/labels.py``'s).
VOCABULARY_CONTEXT = "Labels"


class DocumentWords:
    """The words of one document in one language: ``words("Finding")`` for a heading,
    ``words.finding("TRANSIT_DAMAGE")`` for a code."""

    def __init__(self, language: str = "en") -> None:
        if language not in DOCUMENT_LANGUAGES:
            expected = " or ".join(DOCUMENT_LANGUAGES)
            raise ValueError(f"unknown document language {language!r}; expected {expected}")
        self.language = language

    def __call__(self, source: str) -> str:
        """One of the documents' own English phrases in this language."""
        return translate(self.language, CONTEXT, source)

    def code(self, kind: type[StrEnum], code: str | None) -> str:
        """A code of the vocabulary ``kind`` in words; ``—`` for none."""
        if not code:
            return "—"
        word = english(kind, code)
        translated = translate(self.language, VOCABULARY_CONTEXT, word)
        if translated == word:  # a word only documents print is filed under Documents
            translated = translate(self.language, CONTEXT, word)
        return translated

    def grade(self, code: str | None) -> str:
        return self.code(Grade, code)

    def finding(self, code: str | None) -> str:
        return self.code(Finding, code)

    def headline(self, code: str | None) -> str:
        return self.code(Headline, code)

    def resolution(self, code: str | None) -> str:
        return self.code(Resolution, code)

    def requested(self, code: str | None) -> str:
        return self.code(RequestedResolution, code)

    def disposition(self, code: str | None) -> str:
        return self.code(Disposition, code)

    def recovery(self, code: str | None) -> str:
        return self.code(Recovery, code)

    def unit_state(self, code: str | None) -> str:
        return self.code(UnitState, code)

    def message(self, code: str, params: Mapping[str, Any], english_text: str = "") -> str:
        """A decision reason or a refusal of the core's message catalogue in this language:
        its template translated (context ``Messages``) and filled with the parameters worded
        for the document. A reason stored before its template took the parameters it has now
        prints the English it was stored with (``english_text``)."""
        template = CATALOGUE.get(code)
        if template is None or not placeholders(template) <= set(params):
            return english_text or code
        wording = Wording(message=self.message, word=self.code, moment=utc_moment)
        return fill(translate(self.language, MESSAGES_CONTEXT, template), params, wording)


ENGLISH = DocumentWords("en")
