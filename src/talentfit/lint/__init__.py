"""Vacancy lint: clichés, vague promises, hierarchy, excluding language, pay, readability.

``lint_vacancy(text, lang=...)`` returns a :class:`LintResult` whose findings carry
character offsets into the text as given (also for HTML). Rules are data per language in
``talentfit/data/lint/<lang>.toml``, compiled once per language and configuration.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO

from ..errors import InputError
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
    "vacancy_files",
]

VACANCY_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")


def vacancy_files(paths: Iterable[str]) -> list[str]:
    """The files to lint: each path as given, a directory replaced by the vacancy files
    (``.txt``, ``.md``, ``.html``…) below it, sorted, hidden ones left out. A directory
    without any is kept as given, so that its error ("no vacancy files") is reported."""
    found: list[str] = []
    for path in paths:
        folder = Path(path)
        if path == "-" or not folder.is_dir():
            found.append(path)
            continue
        inside = sorted(
            str(f)
            for f in folder.rglob("*")
            if f.is_file()
            and f.suffix.lower() in VACANCY_SUFFIXES
            and not any(part.startswith(".") for part in f.relative_to(folder).parts)
        )
        found.extend(inside or [path])
    return found


def lint_file(
    path: str | Path, *, lang: str | None = None, config: LintConfig | None = None
) -> LintResult:
    """Read a ``.txt``, ``.md`` or ``.html`` file (``-`` = stdin) and lint it."""
    source = str(path)
    if source != "-" and Path(source).is_dir():
        raise InputError("no vacancy files (.txt, .md, .html) in this directory", path=source)
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
