"""The customer's stated reason: Amazon's reason codes and phrases in six languages, each
sorted into a category that suggests a finding (SPEC §4)."""

from __future__ import annotations

import pytest

from qc_station.domain.enums import Finding
from qc_station.domain.stated_reasons import (
    AMAZON_REASON_CODES,
    LANGUAGES,
    PHRASES,
    SUGGESTED_FINDING,
    ReasonCategory,
    amazon_reason,
    categorize,
    looks_like_change_of_mind,
    suggested_finding,
)

#: The codes of Amazon's FBA customer returns report and the finding each must suggest.
AMAZON_EXPECTED: dict[str, Finding | None] = {
    "UNWANTED_ITEM": Finding.NO_FAULT,
    "FOUND_BETTER_PRICE": Finding.NO_FAULT,
    "ORDERED_WRONG_ITEM": Finding.NO_FAULT,
    "MISORDERED": Finding.NO_FAULT,
    "UNAUTHORIZED_PURCHASE": Finding.NO_FAULT,
    "NO_REASON_GIVEN": Finding.NO_FAULT,
    "APPAREL_TOO_SMALL": Finding.NO_FAULT,
    "APPAREL_TOO_LARGE": Finding.NO_FAULT,
    "APPAREL_STYLE": Finding.NO_FAULT,
    "DID_NOT_LIKE_FABRIC": Finding.NO_FAULT,
    "DID_NOT_LIKE_COLOR": Finding.NO_FAULT,
    "NOT_COMPATIBLE": Finding.NO_FAULT,
    "PART_NOT_COMPATIBLE": Finding.NO_FAULT,
    "EXCESSIVE_INSTALLATION": Finding.NO_FAULT,
    "MISSED_ESTIMATED_DELIVERY": Finding.NO_FAULT,
    "NEVER_ARRIVED": Finding.NO_FAULT,
    "UNDELIVERABLE_REFUSED": Finding.NO_FAULT,
    "UNDELIVERABLE_UNCLAIMED": Finding.NO_FAULT,
    "UNDELIVERABLE_INSUFFICIENT_ADDRESS": Finding.NO_FAULT,
    "UNDELIVERABLE_FAILED_DELIVERY_ATTEMPTS": Finding.NO_FAULT,
    "UNDELIVERABLE_CARRIER_MISS_SORTED": Finding.NO_FAULT,
    "UNDELIVERABLE_MISSING_LABEL": Finding.NO_FAULT,
    "UNDELIVERABLE_UNKNOWN": Finding.NO_FAULT,
    "DEFECTIVE": Finding.DEFECT,
    "QUALITY_UNACCEPTABLE": Finding.DEFECT,
    "DAMAGED_BY_CARRIER": Finding.TRANSIT_DAMAGE,
    "DAMAGED_BY_FC": Finding.TRANSIT_DAMAGE,
    "NOT_AS_DESCRIBED": Finding.NOT_AS_DESCRIBED,
    "MISSING_PARTS": Finding.MISSING_PARTS,
    "SWITCHEROO": Finding.WRONG_ITEM,
    "EXTRA_ITEM": None,
}


def test_every_amazon_code_is_known_and_suggests_its_finding() -> None:
    assert set(AMAZON_REASON_CODES) == set(AMAZON_EXPECTED)
    for code, finding in AMAZON_EXPECTED.items():
        assert suggested_finding(code) == finding, code
        assert suggested_finding(f"{code}: see comment") == finding, code


def test_every_category_has_a_suggestion_and_phrases_in_every_language() -> None:
    assert set(SUGGESTED_FINDING) == set(ReasonCategory)
    assert set(PHRASES) == set(ReasonCategory)
    for category, by_language in PHRASES.items():
        assert set(by_language) == set(LANGUAGES), category
        for language, phrases in by_language.items():
            assert phrases, (category, language)
            for phrase in phrases:
                assert categorize(phrase) == category, (phrase, language)


def test_an_amazon_code_is_split_from_the_customers_comment() -> None:
    assert amazon_reason("APPAREL_TOO_SMALL: ran small") == (
        "APPAREL_TOO_SMALL",
        ReasonCategory.TOO_SMALL,
        "ran small",
    )
    assert amazon_reason("CR-DEFECTIVE") == ("DEFECTIVE", ReasonCategory.DEFECTIVE, "")
    # Amazon may add undeliverable codes: still a parcel that never arrived.
    assert categorize("UNDELIVERABLE_NEW_KIND") == ReasonCategory.UNDELIVERABLE
    assert amazon_reason("SOME_NEW_CODE: it is broken") is None
    assert categorize("SOME_NEW_CODE: it is broken") == ReasonCategory.DEFECTIVE  # the comment


@pytest.mark.parametrize(
    ("reason", "category"),
    [
        ("changed my mind", ReasonCategory.CHANGE_OF_MIND),
        ("不想要了", ReasonCategory.CHANGE_OF_MIND),
        ("wrong size", ReasonCategory.WRONG_SIZE),
        ("Too big for me", ReasonCategory.TOO_LARGE),
        ("Die Hose ist zu klein", ReasonCategory.TOO_SMALL),
        ("talla incorrecta", ReasonCategory.WRONG_SIZE),
        ("サイズが合わない", ReasonCategory.WRONG_SIZE),
        ("C'est trop petit", ReasonCategory.TOO_SMALL),
        ("鞋子偏小", ReasonCategory.TOO_SMALL),
        ("Gerät ist defekt", ReasonCategory.DEFECTIVE),
        ("llegó dañado", ReasonCategory.DAMAGED_IN_TRANSIT),
        ("arrived damaged", ReasonCategory.DAMAGED_IN_TRANSIT),
        ("与描述不符", ReasonCategory.NOT_AS_DESCRIBED),
        ("部品が足りない", ReasonCategory.MISSING_PARTS),
        ("received the wrong colour", ReasonCategory.WRONG_ITEM_SENT),
    ],
)
def test_phrases_in_several_languages(reason: str, category: ReasonCategory) -> None:
    assert categorize(reason) == category


def test_sizing_is_no_fault_and_words_inside_words_do_not_count() -> None:
    for reason in ("too small", "too big", "wrong size", "zu klein", "サイズが合わない"):
        assert suggested_finding(reason) == Finding.NO_FAULT, reason
    assert categorize("kleine Kratzer am Gehäuse") is None  # "klein" inside "kleine"
    assert suggested_finding("") is None
    assert suggested_finding("see attached letter") is None


def test_looks_like_change_of_mind() -> None:
    assert looks_like_change_of_mind("不想要了")
    assert looks_like_change_of_mind("UNWANTED_ITEM")
    assert not looks_like_change_of_mind("arrived broken")
