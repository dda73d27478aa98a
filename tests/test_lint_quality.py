"""Quality regressions on the repository's own example ads (not the dev or held-out data)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from talentfit.lint import PROBLEM_CATEGORIES, lint_file, lint_vacancy

DATA = Path(__file__).parent / "data" / "lint"
GOOD = sorted(DATA.glob("good_*.txt"))
SPAN_CATEGORIES = (set(PROBLEM_CATEGORIES) - {"pay_transparency"}) | {"gender_coded"}


@pytest.mark.parametrize("path", GOOD, ids=[p.stem for p in GOOD])
def test_well_written_ads_have_no_problem_findings(path: Path) -> None:
    """Concrete, reader-centred ads in several sectors get no problem or gender-coded findings."""
    result = lint_file(path)
    assert [(f.rule, f.text) for f in result.findings if f.category in SPAN_CATEGORIES] == []


def test_typical_ads_have_their_annotated_spans_found_with_the_right_category() -> None:
    """Every annotated span of the own typical ads is overlapped by a finding of its category."""
    missed = []
    lines = [
        line for path in sorted(DATA.glob("own_typical*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]  # fmt: skip
    for line in lines:
        ad = json.loads(line)
        findings = [
            f for f in lint_vacancy(ad["text"], lang=ad["lang"]).findings
            if f.category in SPAN_CATEGORIES
        ]  # fmt: skip
        cursor = 0
        for span in ad["spans"]:
            start = (
                re.compile(rf"(?<!\w){re.escape(span['text'])}").search(ad["text"], cursor).start()
            )
            end = start + len(span["text"])
            cursor = start
            if not any(
                f.start < end and start < f.end and f.category == span["category"] for f in findings
            ):
                missed.append((ad["id"], span["text"], span["category"]))
    assert missed == []
