"""Sign agreement of values alignment with labelled answers, per language.

Usage: PYTHONPATH=src python3 benchmarks/values_quality.py [LABELLED.jsonl] [-v] [--transcript]

Each line of the labelled file has ``answer``, ``lang``, ``value`` (a built-in value id) and
``label`` (+1 the answer expresses the value, -1 it expresses the contrary belief). A pair
agrees when ``sign(alignment) == label``; no evidence (``alignment`` None) or 0 disagrees.
Also prints coverage (share with any evidence), throughput and peak memory.
``--transcript`` first turns each answer into an unpunctuated, lower-case transcript (as
speech-to-text often delivers it), to measure how much the reading rules lean on punctuation.
"""

from __future__ import annotations

import json
import re
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

from talentfit.values import builtin_values, value_alignment

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "values_labelled.jsonl"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    transcript = "--transcript" in argv
    paths = [a for a in argv if a not in ("-v", "--transcript")]
    path = Path(paths[0]) if paths else DEFAULT
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    values = builtin_values()
    agree: dict[str, int] = defaultdict(int)
    covered: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    tracemalloc.start()
    started = time.perf_counter()
    for row in rows:
        lang = row["lang"]
        answer = row["answer"]
        if transcript:
            answer = re.sub(r"[.,!?;:]", "", answer).lower()
        result = value_alignment(answer, lang, [values[row["value"]]])[0]
        total[lang] += 1
        if result.alignment is not None:
            covered[lang] += 1
        ok = result.alignment is not None and result.alignment * row["label"] > 0
        agree[lang] += ok
        if verbose and not ok:
            found = [(e.text, e.signal) for e in result.evidence]
            print(
                f"MISS {row.get('id', '')} {lang} {row['value']} label={row['label']:+d} "
                f"alignment={result.alignment} {found}\n     {answer}"
            )
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"labelled pairs: {path}" + (" (as unpunctuated transcripts)" if transcript else ""))
    for lang in sorted(total):
        n = total[lang]
        print(
            f"{lang}: sign agreement {agree[lang] / n:.1%} ({agree[lang]}/{n}), "
            f"coverage {covered[lang] / n:.1%}"
        )
    all_n = sum(total.values())
    print(f"all: sign agreement {sum(agree.values()) / all_n:.1%} ({sum(agree.values())}/{all_n})")
    print(f"throughput: {all_n / elapsed:.0f} answers/s; peak memory {peak / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
