"""Agreement of talentfit's scores with an assessor's levels, per language.

Usage: python3 benchmarks/score_quality.py [ANSWERS.jsonl] [--transcript] [-v]
(default: ../shared/data/answers_dev.jsonl next to the repository).
Prints, per language: Spearman rho of score vs level, quadratic weighted kappa of level,
and rho of word count alone (the length baseline). ``--transcript`` scores each answer as
raw speech-to-text output would give it: lower case, no punctuation. Rows may give the
level as ``level`` or ``expect``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from talentfit import score_answer
from talentfit.metrics import exact_agreement, quadratic_weighted_kappa, spearman

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "answers_dev.jsonl"


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("-")]
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    by_lang: dict[str, list[tuple[int, float, int, int]]] = defaultdict(list)
    verbose = "-v" in argv
    transcript = "--transcript" in argv
    for row in rows:
        answer = as_transcript(row["answer"]) if transcript else row["answer"]
        gold_level = row["level"] if "level" in row else row["expect"]
        result = score_answer(answer, competency=row["competency"], lang=row.get("lang"))
        target = result.score_for(row["competency"])
        assert target is not None and target.level is not None and target.score is not None
        by_lang[result.language].append(
            (gold_level, target.score, target.level, len(row["answer"].split()))
        )
        if verbose and target.level != gold_level:
            print(
                f"{row['id']} {row['competency']} gold={gold_level} got={target.level} "
                f"{target.rationale}"
            )
    print(f"{'lang':<5}{'n':>4}{'rho(score)':>12}{'QWK(level)':>12}{'exact':>8}{'rho(length)':>13}")
    for lang in sorted(by_lang):
        gold = [r[0] for r in by_lang[lang]]
        scores = [r[1] for r in by_lang[lang]]
        levels = [r[2] for r in by_lang[lang]]
        length = [r[3] for r in by_lang[lang]]
        print(
            f"{lang:<5}{len(gold):>4}{spearman(scores, gold):>12.3f}"
            f"{quadratic_weighted_kappa(levels, gold):>12.3f}{exact_agreement(levels, gold):>8.2f}"
            f"{spearman(length, gold):>13.3f}"
        )
    return 0


def as_transcript(text: str) -> str:
    """The answer as unpunctuated speech-to-text output: lower case, no sentence marks."""
    return re.sub(r"[.!?;:,]", "", text).lower()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
