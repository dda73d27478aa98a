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
import html
import re
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from pathlib import Path
from types import TracebackType
from typing import Any

import attrs
import jinja2
import jinja2.sandbox

from .convert import structure
from .errors import ConfigError, TemplateError
from .profile import LANGUAGES, Profile, text_fields
from .resources import load_data_toml, templates_dir

__all__ = [
    "DEFAULT_COUNTRY",
    "FORMATS",
    "Draft",
    "DraftFinding",
    "draft_vacancy",
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
    text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"
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
        "values": [custom_names.get(v, v) for v in profile.organisation.values],
    }


# --- templates ------------------------------------------------------------------------------


def _autoescape(name: str | None) -> bool:
    return name is not None and name.removesuffix(".j2").endswith((".html", ".htm"))


def _markdown_text(value: Any) -> Any:
    """Profile text in Markdown stays text: ``<`` would start raw HTML when rendered."""
    return value.replace("<", "&lt;") if isinstance(value, str) else value


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


def _template_line(tb: TracebackType | None, names: Iterable[str]) -> tuple[str | None, int | None]:
    """The innermost template frame of a traceback (jinja2 rewrites frames to template lines)."""
    found: tuple[str | None, int | None] = (None, None)
    wanted = tuple(names)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename in wanted:
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
        filename, line = _template_line(exc.__traceback__, [template.filename or ""])
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


# --- the lint check -----------------------------------------------------------------------


@attrs.frozen
class DraftFinding:
    """A lint finding about the draft, with where it came from.

    ``where`` is the profile key path the phrase came from (``$.conditions.benefits[0]``),
    or ``"draft"`` for wording of the template or the draft as a whole.
    """

    where: str
    rule: str
    category: str
    severity: str
    text: str
    message: str
    suggestion: str | None = None
    line: int | None = None
    column: int | None = None

    def describe(self) -> str:
        """One line for stderr: phrase, category, where, message and suggestion."""
        phrase = f'"{self.text}"' if self.text else "(whole text)"
        where = self.where
        if where == "draft" and self.line is not None:
            where = f"draft line {self.line}"
        text = f"{self.category} {phrase} @ {where}: {self.message}"
        if self.suggestion:
            text += f" Suggestion: {self.suggestion}"
        return " ".join(text.split())


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


def _lint() -> tuple[Callable[..., Any], frozenset[str]]:
    try:
        from . import lint
    except ImportError:  # pragma: no cover - the lint ships with talentfit
        raise ConfigError("the vacancy lint (talentfit.lint) is not available") from None
    return lint.lint_vacancy, frozenset(lint.PROBLEM_CATEGORIES)


def _finding(where: str, raw: Any) -> DraftFinding:
    return DraftFinding(
        where=where,
        rule=str(getattr(raw, "rule", "")),
        category=str(getattr(raw, "category", "")),
        severity=str(getattr(raw, "severity", "")),
        text=str(getattr(raw, "text", "") or ""),
        message=str(getattr(raw, "message", "") or ""),
        suggestion=getattr(raw, "suggestion", None) or None,
        line=getattr(raw, "line", None),
        column=getattr(raw, "column", None),
    )


def _key(finding: DraftFinding) -> tuple[str, str]:
    return finding.rule, " ".join(finding.text.lower().split())


def check_draft(
    profile: Profile, text: str, lang: str
) -> tuple[list[DraftFinding], list[DraftFinding]]:
    """Lint the profile's own texts (with their key paths) and the draft text.

    Returns ``(problems, advice)``. A phrase found in a profile field is reported once,
    with its key path; what only the draft has is reported as ``draft``.
    """
    lint_vacancy, problem_categories = _lint()
    from_profile: list[DraftFinding] = []
    for path, field_text in text_fields(profile):
        result = lint_vacancy(field_text, lang=profile.language)
        for raw in result.findings:
            finding = _finding(path, raw)
            # Whole-document checks (is there a salary? a structure?) are about the draft.
            if finding.text.strip() and finding.category in problem_categories:
                from_profile.append(finding)
    seen = {_key(f) for f in from_profile}
    problems = list(from_profile)
    advice: list[DraftFinding] = []
    for raw in lint_vacancy(text, lang=lang).findings:
        finding = _finding("draft", raw)
        if _key(finding) in seen:
            continue
        (problems if finding.category in problem_categories else advice).append(finding)
    return problems, advice


# --- HTML to text (for linting HTML drafts) -------------------------------------------------

_BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "br", "section", "article"}
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n- " if tag == "li" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The readable text of an HTML fragment, one block per line."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return html.unescape("\n".join(line for line in lines if line))


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
        readable = html_to_text(description)
    else:
        text = _tidy(render_vacancy(profile, lang=lang, fmt=fmt, templates=templates))
        readable = html_to_text(text) if fmt == "html" else text
    if not check:
        return Draft(text=text, fmt=fmt, language=lang)
    problems, advice = check_draft(profile, readable, lang)
    return Draft(text=text, fmt=fmt, language=lang, findings=tuple(problems), advice=tuple(advice))
