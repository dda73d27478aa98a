"""Draft a vacancy text from a role profile, and check the draft with the vacancy lint.

The draft leads with the work, the customer and what the person gets (autonomy,
craftsmanship, development, network, flexibility — each item as the profile writes it),
then the salary range in numbers and the conditions, then what the role asks, then how to
apply. The wording lives in jinja2 templates (``templates/vacancy/``); an organisation's
own templates render in jinja2's sandbox. See ``docs/draft.md``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import attrs
import jinja2
import jinja2.sandbox

from .convert import structure
from .errors import TemplateError
from .profile import LANGUAGES, Profile
from .resources import load_data_toml, templates_dir
from .selfcheck import DraftFinding, check_draft, html_to_text

__all__ = [
    "DEFAULT_COUNTRY",
    "FORMATS",
    "Draft",
    "DraftFinding",
    "draft_demo",
    "draft_vacancy",
    "example_draft",
    "format_money",
    "html_to_text",
    "render_vacancy",
    "template_context",
]

FORMATS: tuple[str, ...] = ("md", "html", "txt", "jsonld")
TEMPLATE_FORMATS: tuple[str, ...] = ("md", "html", "txt")
# The role profile has no country key: the JSON-LD uses this one unless told otherwise
# (``draft_vacancy(..., country="BE")``, ``--country BE``). talentfit is built for the
# Dutch labour market, so it is the Netherlands for Dutch and English profiles alike.
DEFAULT_COUNTRY = "NL"


# --- words: how values are written per language -------------------------------------------


@attrs.frozen
class LangWords:
    """Formatting vocabulary of one language (``data/vacancy/words.toml``)."""

    months: list[str]
    thousands: str
    group_from: int
    decimal: str
    symbol_space: bool
    range: str
    date: str
    salary_period: dict[str, str]
    remote: dict[str, str]
    employment_type: dict[str, str]


@attrs.frozen
class DraftWords:
    """All of ``data/vacancy/words.toml``."""

    currency_symbols: dict[str, str]
    nl: LangWords
    en: LangWords

    def of(self, lang: str) -> LangWords:
        words: LangWords = getattr(self, lang)
        return words


@functools.cache
def draft_words() -> DraftWords:
    """The packaged formatting vocabulary (cached)."""
    return structure(
        load_data_toml("vacancy/words.toml"),
        DraftWords,
        source="talentfit/data/vacancy/words.toml",
    )


def _number(value: float, lang: str) -> str:
    words = draft_words().of(lang)
    grouping = "," if abs(value) >= words.group_from else ""
    text = f"{int(value):{grouping}}" if float(value).is_integer() else f"{value:{grouping}.2f}"
    table: dict[str, str | int | None] = {",": words.thousands, ".": words.decimal}
    return text.translate(str.maketrans(table))


def format_money(amount: float, currency: str, lang: str) -> str:
    """``€ 2.900`` (nl), ``€2,900`` (en), ``CHF 2,900`` for codes without a symbol."""
    words = draft_words()
    symbol = words.currency_symbols.get(currency)
    number = _number(amount, lang)
    if symbol is None:
        return f"{currency} {number}"
    return f"{symbol} {number}" if words.of(lang).symbol_space else f"{symbol}{number}"


def _range(low: str, high: str, lang: str) -> str:
    return low if low == high else draft_words().of(lang).range.format(low=low, high=high)


def format_date(day: _dt.date, lang: str) -> str:
    """``15 januari 2027`` / ``15 January 2027``."""
    words = draft_words().of(lang)
    return words.date.format(day=day.day, month=words.months[day.month - 1], year=day.year)


# --- the template context -----------------------------------------------------------------


def _link_text(url: str) -> str:
    """How a link reads: ``mailto:jobs@x.nl`` reads ``jobs@x.nl``; web addresses as written."""
    return url[len("mailto:") :] if url.lower().startswith("mailto:") else url


def template_context(profile: Profile, lang: str) -> dict[str, Any]:
    """Everything a vacancy template can use (documented in ``docs/draft.md``).

    The profile's sections come as plain data with the file's keys; ``salary``, ``hours``,
    ``workplace``, ``employment``, ``deadline`` and ``values`` are written out in ``lang``.
    """
    data = profile.to_dict()
    words = draft_words().of(lang)
    cond = profile.conditions
    low = format_money(cond.salary_min, cond.currency, lang)
    high = format_money(cond.salary_max, cond.currency, lang)
    hours_low, hours_high = profile.role.hours_per_week
    custom_names: dict[str, str] = {v.id: v.name for v in profile.organisation.custom_values}
    deadline = profile.application.deadline
    return {
        "lang": lang,
        "profile_language": profile.language,
        "organisation": data["organisation"],
        "role": data["role"],
        "offer": data["offer"],
        "offer_sections": [
            {"kind": kind, "items": items} for kind, items in profile.offer.sections()
        ],
        "conditions": data["conditions"],
        "requirements": data["requirements"],
        "application": data["application"],
        "competencies": data["competencies"],
        "salary": {
            "min": low,
            "max": high,
            "range": _range(low, high, lang),
            "period": words.salary_period[cond.salary_period],
        },
        "hours": _range(_number(hours_low, lang), _number(hours_high, lang), lang),
        "workplace": words.remote[profile.role.remote],
        "employment": words.employment_type[profile.role.employment_type],
        "deadline": format_date(deadline, lang) if deadline else None,
        "apply_text": _link_text(profile.application.apply_url),
        "values": [custom_names.get(v, v) for v in profile.organisation.values],
    }


# --- templates ------------------------------------------------------------------------------


def _autoescape(name: str | None) -> bool:
    return name is not None and name.removesuffix(".j2").endswith((".html", ".htm"))


_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def _markdown_text(value: Any) -> Any:
    """Profile text in Markdown stays text: a ``<`` that could open an HTML tag is escaped.

    ``<script>`` becomes ``&lt;script>``; ``reistijd < 30 minuten`` stays as written.
    """
    return _TAG_START.sub("&lt;", value) if isinstance(value, str) else value


def _environment_options(fmt: str) -> dict[str, Any]:
    options: dict[str, Any] = {
        "undefined": jinja2.StrictUndefined,
        "autoescape": _autoescape,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if fmt == "md":
        options["finalize"] = _markdown_text
    return options


@functools.cache
def _builtin_environment(root: str, fmt: str) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(root)
    return jinja2.Environment(loader=loader, **_environment_options(fmt))


def _user_environment(directory: Path, fmt: str) -> jinja2.Environment:
    """House-style templates: sandboxed; ``talentfit/…`` reaches the built-in macros."""
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(str(directory)),
            jinja2.PrefixLoader({"talentfit": jinja2.FileSystemLoader(str(templates_dir()))}),
        ]
    )
    return jinja2.sandbox.SandboxedEnvironment(loader=loader, **_environment_options(fmt))


def _candidates(lang: str, fmt: str, *, builtin: bool) -> list[str]:
    if builtin:
        return [f"vacancy/vacancy.{lang}.{fmt}.j2"]
    return [
        f"vacancy.{lang}.{fmt}.j2",
        f"vacancy.{fmt}.j2",
        f"vacancy/vacancy.{lang}.{fmt}.j2",
        f"vacancy/vacancy.{fmt}.j2",
    ]


def _template_line(tb: TracebackType | None) -> tuple[str | None, int | None]:
    """The innermost template frame of a traceback.

    jinja2 rewrites the frames of template code to the template's file name and line; every
    other frame belongs to a Python module.
    """
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and not filename.startswith("<frozen"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def render_vacancy(
    profile: Profile, *, lang: str, fmt: str, templates: str | Path | None = None
) -> str:
    """Render the ``fmt`` (md, html, txt) template in ``lang``; errors are TemplateError."""
    if fmt not in TEMPLATE_FORMATS:
        raise TemplateError(f"format must be one of {', '.join(TEMPLATE_FORMATS)} (got {fmt!r})")
    if templates is None:
        env = _builtin_environment(str(templates_dir()), fmt)
        names = _candidates(lang, fmt, builtin=True)
        where = "talentfit's templates"
    else:
        directory = Path(templates)
        if not directory.is_dir():
            raise TemplateError("templates directory not found", path=str(directory))
        env = _user_environment(directory, fmt)
        names = _candidates(lang, fmt, builtin=False)
        where = str(directory)
    try:
        template = env.select_template(names)
    except jinja2.TemplatesNotFound:
        raise TemplateError(
            f"no {fmt} vacancy template for language {lang!r}: expected {' or '.join(names[:2])}",
            path=where,
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template syntax error: {exc.message}", path=exc.filename or exc.name, line=exc.lineno
        ) from None
    try:
        return template.render(template_context(profile, lang))
    except jinja2.TemplateSyntaxError as exc:  # in an included or imported template
        raise TemplateError(
            f"template syntax error: {exc.message}", path=exc.filename or exc.name, line=exc.lineno
        ) from None
    except jinja2.TemplateError as exc:
        filename, line = _template_line(exc.__traceback__)
        kind = (
            "unsafe template access"
            if isinstance(exc, jinja2.sandbox.SecurityError)
            else "template error"
        )
        raise TemplateError(
            f"{kind}: {exc.message or type(exc).__name__}",
            path=filename or template.filename or template.name,
            line=line,
        ) from None


# --- the draft ------------------------------------------------------------------------------


@attrs.frozen
class Draft:
    """A drafted vacancy: the text in ``fmt``, and what the lint found.

    ``findings`` are problems (cliché, vague benefit, hierarchy, exclusionary wording, pay
    transparency); ``advice`` is everything else the lint reports (gender-coded words,
    readability, structure) and does not make the draft fail.
    """

    text: str
    fmt: str
    language: str
    findings: tuple[DraftFinding, ...] = ()
    advice: tuple[DraftFinding, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the lint found no problems."""
        return not self.findings


_BLANK_RUNS = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"


# --- the public entry point -----------------------------------------------------------------


def draft_vacancy(
    profile: Profile,
    *,
    lang: str | None = None,
    fmt: str = "md",
    templates: str | Path | None = None,
    today: _dt.date | None = None,
    country: str | None = None,
    check: bool = True,
) -> Draft:
    """Draft the vacancy of ``profile`` in ``fmt`` (md, html, txt or jsonld).

    ``lang`` picks the template language (default: the profile's language; the profile's
    own texts are never translated). ``templates`` is a directory of house-style templates,
    rendered in jinja2's sandbox. ``today`` and ``country`` feed the JSON-LD
    (``datePosted``; ``addressCountry``, default :data:`DEFAULT_COUNTRY`). With ``check``
    the profile's texts and the draft are linted; problems land in ``Draft.findings``.
    """
    lang = lang or profile.language
    if lang not in LANGUAGES:
        raise TemplateError(f"language must be one of {', '.join(LANGUAGES)} (got {lang!r})")
    if fmt not in FORMATS:
        raise TemplateError(f"format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    if fmt == "jsonld":
        from .jsonld import job_posting, to_json

        description = render_vacancy(profile, lang=lang, fmt="html", templates=templates)
        text = to_json(
            job_posting(
                profile,
                description=description.strip(),
                today=today,
                country=country or DEFAULT_COUNTRY,
            )
        )
        checked, checked_fmt = description, "html"
    else:
        text = _tidy(render_vacancy(profile, lang=lang, fmt=fmt, templates=templates))
        checked, checked_fmt = text, fmt
    if not check:
        return Draft(text=text, fmt=fmt, language=lang)
    problems, advice = check_draft(
        profile, checked, lang, fmt=checked_fmt, with_lines=fmt != "jsonld"
    )
    return Draft(text=text, fmt=fmt, language=lang, findings=tuple(problems), advice=tuple(advice))


def example_draft(
    name: str = "klantadviseur-energie.nl", *, fmt: str = "md", lang: str | None = None
) -> Draft:
    """The draft of a shipped example profile (for ``talentfit demo`` and the docs)."""
    from .profile import example_profile, load_profile

    return draft_vacancy(load_profile(example_profile(name)), fmt=fmt, lang=lang)


DEMO_PROFILES = {"nl": "klantadviseur-energie.nl", "en": "support-engineer-bookkeeping.en"}


def draft_demo(out: IO[str], *, lang: str | None = None) -> Draft:
    """Draft a shipped example profile (Markdown) and print it with its self-check to ``out``."""
    language = lang or "nl"
    name = DEMO_PROFILES.get(language, DEMO_PROFILES["nl"])
    draft = example_draft(name)
    out.write(f"talentfit demo: drafting a vacancy from the role profile {name}.toml\n\n")
    out.write(draft.text)
    verdict = "no problems" if draft.ok else f"{len(draft.findings)} problem(s)"
    out.write(f"\n(self-check with the vacancy lint: {verdict}, {len(draft.advice)} advice)\n")
    for finding in draft.findings:
        out.write(f"problem: {finding.describe()}\n")
    return draft
