"""Evidence lexicons: signals per language, loaded from data through one schema.

A signal is a family of patterns with a kind (indicator, counter, perspective, result,
beyond, claim, buzzword, hypothetical, habitual, counterfactual, collective), the
competencies it speaks to, a weight, what a negated match means, and positive and
negative example sentences that the test-suite runs.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from .convert import structure
from .errors import ConfigError
from .models import COMPETENCY_IDS
from .patterns import Matcher, Pattern, compile_pattern
from .resources import load_data_toml

__all__ = ["KINDS", "NEGATED", "Examples", "LexiconFile", "Signal", "lexicon", "signal_matcher"]

KINDS = frozenset(
    {
        "indicator",
        "counter",
        "perspective",
        "result",
        "beyond",
        "claim",
        "buzzword",
        "hypothetical",
        "habitual",
        "counterfactual",
        "collective",
        "situation",
        "outcome_subject",
    }
)
NEGATED = frozenset({"ignore", "counter", "indicator"})


def _check_kind(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in KINDS:
        raise ValueError(
            f"{attribute.name} must be one of {', '.join(sorted(KINDS))}, got {value!r}"
        )


def _check_negated(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in NEGATED:
        raise ValueError(
            f"{attribute.name} must be one of {', '.join(sorted(NEGATED))}, got {value!r}"
        )


@attrs.frozen
class Examples:
    """Sentences in which a signal must (positive) and must not (negative) fire."""

    positive: list[str]
    negative: list[str]


@attrs.frozen
class Signal:
    """One family of patterns and what a match means."""

    id: str
    kind: str = attrs.field(validator=_check_kind)
    patterns: list[str]
    examples: Examples
    competencies: list[str] = attrs.field(factory=list)
    weight: float = 1.0
    negated: str = attrs.field(default="ignore", validator=_check_negated)
    description: str = ""
    # a counter that states a norm rather than an act ("not my department", "that's the
    # process"): a following "but I …" overrides it; an act ("transferred her") stays
    overridable: bool = False


@attrs.frozen
class LexiconFile:
    """A lexicon data file: the signals of one language."""

    language: str
    signals: list[Signal]


@attrs.frozen
class CompiledSignal:
    """A signal with its patterns compiled (payload of the matcher)."""

    signal: Signal
    patterns: tuple[Pattern, ...]


def load_lexicon_data(data: dict[str, object], source: str) -> LexiconFile:
    """Validate lexicon data; ConfigError naming the field and source on any problem."""
    lex = structure(data, LexiconFile, source=source)
    seen: set[str] = set()
    for index, signal in enumerate(lex.signals):
        where = f"$.signals[{index}]"
        if signal.id in seen:
            raise ConfigError(f"duplicate signal id {signal.id!r} @ {where}.id", path=source)
        seen.add(signal.id)
        if signal.kind in ("indicator", "counter") and not signal.competencies:
            raise ConfigError(
                f"a {signal.kind} needs competencies @ {where}.competencies", path=source
            )
        unknown = [c for c in signal.competencies if c not in COMPETENCY_IDS]
        if unknown:
            raise ConfigError(
                f"unknown competency {unknown[0]!r} @ {where}.competencies", path=source
            )
        if not signal.examples.positive or not signal.examples.negative:
            raise ConfigError(
                f"every signal needs positive and negative examples @ {where}.examples",
                path=source,
            )
    return lex


@functools.cache
def lexicon(lang: str) -> LexiconFile:
    """The built-in lexicon of ``lang`` (cached)."""
    source = f"talentfit/data/lexicons/{lang}.toml"
    lex = load_lexicon_data(load_data_toml(f"lexicons/{lang}.toml"), source)
    if lex.language != lang:
        raise ConfigError(f"language must be {lang!r} @ $.language", path=source)
    return lex


def compile_signals(signals: Iterable[Signal], lang: str) -> Matcher[CompiledSignal]:
    """A matcher over every pattern of ``signals``; ConfigError names a bad pattern."""
    entries: list[tuple[Pattern, CompiledSignal]] = []
    for signal in signals:
        try:
            patterns = tuple(compile_pattern(p, lang) for p in signal.patterns)
        except ConfigError as exc:
            raise ConfigError(f"{exc.message} in signal {signal.id!r}", rule=signal.id) from None
        compiled = CompiledSignal(signal, patterns)
        entries.extend((p, compiled) for p in patterns)
    return Matcher(entries)


@functools.cache
def signal_matcher(lang: str) -> Matcher[CompiledSignal]:
    """The compiled built-in signals of ``lang`` (compiled once per process)."""
    return compile_signals(lexicon(lang).signals, lang)
