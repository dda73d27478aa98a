"""From evidence to behaviourally anchored levels (1–5) and continuous scores.

The generic anchors of the rubric decide the level:

1. counter-indicative or empty; 2. generic claims without a real example;
3. a thin real example; 4. a solid example (own actions, the customer's perspective,
a result); 5. as 4, plus something beyond (prevention, verification, follow-up,
lasting change). ``score`` ranks answers within a level: ``round(score) == level``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import simplemma

from .errors import InputError, LanguageError, TalentfitError
from .evidence import Analysis, Hit, analyse_answer, rubric_matcher
from .models import Answer, AnswerResult, CompetencyScore, Evidence, RecordError
from .rationale import RationaleTexts, rationale_texts
from .records import identifier
from .rubric import Competency, Rubric, load_rubric
from .text import LANGUAGES, detect_language, token_language_counts

__all__ = [
    "Features",
    "competency_features",
    "normalise_language",
    "score_answer",
    "score_answers",
]

_ANSWER_FIELDS = frozenset(f.name for f in attrs.fields(Answer))
_MIN_WORDS = 12


@attrs.frozen
class Features:
    """What the evidence says about one competency in one answer."""

    indicators: float
    counters: float
    general_counters: float
    claims: float
    perspective: float
    results: float
    beyond: float
    story: int
    own: int
    we: int
    general_indicators: float = 0.0  # indicators of other competencies
    # concrete sentences told with "we" as the subject ("we sent the wrong invitations");
    # "they ordered from us" is about the customer, not the candidate's team acting
    we_told: int = 0
    # the candidate's one own sentence holds several actions ("I asked him …, talked him
    # through each step and showed him the back in the mirror")
    own_rich: bool = False

    @property
    def has_specific_evidence(self) -> bool:
        return self.indicators > 0 or self.counters > 0


class _Capped:
    """A sum of hit weights in which each signal counts at most ``per_signal`` times."""

    __slots__ = ("counts", "per_signal", "total")

    def __init__(self, per_signal: int = 2) -> None:
        self.counts: dict[str, int] = {}
        self.per_signal = per_signal
        self.total = 0.0

    def add(self, hit: Hit) -> None:
        n = self.counts.get(hit.signal.id, 0)
        if n < self.per_signal:
            self.counts[hit.signal.id] = n + 1
            self.total += hit.weight


def competency_features(
    analysis: Analysis, competencies: Iterable[Competency]
) -> dict[str, Features]:
    """The evidence relevant to each competency, in one pass over the hits per competency."""
    generic = {kind: _Capped() for kind in ("perspective", "result", "beyond", "claim")}
    for hit in analysis.hits:
        kind = "claim" if hit.kind == "buzzword" else hit.kind
        if kind in generic:
            generic[kind].add(hit)
    story, own, we = analysis.story_sentences, analysis.own_action_sentences, analysis.we_sentences
    we_told = analysis.we_subject_sentences
    own_rich = own == 1 and analysis.most_verbs_in_own_sentence() >= _RICH_SENTENCE_VERBS
    comps = tuple(competencies)
    spec = tuple(frozenset((comp.id, *comp.families)) for comp in comps)
    indicators = [_Capped() for _ in comps]
    counters = [_Capped() for _ in comps]
    general = [_Capped() for _ in comps]
    others = [_Capped() for _ in comps]
    for hit in analysis.hits:
        if hit.kind in ("indicator", "beyond"):
            # beyond signals speak for the competencies they define (feedback is improvement)
            relevant = _relevant_to(hit.competencies, spec)
            for k in range(len(comps)):
                (indicators if k in relevant else others)[k].add(hit)
        elif hit.kind == "counter":
            relevant = _relevant_to(hit.competencies, spec)
            for k in range(len(comps)):
                (counters if k in relevant else general)[k].add(hit)
    return {
        comp.id: Features(
            indicators=indicators[k].total,
            counters=counters[k].total,
            general_counters=general[k].total,
            claims=generic["claim"].total,
            perspective=generic["perspective"].total,
            results=generic["result"].total,
            beyond=generic["beyond"].total,
            story=story,
            own=own,
            we=we,
            general_indicators=others[k].total,
            we_told=we_told,
            own_rich=own_rich,
        )
        for k, comp in enumerate(comps)
    }


@functools.lru_cache(maxsize=4096)
def _relevant_to(
    signal_competencies: tuple[str, ...], spec: tuple[frozenset[str], ...]
) -> frozenset[int]:
    """Positions of the competencies a signal counts for (its own id or a family it uses).

    ``spec`` holds, per competency, its id and the lexicon families it uses.
    """
    return frozenset(k for k, names in enumerate(spec) if not names.isdisjoint(signal_competencies))


# In an answer to a question that targets the competency, behaviour the lexicons file under
# another competency ("I called the conductor myself" answering an initiative question)
# still shows what the candidate did about it: it counts at this weight, up to 1.0, toward
# the competency evidence a solid example needs. Measured on four fresh-sector batches
# before their fixes: en QWK 0.56 -> 0.69, nl unchanged; dev nl QWK 0.94 -> 0.97.
_OTHER_EVIDENCE = 0.5
# Past verb forms in the candidate's one own-action sentence from which it counts as two
# (with the customer's perspective and a result). Measured on the fresh batches and the
# development answers: from four, four labelled answers reach their level and one hand case
# labelled 3 moves to 4; no development answer moves. From three, dev answer d008 (rated 3)
# would move too.
_RICH_SENTENCE_VERBS = 4


def _level(f: Features, targeted: bool, texts: RationaleTexts) -> tuple[int, float, list[str]]:
    """The anchored level, the position within it (0..1) and the reasons (in ``texts``)."""
    counters = f.counters + 0.4 * f.general_counters
    reasons: list[str] = []
    say = texts.text
    # a story: at least two concrete sentences with the candidate (or their team) acting
    if f.story < 2 or not (f.own or f.we):
        if counters >= 1.0 and counters >= 0.5 * (f.indicators + f.claims):
            reasons.append(say("counter_no_example"))
            return 1, max(0.0, 1 - counters / 4), reasons
        if (
            f.story >= 1
            and f.own >= 1
            and (f.indicators >= 1 or (targeted and f.general_indicators >= 1))
        ):
            reasons.append(say("thin_example"))
            return 3, min(1.0, f.indicators / 4), reasons
        if f.claims > 0 or f.indicators > 0 or f.perspective > 0:
            reasons.append(say("claims_only"))
            return 2, min(1.0, (f.claims + f.indicators) / 6), reasons
        reasons.append(say("nothing_relevant"))
        return 1, 0.5, reasons
    positive = f.indicators + 0.5 * f.perspective + 0.5 * f.results + 0.5 * f.beyond
    if counters >= 1.0 and counters >= 0.8 * positive:
        reasons.append(say("counter_example"))
        return 1, max(0.0, 1 - (counters - positive) / 4), reasons
    support = f.indicators + f.perspective
    if targeted:
        support += _OTHER_EVIDENCE * min(f.general_indicators, 2.0)
    # one long sentence of own actions counts as two when the customer's perspective and a
    # result are told as well (a thin "I apologised, looked at it and booked it in" stays 3)
    own_enough = f.own >= 2 or (f.own >= 1 and f.we >= 1)
    own_enough = own_enough or (f.own_rich and f.perspective > 0)
    solid = own_enough and f.results > 0 and support >= 1.5
    if not targeted:
        solid = solid and f.indicators >= 1.5
    exemplary = solid and f.beyond >= 1.0
    level = 5 if exemplary else 4 if solid else 3
    reasons.append(say("concrete_example"))
    if f.own:
        reasons.append(say("own_actions", count=f.own))
    if f.perspective:
        reasons.append(say("perspective"))
    if f.results:
        reasons.append(say("result"))
    if f.beyond:
        reasons.append(say("beyond"))
    if level == 3:
        missing = [
            say(key)
            for key, ok in (
                ("missing_own", f.own >= 2),
                ("missing_result", f.results > 0),
                ("missing_perspective", support >= 1.5),
                # a competency the question did not target needs evidence of its own
                ("missing_competency", targeted or f.indicators >= 1.5),
            )
            if not ok
        ]
        if missing:
            reasons.append(say("missing", items=texts.list_separator.join(missing)))
    if counters >= 1.0 and level > 2:
        level -= 1
        reasons.append(say("lowered"))
    if f.we_told > f.own and f.own < 2 and level > 3:
        level = 3
        reasons.append(say("capped_we"))
    richness = (
        0.3 * min(f.indicators, 4)
        + 0.15 * min(f.perspective, 3)
        + 0.15 * min(f.results, 3)
        + 0.25 * min(f.beyond, 3)
        + 0.05 * min(f.own, 6)
        - 0.3 * counters
    )
    return level, max(0.0, min(1.0, richness / 3.5)), reasons


def _evidence(analysis: Analysis, f_hits: list[Hit]) -> tuple[Evidence, ...]:
    text = analysis.doc.text
    return tuple(
        Evidence(
            start=h.start,
            end=h.end,
            text=text[h.start : h.end],
            signal=h.label,
            weight=-h.weight if h.kind == "counter" else h.weight,
        )
        for h in f_hits
    )


def _score_competency(
    analysis: Analysis, comp: Competency, f: Features, *, targeted: bool
) -> CompetencyScore:
    families = comp.families
    texts = rationale_texts(analysis.doc.lang)
    if not targeted and not f.has_specific_evidence:
        return CompetencyScore(comp.id, None, None, (), texts.insufficient)
    level, position, reasons = _level(f, targeted, texts)
    score = round(min(5.0, max(1.0, level - 0.49 + 0.98 * position)), 3)
    relevant = set(families) | {comp.id}
    shown = [
        h
        for h in analysis.hits
        # everything that counted for the level is shown (beyond signals define some
        # competencies: feedback and lasting change are continuous improvement)
        if (h.kind in ("indicator", "counter", "beyond") and relevant.intersection(h.competencies))
        or (targeted and h.kind in ("perspective", "result", "beyond", "claim", "buzzword"))
    ]
    rationale = texts.rationale(level, reasons)
    return CompetencyScore(comp.id, level, score, _evidence(analysis, shown), rationale)


def normalise_language(lang: str | None) -> str | None:
    """``nl``/``en`` from ``NL``, ``nl-NL``, ``en_GB``…; LanguageError for others."""
    if lang is None or lang == "":
        return None
    code = str(lang).strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        raise LanguageError(f"unsupported language {lang!r}; expected nl or en", field="lang")
    return code


@functools.lru_cache(maxsize=100_000)
def _known(word: str, lang: str) -> bool:
    return bool(simplemma.is_known(word, lang=lang))


def _flags(analysis: Analysis, scores: list[CompetencyScore], text: str) -> tuple[str, ...]:
    flags: list[str] = []
    if analysis.words < _MIN_WORDS:
        flags.append("too_short")
    long_words = [t.norm for t in analysis.doc.tokens if t.norm[:1].isalpha() and len(t.norm) > 3]
    if long_words:
        unknown = sum(1 for w in long_words if not _known(w, analysis.doc.lang))
        if unknown / len(long_words) > 0.5:
            flags.append("garbled")
    if not any(s.evidence for s in scores) and not any(
        h.kind in ("perspective", "result") for h in analysis.hits
    ):
        flags.append("off_topic")
    counts = token_language_counts(analysis.doc.tokens)
    minor, major = sorted(counts.values())
    if minor >= 3 and minor >= 0.3 * major:
        flags.append("mixed_language")
    return tuple(flags)


def score_answer(
    text: str,
    *,
    competency: str | None = None,
    question: str | None = None,
    lang: str | None = None,
    rubric: Rubric | str | None = None,
    id: str | None = None,
    candidate_id: str | None = None,
) -> AnswerResult:
    """Score one answer on every competency of the rubric.

    ``competency`` is the competency the question targets: it always gets a level (1 when
    nothing relevant was said). Other competencies get a level only where there is
    evidence, otherwise ``None`` with the rationale "insufficient evidence".
    Raises InputError for an empty answer, LanguageError for an unsupported language,
    and RubricError for an unknown competency.
    """
    rub = load_rubric(rubric)
    if not isinstance(text, str) or not text.strip():
        raise InputError("answer is empty; expected the candidate's answer text", field="answer")
    language = normalise_language(lang) or detect_language(text, default="en") or "en"
    if competency is not None and rub.competency(competency) is None:
        raise InputError(
            f"unknown competency {competency!r}; expected one of {', '.join(rub.ids)}",
            field="competency",
        )
    analysis = analyse_answer(text, language, extra=rubric_matcher(rub, language))
    features = competency_features(analysis, rub.competencies)
    scores = [
        _score_competency(analysis, comp, features[comp.id], targeted=comp.id == competency)
        for comp in rub.competencies
    ]
    return AnswerResult(
        id=id,
        candidate_id=candidate_id,
        language=language,
        scores=tuple(scores),
        competency=competency,
        question=question,
        answer=text,
        flags=_flags(analysis, scores, text),
        rubric=rub.id,
    )


def _as_answer(record: Answer | dict[str, Any]) -> tuple[Answer, int | None]:
    if isinstance(record, Answer):
        return record, None
    line = record.get("__line__")
    fields: dict[str, Any] = {}
    for key in _ANSWER_FIELDS:
        value = record.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key == "answer":
            if not isinstance(value, str):
                raise InputError(
                    f"answer must be text, got {type(value).__name__}", field="answer", line=line
                )
        elif isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        elif not isinstance(value, str):
            raise InputError(
                f"{key} must be text, got {type(value).__name__}", field=key, line=line
            )
        fields[key] = value
    if "answer" not in fields:
        raise InputError("required field 'answer' is missing or empty", field="answer", line=line)
    return Answer(**fields), line


def score_answers(
    records: Iterable[Answer | dict[str, Any] | InputError],
    *,
    rubric: Rubric | str | None = None,
) -> Iterator[AnswerResult | RecordError]:
    """Score a stream of records lazily: one result or RecordError per record, in order.

    Records are :class:`Answer` objects or dicts with the fields of the input schema
    (``answer`` required; ``id``, ``candidate_id``, ``question``, ``competency``, ``lang``).
    An InputError in the stream (an unreadable record) becomes a RecordError.
    """
    rub = load_rubric(rubric)
    for index, record in enumerate(records, start=1):
        if isinstance(record, InputError):
            yield RecordError(None, record.line, f"line {record.line}: {record.message}")
            continue
        rid = record.id if isinstance(record, Answer) else _record_id(record)
        line = record.get("__line__", index) if isinstance(record, dict) else index
        try:
            answer, _ = _as_answer(record)
            yield score_answer(
                answer.answer,
                competency=answer.competency,
                question=answer.question,
                lang=answer.lang,
                rubric=rub,
                id=answer.id,
                candidate_id=answer.candidate_id,
            )
        except TalentfitError as exc:
            message = exc.message + (f" @ $.{exc.field}" if exc.field else "")
            candidate = (
                record.candidate_id
                if isinstance(record, Answer)
                else identifier(record.get("candidate_id"))
            )
            yield RecordError(rid, line, f"line {line}: {message}", candidate)


def _record_id(record: dict[str, Any]) -> str | None:
    value = record.get("id")
    return None if value is None else str(value)
