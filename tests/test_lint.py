"""The vacancy lint library: offsets, formats, filters, config, metrics, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentfit.errors import ConfigError, LanguageError
from talentfit.lint import (
    PROBLEM_CATEGORIES,
    config_from_dict,
    example_vacancy,
    lint_vacancy,
    load_lint_config,
)
from talentfit.lint._checks import parse_number
from talentfit.lint._rules import compiled_rules


def rules_of(text: str, lang: str = "nl", **kwargs: object) -> set[str]:
    return {f.rule for f in lint_vacancy(text, lang=lang, **kwargs).findings}  # type: ignore[arg-type]


def test_problem_categories_are_the_contract_of_the_drafting_helper() -> None:
    """PROBLEM_CATEGORIES is exactly the list the drafting helper relies on."""
    assert PROBLEM_CATEGORIES == (
        "cliche",
        "vague_benefit",
        "hierarchy",
        "exclusionary_age",
        "exclusionary_gender",
        "exclusionary_origin",
        "pay_transparency",
    )


def test_to_dict_has_exactly_the_documented_keys() -> None:
    """The JSON object per file and per finding has exactly the issue's fields."""
    data = lint_vacancy("Wij bieden een marktconform salaris.", lang="nl", path="a.txt").to_dict()
    assert set(data) == {"path", "language", "findings", "metrics"}
    assert data["path"] == "a.txt" and data["language"] == "nl"
    for finding in data["findings"]:
        assert set(finding) == {
            "rule", "category", "severity", "start", "end", "line", "column", "text",
            "message", "suggestion",
        }  # fmt: skip
    assert set(data["metrics"]) >= {
        "words", "sentences", "mean_sentence_length", "readability", "readability_level",
        "you_we_ratio", "masculine_coded", "feminine_coded", "requirements",
    }  # fmt: skip
    json.dumps(data)


def test_offsets_line_and_column_point_into_the_text() -> None:
    """start/end slice the finding's text; line and column are 1-based."""
    text = "Titel\n\nWij bieden een marktconform salaris."
    finding = next(
        f for f in lint_vacancy(text, lang="nl").findings if f.rule == "market-rate-salary"
    )
    assert text[finding.start : finding.end] == finding.text == "marktconform"
    assert (finding.line, finding.column) == (3, 16)


def test_word_order_and_inflection_variants_are_found() -> None:
    """'een salaris dat marktconform is' and 'marktconforme beloning' are the same cliché."""
    for text in (
        "Een salaris dat marktconform is.",
        "Marktconforme beloning.",
        "Een marktconform salaris.",
    ):
        assert "market-rate-salary" in rules_of(text)


def test_never_inside_another_word() -> None:
    """'jong' inside 'jongleren' and 'starter' inside 'herstarten' are not findings."""
    assert "young-team" not in rules_of("Je kunt jongleren met ballen en je herstart de kassa.")
    assert "starter" not in rules_of("Je herstart de kassa als die vastloopt.")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Salaris tussen €3.100 en €3.900 bruto per maand.", "nl"),
        ("€1.500 opleidingsbudget per jaar.", "nl"),
        ("Je kiest zelf je werktijden.", "nl"),
        ("Nederlands op B2-niveau.", "nl"),
        ("Newly qualified nurses are welcome.", "en"),
        ("You earn €2,800 to €3,400 gross per month for 36 hours.", "en"),
        (
            "Goede secundaire arbeidsvoorwaarden, waaronder 8% vakantiegeld en 27 vakantiedagen.",
            "nl",
        ),
        ("Pas gediplomeerd? Ook welkom.", "nl"),
    ],
)
def test_concrete_statements_are_never_phrase_findings(text: str, lang: str) -> None:
    """Concrete facts are not clichés, vague benefits or exclusion."""
    found = lint_vacancy(text, lang=lang).findings
    phrase = [
        f for f in found if f.category in PROBLEM_CATEGORIES and f.category != "pay_transparency"
    ]
    assert phrase == []


def test_negated_use_is_not_a_finding() -> None:
    """'we vragen géén moedertaalniveau' does not ask for a mother tongue."""
    assert "native-language" not in rules_of("We vragen géén moedertaalniveau: B1 is genoeg.")
    assert "native-language" not in rules_of("You don't need to be a native speaker.", "en")
    assert "native-language" in rules_of("We vragen moedertaalniveau.")


def test_quoted_use_is_not_a_finding() -> None:
    """A phrase in quotes is mentioned, not used."""
    assert "market-rate-salary" not in rules_of("Wij schrijven nooit 'marktconform salaris'.")
    assert "market-rate-salary" not in rules_of('We never write "competitive salary".', "en")


def test_vague_benefit_with_a_number_in_its_sentence_is_concrete() -> None:
    """A number after a vague benefit makes it concrete; one in another clause before does not."""
    assert "vague-conditions" not in rules_of("Flexibele werktijden tussen 7 en 9 uur.")
    assert "vague-conditions" in rules_of("20% staff discount and other great benefits.", "en")


def test_gendered_title_is_fine_with_mvx_marker() -> None:
    """'(m/v/x)' makes a gendered title acceptable Dutch practice."""
    assert "gendered-title" in rules_of("Verkoper (32 uur)\nJe verkoopt fietsen.")
    assert "gendered-title" not in rules_of("Verkoper (m/v/x)\nJe verkoopt fietsen.")
    assert "gender-marker" in rules_of("Verkoper (m)\nJe verkoopt fietsen.")


def test_html_tags_are_stripped_but_offsets_point_into_the_html() -> None:
    """Findings in HTML slice the original markup, entities included."""
    html = (
        "<html><body><h1>Caissi&egrave;re</h1><ul><li>Een <b>marktconform</b> salaris</li>"
        "<li>Je komt in een jong&nbsp;team</li></ul><!-- marktconform --></body></html>"
    )
    result = lint_vacancy(html, lang="nl", path="ad.html")
    by_rule = {f.rule: f for f in result.findings}
    assert by_rule["gendered-title"].text == "Caissi&egrave;re"
    assert by_rule["market-rate-salary"].text == "marktconform"
    assert html[by_rule["young-team"].start : by_rule["young-team"].end] == "jong"
    assert sum(f.rule == "market-rate-salary" for f in result.findings) == 1  # not in the comment
    for f in result.findings:
        assert html[f.start : f.end] == f.text


def test_markdown_emphasis_does_not_hide_a_sentence_end() -> None:
    """'**Zin in een baan?** Voor …' ends a sentence; Markdown is sniffed without a path."""
    from talentfit.lint._markup import detect_format, prepare

    text = (
        "## Orderpicker\n\n**Zin in een baan waar je het hoofd koel houdt?** Voor onze "
        "opdrachtgever, een bedrijf in opslag en transport in de regio Rijnmond, zoeken wij "
        "orderpickers voor het vrieshuis.\n\n* Orders verzamelen met de pallettruck\n"
    )
    assert detect_format(None, text) == "markdown"
    prepared = prepare(text, "markdown")
    assert len(prepared.text) == len(text)
    assert "* Orders" in prepared.text  # a bullet is not emphasis
    result = lint_vacancy(text, lang="nl")
    assert "sentence-length" not in {f.rule for f in result.findings}
    for f in result.findings:
        assert text[f.start : f.end] == f.text


def test_html_list_items_count_as_requirements() -> None:
    """<li> items under a requirements heading are counted."""
    items = "".join(f"<li>eis {n}</li>" for n in range(9))
    result = lint_vacancy(f"<h2>Wat vragen wij?</h2><ul>{items}</ul>", lang="nl", format="html")
    assert result.metrics.requirements == 9
    assert "too-many-requirements" in {f.rule for f in result.findings}


def test_inline_ignore_comment_silences_one_rule_on_its_line() -> None:
    """'talentfit: ignore RULE' silences that rule on that line only."""
    text = (
        "Een marktconform salaris. <!-- talentfit: ignore market-rate-salary -->\n"
        "Een marktconform salaris.\n"
        "Een jong team. talentfit: ignore cliche\n"
    )
    found = lint_vacancy(text, lang="nl", path="ad.md").findings
    assert [f.line for f in found if f.rule == "market-rate-salary"] == [2]
    assert any(f.rule == "young-team" and f.line == 3 for f in found)


def test_bare_ignore_silences_every_rule_on_the_line() -> None:
    """'talentfit: ignore' without a rule silences the whole line."""
    found = lint_vacancy("Een jong team met een marktconform salaris. talentfit: ignore", lang="nl")
    assert [f for f in found.findings if f.line == 1 and f.start > 0] == []


def test_config_disables_rules_and_categories_and_changes_severity(tmp_path: Path) -> None:
    """A TOML config switches rules off, changes severities and adds own phrases."""
    path = tmp_path / "lint.toml"
    path.write_text(
        'disable = ["market-rate-salary", "readability"]\n'
        '[severity]\nyoung-team = "warning"\n'
        '[[phrases]]\ncategory = "cliche"\nphrases = ["wij zijn een familie", "a.*b"]\n'
        'message = "Zo praat de directie."\nsuggestion = "Noem wat collega\'s samen doen."\n',
        encoding="utf-8",
    )
    config = load_lint_config(path)
    text = (
        "Een marktconform salaris. Wij waren een familie. Een jong team. "
        "Lees a.*b niet als regex: aaab."
    )
    found = lint_vacancy(text, lang="nl", config=config).findings
    rules = {f.rule for f in found}
    assert "market-rate-salary" not in rules
    assert not any(f.category == "readability" for f in found)
    young = next(f for f in found if f.rule == "young-team")
    assert young.severity == "warning"
    custom = [f for f in found if f.rule == "custom-cliche-1"]
    # literal words with their lemmas ('waren' is 'zijn'); 'a.*b' is words, not a regex
    assert [f.text for f in custom] == ["Wij waren een familie", "a.*b"]


def test_json_config_and_readable_config_errors(tmp_path: Path) -> None:
    """JSON configs work; a typo names the field."""
    good = tmp_path / "lint.json"
    good.write_text(json.dumps({"severity": {"cliche": "error"}}), encoding="utf-8")
    found = lint_vacancy("Een marktconform salaris.", lang="nl", config=load_lint_config(good))
    assert next(f for f in found.findings if f.category == "cliche").severity == "error"
    bad = tmp_path / "bad.toml"
    bad.write_text('disabel = ["x"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown field"):
        load_lint_config(bad)
    with pytest.raises(ConfigError, match=r"unknown rule or category 'nope'"):
        config_from_dict({"disable": ["nope"]})
    with pytest.raises(ConfigError, match="expected one of error, warning, info"):
        config_from_dict({"severity": {"cliche": "fatal"}})
    with pytest.raises(ConfigError, match="no such file"):
        load_lint_config(tmp_path / "missing.toml")


def test_rules_are_compiled_once_per_language_and_config() -> None:
    """Many files in one process reuse the compiled rules."""
    config = config_from_dict({"disable": ["length"]})
    assert compiled_rules("nl") is compiled_rules("nl")
    assert compiled_rules("nl", config) is compiled_rules(
        "nl", config_from_dict({"disable": ["length"]})
    )


def test_language_is_detected_or_reported() -> None:
    """Dutch and English are detected; unsupported or unknown language is a LanguageError."""
    assert lint_vacancy(example_vacancy("nl")).language == "nl"
    assert lint_vacancy(example_vacancy("en")).language == "en"
    with pytest.raises(LanguageError):
        lint_vacancy("tekst", lang="de")
    with pytest.raises(LanguageError, match="cannot tell"):
        lint_vacancy("12345 67890 !!! ???")


def test_metrics_count_words_you_we_and_gender_coding() -> None:
    """Metrics report words, sentences, you/we and masculine/feminine-coded counts."""
    text = "Wij zoeken jou. Je bent assertief en zorgzaam. Wij bieden veel."
    m = lint_vacancy(text, lang="nl").metrics
    assert (m.words, m.sentences) == (11, 3)
    assert (m.you, m.we) == (2, 2)
    assert (m.masculine_coded, m.feminine_coded) == (1, 1)
    assert m.readability_scale == "flesch-douma"


def test_pay_ranges_are_parsed_in_dutch_and_english_notation() -> None:
    """3.100 and 3,100 are thousands; 14,60 and 15.10 are decimals."""
    assert parse_number("3.100") == parse_number("3,100") == 3100
    assert parse_number("14,60") == 14.6 and parse_number("15.10") == 15.1
    assert parse_number("3.100,-") == 3100 and parse_number("40", thousands=True) == 40000
    assert "pay-missing" not in rules_of("Salaris: 3100 - 3900 euro bruto per maand.")
    assert "pay-range-wide" in rules_of("Salary €40k to €90k a year.", "en")
    assert "pay-range-wide" not in rules_of("Salary €40k to €55k a year.", "en")


def test_pronoun_for_a_named_person_is_not_a_finding() -> None:
    """'hij' about the contact person is not about the candidate."""
    assert "gendered-pronoun" not in rules_of("Bel Jeroen de Boer; hij vertelt je meer.")
    assert "gendered-pronoun" in rules_of("De ideale kandidaat is rustig; hij helpt klanten.")


@settings(max_examples=150, deadline=None)
@given(
    st.text(max_size=400),
    st.sampled_from(["nl", "en"]),
    st.sampled_from(["text", "markdown", "html"]),
)
def test_any_text_no_crash_deterministic_offsets_in_bounds(text: str, lang: str, fmt: str) -> None:
    """Any text: no crash, the same result twice, offsets that slice the original."""
    first = lint_vacancy(text, lang=lang, format=fmt)
    assert first == lint_vacancy(text, lang=lang, format=fmt)
    for f in first.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.line >= 1 and f.column >= 1


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "marktconform",
                "salaris",
                "jong",
                "team",
                "<b>",
                "</li>",
                "&amp;",
                "&eacute;",
                " ",
                "\n",
                "hij",
                "€ 3.100",
                "-",
                "tot",
            ]
        ),
        max_size=40,
    )
)
def test_html_fragments_never_break_offsets(parts: list[str]) -> None:
    """Random mixes of tags, entities and phrases keep offsets into the original."""
    text = "".join(parts)
    for f in lint_vacancy(text, lang="nl", format="html").findings:
        assert text[f.start : f.end] == f.text


def test_top_level_package_exports_the_lint() -> None:
    """`talentfit.lint_vacancy` is the documented entry point."""
    import talentfit

    assert talentfit.lint_vacancy is lint_vacancy
    assert {"lint_vacancy", "load_lint_config", "LintResult", "Finding"} <= set(talentfit.__all__)


def test_pay_without_currency_sign_counts_but_scales_and_hours_do_not() -> None:
    """'3100 en 3900 bruto' is a range; 'schaal 8, 36 uur' is no amount."""
    assert "pay-missing" not in rules_of("Salaris tussen de 3100 en 3900 bruto per maand.")
    assert "pay-missing" not in rules_of("Uurloon 14,50 tot 16,20 per uur bruto.")
    assert "pay-missing" in rules_of("Salaris volgens cao, schaal 8, 36 uur per week.")
