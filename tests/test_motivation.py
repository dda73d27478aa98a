"""Motivation drivers and their fit with the role's offer."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentfit.motivation import DRIVERS, fit_of, lexicon, motivation, strength_of
from talentfit.text import LANGUAGES

EXAMPLES = [
    (lang, entry.id, positive, sentence)
    for lang in LANGUAGES
    for entry in lexicon(lang).drivers
    for positive, sentences in ((True, entry.positive), (False, entry.negative))
    for sentence in sentences
]


def test_every_driver_has_examples_per_language() -> None:
    """Meta-test: the five drivers exist in every language, each with both kinds of examples."""
    for lang in LANGUAGES:
        drivers = lexicon(lang).drivers
        assert tuple(d.id for d in drivers) == DRIVERS
        for entry in drivers:
            assert entry.positive and entry.negative and entry.patterns, (lang, entry.id)


@pytest.mark.parametrize(("lang", "driver", "positive", "sentence"), EXAMPLES)
def test_driver_examples(lang: str, driver: str, positive: bool, sentence: str) -> None:
    """Each example shows its driver, or (negative examples) does not."""
    found = [d.driver for d in motivation(sentence, lang).drivers]
    assert (driver in found) is positive, found


def test_strength_grows_with_mentions_and_fit_follows_offer() -> None:
    """Strength = 1 - 0.5**n; a driver the offer has nothing for lowers fit."""
    text = "Ik wil zelf beslissen, veel leren en thuiswerken. Een cursus lijkt me top."
    offer = SimpleNamespace(
        autonomy=["Je bepaalt zelf je aanpak"],
        craftsmanship=["Goed gereedschap"],
        development=["Opleidingsbudget van 1500 euro"],
        network=[],
        flexibility=[],
    )
    result = motivation(text, "nl", offer)
    strengths = {d.driver: d.strength for d in result.drivers}
    assert strengths == {"development": 0.75, "autonomy": 0.5, "flexibility": 0.5}
    assert result.drivers[0].driver == "development"
    assert result.fit == round(1.25 / 1.75, 3)
    full = motivation(text, "nl", {d: ["iets"] for d in DRIVERS})
    assert full.fit == 1.0


def test_no_drivers_or_no_offer_gives_no_fit() -> None:
    """Without drivers, or without an offer, fit is None."""
    assert motivation("Ik heb de klant gebeld.", "nl", {d: ["x"] for d in DRIVERS}).fit is None
    assert motivation("I want freedom.", "en", None).fit is None
    assert motivation("I want freedom.", "en", None).drivers[0].driver == "autonomy"


def test_formula_helpers() -> None:
    """strength_of and fit_of implement the documented formula."""
    assert [strength_of(n) for n in (1, 2, 3)] == [0.5, 0.75, 0.875]
    assert fit_of({"autonomy": 0.5, "network": 0.5}, {"autonomy": True, "network": False}) == 0.5
    assert fit_of({}, {"autonomy": True}) is None


def test_evidence_quotes_text() -> None:
    """Driver evidence offsets point into the original text."""
    text = "Contact with customers and working from home matter to me."
    for driver in motivation(text, "en").drivers:
        for ev in driver.evidence:
            assert text[ev.start : ev.end] == ev.text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.sampled_from(LANGUAGES))
def test_any_text_no_crash_deterministic_bounded(text: str, lang: str) -> None:
    """Any text: no crash, deterministic, strengths and fit within 0..1."""
    offer = {"autonomy": ["x"], "development": ["y"]}
    first = motivation(text, lang, offer)
    assert first == motivation(text, lang, offer)
    assert all(0 < d.strength < 1 for d in first.drivers)
    assert first.fit is None or 0.0 <= first.fit <= 1.0
