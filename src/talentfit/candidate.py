"""Scoring with a role profile, and the per-candidate summary.

With a profile, every scored answer also gets its values alignment (the profile's declared
values, :mod:`talentfit.values`), its motivation drivers and their fit with the role's
``[offer]`` (:mod:`talentfit.motivation`), and a ``weighted_score``: the competency scores
averaged with the profile's ``[competencies]`` weights (a competency the profile leaves out
weighs 0; a profile without ``[competencies]`` weighs every competency 1).

Per candidate, answers are grouped by ``candidate_id`` (an answer without one stands alone,
under its own id): the weighted competency profile, the values and motivation pooled over
all answers, the number of answers and the competencies without evidence — what the
interviewer should ask about next. Advice for a human decision, never a decision.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from .convert import converter
from .models import ADVICE, AnswerResult, RecordError
from .motivation import Motivation, driver_evidence, motivation_from_counts
from .records import neutralise_cell
from .rubric import Rubric, load_rubric
from .scoring import score_answers
from .text import analyse
from .values import (
    ValueAlignment,
    ValueDefinition,
    ValueEvidence,
    alignment_from_evidence,
    evidence_basis,
    resolve_values,
    value_alignment,
)

__all__ = [
    "CandidateSummary",
    "ProfileContext",
    "ProfiledResult",
    "profile_result",
    "profile_results",
    "render_candidates",
    "score_with_profile",
    "summarise_candidates",
    "weighted_score",
]

DEFAULT_WEIGHT = 1


@attrs.frozen
class ProfileContext:
    """What scoring needs from a role profile: values, offer and competency weights."""

    values: tuple[ValueDefinition, ...] = ()
    offer: Any = None
    weights: Mapping[str, int] = attrs.field(factory=dict)
    # whether the attitude model reads answers without a value's own evidence
    # (talentfit.value_model); False leaves them to the backoff rules
    values_model: bool = True

    @classmethod
    def from_profile(
        cls, profile: Any, *, source: str | None = None, values_model: bool = True
    ) -> ProfileContext:
        """Resolve the profile's values (ProfileError for unknown names) and read its weights."""
        return cls(
            values=tuple(resolve_values(profile, source=source)),
            offer=profile.offer,
            weights=dict(profile.competencies or {}),
            values_model=values_model,
        )

    def weight(self, competency: str) -> int:
        """The profile's weight; a competency the profile's ``[competencies]`` leaves out
        weighs 0 (the role does not ask for it: the guide has no questions for it), and
        without ``[competencies]`` every competency weighs 1."""
        if not self.weights:
            return DEFAULT_WEIGHT
        return int(self.weights.get(competency, 0))


@attrs.frozen
class ProfiledResult(AnswerResult):
    """An :class:`AnswerResult` with values alignment, motivation and a weighted score."""

    values: tuple[ValueAlignment, ...] = ()
    motivation: Motivation | None = None
    weighted_score: float | None = None
    driver_hits: Mapping[str, Sequence[ValueEvidence]] = attrs.field(factory=dict, eq=False)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = converter.unstructure(self, unstructure_as=AnswerResult)
        data["weighted_score"] = self.weighted_score
        data["values"] = [v.to_dict() for v in self.values]
        data["motivation"] = (self.motivation or Motivation((), None)).to_dict()
        return data


def weighted_score(
    scores: Iterable[tuple[str, float | None]], context: ProfileContext
) -> float | None:
    """Σ weight·score / Σ weight over the competencies that have a score; None when none do."""
    total = weights = 0.0
    for competency, score in scores:
        if score is None:
            continue
        w = context.weight(competency)
        total += w * score
        weights += w
    return round(total / weights, 2) if weights else None


def profile_result(result: AnswerResult, context: ProfileContext) -> ProfiledResult:
    """Add values alignment, motivation and the weighted score to one scored answer."""
    doc = analyse(result.answer, result.language, spoken=True)
    hits = driver_evidence(doc)
    fields = {a.name: getattr(result, a.name) for a in attrs.fields(AnswerResult)}
    return ProfiledResult(
        **fields,
        values=tuple(
            value_alignment(doc, result.language, context.values, model=context.values_model)
        ),
        motivation=motivation_from_counts(hits, context.offer),
        weighted_score=weighted_score(((s.competency, s.score) for s in result.scores), context),
        driver_hits=hits,
    )


def profile_results(
    items: Iterable[AnswerResult | RecordError], context: ProfileContext
) -> Iterator[ProfiledResult | RecordError]:
    """Add the profile's view to every result of a stream; errors pass through."""
    for item in items:
        yield item if isinstance(item, RecordError) else profile_result(item, context)


def score_with_profile(
    records: Iterable[Any],
    context: ProfileContext,
    *,
    rubric: Rubric | str | None = None,
) -> Iterator[ProfiledResult | RecordError]:
    """Score records (as :func:`talentfit.score_answers`) and add the profile's view."""
    yield from profile_results(score_answers(records, rubric=rubric), context)


# --- per candidate --------------------------------------------------------------------------


@attrs.frozen
class CompetencySummary:
    competency: str
    weight: int
    level: int | None
    score: float | None
    answers_with_evidence: int

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class CandidateSummary:
    """One candidate's answers together; advice for a human decision."""

    candidate_id: str
    answers: int
    answer_ids: tuple[str, ...]
    competencies: tuple[CompetencySummary, ...]
    weighted_score: float | None
    without_evidence: tuple[str, ...]
    values: tuple[dict[str, Any], ...]
    motivation: dict[str, Any]
    flags: tuple[str, ...]
    advice: str = ADVICE
    # this candidate's records that could not be scored: {"id", "line", "error"}
    not_scored: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "candidate_id": self.candidate_id,
            "answers": self.answers,
            "answer_ids": list(self.answer_ids),
            "not_scored": list(self.not_scored),
            "competencies": [c.to_dict() for c in self.competencies],
            "weighted_score": self.weighted_score,
            "without_evidence": list(self.without_evidence),
            "values": list(self.values),
            "motivation": self.motivation,
            "flags": list(self.flags),
            "advice": self.advice,
        }


@attrs.define
class _Candidate:
    key: str
    answer_ids: list[str] = attrs.field(factory=list)
    scores: dict[str, list[float]] = attrs.field(factory=dict)
    evidenced: dict[str, int] = attrs.field(factory=dict)
    values: dict[str, list[dict[str, Any]]] = attrs.field(factory=dict)
    drivers: dict[str, list[tuple[str, ValueEvidence]]] = attrs.field(factory=dict)
    flags: set[str] = attrs.field(factory=set)
    not_scored: list[dict[str, Any]] = attrs.field(factory=list)


def _level(score: float) -> int:
    return max(1, min(5, math.floor(score + 0.5)))


def summarise_candidates(
    results: Iterable[AnswerResult],
    context: ProfileContext | None = None,
    *,
    rubric: Rubric | str | None = None,
) -> list[CandidateSummary]:
    """Group scored answers by candidate (first appearance order) and summarise each.

    ``results`` are :class:`AnswerResult` or :class:`ProfiledResult`; plain results get the
    profile's view added. A result without ``candidate_id`` is its own group, keyed by its id.
    Every rubric competency is listed, heaviest first (profile weight; 0 for one the
    profile's ``[competencies]`` leaves out, 1 for all without ``[competencies]``; ties in
    rubric order); ``without_evidence`` names the weighted ones no answer gave a level (the
    engine's "insufficient evidence"). A value's own evidence in any answer outweighs
    general evidence: the general kind is pooled only when no answer speaks to the value.
    """
    context = context or ProfileContext()
    rub = load_rubric(rubric)
    order = list(rub.ids)
    groups: dict[str, _Candidate] = {}
    for index, result in enumerate(results, start=1):
        if isinstance(result, RecordError):
            if result.candidate_id is not None:  # the candidate's summary says what is missing
                failed = groups.setdefault(result.candidate_id, _Candidate(result.candidate_id))
                failed.not_scored.append(result.to_dict())
            continue
        if not isinstance(result, ProfiledResult):
            result = profile_result(result, context)
        answer_id = result.id or f"#{index}"
        key = result.candidate_id or answer_id
        group = groups.setdefault(key, _Candidate(key))
        group.answer_ids.append(answer_id)
        group.flags.update(result.flags)
        for score in result.scores:
            if score.score is not None:
                group.scores.setdefault(score.competency, []).append(score.score)
            if score.level is not None:  # the engine rated it: there was enough to go on
                group.evidenced[score.competency] = group.evidenced.get(score.competency, 0) + 1
        for alignment in result.values:
            items = group.values.setdefault(alignment.value, [])
            items.extend({"answer_id": answer_id, **e.to_dict()} for e in alignment.evidence)
        for driver, hits in result.driver_hits.items():
            group.drivers.setdefault(driver, []).extend((answer_id, e) for e in hits)
    competency_ids = _ranked(context, order)
    return [_summary(g, context, competency_ids) for g in groups.values()]


def _tagged(hits: Mapping[str, Sequence[ValueEvidence]], answer_id: str) -> dict[str, list[Any]]:
    return {d: [(answer_id, e) for e in items] for d, items in hits.items()}


def _ranked(context: ProfileContext, order: list[str]) -> list[str]:
    """Every rubric competency, heaviest first (profile weight, default 1), ties in rubric order."""
    return sorted(order, key=lambda c: (-context.weight(c), order.index(c)))


def _pooled_value(value_id: str, evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """A value over all answers: the evidence of the answers read on the value's own
    evidence if any was, else the general evidence of all. An answer whose own words the
    attitude model overruled (``overruled``) was read on the general evidence."""
    by_answer: dict[Any, list[str]] = {}
    for e in evidence:
        by_answer.setdefault(e["answer_id"], []).append(e["signal"])
    direct = {a for a, signals in by_answer.items() if evidence_basis(signals) == "direct"}
    own = [e for e in evidence if e["answer_id"] in direct]
    chosen = own or evidence
    return {
        "value": value_id,
        "alignment": alignment_from_evidence(e["signal"] for e in chosen),
        "basis": evidence_basis(e["signal"] for e in chosen),
        "evidence": chosen,
    }


def _summary(group: _Candidate, context: ProfileContext, ids: list[str]) -> CandidateSummary:
    competencies: list[CompetencySummary] = []
    for cid in ids:
        scores = group.scores.get(cid, [])
        mean = round(sum(scores) / len(scores), 2) if scores else None
        competencies.append(
            CompetencySummary(
                competency=cid,
                weight=context.weight(cid),
                level=_level(mean) if mean is not None else None,
                score=mean,
                answers_with_evidence=group.evidenced.get(cid, 0),
            )
        )
    weighted = weighted_score(((c.competency, c.score) for c in competencies), context)
    values = tuple(
        _pooled_value(value.id, group.values.get(value.id, [])) for value in context.values
    )
    pooled = group.drivers
    motivation = motivation_from_counts(
        {d: [e for _, e in items] for d, items in pooled.items()}, context.offer
    )
    motivation_dict = motivation.to_dict()
    for driver, entry in zip(motivation.drivers, motivation_dict["drivers"], strict=True):
        entry["evidence"] = [{"answer_id": aid, **e.to_dict()} for aid, e in pooled[driver.driver]]
    return CandidateSummary(
        candidate_id=group.key,
        answers=len(group.answer_ids),
        answer_ids=tuple(group.answer_ids),
        competencies=tuple(competencies),
        weighted_score=weighted,
        without_evidence=tuple(
            c.competency for c in competencies if c.weight and not c.answers_with_evidence
        ),
        values=values,
        motivation=motivation_dict,
        flags=tuple(sorted(group.flags)),
        not_scored=tuple(group.not_scored),
    )


# --- output ---------------------------------------------------------------------------------

CSV_COLUMNS = (
    "candidate_id",
    "answers",
    "weighted_score",
    "competencies",
    "without_evidence",
    "values",
    "motivation_fit",
    "drivers",
    "flags",
    "not_scored",
)


def render_candidates(summaries: Sequence[CandidateSummary], fmt: str = "jsonl") -> str:
    """Candidate summaries as ``jsonl``, ``json``, ``csv`` (cells neutralised) or ``text``."""
    if fmt == "jsonl":
        return "".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in summaries)
    if fmt == "json":
        return json.dumps([s.to_dict() for s in summaries], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(summaries)
    if fmt == "text":
        return "".join(_text(s) for s in summaries)
    raise ValueError(f"unknown format {fmt!r}")


def _csv(summaries: Sequence[CandidateSummary]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for s in summaries:
        row = {
            "candidate_id": s.candidate_id,
            "answers": s.answers,
            "weighted_score": s.weighted_score,
            "competencies": "; ".join(
                f"{c.competency}={c.level if c.level is not None else '-'}" for c in s.competencies
            ),
            "without_evidence": " ".join(s.without_evidence),
            "values": "; ".join(
                f"{v['value']}={'-' if v['alignment'] is None else v['alignment']}"
                for v in s.values
            ),
            "motivation_fit": s.motivation["fit"],
            "drivers": "; ".join(f"{d['driver']}={d['strength']}" for d in s.motivation["drivers"]),
            "flags": " ".join(s.flags),
            "not_scored": "; ".join(str(f["error"]) for f in s.not_scored),
        }
        writer.writerow(["" if row[c] is None else neutralise_cell(row[c]) for c in CSV_COLUMNS])
    return buffer.getvalue()


def _quote(evidence: Mapping[str, Any]) -> str:
    text = " ".join(str(evidence["text"]).split())
    return f'"{text}" ({evidence["signal"]})'


def _text(s: CandidateSummary) -> str:
    lines = [
        f"candidate {s.candidate_id}: {s.answers} answer(s)  weighted score "
        f"{s.weighted_score if s.weighted_score is not None else '-'}"
    ]
    for c in s.competencies:
        level = c.level if c.level is not None else "-"
        lines.append(
            f"  {c.competency:<24} weight {c.weight}  level {level}  "
            f"({c.answers_with_evidence} answer(s) with evidence)"
        )
    if s.without_evidence:
        lines.append(f"  ask next about: {', '.join(s.without_evidence)}")
    for v in s.values:
        quotes = "; ".join(_quote(e) for e in v["evidence"][:3])
        alignment = "no evidence" if v["alignment"] is None else f"{v['alignment']:+.2f}"
        lines.append(f"  value {v['value']:<18} {alignment}  {quotes}".rstrip())
    drivers = ", ".join(f"{d['driver']} {d['strength']:.2f}" for d in s.motivation["drivers"])
    fit = s.motivation["fit"]
    lines.append(
        f"  motivation: {drivers or 'no drivers mentioned'}; fit with the offer "
        f"{'-' if fit is None else f'{fit:.2f}'}"
    )
    if s.flags:
        lines.append(f"  low confidence: {', '.join(s.flags)}")
    for failed in s.not_scored:
        lines.append(f"  not scored: {failed['error']}")
    lines.append(f"  ({s.advice})")
    return "\n".join(lines) + "\n\n"
