"""Agreement statistics between talentfit and human raters (no numpy needed).

Used by the quality benchmark, by calibration and by the model card's figures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["adjacent_agreement", "exact_agreement", "quadratic_weighted_kappa", "ranks", "spearman"]


def ranks(values: Sequence[float]) -> list[float]:
    """Average ranks (1-based), ties sharing the mean of their positions."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        mean_rank = (i + j) / 2 + 1
        for k in range(i, j + 1):
            result[order[k]] = mean_rank
        i = j + 1
    return result


def _pearson(x: Sequence[float], y: Sequence[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return math.nan
    return sxy / math.sqrt(sxx * syy)


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rank correlation (ties averaged); NaN when either side is constant."""
    if len(x) != len(y):
        raise ValueError("spearman needs two sequences of the same length")
    if len(x) < 2:
        return math.nan
    return _pearson(ranks(x), ranks(y))


def quadratic_weighted_kappa(
    rater_a: Sequence[int], rater_b: Sequence[int], *, low: int = 1, high: int = 5
) -> float:
    """Cohen's kappa with quadratic weights on the ordinal scale ``low..high``."""
    if len(rater_a) != len(rater_b):
        raise ValueError("kappa needs two sequences of the same length")
    n = len(rater_a)
    if n == 0:
        return math.nan
    k = high - low + 1
    observed = [[0.0] * k for _ in range(k)]
    for a, b in zip(rater_a, rater_b, strict=True):
        observed[a - low][b - low] += 1
    hist_a = [sum(row) for row in observed]
    hist_b = [sum(observed[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            weight = (i - j) ** 2 / (k - 1) ** 2
            num += weight * observed[i][j]
            den += weight * hist_a[i] * hist_b[j] / n
    if den == 0:
        return 1.0 if num == 0 else math.nan
    return 1.0 - num / den


def exact_agreement(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of items on which both raters gave the same level."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a) if a else math.nan


def adjacent_agreement(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of items on which the raters differ by at most one level."""
    return sum(abs(x - y) <= 1 for x, y in zip(a, b, strict=True)) / len(a) if a else math.nan
