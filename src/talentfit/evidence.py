"""The evidence engine: reads behaviour, not buzzwords.

For one answer it finds the lexicon's signals, resolves negation ("ik heb hem níet
doorverbonden" is no transfer), tells concrete past situations from hypothetical, habitual
and self-descriptive talk, and counts the parts of a STAR story: own actions, the
customer's perspective, results and what goes beyond (prevention, verification,
follow-up, lasting change). :mod:`talentfit.scoring` turns these features into levels.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from .lexicon import CompiledSignal, Signal, compile_signals, signal_matcher
from .patterns import Matcher
from .rubric import Rubric
from .text import Doc, Token, _negation_cues, analyse, language_data

__all__ = ["Analysis", "Hit", "SentenceInfo", "analyse_answer", "rubric_matcher"]

# kinds whose matches describe behaviour only in a concrete (past) sentence
_BEHAVIOUR = frozenset({"indicator", "perspective", "result"})
_MODES = frozenset({"hypothetical", "habitual", "counterfactual", "claim", "buzzword", "situation"})
_TALK = frozenset({"hypothetical", "habitual", "claim", "buzzword"})
# an indicator counts fully when the candidate is the actor of the sentence
_ACTOR_WEIGHT = {"singular": 1.0, "plural": 0.7, "none": 0.4}
_OUTCOME_WINDOW = 6  # an outcome's subject stands among the first tokens of a late sentence


@attrs.define(slots=True)
class Hit:
    """A signal found in the answer, after negation and sentence mode are resolved."""

    signal: Signal
    kind: str  # effective kind: a negated counter may become an indicator and vice versa
    competencies: tuple[str, ...]
    start: int
    end: int
    sent: int
    weight: float
    negated: bool = False

    @property
    def label(self) -> str:
        return f"{self.signal.id} (negated)" if self.negated else self.signal.id


@attrs.define(slots=True)
class SentenceInfo:
    """What kind of talk a sentence is."""

    past: bool = False
    first_singular: bool = False
    first_plural: bool = False
    plural_subject: bool = False  # "we" as the subject, not "us" or "our"
    modes: set[str] = attrs.field(factory=set)
    concrete: bool = False
    first_past: int = -1  # token index of the first past-tense verb
    first_hypothetical: int = -1  # token index of the first hypothetical marker


@attrs.define(slots=True)
class Analysis:
    """Signals and sentence information of one answer."""

    doc: Doc
    sentences: list[SentenceInfo]
    hits: list[Hit]
    words: int

    @property
    def story_sentences(self) -> int:
        return sum(1 for s in self.sentences if s.concrete)

    @property
    def own_action_sentences(self) -> int:
        return sum(1 for s in self.sentences if s.concrete and s.first_singular)

    @property
    def we_sentences(self) -> int:
        return sum(
            1 for s in self.sentences if s.concrete and s.first_plural and not s.first_singular
        )

    def most_verbs_in_own_sentence(self) -> int:
        """The most past verb forms in one of the candidate's own concrete sentences: "I
        moved us to the quiet corner, wrote the details down and printed everything" has
        three. A long sentence of own actions tells as much as two short ones."""
        doc, lang = self.doc, self.doc.lang
        past_forms = _grammar_sets(lang)[0]
        return max(
            (
                sum(
                    1
                    for tok in doc.tokens[first:last]
                    if _is_past_token(tok, lang, past_forms) or _is_participle(tok, lang)
                )
                for (first, last), info in zip(doc.sentences, self.sentences, strict=True)
                if info.concrete and info.first_singular
            ),
            default=0,
        )

    @property
    def we_subject_sentences(self) -> int:
        """Concrete sentences told with "we" as the subject and no "I"."""
        return sum(
            1 for s in self.sentences if s.concrete and s.plural_subject and not s.first_singular
        )


@functools.cache
def _grammar_sets(lang: str) -> tuple[frozenset[str], ...]:
    g = language_data(lang).grammar
    return (
        frozenset(g.past_forms),
        frozenset(g.perfect_auxiliaries),
        frozenset(g.first_singular),
        frozenset(g.first_plural),
    )


@functools.cache
def _grammar_affixes(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = language_data(lang)
    g = data.grammar
    # a participle starts with ge-/be-/ver-… or with a particle before them (teruggebeld)
    prefixes = tuple(g.participle_prefixes) + tuple(
        p + q for p in data.particles for q in g.participle_prefixes
    )
    return tuple(g.past_suffixes), prefixes


def _is_past_token(tok: Token, lang: str, past_forms: frozenset[str]) -> bool:
    norm = tok.norm
    if norm in past_forms:
        return True
    suffixes, _ = _grammar_affixes(lang)
    if lang == "en":
        return norm.endswith(suffixes) and tok.lemma != norm and len(norm) > 3
    # Dutch weak past tense: belde, werkte, belden (lemma bellen, werken)
    return (
        norm.endswith(suffixes)
        and tok.lemma != norm
        and tok.lemma.endswith("en")
        and len(norm) > 3
        and not norm.endswith(("ende", "nde"))
    )


def _is_participle(tok: Token, lang: str) -> bool:
    norm = tok.norm
    if lang == "en":
        # regular (-ed), strong (-en, -t) and irregular past forms ("been told", "got sent")
        return tok.lemma != norm and (
            norm.endswith(("ed", "en", "t")) or norm in _grammar_sets(lang)[0]
        )
    _, prefixes = _grammar_affixes(lang)
    if not norm.endswith(("d", "t", "n")) or not norm.startswith(prefixes) or len(norm) < 5:
        return False
    if len(norm) == 5 and tok.lemma == norm:
        return False  # "gezet", "gehad" are participles; "geven" is not
    if norm in _grammar_words(lang, "non_participles"):
        return False  # "zo ben ik gewoon": an adverb, not a perfect tense
    # ge-participles are recognisable by form (gedaan, teruggebeld); others need a lemma
    return "ge" in norm[:-3] or tok.lemma != norm


@functools.cache
def _grammar_words(lang: str, field: str) -> frozenset[str]:
    """A word list of the language's ``[grammar]`` data, as a set."""
    return frozenset(getattr(language_data(lang).grammar, field))


@functools.cache
def _passive_words(lang: str) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    g = language_data(lang).grammar
    return frozenset(g.passive_auxiliaries), tuple(tuple(a.split()) for a in g.passive_agents)


@functools.cache
def _concessives(lang: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(c.split()) for c in language_data(lang).grammar.concessives)


_CONCESSIVE_WINDOW = 8  # tokens between a concessive cue and the counter-indicator it governs


def _is_conceded(doc: Doc, first: int) -> bool:
    """Whether token ``first`` stands in a concessive clause ("even if it wasn't my fault").

    The cue ends in the same clause as ``first``, at most ``_CONCESSIVE_WINDOW`` tokens
    before it.
    """
    tokens = doc.tokens
    clause = tokens[first].clause
    norms = doc.norms
    for cue in _concessives(doc.lang):
        n = len(cue)
        for end in range(first - 1, max(-1, first - 1 - _CONCESSIVE_WINDOW), -1):
            start = end - n + 1
            if start < 0 or tokens[end].clause != clause:
                break
            if tuple(norms[start : end + 1]) == cue:
                return True
    return False


_CONTRAST_WINDOW = 10  # tokens from the contrast word to the candidate who acts after it


def _is_overridden(doc: Doc, last: int) -> bool:
    """Whether a contrast after token ``last`` hands the sentence to the candidate acting.

    "Dat gaat normaal via declaraties, maar … ik heb het zelf geregeld", "not my department,
    but I called them myself": the counter-indicator is the road the candidate did not take.
    """
    tokens = doc.tokens
    sent = tokens[last].sent
    contrasts = _grammar_words(doc.lang, "contrasts")
    singular = _grammar_sets(doc.lang)[2]
    n = len(tokens)
    # the contrast may open the next sentence of a transcript split before it ("| maar …")
    end = doc.sentences[sent][1] + 1
    for k in range(last + 1, min(n, end)):
        if tokens[k].norm in contrasts:
            for j in range(k + 1, min(n, k + 1 + _CONTRAST_WINDOW)):
                if tokens[j].norm in singular:
                    return True
                # the next sentence may carry on the contrast: "… maar die had al gebeld | dus
                # ik heb het geregeld" (a transcript split at "dus")
                if tokens[j].sent != tokens[k].sent and j - doc.sentences[tokens[j].sent][0] >= 2:
                    return False
            # a longer contrast may give the reason, and the candidate acts in the next
            # sentence: "Normaal verwijzen we door, maar hij was al twee keer doorgestuurd.
            # Ik heb zelf gebeld."
            if sent + 1 < len(doc.sentences):
                first, stop = doc.sentences[sent + 1]
                return any(t.norm in singular for t in tokens[first : min(stop, first + 2)])
            return False
    return False


def _states_norm(doc: Doc, first: int) -> bool:
    """Whether the counter-indicator at token ``first`` is what is normally done, not a deed:
    a norm word ("normaal", "usually", "officially") before it in its sentence ("Normaal
    verwijzen we dan naar de netbeheerder")."""
    sent = doc.tokens[first].sent
    start = doc.sentences[sent][0]
    norms = _grammar_words(doc.lang, "norm_words")
    return any(doc.norms[k] in norms for k in range(start, first))


_REPORT_WINDOW = 8  # tokens between a reporting verb and the habit word it reports


def _is_reported(doc: Doc, first: int) -> bool:
    """Whether token ``first`` follows a past-tense reporting verb in its sentence.

    "Ik zei dat ze altijd mocht bellen", "I told her she could always call": the habit word
    belongs to what was said, in a past story.
    """
    tokens = doc.tokens
    verbs = _grammar_words(doc.lang, "reporting_verbs")
    past_forms = _grammar_sets(doc.lang)[0]
    sent = tokens[first].sent
    for k in range(first - 1, max(-1, first - 1 - _REPORT_WINDOW), -1):
        tok = tokens[k]
        if tok.sent != sent:
            break
        if tok.lemma in verbs and (
            _is_past_token(tok, doc.lang, past_forms) or _is_participle(tok, doc.lang)
        ):
            return True  # "ik zei dat", "ik heb voorgesteld dat"
    return False


_PASSIVE_REACH = 8  # tokens from an auxiliary to a phrase that its clause-final participle ends


def _someone_else_acts(doc: Doc, first: int, last: int, *, pronouns: bool = True) -> bool:
    """Whether the clause of tokens ``first..last`` has someone else as its subject: a
    person such as "my colleague", "de monteur" (or, with ``pronouns``, a third-person
    pronoun) before the match, and no "I"/"we" up to its end ("my colleague had transferred
    her"; but "my colleague and I called her back"). A counter-indicator after "they" is
    still read as the candidate's: "They should've read the rules" is their stance."""
    tokens = doc.tokens
    clause, sent = tokens[first].clause, tokens[first].sent
    start = first
    while start > 0 and tokens[start - 1].clause == clause and tokens[start - 1].sent == sent:
        start -= 1
    selves = _grammar_words(doc.lang, "self_subjects")
    if any(t.norm in selves for t in tokens[start : last + 1]):
        return False
    others = _grammar_words(doc.lang, "other_subject_pronouns") if pronouns else frozenset()
    parties = _grammar_words(doc.lang, "third_parties")
    return any(t.norm in others or t.lemma in parties for t in tokens[start:first])


def _had_contraction(doc: Doc, first: int, last: int) -> bool:
    """Whether a one-word match is "we'd"/"I'd" meaning "had": a participle follows
    ("we'd moved", "I'd told him"), not an infinitive ("I'd call")."""
    tokens = doc.tokens
    if first != last or last + 1 >= len(tokens) or tokens[last + 1].sent != tokens[last].sent:
        return False
    if tokens[first].norm not in _grammar_words(doc.lang, "had_contractions"):
        return False
    nxt = tokens[last + 1]
    g = language_data(doc.lang).grammar
    return (
        nxt.norm in _grammar_words(doc.lang, "irregular_participles")
        or nxt.norm in _grammar_sets(doc.lang)[0]
        or (nxt.norm.endswith(tuple(g.past_suffixes)) and nxt.lemma != nxt.norm)
    )


def _others_habit(doc: Doc, first: int) -> bool:
    """Whether the nearest subject before a habit word, in its sentence, is someone else
    ("she always replied by email", "mijn collega belt altijd"), not the candidate."""
    tokens = doc.tokens
    sent = tokens[first].sent
    selves = _grammar_words(doc.lang, "self_subjects")
    others = _grammar_words(doc.lang, "other_subject_pronouns")
    parties = _grammar_words(doc.lang, "third_parties")
    k = first - 1
    while k >= 0 and tokens[k].sent == sent:
        tok = tokens[k]
        if tok.norm in selves:
            return False
        if tok.norm in others or tok.lemma in parties:
            return True
        k -= 1
    return False


def _is_passive(doc: Doc, first: int, last: int) -> bool:
    """Whether tokens ``first..last`` are a participle in the passive, without "by me".

    The auxiliary stands before the participle in its clause ("was al twee keer
    doorverbonden") or, in a Dutch subordinate clause, just after it ("die drie keer
    doorverbonden was"); a Dutch participle may also end the phrase that matched ("van de
    ene naar de andere afdeling gestuurd").
    """
    tokens = doc.tokens
    verb = tokens[first]
    auxiliaries, agents = _passive_words(doc.lang)
    clause = tokens[first].clause
    if verb.lemma == verb.norm or not _is_participle(verb, doc.lang):
        # a Dutch clause ends in its participle: "hij was van de ene naar de andere
        # afdeling gestuurd" (the match is the phrase before the verb)
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        if (
            after is None
            or after.clause != clause
            or after.lemma == after.norm
            or not _is_participle(after, doc.lang)
            or not any(
                tokens[k].norm in auxiliaries and tokens[k].clause == clause
                for k in range(max(0, first - _PASSIVE_REACH), first)
            )
        ):
            return False  # not a verb form ("gewoon de procedure")
    else:
        near = [
            *range(max(0, first - _PASSIVE_REACH), first),
            *range(last + 1, min(len(tokens), last + 2)),
        ]
        if not any(tokens[k].norm in auxiliaries and tokens[k].clause == clause for k in near):
            return False
    # the agent stands anywhere in the clause: "werd door mij doorverbonden", "by me"
    window = (*tokens[max(0, first - 4) : first], *tokens[last + 1 : last + 6])
    words = tuple(t.norm for t in window if t.clause == clause)
    return not any(words[k : k + len(a)] == a for a in agents for k in range(len(words)))


def _sentence_infos(doc: Doc) -> list[SentenceInfo]:
    lang = doc.lang
    past_forms, auxiliaries, singular, plural = _grammar_sets(lang)
    ipp = _grammar_words(lang, "ipp_verbs")
    plural_subjects = _grammar_words(lang, "plural_subjects")
    present_passive = _grammar_words(lang, "present_passive_auxiliaries")
    negations = _negation_cues(lang).single
    infos: list[SentenceInfo] = []
    for first, last in doc.sentences:
        info = SentenceInfo()
        has_aux = False
        previous = before = ""
        for tok in doc.tokens[first:last]:
            norm = tok.norm
            if norm in singular:
                info.first_singular = True
            elif norm in plural:
                info.first_plural = True
                if norm in plural_subjects:
                    info.plural_subject = True
            if not info.past:
                if previous in present_passive or (
                    previous in negations and before in present_passive
                ):
                    # "it gets sorted", "het wordt opgelost", "I'm not paid to": present, not
                    # a past event
                    pass
                elif _is_past_token(tok, lang, past_forms) or (
                    has_aux and (_is_participle(tok, lang) or norm in ipp)
                ):
                    info.past = True
                    info.first_past = tok.i
                elif norm in auxiliaries:
                    has_aux = True
            previous, before = norm, previous
        infos.append(info)
    return infos


def _custom_signals(rubric: Rubric, lang: str) -> list[Signal]:
    from .lexicon import Examples

    signals: list[Signal] = []
    for comp in rubric.competencies:
        for kind, table in (("indicator", comp.indicators), ("counter", comp.counter)):
            patterns = table.get(lang, [])
            if patterns:
                signals.append(
                    Signal(
                        id=f"{comp.id}.rubric_{kind}",
                        kind=kind,
                        patterns=list(patterns),
                        examples=Examples([], []),
                        competencies=[comp.id],
                        negated="counter" if kind == "indicator" else "indicator",
                    )
                )
    return signals


_rubric_matchers: dict[tuple[str, str, str], Matcher[CompiledSignal] | None] = {}


def rubric_matcher(rubric: Rubric, lang: str) -> Matcher[CompiledSignal] | None:
    """The compiled patterns a rubric adds itself (None when it adds none)."""
    key = (rubric.id, rubric.content_hash, lang)
    if key not in _rubric_matchers:
        signals = _custom_signals(rubric, lang)
        _rubric_matchers[key] = compile_signals(signals, lang) if signals else None
    return _rubric_matchers[key]


def _analyse_answer(
    text: str, lang: str, *, extra: Matcher[CompiledSignal] | None = None
) -> Analysis:
    """Find every signal in ``text`` and classify its sentences."""
    doc = analyse(text, lang, spoken=True)
    sentences = _sentence_infos(doc)
    matches = signal_matcher(lang).find(doc)
    if extra is not None:
        matches = sorted([*matches, *extra.find(doc)], key=lambda m: (m.start, m.end))
    # first pass: sentence modes
    for m in matches:
        kind = m.payload.signal.kind
        if kind in _MODES:
            if kind == "habitual" and _is_reported(doc, m.first):
                continue  # "ik zei dat ze altijd mocht bellen": what was said, not a habit
            if kind == "habitual" and _others_habit(doc, m.first):
                continue  # "I noticed she always replied by email": her habit, not theirs
            if kind == "hypothetical" and _had_contraction(doc, m.first, m.last):
                continue  # "the people we'd moved": had, not would
            info = sentences[doc.tokens[m.first].sent]
            info.modes.add(kind)
            if kind == "hypothetical" and info.first_hypothetical < 0:
                info.first_hypothetical = m.first
    situation = any("situation" in s.modes for s in sentences)
    past_count = sum(1 for s in sentences if s.past)
    conditionals = _grammar_words(lang, "conditionals")
    for s, (first, _) in zip(sentences, doc.sentences, strict=True):
        if (
            "hypothetical" in s.modes
            and 0 <= s.first_past < s.first_hypothetical
            and doc.tokens[first].norm not in conditionals
        ):
            # future in the past: "I told him I'd call back" (but "if they wanted it, I'd do
            # it" stays hypothetical)
            s.modes.discard("hypothetical")
        if s.modes & _TALK:
            continue  # intentions, habits and self-description are not a story
        if s.past:
            s.concrete = True
        elif situation and s.first_singular and past_count <= 1:
            # a story told in the present tense ("Er komt een man binnen, ik vraag …")
            s.concrete = True
    late = [i for i, s in enumerate(sentences) if s.concrete and i > 0][-3:]
    story_start = next((i for i, s in enumerate(sentences) if s.concrete), len(sentences))

    def _present_result(kind: str, info: SentenceInfo, sent: int) -> bool:
        # how things stand now, after a told story: "Inmiddels zijn er geen klachten meer",
        # "it's in the script now" (not a habit, intention or claim)
        return kind == "result" and not info.modes and sent > story_start

    hits: list[Hit] = []
    seen: set[tuple[str, int]] = set()
    # sentences with a counter-indicator ("He should have checked the confirmation anyway"):
    # a customer as their subject is blamed, not how the story ended for them
    blamed = {doc.tokens[m.first].sent for m in matches if m.payload.signal.kind == "counter"}
    for m in matches:
        signal = m.payload.signal
        key = (signal.id, m.first)
        if key in seen:
            continue
        seen.add(key)
        first_tok = doc.tokens[m.first]
        sent = first_tok.sent
        info = sentences[sent]
        kind = signal.kind
        weight = signal.weight
        negated = False
        if kind == "outcome_subject":
            sent_first = doc.sentences[sent][0]
            if (
                sent not in late
                or sent in blamed
                or m.first - sent_first >= _OUTCOME_WINDOW
                or _starts_with_self(doc, sent_first, m.first)
                or (
                    m.first > 0
                    and doc.norms[m.first - 1] in _grammar_words(doc.lang, "subordinators")
                )
            ):
                continue  # "when he pointed it out, …": background, not how it ended
            kind = "result"  # "Ze kwam een week later terug": how it ended for the customer
            last = m.last
            while (
                last + 1 < len(doc.tokens)
                and doc.tokens[last + 1].clause == first_tok.clause
                and doc.tokens[last + 1].sent == sent
            ):
                last += 1
            neutral = _grammar_words(doc.lang, "neutral_endings")
            if last > m.last and all(doc.norms[k] in neutral for k in range(m.last + 1, last + 1)):
                continue  # "He took it and left", "Ze betaalde en ging naar huis": no outcome
            hits.append(
                Hit(
                    signal,
                    kind,
                    tuple(signal.competencies),
                    m.start,
                    doc.tokens[last].end,
                    sent,
                    weight,
                )
            )
            continue
        elif kind == "counter" and _is_passive(doc, m.first, m.last):
            continue  # "a customer who had been transferred three times": done to them, not by me
        elif kind == "counter" and _someone_else_acts(doc, m.first, m.last, pronouns=False):
            continue  # "my colleague had transferred her": not the candidate's act
        elif kind not in _MODES and doc.is_negated(
            m.first, m.last, inside=not m.pattern.has_negation
        ):
            negated = True
            if signal.negated == "ignore":
                continue
            kind = signal.negated
        if kind == "counter":
            if "counterfactual" in info.modes and not negated:
                continue  # "I could have just transferred her": the road not taken
            if _is_conceded(doc, m.first):
                continue  # "I apologise, even if it wasn't my fault": granted, not a stance
            if (signal.overridable or _states_norm(doc, m.first)) and _is_overridden(doc, m.last):
                continue  # "not my department, but I called them myself": the road not taken
            if first_tok.quoted and not info.first_singular:
                continue  # the customer's words ("his 'dumb questions'"), not the candidate's
        if kind in _BEHAVIOUR and not info.concrete and not _present_result(kind, info, sent):
            kind = "claim"  # intentions and habits are not behaviour
        if (
            kind == "counter"
            and negated
            and _someone_else_acts(doc, m.first, m.last, pronouns=False)
        ):
            continue  # "my colleague didn't call her back": not the candidate's failing
        if kind == "indicator":
            actor = "singular" if info.first_singular else "plural" if info.first_plural else "none"
            if actor != "none" and _someone_else_acts(doc, m.first, m.last):
                actor = "none"  # "my colleague called her back": not the candidate's act
            weight *= _ACTOR_WEIGHT[actor]
        hits.append(
            Hit(signal, kind, tuple(signal.competencies), m.start, m.end, sent, weight, negated)
        )
    words = sum(1 for t in doc.tokens if t.norm[:1].isalpha())
    return Analysis(doc, sentences, _drop_nested(hits), words)


def analyse_answer(
    text: str, lang: str, *, extra: Matcher[CompiledSignal] | None = None
) -> Analysis:
    """Find every signal in ``text`` and classify its sentences (read-only result)."""
    if extra is None:
        return _cached_analysis(text, lang)
    return _analyse_answer(text, lang, extra=extra)


@functools.lru_cache(maxsize=32)
def _cached_analysis(text: str, lang: str) -> Analysis:
    return _analyse_answer(text, lang)


def _starts_with_self(doc: Doc, first: int, until: int) -> bool:
    """Whether the candidate (ik/I) speaks before token ``until`` in the sentence."""
    singular = _grammar_sets(doc.lang)[2]
    return any(t.norm in singular for t in doc.tokens[first:until])


def _drop_nested(hits: Iterable[Hit]) -> list[Hit]:
    """Keep one hit per signal where its matches overlap (the longest)."""
    ordered = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    last_end: dict[str, int] = {}
    for hit in ordered:
        if last_end.get(hit.signal.id, -1) > hit.start:
            continue
        kept.append(hit)
        last_end[hit.signal.id] = hit.end
    kept.sort(key=lambda h: (h.start, h.end))
    return kept
