"""Benchmark: render the HTML report of 1,000 candidates × 5 answers (synthetic records).

Prints the render time, the file size and the peak memory (tracemalloc, and max RSS).
Run: PYTHONPATH=src python3 benchmarks/report_bench.py [--candidates N] [--answers M]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from talentfit.models import COMPETENCY_IDS
from talentfit.report import write_report

SENTENCES = (
    "A customer called about a wrong invoice that belonged to the finance department.",
    "I did not transfer her but sorted it out with finance myself.",
    "I promised to call her back before Friday and I did, with the corrected invoice.",
    "Afterwards I asked whether everything was right now.",
    "Ik heb de klant gebeld, mijn excuses aangeboden en de levering zelf verplaatst.",
    "Sindsdien controleer ik de planning altijd voordat ik een datum noem.",
    "That is not my department, so I put the customer through to a colleague.",
    "I listened first and said I understood how frustrating that must be.",
)


def synthetic_records(candidates: int, answers: int, seed: int = 7) -> list[dict[str, Any]]:
    """Score records in the `talentfit score --format jsonl` schema, with real offsets."""
    rng = random.Random(seed)
    records = []
    for c in range(candidates):
        for a in range(answers):
            text = " ".join(rng.sample(SENTENCES, 4))
            scores = []
            for comp in COMPETENCY_IDS:
                evidence = []
                if rng.random() < 0.5:
                    for _ in range(rng.randint(1, 2)):
                        start = rng.randrange(0, len(text) - 20)
                        end = min(len(text), start + rng.randint(8, 60))
                        evidence.append(
                            {
                                "start": start,
                                "end": end,
                                "text": text[start:end],
                                "signal": "synthetic",
                                "weight": rng.choice((1.0, 0.6, -0.8)),
                            }
                        )
                level = rng.randint(1, 5) if evidence else None
                scores.append(
                    {
                        "competency": comp,
                        "level": level,
                        "score": None if level is None else float(level),
                        "evidence": evidence,
                        "rationale": "synthetic",
                    }
                )
            records.append(
                {
                    "id": f"c{c}-a{a}",
                    "candidate_id": f"candidate-{c}",
                    "language": "en",
                    "scores": scores,
                    "competency": rng.choice(COMPETENCY_IDS),
                    "question": "Tell me about a time you helped a customer.",
                    "answer": text,
                    "flags": ["too_short"] if rng.random() < 0.05 else [],
                    "rubric": "customer-service",
                    "values": [{"value": "ownership", "alignment": 0.5, "evidence": []}],
                    "motivation": {
                        "drivers": [{"driver": "autonomy", "strength": 0.6}],
                        "fit": 0.7,
                    },
                }
            )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=1000)
    parser.add_argument("--answers", type=int, default=5)
    args = parser.parse_args()
    records = synthetic_records(args.candidates, args.answers)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.html"
        write_report(records[:1], path)  # load templates and data once
        started = time.perf_counter()
        summary = write_report(records, path)
        seconds = time.perf_counter() - started
        size = path.stat().st_size
        tracemalloc.start()  # a second run under tracemalloc (slower) for the peak
        write_report(records, path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(
        f"report: {summary.candidates} candidates, {summary.answers} answers "
        f"in {seconds:.2f} s ({summary.answers / seconds:,.0f} answers/s); "
        f"file {size / 1e6:.1f} MB ({size / summary.candidates / 1e3:.1f} kB per candidate); "
        f"peak memory {peak / 1e6:.0f} MB traced while rendering, {rss:.0f} MB max RSS"
    )


if __name__ == "__main__":
    main()
