"""Rubrics: the competencies to score, their names and anchored levels per language.

The built-in rubric ``customer-service`` lives in ``data/rubrics/``; ``load_rubric(path)``
reads a user's TOML or JSON rubric, validated with messages such as
``required field missing @ $.competencies[2].levels (rubric.toml)``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

import attrs

from .convert import structure
from .errors import RubricError
from .models import COMPETENCY_IDS
from .records import read_text
from .resources import data_file
from .text import LANGUAGES

__all__ = ["BUILTIN_RUBRICS", "Competency", "Rubric", "load_rubric"]

BUILTIN_RUBRICS = ("customer-service",)
DEFAULT_RUBRIC = "customer-service"


@attrs.frozen
class Competency:
    """A competency: stable id, names and level anchors per language.

    ``uses`` names built-in lexicon families whose signals count for it (default: its own
    id when that is a built-in competency); ``indicators`` and ``counter`` add the rubric's
    own patterns per language, in the pattern language of :mod:`talentfit.patterns`.
    """

    id: str
    name: dict[str, str]
    levels: dict[str, list[str]]
    description: dict[str, str] = attrs.field(factory=dict)
    uses: list[str] | None = None
    indicators: dict[str, list[str]] = attrs.field(factory=dict)
    counter: dict[str, list[str]] = attrs.field(factory=dict)

    @property
    def families(self) -> tuple[str, ...]:
        """The built-in lexicon families whose signals count for this competency."""
        if self.uses is not None:
            return tuple(self.uses)
        return (self.id,) if self.id in COMPETENCY_IDS else ()

    def display_name(self, lang: str) -> str:
        return self.name.get(lang) or next(iter(self.name.values()))


@attrs.frozen
class Rubric:
    """A validated rubric; ``content_hash`` identifies its exact content (audit logs)."""

    id: str
    name: dict[str, str]
    competencies: list[Competency]
    version: str = "1"
    content_hash: str = attrs.field(default="", eq=False)

    def competency(self, competency_id: str) -> Competency | None:
        for competency in self.competencies:
            if competency.id == competency_id:
                return competency
        return None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.competencies)


def _validate(rubric: Rubric, source: str) -> None:
    if not rubric.competencies:
        raise RubricError("a rubric needs at least one competency @ $.competencies", path=source)
    seen: set[str] = set()
    for i, comp in enumerate(rubric.competencies):
        where = f"$.competencies[{i}]"
        if not comp.id or not comp.id.replace("_", "").replace("-", "").isalnum():
            raise RubricError(f"id must be a slug like 'ownership' @ {where}.id", path=source)
        if comp.id in seen:
            raise RubricError(f"duplicate competency id {comp.id!r} @ {where}.id", path=source)
        seen.add(comp.id)
        if not comp.name:
            raise RubricError(f"name needs at least one language @ {where}.name", path=source)
        for lang, anchors in comp.levels.items():
            if lang not in LANGUAGES:
                raise RubricError(
                    f"language must be nl or en, got {lang!r} @ {where}.levels.{lang}", path=source
                )
            if len(anchors) != 5 or not all(isinstance(a, str) and a.strip() for a in anchors):
                raise RubricError(
                    f"expected five non-empty level anchors (1-5), got {len(anchors)} "
                    f"@ {where}.levels.{lang}",
                    path=source,
                )
        if not comp.levels:
            raise RubricError(f"levels need at least one language @ {where}.levels", path=source)
        for family in comp.families:
            if family not in COMPETENCY_IDS:
                raise RubricError(
                    f"unknown lexicon family {family!r}; expected one of "
                    f"{', '.join(COMPETENCY_IDS)} @ {where}.uses",
                    path=source,
                )
        for field in ("indicators", "counter"):
            for lang in getattr(comp, field):
                if lang not in LANGUAGES:
                    raise RubricError(
                        f"language must be nl or en, got {lang!r} @ {where}.{field}.{lang}",
                        path=source,
                    )


def rubric_from_dict(data: Any, source: str) -> Rubric:
    """Validate rubric data (from TOML or JSON) into a Rubric; RubricError on problems."""
    if not isinstance(data, dict):
        raise RubricError("expected a table/object at the top level @ $", path=source)
    rubric = structure(data, Rubric, source=source, error=RubricError)
    _validate(rubric, source)
    digest = hashlib.sha256(
        json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    ).hexdigest()
    rubric = attrs.evolve(rubric, content_hash=digest)
    # compile the rubric's own patterns now, so a bad pattern fails at load time
    from .evidence import rubric_matcher

    for lang in LANGUAGES:
        rubric_matcher(rubric, lang)
    return rubric


@functools.cache
def _builtin(name: str) -> Rubric:
    node = data_file(f"rubrics/{name}.toml")
    return rubric_from_dict(tomllib.loads(node.read_text("utf-8")), f"talentfit:{name}")


def load_rubric(name_or_path: str | Path | Rubric | None = None) -> Rubric:
    """A built-in rubric by name (default ``customer-service``) or a TOML/JSON rubric file."""
    if isinstance(name_or_path, Rubric):
        return name_or_path
    if name_or_path is None:
        return _builtin(DEFAULT_RUBRIC)
    text_name = str(name_or_path)
    if text_name in BUILTIN_RUBRICS:
        return _builtin(text_name)
    path = Path(text_name)
    if path.suffix.lower() not in (".toml", ".json"):
        raise RubricError(
            f"unknown rubric {text_name!r}; expected one of {', '.join(BUILTIN_RUBRICS)} "
            "or a .toml/.json file"
        )
    text = read_text(path)
    source = path.name
    try:
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RubricError(f"invalid TOML: {exc}", path=source) from None
    except json.JSONDecodeError as exc:
        raise RubricError(f"invalid JSON: {exc.msg}", path=source, line=exc.lineno) from None
    return rubric_from_dict(data, source)
