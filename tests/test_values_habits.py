"""A present-tense habit of the candidate's kept at a cost or said as their rule is a belief
lived (general_habit), not the absence of a story (general_no_story)."""

from __future__ import annotations

import pytest

from talentfit.values import builtin_values, value_alignment


def _indirect(text: str, lang: str) -> list[str]:
    # a value the sentences below say nothing specific about: only indirect evidence (the
    # backoff rules, without the attitude model)
    result = value_alignment(text, lang, [builtin_values()["entrepreneurship"]], model=False)[0]
    return [e.signal for e in result.evidence]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I match every knot to the original dye lot, even on the bits under the sofa.", "en"),
        ("Ik wijs zelf op vlekken of een vervangen band, ook als dat de prijs drukt.", "nl"),
        (
            "Ik kijk altijd wat bloemisten straks nodig hebben, niet alleen wat ze nu bestellen.",
            "nl",
        ),
        ("I always show them their current usage first and pick the contract to match.", "en"),
    ],
)
def test_lived_habit(text: str, lang: str) -> None:
    signals = _indirect(text, lang)
    assert "general_habit" in signals and "general_no_story" not in signals


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Planning, ach, ik zeg altijd zes weken, dan wordt het tien.", "nl"),  # what they say
        ("Ik stuur ze altijd gewoon terug naar de balie.", "nl"),  # a minimiser
        ("I always tell tenants the repair will happen this week.", "en"),  # what they say
        ("I don't always check the seals.", "en"),  # negated
        ("I think people should sort their own problems.", "en"),  # a view, no habit word
    ],
)
def test_not_a_lived_habit(text: str, lang: str) -> None:
    assert "general_habit" not in _indirect(text, lang)
