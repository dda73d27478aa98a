"""Motivation fit: what drives the candidate, set against what the role really offers.

Five drivers come from the talent part of the seed texts: ``autonomy``, ``craftsmanship``,
``development``, ``network`` (external contacts) and ``flexibility`` (time and place). What
candidates say about them is a lexicon per language (``talentfit/data/motivation/<lang>.toml``,
patterns in :mod:`talentfit.patterns`). A negated mention ("ik hoef geen vrijheid") does not
count.

Formula (documented in ``docs/values.md``):

* ``strength(d) = 1 - 0.5 ** n(d)``, where ``n(d)`` is the number of non-overlapping,
  non-negated mentions of driver ``d`` (one mention 0.5, two 0.75, three 0.875);
* ``covered(d) = 1`` when the profile's ``[offer]`` lists at least one item for ``d``, else 0;
* ``fit = sum(strength(d) * covered(d)) / sum(strength(d))`` over the drivers the candidate
  shows, rounded to three decimals: 1.0 when the offer has something for every driver, lower
  for each driver the offer has nothing for; ``None`` when the candidate shows no driver or
  no offer is given.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .convert import structure
from .errors import ConfigError
from .patterns import Matcher, Pattern, compile_pattern
from .resources import load_data_toml
from .text import Doc, analyse
from .values import ValueEvidence, match_negated, non_overlapping

__all__ = [
    "DRIVERS",
    "Driver",
    "Motivation",
    "driver_names",
    "motivation",
    "motivation_from_counts",
    "offer_coverage",
]

DRIVERS: tuple[str, ...] = ("autonomy", "craftsmanship", "development", "network", "flexibility")


@attrs.frozen
class DriverEntry:
    """One driver in a language file of the motivation lexicon."""

    id: str
    name: str
    patterns: list[str]
    positive: list[str] = attrs.field(factory=list)
    negative: list[str] = attrs.field(factory=list)


@attrs.frozen
class DriverLexicon:
    """Schema of ``talentfit/data/motivation/<lang>.toml``."""

    drivers: list[DriverEntry]


@attrs.frozen
class Driver:
    """One motivation driver the candidate shows: strength 0..1 and the quoted evidence."""

    driver: str
    strength: float
    evidence: tuple[ValueEvidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "driver": self.driver,
            "strength": self.strength,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@attrs.frozen
class Motivation:
    """The drivers in an answer (strongest first) and their fit with the role's offer."""

    drivers: tuple[Driver, ...]
    fit: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"drivers": [d.to_dict() for d in self.drivers], "fit": self.fit}


@functools.cache
def lexicon(lang: str) -> DriverLexicon:
    """The motivation lexicon of ``lang`` as written in its data file (cached)."""
    relpath = f"motivation/{lang}.toml"
    data = structure(load_data_toml(relpath), DriverLexicon, source=f"talentfit/data/{relpath}")
    ids = tuple(d.id for d in data.drivers)
    if ids != DRIVERS:
        raise ConfigError(
            f"expected drivers {', '.join(DRIVERS)} in that order, got {', '.join(ids)}",
            path=f"talentfit/data/{relpath}",
        )
    return data


def driver_names(lang: str) -> dict[str, str]:
    """Display names of the drivers in ``lang``."""
    return {d.id: d.name for d in lexicon(lang).drivers}


@functools.cache
def _matcher(lang: str) -> Matcher[str]:
    entries: list[tuple[Pattern, str]] = []
    for entry in lexicon(lang).drivers:
        try:
            entries.extend((compile_pattern(p, lang), entry.id) for p in entry.patterns)
        except ConfigError as exc:
            raise ConfigError(exc.message, path=f"talentfit/data/motivation/{lang}.toml") from None
    return Matcher(entries)


def offer_coverage(offer: Any) -> dict[str, bool] | None:
    """Per driver, whether the offer lists anything for it; None without an offer.

    ``offer`` is the profile's ``[offer]`` (attributes ``autonomy`` … ``flexibility``) or a
    mapping with those keys.
    """
    if offer is None:
        return None
    coverage: dict[str, bool] = {}
    for driver in DRIVERS:
        items = offer.get(driver) if isinstance(offer, Mapping) else getattr(offer, driver, None)
        coverage[driver] = any(str(item).strip() for item in items or ())
    return coverage


def strength_of(mentions: int) -> float:
    """``1 - 0.5 ** mentions``, rounded to three decimals."""
    return round(1.0 - 0.5**mentions, 3)


def fit_of(strengths: Mapping[str, float], coverage: Mapping[str, bool] | None) -> float | None:
    """Strength-weighted share of the candidate's drivers that the offer covers."""
    total = sum(strengths.values())
    if coverage is None or total <= 0:
        return None
    covered = sum(s for d, s in strengths.items() if coverage.get(d))
    return round(covered / total, 3)


def motivation_from_counts(
    evidence: Mapping[str, Sequence[ValueEvidence]], offer: Any
) -> Motivation:
    """A :class:`Motivation` from evidence per driver (one mention per evidence item)."""
    drivers = [
        Driver(d, strength_of(len(evidence[d])), tuple(evidence[d]))
        for d in DRIVERS
        if evidence.get(d)
    ]
    drivers.sort(key=lambda d: (-d.strength, DRIVERS.index(d.driver)))
    strengths = {d.driver: d.strength for d in drivers}
    return Motivation(tuple(drivers), fit_of(strengths, offer_coverage(offer)))


def driver_evidence(doc: Doc) -> dict[str, list[ValueEvidence]]:
    """Non-negated, non-overlapping driver mentions in ``doc``, per driver."""
    per_driver: dict[str, list[Any]] = {}
    for match in _matcher(doc.lang).find(doc):
        per_driver.setdefault(match.payload, []).append(match)
    result: dict[str, list[ValueEvidence]] = {}
    for driver, matches in per_driver.items():
        found = [
            ValueEvidence(m.start, m.end, doc.text[m.start : m.end], "driver")
            for m in non_overlapping(matches)
            if not match_negated(doc, m)
        ]
        if found:
            result[driver] = found
    return result


def motivation(text: str | Doc, lang: str, offer: Any = None) -> Motivation:
    """The motivation drivers in ``text`` and their fit with ``offer`` (see module docstring)."""
    doc = text if isinstance(text, Doc) else analyse(text, lang, spoken=True)
    return motivation_from_counts(driver_evidence(doc), offer)
