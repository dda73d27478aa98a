"""Train the attitude model of ``talentfit.value_model`` on the labelled answers.

Usage: PYTHONPATH=src python3 benchmarks/train_attitude_model.py [--check]

Reads every ``tests/data/values_*.jsonl`` but the check sets ``values_check_*`` (each answer
and value once), trains one logistic regression over both languages' features and writes
``src/talentfit/data/attitude/<lang>.toml``.
``--check`` writes nothing and exits 1 when the packaged files differ from what training
gives (the test suite runs the same comparison).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from talentfit.text import LANGUAGES
from talentfit.value_model import AttitudeModel, labelled_rows, render_model, rounded, train

ROOT = Path(__file__).resolve().parents[1]
MARGIN = 0.5  # |score| below this: the model abstains and the backoff rules decide
SETTINGS = {"epochs": 15, "learning_rate": 0.1, "l2": 0.003, "min_count": 2, "seed": 1}


def training_files() -> list[Path]:
    """Every labelled values file but the check sets (``values_check_*``), which are kept
    out of training to measure the model on."""
    files = (ROOT / "tests" / "data").glob("values_*.jsonl")
    return sorted(f for f in files if not f.name.startswith("values_check_"))


def build() -> dict[str, str]:
    """The TOML text of each language's model."""
    files = training_files()
    rows = labelled_rows(str(f) for f in files)
    weights = train(rows, **SETTINGS)  # type: ignore[arg-type]
    names = [f.relative_to(ROOT).as_posix() for f in files]
    return {
        lang: render_model(
            AttitudeModel(
                lang=lang,
                margin=MARGIN,
                trained_on=names,
                pairs=len(rows),
                weights=rounded(weights, lang),
                **SETTINGS,  # type: ignore[arg-type]
            )
        )
        for lang in LANGUAGES
    }


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    built = build()
    target = ROOT / "src" / "talentfit" / "data" / "attitude"
    if "--check" in argv:
        stale = [
            lang
            for lang, text in built.items()
            if (target / f"{lang}.toml").read_text(encoding="utf-8") != text
        ]
        print("stale: " + ", ".join(stale) if stale else "the packaged models are current")
        return 1 if stale else 0
    target.mkdir(parents=True, exist_ok=True)
    for lang, text in built.items():
        (target / f"{lang}.toml").write_text(text, encoding="utf-8")
        print(f"{lang}: {text.count(chr(10))} lines -> {target / f'{lang}.toml'}")
    print(f"trained in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
