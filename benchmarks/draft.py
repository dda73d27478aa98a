"""Throughput and peak memory of drafting vacancies from the example role profiles.

Run: ``PYTHONPATH=src python3 benchmarks/draft.py [rounds]``. Prints drafts per second for
each format with and without the lint self-check, and the peak memory (tracemalloc).
"""

from __future__ import annotations

import sys
import time
import tracemalloc

from talentfit.draft import draft_vacancy
from talentfit.profile import example_profiles, load_profile


def main(rounds: int = 20) -> None:
    profiles = [load_profile(p) for p in example_profiles()]
    for p in profiles:  # warm caches: templates, rules, lemmas
        for fmt in ("md", "html", "txt", "jsonld"):
            for lang in ("nl", "en"):
                draft_vacancy(p, fmt=fmt, lang=lang)
    tracemalloc.start()
    for check in (False, True):
        for fmt in ("md", "html", "txt", "jsonld"):
            start = time.perf_counter()
            n = 0
            for _ in range(rounds):
                for profile in profiles:
                    draft_vacancy(profile, fmt=fmt, check=check)
                    n += 1
            elapsed = time.perf_counter() - start
            label = "with lint" if check else "no lint"
            print(f"{fmt:7s} {label:9s} {n / elapsed:8.1f} drafts/s  ({n} drafts, {elapsed:.2f} s)")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory (tracemalloc): {peak / 1_000_000:.1f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
