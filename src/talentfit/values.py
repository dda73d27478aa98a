"""Values alignment: which of an organisation's declared values an answer expresses or contradicts.

The built-in values library is data (``talentfit/data/values/<lang>.toml``, one schema):
per value a name, a description, behavioural *indicators* and *contrary beliefs*, written in
the pattern language of :mod:`talentfit.patterns`. Organisations add their own values in the
role profile; their phrases are compiled with :func:`~talentfit.patterns.compile_phrase`
(literal words, never a regular expression).

Each match in an answer is one piece of evidence with a signal and a weight:

==================  ======  =========================================================
signal              weight  example
==================  ======  =========================================================
``indicator``       +1.0    "ik heb het meteen gemeld"
``negated_indicator``  -1.0    "ik heb het niet gemeld"
``contrary``        -1.5    "overleg kost vooral tijd", "not my problem"
``negated_contrary``   +0.5    "ik vind niet dat overleg vooral tijd kost"
==================  ======  =========================================================

When an answer has no evidence for a value itself, talentfit falls back on weaker, *general*
evidence, in this order: (1) what the answer shows about the other values of the library,
rigid tautologies ("betalen is betalen") and general service-attitude cues (dismissive
beliefs such as "de gasten proeven het verschil toch niet", "none of my business", or own
action such as "ik heb meteen gebeld"); (2) else the scoring engine's customer-orientation
indicators and counter-indicators; (3) else a concrete past action the candidate tells about
(the first past-tense first-person sentence without a negation); (4) else a habit told with
a minimiser in the candidate's own voice ("ik stuur ze gewoon terug"). Values and beliefs
steer behaviour broadly (seed 002), so a clash elsewhere is a weak clash here too. That
evidence carries the signal ``general_<signal>`` and half the weight.

With ``P`` the sum of positive weights and ``N`` the sum of the absolute negative weights,
``alignment = (P - N) / (P + N + 1)``, rounded to three decimals: in (-1, 1), positive when the
answer expresses the value, negative when it expresses the opposite belief, ``None`` when there
is no evidence at all. The ``+ 1`` keeps one stray word from reading as full alignment.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .convert import structure
from .errors import ConfigError, ProfileError
from .patterns import Match, Matcher, Pattern, compile_pattern, compile_phrase
from .resources import load_data_toml
from .text import LANGUAGES, Doc, _negation_cues, analyse, fold, language_data

__all__ = [
    "SIGNAL_WEIGHTS",
    "ValueAlignment",
    "ValueDefinition",
    "ValueEvidence",
    "alignment_from_evidence",
    "builtin_values",
    "evidence_basis",
    "resolve_values",
    "value_alignment",
]

_BASE_WEIGHTS: dict[str, float] = {
    "indicator": 1.0,
    "negated_indicator": -1.0,
    "contrary": -1.5,
    "negated_contrary": 0.5,
    "self_description": 0.5,
    "hollow_self_description": -1.0,
}
GENERAL_FACTOR = 0.5  # general evidence (other values, attitude cues) weighs half
INDIRECT_SCALE = 0.5  # alignment on general evidence alone is halved: |alignment| < 0.5
SIGNAL_WEIGHTS: dict[str, float] = {
    **_BASE_WEIGHTS,
    **{f"general_{k}": v * GENERAL_FACTOR for k, v in _BASE_WEIGHTS.items()},
    "driver": 0.0,  # a motivation driver mention (talentfit.motivation); no value weight
}
GENERAL = "_general"  # payload id of the general service-attitude cues


@attrs.frozen
class ValueEntry:
    """One value in a language file of the values library."""

    id: str
    name: str
    description: str
    indicators: list[str]
    contrary: list[str]
    positive: list[str] = attrs.field(factory=list)  # example sentences that express it
    negative: list[str] = attrs.field(factory=list)  # example sentences that contradict it


@attrs.frozen
class GeneralCues:
    """General service-attitude cues: weak evidence for every value (with examples)."""

    indicators: list[str]
    contrary: list[str]
    minimisers: list[str] = attrs.field(factory=list)  # "gewoon", "just": brushing off
    self_words: list[str] = attrs.field(factory=list)  # "ik", "I": the candidate speaks
    self_subjects: list[str] = attrs.field(factory=list)  # "ik", "I", "we": as a subject
    request_words: list[str] = attrs.field(factory=list)  # "vroeg", "asked": someone asks
    report_words: list[str] = attrs.field(factory=list)  # "zei", "said": someone else's view
    contrast_words: list[str] = attrs.field(factory=list)  # "maar", "but"
    modal_words: list[str] = attrs.field(factory=list)  # "kon", "could": a road not taken
    claims: list[str] = attrs.field(factory=list)  # "ik ben heel", "I'm really": self-praise
    rejections: list[str] = attrs.field(factory=list)  # "daar ben ik het niet mee eens"
    dismissive: list[str] = attrs.field(factory=list)  # "al die", "all that": brushing aside
    preference_words: list[str] = attrs.field(factory=list)  # "liever", "rather", "belangrijker"
    than_words: list[str] = attrs.field(factory=list)  # "dan", "than"
    hedges: list[str] = attrs.field(factory=list)  # "eerlijk gezegd", "to be honest": fillers
    hedge_blockers: list[str] = attrs.field(factory=list)  # "heb": "ik heb het eerlijk gezegd"
    interjections: list[str] = attrs.field(factory=list)  # "ach", "meh": "leren, ach, …"
    rhetorical: list[str] = attrs.field(factory=list)  # "waarom zou ik …?", "why would I …?"
    other_people: list[str] = attrs.field(factory=list)  # "klant", "collega": not the candidate
    negations: list[str] = attrs.field(factory=list)  # colloquial negations: "niks"
    scope_breakers: list[str] = attrs.field(factory=list)  # "waarom": "snap niet waarom …"
    positive: list[str] = attrs.field(factory=list)
    negative: list[str] = attrs.field(factory=list)


@attrs.frozen
class ValueLexicon:
    """Schema of ``talentfit/data/values/<lang>.toml``."""

    values: list[ValueEntry]
    general: GeneralCues


@attrs.frozen(eq=False)
class ValueDefinition:
    """A value ready for matching: names, descriptions and compiled patterns per language."""

    id: str
    names: Mapping[str, str]
    descriptions: Mapping[str, str]
    indicators: Mapping[str, tuple[Pattern, ...]]
    contrary: Mapping[str, tuple[Pattern, ...]]
    custom: bool = False

    def name(self, lang: str) -> str:
        """The value's name in ``lang``, or in the language it was defined in."""
        return self.names.get(lang) or next(iter(self.names.values()))

    def description(self, lang: str) -> str:
        """The value's description in ``lang``, or in the language it was defined in."""
        return self.descriptions.get(lang) or next(iter(self.descriptions.values()), "")


@attrs.frozen
class ValueEvidence:
    """A quoted span of the answer (character offsets) and the signal it carries."""

    start: int
    end: int
    text: str
    signal: str  # one of SIGNAL_WEIGHTS

    @property
    def weight(self) -> float:
        return SIGNAL_WEIGHTS[self.signal]

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "signal": self.signal}


@attrs.frozen
class ValueAlignment:
    """How an answer relates to one value: -1..1, or None without evidence."""

    value: str
    alignment: float | None
    evidence: tuple[ValueEvidence, ...] = ()

    @property
    def basis(self) -> str | None:
        """ "direct" (the value's own evidence), "indirect" (general backoff only) or None."""
        return evidence_basis(e.signal for e in self.evidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "alignment": self.alignment,
            "basis": self.basis,
            "evidence": [e.to_dict() for e in self.evidence],
        }


def alignment_from_evidence(signals: Iterable[str]) -> float | None:
    """``(P - N) / (P + N + 1)`` over the weights of ``signals``; None when there are none.

    When every signal is indirect (``general_…``), the result is scaled by
    :data:`INDIRECT_SCALE`, so indirect evidence alone never reaches ±0.5 while one direct
    indicator does: a reader can tell the two apart by size as well as by signal.
    """
    positive = negative = 0.0
    seen = False
    indirect = True
    for signal in signals:
        seen = True
        indirect = indirect and signal.startswith("general_")
        weight = SIGNAL_WEIGHTS[signal]
        if weight > 0:
            positive += weight
        else:
            negative -= weight
    if not seen:
        return None
    alignment = (positive - negative) / (positive + negative + 1.0)
    return round(alignment * (INDIRECT_SCALE if indirect else 1.0), 3)


def evidence_basis(signals: Iterable[str]) -> str | None:
    """``"direct"`` when any signal is the value's own, ``"indirect"`` when all are general
    backoff evidence, None without evidence."""
    kinds = {s.startswith("general_") for s in signals}
    if not kinds:
        return None
    return "direct" if False in kinds else "indirect"


# --- the built-in library -------------------------------------------------------------------


@functools.cache
def lexicon(lang: str) -> ValueLexicon:
    """The built-in values library in ``lang`` as written in its data file (cached)."""
    relpath = f"values/{lang}.toml"
    return structure(load_data_toml(relpath), ValueLexicon, source=f"talentfit/data/{relpath}")


def _compile_all(sources: Sequence[str], lang: str, where: str) -> tuple[Pattern, ...]:
    try:
        return tuple(compile_pattern(s, lang) for s in sources)
    except ConfigError as exc:
        raise ConfigError(exc.message, path=where) from None


@functools.cache
def builtin_values() -> dict[str, ValueDefinition]:
    """The built-in values by id, in library order, with patterns for every language."""
    by_lang = {lang: {e.id: e for e in lexicon(lang).values} for lang in LANGUAGES}
    ids = list(by_lang[LANGUAGES[0]])
    for lang in LANGUAGES:
        if list(by_lang[lang]) != ids:
            raise ConfigError(
                f"values library for {lang!r} must define the same ids in the same order",
                path=f"talentfit/data/values/{lang}.toml",
            )
    result: dict[str, ValueDefinition] = {}
    for value_id in ids:
        entries = {lang: by_lang[lang][value_id] for lang in LANGUAGES}
        where = {lang: f"talentfit/data/values/{lang}.toml" for lang in LANGUAGES}
        result[value_id] = ValueDefinition(
            id=value_id,
            names={lang: e.name for lang, e in entries.items()},
            descriptions={lang: e.description for lang, e in entries.items()},
            indicators={
                lang: _compile_all(e.indicators, lang, where[lang]) for lang, e in entries.items()
            },
            contrary={
                lang: _compile_all(e.contrary, lang, where[lang]) for lang, e in entries.items()
            },
        )
    return result


@functools.cache
def general_cues() -> ValueDefinition:
    """The general service-attitude cues of every language, as a pseudo-value."""
    where = {lang: f"talentfit/data/values/{lang}.toml" for lang in LANGUAGES}
    return ValueDefinition(
        id=GENERAL,
        names=dict.fromkeys(LANGUAGES, "general"),
        descriptions=dict.fromkeys(LANGUAGES, ""),
        indicators={
            lang: _compile_all(lexicon(lang).general.indicators, lang, where[lang])
            for lang in LANGUAGES
        },
        contrary={
            lang: _compile_all(lexicon(lang).general.contrary, lang, where[lang])
            for lang in LANGUAGES
        },
    )


def _key(name: str) -> str:
    """Lookup key for a value name: folded, with ``_``, ``-`` and spaces made one space."""
    return " ".join(re.split(r"[\s_\-]+", fold(name).strip()))


# --- the role profile -----------------------------------------------------------------------


def _custom_definition(custom: Any, index: int, lang: str, source: str | None) -> ValueDefinition:
    base = f"$.organisation.custom_values[{index}]"
    compiled: dict[str, list[Pattern]] = {"indicators": [], "contrary": []}
    for kind in compiled:
        for j, phrase in enumerate(getattr(custom, kind, None) or ()):
            try:
                compiled[kind].append(compile_phrase(str(phrase), lang))
            except ConfigError:
                raise ProfileError(
                    f"expected a phrase with at least one word, got {phrase!r}",
                    field=f"{base}.{kind}[{j}]",
                    path=source,
                ) from None
    if not str(custom.id).strip():
        raise ProfileError("expected a non-empty value id", field=f"{base}.id", path=source)
    return ValueDefinition(
        id=str(custom.id),
        names={lang: str(custom.name)},
        descriptions={lang: str(getattr(custom, "description", "") or "")},
        indicators={lang: tuple(compiled["indicators"])},
        contrary={lang: tuple(compiled["contrary"])},
        custom=True,
    )


def resolve_values(profile: Any, *, source: str | None = None) -> list[ValueDefinition]:
    """The values a role profile declares, in its order, then its other custom values.

    ``organisation.values`` names values by id or by their Dutch or English name,
    case-insensitively; ``organisation.custom_values`` defines the organisation's own (which
    win over a built-in value with the same id). An unknown name raises ProfileError naming
    ``$.organisation.values[i]`` and the profile file.
    """
    source = source or _profile_source(profile)
    organisation = profile.organisation
    lang = getattr(profile, "language", None) or "nl"
    index: dict[str, ValueDefinition] = {}
    for value in builtin_values().values():
        for name in (value.id, *value.names.values()):
            index[_key(name)] = value
    customs = [
        _custom_definition(c, i, lang, source)
        for i, c in enumerate(getattr(organisation, "custom_values", None) or ())
    ]
    for custom in customs:
        for name in (custom.id, *custom.names.values()):
            index[_key(name)] = custom
    chosen: list[ValueDefinition] = []
    for i, name in enumerate(getattr(organisation, "values", None) or ()):
        found = index.get(_key(str(name)))
        if found is None:
            known = ", ".join(builtin_values())
            raise ProfileError(
                f"unknown value {name!r}: expected a custom value or one of {known} "
                "(by id or by Dutch or English name)",
                field=f"$.organisation.values[{i}]",
                path=source,
            )
        if found not in chosen:
            chosen.append(found)
    chosen.extend(c for c in customs if c not in chosen)
    return chosen


def _profile_source(profile: Any) -> str | None:
    for attr in ("source", "path"):
        value = getattr(profile, attr, None)
        if value:
            return str(value)
    return None


# --- matching -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _matcher(values: tuple[ValueDefinition, ...], lang: str) -> Matcher[tuple[int, bool]]:
    entries: list[tuple[Pattern, tuple[int, bool]]] = []
    for i, value in enumerate(values):
        entries.extend((p, (i, False)) for p in value.indicators.get(lang, ()))
        entries.extend((p, (i, True)) for p in value.contrary.get(lang, ()))
    return Matcher(entries)


def _pool(values: Sequence[ValueDefinition]) -> tuple[ValueDefinition, ...]:
    """The given values, then the other built-in values and the general cues (for backoff)."""
    given = tuple(values)
    ids = {v.id for v in given}
    others = tuple(v for v in builtin_values().values() if v.id not in ids)
    return (*given, *others, general_cues())


def non_overlapping(matches: Sequence[Match[Any]]) -> list[Match[Any]]:
    """Longest-first selection of matches whose token spans do not overlap, in text order."""
    chosen: list[Match[Any]] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.last - m.first), m.first)):
        span = set(range(m.first, m.last + 1))
        if span & taken:
            continue
        taken |= span
        chosen.append(m)
    chosen.sort(key=lambda m: (m.start, m.end))
    return chosen


POST_NEGATION_WINDOW = 4  # Dutch main clauses put "niet" after the verb: "ik meldde het niet"
_NOT_A_NEGATION_AFTER = frozenset({"alleen", "enkel", "zomaar", "eens"})  # "niet alleen …"


@functools.cache
def _extra_negations(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.negations)


def _colloquially_negated(doc: Doc, match: Match[Any]) -> bool:
    """A colloquial negation the text layer does not know ("daar leer ik niks van") before
    the match, or (Dutch) up to four tokens after it, in the same clause."""
    extra = _extra_negations(doc.lang)
    if not extra:
        return False
    tokens = doc.tokens
    clause = tokens[match.first].clause
    after = POST_NEGATION_WINDOW if doc.lang == "nl" else 0
    lo, hi = max(0, match.first - 6), min(len(tokens), match.last + 1 + after)
    return any(
        tokens[k].norm in extra and tokens[k].clause == clause
        for k in range(lo, hi)
        if not match.first <= k <= match.last
    )


_CONDITIONS = frozenset({"if", "als", "zo", "indien"})


def _elliptic_condition(doc: Doc, match: Match[Any]) -> bool:
    """Whether every negation cue before the match is an elliptic condition ("and if not I
    touch it up", "zo niet, dan …"): the negation is the condition's, not the action's."""
    tokens = doc.tokens
    clause = tokens[match.first].clause
    cues = [
        k
        for k in range(max(0, match.first - 6), match.last + 1)
        if k in doc.negation_cues and tokens[k].clause == clause
    ]
    return bool(cues) and all(k > 0 and tokens[k - 1].norm in _CONDITIONS for k in cues)


def _scope_broken(doc: Doc, match: Match[Any]) -> bool:
    """Whether a scope breaker ("waarom", "why") stands between the last negation cue before
    the match and the match: "ik snap niet waarom ze zich zo aanstellen"."""
    breakers = _scope_breakers(doc.lang)
    tokens = doc.tokens
    for k in range(match.first - 1, max(-1, match.first - 8), -1):
        if k in doc.negation_cues:
            return False
        if tokens[k].norm in breakers:
            return any(j in doc.negation_cues for j in range(max(0, k - 4), k))
    return False


@functools.cache
def _scope_breakers(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.scope_breakers)


_WITHOUT = frozenset({"without", "zonder"})


def _double_negation(doc: Doc, match: Match[Any]) -> bool:
    """ "I never wire it up without testing it", "nooit zonder te meten": two cues before the
    match in its clause, the last of them "without": the action is affirmed."""
    tokens = doc.tokens
    clause = tokens[match.first].clause
    cues = [
        tokens[k].norm
        for k in range(max(0, match.first - 8), match.first)
        if k in doc.negation_cues and tokens[k].clause == clause
    ]
    return len(cues) == 2 and cues[-1] in _WITHOUT


def match_negated(doc: Doc, match: Match[Any]) -> bool:
    """Whether a negation scopes over ``match``. A pattern with its own negation word
    ("niet mijn probleem", "doesn't hurt anyone") states the negated belief: never negated.

    Besides the text layer's scope (a cue before or inside the match, same clause), a Dutch
    cue up to four tokens after the match in the same clause negates it too ("ik meldde het
    niet", "ze luisteren gewoon niet"), except "niet alleen/enkel/zomaar/eens".
    """
    if match.pattern.has_negation:
        return False  # "doesn't hurt anyone", "niet mijn probleem": the negation is the belief
    if (
        doc.is_negated(match.first, match.last, inside=True)
        and not _elliptic_condition(doc, match)
        and not _double_negation(doc, match)
        and not _scope_broken(doc, match)
    ):
        return True
    if _colloquially_negated(doc, match):
        return True
    if doc.lang != "nl":
        return False
    tokens = doc.tokens
    clause = tokens[match.last].clause
    single = _negation_cues(doc.lang).single
    for k in range(match.last + 1, min(match.last + 1 + POST_NEGATION_WINDOW, len(tokens))):
        if tokens[k].clause != clause:
            break
        if tokens[k].norm in single:  # not "in plaats van": that negates what follows
            after = tokens[k + 1].norm if k + 1 < len(tokens) else ""
            return after not in _NOT_A_NEGATION_AFTER
    return False


def _signal(doc: Doc, match: Match[tuple[int, bool]], cues: _Cues) -> str | None:
    contrary = match.payload[1]
    if contrary and all(doc.tokens[k].quoted for k in range(match.first, match.last + 1)):
        return None  # someone else's words, quoted: not the candidate's belief
    negated = match_negated(doc, match)
    if not contrary and not negated and _someone_else_acts(doc, match):
        return None  # "… en dan zoeken ze het zelf maar uit": their action, not the candidate's
    if not contrary and not negated and _requested_by_other(doc, match.first):
        return None  # "ze willen dat we allemaal een training doen": their wish, not a deed
    if not contrary and not negated and cues.dismissed(doc, match):
        return None  # "al die bijscholing", "all that syncing up": named to brush it aside
    if not contrary and not negated and cues.questioned(doc, match):
        negated = True  # "waarom zou ik een cursus doen?": waved away
    if not contrary and not negated and cues.passed_over(doc, match):
        negated = True  # "snelheid is belangrijker dan netjes", "rather … than loop in the team"
    if negated and not contrary and _negated_by_pronoun(doc, match):
        return None  # "so nobody in the queue could listen in": others, not the candidate
    if negated and _someone_else_acts(doc, match, people=True):
        return None  # "de weduwnaar kon niet kiezen": someone else's failing, not the candidate's
    if contrary and not negated and _done_to_someone(doc, match):
        return None  # "werd uitgelachen", "got laughed at": what happened to someone else
    if contrary and not negated:
        if cues.rejected(doc, match):
            return "negated_contrary"  # "… kost alleen maar tijd. Dat zie ik anders."
        if _reported_by_other(doc, match.first) or cues.not_taken(doc, match):
            return None  # "mijn chef zei altijd …", "ik kon hem … aansmeren, maar …"
    if not contrary and not negated and cues.claimed(doc, match):
        if cues.contrasted(doc, match.last):
            return "hollow_self_description"  # "ik ben heel klantgericht hoor, maar …"
        return "self_description"  # "I'm very customer-oriented": a claim, not behaviour
    signal = (
        ("negated_contrary" if negated else "contrary")
        if contrary
        else ("negated_indicator" if negated else "indicator")
    )
    if signal in ("contrary", "negated_indicator") and _requested_by_other(doc, match.first):
        return None  # "a client asked whether we could leave out …": the other's wish
    return signal


@attrs.frozen
class _Cues:
    """Per answer: self-descriptions, rejections and the words that scope them."""

    claims: tuple[Match[str], ...]
    rejections: tuple[Match[str], ...]
    dismissive: tuple[Match[str], ...]
    rhetorical: tuple[Match[str], ...]
    hedged: frozenset[int]  # tokens of fillers ("eerlijk gezegd", "you know"): never evidence
    interjections: frozenset[str]
    contrast: frozenset[str]
    modals: frozenset[str]
    preference: frozenset[str]
    than: frozenset[str]

    def claimed(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether ``match`` is what the candidate says they *are* ("ik ben heel …",
        "I'm really …", "I take full ownership", "eerlijkheid staat bij mij voorop"): a
        self-description close before or right after it, in the same clause."""
        clause = doc.tokens[match.first].clause
        return any(
            c.first - CLAIM_BEFORE <= match.first <= c.last + CLAIM_REACH
            and doc.tokens[c.first].clause == clause
            for c in self.claims
        )

    def dismissed(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the value word comes right after a dismissive determiner ("al die
        bijscholing", "dat hele afstemmen", "all that syncing up") or right before a
        dismissive interjection ("nieuwe dingen leren, ach, …", "learning new things, meh")."""
        if any(0 < match.first - d.last <= 2 for d in self.dismissive):
            return True
        tokens = doc.tokens
        sent = tokens[match.last].sent
        return any(
            tokens[k].norm in self.interjections and tokens[k].sent == sent
            for k in range(match.last + 1, min(len(tokens), match.last + 3))
        )

    def questioned(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the value word is in a rhetorical question ("Waarom zou ik een cursus
        doen?", "Why would I do a course?"): earlier in a sentence that ends with "?"."""
        sent = doc.tokens[match.first].sent
        _, end = doc.sentence_span(sent)
        if "?" not in doc.text[doc.tokens[match.last].end : end + 1]:
            return False
        return any(
            doc.tokens[r.first].sent == sent and r.first < match.first for r in self.rhetorical
        )

    def passed_over(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the value word is what the candidate ranks below something else: after
        "dan"/"than" that follows a preference ("liever", "belangrijker", "rather")."""
        tokens = doc.tokens
        sent = tokens[match.first].sent
        for k in range(match.first - 1, max(-1, match.first - 1 - PREFERENCE_REACH), -1):
            if tokens[k].sent != sent:
                return False
            if tokens[k].norm in self.than:
                start = doc.sentences[sent][0]
                return any(t.norm in self.preference for t in tokens[start:k])
        return False

    def contrasted(self, doc: Doc, after: int) -> bool:
        """Whether a contrast word ("maar", "but") follows token ``after`` in its sentence or
        opens the next sentence ("… hoor. Maar ja, …")."""
        tokens = doc.tokens
        sent = tokens[after].sent
        for k in range(after + 1, len(tokens)):
            tok = tokens[k]
            if tok.sent == sent:
                if tok.norm in self.contrast:
                    return True
                continue
            if tok.sent > sent + 1:
                break
            first = doc.sentences[tok.sent][0]
            if k - first < 2 and tok.norm in self.contrast:
                return True
            if k - first >= 2:
                break
        return False

    def rejected(self, doc: Doc, match: Match[Any]) -> bool:
        """Whether the candidate rejects the belief right after stating it: a rejection
        later in the same sentence or in the next one ("Daar ben ik het niet mee eens")."""
        sent = doc.tokens[match.first].sent
        return any(
            (r.first > match.last and doc.tokens[r.first].sent == sent)
            or doc.tokens[r.first].sent == sent + 1
            for r in self.rejections
        )

    def not_taken(self, doc: Doc, match: Match[Any]) -> bool:
        """A contrary act the candidate *could* have done, then a contrast ("ik kon hem een
        duurder contract aansmeren … Maar …", "I could have …, but"): a road not taken."""
        sent_first = doc.sentences[doc.tokens[match.first].sent][0]
        before = doc.tokens[sent_first : match.first + 1]
        return any(t.norm in self.modals for t in before) and self.contrasted(doc, match.last)


CLAIM_REACH = 4  # tokens between a self-description ("ik ben heel") and the value word
CLAIM_BEFORE = 3  # the value word may open it: "eerlijkheid staat bij mij voorop"
PREFERENCE_REACH = 5  # tokens between "dan"/"than" and the value word ranked below


@functools.cache
def _cue_matcher(lang: str) -> Matcher[str]:
    data = lexicon(lang).general
    where = f"talentfit/data/values/{lang}.toml"
    entries = [(p, "claim") for p in _compile_all(data.claims, lang, where)]
    entries += [(p, "rejection") for p in _compile_all(data.rejections, lang, where)]
    entries += [(p, "dismissive") for p in _compile_all(data.dismissive, lang, where)]
    entries += [(p, "hedge") for p in _compile_all(data.hedges, lang, where)]
    entries += [(p, "rhetorical") for p in _compile_all(data.rhetorical, lang, where)]
    return Matcher(entries)


def _aside(doc: Doc, match: Match[Any]) -> bool:
    """Whether a filler stands apart: it opens its clause or a comma closes it ("Eerlijk
    gezegd vind ik …", "…, to be honest,"), or (where the language lists blockers) no
    auxiliary or saying verb precedes it in its clause — unlike "ik heb het eerlijk gezegd"."""
    tokens = doc.tokens
    first = tokens[match.first]
    opens = match.first == 0 or tokens[match.first - 1].clause != first.clause
    closed = doc.text[match.end : match.end + 1] in (",", ";", ":", ".")
    if opens or closed:
        return True
    blockers = _hedge_blockers(doc.lang)
    if not blockers:
        return False
    before = [t for t in tokens[max(0, match.first - 8) : match.first] if t.clause == first.clause]
    return not any(t.norm in blockers for t in before)  # "dat is eerlijk gezegd van later zorg"


@functools.cache
def _hedge_blockers(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.hedge_blockers)


def _cues(doc: Doc) -> _Cues:
    data = lexicon(doc.lang).general
    found = _cue_matcher(doc.lang).find(doc)
    return _Cues(
        claims=tuple(m for m in found if m.payload == "claim"),
        rejections=tuple(m for m in found if m.payload == "rejection"),
        dismissive=tuple(m for m in found if m.payload == "dismissive"),
        rhetorical=tuple(m for m in found if m.payload == "rhetorical"),
        hedged=frozenset(
            k
            for m in found
            if m.payload == "hedge" and _aside(doc, m)
            for k in range(m.first, m.last + 1)
        ),
        contrast=frozenset(fold(w) for w in data.contrast_words),
        modals=frozenset(fold(w) for w in data.modal_words),
        preference=frozenset(fold(w) for w in data.preference_words),
        interjections=frozenset(fold(w) for w in data.interjections),
        than=frozenset(fold(w) for w in data.than_words),
    )


@functools.cache
def _persons(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    grammar = language_data(lang).grammar
    selves = frozenset(grammar.first_singular) | frozenset(grammar.first_plural)
    return selves, frozenset(grammar.third_person_subjects)


def _someone_else_acts(doc: Doc, match: Match[Any], *, people: bool = False) -> bool:
    """Whether the clause of an indicator has another person as subject and no first person
    ("en dan zoeken ze het zelf maar uit"): the behaviour is not the candidate's. With
    ``people``, person nouns count as another person too ("een weduwnaar kon niet kiezen")."""
    selves, others = _persons(doc.lang)
    if people:  # "mijn collega hielp niet": a possessive does not make it the candidate
        selves = _report_words(doc.lang)[1]
        others = others | _other_people(doc.lang)
    tokens = doc.tokens
    clause = tokens[match.first].clause
    words = [t for t in tokens if t.clause == clause and t.sent == tokens[match.first].sent]
    if any(t.norm in selves for t in words):
        return False
    return any(t.norm in others or t.lemma in others for t in words)


def _done_to_someone(doc: Doc, match: Match[Any]) -> bool:
    """Whether a contrary act is told in the passive about someone other than the candidate
    ("een meisje werd uitgelachen", "she got laughed at"), with no "ik"/"I" in the clause."""
    from .evidence import _is_passive  # the scoring engine's passive test (lazy: import cycle)

    if not _is_passive(doc, match.first, match.last):
        return False
    selves = _report_words(doc.lang)[1]
    clause = doc.tokens[match.first].clause
    return not any(t.norm in selves for t in doc.tokens if t.clause == clause)


@functools.cache
def _other_people(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(lang).general.other_people)


_NEGATIVE_PRONOUNS = frozenset(
    {"niemand", "niets", "niks", "nobody", "nothing", "noone", "one", "none"}
)  # "no one" ends on "one"


def _negated_by_pronoun(doc: Doc, match: Match[Any]) -> bool:
    """Whether the negation before an indicator is a negative pronoun as its subject
    ("niemand luisterde mee", "nobody could listen in"): about others, not the candidate."""
    tokens = doc.tokens
    clause = tokens[match.first].clause
    for k in range(match.first - 1, max(-1, match.first - 7), -1):
        if tokens[k].clause != clause:
            return False
        if k in doc.negation_cues:
            return tokens[k].norm in _NEGATIVE_PRONOUNS
    return False


def _requested_by_other(doc: Doc, first: int) -> bool:
    """Whether someone other than the candidate asks or wants what follows, earlier in the
    same sentence ("een klant vroeg of…", "a seller wanted me not to…")."""
    requests, selves = _request_words(doc.lang)
    sent_first = doc.sentences[doc.tokens[first].sent][0]
    for k in range(first - 1, sent_first - 1, -1):
        if doc.tokens[k].norm in requests:
            before = doc.tokens[max(sent_first, k - 2) : k]
            return not any(t.norm in selves for t in before)
    return False


@functools.cache
def _request_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    data = lexicon(lang).general
    return frozenset(fold(w) for w in data.request_words), frozenset(
        fold(w) for w in data.self_words
    )


@functools.cache
def _report_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    data = lexicon(lang).general
    return frozenset(fold(w) for w in data.report_words), frozenset(
        fold(w) for w in data.self_subjects
    )


def _reported_by_other(doc: Doc, first: int) -> bool:
    """Whether the sentence reports someone else's view before ``first`` ("mijn chef zei
    altijd dat …", "my old colleague always said …"): their belief, not the candidate's."""
    reports, selves = _report_words(doc.lang)
    sent_first = doc.sentences[doc.tokens[first].sent][0]
    for k in range(first - 1, sent_first - 1, -1):
        if doc.tokens[k].norm in reports:
            around = doc.tokens[max(sent_first, k - 2) : min(first, k + 2)]  # "ik zei", "zei ik"
            return not any(t.norm in selves for t in around)
    return False


def value_alignment(
    text: str | Doc, lang: str, values: Sequence[ValueDefinition]
) -> list[ValueAlignment]:
    """One :class:`ValueAlignment` per value, in the order given, with quoted evidence.

    A value without evidence of its own gets the general evidence (see the module docstring)
    at half weight; ``alignment`` is None only when there is no evidence at all.
    """
    doc = text if isinstance(text, Doc) else analyse(text, lang, spoken=True)
    cues = _cues(doc)
    pool = _pool(values)
    per_value: dict[int, list[Match[tuple[int, bool]]]] = {i: [] for i in range(len(pool))}
    for match in _matcher(pool, lang).find(doc):
        per_value[match.payload[0]].append(match)
    general: list[ValueEvidence] | None = None
    result: list[ValueAlignment] = []
    for i, value in enumerate(values):
        evidence = _evidence(doc, per_value[i], cues)
        if not evidence:
            if general is None:
                general = _general_evidence(doc, [m for ms in per_value.values() for m in ms], cues)
            evidence = general
        alignment = alignment_from_evidence(e.signal for e in evidence)
        result.append(ValueAlignment(value.id, alignment, tuple(evidence)))
    return result


def _general_evidence(
    doc: Doc, matches: Sequence[Match[tuple[int, bool]]], cues: _Cues
) -> list[ValueEvidence]:
    """Backoff evidence, in order of preference: value lexicons and attitude cues; else the
    scoring engine's behaviour and counter-indicator hits; else a concrete past action of
    the candidate (a story of what they did)."""
    found = [
        ValueEvidence(e.start, e.end, e.text, f"general_{e.signal}")
        for e in _evidence(doc, matches, cues)
    ]
    found += _tautologies(doc)
    found += _hollow_claims(doc, cues, found)
    if found:
        return sorted(found, key=lambda e: (e.start, e.end))
    from .evidence import analyse_answer  # the scoring engine's analysis (lazy: import cycle)

    analysis = analyse_answer(doc.text, doc.lang)
    for hit in analysis.hits:
        kind = {"indicator": "general_indicator", "counter": "general_contrary"}.get(hit.kind)
        if kind is not None:
            found.append(ValueEvidence(hit.start, hit.end, doc.text[hit.start : hit.end], kind))
    if found:
        return found
    story = analysis.doc  # the engine's own segmentation of the same text (may differ)
    for sent, info in enumerate(analysis.sentences):
        first, last = story.sentences[sent]
        negated = any(k in story.negation_cues for k in range(first, last))
        if info.concrete and info.first_singular and info.first_past >= 0 and not negated:
            start, end = story.sentence_span(sent)
            return [ValueEvidence(start, end, story.text[start:end], "general_indicator")]
    return _habit_evidence(doc)


_COPULAS = frozenset({"is", "zijn", "are", "blijft", "blijven", "remains", "stays"})


def _tautologies(doc: Doc) -> list[ValueEvidence]:
    """Rigid beliefs said as a tautology: "regels zijn regels", "betalen is betalen",
    "a deal is a deal" — the same word on both sides of a copula."""
    found: list[ValueEvidence] = []
    tokens = doc.tokens
    for tok in tokens:
        if tok.norm not in _COPULAS or tok.i == 0:
            continue
        left = tokens[tok.i - 1]
        for right in tokens[tok.i + 1 : tok.i + 3]:
            if right.sent != tok.sent or not right.norm[:1].isalpha():
                break
            if right.lemma == left.lemma and len(left.norm) > 2 and left.sent == tok.sent:
                quote = doc.text[left.start : right.end]
                found.append(ValueEvidence(left.start, right.end, quote, "general_contrary"))
                break
    return found


@functools.cache
def _minimisers(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    data = lexicon(lang).general
    return frozenset(fold(w) for w in data.minimisers), frozenset(fold(w) for w in data.self_words)


def _habit_evidence(doc: Doc) -> list[ValueEvidence]:
    """A habit told with a minimiser, in the candidate's own voice ("ik stuur ze gewoon
    terug", "I just sell everyone …"): how they routinely brush a matter off."""
    minimisers, selves = _minimisers(doc.lang)
    for first, last in doc.sentences:
        tokens = doc.tokens[first:last]
        if not any(t.norm in selves for t in tokens):
            continue
        for tok in tokens:
            if tok.norm in minimisers and not doc.is_negated(tok.i, tok.i):
                return [ValueEvidence(tok.start, tok.end, tok.surface, "general_contrary")]
    return []


def _hollow_claims(doc: Doc, cues: _Cues, found: Sequence[ValueEvidence]) -> list[ValueEvidence]:
    """Self-descriptions followed by a contrast ("ik ben echt iemand op wie je kunt bouwen,
    hoor. Maar ja, …"), not already quoted as evidence: a weak clash for any value."""
    taken = {(e.start, e.end) for e in found}
    result: list[ValueEvidence] = []
    for claim in cues.claims:
        if (claim.start, claim.end) not in taken and cues.contrasted(doc, claim.last):
            quote = doc.text[claim.start : claim.end]
            result.append(
                ValueEvidence(claim.start, claim.end, quote, "general_hollow_self_description")
            )
    return result


def _evidence(
    doc: Doc, matches: Sequence[Match[tuple[int, bool]]], cues: _Cues
) -> list[ValueEvidence]:
    evidence: list[ValueEvidence] = []
    for match in non_overlapping(
        [m for m in matches if not cues.hedged.intersection(range(m.first, m.last + 1))]
    ):
        signal = _signal(doc, match, cues)
        if signal is not None:
            quote = doc.text[match.start : match.end]
            evidence.append(ValueEvidence(match.start, match.end, quote, signal))
    return evidence
