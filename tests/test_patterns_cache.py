"""The Matcher's per-word-form cache never changes what a document matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from talentfit.patterns import Matcher, compile_pattern
from talentfit.text import analyse

SOURCES = [
    "marktconform*",
    "jong ... team",
    "terug+bellen",
    "# jaar ... ervaring",
    "*leider",
    "goed|goede salaris",
]
WORDS = [
    *("een", "jong", "team", "marktconforme", "salaris", "goede", "3", "jaar"),
    *("ervaring", "belde", "terug", "teamleider", "hem", "niet", "."),
]


def fresh(entries: list) -> Matcher[str]:
    return Matcher(entries)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=25), min_size=2, max_size=4))
def test_a_reused_matcher_finds_what_a_fresh_one_finds(texts: list[list[str]]) -> None:
    """Matching many documents with one Matcher equals matching each with a new one."""
    entries = [(compile_pattern(s, "nl"), s) for s in SOURCES]
    shared = Matcher(entries)
    for words in texts:
        doc = analyse(" ".join(words), "nl")
        got = [(m.payload, m.first, m.last) for m in shared.find(doc)]
        assert got == [(m.payload, m.first, m.last) for m in fresh(entries).find(doc)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=25), min_size=2, max_size=4))
def test_emptied_caches_change_nothing(texts: list[list[str]]) -> None:
    """With caches that are emptied every few word forms (the memory bound), a reused
    Matcher still finds what a fresh one finds."""
    import talentfit.patterns as patterns

    entries = [(compile_pattern(s, "nl"), s) for s in SOURCES]
    shared = Matcher(entries)
    limit = patterns._STARTS_LIMIT
    patterns._STARTS_LIMIT = 3
    try:
        for words in texts:
            doc = analyse(" ".join(words), "nl")
            got = [(m.payload, m.first, m.last) for m in shared.find(doc)]
            assert got == [(m.payload, m.first, m.last) for m in fresh(entries).find(doc)]
    finally:
        patterns._STARTS_LIMIT = limit


def test_a_sentence_end_is_no_next_word() -> None:
    """A two-word pattern never matches across a sentence end, also after the same word
    form was seen before the same next word inside a sentence."""
    matcher = Matcher([(compile_pattern("goede salaris", "nl"), "x")])
    inside = analyse("Een goede salaris hier.", "nl")
    across = analyse("Dat is goede. Salaris volgt later.", "nl")
    assert [m.payload for m in matcher.find(inside)] == ["x"]
    assert matcher.find(across) == []
