"""Every lint rule's own positive and negative examples, and the rule files' schema."""

from __future__ import annotations

import re

import pytest

from talentfit.lint import CATEGORIES, PROBLEM_CATEGORIES, lint_vacancy, rule_file
from talentfit.lint._model import RuleSpec
from talentfit.lint._rules import CHECKS, compiled_rules
from talentfit.text import LANGUAGES

RULES = [(lang, rule) for lang in LANGUAGES for rule in rule_file(lang).rules]
POSITIVE = [
    pytest.param(lang, rule.id, text, id=f"{lang}-{rule.id}-pos{n}")
    for lang, rule in RULES
    for n, text in enumerate(rule.examples.positive)
]
NEGATIVE = [
    pytest.param(lang, rule.id, text, id=f"{lang}-{rule.id}-neg{n}")
    for lang, rule in RULES
    for n, text in enumerate(rule.examples.negative)
]


@pytest.mark.parametrize(("lang", "rule", "text"), POSITIVE)
def test_positive_example_is_flagged(lang: str, rule: str, text: str) -> None:
    """A rule fires on each of its positive examples."""
    found = {f.rule for f in lint_vacancy(text, lang=lang).findings}
    assert rule in found


@pytest.mark.parametrize(("lang", "rule", "text"), NEGATIVE)
def test_negative_example_is_not_flagged(lang: str, rule: str, text: str) -> None:
    """A rule stays silent on each of its negative examples."""
    found = [f for f in lint_vacancy(text, lang=lang).findings if f.rule == rule]
    assert found == []


@pytest.mark.parametrize(
    ("lang", "rule"), [pytest.param(la, r, id=f"{la}-{r.id}") for la, r in RULES]
)
def test_every_rule_has_examples_message_suggestion_and_source(lang: str, rule: RuleSpec) -> None:
    """Meta-test: every rule has positive and negative examples, message, suggestion, source."""
    assert rule.examples.positive, f"{lang}:{rule.id} has no positive example"
    assert rule.examples.negative, f"{lang}:{rule.id} has no negative example"
    assert rule.message.strip() and rule.suggestion.strip() and rule.source.strip()
    assert rule.category in CATEGORIES
    assert rule.check is None or rule.check in CHECKS


def test_rule_ids_match_across_languages() -> None:
    """One configuration file works for both languages: the rule ids are the same."""
    ids = {lang: {r.id for r in rule_file(lang).rules} for lang in LANGUAGES}
    assert ids["nl"] == ids["en"]


def test_every_category_has_rules_in_every_language() -> None:
    """Each category of the issue is covered in Dutch and in English."""
    for lang in LANGUAGES:
        assert {r.category for r in rule_file(lang).rules} == set(CATEGORIES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rule_files_compile(lang: str) -> None:
    """Every pattern, exception and context pattern of the packaged rules compiles."""
    rules = compiled_rules(lang)
    assert rules.matcher.size > 100 and len(rules.checks) == len(CHECKS)


_QUOTED = re.compile(r"[‘'“\"]([^‘'’“”\"]{8,})[’'”\"]")
_INSTEAD = ("in plaats van", "instead of", "not ", "niet ")


def _advised_phrases() -> list[object]:
    """The quoted wording each rule's suggestion recommends (not what it says to replace)."""
    params = []
    for lang, rule in RULES:
        for m in _QUOTED.finditer(rule.suggestion):
            before = rule.suggestion[max(0, m.start() - 16) : m.start()].lower()
            if not before.rstrip().endswith(_INSTEAD):
                params.append(pytest.param(lang, rule.id, m.group(1), id=f"{lang}-{rule.id}"))
    return params


@pytest.mark.parametrize(("lang", "rule", "phrase"), _advised_phrases())
def test_the_advice_itself_is_not_a_problem(lang: str, rule: str, phrase: str) -> None:
    """What a suggestion tells the writer to put ("een team van 8 mensen tussen 19 en 61
    jaar", "tussen € 3.100 en € 3.900 bruto per maand") draws no problem finding."""
    problems = [
        (f.rule, f.text)
        for f in lint_vacancy(phrase, lang=lang).findings
        if f.category in PROBLEM_CATEGORIES and f.start != f.end
    ]
    assert problems == [], f"{rule}'s advice {phrase!r} is flagged"
