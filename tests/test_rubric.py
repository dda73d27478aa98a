"""Rubrics: the built-in one, user files, and validation messages naming the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from talentfit import RubricError, load_rubric, score_answer
from talentfit.models import COMPETENCY_IDS

LEVELS = ["a", "b", "c", "d", "e"]


def test_builtin_rubric_has_the_eight_competencies() -> None:
    """customer-service holds the eight competencies with nl/en names and five anchors."""
    rubric = load_rubric()
    assert rubric.id == "customer-service"
    assert rubric.ids == COMPETENCY_IDS
    for comp in rubric.competencies:
        assert set(comp.name) == {"nl", "en"}
        assert all(len(comp.levels[lang]) == 5 for lang in ("nl", "en"))
    assert len(rubric.content_hash) == 64


def test_user_rubric_toml_missing_levels(tmp_path: Path) -> None:
    """A missing field is named with its path and the file."""
    comps = "\n".join(
        f'[[competencies]]\nid = "c{i}"\nname = {{ en = "C{i}" }}\n'
        + ("" if i == 2 else f"levels = {{ en = {json.dumps(LEVELS)} }}\n")
        for i in range(3)
    )
    path = tmp_path / "rubric.toml"
    path.write_text(f'id = "mine"\nname = {{ en = "Mine" }}\n{comps}', encoding="utf-8")
    with pytest.raises(RubricError) as info:
        load_rubric(path)
    assert str(info.value) == "required field missing @ $.competencies[2].levels (rubric.toml)"


def test_user_rubric_wrong_number_of_levels(tmp_path: Path) -> None:
    """Anchors must be exactly five per language."""
    data = {
        "id": "mine",
        "name": {"en": "Mine"},
        "competencies": [{"id": "ownership", "name": {"en": "Own"}, "levels": {"en": ["x"]}}],
    }
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(
        RubricError,
        match=r"five non-empty level anchors .* @ \$\.competencies\[0\]\.levels\.en \(r\.json\)",
    ):
        load_rubric(path)


def test_user_rubric_unknown_key(tmp_path: Path) -> None:
    """Typos are errors, not silently ignored."""
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"id": "x", "name": {"en": "x"}, "competencies": [], "colour": 1}))
    with pytest.raises(RubricError, match=r"unknown field\(s\) 'colour'"):
        load_rubric(path)


def test_user_rubric_with_own_indicators(tmp_path: Path) -> None:
    """A rubric's own competency with its own indicator patterns gets evidence."""
    data = {
        "id": "garage",
        "name": {"en": "Garage"},
        "competencies": [
            {
                "id": "safety",
                "name": {"en": "safety"},
                "levels": {"en": LEVELS},
                "indicators": {"en": ["checked ... brakes|tyres", "test drive"]},
            },
            {"id": "ownership", "name": {"en": "ownership"}, "levels": {"en": LEVELS}},
        ],
    }
    path = tmp_path / "garage.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    rubric = load_rubric(path)
    result = score_answer(
        "A customer came in with a noise. I checked the brakes myself and did a test drive "
        "with him. The pads were worn, I replaced them and he was relieved.",
        rubric=rubric,
        competency="safety",
    )
    assert [s.competency for s in result.scores] == ["safety", "ownership"]
    safety = result.score_for("safety")
    assert safety is not None and safety.level is not None and safety.level >= 3
    assert {e.signal for e in safety.evidence} >= {"safety.rubric_indicator"}


def test_bad_pattern_in_user_rubric(tmp_path: Path) -> None:
    """A malformed pattern in a rubric fails at load time."""
    data = {
        "id": "x",
        "name": {"en": "x"},
        "competencies": [
            {
                "id": "a",
                "name": {"en": "a"},
                "levels": {"en": LEVELS},
                "indicators": {"en": ["(.*)"]},
            }
        ],
    }
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(Exception, match="is not a word"):
        load_rubric(path)


def test_unknown_rubric_name() -> None:
    """An unknown name is a RubricError listing the built-in rubrics."""
    with pytest.raises(RubricError, match="customer-service"):
        load_rubric("nope")
