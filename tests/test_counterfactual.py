"""Counterfactual swaps: names, pronouns and titles swap token-wise and keep capitalisation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentfit.counterfactual import swap_data, swap_text, variants
from talentfit.errors import InputError
from talentfit.text import fold

DATA = swap_data()
RULES = [(lang, rule) for lang, swaps in DATA.languages.items() for rule in swaps.rules]


def test_every_rule_has_positive_and_negative_examples() -> None:
    """Meta-test: a swap rule without both kinds of example fails the suite."""
    missing = [
        f"{lang}:{rule.word}->{rule.swap}"
        for lang, rule in RULES
        if not rule.positive or not rule.negative
    ]
    assert not missing


@pytest.mark.parametrize(
    ("lang", "rule"), RULES, ids=[f"{lang}-{rule.word}-{rule.swap}" for lang, rule in RULES]
)
def test_rule_examples(lang: str, rule: object) -> None:
    """Each rule's positive and negative examples swap to exactly the expected text."""
    for source, expected in rule.positive + rule.negative:  # type: ignore[attr-defined]
        assert swap_text(source, lang) == expected


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("source", "expected"), [tuple(p) for p in DATA.names.examples])
def test_name_examples(lang: str, source: str, expected: str) -> None:
    """Names swap where capitalised, in both directions and languages, never inside words."""
    assert swap_text(source, lang, gender=False) == expected


def test_name_pairs_are_unique_and_distinct() -> None:
    """Every name is in one pair only, so the swap is its own inverse."""
    names = [fold(n) for pair in DATA.names.first + DATA.names.surnames for n in pair]
    assert len(names) == len(set(names))
    assert len(DATA.names.first) >= 30 and len(DATA.names.surnames) >= 10


def test_the_issue_pairs_are_present() -> None:
    """The pairs the issue names are all swapped."""
    assert swap_text("Jan en Peter", "nl") == "Mohammed en Fatima"
    assert swap_text("Mohammed en Fatima", "nl") == "Jan en Peter"
    assert swap_text("Hij zag hem. Zij zag haar.", "nl") == "Zij zag haar. Hij zag hem."
    assert swap_text("meneer, mevrouw", "nl") == "mevrouw, meneer"
    assert swap_text("He saw him and his dog. She saw her.", "en") == (
        "She saw her and her dog. He saw him."
    )
    assert swap_text("Mr Smith and Ms Patel", "en") == "Ms Nguyen and Mr Williams"


def test_capitalisation_is_kept() -> None:
    """Lower, Title and UPPER case survive the swap."""
    assert swap_text("HIJ belde. Hij belde. hij belde.", "nl") == "ZIJ belde. Zij belde. zij belde."


def test_names_only_and_gender_only() -> None:
    """The names and gender switches swap only their own kind."""
    text = "Peter belde. Hij was boos."
    assert swap_text(text, "nl", gender=False) == "Fatima belde. Hij was boos."
    assert swap_text(text, "nl", names=False) == "Peter belde. Zij was boos."


def test_variants_are_distinct_and_differ_from_the_original() -> None:
    """variants() returns only texts that differ, without duplicates."""
    assert variants("Ik hielp de klant.", "nl") == {}
    only_names = variants("Jan belde.", "nl")
    assert list(only_names) == ["names"]
    full = variants("Jan belde. Hij was boos.", "nl")
    assert set(full) == {"names", "gender", "all"}
    assert full["all"] == "Mohammed belde. Zij was boos."


def test_unsupported_language_raises() -> None:
    """A language without swap rules is an InputError, not a silent no-op."""
    with pytest.raises(InputError, match="unsupported language"):
        swap_text("Hij belde.", "de")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["nl", "en"]))
def test_any_text_swaps_deterministically_without_crashing(text: str, lang: str) -> None:
    """Any text: no crash, the same output twice."""
    assert swap_text(text, lang) == swap_text(text, lang)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Jan", "Mohammed", "Peter", "Fatima", "meneer", "mevrouw", "en", "."]),
        max_size=12,
    )
)
def test_names_and_titles_swap_back(words: list[str]) -> None:
    """Unambiguous swaps are their own inverse: swapping twice gives the original text."""
    text = " ".join(words)
    assert swap_text(swap_text(text, "nl"), "nl") == text
