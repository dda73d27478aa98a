"""Throughput of the adverse-impact audit: rows/s and peak memory, library and CLI.

Usage: python3 benchmarks/audit_throughput.py [ROWS]   (default 100,000)
Writes a synthetic CSV (candidate_id, score, selected, gender, origin) to a temporary
directory, then audits it by two attributes with both methods through the library
(read_records + adverse_impact) and once through the CLI entry point.
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from click.testing import CliRunner

from talentfit.cli import main as cli_main
from talentfit.fairness import adverse_impact
from talentfit.records import read_records


def write_table(path: Path, rows: int) -> None:
    rng = random.Random(7)
    genders = ["f", "m", "x"]
    origins = ["nl", "ma", "tr", "sr", "pl", "other"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["candidate_id", "score", "selected", "gender", "origin"])
        for i in range(rows):
            score = round(rng.uniform(1.0, 5.0), 3)
            writer.writerow(
                [
                    f"c{i}",
                    score,
                    int(score > 3.4),
                    rng.choices(genders, weights=[48, 48, 4])[0],
                    rng.choice(origins) if i % 50 else "",
                ]
            )


def main(argv: list[str]) -> int:
    rows = int(argv[1]) if len(argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "table.csv"
        write_table(table, rows)
        for method in ("selection", "scoring"):
            start = time.perf_counter()
            reports = adverse_impact(read_records(table), ["gender", "origin"], method=method)
            elapsed = time.perf_counter() - start
            assert reports[0].candidates == rows
            tracemalloc.start()  # a second run for memory: tracing slows Python down
            adverse_impact(read_records(table), ["gender", "origin"], method=method)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(
                f"library {method:<9} {rows:,} rows in {elapsed:.2f}s: "
                f"{rows / elapsed:,.0f} rows/s, peak memory {peak / 1e6:.1f} MB"
            )
        start = time.perf_counter()
        result = CliRunner().invoke(
            cli_main, ["audit", str(table), "--by", "gender", "--by", "origin", "--format", "json"]
        )
        elapsed = time.perf_counter() - start
        assert result.exit_code in (0, 1), result.output
        print(f"cli     selection {rows:,} rows in {elapsed:.2f}s: {rows / elapsed:,.0f} rows/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
