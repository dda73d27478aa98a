"""The role profile: one TOML file that drives the vacancy draft, interview guide and scoring.

A recruiter describes the role once — the work, the customers, what the person gets, the
salary range — and every later step reads the same :class:`Profile`. The file's keys are
documented in ``docs/draft.md``. Validation goes through the one converter
(:mod:`talentfit.convert`); every failure names what was expected, the key path and the
file: ``salary_min must be a number @ $.conditions.salary_min (role.toml)``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NewType, overload

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from .convert import converter, error_lines, unstructure
from .errors import ProfileError
from .models import COMPETENCY_IDS

__all__ = [
    "EMPLOYMENT_TYPES",
    "LANGUAGES",
    "REMOTE_MODES",
    "SALARY_PERIODS",
    "Application",
    "Conditions",
    "CustomValue",
    "Offer",
    "Organisation",
    "PartialProfile",
    "Profile",
    "Requirements",
    "Role",
    "example_profile",
    "example_profiles",
    "load_profile",
    "profile_from_dict",
    "text_fields",
]

LANGUAGES: tuple[str, ...] = ("nl", "en")
REMOTE_MODES: tuple[str, ...] = ("onsite", "hybrid", "remote")
SALARY_PERIODS: tuple[str, ...] = ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")
# schema.org/JobPosting employmentType values Google documents.
EMPLOYMENT_TYPES: tuple[str, ...] = (
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
)
OFFER_KINDS: tuple[str, ...] = (
    "autonomy",
    "craftsmanship",
    "development",
    "network",
    "flexibility",
)
REQUIRED_OFFER_KINDS: tuple[str, ...] = ("autonomy", "craftsmanship", "development")
MAX_HOURS_PER_WEEK = 80

# --- strict leaf types ------------------------------------------------------------------
# The converter's plain ``str``/``int`` hooks coerce ("3600" becomes 3600, 12 becomes "12",
# "abc" becomes ["a", "b", "c"]). A role profile is written by hand, so its leaves are
# checked strictly; each hook raises ``ValueError("must be …")`` and the message gets the
# field's name in front of it.

Text = NewType("Text", str)  # a non-empty string
OptionalText = NewType("OptionalText", str)  # a string, may be empty
TextList = NewType("TextList", list[str])  # list of non-empty strings
Number = NewType("Number", float)  # a non-negative int or float
Url = NewType("Url", str)  # http(s) address
Hours = NewType("Hours", tuple[float, float])  # [min, max] hours a week
Weights = NewType("Weights", dict[str, int])  # competency id -> 1..3
Day = NewType("Day", _dt.date)  # a TOML date (or YYYY-MM-DD)
Language = NewType("Language", str)
RemoteMode = NewType("RemoteMode", str)
SalaryPeriod = NewType("SalaryPeriod", str)
EmploymentType = NewType("EmploymentType", str)
Currency = NewType("Currency", str)

_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_MAILTO_RE = re.compile(r"^mailto:[^\s@]+@[^\s@]+\.[^\s@]+$", re.IGNORECASE)


def _describe(value: Any) -> str:
    kind = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}.get(type(value))
    if kind is None:
        kind = (
            "a list"
            if isinstance(value, list)
            else "a table"
            if isinstance(value, dict)
            else type(value).__name__
        )
    return kind


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be a string (got {_describe(value)})")
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


def _optional_text(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be a string (got {_describe(value)})")
    return value.strip()


def _text_list(value: Any, _: Any) -> list[str]:
    if not isinstance(value, list):
        raise ValueError(f"must be a list of strings (got {_describe(value)})")
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise ValueError(f"must be a list of strings (item {i + 1} is {_describe(item)})")
        if not item.strip():
            raise ValueError(f"must be a list of strings (item {i + 1} is empty)")
    return [item.strip() for item in value]


def _number(value: Any, _: Any) -> float | int:
    if not _is_number(value):
        raise ValueError("must be a number")
    if value < 0:
        raise ValueError(f"must be a number of at least 0 (got {value})")
    return value  # type: ignore[no-any-return]


def _url(value: Any, _: Any) -> str:
    if not isinstance(value, str) or not (
        _URL_RE.match(value.strip()) or _MAILTO_RE.match(value.strip())
    ):
        raise ValueError(f"must be an http(s):// or mailto: address (got {value!r})")
    return value.strip()


def _hours(value: Any, _: Any) -> tuple[float | int, float | int]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(_is_number(v) and 0 < v <= MAX_HOURS_PER_WEEK for v in value)
    ):
        raise ValueError(
            f"must be [min, max] hours a week, two numbers from 1 to {MAX_HOURS_PER_WEEK}"
            f" (got {value!r})"
        )
    return value[0], value[1]


def _weights(value: Any, _: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"must be a table of competency = weight (got {_describe(value)})")
    return dict(value)


def _day(value: Any, _: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"must be a date like 2027-01-15 (got {value!r})")


def _one_of(choices: tuple[str, ...]) -> Any:
    def hook(value: Any, _: Any) -> str:
        if value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)} (got {value!r})")
        return value  # type: ignore[no-any-return]

    return hook


def _currency(value: Any, _: Any) -> str:
    if not isinstance(value, str) or not _CURRENCY_RE.match(value):
        raise ValueError(f"must be a three-letter ISO 4217 code like EUR (got {value!r})")
    return value


for _type, _hook in (
    (Text, _text),
    (OptionalText, _optional_text),
    (TextList, _text_list),
    (Number, _number),
    (Url, _url),
    (Hours, _hours),
    (Weights, _weights),
    (Day, _day),
    (Language, _one_of(LANGUAGES)),
    (RemoteMode, _one_of(REMOTE_MODES)),
    (SalaryPeriod, _one_of(SALARY_PERIODS)),
    (EmploymentType, _one_of(EMPLOYMENT_TYPES)),
    (Currency, _currency),
):
    converter.register_structure_hook(_type, _hook)


# --- the profile --------------------------------------------------------------------------


def _no_items() -> TextList:
    return TextList([])


@attrs.frozen
class CustomValue:
    """A value the organisation defines itself (used by values alignment)."""

    id: Text
    name: Text
    description: Text
    indicators: TextList = attrs.field(factory=_no_items)
    contrary: TextList = attrs.field(factory=_no_items)


@attrs.frozen
class Organisation:
    """Who is hiring: name, mission (why it exists), identity (who it wants to be), values."""

    name: Text
    mission: Text
    identity: Text
    values: TextList = attrs.field(factory=_no_items)  # value ids or names; resolved by values
    website: Url | None = None
    custom_values: list[CustomValue] = attrs.field(factory=list)


@attrs.frozen
class Role:
    """The work: title, place, hours, who the person serves and what those customers get."""

    title: Text
    location: Text
    remote: RemoteMode
    hours_per_week: Hours
    employment_type: EmploymentType
    customers: Text
    purpose: Text
    tasks: TextList
    department: Text | None = None


@attrs.frozen
class Offer:
    """What the person gets, in concrete statements carried over into the draft as written."""

    autonomy: TextList
    craftsmanship: TextList
    development: TextList
    network: TextList = attrs.field(factory=_no_items)
    flexibility: TextList = attrs.field(factory=_no_items)

    def sections(self) -> list[tuple[str, list[str]]]:
        """``(kind, items)`` in the order the draft shows them, empty kinds left out."""
        return [(kind, list(getattr(self, kind))) for kind in OFFER_KINDS if getattr(self, kind)]


@attrs.frozen
class Conditions:
    """Salary range in numbers, contract and benefits."""

    salary_min: Number
    salary_max: Number
    currency: Currency
    salary_period: SalaryPeriod
    contract: Text
    benefits: TextList = attrs.field(factory=_no_items)


@attrs.frozen
class Requirements:
    """What the role asks: ``must`` and ``nice`` to have."""

    must: TextList
    nice: TextList = attrs.field(factory=_no_items)


@attrs.frozen
class Application:
    """How to apply."""

    apply_url: Url
    contact: Text
    deadline: Day | None = None


@attrs.frozen
class Profile:
    """One role, described once (see ``docs/draft.md`` for every key)."""

    language: Language
    organisation: Organisation
    role: Role
    offer: Offer
    conditions: Conditions
    requirements: Requirements
    application: Application
    competencies: Weights = attrs.field(factory=lambda: Weights({}))  # competency id -> weight 1..3

    def to_dict(self) -> dict[str, Any]:
        """Plain data with the file's keys (dates as ISO strings)."""
        data: dict[str, Any] = unstructure(self)
        data["role"]["hours_per_week"] = list(self.role.hours_per_week)
        return data

    @property
    def content_hash(self) -> str:
        """sha256 of the profile's canonical JSON: equal content, equal hash."""
        canonical = json.dumps(
            self.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _optional_version(cls: type, nested: dict[Any, type]) -> type:
    """``cls`` with every required field optional (None when the file leaves it out).

    Fields keep their types, so what a partial profile does give is checked exactly as in
    a complete one; section types are replaced by their own optional versions (``nested``).
    """
    attrs.resolve_types(cls, globalns=globals())
    fields: dict[str, Any] = {}
    for field in attrs.fields(cls):
        kind = nested.get(field.type, field.type)
        if field.default is attrs.NOTHING:
            fields[field.name] = attrs.field(type=kind | None, default=None)
        else:
            fields[field.name] = attrs.field(type=kind, default=field.default)
    return attrs.make_class(f"Partial{cls.__name__}", fields, frozen=True)


_PARTIAL_SECTIONS: dict[Any, type] = {
    section: _optional_version(section, {})
    for section in (Organisation, Role, Offer, Conditions, Requirements, Application)
}
PartialProfile: type = _optional_version(Profile, _PARTIAL_SECTIONS)
PartialProfile.__doc__ = """A role profile that may leave out what the interview guide and scoring
do not read (the salary, the requirements, how to apply…): every key is optional, and the
keys it does have are checked as in a complete :class:`Profile`. See :func:`load_profile`."""


# --- loading ----------------------------------------------------------------------------

# Sections that must be TOML tables, and within them the arrays of tables.
_TABLES: dict[str, tuple[str, ...]] = {
    "organisation": ("custom_values",),
    "role": (),
    "offer": (),
    "conditions": (),
    "requirements": (),
    "competencies": (),
    "application": (),
}
_FIELD_RE = re.compile(r"^(?P<msg>must .*) @ (?P<path>\$[^ ]*)$")


def _name_of(path: str) -> str:
    last = re.split(r"\.", path)[-1]
    return re.sub(r"\[.*\]$", "", last) or path


def _shape_errors(data: Any) -> list[str]:
    """Tables that are not tables: cattrs would only say 'expected a Role'."""
    if not isinstance(data, dict):
        return [f"profile must be a table @ $ (got {_describe(data)})"]
    lines = []
    for key, arrays in _TABLES.items():
        value = data.get(key)
        if key in data and not isinstance(value, dict):
            lines.append(f"{key} must be a table @ $.{key} (got {_describe(value)})")
            continue
        for sub in arrays:
            if isinstance(value, dict) and sub in value:
                items = value[sub]
                if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                    lines.append(
                        f"{sub} must be a list of tables ([[{key}.{sub}]]) @ $.{key}.{sub}"
                    )
    return lines


def _checks(profile: Any, *, complete: bool = True) -> Iterator[str]:
    """What the types alone cannot say. A partial profile (``complete=False``) is checked
    on what it gives: nothing is asked to be present."""
    cond = profile.conditions
    low_pay = getattr(cond, "salary_min", None)
    high_pay = getattr(cond, "salary_max", None)
    if low_pay is not None and high_pay is not None and low_pay > high_pay:
        yield (
            f"salary_min must not exceed salary_max ({low_pay} > {high_pay})"
            " @ $.conditions.salary_min"
        )
    if high_pay is not None and high_pay <= 0:
        yield "salary_max must be a number above 0 @ $.conditions.salary_max"
    hours = getattr(profile.role, "hours_per_week", None)
    if hours is not None and hours[0] > hours[1]:
        yield (
            f"hours_per_week must be [min, max] with min <= max (got [{hours[0]}, {hours[1]}])"
            + (" @ $.role.hours_per_week")
        )
    if complete:
        for kind in REQUIRED_OFFER_KINDS:
            if not getattr(profile.offer, kind):
                yield f"{kind} must list at least one concrete item @ $.offer.{kind}"
        if not profile.role.tasks:
            yield "tasks must list at least one task @ $.role.tasks"
        if not profile.requirements.must:
            yield "must must list at least one requirement @ $.requirements.must"
    for comp, weight in profile.competencies.items():
        if comp not in COMPETENCY_IDS:
            yield (
                f"unknown competency {comp!r} (expected one of {', '.join(COMPETENCY_IDS)})"
                f" @ $.competencies.{comp}"
            )
        elif not _is_number(weight) or weight not in (1, 2, 3) or isinstance(weight, float):
            yield f"{comp} must be a weight 1, 2 or 3 (got {weight!r}) @ $.competencies.{comp}"
    seen: set[str] = set()
    for i, value in enumerate(getattr(profile.organisation, "custom_values", None) or ()):
        if value.id in seen:
            yield (
                f"id must be unique (duplicate {value.id!r}) @ $.organisation.custom_values[{i}].id"
            )
        seen.add(value.id)


@overload
def profile_from_dict(
    data: Any, *, source: str | None = None, partial: Literal[False] = False
) -> Profile: ...
@overload
def profile_from_dict(data: Any, *, source: str | None = None, partial: bool) -> Any: ...
def profile_from_dict(data: Any, *, source: str | None = None, partial: bool = False) -> Any:
    """Validate plain data (as read from TOML) into a :class:`Profile`.

    With ``partial=True`` any key may be missing (a :data:`PartialProfile` is returned, with
    None for what is left out), which is all the interview guide and scoring need; the keys
    that are there are checked as in a complete profile, and unknown keys are errors.
    Raises :class:`ProfileError` listing every failure, ``; ``-separated, each as
    ``<field> must … @ $.key.path`` with ``(source)`` at the end.
    """
    lines = _shape_errors(data)
    if lines:
        raise ProfileError("; ".join(lines), path=source)
    try:
        profile: Any = converter.structure(data, PartialProfile if partial else Profile)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        raise ProfileError("; ".join(_named(error_lines(exc))), path=source) from None
    problems = list(_checks(profile, complete=not partial))
    if problems:
        raise ProfileError("; ".join(problems), path=source)
    return profile


def _named(lines: list[str]) -> list[str]:
    """``must be a number @ $.conditions.salary_min`` -> ``salary_min must be a number @ …``."""
    out = []
    for line in lines:
        match = _FIELD_RE.match(line)
        if match:
            line = f"{_name_of(match['path'])} {match['msg']} @ {match['path']}"
        out.append(line)
    return out


_TOML_POS_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


@overload
def load_profile(path: str | Path, *, partial: Literal[False] = False) -> Profile: ...
@overload
def load_profile(path: str | Path, *, partial: bool) -> Any: ...
def load_profile(path: str | Path, *, partial: bool = False) -> Any:
    """Read and validate a role profile (TOML). Raises :class:`ProfileError` on any problem.

    ``partial=True`` accepts a profile with keys left out (see :func:`profile_from_dict`):
    an interview guide or values scoring needs no salary or application address yet.
    """
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ProfileError("profile not found", path=source) from None
    except OSError as exc:
        raise ProfileError(f"cannot read profile: {exc.strerror or exc}", path=source) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        raise ProfileError("profile must be UTF-8 text", path=source, line=bad_line) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POS_RE.search(message)
        line = int(match.group(1)) if match else None
        if match:
            message = message[: match.start()]
        raise ProfileError(f"invalid TOML: {message}", path=source, line=line) from None
    return profile_from_dict(data, source=source, partial=partial)


_NOT_TEXT: frozenset[str] = frozenset(
    {
        "$.language",
        "$.organisation.name",  # a proper name: the recruiter cannot reword it
        "$.organisation.website",
        "$.organisation.values",
        "$.organisation.custom_values",
        "$.role.location",  # a place name
        "$.role.remote",
        "$.role.employment_type",
        "$.conditions.currency",
        "$.conditions.salary_period",
        "$.application.apply_url",
        "$.application.deadline",
    }
)


def text_fields(profile: Profile) -> Iterator[tuple[str, str]]:
    """``(key path, text)`` for every piece of prose in the profile (what the lint reads).

    Names (organisation, place), enumerations, URLs, currency codes, dates, value ids and
    the custom values' indicator phrases (which describe answers, not the vacancy) are left
    out.
    """

    def walk(value: Any, path: str) -> Iterator[tuple[str, str]]:
        if path in _NOT_TEXT:
            return
        if isinstance(value, str):
            if value:
                yield path, value
        elif isinstance(value, dict):
            for key, sub in value.items():
                yield from walk(sub, f"{path}.{key}")
        elif isinstance(value, list):
            for i, sub in enumerate(value):
                yield from walk(sub, f"{path}[{i}]")

    data = profile.to_dict()
    data.pop("competencies", None)
    yield from walk(data, "$")


def _examples_dir() -> Path:
    packaged = Path(str(resources.files("talentfit"))) / "examples" / "profiles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples" / "profiles"


def example_profiles() -> list[Path]:
    """The example role profiles shipped with talentfit (``examples/profiles/*.toml``)."""
    directory = _examples_dir()
    return sorted(directory.glob("*.toml")) if directory.is_dir() else []


def example_profile(name: str = "klantadviseur-energie.nl") -> Path:
    """The path of one shipped example profile, by file name with or without ``.toml``."""
    for path in example_profiles():
        if path.name in (name, f"{name}.toml"):
            return path
    names = ", ".join(p.stem for p in example_profiles()) or "none installed"
    raise ProfileError(f"unknown example profile {name!r} (expected one of {names})")
