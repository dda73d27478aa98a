"""``talentfit audit`` and ``talentfit calibrate``: parse options, call the library, format.

Registered on the main group by :mod:`talentfit.cli`. Exit codes: 0 nothing to report;
1 a group flagged, a bad row, or (``--counterfactual``) a level that moved; 2 usage or
unreadable input.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from .calibration import Calibration, Rating, read_ratings
from .calibration import calibrate as fit
from .cli import EXIT_FINDINGS, EXIT_OK, FatalError, library_errors, main, output_option
from .counterfactual import check_invariance, invariance_summary
from .fairness import (
    METHODS,
    AttributeReport,
    adverse_impact,
    join_groups,
    render_text,
)
from .records import neutralise_cell, read_records
from .rubric import load_rubric

__all__ = ["audit", "calibrate"]

_CSV_FIELDS = (
    "attribute",
    "method",
    "median",
    "group",
    "n",
    "rate",
    "impact_ratio",
    "flag",
    "z",
    "p",
    "test",
    "positive",
    "at_median",
    "excluded",
    "note",
)


def csv_rows(reports: Iterable[AttributeReport]) -> Iterable[dict[str, Any]]:
    """One row per attribute × group, in :data:`_CSV_FIELDS` order."""
    for report in reports:
        for g in report.groups:
            yield {
                "attribute": report.attribute,
                "method": report.method,
                "median": report.median,
                "group": g.group,
                "n": g.n,
                "rate": g.rate,
                "impact_ratio": g.impact_ratio,
                "flag": int(g.flag),
                "z": g.z,
                "p": g.p,
                "test": g.test,
                "positive": g.positive,
                "at_median": g.ties if report.method == "scoring" else None,
                "excluded": int(g.excluded),
                "note": g.note,
            }


def _write_csv(reports: Sequence[AttributeReport]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(_CSV_FIELDS)
    for row in csv_rows(reports):
        writer.writerow(["" if row[k] is None else neutralise_cell(row[k]) for k in _CSV_FIELDS])


@main.command()
@click.argument("table", required=False)
@click.option(
    "--by",
    "by",
    multiple=True,
    metavar="COLUMN",
    help="Group column to audit (repeat for several attributes).",
)
@click.option(
    "--method",
    type=click.Choice(METHODS),
    default="selection",
    show_default=True,
    help="selection: rate = selected/n. scoring: share above the median of all candidates.",
)
@click.option("--score-column", default="score", show_default=True, help="Numeric score column.")
@click.option(
    "--selected-column", default="selected", show_default=True, help="0/1 selection column."
)
@click.option(
    "--groups",
    "groups_file",
    metavar="FILE",
    help="CSV/JSONL with candidate_id and the group columns, joined to TABLE by candidate_id.",
)
@click.option(
    "--counterfactual",
    metavar="INPUT",
    help="Score INPUT's answers with names, pronouns and titles swapped; report moved levels.",
)
@click.option("--rubric", default=None, metavar="NAME|PATH", help="Rubric for --counterfactual.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
)
@library_errors
def audit(
    table: str | None,
    by: tuple[str, ...],
    method: str,
    score_column: str,
    selected_column: str,
    groups_file: str | None,
    counterfactual: str | None,
    rubric: str | None,
    fmt: str,
) -> None:
    """Adverse-impact audit of TABLE (one row per candidate) per group column.

    Impact ratio = a group's rate / the highest group's rate, flagged below 0.8 (four-fifths
    rule). Exit codes: 0 no flag; 1 a group flagged or a bad row; 2 usage or unreadable input.
    With --counterfactual INPUT: exit 1 when any answer's level moves.
    """
    if counterfactual is not None:
        if table is not None or by:
            raise click.UsageError("--counterfactual takes no TABLE or --by")
        _run_counterfactual(counterfactual, rubric, fmt)
        return
    if table is None:
        raise click.UsageError("missing argument TABLE")
    if not by:
        raise click.UsageError("name at least one group column with --by")
    rows: Iterable[Any] = read_records(table)
    if groups_file is not None:
        rows = join_groups(rows, read_records(groups_file), by, source=groups_file)
    reports = adverse_impact(
        rows, by, method=method, score_column=score_column, selected_column=selected_column
    )
    bad = reports[0].bad_rows
    for row in bad:
        where = f"{table}:{row.line}" if row.line is not None else table
        click.echo(f"bad row: {row.error} ({where})", err=True)
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        _write_csv(reports)
    else:
        click.echo(render_text(reports))
    if bad or any(r.flagged for r in reports):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _run_counterfactual(path: str, rubric: str | None, fmt: str) -> None:
    results = list(check_invariance(read_records(path), rubric=load_rubric(rubric)))
    summary = invariance_summary(results)
    for result in results:
        if result.error is not None:
            click.echo(f"bad record: {result.error} ({path}:{result.line})", err=True)
    moved = [r for r in results if r.moved]
    if fmt == "json":
        data = {"summary": summary, "moved": [r.to_dict() for r in moved]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["id", "line", "variant", "competency", "before", "after", "swapped"])
        for r in moved:
            for c in r.changes:
                row = [r.id, r.line, c.variant, c.competency, c.before, c.after]
                row.append(r.variants[c.variant])
                writer.writerow(["" if v is None else neutralise_cell(v) for v in row])
    else:
        click.echo(
            f"{summary['answers']} answers, {summary['with_variants']} with names, pronouns or "
            f"titles to swap, {summary['moved']} with a level that moved "
            f"(invariant: {summary['invariant_share']:.1%})"
        )
        for r in moved:
            click.echo(f"- {r.id or '(no id)'} (line {r.line}, {r.language})")
            for c in r.changes:
                click.echo(f"    {c.variant}: {c.competency} {c.before} -> {c.after}")
            for name in sorted({c.variant for c in r.changes}):
                click.echo(f"    {name} text: {r.variants[name]}")
    sys.exit(EXIT_FINDINGS if moved or summary["errors"] else EXIT_OK)


def _fmt(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def render_calibration(calibration: Calibration) -> str:
    """Before/after agreement per language and the mapping chosen per competency."""
    report = calibration.report.get("agreement", {})
    out = [
        f"Calibration for rubric {calibration.rubric} ({calibration.report.get('method', '')})",
        f"  {'':<9} {'n':>4}  {'spearman':>17}  {'qwk':>17}  {'exact':>13}  {'adjacent':>13}",
    ]

    def pair(before: Any, after: Any, width: int) -> str:
        text = f"{_fmt(before)} -> {_fmt(after)}"
        return f"{text:>{width}}"

    for group, figures in report.items():
        b, a = figures["before"], figures["after"]
        out.append(
            f"  {group:<9} {b['n']:>4}  {pair(b['spearman'], a['spearman'], 17)}  "
            f"{pair(b['qwk'], a['qwk'], 17)}  {pair(b['exact'], a['exact'], 13)}  "
            f"{pair(b['adjacent'], a['adjacent'], 13)}"
        )
    out.append("  mapping per competency (score -> level cut points):")
    for comp, entry in sorted(calibration.competencies.items()):
        cuts = ", ".join(f"{c:g}" for c in entry.cuts)
        note = f" ({entry.note})" if entry.note else ""
        out.append(f"    {comp:<24} {entry.method:<10} n={entry.n:<4} [{cuts}]{note}")
    return "\n".join(out)


@main.command()
@click.argument("rated")
@output_option("the calibration file (JSON)", absent="not written")
@click.option("--rubric", default=None, metavar="NAME|PATH", help="Rubric to score with.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@library_errors
def calibrate(rated: str, output: str | None, rubric: str | None, fmt: str) -> None:
    """Fit talentfit's score-to-level mapping to your own raters' levels in RATED.

    RATED (CSV/JSONL/JSON) has `answer`, `competency`, `level` (1-5) and optionally `lang`.
    Reports cross-validated agreement before and after; -o writes the file that
    `talentfit score --calibration FILE` applies. Exit codes: 0 ok; 1 some rows were
    unusable (named on stderr); 2 unreadable input or no usable ratings.
    """
    rub = load_rubric(rubric)
    ratings: list[Rating] = []
    bad = 0
    for item in read_ratings(read_records(rated), rubric=rub):
        if isinstance(item, Rating):
            ratings.append(item)
        else:
            bad += 1
            where = f"{rated}:{item.line}" if item.line is not None else rated
            click.echo(f"bad row: {item.message} ({where})", err=True)
    if not ratings:
        raise FatalError(f"no usable ratings in {rated}")
    result = fit(ratings, rubric=rub)
    if output is not None:
        try:
            Path(output).write_text(
                json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        except OSError as exc:
            raise FatalError(f"cannot write {output}: {exc.strerror}") from None
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_calibration(result))
        if output is not None:
            click.echo(f"wrote {output}")
    sys.exit(EXIT_FINDINGS if bad else EXIT_OK)
