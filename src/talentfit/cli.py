"""The ``talentfit`` command line: parses options, calls the library, formats output.

Exit codes (documented in the README): 0 ok; 1 findings, or some records failed;
2 usage error or unreadable input. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any, TypeVar

import click

from ._version import __version__
from .errors import TalentfitError
from .models import RecordError

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


def _output_stream(path: str | None) -> IO[str]:
    if path is None or path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise FatalError(f"cannot write {path}: {exc.strerror}") from None


def _with_progress(items: Iterator[Any], enabled: bool) -> Iterator[Any]:
    """Count records on stderr (only when stderr is a terminal)."""
    if not enabled:
        yield from items
        return
    count = 0
    for item in items:
        count += 1
        if count % 500 == 0:
            click.echo(f"\rscored {count:,} answers", err=True, nl=False)
        yield item
    click.echo(f"\rscored {count:,} answers", err=True)


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--rubric",
    default="customer-service",
    show_default=True,
    help="Built-in rubric name or a rubric file (.toml/.json).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "csv", "text"]),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--input-format",
    type=click.Choice(["jsonl", "json", "csv"]),
    default=None,
    help="Input format (default: from the file suffix; '-' is JSONL).",
)
@click.option(
    "-o", "--output", "output", default=None, help="Write to this file (default: stdout)."
)
@click.option(
    "--calibration",
    metavar="FILE",
    default=None,
    help="Apply a calibration file from `talentfit calibrate` (levels fitted to your raters).",
)
@click.option(
    "--audit-log",
    metavar="FILE",
    default=None,
    help="Append one JSON line per scored answer (hashes, levels, signals; never the text).",
)
@library_errors
def score(
    input_path: str,
    rubric: str,
    fmt: str,
    input_format: str | None,
    output: str | None,
    calibration: str | None,
    audit_log: str | None,
) -> None:
    """Score interview answers on the rubric's competencies.

    INPUT is .jsonl, .json (an array) or .csv with the fields answer (required), id,
    candidate_id, question, competency (the competency the question targets) and lang;
    '-' reads JSONL from stdin. Every input record yields one output record: its scores,
    or {"id", "line", "error"}. Scores are advice for a human decision.

    Exit codes: 0 all scored; 1 some records failed; 2 unreadable input, unknown rubric
    or bad option.
    """
    from .auditlog import AuditLog, oversee
    from .calibration import load_calibration
    from .output import open_writer
    from .records import read_records
    from .rubric import load_rubric
    from .scoring import score_answers

    rub = load_rubric(rubric)
    cal = load_calibration(calibration, rubric=rub) if calibration is not None else None
    records = read_records(input_path, fmt=input_format)
    first = next(records, None)  # fail fast (exit 2) on a missing or unreadable file
    stream = _output_stream(output)
    failed = 0
    log = None
    if audit_log is not None:
        cal_hash = cal.content_hash if cal is not None else None
        log = AuditLog(audit_log, rubric=rub, calibration_hash=cal_hash)
    try:
        writer = open_writer(fmt, stream)

        def everything() -> Iterator[Any]:
            if first is not None:
                yield first
            yield from records

        # a progress count on stderr, unless it would interleave with results on the terminal
        to_terminal = output in (None, "-") and sys.stdout.isatty()
        progress = sys.stderr.isatty() and not to_terminal
        results = oversee(score_answers(everything(), rubric=rub), calibration=cal, log=log)
        for item in _with_progress(results, progress):
            if isinstance(item, RecordError):
                failed += 1
            writer.write(item)
        writer.close()
    finally:
        if log is not None:
            log.close()
        if stream is not sys.stdout and output not in (None, "-"):
            stream.close()
    if failed:
        click.echo(f"{failed} record(s) could not be scored; see their error records", err=True)
        raise SystemExit(EXIT_FINDINGS)


@main.command()
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None, help="Only this language.")
@library_errors
def demo(lang: str | None) -> None:
    """Run talentfit on built-in examples and print readable results."""
    from .demo import run_demo

    run_demo(sys.stdout, lang=lang)


@vacancy.command("lint")
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Language (default: detected).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one line per finding and the metrics; json: one array, one object per file.",
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


from . import cli_audit  # noqa: E402,F401 - registers `audit` and `calibrate`

if __name__ == "__main__":  # pragma: no cover
    main()
