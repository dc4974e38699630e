"""The words on printed documents (issue 16): every code of every closed vocabulary has
English words, the same the screens show, and Chinese read from the project's Qt catalogue."""

from __future__ import annotations

from enum import StrEnum

import pytest

from printing.catalogue import catalogue
from printing.wording import DocumentWords
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
from qc_station.domain.vocabulary import TABLES, english

DOCUMENT_VOCABULARIES: tuple[type[StrEnum], ...] = (
    Grade,
    Finding,
    Headline,
    Resolution,
    Disposition,
    Recovery,
    UnitState,
)


@pytest.mark.parametrize("kind", [*TABLES])
def test_every_code_has_words(kind: type[StrEnum]) -> None:
    assert set(TABLES[kind]) == set(kind)
    assert all(word.strip() for word in TABLES[kind].values())


def test_codes_become_words_in_english() -> None:
    words = DocumentWords()
    assert words.finding("TRANSIT_DAMAGE") == "Transit damage"
    assert words.resolution("FULL_REFUND") == "Full refund"
    assert words.requested("REFUND") == "Refund"
    assert words.disposition("RETURN_TO_VENDOR") == "Return to vendor"
    assert words.finding(None) == "—"
    assert words.finding("SOMETHING_NEW") == "SOMETHING_NEW"  # newer data: shown as it is
    assert words("Finding") == "Finding"


@pytest.mark.parametrize("kind", DOCUMENT_VOCABULARIES)
def test_every_word_has_its_chinese_in_the_catalogue(kind: type[StrEnum]) -> None:
    """The Chinese comes from the screens' own catalogue (context "Labels"): one translation."""
    zh = DocumentWords("zh_CN")
    entries = catalogue("zh_CN")
    for member in kind:
        word = english(kind, member.value)
        assert ("Labels", word) in entries, word
        assert zh.code(kind, member.value) == entries["Labels", word]


def test_chinese_words() -> None:
    zh = DocumentWords("zh_CN")
    assert zh.finding("TRANSIT_DAMAGE") == "运输损坏"
    assert zh.resolution("PARTIAL_REFUND") == "部分退款"
    assert zh.requested(RequestedResolution.EXCHANGE) == "换货"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="document language"):
        DocumentWords("fr")


def test_the_screens_show_the_same_english_words() -> None:
    """``ui/labels.py`` translates this table's words: untranslated, they are the same."""
    pytest.importorskip("PySide6")
    from ui import labels

    for kind, label in (
        (Grade, labels.grade_label),
        (Finding, labels.finding_label),
        (Headline, labels.headline_label),
        (Resolution, labels.resolution_label),
        (Disposition, labels.disposition_label),
        (Recovery, labels.recovery_label),
        (UnitState, labels.unit_state_label),
    ):
        for member in kind:
            assert label(member) == english(kind, member.value), member
