"""Calibration to the organisation's own raters: ordinal thresholds from ``score`` to levels.

talentfit's built-in mapping is ``level = round(score)``, i.e. cut points 1.5, 2.5, 3.5, 4.5.
Calibration fits four monotone cut points to human ratings so that the levels agree better
with *these* raters, in three layers, each shrunk toward the one below so that little data
moves little:

1. the built-in cut points (identity);
2. pooled cut points over all ratings, shrunk toward the identity;
3. per competency cut points (at least ``MIN_RATINGS`` ratings), shrunk toward the pooled ones.

A layer is only used when k-fold cross-validation shows that it predicts held-out ratings
better than the layer below; otherwise the lower layer is kept. The after-figures of the
report are themselves cross-validated (the whole procedure refitted per outer fold), so they
estimate agreement on new answers, not on the ratings that were fitted.

A calibrated score stays consistent with its level: within the level's band of raw scores it is
rescaled linearly onto ``level ± 0.49`` so that ``round(score) == level``.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._version import __version__
from .convert import structure
from .errors import ConfigError, InputError, TalentfitError
from .metrics import adjacent_agreement, exact_agreement, quadratic_weighted_kappa, spearman
from .models import AnswerResult, CompetencyScore
from .rationale import rationale_texts
from .records import read_text

__all__ = [
    "FORMAT",
    "IDENTITY",
    "MIN_RATINGS",
    "Calibration",
    "CompetencyCalibration",
    "Rating",
    "agreement",
    "calibrate",
    "fit_cuts",
    "load_calibration",
    "read_ratings",
]

FORMAT = "talentfit-calibration"
FORMAT_VERSION = 1
IDENTITY: tuple[float, float, float, float] = (1.5, 2.5, 3.5, 4.5)
MIN_RATINGS = 10  # fewer ratings for a competency: it keeps the pooled or built-in mapping
PRIOR_WEIGHT = 10.0  # pseudo-ratings behind the layer below: weight = n / (n + PRIOR_WEIGHT)
FOLDS = 5
_LOW, _HIGH = 0.5, 5.5  # the range of raw scores (the engine gives level ± 0.49)
# a layer is used only when it cuts the held-out squared error of levels by at least 10% and by
# more than chance would (at least 2, growing with the square root of the number of ratings):
# noise in a few ratings must not move the mapping
_MIN_GAIN = 0.10
_MIN_GAIN_ABS = 2.0

Cuts = tuple[float, float, float, float]


@attrs.frozen
class Rating:
    """One human rating of one answer, with the engine's raw score for the competency."""

    competency: str
    level: int
    score: float
    language: str
    key: str = ""  # stable identity for fold assignment (hash of the answer)


@attrs.frozen
class CompetencyCalibration:
    """The mapping of one competency: ``thresholds`` (own), ``pooled`` or ``builtin``."""

    method: str = attrs.field(validator=attrs.validators.in_(("thresholds", "pooled", "builtin")))
    cuts: list[float] = attrs.field(factory=lambda: list(IDENTITY))
    n: int = 0
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if len(self.cuts) != 4 or any(
            b < a for a, b in zip(self.cuts, self.cuts[1:], strict=False)
        ):
            raise ValueError("cuts must be four non-decreasing numbers")
        if not all(math.isfinite(c) for c in self.cuts):
            raise ValueError("cuts must be finite numbers")


@attrs.frozen
class Calibration:
    """A fitted calibration: cut points per competency for one rubric (by id and hash)."""

    format: str
    version: int
    rubric: str
    rubric_hash: str
    competencies: dict[str, CompetencyCalibration]
    pooled: list[float] = attrs.field(factory=lambda: list(IDENTITY))
    talentfit: str = __version__
    report: dict[str, Any] = attrs.field(factory=dict)

    @property
    def content_hash(self) -> str:
        """sha256 of the mapping (cut points and rubric), for the audit log."""
        data = {
            "rubric": self.rubric,
            "rubric_hash": self.rubric_hash,
            "competencies": {k: v.cuts for k, v in sorted(self.competencies.items())},
            "pooled": self.pooled,
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()

    def cuts_for(self, competency: str) -> Cuts | None:
        """The cut points applied to ``competency``; None where the built-in mapping stays."""
        entry = self.competencies.get(competency)
        if entry is None or entry.method == "builtin":
            return None
        return _as_cuts(entry.cuts)

    def apply_score(self, score: CompetencyScore, lang: str = "en") -> CompetencyScore:
        """The calibrated level and score of one competency score (unchanged when unscored).

        A changed level is noted in the rationale, in ``lang`` (the answer's language).
        """
        cuts = self.cuts_for(score.competency)
        if cuts is None or score.score is None or score.level is None:
            return score
        level = level_of(score.score, cuts)
        new_score = rescale(score.score, cuts)
        rationale = score.rationale
        if level != score.level:
            texts = rationale_texts(lang)
            rationale += texts.separator + texts.text("calibrated", old=score.level, new=level)
        return attrs.evolve(score, level=level, score=new_score, rationale=rationale)

    def apply(self, result: AnswerResult) -> AnswerResult:
        """``result`` with every scored competency mapped through its cut points."""
        if result.rubric != self.rubric:
            raise ConfigError(
                f"calibration is for rubric {self.rubric!r}, the answer was scored with "
                f"{result.rubric!r}"
            )
        return attrs.evolve(
            result, scores=tuple(self.apply_score(s, result.language) for s in result.scores)
        )

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON file content."""
        return {
            "format": self.format,
            "version": self.version,
            "talentfit": self.talentfit,
            "rubric": self.rubric,
            "rubric_hash": self.rubric_hash,
            "pooled": self.pooled,
            "competencies": {
                k: {"method": v.method, "cuts": v.cuts, "n": v.n, "note": v.note}
                for k, v in sorted(self.competencies.items())
            },
            "report": self.report,
        }


# ---------------------------------------------------------------------------- the mapping


def _as_cuts(values: Sequence[float]) -> Cuts:
    a, b, c, d = values
    return (a, b, c, d)


def level_of(score: float, cuts: Sequence[float]) -> int:
    """The level of a raw score under cut points: 1 + the number of cuts at or below it."""
    return 1 + sum(score >= c for c in cuts)


def rescale(score: float, cuts: Sequence[float]) -> float:
    """Map a raw score monotonically so that ``round(result) == level_of(score, cuts)``.

    Piecewise linear through the knots (0.5→0.5, cut₁→1.5, …, cut₄→4.5, 5.5→5.5), so the
    identity cuts leave every score unchanged; then kept inside the level's band ± 0.49.
    """
    level = level_of(score, cuts)
    knots_x = [_LOW, *cuts, _HIGH]
    knots_y = [_LOW, 1.5, 2.5, 3.5, 4.5, _HIGH]
    value = float(level)
    for i in range(len(knots_x) - 1):
        x0, x1 = knots_x[i], knots_x[i + 1]
        if x0 <= score < x1 or (i == len(knots_x) - 2 and score >= x1):
            if x1 > x0:
                value = knots_y[i] + (knots_y[i + 1] - knots_y[i]) * (score - x0) / (x1 - x0)
            break
    else:
        value = knots_y[0] if score < knots_x[0] else value
    return round(min(level + 0.49, max(level - 0.49, value)), 3)


def fit_cuts(points: Sequence[tuple[float, int]]) -> Cuts:
    """Four monotone cut points minimising the squared error of levels on ``points``.

    ``points`` are (raw score, human level). Exact dynamic programming over the sorted
    distinct scores (a monotone step function with values 1–5); ties in cost go to the level
    nearest the built-in mapping. Cuts fall midway between neighbouring scores.
    """
    if not points:
        return IDENTITY
    groups: dict[float, list[int]] = defaultdict(list)
    for score, level in points:
        groups[score].append(level)
    scores = sorted(groups)
    levels = range(1, 6)
    costs = [
        [
            sum((lv - h) ** 2 for h in groups[s]) + 1e-6 * (lv - level_of(s, IDENTITY)) ** 2
            for lv in levels
        ]
        for s in scores
    ]
    best = [costs[0][:]]
    back: list[list[int]] = [[0] * 5]
    for i in range(1, len(scores)):
        row, links = [], []
        for j in range(5):
            k = min(range(j + 1), key=lambda m: best[i - 1][m])
            row.append(best[i - 1][k] + costs[i][j])
            links.append(k)
        best.append(row)
        back.append(links)
    j = min(range(5), key=lambda m: best[-1][m])
    assigned = [0] * len(scores)
    for i in range(len(scores) - 1, -1, -1):
        assigned[i] = j + 1
        j = back[i][j]
    cuts: list[float] = []
    for boundary in range(1, 5):
        above = [i for i, lv in enumerate(assigned) if lv > boundary]
        if not above:
            cuts.append(_HIGH)
        elif above[0] == 0:
            cuts.append(_LOW)
        else:
            cuts.append((scores[above[0] - 1] + scores[above[0]]) / 2)
    return _as_cuts(cuts)


def _shrink(fitted: Cuts, prior: Cuts, n: int) -> Cuts:
    weight = n / (n + PRIOR_WEIGHT)
    return _as_cuts(
        [round(weight * f + (1 - weight) * p, 4) for f, p in zip(fitted, prior, strict=True)]
    )


def _folds(items: Sequence[Rating], k: int) -> list[list[int]]:
    """Deterministic folds, stratified by human level; repeats of one answer stay together."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(items):
        groups[r.key or f"#{i}"].append(i)
    order = sorted(groups.values(), key=lambda g: (items[g[0]].level, items[g[0]].key, g[0]))
    folds: list[list[int]] = [[] for _ in range(k)]
    for rank, group in enumerate(order):
        folds[rank % k].extend(group)
    return [f for f in folds if f]


def _cv_error(items: Sequence[Rating], fit: Any, k: int = FOLDS) -> tuple[float, float]:
    """Held-out squared error of ``fit`` (train items -> cuts) and of the layer below."""
    fitted_error = below_error = 0.0
    for fold in _folds(items, min(k, len(items))):
        held = set(fold)
        train = [r for i, r in enumerate(items) if i not in held]
        cuts, below = fit(train)
        for i in fold:
            r = items[i]
            fitted_error += (level_of(r.score, cuts) - r.level) ** 2
            below_error += (level_of(r.score, below) - r.level) ** 2
    return fitted_error, below_error


def _pooled_fit(items: Sequence[Rating]) -> tuple[Cuts, Cuts]:
    cuts = _shrink(fit_cuts([(r.score, r.level) for r in items]), IDENTITY, len(items))
    return cuts, IDENTITY


def _gain(fitted: float, below: float, n: int) -> bool:
    needed = max(_MIN_GAIN_ABS, 0.5 * math.sqrt(n))
    return fitted <= below * (1 - _MIN_GAIN) and fitted <= below - needed


def fit_calibration(
    items: Sequence[Rating], competencies: Iterable[str]
) -> tuple[Cuts, dict[str, CompetencyCalibration]]:
    """The layered, cross-validated fit (see the module docstring)."""
    pooled: Cuts = IDENTITY
    if len(items) >= MIN_RATINGS:
        fitted, below = _cv_error(items, _pooled_fit)
        if _gain(fitted, below, len(items)):
            pooled = _pooled_fit(items)[0]
    by_comp: dict[str, list[Rating]] = defaultdict(list)
    for r in items:
        by_comp[r.competency].append(r)
    result: dict[str, CompetencyCalibration] = {}
    base_method = "builtin" if pooled == IDENTITY else "pooled"
    for comp in competencies:
        own = by_comp.get(comp, [])
        entry = CompetencyCalibration(base_method, list(pooled), len(own))
        if len(own) < MIN_RATINGS:
            note = f"fewer than {MIN_RATINGS} ratings"
            result[comp] = attrs.evolve(entry, note=note)
            continue

        def comp_fit(train: Sequence[Rating], prior: Cuts = pooled) -> tuple[Cuts, Cuts]:
            fitted = fit_cuts([(r.score, r.level) for r in train])
            return _shrink(fitted, prior, len(train)), prior

        fitted_err, below_err = _cv_error(own, comp_fit)
        if _gain(fitted_err, below_err, len(own)):
            cuts = comp_fit(own)[0]
            result[comp] = CompetencyCalibration("thresholds", list(cuts), len(own))
        else:
            result[comp] = attrs.evolve(entry, note="cross-validation showed no gain")
    return pooled, result


def _predict(
    pooled: Cuts, comps: Mapping[str, CompetencyCalibration], r: Rating
) -> tuple[int, float]:
    entry = comps.get(r.competency)
    cuts = _as_cuts(entry.cuts) if entry is not None and entry.method != "builtin" else None
    if cuts is None:
        return level_of(r.score, IDENTITY), r.score
    return level_of(r.score, cuts), rescale(r.score, cuts)


# ---------------------------------------------------------------------------- agreement


def agreement(
    levels: Sequence[int], scores: Sequence[float], human: Sequence[int]
) -> dict[str, Any]:
    """Spearman (score vs human), QWK, exact and adjacent agreement (levels vs human)."""

    def clean(value: float) -> float | None:
        return None if math.isnan(value) else round(value, 4)

    return {
        "n": len(human),
        "spearman": clean(spearman(list(scores), list(human))) if human else None,
        "qwk": clean(quadratic_weighted_kappa(list(levels), list(human))) if human else None,
        "exact": clean(exact_agreement(list(levels), list(human))) if human else None,
        "adjacent": clean(adjacent_agreement(list(levels), list(human))) if human else None,
    }


def _report(items: Sequence[Rating], after: Sequence[tuple[int, float]]) -> dict[str, Any]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(items):
        groups[r.language].append(i)
    groups_sorted = {"overall": list(range(len(items))), **dict(sorted(groups.items()))}
    report: dict[str, Any] = {}
    for name, index in groups_sorted.items():
        human = [items[i].level for i in index]
        report[name] = {
            "before": agreement(
                [level_of(items[i].score, IDENTITY) for i in index],
                [items[i].score for i in index],
                human,
            ),
            "after": agreement([after[i][0] for i in index], [after[i][1] for i in index], human),
        }
    return report


# ---------------------------------------------------------------------------- reading


def read_ratings(
    records: Iterable[Mapping[str, Any] | TalentfitError], *, rubric: Any = None
) -> Iterator[Rating | InputError]:
    """Score each rated answer; yield a Rating, or an InputError naming the line."""
    from . import load_rubric, score_answer

    rub = load_rubric(rubric)
    for index, record in enumerate(records, 1):
        if isinstance(record, TalentfitError):
            yield record if isinstance(record, InputError) else InputError(str(record))
            continue
        line = record.get("__line__", index)
        try:
            answer = record.get("answer")
            if not isinstance(answer, str) or not answer.strip():
                raise InputError("'answer' is missing or empty; expected the answer text")
            competency = record.get("competency")
            if not isinstance(competency, str) or rub.competency(competency) is None:
                raise InputError(
                    f"'competency' must be one of {', '.join(rub.ids)}, got {competency!r}"
                )
            level = _human_level(record.get("level"))
            lang = record.get("lang") or None
            result = score_answer(answer, competency=competency, lang=lang, rubric=rub)
            target = result.score_for(competency)
            if target is None or target.score is None:  # pragma: no cover - targeted is scored
                raise InputError(f"the engine gave no score for {competency!r}")
        except TalentfitError as exc:
            yield InputError(exc.message, line=line if isinstance(line, int) else None)
            continue
        key = hashlib.sha256(answer.encode("utf-8")).hexdigest()[:16]
        yield Rating(competency, level, target.score, result.language, key)


def _human_level(value: Any) -> int:
    if isinstance(value, bool):
        raise InputError(f"'level' must be a whole number 1-5, got {value!r}")
    try:
        number = float(str(value).strip()) if value is not None else math.nan
    except ValueError:
        number = math.nan
    if not number.is_integer() or not 1 <= number <= 5:
        raise InputError(f"'level' must be a whole number 1-5, got {value!r}")
    return int(number)


# ---------------------------------------------------------------------------- the procedure


def calibrate(ratings: Sequence[Rating], *, rubric: Any = None) -> Calibration:
    """Fit a calibration on ``ratings`` and report cross-validated agreement before/after."""
    from . import load_rubric

    rub = load_rubric(rubric)
    if not ratings:
        raise InputError("no usable ratings to calibrate on")
    pooled, comps = fit_calibration(ratings, rub.ids)
    # honest after-figures: refit the whole procedure without each outer fold
    after: list[tuple[int, float]] = [(0, 0.0)] * len(ratings)
    folds = _folds(ratings, min(FOLDS, len(ratings)))
    for fold in folds:
        held = set(fold)
        train = [r for i, r in enumerate(ratings) if i not in held]
        fold_pooled, fold_comps = fit_calibration(train, rub.ids)
        for i in fold:
            after[i] = _predict(fold_pooled, fold_comps, ratings[i])
    report = {
        "method": f"{len(folds)}-fold cross-validated (the whole fit repeated per fold)",
        "agreement": _report(ratings, after),
    }
    return Calibration(
        format=FORMAT,
        version=FORMAT_VERSION,
        rubric=rub.id,
        rubric_hash=rub.content_hash,
        competencies=comps,
        pooled=list(pooled),
        report=report,
    )


def load_calibration(path: str | Path, *, rubric: Any = None) -> Calibration:
    """Read and validate a calibration file; ConfigError (one line) when invalid or mismatched.

    With ``rubric``, the file must have been fitted for that rubric's id and content hash.
    """
    source = str(path)
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"invalid JSON: {exc.msg}", path=source, line=exc.lineno) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ConfigError(
            f"not a talentfit calibration file (expected format {FORMAT!r})", path=source
        )
    if data.get("version") != FORMAT_VERSION:
        raise ConfigError(
            f"unsupported calibration version {data.get('version')!r}; expected {FORMAT_VERSION}",
            path=source,
        )
    calibration = structure(data, Calibration, source=source, error=ConfigError)
    if rubric is not None:
        from . import load_rubric

        rub = load_rubric(rubric)
        if rub.id != calibration.rubric or rub.content_hash != calibration.rubric_hash:
            raise ConfigError(
                f"calibration was fitted for rubric {calibration.rubric!r} with another content "
                f"(hash {calibration.rubric_hash[:12]}), not for {rub.id!r} "
                f"(hash {rub.content_hash[:12]}); calibrate again",
                path=source,
            )
    return calibration
