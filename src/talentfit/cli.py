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


@main.command()
@click.argument("scores", metavar="SCORES")
@click.option(
    "--profile",
    type=click.Path(dir_okay=False),
    default=None,
    help="Role profile (TOML): its [competencies] weights choose, order and weight the columns.",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="en",
    show_default=True,
    help="Language of the report's interface text.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default="report.html",
    show_default=True,
    help="Where to write the HTML report.",
)
@library_errors
def report(scores: str, profile: str | None, lang: str, output: str) -> None:
    """Write a self-contained HTML report of scored answers.

    SCORES is the JSONL that `talentfit score --format jsonl` wrote (or - for stdin).
    Exit 1 when some records were not scored (they are listed in the report).
    """
    from .records import read_records
    from .report import write_report

    fmt = "json" if scores.lower().endswith(".json") else "jsonl"
    summary = write_report(read_records(scores, fmt=fmt), output, lang=lang, profile=profile)
    for failed in summary.not_scored:
        where = f"line {failed.line}: " if failed.line is not None else ""
        if failed.error.startswith(where):
            where = ""
        click.echo(f"not scored: {where}{failed.error}", err=True)
    click.echo(
        f"wrote {summary.path}: {summary.candidates} candidates, {summary.answers} answers"
        + (f", {len(summary.not_scored)} not scored" if summary.not_scored else "")
    )
    if summary.not_scored:
        raise SystemExit(EXIT_FINDINGS)
