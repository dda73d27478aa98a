"""A small, safe pattern language over lemmatised tokens.

Lexicons, lint rules and value indicators are written in it; user phrases are compiled
with :func:`compile_phrase` as plain words. Nothing a user writes becomes a regular
expression.

Syntax, one pattern per string, steps separated by spaces:

=============  ==============================================================
``bellen``     a token whose folded form or lemma is ``bellen`` (belde, gebeld…)
``a|b``        any of the alternatives (single words)
``a|b_c``      ``a``, or ``b c`` as two tokens: ``_`` joins the words of a phrase
               alternative ("it's|it_is now", "or_less|or_fewer")
``=belde``     exactly this form, not its lemma ("=transferred" is not the noun "transfer")
``klant*``     a token that starts with ``klant`` (klantgericht, klanten…)
``*afspraak``  a token that ends with ``afspraak`` (vervolgafspraak: Dutch compounds)
``?even``      an optional token
``...``        up to four other tokens, in the same sentence
``terug+bellen``  a Dutch separable verb: terugbellen, teruggebeld, terugbelde,
               "belde … terug", "terug te bellen"
``#``          a number
``_``          any one token
``!off|out``   the next token is none of these (or the sentence ends): "dropped
               !off" finds "dropped the vase", not "dropped off the keys"
=============  ==============================================================

A match never crosses a sentence boundary and never matches inside a word.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Iterable, Sequence
from typing import Any, Generic, NamedTuple, TypeVar, cast

import attrs

from .errors import ConfigError
from .text import _TOKEN_RE, Doc, Token, fold, language_data, lemma_of

__all__ = [
    "Match",
    "Matcher",
    "Pattern",
    "compile_loose_phrase",
    "compile_pattern",
    "compile_phrase",
]

P = TypeVar("P")

GAP = 4  # tokens skipped by "..."
SEPARABLE_GAP = 10  # tokens between a verb and its particle ("belde de klant morgen terug")
_STARTS_LIMIT = 200_000  # word forms a Matcher remembers the first-step alternatives of
_OPERATOR_CHARS = set("|*?+#_.")


@attrs.frozen
class Step:
    kind: str  # "word" | "prefix" | "num" | "any" | "gap" | "not" (zero-width: next is none)
    values: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    optional: bool = False
    gap: int = 0
    clause_final: bool = False  # a separated particle: "belde hem terug", not "stappen op een"
    blockers: frozenset[str] = frozenset()  # words that cannot follow a separable particle

    def accepts(self, tok: Token) -> bool:
        return self.accepts_form(tok.norm, tok.lemma)

    def accepts_form(self, norm: str, lemma: str) -> bool:
        """Whether a token with this folded form and lemma satisfies the step."""
        kind = self.kind
        if kind in ("word", "not"):  # "not" fails where its words are accepted
            return norm in self.values or lemma in self.values
        if kind == "prefix":
            return (
                norm in self.values
                or lemma in self.values
                or (bool(self.prefixes) and norm.startswith(self.prefixes))
                or (bool(self.suffixes) and norm.endswith(self.suffixes))
                or (bool(self.suffixes) and lemma.endswith(self.suffixes))
            )
        if kind == "num":
            return norm[:1].isdigit()
        return True


@attrs.frozen
class Pattern:
    """A compiled pattern: alternative step sequences for one source string."""

    source: str
    alternatives: tuple[tuple[Step, ...], ...]
    has_negation: bool = False
    # a user's phrase (compile_phrase, compile_loose_phrase): its words are meant as written,
    # a negation in it included, whichever clause of the answer it falls in
    literal: bool = False


def compile_phrase(phrase: str, lang: str) -> Pattern:
    """Compile a plain phrase (from a user) as literal words, each also matching its lemma."""
    words = [m.group() for m in _TOKEN_RE.finditer(fold(phrase))]
    if not words:
        raise ConfigError(f"phrase has no words: {phrase!r}")
    steps = tuple(Step("word", frozenset({w, lemma_of(w, lang)})) for w in words)
    return Pattern(phrase, (steps,), _mentions_negation(words, lang), literal=True)


def compile_loose_phrase(phrase: str, lang: str) -> Pattern:
    """Compile a plain phrase (an organisation's own value indicator) loosely: its words in
    order, each also matching its lemma, with up to four other words between them;
    articles and possessives are left out, and a phrase of two words also matches them the
    other way round. "admitted a mistake" finds "I admitted my mistake" and "admitted that it
    was my mistake"; "extra verkopen" finds "heb ik extra verkocht". Never a regular
    expression."""
    words = [m.group() for m in _TOKEN_RE.finditer(fold(phrase))]
    if not words:
        raise ConfigError(f"phrase has no words: {phrase!r}")
    skip = frozenset(fold(w) for w in language_data(lang).grammar.determiners)
    content = [w for w in words if w not in skip] or words
    units = _loose_units(content, lang, phrase)
    orders = [units, units[::-1]] if len(units) == 2 else [units]
    gap = Step("gap", gap=GAP)
    alternatives: list[tuple[Step, ...]] = []
    for order in orders:
        for choice in itertools.product(*order):
            steps = [s for k, seq in enumerate(choice) for s in ((gap, *seq) if k else seq)]
            alternatives.append(tuple(steps))
    return Pattern(phrase, tuple(alternatives), _mentions_negation(words, lang), literal=True)


def _loose_units(words: Sequence[str], lang: str, phrase: str) -> list[list[tuple[Step, ...]]]:
    """The steps of a loose phrase, one unit per word, each unit a list of alternative step
    sequences. A Dutch separable verb is one unit in all its word orders, whether the phrase
    writes it joined ("uitleggen") or split ("legt uit"): "legt uit waarom" finds "ik heb
    uitgelegd waarom" and "ik legde haar uit waarom"."""
    particles = frozenset(language_data(lang).particles) if lang == "nl" else frozenset()
    units: list[list[tuple[Step, ...]]] = []
    k = 0
    while k < len(words):
        word = words[k]
        lemma = lemma_of(word, lang)
        plain: tuple[Step, ...] = (Step("word", frozenset({word, lemma})),)
        after = words[k + 1] if k + 1 < len(words) else ""
        if after in particles and _is_verb_lemma(lemma, particles):
            split = _compile_part(f"{after}+{lemma}", lang, phrase)
            units.append([(plain[0], Step("word", frozenset({after}))), *split])
            k += 2
            continue
        # the longest particle the lemma starts with ("bijeenkomen": "bijeen", not "bij"), so
        # the choice does not depend on the set's iteration order
        particle = max((p for p in particles if lemma.startswith(p)), key=len, default=None)
        if particle is not None and _is_verb_lemma(lemma[len(particle) :], particles):
            units.append(
                [plain, *_compile_part(f"{particle}+{lemma[len(particle) :]}", lang, phrase)]
            )
        else:
            units.append([plain])
        k += 1
    return units


def _is_verb_lemma(lemma: str, particles: frozenset[str]) -> bool:
    """Whether a Dutch lemma looks like an infinitive a particle can join ("leggen",
    "bellen"): at least four letters ending in -en, and not itself a particle."""
    return len(lemma) >= 4 and lemma.endswith("en") and lemma.isalpha() and lemma not in particles


def compile_pattern(source: str, lang: str) -> Pattern:
    """Compile one pattern string (see the module docstring); ConfigError when malformed."""
    parts = fold(source).split()
    if not parts:
        raise ConfigError(f"empty pattern {source!r}")
    _check_alternations(parts, source)
    alternatives: list[list[Step]] = [[]]
    plain_words: list[str] = []
    for part in parts:
        options = _compile_part(part, lang, source)
        alternatives = [alt + list(opt) for alt in alternatives for opt in options]
        if not part.startswith("!"):
            plain_words.extend(
                w for opt in part.lstrip("?").split("|") for w in opt.split("_") if _is_word(w)
            )
    for alt in alternatives:
        if not alt:
            raise ConfigError(f"pattern {source!r} must not be optional as a whole")
        first = alt[0]
        if first.kind in ("gap", "any", "not") or first.optional:
            raise ConfigError(
                f"pattern {source!r} must start with a word, a prefix or a number, "
                "not with '...', '_', '!' or an optional step"
            )
        if alt[-1].kind == "gap":
            raise ConfigError(f"pattern {source!r} must not end with '...'")
    return Pattern(
        source, tuple(tuple(a) for a in alternatives), _mentions_negation(plain_words, lang)
    )


def _check_alternations(parts: Sequence[str], source: str) -> None:
    """Reject a phrase alternative written with spaces: ``is now|it's now``, ``or less|or fewer``.

    ``a|b`` chooses one token, so "it's now|is now standard" is four steps and never matches
    what its author meant. It shows as a neighbouring step that repeats one of the
    alternatives: a plain word ("now|is" + "now") or the one word a short set of
    alternatives shares with its neighbour ("less|or" + "fewer|or"). Repeating a set
    ("varied|challenging varied|challenging"), long lists that share a word by chance and
    optional steps are deliberate and allowed. Two more disguises are rejected: a short set
    that repeats an alternative ("toen bleek|bleek", "i'm known|known as") and a word followed
    by alternatives that start with it ("in depth|in-depth", "not a|not_their").
    """
    for part in source.lower().split():  # before folding: "echt|écht" is deliberate
        options = part.lstrip("?").split("|")
        if len(options) <= 3 and len(options) != len(set(options)):
            # "toen bleek|bleek", "i'm known|known as": a phrase alternative in disguise
            raise ConfigError(
                f"pattern {source!r}: {part!r} repeats an alternative; join a phrase's words "
                "with '_' or write one pattern per phrase"
            )
    sets = [frozenset(p.lstrip("?").split("|")) for p in parts]
    for k in range(len(parts) - 1):
        word, right = parts[k], sets[k + 1]
        # "in depth|in-depth", "not a|not_their": the author meant "in_depth|in-depth"
        if (
            "|" not in word
            and not word.startswith(("?", "="))
            and len(right) > 1
            and any(o.startswith((word + "_", word + "-")) for o in right)
        ):
            raise ConfigError(
                f"pattern {source!r}: {word!r} {parts[k + 1]!r} looks like a phrase "
                f"alternative; write {word!r}'s phrase with '_' ('{word}_…|…')"
            )
        left, right = sets[k], sets[k + 1]
        if parts[k].startswith("?") or parts[k + 1].startswith("?") or "..." in (left | right):
            continue
        shared = left & right
        if not shared or (len(left) == 1 and len(right) == 1):
            continue
        if (
            len(left) == 1
            or len(right) == 1
            or (len(shared) == 1 and min(len(left), len(right)) <= 2)
        ):
            raise ConfigError(
                f"pattern {source!r}: {parts[k]!r} {parts[k + 1]!r} looks like a phrase "
                "alternative; '|' chooses between single words: join a phrase's words with '_' "
                "('is_now|it's_now') or write one pattern per phrase"
            )


def _mentions_negation(words: Iterable[str], lang: str) -> bool:
    from .text import _negation_cues

    cues = _negation_cues(lang)
    words = list(words)
    if any(w in cues.single or w.endswith("n't") for w in words):
        return True
    return any(
        tuple(words[i : i + len(multi)]) == multi
        for multi in cues.multi
        for i in range(len(words) - len(multi) + 1)
    )


def _word_values(words: Iterable[str], lang: str) -> frozenset[str]:
    """The words and their lemmas; negations keep their own form ("wasn't" is not "be")."""
    from .text import _negation_cues

    cues = _negation_cues(lang).single
    values: set[str] = set()
    for w in words:
        values.add(w)
        if w not in cues and "'" not in w:  # contractions keep their form: could've
            values.add(lemma_of(w, lang))
    return frozenset(values)


def _compile_part(part: str, lang: str, source: str) -> list[tuple[Step, ...]]:
    """One space-separated part → alternative step tuples (several for separable verbs)."""
    if part == "...":
        return [(Step("gap", gap=GAP),)]
    if part == "_":
        return [(Step("any"),)]
    if part == "#":
        return [(Step("num"),)]
    if part.startswith("!"):
        excluded = part[1:].split("|")
        if not all(_is_word(o.removeprefix("=")) for o in excluded):
            raise ConfigError(f"pattern {source!r}: '!' must be followed by words, got {part!r}")
        forms = frozenset(o[1:] for o in excluded if o.startswith("="))
        loose = [o for o in excluded if not o.startswith("=")]
        return [(Step("not", _word_values(loose, lang) | forms),)]
    optional = part.startswith("?")
    body = part[1:] if optional else part
    if not body:
        raise ConfigError(f"pattern {source!r}: '?' must be followed by a word")
    if "+" in body:
        if "|" in body or "*" in body or optional:
            raise ConfigError(f"pattern {source!r}: a separable verb 'part+verb' stands alone")
        particle, _, verb = body.partition("+")
        if not particle.isalpha() or not verb.isalpha():
            raise ConfigError(f"pattern {source!r}: expected 'particle+verb', got {part!r}")
        joined = Step("word", _word_values([particle + verb], lang))
        verb_step = Step("word", _word_values([verb], lang))
        particle_step = Step("word", frozenset({particle}))
        final_particle = Step(
            "word",
            frozenset({particle}),
            clause_final=True,
            blockers=frozenset(language_data(lang).particle_blockers),
        )
        return [
            (joined,),
            (verb_step, Step("gap", gap=SEPARABLE_GAP), final_particle),
            (particle_step, Step("word", frozenset({"te"}), optional=True), verb_step),
        ]
    options = body.split("|")
    phrases = [opt for opt in options if "_" in opt and opt != "_"]
    if phrases:
        return _compile_phrases(options, phrases, optional, lang, source)
    words: list[str] = []
    exact: list[str] = []
    prefixes: list[str] = []
    suffixes: list[str] = []
    for opt in options:
        if opt.startswith("=") and _is_word(opt[1:]):
            exact.append(opt[1:])
        elif opt.endswith("*") and opt[:-1] and _is_word(opt[:-1]):
            prefixes.append(opt[:-1])
        elif opt.startswith("*") and opt[1:] and _is_word(opt[1:]):
            suffixes.append(opt[1:])
        elif _is_word(opt):
            words.append(opt)
        else:
            raise ConfigError(
                f"pattern {source!r}: {opt!r} is not a word, 'word*', '#', '_' or '...'"
            )
    if any(len(p) < 3 for p in prefixes + suffixes):
        raise ConfigError(f"pattern {source!r}: a prefix or suffix needs at least three letters")
    values = _word_values(words, lang) | frozenset(exact)
    if prefixes or suffixes:
        step = Step("prefix", values, tuple(prefixes), tuple(suffixes), optional=optional)
    else:
        step = Step("word", values, optional=optional)
    return [(step,)]


def _compile_phrases(
    options: list[str], phrases: list[str], optional: bool, lang: str, source: str
) -> list[tuple[Step, ...]]:
    """A part with phrase alternatives ("it's|it_is"): one step sequence per phrase, plus one
    for the single-word options together (and an empty one when the part is optional)."""
    found: list[tuple[Step, ...]] = []
    singles = [opt for opt in options if opt not in phrases]
    if singles:
        found.extend(_compile_part("|".join(singles), lang, source))
    for phrase in phrases:
        words = phrase.split("_")
        if len(words) < 2 or not all(_is_word(w) for w in words):
            raise ConfigError(
                f"pattern {source!r}: {phrase!r} is not a phrase; join words with '_' (it_is)"
            )
        found.append(tuple(Step("word", _word_values([w], lang)) for w in words))
    if optional:
        found.append(())
    return found


def _is_word(text: str) -> bool:
    return (
        bool(text)
        and not (set(text) & _OPERATOR_CHARS - {"."})
        and all(m.group() == text for m in _TOKEN_RE.finditer(text))
        and _TOKEN_RE.fullmatch(text) is not None
    )


class Match(NamedTuple, Generic[P]):
    """One occurrence of a pattern: payload, token range and character offsets."""

    payload: P
    pattern: Pattern
    first: int  # token index
    last: int  # token index, inclusive
    start: int  # character offset
    end: int


# building a Match from a tuple skips NamedTuple's keyword-handling __new__ (the hot path)
_new_match = functools.partial(tuple.__new__, Match)
_by_offsets = operator.itemgetter(4, 5)  # (start, end) of a Match

_Item = tuple[Pattern, tuple[Step, ...], Any]
# a form's first-step alternatives as (rank among them, index): those whose second step is
# tested on the next token (with that step), and the others
_Entry = tuple[tuple[tuple[Step, tuple[tuple[int, int], ...]], ...], tuple[tuple[int, int], ...]]
# an alternative as find() tries it: pattern, payload, how it is matched (_SINGLE, _SIMPLE,
# _STEPS), whether its pattern has other alternatives, its steps for _match_steps, and its
# required words with the range of token offsets (from its first token) where each must stand
_Probe = tuple[frozenset[str], int, int]
_Plan = tuple[Pattern, Any, int, bool, tuple["_Code", ...], tuple[_Probe, ...]]
# what to try at a token: the bits of the required words of the alternatives (their mask),
# the alternatives whose required words occur by the mask's bits that occur in a document,
# and the alternatives; () where nothing is tried
_Tried = tuple[int, dict[int, tuple[_Plan, ...]], tuple[int, ...]] | tuple[()]
_NONES = itertools.repeat(None)


class Matcher(Generic[P]):
    """Many patterns, compiled once, matched fast.

    Each alternative is tried only at tokens its first step accepts, and one whose second
    step is a required word, a prefix or a number only where the next token fits it: the
    alternatives to try are remembered per pair of word forms (this form, the next one), so
    a text already seen in part costs one look-up per token. An alternative is tried only
    when its required words all occur in the document (bit sets; judged once per document
    for each distinct list of alternatives), and one with gaps, optional steps or the like
    only when each stands within its reach.
    """

    def __init__(self, entries: Iterable[tuple[Pattern, P]]) -> None:
        self._items: list[_Item] = []
        self._plans: list[_Plan] = []
        # per alternative after its first step: its required words, as the bits of numbered
        # value sets
        self._required: list[int] = []
        value_sets: dict[frozenset[str], int] = {}
        # language -> folded form -> its first-step alternatives (filled lazily, shared by
        # all documents, emptied at _STARTS_LIMIT forms)
        self._starts: dict[str, dict[str, _Entry | tuple[()]]] = {}
        # language -> (form, next form in the sentence or "") -> the alternatives to try
        self._tried: dict[str, dict[tuple[str, str], _Tried]] = {}
        # list of alternatives -> its record (shared by the pairs that try it)
        self._shared: dict[tuple[int, ...], _Tried] = {}
        self._lives = 0  # entries in the records' tables of alternatives by the bits present
        # language -> form -> the bits of the required value sets its form or lemma is in
        self._form_bits: dict[str, dict[str, int]] = {}
        self._first_tables: dict[str, dict[str, list[int]]] = {"w": {}, "p": {}, "s": {}}
        self._first_numeric: list[int] = []
        # alternatives whose second step is a required word, prefix or number right after
        # the first: they are only tried where the next token fits it
        self._second: dict[int, Step] = {}
        self.size = 0
        for pattern, payload in entries:
            self.size += 1
            for alt in pattern.alternatives:
                index = len(self._items)
                self._items.append((pattern, alt, payload))
                first = alt[0]
                if first.kind == "num":
                    self._first_numeric.append(index)
                else:
                    tables = self._first_tables
                    for value in first.values:
                        tables["w"].setdefault(value, []).append(index)
                    for prefix in first.prefixes:
                        tables["p"].setdefault(prefix[:3], []).append(index)
                    for suffix in first.suffixes:
                        tables["s"].setdefault(suffix[-3:], []).append(index)
                # (the first step is accepted where the alternative is tried)
                self._required.append(
                    functools.reduce(
                        operator.or_,
                        (
                            1 << value_sets.setdefault(step.values, len(value_sets))
                            for step in alt[1:]
                            if step.kind == "word" and not step.optional
                        ),
                        0,
                    )
                )
                simple = all(
                    step.kind in ("word", "prefix", "num") and not step.optional for step in alt
                ) and not any(step.clause_final for step in alt)
                second = len(alt) > 1 and (
                    alt[1].kind in ("word", "prefix", "num")
                    and not alt[1].optional
                    and not alt[1].clause_final
                )
                if second:
                    self._second[index] = alt[1]
                if len(alt) == 1 or (simple and second and len(alt) == 2):
                    mode = _SINGLE  # a second step is checked before the alternative is tried
                else:
                    mode = _SIMPLE if simple else _STEPS
                several = len(pattern.alternatives) > 1
                self._plans.append((pattern, payload, mode, several, _codes(alt), _probes(alt)))
        sets_of: dict[str, int] = {}
        for values, number in value_sets.items():
            for value in values:
                sets_of[value] = sets_of.get(value, 0) | 1 << number
        # word -> the bits of the numbered required value sets that hold it
        self._sets_of = sets_of

    def _starts_of(self, norm: str, lemma: str) -> tuple[int, ...]:
        """Indices of the alternatives whose first step accepts this word form."""
        words, prefixes, suffixes = (self._first_tables[t] for t in ("w", "p", "s"))
        # the order in which they are tried: word, lemma, prefix, suffix, number
        pool = [*words.get(norm, ()), *words.get(lemma, ()), *prefixes.get(norm[:3], ())]
        pool += [*suffixes.get(norm[-3:], ()), *suffixes.get(lemma[-3:], ())]
        if norm[:1].isdigit():
            pool += self._first_numeric
        items = self._items
        return tuple(i for i in dict.fromkeys(pool) if items[i][1][0].accepts_form(norm, lemma))

    def _entry_of(self, norm: str, lemma: str) -> _Entry | tuple[()]:
        """The first-step alternatives of a word form, split for dispatch on the next token.

        Each alternative is kept as (rank, index), its rank being its place among the form's
        alternatives (the order in which they are tried). Alternatives whose second step is a
        required word, prefix or number are tried only before a token it accepts; the others
        at every occurrence of the form.
        """
        alts = self._starts_of(norm, lemma)
        if not alts:
            return ()  # not None: the per-language cache stores it
        seconds = self._second
        always = tuple((rank, i) for rank, i in enumerate(alts) if i not in seconds)
        # grouped by their second step, so that each distinct step is tested once per pair
        by_step: dict[Step, list[tuple[int, int]]] = {}
        for rank, i in enumerate(alts):
            if i in seconds:
                by_step.setdefault(seconds[i], []).append((rank, i))
        tested = tuple((step, tuple(ranked)) for step, ranked in by_step.items())
        return tested, always

    def _tried_before(self, entry: _Entry | tuple[()], norm: str, lemma: str) -> tuple[int, ...]:
        """The alternatives of ``entry`` to try before a next token of this form and lemma
        ("" at the end of a sentence), in order."""
        if not entry:
            return ()
        tested, always = entry
        if not norm:
            return tuple(i for _, i in always)
        ranked = list(always)
        for step, group in tested:
            if step.accepts_form(norm, lemma):
                ranked.extend(group)
        ranked.sort()
        return tuple(i for _, i in ranked)

    def _tried_per_token(
        self, lang: str, norms: list[str], lemmas: list[str], following: list[str]
    ) -> list[_Tried]:
        """What to try at each token, from the per-language pair cache (``()``: nothing)."""
        pairs = self._tried.get(lang)
        if pairs is None:
            pairs = self._tried[lang] = {}
        try:
            # every pair remembered (the usual case for common text): one look-up per token
            return list(map(pairs.__getitem__, zip(norms, following, strict=True)))
        except KeyError:
            pass
        tried: list[_Tried | None] = list(map(pairs.get, zip(norms, following, strict=True)))
        if len(pairs) >= _STARTS_LIMIT:  # keeps memory flat
            self._forget_pairs()
        forms = self._starts.get(lang)
        if forms is None or len(forms) >= _STARTS_LIMIT:
            forms = self._starts[lang] = {}
        shared = self._shared
        required = self._required
        for ti in itertools.compress(range(len(tried)), map(operator.is_, tried, _NONES)):
            norm, nxt = norms[ti], following[ti]
            entry = forms.get(norm)
            if entry is None:
                entry = forms[norm] = self._entry_of(norm, lemmas[ti])
            indices = self._tried_before(entry, nxt, lemmas[ti + 1] if nxt else "")
            found: _Tried = ()
            if indices:
                # one record per distinct list of alternatives, shared by the pairs
                found = shared.get(indices, ())
                if not found:
                    mask = functools.reduce(operator.or_, (required[i] for i in indices), 0)
                    found = shared[indices] = (mask, {}, indices)
            tried[ti] = pairs[norm, nxt] = found
        return cast(list[_Tried], tried)

    def _forget_pairs(self) -> None:
        """Empty the pair caches of every language, and the records they share."""
        for pairs in self._tried.values():
            pairs.clear()
        self._shared.clear()
        self._lives = 0

    def _present(self, lang: str, norms: list[str], lemmas: list[str]) -> int:
        """The bits of the required value sets that some token of a document satisfies."""
        bits = self._form_bits.get(lang)
        if bits is None:
            bits = self._form_bits[lang] = {}
        forms = set(norms)
        try:
            return functools.reduce(operator.or_, map(bits.__getitem__, forms), 0)
        except KeyError:
            pass
        if len(bits) >= _STARTS_LIMIT:
            bits.clear()
        sets_of = self._sets_of
        lemma_of_form = dict(zip(norms, lemmas, strict=True))
        present = 0
        for form in forms:
            found = bits.get(form)
            if found is None:
                found = bits[form] = sets_of.get(form, 0) | sets_of.get(lemma_of_form[form], 0)
            present |= found
        return present

    def find(self, doc: Doc) -> list[Match[P]]:
        """Every match in ``doc``, ordered by position; one per pattern and start token."""
        norms, lemmas = doc.norms, doc.lemmas
        if not norms:
            return []
        starts, ends = doc.starts, doc.ends
        sentences, sents = doc.sentences, doc.sents
        # the form of each token's next token in its sentence ("" before a sentence end)
        following = norms[1:]
        following.append("")
        for first, _ in sentences[1:]:
            following[first - 1] = ""
        tried_at = self._tried_per_token(doc.lang, norms, lemmas, following)
        present = self._present(doc.lang, norms, lemmas)  # the required value sets (bits)
        plans, required = self._plans, self._required
        found: list[Match[P]] = []
        seen: set[tuple[int, int]] = set()
        for ti in itertools.compress(range(len(tried_at)), tried_at):
            mask, live_by_bits, tried = tried_at[ti]  # type: ignore[misc]  # never ()
            key = present & mask
            live = live_by_bits.get(key)
            if live is None:
                # the alternatives whose required words all occur in the text
                live = live_by_bits[key] = tuple(
                    plans[i] for i in tried if key & required[i] == required[i]
                )
                self._lives += 1
                if self._lives > _STARTS_LIMIT:  # keeps memory flat: every record goes
                    self._forget_pairs()
            for pattern, payload, mode, several, codes, probes in live:
                if several and (id(pattern), ti) in seen:
                    continue
                if mode == _SINGLE:
                    end = ti + len(codes)
                elif mode == _SIMPLE:
                    end = _match_simple(norms, lemmas, sents, codes, ti)
                    if end < 0:
                        continue
                else:
                    end = -1
                    # each required word within its reach in the sentence (slices: no loop)
                    stop = sentences[sents[ti]][1]
                    for values, lo, hi in probes:
                        a, b = ti + lo, ti + hi + 1
                        if b > stop:
                            b = stop
                        if a >= b or (
                            values.isdisjoint(norms[a:b]) and values.isdisjoint(lemmas[a:b])
                        ):
                            break
                    else:
                        end = _match_steps(doc, codes, 1, ti + 1, sents[ti])
                    if end < 0:
                        continue
                if several:
                    seen.add((id(pattern), ti))
                last = end - 1
                found.append(_new_match((payload, pattern, ti, last, starts[ti], ends[last])))
        found.sort(key=_by_offsets)
        return found


# how an alternative is matched: one step; consecutive words, prefixes and numbers; any steps
_SINGLE, _SIMPLE, _STEPS = 0, 1, 2
# step kinds as codes
_WORD, _PREFIX, _NUM, _ANY, _GAP, _NOT = range(6)
_KIND_CODES = {"word": _WORD, "prefix": _PREFIX, "num": _NUM, "any": _ANY, "gap": _GAP}
_KIND_CODES["not"] = _NOT
# a step as the matcher reads it: (kind, values, optional, gap, clause_final, step)
_Code = tuple[int, frozenset[str], bool, int, bool, Step]


def _probes(steps: tuple[Step, ...]) -> tuple[_Probe, ...]:
    """The required word steps after the first, each with the least and the most tokens
    between the first token and its own, those with a fixed place first. (Prefix and number
    steps are left to the matching: testing them here costs more than it saves.)"""
    found: list[_Probe] = []
    lo = hi = 1
    for step in steps[1:]:
        if step.kind == "gap":
            hi += step.gap
        elif step.kind == "not":
            continue
        elif step.optional:
            hi += 1
        else:
            if step.kind == "word":
                found.append((step.values, lo, hi))
            lo += 1
            hi += 1
    return tuple(sorted(found, key=lambda probe: probe[2] - probe[1]))


def _codes(steps: tuple[Step, ...]) -> tuple[_Code, ...]:
    return tuple(
        (_KIND_CODES[s.kind], s.values, s.optional, s.gap, s.clause_final, s) for s in steps
    )


def _match_simple(
    norms: list[str], lemmas: list[str], sents: list[int], codes: tuple[_Code, ...], ti: int
) -> int:
    """Token index after a match of consecutive word steps at ``ti`` (first one accepted)."""
    end = ti + len(codes)
    if end > len(sents) or sents[end - 1] != sents[ti]:
        return -1
    for k in range(1, len(codes)):
        kind, values, _, _, _, step = codes[k]
        norm, lemma = norms[ti + k], lemmas[ti + k]
        if kind == _WORD:
            if norm not in values and lemma not in values:
                return -1
        elif not step.accepts_form(norm, lemma):
            return -1
    return end


def _match_steps(doc: Doc, codes: tuple[_Code, ...], si: int, ti: int, sent: int) -> int:
    """Token index after the match of ``codes[si:]`` starting at ``ti``, or -1.

    Depth first: a gap tries its shortest skip first, an optional step the token first.
    """
    norms, lemmas, sents = doc.norms, doc.lemmas, doc.sents
    n = len(sents)
    size = len(codes)
    while si < size:
        kind, values, optional, gap, final, step = codes[si]
        if kind == _GAP:
            # a required word after the gap (the usual case) is tested here, before the
            # call that would only find that it is not there
            after = codes[si + 1] if si + 1 < size else None
            required = None  # the words of a plain word step after the gap
            needed = None  # or a prefix or number step that must accept the token
            if after is not None and not after[2] and not after[4]:
                if after[0] == _WORD:
                    required = after[1]
                elif after[0] in (_PREFIX, _NUM):
                    needed = after[5]
            for k in range(ti, min(ti + gap + 1, n)):
                if sents[k] != sent:
                    break
                if required is not None:
                    if norms[k] not in required and lemmas[k] not in required:
                        continue
                elif needed is not None and not needed.accepts_form(norms[k], lemmas[k]):
                    continue
                end = _match_steps(doc, codes, si + 1, k, sent)
                if end >= 0:
                    return end
            return -1
        if ti < n and sents[ti] == sent:
            if kind in (_WORD, _NOT):
                accepted = norms[ti] in values or lemmas[ti] in values
            else:
                accepted = step.accepts_form(norms[ti], lemmas[ti])
        else:
            accepted = False
        if kind == _NOT:  # zero-width: the next token of the sentence is none of these
            if accepted:
                return -1
            si += 1
            continue
        if accepted and final:
            accepted = _ends_particle(doc, ti, step.blockers)
        if not optional:
            if not accepted:
                return -1
            si += 1
            ti += 1
            continue
        if accepted:  # an optional step: with its token first, then without
            end = _match_steps(doc, codes, si + 1, ti + 1, sent)
            if end >= 0:
                return end
        si += 1
    return ti


def _ends_particle(doc: Doc, ti: int, blockers: frozenset[str]) -> bool:
    """Whether token ``ti`` can be a separated particle: not followed by a noun phrase.

    "belde hem terug." and "stemde het af op haar situatie" are verbs with a particle;
    "drie stappen op een A4" is a noun and a preposition.
    """
    nxt = ti + 1
    if nxt >= len(doc.norms):
        return True
    if doc.sents[nxt] != doc.sents[ti] or doc.clauses[nxt] != doc.clauses[ti]:
        return True
    norm = doc.norms[nxt]
    return norm not in blockers and not norm[:1].isdigit()
