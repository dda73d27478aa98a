"""A linear reading of an answer's attitude, learned from labelled answers.

The value lexicons read what an answer says about a value in words they know. When an
answer shows nothing of the value itself, its sign used to come from general backoff rules
(other values, attitude cues, whether a story is told at all). Those rules read a contrary
act told as a calm story ("We were busy, so I told her to come back after the film") as a
story, which leans for the value. A linear model over the answer's lemmas and lemma pairs,
trained on the project's labelled answers (``tests/data/values_*.jsonl``), reads such
answers better (docs/values.md, "The attitude model"), so it decides there when it is
confident, and the rules decide otherwise.

The model is data (``talentfit/data/attitude/<lang>.toml``, written by
``benchmarks/train_attitude_model.py``): a weight per feature, the training files and
settings. A feature is a lemma (``en:anyway``) or two adjacent lemmas of one sentence
(``en:i_just``). It never sees what the counterfactual fairness check swaps (pronouns,
titles, gendered nouns, the names of its pairs), a capitalised word inside a sentence (a
name), or a number, so swapping a customer's gender or name cannot move it.

The score is the sum of the weights of the distinct features of the answer: above
``margin`` the answer leans for the value, below ``-margin`` against it, in between the
model abstains. The evidence quoted is the sentence whose features weigh most in the
direction of the score. Training is logistic regression by stochastic gradient descent
with a fixed shuffle, so the same files give the same weights.
"""

from __future__ import annotations

import functools
import math
import random
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from .convert import structure
from .text import LANGUAGES, Doc, analyse, fold

__all__ = [
    "AttitudeModel",
    "AttitudeReading",
    "attitude",
    "attitude_model",
    "features",
    "labelled_rows",
    "render_model",
    "rounded",
    "train",
]


@attrs.frozen
class AttitudeModel:
    """One language's model: weights per feature and how it was trained."""

    lang: str
    margin: float  # |score| below this: the model abstains
    trained_on: list[str]  # the labelled files, relative to the repository
    pairs: int  # labelled answers used (both languages)
    epochs: int
    learning_rate: float
    l2: float
    min_count: int  # a feature in fewer training answers is left out
    seed: int
    weights: dict[str, float]


@attrs.frozen
class AttitudeReading:
    """The model's reading of one answer: its score and the sentence that weighs most."""

    score: float
    sentence: int  # index into the Doc's sentences


@functools.cache
def attitude_model(lang: str) -> AttitudeModel:
    """The packaged model for ``lang`` (validated, cached)."""
    from .resources import load_data_toml

    relpath = f"attitude/{lang}.toml"
    return structure(load_data_toml(relpath), AttitudeModel, source=f"talentfit/data/{relpath}")


@functools.cache
def _hidden(lang: str) -> frozenset[str]:
    """What the model never sees: the counterfactual check's swap words and names."""
    from .counterfactual import swap_data

    data = swap_data()
    words = {fold(w) for rule in data.languages[lang].rules for w in (rule.word, rule.swap)}
    words.update(fold(n) for pair in [*data.names.first, *data.names.surnames] for n in pair)
    return frozenset(words)


def features(doc: Doc) -> list[tuple[str, int]]:
    """The features of ``doc`` with the sentence each stands in (first occurrence only)."""
    hidden = _hidden(doc.lang)
    norms, lemmas, surfaces, sents = doc.norms, doc.lemmas, doc.surfaces, doc.sents
    heads = {first for first, _ in doc.sentences}
    seen: dict[str, int] = {}
    prefix = doc.lang + ":"
    previous: str | None = None
    for i, lemma in enumerate(lemmas):
        norm = norms[i]
        if (
            norm in hidden
            or lemma in hidden
            or not norm[:1].isalpha()
            or (surfaces[i][:1].isupper() and i not in heads)
        ):
            previous = None
            continue
        if i in heads:
            previous = None
        seen.setdefault(prefix + lemma, sents[i])
        if previous is not None:
            seen.setdefault(prefix + previous + "_" + lemma, sents[i])
        previous = lemma
    return list(seen.items())


def attitude(doc: Doc) -> AttitudeReading | None:
    """The model's reading of ``doc``, or None when it abstains (or the text is empty)."""
    if doc.lang not in LANGUAGES or not doc.norms:
        return None
    model = attitude_model(doc.lang)
    weights = model.weights
    per_sentence: dict[int, float] = {}
    score = 0.0
    for feature, sent in features(doc):
        weight = weights.get(feature)
        if weight:
            score += weight
            per_sentence[sent] = per_sentence.get(sent, 0.0) + weight
    if abs(score) < model.margin:
        return None
    sign = 1.0 if score > 0 else -1.0
    sentence = max(sorted(per_sentence), key=lambda s: sign * per_sentence[s])
    return AttitudeReading(round(score, 4), sentence)


def train(
    rows: Sequence[tuple[str, str, int]],
    *,
    epochs: int = 15,
    learning_rate: float = 0.1,
    l2: float = 0.003,
    min_count: int = 2,
    seed: int = 1,
) -> dict[str, float]:
    """Weights learned from ``(answer, lang, label)`` rows (label +1 or -1).

    Logistic regression without an intercept, by stochastic gradient descent with L2 decay
    of the weights a step touches, over the rows in a shuffled order fixed by ``seed``.
    """
    examples = [
        ({f for f, _ in features(analyse(text, lang, spoken=True))}, label)
        for text, lang, label in rows
    ]
    counts = Counter(f for found, _ in examples for f in found)
    kept = [(sorted(f for f in found if counts[f] >= min_count), y) for found, y in examples]
    weights: dict[str, float] = {}
    order = list(range(len(kept)))
    shuffle = random.Random(seed).shuffle
    decay = 1.0 - learning_rate * l2
    for _ in range(epochs):
        shuffle(order)
        for k in order:
            found, y = kept[k]
            margin = y * sum(weights.get(f, 0.0) for f in found)
            step = learning_rate * y / (1.0 + math.exp(min(30.0, margin)))
            for f in found:
                weights[f] = weights.get(f, 0.0) * decay + step
    return weights


def render_model(model: AttitudeModel) -> str:
    """The TOML text of a model (weights sorted by feature)."""
    import json

    def string(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string

    lines = [
        "# The attitude model of talentfit.value_model, written by",
        "# benchmarks/train_attitude_model.py: do not edit by hand, retrain.",
        f"lang = {string(model.lang)}",
        f"margin = {model.margin}",
        "trained_on = [",
        *(f"    {string(name)}," for name in model.trained_on),
        "]",
        f"pairs = {model.pairs}",
        f"epochs = {model.epochs}",
        f"learning_rate = {model.learning_rate}",
        f"l2 = {model.l2}",
        f"min_count = {model.min_count}",
        f"seed = {model.seed}",
        "",
        "[weights]",
        *(f"{string(f)} = {w}" for f, w in sorted(model.weights.items())),
    ]
    return "\n".join(lines) + "\n"


def rounded(weights: dict[str, float], lang: str, digits: int = 4) -> dict[str, float]:
    """The weights of ``lang``'s features, rounded, without those that round to zero."""
    prefix = lang + ":"
    found = {f: round(w, digits) for f, w in weights.items() if f.startswith(prefix)}
    return {f: w for f, w in found.items() if w}


def labelled_rows(paths: Iterable[str]) -> list[tuple[str, str, int]]:
    """``(answer, lang, label)`` from JSON Lines files, each (answer, value) pair once."""
    import json
    from pathlib import Path

    rows: list[tuple[str, str, int]] = []
    seen: set[tuple[str, str]] = set()
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            key = (row["answer"], row["value"])
            if key in seen:
                continue
            seen.add(key)
            rows.append((row["answer"], row["lang"], int(row["label"])))
    return rows
