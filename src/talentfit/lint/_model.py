"""The lint's data model: findings, metrics, results, rule files and the user config."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = [
    "CATEGORIES",
    "PROBLEM_CATEGORIES",
    "SEVERITIES",
    "Examples",
    "Finding",
    "LintConfig",
    "LintResult",
    "LintSettings",
    "Metrics",
    "PhraseSpec",
    "RuleFile",
    "RuleSpec",
]

#: Categories the drafting helper treats as problems; the others are advice.
PROBLEM_CATEGORIES: tuple[str, ...] = (
    "cliche",
    "vague_benefit",
    "hierarchy",
    "exclusionary_age",
    "exclusionary_gender",
    "exclusionary_origin",
    "pay_transparency",
)
#: Every category a finding can have.
CATEGORIES: tuple[str, ...] = (*PROBLEM_CATEGORIES, "gender_coded", "readability", "structure")
#: Severities, most severe first.
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


# not slotted: a frozen class with a __dict__ is built by storing into the dict, a slotted one
# by a call of object.__setattr__ per field, which made building the findings about twice
# as slow (a lint builds one per finding, dozens per vacancy)
@attrs.frozen(slots=False)
class Finding:
    """One problem or piece of advice, with offsets into the file's original text."""

    # the lint engine builds findings with positional arguments: keep this order
    rule: str
    category: str
    severity: str
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    suggestion: str

    def to_dict(self) -> dict[str, Any]:
        """The finding as the JSON object of ``talentfit vacancy lint --format json``."""
        return attrs.asdict(self)


@attrs.frozen
class Metrics:
    """Counts and scores that describe the whole text."""

    words: int
    sentences: int
    mean_sentence_length: float
    readability: float
    readability_scale: str
    readability_level: str
    you: int
    we: int
    you_we_ratio: float | None
    masculine_coded: int
    feminine_coded: int
    requirements: int

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class LintResult:
    """The findings and metrics for one vacancy text."""

    path: str | None
    language: str
    findings: tuple[Finding, ...]
    metrics: Metrics

    def to_dict(self) -> dict[str, Any]:
        """``{"path", "language", "findings": [...], "metrics": {...}}``."""
        return {
            "path": self.path,
            "language": self.language,
            "findings": [f.to_dict() for f in self.findings],
            "metrics": self.metrics.to_dict(),
        }

    def problems(self) -> tuple[Finding, ...]:
        """The findings in :data:`PROBLEM_CATEGORIES` (the rest is advice)."""
        return tuple(f for f in self.findings if f.category in PROBLEM_CATEGORIES)

    def at_or_above(self, severity: str) -> tuple[Finding, ...]:
        """The findings at ``severity`` or more severe."""
        rank = SEVERITIES.index(severity)
        return tuple(f for f in self.findings if SEVERITIES.index(f.severity) <= rank)


def _check_category(_: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in CATEGORIES:
        raise ValueError(f"expected one of {', '.join(CATEGORIES)}, got {value!r}")


def _check_severity(_: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in SEVERITIES:
        raise ValueError(f"expected one of {', '.join(SEVERITIES)}, got {value!r}")


@attrs.frozen
class Examples:
    """Texts a rule must flag (positive) and must leave alone (negative)."""

    positive: list[str]
    negative: list[str]


@attrs.frozen
class RuleSpec:
    """One lint rule as written in ``data/lint/<lang>.toml``.

    A rule either lists ``patterns`` (pattern language of :mod:`talentfit.patterns`) or
    names a built-in ``check`` (pay, readability, structure, gender marker).
    """

    id: str
    category: str = attrs.field(validator=_check_category)
    severity: str = attrs.field(validator=_check_severity)
    message: str
    suggestion: str
    source: str
    examples: Examples
    patterns: list[str] = attrs.field(factory=list)
    check: str | None = None
    # Patterns overlapping the match that make it acceptable ("hij of zij").
    exceptions: list[str] = attrs.field(factory=list)
    # Patterns in the same sentence or just after that make it acceptable ("… welkom").
    unless: list[str] = attrs.field(factory=list)
    # A number or fact in the same clause, or later in the sentence, makes it concrete.
    unless_fact: bool = False
    # A "(m/v/x)" marker anywhere in the text makes a gendered title acceptable.
    unless_gender_marker: bool = False
    # Pronouns: only when they refer to the candidate, not a named person or a customer.
    candidate_only: bool = False
    # Folded word forms that never count, although their lemma matches ("jongeren").
    not_forms: list[str] = attrs.field(factory=list)
    # Only the written forms count, not other words with the same lemma (titles:
    # "assistente" must not match "assistent").
    exact: bool = False
    # The word after a match of one of `next_forms_for` must be one of these forms
    # ("*t": ends in t): "zij is", "zij werkt" (she) but not "zij zijn" (they).
    next_forms: list[str] = attrs.field(factory=list)
    next_forms_for: list[str] = attrs.field(factory=list)
    # A person's name just before makes it a description of that person ("Hans, foreman").
    unless_named: bool = False
    # Negation does not neutralise it: "je hoeft geen vakman te zijn" is still gendered.
    ignore_negation: bool = False
    # Only as the opening of a question ("Stroom jij bij ons in?", "Ready to make a
    # splash?"): the match starts its sentence (after `question_leads`) and the sentence
    # ends with a question mark.
    question_opener: bool = False
    params: dict[str, float] = attrs.field(factory=dict)


@attrs.frozen
class LintSettings:
    """Per-language word lists the built-in checks use."""

    # "you are a X", "ben jij een X": the person noun X is the candidate ("You are a chef who
    # knows his way around a kitchen")
    you_are: list[str] = attrs.field(factory=list)
    relatives: list[str] = attrs.field(factory=list)  # "who", "die": the noun's relative clause
    macros: dict[str, str] = attrs.field(factory=dict)
    number_words: list[str] = attrs.field(factory=list)
    pay_words: list[str] = attrs.field(factory=list)
    # words for pay on top of the salary ("bonus", "commission", "fooien"): a range near one
    # of them is variable pay, not the salary band the pay-range check judges
    variable_pay_words: list[str] = attrs.field(factory=list)
    you_words: list[str] = attrs.field(factory=list)
    we_words: list[str] = attrs.field(factory=list)
    requirement_headings: list[str] = attrs.field(factory=list)
    offer_headings: list[str] = attrs.field(factory=list)
    candidate_nouns: list[str] = attrs.field(factory=list)
    other_people: list[str] = attrs.field(factory=list)
    # verbs before a person the candidate works for ("report to the manager", "support two
    # partners"): that person is not who a following "he"/"she" means
    served_cues: list[str] = attrs.field(factory=list)
    # the people the candidate serves ("customer service advisor"): a title word that names
    # them never names the candidate
    customer_nouns: list[str] = attrs.field(factory=list)
    detect_words: list[str] = attrs.field(factory=list)
    # words after a claim that open the clause specifying it ("zoals", "including")
    specifiers: list[str] = attrs.field(factory=list)
    # before a job-title word, these make it the candidate ("de monteur", "our new colleague")
    determiners: list[str] = attrs.field(factory=list)
    new_words: list[str] = attrs.field(factory=list)
    # before a person word, these make it a person ("the head of sales", "onze klant")
    person_determiners: list[str] = attrs.field(factory=list)
    # after a person word, a comparison: "niet ouder dan 50" is no parent
    than_words: list[str] = attrs.field(factory=list)
    # a capitalised word after one of these, or before a particle, is a name ("bel Anouk")
    name_cues: list[str] = attrs.field(factory=list)
    name_particles: list[str] = attrs.field(factory=list)
    # words that may stand before a question's opener ("Dus: sta jij …?", "So, ready to …?")
    question_leads: list[str] = attrs.field(factory=list)
    # a question opener that is one of these may follow one word, the inverted verb
    # ("Stroom jij bij ons in?", "Proef jij ook al de zon?")
    question_subjects: list[str] = attrs.field(factory=list)


@attrs.frozen
class RuleFile:
    """A whole ``data/lint/<lang>.toml``."""

    language: str
    settings: LintSettings
    rules: list[RuleSpec]


@attrs.frozen
class PhraseSpec:
    """An organisation's own phrases for one category (matched as literal words)."""

    category: str = attrs.field(validator=_check_category)
    phrases: list[str]
    message: str
    suggestion: str = ""
    severity: str = attrs.field(default="warning", validator=_check_severity)
    id: str | None = None
    lang: str | None = None


@attrs.frozen
class LintConfig:
    """A user's lint configuration (TOML or JSON): disable rules, severities, own phrases."""

    disable: list[str] = attrs.field(factory=list)
    severity: dict[str, str] = attrs.field(factory=dict)
    phrases: list[PhraseSpec] = attrs.field(factory=list)

    def key(self) -> str:
        """A stable cache key for the compiled rules of this configuration."""
        import json

        return json.dumps(attrs.asdict(self), sort_keys=True)
