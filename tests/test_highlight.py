"""Tests for talentfit.highlight: evidence spans marked in place, text escaped."""

from __future__ import annotations

from htmlscan import evidence_texts, parse
from hypothesis import given, settings
from hypothesis import strategies as st

from talentfit.highlight import Span, highlight


def _span(start: int, end: int, ref: int, classes: str = "ev c0") -> Span:
    return Span(start, end, ref, classes, f"title {ref}")


def _check(text: str, spans: list[Span]) -> None:
    doc = parse(f"<div>{highlight(text, spans)}</div>")
    assert doc.text == text
    texts = evidence_texts(doc)
    for span in spans:
        if 0 <= span.start < span.end <= len(text):
            assert texts[str(span.ref)] == text[span.start : span.end]


def test_no_spans_is_escaped_text() -> None:
    """Without evidence the answer is only escaped, never interpreted."""
    html = str(highlight("<b>hi</b> & 'x'", []))
    assert html == "&lt;b&gt;hi&lt;/b&gt; &amp; &#39;x&#39;"


def test_single_span_marks_exact_text() -> None:
    """A span's mark holds exactly text[start:end]."""
    text = "Ik heb haar zelf teruggebeld."
    html = str(highlight(text, [_span(7, 16, 1)]))
    assert '<mark class="ev c0" data-ev="1" title="title 1">haar zelf' in html
    _check(text, [_span(7, 16, 1)])


def test_markup_inside_a_span_stays_text() -> None:
    """A span over injected markup escapes the markup inside the mark."""
    text = "say <script>alert(1)</script> now"
    html = str(highlight(text, [_span(4, 29, 1)]))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    _check(text, [_span(4, 29, 1)])


def test_nested_spans_nest() -> None:
    """A span inside another becomes a nested mark; both keep their exact text."""
    text = "I also told billing so it would not happen again."
    spans = [_span(0, 48, 1), _span(20, 48, 2, "ev c1")]
    html = str(highlight(text, spans))
    assert html.count("<mark") == 2
    _check(text, spans)


def test_crossing_spans_are_split_into_parts() -> None:
    """Partly overlapping spans stay well formed: one is split, its parts join to its text."""
    text = "abcdefghij"
    spans = [_span(1, 6, 1), _span(4, 9, 2)]
    html = str(highlight(text, spans))
    assert 'data-part="1"' in html
    _check(text, spans)


def test_identical_spans_of_two_competencies() -> None:
    """Two competencies quoting the same words both get a mark with that text."""
    text = "I called her back myself."
    spans = [_span(2, 17, 1), _span(2, 17, 2, "ev c1")]
    _check(text, spans)


def test_invalid_spans_are_ignored() -> None:
    """Offsets outside the text or empty spans never break the output."""
    text = "short"
    assert str(highlight(text, [_span(3, 99, 1), _span(2, 2, 2), _span(-1, 2, 3)])) == "short"


def test_ref_marker_adds_no_text() -> None:
    """The legend number is CSS generated content: it does not change the mark's text."""
    html = str(highlight("abc", [_span(0, 3, 7)]))
    assert '<span class="ref" data-ref="7"></span></mark>' in html


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=60))
    n = draw(st.integers(0, 6))
    spans = []
    for ref in range(1, n + 1):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        spans.append(_span(start, end, ref))
    return text, spans


@settings(max_examples=300, deadline=None)
@given(_text_and_spans())
def test_any_text_and_spans_round_trip(case: tuple[str, list[Span]]) -> None:
    """Any text and spans: the text survives, every span's marks join to exactly its text."""
    text, spans = case
    first = highlight(text, spans)
    assert first == highlight(text, spans)
    _check(text, spans)
