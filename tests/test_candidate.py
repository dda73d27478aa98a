"""Scoring with a role profile (`score --profile`) and per-candidate summaries."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from talentfit.candidate import (
    ProfileContext,
    render_candidates,
    score_with_profile,
    summarise_candidates,
    weighted_score,
)
from talentfit.cli import main
from talentfit.profile import load_profile
from talentfit.rubric import load_rubric
from talentfit.scoring import score_answers

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "examples" / "profiles" / "klantadviseur-energie.nl.toml"

ANSWERS: list[dict[str, Any]] = [
    {
        "id": "a1",
        "candidate_id": "c1",
        "competency": "ownership",
        "lang": "nl",
        "answer": "Een klant belde over een dubbele afschrijving. Ik heb het zelf uitgezocht en "
        "haar twee dagen later teruggebeld om te checken of het geld terug was. Ik wil graag "
        "zelf beslissen hoe ik help en blijven leren.",
    },
    {
        "id": "a2",
        "candidate_id": "c1",
        "competency": "empathy",
        "lang": "nl",
        "answer": "Een mevrouw was erg van streek omdat haar rekening verdubbeld was. Ik heb "
        "eerst geluisterd en gevraagd hoe het met haar ging. We hadden een fout gemaakt en dat "
        "heb ik haar eerlijk verteld.",
    },
    {
        "id": "a3",
        "candidate_id": "c2",
        "competency": "ownership",
        "lang": "nl",
        "answer": "Dat is niet mijn afdeling, dus ik heb haar doorverbonden. Wat niet weet, wat "
        "niet deert. Ik wil vooral thuiswerken en op pad met klanten.",
    },
    {
        "id": "a4",
        "lang": "en",
        "competency": "service_recovery",
        "answer": "I admitted our mistake, apologised and fixed the invoice the same day.",
    },
]


@pytest.fixture(scope="module")
def context() -> ProfileContext:
    return ProfileContext.from_profile(load_profile(PROFILE), source=str(PROFILE))


def _write(tmp_path: Path, rows: list[dict[str, Any]]) -> str:
    path = tmp_path / "answers.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_profiled_record_gains_values_motivation_and_weighted_score(
    context: ProfileContext,
) -> None:
    """Each record gains values (declared order), motivation and a weighted score."""
    result = next(score_with_profile(ANSWERS[:1], context))
    data = result.to_dict()
    assert [v["value"] for v in data["values"]] == [
        "ownership",
        "openness",
        "craftsmanship",
        "leden_centraal",
    ]
    ownership = data["values"][0]
    assert ownership["alignment"] > 0
    assert set(ownership["evidence"][0]) == {"start", "end", "text", "signal"}
    drivers = {d["driver"] for d in data["motivation"]["drivers"]}
    assert drivers == {"autonomy", "development"}
    assert data["motivation"]["fit"] == 1.0
    assert data["weighted_score"] is not None
    assert {"scores", "advice", "flags"} <= set(data)


def test_weighted_score_uses_profile_weights(context: ProfileContext) -> None:
    """Σ w·score / Σ w over the profile's competencies: one the profile leaves out weighs 0
    (the guide asks nothing about it); None-scores are skipped."""
    assert context.weight("ownership") == 3 and context.weight("extra_mile") == 0
    assert weighted_score([("ownership", 4.0), ("empathy", 1.0)], context) == 2.8
    assert weighted_score([("ownership", 4.0), ("extra_mile", 1.0)], context) == 4.0
    assert weighted_score([("extra_mile", 1.0)], context) is None
    assert weighted_score([("ownership", None)], context) is None


def test_without_competencies_every_competency_weighs_one() -> None:
    """A profile without [competencies] weighs every competency 1."""
    plain = ProfileContext()
    assert plain.weight("extra_mile") == 1
    assert weighted_score([("ownership", 4.0), ("extra_mile", 1.0)], plain) == 2.5


def test_per_candidate_groups_and_aggregates(context: ProfileContext) -> None:
    """Grouped by candidate_id (first-seen order); ungrouped answers stand alone under their id."""
    summaries = summarise_candidates(score_with_profile(ANSWERS, context), context)
    assert [s.candidate_id for s in summaries] == ["c1", "c2", "a4"]
    c1, c2, alone = summaries
    assert c1.answers == 2 and c1.answer_ids == ("a1", "a2")
    weights = [c.weight for c in c1.competencies]
    assert weights == sorted(weights, reverse=True)
    assert [c.competency for c in c1.competencies][:2] == ["needs_clarification", "ownership"]
    assert len(c1.competencies) == len(load_rubric().ids)
    for comp in c1.competencies:
        asked = comp.weight > 0 and comp.answers_with_evidence == 0
        assert (comp.competency in c1.without_evidence) == asked
    assert "extra_mile" not in c1.without_evidence  # not in the profile: nothing to ask next
    values = {v["value"]: v for v in c1.values}
    assert values["ownership"]["alignment"] > 0
    assert all("answer_id" in e for e in values["ownership"]["evidence"])
    assert {v["value"]: v["alignment"] for v in c2.values}["ownership"] < 0
    c2_drivers = {d["driver"] for d in c2.motivation["drivers"]}
    assert c2_drivers == {"flexibility", "network"}
    assert alone.answers == 1
    assert "advice for a human decision" in c1.advice


def test_summary_without_profile_uses_weight_one() -> None:
    """Without a profile: every competency weight 1, no values, motivation without fit."""
    summaries = summarise_candidates(score_answers(ANSWERS))
    assert {c.weight for c in summaries[0].competencies} == {1}
    assert summaries[0].values == ()
    assert summaries[0].motivation["fit"] is None


def test_render_candidates_formats(context: ProfileContext) -> None:
    """jsonl/json/csv/text renderings; CSV cells are neutralised."""
    summaries = summarise_candidates(score_with_profile(ANSWERS, context), context)
    lines = render_candidates(summaries, "jsonl").splitlines()
    assert [json.loads(line)["candidate_id"] for line in lines] == ["c1", "c2", "a4"]
    assert len(json.loads(render_candidates(summaries, "json"))) == 3
    rows = list(csv.DictReader(io.StringIO(render_candidates(summaries, "csv"))))
    assert rows[0]["candidate_id"] == "c1" and rows[0]["answers"] == "2"
    text = render_candidates(summaries, "text")
    assert "ask next about:" in text and "advice for a human decision" in text


def test_csv_neutralises_formula_like_candidate_ids() -> None:
    """A candidate id like '=HYPERLINK(…)' cannot become a spreadsheet formula."""
    rows = [dict(ANSWERS[3], candidate_id="=HYPERLINK(1)")]
    out = render_candidates(summarise_candidates(score_answers(rows)), "csv")
    assert "\n=HYPERLINK" not in out


def test_cli_score_with_profile(tmp_path: Path) -> None:
    """`score --profile` adds values, motivation and weighted_score to each JSONL record."""
    runner = CliRunner()
    path = _write(tmp_path, ANSWERS)
    result = runner.invoke(main, ["score", path, "--profile", str(PROFILE)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 4
    assert all({"values", "motivation", "weighted_score"} <= set(r) for r in records)


def test_cli_per_candidate_and_failures(tmp_path: Path) -> None:
    """`--per candidate`: one record per candidate; a failed record is listed under its
    candidate's not_scored (nothing lost) and on stderr; exit 1."""
    runner = CliRunner()
    path = _write(
        tmp_path,
        [*ANSWERS, {"id": "bad", "candidate_id": "c9"}, {"id": "worse", "candidate_id": "c1"}],
    )
    args = ["score", path, "--profile", str(PROFILE), "--per", "candidate"]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["candidate_id"] for r in records] == ["c1", "c2", "a4", "c9"]
    by_id = {r["candidate_id"]: r for r in records}
    assert [f["id"] for f in by_id["c1"]["not_scored"]] == ["worse"]
    assert by_id["c9"]["answers"] == 0 and by_id["c9"]["not_scored"][0]["line"] == 5
    assert by_id["c2"]["not_scored"] == []
    assert "line 5" in result.stderr and "could not be scored" in result.stderr
    result = runner.invoke(main, [*args[:4], "--per", "candidate", "--format", "text"])
    assert result.exit_code == 1 and "candidate c1" in result.stdout


def test_cli_bad_profile_exits_2(tmp_path: Path) -> None:
    """An invalid profile or unknown value: one Error line naming field and file, exit 2."""
    bad = tmp_path / "role.toml"
    bad.write_text(
        PROFILE.read_text(encoding="utf-8").replace('"openheid"', '"gezelligheid"'),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["score", _write(tmp_path, ANSWERS), "--profile", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown value 'gezelligheid'")
    assert "$.organisation.values[1]" in result.stderr and "role.toml" in result.stderr


def test_pooled_values_prefer_own_evidence(context: ProfileContext) -> None:
    """Per candidate, a value's own evidence in any answer replaces general evidence."""
    rows = [
        {"id": "x1", "candidate_id": "c", "lang": "nl", "answer": "Ik heb het meteen gemeld."},
        {"id": "x2", "candidate_id": "c", "lang": "nl", "answer": "Ik was eerlijk en open."},
    ]
    summary = summarise_candidates(score_with_profile(rows, context), context)[0]
    openness = {v["value"]: v for v in summary.values}["openness"]
    assert openness["evidence"]
    assert all(not e["signal"].startswith("general_") for e in openness["evidence"])
    assert {e["answer_id"] for e in openness["evidence"]} <= {"x1", "x2"}
    assert openness["basis"] == "direct"
    assert all(v["basis"] in ("direct", "indirect", None) for v in summary.values)


def test_score_with_a_partial_profile(tmp_path: Path) -> None:
    """Scoring needs only the weights, values and offer: a profile without salary or
    application address works, and only its weighted competencies are asked about next."""
    profile = tmp_path / "role.toml"
    profile.write_text(
        'language = "nl"\n[organisation]\nname = "X"\nvalues = ["eigenaarschap"]\n'
        "[competencies]\nownership = 3\nempathy = 1\n",
        encoding="utf-8",
    )
    args = ["score", _write(tmp_path, ANSWERS), "--profile", str(profile)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout.splitlines()[0])
    assert [v["value"] for v in first["values"]] == ["ownership"]
    assert first["motivation"]["fit"] is None  # no [offer]: nothing to fit against
    result = CliRunner().invoke(main, [*args, "--per", "candidate"])
    assert result.exit_code == 0, result.output
    alone = json.loads(result.stdout.splitlines()[-1])
    assert alone["candidate_id"] == "a4"
    assert alone["without_evidence"] == ["ownership", "empathy"]
    assert [c["weight"] for c in alone["competencies"]][:3] == [3, 1, 0]


def test_cli_values_model_switch(tmp_path: Path) -> None:
    """`--no-values-model` leaves answers without a value's own evidence to the backoff
    rules; the default lets the attitude model read them. Without --profile the switch is a
    usage error (exit 2)."""
    # a contrary act told as a calm story: the rules lean for the values, the model against
    answer = (
        "Een mevrouw vroeg of ik haar kon helpen met het formulier. Het was druk, dus ik heb "
        "gezegd dat het op de website staat."
    )
    path = _write(tmp_path, [{"id": "s1", "answer": answer, "lang": "nl"}])
    runner = CliRunner()
    signals = {}
    for switch in ("--values-model", "--no-values-model"):
        result = runner.invoke(main, ["score", path, "--profile", str(PROFILE), switch])
        assert result.exit_code == 0, result.stderr
        (record,) = [json.loads(line) for line in result.stdout.splitlines()]
        signals[switch] = {e["signal"] for v in record["values"] for e in v["evidence"]}
    assert "general_contrary_attitude" in signals["--values-model"]
    assert not any("attitude" in s for s in signals["--no-values-model"])
    result = runner.invoke(main, ["score", path, "--no-values-model"])
    assert result.exit_code == 2 and "--no-values-model needs --profile" in result.stderr


def test_an_overruled_answer_pools_with_the_general_evidence() -> None:
    """An answer whose one word of the value the attitude model overruled was read on the
    model's (general) evidence, and so it counts per candidate: not as the word alone (an
    alignment of 0), but as the model's reading."""
    from talentfit.values import builtin_values

    context = ProfileContext(values=(builtin_values()["reliability"],))
    answer = (
        "I promised the client the drawings by Friday. Friday was busy, so I sent them the "
        "Tuesday after, nobody complained."
    )
    rows = [{"id": "a1", "candidate_id": "c1", "lang": "en", "answer": answer}]
    (summary,) = summarise_candidates(score_with_profile(rows, context), context)
    (value,) = summary.values
    assert value["alignment"] == -0.25 and value["basis"] == "indirect"
    assert {e["signal"] for e in value["evidence"]} == {"overruled", "general_contrary_attitude"}
