"""The text layer: tokens with character offsets, lemmas, sentences, clauses, quotes.

Everything that reads candidate answers or vacancy texts goes through :func:`analyse`,
so offsets, lemmatisation and language handling are the same everywhere. Word lists
(clause openers, negation cues, separable-verb particles, lemma corrections) are data
in ``talentfit/data/lang/<lang>.toml``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import NamedTuple, TypeVar, cast

import attrs
import simplemma

from .convert import structure
from .resources import load_data_toml

__all__ = [
    "LANGUAGES",
    "Doc",
    "Grammar",
    "LanguageData",
    "Token",
    "analyse",
    "detect_language",
    "fold",
    "function_word_counts",
    "language_data",
    "language_scores",
    "lemma_of",
    "token_language_counts",
]

LANGUAGES: tuple[str, ...] = ("nl", "en")

_TOKEN_RE = re.compile(
    r"\d+(?:[.,:]\d+)*(?:[.,]-)?"  # numbers: 3.100  1,5  12:30  3.100,-
    r"|[^\W\d_]+(?:['’\-][^\W_]+)*"  # words: don't, e-mail, 4G-router's tail, klant-
    r"|[€$£%+]"  # symbols that matter for pay and numbers
)
# the same tokens for re.split, letters first and without backtracking (nothing follows a
# run of letters or digits that could make a shorter one match instead). The pattern opens
# with one character set (a letter, digit or symbol; "_" then fails every branch), so the
# regex engine skips the gaps between tokens in C instead of trying each branch there
_TOKEN_SPLIT_RE = re.compile(
    r"([\w€$£%+](?:(?<=[^\W\d_])[^\W\d_]*+(?:['’\-][^\W_]+)*+"
    r"|(?<=\d)\d*+(?:[.,:]\d+)*+(?:[.,]-)?|(?<=[€$£%+])))"
)
# a sentence may also open with an elided Dutch word: "… gehouden. 's Avonds belde ik …"
_SENT_END_RE = re.compile(
    r"[.!?…]+[\"'”’)]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Þ•\-*]|['’][stkn]\s+[A-Za-zÀ-ÿ])"
)
_CLAUSE_RE = re.compile(r"[,;:()\[\]–—!?…]|\s-\s")
_CLAUSE_CHARS = frozenset(",;:()[]–—!?…")  # _CLAUSE_RE's single characters
_NEWLINE_RE = re.compile(r"\n")
_OPEN_QUOTES = "\"“„‘'«"
_CLOSE_QUOTES = "\"”’'»"
_QUOTE_CHARS = frozenset(_OPEN_QUOTES + _CLOSE_QUOTES)
NEGATION_WINDOW = 6  # tokens before a span in which a negation cue scopes over it


@attrs.frozen
class Grammar:
    """Word lists for tense, person and language detection (``[grammar]``)."""

    past_forms: list[str]
    past_suffixes: list[str]
    perfect_auxiliaries: list[str]
    participle_prefixes: list[str]
    ipp_verbs: list[str]
    first_singular: list[str]
    first_plural: list[str]
    third_person_subjects: list[str]
    function_words: list[str]
    passive_auxiliaries: list[str]
    present_passive_auxiliaries: list[str]
    passive_agents: list[str]
    concessives: list[str] = attrs.field(factory=list)
    non_participles: list[str] = attrs.field(factory=list)
    reporting_verbs: list[str] = attrs.field(factory=list)
    contrasts: list[str] = attrs.field(factory=list)
    subordinators: list[str] = attrs.field(factory=list)
    conditionals: list[str] = attrs.field(factory=list)
    norm_words: list[str] = attrs.field(factory=list)
    # the candidate as the subject of a clause ("I", "we"; not "me", "my")
    self_subjects: list[str] = attrs.field(factory=list)
    # the candidate's team as the subject ("we", not "us" or "our"): an answer told as "we"
    plural_subjects: list[str] = attrs.field(factory=list)
    # articles and possessives an organisation's own value phrase may do without
    # (patterns.compile_loose_phrase)
    determiners: list[str] = attrs.field(factory=list)
    # words of a customer's closing clause that tell no outcome ("he took it and left")
    neutral_endings: list[str] = attrs.field(factory=list)
    # people other than the candidate or the customer who can act in a story
    third_parties: list[str] = attrs.field(factory=list)
    # pronouns that make someone else the subject ("she always replied"; not Dutch "die",
    # which is as often "that" as "who")
    other_subject_pronouns: list[str] = attrs.field(factory=list)
    # contractions that mean "had" before a participle ("we'd moved") and "would" otherwise
    had_contractions: list[str] = attrs.field(factory=list)
    irregular_participles: list[str] = attrs.field(factory=list)


@attrs.frozen
class LanguageData:
    """Per-language word lists of the text layer (``data/lang/<lang>.toml``)."""

    clause_openers: list[str]
    negation: list[str]
    particles: list[str]
    grammar: Grammar
    particle_blockers: list[str] = attrs.field(factory=list)
    lemmas: dict[str, str] = attrs.field(factory=dict)
    # Abbreviations whose full stop does not end a sentence ("max. 35 jaar").
    abbreviations: list[str] = attrs.field(factory=list)
    # Where unpunctuated transcribed speech is split into sentences.
    speech_markers: list[str] = attrs.field(factory=list)
    speech_subjects: list[str] = attrs.field(factory=list)
    speech_keep: list[str] = attrs.field(factory=list)
    speech_responses: list[str] = attrs.field(factory=list)
    speech_fronted: list[str] = attrs.field(factory=list)
    # Elided words after an apostrophe, which opens no quotation ("'s avonds", "'em")
    elisions: list[str] = attrs.field(factory=list)
    # Negation cues whose scope ends at a subject pronoun after them: "instead of quoting six
    # weeks I asked", "zonder te wachten heb ik gebeld" (the asking and calling happened).
    bounded_negation: list[str] = attrs.field(factory=list)
    subject_pronouns: list[str] = attrs.field(factory=list)
    # Hesitations a transcript writes down ("uh", "ehm"): in spoken text they are no words,
    # so "ik heb eh zelf gebeld" reads as "ik heb zelf gebeld"
    fillers: list[str] = attrs.field(factory=list)


@functools.cache
def language_data(lang: str) -> LanguageData:
    """The text-layer data for ``lang`` (cached)."""
    return structure(
        load_data_toml(f"lang/{lang}.toml"), LanguageData, source=f"talentfit/data/lang/{lang}.toml"
    )


def fold(text: str) -> str:
    """Lower-case and strip diacritics: ``Níet`` → ``niet``, ``géén`` → ``geen``."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=200_000)
def lemma_of(norm: str, lang: str) -> str:
    """The lemma of a folded token, with separable-verb particles joined (``terugbellen``).

    Unknown Dutch participles with a particle (``uitgezocht``) are reduced through the
    participle of the bare verb (``gezocht`` → ``zoeken`` → ``uitzoeken``).
    """
    data = language_data(lang)
    override = data.lemmas.get(norm)
    if override is not None:
        return override
    base = norm[:-2] if norm.endswith("'s") and lang == "en" else norm
    try:
        lemma = simplemma.lemmatize(base, lang=lang)
    except (ValueError, KeyError):  # pragma: no cover - simplemma rejects odd input
        lemma = base
    lemma = fold(lemma).replace("_", "")
    if lang == "nl" and lemma == norm and len(norm) > 6:
        lemma = _dutch_participle(norm, data) or lemma
    return lemma


def _dutch_participle(norm: str, data: LanguageData) -> str | None:
    for particle in data.particles:
        if norm.startswith(particle + "ge") and len(norm) > len(particle) + 4:
            rest = norm[len(particle) :]
            verb = fold(simplemma.lemmatize(rest, lang="nl")).replace("_", "")
            if verb != rest:
                return particle + verb
    if norm.startswith("ge") and norm.endswith(("eerd", "eert")):
        return norm[2:-3] + "ren"
    return None


class Token(NamedTuple):
    """One word, number or symbol, with its offsets into the original text."""

    i: int
    start: int
    end: int
    surface: str
    norm: str
    lemma: str
    sent: int = 0
    clause: int = 0
    quoted: bool = False

    def __repr__(self) -> str:
        return f"Token({self.surface!r}, lemma={self.lemma!r}, sent={self.sent})"

    @property
    def is_number(self) -> bool:
        return self.norm[:1].isdigit()


_new_token = functools.partial(tuple.__new__, Token)


@attrs.define(slots=True)
class Doc:
    """An analysed text: tokens, sentence spans, negation cue positions."""

    text: str
    lang: str
    # None: built from the columns on first use (code that reads columns never builds them)
    _tokens: list[Token] | None = attrs.field(repr=False, eq=False)
    sentences: list[tuple[int, int]]  # (first token index, last token index + 1)
    negation_cues: frozenset[int]
    # the tokens' columns, for code that scans every token (the pattern matcher)
    norms: list[str] = attrs.field(factory=list)
    lemmas: list[str] = attrs.field(factory=list)
    sents: list[int] = attrs.field(factory=list)
    # negation cues whose scope ends at a subject pronoun ("instead of X, I asked")
    bounded_cues: frozenset[int] = frozenset()
    # the tokens' clause numbers, quotation flags, offsets and surface forms
    clauses: list[int] = attrs.field(factory=list)
    quoted: list[bool] = attrs.field(factory=list)
    starts: list[int] = attrs.field(factory=list)
    ends: list[int] = attrs.field(factory=list)
    surfaces: list[str] = attrs.field(factory=list)
    _sentence_starts: list[int] | None = attrs.field(default=None, init=False, repr=False, eq=False)
    _cue_order: list[int] | None = attrs.field(default=None, init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        tokens = self._tokens
        if tokens and not self.starts:  # tokens given without columns: fill them in
            self.norms = [t.norm for t in tokens]
            self.lemmas = [t.lemma for t in tokens]
            self.sents = [t.sent for t in tokens]
            self.clauses = [t.clause for t in tokens]
            self.quoted = [t.quoted for t in tokens]
            self.starts = [t.start for t in tokens]
            self.ends = [t.end for t in tokens]
            self.surfaces = [t.surface for t in tokens]

    @property
    def tokens(self) -> list[Token]:
        """The tokens (built from the columns on first use)."""
        tokens = self._tokens
        if tokens is None:
            columns = (self.starts, self.ends, self.surfaces, self.norms, self.lemmas)
            rest = (self.sents, self.clauses, self.quoted)
            tokens = self._tokens = list(
                map(_new_token, zip(range(len(self.starts)), *columns, *rest, strict=True))
            )
        return tokens

    def token_at(self, offset: int) -> int | None:
        """The index of the token holding character ``offset``, or None (bisection)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return k if k >= 0 and offset < self.ends[k] else None

    def tokens_within(self, start: int, end: int) -> tuple[int, int]:
        """First and last index of the tokens that begin at offsets ``start..end - 1``
        (first > last when there are none)."""
        starts = self.starts
        return bisect.bisect_left(starts, start), bisect.bisect_left(starts, end) - 1

    def sentence_starts(self) -> list[int]:
        """The character offset where each sentence begins (for bisection; computed once)."""
        if self._sentence_starts is None:
            self._sentence_starts = [self.starts[first] for first, _ in self.sentences]
        return self._sentence_starts

    def sentence_span(self, sent: int) -> tuple[int, int]:
        """Character offsets of sentence ``sent`` in the original text."""
        first, last = self.sentences[sent]
        return self.starts[first], self.ends[last - 1]

    def sentence_tokens(self, sent: int) -> list[Token]:
        first, last = self.sentences[sent]
        return self.tokens[first:last]

    def is_negated(
        self, first: int, last: int, *, window: int = NEGATION_WINDOW, inside: bool = True
    ) -> bool:
        """Whether a negation cue scopes over tokens ``first..last`` (inclusive).

        A cue counts when it stands in the same clause up to ``window`` tokens before the
        span, or (with ``inside``) between its first and last token: "ik heb hem níet
        doorverbonden", "verbond hem niet door", "I didn't just pass it on".
        """
        cues = self.negation_cues
        if not cues:
            return False
        # a cue counts only between ``window`` tokens before the span and its last token
        order = self._cue_order
        if order is None:
            order = self._cue_order = sorted(cues)
        j = bisect.bisect_left(order, first - window)
        if j < len(order) and order[j] == first:
            j += 1
        if j == len(order) or order[j] >= last:
            return False
        clauses, norms = self.clauses, self.norms
        clause = clauses[first]
        k = first - 1
        subjects = _negation_cues(self.lang).subjects if self.bounded_cues else frozenset()
        subject_seen = norms[first] in subjects  # "instead of …, I asked"
        while k >= 0 and first - k <= window and clauses[k] == clause:
            if k in self.negation_cues and not (subject_seen and k in self.bounded_cues):
                return True
            subject_seen = subject_seen or norms[k] in subjects
            k -= 1
        if inside:
            return any(k in self.negation_cues for k in range(first + 1, last))
        return False


# "n't" in any case with any apostrophe (what ``"n't" in text.lower()`` finds for each, as only
# N and T lower-case to n and t)
_NOT_SUFFIX_RE = re.compile("[nN]['’‘][tT]")


def _cue_positions(
    text: str, norms: list[str], cues: _Cues, vocab: set[str] | None = None
) -> frozenset[int]:
    single, multi = cues.single, cues.multi_by_first
    if vocab is None:
        vocab = set(norms)
    found: set[int] = set()
    for word in single & vocab:
        found.update(_indices(norms, word))
    # a form ending in "n't" counts where the text has "n't" (any case, any apostrophe);
    # the forms are looked at first, as they are fewer than the characters
    if "n't " in " ".join([*vocab, ""]) and _NOT_SUFFIX_RE.search(text):  # folded: "didn’t"
        found.update(i for i, n in enumerate(norms) if n.endswith("n't"))
    for word in multi.keys() & vocab:
        # only the phrases whose every word occurs (most texts have "in" but not "plaats")
        phrases = [phrase for phrase in multi[word] if vocab.issuperset(phrase)]
        if not phrases:
            continue
        for i in _indices(norms, word):
            for phrase in phrases:
                k = len(phrase)
                if tuple(norms[i : i + k]) == phrase:
                    found.add(i + k - 1)
    return frozenset(found)


def _bounded_positions(norms: list[str], cues: frozenset[int], data: _Cues) -> frozenset[int]:
    """The cue positions (a cue's last token) of the bounded negation cues."""
    found = set()
    for k in cues:
        for phrase in data.bounded:
            n = len(phrase)
            if k + 1 >= n and tuple(norms[k + 1 - n : k + 1]) == phrase:
                found.add(k)
    return frozenset(found)


def _indices(items: list[str], item: str) -> list[int]:
    """Every index of ``item`` in ``items``."""
    found: list[int] = []
    try:
        i = items.index(item)
        while True:
            found.append(i)
            i = items.index(item, i + 1)
    except ValueError:
        return found


@attrs.frozen(slots=False)
class _Cues:
    single: frozenset[str]
    multi: tuple[tuple[str, ...], ...]
    openers: frozenset[str]
    abbreviations: frozenset[str] = frozenset()
    bounded: tuple[tuple[str, ...], ...] = ()  # cues whose scope ends at a subject pronoun
    subjects: frozenset[str] = frozenset()
    elisions: frozenset[str] = frozenset()
    fillers: frozenset[str] = frozenset()  # lower-cased hesitations of spoken text

    @functools.cached_property
    def multi_by_first(self) -> dict[str, list[tuple[str, ...]]]:
        table: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.multi:
            table.setdefault(phrase[0], []).append(phrase)
        return table


@functools.cache
def _negation_cues(lang: str) -> _Cues:
    data = language_data(lang)
    split = [tuple(m.group() for m in _TOKEN_RE.finditer(fold(c))) for c in data.negation]
    single = {c[0] for c in split if len(c) == 1}
    multi = tuple(c for c in split if len(c) > 1)
    return _Cues(
        frozenset(single),
        multi,
        frozenset(fold(w) for w in data.clause_openers),
        frozenset(fold(w).rstrip(".") for w in data.abbreviations),
        tuple(tuple(m.group() for m in _TOKEN_RE.finditer(fold(c))) for c in data.bounded_negation),
        frozenset(fold(w) for w in data.subject_pronouns),
        frozenset(fold(w) for w in data.elisions),
        frozenset(w.lower() for w in data.fillers),
    )


_FORMS_LIMIT = 200_000  # word forms remembered per language (folded form and lemma)
_FIRST, _SECOND = operator.itemgetter(0), operator.itemgetter(1)
_forms: dict[str, dict[str, tuple[str, str]]] = {}

_K = TypeVar("_K")
_V = TypeVar("_V")


def cached_per_language(
    caches: dict[str, dict[_K, _V]],
    lang: str,
    keys: list[_K],
    compute: Callable[[int], _V],
    limit: int,
) -> list[_V]:
    """The value of each key, from ``caches[lang]``; a missing one is ``compute(index)``.

    The values of word forms repeat across texts, so a cache per language is shared by all
    documents; it is emptied when it reaches ``limit`` entries, which keeps memory flat.
    """
    cache = caches.get(lang)
    if cache is None:
        cache = caches[lang] = {}
    try:
        # every key remembered (the usual case): no search for misses among the values
        # (``None in values`` compares each value with None)
        return list(map(cache.__getitem__, keys))
    except KeyError:
        pass
    values = list(map(cache.get, keys))
    if len(cache) >= limit:
        cache.clear()
    for k, value in enumerate(values):
        if value is None:
            values[k] = cache[keys[k]] = compute(k)
    return values  # type: ignore[return-value]


def _forms_of(surfaces: list[str], lang: str) -> tuple[list[str], list[str]]:
    """The folded forms and the lemmas of (at least one) surface forms, through a
    per-language cache."""

    def form(k: int) -> tuple[str, str]:
        norm = fold(surfaces[k])
        return norm, lemma_of(norm, lang)

    forms = cached_per_language(_forms, lang, surfaces, form, _FORMS_LIMIT)
    # two passes in C (zip(*forms) would make an iterator per token)
    return list(map(_FIRST, forms)), list(map(_SECOND, forms))


# a piece of text between spaces -> the gap before its first token, and the rest of what
# _TOKEN_SPLIT_RE.split makes of it with a space after it (token, gap, token, …, gap + " ")
_CHUNKS: dict[str, tuple[str, tuple[str, ...]]] = {}
_CHUNKS_LIMIT = 200_000


# characters after which a word goes on ("don't", "e-mail") or that are tokens themselves
_JOINERS = frozenset("'’-_€$£%+")


def _chunk_parts(chunk: str) -> tuple[str, tuple[str, ...]]:
    # the usual new pieces without the regular expression: a word ("klanten") and a word
    # with one mark after it ("klanten,"); a letter is alphabetic, and a mark is neither
    # alphanumeric (regex \w) nor one of _JOINERS
    if chunk.isalpha():
        return "", (chunk, " ")
    head, last = chunk[:-1], chunk[-1:]
    if head.isalpha() and not last.isalnum() and last not in _JOINERS:
        return "", (head, last + " ")
    pieces = _TOKEN_SPLIT_RE.split(chunk + " ")
    return pieces[0], tuple(pieces[1:])


def _split_tokens(text: str) -> list[str]:
    """``_TOKEN_SPLIT_RE.split(text)`` (gap, token, gap, …, token, gap), put together from
    the splits of the pieces between spaces, which repeat across texts like word forms and
    are remembered; no token holds a space, so nothing is cut. (The regular expression runs
    only on pieces not seen before: it costs more than the look-ups.)"""
    chunks = text.split(" ")
    try:
        parts = list(map(_CHUNKS.__getitem__, chunks))
    except KeyError:
        found: list[tuple[str, tuple[str, ...]] | None] = list(map(_CHUNKS.get, chunks))
        if len(_CHUNKS) >= _CHUNKS_LIMIT:
            _CHUNKS.clear()
        for i in itertools.compress(range(len(found)), map(operator.not_, found)):
            found[i] = _CHUNKS[chunks[i]] = _chunk_parts(chunks[i])
        parts = cast(list[tuple[str, tuple[str, ...]]], found)
    pieces = [""]
    pieces.extend(itertools.chain.from_iterable(map(_SECOND, parts)))
    leads = list(map(_FIRST, parts))
    if any(leads):
        # a piece that opens with a gap ("(m/v)", "- ", a second space): that gap joins the
        # gap before it; at[i] is where piece i's tokens start in ``pieces``
        at = list(itertools.accumulate(map(len, map(_SECOND, parts)), initial=1))
        for i in itertools.compress(range(len(leads)), leads):
            pieces[at[i] - 1] += leads[i]
    pieces[-1] = pieces[-1][:-1]  # the space after the last piece
    return pieces


def _positions(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


def _gap_breaks(positions: Iterable[int], starts: list[int], ends: list[int], n: int) -> set[int]:
    """Indices of the tokens that follow a boundary position lying in the gap before them."""
    found: set[int] = set()
    for pos in positions:
        i = bisect.bisect_right(starts, pos)
        if 0 < i < n and pos >= ends[i - 1]:
            found.add(i)
    return found


_QUOTE_RE = re.compile("[" + re.escape(_OPEN_QUOTES + _CLOSE_QUOTES) + "]")


def _has_quote_marks(text: str, starts: list[int], ends: list[int]) -> bool:
    """Whether a quotation mark stands between tokens (an apostrophe in "collega's" does not)."""
    if _QUOTE_CHARS.isdisjoint(text):
        return False
    for pos in _positions(_QUOTE_RE, text):
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0 or pos >= ends[i]:
            return True
    return False


def _quoted_flags(
    text: str,
    starts: list[int],
    ends: list[int],
    norms: list[str],
    stops: set[int],
    elisions: frozenset[str],
) -> list[bool]:
    """Per token: whether it stands inside quotation marks (reset at each sentence start)."""
    flags: list[bool] = []
    quoted = False
    for i, start in enumerate(starts):
        if i in stops:
            quoted = False
        gap = text[ends[i - 1] if i else 0 : start]
        if quoted and gap and gap[0] in _CLOSE_QUOTES:
            quoted = False
        opens = gap and gap[-1] in _OPEN_QUOTES and (len(gap) == 1 or not gap[-2].isalnum())
        if opens and not (gap[-1] in "'’" and norms[i] in elisions):
            quoted = True
        flags.append(quoted)
        if quoted:
            end = ends[i]
            tail = text[end : end + 1]
            if tail and tail in _CLOSE_QUOTES and not text[end + 1 : end + 2].isalpha():
                quoted = False
    return flags


_SPEECH_RUN = 16  # tokens: a longer stretch without a sentence mark may be run-on speech
_SPEECH_DENSITY = 24  # tokens per sentence mark above which a text reads as unpunctuated
_SPEECH_MIN = 4  # tokens: the shortest piece a speech boundary leaves


@attrs.frozen
class _Speech:
    markers: dict[str, tuple[tuple[str, ...], ...]]  # first word -> marker word sequences
    subjects: frozenset[str]
    keep: frozenset[str]
    verbs: frozenset[str]  # finite verbs that can follow a subject pronoun
    past_suffixes: tuple[str, ...]
    responses: tuple[tuple[str, ...], ...]  # replies an answer may open with ("not really")
    fronted: frozenset[str] = frozenset()  # a fronted object before verb and subject ("dat")


@functools.cache
def _speech(lang: str) -> _Speech:
    data = language_data(lang)
    markers: dict[str, list[tuple[str, ...]]] = {}
    for marker in data.speech_markers:
        words = tuple(fold(marker).split())
        markers.setdefault(words[0], []).append(words)
    g = data.grammar
    return _Speech(
        {k: tuple(sorted(v, key=len, reverse=True)) for k, v in markers.items()},
        frozenset(fold(w) for w in data.speech_subjects),
        frozenset(fold(w) for w in [*data.speech_keep, *data.clause_openers]),
        frozenset([*g.past_forms, *g.perfect_auxiliaries]),
        tuple(g.past_suffixes),
        tuple(
            sorted((tuple(fold(r).split()) for r in data.speech_responses), key=len, reverse=True)
        ),
        frozenset(fold(w) for w in data.speech_fronted),
    )


def _reply_end(norms: list[str], lang: str) -> int:
    """Index of the subject after an opening reply ("not really | i don't think…"), or 0."""
    speech = _speech(lang)
    for reply in speech.responses:
        k = len(reply)
        if tuple(norms[:k]) == reply and k < len(norms) and norms[k] in speech.subjects:
            return k
    return 0


def _is_finite_past(norm: str, lemma: str, speech: _Speech) -> bool:
    """A past-tense verb or auxiliary ("kwam", "belde", "had", "called")."""
    return norm in speech.verbs or (norm.endswith(speech.past_suffixes) and lemma != norm)


def _speech_stops(
    norms: list[str], lemmas: list[str], stops: set[int], lang: str, marks: int
) -> set[int]:
    """Sentence starts inside long unpunctuated runs of a transcript ("… gekomen | ik heb …").

    Only a text with hardly any sentence marks is split; each run longer than
    ``_SPEECH_RUN`` tokens is cut before a discourse marker ("en toen", "and then") or
    before a subject pronoun followed by a finite verb, leaving pieces of at least
    ``_SPEECH_MIN`` tokens.
    """
    n = len(norms)
    if n < _SPEECH_DENSITY or marks * _SPEECH_DENSITY >= n:
        return set()
    speech = _speech(lang)
    found: set[int] = set()
    bounds = [0, *sorted(stops), n]
    for first, last in itertools.pairwise(bounds):
        if last - first <= _SPEECH_RUN:
            continue
        previous = first
        for k in range(first + _SPEECH_MIN, last - _SPEECH_MIN + 1):
            if k - previous < _SPEECH_MIN:
                continue
            norm = norms[k]
            before = norms[k - 1]
            marker = next(
                (m for m in speech.markers.get(norm, ()) if tuple(norms[k : k + len(m)]) == m), ()
            )
            cut = (
                bool(marker)
                and before not in speech.markers
                # "hij kwam later terug", "ik belde toen terug": a one-word adverb after its
                # verb; "… lagen dus ik heb …" still starts a clause with its subject
                and not (
                    len(marker) == 1
                    and _is_finite_past(before, lemmas[k - 1], speech)
                    and not (k + 1 < n and norms[k + 1] in speech.subjects)
                )
            )
            if not cut and norm in speech.subjects and before not in speech.keep:
                cut = k + 1 < n and _is_finite_past(norms[k + 1], lemmas[k + 1], speech)
            if not cut and norm in speech.fronted and k + 2 < n and before not in speech.keep:
                # "… als een kind koorts kreeg | dat hebben we …": a fronted object, a finite
                # verb and its subject start a main clause
                cut = (
                    _is_finite_past(norms[k + 1], lemmas[k + 1], speech)
                    and norms[k + 2] in speech.subjects
                )
            if cut:
                found.add(k)
                previous = k
    return found


def _boundaries(
    text: str, starts: list[int], ends: list[int], norms: list[str], abbreviations: frozenset[str]
) -> tuple[set[int], set[int]]:
    """The tokens that start a sentence and those after a clause mark (0 and n left out).

    Boundaries are found once in the whole text and assigned to the gap they stand in.
    """
    n = len(starts)
    stops = {
        i
        for i in _gap_breaks(_positions(_SENT_END_RE, text), starts, ends, n)
        # "max. 35 jaar", "ca. 20 uur": an abbreviation's full stop ends no sentence
        if not (text[ends[i - 1] : ends[i - 1] + 1] == "." and norms[i - 1] in abbreviations)
    }
    if "\n" in text:
        stops |= _gap_breaks(_positions(_NEWLINE_RE, text), starts, ends, n)
    marks = _gap_breaks(_positions(_CLAUSE_RE, text), starts, ends, n)
    return stops, marks


_SENT_END_CHARS = frozenset(".!?…")
# what a gap between two tokens may hold (bits; 0: nothing that matters)
_GAP_QUOTE, _GAP_NEWLINE, _GAP_SENT_END, _GAP_CLAUSE = 1, 2, 4, 8
_GAP_KINDS: dict[str, dict[str, int]] = {}  # "" -> gap -> its bits (gaps repeat: ", ", "\n")
_GAP_LIMIT = 20_000


def _gap_kind(gap: str) -> int:
    """The bits of what ``gap`` holds: a quotation mark, a newline, a sentence-end character
    (without a newline), a clause mark."""
    kind = 0
    if not _QUOTE_CHARS.isdisjoint(gap):
        kind |= _GAP_QUOTE
    if "\n" in gap:
        kind |= _GAP_NEWLINE
    elif not _SENT_END_CHARS.isdisjoint(gap):
        kind |= _GAP_SENT_END
    if not _CLAUSE_CHARS.isdisjoint(gap) or ("-" in gap and _CLAUSE_RE.search(gap)):
        kind |= _GAP_CLAUSE
    return kind


def _gap_boundaries(
    text: str, gaps: list[str], starts: list[int], norms: list[str], abbreviations: frozenset[str]
) -> tuple[set[int], set[int], bool]:
    """What :func:`_boundaries` finds, read from the gaps between the tokens (most are a
    single space), and whether a quotation mark stands in a gap.

    No token holds a sentence end, a newline or a clause mark with the white space around it,
    so each match of those patterns lies in one gap; a sentence end is tried at each of its
    punctuation marks (its look-ahead reads on into the text). What a gap holds is
    remembered per gap string (:func:`_gap_kind`).
    """
    n = len(starts)
    stops: set[int] = set()
    marks: set[int] = set()
    kinds = cached_per_language(_GAP_KINDS, "", gaps, lambda k: _gap_kind(gaps[k]), _GAP_LIMIT)
    quotes = False
    for i in itertools.compress(range(n + 1), kinds):
        kind = kinds[i]
        if kind & _GAP_QUOTE:
            quotes = True
        if i == 0 or i == n:
            continue
        if kind & _GAP_NEWLINE:
            stops.add(i)
        elif kind & _GAP_SENT_END:
            gap = gaps[i]
            pos = starts[i] - len(gap)
            if any(
                c in _SENT_END_CHARS and _SENT_END_RE.match(text, pos + k)
                for k, c in enumerate(gap)
            ) and not (gap[0] == "." and norms[i - 1] in abbreviations):
                stops.add(i)
        if kind & _GAP_CLAUSE:
            marks.add(i)
    return stops, marks, quotes


@functools.lru_cache(maxsize=32)
def analyse(text: str, lang: str, *, spoken: bool = False) -> Doc:
    """Tokenise, lemmatise and segment ``text`` in language ``lang`` (``nl`` or ``en``).

    ``spoken``: the text may be a transcript (interview answers); a text with hardly any
    sentence marks is then split into sentences at discourse markers and subject
    pronouns. Scoring, values and motivation read the same answer; the last few analyses
    are kept (treat the returned Doc as read-only).
    """
    cues = _negation_cues(lang)
    # split with the token pattern as a group: gap, token, gap, token, …, gap; the offsets
    # are the running sum of the pieces' lengths (no match objects: the hot path)
    pieces = _split_tokens(text)
    surfaces = pieces[1::2]
    n = len(surfaces)
    if not n:
        return Doc(text, lang, [], [], frozenset())
    offsets = list(itertools.accumulate(map(len, pieces), initial=0))
    starts, ends = offsets[1:-1:2], offsets[2::2]
    gaps: list[str] | None = pieces[::2]  # gaps[i]: the text between tokens i - 1 and i
    if spoken and not cues.fillers.isdisjoint(map(str.lower, surfaces)):
        keep = [k for k, surface in enumerate(surfaces) if surface.lower() not in cues.fillers]
        surfaces = [surfaces[k] for k in keep]
        starts = [starts[k] for k in keep]
        ends = [ends[k] for k in keep]
        n = len(surfaces)
        gaps = None
        if not n:
            return Doc(text, lang, [], [], frozenset())
    norms, lemmas = _forms_of(surfaces, lang)
    if gaps is not None:
        stops, marks, has_quotes = _gap_boundaries(text, gaps, starts, norms, cues.abbreviations)
    else:
        stops, marks = _boundaries(text, starts, ends, norms, cues.abbreviations)
        has_quotes = _has_quote_marks(text, starts, ends)
    if spoken:
        ends_marked = text.count(".") + text.count("!") + text.count("?")
        stops |= _speech_stops(norms, lemmas, stops, lang, ends_marked)
    # a clause starts at each sentence start, punctuation mark and clause opener
    steps = [0] * n
    for i in stops | marks:
        steps[i] = 1
    if spoken:
        reply = _reply_end(norms, lang)
        if reply:
            steps[reply] += 1
    vocab = set(norms)
    for word in cues.openers & vocab:
        for i in _indices(norms, word):
            if i:
                steps[i] += 1
    clauses = list(itertools.accumulate(steps))
    sents = [0] * n
    sentences: list[tuple[int, int]] = []
    first = 0
    for stop in sorted(stops):
        sentences.append((first, stop))
        sents[stop] = 1
        first = stop
    sentences.append((first, n))
    if stops:
        sents = list(itertools.accumulate(sents))
    if has_quotes:
        quoted = _quoted_flags(text, starts, ends, norms, stops, cues.elisions)
    else:
        quoted = [False] * n
    negation = _cue_positions(text, norms, cues, vocab)
    bounded = _bounded_positions(norms, negation, cues) if negation else frozenset()
    return Doc(
        text, lang, None, sentences, negation, norms, lemmas, sents, bounded, clauses, quoted,
        starts, ends, surfaces,
    )  # fmt: skip


def language_scores(text: str) -> dict[str, float]:
    """Share of each supported language in ``text`` (simplemma's detector)."""
    scores = dict(simplemma.langdetect(text, lang=LANGUAGES))
    return {lang: float(scores.get(lang, 0.0)) for lang in LANGUAGES}


@functools.cache
def _function_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(language_data(lang).grammar.function_words) for lang in LANGUAGES}


_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def function_word_counts(text: str) -> dict[str, int]:
    """How many of each language's function words ``text`` contains (fast, no lemmas)."""
    lists = _function_words()
    counts = dict.fromkeys(LANGUAGES, 0)
    for match in _WORD_RE.finditer(text.lower()):
        word = match.group()
        for lang in LANGUAGES:
            if word in lists[lang]:
                counts[lang] += 1
    return counts


def token_language_counts(tokens: Iterable[Token]) -> dict[str, int]:
    """How many tokens are function words of each language (for the mixed-language flag)."""
    lists = _function_words()
    norms = [tok.norm for tok in tokens]
    return {lang: sum(map(lists[lang].__contains__, norms)) for lang in LANGUAGES}


def detect_language(text: str, *, default: str | None = None) -> str | None:
    """``nl`` or ``en`` for ``text``; ``default`` when neither is recognisable.

    Function words decide when one language clearly leads; otherwise simplemma's
    detector decides.
    """
    counts = function_word_counts(text)
    ranked = sorted(LANGUAGES, key=lambda lang: counts[lang], reverse=True)
    first, second = counts[ranked[0]], counts[ranked[1]]
    if first >= 3 and first >= 2 * second:
        return ranked[0]
    scores = language_scores(text)
    best = max(LANGUAGES, key=lambda lang: scores[lang])
    return best if scores[best] > 0.0 else default


def words(tokens: Iterable[Token]) -> list[Token]:
    """The word tokens (no numbers or symbols)."""
    return [t for t in tokens if t.norm[:1].isalpha()]
