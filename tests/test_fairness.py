"""Adverse impact: rates, impact ratios, the four-fifths flag and the tests match hand work."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentfit.errors import InputError
from talentfit.fairness import (
    adverse_impact,
    fisher_exact,
    join_groups,
    two_proportion_z,
)


def selection_rows(spec: dict[str | None, tuple[int, int]]) -> list[dict[str, Any]]:
    """Rows with ``selected`` 1 for the first ``k`` of ``n`` candidates of each group."""
    rows: list[dict[str, Any]] = []
    for group, (n, k) in spec.items():
        for i in range(n):
            row: dict[str, Any] = {"candidate_id": f"{group}-{i}", "selected": int(i < k)}
            if group is not None:
                row["g"] = group
            rows.append(row)
    return rows


def by_group(report: Any) -> dict[str, Any]:
    return {g.group: g for g in report.groups}


def hand_z(x1: int, n1: int, x2: int, n2: int) -> float:
    p = (x1 + x2) / (n1 + n2)
    return (x1 / n1 - x2 / n2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))


def test_selection_rates_ratios_and_flags_match_hand_computation() -> None:
    """Selection rate, impact ratio against the highest group and the flag are exact."""
    rows = selection_rows({"A": (50, 20), "B": (40, 20), "C": (10, 3)})
    (report,) = adverse_impact(rows, "g")
    groups = by_group(report)
    assert report.method == "selection" and report.median is None
    assert report.candidates == 100 and report.missing == 0
    assert report.reference_group == "B"
    assert groups["A"].rate == pytest.approx(0.4, abs=1e-12)
    assert groups["A"].impact_ratio == pytest.approx(0.4 / 0.5, abs=1e-6)
    assert groups["C"].impact_ratio == pytest.approx(0.3 / 0.5, abs=1e-6)
    assert groups["B"].impact_ratio == pytest.approx(1.0)
    assert not groups["A"].flag  # exactly 0.8 is not below 0.8
    assert groups["C"].flag and not groups["B"].flag
    assert groups["A"].z == pytest.approx(hand_z(20, 50, 23, 50), abs=1e-9)
    assert groups["A"].test == "z"
    assert groups["A"].p == pytest.approx(math.erfc(abs(hand_z(20, 50, 23, 50)) / math.sqrt(2)))


@pytest.mark.parametrize(
    ("k_low", "flag"),
    [(400, False), (399, True), (401, False)],
)
def test_four_fifths_boundary_is_exact(k_low: int, flag: bool) -> None:
    """A ratio of exactly 0.8 is not flagged; one candidate fewer is."""
    rows = selection_rows({"low": (1000, k_low), "high": (1000, 500)})
    (report,) = adverse_impact(rows, ["g"])
    low = by_group(report)["low"]
    assert low.impact_ratio == pytest.approx(k_low / 500, abs=1e-6)
    assert low.flag is flag


def test_scoring_method_uses_median_of_all_candidates_and_reports_ties() -> None:
    """Scoring rate = share strictly above the overall median; ties at the median reported."""
    scores = {"X": [1, 2, 3, 3, 5], "Y": [3, 4, 4, 5, 2, 3]}
    rows = [
        {"candidate_id": f"{g}{i}", "score": s, "g": g}
        for g, values in scores.items()
        for i, s in enumerate(values)
    ]
    # all 11 scores sorted: 1 2 2 3 3 3 3 4 4 5 5 -> median 3
    (report,) = adverse_impact(rows, "g", method="scoring")
    groups = by_group(report)
    assert report.median == 3
    assert groups["X"].rate == pytest.approx(1 / 5, abs=1e-6)
    assert groups["Y"].rate == pytest.approx(3 / 6, abs=1e-6)
    assert groups["X"].impact_ratio == pytest.approx((1 / 5) / (3 / 6), abs=1e-6)
    assert groups["X"].flag and not groups["Y"].flag
    assert groups["X"].ties == 2 and groups["Y"].ties == 2
    assert groups["X"].to_dict("scoring")["tie_rate"] == pytest.approx(2 / 5)
    assert groups["X"].test == "fisher"  # expected cells below 5
    assert groups["X"].p == pytest.approx(fisher_exact(1, 4, 3, 3))


def test_scoring_median_of_an_even_count_is_exact() -> None:
    """With an even number of candidates the median is the mean of the middle two."""
    rows = [{"score": s, "g": "a" if i % 2 else "b"} for i, s in enumerate([1.0, 2.0, 2.5, 4.0])]
    (report,) = adverse_impact(rows, "g", method="scoring")
    assert report.median == pytest.approx(2.25)
    groups = by_group(report)
    assert groups["a"].rate == pytest.approx(1 / 2)  # a: 2.0, 4.0
    assert groups["b"].rate == pytest.approx(1 / 2)  # b: 1.0, 2.5


def test_small_groups_are_reported_but_left_out_of_ratios() -> None:
    """A group under 2% of candidates gets no ratio and cannot be the reference group."""
    rows = selection_rows({"A": (60, 30), "B": (39, 15), "tiny": (1, 1)})
    (report,) = adverse_impact(rows, "g")
    groups = by_group(report)
    assert groups["tiny"].excluded and groups["tiny"].impact_ratio is None
    assert not groups["tiny"].flag
    assert groups["tiny"].rate == 1.0
    assert report.reference_group == "A"
    assert groups["B"].impact_ratio == pytest.approx((15 / 39) / 0.5, abs=1e-6)
    assert any("under 2%" in note for note in report.notes)


def test_two_percent_exactly_is_not_small() -> None:
    """A group of exactly 2% of the candidates stays in the ratios."""
    rows = selection_rows({"A": (98, 49), "B": (2, 0)})
    (report,) = adverse_impact(rows, "g")
    b = by_group(report)["B"]
    assert not b.excluded and b.impact_ratio == 0.0 and b.flag


def test_missing_group_values_are_counted_not_grouped() -> None:
    """Absent, null and blank group values count as missing; they still count as candidates."""
    rows = selection_rows({"A": (10, 5), "B": (10, 2)})
    rows += [{"selected": 1}, {"selected": 0, "g": None}, {"selected": 1, "g": "  "}]
    (report,) = adverse_impact(rows, "g")
    assert report.missing == 3 and report.candidates == 23
    assert set(by_group(report)) == {"A", "B"}
    # the rest of B is A only: missing-group candidates are not in the comparison
    assert by_group(report)["B"].z == pytest.approx(hand_z(2, 10, 5, 10))


def test_missing_values_still_count_in_the_median() -> None:
    """The scoring median is over all candidates, whatever their group."""
    rows = [{"score": 1, "g": "a"}, {"score": 2, "g": "a"}, {"score": 10}, {"score": 11}]
    (report,) = adverse_impact(rows, "g", method="scoring")
    assert report.median == pytest.approx(6.0)
    assert by_group(report)["a"].rate == 0.0
    assert "impact ratios are undefined" in " ".join(report.notes)
    assert by_group(report)["a"].impact_ratio is None


def test_several_attributes_give_one_report_each() -> None:
    """One report per --by column, in the given order."""
    rows = [{"selected": i % 2, "g": "a", "h": str(i % 3)} for i in range(30)]
    reports = adverse_impact(rows, ["h", "g"])
    assert [r.attribute for r in reports] == ["h", "g"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"score": "abc", "g": "a"}, "must be a number"),
        ({"score": None, "g": "a"}, "is missing"),
        ({"score": True, "g": "a"}, "must be a number"),
        ({"score": "nan", "g": "a"}, "finite"),
    ],
)
def test_bad_scores_are_reported(row: dict[str, Any], message: str) -> None:
    """A row whose score is not a finite number is a bad row, not silently dropped."""
    rows = [{"score": 3, "g": "a", "__line__": 2}, {**row, "__line__": 3}]
    (report,) = adverse_impact(rows, "g", method="scoring")
    assert report.candidates == 1
    (bad,) = report.bad_rows
    assert bad.line == 3 and message in bad.error


@pytest.mark.parametrize("value", [2, "2", "maybe", -1, 0.5, None, ""])
def test_bad_selected_values_are_reported(value: Any) -> None:
    """``selected`` must be 0 or 1 (or true/false): anything else is a bad row."""
    (report,) = adverse_impact([{"selected": value, "g": "a"}], "g")
    assert report.candidates == 0 and len(report.bad_rows) == 1


@pytest.mark.parametrize(
    ("value", "expected"), [("1", 1), ("0", 0), (True, 1), ("false", 0), (1.0, 1), ("yes", 1)]
)
def test_selected_accepts_binary_spellings(value: Any, expected: int) -> None:
    """0/1 as numbers, strings or booleans are read as selections."""
    (report,) = adverse_impact([{"selected": value, "g": "a"}], "g")
    assert report.groups[0].positive == expected


def test_scores_accept_decimal_comma_and_strings() -> None:
    """CSV scores like ``3,5`` and ``4.0`` are numbers."""
    rows = [{"score": "3,5", "g": "a"}, {"score": "4.0", "g": "a"}, {"score": 2, "g": "b"}]
    (report,) = adverse_impact(rows, "g", method="scoring")
    assert report.median == pytest.approx(3.5) and not report.bad_rows


def test_duplicate_candidates_are_bad_rows() -> None:
    """One row per candidate: a repeated candidate_id is reported."""
    rows = [{"candidate_id": "c1", "selected": 1, "g": "a"}] * 2
    (report,) = adverse_impact(rows, "g")
    assert report.candidates == 1 and "duplicate" in report.bad_rows[0].error


def test_input_errors_become_bad_rows() -> None:
    """Unreadable records from read_records are reported as bad rows."""
    rows = [InputError("invalid JSON", path="t.jsonl", line=4), {"selected": 1, "g": "a"}]
    (report,) = adverse_impact(rows, "g")
    assert report.bad_rows[0].line == 4


def test_usage_errors_raise() -> None:
    """An unknown method or no attribute is an InputError."""
    with pytest.raises(InputError, match="unknown method"):
        adverse_impact([], "g", method="vibes")
    with pytest.raises(InputError, match="at least one"):
        adverse_impact([], [])


def test_dotted_score_column_reaches_nested_values() -> None:
    """``--score-column profile.score`` reads a nested per-candidate score."""
    rows = [{"profile": {"score": s}, "g": g} for s, g in [(1, "a"), (3, "a"), (5, "b")]]
    (report,) = adverse_impact(rows, "g", method="scoring", score_column="profile.score")
    assert report.median == 3 and not report.bad_rows


def test_join_groups_by_candidate_id() -> None:
    """Group columns come from the groups file by candidate_id; duplicates are reported."""
    rows = [{"candidate_id": "c1", "selected": 1}, {"candidate_id": "c2", "selected": 0}]
    groups = [
        {"candidate_id": "c1", "g": "a", "__line__": 2},
        {"candidate_id": "c1", "g": "b", "__line__": 3},
        {"g": "x", "__line__": 4},
    ]
    joined = list(join_groups(rows, groups, ["g"], source="groups.csv"))
    errors = [j for j in joined if isinstance(j, InputError)]
    assert len(errors) == 2 and "duplicate" in str(errors[0]) and "groups.csv:3" in str(errors[0])
    (report,) = adverse_impact(joined, "g")
    assert report.missing == 1 and by_group(report)["a"].n == 1
    assert len(report.bad_rows) == 2


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ((3, 1, 1, 3), 0.4857142857142857),
        ((8, 2, 1, 5), 0.03496503496503497),
        ((0, 10, 10, 0), 1.082508822446903e-05),
        ((1, 9, 11, 3), 0.0027594561852200836),
        ((0, 0, 0, 0), 1.0),
    ],
)
def test_fisher_exact_matches_reference_values(
    table: tuple[int, int, int, int], expected: float
) -> None:
    """Two-sided Fisher p equals reference values (scipy.stats.fisher_exact)."""
    assert fisher_exact(*table) == pytest.approx(expected, rel=1e-9)


def test_fisher_hand_computation() -> None:
    """Fisher p of [[1,2],[2,1]] by hand: all tables are at least as extreme -> 1.0."""
    # margins 3/3, col 3, N 6: P(x)= C(3,x)C(3,3-x)/C(6,3) = 1,9,9,1 /20; observed x=1 -> 9/20
    # tables no more likely: all four -> p = 1
    assert fisher_exact(1, 2, 2, 1) == pytest.approx(1.0)
    assert fisher_exact(0, 3, 3, 0) == pytest.approx(2 / 20)


def test_two_proportion_z_degenerate_cases() -> None:
    """An empty side gives no test; identical all-0 rates give z 0 and p 1."""
    assert two_proportion_z(1, 2, 0, 0) is None
    assert two_proportion_z(0, 5, 0, 5) == (0.0, 1.0)


row_strategy = st.fixed_dictionaries(
    {
        "selected": st.sampled_from([0, 1]),
        "score": st.floats(min_value=0, max_value=5, allow_nan=False),
        "g": st.one_of(st.none(), st.sampled_from(["a", "b", "c", "d"])),
    }
)


@settings(max_examples=80, deadline=None)
@given(st.lists(row_strategy, max_size=60), st.sampled_from(["selection", "scoring"]))
def test_any_table_gives_bounded_deterministic_reports(
    rows: list[dict[str, Any]], method: str
) -> None:
    """Rates and ratios lie in [0, 1], flags follow the ratio, and the report is deterministic."""
    (first,) = adverse_impact(rows, "g", method=method)
    (second,) = adverse_impact(rows, "g", method=method)
    assert first == second
    assert sum(g.n for g in first.groups) + first.missing == len(rows)
    for g in first.groups:
        assert 0.0 <= g.rate <= 1.0
        if g.impact_ratio is not None:
            assert 0.0 <= g.impact_ratio <= 1.0 + 1e-12
        if g.impact_ratio is None:
            assert not g.flag
        elif abs(g.impact_ratio - 0.8) > 1e-9:
            assert g.flag == (g.impact_ratio < 0.8)
        if g.p is not None:
            assert 0.0 <= g.p <= 1.0
