"""The interview guide: order, coverage, data completeness, formats and escaping."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from talentfit.cli import main
from talentfit.errors import ProfileError
from talentfit.guide import build_guide, guide_data, render_guide
from talentfit.models import COMPETENCY_IDS
from talentfit.profile import load_profile, profile_from_dict
from talentfit.rubric import load_rubric
from talentfit.text import LANGUAGES
from talentfit.values import builtin_values

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "profiles"
NL_PROFILE = EXAMPLES / "klantadviseur-energie.nl.toml"
EN_PROFILE = EXAMPLES / "support-engineer-bookkeeping.en.toml"


def _data(path: Path = NL_PROFILE) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _profile(**competencies: int) -> Any:
    data = _data()
    data["competencies"] = competencies
    return profile_from_dict(data, source="role.toml")


def test_guide_data_covers_every_competency_and_value() -> None:
    """Meta-test: per language, 2–4 questions with probes for all 8 competencies, every value."""
    for lang in LANGUAGES:
        data = guide_data(lang)
        assert set(data.competencies) == set(COMPETENCY_IDS)
        for cid, comp in data.competencies.items():
            assert 2 <= len(comp.questions) <= 4, (lang, cid)
            assert comp.why
            assert all(q.question and len(q.probes) >= 2 for q in comp.questions), (lang, cid)
        assert set(builtin_values()) <= set(data.values), lang
        assert data.motivation and data.motivation[0].probes


def test_exactly_weighted_competencies_heaviest_first_ties_in_rubric_order() -> None:
    """The guide covers exactly the weighted competencies, heaviest first, ties in rubric order."""
    profile = _profile(continuous_improvement=3, empathy=1, service_recovery=2, ownership=3)
    guide = build_guide(profile)
    ids = [c.id for c in guide.competencies]
    assert ids == ["ownership", "continuous_improvement", "service_recovery", "empathy"]
    assert [c.weight for c in guide.competencies] == [3, 3, 2, 1]
    for comp in guide.competencies:
        assert len(comp.questions) >= 2
        assert list(comp.levels) == ["1", "2", "3", "4", "5"]


def test_levels_come_from_the_rubric_in_the_guide_language() -> None:
    """Level anchors are the rubric's, in the requested language."""
    rubric = load_rubric()
    for lang in LANGUAGES:
        guide = build_guide(_profile(empathy=2), lang=lang)
        expected = rubric.competency("empathy").levels[lang]  # type: ignore[union-attr]
        assert list(guide.competencies[0].levels.values()) == expected


def test_why_uses_customers_and_purpose() -> None:
    """'Why it matters' names the role's customers and purpose."""
    profile = _profile(ownership=3)
    why = build_guide(profile).competencies[0].why
    assert profile.role.customers in why
    assert profile.role.purpose.rstrip(".") in why


def test_no_competencies_gives_every_rubric_competency() -> None:
    """Without [competencies] the guide covers the whole rubric at weight 1."""
    guide = build_guide(_profile())
    assert [c.id for c in guide.competencies] == list(load_rubric().ids)
    assert {c.weight for c in guide.competencies} == {1}


def test_values_and_custom_values_get_a_question() -> None:
    """One question per declared value, including the organisation's own."""
    guide = build_guide(load_profile(NL_PROFILE))
    assert [v.value for v in guide.values] == [
        "ownership",
        "openness",
        "craftsmanship",
        "leden_centraal",
    ]
    custom = guide.values[-1]
    assert "Leden centraal" in custom.question
    assert len(guide.motivation) == 1


def test_json_has_exactly_the_documented_shape() -> None:
    """JSON: competencies[{id,name,weight,questions,levels}], values, motivation."""
    data = json.loads(render_guide(build_guide(load_profile(EN_PROFILE)), "json"))
    assert set(data) == {"competencies", "values", "motivation"}
    for comp in data["competencies"]:
        assert set(comp) == {"id", "name", "weight", "questions", "levels"}
        assert set(comp["levels"]) == {"1", "2", "3", "4", "5"}
        assert all(set(q) == {"question", "probes"} for q in comp["questions"])
    assert [c["id"] for c in data["competencies"]] == [
        "needs_clarification",
        "ownership",
        "service_recovery",
        "continuous_improvement",
        "personal_approach",
    ]


def test_markdown_and_html_have_rating_sheet_and_escape() -> None:
    """md and html contain every competency, the rating sheet, and escape profile text."""
    data = _data()
    data["role"]["customers"] = "Leden <script>alert(1)</script> | kleine ondernemers"
    data["competencies"] = {"ownership": 3, "empathy": 1}
    guide = build_guide(profile_from_dict(data, source="role.toml"))
    html = render_guide(guide, "html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "Beoordelingsformulier" in html and "<table" in html
    md = render_guide(guide, "md")
    assert "<script>" not in md
    assert "## Beoordelingsformulier" in md
    assert md.index("Eigenaarschap") < md.index("Inlevingsvermogen")
    assert "| Eigenaarschap | 3 |" in md


def test_lang_switches_questions_not_profile_text() -> None:
    """--lang en gives English questions and labels for a Dutch profile."""
    guide = build_guide(_profile(ownership=3), lang="en")
    assert guide.labels["title"] == "Interview guide"
    assert guide.competencies[0].name == "Ownership"
    assert guide.competencies[0].questions[0].question.startswith("Tell me")


def test_unknown_value_is_a_profile_error_with_file() -> None:
    """An unknown value name stops the guide with its field path and file."""
    data = _data()
    data["organisation"]["values"] = ["openheid", "gezelligheid"]
    profile = profile_from_dict(data, source="role.toml")
    with pytest.raises(ProfileError, match=r"\$\.organisation\.values\[1\].*\(role\.toml\)"):
        build_guide(profile, source="role.toml")


def test_cli_guide_formats(tmp_path: Path) -> None:
    """`talentfit guide` writes md/html/json to stdout or -o, exit 0."""
    runner = CliRunner()
    result = runner.invoke(main, ["guide", str(EN_PROFILE), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["competencies"][0]["weight"] == 3
    out = tmp_path / "guide.html"
    result = runner.invoke(main, ["guide", str(NL_PROFILE), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = runner.invoke(main, ["guide", str(NL_PROFILE), "--lang", "en"])
    assert result.exit_code == 0 and result.stdout.startswith("# Interview guide")


def test_cli_guide_bad_profile_exits_2(tmp_path: Path) -> None:
    """An unreadable or invalid profile: one Error line on stderr, exit 2, no traceback."""
    runner = CliRunner()
    result = runner.invoke(main, ["guide", str(tmp_path / "missing.toml")])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: profile not found")
    bad = tmp_path / "role.toml"
    text = NL_PROFILE.read_text(encoding="utf-8").replace('"openheid"', '"gezelligheid"')
    bad.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["guide", str(bad)])
    assert result.exit_code == 2
    assert "$.organisation.values[1]" in result.stderr and "Traceback" not in result.stderr


PARTIAL = """language = "en"

[organisation]
name = "Acme Housing"
values = ["Integrity", "klantgerichtheid"]

[role]
title = "Housing Advisor"
customers = "Tenants of 4,000 social homes"
purpose = "A repair booked in one call"

[competencies]
extra_mile = 1
service_recovery = 3
empathy = 3
"""


def test_cli_guide_from_a_partial_profile(tmp_path: Path) -> None:
    """A guide needs no salary, requirements or application address yet: a profile with only
    some sections gives the guide of its weighted competencies, heaviest first."""
    path = tmp_path / "role.toml"
    path.write_text(PARTIAL, encoding="utf-8")
    result = CliRunner().invoke(main, ["guide", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(c["id"], c["weight"]) for c in data["competencies"]] == [
        ("empathy", 3),  # equal weights: the rubric's order
        ("service_recovery", 3),
        ("extra_mile", 1),
    ]
    assert all(len(c["questions"]) >= 2 and set(c["levels"]) == set("12345") for c in
               data["competencies"])  # fmt: skip
    assert [v["value"] for v in data["values"]] == ["integrity", "customer_focus"]
    md = CliRunner().invoke(main, ["guide", str(path)]).stdout
    assert md.startswith("# Interview guide: Housing Advisor (Acme Housing)")
    assert "Tenants of 4,000 social homes." in md


def test_cli_guide_partial_profile_needs_a_language_and_known_keys(tmp_path: Path) -> None:
    """Without `language` the guide asks for --lang; a misspelt key is still an error."""
    path = tmp_path / "role.toml"
    path.write_text("[competencies]\nownership = 2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["guide", str(path)])
    assert result.exit_code == 2 and "--lang" in result.stderr and "$.language" in result.stderr
    result = CliRunner().invoke(main, ["guide", str(path), "--lang", "nl"])
    assert result.exit_code == 0 and result.stdout.startswith("# Interviewgids\n")
    assert "Eigenaarschap (gewicht 2)" in result.stdout
    path.write_text('[role]\ntitel = "x"\n[competencies]\nownership = 4\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["guide", str(path), "--lang", "nl"])
    assert result.exit_code == 2 and "'titel' @ $.role" in result.stderr
    path.write_text("[competencies]\nownership = 4\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["guide", str(path), "--lang", "nl"])
    assert result.exit_code == 2 and "$.competencies.ownership" in result.stderr
    assert "Traceback" not in result.stderr


def test_draft_still_needs_the_whole_profile(tmp_path: Path) -> None:
    """The vacancy draft reads everything, so a partial profile is refused there."""
    path = tmp_path / "role.toml"
    path.write_text(PARTIAL, encoding="utf-8")
    result = CliRunner().invoke(main, ["vacancy", "draft", str(path)])
    assert result.exit_code == 2 and "required field missing @ $.conditions" in result.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_heading_label_renders_as_text(lang: str, fmt: str) -> None:
    """Labels named like dict methods ("values") render their text, not a Python object."""
    guide = build_guide(load_profile(NL_PROFILE), lang=lang)
    out = render_guide(guide, fmt)
    heading = guide_data(lang).labels["values"]
    assert "built-in method" not in out and "<bound method" not in out
    assert (f"## {heading}" if fmt == "md" else f"<h2>{heading}</h2>") in out
    for value in guide.values:
        assert value.name[:1].isupper(), value.name
