"""talentfit: score interview answers on customer orientation, lint and draft vacancy texts."""

from ._version import __version__
from .draft import Draft, DraftFinding, draft_vacancy
from .errors import (
    ConfigError,
    InputError,
    LanguageError,
    ProfileError,
    RubricError,
    TalentfitError,
    TemplateError,
)
from .lint import Finding, LintResult, lint_vacancy, load_lint_config
from .models import Answer, AnswerResult, CompetencyScore, Evidence, RecordError
from .profile import Profile, load_profile, profile_from_dict
from .rubric import Competency, Rubric, load_rubric
from .scoring import score_answer, score_answers

__all__ = [
    "Answer",
    "AnswerResult",
    "Competency",
    "CompetencyScore",
    "ConfigError",
    "Draft",
    "DraftFinding",
    "Evidence",
    "Finding",
    "InputError",
    "LanguageError",
    "LintResult",
    "Profile",
    "ProfileError",
    "RecordError",
    "Rubric",
    "RubricError",
    "TalentfitError",
    "TemplateError",
    "__version__",
    "draft_vacancy",
    "lint_vacancy",
    "load_lint_config",
    "load_profile",
    "load_rubric",
    "profile_from_dict",
    "score_answer",
    "score_answers",
]
