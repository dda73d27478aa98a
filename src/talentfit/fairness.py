"""Adverse impact: selection or scoring rates per group, impact ratios and significance tests.

Two methods, as used in the US four-fifths rule and New York City's Local Law 144 bias audits:

- ``selection``: a group's rate is the share of its candidates with ``selected == 1``;
- ``scoring``: a group's rate is the share of its candidates scoring *strictly above* the median
  of all candidates; the share of the group tied at the median is reported beside it.

The impact ratio of a group is its rate divided by the highest rate among the eligible groups;
a ratio below 0.8 is flagged. Groups with fewer than 2% of the candidates are reported but left
out of the ratios (they neither get a ratio nor serve as the reference). Each group is also set
against all other candidates with a known group: a two-proportion z-test, and Fisher's exact
test (two-sided, exact hypergeometric probabilities) where an expected cell is below 5.

Rows whose outcome cannot be read (a non-numeric score, ``selected`` not 0/1) are returned as
bad rows, never silently dropped. Candidates without a value for an attribute are counted as
``missing`` for that attribute.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from .errors import InputError, TalentfitError

__all__ = [
    "METHODS",
    "MIN_SHARE",
    "THRESHOLD",
    "AttributeReport",
    "BadRow",
    "GroupReport",
    "adverse_impact",
    "fisher_exact",
    "join_groups",
    "render_text",
    "two_proportion_z",
]

METHODS: tuple[str, ...] = ("selection", "scoring")
THRESHOLD = Fraction(4, 5)  # the four-fifths rule
MIN_SHARE = Fraction(1, 50)  # groups under 2% of the candidates are left out of the ratios
_TRUE = frozenset({"1", "true", "yes"})
_FALSE = frozenset({"0", "false", "no"})


@attrs.frozen
class BadRow:
    """A row left out of the audit because its outcome could not be read."""

    line: int | None
    candidate_id: str | None
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "candidate_id": self.candidate_id, "error": self.error}


@attrs.frozen
class GroupReport:
    """One group of one attribute: its rate, impact ratio, flag and test against the rest.

    ``positive`` counts the selected candidates (selection) or those strictly above the median
    (scoring); ``ties`` counts those exactly at the median (scoring only, else 0).
    ``impact_ratio`` is None for an excluded (small) group or when no eligible group has a
    positive rate. ``test`` names the test behind ``p``: ``z`` or ``fisher``.
    """

    group: str
    n: int
    positive: int
    rate: float
    impact_ratio: float | None
    flag: bool
    z: float | None
    p: float | None
    test: str | None
    excluded: bool = False
    ties: int = 0
    note: str = ""

    def to_dict(self, method: str) -> dict[str, Any]:
        """The documented JSON object (``group, n, rate, impact_ratio, flag, z, p`` first)."""
        data: dict[str, Any] = {
            "group": self.group,
            "n": self.n,
            "rate": self.rate,
            "impact_ratio": self.impact_ratio,
            "flag": self.flag,
            "z": self.z,
            "p": self.p,
            "test": self.test,
        }
        if method == "scoring":
            data["above_median"] = self.positive
            data["at_median"] = self.ties
            data["tie_rate"] = self.ties / self.n if self.n else 0.0
        else:
            data["selected"] = self.positive
        data["excluded"] = self.excluded
        data["note"] = self.note
        return data


@attrs.frozen
class AttributeReport:
    """The adverse-impact report of one attribute (one ``--by`` column)."""

    attribute: str
    method: str
    median: float | None
    candidates: int
    missing: int
    groups: tuple[GroupReport, ...]
    reference_group: str | None
    notes: tuple[str, ...] = ()
    bad_rows: tuple[BadRow, ...] = ()

    @property
    def flagged(self) -> tuple[GroupReport, ...]:
        """The groups whose impact ratio is below the four-fifths threshold."""
        return tuple(g for g in self.groups if g.flag)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON object: ``attribute, method, median, groups`` first."""
        return {
            "attribute": self.attribute,
            "method": self.method,
            "median": self.median,
            "groups": [g.to_dict(self.method) for g in self.groups],
            "candidates": self.candidates,
            "missing": self.missing,
            "reference_group": self.reference_group,
            "threshold": float(THRESHOLD),
            "notes": list(self.notes),
            "bad_rows": [b.to_dict() for b in self.bad_rows],
        }


# ---------------------------------------------------------------------------- statistics


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> tuple[float, float] | None:
    """Pooled two-proportion z statistic and its two-sided p; None when a side is empty."""
    if n1 == 0 or n2 == 0:
        return None
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance <= 0:  # both sides all 0 or all 1: identical rates
        return 0.0, 1.0
    z = (x1 / n1 - x2 / n2) / math.sqrt(variance)
    return z, math.erfc(abs(z) / math.sqrt(2))


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher's exact p of the 2×2 table ``[[a, b], [c, d]]``.

    Sums the hypergeometric probabilities (exact integers via :func:`math.comb`) of all tables
    with the same margins that are no more likely than the observed one.
    """
    if min(a, b, c, d) < 0:
        raise ValueError("a 2x2 table needs counts >= 0")
    row1, col1, total = a + b, a + c, a + b + c + d
    if total == 0:
        return 1.0
    low, high = max(0, row1 + col1 - total), min(row1, col1)
    weights = {
        x: math.comb(col1, x) * math.comb(total - col1, row1 - x) for x in range(low, high + 1)
    }
    observed = weights[a]
    tail = sum(w for w in weights.values() if w <= observed)
    return min(1.0, tail / math.comb(total, row1))


# ---------------------------------------------------------------------------- reading rows


def _lookup(row: Mapping[str, Any], column: str) -> Any:
    """A column's value; a dotted name (``profile.score``) reaches into nested objects."""
    if column in row:
        return row[column]
    value: Any = row
    for part in column.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_score(row: Mapping[str, Any], column: str) -> float:
    value = _lookup(row, column)
    if _is_blank(value):
        raise ValueError(f"{column!r} is missing; expected a number")
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{column!r} must be a number, got {value!r}")
    if isinstance(value, str):
        text = value.strip()
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # Dutch decimal comma: 3,5
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{column!r} must be a number, got {value!r}") from None
    else:
        number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{column!r} must be a finite number, got {value!r}")
    return number


def _read_selected(row: Mapping[str, Any], column: str) -> int:
    value = _lookup(row, column)
    if _is_blank(value):
        raise ValueError(f"{column!r} is missing; expected 0 or 1")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float) and value in (0, 1):
        return int(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return 1
        if text in _FALSE:
            return 0
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if number in (0.0, 1.0):
            return int(number)
    raise ValueError(f"{column!r} must be 0 or 1, got {value!r}")


def _read_group(row: Mapping[str, Any], column: str) -> str | None:
    value = _lookup(row, column)
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split())


def _candidate_id(row: Mapping[str, Any]) -> str | None:
    value = row.get("candidate_id")
    return None if _is_blank(value) else str(value).strip()


def join_groups(
    rows: Iterable[Mapping[str, Any] | TalentfitError],
    group_rows: Iterable[Mapping[str, Any] | TalentfitError],
    columns: Sequence[str],
    *,
    source: str | None = None,
) -> Iterator[dict[str, Any] | TalentfitError]:
    """Add the group ``columns`` from ``group_rows`` to ``rows``, joined by ``candidate_id``.

    The groups file wins over a value already in the row. A groups row without a
    ``candidate_id``, or a second row for the same candidate, is yielded as an error (and so
    reported as a bad row); a candidate absent from the groups file keeps its own values, so its
    group is usually counted as missing.
    """
    table: dict[str, dict[str, Any]] = {}
    problems: list[TalentfitError] = []
    for item in group_rows:
        if isinstance(item, TalentfitError):
            problems.append(item)
            continue
        line = item.get("__line__")
        cid = _candidate_id(item)
        if cid is None:
            problems.append(InputError("groups row has no candidate_id", path=source, line=line))
            continue
        if cid in table:
            problems.append(
                InputError(f"duplicate candidate_id {cid!r} in groups", path=source, line=line)
            )
            continue
        table[cid] = {c: _lookup(item, c) for c in columns if not _is_blank(_lookup(item, c))}
    yield from problems
    for row in rows:
        if isinstance(row, TalentfitError):
            yield row
            continue
        merged = dict(row)
        cid = _candidate_id(row)
        if cid is not None and cid in table:
            merged.update(table[cid])
        yield merged


# ---------------------------------------------------------------------------- the report


def adverse_impact(
    rows: Iterable[Mapping[str, Any] | TalentfitError],
    by: str | Sequence[str],
    *,
    method: str = "selection",
    score_column: str = "score",
    selected_column: str = "selected",
) -> list[AttributeReport]:
    """One :class:`AttributeReport` per column in ``by``, over one row per candidate.

    ``rows`` are dicts (as from :func:`talentfit.records.read_records`; a ``__line__`` key
    names the line in reports) or errors for unreadable records, which become bad rows.
    """
    attributes = [by] if isinstance(by, str) else list(by)
    if not attributes:
        raise InputError("name at least one group column to audit (--by)")
    if method not in METHODS:
        raise InputError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
    outcomes: list[float] = []
    groups: list[tuple[str | None, ...]] = []
    bad: list[BadRow] = []
    seen: set[str] = set()
    for index, row in enumerate(rows, 1):
        if isinstance(row, TalentfitError):
            bad.append(BadRow(row.line, None, row.message))
            continue
        line = row.get("__line__", index)
        cid = _candidate_id(row)
        try:
            if cid is not None and cid in seen:
                raise ValueError(f"duplicate candidate_id {cid!r}; expected one row per candidate")
            if method == "scoring":
                outcome: float = _read_score(row, score_column)
            else:
                outcome = _read_selected(row, selected_column)
        except ValueError as exc:
            bad.append(BadRow(line if isinstance(line, int) else None, cid, str(exc)))
            continue
        if cid is not None:
            seen.add(cid)
        outcomes.append(outcome)
        groups.append(tuple(_read_group(row, a) for a in attributes))

    median: float | None = None
    if method == "scoring":
        median = float(statistics.median(outcomes)) if outcomes else None
        positive = [int(v > median) for v in outcomes] if median is not None else []
        ties = [int(v == median) for v in outcomes] if median is not None else []
    else:
        positive = [int(v) for v in outcomes]
        ties = [0] * len(outcomes)
    return [
        _attribute_report(
            attribute, method, median, [g[k] for g in groups], positive, ties, tuple(bad)
        )
        for k, attribute in enumerate(attributes)
    ]


def _attribute_report(
    attribute: str,
    method: str,
    median: float | None,
    labels: list[str | None],
    positive: list[int],
    ties: list[int],
    bad: tuple[BadRow, ...],
) -> AttributeReport:
    total = len(labels)
    counts: dict[str, list[int]] = {}
    missing = 0
    for label, pos, tie in zip(labels, positive, ties, strict=True):
        if label is None:
            missing += 1
            continue
        entry = counts.setdefault(label, [0, 0, 0])
        entry[0] += 1
        entry[1] += pos
        entry[2] += tie
    known_n = total - missing
    known_pos = sum(c[1] for c in counts.values())
    small = {g for g, (n, _, _) in counts.items() if Fraction(n, total) < MIN_SHARE}
    eligible = [g for g in counts if g not in small]
    reference: str | None = None
    if eligible:
        reference = max(sorted(eligible), key=lambda g: Fraction(counts[g][1], counts[g][0]))
    best = Fraction(counts[reference][1], counts[reference][0]) if reference else Fraction(0)
    notes: list[str] = []
    if total == 0:
        notes.append("no candidates with a readable outcome")
    if missing:
        notes.append(f"{missing} candidate(s) without a value for {attribute!r}")
    if small:
        notes.append(
            f"group(s) {', '.join(sorted(small))} under 2% of the candidates: "
            "reported, but left out of the impact ratios"
        )
    if eligible and best == 0:
        reference = None
        notes.append("no eligible group has a positive rate: impact ratios are undefined")

    reports = []
    for group in sorted(counts):
        n, pos, tie = counts[group]
        rate = Fraction(pos, n)
        ratio: Fraction | None = None
        note = ""
        if group in small:
            note = "under 2% of the candidates: left out of the impact ratios"
        elif best > 0:
            ratio = rate / best
        flag = ratio is not None and ratio < THRESHOLD
        z, p, test = _test(pos, n, known_pos - pos, known_n - n)
        reports.append(
            GroupReport(
                group=group,
                n=n,
                positive=pos,
                rate=float(rate),
                impact_ratio=None if ratio is None else float(ratio),
                flag=flag,
                z=z,
                p=p,
                test=test,
                excluded=group in small,
                ties=tie,
                note=note,
            )
        )
    return AttributeReport(
        attribute=attribute,
        method=method,
        median=median,
        candidates=total,
        missing=missing,
        groups=tuple(reports),
        reference_group=reference,
        notes=tuple(notes),
        bad_rows=bad,
    )


def _test(x1: int, n1: int, x2: int, n2: int) -> tuple[float | None, float | None, str | None]:
    """z statistic, p and the test behind p for one group against the rest."""
    result = two_proportion_z(x1, n1, x2, n2)
    if result is None:
        return None, None, None
    z, p = result
    total, col1 = n1 + n2, x1 + x2
    expected = [r * c / total for r in (n1, n2) for c in (col1, total - col1)]
    if min(expected) < 5:
        return z, fisher_exact(x1, n1 - x1, x2, n2 - x2), "fisher"
    return z, p, "z"


# ---------------------------------------------------------------------------- text


def _fmt(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _fmt_p(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2e}" if value < 0.001 else f"{value:.3f}"


def render_text(reports: Sequence[AttributeReport]) -> str:
    """A readable table per attribute, notes and bad rows below it."""
    out: list[str] = []
    for report in reports:
        head = f"{report.attribute} ({report.method}"
        if report.median is not None:
            head += f", median {report.median:g}"
        head += f", {report.candidates} candidates, {report.missing} missing)"
        out.append(head)
        rate_name = "above" if report.method == "scoring" else "selected"
        columns = f"  {'group':<20} {'n':>7} {rate_name:>8} {'rate':>6} {'ratio':>6}"
        columns += f" {'z':>7} {'p':>9} {'test':<6}"
        if report.method == "scoring":
            columns += f" {'ties':>6}"
        out.append(columns)
        for g in report.groups:
            mark = "FLAG" if g.flag else ("excl" if g.excluded else "")
            line = f"  {g.group[:20]:<20} {g.n:>7} {g.positive:>8} {g.rate:>6.3f}"
            line += f" {_fmt(g.impact_ratio):>6} {_fmt(g.z, 2):>7} {_fmt_p(g.p):>9}"
            line += f" {g.test or '-':<6}"
            if report.method == "scoring":
                line += f" {g.ties / g.n:>6.3f}"
            out.append(f"{line} {mark}".rstrip())
        for note in report.notes:
            out.append(f"  note: {note}")
        flagged = report.flagged
        if flagged:
            names = ", ".join(g.group for g in flagged)
            out.append(
                f"  {len(flagged)} group(s) below the four-fifths threshold: {names}. "
                "Review the selection step with a human; see docs/fairness.md."
            )
        out.append("")
    return "\n".join(out)
