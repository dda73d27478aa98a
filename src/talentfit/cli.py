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


def output_option(
    what: str, *, default: str | None = None, absent: str = "stdout"
) -> Callable[[F], F]:
    """The shared ``-o/--output FILE`` option: where a command writes ``what``."""
    where = f"(default: {default or absent})"
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False),
        default=default,
        metavar="FILE",
        help=f"Write {what} to this file {where}.",
    )


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
    """Lint vacancy texts (.txt, .md, .html; a directory for the ones below it; - for stdin)
    for clichés, vague benefits, hierarchy, excluding language, pay transparency,
    readability and structure.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
    2 usage error or unreadable input.
    """
    from .lint import (
        LintResult,
        exit_code,
        format_json,
        format_text,
        lint_file,
        load_lint_config,
        vacancy_files,
    )

    config = load_lint_config(config_path) if config_path else None
    results = []
    # one JSON object per file given, in order: a result, or the error that stopped it
    records: list[LintResult | tuple[str, str]] = []
    failed = False
    for path in vacancy_files(files):
        try:
            result = lint_file(path, lang=lang, config=config)
        except TalentfitError as exc:
            click.echo(f"Error: {exc}", err=True)
            records.append((path, exc.message))
            failed = True
            continue
        results.append(result)
        records.append(result)
        if fmt == "text":
            click.echo(format_text(result))
    if fmt == "json":
        click.echo(format_json(records))
    code = exit_code(results, fail_on)
    raise SystemExit(EXIT_FATAL if failed else code)


@vacancy.command("draft")
@click.argument("profile", metavar="PROFILE")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    help="Template language (default: the profile's). The profile's texts are not translated.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "txt", "jsonld"]),
    default="md",
    show_default=True,
    help="Markdown, an HTML fragment, plain text, or schema.org JobPosting JSON-LD.",
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    help="Directory with your own vacancy.<lang>.<format>.j2 templates (rendered sandboxed).",
)
@click.option(
    "--country",
    default=None,
    metavar="CODE",
    help="addressCountry for the JSON-LD (ISO 3166 code; default NL).",
)
@output_option("the draft")
@library_errors
def vacancy_draft(
    profile: str,
    lang: str | None,
    fmt: str,
    templates: str | None,
    country: str | None,
    output: str | None,
) -> None:
    """Draft a vacancy text from a role profile (TOML) and check it with the vacancy lint.

    Problems the lint finds (clichés, vague benefits, hierarchy, exclusionary wording,
    missing pay) are printed on stderr with the phrase, the profile key and a suggestion;
    the draft is still written. Exit codes: 0 no problems; 1 problems found; 2 invalid
    profile or template.
    """
    from .draft import draft_vacancy
    from .profile import load_profile

    if country is not None and not (len(country) == 2 and country.isalpha()):
        raise click.BadParameter(
            "must be a two-letter country code like NL", param_hint="--country"
        )
    role = load_profile(profile)
    draft = draft_vacancy(
        role, lang=lang, fmt=fmt, templates=templates, country=country.upper() if country else None
    )
    if output is None:
        click.echo(draft.text, nl=False)
    else:
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(draft.text)
        except OSError as exc:
            raise FatalError(f"cannot write {output}: {exc.strerror or exc}") from None
    for finding in draft.findings:
        click.echo(f"problem: {finding.describe()}", err=True)
    for finding in draft.advice:
        click.echo(f"advice: {finding.describe()}", err=True)
    if draft.findings:
        click.echo(
            f"{len(draft.findings)} problem(s) in {profile}: the draft was written; fix the"
            " phrases above and draft again.",
            err=True,
        )
        raise SystemExit(EXIT_FINDINGS)


@main.command("guide")
@click.argument("profile", metavar="PROFILE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json"]),
    default="md",
    show_default=True,
    help="Markdown, an HTML page, or JSON (schema in docs/guide.md).",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    help="Language of the questions and labels (default: the profile's).",
)
@click.option(
    "--rubric",
    default=None,
    metavar="NAME|FILE",
    help="Rubric for the level anchors (default: customer-service).",
)
@output_option("the guide")
@library_errors
def guide_command(
    profile: str, fmt: str, lang: str | None, rubric: str | None, output: str | None
) -> None:
    """Write a structured interview guide from a role profile (TOML).

    Per weighted competency, heaviest first: why it matters in this role, past-behaviour
    (STAR) questions with follow-up probes and the five anchored levels; one question per
    declared value; one motivation question; a rating sheet. Exit codes: 0 ok; 2 invalid
    profile, rubric or template.
    """
    from .guide import build_guide, render_guide
    from .profile import load_profile

    text = render_guide(
        build_guide(load_profile(profile, partial=True), lang=lang, rubric=rubric, source=profile),
        fmt,
    )
    _write_text(text, output)


def _write_text(text: str, output: str | None) -> None:
    """Write a whole document to ``output`` (a file, or stdout for None or '-')."""
    stream = _output_stream(output)
    try:
        stream.write(text)
        stream.flush()
    finally:
        if output not in (None, "-"):
            stream.close()


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
@output_option("the results")
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
@click.option(
    "--profile",
    "profile_path",
    default=None,
    metavar="PROFILE",
    help="Role profile (TOML): competency weights, declared values and the offer; each record"
    " gains values, motivation and weighted_score.",
)
@click.option(
    "--values-model/--no-values-model",
    default=True,
    show_default=True,
    help="With --profile: let the attitude model read answers that show nothing of a value"
    " itself (docs/values.md, 'The attitude model'); --no-values-model leaves them to the"
    " backoff rules.",
)
@click.option(
    "--per",
    type=click.Choice(["answer", "candidate"]),
    default="answer",
    show_default=True,
    help="One record per answer, or one per candidate (grouped by candidate_id).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the HTML candidate report of the results to this file.",
)
@click.option(
    "--report-lang",
    type=click.Choice(["nl", "en"]),
    default="en",
    show_default=True,
    help="Interface language of the --report file.",
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
    profile_path: str | None,
    values_model: bool,
    per: str,
    report_path: str | None,
    report_lang: str,
) -> None:
    """Score interview answers on the rubric's competencies.

    INPUT is .jsonl, .json (an array) or .csv with the fields answer (required), id,
    candidate_id, question, competency (the competency the question targets) and lang;
    '-' reads JSONL from stdin. Every input record yields one output record: its scores,
    or {"id", "line", "error"}. Scores are advice for a human decision.

    With --profile PROFILE, competency weights come from the profile's [competencies] and
    each record gains "values", "motivation" and "weighted_score" (docs/values.md). With
    --per candidate, records are grouped by candidate_id: one summary per candidate
    (weighted competency profile, values, motivation fit, number of answers, competencies
    without evidence); records that fail are reported on stderr. With --report FILE, the
    HTML candidate report of the per-answer results is written too (docs/report.md).

    Exit codes: 0 all scored; 1 some records failed; 2 unreadable input, unknown rubric
    or bad option.
    """
    from .auditlog import AuditLog, oversee
    from .calibration import load_calibration
    from .output import open_writer
    from .records import read_records
    from .rubric import load_rubric
    from .scoring import score_answers

    if per == "candidate" and report_path is not None:
        raise click.UsageError("--report needs the per-answer results; drop --per candidate")
    if not values_model and profile_path is None:
        raise click.UsageError("--no-values-model needs --profile (values are read with one)")
    rub = load_rubric(rubric)
    scored: list[Any] = []  # kept only for --report
    cal = load_calibration(calibration, rubric=rub) if calibration is not None else None
    context = None
    if profile_path is not None:
        from .candidate import ProfileContext
        from .profile import load_profile

        context = ProfileContext.from_profile(
            load_profile(profile_path, partial=True),
            source=profile_path,
            values_model=values_model,
        )
    records = read_records(input_path, fmt=input_format)
    first = next(records, None)  # fail fast (exit 2) on a missing or unreadable file
    log = None
    if audit_log is not None:
        cal_hash = cal.content_hash if cal is not None else None
        log = AuditLog(audit_log, rubric=rub, calibration_hash=cal_hash)
    if per == "candidate":
        try:
            _score_per_candidate(first, records, rub, context, fmt, output, cal, log)
        finally:
            if log is not None:
                log.close()
        return
    stream = _output_stream(output)
    failed = 0
    try:
        writer = open_writer(fmt, stream)

        def everything() -> Iterator[Any]:
            if first is not None:
                yield first
            yield from records

        # a progress count on stderr, unless it would interleave with results on the terminal
        to_terminal = output in (None, "-") and sys.stdout.isatty()
        progress = sys.stderr.isatty() and not to_terminal
        results: Iterator[Any] = oversee(
            score_answers(everything(), rubric=rub), calibration=cal, log=log
        )
        if context is not None:
            from .candidate import profile_results

            results = profile_results(results, context)
        for item in _with_progress(results, progress):
            if isinstance(item, RecordError):
                failed += 1
            if report_path is not None:
                scored.append(item)
            writer.write(item)
        writer.close()
    finally:
        if log is not None:
            log.close()
        if stream is not sys.stdout and output not in (None, "-"):
            stream.close()
    if report_path is not None:
        from .report import write_report

        summary = write_report(
            scored, report_path, lang=report_lang, rubric=rub, profile=profile_path
        )
        click.echo(f"wrote report {summary.path}: {summary.candidates} candidates", err=True)
    if failed:
        click.echo(f"{failed} record(s) could not be scored; see their error records", err=True)
        raise SystemExit(EXIT_FINDINGS)


def _score_per_candidate(
    first: Any,
    records: Iterator[Any],
    rub: Any,
    context: Any,
    fmt: str,
    output: str | None,
    cal: Any = None,
    log: Any = None,
) -> None:
    """``score --per candidate``: one summary per candidate; failed records are listed under
    their candidate's ``not_scored`` and on stderr."""
    from .auditlog import oversee
    from .candidate import ProfileContext, render_candidates, summarise_candidates
    from .scoring import score_answers

    def everything() -> Iterator[Any]:
        if first is not None:
            yield first
        yield from records

    failed: list[RecordError] = []

    def scored() -> Iterator[Any]:
        for item in oversee(score_answers(everything(), rubric=rub), calibration=cal, log=log):
            if isinstance(item, RecordError):
                failed.append(item)  # also listed under its candidate's "not_scored"
            yield item

    summaries = summarise_candidates(scored(), context or ProfileContext(), rubric=rub)
    _write_text(render_candidates(summaries, fmt), output)
    for error in failed:
        click.echo(f"error: {error.error}", err=True)
    if failed:
        click.echo(f"{len(failed)} record(s) could not be scored", err=True)
        raise SystemExit(EXIT_FINDINGS)


@main.command()
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None, help="Only this language.")
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Where to write the HTML report of the example candidates "
    "(default: talentfit-demo/report.html in the temporary directory).",
)
@library_errors
def demo(lang: str | None, report_path: str | None) -> None:
    """Run talentfit on built-in examples and print readable results."""
    from .demo import run_demo, section, write_demo_report

    run_demo(sys.stdout, lang=lang)
    section(sys.stdout, "7. A candidate report to open or print (self-contained HTML)")
    summary = write_demo_report(report_path, lang=lang)
    click.echo(f"HTML report of the {summary.candidates} example candidates: {summary.path}")


from . import cli_audit  # noqa: E402,F401 - registers `audit` and `calibrate`

# isort: split
from . import cli_report  # noqa: E402,F401 - registers `report`

if __name__ == "__main__":  # pragma: no cover
    main()
