"""The scoring data model: frozen attrs classes, (un)structured by :mod:`talentfit.convert`."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = [
    "COMPETENCY_IDS",
    "Answer",
    "AnswerResult",
    "CompetencyScore",
    "Evidence",
    "RecordError",
]

COMPETENCY_IDS: tuple[str, ...] = (
    "empathy",
    "needs_clarification",
    "ownership",
    "initiative",
    "extra_mile",
    "service_recovery",
    "personal_approach",
    "continuous_improvement",
)

ADVICE = "advice for a human decision; not an accept/reject decision"


@attrs.frozen
class Answer:
    """One interview answer to score. Only ``answer`` is required."""

    answer: str
    id: str | None = None
    candidate_id: str | None = None
    question: str | None = None
    competency: str | None = None  # the competency the question targets
    lang: str | None = None


@attrs.frozen
class Evidence:
    """A quoted span of the answer and the signal it carries.

    ``start``/``end`` are character offsets into the answer text; ``weight`` is
    negative for counter-indicators.
    """

    start: int
    end: int
    text: str
    signal: str
    weight: float


@attrs.frozen
class CompetencyScore:
    """The level (1–5) of one competency, with the evidence behind it.

    ``level`` and ``score`` are ``None`` when there is insufficient evidence;
    ``round(score) == level`` otherwise.
    """

    competency: str
    level: int | None
    score: float | None
    evidence: tuple[Evidence, ...] = ()
    rationale: str = ""


@attrs.frozen
class AnswerResult:
    """The scores of one answer. Advice for a human decision, never a decision."""

    id: str | None
    candidate_id: str | None
    language: str
    scores: tuple[CompetencyScore, ...]
    competency: str | None = None
    question: str | None = None
    answer: str = ""
    flags: tuple[
        str, ...
    ] = ()  # low-confidence flags: too_short, garbled, off_topic, mixed_language
    rubric: str = "customer-service"
    advice: str = ADVICE

    def score_for(self, competency: str) -> CompetencyScore | None:
        """The score of ``competency``, or None when the rubric has no such competency."""
        for score in self.scores:
            if score.competency == competency:
                return score
        return None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data in the documented output schema (``converter.unstructure``'s shape,
        written out because a batch builds one per answer)."""
        return {
            "id": self.id,
            "candidate_id": self.candidate_id,
            "language": self.language,
            "scores": [
                {
                    "competency": s.competency,
                    "level": s.level,
                    "score": s.score,
                    "evidence": [
                        {
                            "start": e.start,
                            "end": e.end,
                            "text": e.text,
                            "signal": e.signal,
                            "weight": e.weight,
                        }
                        for e in s.evidence
                    ],
                    "rationale": s.rationale,
                }
                for s in self.scores
            ],
            "competency": self.competency,
            "question": self.question,
            "answer": self.answer,
            "flags": list(self.flags),
            "rubric": self.rubric,
            "advice": self.advice,
        }

@attrs.frozen
class RecordError:
    """A record that could not be read or scored; the batch goes on."""

    id: str | None
    line: int | None
    error: str
    # the candidate the record was for, when it said so (groups it under ``--per candidate``)
    candidate_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "line": self.line, "error": self.error}
