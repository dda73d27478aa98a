"""Rationale texts per language: why an answer got its level, in the answer's language.

The texts are data (``talentfit/data/rationales/<lang>.toml``), loaded through one schema;
the scoring engine names its reasons by key and renders them here.
"""

from __future__ import annotations

import functools

import attrs

from .convert import structure
from .resources import load_data_toml
from .text import LANGUAGES

__all__ = ["RationaleTexts", "rationale_texts"]


@attrs.frozen
class RationaleTexts:
    """The sentences a rationale is built from (one file per language)."""

    level: str
    separator: str
    list_separator: str
    insufficient: str
    counter_no_example: str
    thin_example: str
    claims_only: str
    nothing_relevant: str
    counter_example: str
    concrete_example: str
    own_actions: str
    perspective: str
    result: str
    beyond: str
    missing: str
    missing_own: str
    missing_result: str
    missing_perspective: str
    missing_competency: str
    lowered: str
    capped_we: str
    calibrated: str

    def text(self, key: str, **values: object) -> str:
        """The text for reason ``key``, its placeholders filled with ``values``."""
        template: str = getattr(self, key)
        return template.format(**values) if values else template

    def rationale(self, level: int, reasons: list[str]) -> str:
        """``level N: reason; reason`` in this language."""
        return self.level.format(level=level, reasons=self.separator.join(reasons))


@functools.cache
def rationale_texts(lang: str) -> RationaleTexts:
    """The rationale texts for ``lang`` (``nl`` or ``en``; anything else gets English)."""
    lang = lang if lang in LANGUAGES else "en"
    relpath = f"rationales/{lang}.toml"
    return structure(load_data_toml(relpath), RationaleTexts, source=f"talentfit/data/{relpath}")
