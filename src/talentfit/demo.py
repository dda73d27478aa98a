"""``talentfit demo``: the main jobs on built-in examples, printed readably."""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path
from typing import IO, Any

from .draft import draft_demo
from .lint import lint_demo
from .models import AnswerResult
from .output import open_writer
from .report import ReportSummary, write_report
from .resources import data_file
from .scoring import score_answers

__all__ = [
    "demo_answers",
    "run_candidate_demo",
    "run_demo",
    "run_fairness_demo",
    "run_guide_demo",
    "section",
    "write_demo_report",
]


def demo_answers(lang: str | None = None) -> list[dict[str, Any]]:
    """The built-in example answers (optionally of one language)."""
    text = data_file("demo/answers.jsonl").read_text("utf-8")
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [r for r in records if lang is None or r.get("lang") == lang]


def section(out: IO[str], title: str) -> None:
    out.write(f"\n{'=' * 78}\n{title}\n{'=' * 78}\n\n")


def run_demo(out: IO[str], *, lang: str | None = None) -> None:
    """Run the main jobs on built-in examples and print readable results to ``out``."""
    out.write("talentfit demo: every result below is advice for a human decision;\n")
    out.write("talentfit never accepts or rejects a candidate.\n")

    section(out, "1. Scoring example interview answers (levels 1-5 with quoted evidence)")
    writer = open_writer("text", out)
    for item in score_answers(demo_answers(lang)):
        writer.write(item)
    writer.close()

    section(out, "2. Per candidate, against a role profile (values, motivation fit)")
    run_candidate_demo(out, lang=lang)

    section(out, "3. An interview guide from the same role profile")
    run_guide_demo(out, lang=lang)

    section(out, "4. Fairness: adverse impact and counterfactual invariance")
    run_fairness_demo(out)

    section(out, "5. Linting a cliché-laden vacancy text")
    lint_demo(out, lang=lang)

    section(out, "6. Drafting a vacancy from a role profile")
    draft_demo(out, lang=lang)


def _demo_profile(lang: str | None) -> tuple[Any, str]:
    from .profile import example_profile, load_profile

    name = "support-engineer-bookkeeping.en" if lang == "en" else "klantadviseur-energie.nl"
    path = example_profile(name)
    return load_profile(path), str(path)


def run_candidate_demo(out: IO[str], *, lang: str | None = None) -> None:
    """Score the example answers with a role profile and summarise them per candidate."""
    from .candidate import (
        ProfileContext,
        render_candidates,
        score_with_profile,
        summarise_candidates,
    )

    profile, source = _demo_profile(lang)
    out.write(f"role profile: {source.rsplit('/', 1)[-1]}\n\n")
    context = ProfileContext.from_profile(profile, source=source)
    results = [
        r for r in score_with_profile(demo_answers(lang), context) if isinstance(r, AnswerResult)
    ]
    out.write(render_candidates(summarise_candidates(results, context), "text"))


def run_guide_demo(out: IO[str], *, lang: str | None = None) -> None:
    """Print the structured interview guide of the demo role profile (Markdown)."""
    from .guide import build_guide, render_guide

    profile, source = _demo_profile(lang)
    guide = render_guide(build_guide(profile, source=source), "md")
    head, sep, _ = guide.partition("\n### 2.")
    out.write(head.rstrip() + "\n")
    if sep:
        out.write("\n… the full guide, with every competency and the rating sheet:\n")
        out.write(f"    talentfit guide {source}\n")


def write_demo_report(path: str | Path | None = None, *, lang: str | None = None) -> ReportSummary:
    """Score the example answers against the demo role profile and write the HTML report.

    ``path`` defaults to ``talentfit-demo/report.html`` in the temporary directory; the
    report's interface language is ``lang`` (default English). The profile's weights order
    the competencies; its values and offer give the values and motivation-fit columns.
    """
    from .candidate import ProfileContext, score_with_profile

    if path is None:
        folder = Path(tempfile.gettempdir()) / "talentfit-demo"
        folder.mkdir(exist_ok=True)
        path = folder / "report.html"
    profile, source = _demo_profile(lang)
    context = ProfileContext.from_profile(profile, source=source)
    results = score_with_profile(demo_answers(lang), context)
    return write_report(results, path, lang=lang or "en", profile=profile)


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
