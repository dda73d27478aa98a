"""One root exception for everything talentfit reports to its users.

Every error carries where it happened (file, line, field path, rule) so that the
CLI can print one clear line, and an embedding application can show the same.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "InputError",
    "LanguageError",
    "ProfileError",
    "RubricError",
    "TalentfitError",
    "TemplateError",
]


class TalentfitError(Exception):
    """Base class of every error talentfit raises on purpose.

    ``str(error)`` is a single line: the message, then ``@ $.field.path`` where a field
    is known, then ``(file:line)`` where a file is known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
        rule: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.field = field
        self.rule = rule

    def __str__(self) -> str:
        text = self.message
        if self.field and "@ $" not in text:
            text = f"{text} @ {self.field}"
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            text = f"{text} ({where})"
        elif self.line is not None:
            text = f"{text} (line {self.line})"
        return " ".join(text.split("\n"))


class InputError(TalentfitError):
    """An input file or record cannot be read or is not what was expected."""


class LanguageError(InputError):
    """A text's language is not supported (talentfit reads Dutch and English)."""


class RubricError(TalentfitError):
    """A rubric is unknown or its file is invalid."""


class ConfigError(TalentfitError):
    """A configuration file, lexicon or rule set is invalid."""


class ProfileError(TalentfitError):
    """A role profile is unreadable or invalid."""


class TemplateError(TalentfitError):
    """A template is missing, invalid or needs a variable that was not given."""
