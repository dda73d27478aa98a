"""The structured interview guide, built from one role profile.

Per weighted competency of the profile's ``[competencies]`` — heaviest first; equal weights in
the rubric's order (for the built-in rubric: empathy, needs_clarification, ownership,
initiative, extra_mile, service_recovery, personal_approach, continuous_improvement) — its
name, why it matters in this role (from ``role.customers`` and ``role.purpose``), past-behaviour
(STAR) questions with follow-up probes, and the five anchored levels of the rubric; then one
question per declared value, one motivation question, and a rating sheet. A profile without
``[competencies]`` gets every rubric competency at weight 1.

Questions and labels are data per language (``talentfit/data/guide/<lang>.toml``); the
templates are ``templates/guide/guide.{md,html}.j2`` (StrictUndefined, HTML autoescaped).
"""

from __future__ import annotations

import functools
import json
from typing import Any

import attrs
import jinja2

from .convert import structure
from .errors import ProfileError, TemplateError
from .motivation import DRIVERS
from .resources import load_data_toml, templates_dir
from .text import LANGUAGES
from .values import ValueDefinition, resolve_values

__all__ = ["FORMATS", "Guide", "build_guide", "competency_weights", "render_guide"]

FORMATS: tuple[str, ...] = ("md", "html", "json")
DEFAULT_WEIGHT = 1


@attrs.frozen
class Question:
    """A past-behaviour question and its follow-up probes."""

    question: str
    probes: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "probes": list(self.probes)}


@attrs.frozen
class CompetencyQuestions:
    why: str
    questions: list[Question]


@attrs.frozen
class GuideData:
    """Schema of ``talentfit/data/guide/<lang>.toml``."""

    why_frame: str
    custom_value_question: str
    custom_value_probes: list[str]
    labels: dict[str, str]
    offer_names: dict[str, str]
    competencies: dict[str, CompetencyQuestions]
    values: dict[str, Question]
    motivation: list[Question]


@attrs.frozen
class GuideCompetency:
    id: str
    name: str
    weight: int
    why: str
    questions: tuple[Question, ...]
    levels: dict[str, str]  # "1" .. "5"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "weight": self.weight,
            "questions": [q.to_dict() for q in self.questions],
            "levels": dict(self.levels),
        }


@attrs.frozen
class GuideValue:
    value: str
    name: str
    description: str
    question: str
    probes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "name": self.name,
            "question": self.question,
            "probes": list(self.probes),
        }


@attrs.frozen
class Guide:
    """An interview guide; ``to_dict`` is the documented JSON."""

    lang: str
    title: str
    organisation: str
    competencies: tuple[GuideCompetency, ...]
    values: tuple[GuideValue, ...]
    motivation: tuple[Question, ...]
    offer: tuple[tuple[str, tuple[str, ...]], ...]  # (driver name, items) the role offers
    labels: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "competencies": [c.to_dict() for c in self.competencies],
            "values": [v.to_dict() for v in self.values],
            "motivation": [q.to_dict() for q in self.motivation],
        }


@functools.cache
def guide_data(lang: str) -> GuideData:
    """The guide's questions and labels in ``lang`` (cached)."""
    relpath = f"guide/{lang}.toml"
    return structure(load_data_toml(relpath), GuideData, source=f"talentfit/data/{relpath}")


def competency_weights(profile: Any, rubric: Any) -> list[tuple[str, int]]:
    """``(competency id, weight)`` heaviest first, ties in the rubric's order.

    Without ``[competencies]`` in the profile, every rubric competency at weight 1.
    """
    order = [c.id for c in rubric.competencies]
    weights: dict[str, int] = dict(getattr(profile, "competencies", None) or {})
    if not weights:
        return [(cid, DEFAULT_WEIGHT) for cid in order]
    for cid in weights:
        if cid not in order:
            raise ProfileError(
                f"unknown competency {cid!r}: the rubric has {', '.join(order)}",
                field=f"$.competencies.{cid}",
            )
    return sorted(weights.items(), key=lambda item: (-item[1], order.index(item[0])))


def _value_question(value: ValueDefinition, data: GuideData, lang: str) -> GuideValue:
    builtin = None if value.custom else data.values.get(value.id)
    name = value.name(lang)
    name = name[:1].upper() + name[1:]  # a heading: "Integriteit", not "integriteit"
    if builtin is not None:
        question, probes = builtin.question, builtin.probes
    else:
        question = data.custom_value_question.format_map({"name": name})
        probes = data.custom_value_probes
    return GuideValue(value.id, name, value.description(lang), question, tuple(probes))


def build_guide(
    profile: Any,
    *,
    lang: str | None = None,
    rubric: Any = None,
    source: str | None = None,
) -> Guide:
    """The interview guide for ``profile`` in ``lang`` (default: the profile's language)."""
    from .rubric import load_rubric

    lang = lang or profile.language
    if lang is None:
        raise ProfileError(
            'language missing: give it in the profile (language = "nl" or "en") or with --lang',
            field="$.language",
            path=source,
        )
    if lang not in LANGUAGES:
        raise ProfileError(f"language must be one of {', '.join(LANGUAGES)} (got {lang!r})")
    rubric = load_rubric(rubric)
    data = guide_data(lang)
    role = profile.role
    customers = getattr(role, "customers", None)
    purpose = getattr(role, "purpose", None)
    # why it matters in this role: from the profile's customers and purpose, when it has them
    why_role = (
        data.why_frame.format_map(
            {"customers": _sentence(customers), "purpose": _sentence(purpose)}
        )
        if customers and purpose
        else ""
    )
    competencies: list[GuideCompetency] = []
    try:
        weights = competency_weights(profile, rubric)
    except ProfileError as exc:
        raise ProfileError(exc.message, field=exc.field, path=source) from None
    for cid, weight in weights:
        comp = rubric.competency(cid)
        questions = data.competencies.get(cid)
        levels = comp.levels.get(lang) or next(iter(comp.levels.values()))
        if questions is None:
            raise ProfileError(
                f"no interview questions for competency {cid!r} in {lang!r}",
                field=f"$.competencies.{cid}",
                path=source,
            )
        competencies.append(
            GuideCompetency(
                id=cid,
                name=_capitalised(comp.display_name(lang)),
                weight=int(weight),
                why=f"{why_role} {questions.why}".strip(),
                questions=tuple(questions.questions),
                levels={str(i + 1): anchor for i, anchor in enumerate(levels)},
            )
        )
    values = tuple(_value_question(v, data, lang) for v in resolve_values(profile, source=source))
    offer = tuple(
        (data.offer_names[d], tuple(getattr(profile.offer, d, None) or ()))
        for d in DRIVERS
        if getattr(profile.offer, d, None)
    )
    return Guide(
        lang=lang,
        title=str(getattr(role, "title", None) or ""),
        organisation=str(getattr(profile.organisation, "name", None) or ""),
        competencies=tuple(competencies),
        values=values,
        motivation=tuple(data.motivation),
        offer=offer,
        labels=dict(data.labels),
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    text = " ".join(str(text).split())
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _md(value: Any) -> Any:
    """Profile text in Markdown stays text: ``<`` would start raw HTML, ``|`` breaks tables."""
    if isinstance(value, str):
        return value.replace("<", "&lt;").replace("|", "\\|")
    return value


@functools.cache
def _environment(fmt: str) -> jinja2.Environment:
    options: dict[str, Any] = {}
    if fmt == "md":
        options["finalize"] = _md
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=fmt == "html",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        **options,
    )


def render_guide(guide: Guide, fmt: str = "md") -> str:
    """The guide as Markdown, an HTML page, or the documented JSON."""
    if fmt == "json":
        return json.dumps(guide.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt not in FORMATS:
        raise TemplateError(f"format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    env = _environment(fmt)
    name = f"guide/guide.{fmt}.j2"
    try:
        template = env.get_template(name)
        return template.render(guide=guide, labels=guide.labels)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template syntax error: {exc.message}", path=exc.filename or name, line=exc.lineno
        ) from None
    except jinja2.TemplateNotFound:
        raise TemplateError("guide template is missing", path=name) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template error: {exc.message}", path=name) from None
