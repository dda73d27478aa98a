"""Values alignment: which of an organisation's declared values an answer expresses or contradicts.

The built-in values library is data (``talentfit/data/values/<lang>.toml``, one schema):
per value a name, a description, behavioural *indicators* and *contrary beliefs*, written in
the pattern language of :mod:`talentfit.patterns`. Organisations add their own values in the
role profile; their phrases are compiled with :func:`~talentfit.patterns.compile_loose_phrase`
(its words in order with small gaps, never a regular expression).

Each match in an answer is one piece of evidence with a signal and a weight; how a match is
read (negation scope, someone else's words or deeds, claims) is :mod:`talentfit.value_reading`:

=============================  ======  ==============================================
signal                         weight  example
=============================  ======  ==============================================
``indicator``                  +1.0    "ik heb het meteen gemeld"
``negated_indicator``          -1.0    "ik heb het niet gemeld"
``contrary``                   -1.5    "overleg kost vooral tijd", "not my problem"
``negated_contrary``           +0.5    "ik vind niet dat overleg vooral tijd kost"
``self_description``           +0.5    "ik ben heel klantgericht" (a claim)
``hollow_self_description``    -1.0    "ik ben heel klantgericht hoor, maar …"
=============================  ======  ==============================================

When an answer has no evidence for a value itself, talentfit falls back on weaker, *indirect*
evidence, in this order: (1) what the answer shows about the other values of the library,
rigid tautologies ("betalen is betalen"), hollow self-descriptions and general
service-attitude cues (dismissive beliefs such as "de gasten proeven het verschil toch niet",
"none of my business", or own action such as "ik heb meteen gebeld"); (2) else the scoring
engine's customer-orientation indicators and counter-indicators; (3) else a concrete past
action the candidate tells about (the first past-tense first-person sentence without a
negation); (4) else a habit told with a minimiser in the candidate's own voice ("ik stuur ze
gewoon terug"). Values and beliefs steer behaviour broadly (seed 002), so a clash elsewhere
is a weak clash here too. That evidence carries the signal ``general_<signal>`` at half the
weight, the value's ``basis`` is ``"indirect"``, and its alignment is halved
(:data:`INDIRECT_SCALE`), so it stays within (-0.5, 0.5) while one direct indicator gives 0.5.

A deception the candidate tells of (``[general] deceptions``: a record signed off as done,
damage said to have been there already), a cover story (the candidate's own mishap, then a
claim told to someone that admits nothing) and a mishap "per ongeluk" kept quiet
(:func:`talentfit.value_reading.cover_stories`) are ``contrary`` evidence for every value. So
is a letdown that ends the candidate's story (their own convenience first, the customer left
worse off, a brush-off told; :func:`talentfit.value_reading.letdowns`), next to a value's own
evidence; in the backoff it is ``general_contrary``. Among the indirect evidence, a
present-tense habit lived ("even on the bits under the sofa", "ik kijk altijd …") is
``general_habit`` rather than ``general_no_story``. An indicator in a clause whose subject is
someone else (:func:`talentfit.value_reading.other_subject`) is not the candidate's act.

The attitude model (:mod:`talentfit.value_model`, a linear model trained on labelled
answers) re-reads two cases: a value with only backoff evidence and no contrary reading
among it, whose evidence its confident reading replaces (``general_attitude`` +1.0 or
``general_contrary_attitude`` -1.0, indirect); and a value whose own evidence is single
words worth at most one indicator, which it overrules when it reads the answer strongly the
other way (the words stay as ``overruled``, weight 0). ``model=False`` turns it off.

With ``P`` the sum of positive weights and ``N`` the sum of the absolute negative weights,
``alignment = (P - N) / (P + N + 1)``, rounded to three decimals: in (-1, 1), positive when the
answer expresses the value, negative when it expresses the opposite belief, ``None`` when there
is no evidence at all. The ``+ 1`` keeps one stray word from reading as full alignment.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .errors import ConfigError, ProfileError
from .patterns import Match, Matcher, Pattern, compile_loose_phrase
from .text import LANGUAGES, Doc, analyse, fold
from .value_lexicon import compile_all, lexicon
from .value_model import AttitudeReading, attitude
from .value_reading import (
    Cues,
    candidate_acts,
    cover_stories,
    evaluated_topic,
    general_words,
    letdowns,
    non_overlapping,
    other_subject,
    read_cues,
    read_signal,
    tagged_matcher,
)
from .value_stories import (
    broken_commitments,
    concealed_flaws,
    contradicted_claims,
    flaws_handed_over,
    moved_on,
    shelved_suggestions,
    standards_skipped,
)

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
STORY_WEIGHT = 1.0  # a told past action (or its absence) among the indirect evidence
ATTITUDE_WEIGHT = 1.0  # the attitude model's reading among the indirect evidence
OVERRULE = 2.0  # the attitude model's |score| from which it overrules weak direct evidence
LONG_ANSWER = 5  # sentences: in an answer this long it overrules value words of any weight
SIGNAL_WEIGHTS: dict[str, float] = {
    **_BASE_WEIGHTS,
    **{f"general_{k}": v * GENERAL_FACTOR for k, v in _BASE_WEIGHTS.items()},
    # indirect only: whether the answer tells what the candidate did (a past first-person
    # sentence) or speaks only in the present about themselves (views, habits, rules)
    "general_story": STORY_WEIGHT,
    "general_no_story": -STORY_WEIGHT,
    # a present-tense habit of the candidate's kept at a cost or said as their rule
    "general_habit": STORY_WEIGHT,
    # the attitude model's confident reading of an answer without the value's own evidence
    # (talentfit.value_model); it takes the place of the backoff rules' evidence
    "general_attitude": ATTITUDE_WEIGHT,
    "general_contrary_attitude": -ATTITUDE_WEIGHT,
    "driver": 0.0,  # a motivation driver mention (talentfit.motivation); no value weight
    # a value's own weak evidence overruled by the attitude model (values._overruled)
    "overruled": 0.0,
}
GENERAL = "_general"  # payload id of the general service-attitude cues
DECEPTION = "_deception"  # payload id of the deceptions: direct contrary evidence for every value


@attrs.frozen(eq=False)
class ValueDefinition:
    """A value ready for matching: names, descriptions and compiled patterns per language."""

    id: str
    names: Mapping[str, str]
    descriptions: Mapping[str, str]
    indicators: Mapping[str, tuple[Pattern, ...]]
    contrary: Mapping[str, tuple[Pattern, ...]]
    custom: bool = False
    # what the value is about: evidence only as the subject of an evaluation
    topics: Mapping[str, tuple[Pattern, ...]] = attrs.field(factory=dict)

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
        weight = SIGNAL_WEIGHTS[signal]
        # a signal without weight ("overruled") leaves the decision to the others
        indirect = indirect and (signal.startswith("general_") or not weight)
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
    signals = list(signals)
    if not signals:
        return None
    weighed = [s for s in signals if SIGNAL_WEIGHTS[s]] or signals
    return "indirect" if all(s.startswith("general_") for s in weighed) else "direct"


# --- the built-in library -------------------------------------------------------------------


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
                lang: compile_all(e.indicators, lang, where[lang]) for lang, e in entries.items()
            },
            contrary={
                lang: compile_all(e.contrary, lang, where[lang]) for lang, e in entries.items()
            },
            topics={lang: compile_all(e.topics, lang, where[lang]) for lang, e in entries.items()},
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
            lang: compile_all(lexicon(lang).general.indicators, lang, where[lang])
            for lang in LANGUAGES
        },
        contrary={
            lang: compile_all(lexicon(lang).general.contrary, lang, where[lang])
            for lang in LANGUAGES
        },
    )


@functools.cache
def deception_cues() -> ValueDefinition:
    """The deceptions of every language (``[general] deceptions``: a cover story, a made-up
    excuse, a record signed off as done), as a pseudo-value whose contrary matches count
    against every value."""
    where = {lang: f"talentfit/data/values/{lang}.toml" for lang in LANGUAGES}
    return ValueDefinition(
        id=DECEPTION,
        names=dict.fromkeys(LANGUAGES, "deception"),
        descriptions=dict.fromkeys(LANGUAGES, ""),
        indicators={},
        contrary={
            lang: compile_all(lexicon(lang).general.deceptions, lang, where[lang])
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
                compiled[kind].append(compile_loose_phrase(str(phrase), lang))
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
    """The given values, then the other built-in values, the general cues (for backoff) and
    the deceptions (last)."""
    given = tuple(values)
    ids = {v.id for v in given}
    others = tuple(v for v in builtin_values().values() if v.id not in ids)
    return (*given, *others, general_cues(), deception_cues())


def value_alignment(
    text: str | Doc, lang: str, values: Sequence[ValueDefinition], *, model: bool = True
) -> list[ValueAlignment]:
    """One :class:`ValueAlignment` per value, in the order given, with quoted evidence.

    A value without evidence of its own gets the general evidence (see the module docstring)
    at half weight; ``alignment`` is None only when there is no evidence at all. ``model``:
    let the attitude model (:mod:`talentfit.value_model`) read answers without the value's
    own evidence and overrule a value's evidence of single words (docs/values.md, "The
    attitude model"); False leaves everything to the rules.
    """
    doc = text if isinstance(text, Doc) else analyse(text, lang, spoken=True)
    cues = read_cues(doc)
    pool = _pool(values)
    per_value: dict[int, list[Match[tuple[int, bool]]]] = {i: [] for i in range(len(pool))}
    contrary_tokens: set[int] = set()
    for match in _matcher(pool, lang).find(doc):
        per_value[match.payload[0]].append(match)
        if match.payload[1]:
            contrary_tokens.update(range(match.first, match.last + 1))
    cues = attrs.evolve(cues, contrary_tokens=frozenset(contrary_tokens))
    # a deception the candidate tells of counts against every value
    deceits = [m for m in per_value[len(pool) - 1] if candidate_acts(doc, m.first)]
    covers = [
        ValueEvidence(m.start, m.end, doc.text[m.start : m.end], "contrary")
        for m in cover_stories(doc)
    ]
    # a letdown ending the story: next to a value's own evidence directly, else in the backoff
    letdown = [
        ValueEvidence(m.start, m.end, doc.text[m.start : m.end], "contrary")
        for m in [
            *letdowns(doc, cues),
            *moved_on(doc, cues),
            *broken_commitments(doc, cues),
            *contradicted_claims(doc, cues),
            *concealed_flaws(doc, cues),
            *flaws_handed_over(doc, cues),
            *shelved_suggestions(doc, cues),
            *standards_skipped(doc, cues),
        ]
    ]
    general: list[ValueEvidence] | None = None
    read = _Reading(doc)  # the attitude model's reading, made once when first needed
    result: list[ValueAlignment] = []
    # what the values are about, read only where something is evaluated at all
    topics = _topic_matcher(lang).find(doc) if cues.evaluations or cues.praise else []
    for i, value in enumerate(values):
        evidence = _evidence(doc, [*per_value[i], *deceits], cues)
        topical = _topic_evidence(doc, value, topics, cues, evidence)
        if topical:
            evidence = sorted([*evidence, *topical], key=lambda e: (e.start, e.end))
        extra = [c for c in covers if not any(_spans_overlap(c, e) for e in evidence)]
        if evidence and letdown:
            # the letdown is the more specific reading of its words ("ben … naar huis gegaan")
            evidence = [e for e in evidence if not _positive_under(e, letdown)]
            extra += [c for c in letdown if not any(_spans_overlap(c, e) for e in evidence)]
        if extra:
            evidence = sorted([*evidence, *extra], key=lambda e: (e.start, e.end))
        if not evidence:
            if general is None:
                general = _general_evidence(doc, [m for ms in per_value.values() for m in ms], cues)
                general = [e for e in general if not _positive_under(e, letdown, sentence=False)]
                general += [
                    ValueEvidence(c.start, c.end, c.text, "general_contrary")
                    for c in letdown
                    if not any(
                        _spans_overlap(c, e) and e.signal == "general_contrary" for e in general
                    )  # a told act quoting the same sentence stays: the letdown outweighs it
                ]
                general.sort(key=lambda e: (e.start, e.end))
                general += _story_evidence(doc, general)
                if model:
                    general = _with_attitude(read, general)
            evidence = general
        elif model:
            evidence = _overruled(read, evidence)
        alignment = alignment_from_evidence(e.signal for e in evidence)
        result.append(ValueAlignment(value.id, alignment, tuple(evidence)))
    return result


class _Reading:
    """The attitude model's reading of one answer as evidence, made when first asked for."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @functools.cached_property
    def reading(self) -> AttitudeReading | None:
        return attitude(self.doc)

    def evidence(self) -> list[ValueEvidence]:
        """The sentence that weighs most, ``general_attitude`` or
        ``general_contrary_attitude``; empty when the model abstains."""
        reading = self.reading
        if reading is None:
            return []
        doc = self.doc
        start, end = doc.sentence_span(reading.sentence)
        signal = "general_attitude" if reading.score > 0 else "general_contrary_attitude"
        return [ValueEvidence(start, end, doc.text[start:end], signal)]


def _with_attitude(read: _Reading, general: list[ValueEvidence]) -> list[ValueEvidence]:
    """The backoff evidence with the attitude model's reading: where the rules found some,
    the model's confident reading takes its place, unless it holds a contrary reading (a
    letdown, a dismissive cue, a rigid tautology, another value's contrary belief: any
    negative signal but ``general_no_story``). Those rules read specific wordings; the model
    reads the answer as a whole, which serves the rest better (docs/values.md, "The
    attitude model")."""
    if not general or any(
        SIGNAL_WEIGHTS[e.signal] < 0 and e.signal != "general_no_story" for e in general
    ):
        return general  # no evidence at all stays none: the model only re-reads the rules'
    return read.evidence() or general


# readings of the rules the attitude model never overrules: a contrary belief or act (a
# letdown, a deception, a story against every value), one denied or given up, a hollow claim
_SPECIFIC = frozenset({"contrary", "negated_contrary", "hollow_self_description"})


def _overruled(read: _Reading, evidence: list[ValueEvidence]) -> list[ValueEvidence]:
    """A value's own evidence of single words (indicators, negated indicators,
    self-descriptions; none of :data:`_SPECIFIC`) that adds up to no more than one
    indicator's worth (alignment within ±0.5), or of any weight in an answer of
    ``LONG_ANSWER`` sentences or more, gives way to the attitude model when the model reads
    the whole answer strongly the other way (|score| >= ``OVERRULE``): a word of the value
    in an answer that goes against it ("I promised … Friday was busy, so I sent them the
    Tuesday after"), a long story that opens by claiming the value and then tells acts
    against it ("Quality matters a lot to me … I copied the descriptions without checking
    them"), or the reverse. The evidence is kept, with the signal ``overruled`` (no weight),
    beside the model's; the alignment is then the model's at indirect scale (±0.25)."""
    alignment = alignment_from_evidence(e.signal for e in evidence)
    if alignment is None:
        return evidence
    if abs(alignment) > 0.5 and len(read.doc.sentences) < LONG_ANSWER:
        return evidence
    if any(e.signal in _SPECIFIC for e in evidence):
        return evidence  # a contrary belief or act read, or one given up: the rules stand
    reading = read.reading
    if reading is None or abs(reading.score) < OVERRULE:
        return evidence
    if alignment and (reading.score > 0) == (alignment > 0):
        return evidence  # they agree (a tie, alignment 0, is the model's to break)
    kept = [attrs.evolve(e, signal="overruled") for e in evidence]
    return sorted([*kept, *read.evidence()], key=lambda e: (e.start, e.end))


@functools.cache
def _topic_matcher(lang: str) -> Matcher[str]:
    """The topics of all built-in values (custom values have none), tagged with their id."""
    return Matcher(
        (p, value.id) for value in builtin_values().values() for p in value.topics.get(lang, ())
    )


def _topic_evidence(
    doc: Doc,
    value: ValueDefinition,
    topics: Sequence[Match[str]],
    cues: Cues,
    evidence: Sequence[ValueEvidence],
) -> list[ValueEvidence]:
    """Evidence from the value's topics evaluated at the start of a sentence ("Precisie is in
    ons vak alles", "Deadlines are a formality"), where no other evidence covers them."""
    if value.custom:
        return []
    found: list[ValueEvidence] = []
    for m in topics:
        if m.payload != value.id:
            continue
        read = evaluated_topic(doc, m, cues)
        if read is None:
            continue
        signal, end = read
        e = ValueEvidence(m.start, end, doc.text[m.start : end], signal)
        if not any(_spans_overlap(e, x) for x in [*evidence, *found]):
            found.append(e)
    return found


def _positive_under(
    e: ValueEvidence, letdowns: Sequence[ValueEvidence], *, sentence: bool = True
) -> bool:
    """Whether ``e`` is positive evidence overlapping a letdown; with ``sentence`` False, a
    quoted whole told act (longer than the letdown and containing it) is kept."""
    if SIGNAL_WEIGHTS[e.signal] <= 0:
        return False
    for c in letdowns:
        if not _spans_overlap(c, e):
            continue
        if (
            not sentence
            and e.start <= c.start
            and c.end <= e.end
            and e.end - e.start > c.end - c.start
        ):
            continue
        return True
    return False


def _spans_overlap(a: ValueEvidence, b: ValueEvidence) -> bool:
    return a.start < b.end and b.start < a.end


def _general_evidence(
    doc: Doc, matches: Sequence[Match[tuple[int, bool]]], cues: Cues
) -> list[ValueEvidence]:
    """Backoff evidence, in order of preference: value lexicons and attitude cues (with the
    scoring engine's counter-indicators); else the scoring engine's behaviour and
    counter-indicator hits; else a concrete past action of the candidate (a story of what
    they did)."""
    selves = general_words(doc.lang, "self_words")
    found = [
        ValueEvidence(e.start, e.end, e.text, f"general_{e.signal}")
        for e in _evidence(doc, matches, cues)
        if e.signal != "indicator" or _candidate_in_sentence(doc, e.start, selves)
    ]
    found += [t for t in _tautologies(doc) if not _overlaps(doc, t, cues.hedged)]
    found += _hollow_claims(doc, cues, found)
    from .evidence import analyse_answer  # the scoring engine's analysis (lazy: import cycle)

    analysis = analyse_answer(doc.text, doc.lang)
    ignored = general_words(doc.lang, "engine_counters_ignored")
    if found:
        # the engine's counter-indicators (passing the customer on, blaming them, hiding
        # behind the process) still count when the value lexicons found something else
        found += [
            ValueEvidence(hit.start, hit.end, doc.text[hit.start : hit.end], "general_contrary")
            for hit in analysis.hits
            if hit.kind == "counter"
            and hit.signal.id not in ignored
            and not any(e.start < hit.end and hit.start < e.end for e in found)
        ]
        return sorted(found, key=lambda e: (e.start, e.end))
    for hit in analysis.hits:
        if hit.signal.id in ignored:
            continue
        kind = {"indicator": "general_indicator", "counter": "general_contrary"}.get(hit.kind)
        if kind == "general_contrary" and _counterfactual_before(doc, hit.start, cues):
            continue  # "I could easily have blamed the member before him": not done
        if kind == "general_indicator" and not _candidate_in_sentence(doc, hit.start, selves):
            continue  # "Een vader stelde voor …", "A bloke came in asking …": not the candidate
        if kind == "general_indicator" and _other_subject_at(doc, hit.start, hit.end):
            continue  # "A regular suggested we …": someone else's act in the candidate's story
        if kind is not None:
            found.append(ValueEvidence(hit.start, hit.end, doc.text[hit.start : hit.end], kind))
    if found:
        return found
    story = analysis.doc  # the engine's own segmentation of the same text (may differ)
    for sent, info in enumerate(analysis.sentences):
        first, last = story.sentences[sent]
        negated = _self_negated(story, first, last)
        subject = any(
            story.tokens[k].norm in general_words(doc.lang, "self_subjects")
            for k in range(first, last)
        )  # "An older lady in my class kept asking me …": "me"/"my" is no subject
        if (
            info.concrete
            and info.first_singular
            and info.first_past >= 0
            and not negated
            and subject
        ):
            start, end = story.sentence_span(sent)
            return [ValueEvidence(start, end, story.text[start:end], "general_indicator")]
    return _habit_evidence(doc)


COUNTERFACTUAL_REACH = 3  # tokens from "could have" to the act it says was not done


def _other_subject_at(doc: Doc, start: int, end: int) -> bool:
    """Whether the tokens at character offsets ``start..end`` stand in a clause whose
    subject is someone else (:func:`talentfit.value_reading.other_subject`)."""
    first, last = doc.tokens_within(start, end)
    return first <= last and other_subject(doc, first, last)


def _counterfactual_before(doc: Doc, start: int, cues: Cues) -> bool:
    """Whether a counterfactual ("could easily have", "had kunnen") ends at most three
    tokens before character offset ``start``, in its sentence: a road not taken."""
    k = doc.token_at(start)
    if k is None:
        return False
    return any(
        doc.tokens[c.last].sent == doc.tokens[k].sent and 0 <= k - c.last <= COUNTERFACTUAL_REACH
        for c in cues.counterfactuals
    )


def _candidate_in_sentence(doc: Doc, start: int, selves: frozenset[str]) -> bool:
    """Whether the sentence holding character offset ``start`` names the candidate (ik, me,
    we, I, my …): an engine indicator in a sentence without them is someone else's act."""
    k = bisect.bisect_right(doc.sentence_starts(), start) - 1
    if k >= 0:
        first, last = doc.sentences[k]
        if start < doc.tokens[last - 1].end:
            return any(t.norm in selves for t in doc.tokens[first:last])
    return True


def _self_negated(doc: Doc, first: int, last: int) -> bool:
    """Whether tokens ``first..last-1`` hold a negation cue, except one in a background
    clause without the candidate ("toen een meneer geen internet had, heb ik …", "when
    he couldn't log in, I …"): the setting of the story, not a denial of it; nor one in a
    clause opened by "dat"/"that" without the candidate ("ik heb gezegd dat dat hier niet
    getolereerd wordt"): what was said."""
    selves = general_words(doc.lang, "self_subjects")
    tokens = doc.tokens
    for k in range(first, last):
        if k not in doc.negation_cues:
            continue
        clause = [t for t in tokens[first:last] if t.clause == tokens[k].clause]
        background = clause[0].norm in general_words(doc.lang, "background_openers") and not any(
            t.norm in selves for t in clause
        )
        # "Ik heb gezegd dat dat hier niet getolereerd wordt": what was said, not a denial
        content = clause[0].norm in general_words(doc.lang, "complementisers") and not any(
            t.norm in selves for t in clause
        )
        if not background and not content:
            return True
    return False


def _story_evidence(doc: Doc, found: Sequence[ValueEvidence] = ()) -> list[ValueEvidence]:
    """Whether the answer tells what the candidate did: its first sentence with a first-person
    subject and a past-tense verb is ``general_story``; when the candidate speaks about
    themselves only in the present (views, habits, rules), their first such sentence is
    ``general_no_story``; without a first person at all, nothing, and nothing either for a
    story in which the scoring engine finds a counter-indicator (the candidate passed the
    customer on, hid behind a rule…): telling it is no credit. Nor does the signal ever
    overturn the lean of the other indirect evidence ``found``: a story gets no credit when
    that evidence adds up below zero ("… en ik heb opgehangen": a contrary act told as a
    story), and present-tense talk is no mark against when it adds up above zero ("I learn the
    regulars' names": a habit in the value's favour). Past behaviour is the best
    evidence of a value (seed 002); on answers without evidence of the value itself, whether
    a story is told at all agreed with the label more often than the other backoff did."""
    from .evidence import analyse_answer  # the scoring engine's analysis (lazy: import cycle)

    analysis = analyse_answer(doc.text, doc.lang)
    story = analysis.doc
    personal = [
        sent
        for sent, info in enumerate(analysis.sentences)
        if info.first_singular or info.first_plural
    ]
    subjects = general_words(
        doc.lang, "self_subjects"
    )  # "ik", "I", "we": "me"/"my" alone is no subject
    personal = [
        sent
        for sent in personal
        if any(story.tokens[k].norm in subjects for k in range(*story.sentences[sent]))
    ]
    if not personal:
        return []
    past = [sent for sent in personal if analysis.sentences[sent].first_past >= 0]
    if past and any(h.kind == "counter" for h in analysis.hits):
        return []  # "I told him that's finance and closed the ticket": a story, but no credit
    signal = "general_story" if past else "general_no_story"
    sent = past[0] if past else personal[0]
    if not past:
        habit = _lived_habit(doc, story, personal)
        if habit is not None:
            signal, sent = "general_habit", habit
    if SIGNAL_WEIGHTS[signal] * sum(SIGNAL_WEIGHTS[e.signal] for e in found) < 0:
        return []  # the story signal is a tie-breaker, never against the lexicons' reading
    start, end = story.sentence_span(sent)
    return [ValueEvidence(start, end, story.text[start:end], signal)]


@functools.cache
def _habit_matcher(lang: str) -> Matcher[str]:
    return tagged_matcher(lang, (("habit_costs", "cost"),))


def _lived_habit(doc: Doc, story: Doc, personal: Sequence[int]) -> int | None:
    """The first of the candidate's present-tense sentences ``personal`` (of the engine's
    segmentation ``story``) that tells a habit kept at a cost ("I match every knot …, even on
    the bits under the sofa", "ook als dat de prijs drukt") or said as their rule ("Ik kijk
    altijd wat bloemisten …", "I always ask …"), without a negation, a minimiser ("ik stuur
    ze gewoon terug") or a blocker (what they say or promise: "ik zeg altijd zes weken"; a
    brush-off; a contrast) in it: a belief lived, not the absence of a story. None when
    there is none."""
    costs = _habit_matcher(doc.lang).find(story)
    words = general_words(doc.lang, "habit_words")
    blockers = general_words(doc.lang, "minimisers") | general_words(doc.lang, "habit_blockers")
    conditions = general_words(doc.lang, "habit_conditions")
    condition_blockers = general_words(doc.lang, "habit_condition_blockers")
    selves = general_words(doc.lang, "self_subjects")
    merely = general_words(doc.lang, "not_merely")
    for sent in personal:
        first, last = story.sentences[sent]
        tokens = story.tokens[first:last]
        if any(
            (
                t.i in story.negation_cues
                and not _followed_by(story, t.i, merely)
                and not _others_clause(story, t.i, selves)
            )
            or t.norm in blockers
            or t.lemma in blockers
            for t in tokens
        ):
            continue  # "ik stuur ze gewoon terug", "ik zeg altijd zes weken"
        if any(t.norm in words for t in tokens) or any(first <= c.first < last for c in costs):
            return sent
        if any(t.norm in conditions for t in tokens) and not any(
            t.norm in condition_blockers for t in tokens
        ):
            return sent  # "als een kind overstuur is, ga ik er even bij zitten": a rule of theirs
    return None


def _others_clause(doc: Doc, k: int, selves: frozenset[str]) -> bool:
    """Whether token ``k`` stands in a clause without the candidate that opens with a
    subordinator or a relative ("ook als die zelf denkt dat het niks is", "who's standing by
    the fence not buying tickets"): someone else's matter, not a denial of the habit."""
    tokens = doc.tokens
    clause = [t for t in tokens if t.sent == tokens[k].sent and t.clause == tokens[k].clause]
    if any(t.norm in selves for t in clause):
        return False
    return clause[0].norm in general_words(doc.lang, "habit_subordinate_openers")


def _followed_by(doc: Doc, k: int, words: frozenset[str]) -> bool:
    """Whether token ``k + 1`` is one of ``words`` ("niet alleen", "not just": not merely)."""
    return k + 1 < len(doc.tokens) and doc.tokens[k + 1].norm in words


def _tautologies(doc: Doc) -> list[ValueEvidence]:
    """Rigid beliefs said as a tautology: "regels zijn regels", "betalen is betalen",
    "a deal is a deal", "a paper round's a paper round" — the same word on both sides of a
    copula (or of an English "'s"), with at most an article and one more word before the
    second."""
    found: list[ValueEvidence] = []
    tokens = doc.tokens
    copulas = general_words(doc.lang, "tautology_copulas")
    articles = general_words(doc.lang, "articles")
    not_subjects = general_words(doc.lang, "not_tautology_subjects")
    for tok in tokens:
        contracted = (
            doc.lang == "en"
            and tok.norm.endswith("'s")
            and tok.norm[:-2].isalpha()
            and tok.norm[:-2] not in not_subjects  # "it's worth it" is no tautology
        )
        if contracted:
            left = tok  # "round's": the word and its copula in one token
        elif tok.norm in copulas and tok.i > 0:
            left = tokens[tok.i - 1]
        else:
            continue
        reach = 3 if tok.i + 1 < len(tokens) and tokens[tok.i + 1].norm in articles else 2
        for right in tokens[tok.i + 1 : tok.i + 1 + reach]:
            if right.sent != tok.sent or not right.norm[:1].isalpha():
                break
            if right.lemma == left.lemma and len(left.norm) > 1 and left.sent == tok.sent:
                quote = doc.text[left.start : right.end]
                found.append(ValueEvidence(left.start, right.end, quote, "general_contrary"))
                break
    return found


def _overlaps(doc: Doc, evidence: ValueEvidence, tokens: frozenset[int]) -> bool:
    """Whether ``evidence`` covers any of ``tokens`` ("eerlijk is eerlijk" is a filler)."""
    return any(evidence.start <= doc.tokens[k].start < evidence.end for k in tokens)


def _habit_evidence(doc: Doc) -> list[ValueEvidence]:
    """A habit told with a minimiser, in the candidate's own voice ("ik stuur ze gewoon
    terug", "I just sell everyone …"): how they routinely brush a matter off."""
    minimisers = general_words(doc.lang, "minimisers")
    selves = general_words(doc.lang, "self_words")
    reasons = general_words(doc.lang, "minimiser_reasons")
    for first, last in doc.sentences:
        tokens = doc.tokens[first:last]
        if not any(t.norm in selves for t in tokens):
            continue
        for tok in tokens:
            if tok.norm in minimisers and not doc.is_negated(tok.i, tok.i):
                nxt = doc.tokens[tok.i + 1].norm if tok.i + 1 < len(doc.tokens) else ""
                if nxt in reasons:
                    continue  # "gewoon omdat ik het wil snappen": a reason, not a brush-off
                return [ValueEvidence(tok.start, tok.end, tok.surface, "general_contrary")]
    return []


def _hollow_claims(doc: Doc, cues: Cues, found: Sequence[ValueEvidence]) -> list[ValueEvidence]:
    """Self-descriptions followed by a contrast ("ik ben echt iemand op wie je kunt bouwen,
    hoor. Maar ja, …"), unless their sentence is already quoted as a hollow claim: a weak
    clash for any value."""
    hollow = [e for e in found if e.signal == "general_hollow_self_description"]
    result: list[ValueEvidence] = []
    for claim in cues.claims:
        start, end = doc.sentence_span(doc.tokens[claim.first].sent)
        if any(start <= e.start < end for e in hollow):
            continue  # already quoted through the value word it claims
        if cues.contrasted(doc, claim.last):
            quote = doc.text[claim.start : claim.end]
            result.append(
                ValueEvidence(claim.start, claim.end, quote, "general_hollow_self_description")
            )
    return result


def _evidence(
    doc: Doc, matches: Sequence[Match[tuple[int, bool]]], cues: Cues
) -> list[ValueEvidence]:
    evidence: list[ValueEvidence] = []
    for match in non_overlapping(
        [m for m in matches if not cues.hedged.intersection(range(m.first, m.last + 1))]
    ):
        signal = read_signal(doc, match, cues)
        if signal is not None:
            quote = doc.text[match.start : match.end]
            evidence.append(ValueEvidence(match.start, match.end, quote, signal))
    return evidence
