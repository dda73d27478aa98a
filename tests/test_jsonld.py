"""schema.org JobPosting JSON-LD: Google's required and recommended properties."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from talentfit.draft import DEFAULT_COUNTRY, draft_vacancy
from talentfit.jsonld import GOOGLE_RECOMMENDED, GOOGLE_REQUIRED, job_posting, to_json
from talentfit.profile import load_profile, profile_from_dict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "profiles"
NL = EXAMPLES / "klantadviseur-energie.nl.toml"
EN = EXAMPLES / "support-engineer-bookkeeping.en.toml"
TODAY = dt.date(2026, 11, 23)


def _posting(path: Path = NL, **kwargs: Any) -> dict[str, Any]:
    draft = draft_vacancy(load_profile(path), fmt="jsonld", check=False, today=TODAY, **kwargs)
    data: dict[str, Any] = json.loads(draft.text)
    return data


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.name)
def test_required_and_recommended_present(path: Path) -> None:
    """Every example has Google's required and recommended JobPosting properties."""
    posting = _posting(path)
    assert posting["@context"] == "https://schema.org/"
    assert posting["@type"] == "JobPosting"
    for key in (*GOOGLE_REQUIRED, *GOOGLE_RECOMMENDED):
        assert posting.get(key) not in (None, "", [], {}), key


def test_values_come_from_the_profile() -> None:
    """Title, dates, organisation, place, salary and employment type are the profile's."""
    posting = _posting()
    assert posting["title"] == "Klantadviseur energie"
    assert posting["datePosted"] == "2026-11-23"
    assert posting["validThrough"] == "2027-01-15"
    assert posting["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Energiecoöperatie Zonnedael",
        "sameAs": "https://www.zonnedael.example",
        "url": "https://www.zonnedael.example",
    }
    assert posting["jobLocation"] == {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Utrecht",
            "addressCountry": "NL",
        },
    }
    assert posting["employmentType"] == "FULL_TIME"
    assert posting["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 2900,
            "maxValue": 3600,
            "unitText": "MONTH",
        },
    }
    assert posting["directApply"] is True
    assert "jobLocationType" not in posting  # hybrid is not telecommute


def test_remote_role_is_telecommute() -> None:
    """A remote role says TELECOMMUTE and where applicants may live."""
    posting = _posting(EN)
    assert posting["jobLocationType"] == "TELECOMMUTE"
    assert posting["applicantLocationRequirements"] == {"@type": "Country", "name": "NL"}
    assert posting["baseSalary"]["value"]["unitText"] == "YEAR"


def test_description_is_the_html_draft() -> None:
    """description is the HTML fragment of the draft, in the chosen language."""
    nl = _posting()["description"]
    assert nl.startswith('<article class="vacancy" lang="nl">') and "<h2>Wat je krijgt</h2>" in nl
    en = _posting(lang="en")["description"]
    assert "<h2>What you get</h2>" in en


def test_country_default_and_override() -> None:
    """addressCountry is NL by default (documented) and can be set."""
    assert DEFAULT_COUNTRY == "NL"
    assert _posting(EN)["jobLocation"]["address"]["addressCountry"] == "NL"
    assert _posting(country="BE")["jobLocation"]["address"]["addressCountry"] == "BE"


def test_date_posted_defaults_to_today() -> None:
    """Without an injected date, datePosted is today's ISO date."""
    draft = draft_vacancy(load_profile(NL), fmt="jsonld", check=False)
    assert json.loads(draft.text)["datePosted"] == dt.date.today().isoformat()


def test_optional_parts() -> None:
    """No deadline: no validThrough; no website: no sameAs; decimals stay decimals."""
    with NL.open("rb") as fh:
        data = tomllib.load(fh)
    del data["application"]["deadline"], data["organisation"]["website"]
    data["conditions"].update(salary_min=14.5, salary_max=17.25, salary_period="HOUR")
    posting = job_posting(profile_from_dict(data), description="<p>x</p>", today=TODAY)
    assert "validThrough" not in posting and "sameAs" not in posting["hiringOrganization"]
    assert posting["baseSalary"]["value"]["minValue"] == 14.5


def test_json_is_safe_inside_a_script_tag() -> None:
    """'</script>' and '<!--' cannot end or confuse the surrounding script element."""
    text = to_json({"description": "</script><!-- x -->"})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text)["description"] == "</script><!-- x -->"
