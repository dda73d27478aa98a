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


from . import cli_audit  # noqa: E402,F401 - registers `audit` and `calibrate`
