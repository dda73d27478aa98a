"""Vacancy lint: clichés, vague promises, hierarchy, excluding language, pay, readability.

``lint_vacancy(text, lang=...)`` returns a :class:`LintResult` whose findings carry
character offsets into the text as given (also for HTML). Rules are data per language in
``talentfit/data/lint/<lang>.toml``, compiled once per language and configuration.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from ..records import read_text
from ..resources import data_file
from ._engine import detect_vacancy_language, lint_vacancy
from ._model import (
    CATEGORIES,
    PROBLEM_CATEGORIES,
    SEVERITIES,
    Finding,
    LintConfig,
    LintResult,
    Metrics,
    PhraseSpec,
)
from ._report import exit_code, format_json, format_text
from ._rules import config_from_dict, load_lint_config, rule_file

__all__ = [
    "CATEGORIES",
    "PROBLEM_CATEGORIES",
    "SEVERITIES",
    "Finding",
    "LintConfig",
    "LintResult",
    "Metrics",
    "PhraseSpec",
    "config_from_dict",
    "detect_vacancy_language",
    "example_vacancy",
    "exit_code",
    "format_json",
    "format_text",
    "lint_demo",
    "lint_file",
    "lint_vacancy",
    "load_lint_config",
    "rule_file",
]


def lint_file(
    path: str | Path, *, lang: str | None = None, config: LintConfig | None = None
) -> LintResult:
    """Read a ``.txt``, ``.md`` or ``.html`` file (``-`` = stdin) and lint it."""
    source = str(path)
    text = read_text(path)
    return lint_vacancy(text, lang=lang, config=config, path="<stdin>" if source == "-" else source)


def example_vacancy(lang: str = "nl") -> str:
    """A packaged cliché-laden example vacancy (``nl`` or ``en``), for demos and docs."""
    return data_file(f"lint/examples/cliche_{lang}.txt").read_text(encoding="utf-8")


def lint_demo(out: IO[str], *, lang: str | None = None) -> LintResult:
    """Lint the packaged cliché-laden example vacancy and print the findings to ``out``."""
    language = lang or "nl"
    result = lint_vacancy(example_vacancy(language), lang=language, path=f"example-{language}.txt")
    out.write(f"talentfit demo: linting an example cliché-laden vacancy ({language})\n\n")
    out.write(format_text(result) + "\n")
    return result
