"""Quality of the vacancy lint on annotated ads.

Usage: python benchmarks/lint_quality.py [PATH] [--verbose]

PATH is a JSONL file of ads with fields ``id``, ``lang``, ``kind`` (``typical`` | ``good``),
``text`` and ``spans`` (``text``: an exact substring, ``category``). Default:
``/work/shared/data/vacancies_dev.jsonl`` or ``../shared/data/vacancies_dev.jsonl``.

Per language it prints:
- recall: share of annotated spans overlapped by a finding of a phrase category
  (whole-text findings such as readability, structure and pay are not counted, so a long
  sentence finding cannot "find" a span);
- category: share of the found spans with an overlapping finding of the annotated category;
- problems per good ad: findings in PROBLEM_CATEGORIES per well-written ad;
- gender-coded per good ad: the (advice) gender-coded findings per well-written ad.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from talentfit.lint import PROBLEM_CATEGORIES, lint_vacancy

SPAN_CATEGORIES = frozenset(PROBLEM_CATEGORIES) - {"pay_transparency"} | {"gender_coded"}


def locate(text: str, span: str, cursor: int) -> int:
    """Offset of ``span`` as a whole word (at or after ``cursor`` when possible)."""
    pattern = re.compile(
        (r"(?<!\w)" if span[:1].isalnum() else "")
        + re.escape(span)
        + (r"(?!\w)" if span[-1:].isalnum() else "")
    )
    for start in (cursor, 0):
        m = pattern.search(text, start)
        if m:
            return m.start()
    found = text.find(span)
    return found if found >= 0 else 0


def default_path() -> Path:
    here = Path(__file__).resolve().parents[1]
    for candidate in (
        Path("/work/shared/data/vacancies_dev.jsonl"),
        here.parent / "shared" / "data" / "vacancies_dev.jsonl",
        Path("../shared/data/vacancies_dev.jsonl"),
    ):
        if candidate.exists():
            return candidate
    raise SystemExit("no data file found; pass the path to an annotated JSONL file")


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else default_path()
    spans_total: dict[str, int] = defaultdict(int)
    spans_found: dict[str, int] = defaultdict(int)
    spans_right: dict[str, int] = defaultdict(int)
    good_ads: dict[str, int] = defaultdict(int)
    good_problems: dict[str, int] = defaultdict(int)
    good_coded: dict[str, int] = defaultdict(int)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        ad = json.loads(line)
        lang = ad["lang"]
        result = lint_vacancy(ad["text"], lang=lang)
        phrase = [f for f in result.findings if f.category in SPAN_CATEGORIES]
        if ad["kind"] == "good":
            good_ads[lang] += 1
            problems = result.problems()
            good_problems[lang] += len(problems)
            good_coded[lang] += sum(f.category == "gender_coded" for f in result.findings)
            if verbose:
                for f in problems:
                    print(f"  {ad['id']} GOOD-AD PROBLEM {f.category}/{f.rule}: {f.text!r}")
        cursor = 0
        for span in ad.get("spans", []):
            start = locate(ad["text"], span["text"], cursor)
            end = start + len(span["text"])
            cursor = max(cursor, start)
            spans_total[lang] += 1
            hits = [f for f in phrase if f.start < end and start < f.end]
            if hits:
                spans_found[lang] += 1
                if any(f.category == span["category"] for f in hits):
                    spans_right[lang] += 1
                elif verbose:
                    got = ",".join(sorted({f.category for f in hits}))
                    print(f"  {ad['id']} WRONG {span['category']} got {got}: {span['text']!r}")
            elif verbose:
                print(f"  {ad['id']} MISSED {span['category']}: {span['text']!r}")
    header = f"{'lang':<5} {'spans':>5} {'recall':>7} {'category':>9} {'problems/good ad':>17}"
    print(header + f" {'gender-coded/good ad':>21}")
    for lang in sorted(set(spans_total) | set(good_ads)):
        total, found = spans_total[lang], spans_found[lang]
        recall = found / total if total else float("nan")
        category = spans_right[lang] / found if found else float("nan")
        ads = good_ads[lang]
        per_good = good_problems[lang] / ads if ads else float("nan")
        coded = good_coded[lang] / ads if ads else float("nan")
        print(
            f"{lang:<5} {total:>5} {recall:>7.2f} {category:>9.2f} {per_good:>17.2f} {coded:>21.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
