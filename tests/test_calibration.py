"""Calibration: monotone cut points, shrinkage, cross-validated gains and a safe file format."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentfit import load_rubric, score_answer
from talentfit.calibration import (
    IDENTITY,
    Calibration,
    Rating,
    calibrate,
    fit_cuts,
    level_of,
    load_calibration,
    read_ratings,
    rescale,
)
from talentfit.errors import ConfigError
from talentfit.records import read_records

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "answers_dev.jsonl"
COMPETENCIES = load_rubric().ids


def synthetic(shift: int, per_competency: int = 15) -> list[Rating]:
    """Ratings whose raters sit ``shift`` levels from the engine's levels (clamped 1–5)."""
    ratings = []
    for c, comp in enumerate(COMPETENCIES):
        for i in range(per_competency):
            score = 0.6 + (i * 4.8 / per_competency) + c * 0.003
            engine = level_of(score, IDENTITY)
            human = min(5, max(1, engine + shift))
            ratings.append(
                Rating(comp, human, round(score, 3), "nl" if i % 2 else "en", f"{c}-{i}")
            )
    return ratings


def test_identity_cuts_reproduce_the_builtin_mapping() -> None:
    """level_of with the identity cuts equals round(score) for engine scores."""
    for score in [0.51, 1.49, 1.51, 2.2, 3.49, 3.51, 4.49, 4.51, 5.49]:
        assert level_of(score, IDENTITY) == round(score)


def test_fit_cuts_recovers_a_shifted_mapping() -> None:
    """Raters one level harsher above 2.5: fitted cuts move up to match them exactly."""
    points = [(s / 10, max(1, round(s / 10) - (1 if s / 10 > 2.5 else 0))) for s in range(6, 55)]
    cuts = fit_cuts(points)
    assert all(level_of(s, cuts) == h for s, h in points)
    assert list(cuts) == sorted(cuts)


def test_fit_cuts_of_agreeing_ratings_is_the_identity_partition() -> None:
    """When raters agree with the engine the fitted mapping predicts the same levels."""
    points = [(s / 10, round(s / 10)) for s in range(6, 55) if s % 5]
    cuts = fit_cuts(points)
    assert all(level_of(s, cuts) == round(s) for s, _ in points)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(min_value=0.51, max_value=5.49), st.integers(min_value=1, max_value=5)),
        max_size=40,
    )
)
def test_fit_cuts_are_monotone_and_rescale_keeps_level(points: list[tuple[float, int]]) -> None:
    """Any ratings: cuts non-decreasing; rescaled scores round to their level and keep order."""
    cuts = fit_cuts(points)
    assert list(cuts) == sorted(cuts)
    scores = sorted(s for s, _ in points)
    rescaled = [rescale(s, cuts) for s in scores]
    assert rescaled == sorted(rescaled)
    for s, r in zip(scores, rescaled, strict=True):
        assert round(r) == level_of(s, cuts)


def test_rescale_with_identity_cuts_keeps_scores() -> None:
    """The built-in mapping leaves engine scores untouched."""
    for score in [0.51, 1.2, 2.51, 3.0, 4.49, 5.49]:
        assert rescale(score, IDENTITY) == score


def test_systematic_rater_shift_is_learned_and_helps_out_of_fold() -> None:
    """Harsher raters: the pooled mapping is used and cross-validated agreement rises."""
    calibration = calibrate(synthetic(-1))
    overall = calibration.report["agreement"]["overall"]
    assert overall["after"]["exact"] > overall["before"]["exact"] + 0.3
    assert overall["after"]["qwk"] >= overall["before"]["qwk"]
    assert calibration.pooled != list(IDENTITY)
    assert {c.method for c in calibration.competencies.values()} <= {"pooled", "thresholds"}


def test_agreeing_raters_keep_the_builtin_mapping() -> None:
    """No gain in cross-validation: every competency keeps the built-in mapping."""
    calibration = calibrate(synthetic(0))
    assert {c.method for c in calibration.competencies.values()} == {"builtin"}
    assert all(c.note for c in calibration.competencies.values())


def test_one_competency_with_its_own_shift_gets_its_own_thresholds() -> None:
    """A competency whose raters differ from the rest gets competency-specific cut points."""
    ratings = synthetic(0, per_competency=30)
    ratings = [
        attrs.evolve(r, level=min(5, r.level + 1)) if r.competency == "empathy" else r
        for r in ratings
    ]
    calibration = calibrate(ratings)
    assert calibration.competencies["empathy"].method == "thresholds"
    assert calibration.competencies["ownership"].method in ("builtin", "pooled")


def test_few_ratings_fall_back_with_a_note() -> None:
    """Competencies with fewer than 10 ratings keep the pooled or built-in mapping."""
    ratings = [r for r in synthetic(-1) if r.competency != "initiative"]
    ratings += [r for r in synthetic(-1, per_competency=5) if r.competency == "initiative"]
    calibration = calibrate(ratings)
    entry = calibration.competencies["initiative"]
    assert entry.method in ("pooled", "builtin") and "fewer than 10" in entry.note


def test_apply_changes_level_and_keeps_score_consistent() -> None:
    """Applying a calibration maps levels through the cuts and keeps round(score) == level."""
    calibration = calibrate(synthetic(-1))
    result = score_answer(
        "Ik heb de klant zelf teruggebeld, haar pakket opgespoord en het dezelfde dag "
        "persoonlijk bij haar gebracht. Ze was erg opgelucht.",
        competency="ownership",
        lang="nl",
    )
    calibrated = calibration.apply(result)
    for before, after in zip(result.scores, calibrated.scores, strict=True):
        if before.level is None:
            assert after == before
            continue
        assert round(after.score) == after.level
        assert after.level <= before.level
        assert after.evidence == before.evidence


def test_calibration_file_round_trip_and_errors(tmp_path: Path) -> None:
    """The JSON file loads back; invalid or mismatched files raise one-line ConfigErrors."""
    calibration = calibrate(synthetic(-1))
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps(calibration.to_dict()), encoding="utf-8")
    loaded = load_calibration(path, rubric=load_rubric())
    assert isinstance(loaded, Calibration) and loaded.content_hash == calibration.content_hash
    data = calibration.to_dict()
    cases = {
        "not JSON": "{",
        "wrong format": json.dumps({**data, "format": "x"}),
        "version": json.dumps({**data, "version": 99}),
        "cuts": json.dumps(
            {**data, "competencies": {"empathy": {"method": "thresholds", "cuts": [3, 2, 1, 0]}}}
        ),
        "rubric": json.dumps({**data, "rubric_hash": "0" * 64}),
    }
    for name, text in cases.items():
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError) as info:
            load_calibration(path, rubric=load_rubric())
        assert "\n" not in str(info.value), name
        assert "calibration.json" in str(info.value), name


@pytest.mark.skipif(not DEV.exists(), reason="../shared/data/answers_dev.jsonl is not present")
@pytest.mark.parametrize("seed", range(4))
def test_calibrating_on_half_does_not_hurt_the_other_half(seed: int) -> None:
    """Calibrate on a random half of the dev answers: agreement on the other half is not lower."""
    from talentfit.calibration import agreement

    ratings = [r for r in read_ratings(read_records(DEV)) if isinstance(r, Rating)]
    assert len(ratings) == 80

    def half(r: Rating) -> bool:
        return int(hashlib.sha256(f"{r.key}{seed}".encode()).hexdigest(), 16) % 2 == 0

    train = [r for r in ratings if half(r)]
    test = [r for r in ratings if not half(r)]
    calibration = calibrate(train)
    human = [r.level for r in test]
    before = agreement([level_of(r.score, IDENTITY) for r in test], [r.score for r in test], human)
    levels, scores = [], []
    for r in test:
        cuts = calibration.cuts_for(r.competency) or IDENTITY
        levels.append(level_of(r.score, cuts))
        scores.append(rescale(r.score, cuts))
    after = agreement(levels, scores, human)
    for key in ("qwk", "exact", "adjacent", "spearman"):
        assert after[key] >= before[key] - 1e-9, (key, before, after)
