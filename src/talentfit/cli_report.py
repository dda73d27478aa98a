"""``talentfit report``: the HTML candidate report of scored answers; parse, call, format.

Registered on the main group by :mod:`talentfit.cli`. Exit codes: 0 report written;
1 report written but some records were not scored; 2 usage, unreadable SCORES or profile,
or the report cannot be written.
"""

from __future__ import annotations

import click

from .cli import EXIT_FINDINGS, FatalError, library_errors, main, output_option
from .records import read_records
from .report import write_report


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
@output_option("the HTML report", default="report.html")
@library_errors
def report(scores: str, profile: str | None, lang: str, output: str) -> None:
    """Write a self-contained HTML report of scored answers.

    SCORES is the JSONL that `talentfit score --format jsonl` wrote (or - for stdin).
    Exit 1 when some records were not scored (they are listed in the report).
    """
    if scores.lower().endswith((".csv", ".tsv")):
        raise FatalError(
            f"{scores}: expected the JSONL that `talentfit score --format jsonl` writes "
            "(CSV has no evidence offsets)"
        )
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
