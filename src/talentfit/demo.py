"""``talentfit demo``: the main jobs on built-in examples, printed readably."""

from __future__ import annotations

import json
from importlib import resources
from typing import IO, Any

from .output import open_writer
from .resources import data_file
from .scoring import score_answers

__all__ = ["demo_answers", "run_demo", "run_fairness_demo"]


def demo_answers(lang: str | None = None) -> list[dict[str, Any]]:
    """The built-in example answers (optionally of one language)."""
    text = data_file("demo/answers.jsonl").read_text("utf-8")
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [r for r in records if lang is None or r.get("lang") == lang]


def run_demo(out: IO[str], *, lang: str | None = None) -> None:
    """Score the example answers and print readable results to ``out``."""
    out.write("talentfit demo: scoring example interview answers\n")
    out.write("(levels 1-5 are advice for a human decision, never an accept/reject)\n\n")
    writer = open_writer("text", out)
    for item in score_answers(demo_answers(lang)):
        writer.write(item)
    writer.close()


def run_fairness_demo(out: IO[str]) -> None:
    """Show the oversight tools: an adverse-impact audit and a counterfactual check."""
    from .counterfactual import check_invariance, invariance_summary
    from .fairness import adverse_impact, render_text
    from .records import read_records

    out.write("Adverse impact on an example table of 60 candidates (scoring rate:\n")
    out.write("share above the median of all candidates; flag below 0.8):\n\n")
    with resources.as_file(data_file("demo/candidates.csv")) as path:
        reports = adverse_impact(read_records(path), ["gender", "origin"], method="scoring")
    out.write(render_text(reports) + "\n")
    summary = invariance_summary(check_invariance(demo_answers()))
    out.write(
        f"Counterfactual check of the example answers: {summary['answers']} answers, "
        f"{summary['with_variants']} with names, pronouns or titles swapped, "
        f"{summary['moved']} with a level that moved.\n"
    )
