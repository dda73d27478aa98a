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
from .profile import Profile, load_profile, profile_from_dict

__all__ = [
    "Answer",
    "AnswerResult",
    "CompetencyScore",
    "ConfigError",
    "Evidence",
    "InputError",
    "LanguageError",
    "Profile",
    "ProfileError",
    "RecordError",
    "RubricError",
    "TalentfitError",
    "TemplateError",
    "__version__",
    "load_profile",
    "profile_from_dict",
]
