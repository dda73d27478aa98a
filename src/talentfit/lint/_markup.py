"""Input formats: plain text, Markdown and HTML, with offsets kept into the original.

HTML is reduced to the text a reader sees; every character of that text remembers the
span of the original it came from, so findings point into the file as written.
Inline ``talentfit: ignore RULE`` comments are read here too.
"""

from __future__ import annotations

import html
import re

import attrs

__all__ = ["Prepared", "detect_format", "ignored_rules", "prepare"]

FORMATS = ("text", "markdown", "html")

_HTML_SNIFF = re.compile(r"<(?:html|body|p|div|ul|ol|li|h[1-6]|br|span|strong|b|em)\b", re.I)
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?(?:-->|$)", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<![^<>]*>|<\?[^<>]*>")
_BLOCK = re.compile(
    r"</?(?:p|div|br|h[1-6]|ul|ol|li|tr|td|th|table|section|article|header|footer|"
    r"blockquote|pre|dt|dd|dl|hr)\b",
    re.I,
)
# Markdown a reader does not see as text: "## " heading marks are kept (they sit at a line
# start), emphasis markers are blanked, so "**Zin in een baan?** Voor …" still ends a sentence.
_MD_SNIFF = re.compile(r"^#{1,6} \S|\*\*\S[^\n]*?\S\*\*", re.M)
_MD_EMPHASIS = re.compile(r"\*\*+|(?<![\s*])\*(?![\w*])|(?<![\w*])\*(?=[^\s*])")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MARKUP = re.compile(f"{_HIDDEN.pattern}|{_TAG.pattern}", re.I | re.S)
_IGNORE = re.compile(r"talentfit:\s*ignore\b((?:[\s,]+[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)*)")


@attrs.frozen
class Prepared:
    """The text to analyse and, when it differs from the original, the offset map."""

    original: str
    text: str
    starts: tuple[int, ...] | None = None  # original start of each character of ``text``
    ends: tuple[int, ...] | None = None  # original end of each character of ``text``

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of ``text[start:end]``."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def detect_format(path: str | None, text: str) -> str:
    """``html``, ``markdown`` or ``text`` from the file name, or by sniffing stdin."""
    name = (path or "").lower()
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith((".md", ".markdown")):
        return "markdown"
    if name in ("", "-", "<stdin>"):
        head = text[:4000]
        if "<" in head and _HTML_SNIFF.search(head):
            return "html"
        # every match of _MD_SNIFF holds "#" or "**" (a plain text has neither: no scan)
        if ("#" in head or "**" in head) and _MD_SNIFF.search(head):
            return "markdown"
    return "text"


def prepare(text: str, fmt: str) -> Prepared:
    """The analysable text of ``text`` in format ``fmt``."""
    if fmt == "text":
        return Prepared(text, text)
    if fmt == "markdown":
        # HTML comments and emphasis markers are invisible: blank them, keep lines and offsets.
        blanked = _MD_EMPHASIS.sub(lambda m: " " * len(m.group()), text) if "*" in text else text
        if "<!--" in blanked:
            blanked = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), blanked)
        return Prepared(text, blanked)
    return _prepare_html(text)


def _prepare_html(text: str) -> Prepared:
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(value: str, start: int, end: int) -> None:
        """``value`` stands for ``text[start:end]`` (a tag, comment or entity)."""
        pieces.append(value)
        starts.extend([start] * len(value))
        ends.extend([end] * len(value))

    def emit_plain(lo: int, hi: int) -> None:
        pos = lo
        for m in _ENTITY.finditer(text, lo, hi):
            if m.start() > pos:
                copy(pos, m.start())
            value = html.unescape(m.group())
            if value == m.group():
                copy(m.start(), m.end())
            else:
                emit(" " if value == "\xa0" else value, m.start(), m.end())
            pos = m.end()
        if hi > pos:
            copy(pos, hi)

    def copy(lo: int, hi: int) -> None:
        pieces.append(text[lo:hi])
        starts.extend(range(lo, hi))
        ends.extend(range(lo + 1, hi + 1))

    pos = 0
    for m in _MARKUP.finditer(text):
        emit_plain(pos, m.start())
        block = _BLOCK.match(m.group()) is not None
        # A block tag ends a line (a list item becomes a "- " bullet); others are a space.
        head = m.group()[:4].lower()
        if head[:3] == "<li":
            emit("\n- ", m.start(), m.end())
        elif block and head != "</li":
            emit("\n", m.start(), m.end())
        else:
            emit(" ", m.start(), m.end())
        pos = m.end()
    emit_plain(pos, len(text))
    return Prepared(text, "".join(pieces), tuple(starts), tuple(ends))


def ignored_rules(original: str) -> dict[int, frozenset[str]]:
    """Line number (1-based) → rule ids (or categories) silenced on that line.

    ``talentfit: ignore`` without a rule silences every rule on the line.
    """
    if "talentfit:" not in original:
        return {}
    found: dict[int, frozenset[str]] = {}
    for number, line in enumerate(original.split("\n"), start=1):
        for m in _IGNORE.finditer(line):
            ids = frozenset(re.findall(r"[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*", m.group(1)))
            found[number] = found.get(number, frozenset()) | (ids or frozenset({"*"}))
    return found
