"""Agreement statistics match hand computations."""

import math

import pytest

from talentfit.metrics import (
    adjacent_agreement,
    exact_agreement,
    quadratic_weighted_kappa,
    ranks,
    spearman,
)


def test_ranks_average_ties() -> None:
    """Tied values share the mean of their rank positions."""
    assert ranks([10, 20, 20, 30]) == [1.0, 2.5, 2.5, 4.0]


def test_spearman_perfect_and_reversed() -> None:
    """Monotone agreement gives 1, reversed order gives -1, constant gives NaN."""
    assert spearman([1, 2, 3, 4], [2, 4, 6, 8]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert math.isnan(spearman([1, 1, 1], [1, 2, 3]))


def test_qwk_hand_computed() -> None:
    """QWK equals a hand computation on a small table."""
    a = [1, 2, 3, 4, 5, 5]
    b = [1, 2, 3, 5, 5, 4]
    # observed disagreement: two items one level apart -> 2 * (1/16); expected from marginals
    hist_a = [1, 1, 1, 1, 2]
    hist_b = [1, 1, 1, 1, 2]
    expected = sum(
        ((i - j) ** 2 / 16) * hist_a[i] * hist_b[j] / 6 for i in range(5) for j in range(5)
    )
    assert quadratic_weighted_kappa(a, b) == pytest.approx(1 - (2 / 16) / expected)
    assert quadratic_weighted_kappa(a, a) == pytest.approx(1.0)


def test_exact_and_adjacent() -> None:
    """Exact and adjacent agreement count the right shares."""
    assert exact_agreement([1, 2, 3], [1, 3, 5]) == pytest.approx(1 / 3)
    assert adjacent_agreement([1, 2, 3], [1, 3, 5]) == pytest.approx(2 / 3)
