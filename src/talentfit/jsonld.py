"""schema.org JobPosting JSON-LD for job boards, from a role profile.

Google's required properties (title, description, datePosted, hiringOrganization,
jobLocation — or applicantLocationRequirements for remote roles) and its recommended ones
(validThrough, employmentType, baseSalary, directApply, jobLocationType for remote work)
are always filled in. ``description`` is the HTML draft.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from .profile import Profile

__all__ = ["GOOGLE_RECOMMENDED", "GOOGLE_REQUIRED", "job_posting", "to_json"]

GOOGLE_REQUIRED: tuple[str, ...] = (
    "title",
    "description",
    "datePosted",
    "hiringOrganization",
    "jobLocation",
)
GOOGLE_RECOMMENDED: tuple[str, ...] = (
    "validThrough",
    "employmentType",
    "baseSalary",
    "directApply",
)


def _amount(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def job_posting(
    profile: Profile,
    *,
    description: str,
    today: _dt.date | None = None,
    country: str = "NL",
) -> dict[str, Any]:
    """The JobPosting object for ``profile``; ``description`` is HTML."""
    role, cond, org = profile.role, profile.conditions, profile.organisation
    organisation: dict[str, Any] = {"@type": "Organization", "name": org.name}
    if org.website:
        organisation["sameAs"] = org.website
        organisation["url"] = org.website
    posting: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": role.title,
        "description": description,
        "datePosted": (today or _dt.date.today()).isoformat(),
    }
    if profile.application.deadline is not None:
        posting["validThrough"] = profile.application.deadline.isoformat()
    posting["hiringOrganization"] = organisation
    posting["jobLocation"] = {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": role.location,
            "addressCountry": country,
        },
    }
    if role.remote == "remote":
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": country}
    posting["employmentType"] = role.employment_type
    posting["baseSalary"] = {
        "@type": "MonetaryAmount",
        "currency": cond.currency,
        "value": {
            "@type": "QuantitativeValue",
            "minValue": _amount(cond.salary_min),
            "maxValue": _amount(cond.salary_max),
            "unitText": cond.salary_period,
        },
    }
    posting["directApply"] = True
    low, high = role.hours_per_week
    posting["workHours"] = (
        f"{_amount(low)} hours per week"
        if low == high
        else f"{_amount(low)}-{_amount(high)} hours per week"
    )
    posting["responsibilities"] = "\n".join(role.tasks)
    posting["qualifications"] = "\n".join(profile.requirements.must)
    if cond.benefits:
        posting["jobBenefits"] = "\n".join(cond.benefits)
    posting["url"] = profile.application.apply_url
    return posting


def to_json(posting: dict[str, Any]) -> str:
    """Pretty JSON, safe to paste inside ``<script type="application/ld+json">``."""
    text = json.dumps(posting, ensure_ascii=False, indent=2)
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--") + "\n"
