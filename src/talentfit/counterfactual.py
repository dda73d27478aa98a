"""Counterfactual invariance: swap names, gendered pronouns and titles; levels must not move.

The swaps are data (``talentfit/data/fairness/swaps.toml``): pairs of first names and surnames
of different origins and genders, and per language ordered rules for pronouns, titles and
gendered nouns with simple context conditions (``haar pakket`` → ``zijn pakket`` but ``ik belde
haar terug`` → ``ik belde hem terug``). Swaps are token-wise and keep capitalisation.

:func:`variants` gives the swapped texts of an answer (``names``, ``gender``, ``all``);
:func:`check_invariance` scores each answer and its variants and reports every competency
whose level moves.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from .convert import structure
from .errors import ConfigError, InputError, TalentfitError
from .resources import load_data_toml
from .text import LANGUAGES, Doc, analyse, detect_language, fold, language_data

__all__ = [
    "VARIANTS",
    "CounterfactualResult",
    "LanguageSwaps",
    "LevelChange",
    "SwapData",
    "SwapRule",
    "check_invariance",
    "invariance_summary",
    "swap_data",
    "swap_text",
    "variants",
]

VARIANTS: tuple[str, ...] = ("names", "gender", "all")
_WHEN = (None, "before_noun", "not_before_noun", "not_before_participle")
_APOSTROPHES = "'’"


@attrs.frozen
class SwapRule:
    """Swap ``word`` for ``swap`` where the conditions hold (see the data file's header)."""

    word: str
    swap: str
    kind: str
    positive: list[list[str]]
    negative: list[list[str]]
    when: str | None = attrs.field(default=None, validator=attrs.validators.in_(_WHEN))
    needs_next: bool = False
    unless_after: list[str] = attrs.field(factory=list)
    unless_prev_ends: list[str] = attrs.field(factory=list)
    unless_before: list[str] = attrs.field(factory=list)
    unless_next_ends: list[str] = attrs.field(factory=list)


@attrs.frozen
class LanguageSwaps:
    """The pronoun, title and noun rules of one language."""

    function_words: list[str]
    rules: list[SwapRule]


@attrs.frozen
class Names:
    """Name pairs, swapped in both directions where capitalised."""

    first: list[list[str]]
    surnames: list[list[str]]
    examples: list[list[str]]


@attrs.frozen
class SwapData:
    """The whole swap file."""

    names: Names
    languages: dict[str, LanguageSwaps]


@attrs.frozen
class _Compiled:
    names: dict[str, str]
    rules: dict[str, dict[str, tuple[SwapRule, ...]]]
    function_words: dict[str, frozenset[str]]
    particles: dict[str, tuple[str, ...]]


@functools.cache
def swap_data() -> SwapData:
    """The packaged swap lists (validated, cached)."""
    relpath = "fairness/swaps.toml"
    data = structure(load_data_toml(relpath), SwapData, source=f"talentfit/data/{relpath}")
    seen: set[str] = set()
    for pair in data.names.first + data.names.surnames:
        if len(pair) != 2 or fold(pair[0]) == fold(pair[1]):
            raise ConfigError(f"a name pair needs two different names, got {pair!r}", path=relpath)
        for name in pair:
            if fold(name) in seen:
                raise ConfigError(f"name {name!r} is in more than one pair", path=relpath)
            seen.add(fold(name))
    return data


@functools.cache
def _compiled() -> _Compiled:
    data = swap_data()
    names: dict[str, str] = {}
    for a, b in data.names.first + data.names.surnames:
        names[fold(a)] = b
        names[fold(b)] = a
    rules: dict[str, dict[str, tuple[SwapRule, ...]]] = {}
    function_words: dict[str, frozenset[str]] = {}
    particles: dict[str, tuple[str, ...]] = {}
    for lang, swaps in data.languages.items():
        by_word: dict[str, list[SwapRule]] = {}
        for rule in swaps.rules:
            by_word.setdefault(fold(rule.word), []).append(rule)
        rules[lang] = {w: tuple(r) for w, r in by_word.items()}
        function_words[lang] = frozenset(fold(w) for w in swaps.function_words)
        particles[lang] = tuple(language_data(lang).particles) if lang in LANGUAGES else ()
    return _Compiled(names, rules, function_words, particles)


def _match_case(surface: str, replacement: str) -> str:
    if len(surface) > 1 and surface.isupper():
        return replacement.upper()
    if surface[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement.lower() if replacement.islower() else replacement


def _is_participle(norm: str, particles: tuple[str, ...]) -> bool:
    if len(norm) < 5 or norm[-1] not in "dtn":
        return False
    if norm.startswith("ge"):
        return True
    return any(norm.startswith(p + "ge") and len(norm) > len(p) + 4 for p in particles)


class _Context:
    """Neighbouring words of a token, as the rule conditions see them."""

    def __init__(self, doc: Doc, index: int, compiled: _Compiled) -> None:
        tokens = doc.tokens
        tok = tokens[index]
        prev = tokens[index - 1] if index > 0 else None
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        self.prev_norm = prev.norm if prev is not None and prev.sent == tok.sent else None
        self.next = nxt if nxt is not None and nxt.clause == tok.clause else None
        self.next_norm = self.next.norm if self.next is not None else None
        self.lang = doc.lang
        self.function_words = compiled.function_words.get(doc.lang, frozenset())
        self.particles = compiled.particles.get(doc.lang, ())

    def before_participle(self) -> bool:
        return self.next_norm is not None and _is_participle(self.next_norm, self.particles)

    def before_noun(self) -> bool:
        """The next word could head a noun phrase: not a function word or a verb form."""
        nxt = self.next
        if nxt is None or not nxt.norm[:1].isalpha() or nxt.norm in self.function_words:
            return False
        if self.lang == "nl":
            # a Dutch verb form lemmatises to a different infinitive: ging -> gaan,
            # doorverbonden -> doorverbinden; nouns keep a noun lemma (klanten -> klant)
            # (present participles in -ende are adjectives: haar volgende bestelling)
            infinitive = nxt.lemma.endswith(("en", "aan", "oen", "ien"))
            if nxt.lemma != nxt.norm and infinitive and not nxt.norm.endswith("ende"):
                return False
            return not _is_participle(nxt.norm, self.particles)
        return True


def _applies(rule: SwapRule, ctx: _Context) -> bool:
    if rule.needs_next and ctx.next_norm is None:
        return False
    if rule.when == "before_noun" and not ctx.before_noun():
        return False
    if rule.when == "not_before_noun" and ctx.before_noun():
        return False
    if rule.when == "not_before_participle" and ctx.before_participle():
        return False
    if ctx.prev_norm is not None and (
        ctx.prev_norm in rule.unless_after or ctx.prev_norm.endswith(tuple(rule.unless_prev_ends))
    ):
        return False
    return not (
        ctx.next_norm is not None
        and (
            ctx.next_norm in rule.unless_before
            or (rule.unless_next_ends and ctx.next_norm.endswith(tuple(rule.unless_next_ends)))
        )
    )


def swap_text(text: str, lang: str, *, names: bool = True, gender: bool = True) -> str:
    """``text`` with names (``names``) and pronouns, titles, nouns (``gender``) swapped."""
    if lang not in LANGUAGES:
        raise InputError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    compiled = _compiled()
    doc = analyse(text, lang, spoken=True)
    rules = compiled.rules.get(lang, {})
    pieces: list[str] = []
    last = 0
    for tok in doc.tokens:
        base, suffix = _split_clitic(tok.surface)
        key = fold(base)
        replacement: str | None = None
        if names and base[:1].isupper() and key in compiled.names:
            target = compiled.names[key]
            replacement = target.upper() if len(base) > 1 and base.isupper() else target
        elif gender and key in rules:
            ctx = _Context(doc, tok.i, compiled)
            for rule in rules[key]:
                if _applies(rule, ctx):
                    replacement = _match_case(base, rule.swap)
                    break
        if replacement is None:
            continue
        pieces.append(text[last : tok.start])
        pieces.append(replacement + suffix)
        last = tok.end
    pieces.append(text[last:])
    return "".join(pieces)


def _split_clitic(surface: str) -> tuple[str, str]:
    """``Peter's`` → (``Peter``, ``'s``); ``z'n`` stays whole (it is a rule word itself)."""
    for i, char in enumerate(surface):
        if char in _APOSTROPHES and i > 1:
            return surface[:i], surface[i:]
    return surface, ""


def variants(text: str, lang: str) -> dict[str, str]:
    """The distinct swapped versions of ``text`` that differ from it, by variant name."""
    found: dict[str, str] = {}
    options = {
        "names": {"names": True, "gender": False},
        "gender": {"names": False, "gender": True},
        "all": {"names": True, "gender": True},
    }
    for name in VARIANTS:
        swapped = swap_text(text, lang, **options[name])
        if swapped != text and swapped not in found.values():
            found[name] = swapped
    return found


# ---------------------------------------------------------------------------- invariance


@attrs.frozen
class LevelChange:
    """One competency whose level moved under one swap."""

    variant: str
    competency: str
    before: int | None
    after: int | None
    score_before: float | None
    score_after: float | None


@attrs.frozen
class CounterfactualResult:
    """The invariance check of one answer: its variants and any level that moved."""

    id: str | None
    line: int | None
    language: str | None
    variants: dict[str, str]
    changes: tuple[LevelChange, ...] = ()
    error: str | None = None

    @property
    def moved(self) -> bool:
        return bool(self.changes)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "line": self.line,
            "language": self.language,
            "variants": sorted(self.variants),
            "moved": self.moved,
            "changes": [attrs.asdict(c) for c in self.changes],
        }
        if self.changes:
            data["swapped"] = {c.variant: self.variants[c.variant] for c in self.changes}
        if self.error is not None:
            data["error"] = self.error
        return data


def _levels(result: Any) -> dict[str, tuple[int | None, float | None]]:
    return {s.competency: (s.level, s.score) for s in result.scores}


def check_invariance(
    records: Iterable[Mapping[str, Any] | TalentfitError], *, rubric: Any = None
) -> Iterator[CounterfactualResult]:
    """Score each answer and its swapped variants; yield one result per record.

    Records carry ``answer`` and optionally ``id``, ``lang``, ``competency``, ``question``.
    A record that cannot be read or scored yields a result with ``error`` set.
    """
    from . import score_answer  # the engine (talentfit.score_answer), imported when needed

    for index, record in enumerate(records, 1):
        if isinstance(record, TalentfitError):
            yield CounterfactualResult(None, record.line, None, {}, error=str(record))
            continue
        line = record.get("__line__", index)
        rid = None if record.get("id") is None else str(record.get("id"))
        answer = record.get("answer")
        if not isinstance(answer, str) or not answer.strip():
            yield CounterfactualResult(rid, line, None, {}, error="'answer' missing or empty")
            continue
        options = {
            "competency": record.get("competency"),
            "question": record.get("question"),
            "rubric": rubric,
        }
        try:
            lang = record.get("lang") or detect_language(answer, default="en")
            original = score_answer(answer, lang=lang, **options)
            found = variants(answer, original.language)
            changes: list[LevelChange] = []
            base = _levels(original)
            for name, text in found.items():
                after = _levels(score_answer(text, lang=original.language, **options))
                for competency, (level, score) in base.items():
                    new_level, new_score = after.get(competency, (None, None))
                    if new_level != level:
                        changes.append(
                            LevelChange(name, competency, level, new_level, score, new_score)
                        )
        except TalentfitError as exc:
            yield CounterfactualResult(rid, line, None, {}, error=str(exc))
            continue
        yield CounterfactualResult(rid, line, original.language, found, tuple(changes))


def invariance_summary(results: Iterable[CounterfactualResult]) -> dict[str, Any]:
    """Counts over checked answers: how many had variants, moved, or failed."""
    answers = with_variants = moved = errors = 0
    for result in results:
        if result.error is not None:
            errors += 1
            continue
        answers += 1
        with_variants += bool(result.variants)
        moved += result.moved
    share = 1.0 - moved / answers if answers else 1.0
    return {
        "answers": answers,
        "with_variants": with_variants,
        "moved": moved,
        "errors": errors,
        "invariant_share": share,
    }
