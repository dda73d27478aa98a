"""Role profiles: loading, strict validation with exact error lines, content hash."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from talentfit.errors import ProfileError
from talentfit.profile import Profile, load_profile, profile_from_dict, text_fields

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "profiles"
NL_EXAMPLE = EXAMPLES / "klantadviseur-energie.nl.toml"


def _base() -> dict[str, Any]:
    with NL_EXAMPLE.open("rb") as fh:
        return tomllib.load(fh)


def _error(change: Any) -> str:
    data = _base()
    change(data)
    with pytest.raises(ProfileError) as info:
        profile_from_dict(data, source="role.toml")
    return str(info.value)


def _write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> str:
    (tmp_path / "role.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return "role.toml"


def test_examples_load() -> None:
    """Every example profile is valid (the empty-phrase one too: its problems are wording)."""
    for path in sorted(EXAMPLES.glob("*.toml")):
        profile = load_profile(path)
        assert isinstance(profile, Profile)
        assert profile.offer.autonomy and profile.offer.craftsmanship


def test_fields_mirror_the_file() -> None:
    """Every key of the file lands in the matching attribute, deadline as a date."""
    p = load_profile(NL_EXAMPLE)
    assert p.language == "nl"
    assert p.organisation.website == "https://www.zonnedael.example"
    assert p.organisation.custom_values[0].id == "leden_centraal"
    assert p.role.hours_per_week == (32, 36)
    assert p.role.remote == "hybrid"
    assert p.conditions.salary_min == 2900 and p.conditions.salary_period == "MONTH"
    assert p.competencies["ownership"] == 3
    assert p.application.deadline == dt.date(2027, 1, 15)


def test_salary_must_be_a_number_exact_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quoted salary names the field, the key path and the file, exactly."""
    text = NL_EXAMPLE.read_text(encoding="utf-8").replace(
        "salary_min = 2900", 'salary_min = "2900"'
    )
    with pytest.raises(ProfileError) as info:
        load_profile(_write(tmp_path, monkeypatch, text))
    assert str(info.value) == "salary_min must be a number @ $.conditions.salary_min (role.toml)"


def test_unknown_key_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A typo in a key does not vanish silently."""
    text = NL_EXAMPLE.read_text(encoding="utf-8").replace("salary_max = ", "salry_max = ")
    with pytest.raises(ProfileError) as info:
        load_profile(_write(tmp_path, monkeypatch, text))
    assert str(info.value) == (
        "required field missing @ $.conditions.salary_max;"
        " unknown field(s) 'salry_max' @ $.conditions (role.toml)"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["conditions"].update(salry=1),
            "unknown field(s) 'salry' @ $.conditions (role.toml)",
        ),
        (
            lambda d: d.update(extra=1),
            "unknown field(s) 'extra' @ $ (role.toml)",
        ),
        (
            lambda d: d["conditions"].update(salary_min=5000),
            "salary_min must not exceed salary_max (5000 > 3600) @ $.conditions.salary_min"
            " (role.toml)",
        ),
        (
            lambda d: d["role"].update(hours_per_week=[36, 32]),
            "hours_per_week must be [min, max] with min <= max (got [36, 32])"
            " @ $.role.hours_per_week (role.toml)",
        ),
        (
            lambda d: d["role"].update(hours_per_week=[36]),
            "hours_per_week must be [min, max] hours a week, two numbers from 1 to 80"
            " (got [36]) @ $.role.hours_per_week (role.toml)",
        ),
        (
            lambda d: d["role"].update(remote="thuis"),
            "remote must be one of onsite, hybrid, remote (got 'thuis') @ $.role.remote"
            " (role.toml)",
        ),
        (
            lambda d: d["role"].update(employment_type="fulltime"),
            "employment_type must be one of FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY,"
            " INTERN, VOLUNTEER, PER_DIEM, OTHER (got 'fulltime') @ $.role.employment_type"
            " (role.toml)",
        ),
        (
            lambda d: d["conditions"].update(salary_period="month"),
            "salary_period must be one of HOUR, DAY, WEEK, MONTH, YEAR (got 'month')"
            " @ $.conditions.salary_period (role.toml)",
        ),
        (
            lambda d: d["conditions"].update(currency="euro"),
            "currency must be a three-letter ISO 4217 code like EUR (got 'euro')"
            " @ $.conditions.currency (role.toml)",
        ),
        (
            lambda d: d.update(language="de"),
            "language must be one of nl, en (got 'de') @ $.language (role.toml)",
        ),
        (
            lambda d: d["role"].pop("title"),
            "required field missing @ $.role.title (role.toml)",
        ),
        (
            lambda d: d["role"].update(tasks="Klanten helpen"),
            "tasks must be a list of strings (got a string) @ $.role.tasks (role.toml)",
        ),
        (
            lambda d: d["role"].update(tasks=["Klanten helpen", 3]),
            "tasks must be a list of strings (item 2 is a number) @ $.role.tasks (role.toml)",
        ),
        (
            lambda d: d["role"].update(title="  "),
            "title must not be empty @ $.role.title (role.toml)",
        ),
        (
            lambda d: d["offer"].update(development=[]),
            "development must list at least one concrete item @ $.offer.development (role.toml)",
        ),
        (
            lambda d: d["offer"].pop("autonomy"),
            "required field missing @ $.offer.autonomy (role.toml)",
        ),
        (
            lambda d: d["competencies"].update(ownership=4),
            "ownership must be a weight 1, 2 or 3 (got 4) @ $.competencies.ownership (role.toml)",
        ),
        (
            lambda d: d["competencies"].update(empaty=2),
            "unknown competency 'empaty' (expected one of empathy, needs_clarification,"
            " ownership, initiative, extra_mile, service_recovery, personal_approach,"
            " continuous_improvement) @ $.competencies.empaty (role.toml)",
        ),
        (
            lambda d: d["application"].update(deadline="15-01-2027"),
            "deadline must be a date like 2027-01-15 (got '15-01-2027')"
            " @ $.application.deadline (role.toml)",
        ),
        (
            lambda d: d["application"].update(apply_url="www.example.nl"),
            "apply_url must be an http(s):// or mailto: address (got 'www.example.nl')"
            " @ $.application.apply_url (role.toml)",
        ),
        (
            lambda d: d.update(role=3),
            "role must be a table @ $.role (got a number) (role.toml)",
        ),
        (
            lambda d: d["organisation"]["custom_values"][0].update(colour="blue"),
            "unknown field(s) 'colour' @ $.organisation.custom_values[0] (role.toml)",
        ),
        (
            lambda d: d["organisation"]["custom_values"].append(
                copy.deepcopy(d["organisation"]["custom_values"][0])
            ),
            "id must be unique (duplicate 'leden_centraal')"
            " @ $.organisation.custom_values[1].id (role.toml)",
        ),
        (
            lambda d: d["conditions"].update(salary_max=True),
            "salary_max must be a number @ $.conditions.salary_max (role.toml)",
        ),
    ],
)
def test_validation_lines(change: Any, expected: str) -> None:
    """Each kind of mistake gives one line naming expectation, key path and file."""
    assert _error(change) == expected


def test_several_mistakes_are_listed_together() -> None:
    """One run shows every type mistake, so a recruiter fixes them all at once."""
    message = _error(
        lambda d: (d["role"].update(remote="x"), d["conditions"].update(salary_min="a"))
    )
    assert "@ $.role.remote" in message and "@ $.conditions.salary_min" in message


def test_optional_keys_default() -> None:
    """website, department, custom_values, network, flexibility, nice and benefits are optional."""
    data = _base()
    del data["organisation"]["website"], data["organisation"]["custom_values"]
    del data["role"]["department"], data["offer"]["network"], data["offer"]["flexibility"]
    del data["requirements"]["nice"], data["conditions"]["benefits"]
    p = profile_from_dict(data)
    assert p.organisation.website is None and p.role.department is None
    assert p.offer.network == [] and p.organisation.custom_values == []


def test_values_are_not_resolved_here() -> None:
    """Value names are free text here: the values library resolves them."""
    data = _base()
    data["organisation"]["values"] = ["iets dat nergens bestaat"]
    assert profile_from_dict(data).organisation.values == ["iets dat nergens bestaat"]


def test_invalid_toml_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Broken TOML is a ProfileError with the file and the line."""
    text = NL_EXAMPLE.read_text(encoding="utf-8").replace('currency = "EUR"', "currency = EUR")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s == "currency = EUR")
    with pytest.raises(ProfileError) as info:
        load_profile(_write(tmp_path, monkeypatch, text))
    assert info.value.line == line
    assert str(info.value).startswith("invalid TOML: ")
    assert str(info.value).endswith(f"(role.toml:{line})")


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    """A missing or undecodable file is a ProfileError, not an OSError."""
    with pytest.raises(ProfileError, match="profile not found"):
        load_profile(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'language = "nl"\ntitle = "\xff"\n')
    with pytest.raises(ProfileError, match="UTF-8"):
        load_profile(bad)


def test_content_hash_is_about_content(tmp_path: Path) -> None:
    """Comments and key order do not change the hash; a changed value does."""
    p = load_profile(NL_EXAMPLE)
    text = "# a comment\n" + NL_EXAMPLE.read_text(encoding="utf-8")
    copy_path = tmp_path / "copy.toml"
    copy_path.write_text(text, encoding="utf-8")
    assert load_profile(copy_path).content_hash == p.content_hash
    copy_path.write_text(text.replace("salary_max = 3600", "salary_max = 3700"), encoding="utf-8")
    assert load_profile(copy_path).content_hash != p.content_hash
    assert len(p.content_hash) == 64


def test_text_fields_skip_codes_and_urls() -> None:
    """The lint reads prose with its key path, not URLs, enums or dates."""
    fields = dict(text_fields(load_profile(NL_EXAMPLE)))
    assert "$.offer.autonomy[0]" in fields and "$.requirements.must[1]" in fields
    assert not any(
        key.endswith(
            ("apply_url", "website", "remote", "currency", "deadline", ".name", "location")
        )
        for key in fields
    )
    assert not any(key.startswith("$.organisation.custom_values") for key in fields)


def test_example_profiles_are_shipped() -> None:
    """example_profile() finds the shipped examples by name, and names the known ones."""
    from talentfit.profile import example_profile, example_profiles

    shipped = example_profile()  # the source checkout's file, or the installed copy
    assert shipped.name == NL_EXAMPLE.name
    assert shipped.read_bytes() == NL_EXAMPLE.read_bytes()
    assert example_profile("support-engineer-bookkeeping.en.toml").is_file()
    assert len(example_profiles()) >= 3
    with pytest.raises(ProfileError, match="unknown example profile 'x'"):
        example_profile("x")


def test_custom_values_must_be_tables() -> None:
    """custom_values written as a list of strings says it needs [[organisation.custom_values]]."""
    message = _error(lambda d: d["organisation"].update(custom_values=["openheid"]))
    assert message == (
        "custom_values must be a list of tables ([[organisation.custom_values]])"
        " @ $.organisation.custom_values (role.toml)"
    )
