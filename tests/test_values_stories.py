"""Stories that go against every value without a listed word: a request answered with words
only, then the candidate carries on (talentfit.value_stories.moved_on); a commitment in the
past perfect kept at a later day or hour (talentfit.value_stories.broken_commitments)."""

from __future__ import annotations

import pytest

from talentfit.text import LANGUAGES, analyse
from talentfit.value_lexicon import lexicon
from talentfit.value_reading import candidate_acts, cover_stories, read_cues
from talentfit.value_stories import (
    broken_commitments,
    concealed_flaws,
    contradicted_claims,
    flaws_handed_over,
    moved_on,
    shelved_suggestions,
    standards_skipped,
)
from talentfit.values import builtin_values, value_alignment

FIELDS = {
    "moving_on": ("moving_on_examples", "moving_on_look_alikes"),
    "commitments": ("commitment_examples", "commitment_look_alikes"),
    "fact_questions": ("claim_examples", "claim_look_alikes"),
    "concealments": ("concealment_examples", "concealment_look_alikes"),
    "flaws": ("flaw_examples", "flaw_look_alikes"),
    "suggestions": ("suggestion_examples", "suggestion_look_alikes"),
    "after_work": ("after_work_examples", "after_work_look_alikes"),
    "norms": ("norm_examples", "norm_look_alikes"),
}
EXAMPLES = [
    (lang, s)
    for lang in LANGUAGES
    for examples, _ in FIELDS.values()
    for s in getattr(lexicon(lang).general, examples)
]
LOOK_ALIKES = [
    (lang, s)
    for lang in LANGUAGES
    for _, look_alikes in FIELDS.values()
    for s in getattr(lexicon(lang).general, look_alikes)
]


def test_story_rules_have_examples_and_look_alikes() -> None:
    for lang in LANGUAGES:
        general = lexicon(lang).general
        for field, (examples, look_alikes) in FIELDS.items():
            assert getattr(general, field), (lang, field)
            assert getattr(general, examples), (lang, examples)
            assert getattr(general, look_alikes), (lang, look_alikes)


@pytest.mark.parametrize(("lang", "text"), EXAMPLES)
def test_story_counts_against_every_value(lang: str, text: str) -> None:
    for value in builtin_values().values():
        result = value_alignment(text, lang, [value])[0]
        assert result.alignment is not None and result.alignment < 0, (value.id, result)


@pytest.mark.parametrize(("lang", "text"), LOOK_ALIKES)
def test_look_alike_is_no_contrary_story(lang: str, text: str) -> None:
    doc = analyse(text, lang, spoken=True)
    cues = read_cues(doc)
    assert not moved_on(doc, cues)
    assert not broken_commitments(doc, cues)
    assert not contradicted_claims(doc, cues)
    assert not concealed_flaws(doc, cues)
    assert not flaws_handed_over(doc, cues)
    assert not shelved_suggestions(doc, cues)
    assert not standards_skipped(doc, cues)
    if text in lexicon(lang).general.after_work_look_alikes:
        assert not cover_stories(doc)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ik had beloofd dat het maandag klaar was. Ik heb het dinsdag gedaan.", "nl", True),
        ("Ik had beloofd dat het dinsdag klaar was. Ik heb het maandag gedaan.", "nl", False),
        ("I'd told her it would be in by Tuesday. I sent it the following Monday.", "en", True),
        ("I'd promised a morning slot. I turned up at four.", "en", True),
        ("I'd promised a morning slot. I turned up at ten past eight.", "en", False),
        ("We hadden om acht uur afgesproken. Om tien over half acht stond ik er.", "nl", False),
        ("Als ik om acht uur had beloofd, sta ik er om acht uur.", "nl", False),
    ],
)
def test_commitment_kept_later(text: str, lang: str, expected: bool) -> None:
    doc = analyse(text, lang, spoken=True)
    assert bool(broken_commitments(doc, read_cues(doc))) is expected


@pytest.mark.parametrize(
    ("text", "lang", "habit"),
    [
        ("Als een kind overstuur is, praat ik eerst rustig met het kind.", "nl", True),
        ("When a kid goes white, I stop and talk about something else for a bit.", "en", True),
        ("Een lot dat wint geef ik terug, ook als die klant denkt dat het niks is.", "nl", True),
        ("Ik haal er een doekje overheen als ik tijd heb.", "nl", False),
        ("If they really need it they'll ask again, and then I'll order it.", "en", False),
        ("Als een klant zeurt, stuur ik hem gewoon door.", "nl", False),
        ("I don't tell them when the wind picks up.", "en", False),
    ],
)
def test_conditional_habit(text: str, lang: str, habit: bool) -> None:
    """A present-tense rule of the candidate's with a condition ("als …, ga ik …") is a habit
    lived, unless the condition is one of convenience, a promise for later, a minimiser or a
    negation of the candidate's own act."""
    values = builtin_values()
    blank = [values["ownership"]]
    signals = [e.signal for e in value_alignment(text, lang, blank, model=False)[0].evidence]
    assert ("general_habit" in signals) is habit, signals


@pytest.mark.parametrize(
    ("text", "lang", "word", "expected"),
    [
        (
            "The fan was screaming after I'd done it. Told him that's how they sound.",
            "en",
            "told",
            True,
        ),
        (
            "The fan was screaming after I'd done it. Yeah, told him to ring the maker.",
            "en",
            "told",
            True,
        ),
        ("The fan was screaming. Told him that's how they sound.", "en", "told", False),
        (
            "Ik had die lekkage veroorzaakt. Ben zaterdag gegaan, niks gerekend.",
            "nl",
            "gegaan",
            True,
        ),
        ("Ik had die lekkage veroorzaakt. Heb je dat gezien?", "nl", "gezien", False),
    ],
)
def test_dropped_subject_is_the_candidate(text: str, lang: str, word: str, expected: bool) -> None:
    """Spoken answers drop the candidate as subject after a sentence about them ("Told him
    …", "Ben zaterdag gegaan"): the verb is still the candidate's act."""
    doc = analyse(text, lang, spoken=True)
    k = next(i for i, t in enumerate(doc.tokens) if t.norm == word and t.sent == 1)
    assert candidate_acts(doc, k) is expected
