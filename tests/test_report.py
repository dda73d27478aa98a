"""Tests for talentfit.report: the self-contained HTML candidate report."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from htmlscan import Element, evidence_texts, parse
from hypothesis import given, settings
from hypothesis import strategies as st

from talentfit import (
    AnswerResult,
    CompetencyScore,
    Evidence,
    RecordError,
    load_rubric,
    score_answers,
)
from talentfit.errors import ConfigError, ProfileError
from talentfit.records import read_records
from talentfit.report import (
    LANGUAGES,
    build_report,
    profile_weights,
    report_text,
    write_report,
)

DATA = Path(__file__).parent / "data"
SCORES = DATA / "report_scores.jsonl"  # hand-written: nesting, crossing, injection, errors
SCORED = DATA / "report_scored.jsonl"  # the engine's output for report_answers.jsonl
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "section", "h1", "h2",
    "h3", "p", "div", "strong", "span", "table", "caption", "thead", "tbody", "tr", "th", "td",
    "a", "br", "ul", "ol", "li", "q", "figure", "figcaption", "svg", "line", "text", "g",
    "rect", "article", "blockquote", "mark", "footer",
}  # fmt: skip


def _records(path: Path = SCORES) -> list[dict[str, Any]]:
    return [r for r in read_records(path) if isinstance(r, dict) and "answer" in r]


def _answers(doc: Element) -> dict[str, Element]:
    """The answer articles by the record id in their tag line."""
    out = {}
    for article in doc.find_all("article", "answer"):
        tag = next(e for e in article.find_all("span", "tag"))
        out[tag.text.strip("[]").split(" · ")[0]] = article
    return out


def _record(answer: str, evidence: list[tuple[str, str, float]], **extra: Any) -> dict[str, Any]:
    scores: dict[str, list[dict[str, Any]]] = {}
    for competency, phrase, weight in evidence:
        start = answer.index(phrase)
        scores.setdefault(competency, []).append(
            {"start": start, "end": start + len(phrase), "text": phrase, "signal": "s",
             "weight": weight}
        )  # fmt: skip
    data = {
        "id": "r1",
        "candidate_id": "c1",
        "language": "en",
        "answer": answer,
        "scores": [
            {"competency": c, "level": 4, "score": 4.0, "evidence": ev, "rationale": ""}
            for c, ev in scores.items()
        ],
        "flags": [],
    }
    data.update(extra)
    return data


@pytest.fixture(scope="module")
def html() -> str:
    return build_report(read_records(SCORES))


def test_csp_meta_forbids_scripts_and_external_assets(html: str) -> None:
    """The page carries the Content-Security-Policy meta tag and no script element."""
    doc = parse(html)
    metas = [m for m in doc.find_all("meta") if m.attrs.get("http-equiv")]
    assert [m.attrs["content"] for m in metas] == [CSP]
    assert not doc.find_all("script")
    assert "<script" not in html.lower()


def test_no_external_urls(html: str) -> None:
    """Self-contained: no http(s) URLs, no src attributes, only in-page links."""
    assert "http:" not in html and "https:" not in html
    assert "url(" not in html and "@import" not in html
    for element in parse(html).iter():
        assert "src" not in element.attrs
        href = element.attrs.get("href")
        assert href is None or href.startswith("#")


def test_only_expected_elements_and_no_event_handlers(html: str) -> None:
    """Injected markup in answers, questions and ids never becomes an element or handler."""
    doc = parse(html)
    for element in doc.iter():
        if element.tag == "#document":
            continue
        assert element.tag in ALLOWED_TAGS, element.tag
        assert not any(name.startswith("on") for name in element.attrs), element.attrs
    assert not doc.find_all("img")


def test_untrusted_text_appears_as_text(html: str) -> None:
    """<script>, onerror= and javascript: in answers, questions and ids show as literal text."""
    text = parse(html).text
    assert "<script>window.pwned=1</script> then <img src=x onerror=alert(2)>" in text
    assert "javascript:alert(1)" in text
    assert "<script>window.pwned=1</script> What would you do?" in text
    assert "Candidate <img src=x onerror=alert(1)>" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>hypothetical</b>" in text  # a rationale with markup


@pytest.mark.parametrize("path", [SCORES, SCORED], ids=["hand-written", "engine"])
def test_highlights_sit_on_exactly_the_evidence(path: Path) -> None:
    """Every evidence span's highlight holds exactly the answer text at its offsets."""
    articles = _answers(parse(build_report(read_records(path))))
    checked = 0
    for record in _records(path):
        article = articles[record["id"]]
        quote = article.find_all("blockquote")[0]
        assert quote.text == record["answer"]
        found = sorted(
            (ev["start"], -ev["end"], ev["text"])
            for score in record["scores"]
            for ev in score["evidence"]
        )
        texts = evidence_texts(quote)
        assert [texts[str(i)] for i in range(1, len(found) + 1)] == [t for *_, t in found]
        checked += len(found)
    assert checked >= 20


def test_live_scores_of_the_examples_highlight_exactly() -> None:
    """The current engine's output for the shipped examples highlights exactly its evidence."""
    examples = Path(__file__).parents[1] / "examples"
    answers = [r for p in sorted(examples.glob("answers.*.jsonl")) for r in read_records(p)]
    results = [r.to_dict() for r in score_answers(answers)]
    assert results and all("answer" in r for r in results)
    articles = _answers(parse(build_report(results)))
    spans = 0
    for record in results:
        quote = articles[record["id"]].find_all("blockquote")[0]
        assert quote.text == record["answer"]
        found = sorted(
            (ev["start"], -ev["end"], ev["text"]) for s in record["scores"] for ev in s["evidence"]
        )
        texts = evidence_texts(quote)
        assert [texts[str(i)] for i in range(1, len(found) + 1)] == [t for *_, t in found]
        spans += len(found)
    assert spans > 0


def test_strongest_per_competency_quotes_the_sentence_why() -> None:
    """The strongest candidate per competency comes with the sentence holding their evidence."""
    doc = parse(build_report(read_records(SCORES), weights={"ownership": 3, "empathy": 1}))
    items = doc.find_all("ul", "strongest")[0].find_all("li")
    first = items[0]
    assert first.text.startswith("ownership: sanne-de-vries (5.0) — why: ")
    quote = first.find_all("q")[0]
    assert quote.text == (
        "Ik heb haar niet doorverbonden maar zelf met financiën uitgezocht wat er mis ging."
    )
    assert [m.text for m in quote.find_all("mark", "ev")] == [
        "Ik heb haar niet doorverbonden maar zelf met financiën uitgezocht"
    ]


def test_no_star_without_a_real_example() -> None:
    """When every candidate is below level 3 on a competency, nobody is called strongest."""
    low = [
        _record("A said no.", [("ownership", "said no", -1.0)], candidate_id="A", id="1"),
        _record("B said no.", [("ownership", "said no", -1.0)], candidate_id="B", id="2"),
    ]
    for record in low:
        record["scores"][0].update(level=1, score=1.2)
    doc = parse(build_report(low))
    assert "★" not in doc.find_all("table", "overview")[0].text
    assert not doc.find_all("ul", "strongest")


def test_counter_indicators_are_marked_differently(html: str) -> None:
    """Evidence with a negative weight gets the counter-indicator class and legend mark."""
    article = _answers(parse(html))["b1"]
    marks = article.find_all("mark", "ev")
    assert marks and all("neg" in m.classes() for m in marks)
    assert all("counter-indicator" in (m.attrs["title"] or "") for m in marks)
    positive = _answers(parse(html))["a1"].find_all("mark", "ev")
    assert positive and not any("neg" in m.classes() for m in positive)


def test_highlight_titles_name_competency_and_signal(html: str) -> None:
    """Hover text and the printed legend name the competency and the signal."""
    article = _answers(parse(html))["a1"]
    titles = [m.attrs["title"] for m in article.find_all("mark", "ev")]
    assert "ownership · indicator · signal: kept promise (+0.9)" in titles
    legend = article.find_all("ol", "legend")[0].text
    assert "kept promise" in legend and "ownership" in legend


def test_interviewer_fields_are_empty(html: str) -> None:
    """Every candidate has an empty level and note field per competency."""
    doc = parse(html)
    tables = doc.find_all("table", "rating")
    assert len(tables) == 4
    for table in tables:
        fills = table.find_all("td", "fill")
        assert len(fills) == 2 * 8
        assert all(cell.text == "" and not cell.children for cell in fills)


def test_advice_for_a_human_decision_is_stated(html: str) -> None:
    """The page says clearly that the scores are advice for a human decision."""
    assert "advice for a human decision" in parse(html).text


def test_groups_answers_by_candidate() -> None:
    """Answers group by candidate_id; an answer without one is its own candidate by id."""
    records = [
        _record("I called her back.", [("ownership", "called her back", 1.0)], id="x1"),
        _record("I apologised.", [("service_recovery", "apologised", 1.0)], id="x2"),
        _record("I asked why.", [("needs_clarification", "asked why", 1.0)], id="solo"),
    ]
    records[2]["candidate_id"] = None
    doc = parse(build_report(records))
    headings = [h.text for h in doc.find_all("h2") if "Candidate" in h.text]
    assert len(headings) == 2
    assert any(h.startswith("Candidate solo") for h in headings)
    assert len(_answers(doc)) == 3


def test_weighted_levels_and_best_per_column() -> None:
    """Cells are the mean level per competency; overall uses the weights; ★ marks the best.

    A highest level under 3 (no real example) gets no star.
    """
    records = [
        _record("A took it on.", [("ownership", "took it on", 1.0)], candidate_id="A"),
        _record("A listened.", [("empathy", "listened", 1.0)], candidate_id="A", id="r2"),
        _record("B took it on.", [("ownership", "took it on", 1.0)], candidate_id="B", id="r3"),
    ]
    records[1]["scores"][0].update(level=2, score=2.0)
    records[2]["scores"][0].update(level=5, score=5.0)
    html = build_report(records, weights={"ownership": 3, "empathy": 1})
    doc = parse(html)
    rows = doc.find_all("table", "overview")[0].find_all("tr")
    header = [c.text for c in rows[0].find_all("th")]
    assert header[2].startswith("ownership") and "×3" in header[2]
    assert header[3].startswith("empathy") and "×1" in header[3]
    assert len(header) == 5  # candidate, overall, 2 weighted competencies, flags
    cells = {r.find_all("a")[0].text: [c.text for c in r.find_all("td")] for r in rows[1:]}
    assert list(cells) == ["B", "A"]  # sorted by overall
    assert cells["B"][:3] == ["5.0", "5.0 ★", "–"]
    assert cells["A"][:3] == [f"{(4 * 3 + 2) / 4:.1f}", "4.0", "2.0"]


def test_values_and_motivation_columns_when_present() -> None:
    """Values alignment and motivation fit show when the records carry them."""
    plain = parse(build_report([_record("I helped.", [("ownership", "helped", 1.0)])]))
    assert "Motivation fit" not in plain.text and "Values" not in plain.text
    record = _record(
        "I helped.",
        [("ownership", "helped", 1.0)],
        values=[{"value": "eigenaarschap", "alignment": -0.4, "evidence": []}],
        motivation={"drivers": [{"driver": "autonomy", "strength": 0.7}], "fit": 0.65},
    )
    doc = parse(build_report([record]))
    row = doc.find_all("table", "overview")[0].find_all("tr")[1]
    cells = [c.text for c in row.find_all("td")]
    assert "eigenaarschap −0.4" in cells
    assert "65%" in cells
    assert "autonomy" in doc.text


def test_values_and_drivers_per_answer_quote_their_evidence() -> None:
    """Each answer shows its value alignments and motivation drivers with the quoted words."""
    record = _record(
        "I fixed it myself and I love learning new tools.",
        [("ownership", "fixed it myself", 1.0)],
        values=[
            {"value": "ownership", "alignment": 0.5, "evidence": [{"text": "fixed it myself"}]},
            {"value": "openness", "alignment": None, "evidence": []},
        ],
        motivation={
            "drivers": [
                {"driver": "development", "strength": 0.6,
                 "evidence": [{"text": "learning new tools"}]},
            ],
            "fit": None,
        },
    )  # fmt: skip
    article = _answers(parse(build_report([record])))["r1"]
    line = article.find_all("p", "levels")[0].text
    assert "ownership +0.5 (“fixed it myself”)" in line
    assert "openness" not in line
    assert "development (“learning new tools”)" in line


def test_error_records_are_listed_not_scored() -> None:
    """Failed records and records that do not fit the schema appear in 'Not scored'."""
    records: list[Any] = [
        {"id": "e1", "line": 4, "error": "answer is empty @ $.answer"},
        RecordError("e2", 7, "unknown competency"),
        _record("bad offsets", []) | {
            "scores": [{"competency": "ownership", "level": 3, "score": 3.0,
                        "evidence": [{"start": 5, "end": 99, "text": "x", "signal": "s",
                                      "weight": 1}]}]},
        _record("wrong text", []) | {
            "id": "r9", "scores": [{"competency": "ownership", "level": 3, "score": 3.0,
                        "evidence": [{"start": 0, "end": 5, "text": "other", "signal": "s",
                                      "weight": 1}]}]},
    ]  # fmt: skip
    html = write_report(records, Path("/dev/null"))
    assert len(html.not_scored) == 4
    assert html.candidates == 0
    doc = parse(build_report(records))
    failed = doc.find_all("table", "failed")[0].text
    assert "answer is empty @ $.answer" in failed and "unknown competency" in failed
    assert "outside the answer (length 11) @ $.scores[0].evidence[0]" in failed
    assert "does not match the answer at its offsets @ $.scores[0].evidence[0].text" in failed


def test_a_raw_answer_without_scores_is_not_scored() -> None:
    """An input record that was never scored (no 'scores') is listed, not shown as 'no evidence'."""
    html = write_report([{"id": "a1", "answer": "Ik heb de klant teruggebeld.", "lang": "nl"}],
                        Path("/dev/null"))  # fmt: skip
    assert html.answers == 0 and len(html.not_scored) == 1
    assert "expected a record written by `talentfit score --format jsonl` @ $.scores" in (
        html.not_scored[0].error
    )


def test_accepts_answer_results() -> None:
    """The library's AnswerResult objects render like their JSON records."""
    answer = "I phoned her back the same day."
    result = AnswerResult(
        id="m1",
        candidate_id="cand",
        language="en",
        answer=answer,
        scores=(
            CompetencyScore(
                "ownership", 4, 4.2, (Evidence(2, 27, answer[2:27], "follows up", 0.8),), "ok"
            ),
        ),
    )
    assert build_report([result]) == build_report([result.to_dict()])
    doc = parse(build_report([result]))
    assert evidence_texts(doc)["1"] == "phoned her back the same "


def test_interface_languages() -> None:
    """nl and en interface text; both files have the same keys; no key shadows dict methods."""
    record = _record("Ik belde terug.", [("ownership", "belde terug", 1.0)])
    nl = build_report([record], lang="nl")
    en = build_report([record], lang="en")
    assert '<html lang="nl">' in nl and "Kandidatenrapport" in nl and "Uw beoordeling" in nl
    assert '<html lang="en">' in en and "Candidate report" in en and "Your rating" in en
    texts = [report_text(lang) for lang in LANGUAGES]
    for field in ("labels", "levels", "flags", "drivers"):
        assert len({frozenset(getattr(t, field)) for t in texts}) == 1, field
    assert not set(texts[0].labels) & set(dir(dict))
    template = (Path(__file__).parents[1] / "templates/report/report.html.j2").read_text()
    assert set(re.findall(r"\bt\.(\w+)", template)) == set(texts[0].labels)
    with pytest.raises(ConfigError, match="unknown report language 'de'"):
        build_report([record], lang="de")


def test_competency_names_come_from_the_rubric() -> None:
    """Column names are the rubric's display names in the report language, in rubric order."""
    rubric = load_rubric()
    record = _record("Ik belde terug.", [("ownership", "belde terug", 1.0)])
    for lang in LANGUAGES:
        doc = parse(build_report([record], lang=lang, rubric=rubric))
        header = doc.find_all("table", "overview")[0].find_all("tr")[0]
        names = [th.text for th in header.find_all("th", "comp")]
        assert names == [c.display_name(lang) for c in rubric.competencies]
    assert "eigenaarschap" in build_report([record], lang="nl")


def test_profile_weights_from_toml(tmp_path: Path) -> None:
    """A role profile's [competencies] table gives the weights; bad weights are one clear error."""
    assert profile_weights(DATA / "report_role.toml") == {"ownership": 3.0, "empathy": 1.0}
    role = (DATA / "report_role.toml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(role.replace("ownership = 3", 'ownership = "high"'), encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        profile_weights(bad)
    assert "'high'" in str(caught.value)
    assert "@ $.competencies.ownership" in str(caught.value)
    assert str(bad) in str(caught.value)
    with pytest.raises(ProfileError, match="not found"):
        profile_weights(tmp_path / "missing.toml")


def test_weights_mapping_and_profile_object() -> None:
    """Weights come from a mapping or any object with a competencies mapping."""
    profile = SimpleNamespace(competencies={"empathy": 2})
    assert profile_weights(profile) == {"empathy": 2.0}
    assert profile_weights({"ownership": 1}) == {"ownership": 1.0}
    with pytest.raises(ProfileError, match=r"@ \$\.competencies\.x"):
        profile_weights({"x": -1})


def test_deterministic(html: str) -> None:
    """The same records give byte-identical reports (no timestamps, stable order)."""
    assert build_report(read_records(SCORES)) == html


def test_levels_chart_per_candidate(html: str) -> None:
    """Each candidate has an inline SVG bar per competency with a level, scaled 0–5."""
    doc = parse(html)
    charts = doc.find_all("svg", "chart")
    assert len(charts) == 4
    bars = charts[0].find_all("rect", "bar")
    widths = sorted(float(b.attrs["width"] or 0) for b in bars)
    assert widths and all(0 < w <= 5 * 56 for w in widths)
    assert re.search(r"no evidence", charts[0].text)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=200), st.data())
def test_any_answer_text_renders(answer: str, data: st.DataObject) -> None:
    """Any answer text with any valid evidence renders, escaped, and deterministically."""
    start = data.draw(st.integers(0, len(answer) - 1))
    end = data.draw(st.integers(start + 1, len(answer)))
    record = _record(answer, [])
    record["scores"] = [
        {"competency": "ownership", "level": 3, "score": 3.0, "rationale": answer,
         "evidence": [{"start": start, "end": end, "text": answer[start:end],
                       "signal": answer, "weight": -0.5}]}
    ]  # fmt: skip
    record["id"] = answer
    first = build_report([record])
    assert first == build_report([json.loads(json.dumps(record))])
    assert not parse(first).find_all("script")
    assert "<script" not in first.lower()


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 50)
    | st.floats(allow_nan=True)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["start", "end", "text", "competency", "level", "evidence", "weight"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            ["id", "candidate_id", "answer", "scores", "flags", "values", "motivation",
             "question", "competency", "language", "error", "line", "rubric"]
        ),
        _JSON,
    )
)  # fmt: skip
def test_any_record_shape_renders_or_is_not_scored(record: dict[str, Any]) -> None:
    """Whatever a record holds, the report renders; a misfit record is listed, never a crash."""
    summary = write_report([record], Path("/dev/null"))
    assert summary.answers + len(summary.not_scored) == 1


def test_value_ids_show_as_value_names_in_the_report_language() -> None:
    """Built-in value ids are shown by their name in the interface language."""
    record = _record(
        "I fixed it myself.",
        [("ownership", "fixed it myself", 1.0)],
        values=[{"value": "ownership", "alignment": 0.5, "evidence": []}],
    )
    doc = parse(build_report([record], lang="nl"))
    row = doc.find_all("table", "overview")[0].find_all("tr")[1]
    assert "eigenaarschap +0.5" in [c.text for c in row.find_all("td")]
