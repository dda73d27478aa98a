"""The self-contained HTML candidate report: overview, level charts, highlighted evidence.

Input is what ``talentfit score --format jsonl`` prints, one dict per answer (see
``docs/report.md``). Answers are grouped by ``candidate_id`` (an answer without one is its
own candidate, by ``id``); failed records (``{"id", "line", "error"}``) and records that do
not fit the schema are listed as "not scored". The page has no scripts, no external assets
and a Content-Security-Policy that forbids both; all untrusted text is escaped.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import jinja2
from markupsafe import Markup

from ._version import __version__
from .convert import structure
from .errors import ConfigError, ProfileError, TalentfitError, TemplateError
from .highlight import Span, highlight
from .models import COMPETENCY_IDS, Evidence
from .profile import load_profile
from .records import identifier
from .resources import load_data_toml, templates_dir
from .rubric import Rubric, load_rubric

__all__ = [
    "LANGUAGES",
    "NotScored",
    "ReportSummary",
    "ReportText",
    "build_report",
    "profile_weights",
    "report_text",
    "write_report",
]

LANGUAGES = ("en", "nl")
PALETTE_SIZE = 10  # CSS classes c0..c9 in the template
QUOTE_MAX = 200  # characters of the "why" quote in the strongest-per-competency list
STAR_MIN = 2.5  # the highest level per competency is starred from here (rounds to 3, an example)


@attrs.frozen
class ReportText:
    """The report's interface text in one language (``data/report/<lang>.toml``)."""

    lang: str
    labels: dict[str, str]
    levels: dict[str, str]
    flags: dict[str, str]
    drivers: dict[str, str]


@functools.cache
def report_text(lang: str) -> ReportText:
    """The interface text for ``lang`` (``nl`` or ``en``)."""
    if lang not in LANGUAGES:
        raise ConfigError(f"unknown report language {lang!r}; expected one of nl, en")
    relpath = f"report/{lang}.toml"
    return structure(load_data_toml(relpath), ReportText, source=f"talentfit/data/{relpath}")


@attrs.frozen
class NotScored:
    """A record that is not in the report's overview, and why."""

    id: str | None
    line: int | None
    error: str


@attrs.frozen
class ReportSummary:
    """What :func:`write_report` wrote."""

    path: Path
    candidates: int
    answers: int
    not_scored: tuple[NotScored, ...]


# --------------------------------------------------------------------------- records


@attrs.frozen
class _Score:
    competency: str
    level: int | None
    score: float | None
    evidence: tuple[Evidence, ...]
    rationale: str

    @property
    def value(self) -> float | None:
        """The score when given, else the level; None for insufficient evidence."""
        if self.level is None:
            return None
        return self.score if self.score is not None else float(self.level)


@attrs.frozen
class _Answer:
    id: str
    candidate: str
    language: str
    question: str | None
    competency: str | None
    answer: str
    flags: tuple[str, ...]
    scores: tuple[_Score, ...]
    values: tuple[tuple[str, float | None, tuple[str, ...]], ...]  # (value, alignment, quotes)
    drivers: tuple[tuple[str, float, tuple[str, ...]], ...]  # (driver, strength, quotes)
    fit: float | None
    rubric: str


class _Invalid(Exception):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _expect_str(data: Mapping[str, Any], key: str, path: str, *, default: Any = None) -> Any:
    value = data.get(key, default)
    if value is not None and not isinstance(value, str):
        raise _Invalid(f"{key} must be a string", f"{path}.{key}")
    return value


def _expect_number(value: Any, field: str, *, optional: bool = True) -> float | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _Invalid("expected a number", field)
    return float(value)


def _expect_list(value: Any, field: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Invalid("expected a list", field)
    return value


def _expect_object(value: Any, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _Invalid("expected an object", field)
    return value


def _parse_evidence(item: Any, answer: str, field: str) -> Evidence:
    ev = _expect_object(item, field)
    start, end = ev.get("start"), ev.get("end")
    if isinstance(start, bool) or not isinstance(start, int):
        raise _Invalid("start must be an integer offset", f"{field}.start")
    if isinstance(end, bool) or not isinstance(end, int):
        raise _Invalid("end must be an integer offset", f"{field}.end")
    if not 0 <= start < end <= len(answer):
        raise _Invalid(
            f"offsets {start}..{end} are outside the answer (length {len(answer)})", field
        )
    text = _expect_str(ev, "text", field, default=answer[start:end])
    if text != answer[start:end]:
        raise _Invalid("evidence text does not match the answer at its offsets", f"{field}.text")
    signal = _expect_str(ev, "signal", field, default="") or ""
    weight = _expect_number(ev.get("weight", 1.0), f"{field}.weight", optional=False)
    assert weight is not None
    return Evidence(start, end, text, signal, weight)


def _parse_score(item: Any, answer: str, field: str) -> _Score:
    data = _expect_object(item, field)
    competency = identifier(data.get("competency"))
    if competency is None:
        raise _Invalid("competency must be a competency id", f"{field}.competency")
    level = data.get("level")
    if level is not None and (isinstance(level, bool) or level not in (1, 2, 3, 4, 5)):
        raise _Invalid("level must be 1-5 or null", f"{field}.level")
    score = _expect_number(data.get("score"), f"{field}.score")
    evidence = tuple(
        _parse_evidence(ev, answer, f"{field}.evidence[{i}]")
        for i, ev in enumerate(_expect_list(data.get("evidence"), f"{field}.evidence"))
    )
    rationale = _expect_str(data, "rationale", field, default="") or ""
    return _Score(competency, level, score, evidence, rationale)


def _quotes(value: Any) -> tuple[str, ...]:
    """The quoted texts of a values/motivation evidence list (its schema is theirs)."""
    if not isinstance(value, list):
        return ()
    out = []
    for item in value:
        text = item.get("text") if isinstance(item, Mapping) else item
        if isinstance(text, str) and text.strip():
            out.append(text)
    return tuple(out)


def _parse_answer(data: Mapping[str, Any], index: int) -> _Answer:
    answer = data.get("answer")
    if not isinstance(answer, str):
        raise _Invalid("answer must be a string (the scored answer text)", "$.answer")
    if "scores" not in data:
        raise _Invalid(
            "no scores: expected a record written by `talentfit score --format jsonl`", "$.scores"
        )
    record_id = identifier(data.get("id")) or f"#{index + 1}"
    candidate = identifier(data.get("candidate_id")) or record_id
    scores = tuple(
        _parse_score(item, answer, f"$.scores[{i}]")
        for i, item in enumerate(_expect_list(data.get("scores"), "$.scores"))
    )
    flags = _expect_list(data.get("flags"), "$.flags")
    if not all(isinstance(f, str) for f in flags):
        raise _Invalid("flags must be strings", "$.flags")
    values = []
    for i, item in enumerate(_expect_list(data.get("values"), "$.values")):
        field = f"$.values[{i}]"
        obj = _expect_object(item, field)
        value_id = identifier(obj.get("value"))
        if value_id is None:
            raise _Invalid("value must be a value id", f"{field}.value")
        alignment = _expect_number(obj.get("alignment"), f"{field}.alignment")
        values.append((value_id, alignment, _quotes(obj.get("evidence"))))
    drivers: list[tuple[str, float, tuple[str, ...]]] = []
    fit = None
    if data.get("motivation") is not None:
        motivation = _expect_object(data["motivation"], "$.motivation")
        fit = _expect_number(motivation.get("fit"), "$.motivation.fit")
        for i, item in enumerate(_expect_list(motivation.get("drivers"), "$.motivation.drivers")):
            field = f"$.motivation.drivers[{i}]"
            obj = _expect_object(item, field)
            driver = identifier(obj.get("driver"))
            if driver is None:
                raise _Invalid("driver must be a driver id", f"{field}.driver")
            strength = _expect_number(obj.get("strength"), f"{field}.strength") or 0.0
            drivers.append((driver, strength, _quotes(obj.get("evidence"))))
    return _Answer(
        id=record_id,
        candidate=candidate,
        language=_expect_str(data, "language", "$") or "",
        question=_expect_str(data, "question", "$"),
        competency=identifier(data.get("competency")),
        answer=answer,
        flags=tuple(flags),
        scores=scores,
        values=tuple(values),
        drivers=tuple(drivers),
        fit=fit,
        rubric=_expect_str(data, "rubric", "$") or "customer-service",
    )


def _line_of(data: Mapping[str, Any]) -> int | None:
    for key in ("line", "__line__"):
        value = data.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _read(records: Iterable[Any]) -> tuple[list[_Answer], list[NotScored]]:
    answers: list[_Answer] = []
    failed: list[NotScored] = []
    for index, record in enumerate(records):
        if isinstance(record, TalentfitError):
            failed.append(NotScored(None, record.line, str(record)))
            continue
        data = record.to_dict() if hasattr(record, "to_dict") else record
        if not isinstance(data, Mapping):
            failed.append(NotScored(None, None, f"expected a JSON object, got {type(data)}"))
            continue
        if "error" in data and "answer" not in data:
            error = data["error"]
            failed.append(NotScored(identifier(data.get("id")), _line_of(data), str(error)))
            continue
        try:
            answers.append(_parse_answer(data, index))
        except _Invalid as exc:
            failed.append(
                NotScored(identifier(data.get("id")), _line_of(data), f"{exc} @ {exc.field}")
            )
    return answers, failed


# --------------------------------------------------------------------------- profile


def profile_weights(profile: Any) -> dict[str, float]:
    """Competency weights from a role profile: a path, a loaded profile or a mapping.

    A path is read with :func:`talentfit.profile.load_profile` (``partial=True``: the
    report reads only the weights and values).
    """
    if isinstance(profile, str | Path):
        profile = load_profile(profile, partial=True)
    table = getattr(profile, "competencies", profile)
    if not isinstance(table, Mapping):
        raise ProfileError("expected competency weights (competency id = weight)")
    weights: dict[str, float] = {}
    for key, value in table.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ProfileError(
                f"{key} must be a competency weight, a number >= 0 (got {value!r})",
                field=f"$.competencies.{key}",
            )
        weights[str(key)] = float(value)
    return weights


def _value_names(profile: Any, lang: str) -> dict[str, str]:
    """Display names of value ids: the built-in values library and the profile's own values.

    Empty when this installation has no values library; the ids are shown then.
    """
    try:
        from .values import builtin_values, resolve_values  # type: ignore[import-not-found]
    except ImportError:
        return {}
    names = {vid: value.name(lang) for vid, value in builtin_values().items()}
    if profile is not None and hasattr(profile, "organisation"):
        # the profile's own value errors are reported where it is scored
        with contextlib.suppress(TalentfitError):
            names.update({value.id: value.name(lang) for value in resolve_values(profile)})
    return names


# --------------------------------------------------------------------------- rubric


def _catalogue(rubric: Any, lang: str) -> list[tuple[str, str]]:
    """(competency id, display name) in rubric order; the names come from the rubric data.

    ``rubric`` is a :class:`~talentfit.rubric.Rubric`, a built-in rubric id or a rubric
    file; a rubric that cannot be loaded leaves the competency ids as their names.
    """
    try:
        loaded = rubric if isinstance(rubric, Rubric) else load_rubric(rubric)
    except TalentfitError:
        return [(cid, cid) for cid in COMPETENCY_IDS]
    return [(comp.id, comp.display_name(lang)) for comp in loaded.competencies]


# --------------------------------------------------------------------------- view model


@attrs.frozen
class _Column:
    id: str
    name: str
    colour: int
    weight: float


@attrs.frozen
class _Cell:
    column: _Column
    value: float | None
    answers: int
    best: bool


@attrs.frozen
class _Legend:
    ref: int
    name: str
    colour: int
    signal: str
    weight: float
    text: str


@attrs.frozen
class _AnswerView:
    id: str
    question: str | None
    target: str | None
    language: str
    html: Markup
    empty: bool
    legend: tuple[_Legend, ...]
    levels: tuple[tuple[str, int, int, str], ...]  # (name, colour, level, rationale)
    flags: tuple[str, ...]
    values: tuple[tuple[str, float | None, tuple[str, ...]], ...]  # (value, alignment, quotes)
    drivers: tuple[tuple[str, tuple[str, ...]], ...]  # (driver name, quotes)


@attrs.frozen
class _CandidateView:
    id: str
    anchor: str
    cells: tuple[_Cell, ...]
    overall: float | None
    values: tuple[tuple[str, float | None], ...]
    drivers: tuple[tuple[str, float], ...]
    fit: float | None
    flags: tuple[tuple[str, int], ...]
    answers: tuple[_AnswerView, ...]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _columns(
    answers: Sequence[_Answer], catalogue: list[tuple[str, str]], weights: Mapping[str, float]
) -> list[_Column]:
    order = {cid: i for i, (cid, _) in enumerate(catalogue)}
    names = dict(catalogue)
    seen = list(names)
    for answer in answers:
        for score in answer.scores:
            if score.competency not in order:
                order[score.competency] = len(order)
                seen.append(score.competency)
    for cid in weights:
        if cid not in order:
            order[cid] = len(order)
            seen.append(cid)
    if weights:
        # heaviest first; equal weights keep the profile's order
        chosen = sorted((c for c in weights if weights[c] > 0), key=lambda c: -weights[c])
    else:
        chosen = seen
    return [
        _Column(c, names.get(c, c), order[c] % PALETTE_SIZE, weights.get(c, 1.0)) for c in chosen
    ]


def _answer_view(
    answer: _Answer, names: Mapping[str, str], colours: Mapping[str, int], text: ReportText
) -> _AnswerView:
    found = [(ev, sc.competency) for sc in answer.scores for ev in sc.evidence]
    found.sort(key=lambda pair: (pair[0].start, -pair[0].end))
    legend, spans = [], []
    for ref, (ev, comp) in enumerate(found, start=1):
        name = names.get(comp, comp)
        colour = colours.get(comp, 0)
        kind = text.labels["counter_indicator"] if ev.weight < 0 else text.labels["indicator"]
        title = f"{name} · {kind} · {text.labels['signal']}: {ev.signal} ({ev.weight:+.2g})"
        classes = f"ev c{colour}" + (" neg" if ev.weight < 0 else "")
        spans.append(Span(ev.start, ev.end, ref, classes, title))
        legend.append(_Legend(ref, name, colour, ev.signal, ev.weight, ev.text))
    levels = tuple(
        (names.get(c := sc.competency, c), colours.get(c, 0), sc.level, sc.rationale)
        for sc in answer.scores
        if sc.level is not None
    )
    return _AnswerView(
        id=answer.id,
        question=answer.question,
        target=names.get(answer.competency, answer.competency) if answer.competency else None,
        language=answer.language,
        html=highlight(answer.answer, spans),
        empty=not answer.answer.strip(),
        legend=tuple(legend),
        levels=levels,
        flags=tuple(text.flags.get(f, f) for f in answer.flags),
        values=tuple(v for v in answer.values if v[1] is not None),
        drivers=tuple((text.drivers.get(d, d), q) for d, s, q in answer.drivers if s > 0),
    )


def _candidate_view(
    key: str,
    index: int,
    answers: Sequence[_Answer],
    columns: Sequence[_Column],
    names: Mapping[str, str],
    colours: Mapping[str, int],
    text: ReportText,
) -> _CandidateView:
    cells = []
    for column in columns:
        found = [
            v
            for a in answers
            for s in a.scores
            if s.competency == column.id and (v := s.value) is not None
        ]
        cells.append(_Cell(column, _mean(found), len(found), False))
    weighted = [(c.value, c.column.weight) for c in cells if c.value is not None]
    total = sum(w for _, w in weighted)
    overall = sum(v * w for v, w in weighted) / total if total else None
    values: dict[str, list[float]] = {}
    for a in answers:
        for value_id, alignment, _ in a.values:
            values.setdefault(value_id, [])
            if alignment is not None:
                values[value_id].append(alignment)
    drivers: dict[str, float] = {}
    for a in answers:
        for driver, strength, _ in a.drivers:
            drivers[driver] = max(drivers.get(driver, 0.0), strength)
    top = sorted(((d, s) for d, s in drivers.items() if s > 0), key=lambda p: -p[1])[:3]
    flags = Counter(f for a in answers for f in a.flags)
    return _CandidateView(
        id=key,
        anchor=f"cand-{index + 1}",
        cells=tuple(cells),
        overall=overall,
        values=tuple((v, _mean(al)) for v, al in values.items()),
        drivers=tuple((text.drivers.get(d, d), s) for d, s in top),
        fit=_mean([a.fit for a in answers if a.fit is not None]),
        flags=tuple((text.flags.get(f, f), n) for f, n in sorted(flags.items())),
        answers=tuple(_answer_view(a, names, colours, text) for a in answers),
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _mark_best(candidates: list[_CandidateView]) -> list[_CandidateView]:
    if len(candidates) < 2:
        return candidates
    best: dict[str, float] = {}
    for cand in candidates:
        for cell in cand.cells:
            if cell.value is not None:
                best[cell.column.id] = max(best.get(cell.column.id, STAR_MIN), round(cell.value, 1))
    return [
        attrs.evolve(
            cand,
            cells=tuple(
                attrs.evolve(
                    c, best=c.value is not None and round(c.value, 1) == best.get(c.column.id)
                )
                for c in cand.cells
            ),
        )
        for cand in candidates
    ]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: after the previous full stop, to the next."""
    lo = start
    while lo > 0 and not (text[lo - 1] in ".!?\n" and (lo == start or text[lo].isspace())):
        lo -= 1
    while lo < start and text[lo].isspace():
        lo += 1
    hi = end
    while hi < len(text) and text[hi - 1] not in ".!?\n":
        hi += 1
    return lo, hi


def _why(answers: Sequence[_Answer], column: _Column) -> Markup | None:
    """The sentence behind a candidate's level: their best answer's strongest evidence."""
    best: tuple[tuple[int, float], _Answer, list[Evidence]] | None = None
    for answer in answers:
        for score in answer.scores:
            found = [ev for ev in score.evidence if ev.weight > 0]
            if score.competency != column.id or not found:
                continue
            key = (score.level or 0, max(ev.weight for ev in found))
            if best is None or key > best[0]:
                best = (key, answer, found)
    if best is None:
        return None
    _, answer, found = best
    top = max(found, key=lambda ev: (ev.weight, ev.end - ev.start))
    lo, hi = _sentence_bounds(answer.answer, top.start, top.end)
    if hi - lo > QUOTE_MAX:  # a long sentence: a window around the evidence
        lo = max(lo, min(top.start, top.end - QUOTE_MAX // 2) - QUOTE_MAX // 4)
        hi = min(hi, max(top.end, lo + QUOTE_MAX))
    spans = [
        Span(ev.start - lo, ev.end - lo, i, f"ev c{column.colour}", column.name)
        for i, ev in enumerate(found, start=1)
        if lo <= ev.start and ev.end <= hi
    ]
    html = highlight(answer.answer[lo:hi].rstrip(), spans)
    before = "…" if lo > 0 and answer.answer[lo - 1] not in ".!?\n " else ""
    after = "…" if hi < len(answer.answer) and answer.answer[hi - 1] not in ".!?\n" else ""
    return Markup(before) + html + Markup(after)


def _strongest(
    candidates: Sequence[_CandidateView],
    grouped: Mapping[str, Sequence[_Answer]],
    columns: Sequence[_Column],
) -> list[dict[str, Any]]:
    """Per competency: the first candidate with the highest level, and the sentence why."""
    out = []
    for i, column in enumerate(columns):
        ranked = [c for c in candidates if c.cells[i].best]
        if not ranked:
            continue
        cand = ranked[0]
        out.append(
            {
                "column": column,
                "candidate": cand,
                "value": cand.cells[i].value,
                "ties": len(ranked) - 1,
                "quote": _why(grouped[cand.id], column),
            }
        )
    return out


# --------------------------------------------------------------------------- rendering


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _signed(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:+.1f}".replace("-", "−")


def _collect(
    records: Iterable[Any],
    *,
    lang: str,
    weights: Mapping[str, float] | None,
    profile: Any,
    rubric: Rubric | str | None,
) -> tuple[dict[str, Any], int, int, tuple[NotScored, ...]]:
    text = report_text(lang)
    if isinstance(profile, str | Path):
        profile = load_profile(profile, partial=True)
    if weights is None and profile is not None:
        weights = profile_weights(profile)
    weights = dict(weights or {})
    value_names = _value_names(profile, lang)
    answers, failed = _read(records)
    if value_names:  # show value names instead of ids
        answers = [
            attrs.evolve(a, values=tuple((value_names.get(v, v), al, q) for v, al, q in a.values))
            for a in answers
        ]
    if rubric is None:
        rubric = answers[0].rubric if answers else "customer-service"
    catalogue = _catalogue(rubric, lang)
    columns = _columns(answers, catalogue, weights)
    names = {cid: name for cid, name in catalogue}
    colours = {col.id: col.colour for col in columns}
    for i, (cid, _) in enumerate(catalogue):
        colours.setdefault(cid, i % PALETTE_SIZE)
    grouped: dict[str, list[_Answer]] = {}
    for answer in answers:
        grouped.setdefault(answer.candidate, []).append(answer)
    candidates = [
        _candidate_view(key, i, group, columns, names, colours, text)
        for i, (key, group) in enumerate(grouped.items())
    ]
    candidates.sort(key=lambda c: -c.overall if c.overall is not None else math.inf)
    candidates = _mark_best(candidates)
    context = {
        "t": text.labels,
        "level_names": text.levels,
        "lang": lang,
        "rubric": rubric.id if isinstance(rubric, Rubric) else str(rubric),
        "columns": columns,
        "weighted": bool(weights),
        "candidates": candidates,
        "strongest": _strongest(candidates, grouped, columns),
        "not_scored": failed,
        "has_values": any(a.values for a in answers),
        "has_motivation": any(a.fit is not None or a.drivers for a in answers),
        "version": __version__,
        "fmt": _fmt,
        "signed": _signed,
    }
    return context, len(candidates), len(answers), tuple(failed)


def _render(context: Mapping[str, Any]) -> str:
    try:
        template = _environment().get_template("report/report.html.j2")
        return template.render(**context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"report template is missing: {exc}") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"report template needs an undefined value: {exc}") from None


def build_report(
    records: Iterable[Any],
    *,
    lang: str = "en",
    weights: Mapping[str, float] | None = None,
    profile: Any = None,
    rubric: Rubric | str | None = None,
) -> str:
    """The HTML report of scored answers (dicts, ``AnswerResult`` or ``RecordError``).

    ``weights`` (competency id -> weight) or ``profile`` (a role profile path or object)
    choose and order the competencies and weight the overall level. ``rubric`` (a Rubric,
    built-in id or rubric file) gives the competency names; by default the records' own.
    """
    context, *_ = _collect(records, lang=lang, weights=weights, profile=profile, rubric=rubric)
    return _render(context)


def write_report(
    records: Iterable[Any],
    path: str | Path,
    *,
    lang: str = "en",
    weights: Mapping[str, float] | None = None,
    profile: Any = None,
    rubric: Rubric | str | None = None,
) -> ReportSummary:
    """Write the HTML report to ``path``; the summary says what is in it."""
    context, n_candidates, n_answers, failed = _collect(
        records, lang=lang, weights=weights, profile=profile, rubric=rubric
    )
    html = _render(context)
    target = Path(path)
    try:
        target.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise TalentfitError(f"cannot write the report: {exc.strerror}", path=str(target)) from None
    return ReportSummary(target, n_candidates, n_answers, failed)
