"""The draft's self-check: the vacancy lint on the profile's texts and on the rendered draft.

Every prose field of the profile is linted on its own (so a finding keeps its key path,
``$.conditions.benefits[0]``), then the draft as written. Problems (the lint's
``PROBLEM_CATEGORIES``) and advice (everything else) are kept apart; see ``docs/draft.md``.
"""

from __future__ import annotations

import functools
import html
import inspect
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import attrs

from .errors import ConfigError
from .profile import Profile, text_fields
from .text import fold

__all__ = ["DraftFinding", "check_draft", "html_to_text"]


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
    context: str | None = None  # the words around the phrase, as the reader sees them

    def describe(self) -> str:
        """One line for stderr: category, phrase (in context), where, message, suggestion."""
        phrase = f'"{self.text}"' if self.text else "(whole text)"
        if self.text and self.context and self.context != self.text:
            phrase += f' in "{self.context}"'
        where = self.where
        if where == "draft" and self.line is not None:
            where = f"draft line {self.line}"
        text = f"{self.category} {phrase} @ {where}: {self.message}"
        if self.suggestion:
            text += f" Suggestion: {self.suggestion}"
        return " ".join(text.split())


def _lint() -> tuple[Callable[..., Any], frozenset[str]]:
    try:
        from . import lint
    except ImportError:  # pragma: no cover - the lint ships with talentfit
        raise ConfigError("the vacancy lint (talentfit.lint) is not available") from None
    return lint.lint_vacancy, frozenset(lint.PROBLEM_CATEGORIES)


_TAG_RE = re.compile(r"<[^<>]*>")


def _readable_piece(text: str) -> str:
    return html.unescape(_TAG_RE.sub(" ", text))


def _context(
    source: str, start: int, end: int, *, markup: bool = False, width: int = 40
) -> str | None:
    """The phrase with up to ``width`` characters either side, cut at word boundaries.

    With ``markup`` (HTML), tags are left out and entities read as characters.
    """
    if not 0 <= start < end <= len(source):
        return None
    reach = width * 4 if markup else width + 1
    left, phrase, right = source[max(0, start - reach) : start], source[start:end], source[end:]
    right = right[:reach]
    if markup:
        left, phrase, right = _readable_piece(left), _readable_piece(phrase), _readable_piece(right)
    left_space = bool(left) and left[-1].isspace()
    right_space = bool(right) and right[0].isspace()
    left, right = " ".join(left.split()), " ".join(right.split())
    more_left = start - reach > 0 or len(left) > width
    more_right = end + reach < len(source) or len(right) > width
    if len(left) > width:
        left = left[-width:]
        left = left.split(" ", 1)[1] if " " in left else left
    if len(right) > width:
        right = right[:width]
        right = right.rsplit(" ", 1)[0] if " " in right else right
    snippet = (
        left
        + (" " if left_space and left else "")
        + " ".join(phrase.split())
        + (" " if right_space and right else "")
        + right
    )
    return ("…" if more_left else "") + snippet + ("…" if more_right else "")


def _phrase(text: str, markup: bool) -> str:
    return " ".join(_readable_piece(text).split()) if markup else text


def _finding(
    where: str, raw: Any, source: str, *, with_line: bool = True, markup: bool = False
) -> DraftFinding:
    start, end = getattr(raw, "start", 0), getattr(raw, "end", 0)
    return DraftFinding(
        where=where,
        rule=str(getattr(raw, "rule", "")),
        category=str(getattr(raw, "category", "")),
        severity=str(getattr(raw, "severity", "")),
        text=_phrase(str(getattr(raw, "text", "") or ""), markup),
        message=str(getattr(raw, "message", "") or ""),
        suggestion=getattr(raw, "suggestion", None) or None,
        line=getattr(raw, "line", None) if with_line else None,
        column=getattr(raw, "column", None) if with_line else None,
        context=_context(source, start, end, markup=markup) if isinstance(start, int) else None,
    )


def _key(finding: DraftFinding) -> tuple[str, str]:
    return finding.rule, " ".join(finding.text.lower().split())


_LINT_FORMATS = {"md": "markdown", "html": "html", "txt": "text"}


def check_draft(
    profile: Profile, text: str, lang: str, *, fmt: str = "txt", with_lines: bool = True
) -> tuple[list[DraftFinding], list[DraftFinding]]:
    """Lint the profile's own texts (with their key paths) and the draft ``text``.

    ``fmt`` is the draft's markup (``md``, ``html`` or ``txt``). Returns ``(problems,
    advice)``. A phrase found in a profile field is reported once, with its key path; what
    only the draft has is reported as ``draft`` (with its line when ``with_lines``).
    """
    lint_vacancy, problem_categories = _lint()
    # With --lang other than the profile's language the draft mixes two languages: the
    # profile's sentences are judged field by field in their own language, and the draft's
    # lint (in the template language) is only trusted for the wording around them.
    mixed = lang != profile.language
    problems: list[DraftFinding] = []
    advice: list[DraftFinding] = []
    prose: list[str] = []
    for path, field_text in text_fields(profile):
        prose.append(fold(field_text))
        for raw in lint_vacancy(field_text, lang=profile.language).findings:
            finding = _finding(path, raw, field_text)
            # Whole-text checks (is there a salary? is it readable?) are about the draft.
            if not finding.text.strip():
                continue
            if finding.category in problem_categories:
                problems.append(finding)
            elif mixed:
                advice.append(finding)
    # value names are shown in the draft but are ids or names, not prose to lint on their own
    prose.extend(fold(v) for v in profile.organisation.values)
    # proper names and addresses the recruiter cannot reword ("Topper Groep", topper.nl)
    org, app = profile.organisation, profile.application
    names = [fold(n) for n in (org.name, org.website, profile.role.location, app.apply_url) if n]
    markup = fmt == "html"
    if _accepts_format(lint_vacancy):
        result = lint_vacancy(text, lang=lang, format=_LINT_FORMATS[fmt])
    else:  # a lint that reads plain text only
        if markup:
            text, markup = html_to_text(text), False
        result = lint_vacancy(text, lang=lang)
    seen = {_key(f) for f in problems}
    for raw in result.findings:
        finding = _finding("draft", raw, text, with_line=with_lines, markup=markup)
        if _key(finding) in seen:
            continue
        if finding.text and any(fold(finding.text) in name for name in names):
            continue
        if mixed and finding.text and any(fold(finding.text) in field for field in prose):
            continue  # the profile's own words, read with the other language's rules
        (problems if finding.category in problem_categories else advice).append(finding)
    return problems, advice


@functools.cache
def _accepts_format(lint_vacancy: Callable[..., Any]) -> bool:
    try:
        return "format" in inspect.signature(lint_vacancy).parameters
    except (TypeError, ValueError):  # pragma: no cover - builtins without a signature
        return False


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
