"""Throughput of `talentfit score` through the CLI, and its peak memory.

Usage: python3 benchmarks/score_bench.py [N]   (default N = 20000 answers)

Generates N varied answers (nl and en, several lengths) into a temporary JSONL file, runs
`talentfit score FILE -o OUT` in a subprocess, and prints answers/s and the peak resident
memory of that process. Run it twice with different N to see that memory stays flat.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = {
    "nl": [
        "Een klant belde omdat haar pakket al een week zoek was.",
        "Ik heb haar niet doorverbonden maar zelf de vervoerder gebeld.",
        "Ze was bang dat het cadeau voor haar dochter niet op tijd zou komen.",
        "Ik beloofde haar voor vier uur terug te bellen en dat heb ik gedaan.",
        "Het pakket werd de volgende ochtend bezorgd en ze bedankte me.",
        "Sindsdien vragen we bij elke vertraging meteen de track-and-trace op.",
        "Ik ben heel klantgericht en denk altijd in oplossingen.",
        "Als een klant boos is, zou ik eerst luisteren.",
    ],
    "en": [
        "A customer emailed because his invoice showed the wrong amount.",
        "I didn't just pass it on to billing, I checked the account myself.",
        "He was worried because his business depended on that money.",
        "I promised to call him back before noon and I did.",
        "The corrected invoice went out that day and he thanked me.",
        "Since then I always check the first invoice after a price change.",
        "I'm a proactive team player who goes above and beyond.",
        "If a customer was upset, I would listen first.",
    ],
}
COMPETENCIES = ["ownership", "empathy", "initiative", "service_recovery", None]


def make_input(path: Path, n: int) -> None:
    rng = random.Random(42)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            lang = "nl" if i % 2 else "en"
            k = rng.randint(3, 8)
            answer = " ".join(rng.sample(SENTENCES[lang], k))
            record = {
                "id": f"a{i}",
                "candidate_id": f"c{i // 4}",
                "answer": answer,
                "competency": COMPETENCIES[i % len(COMPETENCIES)],
                "lang": lang if i % 3 else None,
            }
            out.write(json.dumps(record) + "\n")


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "answers.jsonl"
        out = Path(tmp) / "scores.jsonl"
        make_input(src, n)
        words = sum(len(json.loads(line)["answer"].split()) for line in src.open())
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "talentfit.cli", "score", str(src), "-o", str(out)],
            check=True,
        )
        elapsed = time.perf_counter() - start
        lines = sum(1 for _ in out.open())
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    print(f"answers:           {n:,} ({words / n:.0f} words on average); {lines:,} output lines")
    print(f"wall time:         {elapsed:.2f} s (including interpreter start-up)")
    print(f"throughput (wall): {n / elapsed:,.0f} answers/s")
    print(f"throughput (CPU):  {n / cpu:,.0f} answers/s on one core ({cpu:.2f} s CPU)")
    print(f"peak memory (RSS): {usage.ru_maxrss / 1024:.1f} MiB")
    return 0 if lines == n else 1


if __name__ == "__main__":
    raise SystemExit(main())
