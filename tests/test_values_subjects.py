"""Whose act is it: the clause's subject decides (talentfit.value_reading.other_subject)."""

from __future__ import annotations

import pytest

from talentfit.text import analyse
from talentfit.value_reading import other_subject
from talentfit.values import builtin_values, value_alignment


def _signals(text: str, lang: str, value: str) -> list[tuple[str, str]]:
    result = value_alignment(text, lang, [builtin_values()[value]])[0]
    return [(e.text, e.signal) for e in result.evidence]


def _subject_other(text: str, lang: str, word: str) -> bool:
    doc = analyse(text, lang, spoken=True)
    k = next(t.i for t in doc.tokens if t.norm == word)
    return other_subject(doc, k, k)


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("Mijn ploegmaat had voorgesteld om het anders te doen.", "nl", "voorgesteld"),
        ("Een paar kooplui stelden voor om een avondmarkt te proberen.", "nl", "stelden"),
        ("My manager told the customer it was fine.", "en", "told"),
        ("A regular suggested we do a quiz night.", "en", "suggested"),
        ("The keepers kept getting in each other's way.", "en", "getting"),
        ("Ze klaagden over de wachttijd.", "nl", "klaagden"),
    ],
)
def test_someone_else_as_subject(text: str, lang: str, word: str) -> None:
    assert _subject_other(text, lang, word)


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("Ik heb mijn collega gebeld.", "nl", "gebeld"),
        ("Mijn collega en ik hebben het samen opgelost.", "nl", "opgelost"),
        ("When we're busy, me and the lads sort it between us.", "en", "sort"),
        ("I rang her back and apologised.", "en", "apologised"),
        ("A quick call to the customer sorted it.", "en", "call"),
        ("Dat hoort erbij, dat je het afmaakt.", "nl", "afmaakt"),
        ("Toen belde ik de klant terug.", "nl", "belde"),
    ],
)
def test_the_candidate_as_subject(text: str, lang: str, word: str) -> None:
    assert not _subject_other(text, lang, word)


def test_someone_elses_suggestion_is_not_the_candidates_initiative() -> None:
    text = "Een paar kooplui stelden voor om op donderdagavond een avondmarkt te proberen."
    assert ("stelden voor", "indicator") not in _signals(text, "nl", "entrepreneurship")
    own = "Ik stelde voor om op donderdagavond een avondmarkt te proberen."
    assert ("stelde voor", "indicator") in _signals(own, "nl", "entrepreneurship")


def test_others_contrary_act_as_the_setting_does_not_count_against() -> None:
    text = (
        "With the new elephant house, the keepers and the education staff kept getting in "
        "each other's way. I suggested a weekly lunch together to line things up."
    )
    result = value_alignment(text, "en", [builtin_values()["collaboration"]])[0]
    assert result.alignment is not None and result.alignment > 0
    # a judgement of the other person is the candidate's view and still counts
    judged = "He was being dramatic, so I carried on with the procedure."
    result = value_alignment(judged, "en", [builtin_values()["empathy"]])[0]
    assert result.alignment is not None and result.alignment < 0


def test_me_or_my_is_no_subject_for_a_told_act() -> None:
    text = "An older lady in my class kept asking me to repeat things."
    signals = _signals(text, "en", "respect")
    assert not any(s == "general_indicator" for _, s in signals)


def test_others_state_as_the_setting_does_not_count_against() -> None:
    # a contrary phrase without a verb of its own, in a told clause of someone else's
    text = (
        "Ze bleek thuis te werken met een koptelefoon op. Ik heb een ander model voorgesteld "
        "en haar gevraagd hem een week te proberen."
    )
    assert not any("koptelefoon" in t for t, _ in _signals(text, "nl", "collaboration"))
    # the candidate's own headphones still count against
    own = "Ik werk het liefst met mijn koptelefoon op, dan hoor ik niemand."
    assert any(s == "contrary" for _, s in _signals(own, "nl", "collaboration"))


def test_a_negation_after_a_participle_is_a_clause_of_its_own() -> None:
    text = "Ik heb een ander model voorgesteld dat niet onder de beugel drukt."
    signals = _signals(text, "nl", "customer_focus")
    assert not any(s.endswith("negated_indicator") for _, s in signals)
    # "meld ik dat niet": a demonstrative after a finite verb, the negation is the verb's
    kept = "Schade meld ik dat niet altijd meteen aan de eigenaar."
    assert not any(
        s.endswith("indicator") and "negated" not in s for _, s in _signals(kept, "nl", "openness")
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Op woensdag bleek dat de kroon niet op tijd klaar zou zijn. Ik heb diezelfde "
            "middag de praktijk gebeld en een nieuwe datum genoemd.",
            "nl",
        ),
        ("The parts weren't there on time. I rang the customer that morning.", "en"),
    ],
)
def test_a_thing_that_fails_is_a_setback_not_a_failing(text: str, lang: str) -> None:
    signals = _signals(text, lang, "reliability")
    assert not any(s.endswith("negated_indicator") for _, s in signals)
    result = value_alignment(text, lang, [builtin_values()["reliability"]])[0]
    assert result.alignment is not None and result.alignment > 0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ik was niet op tijd, de klant stond al te wachten.", "nl"),
        ("I wasn't there on time and the customer had already left.", "en"),
    ],
)
def test_the_candidate_not_on_time_still_counts_against(text: str, lang: str) -> None:
    result = value_alignment(text, lang, [builtin_values()["reliability"]])[0]
    assert result.alignment is not None and result.alignment < 0


def test_a_request_in_a_row_of_own_acts_is_the_candidates() -> None:
    text = (
        "A patient turned up on the wrong day, booked by someone on the phone team. I checked "
        "which dentist had a gap, asked him to see her, and then went back and fixed the "
        "booking template that had caused it."
    )
    result = value_alignment(text, "en", [builtin_values()["ownership"]])[0]
    assert result.alignment is not None and result.alignment > 0
    # someone else's request still makes what follows theirs
    other = "My manager asked us to fix the booking template that had caused it."
    assert not any(s == "indicator" for _, s in _signals(other, "en", "ownership"))


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        (
            "The shop offered to pay for a barista course. I've been making coffee for years, "
            "so I said thanks but no.",
            "en",
            "development",
        ),
        (
            "Er kwam vorig jaar een nieuwe app, met een cursus van twee middagen. Ik heb gezegd "
            "dat ik daar niet aan begin.",
            "nl",
            "development",
        ),
    ],
)
def test_a_value_word_in_the_setting_is_not_the_candidates_act(
    text: str, lang: str, value: str
) -> None:
    assert not any(s == "indicator" for _, s in _signals(text, lang, value))


def test_a_value_word_in_a_told_sentence_of_the_candidate_still_counts() -> None:
    text = "The shop paid for my barista course last year. I use what I learned every day."
    assert any(s == "indicator" for _, s in _signals(text, "en", "development"))
