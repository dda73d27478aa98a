"""talentfit: score interview answers on customer orientation, lint and draft vacancy texts."""

from ._version import __version__
from .errors import (
    ConfigError,
    InputError,
    LanguageError,
    ProfileError,
    RubricError,
    TalentfitError,
    TemplateError,
)
from .models import Answer, AnswerResult, CompetencyScore, Evidence, RecordError
from .rubric import Competency, Rubric, load_rubric
from .scoring import score_answer, score_answers

__all__ = [
    "Answer",
    "AnswerResult",
    "Competency",
    "CompetencyScore",
    "ConfigError",
    "Evidence",
    "InputError",
    "LanguageError",
    "ProfileError",
    "RecordError",
    "Rubric",
    "RubricError",
    "TalentfitError",
    "TemplateError",
    "__version__",
    "load_rubric",
    "score_answer",
    "score_answers",
]
