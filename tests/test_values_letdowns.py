"""A letdown that ends the candidate's story (their own convenience first, the customer left
worse off, a brush-off) counts against every value; a repair after it or a condition does
not (talentfit.value_reading.letdowns)."""

from __future__ import annotations

import pytest

from talentfit.text import LANGUAGES
from talentfit.value_lexicon import lexicon
from talentfit.values import builtin_values, value_alignment

EXAMPLES = [(lang, s) for lang in LANGUAGES for s in lexicon(lang).general.letdown_examples]
LOOK_ALIKES = [(lang, s) for lang in LANGUAGES for s in lexicon(lang).general.letdown_look_alikes]


def test_letdowns_have_examples_and_look_alikes() -> None:
    for lang in LANGUAGES:
        assert lexicon(lang).general.letdown_examples
        assert lexicon(lang).general.letdown_look_alikes


@pytest.mark.parametrize(("lang", "text"), EXAMPLES)
def test_letdown_counts_against_every_value(lang: str, text: str) -> None:
    for value in builtin_values().values():
        result = value_alignment(text, lang, [value])[0]
        assert result.alignment is not None and result.alignment < 0, (value.id, result)


@pytest.mark.parametrize(("lang", "text"), LOOK_ALIKES)
def test_repair_or_condition_is_no_letdown(lang: str, text: str) -> None:
    result = value_alignment(text, lang, [builtin_values()["ownership"]])[0]
    assert not any(e.signal == "contrary" for e in result.evidence), result


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Een klant stelde voor om te openen. Ik zei dat ik er eens over na zou denken.",
            "nl",
        ),
        ("A regular suggested a quiz night. I said we'd think about it and that was that.", "en"),
    ],
)
def test_brush_off_told_is_no_road_not_taken(text: str, lang: str) -> None:
    result = value_alignment(text, lang, [builtin_values()["entrepreneurship"]])[0]
    assert result.alignment is not None and result.alignment < 0, result
