"""Rule files per language and the user's config, compiled once and cached."""

from __future__ import annotations

import functools
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import attrs

from ..convert import structure
from ..errors import ConfigError
from ..patterns import Matcher, Pattern, compile_pattern, compile_phrase
from ..resources import load_data_toml
from ..text import LANGUAGES, fold
from ._model import CATEGORIES, SEVERITIES, Examples, LintConfig, RuleFile, RuleSpec

__all__ = ["CHECKS", "CompiledRules", "compiled_rules", "load_lint_config", "rule_file"]

#: Built-in checks a rule may name with ``check = "..."``.
CHECKS = (
    "pay_missing",
    "pay_range_wide",
    "readability_level",
    "sentence_length",
    "length",
    "we_over_you",
    "requirements",
    "no_offer",
    "gender_marker",
    "stressed_article",
)
_MACRO = re.compile(r"\{([a-z_]+)\}")


@functools.cache
def rule_file(lang: str) -> RuleFile:
    """The packaged rules for ``lang`` (validated, cached)."""
    source = f"talentfit/data/lint/{lang}.toml"
    rules = structure(load_data_toml(f"lint/{lang}.toml"), RuleFile, source=source)
    seen: set[str] = set()
    for rule in rules.rules:
        if rule.id in seen:
            raise ConfigError(f"duplicate rule id {rule.id!r}", path=source)
        seen.add(rule.id)
        if bool(rule.patterns) == bool(rule.check):
            raise ConfigError("a rule needs either patterns or a check", path=source, rule=rule.id)
        if rule.check and rule.check not in CHECKS:
            raise ConfigError(f"unknown check {rule.check!r}", path=source, rule=rule.id)
    return rules


@attrs.frozen
class Rule:
    """A rule as it applies: its spec with the configured severity."""

    spec: RuleSpec
    severity: str
    # the spec's id and category, copied for the hot paths of the lint (plain attributes)
    id: str = attrs.field(init=False, eq=False, repr=False)
    category: str = attrs.field(init=False, eq=False, repr=False)
    # whether a match of the rule passes filters beyond quotation and negation
    filtered: bool = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        spec = self.spec
        object.__setattr__(self, "id", spec.id)
        object.__setattr__(self, "category", spec.category)
        filtered = (
            spec.not_forms
            or spec.exact
            or spec.next_forms
            or spec.exceptions
            or spec.unless
            or spec.unless_fact
            or spec.unless_gender_marker
            or spec.candidate_only
            or spec.unless_named
            or spec.question_opener
        )
        object.__setattr__(self, "filtered", bool(filtered))


@attrs.define
class CompiledRules:
    """Everything the linter needs for one language and configuration."""

    lang: str
    rules: dict[str, Rule]
    order: dict[str, int]
    # One pass finds rule matches ("match", rule), exception and unless context
    # ("exception"/"unless", rule id).
    matcher: Matcher[tuple[str, Rule | str]]
    checks: dict[str, Rule]
    number_words: frozenset[str]
    pay_words: frozenset[str]
    you_words: frozenset[str]
    we_words: frozenset[str]
    requirement_headings: tuple[str, ...]
    offer_headings: tuple[str, ...]
    candidate_nouns: frozenset[str]
    other_people: frozenset[str]
    served_cues: tuple[tuple[str, ...], ...] = ()
    customer_nouns: frozenset[str] = frozenset()
    variable_pay_words: frozenset[str] = frozenset()
    specifiers: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    new_words: frozenset[str] = frozenset()
    person_determiners: frozenset[str] = frozenset()
    than_words: frozenset[str] = frozenset()
    name_cues: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    # id(pattern) -> the literal first words, prefixes and suffixes of an `exact` rule
    literals: dict[int, tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]] = attrs.field(
        factory=dict
    )
    you_are: tuple[tuple[str, ...], ...] = ()
    relatives: frozenset[str] = frozenset()
    question_leads: frozenset[str] = frozenset()
    question_subjects: frozenset[str] = frozenset()


def _expand(source: str, macros: dict[str, str], where: str, rule: str) -> list[str]:
    """Expand ``{name}`` macros; a ``#`` alternative becomes its own pattern variant."""
    variants = [source]
    for name in dict.fromkeys(_MACRO.findall(source)):
        if name not in macros:
            raise ConfigError(f"unknown macro {{{name}}}", path=where, rule=rule)
        options = macros[name].split("|")
        words = "|".join(o for o in options if o != "#")
        values = (["#"] if "#" in options else []) + ([words] if words else [])
        variants = [v.replace("{" + name + "}", value) for v in variants for value in values]
    return variants


def _compile(
    source: str, lang: str, macros: dict[str, str], where: str, rule: str
) -> list[Pattern]:
    try:
        return [compile_pattern(v, lang) for v in _expand(source, macros, where, rule)]
    except ConfigError as exc:
        raise ConfigError(f"rule {rule!r}: {exc.message}", path=where, rule=rule) from None


_CACHE: dict[tuple[str, str], CompiledRules] = {}


def compiled_rules(lang: str, config: LintConfig | None = None) -> CompiledRules:
    """The compiled rules for ``lang`` under ``config`` (compiled once per process)."""
    key = (lang, config.key() if config is not None else "")
    found = _CACHE.get(key)
    if found is None:
        found = _CACHE[key] = _build(lang, config or LintConfig())
    return found


def _selected(names: list[str] | dict[str, str], spec: RuleSpec) -> bool:
    return spec.id in names or spec.category in names


def _build(lang: str, config: LintConfig) -> CompiledRules:
    data = rule_file(lang)
    where = f"talentfit/data/lint/{lang}.toml"
    macros = data.settings.macros
    specs = list(data.rules)
    for n, phrase in enumerate(config.phrases, start=1):
        if phrase.lang not in (None, lang):
            continue
        specs.append(
            RuleSpec(
                id=phrase.id or f"custom-{phrase.category.replace('_', '-')}-{n}",
                category=phrase.category,
                severity=phrase.severity,
                message=phrase.message,
                suggestion=phrase.suggestion,
                source="organisation configuration",
                examples=Examples([], []),
                patterns=list(phrase.phrases),
            )
        )
    rules: dict[str, Rule] = {}
    order: dict[str, int] = {}
    entries: list[tuple[Pattern, tuple[str, Rule | str]]] = []
    checks: dict[str, Rule] = {}
    literals: dict[int, tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]] = {}
    for spec in specs:
        if _selected(config.disable, spec):
            continue
        severity = config.severity.get(spec.id) or config.severity.get(spec.category)
        rule = Rule(spec, severity or spec.severity)
        rules[spec.id] = rule
        order[spec.id] = len(order)
        if spec.check:
            checks[spec.check] = rule
            continue
        custom = spec.source == "organisation configuration"
        for source in spec.patterns:
            if custom:
                entries.append((compile_phrase(source, lang), ("match", rule)))
            else:
                compiled = _compile(source, lang, macros, where, spec.id)
                entries.extend((p, ("match", rule)) for p in compiled)
                if spec.exact:
                    literal = _first_literals(source)
                    literals.update((id(p), literal) for p in compiled)
        for kind, sources in (("exception", spec.exceptions), ("unless", spec.unless)):
            for source in sources:
                compiled = _compile(source, lang, macros, where, spec.id)
                entries.extend((p, (kind, spec.id)) for p in compiled)
    settings = data.settings

    def words(items: list[str]) -> frozenset[str]:
        return frozenset(fold(w) for w in items)

    return CompiledRules(
        lang=lang,
        rules=rules,
        order=order,
        matcher=Matcher(entries),
        checks=checks,
        number_words=words(settings.number_words),
        pay_words=words(settings.pay_words),
        you_words=words(settings.you_words),
        we_words=words(settings.we_words),
        requirement_headings=tuple(fold(h) for h in settings.requirement_headings),
        offer_headings=tuple(fold(h) for h in settings.offer_headings),
        candidate_nouns=words(settings.candidate_nouns),
        you_are=tuple(tuple(fold(c).split()) for c in settings.you_are),
        relatives=words(settings.relatives),
        other_people=words(settings.other_people),
        served_cues=tuple(tuple(fold(c).split()) for c in settings.served_cues),
        customer_nouns=words(settings.customer_nouns),
        variable_pay_words=words(settings.variable_pay_words),
        specifiers=words(settings.specifiers),
        determiners=words(settings.determiners),
        new_words=words(settings.new_words),
        person_determiners=words(settings.person_determiners),
        than_words=words(settings.than_words),
        name_cues=words(settings.name_cues),
        name_particles=words(settings.name_particles),
        question_leads=words(settings.question_leads),
        question_subjects=words(settings.question_subjects),
        literals=literals,
    )


def _first_literals(source: str) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The forms a pattern's first step names: words, ``prefix*`` and ``*suffix``."""
    options = fold(source).split()[0].split("|")
    words = frozenset(o for o in options if "*" not in o)
    prefixes = tuple(o[:-1] for o in options if o.endswith("*"))
    suffixes = tuple(o[1:] for o in options if o.startswith("*"))
    return words, prefixes, suffixes


def known_names() -> frozenset[str]:
    """Every rule id of every language, and every category."""
    names = set(CATEGORIES)
    for lang in LANGUAGES:
        names.update(rule.id for rule in rule_file(lang).rules)
    return frozenset(names)


def load_lint_config(path: str | Path) -> LintConfig:
    """Read a lint configuration from a TOML or JSON file; ConfigError naming the field."""
    source = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("no such file", path=source) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        raise ConfigError(f"cannot read config: {reason}", path=source) from None
    data: Any
    if source.lower().endswith(".json"):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"invalid JSON: {exc.msg}", path=source, line=exc.lineno) from None
    else:
        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", path=source) from None
    return config_from_dict(data, source=source)


def config_from_dict(data: Any, *, source: str | None = None) -> LintConfig:
    """Validate a configuration given as plain data (as read from TOML or JSON)."""
    config = structure(data, LintConfig, source=source)
    custom = {p.id for p in config.phrases if p.id}
    known = known_names() | custom
    for name in config.disable:
        if name not in known:
            raise ConfigError(f"unknown rule or category {name!r}", path=source, field="$.disable")
    for name, severity in config.severity.items():
        if name not in known:
            raise ConfigError(f"unknown rule or category {name!r}", path=source, field="$.severity")
        if severity not in SEVERITIES:
            raise ConfigError(
                f"expected one of {', '.join(SEVERITIES)}, got {severity!r}",
                path=source,
                field=f"$.severity.{name}",
            )
    for n, phrase in enumerate(config.phrases):
        if phrase.lang is not None and phrase.lang not in LANGUAGES:
            raise ConfigError(
                f"expected one of {', '.join(LANGUAGES)}, got {phrase.lang!r}",
                path=source,
                field=f"$.phrases[{n}].lang",
            )
        for text in phrase.phrases:
            compile_phrase(text, phrase.lang or "nl")  # raises on a phrase without words
    return config
