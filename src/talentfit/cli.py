"""The ``talentfit`` command line: parses options, calls the library, formats output.

Exit codes (documented in the README): 0 ok; 1 findings, or some records failed;
2 usage error or unreadable input. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ._version import __version__
from .errors import TalentfitError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_FATAL = 0, 1, 2


class FatalError(click.ClickException):
    """Unreadable input, unknown rubric, invalid file: ``Error: …`` and exit 2."""

    exit_code = EXIT_FATAL


def library_errors(func: F) -> F:
    """Turn the library's TalentfitError into one ``Error: …`` line and exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TalentfitError as exc:
            raise FatalError(str(exc)) from None
        except BrokenPipeError:  # pragma: no cover - `talentfit … | head`
            raise SystemExit(0) from None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="talentfit")
def main() -> None:
    """talentfit: hire people who serve customers well.

    Scores interview answers on customer orientation (advice for a human decision,
    never an automated decision), lints and drafts vacancy texts.

    Exit codes: 0 ok; 1 findings or some records failed; 2 usage error or unreadable input.
    """


@main.group()
def vacancy() -> None:
    """Lint and draft vacancy texts."""


@vacancy.command("lint")
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Language (default: detected).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="Lint config (TOML or JSON)."
)
@library_errors
def vacancy_lint(
    files: tuple[str, ...], lang: str | None, fmt: str, fail_on: str, config_path: str | None
) -> None:
    """Lint vacancy texts (.txt, .md, .html; - for stdin) for clichés, vague benefits,
    hierarchy, excluding language, pay transparency, readability and structure.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
    2 usage error or unreadable input.
    """
    from .lint import exit_code, format_json, format_text, lint_file, load_lint_config

    config = load_lint_config(config_path) if config_path else None
    results = []
    failed = False
    for path in files:
        try:
            result = lint_file(path, lang=lang, config=config)
        except TalentfitError as exc:
            click.echo(f"Error: {exc}", err=True)
            failed = True
            continue
        results.append(result)
        if fmt == "text":
            click.echo(format_text(result))
    if fmt == "json":
        click.echo(format_json(results))
    code = exit_code(results, fail_on)
    raise SystemExit(EXIT_FATAL if failed else code)
