"""Rationales are written in the answer's language, from data files with one schema."""

from __future__ import annotations

import string

import attrs
import pytest

from talentfit import load_rubric, score_answer
from talentfit.calibration import Calibration, CompetencyCalibration
from talentfit.rationale import RationaleTexts, rationale_texts
from talentfit.text import LANGUAGES

NL = (
    "Een klant belde boos omdat zijn pakket niet kwam. Ik heb hem niet doorverbonden maar "
    "zelf de vervoerder gebeld en een nieuw pakket gestuurd. Hij was er blij mee."
)
EN = (
    "A customer called, angry that his parcel had not arrived. I did not transfer him; I "
    "called the carrier myself and sent a new parcel. He was happy with that."
)
PLACEHOLDERS = {"level", "reasons", "count", "items", "old", "new"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rationale_text_renders_with_known_placeholders_only(lang: str) -> None:
    """Each text uses only the placeholders the engine fills, so none can fail at run time."""
    texts = rationale_texts(lang)
    for field in attrs.fields(RationaleTexts):
        template = getattr(texts, field.name)
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert names <= PLACEHOLDERS, (lang, field.name, names)
        template.format(**dict.fromkeys(PLACEHOLDERS, 1))


def test_the_two_languages_say_different_things() -> None:
    """The Dutch file is a translation, not a copy of the English one."""
    nl, en = rationale_texts("nl"), rationale_texts("en")
    same = [
        f.name
        for f in attrs.fields(RationaleTexts)
        if getattr(nl, f.name) == getattr(en, f.name)
        and f.name not in ("separator", "list_separator")
    ]
    assert same == []


def test_dutch_answer_gets_a_dutch_rationale() -> None:
    """A Dutch answer is explained in Dutch, also where evidence is insufficient."""
    result = score_answer(NL, competency="ownership", lang="nl")
    target = result.score_for("ownership")
    assert target is not None and target.rationale.startswith(f"niveau {target.level}: ")
    assert "concreet voorbeeld" in target.rationale
    assert any(s.rationale == "onvoldoende bewijs" for s in result.scores if s.level is None)


def test_english_answer_gets_an_english_rationale() -> None:
    """An English answer is explained in English."""
    result = score_answer(EN, competency="ownership", lang="en")
    target = result.score_for("ownership")
    assert target is not None and target.rationale.startswith(f"level {target.level}: ")
    assert any(s.rationale == "insufficient evidence" for s in result.scores if s.level is None)


def test_calibration_note_follows_the_answer_language() -> None:
    """A level changed by calibration is noted in the answer's language."""
    rubric = load_rubric()
    result = score_answer(NL, competency="ownership", lang="nl")
    level = result.score_for("ownership").level  # type: ignore[union-attr]
    strict = CompetencyCalibration("thresholds", [4.6, 4.7, 4.8, 4.9], 40)
    calibration = Calibration(
        format="talentfit-calibration",
        version=1,
        rubric=rubric.id,
        rubric_hash=rubric.content_hash,
        competencies={"ownership": strict},
    )
    calibrated = calibration.apply(result).score_for("ownership")
    assert calibrated is not None and calibrated.level != level
    assert f"gekalibreerd op uw beoordelaars: niveau {level} -> {calibrated.level}" in (
        calibrated.rationale
    )
