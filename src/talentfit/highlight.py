"""Evidence spans highlighted in place: escaped HTML built by slicing the answer at offsets.

The answer text is cut at every span boundary and each piece is escaped on its own, so
untrusted text can never become markup. Spans may nest (one inside another) or cross
(partly overlap); crossing spans are split into parts so the HTML stays well formed. Every
element of one span carries the same ``data-ev`` number, so the concatenated text of those
elements is exactly the span's text.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from markupsafe import Markup, escape

__all__ = ["Span", "highlight"]


@attrs.frozen
class Span:
    """One highlighted stretch ``text[start:end]`` with its presentation.

    ``ref`` is the span's number in the answer's evidence legend; ``classes`` are CSS
    classes; ``title`` is shown on hover.
    """

    start: int
    end: int
    ref: int
    classes: str
    title: str


def _open(span: Span, *, part: int) -> str:
    attrs_html = (
        f'<mark class="{escape(span.classes)}" data-ev="{span.ref}" title="{escape(span.title)}"'
    )
    if part:
        attrs_html += f' data-part="{part}"'
    return attrs_html + ">"


def highlight(text: str, spans: Sequence[Span]) -> Markup:
    """The escaped ``text`` with a ``<mark>`` element around every span.

    Spans outside the text or empty are ignored (the caller validates offsets). The last
    element of each span ends with an empty ``<span class="ref" data-ref="N">`` whose CSS
    generated content shows the legend number on screen and in print without adding text
    to the DOM.
    """
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    if not valid:
        return Markup(escape(text))
    # Outer spans first: earlier start, then longer, then legend order.
    ordered = sorted(valid, key=lambda s: (s.start, -s.end, s.ref))
    bounds = sorted({0, len(text)} | {s.start for s in valid} | {s.end for s in valid})
    starting: dict[int, list[Span]] = {}
    for span in ordered:
        starting.setdefault(span.start, []).append(span)
    out: list[str] = []
    stack: list[Span] = []
    parts: dict[int, int] = {}  # ref -> number of parts opened so far
    pos = 0
    for bound in bounds:
        if bound > pos:
            out.append(str(escape(text[pos:bound])))
            pos = bound
        if any(s.end == bound for s in stack):
            reopen: list[Span] = []
            while any(s.end == bound for s in stack):
                top = stack.pop()
                if top.end == bound:
                    out.append(f'<span class="ref" data-ref="{top.ref}"></span></mark>')
                else:
                    out.append("</mark>")
                    reopen.append(top)
            for span in reversed(reopen):
                parts[span.ref] = parts.get(span.ref, 0) + 1
                out.append(_open(span, part=parts[span.ref]))
                stack.append(span)
        for span in starting.get(bound, ()):
            parts[span.ref] = 0
            out.append(_open(span, part=0))
            stack.append(span)
    return Markup("".join(out))
